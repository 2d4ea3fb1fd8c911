// Matching and ordering questions (docs/assets/pasangkan-urutkan.js): the shuffle that never shows
// the key's order, the grading, and what is read back from storage. Run without a page, the script
// only hands over its pure part (window.pasangkanUrutkan); the page itself is tested in Chromium by
// tests/test_matching_browser.py. Also: the progress code counts answers stored under our key.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";
import { MemoryStorage, contract, load, plain } from "./harness.mjs";

const SOURCE = readFileSync(new URL("../../docs/assets/pasangkan-urutkan.js", import.meta.url), "utf8");

function pure() {
  const context = vm.createContext({ CONTRACT: contract() });
  vm.runInContext(SOURCE, context, { filename: "pasangkan-urutkan.js" });
  return context.pasangkanUrutkan;
}

const range = (n) => Array.from({ length: n }, (_, i) => i);

// Random sources: the real one, and the degenerate ones a Fisher-Yates shuffle turns into fixed orders.
function seeded(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const SOURCES = { math: Math.random, zero: () => 0, almostOne: () => 0.999999, seeded: seeded(7) };

test("a shuffle is never the key's order, with any random source, and is a permutation", () => {
  const { shuffle, inKeyOrder } = pure();
  for (const [name, random] of Object.entries(SOURCES)) {
    for (let size = 2; size <= 9; size++) {
      for (let keyLength = 1; keyLength <= size; keyLength++) {
        for (let run = 0; run < 30; run++) {
          const order = [...shuffle(range(size), keyLength, random)];
          assert.deepEqual([...order].sort((a, b) => a - b), range(size), name);
          assert.ok(!inKeyOrder(order, keyLength), `${name}: ${order} begins with the key's ${keyLength}`);
          assert.notDeepEqual(order.slice(0, keyLength), range(keyLength));
        }
      }
    }
  }
});

test("a shuffle changes from load to load", () => {
  const { shuffle } = pure();
  const seen = new Set();
  const random = seeded(42);
  for (let run = 0; run < 40; run++) seen.add(shuffle(range(4), 4, random).join(","));
  assert.ok(seen.size >= 10, [...seen].join(" | ")); // 23 orders are allowed
  assert.ok(!seen.has("0,1,2,3"));
});

test("the key's order is the bank's: a matching item's answers begin with the left items' keys", () => {
  const { inKeyOrder } = pure();
  assert.equal(inKeyOrder([0, 1, 2], 3), true);
  assert.equal(inKeyOrder([0, 1, 3, 2], 2), true); // the distractors' places do not matter
  assert.equal(inKeyOrder([1, 0, 2], 2), false);
  assert.equal(inKeyOrder([0, 2, 1], 3), false);
  assert.equal(inKeyOrder([0], 1), false); // one item has no other order to show
});

test("every row is graded on its own; a repeated answer counts for each of its rows", () => {
  const { grade } = pure();
  assert.deepEqual([...grade(["0", "1", "1"], ["0", "1", "1"])], [true, true, true]);
  assert.deepEqual([...grade(["0", "2", "1"], ["0", "1", "1"])], [true, false, true]);
  assert.deepEqual([...grade(["", "1", "1"], ["", "1", "1"])], [false, true, true]); // no choice is never right
  assert.deepEqual([...grade(["2", "0", "1"], ["0", "1", "2"])], [false, false, false]);
});

test("stored pages keep only entries of mkdocs-quiz's shape, under names the page writes", () => {
  const { cleanStore } = pure();
  const good = { answered: true, correct: false, selectedValues: ["1", "0"] };
  const stored = JSON.parse(
    JSON.stringify({
      "soal-a": good,
      "soal-b": { answered: "ya", correct: true, selectedValues: [] },
      "soal-c": { answered: true, correct: true, selectedValues: [1, 2] },
      "soal-d": { answered: true, correct: true },
      "soal-e": null,
      "<img src=x onerror=alert(1)>": good,
      constructor: good,
    })
  );
  stored["__proto__"] = good; // as JSON.parse makes it: an own property
  const clean = cleanStore(stored);
  assert.deepEqual(plain(clean), { "soal-a": good });
  assert.equal(clean.selectedValues, undefined); // "__proto__" gave the result no prototype of its own
  for (const value of [null, [], "teks", 5, [good]]) assert.deepEqual(plain(cleanStore(value)), {});
});

test("a stored answer is shown only when its values fit the question", () => {
  const { usableValues } = pure();
  const matching = { kind: "pasangan", keys: ["0", "1", "1"], choices: ["0", "1", "2"] };
  const ordering = { kind: "urutan", keys: ["0", "1", "2"], choices: ["0", "1", "2"] };
  const entry = (values, answered = true) => ({ answered, correct: false, selectedValues: values });
  assert.deepEqual([...usableValues(entry(["2", "2", "1"]), matching)], ["2", "2", "1"]); // one answer may repeat
  assert.equal(usableValues(entry(["2", "2"]), matching), null);
  assert.equal(usableValues(entry(["2", "", "1"]), matching), null);
  assert.equal(usableValues(entry(["2", "9", "1"]), matching), null);
  assert.equal(usableValues(entry(["2", "<b>", "1"]), matching), null);
  assert.equal(usableValues(entry(["2", "2", "1"], false), matching), null);
  assert.equal(usableValues(undefined, matching), null);
  assert.deepEqual([...usableValues(entry(["2", "0", "1"]), ordering)], ["2", "0", "1"]);
  assert.equal(usableValues(entry(["2", "2", "1"]), ordering), null); // a step twice
  assert.equal(usableValues(entry(["2", "0"]), ordering), null);
});

test("the progress code counts matching and ordering answers with mkdocs-quiz's, per lesson", () => {
  const prefix = contract().matchOrderPrefix;
  assert.notEqual(prefix.indexOf(contract().quizPrefix), 0); // neither key reads the other's
  const KURSUS = {
    version: contract().dataVersion,
    modules: [{ title: "Modul 1", lessons: [{ title: "Satu", url: "modul-1/satu/", questions: ["soal-a", "soal-p", "soal-u"] }] }],
    final_exam: { questions: [], pass_mark: 70 },
  };
  const context = load(["core.js", "stats.js"], {
    KURSUS,
    localStorage: new MemoryStorage({
      [contract().quizPrefix + "/kursus/modul-1/satu/"]: JSON.stringify({ "soal-a": { answered: true, correct: true, selectedValues: ["0"] } }),
      [prefix + "/kursus/modul-1/satu/"]: JSON.stringify({
        "soal-p": { answered: true, correct: false, selectedValues: ["1", "0", "2"] },
        "soal-u": { answered: true, correct: true, selectedValues: ["0", "1", "2"] },
      }),
      [prefix + "/lain/modul-1/satu/"]: JSON.stringify({ "soal-p": { answered: true, correct: true, selectedValues: [] } }),
      [prefix + "/kursus/modul-1/satu/index.html"]: "bukan JSON",
    }),
  });
  const site = new context.Site(new URL("http://contoh.id/kursus/"));
  const course = context.readCourse();
  const answers = context.readAnswers(site, course);
  assert.deepEqual(plain(answers), {
    "modul-1/satu/": { "soal-a": { correct: true }, "soal-p": { correct: false }, "soal-u": { correct: true } },
  });
  const stats = context.lessonStats(course.byUrl["modul-1/satu/"], answers);
  assert.deepEqual([stats.answered, stats.correct, stats.status], [3, 2, "done"]);
});

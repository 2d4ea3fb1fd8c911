import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryStorage, contract, load, plain } from "./harness.mjs";

const ROOT = new URL("http://127.0.0.1:8000/");

// Just enough of a rendered question for the exam's reading and grading: mkdocs-quiz's data-quiz-type
// on the question; on each input its value, checked state and data-* attributes.
function input(value, attributes = {}, checked = false) {
  return { value, checked, getAttribute: (name) => (name in attributes ? attributes[name] : null) };
}

function quiz(id, inputs, type = "single-choice") {
  const blank = type === "fill-blank";
  return {
    id,
    getAttribute: (name) => (name === "data-quiz-type" ? type : null),
    querySelectorAll(selector) {
      if (selector === "input.quiz-blank-input") return blank ? inputs : [];
      if (selector === 'input[name="answer"]') return blank ? [] : inputs;
      throw new Error("unexpected selector " + selector);
    },
  };
}

function choice(id, correct, checked) {
  return quiz(id, [input("0", { "data-correct": "true" }, checked.includes("0")), input("1", { "data-correct": String(correct) }, checked.includes("1"))]);
}

function blank(id, value) {
  return quiz(id, [input(value, { "data-answer": "keberfungsian sosial", "data-accept": '["fungsi sosial"]' })], "fill-blank");
}

function loaded(items = {}) {
  const storage = new MemoryStorage(items);
  const context = load(["core.js", "stats.js", "exam-answers.js"], { localStorage: storage });
  return { context, storage, site: new context.Site(ROOT) };
}

test("answers are compared as mkdocs-quiz compares them after assets/kursus.js", () => {
  const { context } = loaded();
  assert.equal(context.normalize("  Keberfungsian\u00a0 SOSIAL.. "), "keberfungsian sosial");
  assert.equal(context.normalize("ﬁ"), "fi"); // NFKC
});

test("a question is correct when every option's state matches the key, or every blank an accepted answer", () => {
  const { context } = loaded();
  assert.equal(context.isCorrect(choice("q", false, ["0"])), true);
  assert.equal(context.isCorrect(choice("q", true, ["0"])), false); // a multiple choice half answered
  assert.equal(context.isCorrect(choice("q", false, ["0", "1"])), false);
  assert.equal(context.isCorrect(blank("q", "Fungsi sosial.")), true);
  assert.equal(context.isCorrect(blank("q", "keberfungsian sosial")), true);
  assert.equal(context.isCorrect(blank("q", "fungsi")), false);
  assert.equal(context.isCorrect(blank("q", "   ")), false);
  assert.equal(context.isCorrect(quiz("q", [])), false);
  const odd = quiz("q", [input("x", { "data-accept": "{bukan daftar", "data-answer": "x" })], "fill-blank");
  assert.equal(context.isCorrect(odd), true); // a broken list of variants leaves the canonical answer
});

test("a question is answered once an option is checked or every blank filled", () => {
  const { context } = loaded();
  assert.equal(context.isAnswered(choice("q", false, [])), false);
  assert.equal(context.isAnswered(choice("q", false, ["1"])), true);
  assert.equal(context.isAnswered(blank("q", " ")), false);
  assert.equal(context.isAnswered(blank("q", "apa saja")), true);
});

test("a selection put back on a question reads back the same; anything else clears it", () => {
  const { context } = loaded();
  const options = choice("q", true, []);
  context.applySelection(options, ["1"]);
  assert.deepEqual(plain(context.selection(options)), ["1"]);
  context.applySelection(options, "1");
  assert.deepEqual(plain(context.selection(options)), []);
  const blanks = blank("q", "");
  context.applySelection(blanks, ["fungsi sosial"]);
  assert.deepEqual(plain(context.selection(blanks)), ["fungsi sosial"]);
  context.applySelection(blanks, []);
  assert.deepEqual(plain(context.selection(blanks)), [""]);
});

test("the draft keeps what was given, and tells nothing stored from an empty draft", () => {
  const { context, site, storage } = loaded();
  assert.equal(context.readDraft(site), null);
  context.saveDraft(site, [choice("q1", false, ["0"]), choice("q2", false, []), blank("q3", "separuh")]);
  assert.deepEqual(plain(context.readDraft(site)), { q1: ["0"], q3: ["separuh"] });
  for (const stored of ["rusak", '{"answers":"q1"}', "[]"]) {
    storage.setItem(contract().draftPrefix + "/", stored);
    assert.deepEqual(plain(context.readDraft(site)), {}, stored);
  }
});

test("a submission is scored per module and read back by the same checks as a later visit", () => {
  const { context, site } = loaded();
  const course = {
    exam: {
      passMark: 60,
      questions: [
        { id: "q1", module: "Modul 1" },
        { id: "q2", module: "Modul 2" },
        { id: "q3", module: "Modul 1" },
      ],
    },
  };
  const quizzes = [choice("q1", false, ["0"]), choice("q2", false, ["1"]), blank("q3", "fungsi sosial"), choice("q4", false, [])];
  const result = context.scoreExam(quizzes, course, new Date("2026-03-04T05:06:07Z"));
  assert.deepEqual(plain(result), {
    version: contract().resultVersion,
    score: 50,
    correct: 2,
    total: 4,
    pass_mark: 60,
    date: "2026-03-04T05:06:07.000Z",
    modules: [
      { title: "Modul 1", correct: 2, total: 2 },
      { title: "Modul 2", correct: 0, total: 1 },
      { title: "Lainnya", correct: 0, total: 1 },
    ],
    wrong: ["q2", "q4"],
    answers: { q1: ["0"], q2: ["1"], q3: ["fungsi sosial"], q4: [] },
  });
  context.storageSet(site.key(context.KEYS.result), JSON.stringify(result));
  assert.equal(context.readResult(site).passed, false);
  assert.equal(context.scoreExam([], null, new Date()).pass_mark, contract().passMark);
});

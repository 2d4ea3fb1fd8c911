import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryStorage, contract, load, plain } from "./harness.mjs";

const ROOT = new URL("file:///home/budi/kursus/");
const KURSUS = {
  version: contract().dataVersion,
  modules: [
    {
      title: "Modul 1",
      lessons: [
        { title: "Satu", url: "modul-1/satu/", questions: ["a", "b"] },
        { title: "Dua", url: "modul-1/dua/", questions: ["c", "d"] },
      ],
    },
    { title: "Modul 2", lessons: [{ title: "Tiga", url: "modul-2/tiga/", questions: ["e"] }] },
  ],
  final_exam: { questions: [], pass_mark: 70 },
};

function loaded(items) {
  const context = load(["core.js", "stats.js"], { localStorage: new MemoryStorage(items), KURSUS });
  return { context, site: new context.Site(ROOT), course: context.readCourse() };
}

const quizKey = (path) => contract().quizPrefix + path;

test("answers of one lesson stored under two addresses merge, the better entry winning", () => {
  const { context, site, course } = loaded({
    [quizKey("/home/budi/kursus/modul-1/satu.html")]: JSON.stringify({ a: { answered: true, correct: false } }),
    [quizKey("/home/budi/kursus/modul-1/satu/index.html")]: JSON.stringify({
      a: { answered: true, correct: true },
      b: { answered: false, correct: false },
    }),
    [quizKey("/home/budi/lain/modul-1/dua.html")]: JSON.stringify({ c: { answered: true, correct: true } }),
    [quizKey("/home/budi/kursus/modul-1/dua.html")]: "bukan JSON",
    [quizKey("/home/budi/kursus/modul-9/asing.html")]: JSON.stringify({ z: { answered: true, correct: true } }),
  });
  assert.deepEqual(plain(context.readAnswers(site, course)), { "modul-1/satu/": { a: { correct: true } } });
});

test("a lesson is to do, started or done by the questions answered", () => {
  const { context, course } = loaded({});
  const lesson = course.byUrl["modul-1/satu/"];
  const stats = (stored) => plain(context.lessonStats(lesson, { "modul-1/satu/": stored }));
  assert.deepEqual(stats({}), { answered: 0, correct: 0, total: 2, status: "todo", mastery: null });
  assert.deepEqual(stats({ a: { correct: false } }), { answered: 1, correct: 0, total: 2, status: "started", mastery: null });
  assert.deepEqual(stats({ a: { correct: true }, b: { correct: false }, x: { correct: true } }), {
    answered: 2,
    correct: 1,
    total: 2,
    status: "done",
    mastery: { level: 50, band: "kurang", mastered: false },
  });
});

test("the course's totals count every lesson and point to the first one not mastered", () => {
  const { context, course } = loaded({});
  const answers = { "modul-1/satu/": { a: { correct: true }, b: { correct: false } }, "modul-1/dua/": { c: { correct: true } } };
  const stats = context.courseStats(course, answers);
  const totals = plain(stats.totals);
  assert.equal(totals.next.url, "modul-1/satu/"); // done, but at 50 %
  delete totals.next;
  assert.deepEqual(totals, { answered: 3, correct: 2, total: 5, lessons: 3, finished: 1, mastered: 0 });
  assert.deepEqual(plain(stats.modules.map((module) => module.rows.map((row) => row.stats.status))), [["done", "started"], ["todo"]]);
  const mastered = { ...answers, "modul-1/satu/": { a: { correct: true }, b: { correct: true } } };
  const next = context.courseStats(course, mastered).totals;
  assert.equal(next.next.url, "modul-1/dua/");
  assert.equal(next.mastered, 1);
});

// A lesson of `total` questions with `correct` right, every one answered.
function mastery(context, correct, total) {
  const questions = Array.from({ length: total }, (_, index) => "q" + index);
  const stored = Object.fromEntries(questions.map((id, index) => [id, { correct: index < correct }]));
  return plain(context.lessonStats({ url: "x/", questions }, { "x/": stored }).mastery);
}

test("the tingkat penguasaan is correct over total, rounded down, read with the course's bands", () => {
  const { context } = loaded({});
  const bands = contract().masteryBands;
  assert.deepEqual(bands.map((band) => band.name), ["baik sekali", "baik", "cukup", "kurang"]);
  assert.deepEqual(mastery(context, 9, 10), { level: 90, band: "baik sekali", mastered: true });
  assert.deepEqual(mastery(context, 8, 10), { level: 80, band: "baik", mastered: true });
  // 79.5 % has not reached the mark: rounding up would let it through and call it "baik".
  assert.deepEqual(mastery(context, 159, 200), { level: 79, band: "cukup", mastered: false });
  assert.deepEqual(mastery(context, 7, 10), { level: 70, band: "cukup", mastered: false });
  assert.deepEqual(mastery(context, 2, 3), { level: 66, band: "kurang", mastered: false });
  assert.deepEqual(mastery(context, 0, 8), { level: 0, band: "kurang", mastered: false });
  assert.deepEqual(mastery(context, 12, 12), { level: 100, band: "baik sekali", mastered: true });
  assert.equal(contract().masteryMark, 80);
});

test("the bands read as the printed book reads them", () => {
  const { context } = loaded({});
  assert.deepEqual(plain(context.masteryRanges()), [
    { range: "90\u2013100 %", name: "baik sekali" },
    { range: "80\u201389 %", name: "baik" },
    { range: "70\u201379 %", name: "cukup" },
    { range: "di bawah 70 %", name: "kurang" },
  ]);
});

function resultWith(fields) {
  return {
    version: contract().resultVersion,
    score: 75,
    correct: 3,
    total: 4,
    pass_mark: 70,
    date: "2026-01-02T03:04:05.000Z",
    modules: [{ title: "Modul 1", correct: 3, total: 4 }, { title: "Rusak", correct: 5, total: 4 }, "x"],
    wrong: ["soal-1"],
    answers: { "soal-1": ["0"] },
    ...fields,
  };
}

test("a stored result is read back checked, with its verdict", () => {
  const key = contract().resultPrefix + ROOT.pathname;
  const { context, site } = loaded({ [key]: JSON.stringify(resultWith({})) });
  const result = plain(context.readResult(site));
  assert.equal(result.passed, true);
  assert.deepEqual(result.modules, [{ title: "Modul 1", correct: 3, total: 4 }]);
  const failing = loaded({ [key]: JSON.stringify(resultWith({ score: 69, wrong: "soal-1", answers: [] })) });
  const read = plain(failing.context.readResult(failing.site));
  assert.equal(read.passed, false);
  assert.deepEqual([read.wrong, read.answers], [[], {}]);
});

test("a stored result of another version or with impossible figures is not read", () => {
  const key = contract().resultPrefix + ROOT.pathname;
  const broken = [
    { version: contract().resultVersion + 1 },
    { score: "75" },
    { correct: 5 },
    { score: 101 },
    { pass_mark: -1 },
    { date: "kemarin" },
    { modules: "Modul 1" },
  ];
  for (const fields of broken) {
    const { context, site } = loaded({ [key]: JSON.stringify(resultWith(fields)) });
    assert.equal(context.readResult(site), null, JSON.stringify(fields));
  }
});

test("percentages round, and nothing of nothing is zero", () => {
  const { context } = loaded({});
  assert.equal(context.percent(2, 3), 67);
  assert.equal(context.percent(0, 0), 0);
});

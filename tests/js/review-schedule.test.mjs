// Ulang soal's Leitner schedule (docs/assets/kemajuan/review-schedule.js): lesson answers entering
// it, answers on the review page moving a question between boxes on the course's intervals, and a
// stored schedule that is corrupted, foreign or hostile read safely.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryStorage, contract, load, plain, refusingStorage } from "./harness.mjs";

const ROOT = new URL("http://127.0.0.1:8000/kursus/");
const KURSUS = {
  version: contract().dataVersion,
  modules: [
    { title: "Modul 1", lessons: [{ title: "Satu", url: "modul-1/satu/", questions: ["soal-a", "soal-b"] }] },
    { title: "Modul 2", lessons: [{ title: "Dua", url: "modul-2/dua/", questions: ["soal-c"] }] },
  ],
  final_exam: { questions: [], pass_mark: 70 },
};
const DAYS = contract().reviewDays;
const LESSON_BOX = contract().reviewLessonBox;
const REVIEW_KEY = contract().reviewPrefix + ROOT.pathname;
const quizKey = (url) => contract().quizPrefix + ROOT.pathname + url;

function loaded(items = {}, storage = new MemoryStorage(items)) {
  const context = load(["core.js", "stats.js", "review-schedule.js"], { localStorage: storage, KURSUS });
  return { context, storage, site: new context.Site(ROOT), course: context.readCourse() };
}

// A lesson's mkdocs-quiz record: {id: right?}.
function lessonRecord(answers) {
  return JSON.stringify(Object.fromEntries(Object.entries(answers).map(([id, correct]) => [id, { answered: true, correct, selectedValues: ["0"] }])));
}

test("the course's schedule is the one the rules describe", () => {
  assert.deepEqual(DAYS, [1, 3, 7, 14]);
  assert.equal(LESSON_BOX, 3);
});

test("days are local calendar days, across months, years and leap days", () => {
  const { context } = loaded();
  assert.equal(context.dayOf(new Date(2026, 11, 2, 23, 59)), "2026-12-02");
  assert.equal(context.addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(context.addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(context.addDays("2026-03-28", 14), "2026-04-11");
  assert.equal(context.daysBetween("2026-12-30", "2027-01-02"), 3);
  for (const bad of ["2026-02-30", "2026-13-01", "26-1-1", "2026-12-02T00:00", "", 20261202, null]) {
    assert.equal(context.dateOfDay(bad), null, String(bad));
  }
});

test("a question missed in a lesson is not due today, is due one day later and stays due until answered", () => {
  const { context, site, course, storage } = loaded({ [quizKey("modul-1/satu/")]: lessonRecord({ "soal-a": false }) });
  const review = context.refreshReview(site, course, "2026-12-02");
  assert.deepEqual(plain(review.items), { "soal-a": { box: 1, due: "2026-12-03", lesson: "w" } });
  assert.deepEqual(plain(JSON.parse(storage.getItem(REVIEW_KEY))), plain(review));
  assert.deepEqual(plain(context.dueQuestions(review, course, "2026-12-02")), []);
  assert.deepEqual(plain(context.dueQuestions(review, course, "2026-12-03")), ["soal-a"]);
  assert.deepEqual(plain(context.dueQuestions(review, course, "2026-12-20")), ["soal-a"]);
  assert.deepEqual(plain(context.nextReview(review, "2026-12-02")), { day: "2026-12-03", count: 1 });
});

test("a question right in its lesson enters a later box and comes back after that box's days", () => {
  const { context, site, course } = loaded({ [quizKey("modul-1/satu/")]: lessonRecord({ "soal-a": true, "soal-b": false }) });
  const review = context.refreshReview(site, course, "2026-12-02");
  assert.deepEqual(plain(review.items["soal-a"]), { box: LESSON_BOX, due: context.addDays("2026-12-02", DAYS[LESSON_BOX - 1]), lesson: "c" });
  assert.deepEqual(plain(context.dueQuestions(review, course, "2026-12-08")), ["soal-b"]);
  assert.deepEqual(plain(context.dueQuestions(review, course, "2026-12-09")), ["soal-a", "soal-b"]);
});

test("right answers on schedule move a missed question through every box until it retires", () => {
  const { context, site, course } = loaded({ [quizKey("modul-2/dua/")]: lessonRecord({ "soal-c": false }) });
  const review = context.refreshReview(site, course, "2026-12-02");
  let day = "2026-12-03"; // due one day after the miss
  const seen = [];
  for (let box = 1; box <= DAYS.length; box++) {
    assert.deepEqual(plain(context.dueQuestions(review, course, context.addDays(day, -1))), [], `not yet due before ${day}`);
    assert.deepEqual(plain(context.dueQuestions(review, course, day)), ["soal-c"], `due on ${day}`);
    const entry = plain(context.recordReview(review, "soal-c", true, day));
    seen.push([day, entry.box]);
    assert.deepEqual(plain(context.dueQuestions(review, course, day)), [], "answered: gone for today");
    if (box < DAYS.length) day = context.addDays(day, DAYS[box]);
  }
  // Box 1 on day 1, box 2 three days later, box 3 seven days later, box 4 fourteen days later.
  assert.deepEqual(seen, [["2026-12-03", 2], ["2026-12-06", 3], ["2026-12-13", 4], ["2026-12-27", 0]]);
  assert.deepEqual(plain(review.items["soal-c"]), { box: 0, due: "", lesson: "w" });
  assert.deepEqual(plain(context.dueQuestions(review, course, "2030-01-01")), []);
  assert.equal(context.nextReview(review, "2026-12-27"), null);
  // The lesson answer it was missed with is not news: syncing again leaves it retired.
  assert.equal(context.syncReview(review, course, context.readAnswers(site, course), "2027-01-01"), false);
});

test("a wrong answer on the review page sends a question back to box 1 from any box", () => {
  const { context, site, course } = loaded({ [quizKey("modul-1/satu/")]: lessonRecord({ "soal-a": true }) });
  const review = context.refreshReview(site, course, "2026-12-02");
  const entry = plain(context.recordReview(review, "soal-a", false, "2026-12-09"));
  assert.deepEqual(entry, { box: 1, due: "2026-12-10", lesson: "c" });
  assert.deepEqual(plain(context.recordReview(review, "soal-a", true, "2026-12-10")), { box: 2, due: "2026-12-13", lesson: "c" });
});

test("a changed lesson answer counts once: wrong after right is box 1, right after wrong changes nothing", () => {
  const { context, site, course, storage } = loaded({ [quizKey("modul-1/satu/")]: lessonRecord({ "soal-a": true }) });
  const review = context.refreshReview(site, course, "2026-12-02");
  storage.setItem(quizKey("modul-1/satu/"), lessonRecord({ "soal-a": false }));
  let now = context.refreshReview(site, course, "2026-12-04");
  assert.deepEqual(plain(now.items["soal-a"]), { box: 1, due: "2026-12-05", lesson: "w" });
  storage.setItem(quizKey("modul-1/satu/"), lessonRecord({ "soal-a": true })); // Coba lagi, right this time
  now = context.refreshReview(site, course, "2026-12-04");
  assert.deepEqual(plain(now.items["soal-a"]), { box: 1, due: "2026-12-05", lesson: "c" });
  storage.removeItem(quizKey("modul-1/satu/")); // Ulangi kuis: the lesson's answers cleared
  now = context.refreshReview(site, course, "2026-12-06");
  assert.deepEqual(plain(now.items["soal-a"]), { box: 1, due: "2026-12-05", lesson: "" });
  storage.setItem(quizKey("modul-1/satu/"), lessonRecord({ "soal-a": false })); // missed again
  now = context.refreshReview(site, course, "2026-12-06");
  assert.deepEqual(plain(now.items["soal-a"]), { box: 1, due: "2026-12-07", lesson: "w" });
  assert.ok(review);
});

test("answers stored before the schedule existed join it on the next visit, and a visit with nothing new writes nothing", () => {
  const storage = new MemoryStorage({
    [quizKey("modul-1/satu/index.html")]: lessonRecord({ "soal-a": false, "soal-b": true }),
    [quizKey("modul-2/dua/")]: lessonRecord({ "soal-c": true }),
  });
  const { context, site, course } = loaded({}, storage);
  assert.equal(storage.getItem(REVIEW_KEY), null);
  context.refreshReview(site, course, "2026-12-02");
  const written = storage.getItem(REVIEW_KEY);
  assert.deepEqual(Object.keys(JSON.parse(written).items).sort(), ["soal-a", "soal-b", "soal-c"]);
  let writes = 0;
  const setItem = storage.setItem.bind(storage);
  storage.setItem = (key, value) => { writes++; setItem(key, value); };
  context.refreshReview(site, course, "2026-12-03");
  assert.equal(writes, 0);
});

test("a corrupted, foreign or hostile schedule is read entry by entry, and nothing of it is kept that cannot be", () => {
  const hostile = '<img src=x onerror="window.__ditembus=1">';
  const good = { box: 2, due: "2026-12-05", lesson: "c" };
  const items = {
    "soal-a": good,
    "soal-b": { box: 9, due: "2026-12-05" },
    "soal-c": { box: 1, due: hostile, lesson: hostile },
    [hostile]: { box: 1, due: "2026-12-05" },
    ["__proto__"]: { box: 1, due: "2026-12-05" }, // an own key, as JSON.parse makes it
  };
  const cases = [
    [{ version: contract().reviewVersion, items }, { "soal-a": good }],
    [{ version: contract().reviewVersion, items: { "soal-a": { box: 1.5, due: "2026-12-05" }, "soal-b": { box: "1", due: "2026-12-05" }, "soal-c": { box: -1 } } }, {}],
    [{ version: contract().reviewVersion, items: { "soal-a": { box: 0, due: "kapan saja", lesson: "x" } } }, { "soal-a": { box: 0, due: "", lesson: "" } }],
    [{ version: contract().reviewVersion + 1, items: { "soal-a": good } }, {}],
    [{ version: contract().reviewVersion, items: [good] }, {}],
    [[1, 2], {}],
    ["bukan JSON", {}],
  ];
  for (const [stored, expected] of cases) {
    const raw = typeof stored === "string" ? stored : JSON.stringify(stored);
    const { context, site, course } = loaded({ [REVIEW_KEY]: raw });
    assert.deepEqual(plain(context.readReview(site, course).items), expected, raw);
  }
  // A schedule with nothing usable is replaced as soon as a lesson answer comes in.
  const { context, site, course, storage } = loaded({ [REVIEW_KEY]: "{rusak", [quizKey("modul-1/satu/")]: lessonRecord({ "soal-b": false }) });
  context.refreshReview(site, course, "2026-12-02");
  assert.deepEqual(JSON.parse(storage.getItem(REVIEW_KEY)).items, { "soal-b": { box: 1, due: "2026-12-03", lesson: "w" } });
});

test("disabled storage reads as an empty schedule and breaks nothing", () => {
  const { context, site, course } = loaded({}, refusingStorage());
  const review = context.refreshReview(site, course, "2026-12-02");
  assert.deepEqual(plain(review.items), {});
  assert.deepEqual(plain(context.dueQuestions(review, course, "2026-12-02")), []);
});

test("the next due day reads as the student says it, with how many questions fall due then", () => {
  const { context } = loaded();
  const review = { version: contract().reviewVersion, items: {
    "soal-a": { box: 2, due: "2026-12-05", lesson: "" },
    "soal-b": { box: 1, due: "2026-12-05", lesson: "w" },
    "soal-c": { box: 4, due: "2026-12-20", lesson: "c" },
  } };
  assert.deepEqual(plain(context.nextReview(review, "2026-12-02")), { day: "2026-12-05", count: 2 });
  assert.equal(context.dueDayText("2026-12-03", "2026-12-02"), "besok, Kamis, 3 Desember 2026");
  assert.equal(context.dueDayText("2026-12-05", "2026-12-02"), "3 hari lagi, Sabtu, 5 Desember 2026");
  assert.equal(context.dueDayText("2026-12-02", "2026-12-02"), "hari ini");
});

// "Lanjutkan": the place assets/kursus.js records as the student reads, read back by stats.js, and
// where the dashboard's button leads from it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryStorage, contract, load } from "./harness.mjs";

const ROOT = new URL("file:///home/budi/kursus/");
const KURSUS = {
  version: contract().dataVersion,
  modules: [
    {
      title: "Modul 1",
      lessons: [
        { title: "Satu", url: "modul-1/satu/", questions: ["a", "b"] },
        { title: "Dua", url: "modul-1/dua/", questions: ["c"] },
      ],
    },
    { title: "Modul 2", lessons: [{ title: "Tiga", url: "modul-2/tiga/", questions: ["e"] }] },
  ],
  final_exam: { questions: [], pass_mark: 70 },
};
const READING = contract().readingPrefix + ROOT.pathname;

function loaded(reading) {
  const items = reading === undefined ? {} : { [READING]: typeof reading === "string" ? reading : JSON.stringify(reading) };
  const context = load(["core.js", "stats.js"], { localStorage: new MemoryStorage(items), KURSUS });
  const site = new context.Site(ROOT);
  const course = context.readCourse();
  return { context, site, course };
}

// Where "Lanjutkan" leads with `answers` stored and `reading` recorded: [lesson URL, section id].
function target(reading, answers) {
  const { context, site, course } = loaded(reading);
  const place = context.readReading(site, course);
  const found = context.resumeTarget(context.courseStats(course, answers), place);
  return found && [found.lesson.url, found.id, found.section];
}

const place = (last, id, section = "Bagian") => ({ last, pages: { [last]: { id, section, lesson: "x" } } });

test("the lesson and section read last, while its quiz is unfinished, even far past the first unfinished lesson", () => {
  const answers = { "modul-1/dua/": { c: { correct: true } } };
  assert.deepEqual(target(place("modul-2/tiga/", "sistem-klien", "Sistem klien"), answers), ["modul-2/tiga/", "sistem-klien", "Sistem klien"]);
});

test("a lesson read last and finished below the mastery mark is still where the student goes on", () => {
  const answers = { "modul-1/satu/": { a: { correct: true }, b: { correct: false } } };
  assert.deepEqual(target(place("modul-1/satu/", "bagian-2", "Bagian dua"), answers), ["modul-1/satu/", "bagian-2", "Bagian dua"]);
});

test("a lesson read last and mastered sends the student to the first lesson in course order not mastered", () => {
  const answers = { "modul-1/dua/": { c: { correct: true } }, "modul-2/tiga/": { e: { correct: false } } };
  assert.deepEqual(target(place("modul-1/dua/", "akhir"), answers), ["modul-1/satu/", "", ""]);
  // Every quiz finished, one below the mark: that lesson, though it comes after the place.
  const all = { ...answers, "modul-1/satu/": { a: { correct: true }, b: { correct: true } } };
  assert.deepEqual(target(place("modul-1/dua/", "akhir"), all), ["modul-2/tiga/", "", ""]);
  const mastered = { ...all, "modul-2/tiga/": { e: { correct: true } } };
  assert.equal(target(place("modul-1/dua/", "akhir"), mastered), null);
});

test("without a usable record, the first lesson not mastered, as before", () => {
  const answers = { "modul-1/satu/": { a: { correct: true }, b: { correct: true } } };
  for (const reading of [undefined, "bukan JSON", [], { last: 5, pages: {} }, place("modul-9/asing/", "x"), { last: "modul-1/dua/", pages: {} }]) {
    assert.deepEqual(target(reading, answers), ["modul-1/dua/", "", ""], JSON.stringify(reading));
  }
});

test("a record written under another address form or with a foreign id is read safely", () => {
  assert.deepEqual(target(place("modul-2/tiga.html", "bagian-2"), {}), ["modul-2/tiga/", "bagian-2", "Bagian"]);
  // An id that is not an anchor of ours is dropped, and with it the section's name.
  assert.deepEqual(target(place("modul-2/tiga/", "\"><img src=x>"), {}), ["modul-2/tiga/", "", ""]);
});

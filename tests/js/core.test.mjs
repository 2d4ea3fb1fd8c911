import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryStorage, contract, load, plain, refusingStorage } from "./harness.mjs";

const ROOT = new URL("http://127.0.0.1:8000/kursus/");

function outline(overrides = {}) {
  return {
    version: contract().dataVersion,
    modules: [
      {
        title: "Modul 1",
        lessons: [
          { title: "Satu", url: "modul-1/satu/", questions: ["soal-a", "soal-b"], count: 2 },
          { title: "Tanpa soal", url: "modul-1/kosong/", questions: [], count: 0 },
          { title: 3, url: "modul-1/rusak/", questions: ["soal-c"] },
        ],
      },
      { title: "Modul kosong", lessons: [] },
      "bukan modul",
    ],
    final_exam: { questions: [{ id: "soal-ea-1", lesson: "modul-1/satu/", module: "Modul 1" }, { id: 7 }], pass_mark: 80 },
    ...overrides,
  };
}

test("the contract's values are the ones the scripts use", () => {
  const core = load(["core.js"]);
  assert.equal(core.QUIZ_PREFIX, contract().quizPrefix);
  assert.deepEqual(plain(core.KEYS), {
    draft: contract().draftPrefix,
    draw: contract().drawPrefix,
    result: contract().resultPrefix,
    name: contract().namePrefix,
    reading: contract().readingPrefix,
    review: contract().reviewPrefix,
  });
});

test("every built form of a page address becomes the lesson URL form", () => {
  const { canonicalPath } = load(["core.js"]);
  assert.equal(canonicalPath("modul-1/x/"), "modul-1/x/");
  assert.equal(canonicalPath("modul-1/x/index.html"), "modul-1/x/");
  assert.equal(canonicalPath("modul-1/x.html"), "modul-1/x/");
  assert.equal(canonicalPath("modul-1/x"), "modul-1/x/");
  assert.equal(canonicalPath("index.html"), "");
  assert.equal(canonicalPath(""), "");
});

test("a site knows its own pages and keys, and no other site's", () => {
  const core = load(["core.js"], { location: { href: "http://127.0.0.1:8000/kursus/modul-1/satu/" } });
  const site = new core.Site(ROOT);
  assert.equal(site.pagePath("/kursus/modul-1/satu.html"), "modul-1/satu/");
  assert.equal(site.pagePath("/lain/modul-1/satu/"), null);
  assert.equal(site.pagePath(undefined), null);
  assert.equal(site.key(core.KEYS.result), contract().resultPrefix + "/kursus/");
  const link = (href) => ({ getAttribute: () => href });
  assert.equal(site.linkPath(link("../dua/")), "modul-1/dua/");
  assert.equal(site.linkPath(link("#bagian")), null); // a section of this page, not a lesson
  assert.equal(site.linkPath(link("https://contoh.id/kursus/modul-1/satu/")), null);
  assert.equal(site.linkPath(link("http://[")), null);
});

test("disabled storage reads as empty and writes nothing, without throwing", () => {
  const core = load(["core.js"], { localStorage: refusingStorage() });
  assert.equal(core.storageGet("k"), null);
  assert.equal(core.storageSet("k", "v"), false);
  core.storageRemove("k");
  assert.deepEqual(plain(core.storageKeys()), []);
  assert.equal(core.readJson("k"), null);
});

test("stored text that is not JSON, or far too long to be ours, is not read", () => {
  const storage = new MemoryStorage({ rusak: "{", panjang: JSON.stringify("x".repeat(200000)), baik: '{"a":1}' });
  const core = load(["core.js"], { localStorage: storage });
  assert.equal(core.readJson("rusak"), null);
  assert.equal(core.readJson("panjang"), null);
  assert.deepEqual(plain(core.readJson("baik")), { a: 1 });
});

test("the course outline keeps only well-formed lessons, indexed by URL", () => {
  const core = load(["core.js"], { KURSUS: outline() });
  const course = core.readCourse();
  assert.deepEqual(plain(course.modules.map((module) => module.title)), ["Modul 1"]);
  assert.deepEqual(Object.keys(course.byUrl), ["modul-1/satu/"]);
  assert.equal(course.byUrl["modul-1/satu/"].module, "Modul 1");
  assert.deepEqual(plain(course.exam), {
    questions: [{ id: "soal-ea-1", lesson: "modul-1/satu/", module: "Modul 1" }],
    passMark: 80,
  });
});

test("an outline without a usable pass mark falls back to the contract's", () => {
  for (const mark of [undefined, 0, 101, "70"]) {
    const data = outline();
    data.final_exam.pass_mark = mark;
    const core = load(["core.js"], { KURSUS: data });
    assert.equal(core.readCourse().exam.passMark, contract().passMark);
  }
});

test("an outline of another shape, or none, is not read", () => {
  for (const data of [undefined, null, [], { modules: [] }, outline({ version: contract().dataVersion + 1 }), outline({ modules: {} })]) {
    const core = load(["core.js"], { KURSUS: data });
    assert.equal(core.readCourse(), null, JSON.stringify(data));
  }
});

// "Dengarkan" (docs/assets/dengarkan.js): the text a voice is given. Run without a page, the script
// only hands over its pure part (window.dengarkanTeks); the reading itself is tested in a browser
// by tests/test_dengarkan.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const SOURCE = readFileSync(new URL("../../docs/assets/dengarkan.js", import.meta.url), "utf8");

function teks() {
  const context = vm.createContext({});
  vm.runInContext(SOURCE, context, { filename: "dengarkan.js" });
  return context.dengarkanTeks;
}

test("signs a voice would spell out become words or pauses", () => {
  const { normalize } = teks();
  assert.equal(normalize("  Judul\n  bagian¶ "), "Judul bagian");
  assert.equal(normalize("Waktu belajar ± 45 menit · 13 soal latihan"), "Waktu belajar kurang lebih 45 menit, 13 soal latihan");
  assert.equal(normalize("Catatan kaki ↩"), "Catatan kaki");
  assert.equal(normalize("intervensi pekerjaan sosial : sasaran , sifat ."), "intervensi pekerjaan sosial: sasaran, sifat.");
  assert.equal(normalize(""), "");
});

test("a long paragraph is cut between sentences, each piece within the limit", () => {
  const { chunks } = teks();
  const sentence = "Pekerja sosial masuk ke sistem yang sedang berjalan dengan maksud membantu. ";
  const text = sentence.repeat(6).trim();
  const pieces = chunks(text, 180);
  assert.ok(pieces.length >= 3);
  for (const piece of pieces) {
    assert.ok(piece.length <= 180, piece);
    assert.match(piece, /membantu\.$/); // whole sentences only
  }
  assert.equal(pieces.join(" "), text);
});

test("a sentence longer than the limit is cut after a comma, then between words", () => {
  const { chunks } = teks();
  const commas = Array.from({ length: 12 }, (_, i) => `unsur ke-${i} yang perlu diingat`).join(", ") + ".";
  const pieces = chunks(commas, 100);
  assert.ok(pieces.length > 1);
  pieces.slice(0, -1).forEach((piece) => assert.match(piece, /,$/));
  assert.equal(pieces.join(" "), commas);
  const words = "kata ".repeat(60).trim();
  const cut = chunks(words, 50);
  cut.forEach((piece) => assert.ok(piece.length <= 50 && !/^\s|\s$/.test(piece)));
  assert.equal(cut.join(" "), words);
  const law = "Di Indonesia, landasan ini diatur undang-undang. " + "Menurut UU No. 14 Tahun 2019 tentang Pekerja Sosial, pekerja sosial bersertifikat. ".repeat(2);
  const cutLaw = chunks(law.trim(), 90);
  assert.ok(cutLaw.every((piece) => !/No\.$/.test(piece)), cutLaw.join(" | ")); // a number's "No." ends no sentence
  const tail = chunks("kata ".repeat(41).trim() + ".", 180); // 205 characters: two even halves, no lone word
  assert.equal(tail.length, 2);
  assert.ok(Math.min(...tail.map((piece) => piece.length)) > 80, tail.join(" | "));
  assert.deepEqual([...chunks("Pendek saja", 180)], ["Pendek saja"]); // arrays of the script's own realm
  assert.equal(chunks("", 180).length, 0);
});

test("a table row names each cell by its column, and an empty column header names nothing", () => {
  const { rowText } = teks();
  assert.equal(
    rowText(["Unsur", "Maknanya"], ["Bertujuan membantu", "Kehadiran penolong dibenarkan."]),
    "Unsur: Bertujuan membantu. Maknanya: Kehadiran penolong dibenarkan."
  );
  assert.equal(rowText(["", "A"], ["Indikator", "Lokal?"]), "Indikator. A: Lokal?");
  assert.equal(rowText([], ["satu", "", "dua"]), "satu. dua.");
});

test("an Indonesian voice is found in any spelling, one on the device first", () => {
  const { indonesianVoice } = teks();
  const english = { lang: "en-US", name: "English", localService: true };
  const remote = { lang: "id-ID", name: "Google Bahasa Indonesia", localService: false };
  const local = { lang: "id_ID", name: "Damayanti", localService: true };
  assert.equal(indonesianVoice([english, remote, local]), local);
  assert.equal(indonesianVoice([english, remote]), remote);
  assert.equal(indonesianVoice([{ lang: "ID" }])?.lang, "ID");
  assert.equal(indonesianVoice([english, { lang: "ind" }, { lang: "is-IS" }]), null);
  assert.equal(indonesianVoice([]), null);
  assert.equal(indonesianVoice(undefined), null);
});

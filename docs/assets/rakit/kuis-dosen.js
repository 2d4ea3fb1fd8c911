// The student page of Rakit kuis (scripts/site/rakit_kuis.py). The page carries every question of
// the bank; this script, loaded right after them (so it runs while the page is parsed, before
// mkdocs-quiz's deferred script counts, restores or grades anything), keeps the questions the link
// names, in the link's order: `?soal=id1,id2,id3&judul=...`. Both values are whatever the address
// says, so they are only ever compared with the page's own ids or written as text, never as HTML.
(function () {
  "use strict";
  var MAX_IDS = 300; // more than the bank holds: a longer list is not a lecturer's link
  var params = new URLSearchParams(location.search);
  var title = (params.get("judul") || "").replace(/\s+/g, " ").trim().slice(0, 200);
  var asked = [];
  var seen = {};
  (params.get("soal") || "").split(",").slice(0, MAX_IDS).forEach(function (raw) {
    var id = raw.trim();
    if (id && !Object.prototype.hasOwnProperty.call(seen, id)) {
      seen[id] = true;
      asked.push(id);
    }
  });

  // mkdocs-quiz's questions, and the matching and ordering ones (assets/pasangkan-urutkan.js).
  var pool = Array.prototype.slice.call(document.querySelectorAll(".md-content .quiz[id], .md-content .soal-susun[id]"));
  if (!pool.length) return;
  var onPage = {};
  pool.forEach(function (quiz) { onPage[quiz.id] = quiz; });
  var chosen = [];
  var unknown = [];
  asked.forEach(function (id) {
    var quiz = Object.prototype.hasOwnProperty.call(onPage, "soal-" + id) ? onPage["soal-" + id] : null;
    if (quiz) chosen.push(quiz); else unknown.push(id);
  });

  var place = pool[0].parentNode.insertBefore(document.createComment("kuis-dosen"), pool[0]);
  pool.forEach(function (quiz) { quiz.parentNode.removeChild(quiz); });
  chosen.forEach(function (quiz, index) {
    var label = quiz.querySelector(".soal-label");
    if (label) label.textContent = label.textContent.replace(/^Soal \d+ dari \d+/, "Soal " + (index + 1) + " dari " + chosen.length);
    place.parentNode.insertBefore(quiz, place);
  });
  place.parentNode.removeChild(place);

  var heading = document.getElementById("kuis-dosen-judul");
  if (heading && title) {
    heading.textContent = title;
    document.title = title + " · " + document.title;
  }
  var messages = document.getElementById("kuis-dosen-pesan");
  function say(text) {
    var paragraph = document.createElement("p");
    paragraph.textContent = text;
    messages.appendChild(paragraph);
  }
  if (!messages) return;
  if (unknown.length) {
    messages.classList.add("kuis-dosen-pesan--ada");
    say(
      (unknown.length === 1 ? "Soal ini tidak ada di bank soal: " : "Soal-soal ini tidak ada di bank soal: ") +
      unknown.join(", ") + ". Mungkin id-nya salah ketik, tautannya terpotong, atau soalnya sudah dihapus. " +
      (chosen.length ? "Soal lain dari tautan ini tetap ditampilkan di bawah." : "")
    );
  }
  if (!chosen.length) {
    messages.classList.add("kuis-dosen-pesan--ada");
    say(asked.length
      ? "Tidak ada soal dari tautan ini yang dapat ditampilkan. Mintalah tautan baru kepada dosen Anda."
      : "Tautan ini tidak memuat soal. Bukalah halaman ini lewat tautan kuis yang dibagikan dosen Anda.");
    Array.prototype.forEach.call(document.querySelectorAll(".md-content .quiz-intro, #quiz-results"), function (element) {
      element.hidden = true;
    });
  }
})();

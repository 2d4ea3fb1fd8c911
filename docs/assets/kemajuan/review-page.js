// The Ulang soal page (docs/modul-7/ulang-soal.md). The build writes the course's whole practice
// bank there, as the Kuis dari dosen page carries it, and right after it this script, joined with
// core.js, stats.js and review-schedule.js and preceded by the course outline
// (scripts/site/rakit_kuis.py review_markdown). It runs while the page is parsed, before
// mkdocs-quiz's deferred script counts, restores or grades anything: it keeps the questions due
// today and removes the rest, then records each answer given here in the schedule.
//
// Every visit starts with the due questions unanswered (this page's own records are cleared): a
// question answered here is no longer due, so what remains is what is left to do. Only a
// question's first answer of the visit counts; Coba lagi after the explanation does not move it up
// a box.

// A question's block: mkdocs-quiz's, or the course's own for matching and ordering questions
// (scripts/site/render.py arranged_block), whose answers assets/pasangkan-urutkan.js keeps in
// mkdocs-quiz's shape under its own key and announces with mkdocs-quiz's event.
var REVIEW_BLOCKS = ".md-content .quiz[id], .md-content .soal-susun[id]";
var REVIEW_ANSWER_PREFIXES = [QUIZ_PREFIX, CONTRACT.matchOrderPrefix];

function reviewLabel(quiz, number, total) {
  var label = quiz.querySelector(".soal-label");
  if (label) label.textContent = label.textContent.replace(/^Soal \d+ dari \d+/, "Soal " + number + " dari " + total);
}

// What the page says above the questions: how many are due, or when the next one is.
function reviewSummary(review, due, today) {
  if (due.length) return due.length + " soal jatuh tempo hari ini. Jawab setiap soal, lalu baca pembahasannya.";
  var next = nextReview(review, today);
  if (next) {
    return "Tidak ada soal yang jatuh tempo hari ini. Soal berikutnya jatuh tempo " +
      dueDayText(next.day, today) + " (" + next.count + " soal).";
  }
  if (Object.keys(review.items).length) {
    return "Tidak ada soal yang jatuh tempo. Semua soal yang pernah Anda jawab sudah selesai diulang.";
  }
  return "Belum ada soal untuk diulang. Kerjakan kuis di pelajaran: soal yang salah muncul di sini " +
    REVIEW_DAYS[0] + " hari kemudian, soal yang benar " + REVIEW_DAYS[REVIEW_LESSON_BOX - 1] + " hari kemudian.";
}

// Under a question answered here: when it comes back.
function scheduleNote(quiz, entry, today) {
  var note = quiz.querySelector(".ulang-soal-jadwal");
  if (!note) {
    note = document.createElement("p");
    note.className = "ulang-soal-jadwal";
    quiz.appendChild(note);
  }
  note.textContent = entry.box === 0
    ? "Jadwal: soal ini sudah selesai diulang dan tidak dijadwalkan lagi."
    : "Jadwal: soal ini muncul lagi " + dueDayText(entry.due, today) + " (kotak " + entry.box + " dari " + REVIEW_DAYS.length + ").";
}

function reviewPage(script) {
  var status = document.getElementById("ulang-soal-jumlah");
  var quizzes = Array.prototype.slice.call(document.querySelectorAll(REVIEW_BLOCKS));
  var root;
  try {
    root = new URL(script.getAttribute("data-root") || "./", window.location.href);
  } catch (error) {
    root = new URL("./", window.location.href);
  }
  var site = new Site(root);
  var course = readCourse();
  var pageKeys = REVIEW_ANSWER_PREFIXES.map(function (prefix) { return prefix + window.location.pathname; });
  var today = dayOf(new Date());
  var review = course ? refreshReview(site, course, today) : emptyReview();
  var due = course ? dueQuestions(review, course, today) : [];
  // This page's records emptied rather than removed: an empty mkdocs-quiz record under the site's
  // root is what assets/kemajuan.js looks for, so once a student has opened Ulang soal, every page
  // loads the progress scripts and the home page can count what is due, even after every lesson's
  // answers were cleared (its check costs each lesson's first visit nothing).
  storageRemove(pageKeys[1]);
  storageSet(pageKeys[0], "{}");

  var wanted = {};
  due.forEach(function (id) { wanted[id] = true; });
  var shown = quizzes.filter(function (quiz) { return hasOwn(wanted, quiz.id); });
  quizzes.forEach(function (quiz) {
    if (!hasOwn(wanted, quiz.id)) quiz.parentNode.removeChild(quiz);
  });
  shown.forEach(function (quiz, index) { reviewLabel(quiz, index + 1, shown.length); });
  // The quiz's intro speaks of a lesson's answers and resets them: nothing to do with a review.
  document.querySelectorAll(".md-content .quiz-intro").forEach(function (intro) { intro.parentNode.removeChild(intro); });
  if (!shown.length) {
    var results = document.getElementById("quiz-results");
    if (results) results.hidden = true;
  }
  var summary = course ? reviewSummary(review, due, today)
    : "Data kursus tidak termuat, sehingga soal untuk diulang belum dapat dipilih. Muat ulang halaman ini.";
  if (status) status.textContent = summary;

  var recorded = {};
  function record() {
    var stored = Object.create(null); // no prototype for a stored "__proto__" to replace
    pageKeys.forEach(function (key) {
      var page = readJson(key);
      if (isObject(page)) Object.keys(page).forEach(function (id) { stored[id] = page[id]; });
    });
    if (!course) return;
    var now = dayOf(new Date());
    var current = readReview(site, course); // fresh: another tab may have written since
    var answered = 0;
    shown.forEach(function (quiz) {
      var entry = stored[quiz.id];
      if (!hasOwn(recorded, quiz.id) && hasOwn(stored, quiz.id) && isObject(entry) && entry.answered === true) {
        recorded[quiz.id] = true;
        scheduleNote(quiz, recordReview(current, quiz.id, entry.correct === true, now), now);
        writeReview(site, current);
      }
      if (hasOwn(recorded, quiz.id)) answered++;
    });
    if (status && answered) {
      status.textContent = summary + " Sudah dijawab: " + answered + " dari " + shown.length + ".";
    }
  }
  window.addEventListener("quizProgressUpdate", function () {
    try {
      record();
    } catch (error) {
      if (window.console) window.console.error("ulang-soal:", error);
    }
  });
}

try {
  reviewPage(document.currentScript);
} catch (error) {
  if (window.console) window.console.error("ulang-soal:", error);
}

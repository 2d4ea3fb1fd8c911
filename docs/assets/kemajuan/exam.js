// Exam mode on the "Evaluasi akhir" page. mkdocs-quiz grades a question as soon as its form is
// submitted; during the exam the guard (kemajuan-evaluasi.js) stops those submissions before
// mkdocs-quiz sees them, the selections are kept in our own key, and only "Kumpulkan evaluasi"
// lets mkdocs-quiz grade and show every question at once (exam-review.js).

var exam = null; // CourseProgress.exam (see core.js), handed over by main.js before anything renders
var examQuizzes = []; // the evaluation's .quiz elements, in page order

function findExamQuizzes() {
  return Array.prototype.slice.call(document.querySelectorAll(".md-content .quiz[id]"));
}

function setExamClass(state) {
  var root = document.documentElement;
  root.classList.add("kemajuan-evaluasi");
  root.classList.toggle("kemajuan-ujian-terbuka", state === "open");
  root.classList.toggle("kemajuan-ujian-selesai", state === "done");
}

function initExam(container, site, course) {
  if (container.getAttribute("data-siap") === "1") return;
  container.setAttribute("data-siap", "1");
  examQuizzes = findExamQuizzes();
  var result = readResult(site);
  var bottom = document.getElementById("evaluasi-kumpulkan");
  if (!bottom) {
    bottom = el("div", { id: "evaluasi-kumpulkan", className: "evaluasi-panel" });
    var last = examQuizzes[examQuizzes.length - 1];
    var anchor = document.getElementById("quiz-results") || last;
    if (anchor) anchor.parentNode.insertBefore(bottom, anchor.nextSibling);
    else container.parentNode.insertBefore(bottom, container.nextSibling);
  }
  if (!examQuizzes.length) {
    clear(container);
    container.appendChild(el("p", {
      className: "kemajuan-peringatan",
      text: "Soal evaluasi akhir tidak ditemukan di halaman ini.",
    }));
    return;
  }
  if (result) showReview(container, bottom, site, course, result, false);
  else openExam(container, bottom, site, course);
}

// Whatever mkdocs-quiz might have shown (from an earlier attempt) is hidden again.
function concealFeedback(quiz) {
  quiz.querySelectorAll(".correct, .wrong").forEach(function (node) {
    node.classList.remove("correct", "wrong");
  });
  quiz.querySelectorAll("section.content").forEach(function (node) { node.classList.add("hidden"); });
  quiz.querySelectorAll(".quiz-feedback").forEach(function (node) {
    node.classList.add("hidden");
    clear(node);
  });
  blankInputs(quiz).forEach(function (input) { input.placeholder = ""; });
  quiz.querySelectorAll(".quiz-blank-diterima").forEach(function (note) { note.parentNode.removeChild(note); });
}

// What the question's note says once its answer is kept: every choice and keystroke is saved as
// it happens, so no button is needed (or shown) until "Kumpulkan evaluasi".
function noteSaved(quiz) {
  var note = quiz.querySelector(".evaluasi-tersimpan");
  var text = isAnswered(quiz) ? "Jawaban tersimpan. Jawaban diperiksa setelah Anda mengumpulkan evaluasi." : "";
  if (note && note.textContent !== text) note.textContent = text;
}

// The questions still unanswered, numbered as the page numbers them.
function unansweredQuizzes() {
  return examQuizzes.filter(function (quiz) { return !isAnswered(quiz); });
}

// Above the submit button: which questions are unanswered, each a link to it, and the choice to
// submit anyway. Drawn again as answers come in; gone when none is left.
function showUnanswered(bottom, submitNow) {
  var old = bottom.querySelector(".evaluasi-belum");
  var missing = unansweredQuizzes();
  if (!missing.length) {
    if (old) old.parentNode.removeChild(old);
    return;
  }
  // An alert speaks again when replaced: only when the list has changed, not on every keystroke.
  if (old && old.getAttribute("data-jumlah") === String(missing.length)) return;
  var links = [];
  missing.forEach(function (quiz, index) {
    if (index) links.push(", ");
    links.push(el("a", { href: "#" + quiz.id, text: "Soal " + (examQuizzes.indexOf(quiz) + 1) }));
  });
  var anyway = el("button", { type: "button", className: "md-button evaluasi-kumpulkan-juga", text: "Kumpulkan sekarang juga" });
  anyway.addEventListener("click", submitNow);
  var box = el("div", { className: "evaluasi-belum kemajuan-peringatan", role: "alert", "data-jumlah": String(missing.length) }, [
    el("p", {}, [
      "Masih ada " + missing.length + " soal yang belum Anda jawab: ",
    ].concat(links, [". Soal yang tidak dijawab dihitung salah."])),
    el("p", { text: "Pilih nomor soal untuk menjawabnya, atau kumpulkan sekarang juga." }),
    anyway,
  ]);
  if (old) old.parentNode.replaceChild(box, old);
  else bottom.insertBefore(box, bottom.querySelector(".evaluasi-kumpulkan"));
}

// A question's form submitted during the exam (Enter in a fill-in blank; its button is hidden)
// only keeps the answer: the guard has stopped the submission before mkdocs-quiz could grade it.
function onExamSubmit(quiz, site) {
  if (examQuizzes.indexOf(quiz) === -1) return;
  saveDraft(site, examQuizzes);
  updateExamCount();
  noteSaved(quiz);
}

function updateExamCount() {
  var answered = examQuizzes.filter(isAnswered).length;
  document.querySelectorAll(".evaluasi-terjawab").forEach(function (node) {
    node.textContent = answered + " dari " + examQuizzes.length;
  });
}

function moduleCount(course) {
  var titles = {};
  if (course) course.exam.questions.forEach(function (question) { titles[question.module] = true; });
  return Object.keys(titles).length;
}

function openExam(container, bottom, site, course) {
  // The guard cleared this already unless a stored result looked valid but was not.
  storageRemove(QUIZ_PREFIX + window.location.pathname);
  exam.open = true;
  exam.onSubmit = function (quiz) { onExamSubmit(quiz, site); };
  setExamClass("open");
  // With nothing stored, what the page shows is the student's (answers given while this script
  // was still loading); otherwise the stored answers are the ones, on every question.
  var draft = readDraft(site);
  examQuizzes.forEach(function (quiz) {
    concealFeedback(quiz);
    if (draft) applySelection(quiz, draft[quiz.id]);
    optionInputs(quiz).concat(blankInputs(quiz)).forEach(function (input) { input.disabled = false; });
    // The hints name mkdocs-quiz's "Periksa jawaban" button, which the exam hides: answers are
    // kept as they are given (kemajuan-tampilan.css hides the button while the exam is open).
    quiz.querySelectorAll(".soal-petunjuk").forEach(function (hint) {
      if (!hint.hasAttribute("data-text")) hint.setAttribute("data-text", hint.textContent);
      hint.textContent = hint.getAttribute("data-text").replace(/, lalu tekan Periksa jawaban\./, ". Jawaban tersimpan sendiri.");
    });
    if (!quiz.querySelector(".evaluasi-tersimpan")) {
      var form = quiz.querySelector("form");
      if (form) form.appendChild(el("p", { className: "evaluasi-tersimpan", role: "status" }));
    }
  });

  var total = examQuizzes.length;
  var modules = moduleCount(course);
  clear(container);
  container.appendChild(el("div", { className: "evaluasi-panel" }, [
    el("p", {}, [
      "Evaluasi ini berisi ",
      el("strong", { className: "evaluasi-jumlah", text: total + " soal" }),
      modules ? " dari " + modules + " modul" : "",
      ". Batas lulus: " + (course ? course.exam.passMark : CONTRACT.passMark) + "%.",
    ]),
    el("p", {
      text: "Setiap jawaban tersimpan begitu Anda memilih atau mengetiknya; tidak ada yang perlu ditekan " +
        "sampai Anda mengumpulkan evaluasi.",
    }),
    el("p", {}, ["Terjawab: ", el("strong", { className: "evaluasi-terjawab" })]),
    el("p", {}, [el("a", { href: "#evaluasi-kumpulkan", text: "Ke tombol Kumpulkan evaluasi" })]),
  ]));

  clear(bottom);
  var submit = el("button", {
    type: "button",
    className: "md-button md-button--primary evaluasi-kumpulkan",
    text: "Kumpulkan evaluasi",
  });
  function submitNow() {
    submitExam(container, bottom, site, course);
  }
  submit.addEventListener("click", function () {
    if (unansweredQuizzes().length) showUnanswered(bottom, submitNow);
    else submitNow();
  });
  bottom.appendChild(el("h2", { text: "Kumpulkan evaluasi" }));
  bottom.appendChild(el("p", {}, ["Terjawab: ", el("strong", { className: "evaluasi-terjawab" }), "."]));
  bottom.appendChild(el("p", {
    text: "Setelah dikumpulkan, semua jawaban diperiksa sekaligus dan pembahasan setiap soal ditampilkan. " +
      "Sebelum itu, tidak ada jawaban yang diperiksa.",
  }));
  bottom.appendChild(submit);
  updateExamCount();

  if (!bottom.getAttribute("data-listening")) {
    bottom.setAttribute("data-listening", "1");
    var save = function (event) {
      if (!exam.open || !(event.target instanceof Element)) return;
      var quiz = event.target.closest(".quiz");
      if (!quiz || examQuizzes.indexOf(quiz) === -1) return;
      saveDraft(site, examQuizzes);
      updateExamCount();
      noteSaved(quiz);
      if (bottom.querySelector(".evaluasi-belum")) showUnanswered(bottom, function () {
        submitExam(container, bottom, site, course);
      });
    };
    document.addEventListener("change", save);
    document.addEventListener("input", save);
  }
}

function submitExam(container, bottom, site, course) {
  var result = scoreExam(examQuizzes, course, new Date());
  storageSet(site.key(KEYS.result), JSON.stringify(result));
  storageRemove(site.key(KEYS.draft));
  // Read back through the same checks as on a later visit; kept in memory if storage is unavailable.
  var kept = readResult(site) || Object.assign(result, { passed: result.score >= result.pass_mark });
  showReview(container, bottom, site, course, kept, true);
}

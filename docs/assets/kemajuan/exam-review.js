// The submitted evaluation: every question graded and explained by mkdocs-quiz, the score per
// module, the questions to review by the lesson that teaches them, and "Ulangi evaluasi".

// mkdocs-quiz grades and explains each question when its form is submitted; with exam mode off,
// one submit per question shows every answer, its feedback and the explanation.
function reveal() {
  exam.revealing = true;
  try {
    examQuizzes.forEach(function (quiz) {
      var form = quiz.querySelector("form");
      if (form) form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    });
  } finally {
    exam.revealing = false;
  }
}

function restoreLabels(quiz) {
  var button = quiz.querySelector('form button[type="submit"][data-label]');
  if (button) button.textContent = button.getAttribute("data-label");
  quiz.querySelectorAll(".soal-petunjuk[data-text]").forEach(function (hint) {
    hint.textContent = hint.getAttribute("data-text");
  });
  quiz.querySelectorAll(".evaluasi-tersimpan").forEach(function (note) { note.parentNode.removeChild(note); });
}

function revealedByMkdocsQuiz() {
  var stored = readJson(QUIZ_PREFIX + window.location.pathname);
  return isObject(stored) && examQuizzes.every(function (quiz) {
    return isObject(stored[quiz.id]) && stored[quiz.id].answered === true;
  });
}

// mkdocs-quiz's verdict assumes a question can be tried again, and treats an empty answer as a
// wrong one. The review of a submitted evaluation is neither: a question left empty says
// "Tidak dijawab", and no verdict invites another try.
function reviewVerdicts(result) {
  var retry = (window.mkdocsQuizTranslations || {})["Incorrect answer. Please try again."];
  var once = (window.mkdocsQuizTranslations || {})["Incorrect answer."];
  examQuizzes.forEach(function (quiz) {
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback) return;
    var given = isStringArray(result.answers[quiz.id]) ? result.answers[quiz.id] : [];
    if (!given.some(function (value) { return value.trim() !== ""; })) {
      clear(feedback);
      feedback.classList.remove("hidden");
      feedback.appendChild(el("div", { className: "quiz-feedback-item incorrect evaluasi-kosong" }, [
        el("div", { className: "quiz-feedback-item-content" }, [
          el("strong", { text: "Tidak dijawab." }),
          " Soal ini dihitung salah. " + (isBlankQuiz(quiz)
            ? "Jawaban yang benar: " + blankInputs(quiz).map(function (input) { return input.getAttribute("data-answer"); }).join("; ") + "."
            : "Jawaban yang benar ditandai di atas.") + " Bacalah pembahasannya di bawah.",
        ]),
      ]));
      return;
    }
    if (!retry || !once) return;
    var walker = document.createTreeWalker(feedback, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.indexOf(retry) !== -1) node.nodeValue = node.nodeValue.replace(retry, once);
    }
  });
}

// The questions answered wrongly, grouped by the lesson that teaches them ("" for none known).
function reviewGroups(result, course) {
  var titleOf = {};
  var lessonOf = {};
  if (course) {
    course.exam.questions.forEach(function (question) { lessonOf[question.id] = question.lesson; });
    Object.keys(course.byUrl).forEach(function (url) { titleOf[url] = course.byUrl[url].title; });
  }
  var groups = [];
  var groupOf = {};
  result.wrong.forEach(function (id) {
    var quiz = document.getElementById(id);
    if (!quiz || examQuizzes.indexOf(quiz) === -1) return;
    var url = lessonOf[id] !== undefined && titleOf[lessonOf[id]] !== undefined ? lessonOf[id] : "";
    if (!groupOf[url]) {
      groupOf[url] = { url: url, title: titleOf[url], ids: [] };
      groups.push(groupOf[url]);
    }
    groupOf[url].ids.push(id);
  });
  return groups;
}

function showReview(container, bottom, site, course, result, justSubmitted) {
  exam.open = false;
  setExamClass("done");
  examQuizzes.forEach(restoreLabels);
  if (justSubmitted || !revealedByMkdocsQuiz()) {
    // On a later visit mkdocs-quiz normally restores the review itself; when its key is gone,
    // the stored answers are put back and graded again, without moving the reader.
    var x = window.scrollX;
    var y = window.scrollY;
    examQuizzes.forEach(function (quiz) {
      if (!justSubmitted) applySelection(quiz, result.answers[quiz.id]);
    });
    reveal();
    if (!justSubmitted) {
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      window.scrollTo(x, y);
    }
  }
  reviewVerdicts(result);
  // The review is a record of the submitted evaluation: it is read, not answered again.
  examQuizzes.forEach(function (quiz) {
    optionInputs(quiz).concat(blankInputs(quiz)).forEach(function (input) { input.disabled = true; });
  });

  clear(container);
  var heading = el("h2", { id: "hasil-evaluasi", tabindex: "-1", text: "Hasil evaluasi akhir" });
  var verdict = result.passed
    ? el("p", {
      className: "kemajuan-lulus evaluasi-vonis",
      text: "Lulus: skor Anda mencapai batas lulus " + result.pass_mark + "%.",
    })
    : el("p", {
      className: "kemajuan-belum-lulus evaluasi-vonis",
      text: "Belum lulus: batas lulus " + result.pass_mark + "%. Pelajari lagi bagian yang ditautkan di " +
        "pembahasan, lalu ulangi evaluasi.",
    });
  var rows = result.modules.map(function (module) {
    return el("tr", {}, [
      el("th", { scope: "row", text: module.title }),
      el("td", { text: module.correct + " / " + module.total }),
      el("td", { text: percent(module.correct, module.total) + "%" }),
    ]);
  });
  var groups = reviewGroups(result, course);
  var review = groups.length
    ? el("ul", { className: "evaluasi-tinjau" }, groups.map(function (group) {
      var numbers = [];
      group.ids.forEach(function (id, index) {
        if (index) numbers.push(", ");
        var number = examQuizzes.indexOf(document.getElementById(id)) + 1;
        numbers.push(el("a", { href: "#" + id, text: "Soal " + number }));
      });
      return el("li", {}, [
        group.url ? el("a", { href: site.href(group.url), text: group.title }) : "Soal lain",
        ": ",
      ].concat(numbers));
    }))
    : el("p", { text: "Semua soal Anda jawab dengan benar." });

  container.appendChild(el("div", { className: "evaluasi-panel evaluasi-hasil" }, [
    heading,
    el("p", { className: "evaluasi-skor" }, [
      "Skor Anda: ",
      el("strong", { text: result.score + "%" }),
      " (" + result.correct + " dari " + result.total + " soal benar).",
    ]),
    verdict,
    el("p", { text: "Dikumpulkan " + formatDate(new Date(result.date), true) + "." }),
    el("h3", { text: "Rincian per modul" }),
    dataTable("Skor evaluasi akhir per modul", ["Modul", "Benar", "Skor"], rows),
    el("h3", { text: "Soal yang perlu Anda tinjau" }),
    groups.length ? el("p", { text: "Menurut pelajaran yang membahasnya:" }) : null,
    review,
    el("p", { text: "Jawaban yang benar dan pembahasan setiap soal kini tampil di bawah soalnya." }),
    retryButton(site),
  ]));

  clear(bottom);
  bottom.appendChild(el("p", {}, [
    "Evaluasi sudah dikumpulkan. Skor Anda " + result.score + "%. ",
    el("a", { href: "#hasil-evaluasi", text: "Lihat hasil dan rincian per modul" }),
  ]));
  bottom.appendChild(retryButton(site));

  if (justSubmitted) {
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }
}

function retryButton(site) {
  var button = el("button", { type: "button", className: "md-button evaluasi-ulangi", text: "Ulangi evaluasi" });
  button.addEventListener("click", function () {
    var question = "Ulangi evaluasi dari awal? Hasil dan semua jawaban evaluasi sebelumnya akan dihapus.";
    if (!window.confirm(question)) return;
    storageRemove(site.key(KEYS.result));
    storageRemove(site.key(KEYS.draft));
    storageRemove(site.key(KEYS.draw)); // the next load draws a fresh set of items
    storageRemove(QUIZ_PREFIX + window.location.pathname);
    // Emptied first, so a browser that restores form fields on the new load finds nothing.
    examQuizzes.forEach(function (quiz) { applySelection(quiz, []); });
    // A fresh load is the one way to also empty mkdocs-quiz's in-memory record of the answers; a
    // new navigation (not reload()) also keeps the browser from restoring the old form values.
    window.location.replace(window.location.href.replace(/#.*$/, ""));
  });
  return button;
}

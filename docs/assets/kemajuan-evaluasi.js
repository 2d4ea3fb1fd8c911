// The final evaluation's guard, on its page only. The build writes this script inline (a request
// would hold up the first paint) just before the questions, so it runs while the page is parsed:
// before mkdocs-quiz, whose script is deferred, restores any answers or lets a question be graded.
// kemajuan-tampilan.js runs the exam itself; it loads this file when the build did not place it.
// window.CourseProgress.exam and the CONTRACT values are declared in docs/assets/kemajuan/core.js.
(function () {
  "use strict";
  var shared = (window.CourseProgress = window.CourseProgress || {});
  if (shared.exam) return;
  var exam = (shared.exam = { open: false, revealing: false, onSubmit: null });

  // The site root, as in kemajuan.js (which may not have run yet). Inline, the build writes it on
  // the tag, since Material's page configuration comes later in the page.
  var script = document.currentScript;
  var root;
  try {
    var base = script && script.getAttribute("data-root");
    if (base === null) base = JSON.parse(document.getElementById("__config").textContent).base;
    root = new URL(base ? base.replace(/\/?$/, "/") : "./", location.href);
  } catch (error) {
    root = new URL("../", script && script.src ? script.src : location.href);
  }

  function storage(method, key) {
    try {
      return localStorage[method](key);
    } catch (error) {
      return null; // storage disabled: nothing stored
    }
  }

  // Without a submitted result, nothing graded from an earlier attempt may come back. (Only its
  // shape is checked here; kemajuan-tampilan.js checks every field and opens the exam otherwise.)
  var result = null;
  try {
    result = JSON.parse(storage("getItem", CONTRACT.resultPrefix + root.pathname));
  } catch (error) {
    result = null;
  }
  var done = Boolean(result && result.version === CONTRACT.resultVersion);
  if (!done) storage("removeItem", CONTRACT.quizPrefix + location.pathname);
  exam.open = !done;
  var state = done ? "kemajuan-ujian-selesai" : "kemajuan-ujian-terbuka";
  document.documentElement.classList.add("kemajuan-evaluasi", state);

  // From the first paint: mkdocs-quiz's intro, results and progress counts speak only of this
  // page's graded answers (the evaluation's panels replace them); during the exam nothing graded
  // shows; in the review no button answers again.
  var style = document.createElement("style");
  style.textContent = [
    ".kemajuan-evaluasi .quiz-intro",
    ".kemajuan-evaluasi #quiz-results",
    ".kemajuan-evaluasi #quiz-progress-sidebar",
    ".kemajuan-evaluasi #quiz-progress-mobile",
    ".kemajuan-ujian-terbuka .quiz section.content",
    ".kemajuan-ujian-terbuka .quiz .quiz-feedback",
    ".kemajuan-ujian-terbuka .quiz .quiz-reset-button",
    ".kemajuan-ujian-selesai .quiz form button",
  ].join(",") + "{display:none!important}";
  document.head.appendChild(style);

  // In the capture phase on window, ahead of assets/kursus.js (document) and mkdocs-quiz (the
  // form): during the exam a question's own button grades nothing, whatever else has loaded.
  addEventListener(
    "submit",
    function (event) {
      if (!exam.open || exam.revealing) return;
      var quiz = event.target instanceof Element ? event.target.closest(".md-content .quiz") : null;
      if (!quiz) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (exam.onSubmit) exam.onSubmit(quiz);
    },
    true
  );
})();

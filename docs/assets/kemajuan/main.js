// Start: once the course outline and the styles are in, and again whenever the stored answers
// change (an answer here, another tab) or Material's instant navigation brings a new page.

function missingData(container) {
  if (container.querySelector(".kemajuan-peringatan")) return;
  clear(container);
  container.appendChild(el("p", {
    className: "kemajuan-peringatan",
    text: "Data kursus tidak termuat, sehingga kemajuan belum dapat ditampilkan. Muat ulang halaman ini.",
  }));
}

function renderPanels(site, course) {
  var dashboard = document.getElementById(PANELS.dashboard);
  if (dashboard) {
    if (course) renderDashboard(dashboard, site, course);
    else missingData(dashboard);
  }
  var summary = document.getElementById(PANELS.summary);
  if (summary) {
    if (course) renderSummary(summary, site, course);
    else missingData(summary);
  }
  var examContainer = document.getElementById(PANELS.exam);
  if (examContainer) initExam(examContainer, site, course);
}

function currentSite() {
  return new Site(window.CourseProgress.root);
}

// What every page shows from the answers: the check marks, the lesson's tingkat penguasaan under
// its quiz, and the questions due in Ulang soal (taking new lesson answers into its schedule).
function refreshAnswers(site, course) {
  var answers = readAnswers(site, course);
  markFinishedLessons(site, course, answers);
  renderLessonMastery(site, course, answers);
  renderHomeDue(dueToday(site, course));
}

function refreshPage() {
  var site = currentSite();
  var course = readCourse();
  if (course) refreshAnswers(site, course);
  else removeMarks();
  renderPanels(site, course);
}

function onReady(callback) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", callback);
  else callback();
}

// Never let a fault here take the page down with it: the lessons and quizzes work without us.
function safely(callback) {
  return function () {
    try {
      callback.apply(null, arguments);
    } catch (error) {
      if (window.console) window.console.error("kemajuan-tampilan.js:", error);
    }
  };
}

function start() {
  onReady(safely(refreshPage)); // after mkdocs-quiz, which sets the quizzes up before DOMContentLoaded
  var pages = window.document$; // Material's page stream, when instant navigation is on
  if (pages && typeof pages.subscribe === "function") pages.subscribe(safely(refreshPage));
  window.addEventListener("storage", safely(function () {
    if (!document.getElementById(PANELS.exam)) refreshPage();
  }));
  // mkdocs-quiz announces every answer on a lesson page: the check mark and the tingkat penguasaan
  // appear as soon as the lesson's last question is answered, and a missed question joins Ulang soal.
  window.addEventListener("quizProgressUpdate", safely(function () {
    var site = currentSite();
    var course = readCourse();
    if (course && !document.getElementById(PANELS.exam)) refreshAnswers(site, course);
  }));
}

// Start once the course outline, the stylesheet and (on the evaluation page) the guard are in, or
// have failed to come: the marks and panels never show unstyled, and without the outline the
// panels say so. The build places the guard on the evaluation page; when it did not, it comes
// now, later than it should but still before the exam opens.
function boot() {
  var P = window.CourseProgress; // see core.js for its fields
  if (!P || !document.currentScript) return;
  var here = document.currentScript.src;
  var waiting = 3;
  function arrived() {
    if (--waiting > 0) return;
    exam = P.exam || { open: false, revealing: false, onSubmit: null };
    start();
  }
  function fetchScript(name, needed) {
    if (!needed) return arrived();
    var script = document.createElement("script");
    script.src = here.replace(/kemajuan-tampilan\.js(\?.*)?$/, name);
    script.onload = script.onerror = arrived;
    document.head.appendChild(script);
  }
  fetchScript("kursus-data.js", !window.KURSUS);
  fetchScript("kemajuan-evaluasi.js", document.getElementById(PANELS.exam) && !P.exam);
  if (P.styled) arrived();
  else P.whenStyled = arrived;
}

boot();

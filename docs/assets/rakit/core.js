// Rakit kuis, shared pieces (el and clear come from assets/bersama/dom.js). The data is
// window.RAKIT (scripts/exports/rakit.py); the form is the page's own (scripts/site/rakit_kuis.py).
// Build-made HTML (the sheet markup of each question) is the only markup written as HTML; a
// lecturer's title and anything else typed is written as text.

var DATA = window.RAKIT;
var DATA_VERSION = 1;
var QUESTIONS = {}; // id → question
var MODULES = []; // module names, in course order (the module filter's values are their indexes)
var chosen = []; // the lecturer's selection: question ids, in order

function byId(id) {
  return document.getElementById(id);
}

function lessonOf(question) {
  return DATA.lessons[question.lesson];
}

function describe(question) {
  return [lessonOf(question).title, DATA.kinds[question.kind], DATA.levels[question.level]].join(" · ");
}

// The filter as the form says it: empty values match everything.
function currentFilter() {
  return {
    module: byId("rakit-modul").value,
    lesson: byId("rakit-pelajaran").value,
    kind: byId("rakit-jenis").value,
    level: byId("rakit-tingkat").value,
  };
}

function matches(question, filter) {
  var lesson = lessonOf(question);
  return (filter.module === "" || MODULES[Number(filter.module)] === lesson.module) &&
    (filter.lesson === "" || Number(filter.lesson) === question.lesson) &&
    (filter.kind === "" || filter.kind === question.kind) &&
    (filter.level === "" || filter.level === question.level);
}

function isChosen(id) {
  return chosen.indexOf(id) !== -1;
}

function shuffled(items) {
  var copy = items.slice();
  for (var i = copy.length - 1; i > 0; i--) {
    var j = Math.floor(Math.random() * (i + 1));
    var swap = copy[i];
    copy[i] = copy[j];
    copy[j] = swap;
  }
  return copy;
}

function announce(text) {
  var status = byId("rakit-umum");
  status.textContent = "";
  // A fresh text node each time, so a screen reader announces a repeated message again.
  window.setTimeout(function () { status.textContent = text; }, 50);
}

function assignmentTitle() {
  return byId("rakit-judul").value.replace(/\s+/g, " ").trim();
}

// The sheet markup's links lead from /unduhan/, where the printed sheets live; here they are
// resolved from there, so they still reach the lessons.
function rebaseLinks(container) {
  var root = new URL((byId("rakit").getAttribute("data-root") || "./").replace(/\/?$/, "/"), location.href);
  var downloads = new URL("unduhan/", root);
  Array.prototype.forEach.call(container.querySelectorAll("a[href]"), function (link) {
    var href = link.getAttribute("href");
    if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && href.charAt(0) !== "#") link.setAttribute("href", new URL(href, downloads).href);
  });
}

// One question's sheet markup (built by scripts/exports/sheets.py) as nodes, numbered `number`,
// without element ids (the same question may show twice on this page: in the bank and on a sheet).
function sheetNode(html, number) {
  var holder = document.createElement("div");
  holder.innerHTML = html;
  var article = holder.firstElementChild;
  article.removeAttribute("id");
  var head = article.querySelector(".soal-kepala");
  if (head && head.firstChild && head.firstChild.nodeType === 3) head.firstChild.nodeValue = number + ". ";
  rebaseLinks(article);
  return article;
}

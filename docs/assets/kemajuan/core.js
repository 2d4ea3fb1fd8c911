// The shared core of the course-wide progress scripts: the contract they share, storage that
// survives a disabled or hostile localStorage, the site root and its page addresses, and the
// course outline (window.KURSUS) checked before use. The feature modules beside this file use it;
// the build joins them all into assets/kemajuan-tampilan.js (scripts/site/client_bundle.py).
//
// CONTRACT.<name>: a value that Python and the browser must agree on, defined once in
// scripts/core/progress.py (client_contract). Every course script writes it this way; the build puts the
// value in its place, so a shipped script holds plain literals (and the unit tests in tests/js/
// define CONTRACT from the same function). The names:
//   quizPrefix                mkdocs-quiz's key for a page's answers, + the page's location.pathname
//   draftPrefix, drawPrefix,  our keys (+ the site root's path): the exam's unsent answers, this
//   resultPrefix, namePrefix  attempt's items, the submitted result, the name on the summary
//   readingPrefix             our key (+ the site root's path): the section read last per lesson,
//                             {last: lesson URL, pages: {lesson URL: {id, section, lesson}}},
//                             written by assets/kursus.js
//   matchOrderPrefix          our key for matching and ordering answers, + the page's
//                             location.pathname, in mkdocs-quiz's shape (above quizPrefix); written by
//                             assets/pasangkan-urutkan.js, read with quizPrefix by stats.js readAnswers
//   dataVersion               the shape of window.KURSUS (assets/kursus-data.js)
//   resultVersion             the shape of the stored result; drawVersion, of the stored draw
//   passMark                  percent of the final evaluation to answer correctly
//   masteryMark, masteryBands a lesson's tingkat penguasaan to move on, and its bands
//                             [{from, name}], highest first (stats.js masteryOf)
//   reviewPrefix, reviewVersion, reviewDays, reviewLessonBox
//                             Ulang soal: our key (+ the site root's path), the shape of what it
//                             holds, the days per Leitner box, the box of a question right in its
//                             lesson (review-schedule.js)
//
// window.CourseProgress: the one object the course's scripts share on a page. Each field, who
// writes it and who reads it:
//   root        URL of the site root ("/", "/subpath/", a folder opened from file://).
//               Written by kemajuan.js; read by main.js (new Site(root)).
//   loading     true once kemajuan.js has asked for kemajuan-tampilan.js/.css. Written and read by
//               kemajuan.js only, so a page never asks twice.
//   styled      true once kemajuan-tampilan.css has loaded or failed. Written by kemajuan.js; read
//               by main.js, which shows nothing unstyled.
//   whenStyled  function called when `styled` becomes true. Written by main.js; called by
//               kemajuan.js.
//   exam        the final evaluation's state, { open, revealing, onSubmit }. Written by
//               kemajuan-evaluasi.js (the guard, while the page is parsed) or, when the guard could
//               not load, by main.js with the same shape; main.js hands it to the exam modules.
//     open        true while the exam runs. Written by the guard, exam.js and exam-review.js; read
//                 by the guard, which then stops every question's own submit.
//     revealing   true while exam-review.js lets mkdocs-quiz grade every question at once. Written
//                 by exam-review.js; read by the guard, which lets those submits through.
//     onSubmit    function (quiz) the guard calls with a question whose submit it stopped.
//                 Written by exam.js; called by the guard.

// mkdocs-quiz keeps a page's answers under this prefix + location.pathname, as
// {"<quiz element id>": {"answered": bool, "correct": bool, "selectedValues": [...]}}.
var QUIZ_PREFIX = CONTRACT.quizPrefix;
// Our own keys end with the site root's path, so two copies of the course (or another site on
// the same origin, as every file:// page is in Chromium) never read each other's results.
var KEYS = {
  draft: CONTRACT.draftPrefix,
  draw: CONTRACT.drawPrefix, // this attempt's items, written by evaluasi-undian.js
  result: CONTRACT.resultPrefix,
  name: CONTRACT.namePrefix,
  reading: CONTRACT.readingPrefix, // written by assets/kursus.js as the student reads
  review: CONTRACT.reviewPrefix, // the Ulang soal schedule (review-schedule.js)
};
var MAX_STORED_LENGTH = 200000; // anything longer is not ours; never parse it
// Not the pages' own names: Python-Markdown gives each page's title those as ids. (kemajuan.js
// looks for the same three ids to decide whether to load the rest.)
var PANELS = { dashboard: "panel-kemajuan", exam: "panel-evaluasi", summary: "panel-ringkasan" };

// Storage: every access may throw (storage disabled, quota, privacy mode) or return anything.

function storageGet(key) {
  try {
    return window.localStorage.getItem(key);
  } catch (error) {
    return null;
  }
}

function storageSet(key, value) {
  try {
    window.localStorage.setItem(key, value);
    return true;
  } catch (error) {
    return false;
  }
}

function storageRemove(key) {
  try {
    window.localStorage.removeItem(key);
  } catch (error) {
    // Nothing to clean if storage is unavailable.
  }
}

function storageKeys() {
  var keys = [];
  try {
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (typeof key === "string") keys.push(key);
    }
  } catch (error) {
    return [];
  }
  return keys;
}

function readJson(key) {
  var raw = storageGet(key);
  if (typeof raw !== "string" || raw.length > MAX_STORED_LENGTH) return null;
  try {
    return JSON.parse(raw);
  } catch (error) {
    return null;
  }
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value) {
  return Array.isArray(value) && value.every(function (item) { return typeof item === "string"; });
}

// A page path relative to the root in the form lesson URLs have ("modul-1/x/"), whatever form the
// build used: "modul-1/x/" online, "modul-1/x/index.html" or "modul-1/x.html" offline.
function canonicalPath(relative) {
  if (/(^|\/)index\.html$/.test(relative)) return relative.replace(/index\.html$/, "");
  if (/\.html$/.test(relative)) return relative.replace(/\.html$/, "/");
  if (relative !== "" && !/\/$/.test(relative)) return relative + "/";
  return relative;
}

// The site root ("/", "/subpath/" or a folder opened from file://), as kemajuan.js found it.
function Site(root) {
  this.root = root;
  this.rootPath = root.pathname;
}

// The canonical lesson URL of an absolute path, or null when it lies outside this site.
Site.prototype.pagePath = function (pathname) {
  if (typeof pathname !== "string" || pathname.indexOf(this.rootPath) !== 0) return null;
  return canonicalPath(pathname.slice(this.rootPath.length));
};

// The canonical lesson URL a link points to; null for other sites and for links to a section.
Site.prototype.linkPath = function (link) {
  var url;
  try {
    url = new URL(link.getAttribute("href"), window.location.href);
  } catch (error) {
    return null;
  }
  if (url.hash || url.protocol !== this.root.protocol || url.host !== this.root.host) return null;
  return this.pagePath(url.pathname);
};

Site.prototype.key = function (prefix) {
  return prefix + this.rootPath;
};

// An href for a page of this site that works in every build: the navigation already holds the
// right form of each page's address, so it is reused; otherwise the form is derived from the
// address of the current page.
Site.prototype.href = function (path, hash) {
  var suffix = hash ? "#" + hash : "";
  var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href]");
  for (var i = 0; i < links.length; i++) {
    if (this.linkPath(links[i]) === path) {
      var url = new URL(links[i].getAttribute("href"), window.location.href);
      return url.href.replace(/#.*$/, "") + suffix;
    }
  }
  var here = window.location.pathname;
  var form = path;
  if (/\/index\.html$/.test(here)) form = path + "index.html";
  else if (/\.html$/.test(here)) form = path === "" ? "index.html" : path.replace(/\/$/, "") + ".html";
  return new URL(form, this.root).href + suffix;
};

// The course outline written by the build, checked before use: an old or foreign script must
// not break the page, and one of another shape (an outdated cached copy) is not read at all.
function readCourse() {
  var data = window.KURSUS;
  if (!isObject(data) || data.version !== CONTRACT.dataVersion || !Array.isArray(data.modules)) return null;
  var modules = [];
  data.modules.forEach(function (module) {
    if (!isObject(module) || !Array.isArray(module.lessons)) return;
    var lessons = module.lessons.filter(function (lesson) {
      return isObject(lesson) && typeof lesson.title === "string" && typeof lesson.url === "string" &&
        isStringArray(lesson.questions) && lesson.questions.length > 0;
    });
    var title = typeof module.title === "string" ? module.title : "";
    if (lessons.length) modules.push({ title: title, lessons: lessons });
  });
  var exam = isObject(data.final_exam) ? data.final_exam : {};
  var examQuestions = Array.isArray(exam.questions) ? exam.questions.filter(function (question) {
    return isObject(question) && typeof question.id === "string";
  }) : [];
  var mark = exam.pass_mark;
  var passMark = typeof mark === "number" && mark > 0 && mark <= 100 ? mark : CONTRACT.passMark;
  var byUrl = {};
  modules.forEach(function (module) {
    module.lessons.forEach(function (lesson) {
      lesson.module = module.title;
      byUrl[lesson.url] = lesson;
    });
  });
  return { modules: modules, byUrl: byUrl, exam: { questions: examQuestions, passMark: passMark } };
}

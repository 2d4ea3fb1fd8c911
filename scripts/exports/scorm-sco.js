// The SCO of a SCORM 1.2 package (see scripts/exports/scorm.py). It keeps the LMS session while the
// course pages load in its frame, and reports what mkdocs-quiz stores in this browser for the
// package's lessons: the score, the status, the answers to resume from (cmi.suspend_data), and the
// page last read. Opened without an LMS, it simply opens the course.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("paket").textContent);
  var PREFIX = CONTRACT.quizPrefix; // filled in by scorm.py (progress.fill_contract)
  // Matching and ordering answers, which assets/pasangkan-urutkan.js keeps in the same shape under
  // its own key: each lesson's `own` lists those questions, read from and restored to that store.
  var OWN_PREFIX = CONTRACT.matchOrderPrefix;
  var root = new URL("./", location.href).pathname; // the package's folder, as pages see it

  // SCORM 1.2: the LMS puts `API` on a window above the SCO (its frames), or on the opener's.
  function findAPI(win) {
    for (var depth = 0; win && depth < 20; depth++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (error) {} // a window of another origin: keep looking above it
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findAPI(window.parent !== window ? window.parent : null) || (window.opener ? findAPI(window.opener) : null);
  var frame = document.querySelector("iframe");
  var bar = document.getElementById("paket-status");
  if (!api) {
    location.replace(config.start);
    return;
  }
  api.LMSInitialize("");

  function get(name) {
    return String(api.LMSGetValue(name) || "");
  }

  // Every question of the package, in order: [lesson index, question id].
  var questions = [];
  config.lessons.forEach(function (lesson, index) {
    lesson.questions.forEach(function (id) { questions.push([index, id]); });
  });
  // Suspend data written for another version of the package (other questions) is not read back.
  var signature = questions.reduce(function (hash, question) {
    for (var i = 0; i < question[1].length; i++) hash = (hash * 31 + question[1].charCodeAt(i)) | 0;
    return hash;
  }, 7).toString(36);

  function storageKey(lesson, prefix) {
    return prefix + root + lesson.file;
  }

  function prefixOf(lesson, id) {
    return lesson.own.indexOf(id) >= 0 ? OWN_PREFIX : PREFIX;
  }

  function readStore(lesson, prefix) {
    try {
      var value = JSON.parse(localStorage.getItem(storageKey(lesson, prefix)));
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (error) {
      return {}; // storage disabled or an entry another script broke: nothing stored
    }
  }

  // Both stores of a lesson by prefix; a question is read only from the store its kind uses.
  function readStored(lesson) {
    var stores = {};
    stores[PREFIX] = readStore(lesson, PREFIX);
    stores[OWN_PREFIX] = readStore(lesson, OWN_PREFIX);
    return stores;
  }

  // This browser's answers to the package's questions: one entry per question, null if unanswered.
  function answers() {
    var stored = config.lessons.map(readStored);
    return questions.map(function (question) {
      var lesson = config.lessons[question[0]];
      var entry = stored[question[0]][prefixOf(lesson, question[1])][question[1]];
      if (!entry || entry.answered !== true) return null;
      var values = Array.isArray(entry.selectedValues) ? entry.selectedValues : [];
      return { correct: entry.correct === true, values: values.filter(function (v) { return typeof v === "string"; }) };
    });
  }

  // Compact enough for SCORM 1.2's 4,096 characters: [correct, value...] per answered question, 0
  // for the others. Typed answers are shortened, then left out, only when the whole would not fit.
  function encode(list) {
    for (var pass = 0; pass < 3; pass++) {
      var items = list.map(function (answer) {
        if (!answer) return 0;
        var values = pass === 2 ? [] : answer.values.map(function (v) { return pass === 1 ? v.slice(0, 12) : v; });
        return [answer.correct ? 1 : 0].concat(values);
      });
      while (items.length && items[items.length - 1] === 0) items.pop();
      var text = JSON.stringify({ v: 1, h: signature, a: items });
      if (text.length <= config.suspend_limit) return text;
    }
    return "";
  }

  function decode(text) {
    try {
      var data = JSON.parse(text);
      if (!data || data.v !== 1 || data.h !== signature || !Array.isArray(data.a)) return [];
      return data.a;
    } catch (error) {
      return []; // empty or foreign suspend data
    }
  }

  // Answers kept by the LMS go back into this browser's storage before any page reads it; answers
  // only this browser has stay (they are reported with the next answer).
  function restore(items) {
    var stored = config.lessons.map(readStored);
    var changed = config.lessons.map(function () { return {}; });
    items.forEach(function (item, position) {
      var question = questions[position];
      if (!question || !Array.isArray(item) || (item[0] !== 0 && item[0] !== 1)) return;
      var prefix = prefixOf(config.lessons[question[0]], question[1]);
      stored[question[0]][prefix][question[1]] = {
        answered: true,
        correct: item[0] === 1,
        selectedValues: item.slice(1).filter(function (v) { return typeof v === "string"; }),
      };
      changed[question[0]][prefix] = true;
    });
    config.lessons.forEach(function (lesson, index) {
      [PREFIX, OWN_PREFIX].forEach(function (prefix) {
        if (!changed[index][prefix]) return;
        try {
          localStorage.setItem(storageKey(lesson, prefix), JSON.stringify(stored[index][prefix]));
        } catch (error) {} // storage disabled: the pages start unanswered, the LMS keeps its data
      });
    });
  }

  var last = "";
  function report() {
    var list = answers();
    var answered = list.filter(Boolean).length;
    var correct = list.filter(function (a) { return a && a.correct; }).length;
    var score = questions.length ? Math.round((100 * correct) / questions.length) : 0;
    var status = answered < questions.length ? "incomplete" : score >= config.pass_mark ? "passed" : "failed";
    var suspend = encode(list);
    var state = [status, score, suspend].join("\n");
    bar.textContent = "Skor " + score + " dari 100 · " + answered + " dari " + questions.length + " soal dijawab · " +
      (status === "incomplete" ? "belum selesai" : status === "passed" ? "lulus" : "belum lulus") +
      " (batas lulus " + config.pass_mark + ")";
    if (state === last) return;
    last = state;
    if (answered) {
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(score));
    }
    api.LMSSetValue("cmi.core.lesson_status", status);
    api.LMSSetValue("cmi.suspend_data", suspend);
    api.LMSCommit("");
  }

  // Where the student was: a page of this package, given as a plain relative path.
  var SAFE_PAGE = /^(?:[a-z0-9-]+\/)*[a-z0-9-]+\.html(?:#[A-Za-z0-9_-]+)?$/;
  function remember() {
    try {
      var here = frame.contentWindow.location;
      var page = here.pathname.indexOf(root) === 0 ? here.pathname.slice(root.length) + here.hash : "";
      if (SAFE_PAGE.test(page) && page.length < 256) api.LMSSetValue("cmi.core.lesson_location", page);
      frame.contentWindow.addEventListener("quizProgressUpdate", report);
    } catch (error) {} // a page of another origin (a link out of the course): nothing to read
  }

  var started = Date.now();
  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    report();
    var seconds = Math.round((Date.now() - started) / 1000);
    var hours = Math.min(9999, Math.floor(seconds / 3600));
    var time = [hours < 10 ? "0" + hours : String(hours), Math.floor(seconds / 60) % 60, seconds % 60]
      .map(function (part, index) { return index && part < 10 ? "0" + part : String(part); }).join(":");
    api.LMSSetValue("cmi.core.session_time", time);
    api.LMSSetValue("cmi.core.exit", "suspend"); // keeps the answers for the next visit
    api.LMSCommit("");
    api.LMSFinish("");
  }

  restore(decode(get("cmi.suspend_data")));
  // The frame opens only now, once the stored answers are back in place for its pages to read.
  var resume = get("cmi.core.lesson_location");
  frame.src = get("cmi.core.entry") === "resume" && SAFE_PAGE.test(resume) ? resume : config.start;
  if (get("cmi.core.lesson_status") === "not attempted" || get("cmi.core.lesson_status") === "") {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  }
  report();
  frame.addEventListener("load", remember);
  addEventListener("storage", function (event) {
    var key = String(event.key);
    if (event.key === null || key.indexOf(PREFIX + root) === 0 || key.indexOf(OWN_PREFIX + root) === 0) report();
  });
  addEventListener("pagehide", finish);
  addEventListener("beforeunload", finish);
})();

// Course-wide progress, shown from what mkdocs-quiz stores for each page: a check mark after every
// link to a finished lesson, the "Kemajuan belajar" dashboard, exam mode on the "Evaluasi akhir"
// page and the printable "Ringkasan hasil". Loaded by kemajuan.js only when there is something to
// show. Shared through window.CourseProgress: the site root (kemajuan.js) and the exam's state
// (kemajuan-evaluasi.js, the guard that keeps answers hidden until submission). The course outline
// is assets/kursus-data.js (window.KURSUS), written by the build and loaded from here.
// Everything stays in this browser's localStorage; nothing leaves the device.
(function () {
  "use strict";

  var P = window.CourseProgress;
  if (!P || !document.currentScript) return;
  var HERE = document.currentScript.src;

  // mkdocs-quiz keeps a page's answers under this prefix + location.pathname, as
  // {"<quiz element id>": {"answered": bool, "correct": bool, "selectedValues": [...]}}.
  var QUIZ_PREFIX = "quiz_progress_";
  // Our own keys end with the site root's path, so two copies of the course (or another site on
  // the same origin, as every file:// page is in Chromium) never read each other's results.
  var KEYS = {
    draft: "course_exam_draft_",
    draw: "course_exam_draw_", // this attempt's items, written by evaluasi-undian.js
    result: "course_exam_result_",
    name: "course_student_name_",
  };
  var RESULT_VERSION = 1;
  var MAX_STORED_LENGTH = 200000; // anything longer is not ours; never parse it
  // Not the pages' own names: Python-Markdown gives each page's title those as ids.
  var PANELS = { dashboard: "panel-kemajuan", exam: "panel-evaluasi", summary: "panel-ringkasan" };
  var exam = null; // P.exam, once the guard has run

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
  function Site() {
    this.root = P.root;
    this.rootPath = this.root.pathname;
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

  // The course outline written by the build, checked before use: an old or foreign script must
  // not break the page.
  function readCourse() {
    var data = window.KURSUS;
    if (!isObject(data) || !Array.isArray(data.modules)) return null;
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
    var passMark = typeof mark === "number" && mark > 0 && mark <= 100 ? mark : 70;
    var byUrl = {};
    modules.forEach(function (module) {
      module.lessons.forEach(function (lesson) {
        lesson.module = module.title;
        byUrl[lesson.url] = lesson;
      });
    });
    return { modules: modules, byUrl: byUrl, exam: { questions: examQuestions, passMark: passMark } };
  }

  // Answers per lesson URL. A lesson visited under two addresses ("x/" and "x/index.html") has two
  // keys; an answered entry wins over an unanswered one, a correct one over an incorrect one.
  function readAnswers(site, course) {
    var answers = {};
    storageKeys().forEach(function (key) {
      if (key.indexOf(QUIZ_PREFIX) !== 0) return;
      var path = site.pagePath(key.slice(QUIZ_PREFIX.length));
      if (path === null || !course.byUrl[path]) return;
      var stored = readJson(key);
      if (!isObject(stored)) return;
      var merged = answers[path] || (answers[path] = {});
      Object.keys(stored).forEach(function (id) {
        var entry = stored[id];
        if (!isObject(entry) || entry.answered !== true) return;
        var state = { correct: entry.correct === true };
        if (!merged[id] || (state.correct && !merged[id].correct)) merged[id] = state;
      });
    });
    return answers;
  }

  function lessonStats(lesson, answers) {
    var stored = answers[lesson.url] || {};
    var answered = 0;
    var correct = 0;
    lesson.questions.forEach(function (id) {
      if (Object.prototype.hasOwnProperty.call(stored, id)) {
        answered++;
        if (stored[id].correct) correct++;
      }
    });
    var total = lesson.questions.length;
    var status = answered === 0 ? "todo" : answered >= total ? "done" : "started";
    return { answered: answered, correct: correct, total: total, status: status };
  }

  // The final evaluation's stored result, checked field by field.
  function readResult(site) {
    var result = readJson(site.key(KEYS.result));
    if (!isObject(result) || result.version !== RESULT_VERSION) return null;
    var numbers = ["score", "correct", "total", "pass_mark"];
    for (var i = 0; i < numbers.length; i++) {
      var value = result[numbers[i]];
      if (typeof value !== "number" || !isFinite(value) || value < 0) return null;
    }
    if (result.correct > result.total || result.score > 100) return null;
    if (typeof result.date !== "string" || isNaN(new Date(result.date).getTime())) return null;
    if (!Array.isArray(result.modules)) return null;
    result.modules = result.modules.filter(function (module) {
      return isObject(module) && typeof module.title === "string" && typeof module.correct === "number" &&
        typeof module.total === "number" && module.correct >= 0 && module.correct <= module.total;
    });
    result.answers = isObject(result.answers) ? result.answers : {};
    result.wrong = isStringArray(result.wrong) ? result.wrong : [];
    result.passed = result.score >= result.pass_mark;
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Completion marks: a check after every link to a finished lesson, in the navigation and in
  //    page content (such as the lesson tables of the module pages).
  // ---------------------------------------------------------------------------------------------
  function removeMarks() {
    document.querySelectorAll(".kemajuan-tanda").forEach(function (mark) {
      mark.parentNode.removeChild(mark);
    });
  }

  function markFinishedLessons(site, course, answers) {
    removeMarks();
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href], .md-content a[href]");
    links.forEach(function (link) {
      if (link.closest(".kemajuan-laporan, .quiz, .headerlink")) return;
      var path = site.linkPath(link);
      var lesson = path === null ? null : course.byUrl[path];
      if (!lesson || lessonStats(lesson, answers).status !== "done") return;
      var mark = document.createElement("span");
      mark.className = "kemajuan-tanda";
      var glyph = document.createElement("span");
      glyph.setAttribute("aria-hidden", "true");
      glyph.textContent = "\u2713";
      var spoken = document.createElement("span");
      spoken.className = "kemajuan-sr";
      spoken.textContent = " (selesai)";
      mark.appendChild(glyph);
      mark.appendChild(spoken);
      link.appendChild(mark);
    });
  }

  function setExamClass(state) {
    var root = document.documentElement;
    root.classList.add("kemajuan-evaluasi");
    root.classList.toggle("kemajuan-ujian-terbuka", state === "open");
    root.classList.toggle("kemajuan-ujian-selesai", state === "done");
  }

  var EXAM_LINK_ID = "tautan-evaluasi";
  var SUMMARY_LINK_ID = "tautan-ringkasan";
  var STATUS_TEXT = { todo: "Belum dimulai", started: "Sedang berjalan", done: "Selesai" };

  // An href for a page of this site that works in every build: the navigation already holds the
  // right form of each page's address, so it is reused; otherwise the form is derived from the
  // address of the current page.
  Site.prototype.href = Site.prototype.href || function (path, hash) {
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

  function courseStats(course, answers) {
    var totals = { answered: 0, correct: 0, total: 0, lessons: 0, finished: 0, next: null };
    var modules = course.modules.map(function (module) {
      var rows = module.lessons.map(function (lesson) {
        var stats = lessonStats(lesson, answers);
        totals.answered += stats.answered;
        totals.correct += stats.correct;
        totals.total += stats.total;
        totals.lessons++;
        if (stats.status === "done") totals.finished++;
        else if (!totals.next) totals.next = lesson;
        return { lesson: lesson, stats: stats };
      });
      return { title: module.title, rows: rows };
    });
    return { modules: modules, totals: totals };
  }

  function percent(part, whole) {
    return whole > 0 ? Math.round((part / whole) * 100) : 0;
  }

  function formatDate(date, withTime) {
    var options = { day: "numeric", month: "long", year: "numeric" };
    if (withTime) {
      options.hour = "2-digit";
      options.minute = "2-digit";
    }
    try {
      return date.toLocaleString("id-ID", options);
    } catch (error) {
      return date.toISOString().slice(0, 10);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Small DOM helpers: text is always set as text, never parsed as HTML.
  // ---------------------------------------------------------------------------------------------

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else if (name === "className") node.className = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function statusBadge(status) {
    return el("span", { className: "kemajuan-status kemajuan-status--" + status }, [
      status === "done" ? el("span", { "aria-hidden": "true", text: "\u2713 " }) : null,
      STATUS_TEXT[status],
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // 2. The dashboard.
  // ---------------------------------------------------------------------------------------------

  function pageLink(id) {
    var link = document.getElementById(id);
    return link && link.getAttribute("href") ? link.href : null;
  }

  function renderDashboard(container, site, course) {
    if (!container.querySelector(".kemajuan-laporan")) {
      clear(container);
      var report = el("div", { className: "kemajuan-laporan" });
      var announcer = el("p", { className: "kemajuan-sr", role: "status" });
      var reset = el("button", { type: "button", className: "md-button kemajuan-hapus", text: "Hapus semua kemajuan" });
      reset.addEventListener("click", function () {
        var question =
          "Hapus semua kemajuan belajar di peramban ini? Jawaban semua kuis, hasil evaluasi akhir dan " +
          "nama Anda di ringkasan hasil akan dihapus, dan tindakan ini tidak dapat dibatalkan.";
        if (!window.confirm(question)) return;
        resetAllProgress(site);
        refreshPage();
        announcer.textContent = "Semua kemajuan belajar telah dihapus.";
      });
      container.appendChild(report);
      container.appendChild(
        el("div", { className: "kemajuan-reset" }, [
          el("h2", { text: "Mulai dari awal" }),
          el("p", {
            text: "Tombol ini menghapus semua jawaban kuis, hasil evaluasi akhir dan nama Anda yang " +
              "tersimpan di peramban ini untuk kursus ini. Anda akan diminta mengonfirmasi lebih dulu.",
          }),
          reset,
          announcer,
        ])
      );
    }
    var target = container.querySelector(".kemajuan-laporan");
    clear(target);
    var answers = readAnswers(site, course);
    var stats = courseStats(course, answers);
    var totals = stats.totals;
    var result = readResult(site);

    var overall = percent(totals.answered, totals.total);
    var progressId = "kemajuan-keseluruhan-label";
    target.appendChild(
      el("div", { className: "kemajuan-ringkas" }, [
        el("p", { id: progressId, className: "kemajuan-angka" }, [
          "Kemajuan keseluruhan: ",
          el("strong", { text: overall + "%" }),
        ]),
        el("progress", {
          max: String(Math.max(totals.total, 1)),
          value: String(totals.answered),
          "aria-labelledby": progressId,
        }),
        el("p", {
          text: "Anda telah menjawab " + totals.answered + " dari " + totals.total + " soal latihan; " +
            totals.correct + " di antaranya benar. Pelajaran selesai: " + totals.finished + " dari " +
            totals.lessons + ".",
        }),
        continueLink(site, totals, result),
      ])
    );

    stats.modules.forEach(function (module, index) {
      target.appendChild(moduleTable(site, module, index));
    });
    target.appendChild(examSummary(site, result));
  }

  function continueLink(site, totals, result) {
    var href;
    var text;
    if (totals.next) {
      href = site.href(totals.next.url);
      text = (totals.answered === 0 ? "Mulai belajar: " : "Lanjutkan: ") + totals.next.title;
    } else if (!result && pageLink(EXAM_LINK_ID)) {
      href = pageLink(EXAM_LINK_ID);
      text = "Lanjutkan: kerjakan evaluasi akhir";
    } else if (pageLink(SUMMARY_LINK_ID)) {
      href = pageLink(SUMMARY_LINK_ID);
      text = "Lanjutkan: lihat ringkasan hasil";
    }
    if (!href) return null;
    var link = el("a", { href: href, className: "md-button md-button--primary kemajuan-lanjutkan", text: text });
    return el("p", {}, [link]);
  }

  function moduleTable(site, module, index) {
    var headingId = "kemajuan-modul-" + (index + 1);
    var done = module.rows.filter(function (row) { return row.stats.status === "done"; }).length;
    var body = el("tbody", {}, module.rows.map(function (row) {
      var stats = row.stats;
      return el("tr", { className: "kemajuan-baris--" + stats.status }, [
        el("th", { scope: "row" }, [el("a", { href: site.href(row.lesson.url), text: row.lesson.title })]),
        el("td", { text: stats.answered + " / " + stats.total }),
        el("td", { text: stats.correct + " / " + stats.total }),
        el("td", {}, [statusBadge(stats.status)]),
      ]);
    }));
    return el("section", { className: "kemajuan-modul", "aria-labelledby": headingId }, [
      el("h2", { id: headingId, text: module.title || "Pelajaran" }),
      el("p", {
        className: "kemajuan-modul-info",
        text: "Pelajaran selesai: " + done + " dari " + module.rows.length + ".",
      }),
      el("div", { className: "md-typeset__table" }, [
        el("table", {}, [
          el("caption", { className: "kemajuan-sr", text: "Kemajuan " + (module.title || "pelajaran") }),
          el("thead", {}, [
            el("tr", {}, [
              el("th", { scope: "col", text: "Pelajaran" }),
              el("th", { scope: "col", text: "Dijawab" }),
              el("th", { scope: "col", text: "Benar" }),
              el("th", { scope: "col", text: "Status" }),
            ]),
          ]),
          body,
        ]),
      ]),
    ]);
  }

  function examSummary(site, result) {
    var section = el("section", { className: "kemajuan-modul", "aria-labelledby": "kemajuan-evaluasi-judul" }, [
      el("h2", { id: "kemajuan-evaluasi-judul", text: "Evaluasi akhir" }),
    ]);
    var examHref = pageLink(EXAM_LINK_ID);
    if (!result) {
      section.appendChild(el("p", { text: "Anda belum mengumpulkan evaluasi akhir." }));
    } else {
      section.appendChild(el("p", {}, [
        "Skor terakhir: ",
        el("strong", { text: result.score + "%" }),
        " (" + result.correct + " dari " + result.total + " soal benar), ",
        el("span", {
          className: result.passed ? "kemajuan-lulus" : "kemajuan-belum-lulus",
          text: result.passed ? "lulus" : "belum lulus",
        }),
        ", dikumpulkan " + formatDate(new Date(result.date), false) + ".",
      ]));
    }
    if (examHref) {
      var label = result ? "Buka hasil evaluasi akhir" : "Buka evaluasi akhir";
      section.appendChild(el("p", {}, [el("a", { href: examHref, text: label })]));
    }
    return section;
  }

  function resetAllProgress(site) {
    // Every mkdocs-quiz key of a page under this site's root is ours to clear, including the
    // evaluation page's; keys of other sites on the same origin are left alone.
    storageKeys().forEach(function (key) {
      if (key.indexOf(QUIZ_PREFIX) === 0 && key.slice(QUIZ_PREFIX.length).indexOf(site.rootPath) === 0) {
        storageRemove(key);
      }
    });
    [KEYS.draft, KEYS.draw, KEYS.result, KEYS.name].forEach(function (prefix) {
      storageRemove(site.key(prefix));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // 3. Exam mode on the evaluation page. mkdocs-quiz grades a question as soon as its form is
  //    submitted; during the exam kemajuan.js stops those submissions before mkdocs-quiz sees them,
  //    the selections are kept in our own key, and only "Kumpulkan evaluasi" lets mkdocs-quiz grade
  //    and show every question at once.
  // ---------------------------------------------------------------------------------------------

  var examQuizzes = []; // the evaluation's .quiz elements, in page order

  function findExamQuizzes() {
    return Array.prototype.slice.call(document.querySelectorAll(".md-content .quiz[id]"));
  }

  function isBlankQuiz(quiz) {
    return quiz.getAttribute("data-quiz-type") === "fill-blank";
  }

  function blankInputs(quiz) {
    return Array.prototype.slice.call(quiz.querySelectorAll("input.quiz-blank-input"));
  }

  function optionInputs(quiz) {
    return Array.prototype.slice.call(quiz.querySelectorAll('input[name="answer"]'));
  }

  // The same normalisation as assets/kursus.js, which makes mkdocs-quiz accept an answer's listed
  // variants; the exam must grade exactly as mkdocs-quiz will show it afterwards.
  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/\.+$/, "");
  }

  function acceptedAnswers(input) {
    var accepted = [];
    try {
      var parsed = JSON.parse(input.getAttribute("data-accept") || "[]");
      if (isStringArray(parsed)) accepted = parsed;
    } catch (error) {
      accepted = [];
    }
    var canonical = input.getAttribute("data-answer");
    if (canonical) accepted.push(canonical);
    return accepted;
  }

  function selection(quiz) {
    if (isBlankQuiz(quiz)) return blankInputs(quiz).map(function (input) { return input.value; });
    return optionInputs(quiz)
      .filter(function (input) { return input.checked; })
      .map(function (input) { return input.value; });
  }

  function isAnswered(quiz) {
    if (isBlankQuiz(quiz)) {
      var inputs = blankInputs(quiz);
      return inputs.length > 0 && inputs.every(function (input) { return input.value.trim() !== ""; });
    }
    return optionInputs(quiz).some(function (input) { return input.checked; });
  }

  function isCorrect(quiz) {
    if (isBlankQuiz(quiz)) {
      var inputs = blankInputs(quiz);
      return inputs.length > 0 && inputs.every(function (input) {
        var given = normalize(input.value);
        return given !== "" && acceptedAnswers(input).some(function (answer) { return normalize(answer) === given; });
      });
    }
    var options = optionInputs(quiz);
    return options.length > 0 && options.every(function (input) {
      return input.checked === (input.getAttribute("data-correct") === "true");
    });
  }

  function applySelection(quiz, values) {
    var given = isStringArray(values) ? values : [];
    if (isBlankQuiz(quiz)) {
      blankInputs(quiz).forEach(function (input, index) {
        input.value = given[index] !== undefined ? given[index] : "";
      });
    } else {
      optionInputs(quiz).forEach(function (input) {
        input.checked = given.indexOf(input.value) !== -1;
      });
    }
  }

  function readDraft(site) {
    if (storageGet(site.key(KEYS.draft)) === null) return null;
    var draft = readJson(site.key(KEYS.draft));
    return isObject(draft) && isObject(draft.answers) ? draft.answers : {};
  }

  function saveDraft(site) {
    var answers = {};
    examQuizzes.forEach(function (quiz) {
      if (isAnswered(quiz) || selection(quiz).some(function (value) { return value !== ""; })) {
        answers[quiz.id] = selection(quiz);
      }
    });
    storageSet(site.key(KEYS.draft), JSON.stringify({ answers: answers }));
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
  }

  // A question's own submit button only keeps the answer during the exam (kemajuan.js has stopped
  // the submission before mkdocs-quiz could grade it).
  function onExamSubmit(quiz) {
    if (examQuizzes.indexOf(quiz) === -1) return;
    saveDraft(new Site());
    updateExamCount();
    var note = quiz.querySelector(".evaluasi-tersimpan");
    if (note) {
      note.textContent = isAnswered(quiz)
        ? "Jawaban tersimpan. Jawaban diperiksa setelah Anda mengumpulkan evaluasi."
        : "Soal ini belum dijawab.";
    }
  }

  function updateExamCount() {
    var answered = examQuizzes.filter(isAnswered).length;
    document.querySelectorAll(".evaluasi-terjawab").forEach(function (node) {
      node.textContent = answered + " dari " + examQuizzes.length;
    });
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

  function moduleCount(course) {
    var titles = {};
    if (course) course.exam.questions.forEach(function (question) { titles[question.module] = true; });
    return Object.keys(titles).length;
  }

  function openExam(container, bottom, site, course) {
    // kemajuan.js cleared this already unless a stored result looked valid but was not.
    storageRemove(QUIZ_PREFIX + window.location.pathname);
    exam.open = true;
    exam.onSubmit = onExamSubmit;
    setExamClass("open");
    // With nothing stored, what the page shows is the student's (answers given while this script
    // was still loading); otherwise the stored answers are the ones, on every question.
    var draft = readDraft(site);
    examQuizzes.forEach(function (quiz) {
      concealFeedback(quiz);
      if (draft) applySelection(quiz, draft[quiz.id]);
      optionInputs(quiz).concat(blankInputs(quiz)).forEach(function (input) { input.disabled = false; });
      var button = quiz.querySelector('form button[type="submit"]');
      if (button) {
        if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
        button.textContent = "Simpan jawaban";
      }
      // The hints name mkdocs-quiz's "Periksa jawaban" button, which here only saves.
      quiz.querySelectorAll(".soal-petunjuk").forEach(function (hint) {
        if (!hint.hasAttribute("data-text")) hint.setAttribute("data-text", hint.textContent);
        hint.textContent = hint.getAttribute("data-text").replace("Periksa jawaban", "Simpan jawaban");
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
        ". Batas lulus: " + (course ? course.exam.passMark : 70) + "%.",
      ]),
      el("p", {}, ["Terjawab: ", el("strong", { className: "evaluasi-terjawab" })]),
      el("p", {}, [el("a", { href: "#evaluasi-kumpulkan", text: "Ke tombol Kumpulkan evaluasi" })]),
    ]));

    clear(bottom);
    var submit = el("button", {
      type: "button",
      className: "md-button md-button--primary evaluasi-kumpulkan",
      text: "Kumpulkan evaluasi",
    });
    submit.addEventListener("click", function () {
      var unanswered = examQuizzes.filter(function (quiz) { return !isAnswered(quiz); }).length;
      if (unanswered > 0) {
        var question = "Masih ada " + unanswered + " soal yang belum Anda jawab. Soal yang tidak dijawab dihitung " +
          "salah. Kumpulkan evaluasi sekarang?";
        if (!window.confirm(question)) return;
      }
      submitExam(container, bottom, site, course);
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
        saveDraft(site);
        updateExamCount();
        var note = quiz.querySelector(".evaluasi-tersimpan");
        if (note) note.textContent = "";
      };
      document.addEventListener("change", save);
      document.addEventListener("input", save);
    }
  }

  function submitExam(container, bottom, site, course) {
    var moduleOf = {};
    if (course) {
      course.exam.questions.forEach(function (question) {
        moduleOf[question.id] = typeof question.module === "string" ? question.module : "";
      });
    }
    var modules = [];
    var byTitle = {};
    var answers = {};
    var wrong = [];
    var correct = 0;
    examQuizzes.forEach(function (quiz) {
      var ok = isCorrect(quiz);
      answers[quiz.id] = selection(quiz);
      if (ok) correct++;
      else wrong.push(quiz.id);
      var title = moduleOf[quiz.id] || "Lainnya";
      if (!byTitle[title]) {
        byTitle[title] = { title: title, correct: 0, total: 0 };
        modules.push(byTitle[title]);
      }
      byTitle[title].total++;
      if (ok) byTitle[title].correct++;
    });
    var total = examQuizzes.length;
    var result = {
      version: RESULT_VERSION,
      score: percent(correct, total),
      correct: correct,
      total: total,
      pass_mark: course ? course.exam.passMark : 70,
      date: new Date().toISOString(),
      modules: modules,
      wrong: wrong,
      answers: answers,
    };
    storageSet(site.key(KEYS.result), JSON.stringify(result));
    storageRemove(site.key(KEYS.draft));
    // Read back through the same checks as on a later visit; kept in memory if storage is unavailable.
    var kept = readResult(site) || Object.assign(result, { passed: result.score >= result.pass_mark });
    showReview(container, bottom, site, course, kept, true);
  }

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
    // The review is a record of the submitted evaluation: it is read, not answered again.
    examQuizzes.forEach(function (quiz) {
      optionInputs(quiz).concat(blankInputs(quiz)).forEach(function (input) { input.disabled = true; });
    });

    var titleOf = {};
    var lessonOf = {};
    if (course) {
      course.exam.questions.forEach(function (question) { lessonOf[question.id] = question.lesson; });
      Object.keys(course.byUrl).forEach(function (url) { titleOf[url] = course.byUrl[url].title; });
    }

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
    // The questions to review, grouped by the lesson that teaches them.
    var groups = [];
    var groupOf = {};
    result.wrong.forEach(function (id) {
      var quiz = document.getElementById(id);
      if (!quiz || examQuizzes.indexOf(quiz) === -1) return;
      var url = lessonOf[id] !== undefined && titleOf[lessonOf[id]] !== undefined ? lessonOf[id] : "";
      if (!groupOf[url]) {
        groupOf[url] = { url: url, ids: [] };
        groups.push(groupOf[url]);
      }
      groupOf[url].ids.push(id);
    });
    var review = groups.length
      ? el("ul", { className: "evaluasi-tinjau" }, groups.map(function (group) {
        var numbers = [];
        group.ids.forEach(function (id, index) {
          if (index) numbers.push(", ");
          var number = examQuizzes.indexOf(document.getElementById(id)) + 1;
          numbers.push(el("a", { href: "#" + id, text: "Soal " + number }));
        });
        return el("li", {}, [
          group.url ? el("a", { href: site.href(group.url), text: titleOf[group.url] }) : "Soal lain",
          ": ",
        ].concat(numbers));
      }))
      : el("p", { text: "Semua soal Anda jawab dengan benar." });

    var retry = retryButton(site);
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
      el("div", { className: "md-typeset__table" }, [
        el("table", {}, [
          el("caption", { className: "kemajuan-sr", text: "Skor evaluasi akhir per modul" }),
          el("thead", {}, [el("tr", {}, [
            el("th", { scope: "col", text: "Modul" }),
            el("th", { scope: "col", text: "Benar" }),
            el("th", { scope: "col", text: "Skor" }),
          ])]),
          el("tbody", {}, rows),
        ]),
      ]),
      el("h3", { text: "Soal yang perlu Anda tinjau" }),
      groups.length ? el("p", { text: "Menurut pelajaran yang membahasnya:" }) : null,
      review,
      el("p", { text: "Jawaban yang benar dan pembahasan setiap soal kini tampil di bawah soalnya." }),
      retry,
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

  // ---------------------------------------------------------------------------------------------
  // 4. The printable summary.
  // ---------------------------------------------------------------------------------------------

  function courseName() {
    var topic = document.querySelector(".md-header__topic .md-ellipsis");
    var name = topic ? topic.textContent.trim() : "";
    return name || document.title.split(" - ").pop().trim();
  }

  function renderSummary(container, site, course) {
    if (!container.querySelector(".ringkasan-lembar")) {
      clear(container);
      var input = el("input", { type: "text", id: "ringkasan-nama", autocomplete: "name", maxlength: "120" });
      var stored = storageGet(site.key(KEYS.name));
      input.value = typeof stored === "string" && stored.length <= 120 ? stored : "";
      var message = el("p", { className: "ringkasan-pesan", role: "status" });
      var print = el("button", {
        type: "button",
        className: "md-button md-button--primary",
        text: "Cetak atau simpan sebagai PDF",
      });
      input.addEventListener("input", function () {
        storageSet(site.key(KEYS.name), input.value);
        container.querySelector(".ringkasan-nama-isi").textContent = displayName(input.value);
        message.textContent = "";
      });
      print.addEventListener("click", function () {
        if (input.value.trim() === "") {
          message.textContent = "Ketik nama Anda terlebih dahulu.";
          input.focus();
          return;
        }
        window.print();
      });
      container.appendChild(el("div", { className: "ringkasan-kendali kemajuan-noprint" }, [
        el("label", { for: "ringkasan-nama", text: "Nama lengkap Anda" }),
        input,
        el("p", {
          className: "ringkasan-bantuan",
          text: "Nama hanya disimpan di peramban ini, untuk dicetak pada ringkasan.",
        }),
        print,
        message,
      ]));
      container.appendChild(el("div", { className: "ringkasan-lembar kemajuan-laporan" }));
    }
    var sheet = container.querySelector(".ringkasan-lembar");
    clear(sheet);
    var name = container.querySelector("#ringkasan-nama").value;
    var answers = readAnswers(site, course);
    var stats = courseStats(course, answers);
    var result = readResult(site);
    var body = [];
    stats.modules.forEach(function (module) {
      body.push(el("tr", { className: "ringkasan-modul" }, [
        el("th", { scope: "colgroup", colspan: "4", text: module.title || "Pelajaran" }),
      ]));
      module.rows.forEach(function (row) {
        var s = row.stats;
        body.push(el("tr", {}, [
          el("th", { scope: "row", text: row.lesson.title }),
          el("td", { text: s.answered + " / " + s.total }),
          el("td", { text: s.correct + " / " + s.total }),
          el("td", { text: percent(s.correct, s.total) + "%" }),
        ]));
      });
    });
    var totals = stats.totals;
    sheet.appendChild(el("h2", { text: "Ringkasan hasil belajar" }));
    sheet.appendChild(el("p", { className: "ringkasan-kursus", text: "Kursus " + courseName() }));
    sheet.appendChild(el("dl", { className: "ringkasan-data" }, [
      el("dt", { text: "Nama" }),
      el("dd", { className: "ringkasan-nama-isi", text: displayName(name) }),
      el("dt", { text: "Tanggal ringkasan" }),
      el("dd", { text: formatDate(new Date(), false) }),
      el("dt", { text: "Pelajaran selesai" }),
      el("dd", { text: totals.finished + " dari " + totals.lessons }),
      el("dt", { text: "Soal latihan benar" }),
      el("dd", {
        text: totals.correct + " dari " + totals.total + " (" + percent(totals.correct, totals.total) + "%)",
      }),
    ]));
    sheet.appendChild(el("h3", { text: "Skor per pelajaran" }));
    sheet.appendChild(el("div", { className: "md-typeset__table" }, [
      el("table", {}, [
        el("caption", { className: "kemajuan-sr", text: "Skor kuis setiap pelajaran" }),
        el("thead", {}, [el("tr", {}, [
          el("th", { scope: "col", text: "Pelajaran" }),
          el("th", { scope: "col", text: "Dijawab" }),
          el("th", { scope: "col", text: "Benar" }),
          el("th", { scope: "col", text: "Skor" }),
        ])]),
        el("tbody", {}, body),
      ]),
    ]));
    sheet.appendChild(el("h3", { text: "Evaluasi akhir" }));
    sheet.appendChild(result
      ? el("p", { className: "ringkasan-evaluasi" }, [
        "Skor ",
        el("strong", { text: result.score + "%" }),
        " (" + result.correct + " dari " + result.total + " soal benar), " +
          (result.passed ? "lulus" : "belum lulus") + " dengan batas lulus " + result.pass_mark +
          "%, dikumpulkan " + formatDate(new Date(result.date), false) + ".",
      ])
      : el("p", { className: "ringkasan-evaluasi", text: "Belum dikerjakan." }));
    sheet.appendChild(el("p", {
      className: "ringkasan-catatan",
      text: "Laporan mandiri, bukan sertifikat: ringkasan ini disusun oleh peramban dari jawaban yang tersimpan " +
        "di perangkat pemiliknya dan tidak diverifikasi oleh pengajar atau lembaga mana pun.",
    }));
  }

  function displayName(name) {
    var trimmed = String(name).trim();
    return trimmed || "(nama belum diisi)";
  }

  // ---------------------------------------------------------------------------------------------
  // Start: once the course outline and the styles are in, and again whenever the stored answers
  // change (an answer here, another tab) or Material's instant navigation brings a new page.
  // ---------------------------------------------------------------------------------------------

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

  function refreshPage() {
    var site = new Site();
    var course = readCourse();
    if (course) markFinishedLessons(site, course, readAnswers(site, course));
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
        if (window.console) window.console.error("kemajuan.js:", error);
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
    // mkdocs-quiz announces every answer on a lesson page: the check mark appears as soon as the
    // lesson's last question is answered.
    window.addEventListener("quizProgressUpdate", safely(function () {
      var site = new Site();
      var course = readCourse();
      if (course && !document.getElementById(PANELS.exam)) markFinishedLessons(site, course, readAnswers(site, course));
    }));
  }

  // Start once the course outline, the stylesheet and (on the evaluation page) the guard are in, or
  // have failed to come: the marks and panels never show unstyled, and without the outline the
  // panels say so. The build places the guard on the evaluation page; when it did not, it comes
  // now, later than it should but still before the exam opens.
  var waiting = 3;
  function arrived() {
    if (--waiting > 0) return;
    exam = P.exam || { open: false, revealing: false, onSubmit: null };
    start();
  }
  function fetchScript(name, needed) {
    if (!needed) return arrived();
    var script = document.createElement("script");
    script.src = HERE.replace(/kemajuan-tampilan\.js(\?.*)?$/, name);
    script.onload = script.onerror = arrived;
    document.head.appendChild(script);
  }
  fetchScript("kursus-data.js", !window.KURSUS);
  fetchScript("kemajuan-evaluasi.js", document.getElementById(PANELS.exam) && !P.exam);
  if (P.styled) arrived();
  else P.whenStyled = arrived;
})();

// Under a lesson's quiz, once every question is answered: the student's tingkat penguasaan with its
// band, and what to do next, as Universitas Terbuka's modules say it: at the mastery mark or above,
// on to the next lesson; below it, the sections to reread (from the missed questions' "Pelajari
// lagi" links, which the page already carries) and a retry that clears this lesson's answers
// through the quiz's own "Ulangi kuis". It follows every answer and retry on the page; the level is
// announced politely.

var MASTERY_PANEL_ID = "penguasaan-pelajaran";

// The panel's frame, placed once under the quiz's results: an empty live region until the quiz
// is complete, so that the level is announced when it appears.
function masteryPanel() {
  var panel = document.getElementById(MASTERY_PANEL_ID);
  if (panel) return panel;
  var results = document.getElementById("quiz-results");
  if (!results) return null;
  panel = el("section", { id: MASTERY_PANEL_ID, className: "kemajuan-penguasaan", "aria-labelledby": MASTERY_PANEL_ID + "-judul" }, [
    el("h3", { id: MASTERY_PANEL_ID + "-judul", text: "Tingkat penguasaan", hidden: "" }),
    el("p", { className: "kemajuan-penguasaan-nilai", role: "status" }),
    el("div", { className: "kemajuan-penguasaan-langkah", hidden: "" }),
  ]);
  results.parentNode.insertBefore(panel, results.nextSibling);
  return panel;
}

// A heading's words without Material's permalink sign.
function headingWords(heading) {
  var copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
  return copy.textContent.trim();
}

// The sections the missed questions send the student back to, each once, in the lesson's order:
// [{id, title}]. Each question's explanation links its section ("Pelajari lagi", render.py).
function sectionsToReread(lesson, answers) {
  var stored = answers[lesson.url] || {};
  var found = {};
  var sections = [];
  lesson.questions.forEach(function (id) {
    if (!hasOwn(stored, id) || stored[id].correct) return;
    var block = document.getElementById(id);
    var link = block && block.querySelector('.soal-rujukan a[href^="#"]');
    var target = link ? link.getAttribute("href").slice(1) : "";
    var heading = target ? document.getElementById(target) : null;
    if (!heading || hasOwn(found, target)) return;
    found[target] = true;
    sections.push({ id: target, title: headingWords(heading) || link.textContent.trim(), heading: heading });
  });
  sections.sort(function (a, b) {
    return a.heading.compareDocumentPosition(b.heading) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return sections;
}

// The lesson after this one in course order; after the last, the next page of the navigation
// (Material's footer link), which leads on through the course's closing pages.
function nextStep(site, course, lesson) {
  var lessons = [];
  course.modules.forEach(function (module) { lessons = lessons.concat(module.lessons); });
  var next = lessons[lessons.indexOf(lesson) + 1];
  if (next) return { href: site.href(next.url), text: "Lanjutkan ke pelajaran berikutnya: " + next.title };
  var footer = document.querySelector("a.md-footer__link--next[href]");
  var title = footer && footer.querySelector(".md-ellipsis");
  return footer ? { href: footer.href, text: "Lanjutkan: " + (title ? title.textContent.trim() : "halaman berikutnya") } : null;
}

// mkdocs-quiz's own reset of the page's answers (which assets/kursus.js completes for every kind of
// question): the intro's "Ulangi kuis", or the one in its results.
function lessonReset() {
  return document.querySelector(".md-content .quiz-intro-reset, .md-content .quiz-results-reset");
}

function masteryNextSteps(site, course, lesson, answers, mastery) {
  if (mastery.mastered) {
    var next = nextStep(site, course, lesson);
    return [
      el("p", { text: "Anda sudah mencapai batas penguasaan " + CONTRACT.masteryMark + " %. Anda dapat melanjutkan." }),
      next ? el("p", {}, [el("a", { href: next.href, className: "md-button md-button--primary", text: next.text })]) : null,
    ];
  }
  var sections = sectionsToReread(lesson, answers);
  var parts = [
    el("p", {
      text: "Anda belum mencapai batas penguasaan " + CONTRACT.masteryMark + " %. " +
        (sections.length ? "Baca lagi bagian yang belum Anda kuasai, lalu ulangi kuis ini:" : "Pelajari lagi pelajaran ini, lalu ulangi kuisnya."),
    }),
  ];
  if (sections.length) {
    parts.push(el("ul", { className: "kemajuan-penguasaan-bagian" }, sections.map(function (section) {
      return el("li", {}, [el("a", { href: "#" + section.id, text: section.title })]);
    })));
  }
  var reset = lessonReset();
  if (reset) {
    var retry = el("button", { type: "button", className: "md-button", text: "Ulangi kuis pelajaran ini" });
    retry.addEventListener("click", function () { reset.click(); });
    parts.push(el("p", {}, [retry]));
  }
  return parts;
}

// The panel for the lesson this page is, if it is one: shown once its quiz is complete, emptied
// while it is not (after Coba lagi on one question, for instance).
function renderLessonMastery(site, course, answers) {
  var path = site.pagePath(window.location.pathname);
  var lesson = path === null ? null : course.byUrl[path];
  if (!lesson || !document.querySelector(".md-content .quiz")) return;
  var panel = masteryPanel();
  if (!panel) return;
  var stats = lessonStats(lesson, answers);
  var heading = panel.querySelector("h3");
  var level = panel.querySelector(".kemajuan-penguasaan-nilai");
  var steps = panel.querySelector(".kemajuan-penguasaan-langkah");
  var mastery = stats.mastery;
  panel.classList.toggle("kemajuan-penguasaan--tampil", Boolean(mastery));
  heading.hidden = steps.hidden = !mastery;
  clear(steps);
  if (!mastery) {
    level.textContent = "";
    return;
  }
  var text = "Tingkat penguasaan Anda: " + mastery.level + " % \u2014 " + mastery.band;
  if (level.textContent !== text) level.textContent = text; // a live region speaks only on change
  steps.appendChild(el("p", { text: stats.correct + " dari " + stats.total + " soal Anda jawab dengan benar." }));
  masteryNextSteps(site, course, lesson, answers, mastery).forEach(function (part) {
    if (part) steps.appendChild(part);
  });
}

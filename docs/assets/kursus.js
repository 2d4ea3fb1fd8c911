// Course behaviour that mkdocs-quiz does not have, added around it rather than into it.
(function () {
  "use strict";

  // A fill-in blank sits outside its question's form (mkdocs-quiz puts it in the question text), so
  // Enter in it submits nothing by itself: it checks the answer, as the button does. The accepted
  // variants are graded by mkdocs-quiz itself (the course's patch in scripts/upstream/mkdocs_quiz.py).
  document.addEventListener("keydown", function (event) {
    var input = event.target instanceof Element ? event.target.closest("input.quiz-blank-input") : null;
    if (!input || event.key !== "Enter" || event.isComposing) return;
    var form = input.closest(".quiz") && input.closest(".quiz").querySelector("form");
    if (!form) return;
    event.preventDefault();
    if (form.requestSubmit) form.requestSubmit();
    else form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
  });

  // mkdocs-quiz's "reset quiz" stops at the first fill-in-the-blank question (its reset expects a
  // fieldset there), leaving later questions answered. Reset the page's answers ourselves instead:
  // forget what this page stored and load it afresh.
  document.addEventListener(
    "click",
    function (event) {
      var button = event.target instanceof Element ? event.target.closest(".quiz-intro-reset, .quiz-results-reset, .quiz-reset-all-link") : null;
      if (!button) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      var question = (window.mkdocsQuizTranslations || {})["Are you sure you want to reset the quiz? This will clear your progress."];
      if (!window.confirm(question || "Hapus semua jawaban kuis di halaman ini?")) return;
      try {
        localStorage.removeItem(CONTRACT.quizPrefix + location.pathname);
        localStorage.removeItem(CONTRACT.matchOrderPrefix + location.pathname); // assets/pasangkan-urutkan.js
      } catch (error) {
        // Storage unavailable: nothing was stored, so there is nothing to forget.
      }
      location.reload();
    },
    true
  );

  // The site root, from Material's page configuration (a relative path such as "../..").
  function siteRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base.replace(/\/?$/, "/"), location.href);
    } catch (error) {
      return new URL("./", location.href);
    }
  }

  // Installable and offline: the service worker (sw.js) keeps the pages a student opens and saves
  // the whole course only when asked (assets/simpan-luring.js) or on a fast, unmetered link. A new
  // version of the course waits until the student chooses to load it, so a page never changes
  // under a student in the middle of a quiz.
  function offerUpdate(worker) {
    if (document.querySelector(".kursus-pembaruan")) return;
    var banner = document.createElement("div");
    banner.className = "kursus-pembaruan";
    banner.setAttribute("role", "status");
    banner.textContent = "Versi baru kursus sudah tersedia. ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Muat versi baru";
    button.addEventListener("click", function () {
      updating = true;
      worker.postMessage("perbarui");
    });
    banner.appendChild(button);
    document.body.appendChild(banner);
  }

  // A wide table scrolls sideways inside Material's wrapper on a phone. A region that scrolls must
  // be reachable by keyboard (and named), or a keyboard user cannot read its hidden columns.
  function scrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabel; geser ke samping untuk kolom lainnya");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { requestAnimationFrame(scrollableTables); });
  } else {
    window.addEventListener("load", scrollableTables);
  }
  window.addEventListener("resize", scrollableTables);

  // The automatic save of the whole course, kept small on purpose: only when the browser says the
  // link is wifi or ethernet, fast, and the student has not asked to save data. A "4g" effective
  // type alone is not enough: desktop Chrome reports it with no link type at all, and a phone's
  // 4G plan is metered. When the browser does not say, the course waits for the student to ask.
  function fastUnmeteredLink() {
    var link = navigator.connection;
    return Boolean(link) && link.saveData === false && (link.type === "wifi" || link.type === "ethernet") &&
      (!link.effectiveType || link.effectiveType === "4g");
  }

  // The save control and its status load only where needed: on a page that holds the control, and
  // on any page while the worker reports a save going on or stopped.
  var saveControlLoaded = false;
  function loadSaveControl() {
    if (saveControlLoaded) return;
    saveControlLoaded = true;
    var script = document.createElement("script");
    script.src = new URL("assets/simpan-luring.js", siteRoot()).href;
    document.head.appendChild(script);
  }

  // Where the student stopped reading: per lesson, the last section heading scrolled past the top
  // third of the screen, under one key for the site (kemajuan/stats.js reads it for "Lanjutkan"):
  // {last: page, pages: {page: {id, section, lesson}}}, pages as lesson URLs ("modul-3/x/").
  var READING_KEY = CONTRACT.readingPrefix + siteRoot().pathname;
  var PAGE = location.pathname.slice(siteRoot().pathname.length).replace(/index\.html$/, "").replace(/\.html$/, "/");

  function readReading() {
    try {
      var stored = JSON.parse(localStorage.getItem(READING_KEY));
      if (stored && typeof stored.pages === "object" && stored.pages) return stored;
    } catch (error) {
      // Unreadable or unavailable storage: nothing was read before.
    }
    return { last: null, pages: {} };
  }

  // A heading's words without Material's permalink sign.
  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function control(tag, className, text) {
    var node = document.createElement(tag);
    node.className = "md-button " + className;
    node.textContent = text;
    return node;
  }

  function followReading(lesson, headings) {
    var saved = null;
    var timer = null;
    function record() {
      timer = null;
      var current = headings.filter(function (heading) { return heading.getBoundingClientRect().top <= innerHeight / 3; }).pop();
      if ((current ? current.id : "") === saved) return;
      saved = current ? current.id : "";
      var reading = readReading();
      reading.last = PAGE;
      reading.pages[PAGE] = { id: saved, section: current ? headingText(current) : "", lesson: lesson };
      try {
        localStorage.setItem(READING_KEY, JSON.stringify(reading));
      } catch (error) {
        // Storage full or disabled: the place is simply not remembered.
      }
    }
    addEventListener("scroll", function () { if (timer === null) timer = setTimeout(record, 400); }, { passive: true });
    addEventListener("pagehide", record);
  }

  // Under a lesson's header: back to the section read last time (unless a link points elsewhere),
  // the page's outline in Material's drawer (its sidebar is hidden on a phone), and the quiz. On the
  // home page: back to the lesson and section read last, ahead of "Mulai belajar".
  function placeTools() {
    var header = document.querySelector(".md-content .pelajaran-info");
    var title = document.querySelector(".md-content article h1");
    var reading = readReading();
    var place = reading.pages[PAGE];
    if (header && title && !document.querySelector(".kursus-alat")) {
      var headings = Array.prototype.filter.call(document.querySelectorAll(".md-content article :is(h2, h3)[id]"), function (heading) {
        return !heading.closest(".quiz");
      });
      var tools = document.createElement("nav");
      tools.className = "kursus-alat";
      tools.setAttribute("aria-label", "Di halaman ini");
      var target = place && typeof place.id === "string" && place.id ? document.getElementById(place.id) : null;
      if (target && !location.hash && headings.indexOf(target) > 0) {
        tools.appendChild(control("a", "md-button--primary kursus-lanjut", "Lanjutkan dari " + headingText(target))).href = "#" + target.id;
      }
      var drawer = document.getElementById("__drawer");
      var toc = document.getElementById("__toc");
      if (drawer && toc) {
        tools.appendChild(control("button", "kursus-daftar-isi", "Daftar isi halaman")).addEventListener("click", function () {
          toc.checked = drawer.checked = true; // Material's own toggles: the drawer, on this page's outline
          drawer.dispatchEvent(new Event("change"));
        });
      }
      if (document.getElementById("kuis")) tools.appendChild(control("a", "kursus-ke-kuis", "Ke kuis")).href = "#kuis";
      header.appendChild(tools);
      followReading(headingText(title), headings);
      return;
    }
    place = reading.last && reading.pages[reading.last];
    var start = PAGE === "" && document.querySelector('.md-content a.md-button--primary[href*="cara-belajar"]');
    if (!start || !place || typeof place.lesson !== "string") return;
    var link = control("a", "md-button--primary kursus-lanjut", "Lanjutkan: " + place.lesson + (place.section ? ", " + place.section : ""));
    var form = /\.html$/.test(location.pathname) ? reading.last.replace(/\/$/, ".html") : reading.last;
    link.href = new URL(form, siteRoot()).href + (place.id ? "#" + place.id : "");
    start.classList.remove("md-button--primary");
    start.parentNode.insertBefore(link, start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", placeTools);
  else placeTools();

  // Glossary definitions (Material's tooltips) open under the term, and near the foot of the screen
  // ran off it. Then the definition goes above the term, or on the side with more room, never over
  // the term's own line: a shift of the course's own (gaya/quiz.css) on top of Material's position.
  function placeTooltip(host) {
    var tip = document.getElementById(host.getAttribute("aria-describedby"));
    if (!tip || !tip.classList.contains("md-tooltip2")) return;
    tip.style.removeProperty("--kursus-tooltip-shift");
    var top = document.querySelector(".md-header").getBoundingClientRect().bottom;
    var term = host.getBoundingClientRect();
    var height = tip.offsetHeight;
    var below = innerHeight - term.bottom - 8;
    var style = getComputedStyle(tip);
    var placed = parseFloat(style.getPropertyValue("--md-tooltip-host-y")) + parseFloat(style.getPropertyValue("--md-tooltip-y")) - scrollY;
    var wanted = height <= below || below >= term.top - top - 8 ? term.bottom + 8 : Math.max(top, term.top - 8 - height);
    if (isFinite(placed)) tip.style.setProperty("--kursus-tooltip-shift", wanted - placed + "px");
  }
  ["focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var host = event.target instanceof Element ? event.target.closest("[aria-describedby^='__tooltip2']") : null;
      if (host) requestAnimationFrame(function () { placeTooltip(host); });
    });
  });

  var updating = false;
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    if (document.getElementById("simpan-luring")) loadSaveControl();
    navigator.serviceWorker.addEventListener("message", function (event) {
      var state = event.data && event.data.simpanLuring;
      if (state && state.keadaan !== "belum" && state.keadaan !== "siap") loadSaveControl();
    });
    navigator.serviceWorker.ready.then(function (registration) {
      // On a first visit the page and its files came before the worker: it keeps them now (from
      // the browser's HTTP cache). Then it saves the course on a fast, unmetered link, or goes
      // on with a save the network interrupted.
      var loaded = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
      registration.active.postMessage({ jenis: "catat", urls: [location.href].concat(loaded) });
      registration.active.postMessage(fastUnmeteredLink() ? { jenis: "simpan", diam: true } : { jenis: "lanjutkan" });
    });
    window.addEventListener("load", function () {
      navigator.serviceWorker.addEventListener("controllerchange", function () {
        if (updating) location.reload();
      });
      navigator.serviceWorker
        .register(new URL("sw.js", siteRoot()))
        .then(function (registration) {
          function offer(worker) {
            if (worker && navigator.serviceWorker.controller) offerUpdate(worker);
          }
          offer(registration.waiting);
          registration.addEventListener("updatefound", function () {
            var installing = registration.installing;
            installing.addEventListener("statechange", function () {
              if (installing.state === "installed") offer(installing);
            });
          });
        })
        .catch(function () {
          // No service worker (private mode, old browser): the course still works online.
        });
    });
  }
})();

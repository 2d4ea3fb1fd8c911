// Course behaviour that mkdocs-quiz does not have, added around it rather than into it.
(function () {
  "use strict";

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/\.+$/, "");
  }

  // The quiz bank may accept several answers for one blank, but mkdocs-quiz compares with one.
  // In the capture phase, before mkdocs-quiz grades the form, an accepted variant is replaced by
  // the canonical answer, so "Fungsi sosial" is graded like "keberfungsian sosial".
  document.addEventListener(
    "submit",
    function (event) {
      var quiz = event.target instanceof Element ? event.target.closest(".quiz") : null;
      if (!quiz) return;
      quiz.querySelectorAll("input.quiz-blank-input[data-accept]").forEach(function (input) {
        var accepted;
        try {
          accepted = JSON.parse(input.getAttribute("data-accept"));
        } catch (error) {
          return;
        }
        var given = normalize(input.value);
        if (accepted.some(function (answer) { return normalize(answer) === given; })) {
          input.value = input.getAttribute("data-answer");
        }
      });
    },
    true
  );

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

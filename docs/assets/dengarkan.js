// "Dengarkan": a lesson read aloud by the browser's own Indonesian voice (speechSynthesis), block
// by block: headings, paragraphs, list items, table rows and admonitions, never the menus, the
// quiz, code or glossary pop-ups. One short utterance at a time, because Chrome cuts long ones
// and pause, resume and the highlight of the block being read stay in step that way. A lesson
// shows the button only where an Indonesian voice exists, and this script comes on its first
// press (overrides/main.html): a first visit costs nothing. It fetches nothing (works from file://).
(function (global) {
  "use strict";

  var LIMIT = 180; // characters per utterance: about 12 s of speech, under Chrome's cut-off

  // Text as a voice should say it: no permalink or back-link signs, symbols in words.
  function normalize(text) {
    return String(text)
      .replace(/[¶↩]/g, " ")
      .replace(/±\s*/g, "kurang lebih ")
      .replace(/\s*[·|]\s*/g, ", ")
      .replace(/\s+/g, " ")
      .replace(/\s+([,.;:!?])/g, "$1")
      .trim();
  }

  // `text` in pieces of at most `limit` characters, cut between sentences where it can be (a stop
  // before a capital: "UU No. 14" stays whole), then after a comma, then between words in even
  // parts; joined again, the pieces give the text back.
  function chunks(text, limit) {
    var pieces = [];
    text.replace(/([.!?]["'”’)\]]*\s+)(?=[A-Z"“‘(\[])/g, "$1\n").split("\n").forEach(function (sentence) {
      while (sentence.length > limit) {
        var even = Math.ceil(sentence.length / Math.ceil(sentence.length / limit));
        var cut = sentence.lastIndexOf(", ", limit - 1);
        if (cut < limit / 2) cut = sentence.lastIndexOf(" ", even);
        if (cut <= 0) cut = limit - 1;
        pieces.push(sentence.slice(0, cut + 1));
        sentence = sentence.slice(cut + 1);
      }
      pieces.push(sentence);
    });
    var joined = [];
    pieces.forEach(function (piece) {
      var last = joined.length - 1;
      if (last >= 0 && (joined[last] + piece).length <= limit) joined[last] += piece;
      else joined.push(piece);
    });
    return joined.map(function (piece) { return piece.trim(); }).filter(Boolean);
  }

  // A table row as one sentence per cell, each named by its column: "Unsur: Bertujuan membantu."
  function rowText(headers, cells) {
    var said = cells.map(function (cell, i) {
      var sentence = /[.!?:;]$/.test(cell) ? cell : cell + ".";
      return !cell ? "" : headers[i] ? headers[i] + ": " + sentence : sentence;
    });
    return said.filter(Boolean).join(" ");
  }

  // The voice to use: Indonesian ("id-ID", Android's "id_ID", "id"), one on the device first.
  function indonesianVoice(voices) {
    var found = Array.prototype.filter.call(voices || [], function (voice) {
      return /^id([-_]|$)/i.test(String(voice.lang));
    });
    return found.filter(function (voice) { return voice.localService; })[0] || found[0] || null;
  }

  var doc = global.document;
  if (!doc) {
    // Node's unit tests (tests/js/dengarkan.test.mjs): the pure part, and no page to work on.
    global.dengarkanTeks = { normalize: normalize, chunks: chunks, rowText: rowText, indonesianVoice: indonesianVoice };
    return;
  }
  var synth = global.speechSynthesis;
  var article = doc.querySelector("article.md-content__inner");
  if (!synth || typeof global.SpeechSynthesisUtterance !== "function" || !article) return;

  var BLOCK = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,tr,figcaption,summary";
  // Never read: code, the quiz and its progress, navigation (the lesson's own tools too), form
  // controls, permalinks, footnote numbers, Material's tooltips, tab labels (read with their tab).
  var SKIP =
    "pre,code,kbd,script,style,template,svg,nav,form,button,input,select,textarea,.headerlink," +
    ".footnote-ref,.footnote-backref,.md-tooltip,.md-tooltip2,.md-source-file,.tabbed-labels," +
    "[class*=quiz],[hidden],[aria-hidden=true],.dengarkan";
  var QUIZ = ".quiz,.quiz-intro"; // not its progress bar, which mkdocs-quiz puts after the last section
  var SPACED = /^(BR|DIV|UL|OL|DL|TABLE|BLOCKQUOTE|DETAILS)$/;

  // An element's own text: without what is never read and without the blocks inside it.
  function ownText(node) {
    var text = "";
    Array.prototype.forEach.call(node.childNodes, function (child) {
      if (child.nodeType === 3) text += child.nodeValue;
      else if (child.nodeType === 1 && !child.matches(SKIP) && !child.matches(BLOCK)) {
        text += SPACED.test(child.tagName) ? " " + ownText(child) + " " : ownText(child);
      }
    });
    return text;
  }

  // The lesson's top-level elements in a section that holds the quiz: its heading and
  // introduction go unread with the questions.
  function quizSections() {
    var muted = [], section = [];
    function close() {
      if (section.some(function (el) { return el.matches(QUIZ) || el.querySelector(QUIZ); })) {
        muted = muted.concat(section);
      }
      section = [];
    }
    Array.prototype.forEach.call(article.children, function (child) {
      if (child.tagName === "H2") close();
      section.push(child);
    });
    close();
    return muted;
  }

  function skipped(el) {
    var hit = el.closest(SKIP);
    return Boolean(hit && article.contains(hit));
  }

  function tableRow(row) {
    var table = row.closest("table");
    if (row.parentElement.tagName === "THEAD" || !row.querySelector("td")) return ""; // said with each row
    var head = table.tHead ? table.tHead.rows[0] : null;
    var headers = head ? Array.prototype.map.call(head.cells, function (cell) { return normalize(ownText(cell)); }) : [];
    return rowText(headers, Array.prototype.map.call(row.cells, function (cell) { return normalize(ownText(cell)); }));
  }

  function tabOf(el) {
    var block = el.closest(".tabbed-block");
    if (!block || !article.contains(block)) return null;
    var set = block.closest(".tabbed-set");
    var index = Array.prototype.indexOf.call(block.parentElement.children, block);
    var input = set.querySelectorAll(":scope > input")[index], label = set.querySelectorAll(".tabbed-labels > label")[index];
    return { block: block, input: input, label: label };
  }

  // What is read, in order: { el, text, section, tab } (tab: the input showing its tab, read first).
  function collect() {
    var muted = quizSections();
    var found = [], section = "", lastTab = null;
    Array.prototype.forEach.call(article.querySelectorAll(BLOCK), function (el) {
      if (skipped(el) || muted.some(function (top) { return top.contains(el); })) return;
      var text = normalize(el.tagName === "TR" ? tableRow(el) : ownText(el));
      if (!text) return;
      if (/^H[12]$/.test(el.tagName)) section = text;
      var tab = tabOf(el);
      var input = tab && tab.input;
      if (tab && tab.block !== lastTab && tab.label) {
        found.push({ el: tab.label, text: normalize(tab.label.textContent), section: section, tab: input });
      }
      lastTab = tab ? tab.block : null;
      found.push({ el: el, text: text, section: section, tab: input });
    });
    return found;
  }

  // A block inside a closed <details> (an exercise's answer) waits until the student opens it.
  function readable(block) {
    var from = block.el.tagName === "SUMMARY" ? block.el.parentElement.parentElement : block.el;
    return !(from && from.closest("details:not([open])"));
  }

  function show(block) {
    if (block.tab) block.tab.checked = true; // the tab being read is the one shown
    block.el.classList.add("dengarkan-kini");
    var box = block.el.getBoundingClientRect();
    if (box.top >= 64 && box.bottom <= global.innerHeight) return; // in view: no scroll at all
    var still = global.matchMedia && global.matchMedia("(prefers-reduced-motion: reduce)").matches;
    block.el.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  }

  var voice = null, group = null, status = null, buttons = {}; // the voice used, and the controls
  // One reading: its blocks, where it is, and a session number that silences an earlier reading's callbacks.
  var state = { session: 0, active: false, paused: false, dropped: false, blocks: [], index: -1, parts: [], part: 0 };

  function say(message) { status.textContent = message; }

  function unmark() {
    var current = state.blocks[state.index];
    if (current) current.el.classList.remove("dengarkan-kini");
  }

  function setButtons() {
    // A keyboard user on a button about to go away stays on the controls (Chrome lets go at once).
    var leaving = !state.active && (doc.activeElement === buttons.pause || doc.activeElement === buttons.stop);
    buttons.start.setAttribute("aria-pressed", String(state.active));
    buttons.start.classList.toggle("md-button--primary", state.active);
    buttons.pause.hidden = buttons.stop.hidden = !state.active;
    buttons.pause.textContent = state.paused ? "Lanjutkan" : "Jeda";
    if (leaving) buttons.start.focus();
  }

  function finish(message) {
    state.session++;
    unmark();
    state.active = state.paused = false;
    state.index = -1;
    synth.cancel();
    if (group) { setButtons(); say(message); }
  }

  function speakPart() {
    var session = ++state.session;
    var utterance = new global.SpeechSynthesisUtterance(state.parts[state.part]);
    utterance.lang = "id-ID";
    if (voice) utterance.voice = voice;
    utterance.onend = function () {
      if (session !== state.session) return;
      if (state.paused) state.dropped = true; // a browser whose pause ends the utterance
      else if (++state.part < state.parts.length) speakPart();
      else next(state.index + 1);
    };
    utterance.onerror = function (event) {
      if (session !== state.session) return;
      if (state.paused) state.dropped = true;
      else finish("Pembacaan terhenti: suara peramban gagal (" + (event && event.error) + ").");
    };
    state.utterance = utterance; // Chrome forgets an utterance nobody holds, and never ends it
    synth.speak(utterance);
  }

  function next(from) {
    var previous = state.blocks[state.index];
    unmark();
    var i = from;
    while (i < state.blocks.length && !readable(state.blocks[i])) i++;
    if (i >= state.blocks.length) return finish("Pembacaan selesai.");
    var block = state.blocks[i];
    state.index = i;
    state.parts = chunks(block.text, LIMIT);
    state.part = 0;
    if (!previous || previous.section !== block.section) say("Membacakan bagian: " + block.section);
    show(block);
    speakPart();
  }

  function start() {
    synth.cancel(); // anything still queued from another page
    state.blocks = collect();
    state.index = -1;
    state.active = true;
    state.paused = state.dropped = false;
    setButtons();
    next(0);
  }

  function pauseOrResume() {
    var block = state.blocks[state.index];
    if (!state.active || !block) return;
    state.paused = !state.paused;
    if (state.paused) {
      synth.pause();
      say("Dijeda pada bagian: " + block.section);
    } else {
      synth.resume();
      say("Membacakan bagian: " + block.section);
      if (state.dropped) speakPart(); // the part was lost to the pause: again from its start
      state.dropped = false;
    }
    setButtons();
  }

  function button(label) {
    return Object.assign(doc.createElement("button"), { type: "button", className: "md-button", textContent: label });
  }

  // The loader in overrides/main.html made the group and its "Dengarkan" button (this script comes
  // on its first press); when a lost voice comes back, they are made here.
  function build() {
    group = article.querySelector(".dengarkan") || Object.assign(doc.createElement("div"), { className: "dengarkan" });
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Dengarkan pelajaran");
    buttons.start = group.querySelector("button") || group.appendChild(button("Dengarkan"));
    buttons.start.type = "button";
    buttons.start.addEventListener("click", function () { state.active ? finish("Pembacaan dihentikan.") : start(); });
    buttons.pause = button("Jeda");
    buttons.pause.addEventListener("click", pauseOrResume);
    buttons.stop = button("Berhenti");
    buttons.stop.addEventListener("click", function () { finish("Pembacaan dihentikan."); });
    status = Object.assign(doc.createElement("p"), { className: "dengarkan-status" });
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    group.append(buttons.pause, buttons.stop, status);
    var after = article.querySelector(".pelajaran-info") || article.querySelector("h1");
    if (!group.parentNode) after ? after.after(group) : article.prepend(group);
    setButtons();
  }

  function voicesChanged() {
    voice = indonesianVoice(synth.getVoices());
    if (voice && !group) build();
    if (!voice && group) { finish(""); group.remove(); group = null; } // the voice went away
  }

  voicesChanged();
  synth.addEventListener("voiceschanged", voicesChanged); // the loader in overrides/main.html checked it
  // Leaving the page (a link, back, closing the tab) ends the reading; the browser would not.
  global.addEventListener("pagehide", function () { if (state.active) finish(""); });
  if (group) start(); // the press that brought this script
})(this);

// Matching ("pasangan") and ordering ("urutan") questions, which mkdocs-quiz lacks: the build writes
// them as the course's own HTML (scripts/site/render.py arranged_block), overrides/main.html loads
// this script on pages that hold one. Matching: a native select per left item (keyboard, touch and
// screen readers need nothing more); ordering: "Naikkan"/"Turunkan" per step. "Kirim jawaban"
// grades and explains; "Coba lagi" starts over. Answers are kept as mkdocs-quiz keeps its own, under
// our key + location.pathname: {"soal-<id>": {answered, correct, selectedValues}}, the values being
// bank indices as strings (per left item the answer chosen; or the steps in the student's order).
// The progress code reads both keys (kemajuan/stats.js readAnswers) on "quizProgressUpdate".
// Stored values are data: compared with the page's own values, never written as HTML.
(function (global) {
  "use strict";

  var PREFIX = CONTRACT.matchOrderPrefix;
  var MAX_STORED = 50000; // as mkdocs-quiz: anything longer is not ours
  var ID = /^soal-[a-z0-9-]+$/; // model.anchor: the only entry names we read or write

  // --- The pure part, which tests/js/pasangkan-urutkan.test.mjs runs without a page ---

  // Whether `order` begins 0, 1 ... keyLength - 1: the key's order (steps, or answers by left item).
  function inKeyOrder(order, keyLength) {
    if (keyLength < 1 || order.length < 2) return false;
    for (var i = 0; i < keyLength; i++) if (order[i] !== i) return false;
    return true;
  }

  // `values` shuffled (Fisher-Yates, `random` as Math.random), never into key order.
  function shuffle(values, keyLength, random) {
    var order = values.slice();
    for (var attempt = 0; attempt < 20; attempt++) {
      for (var i = order.length - 1; i > 0; i--) {
        var j = Math.floor(random() * (i + 1));
        var swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      if (!inKeyOrder(order, keyLength)) return order;
    }
    return order.slice(1).concat(order.slice(0, 1)); // what was second comes first: never 0
  }

  // Per row, whether it is right: a matching item's choice against its key, an ordering item's step
  // against its place ("" is no choice, never right).
  function grade(values, keys) {
    return values.map(function (value, index) { return value !== "" && value === keys[index]; });
  }

  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  // The entries of a stored page that have mkdocs-quiz's shape, under names we write; the rest
  // (another script's, a hand-edited value, garbage) is left out, as mkdocs-quiz leaves it out.
  function cleanStore(stored) {
    var clean = {};
    if (!isObject(stored)) return clean;
    Object.keys(stored).forEach(function (id) {
      var entry = stored[id];
      if (!ID.test(id) || !isObject(entry) || typeof entry.answered !== "boolean" || typeof entry.correct !== "boolean") return;
      if (!Array.isArray(entry.selectedValues) || !entry.selectedValues.every(function (v) { return typeof v === "string"; })) return;
      clean[id] = { answered: entry.answered, correct: entry.correct, selectedValues: entry.selectedValues.slice(0, 50) };
    });
    return clean;
  }

  // A stored answer's values this question can show (one per left item, or each step once), or null.
  function usableValues(entry, question) {
    if (!entry || entry.answered !== true) return null;
    var values = entry.selectedValues;
    if (values.length !== question.keys.length) return null;
    var seen = {};
    var fits = values.every(function (value) {
      if (question.choices.indexOf(value) === -1) return false;
      if (question.kind === "pasangan") return true;
      return seen[value] ? false : (seen[value] = true);
    });
    return fits ? values.slice() : null;
  }

  var doc = global.document;
  if (!doc) {
    global.pasangkanUrutkan = { inKeyOrder: inKeyOrder, shuffle: shuffle, grade: grade, cleanStore: cleanStore, usableValues: usableValues };
    return;
  }

  // --- The page ---

  var KEY = PREFIX + global.location.pathname;

  function readStore() {
    try {
      var raw = global.localStorage.getItem(KEY);
      return typeof raw === "string" && raw.length <= MAX_STORED ? cleanStore(JSON.parse(raw)) : {};
    } catch (error) {
      return {}; // storage disabled, or not JSON: nothing stored
    }
  }

  // Read afresh before writing, so an answer given in another tab is kept.
  function store(id, entry) {
    var stored = readStore();
    if (entry) stored[id] = entry;
    else delete stored[id];
    try {
      global.localStorage.setItem(KEY, JSON.stringify(stored));
    } catch (error) {
      // Storage full or disabled: the answer holds until the page is closed.
    }
    // mkdocs-quiz's sidebar and results count these too (scripts/upstream/mkdocs_quiz.py patch).
    global.dispatchEvent(new CustomEvent("kursus-susun"));
    global.dispatchEvent(new CustomEvent("quizProgressUpdate", { detail: null }));
  }

  // This page's matching and ordering questions answered, and answered right (for mkdocs-quiz).
  global.kursusSusun = function () {
    var stored = readStore(), counts = { answered: 0, correct: 0 };
    all(doc, ".md-content .soal-susun[id]").forEach(function (block) {
      var entry = Object.prototype.hasOwnProperty.call(stored, block.id) && stored[block.id];
      counts.answered += entry && entry.answered ? 1 : 0;
      counts.correct += entry && entry.correct ? 1 : 0;
    });
    return counts;
  };

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function numbers(values) {
    return values.map(Number);
  }

  // A matching item: its selects, each listing every answer after an empty first option.
  function matching(block) {
    var selects = all(block, "select");
    var options = Array.prototype.slice.call(selects[0].options, 1);
    var keys = selects.map(function (select) { return select.getAttribute("data-kunci"); });
    var keyLength = keys.filter(function (key, index) { return keys.indexOf(key) === index; }).length;
    function textOf(value) {
      var option = options.filter(function (o) { return o.value === value; })[0];
      return option ? option.textContent : "";
    }
    return {
      kind: "pasangan", keys: keys, rows: selects.map(function (s) { return s.parentNode; }),
      choices: options.map(function (o) { return o.value; }),
      controls: function () { return selects; },
      values: function () { return selects.map(function (s) { return s.value; }); },
      show: function (values) { selects.forEach(function (s, i) { s.value = values[i]; }); },
      start: function () {
        var order = shuffle(numbers(this.choices), keyLength, Math.random);
        selects.forEach(function (select) {
          order.forEach(function (value) { select.appendChild(select.querySelector('option[value="' + value + '"]')); });
          select.value = "";
        });
      },
      note: function (right, index) {
        return right ? "Tepat." : "Belum tepat. Jawaban yang benar: " + textOf(keys[index]) + ".";
      },
      summary: function (count) { return count + " dari " + keys.length + " pasangan benar."; },
    };
  }

  // An ordering item: its list of steps, each step's value its place in the bank's order.
  function ordering(block) {
    var list = block.querySelector("ol");
    var live = block.querySelector(".soal-susun-gerak");
    var steps = function () { return Array.prototype.slice.call(list.children); };
    var keys = steps().map(function (step, index) { return String(index); });
    var question = {
      kind: "urutan", keys: keys, choices: keys,
      get rows() { return steps(); },
      controls: function () { return all(list, "button"); },
      values: function () { return steps().map(function (s) { return s.getAttribute("data-nilai"); }); },
      show: function (values) {
        var byValue = {};
        steps().forEach(function (step) { byValue[step.getAttribute("data-nilai")] = step; });
        values.forEach(function (value) { list.appendChild(byValue[value]); });
        edges();
      },
      start: function () { this.show(shuffle(numbers(keys), keys.length, Math.random).map(String)); },
      note: function (right, index) {
        return right ? "Posisi tepat." : "Belum tepat: langkah ini seharusnya di posisi " + (Number(steps()[index].getAttribute("data-nilai")) + 1) + ".";
      },
      summary: function (count) { return count + " dari " + keys.length + " langkah di posisi yang tepat."; },
    };
    // The first step cannot go up nor the last down: said (aria-disabled), not disabled, so a
    // button that just moved its step to the end keeps the focus.
    function edges() {
      steps().forEach(function (step, index, every) {
        step.querySelector(".soal-urutan-naik").setAttribute("aria-disabled", String(index === 0));
        step.querySelector(".soal-urutan-turun").setAttribute("aria-disabled", String(index === every.length - 1));
      });
    }
    list.addEventListener("click", function (event) {
      var button = event.target instanceof Element ? event.target.closest("button") : null;
      if (!button || button.disabled) return;
      var step = button.closest("li");
      var up = button.classList.contains("soal-urutan-naik");
      var text = step.querySelector(".soal-urutan-teks").textContent;
      var other = up ? step.previousElementSibling : step.nextElementSibling;
      if (!other) {
        live.textContent = "\u201c" + text + "\u201d sudah di posisi " + (up ? "pertama." : "terakhir.");
        return;
      }
      list.insertBefore(step, up ? other : other.nextElementSibling);
      button.focus(); // moving the step took the focus away from its button
      edges();
      live.textContent = "\u201c" + text + "\u201d sekarang di posisi " + (steps().indexOf(step) + 1) + " dari " + keys.length + ".";
    });
    return question;
  }

  function setUp(block) {
    var question = block.getAttribute("data-jenis") === "pasangan" ? matching(block) : ordering(block);
    var form = block.querySelector("form");
    var send = form.querySelector(".soal-susun-kirim");
    var again = form.querySelector(".soal-susun-ulang");
    var feedback = block.querySelector(".soal-susun-umpan");
    var explanation = block.querySelector(".soal-susun-bahas");

    function say(className, text) {
      feedback.className = "soal-susun-umpan" + (className ? " quiz-feedback-item " + className : "");
      feedback.textContent = text;
    }

    function mark(row, right, text) {
      var note = row.querySelector(".soal-susun-tanda");
      row.classList.toggle("soal-susun-tepat", right === true);
      row.classList.toggle("soal-susun-keliru", right === false);
      note.textContent = "";
      if (right === null) return;
      var sign = note.appendChild(doc.createElement("span"));
      sign.setAttribute("aria-hidden", "true");
      sign.textContent = right ? "\u2713 " : "\u2717 ";
      note.appendChild(doc.createTextNode(text));
    }

    function settle(answered) {
      question.controls().forEach(function (control) { control.disabled = answered; });
      send.hidden = answered;
      again.hidden = !answered;
      explanation.hidden = !answered;
    }

    function showResult(values) {
      var results = grade(values, question.keys);
      var right = results.filter(Boolean).length;
      question.rows.forEach(function (row, index) { mark(row, results[index], question.note(results[index], index)); });
      if (right === results.length) say("correct", "Jawaban Anda tepat.");
      else say("incorrect", "Jawaban Anda belum tepat: " + question.summary(right) + " Pelajari pembahasannya, lalu tekan Coba lagi.");
      settle(true);
      return right === results.length;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = question.values();
      var missing = values.indexOf("");
      if (missing !== -1) {
        say("incorrect", "Pilih jawaban untuk setiap butir lebih dulu.");
        question.controls()[missing].focus();
        return;
      }
      var correct = showResult(values);
      store(block.id, { answered: true, correct: correct, selectedValues: values });
      feedback.focus(); // as mkdocs-quiz does: the verdict is read, and Tab goes on from the answer
    });

    again.addEventListener("click", function () {
      store(block.id, null);
      question.rows.forEach(function (row) { mark(row, null, ""); });
      say("", "");
      settle(false);
      question.start();
      question.controls()[0].focus();
    });

    var stored = readStore()[block.id];
    var values = usableValues(stored, question);
    if (stored && !values) store(block.id, null); // not an answer to this question: not counted either
    if (question.kind === "pasangan" || !values) question.start();
    if (values) {
      question.show(values);
      showResult(values);
    }
  }

  function start() {
    all(doc, ".md-content .soal-susun[id]").forEach(function (block) {
      try {
        setUp(block);
      } catch (error) {
        if (global.console) global.console.error("pasangkan-urutkan.js:", error); // the other questions still work
      }
    });
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
  global.dispatchEvent(new CustomEvent("kursus-susun")); // answers restored: mkdocs-quiz may count them
})(this);

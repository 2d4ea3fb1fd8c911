// The final evaluation's draw. The page carries the whole pool; this script, written inline right
// after the pool (so it runs while the page is parsed, before mkdocs-quiz's deferred script counts,
// restores or grades anything), keeps one attempt's items and removes the rest. The plan on the tag
// says how many items each module gives (scripts/core/progress.py exam_plan). An attempt keeps its items
// until the student starts again: a submitted result names them; before that, this browser's
// storage does. "Ulangi evaluasi" removes both, so the next load draws afresh. The CONTRACT values
// are declared in docs/assets/kemajuan/core.js.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var plan;
  var root;
  try {
    plan = JSON.parse(script.getAttribute("data-plan"));
    root = new URL((script.getAttribute("data-root") || "./").replace(/\/?$/, "/"), location.href);
  } catch (error) {
    return; // without a plan the whole pool stays: an honest, longer evaluation
  }
  if (!plan || !Array.isArray(plan.strata)) return;
  var DRAW_KEY = CONTRACT.drawPrefix + root.pathname;
  var RESULT_KEY = CONTRACT.resultPrefix + root.pathname;

  var onPage = {};
  var pool = Array.prototype.slice.call(document.querySelectorAll(".md-content .quiz[id]"));
  pool.forEach(function (quiz) { onPage[quiz.id] = quiz; });
  var size = plan.strata.reduce(function (sum, stratum) {
    return sum + (typeof stratum.take === "number" ? stratum.take : 0);
  }, 0);
  if (!size || size >= pool.length) return;

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (error) {
      return null; // storage disabled or not JSON: nothing stored
    }
  }

  // Stored ids are data from storage: used only when they name distinct items of this page.
  function usable(ids) {
    if (!Array.isArray(ids) || ids.length !== size) return false;
    var seen = {};
    return ids.every(function (id) {
      if (typeof id !== "string" || !Object.prototype.hasOwnProperty.call(onPage, id) || seen[id]) return false;
      seen[id] = true;
      return true;
    });
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

  function freshDraw() {
    var drawn = [];
    plan.strata.forEach(function (stratum) {
      var ids = Array.isArray(stratum.ids) ? stratum.ids.filter(function (id) { return onPage[id]; }) : [];
      drawn = drawn.concat(shuffled(ids).slice(0, stratum.take));
    });
    return shuffled(drawn);
  }

  var result = read(RESULT_KEY);
  var submitted = result && typeof result.answers === "object" && result.answers ? Object.keys(result.answers) : null;
  var stored = read(DRAW_KEY);
  var ids = usable(submitted) ? submitted : stored && usable(stored.ids) ? stored.ids : freshDraw();
  try {
    localStorage.setItem(DRAW_KEY, JSON.stringify({ version: CONTRACT.drawVersion, ids: ids }));
  } catch (error) {
    // Storage disabled or full: this load's draw still holds until the page is left.
  }

  var place = pool[0].parentNode.insertBefore(document.createComment("undian"), pool[0]);
  pool.forEach(function (quiz) { quiz.parentNode.removeChild(quiz); });
  ids.forEach(function (id, index) {
    var quiz = onPage[id];
    var label = quiz.querySelector(".soal-label");
    if (label) label.textContent = label.textContent.replace(/^Soal \d+ dari \d+/, "Soal " + (index + 1) + " dari " + ids.length);
    place.parentNode.insertBefore(quiz, place);
  });
  place.parentNode.removeChild(place);
})();

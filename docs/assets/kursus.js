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

  // Glossary terms are <abbr title> elements; Material's tooltips appear on hover only. A tabindex
  // makes them reachable by keyboard, and focus is also what a tap gives on a touch screen.
  function focusableTerms() {
    document.querySelectorAll(".md-content abbr[title]").forEach(function (term) {
      term.setAttribute("tabindex", "0");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusableTerms);
  } else {
    focusableTerms();
  }
})();

// "Salin tautan soal": a visible button on every question of a lesson page that copies the
// question's own address (…/pelajaran/#soal-<id>), for a lecturer who assigns one question.
// Loaded only on lesson pages (overrides/main.html). Works from file:// too: where the clipboard
// API is missing or refused, the address is shown in a field, selected, and copied with the
// older command if the browser still allows it; a polite live region says what happened.
(function () {
  "use strict";
  var quizzes = document.querySelectorAll('.md-content .quiz[id^="soal-"]');
  if (!quizzes.length) return;

  var style = document.createElement("style");
  style.textContent =
    ".salin-tautan{float:right;margin:0 0 .4rem .6rem;padding:.2rem .6rem;font:inherit;font-size:.7rem;" +
    "color:var(--md-typeset-a-color);background:transparent;border:1px solid currentColor;border-radius:.2rem;cursor:pointer}" +
    ".salin-tautan:focus-visible{outline:2px solid var(--md-accent-fg-color);outline-offset:2px}" +
    ".salin-tautan-alamat{display:block;width:100%;margin:.2rem 0 .4rem;font:inherit;font-size:.7rem}" +
    ".salin-tautan-status{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}";
  document.head.appendChild(style);

  var status = document.createElement("div");
  status.className = "salin-tautan-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = "";
    // A fresh text node each time, so a second copy is announced again.
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function address(quiz) {
    return location.href.split("#")[0] + "#" + quiz.id;
  }

  function fallback(quiz, button, url) {
    var field = quiz.querySelector(".salin-tautan-alamat");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "salin-tautan-alamat";
      field.setAttribute("aria-label", "Tautan soal");
      button.insertAdjacentElement("afterend", field);
    }
    field.value = url;
    field.focus();
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    announce(copied ? "Tautan disalin" : "Tautan soal terpilih; tekan Ctrl+C untuk menyalinnya");
  }

  function copy(quiz, button) {
    var url = address(quiz);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { announce("Tautan disalin"); },
        function () { fallback(quiz, button, url); }
      );
    } else {
      fallback(quiz, button, url);
    }
  }

  Array.prototype.forEach.call(quizzes, function (quiz) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "salin-tautan";
    button.textContent = "Salin tautan soal";
    button.addEventListener("click", function () { copy(quiz, button); });
    var link = quiz.querySelector(".quiz-header-link");
    if (link) link.insertAdjacentElement("afterend", button);
    else quiz.insertBefore(button, quiz.firstChild);
  });
})();

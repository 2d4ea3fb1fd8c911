// "Simpan untuk belajar tanpa sinyal": the control that saves the whole course for offline study,
// and the status of a save. kursus.js loads this file only where it is needed, to keep a first
// visit small: on the pages that hold the control (an element with the id simpan-luring written
// in their Markdown: the home page and Belajar offline) and on any page while the service worker
// (sw.js, from scripts/site/sw-template.js) reports a save. The worker does the saving; this file sends
// it requests ({jenis: "status" | "simpan"}) and shows what it reports ({simpanLuring: {keadaan,
// persen, sisa, total}}, keadaan being belum, menyimpan, siap, terhenti or penuh).
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || window.simpanLuringDimuat) return;
  window.simpanLuringDimuat = true;

  // While a save is interrupted and the browser still believes it is online (a signal too weak to
  // carry data), try again this often; a browser that sees the signal return says so at once.
  var RETRY_MS = 30000;
  // How long the compact status keeps saying the course is ready before it steps aside.
  var READY_SHOWN_MS = 8000;

  var mount = document.getElementById("simpan-luring");
  var status = document.createElement(mount ? "p" : "div");
  status.setAttribute("role", "status");
  var bar = null;
  var button = null;
  var shown = { keadaan: "", tenth: -1 };
  var hideTimer = null;

  if (mount) {
    status.className = "simpan-luring__status";
    status.tabIndex = -1; // focus lands here when the button it replaces disappears
    bar = document.createElement("progress");
    bar.className = "simpan-luring__kemajuan";
    bar.max = 100;
    bar.setAttribute("aria-label", "Kemajuan penyimpanan kursus");
    button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.addEventListener("click", function () {
      send({ jenis: "simpan" });
    });
    mount.append(status, bar, button);
  } else {
    // Always in the page, empty when there is nothing to say: a live region that appears only
    // with its first message is not reliably announced.
    status.className = "simpan-luring-ringkas";
    document.body.appendChild(status);
  }

  // A size as scripts/site/offline.py human_size writes it: "916 KB", "1,9 MB".
  function size(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / 1024 / 1024).toFixed(1).replace(".", ",") + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function send(message) {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage(message);
    });
  }

  function text(state) {
    switch (state.keadaan) {
      case "menyimpan":
        return "Menyimpan … " + state.persen + " %";
      case "siap":
        return mount
          ? "Siap dibaca tanpa sinyal. Seluruh kursus (" + size(state.total) + ") tersimpan di peramban ini."
          : "Siap dibaca tanpa sinyal";
      case "terhenti":
        return "Penyimpanan terhenti pada " + state.persen + " %; dilanjutkan saat ada sinyal.";
      case "penuh":
        return "Penyimpanan terhenti pada " + state.persen + " %: ruang penyimpanan perangkat penuh. Kosongkan sebagian, lalu coba lagi.";
      default:
        return state.persen > 0
          ? "Halaman yang sudah Anda buka tersimpan (" + state.persen + " % kursus). Simpan sisanya agar semua pelajaran dapat dibaca tanpa sinyal."
          : "Simpan seluruh pelajaran dan kuis di peramban ini agar dapat dibaca tanpa sinyal.";
    }
  }

  function buttonLabel(state) {
    if (state.keadaan === "terhenti") return "Lanjutkan sekarang (± " + size(state.sisa) + ")";
    if (state.keadaan === "penuh") return "Coba lagi";
    return "Simpan untuk belajar tanpa sinyal (± " + size(state.sisa) + ")";
  }

  function showControl(state) {
    var saving = state.keadaan === "menyimpan";
    bar.hidden = !saving;
    bar.value = state.persen;
    var wasFocused = document.activeElement === button;
    button.hidden = saving || state.keadaan === "siap";
    button.textContent = buttonLabel(state);
    if (wasFocused && button.hidden) status.focus();
    mount.hidden = false;
  }

  function showCompact(state) {
    clearTimeout(hideTimer);
    if (state.keadaan === "belum" || (state.keadaan === "siap" && shown.keadaan !== "menyimpan")) {
      status.textContent = "";
      return false;
    }
    if (state.keadaan === "siap") {
      hideTimer = setTimeout(function () {
        status.textContent = "";
      }, READY_SHOWN_MS);
    }
    return true;
  }

  function show(state) {
    if (mount) showControl(state);
    else if (!showCompact(state)) {
      shown = { keadaan: state.keadaan, tenth: -1 };
      return;
    }
    // The live region speaks at each state and each tenth of a save, not at every file.
    var tenth = Math.floor(state.persen / 10);
    if (state.keadaan !== shown.keadaan || tenth !== shown.tenth) status.textContent = text(state);
    shown = { keadaan: state.keadaan, tenth: tenth };
  }

  function resumeIfInterrupted() {
    if (shown.keadaan === "terhenti" && navigator.onLine && !document.hidden) send({ jenis: "simpan" });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var state = event.data && event.data.simpanLuring;
    if (state && typeof state.persen === "number") show(state);
  });
  window.addEventListener("online", function () {
    resumeIfInterrupted();
    setTimeout(resumeIfInterrupted, 5000); // a signal just back may not carry the first request
  });
  setInterval(resumeIfInterrupted, RETRY_MS);
  send({ jenis: "status" });
})();

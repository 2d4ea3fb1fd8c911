// Rakit kuis: the link for students and the LMS files. The files are joined from the build's own
// pieces (scripts/exports/rakit.py): the header, then each question's block, preceded by its
// module's and lesson's category lines whenever those change, as gift.category_blocks and
// moodle.category_blocks decide, then the footer. Nothing here writes GIFT or XML itself.

function joinFile(format, ids) {
  var spec = DATA[format];
  var parts = [];
  var previousParent = null;
  var previous = null;
  ids.forEach(function (id) {
    var question = QUESTIONS[id];
    var lesson = lessonOf(question);
    if (lesson.parentKey !== previousParent) parts = parts.concat(lesson.parent[format]);
    if (lesson.key !== previous) parts = parts.concat(lesson.own[format]);
    previousParent = lesson.parentKey;
    previous = lesson.key;
    parts.push(question[format]);
  });
  return spec.head + parts.map(function (part) { return spec.separator + part; }).join("") + spec.foot;
}

function studentLink(ids, title) {
  var page = byId("rakit-halaman-kuis");
  var url = new URL(page.href);
  url.hash = "";
  url.search = "?soal=" + ids.map(encodeURIComponent).join(",") + (title ? "&judul=" + encodeURIComponent(title) : "");
  return url.href;
}

// A file name from the title: lower-case letters, digits and dashes only.
function fileStem(title) {
  var stem = title.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return (stem || "rakit-kuis").slice(0, 60);
}

function download(text, name, type) {
  var url = URL.createObjectURL(new Blob([text], { type: type }));
  var link = el("a", { href: url, download: name, hidden: "" });
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
}

function copyLink() {
  var field = byId("rakit-tautan");
  function copied() { announce("Tautan disalin. Tempelkan di LMS, grup kelas, atau surel."); }
  function byHand() {
    field.focus();
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false; // no clipboard here: the link stays selected for Ctrl+C
    }
    if (done) copied();
    else announce("Tautan sudah ditandai; salin dengan Ctrl+C.");
  }
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(copied, byHand);
  else byHand();
}

var OUTPUT_BUTTONS = ["rakit-salin", "rakit-gift", "rakit-xml", "rakit-cetak-soal", "rakit-cetak-kunci"];

function updateOutputs() {
  var empty = chosen.length === 0;
  OUTPUT_BUTTONS.forEach(function (id) { byId(id).disabled = empty; });
  var open = byId("rakit-buka");
  byId("rakit-alasan").hidden = !empty;
  if (empty) {
    byId("rakit-tautan").value = "";
    open.removeAttribute("href");
    open.setAttribute("aria-disabled", "true");
    return;
  }
  var link = studentLink(chosen, assignmentTitle());
  byId("rakit-tautan").value = link;
  open.setAttribute("href", link);
  open.removeAttribute("aria-disabled");
}

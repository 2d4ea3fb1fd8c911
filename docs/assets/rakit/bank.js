// Rakit kuis: the bank, filtered. The list shows the questions that match the filter, PAGE at a
// time; each shows its text, and its options, key and explanation (sheets.py's key markup) once
// opened, so a long bank stays a short page. A ticked box follows the selection, not the list.

var PAGE = 20;
var shownLimit = PAGE;

function visibleQuestions() {
  var filter = currentFilter();
  return DATA.questions.filter(function (question) { return matches(question, filter); });
}

function bankItem(question) {
  var boxId = "rakit-pilih-" + question.id;
  var box = el("input", { type: "checkbox", id: boxId, className: "rakit-centang", "data-id": question.id });
  box.checked = isChosen(question.id);
  var details = el("details", { className: "rakit-kunci" }, [el("summary", { text: "Pilihan, kunci, dan pembahasan" })]);
  details.addEventListener("toggle", function () {
    if (!details.open || details.querySelector(".soal")) return;
    var body = sheetNode(question.key, 1);
    var head = body.querySelector(".soal-kepala");
    if (head) head.parentNode.removeChild(head);
    details.appendChild(body);
  });
  return el("li", { className: "rakit-soal", "data-id": question.id }, [
    el("div", { className: "rakit-soal-kepala" }, [box, el("label", { "for": boxId }, ["Pilih soal ", el("code", { text: question.id })])]),
    el("p", { className: "rakit-soal-meta", text: describe(question) }),
    el("p", { className: "rakit-soal-teks", text: question.summary }),
    details,
  ]);
}

// Rebuilt when the filter changes or more is asked for; `from` is where the new items start.
function renderBank(from) {
  var list = byId("rakit-bank");
  var questions = visibleQuestions();
  if (!from) clear(list);
  questions.slice(from || 0, shownLimit).forEach(function (question) { list.appendChild(bankItem(question)); });
  var more = byId("rakit-lagi");
  var left = questions.length - Math.min(shownLimit, questions.length);
  more.hidden = left <= 0;
  more.textContent = "Tampilkan " + Math.min(PAGE, left) + " soal lagi (" + left + " belum tampil)";
  updateCount();
}

function showMore() {
  var from = byId("rakit-bank").children.length;
  shownLimit += PAGE;
  renderBank(from);
  var next = byId("rakit-bank").children[from];
  if (next) next.querySelector("input").focus();
}

function filterChanged() {
  shownLimit = PAGE;
  renderBank(0);
}

function updateCount() {
  var questions = visibleQuestions();
  var picked = questions.filter(function (question) { return isChosen(question.id); }).length;
  byId("rakit-jumlah").textContent = questions.length
    ? questions.length + " soal cocok dengan saringan" + (picked ? ", " + picked + " di antaranya sudah dipilih." : ".")
    : "Tidak ada soal yang cocok dengan saringan ini. Longgarkan salah satu saringan.";
  byId("rakit-ambil").disabled = questions.length === picked;
}

function onBankChange(event) {
  var box = event.target;
  if (!box.classList || !box.classList.contains("rakit-centang")) return;
  var id = box.getAttribute("data-id");
  if (box.checked) addChosen([id]);
  else removeChosen(id);
  announce((box.checked ? "Soal " + id + " dipilih; " : "Soal " + id + " dilepas; ") + chosen.length + " soal terpilih.");
}

// The lesson filter lists the chosen module's lessons only; a lesson of another module is cleared.
function syncLessons() {
  var module = byId("rakit-modul").value;
  var select = byId("rakit-pelajaran");
  Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
    var hide = module !== "" && group.getAttribute("label") !== MODULES[Number(module)];
    group.hidden = hide;
    group.disabled = hide;
  });
  var lesson = select.value;
  if (lesson !== "" && module !== "" && DATA.lessons[Number(lesson)].module !== MODULES[Number(module)]) select.value = "";
}

function drawRandom() {
  var wanted = Math.floor(Number(byId("rakit-n").value));
  if (!(wanted >= 1)) {
    announce("Tulis jumlah soal yang ingin diambil, sedikitnya 1.");
    byId("rakit-n").focus();
    return;
  }
  var open = visibleQuestions().filter(function (question) { return !isChosen(question.id); });
  var drawn = shuffled(open).slice(0, wanted).map(function (question) { return question.id; });
  addChosen(drawn);
  announce(drawn.length < wanted
    ? "Saringan ini hanya menyisakan " + drawn.length + " soal; semuanya ditambahkan. " + chosen.length + " soal terpilih."
    : drawn.length + " soal acak ditambahkan. " + chosen.length + " soal terpilih.");
}

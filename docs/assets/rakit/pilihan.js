// Rakit kuis: the chosen questions, in order. Moving or removing one keeps the keyboard focus on
// the same control of the same question (or its neighbour), and says what happened.

function addChosen(ids) {
  ids.forEach(function (id) {
    if (QUESTIONS[id] && !isChosen(id)) chosen.push(id);
  });
  selectionChanged();
}

function removeChosen(id) {
  var at = chosen.indexOf(id);
  if (at !== -1) chosen.splice(at, 1);
  selectionChanged();
}

function syncBoxes() {
  DATA.questions.forEach(function (question) {
    var box = byId("rakit-pilih-" + question.id);
    if (box) box.checked = isChosen(question.id);
  });
}

function actionButton(action, text, label, disabled) {
  var button = el("button", { type: "button", className: "md-button rakit-aksi", "data-aksi": action, "aria-label": label, text: text });
  button.disabled = disabled;
  return button;
}

function renderChosen() {
  var list = byId("rakit-pilihan");
  clear(list);
  byId("rakit-kosong").hidden = chosen.length > 0;
  chosen.forEach(function (id, index) {
    var question = QUESTIONS[id];
    var number = index + 1;
    list.appendChild(el("li", { className: "rakit-terpilih", "data-id": id }, [
      el("p", { className: "rakit-ringkas", text: question.summary }),
      el("p", { className: "rakit-soal-meta" }, [el("code", { text: id }), " · " + describe(question)]),
      el("div", { className: "rakit-aksi-baris" }, [
        actionButton("naik", "Naik", "Naik: soal nomor " + number, index === 0),
        actionButton("turun", "Turun", "Turun: soal nomor " + number, index === chosen.length - 1),
        actionButton("hapus", "Hapus", "Hapus: soal nomor " + number, false),
      ]),
    ]));
  });
}

function focusAction(index, action) {
  var items = byId("rakit-pilihan").children;
  if (!items.length) {
    byId("rakit-judul").focus();
    return;
  }
  var item = items[Math.max(0, Math.min(index, items.length - 1))];
  var button = item.querySelector('[data-aksi="' + action + '"]');
  if (!button || button.disabled) button = item.querySelector('[data-aksi="hapus"]');
  button.focus();
}

function onChosenAction(event) {
  var button = event.target.closest ? event.target.closest("button[data-aksi]") : null;
  if (!button) return;
  var item = button.closest("li");
  var id = item.getAttribute("data-id");
  var at = chosen.indexOf(id);
  var action = button.getAttribute("data-aksi");
  if (action === "hapus") {
    chosen.splice(at, 1);
    selectionChanged();
    focusAction(at, "hapus");
    announce("Soal " + id + " dihapus dari pilihan; " + chosen.length + " soal terpilih.");
    return;
  }
  var to = action === "naik" ? at - 1 : at + 1;
  if (to < 0 || to >= chosen.length) return;
  chosen.splice(at, 1);
  chosen.splice(to, 0, id);
  selectionChanged();
  focusAction(to, action);
  announce("Soal " + id + " sekarang nomor " + (to + 1) + ".");
}

function selectionChanged() {
  syncBoxes();
  renderChosen();
  updateCount();
  updateOutputs();
}

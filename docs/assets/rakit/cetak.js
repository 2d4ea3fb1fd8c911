// Rakit kuis: the printed sheet or key of the selection, made of sheets.py's own markup for each
// question (options in paket A's order), with the page's print style showing only that sheet.

function identityTable(total) {
  function row(cells) {
    return el("tr", {}, cells.map(function (text) { return el("td", { text: text }); }));
  }
  return el("table", { className: "identitas" }, [
    el("tbody", {}, [row(["Nama:", "NIM:", "Kelas:"]), row(["Tanggal:", "Waktu: ........ menit", "Nilai: ........ / " + total])]),
  ]);
}

function answerGrid(ids) {
  return el("table", { className: "kisi" }, [
    el("thead", {}, [el("tr", {}, [el("th", { text: "No." }), el("th", { text: "Jawaban" }), el("th", { text: "Tingkat" })])]),
    el("tbody", {}, ids.map(function (id, index) {
      var question = QUESTIONS[id];
      return el("tr", {}, [
        el("td", { className: "nomor", text: String(index + 1) }),
        el("td", { text: question.answer }),
        el("td", { text: DATA.levels[question.level] }),
      ]);
    })),
  ]);
}

function fillSheet(key) {
  var sheet = byId("rakit-cetak");
  clear(sheet);
  var title = assignmentTitle() || "Kuis pilihan dosen";
  sheet.setAttribute("data-lembar", key ? "kunci" : "soal");
  sheet.appendChild(el("div", { className: "kop" }, [
    el("p", { text: "Kursus Intervensi Sosial" }),
    el("h2", { text: (key ? "Kunci jawaban — " : "Lembar soal — ") + title }),
    el("p", {
      className: "petunjuk",
      text: key
        ? "Kunci jawaban untuk dosen. Huruf pilihan sesuai dengan lembar soal tugas ini."
        : "Jawablah setiap soal. Untuk soal pilihan, hitamkan tanda di depan jawaban Anda; untuk soal isian, tuliskan jawaban Anda di atas garis.",
    }),
    el("p", { className: "lisensi", text: DATA.notice }),
  ]));
  sheet.appendChild(key ? answerGrid(chosen) : identityTable(chosen.length));
  chosen.forEach(function (id, index) {
    sheet.appendChild(sheetNode(key ? QUESTIONS[id].key : QUESTIONS[id].sheet, index + 1));
  });
}

function printSheet(key) {
  if (!chosen.length) return;
  fillSheet(key);
  var root = document.documentElement;
  root.classList.add("rakit-mencetak");
  window.addEventListener("afterprint", function done() {
    root.classList.remove("rakit-mencetak");
    window.removeEventListener("afterprint", done);
  });
  window.print();
}

// The printable "Ringkasan hasil": the student's name (kept in this browser only), every lesson's
// score and the final evaluation's result, on one sheet to print or save as PDF.

function courseName() {
  var topic = document.querySelector(".md-header__topic .md-ellipsis");
  var name = topic ? topic.textContent.trim() : "";
  return name || document.title.split(" - ").pop().trim();
}

function displayName(name) {
  var trimmed = String(name).trim();
  return trimmed || "(nama belum diisi)";
}

// The name field and the print button, once per page; the sheet is drawn again on every refresh.
function summaryControls(container, site) {
  clear(container);
  var input = el("input", { type: "text", id: "ringkasan-nama", autocomplete: "name", maxlength: "120" });
  var stored = storageGet(site.key(KEYS.name));
  input.value = typeof stored === "string" && stored.length <= 120 ? stored : "";
  var message = el("p", { className: "ringkasan-pesan", role: "status" });
  var print = el("button", {
    type: "button",
    className: "md-button md-button--primary",
    text: "Cetak atau simpan sebagai PDF",
  });
  input.addEventListener("input", function () {
    storageSet(site.key(KEYS.name), input.value);
    container.querySelector(".ringkasan-nama-isi").textContent = displayName(input.value);
    message.textContent = "";
  });
  print.addEventListener("click", function () {
    if (input.value.trim() === "") {
      message.textContent = "Ketik nama Anda terlebih dahulu.";
      input.focus();
      return;
    }
    window.print();
  });
  container.appendChild(el("div", { className: "ringkasan-kendali kemajuan-noprint" }, [
    el("label", { for: "ringkasan-nama", text: "Nama lengkap Anda" }),
    input,
    el("p", {
      className: "ringkasan-bantuan",
      text: "Nama hanya disimpan di peramban ini, untuk dicetak pada ringkasan.",
    }),
    print,
    message,
  ]));
  container.appendChild(el("div", { className: "ringkasan-lembar kemajuan-laporan" }));
}

function renderSummary(container, site, course) {
  if (!container.querySelector(".ringkasan-lembar")) summaryControls(container, site);
  var sheet = container.querySelector(".ringkasan-lembar");
  clear(sheet);
  var name = container.querySelector("#ringkasan-nama").value;
  var answers = readAnswers(site, course);
  var stats = courseStats(course, answers);
  var result = readResult(site);
  var body = [];
  stats.modules.forEach(function (module) {
    body.push(el("tr", { className: "ringkasan-modul" }, [
      el("th", { scope: "colgroup", colspan: "4", text: module.title || "Pelajaran" }),
    ]));
    module.rows.forEach(function (row) {
      var s = row.stats;
      body.push(el("tr", {}, [
        el("th", { scope: "row", text: row.lesson.title }),
        el("td", { text: s.answered + " / " + s.total }),
        el("td", { text: s.correct + " / " + s.total }),
        el("td", { text: percent(s.correct, s.total) + "%" }),
      ]));
    });
  });
  var totals = stats.totals;
  sheet.appendChild(el("h2", { text: "Ringkasan hasil belajar" }));
  sheet.appendChild(el("p", { className: "ringkasan-kursus", text: "Kursus " + courseName() }));
  sheet.appendChild(el("dl", { className: "ringkasan-data" }, [
    el("dt", { text: "Nama" }),
    el("dd", { className: "ringkasan-nama-isi", text: displayName(name) }),
    el("dt", { text: "Tanggal ringkasan" }),
    el("dd", { text: formatDate(new Date(), false) }),
    el("dt", { text: "Pelajaran selesai" }),
    el("dd", { text: totals.finished + " dari " + totals.lessons }),
    el("dt", { text: "Soal latihan benar" }),
    el("dd", {
      text: totals.correct + " dari " + totals.total + " (" + percent(totals.correct, totals.total) + "%)",
    }),
  ]));
  sheet.appendChild(el("h3", { text: "Skor per pelajaran" }));
  sheet.appendChild(dataTable("Skor kuis setiap pelajaran", ["Pelajaran", "Dijawab", "Benar", "Skor"], body));
  sheet.appendChild(el("h3", { text: "Evaluasi akhir" }));
  sheet.appendChild(result
    ? el("p", { className: "ringkasan-evaluasi" }, [
      "Skor ",
      el("strong", { text: result.score + "%" }),
      " (" + result.correct + " dari " + result.total + " soal benar), " +
        (result.passed ? "lulus" : "belum lulus") + " dengan batas lulus " + result.pass_mark +
        "%, dikumpulkan " + formatDate(new Date(result.date), false) + ".",
    ])
    : el("p", { className: "ringkasan-evaluasi", text: "Belum dikerjakan." }));
  sheet.appendChild(el("p", {
    className: "ringkasan-catatan",
    text: "Laporan mandiri, bukan sertifikat: ringkasan ini disusun oleh peramban dari jawaban yang tersimpan " +
      "di perangkat pemiliknya dan tidak diverifikasi oleh pengajar atau lembaga mana pun.",
  }));
}

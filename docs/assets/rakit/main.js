// Rakit kuis: start. Without the data (a failed or stale download) the page says so and stops.

function start() {
  var loading = byId("rakit-memuat");
  if (!DATA || DATA.version !== DATA_VERSION || !Array.isArray(DATA.questions)) {
    if (loading) loading.textContent = "Bank soal tidak dapat dimuat. Muat ulang halaman ini; bila tetap gagal, gunakan unduhan di halaman Untuk dosen.";
    return;
  }
  DATA.questions.forEach(function (question) { QUESTIONS[question.id] = question; });
  DATA.lessons.forEach(function (lesson) {
    if (MODULES.indexOf(lesson.module) === -1) MODULES.push(lesson.module);
  });
  if (loading) loading.parentNode.removeChild(loading);
  ["rakit-modul", "rakit-pelajaran", "rakit-jenis", "rakit-tingkat"].forEach(function (id) {
    byId(id).addEventListener("change", function () {
      if (id === "rakit-modul") syncLessons();
      filterChanged();
    });
  });
  byId("rakit-bank").addEventListener("change", onBankChange);
  byId("rakit-lagi").addEventListener("click", showMore);
  byId("rakit-ambil").addEventListener("click", drawRandom);
  byId("rakit-pilihan").addEventListener("click", onChosenAction);
  byId("rakit-judul").addEventListener("input", updateOutputs);
  byId("rakit-salin").addEventListener("click", copyLink);
  byId("rakit-gift").addEventListener("click", function () {
    download(joinFile("gift", chosen), fileStem(assignmentTitle()) + ".gift.txt", "text/plain;charset=utf-8");
  });
  byId("rakit-xml").addEventListener("click", function () {
    download(joinFile("xml", chosen), fileStem(assignmentTitle()) + "-moodle.xml", "application/xml;charset=utf-8");
  });
  byId("rakit-cetak-soal").addEventListener("click", function () { printSheet(false); });
  byId("rakit-cetak-kunci").addEventListener("click", function () { printSheet(true); });
  renderBank(0);
  selectionChanged();
}

if (document.getElementById("rakit")) start();

// The "Kemajuan belajar" dashboard: overall progress, where to go on, the questions due in Ulang
// soal, a table per module with each lesson's tingkat penguasaan, the final evaluation's last
// result, and a button that forgets everything this course stored in the browser.

function renderDashboard(container, site, course) {
  if (!container.querySelector(".kemajuan-laporan")) {
    clear(container);
    var report = el("div", { className: "kemajuan-laporan" });
    var announcer = el("p", { className: "kemajuan-sr", role: "status" });
    var reset = el("button", { type: "button", className: "md-button kemajuan-hapus", text: "Hapus semua kemajuan" });
    reset.addEventListener("click", function () {
      var question =
        "Hapus semua kemajuan belajar di peramban ini? Jawaban semua kuis, jadwal Ulang soal, hasil " +
        "evaluasi akhir, tempat terakhir Anda membaca dan nama Anda di ringkasan hasil akan dihapus, dan " +
        "tindakan ini tidak dapat dibatalkan.";
      if (!window.confirm(question)) return;
      resetAllProgress(site);
      refreshPage(); // main.js: the marks and every panel of the page show the empty state
      announcer.textContent = "Semua kemajuan belajar telah dihapus.";
    });
    container.appendChild(report);
    container.appendChild(
      el("div", { className: "kemajuan-reset" }, [
        el("h2", { text: "Mulai dari awal" }),
        el("p", {
          text: "Tombol ini menghapus semua jawaban kuis, jadwal Ulang soal, hasil evaluasi akhir, tempat " +
            "terakhir Anda membaca dan nama Anda yang tersimpan di peramban ini untuk kursus ini. Anda akan " +
            "diminta mengonfirmasi lebih dulu.",
        }),
        reset,
        announcer,
      ])
    );
  }
  var target = container.querySelector(".kemajuan-laporan");
  clear(target);
  var answers = readAnswers(site, course);
  var stats = courseStats(course, answers);
  var totals = stats.totals;
  var result = readResult(site);

  var overall = percent(totals.answered, totals.total);
  var progressId = "kemajuan-keseluruhan-label";
  target.appendChild(
    el("div", { className: "kemajuan-ringkas" }, [
      el("p", { id: progressId, className: "kemajuan-angka" }, [
        "Kemajuan keseluruhan: ",
        el("strong", { text: overall + "%" }),
      ]),
      el("progress", {
        max: String(Math.max(totals.total, 1)),
        value: String(totals.answered),
        "aria-labelledby": progressId,
      }),
      el("p", {
        text: "Anda telah menjawab " + totals.answered + " dari " + totals.total + " soal latihan; " +
          totals.correct + " di antaranya benar. Pelajaran selesai: " + totals.finished + " dari " +
          totals.lessons + "; dikuasai (tingkat penguasaan " + CONTRACT.masteryMark + " % atau lebih): " +
          totals.mastered + ".",
      }),
      continueLink(site, resumeTarget(stats, readReading(site, course)), totals, result),
      dueNotice(dueToday(site, course)),
    ])
  );

  stats.modules.forEach(function (module, index) {
    target.appendChild(moduleTable(site, module, index));
  });
  target.appendChild(masteryLegend());
  target.appendChild(examSummary(site, result));
}

// A lesson's status and, once its quiz is finished, its tingkat penguasaan under it ("75 % · cukup"):
// one column, so that every column still shows on a 360 px phone.
function statusCell(stats) {
  var mastery = stats.mastery;
  return el("td", {}, [
    statusBadge(stats.status),
    mastery ? el("span", { className: "kemajuan-pita " + (mastery.mastered ? "kemajuan-dikuasai" : "kemajuan-belum-dikuasai") }, [
      el("span", { className: "kemajuan-sr", text: "tingkat penguasaan " }),
      mastery.level + " % \u00b7 " + mastery.band,
    ]) : null,
  ]);
}

// What the levels mean, from the course's rules (the bands of Universitas Terbuka's modules).
function masteryLegend() {
  var rows = masteryRanges().map(function (band) {
    return el("tr", {}, [el("td", { text: band.range }), el("td", { text: band.name })]);
  });
  return el("section", { className: "kemajuan-modul", "aria-labelledby": "kemajuan-pita-judul" }, [
    el("h2", { id: "kemajuan-pita-judul", text: "Arti tingkat penguasaan" }),
    el("p", {
      text: "Tingkat penguasaan = jawaban benar \u00f7 jumlah soal \u00d7 100 %, dibulatkan ke bawah, dihitung " +
        "setelah semua soal pelajaran dijawab. Pada " + CONTRACT.masteryMark + " % atau lebih, lanjutkan ke pelajaran berikutnya; " +
        "di bawahnya, baca lagi bagian yang disebut di bawah kuis lalu ulangi kuisnya.",
    }),
    dataTable("Arti tingkat penguasaan", ["Tingkat penguasaan", "Artinya"], rows),
  ]);
}

// To the lesson and section read last (see resumeTarget), or the evaluation, or the summary.
function continueLink(site, target, totals, result) {
  var href;
  var text;
  if (target) {
    href = site.href(target.lesson.url, target.id);
    text = (totals.answered === 0 && !target.id ? "Mulai belajar: " : "Lanjutkan: ") + target.lesson.title +
      (target.section ? ", bagian " + target.section : "");
  } else if (!result && pageLink(EXAM_LINK_ID)) {
    href = pageLink(EXAM_LINK_ID);
    text = "Lanjutkan: kerjakan evaluasi akhir";
  } else if (pageLink(SUMMARY_LINK_ID)) {
    href = pageLink(SUMMARY_LINK_ID);
    text = "Lanjutkan: lihat ringkasan hasil";
  }
  if (!href) return null;
  var link = el("a", { href: href, className: "md-button md-button--primary kemajuan-lanjutkan", text: text });
  return el("p", {}, [link]);
}

function moduleTable(site, module, index) {
  var headingId = "kemajuan-modul-" + (index + 1);
  var done = module.rows.filter(function (row) { return row.stats.status === "done"; }).length;
  var rows = module.rows.map(function (row) {
    var stats = row.stats;
    return el("tr", { className: "kemajuan-baris--" + stats.status }, [
      el("th", { scope: "row" }, [el("a", { href: site.href(row.lesson.url), text: row.lesson.title })]),
      el("td", { text: stats.answered + " / " + stats.total }),
      el("td", { text: stats.correct + " / " + stats.total }),
      statusCell(stats),
    ]);
  });
  return el("section", { className: "kemajuan-modul", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, text: module.title || "Pelajaran" }),
    el("p", {
      className: "kemajuan-modul-info",
      text: "Pelajaran selesai: " + done + " dari " + module.rows.length + ".",
    }),
    dataTable("Kemajuan " + (module.title || "pelajaran"), ["Pelajaran", "Dijawab", "Benar", "Status dan penguasaan"], rows),
  ]);
}

function examSummary(site, result) {
  var section = el("section", { className: "kemajuan-modul", "aria-labelledby": "kemajuan-evaluasi-judul" }, [
    el("h2", { id: "kemajuan-evaluasi-judul", text: "Evaluasi akhir" }),
  ]);
  var examHref = pageLink(EXAM_LINK_ID);
  if (!result) {
    section.appendChild(el("p", { text: "Anda belum mengumpulkan evaluasi akhir." }));
  } else {
    section.appendChild(el("p", {}, [
      "Skor terakhir: ",
      el("strong", { text: result.score + "%" }),
      " (" + result.correct + " dari " + result.total + " soal benar), ",
      el("span", {
        className: result.passed ? "kemajuan-lulus" : "kemajuan-belum-lulus",
        text: result.passed ? "lulus" : "belum lulus",
      }),
      ", dikumpulkan " + formatDate(new Date(result.date), false) + ".",
    ]));
  }
  if (examHref) {
    var label = result ? "Buka hasil evaluasi akhir" : "Buka evaluasi akhir";
    section.appendChild(el("p", {}, [el("a", { href: examHref, text: label })]));
  }
  return section;
}

// Every mkdocs-quiz key of a page under this site's root is ours to clear, including the
// evaluation page's; keys of other sites on the same origin are left alone.
function resetAllProgress(site) {
  storageKeys().forEach(function (key) {
    [QUIZ_PREFIX, CONTRACT.matchOrderPrefix].forEach(function (prefix) { // per page: mkdocs-quiz's, ours
      if (key.indexOf(prefix) === 0 && key.slice(prefix.length).indexOf(site.rootPath) === 0) storageRemove(key);
    });
  });
  [KEYS.draft, KEYS.draw, KEYS.result, KEYS.name, KEYS.reading, KEYS.review].forEach(function (prefix) {
    storageRemove(site.key(prefix));
  });
}

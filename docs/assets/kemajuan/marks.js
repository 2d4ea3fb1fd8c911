// Completion marks: a check after every link to a finished lesson, in the navigation and in page
// content (such as the lesson tables of the module pages).

function removeMarks() {
  document.querySelectorAll(".kemajuan-tanda").forEach(function (mark) {
    mark.parentNode.removeChild(mark);
  });
}

function markFinishedLessons(site, course, answers) {
  removeMarks();
  var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href], .md-content a[href]");
  links.forEach(function (link) {
    if (link.closest(".kemajuan-laporan, .quiz, .headerlink")) return;
    var path = site.linkPath(link);
    var lesson = path === null ? null : course.byUrl[path];
    if (!lesson || lessonStats(lesson, answers).status !== "done") return;
    var mark = document.createElement("span");
    mark.className = "kemajuan-tanda";
    var glyph = document.createElement("span");
    glyph.setAttribute("aria-hidden", "true");
    glyph.textContent = "\u2713";
    var spoken = document.createElement("span");
    spoken.className = "kemajuan-sr";
    spoken.textContent = " (selesai)";
    mark.appendChild(glyph);
    mark.appendChild(spoken);
    link.appendChild(mark);
  });
}

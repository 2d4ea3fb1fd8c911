// How many questions Ulang soal has for today, where a student looks first: a link on the home
// page (docs/index.md holds it hidden, with the page's address as the build wrote it) and a line on
// the dashboard. Nothing shows while none is due.

var REVIEW_NOTICE_ID = "ulang-soal-jatuh-tempo"; // on the home page
var REVIEW_LINK_ID = "tautan-ulang-soal"; // the dashboard's link to Ulang soal (kemajuan-belajar.md)

// The questions due today, with every lesson answer taken into the schedule first.
function dueToday(site, course) {
  var today = dayOf(new Date());
  return dueQuestions(refreshReview(site, course, today), course, today).length;
}

function dueText(count) {
  return count + " soal jatuh tempo hari ini";
}

function renderHomeDue(count) {
  var notice = document.getElementById(REVIEW_NOTICE_ID);
  var link = notice && notice.querySelector("a[href]");
  if (!link) return;
  notice.hidden = count === 0;
  link.className = "md-button";
  link.textContent = "Ulang soal: " + dueText(count);
}

// The dashboard's line, or null when nothing is due or the page has no link to Ulang soal.
function dueNotice(count) {
  var href = pageLink(REVIEW_LINK_ID);
  if (!count || !href) return null;
  return el("p", { className: "kemajuan-ulang" }, [
    el("a", { href: href, className: "md-button", text: "Ulang soal: " + dueText(count) }),
  ]);
}

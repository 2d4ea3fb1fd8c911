// DOM pieces the progress features share (el and clear come from assets/bersama/dom.js): text is
// always set as text, never parsed as HTML.

var EXAM_LINK_ID = "tautan-evaluasi";
var SUMMARY_LINK_ID = "tautan-ringkasan";
var STATUS_TEXT = { todo: "Belum dimulai", started: "Sedang berjalan", done: "Selesai" };

function statusBadge(status) {
  return el("span", { className: "kemajuan-status kemajuan-status--" + status }, [
    status === "done" ? el("span", { "aria-hidden": "true", text: "\u2713 " }) : null,
    STATUS_TEXT[status],
  ]);
}

// The address of a link the page's author placed (to the evaluation or the summary), if any.
function pageLink(id) {
  var link = document.getElementById(id);
  return link && link.getAttribute("href") ? link.href : null;
}

function formatDate(date, withTime) {
  var options = { day: "numeric", month: "long", year: "numeric" };
  if (withTime) {
    options.hour = "2-digit";
    options.minute = "2-digit";
  }
  try {
    return date.toLocaleString("id-ID", options);
  } catch (error) {
    return date.toISOString().slice(0, 10);
  }
}

// A table as Material styles them: a caption for screen readers, one row of column headers, `rows`.
// It sits in a framed box that scrolls sideways when the screen (or large text) leaves it too
// little room; the box is a named region in the tab order, so a keyboard can scroll it too.
function dataTable(caption, columns, rows) {
  return el("div", { className: "kemajuan-gulir", tabindex: "0", role: "region", "aria-label": caption }, [
    el("table", {}, [
      el("caption", { className: "kemajuan-sr", text: caption }),
      el("thead", {}, [el("tr", {}, columns.map(function (name) { return el("th", { scope: "col", text: name }); }))]),
      el("tbody", {}, rows),
    ]),
  ]);
}

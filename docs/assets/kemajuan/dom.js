// Small DOM helpers shared by the features: text is always set as text, never parsed as HTML.

var EXAM_LINK_ID = "tautan-evaluasi";
var SUMMARY_LINK_ID = "tautan-ringkasan";
var STATUS_TEXT = { todo: "Belum dimulai", started: "Sedang berjalan", done: "Selesai" };

function el(tag, attributes, children) {
  var node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) {
    if (name === "text") node.textContent = attributes[name];
    else if (name === "className") node.className = attributes[name];
    else node.setAttribute(name, attributes[name]);
  });
  (children || []).forEach(function (child) {
    if (child === null || child === undefined) return;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

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

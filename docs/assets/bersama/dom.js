// DOM helpers shared by the course's bundles (the progress scripts and Rakit kuis): text is always
// set as text, never parsed as HTML.

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

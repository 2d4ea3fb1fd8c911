// Course-wide progress at the least cost to every page: only when there is something to show (a
// progress page, or quiz answers stored for this site) load kemajuan-tampilan.js/.css, the rest.
// window.CourseProgress and the CONTRACT values are declared in docs/assets/kemajuan/core.js.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  // The site root ("/", "/subpath/", a file:// folder): Material gives its relative path.
  var root = new URL("../", here);
  try {
    var base = JSON.parse(document.getElementById("__config").textContent).base;
    root = new URL(base ? base.replace(/\/?$/, "/") : "./", location.href);
  } catch (error) {} // keep the root beside this file's folder
  var shared = (window.CourseProgress = window.CourseProgress || {});
  shared.root = root;

  function hasProgress() {
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = String(localStorage.key(i)); // mkdocs-quiz's answers, or ours (assets/pasangkan-urutkan.js)
        if (key.indexOf(CONTRACT.quizPrefix + root.pathname) === 0 || key.indexOf(CONTRACT.matchOrderPrefix + root.pathname) === 0) return true;
      }
    } catch (error) {} // storage disabled: nothing stored
    return false;
  }

  function load() {
    if (shared.loading) return;
    shared.loading = true;
    var link = document.createElement("link");
    var script = document.createElement("script");
    link.rel = "stylesheet";
    link.href = here.replace(/kemajuan\.js(\?.*)?$/, "kemajuan-tampilan.css");
    script.src = link.href.replace(/css$/, "js");
    link.onload = link.onerror = function () {
      shared.styled = true; // kemajuan-tampilan.js waits for it: nothing shows unstyled
      if (shared.whenStyled) shared.whenStyled();
    };
    document.head.append(link, script);
  }

  if (document.querySelector("#panel-kemajuan,#panel-evaluasi,#panel-ringkasan") || hasProgress()) load();
  else addEventListener("quizProgressUpdate", function () { if (hasProgress()) load(); }); // a first answer
})();

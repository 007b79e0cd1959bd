/* Transcript archive: copy permalinks and citations. Works offline; no outside requests. */
(function () {
  "use strict";

  function absolute(hash) {
    var url = new URL(window.location.href);
    url.hash = hash;
    return url.toString();
  }

  function copy(text, target) {
    var done = function () {
      if (!target) return;
      target.setAttribute("data-copied", "true");
      window.setTimeout(function () { target.removeAttribute("data-copied"); }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, done);
    } else {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "absolute";
      area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* nothing to do */ }
      document.body.removeChild(area);
      done();
    }
    window.__archiveLastCopied = text;
  }

  function citationFor(el) {
    var article = el.closest(".ta-transcript");
    if (!article) return "";
    var base = article.querySelector("[data-cite]");
    var turn = el.closest(".ta-turn");
    var who = turn ? turn.querySelector(".ta-turn__label .ta-speaker") : null;
    var prefix = who ? who.textContent.trim() + ", in " : "";
    return prefix + (base ? base.textContent.trim() : document.title);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.ta-pilcrow, a.ta-anchor");
    if (link) {
      var hash = link.getAttribute("href");
      var url = absolute(hash);
      copy(url, link);
      return;
    }
    var cite = event.target.closest("button.ta-cite-button");
    if (cite) {
      var anchor = cite.getAttribute("data-anchor");
      copy(citationFor(cite) + " " + absolute("#" + anchor), cite);
    }
  });
})();

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

  // A "cite" button after each paragraph's permalink, added here rather than in the HTML to keep
  // pages small; the turn headings carry their own button in the HTML.
  function addParagraphButtons(root) {
    var links = root.querySelectorAll(".ta-transcript .ta-p[id] > a.ta-pilcrow");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.nextElementSibling && link.nextElementSibling.classList.contains("ta-cite-button")) continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ta-cite-button ta-cite-button--p";
      button.setAttribute("data-anchor", link.parentNode.id);
      button.setAttribute("aria-label", "Cite this paragraph: copies a citation with its link");
      button.textContent = "cite";
      link.parentNode.insertBefore(button, link.nextSibling);
    }
  }
  // Material's search dialog has no accessible name; give it one.
  function nameSearchDialog(root) {
    var dialog = root.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function enhance() {
    addParagraphButtons(document);
    nameSearchDialog(document);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
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

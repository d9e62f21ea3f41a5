// Keep the reader on the same code when switching language. The switcher already links to the same
// page in the other language; carry the #http_NNN anchor over, and stop Material's own handler, which
// looks for a sitemap next to each per-page link and, finding none, drops the anchor.
document.addEventListener(
  "click",
  function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    event.stopPropagation();
    link.href = link.href.split("#")[0] + location.hash;
  },
  true
);

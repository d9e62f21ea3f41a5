// Keep the reader on the same code when switching language.
//
// The switcher already links to the same page in the other language; carry the #http_NNN anchor
// over, and keep Material's own handler out of it, because that handler drops the anchor.
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

// Material also fetches a sitemap.xml next to every <link rel="alternate" hreflang> to map pages
// across languages; next to a per-page link there is none, so every page logged 404s. The mapping
// is done above instead, so take those links out of the live page before Material reads them
// (it does on DOMContentLoaded, after this script). The HTML as served keeps them for crawlers.
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.remove();
});

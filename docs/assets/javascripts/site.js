// Corrections to Material on this site; runs at the end of <body>, before Material wires up its
// components on DOMContentLoaded.

// The language switcher keeps the #http_NNN anchor (Material's own handler drops it).
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

// Material fetches a sitemap.xml beside each hreflang link, and there is none beside a page's:
// drop the links from the live page (the served HTML keeps them for crawlers).
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.remove();
});

// Name the search dialog for screen readers, with the search field's translated label.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector("input.md-search__input");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
})();

// Keep the name token, which the reader did not type, out of the "missing" words under results.
(function () {
  var list = document.querySelector(".md-search-result__list");
  if (!list) return;
  new MutationObserver(function () {
    list.querySelectorAll(".md-search-result__terms del").forEach(function (term) {
      if (/^zq/.test(term.textContent)) term.remove();
    });
    list.querySelectorAll(".md-search-result__terms").forEach(function (terms) {
      if (!terms.querySelector("del, mark")) terms.remove();
    });
  }).observe(list, { childList: true, subtree: true });
})();

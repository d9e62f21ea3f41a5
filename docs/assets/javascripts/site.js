// Small corrections to Material's behaviour on this site. Loaded at the end of <body>, so it runs
// before DOMContentLoaded, which is when Material wires up its components.

// Keep the reader on the same code when switching language. The switcher already links to the
// same page in the other language; carry the #http_NNN anchor over, and keep Material's own
// handler out of it, because that handler drops the anchor.
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
// is done above instead, so take those links out of the live page before Material reads them.
// The HTML as served keeps them for crawlers.
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.remove();
});

// The search overlay is a dialog without a name; screen readers announce it as just "dialog".
// Give it the search field's own, already translated, label.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector("input.md-search__input");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
})();

// Words too common to search for as prefixes: the same list as STOP_WORDS in
// hooks/search_terms.py, which leaves them out of the index's hidden fields (a test keeps the
// two equal).
var SEARCH_STOP_WORDS = new Set(
  ("a about after all also an and any are as at be been but by can could did do does for from " +
    "get got had has have how i if in into is it its just may me might must my no nor not of on " +
    "only or other our should so some than that the their them then there these they this to too " +
    "us was we were what when where which while who why will with would you your " +
    "api client clients code codes drf endpoint error errors http request requests response " +
    "responses server status").split(" ")
);

// What the search box sends to Material's search worker (queries are messages of type 2), made
// to match how this site's index is built:
// - Double quotes are dropped. Material reads quoted text as a phrase whose every word must
//   match, and DRF's messages quote a value of their own (Method "PATCH" not allowed.).
// - Chinese and Latin letters or digits written together (CSRF验证失败, token过期) are set apart,
//   as the index has them.
// - Common words and numbers are looked up as they are, not as prefixes (Material adds a
//   wildcard to every word): "in" must not match "invalid", nor "42" the codes 421 to 429.
// - Material cuts a Chinese query into the longest words of the index but never lets a word end
//   on the query's last character (乐观锁 was looked up as 乐观*). A character no indexed word
//   contains (〇) after each run of Chinese characters gives the last one its place.
// - A query of a few words is also looked up as the one token the index holds for a whole name,
//   "zqnot_foundzq" for "Not Found" (see snake in hooks/search_terms.py).
function rewriteQuery(text) {
  var query = text
    .replace(/"/g, " ")
    .replace(/(\p{Script=Han})(?=[A-Za-z0-9])/gu, "$1 ")
    .replace(/([A-Za-z0-9])(?=\p{Script=Han})/gu, "$1 ");
  var words = query.toLowerCase().match(/[a-z0-9]+/g) || [];
  var chinese = /\p{Script=Han}/u.test(query);
  query = query
    .split(/\s+/)
    .map(function (term) {
      var word = term.replace(/[.,;:!?]+$/, "");
      if (/^\d+$/.test(word) || SEARCH_STOP_WORDS.has(word.toLowerCase())) return word + "^1";
      return term;
    })
    .join(" ")
    .replace(/(\p{Script=Han}+)/gu, "$1\u3007");
  if (words.length && words.length <= 6 && !chinese) query += " zq" + words.join("_") + "zq";
  return query;
}

// Material creates its search worker before this script runs, so the worker's postMessage is
// wrapped where every worker finds it: each query Material sends (a message of type 2) is
// rewritten as above.
(function () {
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      message = { type: message.type, data: rewriteQuery(message.data) };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();

// Under a result, Material lists the query's words the result lacks; the name token added above
// is not a word the reader typed, so it is taken out of those lists as they are drawn.
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

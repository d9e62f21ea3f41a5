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

// Words too common to search for as prefixes: STOP_WORDS of hooks/search_terms.py (a test keeps
// the two lists equal).
var SEARCH_STOP_WORDS = new Set(
  ("a about after all also an and any are as at be been but by can could did do does for from " +
    "get got had has have how i if in into is it its just may me might must my no nor not of on " +
    "only or other our should so some than that the their them then there these they this to too " +
    "us was we were what when where which while who why will with would you your " +
    "api client clients code codes drf endpoint error errors http request requests response " +
    "responses server status").split(" ")
);

// A query of at most this many words is also looked up as one token: WHOLE_QUERY_WORDS of
// hooks/search_terms.py (a test keeps the two equal).
var WHOLE_QUERY_WORDS = 6;

// A query as this site's index needs it:
// - no double quotes: Material makes quoted words required, and DRF's messages quote values;
// - Chinese and Latin written together (token过期) set apart, as the index has them;
// - common words and numbers exact, not prefixes: "42" must not match 421 to 429;
// - 〇 (in no indexed word) after each Chinese run: Material's segmenter never lets a word end
//   on a query's last character;
// - a few words also as the token of a whole name, "zqnot_foundzq" (snake, search_terms.py);
// - a long word also with one typo allowed (lunr's word~1): "throtle", "premission".
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
  if (words.length && words.length <= WHOLE_QUERY_WORDS && !chinese) query += " zq" + words.join("_") + "zq";
  words.forEach(function (word) {
    if (word.length >= 7 && !/\d/.test(word)) query += " " + word + "~1";
  });
  return query;
}

// Material's worker exists before this script runs: wrap postMessage on the prototype, and
// rewrite each query (a message of type 2).
(function () {
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      message = { type: message.type, data: rewriteQuery(message.data) };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
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

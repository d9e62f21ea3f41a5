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

// Three corrections to the queries Material's search worker receives (as messages of type 2):
// - Material reads text in double quotes as a phrase whose every word must match. Readers paste
//   DRF's messages, which quote a value of their own (Method "PATCH" not allowed., "abc" is not
//   a valid choice.), and would find nothing: the quotes are dropped, so each word counts.
// - Material cuts a Chinese query into the longest words of the index, but never lets a word
//   end on the query's last character (乐观锁 is looked up as 乐观*), so the end of every query
//   was lost, or matched anything starting with its one remaining character. A character that
//   no indexed word contains (〇, see SENTINEL in hooks/search_split.py) after each run of
//   Chinese characters gives the real last character its place; it is dropped again itself.
// - A query of a few words is also looked up as the token of a whole name (see below).
(function () {
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      var query = message.data.replace(/"/g, " ").replace(/(\p{Script=Han}+)/gu, "$1\u3007");
      // A name typed in full, "Not Found", is also looked up as the one token the index holds
      // for that whole name, "zqnot_foundzq" (see snake in hooks/search_terms.py).
      var words = message.data.toLowerCase().match(/[a-z0-9]+/g) || [];
      if (words.length && words.length <= 6 && !/\p{Script=Han}/u.test(message.data))
        query += " zq" + words.join("_") + "zq";
      message = { type: message.type, data: query };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();

// This site's side of search, run inside Material's search worker: overrides/main.html points
// Material at this script and names Material's own worker after the "#", which this script loads
// once its listener is in place, so that every query reaches Material already rewritten.

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

// Chinese words that say nothing about which code is meant ("接口报错" is asked of every code). A
// query drops them when it has other words; a query of nothing else keeps them. The index keeps
// them: names such as 服务器内部错误 are found by every word.
var CHINESE_STOP_WORDS = new Set(
  ("接口 客户端 代码 状态码 返回码 错误 报错 出错 请求 响应 返回 服务器 服务端 状态 怎么 为什么 " +
    "如何 什么 问题 一直 出现 提示 总是 时候 还是 但是 就是 这个 那个 没有 可以 需要").split(" ")
);

// What the index holds, read from the index Material is given: its Chinese words of two
// characters or more (and the length of the longest), and its whole-name tokens, "zq…zq".
var chineseWords = new Set();
var longestChineseWord = 0;
var wholeNames = new Set();

function learnIndexWords(index) {
  var separator = new RegExp(index.config.separator);
  var fields = Object.keys(index.config.fields);
  chineseWords = new Set();
  longestChineseWord = 0;
  wholeNames = new Set();
  index.docs.forEach(function (doc) {
    fields.forEach(function (field) {
      if (typeof doc[field] !== "string") return;
      doc[field]
        .replace(/<[^>]*>/g, " ")
        .split(separator)
        .forEach(function (word) {
          if (/^zq\w+zq$/.test(word)) wholeNames.add(word.toLowerCase());
          if (word.length < 2 || !/^\p{Script=Han}+$/u.test(word)) return;
          chineseWords.add(word);
          longestChineseWord = Math.max(longestChineseWord, word.length);
        });
    });
  });
}

// The token of a whole name or message, as snake() of hooks/search_terms.py makes it: its Latin
// words and the code point of each Chinese character, "zqnot_foundzq". A test checks the two
// against each other. A pasted response body starts with DRF's key, {"detail": "…"}: the token
// is also looked for without it.
function wholeName(text) {
  var parts = (text.toLowerCase().match(/[a-z0-9]+|\p{Script=Han}/gu) || []).map(function (part) {
    return /^[a-z0-9]+$/.test(part) ? part : part.codePointAt(0).toString(16);
  });
  var token = "zq" + parts.join("_") + "zq";
  if (!wholeNames.has(token) && parts[0] === "detail") token = "zq" + parts.slice(1).join("_") + "zq";
  return wholeNames.has(token) ? token : "";
}

// A snake_case name in a query word (ALLOWED_HOSTS, settings.DATA_UPLOAD_MAX_MEMORY_SIZE) as the
// marked token the index keeps it under (snake() of hooks/search_terms.py), if the index has it;
// boosted like a whole name, since a setting typed in full is as exact.
function markedSetting(word) {
  var names = word.match(/[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+/g) || [];
  return names
    .map(function (name) {
      return "zq" + name.toLowerCase() + "zq";
    })
    .filter(function (token) {
      return wholeNames.has(token);
    })
    .map(function (token) {
      return token + "^10";
    })
    .join(" ");
}

// The index's words in a run of Chinese characters: at each character the longest word that
// starts there, unless a word already kept covers it. Material's own lookup follows only the
// longest word from the run's start and stops at the first character no word starts with, so
// "超级管理员" found nothing and "暂停服务" only 暂*; characters no word covers are left out, as
// a lone 中 or 不 would match dozens of codes. A run with no word of the index is kept whole.
function chineseQueryWords(run) {
  var kept = [];
  var reach = 0;
  for (var start = 0; start < run.length - 1; start++) {
    for (var end = Math.min(run.length, start + longestChineseWord); end > start + 1; end--) {
      if (!chineseWords.has(run.slice(start, end))) continue;
      if (end > reach) {
        kept.push(run.slice(start, end));
        reach = end;
      }
      break;
    }
  }
  return kept.length ? kept : [run];
}

// A query as this site's index needs it:
// - no double quotes: Material makes quoted words required, and DRF's messages quote values;
// - Chinese and Latin written together (token过期) set apart, as the index has them;
// - Chinese runs as the index's words (chineseQueryWords), common ones dropped, each followed by
//   〇 (in no indexed word): Material cuts a run again, and never lets a word end on its last
//   character;
// - common words and numbers exact, not prefixes: "42" must not match 421 to 429;
// - a snake_case setting as its marked token (markedSetting);
// - the whole query also as the token of a whole name or message, if the index has it (an extra
//   word that matches nothing would lower every result's share of matched words);
// - a long word also with one typo allowed (lunr's word~1): "throtle", "premission".
function rewriteQuery(text) {
  var query = text
    .replace(/"/g, " ")
    .replace(/(\p{Script=Han})(?=[A-Za-z0-9])/gu, "$1 ")
    .replace(/([A-Za-z0-9])(?=\p{Script=Han})/gu, "$1 ");
  var words = query.toLowerCase().match(/[a-z0-9]+/g) || [];
  var runs = query.match(/\p{Script=Han}+/gu) || [];
  var chinese = [].concat.apply([], runs.map(chineseQueryWords));
  var telling = chinese.filter(function (word) {
    return !CHINESE_STOP_WORDS.has(word);
  });
  if (telling.length || words.length) chinese = telling;
  query = query
    .replace(/\p{Script=Han}+/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map(function (term) {
      var word = term.replace(/[.,;:!?]+$/, "");
      if (/^\d+$/.test(word) || SEARCH_STOP_WORDS.has(word.toLowerCase())) return word + "^1";
      return markedSetting(word) || term;
    })
    .concat(
      chinese.map(function (word) {
        return word + "\u3007";
      })
    )
    .join(" ");
  var whole = wholeName(text);
  if (whole) query += " " + whole + "^10";
  words.forEach(function (word) {
    if (word.length >= 7 && !/\d/.test(word)) query += " " + word + "~1";
  });
  return query;
}

// Registered before Material's worker is loaded, so this listener sees each message first: the
// index (a message of type 0) and each query (type 2), which it rewrites in place.
addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === 0 && message.data && message.data.docs) {
    learnIndexWords(message.data);
  } else if (message && message.type === 2 && typeof message.data === "string") {
    message.data = rewriteQuery(message.data);
  }
});

importScripts(decodeURIComponent(location.hash.slice(1)));

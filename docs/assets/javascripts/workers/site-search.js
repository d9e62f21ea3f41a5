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
    "responses server status app").split(" ")
);

// Chinese words that say nothing about which code is meant ("接口报错" is asked of every code). A
// query drops them when it has other words; a query of nothing else keeps them. The index keeps
// them: names such as 服务器内部错误 are found by every word.
var CHINESE_STOP_WORDS = new Set(
  ("接口 客户端 代码 状态码 返回码 错误 报错 出错 请求 响应 返回 服务器 服务端 状态 怎么 为什么 " +
    "如何 什么 问题 一直 出现 提示 总是 时候 还是 但是 就是 这个 那个 没有 可以 需要 应该 应当 " +
    "怎样 怎么办 哪个 哪种 是否 能否 为啥 直接 访问").split(" ")
);

// Words that pinyin input makes of the ones the site writes (登陆 for 登录, "to land", is as common
// in Chinese developers' questions as the right word; 优惠卷 for 优惠券, "coupon", and 重定项 for
// 重定向, "redirect", share their sounds), read as the site's word.
var CHINESE_SLIPS = { 登陆: "登录", 帐号: "账号", 优惠卷: "优惠券", 重定项: "重定向" };
var CHINESE_SLIP = new RegExp(Object.keys(CHINESE_SLIPS).join("|"), "g");

// What the index holds, read from the index Material is given: its Chinese words of two
// characters or more (and the length of the longest), its whole-name tokens, "zq…zq", and the
// words of its aliases fields, lowercased.
var chineseWords = new Set();
var longestChineseWord = 0;
var wholeNames = new Set();
var longestWholeName = 0;
var aliasNames = new Set();

function learnIndexWords(index) {
  var separator = new RegExp(index.config.separator);
  var fields = Object.keys(index.config.fields);
  chineseWords = new Set();
  longestChineseWord = 0;
  wholeNames = new Set();
  longestWholeName = 0;
  aliasNames = new Set();
  index.docs.forEach(function (doc) {
    if (typeof doc.aliases === "string")
      doc.aliases.split(/\s+/).forEach(function (name) {
        aliasNames.add(name.toLowerCase());
      });
    fields.forEach(function (field) {
      if (typeof doc[field] !== "string") return;
      doc[field]
        .replace(/<[^>]*>/g, " ")
        .split(separator)
        .forEach(function (word) {
          if (/^zq\w+zq$/.test(word)) {
            wholeNames.add(word.toLowerCase());
            longestWholeName = Math.max(longestWholeName, word.split("_").length);
          }
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
function nameParts(text) {
  return (text.toLowerCase().match(/[a-z0-9]+|\p{Script=Han}/gu) || []).map(function (part) {
    return /^[a-z0-9]+$/.test(part) ? part : part.codePointAt(0).toString(16);
  });
}

function markedToken(parts) {
  return "zq" + parts.join("_") + "zq";
}

// The values in a message (a quoted method, media type, key or host; a number) as 0, as
// snake_without_values() of hooks/search_terms.py writes them: a reader pastes a message with
// their own values (Method "PATCH" not allowed., 37 seconds). A quoted value has no space, so
// the apostrophes of "doesn't" are not quotes; a pasted response body is unwrapped first, as
// its quotes are not values. A method in capitals is a value without its quotes too ("Method
// GET not allowed", as readers retype DRF's 405 message).
var MESSAGE_VALUE =
  /"[^"]*"|“[^”]*”|'[^'\s]*'|[0-9]+|\b(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT)\b/g;
var RESPONSE_BODY = /^\s*\{\s*"detail"\s*:\s*"([\s\S]*)"\s*\}\s*$/;

function withoutValues(text) {
  var body = text.match(RESPONSE_BODY);
  if (body) text = body[1].replace(/\\"/g, '"');
  return text.replace(MESSAGE_VALUE, " 0 ");
}

function wholeName(text) {
  var tries = [nameParts(text), nameParts(withoutValues(text))];
  for (var i = 0; i < tries.length; i++) {
    var parts = tries[i];
    var token = markedToken(parts);
    if (!wholeNames.has(token) && parts[0] === "detail") token = markedToken(parts.slice(1));
    if (wholeNames.has(token)) return token;
  }
  return "";
}

// The whole names and messages written inside a longer query ("登录失败 Unable to log in with
// provided credentials."): the longest first, none overlapping. Only those of four words or
// characters and more: a shorter one ("Connection timed out", 522's name, inside nginx's 504
// line "upstream timed out (110: Connection timed out)") is as likely a description of another
// code's situation.
var SHORTEST_NAME_INSIDE = 4;

function namesInside(text) {
  var found = namesInsideParts(nameParts(text));
  return found.length ? found : namesInsideParts(nameParts(withoutValues(text)));
}

function namesInsideParts(parts) {
  var taken = parts.map(function () {
    return false;
  });
  var found = [];
  for (var length = Math.min(parts.length, longestWholeName); length >= SHORTEST_NAME_INSIDE; length--) {
    for (var start = 0; start + length <= parts.length; start++) {
      if (taken.slice(start, start + length).some(Boolean)) continue;
      var token = markedToken(parts.slice(start, start + length));
      if (!wholeNames.has(token)) continue;
      found.push(token);
      for (var at = start; at < start + length; at++) taken[at] = true;
    }
  }
  return found;
}

// A snake_case name in a query word (ALLOWED_HOSTS, settings.DATA_UPLOAD_MAX_MEMORY_SIZE) as the
// marked token the index keeps it under (snake() of hooks/search_terms.py), if the index has it;
// boosted like a whole name, since a setting typed in full is as exact.
function markedSetting(word) {
  var names = word.match(/[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+/g) || [];
  return names
    .map(function (name) {
      return markedToken([name.toLowerCase()]);
    })
    .filter(function (token) {
      return wholeNames.has(token);
    })
    .map(function (token) {
      return token + "^10";
    })
    .join(" ");
}

// Another name of a code typed in full inside a longer query (抛 NotAuthenticated 异常,
// PermissionDenied, HttpResponseGone): one of the aliases (search_aliases of
// hooks/search_terms.py), looked up as its marked token in the keys. The aliases field itself
// weighs little, since search matches its words as prefixes and NotAcceptable must not pull the
// "No …" queries; a whole name typed is as exact as a setting. Not the classes named plainly
// "…Response" (HttpResponse, JsonResponse, FileResponse): they carry whatever status the view
// gives them, 200 only by default, so a query that names one is about some other code.
function markedAlias(word) {
  var token = markedToken([word]);
  if (/response$/.test(word) || !aliasNames.has(word) || !wholeNames.has(token)) return "";
  return token + "^10";
}
// The index's words in a run of Chinese characters: the words, none overlapping, that cover the
// most of its characters, and of those the fewest (so the longest) words. Material's own lookup
// follows only the longest word from the run's start and stops at the first character no word
// starts with, so "超级管理员" found nothing and "暂停服务" only 暂*; overlapping words
// ("创建成功返回" as 创建成功 and 成功返回) make a query ask for what the reader did not write.
// Characters no word covers are left out, as a lone 中 or 不 would match dozens of codes: a run
// with no word of the index ("太多") gives none, since Material would cut it into single
// characters (多 finds 300 Multiple Choices, 多种选择).
function chineseQueryWords(run) {
  // best[i]: the best cut of the run's first i characters, as [characters covered, words].
  var best = [[0, []]];
  for (var end = 1; end <= run.length; end++) {
    best[end] = [best[end - 1][0], best[end - 1][1]];
    for (var start = Math.max(0, end - longestChineseWord); start < end - 1; start++) {
      var word = run.slice(start, end);
      if (!chineseWords.has(word)) continue;
      var covered = best[start][0] + word.length;
      var words = best[start][1].length + 1;
      // On a tie the later start wins: the earlier words are the longer (创建成功 返回).
      if (covered > best[end][0] || (covered === best[end][0] && words <= best[end][1].length))
        best[end] = [covered, best[start][1].concat([word])];
    }
  }
  return best[run.length][1];
}

// A number that counts something ("cloudflare 100 秒超时", "upload a 200MB file", "500 ms") is a
// quantity, not a status code: it is left out, or it would put that code first.
var QUANTITY = new RegExp(
  "\\b\\d+(?:\\.\\d+)?\\s*(?=(?:毫秒|秒|分钟|小时|天|字节|兆|个|次|条)|" +
    "(?:ms|s|secs?|seconds?|mins?|minutes?|h|hours?|days?|[kmg]i?b?|bytes?|x|times)\\b)",
  "gi"
);

// A status code with a plural "s" ("getting 502s", "too many 404s") is that code, not a number
// of seconds; 100s and 300s are mostly seconds (Cloudflare's 100-second limit, a 300 s proxy
// timeout), and the codes are seldom counted.
var PLURAL_CODE = /\b((?!100|300)[1-5]\d\d)s\b/g;

// lunr's query syntax, met in what readers paste: a word before ":" names a field ("Expect:"
// would search a field called Expect and find nothing), and a "+" or "-" at a word's edge makes
// the next word required or excluded ("curl -X"), or breaks the whole query ("bytes=0-"). ^ and
// ~ are the rewrite's own, added after.
var LUNR_SYNTAX = /[:^~*]/g;
var LUNR_PRESENCE = /(^|[\s=])[+-]+|[+-]+(?=[\s=]|$)/g;

// Single quotes around a word (the browser's "No 'Access-Control-Allow-Origin' header", Django's
// 'uploads' scope); an apostrophe inside a word ("doesn't") stays.
var SINGLE_QUOTE = /(^|[\s(])'+|'+(?=[\s),.;:!?]|$)/g;

// The punctuation of a pasted URL or query string (?ids=1,2,3&page=2): the index splits there
// too, and apart, each number in it is read as a number (exact) rather than as the prefix of
// every code that starts with its digits.
var QUERY_STRING = /[?&=,]/g;

// Brackets and slashes glued to a value (Postgres's "character varying(50)", Python's "(char 0)",
// a path "/api/users/50"): the index splits there, but Material would then look up "50" as a
// prefix, of 503, 504 and 506; set apart, the number is read as a number.
var GLUED_PUNCTUATION = /[()[\]{}<>/\\|`]/g;

// A query as this site's index needs it:
// - pinyin slips as the site's words (CHINESE_SLIPS);
// - no lunr syntax (LUNR_SYNTAX, LUNR_PRESENCE), a query string's punctuation, brackets and
//   slashes apart (QUERY_STRING, GLUED_PUNCTUATION);
// - no quotes (SINGLE_QUOTE too) or Chinese punctuation: Material makes words in double quotes
//   required, DRF's messages quote values, a number in Chinese quotes (无效主键 “42”) must still
//   be read as a number, and a "，" left alone would be a query word that no section matches;
// - Chinese and Latin written together (token过期) set apart, as the index has them;
// - a code's plural as the code (PLURAL_CODE), and no quantities (QUANTITY) or lone letters;
// - Chinese runs as the index's words (chineseQueryWords), common ones dropped (a query with no
//   other word keeps them, and one with no word of the index keeps its runs), each followed by
//   〇 (in no indexed word): Material cuts a run again, and never lets a word end on its last
//   character; each is looked up exactly (^1), as it is a word of the index;
// - common words and numbers exact, not prefixes: "42" must not match 421 to 429;
// - a snake_case setting as its marked token (markedSetting);
// - the whole query also as the token of a whole name or message, if the index has it (an extra
//   word that matches nothing would lower every result's share of matched words), or else the
//   names and messages inside it (namesInside) and the aliases typed in full (markedAlias);
// - a long word also with one typo allowed (lunr's word~1): "throtle", "premission".
function rewriteQuery(text) {
  var query = text
    .replace(CHINESE_SLIP, function (slip) {
      return CHINESE_SLIPS[slip];
    })
    .replace(/["“”‘’「」『』，。、；：？！（）《》【】]/g, " ")
    .replace(SINGLE_QUOTE, "$1 ")
    .replace(LUNR_SYNTAX, " ")
    .replace(LUNR_PRESENCE, "$1 ")
    .replace(QUERY_STRING, " ")
    .replace(GLUED_PUNCTUATION, " ")
    .replace(/(\p{Script=Han})(?=[A-Za-z0-9])/gu, "$1 ")
    .replace(/([A-Za-z0-9])(?=\p{Script=Han})/gu, "$1 ")
    .replace(PLURAL_CODE, "$1")
    .replace(QUANTITY, " ");
  var words = query.toLowerCase().match(/[a-z0-9]+/g) || [];
  var runs = query.match(/\p{Script=Han}+/gu) || [];
  var chinese = [].concat.apply([], runs.map(chineseQueryWords));
  var telling = chinese.filter(function (word) {
    return !CHINESE_STOP_WORDS.has(word);
  });
  if (telling.length || words.length) chinese = telling;
  else if (!chinese.length) chinese = runs; // nothing else to search for: the runs as typed
  query = query
    .replace(/\p{Script=Han}+/gu, " ")
    .split(/\s+/)
    // A lone letter is the prefix of every word ("100s" is left as "s", "curl -X" as "X").
    .filter(function (term) {
      return term && !/^[A-Za-z]$/.test(term);
    })
    .map(function (term) {
      var word = term.replace(/[.,;:!?]+$/, "");
      if (/^\d+$/.test(word) || SEARCH_STOP_WORDS.has(word.toLowerCase())) return word + "^1";
      return markedSetting(word) || term;
    })
    .concat(
      chinese.map(function (word) {
        return word + "\u3007^1";
      })
    )
    .join(" ");
  var whole = wholeName(text);
  if (whole) query += " " + whole + "^10";
  else {
    namesInside(text).forEach(function (token) {
      query += " " + token + "^10";
    });
    new Set(words).forEach(function (word) {
      var alias = markedAlias(word);
      if (alias) query += " " + alias;
    });
  }
  words.forEach(function (word) {
    if (word.length >= 7 && !/\d/.test(word)) query += " " + word + "~1";
  });
  return query;
}

// lunr merges the equal states of the automaton that holds the index's words by a key of each
// state: its edges' characters and target ids written one after the other. With digits among
// the characters (this index has many: code points, numbers) two different states can get one
// key ("1" to 12 then "3" to 4, and "1" to 1 then "2" to 34, both write "11234"), and the
// merged automaton then holds words the index does not: a query whose prefix reaches one made
// lunr fail, and Material showed no result at all ("HTTP/2" did, after one term was added to
// 409). A comma after each id makes the key unambiguous, as an edge's character is one.
function mendTokenSetKeys(lunr) {
  lunr.TokenSet.prototype.toString = function () {
    if (this._str) return this._str;
    var key = this.final ? "1" : "0";
    var labels = Object.keys(this.edges).sort();
    for (var i = 0; i < labels.length; i++) key += labels[i] + this.edges[labels[i]].id + ",";
    this._str = key;
    return key;
  };
}

// The index stands U+007F in for the U+200B that separates the Chinese words of each title and
// text (WORD_BREAK_STAND_IN of hooks/search_split.py: a third of the bytes); Material reads and
// shows them with U+200B.
function restoreWordBreaks(index) {
  index.docs.forEach(function (doc) {
    Object.keys(doc).forEach(function (field) {
      if (typeof doc[field] === "string") doc[field] = doc[field].replace(/\x7f/g, "\u200b");
    });
  });
}

// Registered before Material's worker is loaded, so this listener sees each message first: the
// index (a message of type 0) and each query (type 2), which it rewrites in place.
addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === 0 && message.data && message.data.docs) {
    restoreWordBreaks(message.data);
    learnIndexWords(message.data);
  } else if (message && message.type === 2 && typeof message.data === "string") {
    message.data = rewriteQuery(message.data);
  }
});

importScripts(decodeURIComponent(location.hash.slice(1)));
if (self.lunr) mendTokenSetKeys(self.lunr);

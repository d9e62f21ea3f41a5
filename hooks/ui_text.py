"""The interface strings of the generated pages, in both languages, one table per part.

Labels, headings, column names and the sentences the renderers put around the table's facts; not
the facts and advice themselves (docs/codes.yml), the hand-written pages, the export's field
descriptions (status_export.FIELDS, beside each field), or the search terms (search_terms.py).
Each table maps a language to its strings, and both languages have exactly the same keys in every
table (tests/test_ui_text.py).
"""

from __future__ import annotations

# A code's section, the home page's overview, the cross-reference and the appendix
# (status_render).
LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "spec": "规范",
        "no_spec": "没有任何 RFC 定义这个状态码",
        "standard_name": "标准名称",
        "unregistered": "IANA 登记表中没有这个状态码",
        "standard_source": "IANA / RFC 9110",
        "former_gap": "；",
        "former_name": "此前名为 {name}，DRF 的常量沿用这个名字，"
        "它也是 Python 3.12 及更早版本的主名称",
        "python": "Python",
        "python_none": "`http.HTTPStatus` 没有这个状态码",
        "python_since": "{version} 起",
        "python_renamed": "3.12 及更早为 {old}；3.13 起为 {new}，旧名仍可作为别名使用",
        "django": "Django",
        "django_preserve": "{call}（Django 5.2 起）",
        "drf_exceptions": "DRF 异常",
        "drf_since": "加入 DRF",
        "drf_original": "{version}（最初的 `status` 模块）",
        "flags": "标记",
        "drf_note": "DRF 的默认行为",
        "wrong_names": "常见错误写法",
        "wrong_name": "{wrong}：`rest_framework.status` 中没有这个名字，{access} 会抛出 "
        "`AttributeError`，{import_} 会抛出 `ImportError`。正确的常量是 {right}。",
        "confused_with": "这个名字错借了 {link} 的常量名。",
        "related": "对比",
        "helper": "判断一个状态码是否属于本类，可以用 {helper}：它只比较数值范围"
        "（{low}–{high}），不检查状态码是否存在。",
        "overview": "全部状态码",
        "overview_code": "状态码",
        "overview_title": "名称",
        "overview_constant": "DRF 常量",
        "not_in_drf": "不在 `rest_framework.status` 中",
        "not_in_drf_body": "DRF 没有这个状态码的常量；它来自 {source}。需要时在项目里自己定义：",
        "sources": "来源",
        "xref_constant": "DRF 常量",
        "xref_drf_since": "加入 DRF",
        "xref_standard": "IANA / RFC 9110 名称",
        "xref_py311": "Python 3.11–3.12",
        "xref_py313": "Python 3.13+",
        "xref_py_since": "Python 起始版本",
        "xref_django": "Django 响应类",
        "xref_exceptions": "DRF 异常",
        "xref_earliest": "≤ 3.6",
        "xref_alias": "别名",
        "xref_legend": "≠ 表示这个名称与 DRF 常量名不一致；— 表示没有对应项。"
        "“别名”是 Python 3.13 仍然接受的旧成员名，用旧名的代码在 3.13 上照常运行。"
        "“≤ 3.6” 表示在核对过的最早版本 Python 3.6 中已经存在。",
        "list_separator": "、",
        "sentence_gap": "",
        "colon": "：",
        "open_paren": "（",
        "close_paren": "）",
        "copy": "复制",  # Material's own label for its copy buttons
    },
    "en": {
        "spec": "Specification",
        "no_spec": "no RFC defines this code",
        "standard_name": "Standard name",
        "unregistered": "the code is not in the IANA registry",
        "standard_source": "IANA / RFC 9110",
        "former_gap": ", ",
        "former_name": "formerly {name}, which DRF's constant keeps and which was Python's "
        "canonical name for the code up to 3.12",
        "python": "Python",
        "python_none": "`http.HTTPStatus` has no member for this code",
        "python_since": "since {version}",
        "python_renamed": "{old} up to 3.12, and {new} from 3.13, which keeps the old name as an "
        "alias",
        "django": "Django",
        "django_preserve": "{call} (Django 5.2 and later)",
        "drf_exceptions": "DRF exceptions",
        "drf_since": "Added in DRF",
        "drf_original": "{version} (the original `status` module)",
        "flags": "Flags",
        "drf_note": "What DRF does by itself",
        "wrong_names": "Wrong names in circulation",
        "wrong_name": "{wrong}: there is no such name in `rest_framework.status`, so {access} "
        "raises `AttributeError` and {import_} raises `ImportError`. The correct constant is "
        "{right}.",
        "confused_with": "The name is borrowed by mistake from {link}.",
        "related": "Compare",
        "helper": "To test whether a code belongs to this class, use {helper}. It only compares "
        "the number against the range {low}–{high}; it does not check that the code exists.",
        "overview": "All status codes",
        "overview_code": "Code",
        "overview_title": "Name",
        "overview_constant": "DRF constant",
        "not_in_drf": "Not in `rest_framework.status`",
        "not_in_drf_body": "DRF has no constant for this code; it comes from {source}. "
        "Define your own in your project if you need it:",
        "sources": "Sources",
        "xref_constant": "DRF constant",
        "xref_drf_since": "Added in DRF",
        "xref_standard": "IANA / RFC 9110 name",
        "xref_py311": "Python 3.11–3.12",
        "xref_py313": "Python 3.13+",
        "xref_py_since": "Python since",
        "xref_django": "Django response class",
        "xref_exceptions": "DRF exceptions",
        "xref_earliest": "≤ 3.6",
        "xref_alias": "alias",
        "xref_legend": "≠ marks a name that differs from DRF's constant; — means there is none. "
        "“alias” marks an old member name that Python 3.13 still accepts, so code that uses it "
        "keeps working there. “≤ 3.6” means present in Python 3.6, the earliest version checked.",
        "list_separator": ", ",
        "sentence_gap": " ",
        "colon": ": ",
        "open_paren": " (",
        "close_paren": ")",
        "copy": "Copy to clipboard",  # Material's own label for its copy buttons
    },
}

# The flags, as a code's section shows them (status_render).
FLAG_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "unused": "未使用（编号保留）",
        "unregistered": "未在 IANA 登记",
        "obsoleted": "已废止",
        "deprecated": "已弃用",
        "experimental": "实验性",
        "webdav": "WebDAV",
    },
    "en": {
        "unused": "Unused (number reserved)",
        "unregistered": "Not registered with IANA",
        "obsoleted": "Obsoleted",
        "deprecated": "Deprecated",
        "experimental": "Experimental",
        "webdav": "WebDAV",
    },
}

# The real exchanges on the code sections and the messages page (exchange_render).
EXCHANGE_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "exchanges": "实际交互",
        "request": "请求",
        "response": "响应",
        "body_left_out": "（响应体从略：Django 的调试页面）",
        "provenance": "本页的请求和响应都是构建网站时实际运行 DRF {drf}、Django {django}"
        "（Python {python}）得到的：一个用 `startproject` 默认设置的新项目，"
        '`LANGUAGE_CODE = "{code}"`，`USE_I18N = True`，所以 DRF 的消息是中文的；'
        '英文页面用 `"en-us"`。`SecurityMiddleware` 和 `XFrameOptionsMiddleware` '
        "给每个响应都加的安全头从略。",
        "message_en": "英文（`en-us`）",
        "message_zh": "中文（`zh-hans`）",
        "message_codes": "状态码",
        "message_cause": "原因",
        "see_exchange": "本页其他小节的实际交互：{links}",
    },
    "en": {
        "exchanges": "Real exchanges",
        "request": "Request",
        "response": "Response",
        "body_left_out": "(body left out: Django's debug page)",
        "provenance": "Every request and response on this page was produced by running DRF "
        "{drf} and Django {django} (Python {python}) while the site was built: a new project "
        "with `startproject`'s settings, `LANGUAGE_CODE = \"{code}\"`, so DRF's messages are "
        'in English; the Chinese pages use `"zh-hans"`. The security headers that '
        "`SecurityMiddleware` and `XFrameOptionsMiddleware` add to every response are left out.",
        "message_en": "English (`en-us`)",
        "message_zh": "Chinese (`zh-hans`)",
        "message_codes": "Code",
        "message_cause": "Cause",
        "see_exchange": "Real exchanges in other sections of this page: {links}",
    },
}

# The export's schema page (status_export): its table's columns and the heading of the flags.
SCHEMA_LABELS: dict[str, dict[str, str]] = {
    "zh": {"field": "字段", "type": "类型", "meaning": "含义", "flags_heading": "标记的含义"},
    "en": {
        "field": "Field",
        "type": "Type",
        "meaning": "Meaning",
        "flags_heading": "What the flags mean",
    },
}

# The kind of each field's values, as the schema page names it (status_export.Field.kind).
KIND_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "integer": "整数",
        "string": "字符串",
        "string or null": "字符串或 `null`",
        "list of strings": "字符串列表",
    },
    "en": {
        "integer": "integer",
        "string": "string",
        "string or null": "string or `null`",
        "list of strings": "list of strings",
    },
}

# What each value of `flags` means, on the schema page (the class pages show FLAG_LABELS).
FLAG_MEANINGS: dict[str, dict[str, str]] = {
    "zh": {
        "unused": "IANA 登记表把这个编号列为 `(Unused)`，即编号保留，不能另作他用",
        "unregistered": "IANA 登记表中没有这个状态码",
        "obsoleted": "IANA 登记表把它标为 `(OBSOLETED)`，即已废止",
        "deprecated": "定义它的规范已弃用它，新接口不应再发送",
        "experimental": "定义它的 RFC 是实验性的，不在标准轨道上",
        "webdav": "来自 WebDAV 的规范（RFC 2518、RFC 4918 或 RFC 5842），RFC 9110 没有定义它",
    },
    "en": {
        "unused": "the registry lists the number as `(Unused)`, that is, reserved and not to be "
        "given another meaning",
        "unregistered": "the code is not in the IANA registry",
        "obsoleted": "the registry marks it `(OBSOLETED)`, that is, obsoleted",
        "deprecated": "the defining specification deprecates it, so new APIs should not send it",
        "experimental": "an Experimental RFC defines it, not a standards-track one",
        "webdav": "a WebDAV specification (RFC 2518, RFC 4918 or RFC 5842) defines it, not "
        "RFC 9110",
    },
}

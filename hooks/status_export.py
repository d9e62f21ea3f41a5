"""The machine-readable export: codes.json and codes.csv at the site root, and their schema.

One declarative list of fields drives both files and the schema page, so the three cannot drift.
Only DRF's own codes are exported; the appendix of codes met in the wild is not.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from status_render import search_excluded, section_url
from status_table import StatusCode

# The DRF release the table documents; the tests check it against the installed DRF.
DRF_VERSION = "3.18.3"
JSON_NAME = "codes.json"
CSV_NAME = "codes.csv"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # as JSON has it: integer, string, string or null, list of strings
    zh: str
    en: str
    value: Callable[[StatusCode], Any]


FIELDS = (
    Field("code", "integer", "状态码", "The status code", lambda r: r.code),
    Field(
        "class",
        "string",
        "类别，如 `4xx`",
        "The class, such as `4xx`",
        lambda r: f"{r.status_class}xx",
    ),
    Field(
        "constant",
        "string",
        "`rest_framework.status` 中的常量名",
        "The constant's name in `rest_framework.status`",
        lambda r: r.constant,
    ),
    Field(
        "drf_since",
        "string",
        "加入这个常量的 DRF 版本",
        "The DRF release that added the constant",
        lambda r: r.drf_since,
    ),
    Field("title_zh", "string", "中文名称", "The Chinese term", lambda r: r.text["zh"].title),
    Field("title_en", "string", "英文名称", "The English name", lambda r: r.text["en"].title),
    Field(
        "summary_zh", "string", "中文摘要", "The summary in Chinese", lambda r: r.text["zh"].summary
    ),
    Field(
        "summary_en", "string", "英文摘要", "The summary in English", lambda r: r.text["en"].summary
    ),
    Field(
        "spec",
        "string or null",
        "定义它的规范章节，如 `RFC 9110 §15.5.10`",
        "The defining specification section, such as `RFC 9110 §15.5.10`",
        lambda r: r.spec.label if r.spec else None,
    ),
    Field(
        "spec_url",
        "string or null",
        "该章节的链接",
        "A link to that section",
        lambda r: r.spec.url if r.spec else None,
    ),
    Field(
        "standard_name",
        "string or null",
        "IANA / RFC 9110 的名称；未登记时为空",
        "The IANA / RFC 9110 name; null when the code is not registered",
        lambda r: r.standard_name,
    ),
    Field(
        "former_name",
        "string or null",
        "RFC 9110 改名前的旧称",
        "The name before RFC 9110 renamed the code",
        lambda r: r.former_name,
    ),
    Field(
        "python_3_11",
        "list of strings",
        "Python 3.11–3.12 中 `http.HTTPStatus` 的成员名",
        "The `http.HTTPStatus` member names in Python 3.11–3.12",
        lambda r: list(r.python.py311),
    ),
    Field(
        "python_3_13",
        "list of strings",
        "Python 3.13 起的成员名，规范名在前",
        "The member names from Python 3.13 on, canonical name first",
        lambda r: list(r.python.py313),
    ),
    Field(
        "python_since",
        "string or null",
        "成员出现的 Python 版本（晚于 3.6 时）",
        "The Python version that added the member, when later than 3.6",
        lambda r: r.python.since,
    ),
    Field(
        "django",
        "list of strings",
        "发送这个状态码的 `django.http` 响应类",
        "The `django.http` response classes that send this code",
        lambda r: list(r.django),
    ),
    Field(
        "django_preserve_request",
        "string or null",
        "传入 `preserve_request=True` 时发送它的响应类（Django 5.2 起）",
        "The response class that sends it with `preserve_request=True` (Django 5.2 and later)",
        lambda r: r.django_preserve_request,
    ),
    Field(
        "drf_exceptions",
        "list of strings",
        "`status_code` 为它的 DRF 异常类",
        "The DRF exception classes whose `status_code` it is",
        lambda r: list(r.drf_exceptions),
    ),
    Field(
        "flags",
        "list of strings",
        "标记：`unused`、`unregistered`、`obsoleted`、`deprecated`、`experimental`、`webdav`",
        "Flags: `unused`, `unregistered`, `obsoleted`, `deprecated`, `experimental`, `webdav`",
        lambda r: list(r.flags),
    ),
    Field(
        "url_zh",
        "string",
        "中文页面上的位置，相对于网站根目录",
        "Where the code is on the Chinese site, relative to the site root",
        section_url,
    ),
    Field(
        "url_en",
        "string",
        "英文页面上的位置，相对于网站根目录",
        "Where the code is on the English site, relative to the site root",
        lambda r: f"en/{section_url(r)}",
    ),
)

KIND_NAMES = {
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


def rows(records: Iterable[StatusCode]) -> list[dict[str, Any]]:
    return [{field.name: field.value(r) for field in FIELDS} for r in records if r.in_drf]


def to_json(records: Iterable[StatusCode]) -> str:
    document = {"drf_version": DRF_VERSION, "codes": rows(records)}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def to_csv(records: Iterable[StatusCode]) -> str:
    """The same rows as the JSON; lists are joined with spaces, null is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(field.name for field in FIELDS)
    for row in rows(records):
        writer.writerow(
            " ".join(value) if isinstance(value, list) else "" if value is None else value
            for value in row.values()
        )
    return out.getvalue()


def schema_page(records: Iterable[StatusCode], language: str) -> str:
    labels = {"zh": ("字段", "类型", "含义"), "en": ("Field", "Type", "Meaning")}[language]
    lines = [f"| {' | '.join(labels)} |", "|---|---|---|"]
    for field in FIELDS:
        meaning = getattr(field, language)
        lines.append(f"| `{field.name}` | {KIND_NAMES[language][field.kind]} | {meaning} |")
    # Search finds the page by its title and introduction, which name both files.
    return search_excluded(["\n".join(lines)]) + "\n"

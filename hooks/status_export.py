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

from site_urls import section_url
from status_render import search_excluded
from status_table import FLAGS, DrfCode, StatusCode
from ui_text import FLAG_MEANINGS, KIND_NAMES, LABELS, SCHEMA_LABELS

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
    value: Callable[[DrfCode], Any]


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
        "最早以这个名字提供这个常量的 DRF 版本，`0.1` 指最初的 `status` 模块。"
        "511 记为 `2.1.1`：2.0.0 加入时拼错成 `HTTP_511_NETWORD_AUTHENTICATION_REQUIRED`",
        "The first DRF release with the constant under this name, `0.1` being the original "
        "`status` module. 511 reads `2.1.1`: 2.0.0 added it misspelled, as "
        "`HTTP_511_NETWORD_AUTHENTICATION_REQUIRED`",
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
        "IANA 登记表中的名称，未登记时为 `null`。登记表写在名称后面的状态不算在内，由 `flags` "
        "表示：510 登记为 `Not Extended (OBSOLETED)`，这里是 `Not Extended`。306 和 418 "
        "在登记表中只有 `(Unused)`，没有别的名称，这里就是 `(Unused)`",
        "The name in the IANA registry, `null` when the code is not registered. A status the "
        "registry writes after a name is left out, as `flags` holds it: 510, registered as "
        "`Not Extended (OBSOLETED)`, reads `Not Extended`. 306 and 418, which the registry "
        "lists only as `(Unused)`, with no other name, read `(Unused)`",
        lambda r: r.standard_name,
    ),
    Field(
        "former_name",
        "string or null",
        "较早的名称，出自 RFC 2616 或 RFC 4918：DRF 的常量沿用它，它也是 Python 3.12 "
        "及更早版本的主名称；DRF 的常量用的就是现行名称时为 `null`",
        "The older name, from RFC 2616 or RFC 4918, which DRF's constant keeps and which was "
        "Python's canonical name up to 3.12; `null` where DRF's constant has the current name",
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
        "Python 3.13 起的成员名，主名称在前",
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
        "标记，含义见[下文](#flags)",
        "Flags, explained [below](#flags)",
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


def rows(records: Iterable[StatusCode]) -> list[dict[str, Any]]:
    drf = [record for record in records if isinstance(record, DrfCode)]
    return [{field.name: field.value(record) for field in FIELDS} for record in drf]


def to_json(records: Iterable[StatusCode]) -> str:
    document = {"drf_version": DRF_VERSION, "codes": rows(records)}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def to_csv(records: Iterable[StatusCode]) -> str:
    """The same rows as the JSON; lists are joined with spaces, null is an empty cell.

    The text starts with a byte order mark: without it, Excel on a Chinese-language Windows reads
    the file as GBK and garbles every Chinese column.
    """
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(field.name for field in FIELDS)
    for row in rows(records):
        writer.writerow(
            " ".join(value) if isinstance(value, list) else "" if value is None else value
            for value in row.values()
        )
    return out.getvalue()


def schema_page(records: Iterable[StatusCode], language: str) -> str:
    labels = SCHEMA_LABELS[language]
    lines = [f"| {labels['field']} | {labels['type']} | {labels['meaning']} |", "|---|---|---|"]
    for field in FIELDS:
        meaning = getattr(field, language)
        lines.append(f"| `{field.name}` | {KIND_NAMES[language][field.kind]} | {meaning} |")
    colon = LABELS[language]["colon"]
    flags = [f"- `{flag}`{colon}{FLAG_MEANINGS[language][flag]}" for flag in FLAGS]
    # Search finds the page by its title and introduction, which name both files.
    return (
        "\n\n".join(
            [
                search_excluded(["\n".join(lines)]),
                f"## {labels['flags_heading']} {{ #flags }}",
                search_excluded(["\n".join(flags)]),
            ]
        )
        + "\n"
    )

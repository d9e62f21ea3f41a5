"""The site's vocabulary (docs/glossary.yml) is enforced by the build, on every text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import text_rules
from conftest import ROOT, copy_project, run_mkdocs_build
from status_table import DrfCode

GLOSSARY = text_rules.load_glossary(ROOT / "docs" / "glossary.yml")


def test_the_glossary_lists_the_terms_the_review_asked_for() -> None:
    assert GLOSSARY.avoid["zh"]["注册表"].startswith("the site's term, 登记表")
    for word in ("正文", "废弃", "差量编码", "异常处理器"):
        assert word in GLOSSARY.avoid["zh"], word
    assert "behaviour" in GLOSSARY.avoid["en"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("IANA 注册表里没有它。", "zh", "uses '注册表'; write the site's term, 登记表"),
        ("The default behaviour.", "en", "uses 'behaviour'; write 'behavior'"),
        ("在 Serializer 里校验。", "zh", "Latin-script words Serializer outside code spans"),
        ("The view answers 403，没有权限。", "en", "English text contains Chinese characters"),
    ],
)
def test_a_rule_broken_in_a_text_is_named(text: str, language: str, expected: str) -> None:
    assert any(expected in problem for problem in text_rules.problems_in(text, language, GLOSSARY))


def test_code_spans_and_allowed_words_pass() -> None:
    ok = "在 `Serializer` 里校验，DRF 返回 JSON；`正文` 是代码里的名字。"
    assert list(text_rules.problems_in(ok, "zh", GLOSSARY)) == []


def test_page_prose_skips_what_is_not_prose() -> None:
    page = (
        "---\ngenerated: x\n---\n\n# 标题 { #title }\n\n```python\nSerializer = 1\n```\n\n"
        '[链接](4xx.md#http_409) <span lang="en">Not Found</span> <code>codes.json</code>\n'
        ":::exchange csrf-failed\n"
    )
    prose = text_rules.page_prose(page)
    assert prose.count("\n") == page.count("\n")  # line numbers stay right
    assert list(text_rules.problems_in(prose, "zh", GLOSSARY)) == []


def test_table_problems_name_file_entry_and_field(records: list[DrfCode]) -> None:
    record = next(r for r in records if r.code == 409)
    zh = dataclasses.replace(record.text["zh"], usage="见 IANA 注册表。")
    edited = dataclasses.replace(record, text={**record.text, "zh": zh})
    problems = text_rules.check_table([edited], GLOSSARY, "docs/codes.yml")
    assert problems == [
        "docs/codes.yml: entry 409, field 'zh.usage': uses '注册表'; write the site's term, "
        "登记表 (IANA registry)"
    ]


def test_the_build_stops_on_a_page_that_breaks_a_rule(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "guide.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "这里的正文提到了 Serializer。")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/guide.md, line 4: uses '正文'" in result.stderr
    assert "docs/guide.md, line 4: Latin-script words Serializer" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()  # nothing half-built

"""The table agrees with the installed DRF, Python and Django, not just with itself."""

from __future__ import annotations

import http
import inspect
import sys
from collections import defaultdict

import django.http
import pytest
import rest_framework
import rest_framework.exceptions
import status_render
from rest_framework import status
from status_table import DrfCode


def drf_constants() -> dict[str, int]:
    return {name: value for name, value in vars(status).items() if name.startswith("HTTP_")}


def test_installed_drf_is_the_documented_release() -> None:
    assert rest_framework.VERSION == "3.18.3"


def test_every_drf_constant_has_an_entry_and_vice_versa(records: list[DrfCode]) -> None:
    table = {record.constant: record.code for record in records}
    assert table == drf_constants()


def test_helper_functions_cover_each_class() -> None:
    for status_class, helper_name in status_render.CLASS_HELPERS.items():
        helper = getattr(status, helper_name)
        low, high = status_class * 100, status_class * 100 + 99
        assert helper(low) and helper(high)
        assert not helper(low - 1) and not helper(high + 1)


def python_members() -> dict[int, list[str]]:
    members: dict[int, list[str]] = defaultdict(list)
    for name, member in http.HTTPStatus.__members__.items():
        members[member.value].append(name)
    # The canonical name (what .name returns) first, as the table lists it.
    return {
        code: sorted(names, key=lambda name: name != http.HTTPStatus(code).name)
        for code, names in members.items()
    }


def test_python_member_names_match_the_running_python(records: list[DrfCode]) -> None:
    # 3.11 and 3.12 have the same members; 3.13 renamed four codes, keeping the old names as
    # aliases.
    installed = python_members()
    for record in records:
        expected = record.python.py313 if sys.version_info >= (3, 13) else record.python.py311
        assert list(expected) == installed.get(record.code, []), record.code


def test_python_reason_phrase_is_one_the_page_shows(records: list[DrfCode]) -> None:
    for record in records:
        if record.code not in python_members():
            continue
        shown = {record.standard_name, record.former_name, record.text["en"].title}
        assert http.HTTPStatus(record.code).phrase in shown, record.code


def test_python_since_versions_are_consistent(records: list[DrfCode]) -> None:
    for record in records:
        if record.python.since is not None:
            assert record.python.py311, f"{record.code}: 'since' without any member"
            major, minor = map(int, record.python.since.split("."))
            assert (major, minor) <= (3, 11)


def django_classes_by_status() -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    plain: dict[int, set[str]] = defaultdict(set)
    preserving: dict[int, set[str]] = defaultdict(set)
    for name, cls in vars(django.http).items():
        if not (inspect.isclass(cls) and issubclass(cls, django.http.HttpResponseBase)):
            continue
        if cls is django.http.HttpResponseBase:
            continue  # the abstract base; every response inherits its default 200
        plain[cls.status_code].add(name)
        preserve = getattr(cls, "status_code_preserve_request", None)
        if preserve is not None:
            preserving[preserve].add(name)
    return plain, preserving


def test_django_classes_match_installed_django(records: list[DrfCode]) -> None:
    plain, preserving = django_classes_by_status()
    for record in records:
        assert set(record.django) == plain.get(record.code, set()), record.code
        expected = preserving.get(record.code, set())
        assert {record.django_preserve_request} - {None} == expected, record.code


def test_drf_exceptions_match_installed_drf(records: list[DrfCode]) -> None:
    by_status: dict[int, set[str]] = defaultdict(set)
    for name, cls in vars(rest_framework.exceptions).items():
        if inspect.isclass(cls) and issubclass(cls, rest_framework.exceptions.APIException):
            by_status[cls.status_code].add(name)
    for record in records:
        assert set(record.drf_exceptions) == by_status.get(record.code, set()), record.code


@pytest.mark.parametrize("wrong", ["HTTP_307_RESERVED", "HTTP_208_MULTI_STATUS", "HTTP_102"])
def test_wrong_names_really_do_not_exist(records: list[DrfCode], wrong: str) -> None:
    documented = {name.name for record in records for name in record.wrong_names}
    assert wrong in documented
    with pytest.raises(AttributeError):
        getattr(status, wrong)


def test_wrong_names_raise_the_errors_the_note_names(records: list[DrfCode]) -> None:
    """102, 208, 226, 307, 308 (every wrong name): `status.NAME` raises AttributeError, and
    `from rest_framework.status import NAME` raises ImportError, as the warning note says."""
    wrong_names = [wrong.name for record in records for wrong in record.wrong_names]
    assert wrong_names
    for name in wrong_names:
        with pytest.raises(AttributeError, match=name):
            exec(f"status.{name}", {"status": status})  # noqa: S102 - a fixed, known name
        with pytest.raises(ImportError, match=f"cannot import name '{name}'"):
            exec(f"from rest_framework.status import {name}", {})  # noqa: S102 - as above


def test_every_documented_wrong_name_is_missing_from_drf(records: list[DrfCode]) -> None:
    for record in records:
        for wrong in record.wrong_names:
            assert not hasattr(status, wrong.name), wrong.name
            if wrong.confused_with is not None:
                borrowed = next(r for r in records if r.code == wrong.confused_with)
                suffix = borrowed.constant.split("_", 2)[2]
                assert wrong.name.endswith(suffix), (wrong.name, borrowed.constant)

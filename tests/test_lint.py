"""The code stays lint-clean, formatted and type-checked (ruff and mypy, configured in
pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def ruff(
    *args: str, paths: tuple[str, ...] = ("hooks", "tests", "docs/snippets")
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_ruff_check() -> None:
    result = ruff("check", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    # Not docs/snippets: the formatter would pad the snippet markers with blank lines that the
    # pages would then show at the end of code blocks.
    result = ruff("format", "--check", paths=("hooks", "tests"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    # Which files and how strictly: [tool.mypy] in pyproject.toml.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr

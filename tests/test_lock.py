"""The locked dependencies: every package the build and the tests install, at one exact version.

`requirements.txt` and `tests/requirements.txt` are the lists people edit (direct dependencies
only); `requirements.lock` and `tests/requirements.lock` pin everything those lists install,
indirect packages included. The README ("Upgrading the lock") says how to regenerate them.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

BUILD_LIST = ROOT / "requirements.txt"
TEST_LIST = ROOT / "tests" / "requirements.txt"
BUILD_LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "tests" / "requirements.lock"

# Every venv has these (pip freeze leaves them out too); the project does not pin them.
TOOLING = {"pip", "setuptools", "wheel"}
PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s=;]+)")


def pins(path: Path) -> dict[str, str]:
    """name -> version of a requirements file, names normalised; comments and -r lines skipped.

    Every other line must be an exact pin, so nothing in these files can float."""
    found: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-r "):
            continue
        match = PIN.fullmatch(line)
        assert match, f"{path.relative_to(ROOT)}:{number}: not an exact pin: {raw!r}"
        name = canonicalize_name(match[1])
        assert name not in found, f"{path.relative_to(ROOT)}:{number}: {name} pinned twice"
        found[name] = match[2]
    return found


def installed() -> dict[str, str]:
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
        if canonicalize_name(dist.metadata["Name"]) not in TOOLING
    }


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    return [
        f"{name}: locked {expected.get(name, '(not locked)')}, "
        f"installed {actual.get(name, '(not installed)')}"
        for name in sorted(expected.keys() | actual.keys())
        if expected.get(name) != actual.get(name)
    ]


def needed_by(names: set[str]) -> set[str]:
    """The installed distributions that ``names`` pull in, themselves included (no extras)."""
    by_name = {
        canonicalize_name(dist.metadata["Name"]): dist
        for dist in importlib.metadata.distributions()
    }
    needed: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        for line in by_name[name].requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(canonicalize_name(requirement.name))
    return needed


def test_the_running_venv_is_exactly_the_test_lock() -> None:
    """What tests/install.sh installed (this venv) is tests/requirements.lock, no more, no less."""
    problems = differences(pins(TEST_LOCK), installed())
    assert not problems, "\n".join(problems)


def test_the_lock_files_pin_exact_versions() -> None:
    for path in (BUILD_LIST, TEST_LIST, BUILD_LOCK, TEST_LOCK):
        assert pins(path), path  # pins() fails on any line that is not name==version


def test_direct_pins_are_the_locked_versions() -> None:
    build, test = pins(BUILD_LIST), pins(TEST_LIST)
    for direct, lock in ((build, pins(BUILD_LOCK)), ({**build, **test}, pins(TEST_LOCK))):
        assert not [f"{n}=={v}" for n, v in direct.items() if lock.get(n) != v]


def test_the_build_lock_is_the_part_of_the_test_lock_the_build_needs() -> None:
    """requirements.lock holds the build's direct pins and what they depend on, at the versions of
    tests/requirements.lock, so the served site and the tested site use the same packages."""
    build_lock, test_lock = pins(BUILD_LOCK), pins(TEST_LOCK)
    assert not [f"{n}=={v}" for n, v in build_lock.items() if test_lock.get(n) != v]
    needed = needed_by(set(pins(BUILD_LIST)))
    assert sorted(build_lock) == sorted(needed), (
        f"missing: {sorted(needed - build_lock.keys())}, "
        f"not needed: {sorted(build_lock.keys() - needed)}"
    )

"""Results the build derives from its source texts, kept under ``.cache/`` for the next build.

Validating the table, reading the exchanges, checking the vocabulary of every text and rendering
the generated pages are pure functions of the texts (and, for the exchanges, of the installed DRF
and Django) and of the hook's own code; the slowest part is not even the checks: PyYAML builds its
Python objects in Python (a third of a second for a table of 500 entries). A build whose inputs
are those of an earlier one takes that build's result instead of deriving it again. Only results
are kept, never failures: an invalid source fails every build that reads it.

The results are pickled: this is the build's own cache, beside the code it runs (whoever can write
it can as well write the hooks), and pickle restores the typed records exactly as they were made.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import yaml

HOOKS = Path(__file__).resolve().parent

T = TypeVar("T")


@functools.cache
def code_version() -> bytes:
    """The hook's code and what reads the texts. Taken once per process: `mkdocs serve` never
    reloads the hook, so the code that runs is the code read at its first build."""
    digest = hashlib.sha256()
    for path in sorted(HOOKS.rglob("*.py")):
        digest.update(path.relative_to(HOOKS).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    digest.update(f"{sys.version}\0{yaml.__version__}\0{yaml.__with_libyaml__}".encode())
    return digest.digest()


KEY_LENGTH = 20


def content_key(texts: Iterable[str]) -> str:
    digest = hashlib.sha256(code_version())
    for text in texts:
        data = text.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))  # so that no two lists of texts run together
        digest.update(data)
    return digest.hexdigest()[:KEY_LENGTH]


def memoised(cache_dir: Path, kind: str, texts: Iterable[str], derive: Callable[[], T]) -> T:
    """``derive()``, or what it returned in an earlier build for the same texts and code.

    ``kind`` names the result; only the newest of each kind is kept."""
    path = cache_dir / f"{kind}-{content_key(texts)}.pickle"
    try:
        kept: T = pickle.loads(path.read_bytes())  # noqa: S301 - the build's own cache, see above
        return kept
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a truncated or unreadable file is just not a result
        path.unlink(missing_ok=True)
    value = derive()
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{kind}-{'?' * KEY_LENGTH}.pickle"):  # this kind's only
        stale.unlink(missing_ok=True)
    # Written under a name of its own, then renamed: another build of the same project running at
    # the same time never reads a half-written file.
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(path)
    return value

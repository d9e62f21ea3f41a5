"""The project's own files, for tests and benchmarks that build edited copies of it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """A throwaway copy of everything a build reads (of this project, or of another copy)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source_path = source / name
        if source_path.is_dir():
            shutil.copytree(
                source_path, target / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source_path, target / name)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serve(project: Path, output: IO[str] | int = subprocess.DEVNULL) -> tuple[Any, int]:
    """`mkdocs serve` (with live reload) on a free 127.0.0.1 port; the caller stops it."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=mkdocs_env(),
        stdout=output,
        stderr=subprocess.STDOUT if output is not subprocess.DEVNULL else subprocess.DEVNULL,
    )
    return server, port

"""What tests and benchmarks share: the project's files, builds of edited copies, a static host."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by tests/install.sh


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


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like a static host: under a path prefix, with the root 404.html for every
    missing path (as GitHub Pages does), and gzip for clients that ask for it when ``compress`` is
    set (as real hosts do)."""

    prefix = ""
    compress = False

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(f"{self.prefix}/"):
            return str(Path(self.directory) / "no such file")
        return super().translate_path(path[len(self.prefix) :])

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serving(root: Path, prefix: str = "", compress: bool = False) -> Iterator[str]:
    """Serve ``root`` at http://127.0.0.1:<free port><prefix>/ for the duration of the block."""
    handler_class = type("Handler", (_SiteHandler,), {"prefix": prefix, "compress": compress})
    handler = functools.partial(handler_class, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# Runs queries through Material's own search worker with the index the page itself would load,
# so every code can be checked quickly against the real search engine and the real index.
RUN_QUERIES = """
async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(config.search);
  const ask = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const answers = {};
  for (const query of queries) {
    const result = await ask({type: 2, data: query});
    answers[query] = result.data.items.flat()
      .sort((a, b) => b.score - a.score)
      .map((item) => new URL(item.location, base).pathname + new URL(item.location, base).hash);
  }
  worker.terminate();
  return answers;
}
"""

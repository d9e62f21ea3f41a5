"""deploy/nginx.conf, run by Debian's nginx on 127.0.0.1 and serving the built site; and nginx
as the front proxy of an upstream that resets the connection (the 104 entry's note).

nginx runs as one process in the foreground (`master_process off`: no workers switching to
another user, so it reads pytest's private temporary folders), with its own prefix, pid file and
temporary folders, on a free port of 127.0.0.1, and is stopped after the module's tests.
Missing nginx is a failure, never a skip: tests/install.sh installs it.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import os
import re
import shutil
import socket
import struct
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Site, run_mkdocs_build
from project import free_port

NGINX = "/usr/sbin/nginx"  # Debian's, installed by tests/install.sh
CONFIG = ROOT / "deploy" / "nginx.conf"
FOLDER = "/srv/drf-status"
PREFIX = "/drf-status"
LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
TIMEOUT = 10  # seconds, for every request and for nginx to start or stop


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"deploy/nginx.conf no longer has {old!r} exactly once"
    return text.replace(old, new)


def site_config(root: Path, port: int, location: str) -> str:
    """deploy/nginx.conf with the edits its header asks for: folder, path, and a test address."""
    text = CONFIG.read_text(encoding="utf-8")
    text = replace_once(
        text, "    listen 80;\n    listen [::]:80;\n", f"    listen 127.0.0.1:{port};\n"
    )
    text = replace_once(text, f"root {FOLDER};", f"root {root};")
    text = replace_once(text, f"alias {FOLDER}/;", f"alias {root}/;")
    return replace_once(text, "location / {  # PATH", f"location {location} {{  # PATH")


def main_config(prefix: Path) -> str:
    """The rest of an nginx.conf, as Debian's includes the site in its http block."""
    temporary = "\n".join(
        f"    {name}_temp_path {prefix / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""events {{
    worker_connections 64;
}}
http {{
    include mime.types;
    default_type application/octet-stream;
    access_log off;
{temporary}
    include site.conf;
}}
"""


@contextlib.contextmanager
def running_nginx(root: Path, prefix: Path, location: str = "/") -> Iterator[str]:
    with nginx_serving(prefix, lambda port: site_config(root, port, location)) as url:
        yield url


@contextlib.contextmanager
def nginx_serving(prefix: Path, site: Callable[[int], str]) -> Iterator[str]:
    """nginx with the site configuration ``site`` makes for a free port, until the block ends;
    its error log is ``prefix / "nginx.log"``."""
    assert Path(NGINX).exists(), f"{NGINX} is missing: run tests/install.sh, which installs nginx"
    prefix.mkdir(parents=True)
    shutil.copy("/etc/nginx/mime.types", prefix / "mime.types")
    port = free_port()
    (prefix / "site.conf").write_text(site(port), encoding="utf-8")
    (prefix / "nginx.conf").write_text(main_config(prefix), encoding="utf-8")
    command = [NGINX, "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf")]
    directives = f"daemon off; master_process off; pid {prefix / 'nginx.pid'}; error_log stderr;"
    check = subprocess.run(
        [*command, "-t", "-g", directives], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert check.returncode == 0, check.stderr
    log = (prefix / "nginx.log").open("w", encoding="utf-8")
    server = subprocess.Popen([*command, "-g", directives], stderr=log, stdout=log)
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            assert server.poll() is None, (prefix / "nginx.log").read_text(encoding="utf-8")
            with socket.socket() as probe:
                probe.settimeout(1)
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline, "nginx did not start listening"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()  # SIGTERM: nginx's fast shutdown
        try:
            server.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=TIMEOUT)
        log.close()


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    def text(self) -> str:
        data = self.body
        if self.headers.get("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        return data.decode("utf-8")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # report redirects as they are


OPENER = urllib.request.build_opener(_NoRedirects)


def get(url: str, *, gzip_ok: bool = False) -> Response:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {"Accept-Encoding": "identity"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - nginx on 127.0.0.1
    try:
        with OPENER.open(request, timeout=TIMEOUT) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(error.code, error.headers, error.read())


@pytest.fixture(scope="module")
def nginx(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The session's site, at the root of the host."""
    with running_nginx(site.root, tmp_path_factory.mktemp("nginx") / "prefix") as url:
        yield url


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("nginx-subpath-site")
    result = run_mkdocs_build(ROOT, site_dir, site_url=f"https://example.org{PREFIX}/")
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="module")
def nginx_subpath(subpath_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site built for https://example.org/drf-status/, at that path of the host."""
    prefix = tmp_path_factory.mktemp("nginx-subpath") / "prefix"
    with running_nginx(subpath_site, prefix, f"{PREFIX}/") as url:
        yield f"{url}{PREFIX}"


def hashed_assets(root: Path) -> list[str]:
    """Material's fingerprinted files, the ones a page loads, as site paths."""
    names = [
        *root.glob("assets/javascripts/bundle.*.min.js"),
        *root.glob("assets/javascripts/workers/search.*.min.js"),
        *root.glob("assets/stylesheets/*.min.css"),
    ]
    assert len(names) == 4, names  # bundle, search worker, main and palette stylesheets
    return [path.relative_to(root).as_posix() for path in names]


def test_class_page_is_gzipped_when_asked(nginx: str, site: Site) -> None:
    page = site.page("zh", "4xx/index.html").read_text(encoding="utf-8")
    zipped = get(f"{nginx}/4xx/", gzip_ok=True)
    assert zipped.status == 200
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert zipped.headers["Content-Type"] == "text/html; charset=utf-8"
    assert zipped.headers["Cache-Control"] == SHORT
    assert zipped.text() == page
    assert len(zipped.body) < len(page.encode("utf-8")) / 3
    plain = get(f"{nginx}/en/4xx/")
    assert plain.status == 200 and "Content-Encoding" not in plain.headers
    assert plain.text() == site.page("en", "4xx/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("codes.json", "application/json; charset=utf-8"),
        ("codes.csv", "text/csv; charset=utf-8"),
        ("sitemap.xml", "text/xml; charset=utf-8"),
        ("search/search_index.json", "application/json; charset=utf-8"),
        ("assets/images/favicon.svg", "image/svg+xml; charset=utf-8"),
        ("assets/stylesheets/site.css", "text/css; charset=utf-8"),
        ("assets/javascripts/site.js", "application/javascript; charset=utf-8"),
        ("assets/javascripts/workers/site-search.js", "application/javascript; charset=utf-8"),
    ],
)
def test_text_files_have_their_type_and_are_gzipped(
    nginx: str, site: Site, path: str, content_type: str
) -> None:
    response = get(f"{nginx}/{path}", gzip_ok=True)
    assert response.status == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Cache-Control"] == SHORT  # no hash in the name: it may change
    expected = (site.root / path).read_bytes()
    if len(expected) >= 256:  # gzip_min_length: smaller files are not worth it
        assert response.headers["Content-Encoding"] == "gzip"
    assert response.text() == expected.decode("utf-8")


def test_fingerprinted_assets_are_cached_for_a_year(nginx: str, site: Site) -> None:
    for path in hashed_assets(site.root):
        response = get(f"{nginx}/{path}", gzip_ok=True)
        assert response.status == 200, path
        assert response.headers["Cache-Control"] == LONG, path
        assert response.headers["Content-Encoding"] == "gzip", path
    # The pages load exactly these, so a new build (new names) is picked up at once.
    page = site.page("zh", "4xx/index.html").read_text(encoding="utf-8")
    for path in hashed_assets(site.root):
        if "workers/" not in path:  # the worker is named in the page's settings, not a tag
            assert f'"../{path}"' in page, path


@pytest.mark.parametrize(
    ("path", "target"), [("/409/", "../4xx/#http_409"), ("/en/409/", "../4xx/#http_409")]
)
def test_short_links_just_work(nginx: str, path: str, target: str) -> None:
    response = get(f"{nginx}{path}")
    assert response.status == 200
    assert f'content="0; url={target}"' in response.text()
    without_slash = get(f"{nginx}{path.rstrip('/')}")
    assert without_slash.status == 301
    assert without_slash.headers["Location"] == path  # relative: keeps the browser's host


@pytest.mark.parametrize("path", ["/nope/", "/en/nope/", "/en/a/b/c.html", "/4xx/nope"])
def test_missing_paths_get_the_root_404_page(nginx: str, site: Site, path: str) -> None:
    response = get(f"{nginx}{path}", gzip_ok=True)
    assert response.status == 404
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.text() == (site.root / "404.html").read_text(encoding="utf-8")


def test_subpath_pages_and_short_links(nginx_subpath: str, subpath_site: Path) -> None:
    for path, file in [
        ("/", "index.html"),
        ("/4xx/", "4xx/index.html"),
        ("/en/4xx/", "en/4xx/index.html"),
        ("/409/", "409/index.html"),
        ("/en/409/", "en/409/index.html"),
    ]:
        response = get(f"{nginx_subpath}{path}", gzip_ok=True)
        assert response.status == 200, path
        assert response.text() == (subpath_site / file).read_text(encoding="utf-8"), path
    for path in hashed_assets(subpath_site):
        assert get(f"{nginx_subpath}/{path}").headers["Cache-Control"] == LONG, path


@pytest.mark.parametrize("path", ["/nope/", "/en/nope/", "/en/a/b/c"])
def test_subpath_missing_paths_get_a_working_404_page(
    nginx_subpath: str, subpath_site: Path, path: str
) -> None:
    response = get(f"{nginx_subpath}{path}")
    assert response.status == 404
    text = response.text()
    assert text == (subpath_site / "404.html").read_text(encoding="utf-8")
    assert f'("{PREFIX}/en/", ' in text  # the script compares the path with the English root
    # Everything the page loads is addressed from the host's root, under the sub-path, and exists.
    soup = BeautifulSoup(text, "html.parser")
    urls = [tag.get("href") or tag.get("src") for tag in soup.select("link[href], script[src]")]
    loaded = [url for url in urls if not re.match(r"https?://", url)]
    assert len(loaded) >= 5, loaded
    host = nginx_subpath.removesuffix(PREFIX)
    for url in loaded:
        assert url.startswith(f"{PREFIX}/"), url
        assert get(f"{host}{url}").status == 200, url


def test_a_reset_upstream_is_a_502_and_errno_104_in_the_log(tmp_path: Path) -> None:
    """104 (wild): the "104" of "(104: Connection reset by peer)" in a proxy's log is Linux's
    ECONNRESET, not this status; nginx answers a reset from its upstream with 502."""
    assert errno.ECONNRESET == 104
    assert os.strerror(errno.ECONNRESET) == "Connection reset by peer"
    with socket.socket() as upstream:
        upstream.bind(("127.0.0.1", 0))
        upstream.listen()
        port = upstream.getsockname()[1]

        def reset_every_connection() -> None:
            while True:
                try:
                    connection, _ = upstream.accept()
                except OSError:
                    return  # the test is over and closed the socket
                connection.recv(65536)
                # Linger on with a zero timeout: close sends RST instead of FIN.
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                connection.close()

        threading.Thread(target=reset_every_connection, daemon=True).start()

        def proxy(listen: int) -> str:
            return (
                f"server {{\n    listen 127.0.0.1:{listen};\n"
                f"    location / {{ proxy_pass http://127.0.0.1:{port}; }}\n}}\n"
            )

        with nginx_serving(tmp_path / "nginx", proxy) as url:
            answer = get(f"{url}/api/items/")
        log = (tmp_path / "nginx" / "nginx.log").read_text(encoding="utf-8")
    assert answer.status == 502
    assert "(104: Connection reset by peer)" in log, log

"""Measure the site: build cost, page weight, search speed and Lighthouse scores, in one table.

Run with `bash tests/benchmarks/run.sh`. Every figure is taken in this one run on this machine;
the script fails only when it cannot measure something, never because a target is missed.
"""

from __future__ import annotations

import contextlib
import copy
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from project import (  # noqa: E402
    CHROMIUM,
    ROOT,
    RUN_QUERIES,
    copy_project,
    mkdocs_env,
    serving,
    start_serve,
)

sys.path.insert(0, str(ROOT / "hooks"))

import exchange_data  # noqa: E402
import exchange_render  # noqa: E402
import jieba_dict  # noqa: E402
import site_urls  # noqa: E402
import status_hooks  # noqa: E402
import status_table  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
RUNS = {"builds": 7, "lighthouse": 3, "search": 10, "ready": 5}


@dataclass
class Figure:
    name: str
    value: str
    target: str = ""
    met: bool | None = None


FIGURES: list[Figure] = []


def report(name: str, value: str, target: str = "", met: bool | None = None) -> None:
    FIGURES.append(Figure(name, value, target, met))
    print(f"  {name}: {value}", file=sys.stderr, flush=True)


# --- projects and builds ---------------------------------------------------------------------


def profiled_build(project: Path) -> dict[str, float]:
    site = project / "site-profiled"
    result = subprocess.run(
        [sys.executable, str(HERE / "profile_build.py"), str(project), str(site)],
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# The files a floor project writes after MkDocs, as the hook does (add_written_files).
WRITTEN = "written"


def timed_build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=project,
        env=mkdocs_env(),
        check=True,
        capture_output=True,
    )
    if (project / WRITTEN).is_dir():
        shutil.copytree(project / WRITTEN, site, dirs_exist_ok=True, copy_function=link_or_copy)
    return time.perf_counter() - start


def link_or_copy(source: str, target: str) -> None:
    """A hard link, as the hook's short links are (hooks/short_links.py), or else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def drop_jieba_caches() -> None:
    """jieba keeps a prepared copy of each dictionary it loaded, one file per dictionary path."""
    for cache in Path(tempfile.gettempdir()).glob("jieba*.cache"):
        cache.unlink(missing_ok=True)


def scale_table(project: Path) -> int:
    """Fill every code from 100 to 599 that the table lacks with synthetic, valid entries.

    They are codes met in the wild (a `wild` block, on the appendix page): the build checks every
    DRF entry against the installed DRF, which has no such constants. Each copies 409's texts,
    terms included, so it costs what a real entry costs to render and index."""
    path = project / "docs" / "codes.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    template = next(entry for entry in entries if entry.get("code") == 409)
    present = {entry["code"] for entry in entries}
    for code in range(100, 600):
        if code in present:
            continue
        entry = {
            "code": code,
            "wild": {"source": "a synthetic benchmark", "constant": f"HTTP_{code}_SYNTHETIC"},
            "spec": template["spec"],
            "related": [409],
            "zh": {**copy.deepcopy(template["zh"]), "title": f"合成状态码{code}"},
            "en": {**copy.deepcopy(template["en"]), "title": f"Synthetic {code}"},
        }
        entries.append(entry)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    return len(entries)


def floor_project(project: Path, dictionary: Path, full_site: Path) -> Path:
    """The same site with the generated Markdown written into the pages and the hook removed:
    what MkDocs, Material and mkdocs-static-i18n cost on their own. It gets the same cut jieba
    dictionary the full build derives (``dictionary``), as a file in mkdocs.yml, so that the
    comparison is of the hook's work, not of jieba's full dictionary. The files the hook writes
    after the build (``full_site`` has them) are linked in after MkDocs (add_written_files)."""
    docs = project / "docs"
    records = tuple(status_table.load_table(docs / "codes.yml"))
    exchanges = exchange_data.load(docs, records, project / ".cache")
    for page in sorted(docs.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        language = "en" if page.name.endswith(".en.md") else "zh"
        text = exchange_render.embed(text, exchanges, language, page.name)
        match = re.match(r"---\n(.*?)\n---\n", text, re.S)
        meta = (yaml.safe_load(match.group(1)) or {}) if match else {}
        generated = status_hooks.generated_markdown(meta, records, language, page.name, exchanges)
        if generated is not None and match:
            meta.pop("status_class", None)
            meta.pop("generated", None)
            front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta else ""
            text = f"{front}{text[match.end() :].rstrip()}\n\n{generated}"
        page.write_text(text, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = config.replace("  - search:\n", f"  - search:\n      jieba_dict: {dictionary}\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    add_written_files(project, full_site)
    return project


def add_written_files(project: Path, full_site: Path) -> None:
    """Every file of the full site that a build without the hook lacks (the short links, one
    folder per code and language, the export, the English 404 page and search index) is kept
    in the floor project's ``written/``, and timed_build links them into the site after
    MkDocs, as the hook links its short links: the floor writes the same files in the same way.
    Creating a thousand folders costs this disk up to half a second; that is the cost of the
    site's output, which a floor without them left out, not of the hook's work."""
    bare = project / "site-bare"
    timed_build(project, bare)
    for relative in files_lacking(bare, full_site):
        target = project / WRITTEN / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(full_site / relative, target)
    timed_build(project, bare)
    missing = [str(relative) for relative in files_lacking(bare, full_site)]
    if missing:
        sys.exit(f"the floor build lacks {len(missing)} files of the full site: {missing[:5]}")
    shutil.rmtree(bare)


def files_lacking(site: Path, full_site: Path) -> list[Path]:
    """The files of ``full_site`` that ``site`` lacks, relative to both."""
    return [
        path.relative_to(full_site)
        for path in sorted(full_site.rglob("*"))
        if path.is_file() and not (site / path.relative_to(full_site)).exists()
    ]


def derived_dictionary(project: Path, site: Path) -> Path:
    """The cut jieba dictionary for a built site's Chinese pages, as the hook derives it."""
    pages = [
        path.read_text(encoding="utf-8")
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] != "en"
    ]
    return jieba_dict.dictionary_for(jieba_dict.han_runs(pages), project / ".cache")


# --- the browser --------------------------------------------------------------------------------


@contextlib.contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        try:
            yield chromium
        finally:
            chromium.close()


# --- the figures -----------------------------------------------------------------------------


def percent(part: float, whole: float) -> str:
    return f"{part / whole * 100:.1f} %"


def alternating_builds(builds: dict[str, Path], work: Path, runs: int) -> dict[str, list[float]]:
    """Wall times of each project's builds, taking turns so that drift hits all of them alike:
    the i-th time of every project is from the same round."""
    times: dict[str, list[float]] = {name: [] for name in builds}
    for _ in range(runs):
        for name, project in builds.items():
            times[name].append(timed_build(project, work / f"site-{name}"))
    return times


def paired_ratio(builds: list[float], floors: list[float]) -> float:
    """The median of each round's build / floor ratio. This host's other tenants move single
    builds by a fifth either way, in spells of seconds that the two builds of one round mostly
    share; a spell that hits only one of them makes one round's ratio an outlier, which the
    median leaves out, where it would move the ratio of two medians."""
    return statistics.median(build / floor for build, floor in zip(builds, floors, strict=True))


def measure_build(work: Path) -> None:
    project = copy_project(work / "today")
    profiled_build(project)  # warm jieba's cache and the OS's file cache
    today = profiled_build(project)
    share = today["hooks"] / today["total"]
    report("hook share of a full build (profiled)", percent(today["hooks"], today["total"]),
           "≤ 5 %", share <= 0.05)  # fmt: skip

    scaled = copy_project(work / "scaled")
    entries = scale_table(scaled)
    big = profiled_build(scaled)
    big_share = big["hooks"] / big["total"]
    report(f"hook share, table scaled to {entries} entries", percent(big["hooks"], big["total"]),
           "≤ 10 %", big_share <= 0.10)  # fmt: skip

    jieba_share = today["jieba"] / today["total"]
    report("jieba share, warm cache", percent(today["jieba"], today["total"]), "≤ 15 %",
           jieba_share <= 0.15)  # fmt: skip
    drop_jieba_caches()
    cold = profiled_build(project)
    report("jieba share, cold cache", percent(cold["jieba"], cold["total"]))

    # All four builds take turns, so that every ratio compares builds of the same moments.
    timed_build(project, work / "site-full")
    timed_build(scaled, work / "site-scaled")
    scaled_floor = floor_project(
        copy_project(work / "scaled-floor", source=scaled),
        derived_dictionary(scaled, work / "site-scaled"),
        work / "site-scaled",
    )
    builds = {
        "full": project,
        "floor": floor_project(
            copy_project(work / "floor"),
            derived_dictionary(project, work / "site-full"),
            work / "site-full",
        ),
        "scaled": scaled,
        "scaled-floor": scaled_floor,
        # The floor as it was measured before, without the files the hook writes.
        "scaled-floor-unwritten": copy_project(work / "scaled-floor-unwritten", scaled_floor),
    }
    runs = alternating_builds(builds, work, RUNS["builds"])
    times = {name: statistics.median(values) for name, values in runs.items()}
    fastest = {name: min(values) for name, values in runs.items()}
    full, bare = times["full"], times["floor"]
    report(f"full build, median wall time of {RUNS['builds']}", f"{full:.2f} s")
    report("floor build (no hook, the hook's files linked in), median wall time", f"{bare:.2f} s")
    today = paired_ratio(runs["full"], runs["floor"])
    report(f"floor ratio, median of the {RUNS['builds']} rounds' ratios", f"{today:.2f}", "≤ 1.10",
           today <= 1.10)  # fmt: skip
    report("floor ratio of the medians; of the fastest builds",
           f"{full / bare:.2f}; {fastest['full']:.2f} s / {fastest['floor']:.2f} s = "
           f"{fastest['full'] / fastest['floor']:.2f}")  # fmt: skip

    # The same at scale, with the floor beside it: how much of the growth MkDocs, Material and
    # mkdocs-static-i18n bring on their own, with no hook at all.
    ratio = times["scaled"] / full
    report(f"build time at {entries} entries / today (median wall time)",
           f"{times['scaled']:.2f} s / {full:.2f} s = {ratio:.2f}×")  # fmt: skip
    floor_growth = times["scaled-floor"] / bare
    report(f"floor build at {entries} entries / floor today",
           f"{times['scaled-floor']:.2f} s / {bare:.2f} s = {floor_growth:.2f}×")  # fmt: skip
    scaled = paired_ratio(runs["scaled"], runs["scaled-floor"])
    report(f"floor ratio at {entries} entries, median of the rounds' ratios", f"{scaled:.2f}",
           "≤ 1.10", scaled <= 1.10)  # fmt: skip
    big, big_floor = fastest["scaled"], fastest["scaled-floor"]
    report(f"floor ratio at {entries} entries of the medians; of the fastest builds",
           f"{times['scaled'] / times['scaled-floor']:.2f}; "
           f"{big:.2f} s / {big_floor:.2f} s = {big / big_floor:.2f}")  # fmt: skip
    unwritten = times["scaled-floor-unwritten"]
    linking = times["scaled-floor"] - unwritten
    report(f"floor ratio at {entries} entries, floor without the files the hook writes",
           f"{times['scaled']:.2f} s / {unwritten:.2f} s = {times['scaled'] / unwritten:.2f}"
           f" (linking those files in takes the floor {linking:.2f} s)")  # fmt: skip


def measure_serve(work: Path, chromium: Any) -> None:
    project = copy_project(work / "serve")
    server, port = start_serve(project)
    try:
        page = chromium.new_page()
        deadline = time.monotonic() + 120
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/4xx/")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        table = project / "docs" / "codes.yml"
        text = table.read_text(encoding="utf-8")
        start = time.perf_counter()
        table.write_text(text.replace("    title: 冲突\n", "    title: 冲突改\n", 1), "utf-8")
        page.wait_for_function(
            "() => document.getElementById('http_409')?.innerText.startsWith('409 冲突改')",
            timeout=120_000,
        )
        seconds = time.perf_counter() - start
        report("mkdocs serve: table saved → page shows it", f"{seconds:.2f} s", "≤ 2 s",
               seconds <= 2)  # fmt: skip
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


SEARCH_ASSETS = ("search_index.json", "/workers/", "/lunr/")

TIMING = """
(() => {
  // Record when Material's search worker reports that its index is ready (message type 1).
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === 1 && window.__searchReady === undefined)
          window.__searchReady = performance.now();
      });
    }
  };
})();
"""

# Armed before a query is typed: resolves with the time from the keyup that Material searches on
# to the moment the first result is in the list (-1 if none appears within 5 seconds).
ARM_FIRST_RESULT = """
() => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__firstResult = new Promise((resolve) => {
    let start;
    const onKeyup = () => { start = performance.now(); };
    input.addEventListener("keyup", onKeyup, {capture: true, once: true});
    const observer = new MutationObserver(() => {
      if (start !== undefined && list.children.length) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(list, {childList: true});
    setTimeout(() => resolve(-1), 5000);
  });
}
"""


def first_result_ms(page: Any, query: str) -> float:
    page.evaluate(ARM_FIRST_RESULT)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    elapsed = page.evaluate("window.__firstResult")
    if elapsed < 0:
        raise RuntimeError(f"no search result for {query!r}")
    return elapsed


def search_ready_ms(chromium: Any, url: str) -> float:
    """Milliseconds from navigation until Material's search worker reports its index ready."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.add_init_script(TIMING)
        page.goto(url)
        page.wait_for_function("() => window.__searchReady !== undefined", timeout=30_000)
        return page.evaluate("window.__searchReady")
    finally:
        context.close()


def measure_pages(site: Path, chromium: Any) -> None:
    with serving(site) as url:
        for prefix in ("", "en/"):
            context = chromium.new_context()
            page = context.new_page()
            bodies: dict[str, bytes] = {}
            page.on("response", lambda r, b=bodies: b.setdefault(r.url, r.body()) if r.ok else None)
            page.add_init_script(TIMING)
            page.goto(f"{url}/{prefix}4xx/")
            page.wait_for_load_state("networkidle")
            page.wait_for_function("() => window.__searchReady !== undefined", timeout=30_000)
            html = (site / prefix / "4xx" / "index.html").read_bytes()
            index = (site / prefix / "search" / "search_index.json").read_bytes()
            page_only = [b for u, b in bodies.items() if not any(s in u for s in SEARCH_ASSETS)]
            label = f"/{prefix}4xx/"
            report(f"{label} HTML, raw / gzip", f"{kb(len(html))} / {kb(gz(html))}",
                   "≤ 25 KB gzip", gz(html) <= 25 * 1024)  # fmt: skip
            loaded = sum(gz(b) for b in page_only)
            report(f"{label} everything loaded before search opens, raw / gzip",
                   f"{kb(sum(len(b) for b in page_only))} / {kb(loaded)}",
                   "≤ 85 KB gzip", loaded <= 85 * 1024)  # fmt: skip
            report(f"{label} search index, raw / gzip", f"{kb(len(index))} / {kb(gz(index))}",
                   "≤ 50 KB gzip", gz(index) <= 50 * 1024)  # fmt: skip
            # Each navigation in a fresh context, so nothing is cached; the median, because a
            # single page load on a shared 2-core machine varies by a tenth of a second. A short
            # page of the same site takes turns with it: what Material needs before any index.
            readies: dict[str, list[float]] = {"4xx": [], "export": []}
            for _ in range(RUNS["ready"]):
                for name, samples in readies.items():
                    samples.append(search_ready_ms(chromium, f"{url}/{prefix}{name}/"))
            ready = statistics.median(readies["4xx"])
            short = statistics.median(readies["export"])
            report(f"{label} search index ready after navigation, median of {RUNS['ready']}",
                   f"{ready / 1000:.3f} s")  # fmt: skip
            report(f"/{prefix}export/ (a short page of the same site) search index ready",
                   f"{short / 1000:.3f} s")  # fmt: skip
            report(f"{label} index ready after the short page's",
                   f"{(ready - short) / 1000:+.3f} s", "≤ +0.150 s",
                   ready - short <= 150)  # fmt: skip
            page.locator("input.md-search__input").click()
            queries = ["409", "HTTP_404_NOT_FOUND", "Conflict", "Too Many Requests", "Gone"]
            times = [
                first_result_ms(page, queries[i % len(queries)]) for i in range(RUNS["search"])
            ]
            first = statistics.median(times)
            report(f"{label} keyup → first result, median of {len(times)}", f"{first:.1f} ms",
                   "≤ 25 ms", first <= 25)  # fmt: skip
            context.close()


HELD_OUT = ROOT / "tests" / "search_queries" / "heldout"


def measure_held_out(site: Path, chromium: Any) -> None:
    """The held-out queries through Material's own worker, as tests/test_search_quality.py runs
    the development sets: how search does on queries nobody chose terms for."""
    records = status_table.load_table(ROOT / "docs" / "codes.yml")
    by_code = {record.code: record for record in records}
    with serving(site) as url:
        for prefix, language in (("", "zh"), ("en/", "en")):
            entries = yaml.safe_load((HELD_OUT / f"{language}.yml").read_text(encoding="utf-8"))
            context = chromium.new_context()
            page = context.new_page()
            page.goto(f"{url}/{prefix}")
            answers = page.evaluate(RUN_QUERIES, [entry["query"] for entry in entries])
            context.close()
            first = 0
            for entry in entries:
                targets = {
                    f"/{prefix}{site_urls.page_name(by_code[code])}/#{by_code[code].anchor}"
                    for code in entry["codes"]
                }
                found = answers[entry["query"]]
                first += bool(found) and found[0] in targets
            share = first / len(entries)
            report(f"held-out queries, {language}: an acceptable code first",
                   f"{first}/{len(entries)} = {share:.1%}", "≥ 90 %", share >= 0.9)  # fmt: skip


def lighthouse(url: str, preset: str, out: Path, attempts: int = 2) -> dict[str, float]:
    """One Lighthouse run's category scores. A run that crashes or leaves a category unscored is
    tried once more (Chromium on a loaded 2-core machine occasionally fails to start in time);
    a second failure means the figure cannot be measured, and the benchmark stops."""
    args = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox"]  # fmt: skip
    if preset == "desktop":
        args.append("--preset=desktop")
    problem = ""
    for _ in range(attempts):
        out.unlink(missing_ok=True)  # never read an earlier run's report
        try:
            result = subprocess.run(args, env={**os.environ, "CHROME_PATH": CHROMIUM},
                                    capture_output=True, text=True, timeout=300)  # fmt: skip
        except subprocess.TimeoutExpired:
            problem = "no report within 300 s"
            continue
        if result.returncode != 0 or not out.is_file():
            problem = f"exit code {result.returncode}: {result.stderr.strip()[-2000:]}"
            continue
        categories = json.loads(out.read_text(encoding="utf-8"))["categories"]
        scores = {name: category["score"] for name, category in categories.items()}
        if all(isinstance(score, (int, float)) for score in scores.values()):
            return {name: score * 100 for name, score in scores.items()}
        problem = f"unscored categories: {scores}"
    raise RuntimeError(f"Lighthouse could not measure {url} ({preset}): {problem}")


def measure_lighthouse(site: Path, work: Path) -> None:
    names = ["performance", "accessibility", "best-practices", "seo"]
    with serving(site, compress=True) as url:
        for path in ("/4xx/", "/en/4xx/"):
            for preset in ("mobile", "desktop"):
                runs = [lighthouse(f"{url}{path}", preset, work / f"lh-{i}.json")
                        for i in range(RUNS["lighthouse"])]  # fmt: skip
                scores = {name: statistics.median(run[name] for run in runs) for name in names}
                perf_target = 100 if preset == "desktop" else 98
                met = scores["performance"] >= perf_target and all(
                    scores[name] == 100 for name in names[1:]
                )
                value = " / ".join(f"{scores[name]:.0f}" for name in names)
                report(f"Lighthouse {path} {preset}: perf / a11y / best practices / SEO", value,
                       f"{perf_target} / 100 / 100 / 100", met)  # fmt: skip
        # For reference: a class page with 5 codes instead of 30, same template and assets.
        runs = [lighthouse(f"{url}/1xx/", "mobile", work / f"lh-{i}.json")
                for i in range(RUNS["lighthouse"])]  # fmt: skip
        perf = statistics.median(run["performance"] for run in runs)
        report("Lighthouse /1xx/ (5 codes, for reference) mobile: perf", f"{perf:.0f}")


def print_table() -> None:
    print("| figure | value | target | met |")
    print("|---|---|---|---|")
    for f in FIGURES:
        met = "" if f.met is None else ("yes" if f.met else "NO")
        print(f"| {f.name} | {f.value} | {f.target} | {met} |")


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop: the same machine runs up to a fifth slower at busy
    times, so this puts the timings of two runs side by side."""
    start = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - start


def main() -> None:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", file=sys.stderr)
    report("machine speed: 10⁷ additions in pure Python (lower is faster)",
           f"{min(machine_speed() for _ in range(3)):.2f} s")  # fmt: skip
    # Groups of figures: all of them by default, or those named, e.g. `bench.py pages`.
    groups = set(sys.argv[1:]) or {"build", "serve", "pages", "lighthouse"}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if "build" in groups:
            print("build figures…", file=sys.stderr)
            measure_build(work)
        # The site that pages and Lighthouse measure: the project as it is, built on its own.
        site = work / "site-measured"
        timed_build(copy_project(work / "measured"), site)
        with browser() as chromium:
            if "serve" in groups:
                print("mkdocs serve…", file=sys.stderr)
                measure_serve(work, chromium)
            if "pages" in groups:
                print("page weight and search…", file=sys.stderr)
                measure_pages(site, chromium)
                measure_held_out(site, chromium)
        if "lighthouse" in groups:
            print("Lighthouse…", file=sys.stderr)
            measure_lighthouse(site, work)
    print_table()


if __name__ == "__main__":
    main()

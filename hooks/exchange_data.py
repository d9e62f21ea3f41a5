"""The real exchanges and messages the site shows: read, validated, produced by running DRF.

``docs/exchanges.yml`` declares scenarios (a request against the small DRF project in
``hooks/drf_exchanges``) and ``docs/messages.yml`` the messages DRF puts in responses. Both are
validated like the code table (every problem at once, naming file, entry and field). The scenarios
then run in a separate Python process (``drf_exchanges/run.py``), and the answer is cached under
``.cache/`` keyed by everything that can change it: the scenario and message declarations (not
their captions or causes), the demonstration project's code, and the installed versions. A prose
edit therefore never re-runs anything, and nothing the build shows is typed by hand.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from status_table import (
    LANGUAGES,
    DrfCode,
    SafeLoader,
    StatusCode,
    TableError,
    _Entry,
    read_source,
)

RUNNER = Path(__file__).with_name("drf_exchanges") / "run.py"
# LANGUAGE_CODE per language of the site: what the pages say produced each body.
LANGUAGE_CODES = {"zh": "zh-hans", "en": "en-us"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
METHODS = re.compile(r"^[A-Z]+$")
LOGINS = ("session", "token", "staff-token")
SCENARIO_FIELDS = (
    "id",
    "status",
    "codes",
    "caption",
    "request",
    "settings",
    "login",
    "before",
    "show_body",
)
REQUEST_FIELDS = ("method", "path", "host", "headers", "body", "content_length")
MESSAGE_SOURCES = ("attribute", "exception", "msgid", "scenario")
MESSAGE_FIELDS = (
    "id",
    "codes",
    "cause",
    *MESSAGE_SOURCES,
    "args",
    "module",
    "pointer",
    "percent",
    "format",
)


@dataclass(frozen=True)
class Exchange:
    """One request and the response DRF and Django sent, in one language."""

    status: int
    request: str
    status_line: str
    headers: tuple[tuple[str, str], ...]
    body: str

    @property
    def response(self) -> str:
        lines = [self.status_line, *(f"{name}: {value}" for name, value in self.headers)]
        return "\n".join(lines) + ("\n\n" + self.body.rstrip("\n") if self.body else "")


@dataclass(frozen=True)
class Scenario:
    id: str
    status: int
    codes: tuple[int, ...]
    caption: Mapping[str, str]
    job: Mapping[str, Any]  # what the runner needs, as declared
    exchanges: Mapping[str, Exchange]

    @property
    def anchor(self) -> str:
        return f"ex-{self.id}"


@dataclass(frozen=True)
class Message:
    id: str
    codes: tuple[int, ...]
    cause: Mapping[str, str]
    text: Mapping[str, str]  # as the installed DRF says it, per language of the site


@dataclass(frozen=True)
class Exchanges:
    scenarios: tuple[Scenario, ...]
    messages: tuple[Message, ...]
    versions: Mapping[str, str]

    def by_id(self) -> dict[str, Scenario]:
        return {scenario.id: scenario for scenario in self.scenarios}

    def for_code(self, code: int) -> list[Scenario]:
        return [scenario for scenario in self.scenarios if code in scenario.codes]


def _load_yaml(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.load(read_source(path), Loader=SafeLoader)  # noqa: S506 - SafeLoader only
    except yaml.YAMLError as error:
        raise TableError(path, [f"YAML syntax error: {error}"]) from None
    if not isinstance(data, list) or not data:
        raise TableError(path, ["expected a non-empty list of entries"])
    return data


def _texts(entry: _Entry, field: str) -> dict[str, str] | None:
    block = entry.mapping(field, entry.value(field), LANGUAGES)
    if block is None:
        return None
    read = {
        lang: entry.text(f"{field}.{lang}", entry.value(f"{field}.{lang}", block))
        for lang in LANGUAGES
    }
    texts = {lang: text for lang, text in read.items() if text is not None}
    return texts if len(texts) == len(LANGUAGES) else None  # a missing one was reported


def _codes(entry: _Entry, known: set[int]) -> tuple[int, ...]:
    def check(field: str, value: Any) -> int | None:
        if not isinstance(value, int) or isinstance(value, bool) or value not in known:
            entry.problem(field, f"{value!r} is not a code in docs/codes.yml")
            return None
        return value

    codes = entry.listing("codes", entry.value("codes"), check)
    if not codes and not any("'codes" in problem for problem in entry.problems):
        entry.problem("codes", "lists no code")
    return codes


def _declarations(
    path: Path,
    kind: str,
    fields: tuple[str, ...],
    check: Callable[[_Entry, dict[str, Any]], dict[str, Any]],
) -> list[dict[str, Any]]:
    """A file's list of declarations, each a mapping of known fields with a unique slug id;
    ``check`` reads the rest of one and returns what to keep of it beside its raw fields."""
    problems: list[str] = []
    kept: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, raw in enumerate(_load_yaml(path), start=1):
        if not isinstance(raw, dict):
            problems.append(f"entry #{index}: expected a mapping")
            continue
        entry = _Entry(raw, index, problems)
        entry.label = f"{kind} {raw.get('id', '')!s} (#{index})"
        before = len(problems)
        for key in raw:
            if key not in fields:
                entry.problem(str(key), "unknown field")
        declared_id = entry.matching("id", entry.value("id"), SLUG, "a lower-case-slug")
        if declared_id in seen:
            entry.problem("id", f"used by an earlier {kind}")
        seen.add(declared_id or "")
        values = check(entry, raw)
        if len(problems) == before:
            kept.append({**raw, **values})
    if problems:
        raise TableError(path, problems)
    return kept


def read_scenarios(path: Path, known: set[int]) -> list[dict[str, Any]]:
    """Validated scenario declarations, as plain mappings for the runner."""

    def check(entry: _Entry, raw: dict[str, Any]) -> dict[str, Any]:
        status = entry.value("status")
        if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
            entry.problem("status", "expected the status code the scenario must return")
        codes = _codes(entry, known)
        caption = _texts(entry, "caption")
        request = entry.mapping("request", entry.value("request"), REQUEST_FIELDS)
        if request is not None:
            _check_request(entry, request)
        if not isinstance(raw.get("settings", {}), dict):
            entry.problem("settings", "expected a mapping of Django setting names to values")
        if raw.get("login") not in (None, *LOGINS):
            entry.problem("login", f"expected one of {', '.join(LOGINS)}")
        if not isinstance(raw.get("before", 0), int) or raw.get("before", 0) < 0:
            entry.problem("before", "expected a number of earlier requests")
        if not isinstance(raw.get("show_body", True), bool):
            entry.problem("show_body", "expected true or false")
        return {"codes": list(codes), "caption": caption}

    return _declarations(path, "scenario", SCENARIO_FIELDS, check)


def _check_request(entry: _Entry, request: dict[str, Any]) -> None:
    entry.matching(
        "request.method",
        entry.value("request.method", request),
        METHODS,
        "an HTTP method in capitals",
    )
    target = entry.text("request.path", entry.value("request.path", request))
    if target is not None and not target.startswith("/"):
        entry.problem("request.path", "must start with /")
    headers = request.get("headers", {})
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        entry.problem("request.headers", "expected a mapping of header names to text")
    if not isinstance(request.get("body", ""), str):
        entry.problem("request.body", "expected text")


def read_messages(path: Path, known: set[int], scenario_ids: set[str]) -> list[dict[str, Any]]:
    """Validated message declarations: where in DRF each message is, its codes and cause."""

    def check(entry: _Entry, raw: dict[str, Any]) -> dict[str, Any]:
        codes = _codes(entry, known)
        cause = _texts(entry, "cause")
        sources = [name for name in MESSAGE_SOURCES if name in raw]
        if len(sources) != 1:
            entry.problem("id", f"needs exactly one of {', '.join(MESSAGE_SOURCES)}")
        elif sources[0] == "msgid" and "module" not in raw:
            entry.problem("module", "missing: the DRF module whose source has the msgid")
        elif sources[0] == "scenario" and raw["scenario"] not in scenario_ids:
            entry.problem("scenario", f"{raw['scenario']!r} is not a scenario")
        return {"codes": list(codes), "cause": cause}

    return _declarations(path, "message", MESSAGE_FIELDS, check)


def facts(records: Iterable[StatusCode]) -> list[dict[str, Any]]:
    """What the table says about DRF, Django and Python, for the runner to check against them."""
    return [
        {
            "code": record.code,
            "constant": record.constant,
            "python": {"3.11": list(record.python.py311), "3.13": list(record.python.py313)},
            "django": list(record.django),
            "django_preserve_request": record.django_preserve_request,
            "drf_exceptions": list(record.drf_exceptions),
            "wrong_names": [wrong.name for wrong in record.wrong_names],
        }
        for record in records
        if isinstance(record, DrfCode)
    ]


def _runner_job(
    scenarios: list[dict[str, Any]],
    messages: list[dict[str, Any]],
    table: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """What the runner is given: the declarations without the prose, and the table's facts."""
    return {
        "facts": table or [],
        "languages": LANGUAGE_CODES,
        "scenarios": [{k: v for k, v in s.items() if k != "caption"} for s in scenarios],
        "messages": [{k: v for k, v in m.items() if k != "cause"} for m in messages],
    }


def _cache_key(job: Mapping[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(job, sort_keys=True).encode())
    for source in sorted(RUNNER.parent.glob("*.py")):
        digest.update(source.read_bytes())
    for version in installed_versions():
        digest.update(version.encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:20]


def installed_versions() -> list[str]:
    """The packages whose behaviour the runner shows, as `name==version`."""
    return [
        f"{package}=={metadata.version(package)}" for package in ("django", "djangorestframework")
    ]


def run(job: Mapping[str, Any]) -> dict[str, Any]:
    """Run the scenarios in a fresh Python process; raise PluginError-like TableError on failure."""
    result = subprocess.run(
        [sys.executable, str(RUNNER)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise TableError(RUNNER, [f"running the scenarios failed:\n{result.stderr.strip()}"])
    answer: dict[str, Any] = json.loads(result.stdout)  # run.py prints one JSON object
    return answer


def cached_run(job: Mapping[str, Any], cache_dir: Path) -> dict[str, Any]:
    path = cache_dir / f"exchanges-{_cache_key(job)}.json"
    if path.is_file():
        cached: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return cached
    answer = run(job)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob("exchanges-*.json"):
        stale.unlink()
    path.write_text(json.dumps(answer, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return answer


def assemble(
    scenarios: list[dict[str, Any]],
    messages: list[dict[str, Any]],
    answer: Mapping[str, Any],
    path: Path,
) -> Exchanges:
    """Typed records from declarations and the runner's answer; a scenario that did not return
    its declared status stops the build (DRF or Django behaves differently from what the page
    around it says)."""
    problems = []
    records = []
    if answer.get("fact_problems"):
        raise TableError(path.with_name("codes.yml"), answer["fact_problems"])
    for scenario in scenarios:
        sent = answer["exchanges"][scenario["id"]]
        exchanges = {
            language: Exchange(
                status=sent[language]["status"],
                request=sent[language]["request"],
                status_line=sent[language]["status_line"],
                headers=tuple((name, value) for name, value in sent[language]["headers"]),
                body=sent[language]["body"],
            )
            for language in LANGUAGES
        }
        for language, exchange in exchanges.items():
            if exchange.status != scenario["status"]:
                problems.append(
                    f"scenario {scenario['id']}, field 'status': declared {scenario['status']}, "
                    f"but DRF answered {exchange.status} ({language})"
                )
        records.append(
            Scenario(
                id=scenario["id"],
                status=scenario["status"],
                codes=tuple(scenario["codes"]),
                caption=scenario["caption"],
                job={k: v for k, v in scenario.items() if k != "caption"},
                exchanges=exchanges,
            )
        )
    if problems:
        raise TableError(path, problems)
    return Exchanges(
        scenarios=tuple(records),
        messages=tuple(
            Message(
                id=message["id"],
                codes=tuple(message["codes"]),
                cause=message["cause"],
                text=answer["messages"][message["id"]],
            )
            for message in messages
        ),
        versions=answer["versions"],
    )


def load(docs_dir: Path, records: Iterable[StatusCode], cache_dir: Path) -> Exchanges:
    """Scenarios and messages, run against DRF (or taken from the cache); the table's facts are
    checked against the installed DRF, Django and Python in the same run."""
    records = list(records)
    known = {record.code for record in records}
    scenarios_path = docs_dir / "exchanges.yml"
    scenarios = read_scenarios(scenarios_path, known)
    messages = read_messages(docs_dir / "messages.yml", known, {s["id"] for s in scenarios})
    answer = cached_run(_runner_job(scenarios, messages, facts(records)), cache_dir)
    return assemble(scenarios, messages, answer, scenarios_path)

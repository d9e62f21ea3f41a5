"""Run the scenarios of docs/exchanges.yml against the real DRF and Django; print what they sent.

The hook runs this in a separate Python process (Django can be set up only once per process, and
`mkdocs serve` keeps its process for every rebuild) and caches the answer. Input on stdin, output
on stdout, both JSON:

    in:  {"scenarios": [...], "messages": [...], "languages": {"en": "en-us", "zh": "zh-hans"}}
    out: {"versions": {...}, "exchanges": {id: {lang: {...}}}, "messages": {id: {lang: text}}}

Each scenario is one request, sent through Django's test client to the project in this folder
with the settings the scenario names, once per language (LANGUAGE_CODE). Nothing is retyped: the
status line, headers and body are what Django handed back.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

HOST = "api.example.com"
# A fixed token and session key, so that every build shows the same exchange.
TOKEN = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"  # noqa: S105 - a demonstration token
STAFF_TOKEN = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"  # noqa: S105 - likewise
SESSION_KEY = "q3w5rdemosession0000000000000000"
# Added by SecurityMiddleware and XFrameOptionsMiddleware to every response; they say nothing
# about the status, so the pages leave them out (and say so).
ALWAYS_ADDED = {
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
}


def setup_django() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "drf_exchanges.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)


def base_data() -> dict[str, Any]:
    """What every scenario starts from: one article, a user with a token, a staff user."""
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    from drf_exchanges.models import Article

    Article.objects.create(title="Hello")
    ada = User.objects.create_user("ada")
    Token.objects.create(user=ada, key=TOKEN)
    staff = User.objects.create_user("grace", is_staff=True)
    Token.objects.create(user=staff, key=STAFF_TOKEN)
    return {"user": ada}


def login_session(user: Any) -> str:
    """A logged-in session under a fixed key (Django would pick a random one)."""
    from datetime import timedelta

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY
    from django.contrib.auth import SESSION_KEY as USER_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    data = {
        USER_KEY: str(user.pk),
        BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
        HASH_SESSION_KEY: user.get_session_auth_hash(),
    }
    Session.objects.create(
        session_key=SESSION_KEY,
        session_data=SessionStore().encode(data),
        expire_date=timezone.now() + timedelta(days=1),
    )
    return f"sessionid={SESSION_KEY}"


def send(scenario: dict[str, Any], client: Any, request_headers: dict[str, str]) -> Any:
    request = scenario["request"]
    body = request.get("body") or ""
    extra: dict[str, str] = {}
    if body and not request.get("content_length", True):
        extra["CONTENT_LENGTH"] = ""  # as a chunked upload arrives: no length given
    return client.generic(
        request["method"],
        request["path"],
        body.encode("utf-8"),
        content_type=request_headers.get("Content-Type", "application/octet-stream"),
        headers={k: v for k, v in request_headers.items() if k != "Content-Type"},
        HTTP_HOST=request.get("host", HOST),
        **extra,
    )


def request_text(scenario: dict[str, Any], headers: dict[str, str]) -> str:
    request = scenario["request"]
    body = request.get("body") or ""
    lines = [
        f"{request['method']} {request['path']} HTTP/1.1",
        f"Host: {request.get('host', HOST)}",
    ]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body and request.get("content_length", True):
        lines.append(f"Content-Length: {len(body.encode('utf-8'))}")
    if body and not request.get("content_length", True):
        lines.append("Transfer-Encoding: chunked")
    return "\n".join(lines) + ("\n\n" + body if body else "")


def response_text(response: Any) -> tuple[str, list[list[str]], str]:
    status = f"HTTP/1.1 {response.status_code} {response.reason_phrase}"
    headers = [[name, value] for name, value in response.headers.items()]
    if response.get("Content-Type", "").startswith(("application/json", "text/")):
        body = response.content.decode("utf-8")
    else:
        body = response.content.decode("utf-8", "replace")
    return status, headers, body


def run_scenario(scenario: dict[str, Any], language_code: str) -> dict[str, Any]:
    from django.core.cache import cache
    from django.db import transaction
    from django.test import Client, override_settings
    from django.utils import translation

    settings = dict(scenario.get("settings") or {})
    with (
        override_settings(LANGUAGE_CODE=language_code, **settings),
        translation.override(language_code),
    ):
        cache.clear()  # throttle history lives in the cache
        try:
            with transaction.atomic():
                data = base_data()
                headers = dict(scenario["request"].get("headers") or {})
                login = scenario.get("login")
                if login == "session":
                    headers["Cookie"] = login_session(data["user"])
                elif login == "token":
                    headers["Authorization"] = f"Token {TOKEN}"
                elif login == "staff-token":
                    headers["Authorization"] = f"Token {STAFF_TOKEN}"
                client = Client(raise_request_exception=False, enforce_csrf_checks=True)
                for _ in range(scenario.get("before", 0)):
                    send(scenario, client, headers)
                response = send(scenario, client, headers)
                raise _Rollback(response, headers)
        except _Rollback as done:
            response, headers = done.response, done.headers
    status, response_headers, body = response_text(response)
    return {
        "status": response.status_code,
        "request": request_text(scenario, headers),
        "status_line": status,
        "headers": [h for h in response_headers if h[0].lower() not in ALWAYS_ADDED],
        "body": body,
    }


class _Rollback(Exception):  # noqa: N818 - control flow, not an error
    """Leaves the scenario's transaction, undoing what it wrote, with its response."""

    def __init__(self, response: Any, headers: dict[str, str]) -> None:
        self.response = response
        self.headers = headers


def resolve(path: str) -> Any:
    """A dotted path into an installed module: attributes, then mapping keys."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            value = value[part] if isinstance(value, dict) else getattr(value, part)
        return value
    raise LookupError(path)


def message_text(message: dict[str, Any], exchanges: dict[str, Any], language: str) -> str:
    from django.utils.translation import gettext
    from rest_framework import exceptions

    if "attribute" in message:
        text = str(resolve(message["attribute"]))
    elif "exception" in message:
        exception = getattr(exceptions, message["exception"])(**message.get("args", {}))
        text = str(exception.detail)
    elif "msgid" in message:
        module = importlib.import_module(message["module"])
        if module.__file__ is None:
            raise LookupError(f"{message['module']} has no source file to look the msgid up in")
        source = Path(module.__file__).read_text(encoding="utf-8")
        if message["msgid"] not in source:
            raise LookupError(f"{message['msgid']!r} is not in {message['module']}")
        text = gettext(message["msgid"])
    else:  # a message that a scenario's response carries
        body = json.loads(exchanges[message["scenario"]][language]["body"])
        for key in message.get("pointer", "detail").split("."):
            body = body[int(key)] if isinstance(body, list) else body[key]
        text = str(body)
    if "percent" in message:
        text = text % str(resolve(message["percent"]))
    if "format" in message:
        text = text.format(**message["format"])
    return text


def fact_problems(facts: list[dict[str, Any]]) -> list[str]:
    """The table's facts against the installed DRF, Django and the running Python."""
    import http

    import django.http
    from rest_framework import exceptions, status

    problems = []
    constants = {name: value for name, value in vars(status).items() if name.startswith("HTTP_")}
    members: dict[int, list[str]] = {}
    for name, member in http.HTTPStatus.__members__.items():
        members.setdefault(member.value, []).append(name)
    column = "3.13" if sys.version_info >= (3, 13) else "3.11"
    for fact in facts:
        entry, code = f"entry {fact['code']}", fact["code"]
        if constants.pop(fact["constant"], None) != code:
            problems.append(
                f"{entry}, field 'constant': rest_framework.status has no "
                f"{fact['constant']} = {code}"
            )
        installed = sorted(
            members.get(code, []),
            key=lambda n: n != http.HTTPStatus(code).name if code in members else 0,
        )
        if fact["python"][column] != installed:
            problems.append(
                f"{entry}, field 'python.{column}': the running Python has "
                f"{installed or 'no member'}"
            )
        for index, name in enumerate(fact["django"]):
            if getattr(getattr(django.http, name, None), "status_code", None) != code:
                problems.append(
                    f"{entry}, field 'django[{index}]': django.http.{name} does not send {code}"
                )
        name = fact["django_preserve_request"]
        if (
            name
            and getattr(getattr(django.http, name, None), "status_code_preserve_request", None)
            != code
        ):
            problems.append(
                f"{entry}, field 'django_preserve_request': django.http.{name} does "
                f"not send {code} with preserve_request=True"
            )
        for index, name in enumerate(fact["drf_exceptions"]):
            if getattr(getattr(exceptions, name, None), "status_code", None) != code:
                problems.append(
                    f"{entry}, field 'drf_exceptions[{index}]': "
                    f"rest_framework.exceptions.{name} has no status_code {code}"
                )
        for index, name in enumerate(fact["wrong_names"]):
            if hasattr(status, name):
                problems.append(f"{entry}, field 'wrong_names[{index}].name': {name} does exist")
    for name, code in constants.items():
        problems.append(f"rest_framework.status.{name} = {code} has no entry")
    return problems


def main() -> None:
    job = json.load(sys.stdin)
    setup_django()
    import django
    import rest_framework
    from django.utils import translation

    languages = job["languages"]
    exchanges: dict[str, dict[str, Any]] = {}
    for scenario in job["scenarios"]:
        exchanges[scenario["id"]] = {
            language: run_scenario(scenario, code) for language, code in languages.items()
        }
    messages: dict[str, dict[str, str]] = {}
    for message in job["messages"]:
        messages[message["id"]] = {}
        for language, code in languages.items():
            with translation.override(code):
                messages[message["id"]][language] = message_text(message, exchanges, language)
    versions = {
        "python": ".".join(map(str, sys.version_info[:3])),
        "django": django.get_version(),
        "djangorestframework": rest_framework.VERSION,
    }
    json.dump(
        {
            "versions": versions,
            "exchanges": exchanges,
            "messages": messages,
            "fact_problems": fact_problems(job["facts"]),
        },
        sys.stdout,
        ensure_ascii=False,
        sort_keys=True,
    )


if __name__ == "__main__":
    main()

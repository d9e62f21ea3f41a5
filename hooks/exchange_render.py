"""Markdown for real exchanges and DRF's messages: small pure functions over exchange_data records.

An exchange is two ``<pre><samp>`` blocks, the request and the response as they went over the
wire, under a caption that says what was set up. Captions and causes are table text, escaped like
the rest (only code spans survive); requests, responses and messages are shown exactly as sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from exchange_data import LANGUAGE_CODES, Exchanges, Message, Scenario
from site_urls import page_name, section_target
from status_render import escape, inline, search_excluded
from status_table import StatusCode
from ui_text import EXCHANGE_LABELS

# A line of its own in a hand-written page asks for a scenario's exchange there.
EMBED = re.compile(r"^:::exchange ([a-z0-9-]+)[ \t]*$", re.M)


# Markup characters of the sent text, as HTML entities; the backtick too, so that no line of a
# body can open a fenced block around the raw HTML.
_SAMPLE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "&#96;"})


def sample_block(text: str) -> str:
    """A request or a response as sent, its first line (request or status line) in bold.

    Sample output, not code: no highlighting and no copy button. Material mounts every
    ``pre > code`` with layout reads and writes, which on a page of 30 codes and 60 exchanges
    costs a phone a third of a second; a ``<samp>`` it leaves alone.
    """
    start, newline, rest = text.translate(_SAMPLE_ESCAPES).partition("\n")
    return f'<pre class="exchange"><samp><strong>{start}</strong>{newline}{rest}</samp></pre>'


def response_text(scenario: Scenario, language: str) -> str:
    exchange = scenario.exchanges[language]
    if scenario.job.get("show_body", True) or not exchange.body:
        return exchange.response
    head = "\n".join([exchange.status_line, *(f"{n}: {v}" for n, v in exchange.headers)])
    # Not even its size: the debug page carries the time and the paths of the machine it ran on.
    return f"{head}\n\n{EXCHANGE_LABELS[language]['body_left_out']}"


def exchange_block(scenario: Scenario, language: str, *, anchor: bool) -> str:
    """Caption, request and response; the caption carries the #ex-<id> anchor where asked."""
    caption = inline(scenario.caption[language])
    if anchor:
        caption += f"\n{{: #{scenario.anchor} }}"
    exchange = scenario.exchanges[language]
    return "\n\n".join(
        [caption, sample_block(exchange.request), sample_block(response_text(scenario, language))]
    )


def home(scenario: Scenario) -> int:
    """The code whose section is the scenario's home, where its anchor lives."""
    return scenario.codes[0]


def exchange_target(scenario: Scenario, records: Mapping[int, StatusCode]) -> str:
    return f"{section_target(records[home(scenario)]).split('#')[0]}#{scenario.anchor}"


def code_exchanges(
    code: int, exchanges: Exchanges, language: str, records: Mapping[int, StatusCode]
) -> str | None:
    """The exchanges a code's section shows, or None when it has none. An exchange whose home
    section is on the same page is linked rather than shown again: the page stays one copy of
    each, and every code still has its own in its home section."""
    shown = exchanges.for_code(code)
    if not shown:
        return None
    page = page_name(records[code])
    full = [s for s in shown if home(s) == code or page_name(records[home(s)]) != page]
    linked = [s for s in shown if s not in full]
    labels = EXCHANGE_LABELS[language]
    blocks = []
    if full:
        blocks.append(f"**{labels['exchanges']}**")
        blocks += [exchange_block(s, language, anchor=home(s) == code) for s in full]
    if linked:
        links = " · ".join(
            f"[{exchange_summary(s)}]({exchange_target(s, records)})" for s in linked
        )
        blocks.append(labels["see_exchange"].format(links=links))
    return "\n\n".join(blocks)


def exchange_summary(scenario: Scenario) -> str:
    """A scenario in a few characters: its request line (as code) and the status it got."""
    request = scenario.job["request"]
    line = f"{request['method']} {request['path']}".replace("`", "")
    return f"`{line}` → {scenario.status}"


def provenance(exchanges: Exchanges, language: str) -> str:
    versions = exchanges.versions
    return EXCHANGE_LABELS[language]["provenance"].format(
        drf=versions["djangorestframework"],
        django=versions["django"],
        python=versions["python"],
        code=LANGUAGE_CODES[language],
    )


def embed(markdown: str, exchanges: Exchanges, language: str, page: str) -> str:
    """Replace each ``:::exchange <id>`` line with that exchange (no anchor: its home has it)."""
    scenarios = exchanges.by_id()

    def replace(match: re.Match[str]) -> str:
        scenario_id = match.group(1)
        if scenario_id not in scenarios:
            raise KeyError(
                f"{page}: ':::exchange {scenario_id}' names no scenario of exchanges.yml"
            )
        return exchange_block(scenarios[scenario_id], language, anchor=False)

    return EMBED.sub(replace, markdown)


def _code_links(codes: Iterable[int], records: Mapping[int, StatusCode]) -> str:
    return " · ".join(f"[{code}]({section_target(records[code])})" for code in codes)


def message_row(message: Message, records: Mapping[int, StatusCode], language: str) -> str:
    cells = [
        f"`{_code_span_safe(message.text['en'])}`",
        f"`{_code_span_safe(message.text['zh'])}`",
        _code_links(message.codes, records),
        inline(message.cause[language]),
    ]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _code_span_safe(text: str) -> str:
    # A message is shown as code, exactly; a backtick inside it would end the span.
    return " ".join(text.replace("`", "'").split())


def messages_page(records: Iterable[StatusCode], exchanges: Exchanges, language: str) -> str:
    """Every message, grouped by the first code it comes with, in the order of the codes."""
    by_code = {record.code: record for record in records}
    labels = EXCHANGE_LABELS[language]
    header = (
        f"| {labels['message_en']} | {labels['message_zh']} | {labels['message_codes']} "
        f"| {labels['message_cause']} |\n|---|---|---|---|"
    )
    groups: dict[int, list[Message]] = {}
    for message in exchanges.messages:
        groups.setdefault(message.codes[0], []).append(message)
    sections = []
    for code in sorted(groups):
        record = by_code[code]
        title = escape(record.text[language].title)
        rows = [message_row(message, by_code, language) for message in groups[code]]
        # The table holds both languages; search finds each message on its code's section.
        table = search_excluded(["\n".join([header, *rows])])
        sections.append(f"## {code} {title} {{ #messages-{code} }}\n\n{table}")
    return "\n\n".join(sections) + "\n"

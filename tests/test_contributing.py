"""CONTRIBUTING.md documents exactly the fields the loaders accept, no more and no fewer."""

from __future__ import annotations

import re

import exchange_data
import pytest
import status_table
from conftest import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def documented(heading: str) -> list[str]:
    """The field names in the first column of the table under a heading."""
    start = GUIDE.index(f"\n{heading}\n")
    end = GUIDE.find("\n#", start + len(heading) + 2)
    section = GUIDE[start : end if end != -1 else None]
    rows = [
        line
        for line in section.splitlines()
        if line.startswith("| ") and "`" in line.split("|")[1] and not line.startswith("| field")
    ]
    names: list[str] = []
    for row in rows:
        first_cell = row.split("|")[1]
        names += re.findall(r"`([a-z_0-9.]+)`", first_cell)
    return names


def request_fields() -> list[str]:
    row = next(line for line in GUIDE.splitlines() if line.startswith("| `request` |"))
    return [name for name in re.findall(r"`([a-z_]+)`", row.split("|")[3]) if name != "false"]


@pytest.mark.parametrize(
    ("heading", "accepted"),
    [
        ("### Fields of a DRF code", status_table.ENTRY_FIELDS),
        ("### Texts (`zh` and `en`)", (*status_table.TEXT_FIELDS, status_table.TERMS_FIELD)),
        ("## Real exchanges: `docs/exchanges.yml`", exchange_data.SCENARIO_FIELDS),
        ("## DRF's messages: `docs/messages.yml`", exchange_data.MESSAGE_FIELDS),
    ],
)
def test_documented_fields_are_the_accepted_ones(heading: str, accepted: tuple[str, ...]) -> None:
    names = documented(heading)
    expanded = {name for cell in names for name in cell.split(",")}
    if heading.startswith("### Fields of a DRF code"):
        expanded |= {"zh", "en"}
    assert expanded == set(accepted), (heading, expanded ^ set(accepted))


def test_wild_fields_are_documented() -> None:
    section = GUIDE[GUIDE.index("### Fields of a code met in the wild") :]
    intro = section[: section.index("| field |")]
    top = set(re.findall(r"`([a-z_]+)`", intro))
    assert top == set(status_table.WILD_ENTRY_FIELDS)
    assert set(documented("### Fields of a code met in the wild")) == set(status_table.WILD_FIELDS)


def test_request_fields_are_documented() -> None:
    assert set(request_fields()) == set(exchange_data.REQUEST_FIELDS)


def test_every_spec_and_source_host_is_named() -> None:
    for host in status_table.SOURCE_HOSTS:
        assert host in GUIDE, host

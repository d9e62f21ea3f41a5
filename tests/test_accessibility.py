"""Accessibility in headless Chromium: axe-core on every page in both palettes, and the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import CLASS_PAGES, LANGUAGE_PREFIX, LANGUAGES, OTHER_PAGES, ROOT

# A pinned copy of axe-core (MPL-2.0, see the LICENSE beside it), injected into each page.
AXE = ROOT / "tests" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
PATHS = [
    f"/{LANGUAGE_PREFIX[language]}{page}"
    for language in LANGUAGES
    for page in ("", *(f"{name}/" for name in (*CLASS_PAGES, *OTHER_PAGES)), "no-such-page/")
]

RUN_AXE = """
async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter((violation) => ["serious", "critical"].includes(violation.impact))
  .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)
"""


@pytest.fixture(scope="module", params=["light", "dark"])
def palette_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[tuple[str, Any]]:
    # Material picks its light or dark palette from the reader's colour-scheme preference.
    context = browser.new_context(color_scheme=request.param)
    yield request.param, context.new_page()
    context.close()


def test_no_serious_violations_on_any_page(palette_page: tuple[str, Any], server: str) -> None:
    scheme, page = palette_page
    failures = {}
    for path in PATHS:
        page.goto(f"{server}{path}")
        page.wait_for_load_state("networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        language = "en" if path.startswith("/en/") else "zh"
        assert page.locator("html").get_attribute("lang") == language
        # Sections far from the screen are not laid out (content-visibility in site.css), and
        # axe, asking the browser what lies under an element, then finds stale boxes (a link
        # "on" a code block). Readers only ever see laid-out sections: check those.
        page.add_style_tag(content=".md-typeset section { content-visibility: visible; }")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE)
        if violations:
            failures[path] = violations
    assert not failures, failures


def test_english_names_in_chinese_pages_are_marked(page: Any, server: str) -> None:
    page.goto(f"{server}/4xx/")
    marked = page.locator('article [lang="en"]').all_inner_texts()
    assert "Conflict" in marked and "Unprocessable Content" in marked


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_by_keyboard_alone(page: Any, server: str, language: str) -> None:
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}2xx/")
    page.keyboard.press("/")  # Material's search shortcut
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("409")
    page.locator("li.md-search-result__item > a").first.wait_for()
    target = f"/{LANGUAGE_PREFIX[language]}4xx/#http_409"
    for _ in range(5):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.href || ''")
        if focused.endswith(target):
            break
    else:
        pytest.fail(f"arrow keys never reached {target}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert urlsplit(page.url).fragment == "http_409"


FOCUS_RING = """
() => {
  let element = document.activeElement;
  // Material's toggles are visually hidden inputs; the label right after one shows its focus ring.
  if (element.matches("input.md-option") && element.nextElementSibling) {
    element = element.nextElementSibling;
  }
  // Focusing the search field opens the search dialog over the page, which is its focus cue.
  if (element.matches("input.md-search__input")) {
    return [element.outerHTML.slice(0, 80), document.getElementById("__search").checked];
  }
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return [element.outerHTML.slice(0, 80), outline || style.boxShadow !== "none"];
}
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_focus_is_visible(page: Any, server: str, language: str) -> None:
    page.goto(f"{server}/{LANGUAGE_PREFIX[language]}4xx/")
    for _ in range(8):
        page.keyboard.press("Tab")
        page.wait_for_timeout(100)  # Material opens the search dialog on focus, asynchronously
        element, visible = page.evaluate(FOCUS_RING)
        assert visible, element

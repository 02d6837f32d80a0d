"""The letters from the offline zip (issue #17 item 8): unzipped and opened
from file://, every letter's form shows and fills its letter, in both
languages, with no request and no error; printing keeps the letter only.

`offline_dir` is dist/guide-offline.zip unzipped (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_letter_form import _phone

pytestmark = pytest.mark.browser

LETTERS = sorted(path.stem for path in (Path(__file__).resolve().parents[2] / "data" / "letters").glob("*.yml"))
VALUES = {"text": "甲乙丙{n}", "long": "第一行{n}\n第二行{n}", "amount": "1{n}00", "date": "2026-12-0{n}"}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_letter_fills_from_file_urls(browser, offline_dir: Path, prefix: str) -> None:
    context = _phone(browser)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: request.url.startswith("file:") or problems.append(f"request: {request.url}"))
    for letter in LETTERS:
        page.goto((offline_dir / prefix / "letters" / f"{letter}.html").as_uri())
        form = page.locator("[data-letter-form]")
        assert form.is_visible(), f"{prefix}{letter}: the form did not open from file://"
        fields = form.locator("input[name], textarea[name]")
        typed = {}
        for n in range(fields.count()):
            field = fields.nth(n)
            kind = field.get_attribute("data-kind")
            typed[field.get_attribute("name")] = value = VALUES[kind].format(n=n % 9 + 1)
            field.fill(value)
        blanks = page.locator(".letter-blank")
        assert blanks.count() > 0
        for n in range(blanks.count()):
            blank = blanks.nth(n)
            name = blank.get_attribute("data-field")
            value = blank.locator(".letter-blank__value")
            assert value.is_visible() and not blank.locator(".letter-blank__line").is_visible(), f"{prefix}{letter}: {name} stays blank"
            if typed[name][:4] != "2026":  # dates are shown the reader's way (2026年12月1日)
                assert value.inner_text().split("\n")[0] == typed[name].split("\n")[0], f"{prefix}{letter}: {name}"
        assert "＿" not in page.locator("[data-letter-text]").inner_text(), f"{prefix}{letter}: a blank is left"
        page.emulate_media(media="print")
        assert not form.is_visible() and page.locator("[data-letter-text]").is_visible()
        page.emulate_media(media="screen")
    assert problems == [], problems
    context.close()

"""The loan rate calculator as a reader on a phone uses it, in real chromium.

The sums are checked against hooks/engine/loan_rate.py, the function that also
computes the page's worked examples at build time.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from build_site import build_into
from engine.loan_rate import Payment, annual_rates, expand, money_text, percent_text

PAGES = {"zh": "check-debt/", "en": "en/check-debt/"}
PHONE = {"width": 390, "height": 844}


@contextmanager
def _phone(browser: Browser, url: str, *, javascript: bool = True) -> Iterator[tuple[Page, list[str]]]:
    """The page at 390 px; the list collects every request made after it loaded."""
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        yield page, requests
    finally:
        context.close()


def _fill(page: Page, *, contract: str, received: str, loan_date: str, rows: list[dict[str, str]], lpr: str = "") -> None:
    page.fill('[name="contract"]', contract)
    page.fill('[name="received"]', received)
    page.fill('[name="loan_date"]', loan_date)
    for index, row in enumerate(rows):
        if index:
            page.click("[data-add-row]")
        item = page.locator(".loan-calc__row").nth(index)
        for name, value in row.items():
            if name == "unit":
                item.locator('[name="unit"]').select_option(value)
            else:
                item.locator(f'[name="{name}"]').fill(value)
    page.fill('[name="lpr"]', lpr)
    page.click('.loan-calc button[type="submit"]')


def _out(page: Page, name: str) -> str:
    return page.locator(f'[data-out="{name}"]').inner_text()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_reader_fills_the_form_on_a_phone_and_gets_the_python_result(browser: Browser, served_site: str, language: str) -> None:
    with _phone(browser, served_site + PAGES[language]) as (page, requests):
        _fill(
            page,
            contract="10,000",
            received="9500",
            loan_date="2026-01-15",
            rows=[
                {"amount": "900", "date": "2026-02-15", "count": "12", "every": "1", "unit": "months"},
                {"amount": "150", "date": "2026-02-15", "count": "12", "every": "1", "unit": "months"},
                {"amount": "30", "date": "2026-01-15"},  # a fee paid separately on the day
            ],
            lpr="3.1",
        )
        payments = [
            *expand(900, date(2026, 2, 15), count=12, every=1, unit="months"),
            *expand(150, date(2026, 2, 15), count=12, every=1, unit="months"),
            Payment(date(2026, 1, 15), 30),
        ]
        rates = annual_rates(9500, date(2026, 1, 15), payments)
        assert page.locator("[data-result]").is_visible()
        assert _out(page, "apr") == percent_text(rates.apr, language)
        assert _out(page, "ear") == percent_text(rates.ear, language)
        assert _out(page, "extra") == money_text(rates.extra) == "3,130.00"
        assert _out(page, "deducted") == "500.00"
        assert _out(page, "line").startswith("12.40%")
        # Nothing typed leaves the browser, and nothing is kept.
        page.click("[data-copy]")
        page.wait_for_function("() => document.querySelector('[data-copied]').textContent !== ''")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert percent_text(rates.apr, language) in copied and "3,130.00" in copied
        assert "2027-01-15  900.00" in copied and "9,500.00" in copied  # what the reader entered, for a letter
        assert requests == []
        kept = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
        assert kept == [0, 0, ""]
        assert "NaN" not in page.locator(".loan-calc").inner_text()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], "the form must not widen the page on a phone"


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"contract": "1000", "received": "1200", "rows": [{"amount": "1300", "date": "2026-03-09"}]}, "received", {"zh": "不能比合同金额多", "en": "cannot be more than the contract"}),
        ({"contract": "1000", "received": "800", "rows": [{"amount": "1000", "date": "2026-03-01"}]}, "row", {"zh": "不能早于到账日期", "en": "before the money arrived"}),
        ({"contract": "1000", "received": "800", "rows": []}, "schedule", {"zh": "至少填一笔还款", "en": "at least one repayment"}),
    ],
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_impossible_input_gets_an_error_next_to_its_field_and_no_result(
    browser: Browser, served_site: str, language: str, values: dict, field: str, words: dict[str, str]
) -> None:
    with _phone(browser, served_site + PAGES[language]) as (page, _):
        _fill(page, loan_date="2026-03-02", **values)
        holder = ".loan-calc__row" if field == "row" else f'[data-field="{field}"]'
        error = page.locator(f"{holder} > .loan-calc__error")
        assert error.is_visible() and words[language] in error.inner_text()
        assert page.locator("[data-result]").is_hidden()
        assert "NaN" not in page.locator(".loan-calc").inner_text()
        # The reader mends it: the error goes and the result comes.
        _fill(page, contract="1000", received="800", loan_date="2026-03-02", rows=[{"amount": "1000", "date": "2026-03-16"}])
        assert error.is_hidden()
        assert _out(page, "apr") == percent_text(annual_rates(800, date(2026, 3, 2), [Payment(date(2026, 3, 16), 1000)]).apr, language)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_without_javascript_the_worksheet_and_examples_show_and_the_form_does_not(browser: Browser, served_site: str, language: str) -> None:
    with _phone(browser, served_site + PAGES[language], javascript=False) as (page, _):
        assert page.locator(".loan-calc__app").is_hidden()
        assert page.locator(".loan-calc__worksheet").is_visible()
        assert page.locator('[data-example="seven-day"]').is_visible()
        assert page.locator('[data-example="instalments"] [data-example-out="apr"]').inner_text().endswith("%")


def test_on_paper_the_worksheet_prints_and_the_form_does_not(browser: Browser, served_site: str) -> None:
    with _phone(browser, served_site + PAGES["en"]) as (page, _):
        assert page.locator(".loan-calc__form").is_visible()
        page.emulate_media(media="print")
        assert page.locator(".loan-calc__form").is_hidden()
        assert page.locator(".loan-calc__worksheet").is_visible()


def _schedules(count: int) -> Iterator[tuple[float, int, list[tuple[int, float]]]]:
    """Loans like readers hold: 7- to 30-day sums, instalments by days or months, fees."""
    generator = random.Random(19)
    start = date(2025, 1, 31)
    for _ in range(count):
        received = round(generator.uniform(300, 20_000), 2)
        payments: list[Payment] = []
        for _row in range(generator.randint(1, 3)):
            first = start + timedelta(days=generator.randint(0 if payments else 1, 60))
            unit = generator.choice(["days", "months"])
            rows = expand(
                round(generator.uniform(0, received * 1.5), 2),
                first,
                count=generator.randint(1, 24),
                every=generator.randint(1, 30 if unit == "days" else 3),
                unit=unit,
            )
            payments.extend(rows)
        if sum(p.amount for p in payments) > 0 and any(p.day > start for p in payments):
            yield received, (start - date(1970, 1, 1)).days, [((p.day - date(1970, 1, 1)).days, p.amount) for p in payments]


def test_the_browser_and_python_functions_agree_on_hundreds_of_schedules(browser: Browser, served_site: str) -> None:
    cases = list(_schedules(400))
    assert len(cases) >= 300
    with _phone(browser, served_site + PAGES["zh"]) as (page, _):
        js = page.evaluate(
            """cases => cases.map(([received, loanDay, flows]) => {
                 const payments = flows.map(([day, amount]) => ({day, amount}));
                 const r = window.loanRate.annualRates(received, loanDay, payments);
                 return [r.apr, r.ear, r.logRate, r.extra];
               })""",
            cases,
        )
    epoch = date(1970, 1, 1)
    compared = 0
    for (received, loan_day, flows), (apr, ear, log_rate, extra) in zip(cases, js, strict=True):
        python = annual_rates(received, epoch + timedelta(days=loan_day), [Payment(epoch + timedelta(days=d), a) for d, a in flows])
        assert log_rate == pytest.approx(python.log_rate, rel=1e-9, abs=1e-9)
        assert abs(apr - python.apr) * 100 <= 0.01 or apr == pytest.approx(python.apr, rel=1e-9)
        if ear is not None and python.ear != float("inf"):
            assert abs(ear - python.ear) * 100 <= 0.01 or ear == pytest.approx(python.ear, rel=1e-9)
        assert extra == pytest.approx(python.extra, abs=1e-6)
        compared += 1
    assert compared == len(cases)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide as the offline zip holds it (file names, not folders), built once here."""
    target = tmp_path_factory.mktemp("loan-offline") / "site"
    assert build_into(target, offline=True) == 0, "the offline build failed: see the output above"
    return target


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_calculator_works_from_file_and_its_help_link_lands(browser: Browser, offline_site: Path, language: str) -> None:
    page_file = offline_site / ("check-debt.html" if language == "zh" else "en/check-debt.html")
    with _phone(browser, page_file.as_uri()) as (page, _):
        _fill(page, contract="", received="1000", loan_date="2026-03-02", rows=[{"amount": "1200", "date": "2026-03-16"}])
        assert _out(page, "apr") == "521.43%"
        help_href = page.get_attribute('.loan-calc a[href*="help"]', "href")
        assert (page_file.parent / help_href).resolve().is_file(), help_href

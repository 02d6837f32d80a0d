"""The letter form on a phone: fills the letter, sends nothing, keeps nothing unless ticked, prints the letter only."""

from __future__ import annotations

import pytest

PAGE = "letters/stop-contacting-others/"


def _phone(browser, javascript: bool = True):
    return browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=javascript, service_workers="block")


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_typed_details_fill_the_letter_and_nothing_leaves_or_stays(browser, served_site: str, prefix: str) -> None:
    context = _phone(browser)
    page = context.new_page()
    requests: list[str] = []
    page.goto(served_site + prefix + PAGE, wait_until="networkidle")
    page.on("request", lambda request: requests.append(request.url))
    page.fill("input[name=name]", "张小明")
    page.fill("input[name=date]", "2026-12-05")
    page.fill("input[name=contacted]", "我母亲")
    letter = page.locator("[data-letter-text]").inner_text()
    assert "张小明" in letter and "2026年12月5日" in letter and "我母亲" in letter
    assert requests == [], requests
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('guide-letter:'))") == []
    page.check("[data-keep]")
    assert "张小明" in page.evaluate("localStorage.getItem('guide-letter:stop-contacting-others')")
    page.click("[data-erase]")
    assert page.evaluate("localStorage.getItem('guide-letter:stop-contacting-others')") is None
    assert "张小明" not in page.locator("[data-letter-text]").inner_text()
    assert page.input_value("input[name=name]") == ""
    context.close()


@pytest.mark.browser
def test_print_hides_the_form_and_keeps_the_letter(browser, served_site: str) -> None:
    context = _phone(browser)
    page = context.new_page()
    page.goto(served_site + PAGE)
    assert page.locator("[data-letter-form]").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("[data-letter-form]").is_visible()
    assert page.locator("[data-letter-text]").is_visible()
    context.close()


@pytest.mark.browser
def test_without_javascript_the_letter_has_blank_lines(browser, served_site: str) -> None:
    context = _phone(browser, javascript=False)
    page = context.new_page()
    page.goto(served_site + "en/" + PAGE)
    assert not page.locator("[data-letter-form]").is_visible()
    assert "＿＿＿＿＿＿（你的姓名）" in page.locator("[data-letter-text]").inner_text()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_print_button_prints_the_letter_alone_and_the_page_prints_whole_again(browser, served_site: str, prefix: str) -> None:
    context = _phone(browser)
    page = context.new_page()
    page.goto(served_site + prefix + PAGE)
    page.evaluate("window.print = () => { window.printed = true; }")
    page.fill("input[name=name]", "张小明")
    page.click("[data-print]")
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    assert page.locator("[data-letter-text]").is_visible()
    for other in ("h1", "#what-to-attach", "[data-letter-form]", ".letter-laws", ".page-review"):
        assert not page.locator(other).first.is_visible(), f"{other} is printed with the letter"
    if prefix:
        assert not page.locator("[data-letter-meaning]").is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("h1").is_visible() and page.locator("#what-to-attach").is_visible()
    assert not page.locator("[data-letter-form]").is_visible()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 390])
def test_a_short_blank_to_write_on_never_breaks_in_two(browser, served_site: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + PAGE)
    broken = page.evaluate(
        """() => [...document.querySelectorAll('.letter-blank:not(.letter-blank--long) .letter-blank__line')]
             .filter(line => line.getClientRects().length > 1).map(line => line.parentElement.dataset.field)"""
    )
    assert broken == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()

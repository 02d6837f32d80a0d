"""The evidence log on paper and the phone scripts on screen (#17).

The log is printed as a reader prints it, without JavaScript: chromium's
page.pdf, read back with poppler. The scripts are read as an English-speaking
partner sees them: each English line with the Chinese to say right under it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.browser.reader import open_tab

pytestmark = pytest.mark.browser

LOG = {"zh": "kit/evidence/", "en": "en/kit/evidence/"}
HEADERS = {
    "zh": ["日期和时间", "号码或账号", "说了什么、发了什么", "还联系了谁", "截图或录音在哪"],
    "en": ["Date and time", "Number or account", "What they said or sent", "Who else they contacted", "Where the screenshot or recording is"],
}
# Words only the site's chrome shows: the site's name in the header, the
# search box, the navigation's other pages, the footer's previous/next.
# The header's search, the navigation's other pages. (The site's name is in
# the printed page's own footer, with its address: partials/print-page-footer.html.)
CHROME_WORDS = {
    "zh": ["搜索", "保护家人和联系人", "别花钱找"],
    "en": ["Search", "Protecting your family and contacts", "Do not pay for"],
}
A4_POINTS = (595, 842)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _print(browser, url: str, target: Path) -> Path:
    with open_tab(browser, javascript=False, service_workers="block") as (page, _):
        page.goto(url)
        page.pdf(path=str(target), prefer_css_page_size=True)
    return target


@pytest.fixture(scope="module")
def printed(browser, served_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("evidence-log")
    return {lang: _print(browser, served_site + path, folder / f"{lang}.pdf") for lang, path in LOG.items()}


def _poppler(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_log_prints_on_at_most_two_a4_sheets(printed: dict[str, Path], lang: str) -> None:
    info = _poppler("pdfinfo", str(printed[lang]))
    sheets = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    width, height = (round(float(n)) for n in re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
    assert 1 <= sheets <= 2, f"{sheets} sheets"
    assert (width, height) == A4_POINTS


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_printed_log_has_its_header_and_no_site_chrome(printed: dict[str, Path], lang: str) -> None:
    text = _squeeze(_poppler("pdftotext", str(printed[lang]), "-"))
    first_sheet = _squeeze(_poppler("pdftotext", "-f", "1", "-l", "1", str(printed[lang]), "-"))
    assert [h for h in HEADERS[lang] if _squeeze(h) not in first_sheet] == []
    assert [word for word in CHROME_WORDS[lang] if _squeeze(word) in text] == []


def _ruled_lines(pdf: Path, sheet: int) -> int:
    """Horizontal rules across the sheet's text width: a table's row borders, as printed."""
    data = subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", str(sheet), "-l", str(sheet), str(pdf)], capture_output=True, check=True).stdout
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end():]
    span = range(50, width - 50)  # inside the 16 mm side margins (45 pt)
    lines, previous = 0, False
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        ruled = sum(1 for x in span if row[x] < 128) >= 0.8 * len(span)
        lines += ruled and not previous
        previous = ruled
    return lines


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_printed_log_has_at_least_ten_blank_ruled_rows(printed: dict[str, Path], lang: str) -> None:
    # On the first sheet: the table's top, the line under the header, then
    # one line under each row; no words inside those rows.
    assert _ruled_lines(printed[lang], 1) - 2 >= 10
    sheet = _poppler("pdftotext", "-f", "1", "-l", "1", "-layout", str(printed[lang]), "-")
    after_header = sheet.rsplit(HEADERS[lang][0].split()[0], 1)[1]  # the header row, after the list
    body = after_header.split("\n", 4)[-1]  # past the header's own (wrapped) lines
    assert body.strip() == "", f"words printed in the blank rows: {body.strip()[:80]!r}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_paper_the_log_fills_the_sheet_width_in_ruled_rows_and_repeats_its_header(browser, served_site: str, lang: str) -> None:
    with open_tab(browser, javascript=False) as (page, _):
        # The printable width of an A4 sheet with print.css's margins: 178 mm.
        page.set_viewport_size({"width": 673, "height": 980})
        page.goto(served_site + LOG[lang])
        page.emulate_media(media="print")
        table = page.locator(".evidence-log table")
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1")
        assert table.evaluate("t => getComputedStyle(t.tHead).display") == "table-header-group"
        assert table.locator("th").all_inner_texts() == HEADERS[lang]
        rows = table.locator("tbody tr")
        blank = rows.evaluate_all("rs => rs.filter(r => r.innerText.trim() === '').map(r => r.getBoundingClientRect().height)")
        assert len(blank) >= 10 and min(blank) >= 34, blank  # at least 9 mm to write in
        cell = table.locator("tbody td").first
        assert cell.evaluate("c => getComputedStyle(c).borderBottomStyle") == "solid"


def test_each_english_script_has_the_chinese_right_under_it(browser, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(served_site + "en/kit/phone-scripts/")
        scripts = page.locator(".phone-script")
        count = scripts.count()
        assert count >= 12
        for index in range(count):
            script = scripts.nth(index)
            english, chinese = script.locator(".phone-script__en"), script.locator(".phone-script__zh")
            assert english.is_visible() and chinese.is_visible(), index
            assert re.search(r"[A-Za-z]{3}", english.inner_text()), index
            assert re.search(r"[\u4e00-\u9fff]{4}", chinese.inner_text()), index
            assert chinese.get_attribute("lang") == "zh-Hans"
            # Beside it: the very next line down, not somewhere else on the page.
            assert english.evaluate("e => e.nextElementSibling && e.nextElementSibling.classList.contains('phone-script__zh')")
            gap = chinese.bounding_box()["y"] - (english.bounding_box()["y"] + english.bounding_box()["height"])
            assert 0 <= gap < 40, f"script {index}: the Chinese is {gap:.0f} px under the English"
        page.goto(served_site + "kit/phone-scripts/")
        assert page.locator(".phone-script").count() == count

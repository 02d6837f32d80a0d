"""Glossary linking at scale: 2,000 Chinese terms against 5 million characters of page text.

Terms and text are made from jieba's dictionary: real words, drawn with their
real frequencies, so the text has the characters and repetitions of Chinese.

Two figures, measured in the same run on the same page HTML, page by page in
turn (so a busy machine slows both alike):
- the bare scan: pyahocorasick's automaton walking each page, nothing else;
- the hook's whole pass: parse the HTML, scan, choose leftmost-longest first
  occurrences, wrap them in links, render the print list (engine/glossary_render.link_page).
The hook's pass must stay within 2x the bare scan. Times are this process's
CPU time, so other work on a shared machine does not skew the ratio.

    python tools/bench.py              # with the other figures
    python tools/bench_glossary.py     # this one alone
"""

from __future__ import annotations

import random
import sys
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from jinja2 import Environment, FileSystemLoader  # noqa: E402

from engine.glossary_render import link_page  # noqa: E402
from engine.labels import load_labels  # noqa: E402
from engine.templates import prepare  # noqa: E402
from engine.glossary_data import Term, TermText  # noqa: E402
from engine.glossary_link import Matcher  # noqa: E402

TERMS = 2_000
CHARACTERS = 5_000_000
PAGE_SIZE = 20_000
BUDGET = 2.0
Row = tuple[str, str, str]


def measure() -> list[Row]:
    rng = random.Random(20261128)
    words, weights = chinese_vocabulary()
    terms = synthetic_terms(rng, words, TERMS)
    pages = synthetic_pages(rng, words, weights, CHARACTERS, PAGE_SIZE)
    size = sum(map(len, pages))

    started = time.process_time()
    matcher = Matcher({t.id: t.texts["zh"].forms for t in terms})
    compile_seconds = time.process_time() - started
    labels = load_labels(ROOT / "data" / "labels.yml", "data/labels.yml", ("zh", "en"))["zh"]
    env = prepare(Environment(loader=FileSystemLoader(str(ROOT / "overrides")), auto_reload=False), labels)

    bare = hook = 0.0
    matches = links = 0
    for page in pages:
        started = time.process_time()
        for _ in matcher.automaton.iter(page):
            matches += 1
        bare += time.process_time() - started
        started = time.process_time()
        linked = link_page(page, matcher=matcher, terms=terms, language="zh", href="../glossary/", env=env)
        hook += time.process_time() - started
        links += (linked or "").count('class="glossary-term"')

    ratio = hook / bare
    verdict = f"{ratio:.2f}x the bare scan (budget {BUDGET:.0f}x)"
    if ratio > BUDGET:
        verdict = f"OVER: {verdict}"
    mega = size / 1e6
    return [
        ("glossary: automaton build (2,000 terms)", f"{compile_seconds * 1000:.0f} ms", ""),
        (f"glossary: bare scan ({mega:.1f} M chars, {len(pages)} pages)", f"{size / bare:,.0f} chars/s", f"{bare:.2f} s, {matches:,} raw matches"),
        ("glossary: hook pass (parse, match, link, print list)", f"{size / hook:,.0f} chars/s", f"{verdict}; {hook:.2f} s, {links:,} links"),
    ]


def chinese_vocabulary() -> tuple[list[str], list[int]]:
    """Real Chinese words, commonest first, and their cumulative frequencies, from
    jieba's dictionary (a build dependency already): synthetic text then has the
    characters, words and repetitions of real text."""
    import jieba

    counted: list[tuple[int, str]] = []
    with jieba.get_dict_file() as source:
        for line in source.read().decode("utf-8").splitlines():
            word, count, *_ = line.split(" ")
            if all("\u4e00" <= char <= "\u9fff" for char in word):
                counted.append((-int(count), word))
    counted.sort()
    return [word for _, word in counted], list(accumulate(-count for count, _ in counted))


def synthetic_terms(rng: random.Random, words: list[str], count: int) -> list[Term]:
    """count glossary terms: real words of 2 to 5 characters, neither the commonest
    (我们, 没有) nor rare ones, as a guide's terms are."""
    band = [word for word in words if 2 <= len(word) <= 5][200:30_000]
    return [
        Term(f"t{number}", 0, {"zh": TermText(word, (), (), f"第{number}个术语的定义。")})
        for number, word in enumerate(rng.sample(band, count))
    ]


def synthetic_pages(rng: random.Random, words: list[str], weights: list[int], total: int, page_size: int) -> list[str]:
    """Page content HTML of Chinese text drawn word by word with real frequencies,
    with headings, emphasis, links, inline code and entities, page_size characters each."""
    # Drawing every word costs more than the whole benchmark: draw a pool once,
    # then cut each clause from it at a random place.
    pool = rng.choices(words, cum_weights=weights, k=300_000)

    def clause_of(count: int) -> str:
        at = rng.randrange(len(pool) - count)
        return "".join(pool[at : at + count])

    pages: list[str] = []
    made = 0
    while made < total:
        parts: list[str] = []
        length = 0
        while length < page_size:
            if len(parts) % 12 == 0:
                anchor = f"s{len(parts)}"
                heading = clause_of(4)
                parts.append(f'<h2 id="{anchor}">{heading}<a class="headerlink" href="#{anchor}">¶</a></h2>\n')
            clauses = []
            for _ in range(rng.randint(3, 8)):
                clause = clause_of(rng.randint(4, 12))
                roll = rng.random()
                if roll < 0.1:
                    clause = f"<strong>{clause}</strong>"
                elif roll < 0.15:
                    clause = f'<a href="../other/">{clause}</a>'
                elif roll < 0.2:
                    clause = f"<code>{clause}</code>"
                elif roll < 0.25:
                    clause += "&amp;"
                clauses.append(clause)
            parts.append("<p>" + "，".join(clauses) + "。</p>\n")
            length += len(parts[-1])
        page = "".join(parts)
        pages.append(page)
        made += len(page)
    return pages


if __name__ == "__main__":
    for row in measure():
        print("  ".join(row))

"""The rate calculator's data and markers, checked; the worked examples' figures.

Pure (no MkDocs): hooks/loan_calculator.py adapts it to MkDocs, and
engine/loan_rate.py does the sums. The form's words are labels (`loan_...`
in the labels file). Every problem names the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import GuideError
from .labels import LabelGroup, Labels
from .loan_rate import PROBLEM_CODES, Payment, annual_rates, expand, money_text, percent_text, problems
from .yaml_data import load_yaml

DATA_FILE = "data/loan-examples.yml"
LABELS = "loan_"  # the prefix of the form's labels in the labels file
MARKER = "loan-calculator"
EXAMPLE_TEXTS = ("title", "story")
# Labels only the page's script reads (the template's own are checked as it renders).
SCRIPT_LABELS = (
    "above_line", "not_above_line", "copied", "copy_failed", "row", "error_row-incomplete", "error_lpr-invalid",
    *(f"error_{code}" for code in PROBLEM_CODES),
)


@dataclass(frozen=True)
class Row:
    """One repayment line of a worked example: `count` payments of `amount`, `every` so many `unit`s from `first`."""

    amount: float
    first: date
    count: int
    every: int
    unit: str


@dataclass(frozen=True)
class Example:
    id: str
    loan_date: date
    contract: float
    received: float
    rows: tuple[Row, ...]
    texts: dict[str, dict[str, str]]


@dataclass(frozen=True)
class CalculatorData:
    examples: tuple[Example, ...]
    law: tuple[dict[str, str], ...]  # each: language -> text
    labels: dict[str, LabelGroup]  # language -> the form's labels (short keys)


# Any comment that starts like ours: `<!-- loan-calculator -->` is right,
# `<!-- loan-calculater -->` or `<!-- loan-calculator: x -->` fail the build.
MARKER_LIKE = re.compile(r"<!--\s*(loan[\w\-:]*[^>]*?)\s*-->")


def marker_lines(markdown: str, source: str, line_offset: int = 0) -> list[int]:
    """Lines of the page's calculator markers; a misspelt one is a GuideError."""
    found = []
    in_fence = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        for match in MARKER_LIKE.finditer(line):
            if match.group(1).strip() != MARKER:
                raise GuideError(source, f"unknown marker '{match.group(0)}'", f"write exactly <!-- {MARKER} -->", number + line_offset)
            found.append(number + line_offset)
    return found


def load_calculator_data(path: Path, shown: str, languages: tuple[str, ...], labels: dict[str, Labels]) -> CalculatorData:
    """The calculator's data file, checked; labels: the site's labels, by language."""
    data = load_yaml(path, shown, setting="loan_examples_file")
    if not isinstance(data, dict):
        raise GuideError(shown, "the file must be a mapping", "start with 'examples:' and 'law:'", 1)
    for key in ("examples", "law"):
        if key not in data:
            raise GuideError(shown, f"'{key}' is missing", f"add '{key}:'", 1)
    groups = {language: labels[language].group(LABELS) for language in languages}
    for language, group in groups.items():
        missing = [key for key in SCRIPT_LABELS if key not in group]
        if missing:
            raise GuideError(group.source, f"there is no {language} label '{LABELS}{missing[0]}'", "add it: the form's script shows it to readers")
        shadowing = sorted(k for k in group if hasattr(dict, str(k)))
        if shadowing:
            # Jinja reads labels.copy as the dict's copy() method, not the label.
            raise GuideError(group.source, f"the label name '{LABELS}{shadowing[0]}' ends in a Python dict method's name", "rename it, e.g. loan_copy_result")
    law = []
    for point in data["law"] or []:
        missing = [lang for lang in languages if not (isinstance(point, dict) and point.get(lang))]
        if missing:
            raise GuideError(shown, f"a law point has no {missing[0]} text", f"add {missing[0]}: to it", getattr(point, "line", None))
        law.append({lang: str(point[lang]) for lang in languages})
    examples = tuple(_example(entry, shown, languages) for entry in data["examples"] or [])
    return CalculatorData(examples=examples, law=tuple(law), labels=groups)


def example_views(data: CalculatorData, language: str) -> list[dict[str, Any]]:
    """What the template prints for each worked example, figures computed here."""
    views = []
    words = data.labels[language]
    for example in data.examples:
        payments = payments_of(example.rows)
        rates = annual_rates(example.received, example.loan_date, payments)
        last = max(p.day for p in payments)
        views.append(
            {
                "id": example.id,
                "title": example.texts[language]["title"],
                "story": example.texts[language]["story"],
                "loan_date": example.loan_date.isoformat(),
                "contract": money_text(example.contract),
                "received": money_text(example.received),
                "deducted": money_text(example.contract - example.received) if example.contract > example.received else None,
                "schedule": [_row_text(row, words) for row in example.rows],
                "paid": money_text(rates.paid),
                "extra": money_text(rates.extra),
                "days": (last - example.loan_date).days,
                "apr": percent_text(rates.apr, language),
                "ear": percent_text(rates.ear, language),
                "show_ear": differ_much(rates.apr, rates.ear),
            }
        )
    return views


def differ_much(apr: float, ear: float) -> bool:
    """Show the effective rate beside the simple one when they are half a point apart or more."""
    return not (abs(ear - apr) < 0.005)


def payments_of(rows: tuple[Row, ...]) -> list[Payment]:
    return [p for row in rows for p in expand(row.amount, row.first, count=row.count, every=row.every, unit=row.unit)]


def _row_text(row: Row, words: dict[str, str]) -> str:
    if row.count == 1:
        return f"{money_text(row.amount)} · " + words["ex_once"].format(date=row.first.isoformat())
    unit = words["unit_months"] if row.unit == "months" else words["unit_days"]
    return f"{money_text(row.amount)} · " + words["ex_times"].format(count=row.count, every=row.every, unit=unit, date=row.first.isoformat())


def _example(entry: Any, shown: str, languages: tuple[str, ...]) -> Example:
    line = getattr(entry, "line", None)
    if not isinstance(entry, dict) or "id" not in entry:
        raise GuideError(shown, "an example has no id", "add 'id: a-short-name'", line)
    eid = str(entry["id"])
    for field in ("loan_date", "contract", "received", "repayments", *languages):
        if field not in entry:
            raise GuideError(shown, f"example '{eid}' has no '{field}'", f"add '{field}:' to it", line)
    loan_date = _date(entry, "loan_date", eid, shown)
    contract = _number(entry, "contract", eid, shown)
    received = _number(entry, "received", eid, shown)
    rows = []
    for raw in entry["repayments"] or []:
        row_line = getattr(raw, "line", line)
        if not isinstance(raw, dict) or "amount" not in raw or "date" not in raw:
            raise GuideError(shown, f"a repayment of example '{eid}' lacks amount or date", "give it 'amount:' and 'date:'", row_line)
        unit = str(raw.get("unit", "months"))
        if unit not in ("days", "months"):
            raise GuideError(shown, f"example '{eid}' has unit '{unit}'", "use unit: days or unit: months", raw.line_of("unit"))
        count, every = raw.get("count", 1), raw.get("every", 1)
        if not (isinstance(count, int) and isinstance(every, int) and count >= 1 and every >= 1):
            raise GuideError(shown, f"example '{eid}' has a count or every that is not a whole number from 1", "write e.g. count: 12, every: 1", row_line)
        rows.append(Row(_number(raw, "amount", eid, shown), _date(raw, "date", eid, shown), count, every, unit))
    texts = {language: _texts(entry, language, eid, shown) for language in languages}
    example = Example(eid, loan_date, contract, received, tuple(rows), texts)
    found = problems(contract, received, loan_date, payments_of(example.rows))
    if found:
        raise GuideError(shown, f"example '{eid}' cannot be worked out ({found[0]})", "correct its figures or dates", line)
    return example


def _texts(entry: Any, language: str, eid: str, shown: str) -> dict[str, str]:
    """An example's title and story in one language."""
    block = entry[language]
    for name in EXAMPLE_TEXTS:
        if not (isinstance(block, dict) and block.get(name)):
            raise GuideError(shown, f"example '{eid}' has no {language} '{name}'", f"add {name}: to its {language}: block", entry.line_of(language))
    return {name: str(block[name]) for name in EXAMPLE_TEXTS}


def _number(entry: Any, field: str, eid: str, shown: str) -> float:
    value = entry[field]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise GuideError(shown, f"example '{eid}' has '{field}: {value}', not a number", "write a plain number such as 2400 or 900.5", entry.line_of(field))
    return float(value)


def _date(entry: Any, field: str, eid: str, shown: str) -> date:
    value = entry[field]
    if not isinstance(value, date):
        raise GuideError(shown, f"example '{eid}' has '{field}: {value}', not a date", "write it as YYYY-MM-DD", entry.line_of(field))
    return value

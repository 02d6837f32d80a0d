"""The yearly cost of a loan on the money actually received, from dated cash flows.

Pure: no MkDocs, no I/O. overrides/assets/javascripts/loan-rate.js does the
same sums in the reader's browser, step for step (same bisection, same
bounds); tests/browser/test_loan_calculator.py holds the two together.

Conventions (said on the page too):

- Time counts in calendar days from the day the money arrived, a year is
  365 days (Actual/365, as spreadsheets' XIRR).
- Effective annual rate (EAR): the r that makes the repayments, discounted
  at (1 + r) ** (days / 365), worth exactly the money received. This is the
  internal rate of return of the cash flows, compounded yearly.
- Simple annual rate (APR): the same rate over one repayment period, times
  the number of such periods in a year, where the period is the average
  time between repayment dates (the last repayment day divided by the
  number of repayment dates). For one repayment it is (B - A) / A / D * 365;
  for regular instalments it is the period's IRR times periods per year,
  the way lenders in China must quote an annualised rate. Courts' lines are
  simple yearly rates, so the page compares this one with the law's line.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

DAYS_IN_YEAR = 365
# Bisection on x = ln(1 + EAR) per year: from a loss of all but 1/1000 of the
# money in a year's time to a thousandfold gain in a single day.
LOG_RATE_LOW = -math.log(1000.0)
LOG_RATE_HIGH = DAYS_IN_YEAR * math.log(1000.0)
STEPS = 200
# Repayments at most 100 years after the loan (keeps every exp() finite).
MAX_DAYS = 36_500
# Rates above this (as a fraction: 10,000 = 1,000,000 %) are shown as "over".
SHOWN_MAX = 10_000.0


# What problems() can report; the page words each one (labels error_CODE).
PROBLEM_CODES = (
    "received-missing",
    "received-above-contract",
    "contract-invalid",
    "date-missing",
    "schedule-empty",
    "amount-invalid",
    "payment-before-loan",
    "schedule-same-day",
    "payment-too-late",
)


@dataclass(frozen=True)
class Payment:
    day: date
    amount: float


@dataclass(frozen=True)
class Rates:
    log_rate: float  # ln(1 + EAR)
    ear: float  # effective annual rate, a fraction (0.5 = 50 %); inf when too large for a float
    apr: float  # simple annual rate, a fraction
    period_days: float  # the repayment period the APR uses
    paid: float  # every repayment added up
    extra: float  # paid beyond the money received


def add_months(start: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the month's last day."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def expand(amount: float, first: date, *, count: int = 1, every: int = 0, unit: str = "days") -> list[Payment]:
    """One schedule row: `count` payments of `amount`, the first on `first`,
    then every `every` days or months."""
    if unit not in ("days", "months"):
        raise ValueError(f"unit must be days or months, not {unit!r}")
    payments = []
    for index in range(count):
        step = index * every
        day = add_months(first, step) if unit == "months" else first + timedelta(days=step)
        payments.append(Payment(day, amount))
    return payments


def problems(contract: float | None, received: float | None, loan_day: date | None, payments: list[Payment]) -> list[str]:
    """What makes the input impossible, as codes the page words in both languages."""
    found = []
    if received is None or not math.isfinite(received) or received <= 0:
        found.append("received-missing")
    elif contract is not None and math.isfinite(contract) and received > contract:
        found.append("received-above-contract")
    if contract is not None and (not math.isfinite(contract) or contract <= 0):
        found.append("contract-invalid")
    if loan_day is None:
        found.append("date-missing")
    if not payments or sum(p.amount for p in payments) <= 0:
        found.append("schedule-empty")
    elif any(not math.isfinite(p.amount) or p.amount < 0 for p in payments):
        found.append("amount-invalid")
    elif loan_day is not None and any(p.day < loan_day for p in payments):
        found.append("payment-before-loan")
    elif loan_day is not None and all(p.day == loan_day for p in payments):
        found.append("schedule-same-day")
    elif loan_day is not None and any((p.day - loan_day).days > MAX_DAYS for p in payments):
        found.append("payment-too-late")
    return found


def annual_rates(received: float, loan_day: date, payments: list[Payment]) -> Rates:
    """EAR and simple APR of receiving `received` on `loan_day` and repaying `payments`.

    Call problems() first: this expects received > 0, payments on or after
    loan_day, at least one of them later, and a positive total.
    """
    flows = [((p.day - loan_day).days, p.amount) for p in payments]
    log_rate = log_annual_rate(received, flows)
    later_days = {days for days, amount in flows if days > 0 and amount > 0}
    period = max(later_days) / len(later_days)
    paid = sum(amount for _, amount in flows)
    return Rates(
        log_rate=log_rate,
        ear=_expm1(log_rate),
        apr=_expm1(log_rate * period / DAYS_IN_YEAR) * DAYS_IN_YEAR / period,
        period_days=period,
        paid=paid,
        extra=paid - received,
    )


def log_annual_rate(received: float, flows: list[tuple[int, float]]) -> float:
    """x = ln(1 + EAR) solving sum(amount * exp(-x * days / 365)) = received, by bisection.

    The sum falls as x grows (every amount is >= 0), so the root is unique;
    outside the bounds the nearest bound is returned.
    """
    low, high = LOG_RATE_LOW, LOG_RATE_HIGH
    for _ in range(STEPS):
        middle = (low + high) / 2
        if _present_value(flows, middle) > received:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def percent_text(rate: float, language: str) -> str:
    """A rate (a fraction) as the page prints it: 521.43%, or over 1,000,000%."""
    if not math.isfinite(rate) or rate > SHOWN_MAX:
        return "超过 1,000,000%" if language == "zh" else "over 1,000,000%"
    if abs(rate) < 0.00005:  # no "-0.00%" for a loan without interest
        rate = 0.0
    return f"{rate * 100:,.2f}%"


def money_text(amount: float) -> str:
    return f"{amount:,.2f}"


def _present_value(flows: list[tuple[int, float]], log_rate: float) -> float:
    total = 0.0
    for days, amount in flows:
        total += amount * math.exp(-log_rate * days / DAYS_IN_YEAR)
    return total


def _expm1(x: float) -> float:
    return math.expm1(x) if x < 709.0 else math.inf

"""The rate on the money actually received (hooks/engine/loan_rate.py), against sums done another way.

Each expected figure below is a closed form, not the bisection under test:
one repayment has an exact answer, and a schedule built from a chosen rate
must give that rate back.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from engine.loan_rate import Payment, add_months, annual_rates, expand, percent_text, problems

LOAN_DAY = date(2026, 3, 2)


def _after(days: int, amount: float) -> Payment:
    return Payment(LOAN_DAY + timedelta(days=days), amount)


def test_the_2000_contract_1400_received_3000_in_7_days_case() -> None:
    rates = annual_rates(1400, LOAN_DAY, [_after(7, 3000)])
    assert rates.apr == pytest.approx((3000 - 1400) / 1400 / 7 * 365, rel=1e-9)  # 5,959.18 %
    assert rates.log_rate == pytest.approx(math.log(3000 / 1400) * 365 / 7, rel=1e-9)
    assert percent_text(rates.apr, "en") == "5,959.18%"
    assert rates.extra == 1600
    # The EAR is some 1.8e17: past what a reader can use, so the page says "over".
    assert percent_text(rates.ear, "en") == "over 1,000,000%"


def test_1000_received_1200_repaid_after_14_days() -> None:
    rates = annual_rates(1000, LOAN_DAY, [_after(14, 1200)])
    assert rates.apr == pytest.approx(0.2 / 14 * 365, rel=1e-9)  # the page's old rough formula: 521.43 %
    assert percent_text(rates.apr, "zh") == "521.43%"
    assert rates.ear == pytest.approx(1.2 ** (365 / 14) - 1, rel=1e-9)


def test_12_equal_instalments_every_30_days_at_2_percent_a_month() -> None:
    monthly = 0.02
    instalment = 10_000 * monthly / (1 - (1 + monthly) ** -12)  # the annuity formula: 945.60
    rates = annual_rates(10_000, LOAN_DAY, expand(instalment, LOAN_DAY + timedelta(days=30), count=12, every=30, unit="days"))
    assert rates.apr == pytest.approx(monthly * 365 / 30, rel=1e-9)  # the period's rate times periods a year
    assert rates.ear == pytest.approx((1 + monthly) ** (365 / 30) - 1, rel=1e-9)


def test_12_calendar_month_instalments_give_back_the_rate_they_were_priced_at() -> None:
    ear = 0.30
    days = [(add_months(LOAN_DAY, k) - LOAN_DAY).days for k in range(1, 13)]
    instalment = 5_000 / sum((1 + ear) ** (-d / 365) for d in days)
    rates = annual_rates(5_000, LOAN_DAY, expand(instalment, add_months(LOAN_DAY, 1), count=12, every=1, unit="months"))
    assert rates.ear == pytest.approx(ear, rel=1e-9)


def test_no_interest_is_zero_and_printed_as_zero() -> None:
    rates = annual_rates(1000, LOAN_DAY, expand(250, LOAN_DAY + timedelta(days=30), count=4, every=1, unit="months"))
    assert abs(rates.ear) < 1e-12 and abs(rates.apr) < 1e-12
    assert percent_text(rates.apr, "en") == "0.00%"
    assert rates.extra == 0


def test_a_month_later_from_the_31st_is_the_months_last_day() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("contract", "received", "payments", "code"),
    [
        (1000, 1200, [_after(7, 1300)], "received-above-contract"),
        (1000, 800, [_after(-1, 1000)], "payment-before-loan"),
        (1000, 800, [], "schedule-empty"),
        (1000, 800, [_after(7, 0)], "schedule-empty"),
        (1000, None, [_after(7, 1000)], "received-missing"),
        (1000, 800, [_after(0, 1000)], "schedule-same-day"),
        (1000, 800, [_after(40_000, 1000)], "payment-too-late"),
    ],
)
def test_impossible_input_is_named(contract: float, received: float | None, payments: list[Payment], code: str) -> None:
    assert code in problems(contract, received, LOAN_DAY, payments)


def test_possible_input_has_no_problems() -> None:
    assert problems(2000, 1400, LOAN_DAY, [_after(7, 3000)]) == []


# -----------------------------------------------------------------------------
# Properties
# -----------------------------------------------------------------------------

schedules = st.lists(
    st.tuples(st.integers(min_value=1, max_value=730), st.floats(min_value=1, max_value=50_000, allow_nan=False)),
    min_size=1,
    max_size=24,
)
received_amounts = st.floats(min_value=10, max_value=100_000, allow_nan=False)
SLACK = 1e-9


def _rates(received: float, flows: list[tuple[int, float]]):
    return annual_rates(received, LOAN_DAY, [_after(days, amount) for days, amount in flows])


@settings(max_examples=300, deadline=None)
@given(received=received_amounts, flows=schedules, which=st.integers(min_value=0), more=st.floats(min_value=0.01, max_value=10_000))
def test_paying_more_never_lowers_the_rate(received: float, flows: list[tuple[int, float]], which: int, more: float) -> None:
    before = _rates(received, flows)
    index = which % len(flows)
    flows[index] = (flows[index][0], flows[index][1] + more)
    after = _rates(received, flows)
    assert after.log_rate >= before.log_rate - SLACK
    assert after.apr >= before.apr - SLACK * max(1.0, abs(before.apr)) or math.isinf(before.apr)


@settings(max_examples=300, deadline=None)
@given(received=received_amounts, flows=schedules, which=st.integers(min_value=0), sooner=st.integers(min_value=1, max_value=729))
def test_paying_sooner_never_lowers_the_rate(received: float, flows: list[tuple[int, float]], which: int, sooner: int) -> None:
    # A cost, not a gift: repaying less than you got has a negative rate, and
    # there paying sooner rightly lowers it further.
    assume(sum(amount for _, amount in flows) >= received)
    before = _rates(received, flows)
    index = which % len(flows)
    days, amount = flows[index]
    flows[index] = (max(1, days - sooner), amount)
    after = _rates(received, flows)
    assert after.log_rate >= before.log_rate - SLACK


@settings(max_examples=300, deadline=None)
@given(received=received_amounts, flows=schedules, scale=st.floats(min_value=0.001, max_value=1000))
def test_scaling_every_amount_leaves_the_rate_unchanged(received: float, flows: list[tuple[int, float]], scale: float) -> None:
    before = _rates(received, flows)
    after = _rates(received * scale, [(days, amount * scale) for days, amount in flows])
    assert after.log_rate == pytest.approx(before.log_rate, rel=1e-9, abs=1e-9)
    if math.isfinite(before.apr):
        assert after.apr == pytest.approx(before.apr, rel=1e-9, abs=1e-9)

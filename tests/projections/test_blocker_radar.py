"""The blocker radar, told as stories: open blockers by severity then age, and
which of them are past their escalation threshold (critical 1 day, high 3,
medium 7, low 14) and still need escalating.

Each story raises blockers through the real service on an SQLite store, with
explicit times relative to NOW, and reads the radar at NOW.
"""

from collections.abc import Iterator
from datetime import date

import pytest

from domain.service import Staffdeck
from projections.blocker_radar import DEFAULT_THRESHOLDS
from tests.projections.story import NOW, ago, deck_on, fold


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        # Every blocker in these stories stands in the way of W-1, opened a month ago.
        deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
        yield deck


def radar(deck: Staffdeck, **kwargs):
    return fold(deck).blocker_radar(NOW, **kwargs)


def only(deck: Staffdeck, **kwargs):
    (row,) = radar(deck, **kwargs)
    return row


# ---- thresholds ---------------------------------------------------------------


def test_the_default_thresholds_are_one_three_seven_and_fourteen_days():
    assert DEFAULT_THRESHOLDS == {"critical": 1, "high": 3, "medium": 7, "low": 14}


def test_a_high_blocker_two_days_old_is_not_yet_past_its_threshold(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=2))
    row = only(deck)
    assert (row.age_days, row.past_threshold, row.escalation_due) == (2, False, False)


def test_a_high_blocker_three_days_old_is_past_its_threshold_and_due_for_escalation(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=3))
    row = only(deck)
    assert (row.age_days, row.past_threshold, row.escalation_due) == (3, True, True)


def test_a_high_blocker_a_minute_short_of_three_days_is_not_past_its_threshold(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=3, minutes=-1))
    assert only(deck).past_threshold is False


@pytest.mark.parametrize(
    "severity, threshold", sorted(DEFAULT_THRESHOLDS.items()), ids=sorted(DEFAULT_THRESHOLDS)
)
def test_each_severity_passes_its_threshold_on_the_day_it_is_reached(deck, severity, threshold):
    deck.raise_blocker("Early", workstream="W-1", severity=severity, at=ago(days=threshold - 1))
    deck.raise_blocker("On the day", workstream="W-1", severity=severity, at=ago(days=threshold))
    rows = {row.title: row for row in radar(deck)}
    assert rows["Early"].past_threshold is False
    assert rows["On the day"].past_threshold is True


def test_a_critical_blocker_is_past_its_threshold_after_one_day(deck):
    deck.raise_blocker("Payments down", workstream="W-1", severity="critical", at=ago(hours=23))
    assert only(deck).escalation_due is False
    deck.raise_blocker("Fraud spike", workstream="W-1", severity="critical", at=ago(days=1))
    assert [(r.title, r.escalation_due) for r in radar(deck)] == [
        ("Fraud spike", True),
        ("Payments down", False),
    ]


def test_thresholds_are_a_parameter(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=2))
    deck.raise_blocker("Copy review", workstream="W-1", severity="low", at=ago(days=2))
    strict = {"critical": 1, "high": 1, "medium": 1, "low": 3}
    rows = {row.title: row for row in radar(deck, thresholds=strict)}
    assert rows["PCI audit"].escalation_due is True
    assert rows["Copy review"].escalation_due is False
    # The defaults are untouched by a custom call.
    assert not any(row.past_threshold for row in radar(deck))


# ---- escalation ---------------------------------------------------------------


def test_an_escalated_blocker_past_its_threshold_is_not_due_for_escalation_again(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=5))
    deck.escalate_blocker("B-1", to="cpo", why="auditor silent", at=ago(days=1))
    row = only(deck)
    assert row.past_threshold is True
    assert row.escalation_due is False
    assert (row.escalated, row.escalated_to) == (True, "cpo")


def test_a_deescalated_blocker_past_its_threshold_is_due_for_escalation_again(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=5))
    deck.escalate_blocker("B-1", to="cpo", why="auditor silent", at=ago(days=2))
    deck.deescalate_blocker("B-1", why="escalated by mistake", at=ago(days=1))
    row = only(deck)
    assert (row.escalated, row.escalated_to, row.escalation_due) == (False, None, True)


def test_an_escalated_blocker_not_yet_past_its_threshold_is_shown_as_escalated(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="low", at=ago(days=2))
    deck.escalate_blocker("B-1", to="cpo", why="early warning", at=ago(days=1))
    row = only(deck)
    assert (row.escalated, row.past_threshold, row.escalation_due) == (True, False, False)


# ---- resolution and reopening -------------------------------------------------


def test_a_resolved_blocker_leaves_the_radar(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="critical", at=ago(days=5))
    deck.raise_blocker("Copy review", workstream="W-1", severity="low", at=ago(days=5))
    deck.resolve_blocker("B-1", resolution="auditor signed off", at=ago(days=1))
    assert [row.key for row in radar(deck)] == ["B-2"]


def test_a_reopened_blocker_counts_its_age_from_the_reopening(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=20))
    deck.resolve_blocker("B-1", resolution="signed off", at=ago(days=10))
    deck.reopen_blocker("B-1", why="auditor withdrew", at=ago(days=2))
    row = only(deck)
    assert (row.age_days, row.past_threshold, row.escalation_due) == (2, False, False)


def test_a_reopened_blocker_needs_escalating_afresh(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=20))
    deck.escalate_blocker("B-1", to="cpo", why="stuck", at=ago(days=15))
    deck.resolve_blocker("B-1", resolution="signed off", at=ago(days=10))
    deck.reopen_blocker("B-1", why="auditor withdrew", at=ago(days=4))
    row = only(deck)
    assert (row.age_days, row.escalated, row.escalation_due) == (4, False, True)


# ---- what it shows, and in what order -----------------------------------------


def test_the_radar_is_ordered_by_severity_then_oldest_first(deck):
    deck.raise_blocker("Low, old", workstream="W-1", severity="low", at=ago(days=20))
    deck.raise_blocker("High, new", workstream="W-1", severity="high", at=ago(days=1))
    deck.raise_blocker("Critical, new", workstream="W-1", severity="critical", at=ago(hours=2))
    deck.raise_blocker("High, old", workstream="W-1", severity="high", at=ago(days=6))
    deck.raise_blocker("Medium", workstream="W-1", severity="medium", at=ago(days=3))
    assert [row.title for row in radar(deck)] == [
        "Critical, new",
        "High, old",
        "High, new",
        "Medium",
        "Low, old",
    ]


def test_blockers_of_one_severity_less_than_a_day_apart_are_still_ordered_oldest_first(deck):
    # B-2 is recorded after B-1 but happened 17 hours earlier: it is the older,
    # though both are "0 days" old.
    deck.raise_blocker("Morning", workstream="W-1", severity="high", at=ago(hours=3))
    deck.raise_blocker("Night before", workstream="W-1", severity="high", at=ago(hours=20))
    assert [row.title for row in radar(deck)] == ["Night before", "Morning"]


def test_a_severity_change_moves_a_blocker_up_the_radar(deck):
    deck.raise_blocker("PCI audit", workstream="W-1", severity="low", at=ago(days=3))
    deck.raise_blocker("Vendor late", workstream="W-1", severity="medium", at=ago(days=3))
    deck.change_severity("B-1", "critical", at=ago(days=2))
    rows = radar(deck)
    assert [row.key for row in rows] == ["B-1", "B-2"]
    # Its age still counts from when it was raised: 3 days, past a critical threshold.
    assert (rows[0].severity, rows[0].age_days, rows[0].escalation_due) == ("critical", 3, True)


def test_a_row_carries_who_owns_it_where_it_is_and_when_it_is_needed(deck):
    deck.raise_blocker(
        "PCI audit", workstream="W-1", severity="high", owner="bo",
        needed_by=date(2026, 10, 10), at=ago(days=1),
    )
    deck.reassign_blocker("B-1", "cy", at=ago(hours=5))
    row = only(deck)
    assert (row.key, row.title, row.workstream, row.owner, row.severity, row.needed_by) == (
        "B-1", "PCI audit", "W-1", "cy", "high", date(2026, 10, 10),
    )


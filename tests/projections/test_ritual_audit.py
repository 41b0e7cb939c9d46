"""The ritual audit, told as stories: each meeting's cadence, owner, last and
next occurrence, what its last four occurrences informed and surfaced, and
whether it has become "process theater" — a retirement candidate.
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from domain.service import Staffdeck
from projections.ritual_audit import AUDIT_WINDOW, MIN_OCCURRENCES
from tests.projections.story import ago, deck_on, fold

LONG_AGO = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        # Something for the meetings to decide and to surface.
        deck.open_workstream("Checkout v2", owner="ana", at=LONG_AGO)
        deck.raise_decision("Which PSP?", workstream="W-1", owner="ana", at=LONG_AGO)
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=LONG_AGO)
        yield deck


def establish(deck: Staffdeck, name: str = "Staff meeting", cadence: str = "weekly") -> str:
    return deck.establish_ritual(
        name, cadence=cadence, purpose="triage", owner="ana", at=LONG_AGO
    ).key


def hold(deck: Staffdeck, key: str, held_on: date, informed=(), surfaced=()) -> None:
    deck.hold_ritual(
        key, informed=informed, surfaced=surfaced, held_on=held_on,
        at=datetime(held_on.year, held_on.month, held_on.day, 17, 0, tzinfo=UTC),
    )


def audit(deck: Staffdeck):
    return fold(deck).ritual_audit()


def only(deck: Staffdeck):
    (row,) = audit(deck)
    return row


# ---- what a row says ------------------------------------------------------------


def test_a_ritual_never_held_is_due_from_the_day_it_was_established(deck):
    key = establish(deck)
    row = only(deck)
    assert (row.key, row.name, row.cadence, row.owner, row.purpose) == (
        key, "Staff meeting", "weekly", "ana", "triage",
    )
    assert (row.last_held, row.next_due, row.occurrences) == (None, LONG_AGO.date(), 0)
    assert (row.retirement_candidate, row.retired, row.retired_reason) == (False, False, None)


def test_last_held_is_the_latest_occurrence(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 9, 1))
    hold(deck, key, date(2026, 9, 8))
    row = only(deck)
    assert (row.last_held, row.occurrences) == (date(2026, 9, 8), 2)


# ---- next due, by cadence --------------------------------------------------------


@pytest.mark.parametrize(
    "cadence, held_on, next_due",
    [
        ("weekly", date(2026, 9, 24), date(2026, 10, 1)),
        ("weekly", date(2025, 12, 29), date(2026, 1, 5)),
        ("biweekly", date(2026, 9, 24), date(2026, 10, 8)),
        ("monthly", date(2026, 8, 14), date(2026, 9, 14)),
        ("monthly", date(2025, 12, 15), date(2026, 1, 15)),
        ("monthly", date(2026, 1, 31), date(2026, 2, 28)),
        ("monthly", date(2024, 1, 31), date(2024, 2, 29)),
        ("monthly", date(2026, 8, 31), date(2026, 9, 30)),
        ("monthly", date(2026, 3, 30), date(2026, 4, 30)),
        ("quarterly", date(2026, 7, 14), date(2026, 10, 14)),
        ("quarterly", date(2026, 3, 31), date(2026, 6, 30)),
        ("quarterly", date(2025, 11, 30), date(2026, 2, 28)),
    ],
    ids=[
        "weekly", "weekly-new-year", "biweekly", "monthly", "monthly-new-year",
        "monthly-31-jan-to-28-feb", "monthly-leap-year", "monthly-31-aug-to-30-sep",
        "monthly-30th", "quarterly", "quarterly-month-end", "quarterly-new-year-month-end",
    ],
)
def test_the_next_occurrence_follows_the_cadence_from_the_last_one(deck, cadence, held_on, next_due):
    key = establish(deck, cadence=cadence)
    hold(deck, key, held_on)
    assert only(deck).next_due == next_due


def test_a_changed_cadence_moves_the_next_occurrence(deck):
    key = establish(deck, cadence="weekly")
    hold(deck, key, date(2026, 9, 2))
    assert only(deck).next_due == date(2026, 9, 9)
    deck.change_cadence(key, "monthly", at=ago(days=2))
    row = only(deck)
    assert (row.cadence, row.next_due) == ("monthly", date(2026, 10, 2))


# ---- retirement candidates -------------------------------------------------------


def test_the_audit_looks_back_four_occurrences_and_needs_two():
    assert (AUDIT_WINDOW, MIN_OCCURRENCES) == (4, 2)


def test_a_ritual_held_once_with_nothing_to_show_is_not_yet_a_candidate(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 9, 1))
    assert only(deck).retirement_candidate is False


def test_a_ritual_held_twice_that_informed_and_surfaced_nothing_is_a_retirement_candidate(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 9, 1))
    hold(deck, key, date(2026, 9, 8))
    row = only(deck)
    assert (row.decisions_informed, row.blockers_surfaced, row.retirement_candidate) == (0, 0, True)


def test_a_ritual_that_informed_a_decision_is_not_a_candidate(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 9, 1), informed=["D-1"])
    hold(deck, key, date(2026, 9, 8))
    row = only(deck)
    assert (row.decisions_informed, row.blockers_surfaced, row.retirement_candidate) == (1, 0, False)


def test_a_ritual_that_surfaced_a_blocker_is_not_a_candidate(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 9, 1))
    hold(deck, key, date(2026, 9, 8), surfaced=["B-1"])
    row = only(deck)
    assert (row.decisions_informed, row.blockers_surfaced, row.retirement_candidate) == (0, 1, False)


def test_what_a_ritual_earned_counts_only_over_its_last_four_occurrences(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 8, 4), informed=["D-1"], surfaced=["B-1"])
    for day in (11, 18, 25):
        hold(deck, key, date(2026, 8, day))
    # Four held: the first, useful one is still in the window.
    row = only(deck)
    assert (row.decisions_informed, row.blockers_surfaced, row.retirement_candidate) == (1, 1, False)
    # A fifth empty one pushes it out: four empty meetings in a row.
    hold(deck, key, date(2026, 9, 1))
    row = only(deck)
    assert (row.occurrences, row.decisions_informed, row.blockers_surfaced) == (5, 0, 0)
    assert row.retirement_candidate is True


def test_a_candidate_that_informs_a_decision_again_is_no_longer_a_candidate(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 9, 1))
    hold(deck, key, date(2026, 9, 8))
    assert only(deck).retirement_candidate is True
    hold(deck, key, date(2026, 9, 15), informed=["D-1"])
    assert only(deck).retirement_candidate is False


# ---- retired --------------------------------------------------------------------


def test_a_retired_ritual_keeps_its_reason_and_is_no_longer_due_or_a_candidate(deck):
    key = establish(deck)
    hold(deck, key, date(2026, 9, 1))
    hold(deck, key, date(2026, 9, 8))
    deck.retire_ritual(key, reason="no decisions in two months", at=ago(days=1))
    row = only(deck)
    assert (row.retired, row.retired_reason) == (True, "no decisions in two months")
    assert (row.retirement_candidate, row.next_due) == (False, None)
    assert row.last_held == date(2026, 9, 8)


def test_retired_rituals_are_listed_after_the_active_ones(deck):
    for name in ("Staff meeting", "Product review", "Retro", "Async update"):
        establish(deck, name)
    deck.retire_ritual("R-1", reason="replaced by the async update", at=ago(days=3))
    deck.retire_ritual("R-3", reason="theater", at=ago(days=2))
    assert [(row.key, row.retired) for row in audit(deck)] == [
        ("R-2", False), ("R-4", False), ("R-1", True), ("R-3", True),
    ]

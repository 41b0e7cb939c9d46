"""The workstream status map, told as stories: one line per open workstream with
its owner, state, next decision point, top blocker (most severe, then oldest),
escalation, and how stale its last status report is (stale after 14 days).
"""

from collections.abc import Iterator
from datetime import date

import pytest

from domain.service import Staffdeck
from projections.workstream_map import STALE_AFTER_DAYS
from tests.projections.story import NOW, ago, deck_on, fold


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        yield deck


def workstream_map(deck: Staffdeck):
    return fold(deck).workstream_map(NOW)


def row_of(deck: Staffdeck, key: str):
    return {row.key: row for row in workstream_map(deck)}[key]


# ---- one line per open workstream ---------------------------------------------


def test_a_new_workstream_is_on_track_with_nothing_in_its_way(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=2))
    (row,) = workstream_map(deck)
    assert (row.key, row.title, row.owner, row.state) == ("W-1", "Checkout v2", "ana", "on_track")
    assert (row.top_blocker, row.top_blocker_title, row.top_blocker_severity) == (None, None, None)
    assert (row.escalated, row.escalated_to) == (False, None)
    assert (row.next_decision_on, row.next_decision_what) == (None, "")


def test_the_map_shows_the_latest_state_owner_and_next_decision_point(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=20))
    deck.report_status("W-1", "at_risk", note="vendor late", at=ago(days=10))
    deck.change_workstream_owner("W-1", "bo", at=ago(days=9))
    deck.set_next_decision_point("W-1", date(2026, 10, 1), "go/no-go", at=ago(days=8))
    deck.report_status("W-1", "off_track", at=ago(days=3))
    row = row_of(deck, "W-1")
    assert (row.owner, row.state) == ("bo", "off_track")
    assert (row.next_decision_on, row.next_decision_what) == (date(2026, 10, 1), "go/no-go")


def test_a_closed_workstream_is_not_on_the_map(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=20))
    deck.open_workstream("Search", owner="bo", at=ago(days=20))
    deck.close_workstream("W-1", why="shipped", at=ago(days=1))
    assert [row.key for row in workstream_map(deck)] == ["W-2"]


def test_a_workstream_reported_done_stays_on_the_map_until_it_is_closed(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=20))
    deck.report_status("W-1", "done", at=ago(days=1))
    assert row_of(deck, "W-1").state == "done"


def test_workstreams_are_listed_in_key_order_past_nine(deck):
    for number in range(1, 12):
        deck.open_workstream(f"Stream {number}", owner="ana", at=ago(days=5))
    assert [row.key for row in workstream_map(deck)] == [f"W-{n}" for n in range(1, 12)]


# ---- staleness ----------------------------------------------------------------


def test_staleness_starts_at_fourteen_days():
    assert STALE_AFTER_DAYS == 14


def test_a_workstream_with_no_report_for_thirteen_days_is_not_stale(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=40))
    deck.report_status("W-1", "on_track", at=ago(days=13))
    row = row_of(deck, "W-1")
    assert (row.days_since_update, row.stale) == (13, False)


def test_a_workstream_with_no_report_for_fourteen_days_is_stale(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=40))
    deck.report_status("W-1", "on_track", at=ago(days=14))
    row = row_of(deck, "W-1")
    assert (row.days_since_update, row.stale) == (14, True)


def test_a_workstream_never_reported_on_counts_from_its_opening(deck):
    deck.open_workstream("Fresh", owner="ana", at=ago(days=13))
    deck.open_workstream("Forgotten", owner="bo", at=ago(days=14))
    rows = {row.title: row for row in workstream_map(deck)}
    assert (rows["Fresh"].days_since_update, rows["Fresh"].stale) == (13, False)
    assert (rows["Forgotten"].days_since_update, rows["Forgotten"].stale) == (14, True)


def test_only_a_status_report_makes_a_workstream_fresh(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.report_status("W-1", "at_risk", at=ago(days=20))
    # Other changes are not status reports: the report is still 20 days old.
    deck.change_workstream_owner("W-1", "bo", at=ago(days=1))
    deck.set_next_decision_point("W-1", date(2026, 10, 1), "go/no-go", at=ago(days=1))
    deck.escalate_workstream("W-1", to="cpo", why="vendor late", at=ago(days=1))
    row = row_of(deck, "W-1")
    assert (row.days_since_update, row.stale) == (20, True)


# ---- the top blocker -----------------------------------------------------------


def test_the_top_blocker_is_the_most_severe_open_one(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.raise_blocker("Old and low", workstream="W-1", severity="low", at=ago(days=20))
    deck.raise_blocker("New and high", workstream="W-1", severity="high", at=ago(days=1))
    deck.raise_blocker("Middling", workstream="W-1", severity="medium", at=ago(days=10))
    row = row_of(deck, "W-1")
    assert (row.top_blocker, row.top_blocker_title, row.top_blocker_severity) == (
        "B-2", "New and high", "high",
    )


def test_between_blockers_of_equal_severity_the_oldest_is_on_top(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.raise_blocker("Newer", workstream="W-1", severity="high", at=ago(days=2))
    deck.raise_blocker("Older", workstream="W-1", severity="high", at=ago(days=5))  # backfilled
    assert row_of(deck, "W-1").top_blocker == "B-2"


def test_the_top_blocker_is_the_one_the_radar_lists_first_for_that_workstream(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.raise_blocker("Morning", workstream="W-1", severity="high", at=ago(hours=3))
    deck.raise_blocker("Night before", workstream="W-1", severity="high", at=ago(hours=20))
    models = fold(deck)
    first_on_radar = next(r for r in models.blocker_radar(NOW) if r.workstream == "W-1")
    assert models.workstream_map(NOW)[0].top_blocker == first_on_radar.key == "B-2"


def test_a_resolved_blocker_is_never_the_top_blocker(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.raise_blocker("PCI audit", workstream="W-1", severity="critical", at=ago(days=5))
    deck.raise_blocker("Copy review", workstream="W-1", severity="low", at=ago(days=5))
    deck.resolve_blocker("B-1", resolution="signed off", at=ago(days=1))
    assert row_of(deck, "W-1").top_blocker == "B-2"
    deck.resolve_blocker("B-2", resolution="done", at=ago(hours=1))
    assert row_of(deck, "W-1").top_blocker is None


def test_a_reopened_blocker_ranks_by_its_reopening(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=20))
    deck.raise_blocker("Vendor late", workstream="W-1", severity="high", at=ago(days=10))
    deck.resolve_blocker("B-1", resolution="signed off", at=ago(days=15))
    deck.reopen_blocker("B-1", why="auditor withdrew", at=ago(days=2))
    # B-1 was raised first, but as an open blocker it is two days old; B-2 is older.
    assert row_of(deck, "W-1").top_blocker == "B-2"


def test_each_workstream_gets_its_own_top_blocker(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.open_workstream("Search", owner="bo", at=ago(days=30))
    deck.open_workstream("Billing", owner="cy", at=ago(days=30))
    deck.raise_blocker("PCI audit", workstream="W-1", severity="critical", at=ago(days=3))
    deck.raise_blocker("Index lag", workstream="W-2", severity="low", at=ago(days=3))
    assert [(row.key, row.top_blocker) for row in workstream_map(deck)] == [
        ("W-1", "B-1"), ("W-2", "B-2"), ("W-3", None),
    ]


# ---- escalation ---------------------------------------------------------------


def test_an_escalated_workstream_says_to_whom_until_it_is_deescalated(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=30))
    deck.escalate_workstream("W-1", to="cpo", why="vendor late", at=ago(days=5))
    row = row_of(deck, "W-1")
    assert (row.escalated, row.escalated_to) == (True, "cpo")
    deck.deescalate_workstream("W-1", why="vendor back", at=ago(days=1))
    row = row_of(deck, "W-1")
    assert (row.escalated, row.escalated_to) == (False, None)

"""Follow-through, told as stories: the actions still owed, which have slipped
(past due and not done) and by how many days, and the completion rate —
completed / (completed + dropped + slipped).
"""

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from domain.service import Staffdeck
from tests.projections.story import NOW, TODAY, ago, deck_on, fold


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        yield deck


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def assign(deck: Staffdeck, title: str, due: date, owner: str = "bo", source: str | None = None) -> str:
    return deck.assign_action(title, owner=owner, due=due, source=source, at=ago(days=30)).key


def actions(deck: Staffdeck):
    return fold(deck).open_actions(NOW)


def summary(deck: Staffdeck):
    return fold(deck).follow_through(NOW)


# ---- open actions and what slipped ---------------------------------------------


def test_an_action_due_later_is_open_and_has_not_slipped(deck):
    assign(deck, "Send the shortlist", day(3), owner="cy")
    (row,) = actions(deck)
    assert (row.key, row.title, row.owner, row.due, row.source, row.status) == (
        "A-1", "Send the shortlist", "cy", day(3), None, "open",
    )
    assert (row.slipped, row.days_overdue) == (False, 0)


def test_an_action_due_today_has_not_slipped(deck):
    assign(deck, "Send the shortlist", day(0))
    (row,) = actions(deck)
    assert (row.slipped, row.days_overdue) == (False, 0)


def test_an_action_past_its_due_date_has_slipped_by_the_days_since(deck):
    assign(deck, "Send the shortlist", day(-1))
    assign(deck, "Book the auditor", day(-12))
    rows = {row.title: row for row in actions(deck)}
    assert (rows["Send the shortlist"].slipped, rows["Send the shortlist"].days_overdue) == (True, 1)
    assert (rows["Book the auditor"].slipped, rows["Book the auditor"].days_overdue) == (True, 12)


def test_completed_and_dropped_actions_are_no_longer_owed(deck):
    assign(deck, "Send the shortlist", day(-5))
    assign(deck, "Book the auditor", day(-5))
    assign(deck, "Call the bank", day(5))
    deck.complete_action("A-1", note="sent", at=ago(days=1))
    deck.drop_action("A-2", why="auditor booked himself", at=ago(days=1))
    assert [row.key for row in actions(deck)] == ["A-3"]


def test_slipped_actions_come_first_most_overdue_first_then_by_due_date(deck):
    assign(deck, "Due next week", day(7))
    assign(deck, "A day late", day(-1))
    assign(deck, "Due tomorrow", day(1))
    assign(deck, "A fortnight late", day(-14))
    assign(deck, "Due today", day(0))
    assert [row.title for row in actions(deck)] == [
        "A fortnight late", "A day late", "Due today", "Due tomorrow", "Due next week",
    ]


def test_an_action_remembers_the_decision_or_ritual_it_came_from(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=40))
    deck.raise_decision("Which PSP?", workstream="W-1", owner="ana", at=ago(days=40))
    deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana", at=ago(days=40))
    assign(deck, "Send the shortlist", day(3), source="D-1")
    assign(deck, "Book the room", day(3), source="R-1")
    assert [row.source for row in actions(deck)] == ["D-1", "R-1"]


# ---- the summary and the completion rate -----------------------------------------


def test_the_completion_rate_is_completed_over_completed_dropped_and_slipped(deck):
    for title in ("Done 1", "Done 2", "Done 3"):
        assign(deck, title, day(-10))
    assign(deck, "Dropped", day(-10))
    assign(deck, "Slipped", day(-2))
    assign(deck, "Still in time", day(4))
    for key in ("A-1", "A-2", "A-3"):
        deck.complete_action(key, at=ago(days=11))
    deck.drop_action("A-4", why="no longer needed", at=ago(days=11))
    s = summary(deck)
    assert (s.open, s.slipped, s.completed, s.dropped) == (2, 1, 3, 1)
    # 3 / (3 + 1 + 1): the action still in time is not judged yet.
    assert s.completion_rate == pytest.approx(0.6)


def test_an_action_completed_late_counts_as_completed_not_slipped(deck):
    assign(deck, "Send the shortlist", day(-10))
    deck.complete_action("A-1", note="sent, late", at=ago(days=2))
    s = summary(deck)
    assert (s.open, s.slipped, s.completed, s.completion_rate) == (0, 0, 1, 1.0)


def test_only_slipped_actions_make_a_completion_rate_of_zero(deck):
    assign(deck, "Send the shortlist", day(-1))
    assign(deck, "Book the auditor", day(-3))
    s = summary(deck)
    assert (s.open, s.slipped, s.completion_rate) == (2, 2, 0.0)


def test_with_nothing_judged_yet_there_is_no_completion_rate(deck):
    assert summary(deck).completion_rate is None
    assign(deck, "Send the shortlist", day(3))
    s = summary(deck)
    assert (s.open, s.slipped, s.completed, s.dropped, s.completion_rate) == (1, 0, 0, 0, None)


def test_an_action_slips_as_the_days_pass(deck):
    assign(deck, "Send the shortlist", day(2))
    models = fold(deck)
    assert models.follow_through(NOW).slipped == 0
    later = NOW + timedelta(days=3)
    assert models.follow_through(later).slipped == 1
    (row,) = models.open_actions(later)
    assert (row.slipped, row.days_overdue) == (True, 1)

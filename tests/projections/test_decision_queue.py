"""The decision queue, told as stories: open decisions (raised, deferred,
reopened) most urgent first — overdue, then by due date, those without one
last — then decided ones whose review-by date has come, as "review due".
"""

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from domain.service import Staffdeck
from tests.projections.story import NOW, TODAY, ago, deck_on, fold


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        deck.open_workstream("Checkout v2", owner="ana", at=ago(days=500))
        yield deck


def queue(deck: Staffdeck):
    return fold(deck).decision_queue(NOW)


def day(offset: int) -> date:
    """A day relative to today: day(-2) is the day before yesterday."""
    return TODAY + timedelta(days=offset)


def raise_(deck: Staffdeck, question: str, due: date | None = None, days_ago: float = 10):
    return deck.raise_decision(question, workstream="W-1", owner="ana", due=due, at=ago(days=days_ago))


# ---- what waits ---------------------------------------------------------------


def test_a_raised_decision_waits_in_the_queue(deck):
    deck.raise_decision(
        "Which PSP?", workstream="W-1", owner="bo", due=day(5), at=ago(days=4, hours=1)
    )
    (row,) = queue(deck)
    assert (row.key, row.question, row.workstream, row.owner, row.status) == (
        "D-1", "Which PSP?", "W-1", "bo", "open",
    )
    assert (row.due, row.days_open, row.overdue, row.review_due, row.reopened) == (
        day(5), 4, False, False, False,
    )


def test_a_decision_due_yesterday_is_overdue_and_one_due_today_is_not(deck):
    raise_(deck, "Due yesterday", due=day(-1))
    raise_(deck, "Due today", due=day(0))
    rows = {row.question: row for row in queue(deck)}
    assert rows["Due yesterday"].overdue is True
    assert rows["Due today"].overdue is False


@pytest.mark.parametrize(
    "settle",
    [
        lambda deck: deck.make_decision("D-1", choice="Adyen", reasoning="coverage", at=ago(days=1)),
        lambda deck: deck.withdraw_decision("D-1", why="moot", at=ago(days=1)),
        lambda deck: deck.supersede_decision("D-1", by="D-2", at=ago(days=1)),
    ],
    ids=["decided", "withdrawn", "superseded"],
)
def test_a_settled_decision_leaves_the_queue(deck, settle):
    raise_(deck, "Which PSP?", due=day(-3))
    raise_(deck, "Which PSP, after the merger?", due=day(20))
    settle(deck)
    assert [row.key for row in queue(deck)] == ["D-2"]


# ---- order --------------------------------------------------------------------


def test_overdue_decisions_come_first_then_by_due_date_and_those_without_one_last(deck):
    raise_(deck, "No due date")
    raise_(deck, "Due in a week", due=day(7))
    raise_(deck, "Overdue by a day", due=day(-1))
    raise_(deck, "Due tomorrow", due=day(1))
    raise_(deck, "Overdue by a week", due=day(-7))
    raise_(deck, "Also no due date")
    assert [row.question for row in queue(deck)] == [
        "Overdue by a week",
        "Overdue by a day",
        "Due tomorrow",
        "Due in a week",
        "No due date",
        "Also no due date",
    ]


def test_a_deferred_decision_waits_until_its_new_date(deck):
    raise_(deck, "Which PSP?", due=day(-5))
    raise_(deck, "Which bank?", due=day(3))
    deck.defer_decision("D-1", until=day(10), why="waiting on legal", at=ago(days=1))
    rows = queue(deck)
    # No longer overdue: it is due on the new date, after D-2.
    assert [row.key for row in rows] == ["D-2", "D-1"]
    assert (rows[1].status, rows[1].due, rows[1].overdue) == ("deferred", day(10), False)


def test_a_deferred_decision_whose_new_date_has_passed_is_overdue_again(deck):
    raise_(deck, "Which PSP?", due=day(-20), days_ago=30)
    deck.defer_decision("D-1", until=day(-2), why="waiting on legal", at=ago(days=15))
    (row,) = queue(deck)
    assert (row.status, row.due, row.overdue) == ("deferred", day(-2), True)


# ---- reopened -----------------------------------------------------------------


def test_a_reopened_decision_is_back_in_the_queue_flagged_as_reopened(deck):
    raise_(deck, "Which PSP?", due=day(5))
    deck.make_decision("D-1", choice="Adyen", reasoning="coverage", at=ago(days=8))
    assert queue(deck) == []
    deck.reopen_decision("D-1", why="Adyen doubled its fee", conditions=["fee > 2%"], at=ago(days=1))
    (row,) = queue(deck)
    assert (row.key, row.status, row.reopened, row.review_due) == ("D-1", "reopened", True, False)


def test_a_decision_never_reopened_is_not_flagged(deck):
    raise_(deck, "Which PSP?")
    assert queue(deck)[0].reopened is False


# ---- review due ---------------------------------------------------------------


def test_a_decided_decision_whose_review_by_date_has_passed_is_review_due(deck):
    raise_(deck, "Which PSP?", days_ago=40)
    deck.make_decision(
        "D-1", choice="Adyen", reasoning="coverage", review_by=day(-1), at=ago(days=30)
    )
    (row,) = queue(deck)
    assert (row.key, row.status, row.review_due, row.due, row.overdue) == (
        "D-1", "review due", True, day(-1), False,
    )


def test_a_decision_is_review_due_on_its_review_by_date_and_not_before(deck):
    raise_(deck, "Review today", days_ago=40)
    raise_(deck, "Review tomorrow", days_ago=40)
    for key, review_by in (("D-1", day(0)), ("D-2", day(1))):
        deck.make_decision(key, choice="yes", reasoning="why not", review_by=review_by, at=ago(days=30))
    assert [row.question for row in queue(deck)] == ["Review today"]


def test_a_decided_decision_without_a_review_by_date_never_comes_back(deck):
    raise_(deck, "Which PSP?", days_ago=400)
    deck.make_decision("D-1", choice="Adyen", reasoning="coverage", at=ago(days=300))
    assert queue(deck) == []


def test_reviews_due_come_after_every_decision_still_waiting(deck):
    raise_(deck, "Review long overdue", days_ago=100)
    deck.make_decision("D-1", choice="yes", reasoning="ok", review_by=day(-60), at=ago(days=90))
    raise_(deck, "Review due lately", days_ago=100)
    deck.make_decision("D-2", choice="yes", reasoning="ok", review_by=day(-3), at=ago(days=90))
    raise_(deck, "Waiting, no due date")
    raise_(deck, "Waiting, overdue", due=day(-1))
    assert [(row.question, row.status) for row in queue(deck)] == [
        ("Waiting, overdue", "open"),
        ("Waiting, no due date", "open"),
        ("Review long overdue", "review due"),
        ("Review due lately", "review due"),
    ]


def test_a_decision_reopened_and_decided_again_keeps_its_reopened_flag_when_review_is_due(deck):
    raise_(deck, "Which PSP?", days_ago=40)
    deck.make_decision("D-1", choice="Adyen", reasoning="coverage", at=ago(days=30))
    deck.reopen_decision("D-1", why="fee doubled", at=ago(days=20))
    deck.make_decision("D-1", choice="Stripe", reasoning="price", review_by=day(-1), at=ago(days=10))
    (row,) = queue(deck)
    assert (row.status, row.review_due, row.reopened) == ("review due", True, True)


def test_a_superseded_decision_is_not_reviewed(deck):
    raise_(deck, "Which PSP?", days_ago=40)
    deck.make_decision("D-1", choice="Adyen", reasoning="coverage", review_by=day(-1), at=ago(days=30))
    raise_(deck, "Which PSP, after the merger?", days_ago=5)
    deck.supersede_decision("D-1", by="D-2", at=ago(days=4))
    assert [row.key for row in queue(deck)] == ["D-2"]

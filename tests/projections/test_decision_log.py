"""Decision memory, told as stories: every decision's whole record and history,
superseded decisions linked both ways, and a search that needs every word
somewhere in the record (case-insensitive).
"""

from collections.abc import Iterator
from datetime import date

import pytest

from domain.service import Staffdeck
from events import DecisionMade, DecisionRaised, DecisionSuperseded, RejectedAlternative
from tests.projections.story import ago, deck_on, fold


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        deck.open_workstream("Checkout v2", owner="ana", at=ago(days=100))
        yield deck


def record(deck: Staffdeck, key: str):
    return fold(deck).decisions.decisions[key]


def found(deck: Staffdeck, words: str) -> list[str]:
    return [r.key for r in fold(deck).search_decisions(words)]


@pytest.fixture
def psp(deck) -> Staffdeck:
    """D-1, "Which PSP?", raised with its problem and context, then decided."""
    deck.raise_decision(
        "Which PSP?", workstream="W-1", owner="ana", due=date(2026, 9, 15),
        problem="card fees eat the margin", context="EU growth", options=["Adyen"],
        deciders=["cy"], at=ago(days=40),
    )
    deck.add_option("D-1", "Stripe", at=ago(days=39))
    deck.make_decision(
        "D-1", choice="Adyen", reasoning="local acquiring in Spain",
        rejected=[("Stripe", "Interchange markup too high"), ("Braintree", "no SEPA debit")],
        expected="2% more conversions", reopen_conditions=["acquirer outage lasting a week"],
        review_by=date(2027, 1, 1), decided_by=["cy"], at=ago(days=30),
    )
    return deck


# ---- the whole record ---------------------------------------------------------


def test_a_decision_keeps_its_whole_record(psp):
    d = record(psp, "D-1")
    assert (d.key, d.question, d.workstream, d.owner, d.status) == (
        "D-1", "Which PSP?", "W-1", "ana", "decided",
    )
    assert (d.problem, d.context, d.options, d.deciders, d.due) == (
        "card fees eat the margin", "EU growth", ("Adyen", "Stripe"), ("cy",), date(2026, 9, 15),
    )
    assert (d.choice, d.reasoning, d.expected) == ("Adyen", "local acquiring in Spain", "2% more conversions")
    assert d.rejected == (
        RejectedAlternative("Stripe", "Interchange markup too high"),
        RejectedAlternative("Braintree", "no SEPA debit"),
    )
    assert (d.reopen_conditions, d.review_by, d.decided_by, d.decided_at) == (
        ("acquirer outage lasting a week",), date(2027, 1, 1), ("cy",), ago(days=30),
    )
    assert d.raised_at == ago(days=40)


def test_a_decision_keeps_its_history_oldest_first(psp):
    psp.reopen_decision(
        "D-1", why="Adyen doubled its fee", conditions=["fee above 2%"], at=ago(days=10)
    )
    psp.make_decision("D-1", choice="Stripe", reasoning="price", at=ago(days=5))
    d = record(psp, "D-1")
    assert [type(e).__name__ for e in d.history] == [
        "DecisionRaised", "DecisionOptionAdded", "DecisionMade", "DecisionReopened", "DecisionMade",
    ]
    assert d.history == tuple(psp.history("D-1"))
    # Decided again: the record holds the latest choice, and counts the reopening.
    assert (d.status, d.choice, d.reopened_count, d.decided_at) == ("decided", "Stripe", 1, ago(days=5))


def test_a_withdrawn_decision_keeps_why(deck):
    deck.raise_decision("Which PSP?", workstream="W-1", owner="ana", at=ago(days=10))
    deck.withdraw_decision("D-1", why="the merger changes everything", at=ago(days=1))
    d = record(deck, "D-1")
    assert (d.status, d.closed_why, d.is_open) == ("withdrawn", "the merger changes everything", False)


def test_the_log_lists_every_decision_ever_raised_in_key_order(deck):
    for number in range(1, 12):
        deck.raise_decision(f"Question {number}", workstream="W-1", owner="ana", at=ago(days=20 - number))
    deck.withdraw_decision("D-3", why="moot", at=ago(days=1))
    deck.make_decision("D-10", choice="yes", reasoning="ok", at=ago(days=1))
    log = fold(deck).decision_log()
    assert [d.key for d in log] == [f"D-{n}" for n in range(1, 12)]
    assert {d.key: d.status for d in log}["D-3"] == "withdrawn"


# ---- superseded, linked both ways ---------------------------------------------


def test_a_superseded_decision_and_its_successor_are_linked_both_ways(psp):
    psp.raise_decision("Which PSP, after the merger?", workstream="W-1", owner="bo", at=ago(days=3))
    psp.supersede_decision("D-1", by="D-2", at=ago(days=2))
    old, new = record(psp, "D-1"), record(psp, "D-2")
    assert (old.status, old.superseded_by, old.supersedes) == ("superseded", "D-2", ())
    assert (new.status, new.superseded_by, new.supersedes) == ("open", None, ("D-1",))
    # The one event is in both histories.
    (event,) = [e for e in old.history if isinstance(e, DecisionSuperseded)]
    assert (event.key, event.by) == ("D-1", "D-2")
    assert event in new.history
    assert [type(e) for e in new.history] == [DecisionRaised, DecisionSuperseded]


def test_a_decision_can_supersede_several(deck):
    for question in ("PSP for Spain?", "PSP for France?", "One PSP for the EU?"):
        deck.raise_decision(question, workstream="W-1", owner="ana", at=ago(days=10))
    deck.supersede_decision("D-1", by="D-3", at=ago(days=2))
    deck.supersede_decision("D-2", by="D-3", at=ago(days=1))
    assert record(deck, "D-3").supersedes == ("D-1", "D-2")
    assert [record(deck, k).superseded_by for k in ("D-1", "D-2")] == ["D-3", "D-3"]


# ---- search -------------------------------------------------------------------


def test_search_finds_words_in_the_grounds_of_a_rejected_alternative(psp):
    assert found(psp, "interchange markup") == ["D-1"]
    assert found(psp, "SEPA") == ["D-1"]


def test_search_finds_words_in_the_conditions_that_would_reopen_a_decision(psp):
    assert found(psp, "acquirer outage") == ["D-1"]


def test_search_finds_words_in_the_condition_given_when_it_was_reopened(psp):
    psp.reopen_decision(
        "D-1", why="Adyen doubled its fee", conditions=["regulator fines"], at=ago(days=2)
    )
    assert found(psp, "regulator fines") == ["D-1"]
    assert found(psp, "doubled") == ["D-1"]


@pytest.mark.parametrize(
    "words",
    ["Which PSP", "margin", "EU growth", "Stripe", "Spain", "conversions", "cy", "W-1", "D-1", "decided"],
    ids=["question", "problem", "context", "option", "reasoning", "expected", "decider", "workstream",
         "key", "status"],
)
def test_search_looks_in_every_field(psp, words):
    assert found(psp, words) == ["D-1"]


def test_search_needs_every_word(psp):
    assert found(psp, "interchange markup") == ["D-1"]
    assert found(psp, "interchange bitcoin") == []


def test_search_takes_its_words_from_any_fields(psp):
    # "Spain" is in the reasoning, "SEPA" in rejected grounds, "outage" in a reopen condition.
    assert found(psp, "Spain SEPA outage") == ["D-1"]


def test_search_ignores_case(psp):
    assert found(psp, "INTERCHANGE Markup") == found(psp, "interchange markup") == ["D-1"]


def test_search_lists_the_newest_decision_first(deck):
    deck.raise_decision("Old pricing question", workstream="W-1", owner="ana", at=ago(days=30))
    deck.raise_decision("New pricing question", workstream="W-1", owner="ana", at=ago(days=1))
    deck.raise_decision("Middle pricing question", workstream="W-1", owner="ana", at=ago(days=10))
    deck.raise_decision("Hiring question", workstream="W-1", owner="ana", at=ago(days=5))
    assert found(deck, "pricing question") == ["D-2", "D-3", "D-1"]


def test_search_still_finds_a_decision_by_what_an_earlier_round_rejected(psp):
    # Decided, reopened and decided again: the first round's rejected grounds
    # are still part of its history, and still what stops re-litigation.
    psp.reopen_decision("D-1", why="Adyen doubled its fee", at=ago(days=10))
    psp.make_decision("D-1", choice="Stripe", reasoning="price", at=ago(days=5))
    assert [type(e) for e in record(psp, "D-1").history].count(DecisionMade) == 2
    assert found(psp, "interchange markup") == ["D-1"]

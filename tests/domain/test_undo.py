"""Undo appends the opposite fact; history keeps both, and nothing is deleted.

Each story: record a change, ask what undoing it would append, append that,
and check the item is back where it was — with both events in its history.
"""

from collections.abc import Iterator
from datetime import date

import pytest

from domain.errors import DecisionNotMade
from domain.service import Staffdeck
from domain.undo import CannotUndo
from events import tag_of
from tests.conftest import export_of


def undone(deck: Staffdeck, event) -> str:
    """Undo `event`; the tag of what was appended."""
    return tag_of(deck.compensate(deck.undo_of(event)))


class UndoBehaviour:
    @pytest.fixture
    def location(self) -> str:
        raise NotImplementedError

    @pytest.fixture
    def deck(self, location, clock) -> Iterator[Staffdeck]:
        deck = Staffdeck(location, actor="ana", clock=clock)
        deck.open_workstream("Checkout v2", owner="ana")
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high", owner="bo")
        deck.raise_decision(
            "Which PSP?", workstream="W-1", owner="ana", options=["Adyen", "Stripe"]
        )
        yield deck
        deck.close()

    def test_a_resolved_blocker_is_reopened_and_history_keeps_both(self, deck):
        resolved = deck.resolve_blocker("B-1", resolution="auditor signed off")
        assert undone(deck, resolved) == "blocker.reopened"
        assert not deck.get("B-1").resolved
        assert [tag_of(e) for e in deck.history("B-1")][-2:] == [
            "blocker.resolved",
            "blocker.reopened",
        ]

    def test_a_reopened_blocker_is_resolved_again_with_its_resolution(self, deck):
        deck.resolve_blocker("B-1", resolution="auditor signed off")
        reopened = deck.reopen_blocker("B-1", why="auditor withdrew")
        assert undone(deck, reopened) == "blocker.resolved"
        assert deck.history("B-1")[-1].resolution == "auditor signed off"

    def test_a_first_escalation_is_withdrawn(self, deck):
        escalated = deck.escalate_blocker("B-1", to="cpo", why="stuck")
        assert undone(deck, escalated) == "blocker.deescalated"
        assert deck.get("B-1").escalated_to is None

    def test_a_second_escalation_goes_back_to_the_first(self, deck):
        deck.escalate_blocker("B-1", to="vp", why="stuck")
        again = deck.escalate_blocker("B-1", to="cpo", why="still stuck")
        assert undone(deck, again) == "blocker.escalated"
        assert deck.get("B-1").escalated_to == "vp"

    def test_severity_and_owner_go_back(self, deck):
        assert undone(deck, deck.change_severity("B-1", "critical")) == "blocker.severity_changed"
        assert deck.get("B-1").severity == "high"
        assert undone(deck, deck.reassign_blocker("B-1", "cy")) == "blocker.reassigned"
        assert deck.get("B-1").owner == "bo"

    def test_a_made_decision_is_reopened_and_reopening_it_is_made_again(self, deck):
        made = deck.make_decision(
            "D-1", choice="Adyen", reasoning="coverage", rejected=[("Stripe", "no local acquiring")]
        )
        assert undone(deck, made) == "decision.reopened"
        assert deck.get("D-1").status == "reopened"
        deck.make_decision("D-1", choice="Adyen", reasoning="coverage, again")
        reopened = deck.reopen_decision("D-1", why="price changed")
        assert undone(deck, reopened) == "decision.made"
        remade = deck.history("D-1")[-1]
        assert (remade.choice, remade.reasoning) == ("Adyen", "coverage, again")

    def test_creations_are_closed_not_deleted(self, deck):
        assert undone(deck, deck.history("D-1")[0]) == "decision.withdrawn"
        assert undone(deck, deck.history("B-1")[0]) == "blocker.resolved"
        assert undone(deck, deck.history("W-1")[0]) == "workstream.closed"
        assert len(deck.history("W-1")) == 2

    def test_workstream_status_owner_and_escalation_go_back(self, deck):
        deck.report_status("W-1", "at_risk")
        assert undone(deck, deck.report_status("W-1", "off_track")) == "workstream.status_reported"
        assert deck.get("W-1").state == "at_risk"
        assert undone(deck, deck.change_workstream_owner("W-1", "cy")) == "workstream.owner_changed"
        assert deck.get("W-1").owner == "ana"
        escalated = deck.escalate_workstream("W-1", to="cpo", why="late")
        assert undone(deck, escalated) == "workstream.deescalated"
        deck.escalate_workstream("W-1", to="cpo", why="late again")
        deescalated = deck.deescalate_workstream("W-1", why="on track")
        assert undone(deck, deescalated) == "workstream.escalated"
        assert deck.get("W-1").escalated_to == "cpo"

    @pytest.mark.parametrize(
        "final, says",
        [
            (lambda d: d.withdraw_decision("D-1", why="moot"), "closed for good; raise it again"),
            (lambda d: d.log_note("signal", "churn up"), "log a note that corrects it"),
            (
                lambda d: d.defer_decision("D-1", until=date(2026, 10, 1), why="await pricing"),
                "decide it now with d, or defer it to another date",
            ),
            (
                lambda d: d.set_next_decision_point("W-1", date(2026, 9, 9), "go/no-go"),
                "no decision point before this one",
            ),
        ],
        ids=["withdrawn", "note", "deferred", "first-decision-point"],
    )
    def test_what_has_no_opposite_is_refused_and_nothing_is_written(
        self, deck, location, final, says
    ):
        event = final(deck)
        before = export_of(location)
        with pytest.raises(CannotUndo, match=says):
            deck.undo_of(event)
        assert export_of(location) == before

    def test_an_undo_overtaken_by_someone_else_is_refused_by_the_rules(self, deck, location):
        made = deck.make_decision("D-1", choice="Adyen", reasoning="coverage")
        undo = deck.undo_of(made)
        deck.reopen_decision("D-1", why="someone else reopened it first")
        with pytest.raises(DecisionNotMade):
            deck.compensate(undo)


class TestUndoOnSQLite(UndoBehaviour):
    @pytest.fixture
    def location(self, sqlite_store):
        return sqlite_store


class TestUndoOnPostgreSQL(UndoBehaviour):
    @pytest.fixture
    def location(self, postgres_store):
        return postgres_store

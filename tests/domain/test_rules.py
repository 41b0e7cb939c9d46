"""Every rule of the items themselves, broken through the application service.

Each refusal is checked three ways: the specific DomainError, a message that
tells a person what is wrong (and, where there is one, what to do instead), and
a store left exactly as it was. `RulesBehaviour` is written once; the SQLite
and PostgreSQL subclasses only say which store to use.

The rules between items (existence, kinds, keys, links, time, input) are in
test_rules_input.py.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from domain.errors import (
    ActionAlreadyClosed,
    AlreadyEscalated,
    BlockerAlreadyResolved,
    BlockerNotResolved,
    DecisionAlreadyMade,
    DecisionClosed,
    DecisionNotMade,
    DomainError,
    InvalidInput,
    LinkBroken,
    NoChange,
    NotEscalated,
    RitualAlreadyRetired,
    WorkstreamAlreadyClosed,
)
from domain.service import Staffdeck
from tests.conftest import export_of


@contextmanager
def refused(location: str, error: type[DomainError], match: str) -> Iterator[None]:
    """The command inside is refused with `error`, its message matching `match`,
    and the store is left exactly as it was."""
    before = export_of(location)
    with pytest.raises(error, match=match):
        yield
    assert export_of(location) == before


class RulesBehaviour:
    @pytest.fixture
    def location(self) -> str:
        raise NotImplementedError

    @pytest.fixture
    def deck(self, location, clock) -> Iterator[Staffdeck]:
        deck = Staffdeck(location, actor="ana", clock=clock)
        yield deck
        deck.close()

    @pytest.fixture
    def checkout(self, deck) -> str:
        """The workstream most stories happen on: W-1."""
        return deck.open_workstream("Checkout v2", owner="ana").key

    # ---- blockers ----------------------------------------------------------

    def test_resolving_a_resolved_blocker_is_refused_and_writes_nothing(self, deck, location, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high")
        deck.resolve_blocker("B-1", resolution="auditor signed off")
        # The message says when, and the command that would make it possible.
        with refused(location, BlockerAlreadyResolved, r"already resolved on 2026-09-01.*"
                     r"reopen it first: staffdeck blocker reopen B-1 --why TEXT"):
            deck.resolve_blocker("B-1", resolution="signed off again")

    def test_reopening_an_open_blocker_is_refused(self, deck, location, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high")
        with refused(location, BlockerNotResolved, "B-1 is open, so there is nothing to reopen"):
            deck.reopen_blocker("B-1", why="it came back")

    def test_a_resolved_blocker_can_be_reopened_and_resolved_again(self, deck, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high")
        deck.resolve_blocker("B-1", resolution="auditor signed off")
        deck.reopen_blocker("B-1", why="auditor withdrew")
        assert deck.resolve_blocker("B-1", resolution="signed off, for real").key == "B-1"

    @pytest.mark.parametrize(
        "change, verb",
        [
            (lambda deck: deck.change_severity("B-1", "critical"), "change the severity of"),
            (lambda deck: deck.reassign_blocker("B-1", "bo"), "reassign"),
            (lambda deck: deck.escalate_blocker("B-1", to="cpo", why="stuck"), "escalate"),
        ],
        ids=["severity", "reassign", "escalate"],
    )
    def test_a_resolved_blocker_takes_no_changes_until_reopened(
        self, deck, location, checkout, change, verb
    ):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high", owner="ana")
        deck.resolve_blocker("B-1", resolution="auditor signed off")
        with refused(location, BlockerAlreadyResolved, f"to {verb} it, reopen it first"):
            change(deck)

    def test_setting_a_blocker_to_its_own_severity_is_refused_as_no_change(self, deck, location, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high")
        with refused(location, NoChange, "B-1 is already high"):
            deck.change_severity("B-1", "high")

    def test_reassigning_a_blocker_to_its_owner_is_refused_as_no_change(self, deck, location, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high", owner="bo")
        with refused(location, NoChange, "B-1 is already owned by bo"):
            deck.reassign_blocker("B-1", "bo")

    def test_escalating_a_blocker_twice_to_the_same_person_is_refused(self, deck, location, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high")
        deck.escalate_blocker("B-1", to="cpo", why="vendor silent")
        with refused(location, NoChange, "B-1 is already escalated to cpo"):
            deck.escalate_blocker("B-1", to="cpo", why="still silent")

    def test_deescalating_a_blocker_that_is_not_escalated_is_refused(self, deck, location, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high")
        with refused(location, NotEscalated, "B-1 is not escalated, so it cannot be de-escalated"):
            deck.deescalate_blocker("B-1", why="calmer now")

    def test_a_deescalated_blocker_can_be_escalated_to_the_same_person_again(self, deck, checkout):
        deck.raise_blocker("PCI audit", workstream=checkout, severity="high")
        deck.escalate_blocker("B-1", to="cpo", why="vendor silent")
        deck.deescalate_blocker("B-1", why="vendor answered")
        assert deck.escalate_blocker("B-1", to="cpo", why="silent again").to == "cpo"

    # ---- decisions ---------------------------------------------------------

    def test_a_decision_cannot_be_made_twice_without_being_reopened(self, deck, location, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        deck.make_decision("D-1", choice="Adyen", reasoning="coverage")
        with refused(location, DecisionAlreadyMade, r"D-1 was already decided on 2026-09-01; "
                     r"to make it again, reopen it first: staffdeck decision reopen D-1"):
            deck.make_decision("D-1", choice="Stripe", reasoning="price")

    def test_a_reopened_decision_can_be_made_again(self, deck, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        deck.make_decision("D-1", choice="Adyen", reasoning="coverage")
        deck.reopen_decision("D-1", why="Adyen doubled its fee", conditions=["fee > 2%"])
        made = deck.make_decision("D-1", choice="Stripe", reasoning="price")
        assert made.choice == "Stripe"
        assert [type(e).__name__ for e in deck.history("D-1")] == [
            "DecisionRaised", "DecisionMade", "DecisionReopened", "DecisionMade",
        ]

    @pytest.mark.parametrize(
        "change, verb",
        [
            (lambda deck: deck.defer_decision("D-1", until=date(2026, 10, 1), why="wait"), "defer"),
            (lambda deck: deck.add_option("D-1", "Braintree"), "add an option to"),
            (lambda deck: deck.withdraw_decision("D-1", why="moot"), "withdraw"),
        ],
        ids=["defer", "option", "withdraw"],
    )
    def test_a_made_decision_takes_no_undecided_changes_until_reopened(
        self, deck, location, checkout, change, verb
    ):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        deck.make_decision("D-1", choice="Adyen", reasoning="coverage")
        with refused(location, DecisionAlreadyMade, f"to {verb} it again, reopen it first"):
            change(deck)

    def test_reopening_an_undecided_decision_is_refused(self, deck, location, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        with refused(location, DecisionNotMade, "D-1 is open, not decided, so there is nothing to reopen"):
            deck.reopen_decision("D-1", why="new facts")

    def test_reopening_a_deferred_decision_is_refused(self, deck, location, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        deck.defer_decision("D-1", until=date(2026, 10, 1), why="waiting on legal")
        with refused(location, DecisionNotMade, "D-1 is deferred, not decided"):
            deck.reopen_decision("D-1", why="new facts")

    @pytest.mark.parametrize(
        "change",
        [
            lambda deck: deck.make_decision("D-1", choice="Adyen", reasoning="coverage"),
            lambda deck: deck.defer_decision("D-1", until=date(2026, 10, 1), why="wait"),
            lambda deck: deck.reopen_decision("D-1", why="new facts"),
            lambda deck: deck.add_option("D-1", "Braintree"),
            lambda deck: deck.withdraw_decision("D-1", why="again"),
            lambda deck: deck.supersede_decision("D-1", by="D-2"),
        ],
        ids=["make", "defer", "reopen", "option", "withdraw", "supersede"],
    )
    def test_a_withdrawn_decision_is_closed_for_good(self, deck, location, checkout, change):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        deck.raise_decision("Which PSP, after the merger?", workstream=checkout, owner="ana")
        deck.withdraw_decision("D-1", why="the merger changes everything")
        with refused(location, DecisionClosed, "D-1 was withdrawn and is closed; raise a new decision instead"):
            change(deck)

    @pytest.mark.parametrize(
        "change",
        [
            lambda deck: deck.make_decision("D-1", choice="Adyen", reasoning="coverage"),
            lambda deck: deck.defer_decision("D-1", until=date(2026, 10, 1), why="wait"),
            lambda deck: deck.reopen_decision("D-1", why="new facts"),
            lambda deck: deck.add_option("D-1", "Braintree"),
            lambda deck: deck.withdraw_decision("D-1", why="moot"),
            lambda deck: deck.supersede_decision("D-1", by="D-2"),
        ],
        ids=["make", "defer", "reopen", "option", "withdraw", "supersede-again"],
    )
    def test_a_superseded_decision_is_closed_for_good(self, deck, location, checkout, change):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        deck.raise_decision("Which PSP, after the merger?", workstream=checkout, owner="ana")
        deck.supersede_decision("D-1", by="D-2")
        with refused(location, DecisionClosed, "D-1 was superseded by D-2 and is closed; raise a new decision"):
            change(deck)

    def test_a_decision_cannot_supersede_itself(self, deck, location, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        with refused(location, InvalidInput, "D-1 cannot supersede itself"):
            deck.supersede_decision("D-1", by="D-1")

    def test_superseding_by_a_decision_that_does_not_exist_is_refused(self, deck, location, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        with refused(location, LinkBroken, "D-7 does not exist; link to an existing decision"):
            deck.supersede_decision("D-1", by="D-7")

    def test_deferring_a_decision_to_a_past_date_is_refused(self, deck, location, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        with refused(location, InvalidInput, "D-1 cannot be deferred until 2026-08-31, which is already past"):
            deck.defer_decision("D-1", until=date(2026, 8, 31), why="waiting on legal")

    def test_a_decision_can_be_deferred_to_today(self, deck, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        assert deck.defer_decision("D-1", until=date(2026, 9, 1), why="end of day").until == date(2026, 9, 1)

    @pytest.mark.parametrize("option, grounds", [("Stripe", ""), ("Stripe", "   "), ("", "too dear")])
    def test_a_rejected_alternative_needs_its_option_and_grounds(
        self, deck, location, checkout, option, grounds
    ):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")
        with refused(location, InvalidInput, r'needs the option and its grounds \("OPTION: GROUNDS"\)'):
            deck.make_decision("D-1", choice="Adyen", reasoning="coverage", rejected=[(option, grounds)])

    def test_an_option_a_decision_already_has_is_refused(self, deck, location, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana", options=["Adyen"])
        with refused(location, InvalidInput, "D-1 already has the option 'Adyen'"):
            deck.add_option("D-1", "Adyen")

    # ---- workstreams -------------------------------------------------------

    def test_a_closed_workstream_takes_no_new_blockers(self, deck, location, checkout):
        deck.close_workstream(checkout, why="shipped")
        with refused(location, WorkstreamAlreadyClosed,
                     r"W-1 \(Checkout v2\) is closed and takes no new blockers. Raise it on an open workstream"):
            deck.raise_blocker("PCI audit", workstream=checkout, severity="high")

    def test_a_closed_workstream_takes_no_new_decisions(self, deck, location, checkout):
        deck.close_workstream(checkout, why="shipped")
        with refused(location, WorkstreamAlreadyClosed, "is closed and takes no new decisions"):
            deck.raise_decision("Which PSP?", workstream=checkout, owner="ana")

    @pytest.mark.parametrize(
        "change",
        [
            lambda deck: deck.report_status("W-1", "at_risk"),
            lambda deck: deck.change_workstream_owner("W-1", "bo"),
            lambda deck: deck.set_next_decision_point("W-1", date(2026, 10, 1), "go/no-go"),
            lambda deck: deck.escalate_workstream("W-1", to="cpo", why="late"),
            lambda deck: deck.close_workstream("W-1", why="again"),
        ],
        ids=["status", "owner", "next-decision", "escalate", "close-again"],
    )
    def test_nothing_more_is_recorded_on_a_closed_workstream(self, deck, location, checkout, change):
        deck.close_workstream(checkout, why="shipped")
        with refused(location, WorkstreamAlreadyClosed,
                     r"W-1 \(Checkout v2\) is closed; nothing more can be recorded on it. "
                     "Open a new workstream"):
            change(deck)

    def test_deescalating_a_workstream_that_is_not_escalated_is_refused(self, deck, location, checkout):
        with refused(location, NotEscalated, "W-1 is not escalated, so it cannot be de-escalated"):
            deck.deescalate_workstream(checkout, why="calmer now")

    def test_escalating_a_workstream_twice_to_the_same_person_is_refused(self, deck, location, checkout):
        deck.escalate_workstream(checkout, to="cpo", why="vendor late")
        with refused(location, AlreadyEscalated,
                     "W-1 is already escalated to cpo; de-escalate it first, or escalate to someone else"):
            deck.escalate_workstream(checkout, to="cpo", why="still late")

    def test_an_escalated_workstream_can_be_escalated_to_someone_else(self, deck, checkout):
        deck.escalate_workstream(checkout, to="vp", why="vendor late")
        assert deck.escalate_workstream(checkout, to="cpo", why="still late").to == "cpo"

    def test_handing_a_workstream_to_its_owner_is_refused_as_no_change(self, deck, location, checkout):
        with refused(location, NoChange, "W-1 is already owned by ana"):
            deck.change_workstream_owner(checkout, "ana")

    # ---- rituals -----------------------------------------------------------

    @pytest.fixture
    def retired_ritual(self, deck) -> str:
        deck.establish_ritual("Friday sync", cadence="weekly", purpose="cross-team", owner="ana")
        deck.retire_ritual("R-1", reason="no decisions in two months")
        return "R-1"

    @pytest.mark.parametrize(
        "change",
        [
            lambda deck: deck.hold_ritual("R-1", notes="we met anyway"),
            lambda deck: deck.change_cadence("R-1", "monthly"),
            lambda deck: deck.retire_ritual("R-1", reason="again"),
        ],
        ids=["held", "cadence", "retire-again"],
    )
    def test_a_retired_ritual_is_retired_for_good(self, deck, location, retired_ritual, change):
        with refused(location, RitualAlreadyRetired,
                     r"R-1 \(Friday sync\) was retired \(no decisions in two months\); "
                     "establish a new ritual if the meeting is back"):
            change(deck)

    def test_changing_a_ritual_to_its_own_cadence_is_refused_as_no_change(self, deck, location):
        deck.establish_ritual("Product review", cadence="biweekly", purpose="bets", owner="ana")
        with refused(location, NoChange, "R-1 is already biweekly"):
            deck.change_cadence("R-1", "biweekly")

    # ---- actions -----------------------------------------------------------

    @pytest.mark.parametrize(
        "first, then",
        [
            (lambda deck: deck.complete_action("A-1"), lambda deck: deck.complete_action("A-1")),
            (lambda deck: deck.complete_action("A-1"), lambda deck: deck.drop_action("A-1", why="moot")),
            (lambda deck: deck.drop_action("A-1", why="moot"), lambda deck: deck.drop_action("A-1", why="x")),
            (lambda deck: deck.drop_action("A-1", why="moot"), lambda deck: deck.complete_action("A-1")),
        ],
        ids=["complete-twice", "drop-completed", "drop-twice", "complete-dropped"],
    )
    def test_a_closed_action_cannot_be_closed_again(self, deck, location, first, then):
        deck.assign_action("Send the PSP shortlist", owner="bo", due=date(2026, 9, 5))
        first(deck)
        with refused(location, ActionAlreadyClosed,
                     r"A-1 \(Send the PSP shortlist\) was already (completed|dropped); "
                     "assign a new action if more is needed"):
            then(deck)

    # ---- what a user notices when things go right --------------------------

    def test_decided_by_defaults_to_the_decisions_deciders(self, deck, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana", deciders=["cy", "dee"])
        assert deck.make_decision("D-1", choice="Adyen", reasoning="coverage").decided_by == ("cy", "dee")

    def test_decided_by_defaults_to_the_actor_when_the_decision_names_no_deciders(self, deck, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="bo")
        assert deck.make_decision("D-1", choice="Adyen", reasoning="coverage").decided_by == ("ana",)

    def test_decided_by_given_explicitly_wins(self, deck, checkout):
        deck.raise_decision("Which PSP?", workstream=checkout, owner="ana", deciders=["cy"])
        made = deck.make_decision("D-1", choice="Adyen", reasoning="coverage", decided_by=["cpo"])
        assert made.decided_by == ("cpo",)


class TestRulesOnSQLite(RulesBehaviour):
    @pytest.fixture
    def location(self, sqlite_store):
        return sqlite_store


@pytest.mark.postgres
class TestRulesOnPostgreSQL(RulesBehaviour):
    @pytest.fixture
    def location(self, postgres_store):
        return postgres_store

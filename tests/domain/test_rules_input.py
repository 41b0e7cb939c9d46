"""The rules every command shares, broken through the application service:
the item must exist and be of the right kind, keys must be keys, links must
point at items that existed at that moment, time only moves forward and never
into the future, and required text and choices must be given.

Like test_rules.py: the specific DomainError, a message for a person, and a
store left exactly as it was; once on SQLite and once on PostgreSQL.
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.errors import (
    EventBeforeHistory,
    EventInFuture,
    InvalidInput,
    ItemNotFound,
    LinkBroken,
    WrongKind,
)
from domain.service import Staffdeck
from tests.domain.test_rules import refused

AUG_20 = datetime(2026, 8, 20, 15, 0, tzinfo=UTC)  # well before the clock's 2026-09-01 09:00
BERLIN = ZoneInfo("Europe/Berlin")


class InputRulesBehaviour:
    @pytest.fixture
    def location(self) -> str:
        raise NotImplementedError

    @pytest.fixture
    def deck(self, location, clock) -> Iterator[Staffdeck]:
        deck = Staffdeck(location, actor="ana", clock=clock)
        yield deck
        deck.close()

    @pytest.fixture
    def one_of_each(self, deck) -> None:
        """W-1, D-1, B-1, R-1 and A-1, all at the clock's time (2026-09-01 09:00 on)."""
        deck.open_workstream("Checkout v2", owner="ana")
        deck.raise_decision("Which PSP?", workstream="W-1", owner="ana")
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high")
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana")
        deck.assign_action("Send the PSP shortlist", owner="bo", due=date(2026, 9, 5))

    # ---- the item must exist, and be of the kind the command is about -------

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda deck: deck.report_status("W-9", "at_risk"), "There is no workstream W-9"),
            (lambda deck: deck.make_decision("D-9", choice="x", reasoning="y"), "There is no decision D-9"),
            (lambda deck: deck.reopen_decision("D-9", why="x"), "There is no decision D-9"),
            (lambda deck: deck.resolve_blocker("B-9", resolution="x"), "There is no blocker B-9"),
            (lambda deck: deck.hold_ritual("R-9"), "There is no ritual R-9"),
            (lambda deck: deck.complete_action("A-9"), "There is no action A-9"),
        ],
        ids=["workstream", "decision-make", "decision-reopen", "blocker", "ritual", "action"],
    )
    def test_nothing_happens_to_an_item_that_does_not_exist(
        self, deck, location, one_of_each, command, message
    ):
        # The message also says where to look for what does exist.
        with refused(location, ItemNotFound, f"{message}. `staffdeck log` lists what exists"):
            command(deck)

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda deck: deck.resolve_blocker("D-1", resolution="x"), "D-1 is a decision, not a blocker"),
            (lambda deck: deck.make_decision("B-1", choice="x", reasoning="y"), "B-1 is a blocker, not a decision"),
            (lambda deck: deck.report_status("R-1", "at_risk"), "R-1 is a ritual, not a workstream"),
            (lambda deck: deck.retire_ritual("W-1", reason="x"), "W-1 is a workstream, not a ritual"),
        ],
        ids=["decision-as-blocker", "blocker-as-decision", "ritual-as-workstream", "workstream-as-ritual"],
    )
    def test_a_key_of_the_wrong_kind_is_refused(self, deck, location, one_of_each, command, message):
        with refused(location, WrongKind, message):
            command(deck)

    @pytest.mark.parametrize(
        "command, error, message",
        [
            (lambda deck: deck.complete_action("D-1"), WrongKind, "D-1 is a decision, not an action"),
            (lambda deck: deck.assign_action(" ", owner="bo", due=date(2026, 9, 5)), InvalidInput,
             "An action needs a title"),
            (lambda deck: deck.open_workstream("Search", owner=""), InvalidInput,
             "A workstream needs an owner"),
        ],
        ids=["wrong-kind", "blank-title", "blank-owner"],
    )
    def test_refusals_read_as_plain_english(self, deck, location, one_of_each, command, error, message):
        # "an action", "an owner": not "a action", "a owner".
        with refused(location, error, message):
            command(deck)

    @pytest.mark.parametrize("written", ["X-1", "B-0", "blocker", "", "B-1x", "B 1"])
    def test_something_that_is_not_a_key_is_refused_with_an_example(
        self, deck, location, one_of_each, written
    ):
        with refused(location, InvalidInput, "is not an item key; keys look like W-3, D-12, B-7"):
            deck.resolve_blocker(written, resolution="done")

    @pytest.mark.parametrize(
        "command",
        [
            lambda deck: deck.raise_blocker("Vendor", workstream="checkout", severity="high"),
            lambda deck: deck.hold_ritual("R-1", surfaced=["B-0"]),
            lambda deck: deck.log_note("signal", "churn up", links=["X-1"]),
            lambda deck: deck.assign_action("Call", owner="bo", due=date(2026, 9, 5), source="D1"),
        ],
        ids=["workstream", "surfaced", "note-link", "action-source"],
    )
    def test_a_link_that_is_not_a_key_is_refused(self, deck, location, one_of_each, command):
        with refused(location, InvalidInput, "is not an item key; keys look like"):
            command(deck)

    # ---- links point at items that exist, of the right kind ----------------

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda deck: deck.raise_blocker("Vendor", workstream="W-9", severity="high"),
             "W-9 does not exist; link to an existing workstream"),
            (lambda deck: deck.raise_decision("Which PSP?", workstream="W-9", owner="ana"),
             "W-9 does not exist; link to an existing workstream"),
            (lambda deck: deck.hold_ritual("R-1", informed=["D-9"]),
             "D-9 does not exist; link to an existing decision"),
            (lambda deck: deck.hold_ritual("R-1", surfaced=["B-9"]),
             "B-9 does not exist; link to an existing blocker"),
            (lambda deck: deck.assign_action("Call", owner="bo", due=date(2026, 9, 5), source="D-9"),
             "D-9 does not exist; link to an existing decision or ritual"),
            (lambda deck: deck.assign_action("Call", owner="bo", due=date(2026, 9, 5), source="R-9"),
             "R-9 does not exist; link to an existing decision or ritual"),
            (lambda deck: deck.log_note("signal", "churn up", links=["W-1", "D-9"]),
             "D-9 does not exist; link to an existing"),
        ],
        ids=["blocker-on-workstream", "decision-on-workstream", "ritual-informed",
             "ritual-surfaced", "action-from-decision", "action-from-ritual", "note"],
    )
    def test_a_link_to_a_missing_item_is_refused(self, deck, location, one_of_each, command, message):
        with refused(location, LinkBroken, message):
            command(deck)

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda deck: deck.raise_blocker("Vendor", workstream="D-1", severity="high"),
             "D-1 is a decision, not a workstream"),
            (lambda deck: deck.hold_ritual("R-1", informed=["B-1"]), "B-1 is a blocker, not a decision"),
            (lambda deck: deck.hold_ritual("R-1", surfaced=["D-1"]), "D-1 is a decision, not a blocker"),
            (lambda deck: deck.assign_action("Call", owner="bo", due=date(2026, 9, 5), source="B-1"),
             "B-1 is a blocker, not a decision or a ritual"),
            (lambda deck: deck.supersede_decision("D-1", by="B-1"), "B-1 is a blocker, not a decision"),
        ],
        ids=["blocker-on-decision", "informed-blocker", "surfaced-decision",
             "action-from-blocker", "superseded-by-blocker"],
    )
    def test_a_link_to_an_item_of_the_wrong_kind_is_refused(
        self, deck, location, one_of_each, command, message
    ):
        with refused(location, WrongKind, message):
            command(deck)

    # ---- time: links, order, the future ------------------------------------

    def test_a_blocker_backfilled_before_its_workstream_existed_is_refused(self, deck, location):
        deck.open_workstream("Checkout v2", owner="ana")  # 2026-09-01 09:00
        with refused(location, LinkBroken, "W-1 was only created on 2026-09-01 09:00 UTC; "
                     "nothing at 2026-08-20 15:00 UTC can point at it yet"):
            deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=AUG_20)

    @pytest.mark.parametrize(
        "command, target",
        [
            (lambda deck: deck.hold_ritual("R-1", informed=["D-1"], at=AUG_20), "D-1"),
            (lambda deck: deck.hold_ritual("R-1", surfaced=["B-1"], at=AUG_20), "B-1"),
            (lambda deck: deck.assign_action("Call", owner="bo", due=date(2026, 9, 5),
                                             source="D-1", at=AUG_20), "D-1"),
            (lambda deck: deck.log_note("signal", "churn up", links=["B-1"], at=AUG_20), "B-1"),
        ],
        ids=["ritual-informed", "ritual-surfaced", "action-source", "note-link"],
    )
    def test_a_link_to_an_item_created_after_the_event_is_refused(self, deck, location, command, target):
        # The ritual dates from August; the decision and blocker only from September.
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana",
                              at=datetime(2026, 8, 1, 9, 0, tzinfo=UTC))
        deck.open_workstream("Checkout v2", owner="ana")
        deck.raise_decision("Which PSP?", workstream="W-1", owner="ana")
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high")
        with refused(location, LinkBroken, f"{target} was only created on 2026-09-01 .*"
                     "nothing at 2026-08-20 15:00 UTC can point at it yet"):
            command(deck)

    @pytest.mark.parametrize(
        "command",
        [
            lambda deck: deck.resolve_blocker("B-1", resolution="fixed", at=AUG_20),
            lambda deck: deck.report_status("W-1", "at_risk", at=AUG_20),
            lambda deck: deck.make_decision("D-1", choice="Adyen", reasoning="coverage", at=AUG_20),
            lambda deck: deck.hold_ritual("R-1", at=AUG_20),
            lambda deck: deck.complete_action("A-1", at=AUG_20),
        ],
        ids=["blocker", "workstream", "decision", "ritual", "action"],
    )
    def test_an_items_events_never_go_back_in_time(self, deck, location, one_of_each, command):
        with refused(location, EventBeforeHistory, r"history already reaches 2026-09-01 09:\d\d UTC; "
                     "an event at 2026-08-20 15:00 UTC would go back in time. Record it with a later"):
            command(deck)

    def test_an_event_at_the_same_moment_as_the_last_one_is_accepted(self, deck):
        moment = datetime(2026, 8, 20, 15, 0, tzinfo=UTC)
        deck.open_workstream("Checkout v2", owner="ana", at=moment)
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=moment)
        assert deck.resolve_blocker("B-1", resolution="waived", at=moment).at == moment

    @pytest.mark.parametrize(
        "command",
        [
            lambda deck: deck.open_workstream("Search", owner="bo", at=datetime(2027, 9, 1, tzinfo=UTC)),
            lambda deck: deck.report_status("W-1", "at_risk", at=datetime(2026, 9, 2, 9, 0, tzinfo=UTC)),
            lambda deck: deck.resolve_blocker("B-1", resolution="x", at=datetime(2026, 9, 1, 12, 0, tzinfo=UTC)),
        ],
        ids=["create-next-year", "status-tomorrow", "resolve-in-three-hours"],
    )
    def test_an_event_in_the_future_is_refused(self, deck, location, one_of_each, command):
        with refused(location, EventInFuture, "is in the future; --at records when something already happened"):
            command(deck)

    def test_a_clock_a_few_minutes_ahead_is_not_the_future(self, deck, clock):
        ahead = clock.now + timedelta(minutes=3)
        assert deck.open_workstream("Checkout v2", owner="ana", at=ahead).at == ahead

    def test_a_refusal_names_the_time_in_utc_when_it_was_given_in_another_zone(self, deck, location, one_of_each):
        # 12:00 in Berlin on 3 September is 10:00 UTC: the message must not call it "12:00 UTC".
        with refused(location, EventInFuture, "2026-09-03 10:00 UTC is in the future"):
            deck.report_status("W-1", "at_risk", at=datetime(2026, 9, 3, 12, 0, tzinfo=BERLIN))

    def test_a_time_without_a_zone_is_refused(self, deck, location, one_of_each):
        with refused(location, InvalidInput, "must say its time zone"):
            deck.report_status("W-1", "at_risk", at=datetime(2026, 8, 20, 15, 0))

    # ---- required text and choices ------------------------------------------

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda deck: deck.open_workstream("", owner="ana"), "A workstream needs a title"),
            (lambda deck: deck.open_workstream("Search", owner="  "), "A workstream needs an? owner"),
            (lambda deck: deck.raise_decision(" ", workstream="W-1", owner="ana"), "A decision needs a question"),
            (lambda deck: deck.raise_blocker("", workstream="W-1", severity="low"), "A blocker needs a title"),
            (lambda deck: deck.resolve_blocker("B-1", resolution=""), "A blocker needs a resolution"),
            (lambda deck: deck.escalate_blocker("B-1", to="cpo", why="\t"), "A blocker needs a reason \\(why\\)"),
            (lambda deck: deck.make_decision("D-1", choice="", reasoning="r"), "A decision needs a choice"),
            (lambda deck: deck.reopen_decision("D-1", why=""), "A decision needs a reason \\(why\\)"),
            (lambda deck: deck.retire_ritual("R-1", reason=" "), "A ritual needs a reason"),
            (lambda deck: deck.drop_action("A-1", why=""), "needs a reason \\(why\\)"),
            (lambda deck: deck.log_note("signal", "  "), "A note needs a text"),
        ],
        ids=["workstream-title", "workstream-owner", "decision-question", "blocker-title",
             "resolution", "escalation-why", "choice", "reopen-why", "retire-reason",
             "drop-why", "note-text"],
    )
    def test_blank_required_text_is_refused(self, deck, location, one_of_each, command, message):
        with refused(location, InvalidInput, f"{message}; it cannot be blank"):
            command(deck)

    def test_an_event_needs_an_actor(self, location, clock, one_of_each):
        nobody = Staffdeck(location, actor=" ", clock=clock)
        try:
            with refused(location, InvalidInput, "Every event needs an actor"):
                nobody.report_status("W-1", "at_risk")
        finally:
            nobody.close()

    @pytest.mark.parametrize(
        "command, message",
        [
            (lambda deck: deck.raise_blocker("Vendor", workstream="W-1", severity="urgent"),
             "severity: .*'urgent'"),
            (lambda deck: deck.change_severity("B-1", "urgent"), "severity: .*'urgent'"),
            (lambda deck: deck.report_status("W-1", "great"), "state: .*'great'"),
            (lambda deck: deck.change_cadence("R-1", "daily"), "cadence: .*'daily'"),
            (lambda deck: deck.log_note("rumour", "churn up"), "kind: .*'rumour'"),
        ],
        ids=["raise-severity", "change-severity", "state", "cadence", "note-kind"],
    )
    def test_a_value_outside_its_choices_is_refused_as_invalid_input(
        self, deck, location, one_of_each, command, message
    ):
        with refused(location, InvalidInput, message):
            command(deck)

    # ---- what a user notices when things go right --------------------------

    def test_a_refused_creation_uses_up_no_key(self, deck, location):
        with refused(location, InvalidInput, "needs a title"):
            deck.open_workstream("", owner="ana")
        assert deck.open_workstream("Checkout v2", owner="ana").key == "W-1"

    def test_a_ritual_held_in_the_past_is_held_on_that_date(self, deck):
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana",
                              at=datetime(2026, 8, 1, 9, 0, tzinfo=UTC))
        assert deck.hold_ritual("R-1", at=AUG_20).held_on == date(2026, 8, 20)

    def test_a_ritual_held_now_is_held_today(self, deck):
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana")
        assert deck.hold_ritual("R-1").held_on == date(2026, 9, 1)

    def test_a_ritual_held_is_held_on_the_date_of_the_zone_it_was_given_in(self, deck):
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana",
                              at=datetime(2026, 8, 1, 9, 0, tzinfo=UTC))
        # 00:30 in Berlin on 21 August is still 20 August in UTC; the meeting was on the 21st.
        held = deck.hold_ritual("R-1", at=datetime(2026, 8, 21, 0, 30, tzinfo=BERLIN))
        assert held.held_on == date(2026, 8, 21)

    def test_keys_are_accepted_in_any_case_and_recorded_in_capitals(self, deck):
        deck.open_workstream("Checkout v2", owner="ana")
        assert deck.raise_decision("Which PSP?", workstream="w-1", owner="ana").workstream == "W-1"
        assert deck.raise_blocker("PCI audit", workstream=" w-1 ", severity="high").workstream == "W-1"
        assert deck.resolve_blocker("b-1", resolution="signed off").key == "B-1"
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana")
        held = deck.hold_ritual("r-1", informed=["d-1"], surfaced=["b-1"])
        assert (held.key, held.informed, held.surfaced) == ("R-1", ("D-1",), ("B-1",))
        assert deck.log_note("signal", "churn up", links=["w-1", "d-1"]).links == ("W-1", "D-1")
        assert deck.get("b-1").resolved


class TestInputRulesOnSQLite(InputRulesBehaviour):
    @pytest.fixture
    def location(self, sqlite_store):
        return sqlite_store


@pytest.mark.postgres
class TestInputRulesOnPostgreSQL(InputRulesBehaviour):
    @pytest.fixture
    def location(self, postgres_store):
        return postgres_store

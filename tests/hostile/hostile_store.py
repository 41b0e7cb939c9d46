"""A store where every free-text field of every event type holds a hostile string.

Each hostile string gets its own family of items, written through the real
application service with that string as the actor too: a workstream left
open and escalated, one closed; a decision deferred after being made and
reopened, one decided, one withdrawn, one superseded; a blocker escalated,
one resolved and reopened; a ritual held, one retired; an action owed, one
completed, one dropped; and a note of every kind. `FIELDS_WRITTEN` names the
text fields the story fills, checked against the event schema in the tests,
so a text field added to an event later fails them until the story fills it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from domain.service import Staffdeck
from events import NOTE_KINDS
from tests.conftest import FixedClock

# Three days before the dashboard's "now" in the TUI tests (2026-11-20 09:00):
# the brief's "what changed in the last 7 days" holds every family's events.
START = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
OVERDUE = date(2026, 11, 1)  # a due date already past at "now"
LATER = date(2026, 12, 31)


@dataclass
class Family:
    """The items written with one hostile string in every text field."""

    name: str
    text: str
    keys: dict[str, str] = field(default_factory=dict)  # role → key, such as "decision" → "D-3"


@dataclass(frozen=True)
class Step:
    """One command of the story, filling `fields` (event tag → its text fields)."""

    fields: dict[str, tuple[str, ...]]
    run: Callable[[Staffdeck, Family, str], None]


def _open_workstreams(deck: Staffdeck, f: Family, v: str) -> None:
    # The one left open: changed owner, status note, next decision, escalated.
    key = deck.open_workstream(v, owner="Ana Lima", objective=v, stakeholders=(v, "Bo")).key
    f.keys["workstream"] = key
    deck.change_workstream_owner(key, v)
    deck.report_status(key, "at_risk", note=v)
    deck.set_next_decision_point(key, date(2026, 12, 1), v)
    deck.escalate_workstream(key, to=v, why=v)
    # The one closed, after an escalation taken back.
    closed = deck.open_workstream(v, owner=v, objective=v, stakeholders=(v,)).key
    f.keys["closed workstream"] = closed
    deck.escalate_workstream(closed, to="CPO", why=v)
    deck.deescalate_workstream(closed, why=v)
    deck.close_workstream(closed, why=v)


def _decisions(deck: Staffdeck, f: Family, v: str) -> None:
    ws = f.keys["workstream"]

    def raise_one() -> str:
        return deck.raise_decision(
            v, workstream=ws, owner=v, due=OVERDUE, problem=v, context=v, intent=v,
            options=("Keep it as it is", v), deciders=(v, "Cy"),
        ).key  # fmt: skip

    def decide(key: str) -> None:
        deck.make_decision(
            key, choice=v, reasoning=v, rejected=[(v, v), ("Do nothing", v)], expected=v,
            reopen_conditions=(v,), review_by=date(2026, 11, 10), decided_by=(v,),
        )  # fmt: skip

    # Made, reopened, then deferred: open again, in the queue, with every field.
    queued = f.keys["decision"] = raise_one()
    deck.add_option(queued, f"{v} (added)")
    decide(queued)
    deck.reopen_decision(queued, why=v, conditions=(v,))
    deck.defer_decision(queued, until=LATER, why=v)
    decided = f.keys["decided decision"] = raise_one()  # stays decided: the brief's "reopen if"
    decide(decided)
    withdrawn = f.keys["withdrawn decision"] = raise_one()
    deck.withdraw_decision(withdrawn, why=v)
    superseded = f.keys["superseded decision"] = raise_one()
    deck.supersede_decision(superseded, by=decided)


def _blockers(deck: Staffdeck, f: Family, v: str) -> None:
    ws = f.keys["workstream"]
    escalated = f.keys["blocker"] = deck.raise_blocker(
        v, workstream=ws, severity="critical", owner=v, needed_by=LATER, depends_on=v
    ).key
    deck.escalate_blocker(escalated, to=v, why=v)
    reopened = f.keys["reopened blocker"] = deck.raise_blocker(
        v, workstream=ws, severity="high", owner="Ana Lima", depends_on=v
    ).key
    deck.reassign_blocker(reopened, v)
    deck.change_severity(reopened, "medium")
    deck.escalate_blocker(reopened, to="CPO", why=v)
    deck.deescalate_blocker(reopened, why=v)
    deck.resolve_blocker(reopened, resolution=v)
    deck.reopen_blocker(reopened, why=v)


def _rituals(deck: Staffdeck, f: Family, v: str) -> None:
    held = f.keys["ritual"] = deck.establish_ritual(
        v, cadence="weekly", purpose=v, owner=v, attendees=(v, "Bo")
    ).key
    deck.hold_ritual(held, informed=[f.keys["decision"]], surfaced=[f.keys["blocker"]], notes=v)
    deck.change_cadence(held, "biweekly")
    retired = f.keys["retired ritual"] = deck.establish_ritual(
        v, cadence="monthly", purpose=v, owner=v
    ).key
    deck.retire_ritual(retired, reason=v)


def _actions(deck: Staffdeck, f: Family, v: str) -> None:
    f.keys["action"] = deck.assign_action(v, owner=v, due=OVERDUE, source=f.keys["decision"]).key
    completed = f.keys["completed action"] = deck.assign_action(v, owner=v, due=LATER).key
    deck.complete_action(completed, note=v)
    dropped = f.keys["dropped action"] = deck.assign_action(
        v, owner=v, due=LATER, source=f.keys["ritual"]
    ).key
    deck.drop_action(dropped, why=v)


def _notes(deck: Staffdeck, f: Family, v: str) -> None:
    links = [f.keys[role] for role in ("workstream", "decision", "blocker")]
    for kind in NOTE_KINDS:
        f.keys[f"{kind} note"] = deck.log_note(kind, v, links=links).key


STORY = [
    Step(
        {
            "workstream.opened": ("title", "owner", "objective", "stakeholders", "actor"),
            "workstream.owner_changed": ("owner",),
            "workstream.status_reported": ("note",),
            "workstream.next_decision_point_set": ("what",),
            "workstream.escalated": ("to", "why"),
            "workstream.deescalated": ("why",),
            "workstream.closed": ("why",),
        },
        _open_workstreams,
    ),
    Step(
        {
            "decision.raised": (
                "question",
                "owner",
                "problem",
                "context",
                "intent",
                "options",
                "deciders",
            ),
            "decision.option_added": ("option",),
            "decision.made": (
                "choice",
                "reasoning",
                "rejected.option",
                "rejected.grounds",
                "expected",
                "reopen_conditions",
                "decided_by",
            ),
            "decision.reopened": ("why", "conditions"),
            "decision.deferred": ("why",),
            "decision.withdrawn": ("why",),
            "decision.superseded": (),
        },  # fmt: skip
        _decisions,
    ),
    Step(
        {
            "blocker.raised": ("title", "owner", "depends_on"),
            "blocker.reassigned": ("owner",),
            "blocker.severity_changed": (),  # the actor is its only text
            "blocker.escalated": ("to", "why"),
            "blocker.deescalated": ("why",),
            "blocker.resolved": ("resolution",),
            "blocker.reopened": ("why",),
        },
        _blockers,
    ),
    Step(
        {
            "ritual.established": ("name", "purpose", "owner", "attendees"),
            "ritual.held": ("notes",),
            "ritual.cadence_changed": (),
            "ritual.retired": ("reason",),
        },
        _rituals,
    ),
    Step(
        {
            "action.assigned": ("title", "owner"),
            "action.completed": ("note",),
            "action.dropped": ("why",),
        },
        _actions,
    ),
    Step({"note.logged": ("text",)}, _notes),
]
# Every event carries its actor, and the story writes each with the hostile string.
FIELDS_WRITTEN: dict[str, set[str]] = {
    tag: {*names, "actor"} for step in STORY for tag, names in step.fields.items()
}


def write_family(store: str, name: str, text: str, clock: FixedClock) -> Family:
    """Every step of the story with `text` in every text field (and as the actor)."""
    family = Family(name, text)
    deck = Staffdeck(store, actor=text, clock=clock)
    try:
        for step in STORY:
            step.run(deck, family, text)
    finally:
        deck.close()
    return family


def build(store: str, strings: dict[str, str]) -> dict[str, Family]:
    """A family for each string, in the order given, on one fixed clock."""
    clock = FixedClock(START)
    return {name: write_family(store, name, text, clock) for name, text in strings.items()}

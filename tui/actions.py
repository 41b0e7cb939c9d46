"""Every triage action the dashboard offers: its key, its form, and its write.

One table serves the panes' bindings, the help screen and the command palette.
A write goes through the same application service as the CLI; the screen then
updates from the store, never by editing rows by hand.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual.binding import Binding

from domain.errors import InvalidInput
from domain.service import Staffdeck
from events import CADENCES, NOTE_KINDS, SEVERITIES, WORKSTREAM_STATES, Event
from projections.read_models import ReadModels
from tui.dates import FORMS, parse_day
from tui.screens.form import Answers, Field


@dataclass(frozen=True)
class Selection:
    """What an action acts on: the selected item, in the present, on which day."""

    key: str | None
    present: ReadModels
    today: date
    workstream: str | None = None  # where a new item goes, unless told otherwise


Write = Callable[[Staffdeck, str | None, Answers], Event]


@dataclass(frozen=True)
class Triage:
    name: str  # the action's name: action_<name> on the screen
    key: str  # the key, on its pane
    pane: str  # workstreams | decisions | blockers | new
    label: str
    noun: str  # what the selected item must be ("" for new items)
    write: Write
    fields: Callable[[Selection], list[Field]] | None = None  # None: no form, written at once
    warning: str = ""  # shown in the form: e.g. that it cannot be undone

    def title(self, key: str | None) -> str:
        return f"{self.label} {key}" if key and self.noun else self.label


# ---- parsing what is typed -------------------------------------------------------


def day_parser(today: date) -> Callable[[str], date]:
    return lambda text: parse_day(text, today)


def lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.splitlines() if line.strip())


def names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


def alternatives(text: str) -> tuple[tuple[str, str], ...]:
    """One per line, "OPTION: GROUNDS"."""
    pairs = []
    for number, line in enumerate(lines(text), start=1):
        option, colon, grounds = line.partition(":")
        if not (colon and option.strip() and grounds.strip()):
            raise ValueError(f"Line {number}: write it as OPTION: GROUNDS.")
        pairs.append((option.strip(), grounds.strip()))
    return tuple(pairs)


def date_field(name: str, label: str, today: date, *, required: bool = True) -> Field:
    return Field(
        name, label, required=required, placeholder="2026-10-01, +2w, tomorrow",
        parse=day_parser(today),
    )  # fmt: skip


DATE_HELP = f"Dates: {FORMS}."


# ---- what is selected ------------------------------------------------------------


def _decision(s: Selection):
    return s.present.decisions.decisions.get(s.key or "")


def _blocker(s: Selection):
    return s.present.blockers.blockers.get(s.key or "")


def _workstream(s: Selection):
    return s.present.workstreams.workstreams.get(s.key or "")


def _recent(records, closed_at: str, selected: str | None, limit: int = 40) -> tuple[str, ...]:
    """Keys of the items closed most recently first (resolved blockers, made decisions);
    the selected one first of all, when it is one of them."""
    done = [r for r in records if getattr(r, closed_at) is not None]
    done.sort(key=lambda r: getattr(r, closed_at), reverse=True)
    keys = [r.key for r in done]
    if selected in keys:
        keys.remove(selected)
        keys.insert(0, selected)
    return tuple(keys[:limit])


def _open_workstreams(s: Selection) -> tuple[str, ...]:
    return tuple(k for k, w in s.present.workstreams.workstreams.items() if w.closed_at is None)


# ---- decisions -------------------------------------------------------------------


def _decide_fields(s: Selection) -> list[Field]:
    record = _decision(s)
    options = record.options if record else ()
    listed = " · ".join(options) if options else "none recorded: type the choice"
    return [
        Field("choice", "Choice: one of the options, or a new one", choices=options,
              hint=f"Options: {listed}", placeholder="type to complete an option"),
        Field("reasoning", "Reasoning", kind="long"),
        Field("rejected", "Rejected alternatives, one per line: OPTION: GROUNDS", kind="long",
              required=False, parse=alternatives),
        Field("expected", "Expected result", required=False),
        Field("reopen_conditions", "Reopen if (one condition per line)", kind="long",
              required=False, parse=lines),
        date_field("review_by", "Review by", s.today, required=False),
    ]  # fmt: skip


def _decide(deck: Staffdeck, key, a: Answers) -> Event:
    return deck.make_decision(
        key,
        choice=a["choice"],
        reasoning=a["reasoning"],
        rejected=a["rejected"] or (),
        expected=a["expected"] or "",
        reopen_conditions=a["reopen_conditions"] or (),
        review_by=a["review_by"],
    )


def _reopen_decision_fields(s: Selection) -> list[Field]:
    records = s.present.decisions.decisions
    made = [r for r in records.values() if r.status == "decided"]
    decided = _recent(made, "decided_at", s.key)
    record = _decision(s)
    conditions = record.reopen_conditions if record else ()
    return [
        Field("decision", "Decision to reopen (made ones, latest first)", kind="choice",
              choices=decided, value=s.key or ""),
        Field("why", "Why reopen it"),
        Field("condition", "Which reopen condition was met", required=False, choices=conditions),
    ]  # fmt: skip


DECISION_ACTIONS = [
    Triage("decide", "d", "decisions", "Decide", "decision", _decide, _decide_fields),
    Triage(
        "defer", "f", "decisions", "Defer", "decision",
        lambda deck, key, a: deck.defer_decision(key, until=a["until"], why=a["why"]),
        lambda s: [date_field("until", "Defer until", s.today), Field("why", "Why")],
    ),
    Triage(
        "reopen", "o", "decisions", "Reopen", "",
        lambda deck, key, a: deck.reopen_decision(
            a["decision"], why=a["why"], conditions=[a["condition"]] if a["condition"] else []
        ),
        _reopen_decision_fields,
    ),
    Triage(
        "withdraw", "x", "decisions", "Withdraw", "decision",
        lambda deck, key, a: deck.withdraw_decision(key, why=a["why"]),
        lambda s: [Field("why", "Why withdraw it")],
        warning="A withdrawn decision is closed for good: this cannot be undone.",
    ),
    Triage(
        "supersede", "s", "decisions", "Supersede", "decision",
        lambda deck, key, a: deck.supersede_decision(key, by=a["by"]),
        lambda s: [Field("by", "Superseded by (a decision's key)", placeholder="D-12",
                         choices=tuple(s.present.decisions.decisions))],
        warning="A superseded decision is closed for good: this cannot be undone.",
    ),
]  # fmt: skip


# ---- blockers --------------------------------------------------------------------


def _step_severity(step: int) -> Write:
    def write(deck: Staffdeck, key, _answers) -> Event:
        current = deck.get(key).severity
        index = SEVERITIES.index(current) + step
        if not 0 <= index < len(SEVERITIES):
            end = "highest" if step > 0 else "lowest"
            raise InvalidInput(f"{key} is already {current}, the {end} severity.")
        return deck.change_severity(key, SEVERITIES[index])

    return write


def _reopen_blocker_fields(s: Selection) -> list[Field]:
    resolved = _recent(s.present.blockers.blockers.values(), "resolved_at", s.key)
    return [
        Field("blocker", "Blocker to reopen (resolved ones, latest first)", kind="choice",
              choices=resolved, value=s.key or ""),
        Field("why", "Why reopen it"),
    ]  # fmt: skip


BLOCKER_ACTIONS = [
    Triage(
        "resolve", "r", "blockers", "Resolve", "blocker",
        lambda deck, key, a: deck.resolve_blocker(key, resolution=a["resolution"]),
        lambda s: [Field("resolution", "Resolution: what cleared it")],
    ),
    Triage(
        "escalate", "e", "blockers", "Escalate", "blocker",
        lambda deck, key, a: deck.escalate_blocker(key, to=a["to"], why=a["why"]),
        lambda s: [Field("to", "Escalate to"), Field("why", "Why")],
    ),
    Triage(
        "reassign", "a", "blockers", "Reassign", "blocker",
        lambda deck, key, a: deck.reassign_blocker(key, a["owner"]),
        lambda s: [Field("owner", "New owner", value=getattr(_blocker(s), "owner", ""))],
    ),
    Triage("raise_severity", "plus", "blockers", "Severity up", "blocker", _step_severity(1)),
    Triage("lower_severity", "minus", "blockers", "Severity down", "blocker", _step_severity(-1)),
    Triage(
        "reopen", "o", "blockers", "Reopen", "",
        lambda deck, key, a: deck.reopen_blocker(a["blocker"], why=a["why"]),
        _reopen_blocker_fields,
    ),
]  # fmt: skip


# ---- workstreams -----------------------------------------------------------------


WORKSTREAM_ACTIONS = [
    Triage(
        "report_status", "s", "workstreams", "Report status", "workstream",
        lambda deck, key, a: deck.report_status(key, a["state"], note=a["note"] or ""),
        lambda s: [
            Field("state", "State", kind="choice", choices=WORKSTREAM_STATES,
                  value=getattr(_workstream(s), "state", "")),
            Field("note", "Note", required=False),
        ],
    ),
    Triage(
        "escalate", "e", "workstreams", "Escalate", "workstream",
        lambda deck, key, a: deck.escalate_workstream(key, to=a["to"], why=a["why"]),
        lambda s: [Field("to", "Escalate to"), Field("why", "Why")],
    ),
    Triage(
        "deescalate", "E", "workstreams", "De-escalate", "workstream",
        lambda deck, key, a: deck.deescalate_workstream(key, why=a["why"] or ""),
        lambda s: [Field("why", "Why it no longer needs escalating", required=False)],
    ),
    Triage(
        "next_decision", "x", "workstreams", "Next decision point", "workstream",
        lambda deck, key, a: deck.set_next_decision_point(key, a["on"], a["what"]),
        lambda s: [date_field("on", "On", s.today), Field("what", "What will be decided")],
    ),
    Triage(
        "change_owner", "a", "workstreams", "Change owner", "workstream",
        lambda deck, key, a: deck.change_workstream_owner(key, a["owner"]),
        lambda s: [Field("owner", "New owner", value=getattr(_workstream(s), "owner", ""))],
    ),
]  # fmt: skip


# ---- new items (n) ---------------------------------------------------------------


def _workstream_field(s: Selection) -> Field:
    return Field("workstream", "Workstream", choices=_open_workstreams(s),
                 value=s.workstream or "", placeholder="W-1")  # fmt: skip


CREATE_ACTIONS = [
    Triage(
        "new_workstream", "w", "new", "New workstream", "",
        lambda deck, key, a: deck.open_workstream(
            a["title"], owner=a["owner"], objective=a["objective"] or "",
            stakeholders=a["stakeholders"] or (),
        ),
        lambda s: [
            Field("title", "Title"), Field("owner", "Owner"),
            Field("objective", "Objective", required=False),
            Field("stakeholders", "Stakeholders (comma-separated)", required=False, parse=names),
        ],
    ),
    Triage(
        "new_decision", "d", "new", "Raise a decision", "",
        lambda deck, key, a: deck.raise_decision(
            a["question"], workstream=a["workstream"], owner=a["owner"], due=a["due"],
            options=a["options"] or (), problem=a["problem"] or "", context=a["context"] or "",
        ),
        lambda s: [
            Field("question", "Question"), _workstream_field(s), Field("owner", "Owner"),
            date_field("due", "Due", s.today, required=False),
            Field("options", "Options, one per line", kind="long", required=False, parse=lines),
            Field("problem", "Problem or opportunity", kind="long", required=False),
            Field("context", "Context and user insight", kind="long", required=False),
        ],
    ),
    Triage(
        "new_blocker", "b", "new", "Raise a blocker", "",
        lambda deck, key, a: deck.raise_blocker(
            a["title"], workstream=a["workstream"], severity=a["severity"],
            owner=a["owner"] or "", needed_by=a["needed_by"],
        ),
        lambda s: [
            Field("title", "What is in the way"), _workstream_field(s),
            Field("severity", "Severity", kind="choice", choices=SEVERITIES, value="medium"),
            Field("owner", "Owner", required=False),
            date_field("needed_by", "Needed by", s.today, required=False),
        ],
    ),
    Triage(
        "new_ritual", "r", "new", "Establish a ritual", "",
        lambda deck, key, a: deck.establish_ritual(
            a["name"], cadence=a["cadence"], purpose=a["purpose"], owner=a["owner"],
            attendees=a["attendees"] or (),
        ),
        lambda s: [
            Field("name", "Name"),
            Field("cadence", "Cadence", kind="choice", choices=CADENCES, value="weekly"),
            Field("purpose", "Purpose"), Field("owner", "Owner"),
            Field("attendees", "Attendees (comma-separated)", required=False, parse=names),
        ],
    ),
    Triage(
        "new_action", "a", "new", "Assign an action", "",
        lambda deck, key, a: deck.assign_action(
            a["title"], owner=a["owner"], due=a["due"], source=a["source"] or None
        ),
        lambda s: [
            Field("title", "Action"), Field("owner", "Owner"), date_field("due", "Due", s.today),
            Field("source", "From (the item it came out of)", required=False,
                  value=s.key or "", placeholder="D-3"),
        ],
    ),
    Triage(
        "new_note", "n", "new", "Log a note", "",
        lambda deck, key, a: deck.log_note(a["kind"], a["text"], links=a["links"] or ()),
        lambda s: [
            Field("kind", "Kind", kind="choice", choices=NOTE_KINDS, value="signal"),
            Field("text", "Note", kind="long"),
            Field("links", "Linked to (keys, comma-separated)", required=False,
                  value=s.key or "", parse=names),
        ],
    ),
]  # fmt: skip

# ---- follow-through and the operating rhythm (their own screens) ------------------


def _held_fields(s: Selection) -> list[Field]:
    open_decisions = tuple(k for k, r in s.present.decisions.decisions.items() if r.is_open)
    open_blockers = tuple(
        k for k, r in s.present.blockers.blockers.items() if r.resolved_at is None
    )
    return [
        Field("held_on", "Held on", value=s.today.isoformat(), parse=day_parser(s.today),
              hint=FORMS),
        Field("informed", "Decisions it informed (keys, comma-separated)", required=False,
              choices=open_decisions, parse=names),
        Field("surfaced", "Blockers it surfaced (keys, comma-separated)", required=False,
              choices=open_blockers, parse=names),
        Field("notes", "Notes", kind="long", required=False),
    ]  # fmt: skip


FOLLOW_THROUGH_ACTIONS = [
    Triage(
        "complete", "c", "actions", "Complete", "action",
        lambda deck, key, a: deck.complete_action(key, note=a["note"] or ""),
        lambda s: [Field("note", "Note: what was done", required=False)],
    ),
    Triage(
        "drop", "x", "actions", "Drop", "action",
        lambda deck, key, a: deck.drop_action(key, why=a["why"]),
        lambda s: [Field("why", "Why drop it")],
    ),
]  # fmt: skip

RHYTHM_ACTIONS = [
    Triage(
        "hold", "h", "rituals", "Record an occurrence of", "ritual",
        lambda deck, key, a: deck.hold_ritual(
            key, held_on=a["held_on"], informed=a["informed"] or (),
            surfaced=a["surfaced"] or (), notes=a["notes"] or "",
        ),
        _held_fields,
    ),
    Triage(
        "retire", "R", "rituals", "Retire", "ritual",
        lambda deck, key, a: deck.retire_ritual(key, reason=a["reason"]),
        lambda s: [Field("reason", "Why retire it")],
    ),
]  # fmt: skip

TRIAGE = (
    DECISION_ACTIONS
    + BLOCKER_ACTIONS
    + WORKSTREAM_ACTIONS
    + FOLLOW_THROUGH_ACTIONS
    + RHYTHM_ACTIONS
)
BY_PANE: dict[str, list[Triage]] = {
    pane: [t for t in TRIAGE + CREATE_ACTIONS if t.pane == pane]
    for pane in ("workstreams", "decisions", "blockers", "new", "actions", "rituals")
}


def find(pane: str, name: str) -> Triage:
    return next(t for t in BY_PANE[pane] if t.name == name)


def bindings(pane: str) -> list[Binding]:
    """A pane's triage keys, for its BINDINGS (and so for the footer)."""
    return [Binding(t.key, f"screen.triage('{pane}', '{t.name}')", t.label) for t in BY_PANE[pane]]

"""What changed between two moments: the backbone of "since the last staff meeting"."""

from datetime import datetime

import msgspec

from events import DecisionSuperseded
from projections.read_models import ReadModels
from projections.time_travel import History

SECTIONS = ("workstream", "decision", "blocker", "ritual", "action")


class Change(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    kind: str  # workstream | decision | blocker | ritual | action
    title: str
    change: str  # opened, closed, state, decided, raised, escalated, resolved, …
    detail: str = ""


def diff(history: History, since: datetime, until: datetime) -> list[Change]:
    """Changes to the items touched by events in (since, until], by kind then key."""
    touched: set[str] = set()
    for event in history.between(since, until):
        touched.add(event.key)
        if isinstance(event, DecisionSuperseded):
            touched.add(event.by)  # it now supersedes something
    return compare(history.as_of(since), history.as_of(until), touched)


def compare(before: ReadModels, after: ReadModels, keys: set[str] | None = None) -> list[Change]:
    """Every difference between two states, for `keys` (or every item)."""
    changes: list[Change] = []
    for kind, old, new, describe in (
        ("workstream", before.workstreams.workstreams, after.workstreams.workstreams, _workstream),
        ("decision", before.decisions.decisions, after.decisions.decisions, _decision),
        ("blocker", before.blockers.blockers, after.blockers.blockers, _blocker),
        ("ritual", before.rituals.rituals, after.rituals.rituals, _ritual),
        ("action", before.actions.actions, after.actions.actions, _action),
    ):
        candidates = new.keys() if keys is None else keys & new.keys()
        for key in sorted(candidates, key=lambda k: int(k[2:])):
            if old.get(key) != new[key]:
                for change, detail in describe(old.get(key), new[key]):
                    changes.append(
                        Change(
                            key=key, kind=kind, title=_title(new[key]), change=change, detail=detail
                        )
                    )
    return changes


def _title(row) -> str:
    return getattr(row, "title", None) or getattr(row, "question", None) or row.name


def _moved(old, new, field: str, change: str) -> list[tuple[str, str]]:
    a, b = getattr(old, field), getattr(new, field)
    return [(change, f"{a} → {b}")] if a != b else []


def _workstream(old, new):
    if old is None:
        return [("opened", f"owner {new.owner}")]
    out = []
    if new.closed_at and not old.closed_at:
        out.append(("closed", ""))
    out += _moved(old, new, "state", "state")
    out += _moved(old, new, "owner", "owner")
    if new.escalated_to != old.escalated_to:
        out.append(
            ("escalated", f"to {new.escalated_to}") if new.escalated_to else ("de-escalated", "")
        )
    if (new.next_decision_on, new.next_decision_what) != (
        old.next_decision_on,
        old.next_decision_what,
    ):
        out.append(("next decision point", f"{new.next_decision_on}: {new.next_decision_what}"))
    if new.last_report_at != old.last_report_at and new.state == old.state:
        out.append(("status reported", new.state))
    return out or [("updated", "")]


def _decision(old, new):
    if old is None:
        return [("raised", f"owner {new.owner}")] + (
            [(new.status, _decision_detail(new))] if new.status != "open" else []
        )
    out = []
    if new.status != old.status:
        out.append((new.status, _decision_detail(new)))
    if new.supersedes != old.supersedes:
        out.append(("supersedes", ", ".join(new.supersedes[len(old.supersedes) :])))
    if new.options != old.options:
        out.append(("option added", ", ".join(new.options[len(old.options) :])))
    if new.status == old.status == "decided" and new.decided_at != old.decided_at:
        out.append(("decided", _decision_detail(new)))
    return out or [("updated", "")]


def _decision_detail(record) -> str:
    match record.status:
        case "decided":
            return record.choice
        case "deferred":
            return f"until {record.due}"
        case "superseded":
            return f"by {record.superseded_by}"
        case _:
            return record.closed_why


def _blocker(old, new):
    if old is None:
        out = [("raised", new.severity)]
        if new.resolved_at:
            out.append(("resolved", new.resolution))
        return out
    out = []
    reopened = new.reopened_count != old.reopened_count
    if old.resolved_at and (not new.resolved_at or reopened):
        out.append(("reopened", ""))
    if new.resolved_at and (not old.resolved_at or reopened):
        out.append(("resolved", new.resolution))
    if new.escalated_to and new.escalated_to != old.escalated_to:
        out.append(("escalated", f"to {new.escalated_to}"))
    elif old.escalated_to and not new.escalated_to and not reopened:
        out.append(("de-escalated", ""))
    out += _moved(old, new, "severity", "severity")
    out += _moved(old, new, "owner", "owner")
    return out or [("updated", "")]


def _ritual(old, new):
    if old is None:
        return [("established", new.cadence)]
    out = []
    held = len(new.occurrences) - len(old.occurrences)
    if held:
        out.append(("held", f"{held} time{'s' if held != 1 else ''}"))
    if new.retired_reason and not old.retired_reason:
        out.append(("retired", new.retired_reason))
    out += _moved(old, new, "cadence", "cadence")
    return out or [("updated", "")]


def _action(old, new):
    if old is None:
        out = [("assigned", f"to {new.owner}, due {new.due}")]
        return out + ([(new.status, new.closing_note)] if new.status != "open" else [])
    if new.status != old.status:
        return [(new.status, new.closing_note)]
    return [("updated", "")]

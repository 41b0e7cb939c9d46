"""The history, readable: one line of plain words per event."""

from collections import deque
from datetime import datetime

import msgspec

from events import (
    ActionAssigned,
    ActionCompleted,
    ActionDropped,
    AnyEvent,
    BlockerDeescalated,
    BlockerEscalated,
    BlockerRaised,
    BlockerReassigned,
    BlockerReopened,
    BlockerResolved,
    BlockerSeverityChanged,
    DecisionDeferred,
    DecisionMade,
    DecisionOptionAdded,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
    NoteLogged,
    RitualCadenceChanged,
    RitualEstablished,
    RitualHeld,
    RitualRetired,
    WorkstreamClosed,
    WorkstreamDeescalated,
    WorkstreamEscalated,
    WorkstreamNextDecisionPointSet,
    WorkstreamOpened,
    WorkstreamOwnerChanged,
    WorkstreamStatusReported,
    tag_of,
)

LATEST = 200  # how many recent events the timeline keeps


def _with(text: str, detail: str) -> str:
    return f"{text}: {detail}" if detail else text


def describe(event: AnyEvent) -> str:
    """What happened, without the key, time or actor (shown beside it)."""
    match event:
        case WorkstreamOpened(title=title, owner=owner):
            return f"workstream opened: {title} (owner {owner})"
        case WorkstreamOwnerChanged(owner=owner):
            return f"owner changed to {owner}"
        case WorkstreamStatusReported(state=state, note=note):
            return _with(f"status {state.replace('_', ' ')}", note)
        case WorkstreamNextDecisionPointSet(on=on, what=what):
            return f"next decision point {on}: {what}"
        case WorkstreamEscalated(to=to, why=why) | BlockerEscalated(to=to, why=why):
            return f"escalated to {to}: {why}"
        case WorkstreamDeescalated(why=why) | BlockerDeescalated(why=why):
            return _with("de-escalated", why)
        case WorkstreamClosed(why=why):
            return _with("workstream closed", why)
        case DecisionRaised(question=question, workstream=ws, owner=owner, due=due):
            when = f", due {due}" if due else ""
            return f"decision raised on {ws}: {question} (owner {owner}{when})"
        case DecisionOptionAdded(option=option):
            return f"option added: {option}"
        case DecisionMade(choice=choice, reasoning=reasoning):
            return f"decided: {choice} — {reasoning}"
        case DecisionDeferred(until=until, why=why):
            return f"deferred until {until}: {why}"
        case DecisionReopened(why=why, conditions=conditions):
            met = "condition" if len(conditions) == 1 else "conditions"
            return _with(f"reopened: {why}", f"{met} {'; '.join(conditions)}" if conditions else "")
        case DecisionSuperseded(by=by):
            return f"superseded by {by}"
        case DecisionWithdrawn(why=why):
            return f"withdrawn: {why}"
        case BlockerRaised(title=title, workstream=ws, severity=severity):
            return f"blocker raised on {ws} ({severity}): {title}"
        case BlockerSeverityChanged(severity=severity):
            return f"severity now {severity}"
        case BlockerReassigned(owner=owner):
            return f"reassigned to {owner}"
        case BlockerResolved(resolution=resolution):
            return f"resolved: {resolution}"
        case BlockerReopened(why=why):
            return f"reopened: {why}"
        case RitualEstablished(name=name, cadence=cadence, owner=owner):
            return f"ritual established: {name} ({cadence}, owner {owner})"
        case RitualHeld(held_on=held_on, informed=informed, surfaced=surfaced):
            parts = [f"held on {held_on}"]
            if informed:
                parts.append(f"informed {', '.join(informed)}")
            if surfaced:
                parts.append(f"surfaced {', '.join(surfaced)}")
            return "; ".join(parts)
        case RitualCadenceChanged(cadence=cadence):
            return f"cadence now {cadence}"
        case RitualRetired(reason=reason):
            return f"retired: {reason}"
        case ActionAssigned(title=title, owner=owner, due=due, source=source):
            origin = f", from {source}" if source else ""
            return f"action assigned to {owner}, due {due}{origin}: {title}"
        case ActionCompleted(note=note):
            return _with("completed", note)
        case ActionDropped(why=why):
            return f"dropped: {why}"
        case NoteLogged(kind=kind, text=text, links=links):
            linked = f" (on {', '.join(links)})" if links else ""
            return f"{kind} noted{linked}: {text}"
    return type(event).__name__


class TimelineRow(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    at: datetime
    key: str
    actor: str
    type: str
    text: str


class Timeline:
    """The latest events, newest last; older ones fall off the end."""

    def __init__(self, latest: deque | None = None, size: int = LATEST):
        self.latest: deque[Event] = latest if latest is not None else deque(maxlen=size)

    def snapshot(self) -> deque:
        return self.latest.copy()

    def apply(self, event: Event) -> None:
        self.latest.append(event)

    def extend(self, events: list[Event]) -> None:
        self.latest.extend(events[-self.latest.maxlen :] if self.latest.maxlen else events)

    def rows(self, limit: int = LATEST) -> list[TimelineRow]:
        """Newest first."""
        chosen = list(self.latest)[-limit:][::-1]
        return [
            TimelineRow(at=e.at, key=e.key, actor=e.actor, type=tag_of(e), text=describe(e))
            for e in chosen
        ]

"""Undo: the compensating event that takes a recorded change back.

Nothing is ever deleted. Undoing appends the opposite fact (a resolved blocker
is reopened, a made decision is reopened, an escalation is withdrawn), so
history keeps both the change and its reversal. Some facts have no opposite
(a withdrawn decision, a retired ritual, a note): undoing them is refused with
what to do instead.
"""

from typing import Any, NamedTuple

from domain.errors import DomainError
from events import (
    ActionAssigned,
    ActionCompleted,
    ActionDropped,
    BlockerDeescalated,
    BlockerEscalated,
    BlockerRaised,
    BlockerReassigned,
    BlockerReopened,
    BlockerResolved,
    BlockerSeverityChanged,
    DecisionDeferred,
    DecisionMade,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
    NoteLogged,
    RitualEstablished,
    RitualRetired,
    WorkstreamClosed,
    WorkstreamDeescalated,
    WorkstreamEscalated,
    WorkstreamNextDecisionPointSet,
    WorkstreamOpened,
    WorkstreamOwnerChanged,
    WorkstreamStatusReported,
)

UNDONE = "undo"  # the reason recorded on a compensating event, when it needs one


class CannotUndo(DomainError):
    """The change has no opposite fact to append."""


class Undo(NamedTuple):
    """What undoing a change appends: an event of `event_type` on `key` with `fields`."""

    key: str
    event_type: type[Event]
    fields: dict[str, Any]


def undo_of(event: Event, history: list[Event]) -> Undo:
    """The compensating event for `event`, given its item's whole history."""
    earlier = history[: _index_of(event, history)]

    def last(kind: type[Event]) -> Any:
        return next((e for e in reversed(earlier) if isinstance(e, kind)), None)

    def undo(event_type: type[Event], **fields: Any) -> Undo:
        return Undo(event.key, event_type, fields)

    why = f"{UNDONE}: taking back {_what(event)}"
    match event:
        case WorkstreamOpened():
            return undo(WorkstreamClosed, why=why)
        case WorkstreamStatusReported():
            before = last(WorkstreamStatusReported)
            return undo(
                WorkstreamStatusReported, state=before.state if before else "on_track", note=why
            )
        case WorkstreamOwnerChanged():
            before = last(WorkstreamOwnerChanged) or last(WorkstreamOpened)
            return undo(WorkstreamOwnerChanged, owner=before.owner)
        case WorkstreamNextDecisionPointSet():
            before = last(WorkstreamNextDecisionPointSet)
            if before is None:
                raise CannotUndo(
                    f"{event.key} had no decision point before this one, so there is none to "
                    "go back to; set the right one with x."
                )
            return undo(WorkstreamNextDecisionPointSet, on=before.on, what=before.what)
        case WorkstreamEscalated() | BlockerEscalated():
            escalated, deescalated = type(event), _deescalation[type(event)]
            before = _escalation_before(earlier, escalated, deescalated)
            if before is not None:  # it had gone to someone else: back to them
                return undo(escalated, to=before.to, why=why)
            return undo(deescalated, why=why)
        case WorkstreamDeescalated() | BlockerDeescalated():
            escalated = (
                WorkstreamEscalated
                if isinstance(event, WorkstreamDeescalated)
                else BlockerEscalated
            )
            before = last(escalated)
            return undo(escalated, to=before.to, why=why)
        case DecisionRaised():
            return undo(DecisionWithdrawn, why=why)
        case DecisionMade():
            return undo(DecisionReopened, why=why)
        case DecisionReopened():  # only a made decision reopens: made again, as it was
            before = last(DecisionMade)
            return undo(DecisionMade, **{name: getattr(before, name) for name in _RECORD})
        case BlockerRaised():
            return undo(BlockerResolved, resolution=f"{UNDONE}: raised by mistake")
        case BlockerResolved():
            return undo(BlockerReopened, why=why)
        case BlockerReopened():
            return undo(BlockerResolved, resolution=last(BlockerResolved).resolution)
        case BlockerSeverityChanged():
            before = last(BlockerSeverityChanged) or last(BlockerRaised)
            return undo(BlockerSeverityChanged, severity=before.severity)
        case BlockerReassigned():
            before = last(BlockerReassigned) or last(BlockerRaised)
            if not before.owner:
                raise CannotUndo(
                    f"{event.key} had no owner before, and a blocker cannot be given to no one; "
                    "reassign it with a."
                )
            return undo(BlockerReassigned, owner=before.owner)
        case RitualEstablished():
            return undo(RitualRetired, reason=f"{UNDONE}: established by mistake")
        case ActionAssigned():
            return undo(ActionDropped, why=f"{UNDONE}: assigned by mistake")
    raise CannotUndo(_final.get(type(event), f"{_what(event)} cannot be taken back."))


_RECORD = (
    "choice",
    "reasoning",
    "rejected",
    "expected",
    "reopen_conditions",
    "review_by",
    "decided_by",
)
_deescalation = {WorkstreamEscalated: WorkstreamDeescalated, BlockerEscalated: BlockerDeescalated}
_final: dict[type[Event], str] = {
    DecisionWithdrawn: "A withdrawn decision is closed for good; raise it again with n.",
    DecisionSuperseded: "A superseded decision is closed for good; reopen or supersede its "
    "successor instead.",
    RitualRetired: "A retired ritual stays retired; establish it again with n.",
    WorkstreamClosed: "A closed workstream stays closed; open a new one with n.",
    NoteLogged: "A note cannot be taken back; log a note that corrects it with n.",
    ActionCompleted: "A completed action stays completed; assign a new one with n.",
    ActionDropped: "A dropped action stays dropped; assign it again with n.",
    DecisionDeferred: "A deferral is not taken back; decide it now with d, or defer it to "
    "another date with f.",
}


def _escalation_before(earlier: list[Event], escalated: type, deescalated: type):
    """The escalation in force just before: the last one, unless it was taken back."""
    for e in reversed(earlier):
        if isinstance(e, deescalated):
            return None
        if isinstance(e, escalated):
            return e
        if isinstance(e, BlockerReopened | BlockerResolved):  # a reopening clears it
            return None
    return None


def _index_of(event: Event, history: list[Event]) -> int:
    for index in range(len(history) - 1, -1, -1):
        if history[index] == event:
            return index
    raise CannotUndo(f"{event.key} has no such event in its history; there is nothing to undo.")


def _what(event: Event) -> str:
    """`blocker resolved`, from the event's tag."""
    return type(event).__struct_config__.tag.replace(".", " ").replace("_", " ")

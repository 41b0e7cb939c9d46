"""Workstream events: a line of work the principal touches, and how it is going."""

from typing import Literal

from events.base import Day, Event, Names

WorkstreamState = Literal["on_track", "at_risk", "off_track", "paused", "done"]
WORKSTREAM_STATES: tuple[str, ...] = WorkstreamState.__args__


class WorkstreamOpened(Event, frozen=True, kw_only=True, tag="workstream.opened"):
    title: str
    owner: str
    objective: str = ""
    stakeholders: Names = ()


class WorkstreamOwnerChanged(Event, frozen=True, kw_only=True, tag="workstream.owner_changed"):
    owner: str


class WorkstreamStatusReported(Event, frozen=True, kw_only=True, tag="workstream.status_reported"):
    state: WorkstreamState
    note: str = ""


class WorkstreamNextDecisionPointSet(
    Event, frozen=True, kw_only=True, tag="workstream.next_decision_point_set"
):
    on: Day
    what: str


class WorkstreamEscalated(Event, frozen=True, kw_only=True, tag="workstream.escalated"):
    to: str
    why: str


class WorkstreamDeescalated(Event, frozen=True, kw_only=True, tag="workstream.deescalated"):
    why: str = ""


class WorkstreamClosed(Event, frozen=True, kw_only=True, tag="workstream.closed"):
    why: str = ""


WorkstreamEvent = (
    WorkstreamOpened
    | WorkstreamOwnerChanged
    | WorkstreamStatusReported
    | WorkstreamNextDecisionPointSet
    | WorkstreamEscalated
    | WorkstreamDeescalated
    | WorkstreamClosed
)

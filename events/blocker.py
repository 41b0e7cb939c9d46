"""Blocker events: something in the way of a workstream, until it is resolved."""

from typing import Literal

from events.base import Day, Event

Severity = Literal["low", "medium", "high", "critical"]
SEVERITIES: tuple[str, ...] = Severity.__args__


class BlockerRaised(Event, frozen=True, kw_only=True, tag="blocker.raised"):
    title: str
    workstream: str
    severity: Severity
    owner: str = ""
    needed_by: Day | None = None
    depends_on: str = ""


class BlockerSeverityChanged(Event, frozen=True, kw_only=True, tag="blocker.severity_changed"):
    severity: Severity


class BlockerReassigned(Event, frozen=True, kw_only=True, tag="blocker.reassigned"):
    owner: str


class BlockerEscalated(Event, frozen=True, kw_only=True, tag="blocker.escalated"):
    to: str
    why: str


class BlockerDeescalated(Event, frozen=True, kw_only=True, tag="blocker.deescalated"):
    """An escalation taken back: the blocker is no longer with whoever it went to."""

    why: str = ""


class BlockerResolved(Event, frozen=True, kw_only=True, tag="blocker.resolved"):
    resolution: str


class BlockerReopened(Event, frozen=True, kw_only=True, tag="blocker.reopened"):
    why: str


BlockerEvent = (
    BlockerRaised
    | BlockerSeverityChanged
    | BlockerReassigned
    | BlockerEscalated
    | BlockerDeescalated
    | BlockerResolved
    | BlockerReopened
)

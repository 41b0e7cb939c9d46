"""The workstream status map: one line per open workstream the principal touches."""

from datetime import date, datetime

import msgspec
from msgspec.structs import replace

from events import (
    Event,
    WorkstreamClosed,
    WorkstreamDeescalated,
    WorkstreamEscalated,
    WorkstreamNextDecisionPointSet,
    WorkstreamOpened,
    WorkstreamOwnerChanged,
    WorkstreamStatusReported,
)
from projections.blocker_radar import SEVERITY_RANK, Blockers, BlockerState

STALE_AFTER_DAYS = 14


class WorkstreamState(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    title: str
    owner: str
    objective: str
    stakeholders: tuple[str, ...]
    opened_at: datetime
    state: str = "on_track"
    note: str = ""
    last_report_at: datetime | None = None
    next_decision_on: date | None = None
    next_decision_what: str = ""
    escalated_to: str | None = None
    escalation_why: str = ""
    closed_at: datetime | None = None


class MapRow(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    title: str
    owner: str
    state: str
    next_decision_on: date | None
    next_decision_what: str
    top_blocker: str | None
    top_blocker_title: str | None
    top_blocker_severity: str | None
    escalated: bool
    escalated_to: str | None
    days_since_update: int
    stale: bool


class Workstreams:
    """Folds workstream events into one state per workstream."""

    handles = (
        WorkstreamOpened,
        WorkstreamOwnerChanged,
        WorkstreamStatusReported,
        WorkstreamNextDecisionPointSet,
        WorkstreamEscalated,
        WorkstreamDeescalated,
        WorkstreamClosed,
    )

    def __init__(self, workstreams: dict[str, WorkstreamState] | None = None):
        self.workstreams = workstreams if workstreams is not None else {}

    def snapshot(self) -> dict[str, WorkstreamState]:
        return self.workstreams.copy()

    def apply(self, event: Event) -> None:
        # Cases in order of how often they come: the fold is the rebuild's hot loop.
        workstreams = self.workstreams
        match event:
            case WorkstreamStatusReported():
                state = replace(
                    workstreams[event.key],
                    state=event.state,
                    note=event.note,
                    last_report_at=event.at,
                )
            case WorkstreamNextDecisionPointSet():
                state = replace(
                    workstreams[event.key],
                    next_decision_on=event.on,
                    next_decision_what=event.what,
                )
            case WorkstreamEscalated():
                state = replace(
                    workstreams[event.key], escalated_to=event.to, escalation_why=event.why
                )
            case WorkstreamDeescalated():
                state = replace(workstreams[event.key], escalated_to=None, escalation_why="")
            case WorkstreamOwnerChanged():
                state = replace(workstreams[event.key], owner=event.owner)
            case WorkstreamOpened():
                state = WorkstreamState(
                    key=event.key,
                    title=event.title,
                    owner=event.owner,
                    objective=event.objective,
                    stakeholders=event.stakeholders,
                    opened_at=event.at,
                )
            case WorkstreamClosed():
                state = replace(workstreams[event.key], closed_at=event.at)
            case _:
                return
        workstreams[event.key] = state


def top_blockers(blockers: Blockers) -> dict[str, BlockerState]:
    """Each workstream's top open blocker: the most severe, then the oldest."""
    top: dict[str, BlockerState] = {}
    for blocker in blockers.open_blockers():
        current = top.get(blocker.workstream)
        if current is None or _rank(blocker) < _rank(current):
            top[blocker.workstream] = blocker
    return top


def _rank(blocker: BlockerState) -> tuple:
    return (SEVERITY_RANK[blocker.severity], blocker.opened_at, blocker.key)


def workstream_map(workstreams: Workstreams, blockers: Blockers, now: datetime) -> list[MapRow]:
    """Open workstreams in key order; staleness counts from the last status report
    (or the opening, if there has been none)."""
    tops = top_blockers(blockers)
    rows = []
    for state in workstreams.workstreams.values():
        if state.closed_at is not None:
            continue
        since = (now - (state.last_report_at or state.opened_at)).days
        top = tops.get(state.key)
        rows.append(
            MapRow(
                key=state.key,
                title=state.title,
                owner=state.owner,
                state=state.state,
                next_decision_on=state.next_decision_on,
                next_decision_what=state.next_decision_what,
                top_blocker=top.key if top else None,
                top_blocker_title=top.title if top else None,
                top_blocker_severity=top.severity if top else None,
                escalated=state.escalated_to is not None,
                escalated_to=state.escalated_to,
                days_since_update=since,
                stale=since >= STALE_AFTER_DAYS,
            )
        )
    rows.sort(key=lambda r: int(r.key[2:]))
    return rows

"""The blocker radar: what is in the way, by severity and age, and what needs escalating."""

from datetime import date, datetime, timedelta

import msgspec
from msgspec.structs import replace

from events import (
    BlockerDeescalated,
    BlockerEscalated,
    BlockerRaised,
    BlockerReassigned,
    BlockerReopened,
    BlockerResolved,
    BlockerSeverityChanged,
    Event,
)

SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}
# Days a blocker may stay open at each severity before it should be escalated.
DEFAULT_THRESHOLDS = {"critical": 1, "high": 3, "medium": 7, "low": 14}


class BlockerState(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    title: str
    workstream: str
    owner: str
    severity: str
    raised_at: datetime
    opened_at: datetime  # raised, or last reopened: what its age counts from
    needed_by: date | None = None
    depends_on: str = ""
    escalated_to: str | None = None
    resolved_at: datetime | None = None
    resolution: str = ""
    reopened_count: int = 0

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class RadarRow(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    title: str
    workstream: str
    owner: str
    severity: str
    age_days: int
    escalated: bool
    escalated_to: str | None
    past_threshold: bool
    escalation_due: bool  # past its threshold and not yet escalated
    needed_by: date | None


class Blockers:
    """Folds blocker events into one state per blocker."""

    handles = (
        BlockerRaised,
        BlockerSeverityChanged,
        BlockerReassigned,
        BlockerEscalated,
        BlockerDeescalated,
        BlockerResolved,
        BlockerReopened,
    )

    def __init__(self, snapshot: tuple | dict[str, BlockerState] | None = None):
        # The open ones' keys, kept as the fold goes: the radar and the map read
        # the few open blockers, not every one ever raised (most are resolved).
        if isinstance(snapshot, tuple):
            self.blockers, self.open = snapshot
        else:  # rows alone (a saved present): their open keys are found once
            self.blockers = snapshot if snapshot is not None else {}
            self.open = {key: None for key, b in self.blockers.items() if b.is_open}

    def snapshot(self) -> tuple[dict[str, BlockerState], dict[str, None]]:
        return (self.blockers.copy(), self.open.copy())

    def apply(self, event: Event) -> None:
        # Cases in order of how often they come: the fold is the rebuild's hot loop.
        blockers = self.blockers
        match event:
            case BlockerResolved():
                state = replace(
                    blockers[event.key], resolved_at=event.at, resolution=event.resolution
                )
                self.open.pop(event.key, None)
            case BlockerRaised():
                state = BlockerState(
                    key=event.key,
                    title=event.title,
                    workstream=event.workstream,
                    owner=event.owner,
                    severity=event.severity,
                    raised_at=event.at,
                    opened_at=event.at,
                    needed_by=event.needed_by,
                    depends_on=event.depends_on,
                )
                self.open[event.key] = None
            case BlockerSeverityChanged():
                state = replace(blockers[event.key], severity=event.severity)
            case BlockerEscalated():
                state = replace(blockers[event.key], escalated_to=event.to)
            case BlockerDeescalated():
                state = replace(blockers[event.key], escalated_to=None)
            case BlockerReassigned():
                state = replace(blockers[event.key], owner=event.owner)
            case BlockerReopened():
                old = blockers[event.key]
                state = replace(
                    old,
                    resolved_at=None,
                    resolution="",
                    opened_at=event.at,
                    escalated_to=None,
                    reopened_count=old.reopened_count + 1,
                )
                self.open[event.key] = None
            case _:
                return
        blockers[event.key] = state

    def open_blockers(self) -> list[BlockerState]:
        blockers = self.blockers
        return [blockers[key] for key in self.open]


def blocker_radar(
    blockers: Blockers, now: datetime, thresholds: dict[str, int] = DEFAULT_THRESHOLDS
) -> list[RadarRow]:
    """Open blockers, most severe first, then oldest (by the moment, not the day)."""
    rows = []
    ranked = sorted(
        blockers.open_blockers(), key=lambda b: (SEVERITY_RANK[b.severity], b.opened_at, b.key)
    )
    for state in ranked:
        age = now - state.opened_at
        past = age >= timedelta(days=thresholds[state.severity])
        rows.append(
            RadarRow(
                key=state.key,
                title=state.title,
                workstream=state.workstream,
                owner=state.owner,
                severity=state.severity,
                age_days=age.days,
                escalated=state.escalated_to is not None,
                escalated_to=state.escalated_to,
                past_threshold=past,
                escalation_due=past and state.escalated_to is None,
                needed_by=state.needed_by,
            )
        )
    return rows

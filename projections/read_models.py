"""Every read model together: one fold, routed by event type, and its snapshot."""

from collections.abc import Callable, Iterable
from datetime import datetime

from events import EVENT_TYPES, Event
from projections.blocker_radar import DEFAULT_THRESHOLDS, Blockers, RadarRow, blocker_radar
from projections.decision_log import DecisionLog, DecisionRecord
from projections.decision_queue import QueueRows, decision_queue
from projections.follow_through import (
    ActionRow,
    Actions,
    FollowThroughSummary,
    open_actions,
    summary,
)
from projections.ritual_audit import AuditRow, Rituals, ritual_audit
from projections.timeline import Timeline, TimelineRow
from projections.workstream_map import MapRow, Workstreams, workstream_map


def _ignore(event: Event) -> None:
    """Events no read model folds yet (context notes reach only the timeline)."""


def _copied(part):
    """A copy of one projection's snapshot: its rows, or its rows and their indexes."""
    return tuple(p.copy() for p in part) if isinstance(part, tuple) else part.copy()


class ReadModels:
    """The fold of a stream of events into every projection.

    `apply` is the one code path: live events, a full rebuild and time travel
    all go through it.
    """

    def __init__(self, snapshot: tuple | None = None):
        parts = snapshot or (None,) * 6
        self.workstreams = Workstreams(parts[0])
        self.decisions = DecisionLog(parts[1])
        self.blockers = Blockers(parts[2])
        self.rituals = Rituals(parts[3])
        self.actions = Actions(parts[4])
        self.timeline = Timeline(parts[5])
        self.count = 0
        # Each event type goes to the one projection that folds it; the timeline
        # takes every event, in bulk.
        self._routes: dict[type, Callable[[Event], None]] = dict.fromkeys(
            EVENT_TYPES.values(), _ignore
        )
        for projection in self._projections()[:-1]:
            for event_type in projection.handles:
                self._routes[event_type] = projection.apply

    def __len__(self) -> int:
        """How many events have been folded in."""
        return self.count

    def _projections(self) -> tuple:
        return (
            self.workstreams,
            self.decisions,
            self.blockers,
            self.rituals,
            self.actions,
            self.timeline,
        )

    def apply(self, event: Event) -> None:
        self._routes[type(event)](event)
        self.timeline.apply(event)
        self.count += 1

    def apply_all(self, events: Iterable[Event]) -> None:
        """The same fold as `apply`, one event after another, with less overhead."""
        events = events if isinstance(events, list) else list(events)
        routes = self._routes
        for event in events:
            routes[type(event)](event)
        self.timeline.extend(events)
        self.count += len(events)

    @classmethod
    def of(cls, events: Iterable[Event]) -> "ReadModels":
        """Every read model, with `events` folded in."""
        models = cls()
        models.apply_all(events)
        return models

    def snapshot(self) -> tuple:
        """A copy that shares the immutable rows: cheap to take, cheap to keep."""
        return tuple(p.snapshot() for p in self._projections()) + (self.count,)

    @classmethod
    def restore(cls, snapshot: tuple) -> "ReadModels":
        *parts, count = snapshot
        return cls._taking((*map(_copied, parts), count))

    def copy(self) -> "ReadModels":
        """A fold to go on from here, leaving this one as it is (one copy of each
        projection, where restoring a snapshot of it would make two)."""
        return ReadModels._taking(self.snapshot())

    @classmethod
    def _taking(cls, parts: tuple) -> "ReadModels":
        """Models made of these very parts (a snapshot's own copies)."""
        models = cls(parts[:-1])
        models.count = parts[-1]
        return models

    # ---- the questions the dashboard asks -----------------------------------

    def workstream_map(self, now: datetime) -> list[MapRow]:
        return workstream_map(self.workstreams, self.blockers, now)

    def decision_queue(self, now: datetime) -> QueueRows:
        return decision_queue(self.decisions, now)

    def blocker_radar(
        self, now: datetime, thresholds: dict[str, int] = DEFAULT_THRESHOLDS
    ) -> list[RadarRow]:
        return blocker_radar(self.blockers, now, thresholds)

    def ritual_audit(self) -> list[AuditRow]:
        return ritual_audit(self.rituals)

    def open_actions(self, now: datetime) -> list[ActionRow]:
        return open_actions(self.actions, now)

    def follow_through(self, now: datetime) -> FollowThroughSummary:
        return summary(self.actions, now)

    def decision_log(self) -> list[DecisionRecord]:
        return sorted(self.decisions.decisions.values(), key=lambda r: int(r.key[2:]))

    def search_decisions(self, words: str) -> list[DecisionRecord]:
        return self.decisions.search(words)

    def latest(self, limit: int = 50) -> list[TimelineRow]:
        return self.timeline.rows(limit)

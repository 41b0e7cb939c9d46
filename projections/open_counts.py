"""The shape of history: how many blockers and decisions were open, over time."""

from collections.abc import Sequence
from datetime import datetime

from events import (
    BlockerRaised,
    BlockerReopened,
    BlockerResolved,
    DecisionMade,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
)


class OpenCounts:
    """Open blockers and open decisions at the end of each of `buckets` equal
    stretches of [start, end]. Events come in `at` order."""

    def __init__(self, events: Sequence[Event], start: datetime, end: datetime, buckets: int):
        self.start, self.end = start, end
        self.blockers: list[int] = []
        self.decisions: list[int] = []
        self._open_blockers: set[str] = set()
        self._open_decisions: set[str] = set()
        span = max(end - start, (end - start).resolution)
        index, count = 0, len(events)
        for bucket in range(1, buckets + 1):
            bucket_end = start + span * bucket / buckets
            while index < count and events[index].at <= bucket_end:
                self._fold(events[index])
                index += 1
            self.blockers.append(len(self._open_blockers))
            self.decisions.append(len(self._open_decisions))
        self._last_start = start + span * (buckets - 1) / buckets

    def extend(self, events: Sequence[Event]) -> bool:
        """Fold newer events into the last stretch, which they extend; False if
        any belongs to an earlier stretch (a backfill: measure again)."""
        if any(e.at <= self._last_start for e in events):
            return False
        for event in events:
            self._fold(event)
            self.end = max(self.end, event.at)
        self.blockers[-1] = len(self._open_blockers)
        self.decisions[-1] = len(self._open_decisions)
        return True

    def position(self, moment: datetime) -> float:
        """Where `moment` falls, from 0.0 (the start) to 1.0 (the end)."""
        span = (self.end - self.start).total_seconds()
        if span <= 0:
            return 1.0
        return min(1.0, max(0.0, (moment - self.start).total_seconds() / span))

    def _fold(self, event: Event) -> None:
        match event:
            case BlockerRaised() | BlockerReopened():
                self._open_blockers.add(event.key)
            case BlockerResolved():
                self._open_blockers.discard(event.key)
            case DecisionRaised() | DecisionReopened():
                self._open_decisions.add(event.key)
            case DecisionMade() | DecisionWithdrawn() | DecisionSuperseded():
                self._open_decisions.discard(event.key)

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
        span = max((end - start).total_seconds(), 1.0)
        open_blockers: set[str] = set()
        open_decisions: set[str] = set()
        index, count = 0, len(events)
        for bucket in range(1, buckets + 1):
            bucket_end = start.timestamp() + span * bucket / buckets
            while index < count and events[index].at.timestamp() <= bucket_end:
                _fold(events[index], open_blockers, open_decisions)
                index += 1
            self.blockers.append(len(open_blockers))
            self.decisions.append(len(open_decisions))

    def position(self, moment: datetime) -> float:
        """Where `moment` falls, from 0.0 (the start) to 1.0 (the end)."""
        span = (self.end - self.start).total_seconds()
        if span <= 0:
            return 1.0
        return min(1.0, max(0.0, (moment - self.start).total_seconds() / span))


def _fold(event: Event, blockers: set[str], decisions: set[str]) -> None:
    match event:
        case BlockerRaised() | BlockerReopened():
            blockers.add(event.key)
        case BlockerResolved():
            blockers.discard(event.key)
        case DecisionRaised() | DecisionReopened():
            decisions.add(event.key)
        case DecisionMade() | DecisionWithdrawn() | DecisionSuperseded():
            decisions.discard(event.key)

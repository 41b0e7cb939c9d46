"""History as known at any moment: "what did we know when we decided this?"

Events are kept in `at` order with a checkpoint of every read model each
`every` events, so a jump copies one checkpoint and replays a short stretch
instead of the whole stream. Each item's own events never go back in
time (a domain rule), so folding in `at` order or in recording order gives the
same present; only the past needs the `at` order.
"""

import operator
from bisect import bisect_right
from collections.abc import Iterable
from datetime import datetime
from itertools import islice
from operator import attrgetter

from events import Event
from events.gc import paused_gc
from projections.read_models import ReadModels

CHECKPOINT_EVERY = 5000
# The dashboard's spacing: a jump back replays at most `every` events (~3 µs
# each), and each checkpoint holds a copy of every projection's index (~0.6 MB
# at 100k events, ~6 MB at 1M), so a long history keeps about CHECKPOINTS.
CHECKPOINTS = 100
FEWEST_BETWEEN = 1000
RECENT = 8  # moments whose read models are kept: stepping back and forth revisits them
_at = attrgetter("at")


def spacing_for(count: int) -> int:
    """Events between checkpoints for a history of `count` events."""
    return max(FEWEST_BETWEEN, count // CHECKPOINTS)


class History:
    def __init__(self, every: int = CHECKPOINT_EVERY):
        self.every = every
        self.events: list[Event] = []  # in `at` order; ties keep recording order
        self._times: list[datetime] = []
        self._checkpoints: list[tuple[int, tuple]] = [(0, ReadModels().snapshot())]
        self.now = ReadModels()  # the present: every event folded
        self._recent: dict[int, ReadModels] = {}  # past read models by their end, newest last

    def __len__(self) -> int:
        return len(self.events)

    def extend(self, events: Iterable[Event]) -> list[Event]:
        """Add events (in recording order); returns them.

        The usual case, events newer than all known, folds into the present
        incrementally. Events from before the latest known (a backfill) are
        merged by time, and the present is refolded from the checkpoint before
        the earliest of them, so it always equals the fold in `at` order.
        """
        with paused_gc():
            return self._extend(list(events))

    def _extend(self, added: list[Event]) -> list[Event]:
        if not added:
            return added
        times = list(map(_at, added))
        start = len(self.events)
        if (not self._times or times[0] >= self._times[-1]) and all(
            map(operator.le, times, islice(times, 1, None))
        ):
            self.events.extend(added)
            self._times.extend(times)
            self._fold_taking_checkpoints(start)
            return added
        self._recent.clear()  # a backfill moves the positions they were kept by
        earliest = bisect_right(self._times, min(times))
        # A stable sort: ties keep recording order, and known events come first.
        merged = sorted(self.events[earliest:] + added, key=_at)
        self.events[earliest:] = merged
        self._times[earliest:] = map(_at, merged)
        self._drop_checkpoints_after(earliest)
        index, snapshot = self._checkpoints[-1]
        self.now = ReadModels.restore(snapshot)
        self._fold_taking_checkpoints(index)
        return added

    def _fold_taking_checkpoints(self, start: int) -> None:
        """Fold the new tail into the present, snapshotting it at each boundary."""
        position, end = start, len(self.events)
        boundary = start - start % self.every + self.every
        while boundary <= end:
            self.now.apply_all(self.events[position:boundary])
            self._checkpoints.append((boundary, self.now.snapshot()))
            position, boundary = boundary, boundary + self.every
        self.now.apply_all(self.events[position:end])

    def as_of(self, moment: datetime) -> ReadModels:
        """Every read model as known at `moment`: the events with `at` ≤ moment.

        The models are shared with later calls for the same moment: read them,
        never fold into them.
        """
        end = bisect_right(self._times, moment)
        if end == len(self.events):
            return self.now.copy()
        if end in self._recent:
            self._recent[end] = models = self._recent.pop(end)
            return models
        # Every multiple of `every` has its checkpoint, in order; a kept moment
        # between it and `end` leaves less to fold (stepping a day forward).
        start, snapshot = self._checkpoints[end // self.every]
        nearer = [kept for kept in self._recent if start <= kept < end]
        if nearer:
            start = max(nearer)
            models = self._recent[start].copy()
        else:
            models = ReadModels.restore(snapshot)
        models.apply_all(self.events[start:end])
        self._recent[end] = models
        if len(self._recent) > RECENT:
            del self._recent[next(iter(self._recent))]
        return models

    def between(self, since: datetime, until: datetime) -> list[Event]:
        """The events with since < `at` ≤ until, in `at` order."""
        start = bisect_right(self._times, since)
        return self.events[start : bisect_right(self._times, until)]

    def replay(self, moment: datetime) -> ReadModels:
        """The naive fold, without checkpoints: what `as_of` must always equal."""
        return ReadModels.of(e for e in self.events if e.at <= moment)

    def first_moment(self) -> datetime | None:
        return self.events[0].at if self.events else None

    def last_moment(self) -> datetime | None:
        return self.events[-1].at if self.events else None

    # ---- checkpoints ------------------------------------------------------

    def _drop_checkpoints_after(self, index: int) -> None:
        while self._checkpoints[-1][0] > index:
            self._checkpoints.pop()

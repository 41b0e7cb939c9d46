"""What the projection stories share: a fixed "now", a deck on a real SQLite
store whose clock stands at that "now", and the fold of everything it recorded.

Every story drives the real `Staffdeck` service and backfills with explicit
`at=` times ("3 days ago"), then folds the events the store hands back and
asks the read models about the rows at NOW.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from domain.service import Staffdeck
from projections.read_models import ReadModels
from projections.time_travel import History
from tests.conftest import FixedClock

# Wednesday 30 September 2026, noon UTC: the moment every story is read at.
NOW = datetime(2026, 9, 30, 12, 0, tzinfo=UTC)
TODAY = NOW.date()


def ago(days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
    """A moment before NOW: `ago(days=3)` is three days ago to the minute."""
    return NOW - timedelta(days=days, hours=hours, minutes=minutes)


@contextmanager
def deck_on(location: str) -> Iterator[Staffdeck]:
    """The application service on `location`, its clock standing at NOW."""
    deck = Staffdeck(location, actor="ana", clock=FixedClock(NOW, tick=timedelta(0)))
    try:
        yield deck
    finally:
        deck.close()


def fold(deck: Staffdeck) -> ReadModels:
    """Every event the store recorded, folded into every read model."""
    return ReadModels.of(deck.events_after(0)[1])


def history_of(deck: Staffdeck) -> History:
    """The same events, kept for "as known at" questions."""
    history = History()
    history.extend(deck.events_after(0)[1])
    return history

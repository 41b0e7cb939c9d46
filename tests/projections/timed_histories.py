"""Valid histories with time in them: uneven gaps, and events recorded late.

`histories()` (from the round-trip property) chooses commands the rules allow;
this adds, for each command, how far the clock moves before it and whether it
is backfilled — recorded now with an `at=` in the past. A backfilled event
still respects each item's time order (never before the item's last event)
and the link rule (never before the items it points at were created), so the
service accepts it; but it lands earlier in `at` order than in recording
order, which is exactly what time travel must get right.
"""

import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import strategies as st

from domain.service import Staffdeck
from events import Event
from tests.conftest import FixedClock
from tests.store.test_roundtrip_property import Command, histories

START = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
# A backfilled item with nothing before it may say it began up to this far back.
EARLIEST = START - timedelta(days=3)
PER_MILLE = 1000

# Commands that create an item under a new key; every other verb names its item first.
CREATING = {"open_workstream", "raise_decision", "raise_blocker", "establish_ritual",
            "assign_action", "log_note"}


@dataclass(frozen=True)
class Timing:
    advance: timedelta  # how far the clock moves before the command
    backfill: int | None  # None: happened now; n: n‰ of the way from the earliest allowed moment


@dataclass(frozen=True)
class TimedHistory:
    tick: timedelta  # how far the clock moves each time it is read
    steps: list[tuple[Command, Timing]]


gaps = st.one_of(
    st.just(timedelta(0)),
    st.integers(1, 120).map(lambda s: timedelta(seconds=s)),
    st.integers(1, 48).map(lambda h: timedelta(hours=h)),
    st.integers(1, 10).map(lambda d: timedelta(days=d)),
)
timings = st.builds(Timing, advance=gaps, backfill=st.none() | st.integers(0, PER_MILLE))
ticks = st.sampled_from([timedelta(0), timedelta(seconds=1), timedelta(minutes=1)])


@st.composite
def timed_histories(draw, max_commands: int = 30) -> TimedHistory:
    commands = draw(histories(max_commands=max_commands))
    return TimedHistory(draw(ticks), [(command, draw(timings)) for command in commands])


def linked_keys(verb: str, args: tuple, kwargs: dict) -> list[str]:
    """The items a command points at, which must exist by its `at` (domain/links.py)."""
    match verb:
        case "raise_decision" | "raise_blocker":
            return [kwargs["workstream"]]
        case "supersede_decision":
            return [kwargs["by"]]
        case "hold_ritual":
            return [*kwargs["informed"], *kwargs["surfaced"]]
        case "assign_action":
            return [kwargs["source"]] if kwargs["source"] else []
        case "log_note":
            return list(kwargs["links"])
    return []


def record(history: TimedHistory) -> list[Event]:
    """Play the history through the service on a fresh SQLite store; the events
    as the store recorded them, in recording order."""
    with tempfile.TemporaryDirectory() as directory:
        clock = FixedClock(START, tick=history.tick)
        deck = Staffdeck(str(Path(directory, "store.db")), actor="ana", clock=clock)
        try:
            created: dict[str, datetime] = {}
            last: dict[str, datetime] = {}
            for (verb, args, kwargs), timing in history.steps:
                clock.now += timing.advance
                kwargs = dict(kwargs)
                at = clock.now  # what the command's first clock reading will say
                if timing.backfill is not None:
                    own = [] if verb in CREATING else [last[args[0]]]
                    linked = [created[key] for key in linked_keys(verb, args, kwargs)]
                    floor = max(own + linked, default=EARLIEST)
                    at = floor + (clock.now - floor) * timing.backfill // PER_MILLE
                    kwargs["at"] = at
                if verb == "defer_decision":  # the rules refuse a deferral into the past
                    kwargs["until"] = max(kwargs["until"], at.date())
                event = getattr(deck, verb)(*args, **kwargs)
                created.setdefault(event.key, event.at)
                last[event.key] = event.at
            _, events = deck.events_after(0)
        finally:
            deck.close()
    return events


def moments(events: list[Event]) -> st.SearchStrategy[datetime]:
    """Moments worth travelling to: before the first event, exactly at one, just
    either side of one, between, and after the last."""
    times = sorted({e.at for e in events})
    nudges = st.sampled_from([timedelta(microseconds=-1), timedelta(microseconds=1),
                              timedelta(seconds=-30), timedelta(minutes=30),
                              timedelta(hours=-5), timedelta(days=2)])
    return st.one_of(
        st.sampled_from(times),
        st.builds(lambda t, nudge: t + nudge, st.sampled_from(times), nudges),
        st.just(times[0] - timedelta(days=1)),
        st.just(times[-1] + timedelta(days=1)),
    )

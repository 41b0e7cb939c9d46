"""A realistic, seeded history of a product organisation, as `staffdeck export` writes it.

    python -m benchmarks.history N [--seed S] [--out FILE] [--profile org|demo]

The "org" profile is several years of a large product organisation, sized by N
(100,000 events is 60–80 live workstreams; 1,000,000 about 600–650). The "demo"
profile is one quarter of the product organisation of an AI product company, ending
on 2026-11-19, every item told from its workstream's story (`Quarter`): the sample
data in sample_data/staff-meeting.jsonl.

The history is simulated forward in time, one event per time slot, so it obeys
every domain rule by construction: keys are handed out in order, every item's
times increase, links point at items created earlier, nothing happens to a
closed, resolved or retired item, and a decision is only made while it is open,
deferred or reopened. Populations (live workstreams, open decisions, blockers,
actions) are held steady by making the rate of each closing verb proportional to
how many items it could close.
"""

import argparse
import random
import sys
import time
from bisect import bisect
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from unicodedata import normalize

from benchmarks import _phrases as P
from events import (
    ActionAssigned,
    ActionCompleted,
    ActionDropped,
    BlockerEscalated,
    BlockerRaised,
    BlockerReassigned,
    BlockerReopened,
    BlockerResolved,
    BlockerSeverityChanged,
    DecisionDeferred,
    DecisionMade,
    DecisionOptionAdded,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
    NoteLogged,
    RejectedAlternative,
    RitualCadenceChanged,
    RitualEstablished,
    RitualHeld,
    RitualRetired,
    WorkstreamClosed,
    WorkstreamDeescalated,
    WorkstreamEscalated,
    WorkstreamNextDecisionPointSet,
    WorkstreamOpened,
    WorkstreamOwnerChanged,
    WorkstreamStatusReported,
    encode,
)


@dataclass(frozen=True)
class Profile:
    """How big, how long, and how busy each kind of item is."""

    name: str
    start: date  # a Monday
    end: date
    default_events: int
    # Steady populations at `per_events` events; scaled linearly with N.
    per_events: int
    workstreams: int
    rituals: int
    undecided: int
    open_blockers: int
    open_actions: int
    # Relative rates of the verbs (ritual meetings are scheduled, not drawn).
    weights: dict[str, float] = field(default_factory=dict)
    theater_share: float = 0.25  # rituals that never inform or surface anything
    retire_after: int = 6  # empty occurrences before a theater ritual may be retired
    ramp_until: date | None = None  # the CoS loads the existing portfolio before this day
    # Fixed rituals: (name, cadence, purpose, weekday, theater: a bool, or the day it began).
    rituals_list: tuple = ()
    stories: tuple = ()  # workstream stories: every item is told from them (the demo)
    seed: int = 0  # the default seed


WEIGHTS = {
    "ws_open": 0.45,
    "ws_wind_down": 0.45,
    "ws_close": 0.45,
    "ws_status": 12.0,
    "ws_next_point": 4.0,
    "ws_owner": 0.7,
    "ws_escalate": 1.0,
    "ws_deescalate": 0.8,
    "d_raise": 8.0,
    "d_option": 2.5,
    "d_make": 6.5,
    "d_defer": 2.0,
    "d_reopen": 0.8,
    "d_supersede": 0.4,
    "d_withdraw": 0.8,
    "b_raise": 9.0,
    "b_severity": 2.5,
    "b_reassign": 1.8,
    "b_escalate": 2.5,
    "b_resolve": 8.5,
    "b_reopen": 0.7,
    "r_establish": 0.008,
    "r_cadence": 0.02,
    "r_retire": 0.06,
    "a_assign": 10.0,
    "a_complete": 8.0,
    "a_drop": 1.5,
    "n_log": 8.0,
}

PROFILES = {
    "org": Profile(
        name="org",
        start=date(2022, 1, 3),
        end=date(2026, 11, 13),
        default_events=100_000,
        per_events=100_000,
        workstreams=60,
        rituals=14,
        undecided=90,
        open_blockers=110,
        open_actions=220,
        weights=WEIGHTS,
    ),
    "demo": Profile(
        name="demo",
        start=date(2026, 8, 24),
        end=date(2026, 11, 19),
        default_events=800,
        per_events=800,
        workstreams=9,
        rituals=7,
        undecided=12,
        open_blockers=12,
        open_actions=14,
        weights=WEIGHTS
        | {
            "ws_open": 0.0,
            "ws_status": 8.0,
            "ws_next_point": 2.5,
            "ws_wind_down": 0.3,
            "ws_close": 0.6,
            "ws_owner": 0.15,
            "ws_escalate": 0.6,
            "d_raise": 4.2,
            "d_make": 3.2,
            "d_supersede": 3.0,
            "d_defer": 1.2,
            "d_reopen": 0.5,
            "d_withdraw": 0.4,
            "b_raise": 3.0,
            "b_escalate": 1.2,
            "b_resolve": 4.0,
            "r_establish": 0.0,
            "r_cadence": 0.0,
            "r_retire": 1.0,
            "a_assign": 3.8,
            "a_complete": 3.0,
            "a_drop": 0.6,
            "n_log": 4.0,
        },
        ramp_until=date(2026, 8, 26),
        rituals_list=P.DEMO_RITUALS,
        stories=P.DEMO_WORKSTREAMS,
        # Chosen among the first 600 for a representative end state that meets the
        # sample's spec with margin (tests/test_sample_data.py): decisions in every
        # status (some open ones overdue, some made ones past their review date),
        # blockers past their threshold and not escalated, one ritual drifted into
        # theater and one retired, slipped actions.
        seed=53,
    ),
}

CADENCE_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 28, "quarterly": 91}
SEVERITY_WEIGHTS = (("low", 20), ("medium", 40), ("high", 30), ("critical", 10))
SEVERITY_ORDER = ("low", "medium", "high", "critical")
NOTE_KIND_WEIGHTS = (
    ("signal", 30),
    ("bet", 10),
    ("question", 20),
    ("debate", 12),
    ("must-say", 8),
    ("position", 20),
)
STATE_NEXT = {  # how a workstream's state drifts from one report to the next
    "on_track": (("on_track", 80), ("at_risk", 16), ("off_track", 2), ("paused", 2)),
    "at_risk": (("on_track", 35), ("at_risk", 45), ("off_track", 17), ("paused", 3)),
    "off_track": (("at_risk", 40), ("off_track", 45), ("on_track", 10), ("paused", 5)),
    "paused": (("paused", 50), ("on_track", 40), ("at_risk", 10)),
}
WORK_START, WORK_SECONDS = 8 * 3600, 10 * 3600 + 1800  # 08:00–18:30 UTC

# Item status codes.
OPEN, DECIDED, CLOSED = 0, 1, 2


class Pool:
    """A set with O(1) add, remove and random pick."""

    __slots__ = ("items", "where")

    def __init__(self) -> None:
        self.items: list[int] = []
        self.where: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.items)

    def add(self, n: int) -> None:
        if n not in self.where:
            self.where[n] = len(self.items)
            self.items.append(n)

    def remove(self, n: int) -> None:
        i = self.where.pop(n, None)
        if i is None:
            return
        last = self.items.pop()
        if i < len(self.items):
            self.items[i] = last
            self.where[last] = i

    def pick(self, rnd) -> int:
        items = self.items
        return items[int(rnd() * len(items))]


class Fill(dict):
    """Template values, drawn when first used and then kept, so one item reads consistently."""

    def __init__(self, rng: random.Random, quarters: tuple[str, ...], **known):
        super().__init__(known)
        self.rng = rng
        self.quarters = quarters

    def __missing__(self, name: str) -> str:
        rng = self.rng
        match name:
            case "n":
                value = str(rng.randint(2, 12))
            case "pct":
                value = str(rng.choice((5, 8, 10, 12, 15, 20, 25, 30)))
            case "ms":
                value = str(rng.choice((200, 300, 500, 800)))
            case "vendor2":
                value = rng.choice([v for v in P.VENDORS if v != self["vendor"]])
            case "capability":
                value = rng.choice(P.CAPABILITIES)
            case "quarter":
                value = rng.choice(self.quarters)
            case _:
                value = rng.choice(_POOLS[name])
        self[name] = value
        return value

    def __call__(self, template: str) -> str:
        return template.format_map(self)


_POOLS = {
    "area": P.AREAS,
    "team": P.TEAMS,
    "customer": P.CUSTOMERS,
    "vendor": P.VENDORS,
    "region": P.REGIONS,
    "leader": P.LEADERS,
}


def _upcoming_quarters(day: date) -> tuple[str, ...]:
    """The next two quarters, as a plan would name them: "Q1 2027"."""
    quarter = (day.month - 1) // 3
    return tuple(f"Q{(quarter + k) % 4 + 1} {day.year + (quarter + k) // 4}" for k in (1, 2))


def _next_weekday(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _handle(name: str) -> str:
    ascii_name = normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ascii_name.lower().replace(" ", ".")


def _keys(prefix: str, numbers) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n}" for n in sorted(set(numbers)))


def _weighted(pairs) -> tuple[tuple, list[float]]:
    values, weights = zip(*pairs, strict=True)
    return values, list(accumulate(weights))


class Simulation:
    """The organisation's state, just enough of it to keep every rule."""

    def __init__(self, profile: Profile, n_events: int, seed: int):
        self.profile = profile
        self.n_events = n_events
        self.rng = rng = random.Random(seed)
        self.rnd = rng.random
        scale = n_events / profile.per_events
        self.targets = {
            "ws": max(3, round(profile.workstreams * scale)),
            "rituals": max(2, round(profile.rituals * scale)),
            "undecided": max(2, round(profile.undecided * scale)),
            "blockers": max(2, round(profile.open_blockers * scale)),
            "actions": max(2, round(profile.open_actions * scale)),
        }
        people = [f"{first} {last}" for first in P.FIRST_NAMES for last in P.LAST_NAMES]
        rng.shuffle(people)
        self.people = people[: max(24, round(40 * scale))]
        self.handle = {p: _handle(p) for p in self.people}
        self.cos = "maya.okafor"  # the Chief of Staff records most events
        self.severity = _weighted(SEVERITY_WEIGHTS)
        self.note_kind = _weighted(NOTE_KIND_WEIGHTS)
        self.state_next = {k: _weighted(v) for k, v in STATE_NEXT.items()}
        self.counters = {"W": 0, "D": 0, "B": 0, "R": 0, "A": 0, "N": 0}
        self.titles: dict[str, int] = {}

        # Workstreams: index = number.
        self.ws_title = [""]
        self.ws_area = [""]
        self.ws_owner_of = [""]
        self.ws_state = [""]
        self.ws_escalated: list[str | None] = [None]
        self.ws_open_items = [0]  # undecided decisions + open blockers
        self.ws_last_decision = [0]
        self.ws_active, self.ws_winding, self.ws_escalated_pool = Pool(), Pool(), Pool()
        self.ws_closable = Pool()  # wound down, with nothing left open on it
        # Decisions.
        self.d_ws = [0]
        self.d_status = [0]
        self.d_options: list[list[str]] = [[]]
        self.d_deciders: list[tuple[str, ...]] = [()]
        self.d_fill: list[Fill | None] = [None]
        self.d_undecided = Pool()
        self.d_decided: deque[int] = deque(maxlen=max(30, self.targets["undecided"] * 3))
        self.d_recent: deque[int] = deque(maxlen=max(10, self.targets["undecided"]))
        # Blockers.
        self.b_ws = [0]
        self.b_open = [False]
        self.b_severity_of = [""]
        self.b_owner = [""]
        self.b_escalated: list[str | None] = [None]
        self.b_open_pool = Pool()
        self.b_resolved: deque[int] = deque(maxlen=max(30, self.targets["blockers"] * 2))
        self.b_recent: deque[int] = deque(maxlen=max(10, self.targets["blockers"]))
        # Rituals.
        self.r_name = [""]
        self.r_cadence_of = [""]
        self.r_theater_since = [date.max]  # from this day on, it informs nothing
        self.r_empty_streak = [0]
        self.r_retired = [False]
        self.r_active = Pool()
        self.r_candidates = Pool()  # theater rituals ripe for retirement
        self.r_due: dict[date, list[int]] = {}
        self.r_names_used: set[str] = set()
        # Actions.
        self.a_open = Pool()

        verbs = tuple(profile.weights)
        self.verbs = verbs
        self.verb_funcs = tuple(getattr(self, verb) for verb in verbs)
        self.base = tuple(profile.weights[v] for v in verbs)
        self.cum: list[float] = []
        self.total = 0.0
        self.stale = True  # a population the weights depend on jumped: reweigh now
        creators = ("d_raise", "b_raise", "a_assign", "n_log")  # need only a live workstream
        self.creators = (
            tuple(getattr(self, v) for v in creators),
            list(accumulate(profile.weights[v] for v in creators)),
        )

    # ---- time -------------------------------------------------------------

    def days(self) -> list[tuple[date, int]]:
        """Working days with how many events each gets: busier midweek, quiet at holidays."""
        rng, profile = self.rng, self.profile
        days, weights = [], []
        day = profile.start
        weekday_factor = (1.1, 1.25, 1.15, 1.0, 0.6)
        while day <= profile.end:
            if day.weekday() < 5:
                factor = weekday_factor[day.weekday()] * rng.uniform(0.7, 1.3)
                if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 2):
                    factor *= 0.15
                elif day.month == 8:
                    factor *= 0.7
                days.append(day)
                weights.append(factor)
            day += timedelta(days=1)
        total = sum(weights)
        counts, done, running = [], 0, 0.0
        for w in weights:
            running += w
            upto = round(running / total * self.n_events)
            counts.append(upto - done)
            done = upto
        return list(zip(days, counts, strict=True))

    def events(self) -> Iterator[Event]:
        rng = self.rng
        for day, count in self.days():
            if day.day == 1 or not hasattr(self, "quarters"):
                self.quarters = _upcoming_quarters(day)
            self.today = day
            midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
            rnd = self.rnd
            seconds = sorted(int(rnd() * WORK_SECONDS) for _ in range(count))
            due = self.r_due.pop(day, [])
            holiday = (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 2)
            meetings: dict[int, int] = {}
            if due:
                live = [r for r in due if not self.r_retired[r]]
                if holiday:  # skipped over the holidays; next time as usual
                    for r in live:
                        self._schedule(r, day)
                    live = []
                held = live[:count]
                for r in live[count:]:  # no slot left today: the next working day
                    self.r_due.setdefault(_next_weekday(day), []).append(r)
                for slot, r in zip(rng.sample(range(count), len(held)), held, strict=True):
                    meetings[slot] = r
            for slot, second in enumerate(seconds):
                self.at = midnight + timedelta(seconds=WORK_START + second)
                if slot in meetings and not self.r_retired[meetings[slot]]:
                    yield self.r_held(meetings[slot])
                    continue
                if slot % 16 == 0 or self.stale:
                    self._reweigh()
                yield self._draw()

    # ---- choosing a verb --------------------------------------------------

    def _reweigh(self) -> None:
        """Closing verbs scale with what they could close; creating verbs fill a deficit."""
        t = self.targets
        ws = len(self.ws_active)
        ramping = self.profile.ramp_until is not None and self.today < self.profile.ramp_until
        scale = {
            "ws_open": 1.0,
            "ws_wind_down": ws / t["ws"] if not ramping else 0,
            "ws_close": len(self.ws_closable),
            "ws_deescalate": len(self.ws_escalated_pool) / max(1, t["ws"] / 6),
            "d_make": len(self.d_undecided) / t["undecided"],
            "d_withdraw": len(self.d_undecided) / t["undecided"],
            "d_defer": len(self.d_undecided) / t["undecided"],
            "d_option": len(self.d_undecided) / t["undecided"],
            "b_resolve": len(self.b_open_pool) / t["blockers"],
            "b_severity": len(self.b_open_pool) / t["blockers"],
            "b_reassign": len(self.b_open_pool) / t["blockers"],
            "b_escalate": len(self.b_open_pool) / t["blockers"],
            "a_complete": len(self.a_open) / t["actions"],
            "a_drop": len(self.a_open) / t["actions"],
            "r_establish": 1.0,
            "r_retire": len(self.r_candidates),
        }
        if ramping:  # the CoS is entering the portfolio, not yet running it
            scale |= {"d_raise": 0.3, "b_raise": 0.3, "a_assign": 0.2, "n_log": 0.2}
        if not ws:
            scale |= {v: 0 for v in self.verbs if v != "ws_open"}
        scale |= dict.fromkeys(self._told_out(), 0)
        # Openings fill a deficit quickly, whatever their base rate.
        boost = {
            "ws_open": 50.0 * max(0, t["ws"] - ws),
            "r_establish": 50.0 * max(0, t["rituals"] - len(self.r_active)),
        }
        self.cum = list(
            accumulate(
                b * scale.get(v, 1.0) + boost.get(v, 0.0)
                for v, b in zip(self.verbs, self.base, strict=True)
            )
        )
        self.total = self.cum[-1]
        self.stale = False

    def _told_out(self) -> tuple[str, ...]:
        """Creating verbs with nothing left to create (only a story runs out)."""
        return ()

    def _draw(self) -> Event:
        if self.total > 0:
            i = bisect(self.cum, self.rnd() * self.total)
            event = self.verb_funcs[min(i, len(self.verb_funcs) - 1)]()
            if event is not None:
                return event
        # The verb had nothing to act on: create something instead, in the usual mix.
        if self.ws_active:
            creators, cum = self.creators
            return creators[bisect(cum, self.rnd() * cum[-1])]()
        return self.ws_open()

    # ---- helpers ----------------------------------------------------------

    def _key(self, prefix: str) -> tuple[int, str]:
        n = self.counters[prefix] + 1
        self.counters[prefix] = n
        return n, f"{prefix}-{n}"

    def _stamp(self, key: str, owner_handle: str | None = None) -> dict:
        """Who records: mostly the CoS, sometimes the item's owner from their terminal."""
        actor = owner_handle if owner_handle and self.rnd() < 0.3 else self.cos
        return {"key": key, "at": self.at, "recorded_at": self.at, "actor": actor}

    def _person(self) -> str:
        return self.people[int(self.rnd() * len(self.people))]

    def _other_person(self, than: str) -> str:
        while (person := self._person()) == than:
            pass
        return person

    def _pick(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def _weighted_pick(self, table) -> str:
        values, cum = table
        return values[bisect(cum, self.rnd() * cum[-1])]

    def _days(self, low: int, high: int) -> date:
        return self.today + timedelta(days=low + int(self.rnd() * (high - low + 1)))

    def _fill(self, **known) -> Fill:
        return Fill(self.rng, self.quarters, **known)

    def _unique_title(self, title: str) -> str:
        seen = self.titles.get(title, 0) + 1
        self.titles[title] = seen
        return title if seen == 1 else f"{title} (phase {seen})"

    # ---- words: what each event says (the demo tells them from a story) ----

    def _status_note(self, ws: int, state: str) -> str:
        return self._fill(area=self.ws_area[ws])(self._pick(P.STATUS_NOTES[state]))

    def _next_point(self, ws: int) -> str:
        return self._fill(area=self.ws_area[ws])(self._pick(P.NEXT_DECISION_POINTS))

    def _escalate_to(self, ws: int) -> str:
        return self._pick(P.LEADERS)

    def _ws_escalation_why(self, ws: int) -> str:
        return self._fill(area=self.ws_area[ws])(self._pick(P.WORKSTREAM_ESCALATIONS))

    def _deescalation_why(self, ws: int) -> str:
        return self._pick(P.DEESCALATIONS)

    def _closing_why(self, ws: int) -> str:
        return self._fill(area=self._pick(P.AREAS))(self._pick(P.CLOSINGS))

    def _extra_option(self, d: int) -> str:
        return self.d_fill[d](self._pick(P.EXTRA_OPTIONS))

    def _deferral_why(self, d: int) -> str:
        return self._fill(area=self.ws_area[self.d_ws[d]])(self._pick(P.DEFERRALS))

    def _withdrawal_why(self, d: int) -> str:
        return self.d_fill[d](self._pick(P.WITHDRAWALS))

    def _reopening(self, d: int) -> tuple[str, str]:
        """Why a decision is reopened, and the reopen condition that was met, if any."""
        why = self.d_fill[d](self._pick(P.REOPENINGS))
        condition = self.d_fill[d](self._pick(P.REOPEN_CONDITIONS)) if self.rnd() < 0.5 else ""
        return why, condition

    def _new_severity(self, b: int) -> str:
        while (severity := self._weighted_pick(self.severity)) == self.b_severity_of[b]:
            pass
        return severity

    def _blocker_escalation_why(self, b: int) -> str:
        return self._fill(area=self.ws_area[self.b_ws[b]])(self._pick(P.BLOCKER_ESCALATIONS))

    def _resolution(self, b: int) -> str:
        return self._fill()(self._pick(P.RESOLUTIONS))

    def _blocker_reopening(self, b: int) -> str:
        return self._pick(P.BLOCKER_REOPENINGS)

    def _on_the_agenda(self, r: int) -> tuple:
        """The recent decisions and blockers a meeting may inform or surface."""
        return self.d_recent, self.b_recent

    def _held_notes(self, r: int) -> str:
        return self._fill()(self._pick(P.HELD_NOTES))

    def _theater_notes(self, r: int) -> str:
        return self._pick(P.THEATER_NOTES)

    def _retirement_reason(self, r: int) -> str:
        return self._pick(P.RETIREMENTS).format(n=self.r_empty_streak[r])

    # ---- workstreams ------------------------------------------------------

    def ws_open(self) -> Event:
        n, key = self._key("W")
        area = self._pick(P.AREAS)
        fill = self._fill(area=area)
        title = self._unique_title(f"{area} {self._pick(P.INITIATIVES)}")
        owner = self._person()
        self._track_workstream(n, title, area, owner)
        return WorkstreamOpened(
            **self._stamp(key),
            title=title,
            owner=owner,
            objective=fill(self._pick(P.OBJECTIVES)),
            stakeholders=self._stakeholders(),
        )

    def _track_workstream(self, n: int, title: str, area: str, owner: str) -> None:
        self.ws_title.append(title)
        self.ws_area.append(area)
        self.ws_owner_of.append(owner)
        self.ws_state.append("on_track")
        self.ws_escalated.append(None)
        self.ws_open_items.append(0)
        self.ws_last_decision.append(0)
        self.ws_active.add(n)
        self.stale = True

    def _stakeholders(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._person() for _ in range(self.rng.randint(2, 4))))

    def _ws_stamp(self, n: int) -> dict:
        return self._stamp(f"W-{n}", self.handle[self.ws_owner_of[n]])

    def ws_status(self) -> Event | None:
        if not self.ws_active:
            return None
        n = self.ws_active.pick(self.rnd)
        state = self._weighted_pick(self.state_next[self.ws_state[n]])
        self.ws_state[n] = state
        note = self._status_note(n, state)
        return WorkstreamStatusReported(**self._ws_stamp(n), state=state, note=note)

    def ws_next_point(self) -> Event | None:
        if not self.ws_active:
            return None
        n = self.ws_active.pick(self.rnd)
        what = self._next_point(n)
        return WorkstreamNextDecisionPointSet(**self._ws_stamp(n), on=self._days(7, 42), what=what)

    def ws_owner(self) -> Event | None:
        if not self.ws_active:
            return None
        n = self.ws_active.pick(self.rnd)
        owner = self._other_person(self.ws_owner_of[n])
        self.ws_owner_of[n] = owner
        return WorkstreamOwnerChanged(**self._stamp(f"W-{n}"), owner=owner)

    def ws_escalate(self) -> Event | None:
        if not self.ws_active:
            return None
        for _ in range(3):  # prefer a workstream in trouble
            n = self.ws_active.pick(self.rnd)
            if self.ws_state[n] in ("at_risk", "off_track"):
                break
        if self.ws_escalated[n] is not None:
            return None
        to = self._escalate_to(n)
        self.ws_escalated[n] = to
        self.ws_escalated_pool.add(n)
        why = self._ws_escalation_why(n)
        return WorkstreamEscalated(**self._stamp(f"W-{n}"), to=to, why=why)

    def ws_deescalate(self) -> Event | None:
        if not self.ws_escalated_pool:
            return None
        n = self.ws_escalated_pool.pick(self.rnd)
        self.ws_escalated[n] = None
        self.ws_escalated_pool.remove(n)
        return WorkstreamDeescalated(**self._stamp(f"W-{n}"), why=self._deescalation_why(n))

    def ws_wind_down(self) -> Event | None:
        """The work is done: report it; no new decisions or blockers land on it."""
        if len(self.ws_active) <= 1:
            return None
        return self._wind_down(self.ws_active.pick(self.rnd))

    def _wind_down(self, n: int) -> Event:
        self.ws_active.remove(n)
        self.ws_winding.add(n)
        self.stale = True
        self.ws_state[n] = "done"
        if self.ws_open_items[n] == 0:
            self.ws_closable.add(n)
        note = self._status_note(n, "done")
        return WorkstreamStatusReported(**self._ws_stamp(n), state="done", note=note)

    def ws_close(self) -> Event | None:
        """Close a wound-down workstream once its decisions and blockers are settled."""
        if not self.ws_closable:
            return None
        n = self.ws_closable.pick(self.rnd)
        self.ws_closable.remove(n)
        self.ws_winding.remove(n)
        self.ws_escalated_pool.remove(n)
        self.ws_state[n] = "closed"
        why = self._closing_why(n)
        return WorkstreamClosed(**self._stamp(f"W-{n}"), why=why)

    # ---- decisions --------------------------------------------------------

    def d_raise(self) -> Event | None:
        if not self.ws_active:
            return None
        ws = self.ws_active.pick(self.rnd)
        n, key = self._key("D")
        fill = self._fill(area=self.ws_area[ws])
        question, options = self._pick(P.DECISIONS)
        options = [fill(o) for o in options]
        if self.rnd() < 0.3:
            options.pop()  # only two on the table at first
        deciders = (self._pick(P.LEADERS),) if self.rnd() < 0.6 else ()
        deciders += (self.ws_owner_of[ws],)
        self._track_decision(n, ws, options, deciders, fill)
        owner = self.ws_owner_of[ws]
        return DecisionRaised(
            **self._stamp(key, self.handle[owner]),
            question=fill(question),
            workstream=f"W-{ws}",
            owner=owner,
            problem=fill(self._pick(P.PROBLEMS)),
            context=fill(self._pick(P.CONTEXTS)),
            options=tuple(options),
            deciders=deciders,
            due=self._days(5, 35) if self.rnd() < 0.85 else None,
        )

    def _track_decision(
        self, n: int, ws: int, options: list[str], deciders: tuple[str, ...], fill
    ) -> None:
        self.d_ws.append(ws)
        self.d_status.append(OPEN)
        self.d_options.append(options)
        self.d_deciders.append(deciders)
        self.d_fill.append(fill)
        self.d_undecided.add(n)
        self.d_recent.append(n)
        self.ws_open_items[ws] += 1
        self.ws_last_decision[ws] = n

    def d_option(self) -> Event | None:
        if not self.d_undecided:
            return None
        n = self.d_undecided.pick(self.rnd)
        option = self._extra_option(n)
        if option in self.d_options[n]:
            return None
        self.d_options[n].append(option)
        return DecisionOptionAdded(**self._stamp(f"D-{n}"), option=option)

    def _settle(self, n: int, status: int) -> None:
        self.d_undecided.remove(n)
        self.d_status[n] = status
        self._item_settled(self.d_ws[n])

    def _item_settled(self, ws: int) -> None:
        self.ws_open_items[ws] -= 1
        if self.ws_open_items[ws] == 0 and ws in self.ws_winding.where:
            self.ws_closable.add(ws)

    def d_make(self) -> Event | None:
        if not self.d_undecided:
            return None
        n = self.d_undecided.pick(self.rnd)
        fill, options = self.d_fill[n], self.d_options[n]
        choice = self._pick(options)
        self._decided(n)
        rejected = tuple(
            RejectedAlternative(option=o, grounds=fill(self._pick(P.REJECTION_GROUNDS)))
            for o in options
            if o != choice
        )
        return DecisionMade(
            **self._stamp(f"D-{n}"),
            choice=choice,
            reasoning=fill(self._pick(P.REASONINGS)),
            rejected=rejected,
            expected=fill(self._pick(P.EXPECTED)),
            reopen_conditions=(fill(self._pick(P.REOPEN_CONDITIONS)),),
            review_by=self._days(60, 180) if self.rnd() < 0.5 else None,
            decided_by=self.d_deciders[n],
        )

    def _decided(self, n: int) -> None:
        self._settle(n, DECIDED)
        self.d_decided.append(n)
        self.d_recent.append(n)

    def d_defer(self) -> Event | None:
        if not self.d_undecided:
            return None
        return self._deferred(self.d_undecided.pick(self.rnd))

    def _deferred(self, n: int) -> Event:
        why = self._deferral_why(n)
        return DecisionDeferred(**self._stamp(f"D-{n}"), until=self._days(7, 28), why=why)

    def d_withdraw(self) -> Event | None:
        if not self.d_undecided:
            return None
        n = self.d_undecided.pick(self.rnd)
        self._settle(n, CLOSED)
        return DecisionWithdrawn(**self._stamp(f"D-{n}"), why=self._withdrawal_why(n))

    def _recently_decided(self) -> int | None:
        if not self.d_decided:
            return None
        n = self._pick(self.d_decided)
        return n if self.d_status[n] == DECIDED else None

    def d_reopen(self) -> Event | None:
        n = self._recently_decided()
        if n is None or self.d_ws[n] not in self.ws_active.where:
            return None
        self.d_status[n] = OPEN
        self.d_undecided.add(n)
        self.ws_open_items[self.d_ws[n]] += 1
        stamp = self._stamp(f"D-{n}")
        why, condition = self._reopening(n)
        return DecisionReopened(**stamp, why=why, conditions=(condition,) if condition else ())

    def d_supersede(self) -> Event | None:
        """A newer decision on the same workstream replaces an older one."""
        n = self._recently_decided()
        if n is None:
            return None
        newer = self.ws_last_decision[self.d_ws[n]]
        if newer <= n:
            return None
        self.d_status[n] = CLOSED
        return DecisionSuperseded(**self._stamp(f"D-{n}"), by=f"D-{newer}")

    # ---- blockers ---------------------------------------------------------

    def b_raise(self) -> Event | None:
        if not self.ws_active:
            return None
        ws = self.ws_active.pick(self.rnd)
        n, key = self._key("B")
        fill = self._fill(area=self.ws_area[ws])
        severity = self._weighted_pick(self.severity)
        owner = self._person() if self.rnd() < 0.85 else ""
        self._track_blocker(n, ws, severity, owner)
        return BlockerRaised(
            **self._stamp(key, self.handle[self.ws_owner_of[ws]]),
            title=fill(self._pick(P.BLOCKERS)),
            workstream=f"W-{ws}",
            severity=severity,
            owner=owner,
            needed_by=self._days(3, 30) if self.rnd() < 0.6 else None,
            depends_on=fill(self._pick(P.DEPENDS_ON)) if self.rnd() < 0.5 else "",
        )

    def _track_blocker(self, n: int, ws: int, severity: str, owner: str) -> None:
        self.b_ws.append(ws)
        self.b_open.append(True)
        self.b_severity_of.append(severity)
        self.b_owner.append(owner)
        self.b_escalated.append(None)
        self.b_open_pool.add(n)
        self.b_recent.append(n)
        self.ws_open_items[ws] += 1

    def b_severity(self) -> Event | None:
        if not self.b_open_pool:
            return None
        n = self.b_open_pool.pick(self.rnd)
        severity = self._new_severity(n)
        self.b_severity_of[n] = severity
        return BlockerSeverityChanged(**self._stamp(f"B-{n}"), severity=severity)

    def b_reassign(self) -> Event | None:
        if not self.b_open_pool:
            return None
        n = self.b_open_pool.pick(self.rnd)
        owner = self._other_person(self.b_owner[n])
        self.b_owner[n] = owner
        return BlockerReassigned(**self._stamp(f"B-{n}"), owner=owner)

    def b_escalate(self) -> Event | None:
        if not self.b_open_pool:
            return None
        n = self.b_open_pool.pick(self.rnd)
        to = self._escalate_to(self.b_ws[n])
        if to == self.b_escalated[n]:
            return None
        self.b_escalated[n] = to
        why = self._blocker_escalation_why(n)
        return BlockerEscalated(**self._stamp(f"B-{n}"), to=to, why=why)

    def b_resolve(self) -> Event | None:
        if not self.b_open_pool:
            return None
        n = self.b_open_pool.pick(self.rnd)
        self.b_open_pool.remove(n)
        self.b_open[n] = False
        self.b_resolved.append(n)
        self._item_settled(self.b_ws[n])
        resolution = self._resolution(n)
        return BlockerResolved(
            **self._stamp(f"B-{n}", self.handle.get(self.b_owner[n])), resolution=resolution
        )

    def b_reopen(self) -> Event | None:
        if not self.b_resolved:
            return None
        n = self._pick(self.b_resolved)
        if self.b_open[n] or self.b_ws[n] not in self.ws_active.where:
            return None
        self.b_open[n] = True
        self.b_open_pool.add(n)
        self.ws_open_items[self.b_ws[n]] += 1
        return BlockerReopened(**self._stamp(f"B-{n}"), why=self._blocker_reopening(n))

    # ---- rituals ----------------------------------------------------------

    def r_establish(self) -> Event | None:
        n, key = self._key("R")
        weekday, theater = None, self.rnd() < self.profile.theater_share
        fixed = self.profile.rituals_list
        if fixed:
            name, cadence, purpose, weekday, theater = fixed[(n - 1) % len(fixed)]
        else:
            name, cadence, purpose = self._pick(P.RITUALS)
        if name in self.r_names_used:
            template = self._pick(P.AREA_RITUAL_KINDS)
            fill = self._fill()
            name, cadence, purpose = (fill(t) for t in template)
            name = self._unique_title(name)
        self.r_names_used.add(name)
        self.r_name.append(name)
        self.r_cadence_of.append(cadence)
        # True: theater from the start; a day: it drifted into theater then.
        self.r_theater_since.append(
            theater if isinstance(theater, date) else date.min if theater else date.max
        )
        self.r_empty_streak.append(0)
        self.r_retired.append(False)
        self.r_active.add(n)
        self.stale = True
        owner = self._person()
        if weekday is None:
            weekday = int(self.rnd() * 5)
        first = self.today + timedelta(days=1)
        first += timedelta(days=(weekday - first.weekday()) % 7)
        self.r_due.setdefault(first, []).append(n)
        return RitualEstablished(
            **self._stamp(key),
            name=name,
            cadence=cadence,
            purpose=purpose,
            owner=owner,
            attendees=tuple(dict.fromkeys(self._person() for _ in range(self.rng.randint(3, 8)))),
        )

    def _schedule(self, n: int, after: date) -> None:
        day = after + timedelta(days=CADENCE_DAYS[self.r_cadence_of[n]])
        while day.weekday() >= 5:
            day += timedelta(days=1)
        self.r_due.setdefault(day, []).append(n)

    def r_held(self, n: int) -> Event:
        self._schedule(n, self.today)
        informed: tuple[str, ...] = ()
        surfaced: tuple[str, ...] = ()
        if self.today >= self.r_theater_since[n] or self.rnd() < 0.12:
            notes = self._theater_notes(n)
        else:
            notes = self._held_notes(n)
            decisions, blockers = self._on_the_agenda(n)
            if decisions:
                informed = _keys(
                    "D", (self._pick(decisions) for _ in range(self.rng.randint(0, 3)))
                )
            if blockers:
                surfaced = _keys("B", (self._pick(blockers) for _ in range(self.rng.randint(0, 2))))
        if informed or surfaced:
            self.r_empty_streak[n] = 0
        else:
            self.r_empty_streak[n] += 1
            # Only a ritual that was theater from the start is retired here; one that
            # drifted into it lately is what the ritual audit is there to catch.
            if (
                self.r_theater_since[n] == date.min
                and self.r_empty_streak[n] >= self.profile.retire_after
            ):
                self.r_candidates.add(n)
        return RitualHeld(
            **self._stamp(f"R-{n}"),
            held_on=self.today,
            informed=informed,
            surfaced=surfaced,
            notes=notes,
        )

    def r_cadence(self) -> Event | None:
        if not self.r_active:
            return None
        n = self.r_active.pick(self.rnd)
        cadence = self._pick(tuple(c for c in CADENCE_DAYS if c != self.r_cadence_of[n]))
        self.r_cadence_of[n] = cadence  # takes effect from the next meeting
        return RitualCadenceChanged(**self._stamp(f"R-{n}"), cadence=cadence)

    def r_retire(self) -> Event | None:
        if not self.r_candidates:
            return None
        n = self.r_candidates.pick(self.rnd)
        self.r_candidates.remove(n)
        self.r_active.remove(n)
        self.r_retired[n] = True
        self.stale = True
        reason = self._retirement_reason(n)
        return RitualRetired(**self._stamp(f"R-{n}"), reason=reason)

    # ---- actions and notes ------------------------------------------------

    def a_assign(self) -> Event | None:
        n, key = self._key("A")
        roll = self.rnd()
        source, fill = None, None
        if roll < 0.45 and self.d_recent:
            decision = self._pick(self.d_recent)
            source, fill = f"D-{decision}", self.d_fill[decision]
        elif roll < 0.75 and self.r_active:
            source = f"R-{self.r_active.pick(self.rnd)}"
        self.a_open.add(n)
        owner = self._person()
        return ActionAssigned(
            **self._stamp(key),
            title=(fill or self._fill())(self._pick(P.ACTIONS)),
            owner=owner,
            due=self._days(3, 28),
            source=source,
        )

    def a_complete(self) -> Event | None:
        if not self.a_open:
            return None
        n = self.a_open.pick(self.rnd)
        self.a_open.remove(n)
        return ActionCompleted(**self._stamp(f"A-{n}"), note=self._pick(P.ACTION_COMPLETIONS))

    def a_drop(self) -> Event | None:
        if not self.a_open:
            return None
        n = self.a_open.pick(self.rnd)
        self.a_open.remove(n)
        return ActionDropped(**self._stamp(f"A-{n}"), why=self._pick(P.ACTION_DROPS))

    def n_log(self) -> Event | None:
        if not self.ws_active:
            return None
        ws = self.ws_active.pick(self.rnd)
        links = [f"W-{ws}"]
        if self.d_recent and self.rnd() < 0.6:
            links.append(f"D-{self._pick(self.d_recent)}")
        if self.b_recent and self.rnd() < 0.3:
            links.append(f"B-{self._pick(self.b_recent)}")
        n, key = self._key("N")
        kind = self._weighted_pick(self.note_kind)
        text = self._fill(area=self.ws_area[ws])(self._pick(P.NOTES[kind]))
        return NoteLogged(**self._stamp(key), kind=kind, text=text, links=tuple(links))


class Quarter(Simulation):
    """The demo quarter: the same simulation, every item told from its workstream's story.

    A new workstream takes the next story (`P.DEMO_WORKSTREAMS`); its decisions,
    blockers, actions and notes come up in the story's order, each told once. A
    decision is argued with the words written for the options on its table: the chosen
    option's case is the reasoning, each other option's case against it the grounds.
    """

    def __init__(self, profile: Profile, n_events: int, seed: int):
        super().__init__(profile, n_events, seed)
        self.stories = profile.stories
        self.ws_story: list[P.DemoWorkstream | None] = [None]
        # Per workstream, how many of its story's items of each kind have been told.
        self.told: dict[str, list[int]] = {
            kind: [0] for kind in ("decisions", "blockers", "actions", "notes")
        }
        self.ws_said: list[set[str]] = [set()]  # status notes already used
        self.ws_decisions: list[list[int]] = [[]]  # its decisions, in the story's order
        self.revisions: dict[int, int] = {}  # a raised revision -> the decision it revisits
        self.d_story: list[P.DemoDecision | None] = [None]
        self.d_choice = [""]
        self.d_deferred_on: dict[int, date] = {}
        self.b_story: list[P.DemoBlocker | None] = [None]
        self.b_reopened: set[int] = set()
        self.said: set[tuple[str, int]] = set()  # decision actions and notes, ritual notes
        # A quarter's meetings look back a few weeks, not a few days.
        self.d_recent, self.b_recent = deque(maxlen=30), deque(maxlen=30)

    def _draw(self) -> Event:
        # A story can run out of items; there is always follow-through to assign.
        return super()._draw() or self.a_assign()

    def _told_out(self) -> tuple[str, ...]:
        verbs = {"decisions": "d_raise", "blockers": "b_raise", "notes": "n_log"}
        return tuple(verb for kind, verb in verbs.items() if not self._tellable(kind))

    def _tellable(self, kind: str) -> list[int]:
        """Live workstreams whose story's next item of `kind` can come up now: there is
        one left, and a revision waits until the decision it revisits is made."""
        told, ready = self.told[kind], []
        for w in self.ws_active.items:
            items = getattr(self.ws_story[w], kind)
            if told[w] >= len(items):
                continue
            revises = items[told[w]].revises if kind == "decisions" else None
            if revises is None or self.d_status[self.ws_decisions[w][revises]] == DECIDED:
                ready.append(w)
        return ready

    def _next_told(self, kind: str) -> tuple[int, object]:
        """A workstream that can tell its next item of `kind`, and that item."""
        ready = self._tellable(kind)
        if not ready:
            return 0, None
        ws = self._pick(ready)
        self.told[kind][ws] += 1
        return ws, getattr(self.ws_story[ws], kind)[self.told[kind][ws] - 1]

    def _live_area(self) -> str:
        if not self.ws_active:  # a meeting before the first workstream is opened
            return "the portfolio"
        return self.ws_story[self.ws_active.pick(self.rnd)].area

    # ---- workstreams ------------------------------------------------------

    def ws_open(self) -> Event:
        n, key = self._key("W")
        story = self.stories[(n - 1) % len(self.stories)]
        title = self._unique_title(story.title)
        owner = self._person()
        self._track_workstream(n, title, story.area, owner)
        self.ws_story.append(story)
        self.ws_said.append(set())
        self.ws_decisions.append([])
        for told in self.told.values():
            told.append(0)
        return WorkstreamOpened(
            **self._stamp(key),
            title=title,
            owner=owner,
            objective=story.objective,
            stakeholders=self._stakeholders(),
        )

    def ws_wind_down(self) -> Event | None:
        """Only a workstream whose story can finish this quarter, once its decisions
        are all on the table, and only while a story is left for its successor."""
        if self.counters["W"] >= len(self.stories):
            return None
        told = self.told["decisions"]
        done = [
            w
            for w in self.ws_active.items
            if self.ws_story[w].finishes and told[w] == len(self.ws_story[w].decisions)
        ]
        return self._wind_down(self._pick(done)) if done else None

    def _status_note(self, ws: int, state: str) -> str:
        """What happened since the last report, once; after that, a plain word."""
        fresh = [n for n in self.ws_story[ws].status[state] if n not in self.ws_said[ws]]
        if fresh:
            note = self._pick(fresh)
            self.ws_said[ws].add(note)
            return note
        return self._pick(P.DEMO_STATUS_NOTES[state])

    def _next_point(self, ws: int) -> str:
        return self._pick(self.ws_story[ws].points)

    def _escalate_to(self, ws: int) -> str:
        return self._pick(self.ws_story[ws].leaders)

    def _ws_escalation_why(self, ws: int) -> str:
        return self._pick(self.ws_story[ws].escalations)

    def _deescalation_why(self, ws: int) -> str:
        return self._pick(P.DEMO_DEESCALATIONS)

    def _closing_why(self, ws: int) -> str:
        return self.ws_story[ws].closing

    # ---- decisions --------------------------------------------------------

    def d_raise(self) -> Event | None:
        ws, story = self._next_told("decisions")
        if story is None:
            return None
        n, key = self._key("D")
        options = [option for option, _, _ in story.options]
        deciders = (self.ws_story[ws].leaders[0],) if self.rnd() < 0.6 else ()
        deciders += (self.ws_owner_of[ws],)
        self._track_decision(n, ws, options, deciders, None)
        if story.revises is not None:
            self.revisions[n] = self.ws_decisions[ws][story.revises]
        self.ws_decisions[ws].append(n)
        self.d_story.append(story)
        self.d_choice.append("")
        owner = self.ws_owner_of[ws]
        return DecisionRaised(
            **self._stamp(key, self.handle[owner]),
            question=story.question,
            workstream=f"W-{ws}",
            owner=owner,
            problem=story.problem,
            context=story.context,
            options=tuple(options),
            deciders=deciders,
            due=self._days(5, 35) if self.rnd() < 0.85 else None,
        )

    def _extra_option(self, d: int) -> str:
        return self._pick(P.DEMO_EXTRA_OPTIONS)[0]

    def d_make(self) -> Event | None:
        """Choose among the story's own options: its expected result is written for them."""
        if not self.d_undecided:
            return None
        n = self.d_undecided.pick(self.rnd)
        story, before = self.d_story[n], self.d_choice[n]
        own = [option for option, _, _ in story.options]
        if before and self.rnd() < 0.7:  # reopened: most often another option wins now
            choice = self._pick([o for o in own if o != before])
        else:
            choice = own[0] if self.rnd() < 0.6 else self._pick(own)
        self.d_choice[n] = choice
        self._decided(n)
        case = {o: (pro, con) for o, pro, con in story.options + P.DEMO_EXTRA_OPTIONS}
        rejected = tuple(
            RejectedAlternative(option=o, grounds=case[o][1])
            for o in self.d_options[n]
            if o != choice
        )
        return DecisionMade(
            **self._stamp(f"D-{n}"),
            choice=choice,
            reasoning=case[choice][0],
            rejected=rejected,
            expected=story.expected,
            reopen_conditions=story.reopen,
            review_by=self._days(21, 75) if self.rnd() < 0.5 else None,
            decided_by=self.d_deciders[n],
        )

    def d_supersede(self) -> Event | None:
        """A revision, once made, supersedes the decision it revisits (if that still stands)."""
        ready = [
            (new, old)
            for new, old in self.revisions.items()
            if self.d_status[new] == DECIDED and self.d_status[old] == DECIDED
        ]
        if not ready:
            return None
        new, old = self._pick(ready)
        del self.revisions[new]
        self.d_status[old] = CLOSED
        return DecisionSuperseded(**self._stamp(f"D-{old}"), by=f"D-{new}")

    def d_defer(self) -> Event | None:
        """Not again within a week of the last deferral: that is a decision, not a delay."""
        if not self.d_undecided:
            return None
        n = self.d_undecided.pick(self.rnd)
        if self.today - self.d_deferred_on.get(n, date.min) < timedelta(days=7):
            return None
        self.d_deferred_on[n] = self.today
        return self._deferred(n)

    def _deferral_why(self, d: int) -> str:
        return self._pick(P.DEMO_DEFERRALS)

    def _withdrawal_why(self, d: int) -> str:
        return self._pick(P.DEMO_WITHDRAWALS)

    def _reopening(self, d: int) -> tuple[str, str]:
        """Reopened on one of the conditions it was made with: that is what they are for."""
        return self._pick(P.DEMO_REOPENINGS), self._pick(self.d_story[d].reopen)

    # ---- blockers ---------------------------------------------------------

    def b_raise(self) -> Event | None:
        ws, story = self._next_told("blockers")
        if story is None:
            return None
        n, key = self._key("B")
        owner = self._person() if self.rnd() < 0.85 else ""
        self._track_blocker(n, ws, story.severity, owner)
        self.b_story.append(story)
        return BlockerRaised(
            **self._stamp(key, self.handle[self.ws_owner_of[ws]]),
            title=story.title,
            workstream=f"W-{ws}",
            severity=story.severity,
            owner=owner,
            needed_by=self._days(3, 30) if self.rnd() < 0.6 else None,
            depends_on=story.depends_on,
        )

    def _new_severity(self, b: int) -> str:
        """One step up or down: a low blocker does not turn critical overnight."""
        i = SEVERITY_ORDER.index(self.b_severity_of[b])
        steps = [j for j in (i - 1, i + 1) if 0 <= j < len(SEVERITY_ORDER)]
        return SEVERITY_ORDER[self._pick(steps)]

    def _blocker_escalation_why(self, b: int) -> str:
        return self._pick(P.DEMO_BLOCKER_ESCALATIONS)

    def _resolution(self, b: int) -> str:
        return P.DEMO_RESOLUTION_AGAIN if b in self.b_reopened else self.b_story[b].resolution

    def _blocker_reopening(self, b: int) -> str:
        self.b_reopened.add(b)
        return self._pick(P.DEMO_BLOCKER_REOPENINGS)

    # ---- rituals ----------------------------------------------------------

    def _on_the_agenda(self, r: int) -> tuple:
        """Only what the meeting is for: its workstreams' recent decisions and blockers."""
        scope = P.DEMO_RITUAL_SCOPE.get(self.r_name[r])
        if not scope:
            return self.d_recent, self.b_recent
        return (
            [d for d in self.d_recent if self.ws_story[self.d_ws[d]].title in scope],
            [b for b in self.b_recent if self.ws_story[self.b_ws[b]].title in scope],
        )

    def _meetings_about(self, ws: int, meetings: list[int]) -> list[int]:
        """The meetings whose scope takes in the workstream (the staff meeting takes all)."""
        title = self.ws_story[ws].title if ws else ""
        return [r for r in meetings if title in P.DEMO_RITUAL_SCOPE.get(self.r_name[r], (title,))]

    def _held_notes(self, r: int) -> str:
        return self._pick(P.DEMO_HELD_NOTES).format(area=self._live_area())

    def _theater_notes(self, r: int) -> str:
        return self._pick(P.DEMO_THEATER_NOTES)

    def _retirement_reason(self, r: int) -> str:
        return P.DEMO_RETIREMENT.format(n=self.r_empty_streak[r])

    # ---- actions and notes ------------------------------------------------

    def a_assign(self) -> Event:
        """A made decision's own follow-up; else a workstream's, out of a meeting or not."""
        n, key = self._key("A")
        roll = self.rnd()
        source, title = None, None
        if roll < 0.5:
            ready = [
                d
                for d in dict.fromkeys(self.d_recent)
                if self.d_status[d] == DECIDED and ("action", d) not in self.said
            ]
            if ready:
                d = self._pick(ready)
                self.said.add(("action", d))
                source, title = f"D-{d}", self.d_story[d].action
        # A meeting that has become theater hands out no follow-ups either.
        meetings = [r for r in self.r_active.items if self.today < self.r_theater_since[r]]
        if title is None:
            ws, title = self._next_told("actions")
            if roll < 0.8 and meetings:
                source = f"R-{self._pick(self._meetings_about(ws, meetings))}"
        if title is None and meetings:  # every story's follow-ups are assigned
            source = f"R-{self._pick(meetings)}"
            title = self._pick(P.DEMO_RITUAL_ACTIONS)
        self.a_open.add(n)
        return ActionAssigned(
            **self._stamp(key),
            title=title,
            owner=self._person(),
            due=self._days(3, 28),
            source=source,
        )

    def n_log(self) -> Event | None:
        """A note about the operating rhythm, a decision on the table, or a workstream."""
        roll = self.rnd()
        kind, text, links = "", "", ()
        if roll < 0.2:
            ready = [
                i
                for i, (r, since, _, _) in enumerate(P.DEMO_RITUAL_NOTES)
                if ("ritual note", i) not in self.said
                and r <= self.counters["R"]
                and not self.r_retired[r]
                and self.today >= since
            ]
            if ready:
                i = self._pick(ready)
                self.said.add(("ritual note", i))
                r, _, kind, text = P.DEMO_RITUAL_NOTES[i]
                links = (f"R-{r}",)
        elif roll < 0.55:
            ready = [
                d
                for d in dict.fromkeys(self.d_recent)
                if self.d_story[d].note and ("note", d) not in self.said
            ]
            if ready:
                d = self._pick(ready)
                self.said.add(("note", d))
                kind, text = self.d_story[d].note
                links = (f"W-{self.d_ws[d]}", f"D-{d}")
        if not text:
            ws, note = self._next_told("notes")
            if note is None:
                return None
            kind, text = note
            links = (f"W-{ws}",)
        n, key = self._key("N")
        return NoteLogged(**self._stamp(key), kind=kind, text=text, links=links)


def generate(n_events: int, *, seed: int | None = None, profile: str = "org") -> Iterator[Event]:
    """N events in time order, as Structs."""
    chosen = PROFILES[profile]
    simulation = Quarter if chosen.stories else Simulation
    return simulation(chosen, n_events, chosen.seed if seed is None else seed).events()


def generate_lines(
    n_events: int, *, seed: int | None = None, profile: str = "org"
) -> Iterator[bytes]:
    """N lines of JSON, each exactly as `staffdeck export` writes it."""
    for event in generate(n_events, seed=seed, profile=profile):
        yield encode(event) + b"\n"


def write(out, n_events: int, *, seed: int | None = None, profile: str = "org") -> dict[str, int]:
    """Write the history to a binary file; returns how many events of each type."""
    counts: dict[str, int] = {}
    batch: list[bytes] = []
    for event in generate(n_events, seed=seed, profile=profile):
        tag = event.__struct_config__.tag
        counts[tag] = counts.get(tag, 0) + 1
        batch.append(encode(event))
        if len(batch) >= 10_000:
            out.write(b"\n".join(batch) + b"\n")
            batch.clear()
    if batch:
        out.write(b"\n".join(batch) + b"\n")
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.history",
        description="Write a realistic, seeded staffdeck history as JSON lines.",
    )
    parser.add_argument(
        "events", type=int, nargs="?", help="how many events [default: 100000; demo: 800]"
    )
    parser.add_argument("--seed", type=int, help="[default: 0; demo: 53]")
    parser.add_argument("--out", metavar="FILE", help="[default: standard output]")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="org")
    args = parser.parse_args(argv)
    n = args.events if args.events is not None else PROFILES[args.profile].default_events
    if n < 1:
        parser.error("the number of events must be at least 1")
    started = time.perf_counter()
    if args.out:
        with open(args.out, "wb") as out:
            counts = write(out, n, seed=args.seed, profile=args.profile)
    else:
        counts = write(sys.stdout.buffer, n, seed=args.seed, profile=args.profile)
        sys.stdout.buffer.flush()
    elapsed = time.perf_counter() - started
    created = {
        noun: counts.get(tag, 0)
        for noun, tag in (
            ("workstreams", "workstream.opened"),
            ("decisions", "decision.raised"),
            ("blockers", "blocker.raised"),
            ("rituals", "ritual.established"),
            ("actions", "action.assigned"),
            ("notes", "note.logged"),
        )
    }
    summary = ", ".join(f"{count:,} {noun}" for noun, count in created.items())
    print(
        f"{n:,} events ({summary}) in {elapsed:.2f} s, {n / elapsed:,.0f} events/s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()

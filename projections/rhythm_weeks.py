"""The coming weeks of the operating rhythm: on which days does each active
ritual meet, week by week, from the Monday of the moment shown?

Meetings repeat by whole cadences from the one the audit says is due next, so
a Tuesday meeting stays on Tuesdays and one on the 31st keeps to the month's
end. Days it was already held that week are shown too, and a day it was due
before today but is not recorded as held is late. No I/O here.
"""

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Literal

import msgspec

from projections.ritual_audit import Rituals, add_months, ritual_audit

WEEKS = 4
MONTHS = {"monthly": 1, "quarterly": 3}  # every other cadence counts in weeks
DAYS = {"weekly": 7, "biweekly": 14}


class Meeting(msgspec.Struct, frozen=True, gc=False):
    on: date
    state: Literal["held", "late", "coming"]


class RitualWeeks(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    name: str
    cadence: str
    due: date  # the meeting the audit says is due next
    weeks: tuple[tuple[Meeting, ...], ...]  # one per week, from week_starts(today)


def week_starts(today: date, weeks: int = WEEKS) -> tuple[date, ...]:
    """The Monday of today's week, then each Monday after it."""
    monday = today - timedelta(days=today.weekday())
    return tuple(monday + timedelta(weeks=n) for n in range(weeks))


def meetings(due: date, cadence: str) -> Iterator[date]:
    """`due`, then a whole cadence on each time: the n-th meeting is counted
    from `due` itself, never from the one before it, so the 31st stays the
    month's last day after a short month."""
    n = 0
    while True:
        if cadence in MONTHS:
            yield add_months(due, n * MONTHS[cadence])
        else:
            yield due + timedelta(days=n * DAYS[cadence])
        n += 1


def rhythm_weeks(rituals: Rituals, today: date, weeks: int = WEEKS) -> list[RitualWeeks]:
    """One row per active ritual, in the audit's order; retired ones are left out."""
    starts = week_starts(today, weeks)
    end = starts[-1] + timedelta(weeks=1)
    rows = []
    for audit in ritual_audit(rituals):
        if audit.retired or audit.next_due is None:
            continue
        state = rituals.rituals[audit.key]
        found = [
            Meeting(o.held_on, "held") for o in state.occurrences if starts[0] <= o.held_on < end
        ]
        for day in meetings(audit.next_due, audit.cadence):
            if day >= end:
                break
            if day >= starts[0]:
                found.append(Meeting(day, "late" if day < today else "coming"))
        rows.append(
            RitualWeeks(
                key=audit.key,
                name=audit.name,
                cadence=audit.cadence,
                due=audit.next_due,
                weeks=tuple(
                    tuple(sorted((m for m in found if 0 <= (m.on - start).days < 7), key=_on))
                    for start in starts
                ),
            )
        )
    return rows


def _on(meeting: Meeting) -> date:
    return meeting.on

"""The operating rhythm as a calendar: when does each active ritual meet next,
and how does it repeat?

Plain rows for a calendar writer (the CLI writes them as iCalendar); no I/O
here. Meeting times are not recorded, only the days meetings were held, so
every entry is a whole day.
"""

import math
from datetime import UTC, date, timedelta

import msgspec
from msgspec.structs import replace

from projections.ritual_audit import Rituals, RitualState, ritual_audit
from projections.ritual_audit import add_months as months_later


class Recurrence(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """An RFC 5545 recurrence rule (RRULE), in its own terms."""

    freq: str  # "WEEKLY" or "MONTHLY"
    interval: int = 1
    by_month_day: tuple[int, ...] = ()
    by_set_pos: int | None = None


# Every cadence in events.ritual.CADENCES, as the rule a calendar repeats it by.
RECURRENCES: dict[str, Recurrence] = {
    "weekly": Recurrence(freq="WEEKLY"),
    "biweekly": Recurrence(freq="WEEKLY", interval=2),
    "monthly": Recurrence(freq="MONTHLY"),
    "quarterly": Recurrence(freq="MONTHLY", interval=3),
}


class CalendarEntry(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    uid: str  # the same ritual keeps it from one export to the next
    summary: str
    description: str
    start: date  # the next meeting on or after today
    recurrence: Recurrence


def rhythm_calendar(rituals: Rituals, today: date) -> list[CalendarEntry]:
    """One entry per active ritual, in key order; retired rituals are left out."""
    return [
        calendar_entry(rituals.rituals[row.key], row.next_due, today)
        for row in ritual_audit(rituals)
        if not row.retired and row.next_due is not None
    ]


def calendar_entry(state: RitualState, due: date, today: date) -> CalendarEntry:
    """`due` is the meeting the audit says is due next; the calendar repeats from it."""
    rule = recurrence(state.cadence, due)
    return CalendarEntry(
        key=state.key,
        uid=uid(state),
        summary=state.name,
        description=description(state),
        start=first_meeting(due, rule, today),
        recurrence=rule,
    )


def recurrence(cadence: str, due: date) -> Recurrence:
    rule = RECURRENCES[cadence]
    if rule.freq == "MONTHLY" and due.day > 28:
        # RFC 5545 skips a month that has no such day; the audit's cadence falls
        # back to the month's last day, as "the latest of the 28th…that day" does.
        return replace(rule, by_month_day=tuple(range(28, due.day + 1)), by_set_pos=-1)
    return rule


def first_meeting(due: date, rule: Recurrence, today: date) -> date:
    """The first meeting on or after today, whole cadences on from the one due:
    a Tuesday meeting stays on Tuesdays, one on the 31st at the month's end."""
    if due >= today:
        return due
    if rule.freq == "WEEKLY":
        days = 7 * rule.interval
        return due + timedelta(days=math.ceil((today - due).days / days) * days)
    behind = (today.year - due.year) * 12 + today.month - due.month
    months = math.ceil(behind / rule.interval) * rule.interval
    if months_later(due, months) < today:  # later in the month than the meeting
        months += rule.interval
    return months_later(due, months)


def uid(state: RitualState) -> str:
    """The key alone repeats across stores (every store has an R-1); the moment
    it was established tells them apart and never changes."""
    return f"{state.key}-{state.established_at.astimezone(UTC):%Y%m%dT%H%M%SZ}@staffdeck"


def description(state: RitualState) -> str:
    """Attendees are names, not addresses, so they are listed here rather than
    as ATTENDEE lines a calendar would try to invite."""
    lines = [f"Purpose: {state.purpose}", f"Owner: {state.owner}"]
    if state.attendees:
        lines.append(f"Attendees: {', '.join(state.attendees)}")
    lines.append(f"Cadence: {state.cadence} (staffdeck {state.key})")
    return "\n".join(lines)

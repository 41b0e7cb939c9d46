"""Dates and times as people type them: ISO forms and relative ones like -3d."""

import re
from datetime import UTC, date, datetime, time, timedelta

_HAS_TIME = re.compile(r"\d[Tt ]\d|:")
_RELATIVE = re.compile(r"([+-]?)(\d{1,4})([dw])")
_NAMED = {"today": 0, "yesterday": -1, "tomorrow": 1}
FORMS = "an ISO date (2026-09-14), a date and time (2026-09-14T10:00), today, yesterday, tomorrow, or -3d / +2w"


class DateInputError(ValueError):
    pass


def has_time(text: str) -> bool:
    return bool(_HAS_TIME.search(text))


def parse_day(text: str, today: date) -> date:
    """`2026-09-14`, `today`, `-3d` (three days ago), `+2w` or `2w` (in two weeks)."""
    cleaned = text.strip().lower()
    if cleaned in _NAMED:
        days = _NAMED[cleaned]
    elif match := _RELATIVE.fullmatch(cleaned):
        sign, amount, unit = match.groups()
        days = int(amount) * (7 if unit == "w" else 1) * (-1 if sign == "-" else 1)
    else:
        try:
            return date.fromisoformat(cleaned)
        except ValueError:
            raise DateInputError(f"{text!r} is not a date; use {FORMS}.") from None
    try:
        return today + timedelta(days=days)
    except OverflowError:  # counted past the calendar's first or last day
        raise _beyond_the_calendar(text) from None


def parse_moment(text: str, now: datetime) -> datetime:
    """A moment in UTC. A time without a zone is local time; a bare date is its local midnight."""
    cleaned = text.strip()
    if _HAS_TIME.search(cleaned):
        try:
            moment = datetime.fromisoformat(cleaned.replace(" ", "T", 1))
        except ValueError:
            raise DateInputError(f"{text!r} is not a date or time; use {FORMS}.") from None
    else:
        local_today = now.astimezone().date()
        moment = datetime.combine(parse_day(cleaned, local_today), time())
    try:
        if moment.tzinfo is None:
            moment = moment.astimezone()  # the machine's local zone
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):  # at the calendar's ends, a shift of zone leaves it
        raise _beyond_the_calendar(text) from None


def through_the_day(text: str, moment: datetime) -> datetime:
    """The end of a range: a date alone means the whole of that day, as known by its end."""
    if has_time(text):
        return moment
    try:
        return moment + timedelta(days=1) - timedelta(microseconds=1)
    except OverflowError:  # the calendar's last day has no day after it
        raise _beyond_the_calendar(text) from None


def _beyond_the_calendar(text: str) -> DateInputError:
    return DateInputError(
        f"{text!r} is too near the ends of the calendar (years 1 and 9999); use {FORMS}."
    )

"""`staffdeck demo`: the sample quarter in a throwaway store, never the user's."""

from datetime import date, datetime, timedelta
from pathlib import Path

import msgspec

from domain.service import Staffdeck
from events import Event, decode, encode

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "staff-meeting.jsonl"


def shift_days(last: datetime, now: datetime) -> int:
    """Whole days that move `last` to today (yesterday, if today it would lie ahead)."""
    days = (now.date() - last.date()).days
    return days - 1 if last + timedelta(days=days) > now else days


def shifted(event: Event, days: int) -> Event:
    """The event with every date and time in it moved by `days`."""
    delta = timedelta(days=days)
    changes = {}
    for name in event.__struct_fields__:
        value = getattr(event, name)
        if isinstance(value, datetime | date):  # datetime is a date too
            changes[name] = value + delta
    return msgspec.structs.replace(event, **changes)


def sample_lines(now: datetime, *, shift: bool, sample: Path = SAMPLE) -> list[bytes]:
    lines = [line for line in sample.read_bytes().splitlines() if line.strip()]
    if not shift:
        return lines
    events = [decode(line) for line in lines]
    days = shift_days(max(e.at for e in events), now)
    return [encode(shifted(e, days)) for e in events]


def prepare_demo(directory: Path, now: datetime, *, shift: bool = True) -> Path:
    """Import the sample quarter into a new store in `directory`; returns its path."""
    store = directory / "demo.db"
    deck = Staffdeck(str(store), actor="demo", clock=lambda: now)
    try:
        deck.import_lines(sample_lines(now, shift=shift), source=str(SAMPLE))
    finally:
        deck.close()
    return store

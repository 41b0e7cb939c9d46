"""Ritual events made by hand, for the pure calendar projections' tests."""

from datetime import UTC, date, datetime

from events import RitualEstablished, RitualHeld
from projections.ritual_audit import Rituals


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def established(key: str, on: str, cadence: str = "weekly", **fields) -> RitualEstablished:
    fields = {"name": "Staff meeting", "purpose": "triage", "owner": "ana", **fields}
    return RitualEstablished(key=key, at=at(on), actor="ana", cadence=cadence, **fields)


def held(key: str, on: str) -> RitualHeld:
    return RitualHeld(key=key, at=at(on), actor="ana", held_on=date.fromisoformat(on))


def rituals_of(*events) -> Rituals:
    rituals = Rituals()
    for event in events:
        rituals.apply(event)
    return rituals

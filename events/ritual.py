"""Ritual events: the meetings of the operating rhythm, and what each one earned."""

from typing import Literal

from events.base import Day, Event, Keys, Names

Cadence = Literal["weekly", "biweekly", "monthly", "quarterly"]
CADENCES: tuple[str, ...] = Cadence.__args__


class RitualEstablished(Event, frozen=True, kw_only=True, tag="ritual.established"):
    name: str
    cadence: Cadence
    purpose: str
    owner: str
    attendees: Names = ()


class RitualHeld(Event, frozen=True, kw_only=True, tag="ritual.held"):
    held_on: Day
    informed: Keys = ()
    surfaced: Keys = ()
    notes: str = ""


class RitualCadenceChanged(Event, frozen=True, kw_only=True, tag="ritual.cadence_changed"):
    cadence: Cadence


class RitualRetired(Event, frozen=True, kw_only=True, tag="ritual.retired"):
    reason: str


RitualEvent = RitualEstablished | RitualHeld | RitualCadenceChanged | RitualRetired

"""The ritual audit: does each meeting still earn its time?"""

import calendar
from datetime import date, datetime, timedelta

import msgspec
from msgspec.structs import replace

from events import Event, RitualCadenceChanged, RitualEstablished, RitualHeld, RitualRetired

AUDIT_WINDOW = 4  # occurrences looked back over
MIN_OCCURRENCES = 2  # one empty meeting is not yet a pattern


class Occurrence(msgspec.Struct, frozen=True, gc=False):
    held_on: date
    informed: tuple[str, ...]
    surfaced: tuple[str, ...]


class RitualState(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    name: str
    cadence: str
    purpose: str
    owner: str
    attendees: tuple[str, ...]
    established_at: datetime
    occurrences: tuple[Occurrence, ...] = ()
    retired_reason: str | None = None
    retired_at: datetime | None = None


class AuditRow(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    name: str
    cadence: str
    owner: str
    purpose: str
    last_held: date | None
    next_due: date | None
    occurrences: int
    decisions_informed: int  # over the last AUDIT_WINDOW occurrences
    blockers_surfaced: int
    retirement_candidate: bool
    retired: bool
    retired_reason: str | None


class Rituals:
    handles = (RitualEstablished, RitualHeld, RitualCadenceChanged, RitualRetired)

    def __init__(self, rituals: dict[str, RitualState] | None = None):
        self.rituals = rituals if rituals is not None else {}

    def snapshot(self) -> dict[str, RitualState]:
        return self.rituals.copy()

    def apply(self, event: Event) -> None:
        match event:
            case RitualEstablished():
                self.rituals[event.key] = RitualState(
                    key=event.key,
                    name=event.name,
                    cadence=event.cadence,
                    purpose=event.purpose,
                    owner=event.owner,
                    attendees=event.attendees,
                    established_at=event.at,
                )
                return
            case RitualHeld(held_on=held_on, informed=informed, surfaced=surfaced):
                old = self.rituals[event.key]
                held = Occurrence(held_on, informed, surfaced)
                state = replace(old, occurrences=old.occurrences + (held,))
            case RitualCadenceChanged(cadence=cadence):
                state = replace(self.rituals[event.key], cadence=cadence)
            case RitualRetired(reason=reason):
                state = replace(self.rituals[event.key], retired_reason=reason, retired_at=event.at)
            case _:
                return
        self.rituals[event.key] = state


def next_occurrence(after: date, cadence: str) -> date:
    match cadence:
        case "weekly":
            return after + timedelta(days=7)
        case "biweekly":
            return after + timedelta(days=14)
        case "monthly":
            return add_months(after, 1)
        case _:
            return add_months(after, 3)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def ritual_audit(rituals: Rituals) -> list[AuditRow]:
    """Every ritual, active ones first; retired ones keep their reason."""
    rows = []
    for state in rituals.rituals.values():
        recent = state.occurrences[-AUDIT_WINDOW:]
        informed = sum(len(o.informed) for o in recent)
        surfaced = sum(len(o.surfaced) for o in recent)
        retired = state.retired_reason is not None
        last = max((o.held_on for o in state.occurrences), default=None)
        start = last or state.established_at.date()
        rows.append(
            AuditRow(
                key=state.key,
                name=state.name,
                cadence=state.cadence,
                owner=state.owner,
                purpose=state.purpose,
                last_held=last,
                next_due=None
                if retired
                else (next_occurrence(start, state.cadence) if last else start),
                occurrences=len(state.occurrences),
                decisions_informed=informed,
                blockers_surfaced=surfaced,
                retirement_candidate=(
                    not retired
                    and len(state.occurrences) >= MIN_OCCURRENCES
                    and informed + surfaced == 0
                ),
                retired=retired,
                retired_reason=state.retired_reason,
            )
        )
    rows.sort(key=lambda r: (r.retired, int(r.key[2:])))
    return rows

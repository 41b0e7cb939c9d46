"""Action events: follow-through owed by someone, by a date."""

from events.base import Day, Event


class ActionAssigned(Event, frozen=True, kw_only=True, tag="action.assigned"):
    title: str
    owner: str
    due: Day
    source: str | None = None  # the decision or ritual it came out of


class ActionCompleted(Event, frozen=True, kw_only=True, tag="action.completed"):
    note: str = ""


class ActionDropped(Event, frozen=True, kw_only=True, tag="action.dropped"):
    why: str


ActionEvent = ActionAssigned | ActionCompleted | ActionDropped

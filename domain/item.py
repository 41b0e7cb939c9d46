"""What every aggregate shares: its key, its version, and the time-order rule."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import ClassVar, Self

import msgspec

from domain.errors import EventBeforeHistory, InvalidInput, ItemNotFound, KeyTaken, WrongKind
from domain.keys import with_article
from events import Event, tag_of
from events.codec import FAMILIES

# Room for a long decision record; a pasted document belongs in a link.
MAX_EVENT_BYTES = 256 * 1024
# A clock a little ahead of ours is not "the future"; a typo'd year is.
FUTURE_TOLERANCE = timedelta(minutes=5)


class Envelope:
    """An event as the eventsourcing library sees it: which item, which version.

    The stored payload is the event Struct alone; the envelope's two numbers
    live in the store's own columns.
    """

    __slots__ = ("event", "originator_id", "originator_version")

    def __init__(self, originator_id: str, originator_version: int, event: Event):
        self.originator_id = originator_id
        self.originator_version = originator_version
        self.event = event


@cache
def _required_text_fields(cls: type[Event]) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in msgspec.structs.fields(cls)
        if f.required and f.type is str and f.name not in ("key", "actor")
    )


class Item:
    """An event-sourced aggregate: rules are checked before an event is applied."""

    noun: ClassVar[str]
    created_by: ClassVar[type[Event]]

    def __init__(self, key: str):
        self.id = key
        self.version = 0
        self.created_at: datetime | None = None
        self.last_at: datetime | None = None
        self._pending: list[Envelope] = []

    @property
    def key(self) -> str:
        return self.id

    @property
    def exists(self) -> bool:
        return self.version > 0

    def record(self, event: Event) -> Envelope:
        """Check every rule for `event`, then apply it as the next version."""
        check_required_text(event, self.noun)
        if FAMILIES[type(event)] != self.noun:
            raise WrongKind(
                f"A {tag_of(event)} event cannot be recorded on {self.noun} {self.key}."
            )
        creating = type(event) is self.created_by
        if creating and self.version:
            raise KeyTaken(f"{self.key} already exists; a new {self.noun} needs a new key.")
        if not creating and not self.version:
            raise ItemNotFound(f"There is no {self.noun} {self.key}.")
        if self.last_at is not None and event.at < self.last_at:
            raise EventBeforeHistory(
                f"{self.key}'s history already reaches {utc_text(self.last_at)}; "
                f"an event at {utc_text(event.at)} would go back in time. "
                "Record it with a later --at."
            )
        self.check(event)
        self._apply(event)
        envelope = Envelope(self.id, self.version, event)
        self._pending.append(envelope)
        return envelope

    def check(self, event: Event) -> None:
        """Raise a DomainError if `event` breaks one of this item's rules."""
        raise NotImplementedError

    def apply(self, event: Event) -> None:
        """Change state for an event already known to be valid."""
        raise NotImplementedError

    def collect_events(self) -> list[Envelope]:
        pending, self._pending = self._pending, []
        return pending

    def _apply(self, event: Event) -> None:
        if self.created_at is None:
            self.created_at = event.at
        self.last_at = event.at
        self.version += 1
        self.apply(event)

    @classmethod
    def replay(cls, item: Self | None, envelopes: Iterable[Envelope]) -> Self | None:
        """Fold stored events into an item (the repository's projector function)."""
        for envelope in envelopes:
            if item is None:
                item = cls(envelope.originator_id)
            item._apply(envelope.event)
            item.version = envelope.originator_version
        return item


def utc_text(moment: datetime) -> str:
    """A moment for a message, always in UTC whatever zone it was given in."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


# How a blank field is named in a refusal, where its name alone reads badly.
FIELD_LABELS = {
    "to": "who it is escalated to",
    "why": "a reason (why)",
    "what": "what will be decided",
}


def check_required_text(event: Event, noun: str) -> None:
    for name in _required_text_fields(type(event)):
        value = getattr(event, name)
        if not value or value.isspace():
            label = FIELD_LABELS.get(name) or with_article(name.replace("_", " "))
            raise InvalidInput(
                f"{with_article(noun).capitalize()} needs {label}; it cannot be blank."
            )
    if not event.actor or event.actor.isspace():
        raise InvalidInput("Every event needs an actor (who recorded it); it cannot be blank.")

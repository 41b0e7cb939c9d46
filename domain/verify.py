"""Checking a store as it is stored: every row, read raw, before anything folds it.

The commands and imports keep these rules as they write (item.py, links.py,
history.py); `verify` finds what broke them afterwards: a payload damaged on
disk, a row written by hand or by another program, a store merged wrongly. It
reads the rows themselves, not the library's view of them, so a row that will
not decode is a problem to name, not a failure to stop at.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

import msgspec

from domain.errors import DomainError
from domain.history import describe_invalid
from domain.item import utc_text
from domain.items import ITEM_TYPES
from domain.keys import WRITTEN_KEY, expect_kind, normalize_key, noun_of, with_article
from domain.links import LINKING, links_of
from domain.store import Row
from events import EVENT_TYPES, decode
from events.codec import FAMILIES

# Each event type's (tag, noun of its item, the tag of the event that creates that item).
KINDS = {
    cls: (tag, FAMILIES[cls], ITEM_TYPES[FAMILIES[cls]].created_by.__struct_config__.tag)
    for tag, cls in EVENT_TYPES.items()
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one stored event."""

    position: int  # the notification id: the recording order across all items
    key: str
    version: int | None
    type: str  # the event's tag, as its row's topic says
    text: str

    def __str__(self) -> str:
        version = "?" if self.version is None else self.version
        return f"#{self.position} {self.key} v{version} ({self.type}): {self.text}"


@dataclass(frozen=True)
class Verification:
    events: int
    items: int
    problems: list[Problem]


class _Seen:
    """What verification knows of one item so far."""

    __slots__ = ("created_at", "created_by", "last_at", "last_position", "noun", "version")

    def __init__(self, noun: str | None) -> None:
        self.noun = noun  # None for a key that is not one
        self.version = 0
        self.created_by: int | None = None  # the position of the event that created it
        self.created_at: datetime | None = None
        self.last_at: datetime | None = None
        self.last_position = 0


def verify(rows: Iterable[Row]) -> Verification:
    """Every problem in `rows` (in recording order), each naming its event and item."""
    check = _Check()
    for row in rows:
        check.row(row)
    return check.result()


class _Check:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.items: dict[str, _Seen] = {}
        self.count = 0
        # Links to items that did not exist then: (index in problems, key).
        self.dangling: list[tuple[int, str]] = []
        self.at: tuple[int, str, int | None, str] = (0, "", None, "")  # the row being checked

    def report(self, text: str) -> None:
        self.problems.append(Problem(*self.at, text))

    def row(self, row: Row) -> None:
        self.count += 1
        position, key, version, topic, payload = row
        label = key if isinstance(key, str) else repr(key)
        self.at = (position, label, version, topic if isinstance(topic, str) else repr(topic))
        seen = self.items.get(label)
        if seen is None:
            seen = self.items[label] = _Seen(self.check_key(key))
        self.check_version(seen, version)
        event = self.decoded(topic, payload)
        if event is None:
            if version == 1 or seen.created_by is None:
                seen.created_by = position  # unreadable: what follows is not blamed on it
            return
        tag, noun, created_by = KINDS[type(event)]
        if event.key != key:
            self.report(f"the event names {event.key!r}, but it is stored as {label}'s")
        if seen.noun is not None and seen.noun != noun:
            self.report(f"{with_article(tag)} event is stored on {with_article(seen.noun)}")
        creating = tag == created_by
        if creating and seen.created_by is not None:
            self.report(f"{label} is created twice: first by #{seen.created_by}")
        elif creating and version != 1:
            self.report(f"{label} is created by version {version}, not version 1")
        elif not creating and version == 1:
            self.report(
                f"version 1 is {with_article(tag)}; {with_article(noun)} begins with {created_by}"
            )
        if seen.last_at is None or event.at >= seen.last_at:
            seen.last_at, seen.last_position = event.at, position
        else:
            self.report(
                f"it happened at {utc_text(event.at)}, before {label}'s event "
                f"#{seen.last_position} ({utc_text(seen.last_at)}): time goes back"
            )
        if type(event) in LINKING:
            self.check_links(event)
        if creating and seen.created_by is None:
            seen.created_by, seen.created_at = position, event.at

    def check_key(self, key) -> str | None:
        """An item's key, checked on its first event: the noun it names, if it is a key."""
        if isinstance(key, str) and WRITTEN_KEY.fullmatch(key):
            return noun_of(key)
        if not isinstance(key, str):
            self.report(f"the item key {key!r} is not text")
            return None
        try:
            self.report(f"the item key {key!r} is written {normalize_key(key)} everywhere else")
        except DomainError as error:
            self.report(str(error))
        return None

    def check_version(self, seen: _Seen, version) -> None:
        if not isinstance(version, int):
            self.report(f"the version {version!r} is not a number")
            return
        expected = seen.version + 1
        if version < expected:
            self.report(f"version {version} comes after version {seen.version}")
        elif version > expected:
            missing = str(expected) if version == expected + 1 else f"{expected}–{version - 1}"
            self.report(f"versions jump from {seen.version} to {version}: {missing} missing")
        seen.version = max(seen.version, version)

    def decoded(self, topic, payload):
        """The event, or None after saying why it cannot be read."""
        if topic not in EVENT_TYPES:
            self.report(f"the topic {topic!r} is not an event type")
        if payload is None:
            self.report("the payload is empty (NULL)")
            return None
        try:
            event = decode(payload)
        except msgspec.ValidationError as error:  # a subclass of DecodeError: first
            self.report(f"the payload does not decode: {describe_invalid(error)}")
            return None
        except (msgspec.DecodeError, UnicodeDecodeError) as error:
            self.report(f"the payload does not decode: malformed JSON ({error})")
            return None
        except Exception as error:  # an upcaster choking on an old payload: still one row
            self.report(f"the payload does not decode: {type(error).__name__}: {error}")
            return None
        tag = KINDS[type(event)][0]
        if topic in EVENT_TYPES and tag != topic:
            self.report(f"the topic says {topic}, but the payload is {tag}")
        return event

    def check_links(self, event) -> None:
        """Each link names an item of a kind it may name, created by `event.at`."""
        for written, kinds in links_of(event):
            key = written
            target = self.items.get(key)
            if target is None or target.noun not in kinds:  # parse only what is not plain
                try:
                    key = expect_kind(written, *kinds)
                except DomainError as error:
                    self.report(f"it links to {written!r}: {error}")
                    continue
                if key != written:
                    self.report(f"it links to {written!r}, written {key} everywhere else")
                target = self.items.get(key)
            if target is None or target.created_by is None:
                self.report(f"it links to {key}, which does not exist")
                self.dangling.append((len(self.problems) - 1, key))
            elif target.created_at is not None and target.created_at > event.at:
                self.report(
                    f"it links to {key}, which was only created on "
                    f"{utc_text(target.created_at)}, after this event ({utc_text(event.at)})"
                )

    def result(self) -> Verification:
        problems = list(self.problems)
        for index, key in self.dangling:
            target = self.items.get(key)
            if target is not None and target.created_by is not None:
                text = f"it links to {key}, which is only created later, by #{target.created_by}"
                problems[index] = replace(problems[index], text=text)
        return Verification(events=self.count, items=len(self.items), problems=problems)

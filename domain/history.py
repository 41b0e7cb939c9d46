"""Checking a whole history file before any of it is appended.

Every line goes through the same aggregates and link rules as a command, so an
imported history obeys exactly the rules a typed one does.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import msgspec

from domain.errors import DomainError, EventInFuture, ImportRejected, InvalidInput
from domain.item import FUTURE_TOLERANCE, MAX_EVENT_BYTES, Envelope, Item, utc_text
from domain.items import ITEM_TYPES
from domain.keys import expect_kind
from domain.links import check_links
from events import decode, encode
from events.codec import FAMILIES


def check_history(
    lines: Iterable[bytes],
    *,
    source: str,
    find: Callable[[str], Item | None],
    stored: Callable[[str], set[bytes]],
    now: datetime,
) -> list[Envelope]:
    """The envelopes to append, in file order; ImportRejected lists every bad line."""
    problems: list[tuple[int, str]] = []
    items: dict[str, Item | None] = {}
    from_store: set[str] = set()
    created_on: dict[str, int] = {}
    failed_creation: dict[str, int] = {}
    envelopes: list[Envelope] = []

    def lookup(key: str) -> Item | None:
        if key not in items:
            item = find(key)
            items[key] = item
            if item is not None:
                from_store.add(key)
        return items[key]

    for number, line in enumerate(lines, 1):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark from some editors
        if not line.strip():
            continue
        if len(line) > MAX_EVENT_BYTES:
            problems.append((number, f"the line is longer than {MAX_EVENT_BYTES // 1024} KiB"))
            continue
        try:
            event = decode(line)
        except msgspec.ValidationError as error:  # a subclass of DecodeError: first
            problems.append((number, describe_invalid(error)))
            continue
        except msgspec.DecodeError as error:
            problems.append((number, f"malformed JSON ({error})"))
            continue
        except UnicodeDecodeError:  # msgspec checks UTF-8 only as it makes a str
            problems.append((number, "the line is not UTF-8 text; save the file as UTF-8"))
            continue
        except RecursionError:  # msgspec's guard against deep nesting
            problems.append((number, "JSON nested too deeply; an event is one flat object"))
            continue
        noun = FAMILIES[type(event)]
        try:
            key = expect_kind(event.key, noun)
            if key != event.key:
                raise InvalidInput(f"write the key {event.key!r} as {key}")
            if event.at > now + FUTURE_TOLERANCE:
                raise EventInFuture(
                    f"{utc_text(event.at)} is in the future; a history records what already happened"
                )
            _check_in_utc(event.at, event.recorded_at)
            # Compared without its recording time: a script's re-sent line is still a duplicate.
            unstamped = msgspec.structs.replace(event, recorded_at=None)
            if event.recorded_at is None:
                event = msgspec.structs.replace(event, recorded_at=now)
            item = lookup(key)
            creating = type(event) is ITEM_TYPES[noun].created_by
            if creating and key in created_on:
                raise InvalidInput(
                    f"{key} is created twice in this file (first on line {created_on[key]})"
                )
            if creating and key in from_store:
                raise InvalidInput(
                    f"{key} already exists in the store; was this file imported already?"
                )
            if item is None:
                if not creating and key in failed_creation:
                    raise InvalidInput(
                        f"{key} was not created (line {failed_creation[key]} is bad)"
                    )
                item = ITEM_TYPES[noun](key)
            elif key in from_store and encode(unstamped) in stored(key):
                raise InvalidInput(
                    "this event is already in the store; was this file imported already?"
                )
            envelope = item.record(event)
            check_links(event, lookup)
        except DomainError as error:
            if type(event) is ITEM_TYPES[noun].created_by and event.key not in created_on:
                failed_creation.setdefault(event.key, number)
            problems.append((number, str(error)))
            continue
        items[key] = item
        if creating:
            created_on[key] = number
        envelopes.append(envelope)
    if problems:
        raise ImportRejected(source, problems)
    for item in items.values():
        if item is not None:
            item.collect_events()  # the envelopes above are what gets appended
    return envelopes


def _check_in_utc(*moments: datetime | None) -> None:
    """0001-01-01T00:00+05:00 decodes, but is before the calendar's first day in UTC."""
    for moment in moments:
        try:
            if moment is not None:
                moment.astimezone(UTC)
        except OverflowError:
            raise InvalidInput(
                f"{moment.isoformat()} is before the first day of the calendar in UTC"
            ) from None


def describe_invalid(error: msgspec.ValidationError) -> str:
    """msgspec's message, in the words of the file's author."""
    message = _one_line(str(error))
    if message.startswith("Invalid value") and "`$.type`" in message:
        return f"unknown event type {message.split(' - ')[0].removeprefix('Invalid value ')}"
    if message.startswith("Missing required field `type`"):
        return 'missing field `type` (the event\'s kind, such as "blocker.raised")'
    text, _, where = message.partition(" - at `$.")
    return f"{where.rstrip('`')}: {text}" if where else message


def _one_line(message: str) -> str:
    """msgspec quotes the file's own text (a type, a field's name) as it is: escape
    what would break the message's line or reach the terminal as a control."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in message)

"""Hostile text in the store: every free-text field of every event type takes
every hostile string and gives it back exactly, on SQLite and PostgreSQL;
the one string no field can hold (a lone surrogate) is refused by every
field with a clear message, and nothing is written.
"""

from typing import Any

import msgspec
import pytest

from domain.errors import InvalidInput
from domain.service import Staffdeck
from events import Event, RejectedAlternative, decode
from events.codec import EVENT_TYPES
from tests.conftest import FixedClock, export_of
from tests.hostile.hostile_store import FIELDS_WRITTEN, START, STORY, Family, build
from tests.hostile.strings import HOSTILE, REFUSABLE

# Text fields that hold keys of other items, not words: checked as keys, never free text.
KEY_FIELDS = {"key", "workstream", "by", "source", "links", "informed", "surfaced"}


def text_fields(event_type: type[Event]) -> set[str]:
    """The free-text fields of an event type, from its schema (nested ones dotted)."""
    found = set()
    for f in msgspec.structs.fields(event_type):
        if f.name in KEY_FIELDS:
            continue
        if f.type in (str, str | None, tuple[str, ...]):
            found.add(f.name)
        elif f.type == tuple[RejectedAlternative, ...]:
            found |= {f"{f.name}.{g.name}" for g in msgspec.structs.fields(RejectedAlternative)}
    return found


def holds(value: Any, text: str) -> bool:
    """Whether `text` is in a field's value, as typed (in a name list, an alternative)."""
    if isinstance(value, str):
        return text in value
    if isinstance(value, tuple):
        return any(holds(item, text) for item in value)
    if isinstance(value, msgspec.Struct):
        return any(holds(getattr(value, name), text) for name in value.__struct_fields__)
    return False


def value_of(event: Event, dotted: str) -> Any:
    name, _, inner = dotted.partition(".")
    value = getattr(event, name)
    return tuple(getattr(item, inner) for item in value) if inner else value


def test_the_story_fills_every_text_field_of_every_event_type():
    schema = {tag: text_fields(cls) for tag, cls in EVENT_TYPES.items()}
    assert FIELDS_WRITTEN == schema


def fields_holding(events: list[Event], family: Family) -> int:
    """How many (event type, text field) pairs hold the family's string, asserting all do."""
    mine = [e for e in events if e.actor == family.text]
    checked = 0
    for tag, cls in EVENT_TYPES.items():
        for name in text_fields(cls):
            assert any(type(e) is cls and holds(value_of(e, name), family.text) for e in mine), (
                family.name, tag, name,
            )  # fmt: skip
            checked += 1
    return checked


def test_every_text_field_gives_back_each_hostile_string_as_typed(hostile_template):
    # Writing the store refused none of them: build() raises on any refusal.
    path, families = hostile_template
    deck = Staffdeck(str(path), actor="checker")
    try:
        events = list(deck.read_events())
    finally:
        deck.close()
    checked = sum(fields_holding(events, family) for family in families.values())
    print(f"\n{len(families)} hostile strings in every text field: {checked} (string × field)")
    assert checked == len(families) * sum(map(len, map(text_fields, EVENT_TYPES.values())))


@pytest.mark.parametrize("name", ["click", "ansi", "c1", "nul_del", "bidi", "long", "emoji"])
def test_a_hostile_string_is_stored_and_exported_as_typed_on_each_backend(store, name):
    family = build(store, {name: HOSTILE[name]})[name]
    exported = export_of(store)
    # JSON lines are data: JSON's escaping writes no C0 control raw, and the text
    # comes back exactly as typed.
    assert not any(byte < 0x20 for byte in exported.replace(b"\n", b"")), name
    events = [decode(line) for line in exported.splitlines()]
    assert {event.actor for event in events} == {family.text}
    assert fields_holding(events, family) == sum(map(len, map(text_fields, EVENT_TYPES.values())))


# ---- refusals: the lone surrogate ---------------------------------------------------

SURROGATE = HOSTILE["surrogate"]
MARKER = "plain words"


class RefusalProbe:
    """The application service, run through the story with plain words; before each
    command runs, each text argument alone is given the surrogate instead, and must
    be refused with a message naming the field, nothing written."""

    def __init__(self, deck: Staffdeck):
        self.deck = deck
        self.refused: dict[tuple[str, str], str] = {}  # (command, argument) → message

    def __getattr__(self, command: str):
        real = getattr(self.deck, command)

        def probed(*args, **kwargs):
            named = dict(enumerate(args)) | kwargs
            for argument, value in named.items():
                if not holds(value, MARKER) and not _in_pairs(value):
                    continue
                hostile = {**named, argument: _swap(value)}
                before = self.deck.recorder.max_notification_id()
                with pytest.raises(InvalidInput) as refusal:
                    real(
                        *[hostile[i] for i in range(len(args))],
                        **{k: v for k, v in hostile.items() if not isinstance(k, int)},
                    )
                assert self.deck.recorder.max_notification_id() == before  # nothing written
                self.refused[(command, str(argument))] = str(refusal.value)
            return real(*args, **kwargs)

        return probed


def _in_pairs(value: Any) -> bool:
    return isinstance(value, list) and any(MARKER in pair for pair in value)


def _swap(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(MARKER, SURROGATE)
    if isinstance(value, list | tuple):
        return type(value)(_swap(item) for item in value)
    return value


def test_a_lone_surrogate_is_refused_by_every_text_field_with_a_clear_message(sqlite_store):
    assert REFUSABLE == {"surrogate"}
    deck = Staffdeck(sqlite_store, actor="ana", clock=FixedClock(START))
    probe = RefusalProbe(deck)
    try:
        family = Family("plain", MARKER)
        for step in STORY:
            step.run(probe, family, MARKER)  # type: ignore[arg-type]
    finally:
        deck.close()
    for (command, argument), message in sorted(probe.refused.items()):
        assert "'\\udcff' is not a character" in message, (command, argument, message)
        assert "nothing was written" in message
        print(f"{command}({argument}): {message}")
    fields = {(c, a) for c, a in probe.refused}
    assert len(fields) >= 40  # every text argument of every command the story runs
    # The actor too: who records is free text as well.
    stranger = Staffdeck(sqlite_store, actor=SURROGATE, clock=FixedClock(START))
    try:
        with pytest.raises(InvalidInput, match=r"^actor: '\\udcff' is not a character"):
            stranger.open_workstream("Checkout", owner="ana")
    finally:
        stranger.close()
    assert export_of(sqlite_store).count(SURROGATE.encode("utf-8", "surrogatepass")) == 0

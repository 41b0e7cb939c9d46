"""The one JSON codec for events: the store, import/export and projections share it."""

from typing import Any

import msgspec

from events.action import ActionEvent
from events.base import Event
from events.blocker import BlockerEvent
from events.decision import DecisionEvent
from events.note import NoteEvent
from events.ritual import RitualEvent
from events.workstream import WorkstreamEvent

AnyEvent = WorkstreamEvent | DecisionEvent | BlockerEvent | RitualEvent | ActionEvent | NoteEvent

EVENT_TYPES: dict[str, type[Event]] = {
    cls.__struct_config__.tag: cls
    for cls in AnyEvent.__args__  # type: ignore[attr-defined]
}

# Built once and reused: constructing a decoder costs far more than decoding.
_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(AnyEvent)
_array_decoder = msgspec.json.Decoder(list[AnyEvent])
DECODERS: dict[str, msgspec.json.Decoder] = {
    tag: msgspec.json.Decoder(cls) for tag, cls in EVENT_TYPES.items()
}


_TAGS: dict[type, str] = {cls: tag for tag, cls in EVENT_TYPES.items()}
FAMILIES: dict[type, str] = {cls: tag.partition(".")[0] for tag, cls in EVENT_TYPES.items()}


def tag_of(event: Event) -> str:
    return _TAGS[type(event)]


def encode(event: Event) -> bytes:
    return _encoder.encode(event)


def decode(payload: bytes | str) -> AnyEvent:
    """Decode any event, dispatching on its `type`; raises msgspec.ValidationError."""
    return _decoder.decode(payload)


def decode_array(payloads: bytes) -> list[AnyEvent]:
    """A JSON array of stored payloads, decoded in one call (the rebuild's path)."""
    return _array_decoder.decode(payloads)


def decode_tagged(tag: str, payload: bytes) -> AnyEvent:
    """Decode a payload whose type is already known (the store keeps it as the topic)."""
    return DECODERS[tag].decode(payload)


def json_schema() -> dict[str, Any]:
    return msgspec.json.schema(AnyEvent)

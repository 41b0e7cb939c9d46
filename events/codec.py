"""The one JSON codec for events: the store, import/export and projections share it."""

from typing import Any

import msgspec

from events.action import ActionEvent
from events.base import Event
from events.blocker import BlockerEvent
from events.decision import DecisionEvent
from events.note import NoteEvent
from events.ritual import RitualEvent
from events.upcasting import missing_upcasters, newer, upcast
from events.workstream import WorkstreamEvent

AnyEvent = WorkstreamEvent | DecisionEvent | BlockerEvent | RitualEvent | ActionEvent | NoteEvent

EVENT_TYPES: dict[str, type[Event]] = {
    cls.__struct_config__.tag: cls
    for cls in AnyEvent.__args__  # type: ignore[attr-defined]
}
# The schema version each type writes and reads: the default of its `v`.
VERSIONS: dict[str, int] = {
    tag: next(f.default for f in msgspec.structs.fields(cls) if f.name == "v")
    for tag, cls in EVENT_TYPES.items()
}
if missing := missing_upcasters(VERSIONS):
    raise RuntimeError(f"No upcaster for {', '.join(missing)} (see events/upcasting.py)")

# Built once and reused: constructing a decoder costs far more than decoding.
_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(AnyEvent)
_array_decoder = msgspec.json.Decoder(list[AnyEvent])
_rows_decoder = msgspec.json.Decoder(list[msgspec.Raw])
_plain_decoder = msgspec.json.Decoder()
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
    """Decode any event, dispatching on its `type`, in the current schema; raises
    msgspec.ValidationError (NewerSchema for a version this staffdeck does not know)."""
    try:
        return _decoder.decode(payload)
    except msgspec.ValidationError as error:
        return _decode_older(payload, error)


def decode_array(payloads: bytes) -> list[AnyEvent]:
    """A JSON array of stored payloads, decoded in one call (the rebuild's path).

    A page holding an older payload (or a bad one) fails that call as a whole,
    and is decoded again one payload at a time: about 1.7 times as long, for
    those pages only. Pages of current payloads pay nothing for upcasting."""
    try:
        return _array_decoder.decode(payloads)
    except msgspec.ValidationError:
        pass
    return [decode(payload) for payload in _rows_decoder.decode(payloads)]


def decode_tagged(tag: str, payload: bytes) -> AnyEvent:
    """Decode a payload whose type is already known (the store keeps it as the topic)."""
    try:
        return DECODERS[tag].decode(payload)
    except msgspec.ValidationError as error:
        return _decode_older(payload, error, tag)


def _decode_older(payload, error: msgspec.ValidationError, tag: str | None = None) -> AnyEvent:
    """A payload the current schema refused, read as the version it says it is.

    Raises `error` again when its version is not the reason: the current
    schema's own complaint is the clearest."""
    fields = _plain_decoder.decode(payload)
    written = fields.get("type") if isinstance(fields, dict) else None
    current = VERSIONS.get(written) if isinstance(written, str) else None
    if current is None or (tag is not None and written != tag):
        raise error
    stated = "v" in fields
    version = fields["v"] if stated else 1  # the first schema let writers leave `v` out
    if type(version) is not int or version < 1 or version == current:
        raise error
    if version > current:
        raise newer(fields, written, version, current) from None
    try:
        return DECODERS[written].decode(_encoder.encode(upcast(fields, written, version, current)))
    except msgspec.ValidationError:
        if not stated:
            raise error from None  # not a version 1 line either: say what is wrong now
        raise


def json_schema() -> dict[str, Any]:
    return msgspec.json.schema(AnyEvent)

"""The present, saved: every read model as folded through a store position.

A launch that starts from it folds only the events recorded since, instead of
all of history: at 100,000 events, decoding it takes a third of the time of
reading and folding every event. It is a cache and nothing more. Its header
names the code that folded it, so a change to the events or the folds makes it
stale, and the store position and a mark the caller checks against the store
before the rest is decoded.
"""

import hashlib
from collections import deque
from collections.abc import Callable
from pathlib import Path

import msgspec

from events import AnyEvent
from events.gc import paused_gc
from projections.blocker_radar import BlockerState
from projections.decision_log import DecisionRecord
from projections.follow_through import ActionState
from projections.read_models import ReadModels
from projections.ritual_audit import RitualState
from projections.timeline import LATEST
from projections.workstream_map import WorkstreamState


class SavedPresent(msgspec.Struct, array_like=True):
    count: int
    workstreams: list[WorkstreamState]
    decisions: list[DecisionRecord]
    blockers: list[BlockerState]
    rituals: list[RitualState]
    actions: list[ActionState]
    latest: list[AnyEvent]


class Header(msgspec.Struct, array_like=True):
    """Read first, so that a stale file is dropped without decoding the rest."""

    code: str  # which folds made it: FOLDS_VERSION
    position: int  # the store's last notification folded in
    mark: str  # the digest of what the store holds at `position`, as the caller read it


def _folds_version() -> str:
    """A digest of the event schema's and the projections' source."""
    digest = hashlib.sha256()
    for package in ("events", "projections"):
        for source in sorted((Path(__file__).parents[1] / package).glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:32]


FOLDS_VERSION = _folds_version()
MAGIC = b"staffdeck present\n"
_encoder = msgspec.msgpack.Encoder()
_header = msgspec.msgpack.Decoder(Header)
_decoder = msgspec.msgpack.Decoder(SavedPresent)


def save_present(models: ReadModels, *, position: int, mark: str) -> bytes:
    """The models as bytes; the models themselves are not touched."""
    header = _encoder.encode(Header(code=FOLDS_VERSION, position=position, mark=mark))
    body = _encoder.encode(
        SavedPresent(
            count=models.count,
            workstreams=list(models.workstreams.workstreams.values()),
            decisions=list(models.decisions.decisions.values()),
            blockers=list(models.blockers.blockers.values()),
            rituals=list(models.rituals.rituals.values()),
            actions=list(models.actions.actions.values()),
            latest=list(models.timeline.latest),
        )
    )
    return MAGIC + len(header).to_bytes(4, "big") + header + body


def load_present(
    data: bytes, still_holds: Callable[[int, str], bool]
) -> tuple[ReadModels, int] | None:
    """(models, position), or None when the bytes are not a present these folds
    saved (damaged, cut short, another version) or `still_holds(position, mark)`
    says the store is no longer the one they were folded from."""
    if not data.startswith(MAGIC):
        return None
    start = len(MAGIC) + 4
    end = start + int.from_bytes(data[len(MAGIC) : start], "big")
    try:
        header = _header.decode(data[start:end])
        if header.code != FOLDS_VERSION or not still_holds(header.position, header.mark):
            return None
        with paused_gc():  # rows are frozen, gc=False Structs: no cycles to find
            saved = _decoder.decode(memoryview(data)[end:])
    except (msgspec.DecodeError, UnicodeDecodeError):  # ValidationError is a DecodeError
        return None
    # In saved order: dicts keep it, and ties in the queries follow it.
    with paused_gc():
        parts = (
            {s.key: s for s in saved.workstreams},
            {r.key: r for r in saved.decisions},
            {s.key: s for s in saved.blockers},
            {s.key: s for s in saved.rituals},
            {s.key: s for s in saved.actions},
            deque(saved.latest, maxlen=LATEST),
        )
    models = ReadModels(parts)
    models.count = saved.count
    return models, header.position

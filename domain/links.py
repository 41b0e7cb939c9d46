"""Rules between items: links must point at items that existed at that moment."""

from collections.abc import Callable

from domain.errors import InvalidInput, LinkBroken
from domain.item import Item, utc_text
from domain.keys import expect_kind
from domain.workstream import Workstream
from events import (
    ActionAssigned,
    BlockerRaised,
    DecisionRaised,
    DecisionSuperseded,
    Event,
    NoteLogged,
    RitualHeld,
)

ALL_KINDS = ("workstream", "decision", "blocker", "ritual", "action", "note")

Lookup = Callable[[str], Item | None]
LINKING = frozenset(
    {DecisionRaised, BlockerRaised, DecisionSuperseded, RitualHeld, ActionAssigned, NoteLogged}
)


def links_of(event: Event) -> list[tuple[str, tuple[str, ...]]]:
    """The keys an event points at, each with the kinds of item it may name."""
    match event:
        case DecisionRaised(workstream=ws) | BlockerRaised(workstream=ws):
            return [(ws, ("workstream",))]
        case DecisionSuperseded(by=by):
            return [(by, ("decision",))]
        case RitualHeld(informed=informed, surfaced=surfaced):
            return [(k, ("decision",)) for k in informed] + [(k, ("blocker",)) for k in surfaced]
        case ActionAssigned(source=str(source)):
            return [(source, ("decision", "ritual"))]
        case NoteLogged(links=links):
            return [(k, ALL_KINDS) for k in links]
    return []


def check_links(event: Event, lookup: Lookup) -> None:
    """Every linked key names an existing item of the right kind, created by `event.at`."""
    if type(event) not in LINKING:
        return  # most events link nothing: skip the match
    for written, kinds in links_of(event):
        key = expect_kind(written, *kinds)
        if key != written:
            raise InvalidInput(f"Write the key {written!r} as {key}.")
        target = lookup(key)
        if target is None or not target.exists:
            raise LinkBroken(f"{key} does not exist; link to an existing {' or '.join(kinds)}.")
        if target.created_at is not None and target.created_at > event.at:
            raise LinkBroken(
                f"{key} was only created on {utc_text(target.created_at)}; "
                f"nothing at {utc_text(event.at)} can point at it yet."
            )
        if isinstance(event, DecisionRaised | BlockerRaised) and isinstance(target, Workstream):
            target.check_takes_new_items(
                "decision" if isinstance(event, DecisionRaised) else "blocker"
            )

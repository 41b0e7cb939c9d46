"""Shared context: the notes linked to an item, by kind, newest first, and searchable.

Shaped like every other read model (`handles`, `apply`, `snapshot`, a
constructor that takes a snapshot), so it can join `ReadModels` when the
dashboard needs it; until then `ContextNotes.of(history.events)` folds it from
the history on demand.
"""

from collections.abc import Collection, Iterable
from datetime import datetime

import msgspec

from events import Event, NoteLogged


class Note(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    kind: str  # signal | bet | question | debate | must-say | position
    text: str
    links: tuple[str, ...]
    at: datetime
    actor: str


class ContextNotes:
    """Folds note events into one row per note."""

    handles = (NoteLogged,)

    def __init__(self, notes: dict[str, Note] | None = None):
        self.notes = notes if notes is not None else {}

    def snapshot(self) -> dict[str, Note]:
        return self.notes.copy()

    def apply(self, event: Event) -> None:
        if isinstance(event, NoteLogged):
            self.notes[event.key] = Note(
                key=event.key,
                kind=event.kind,
                text=event.text,
                links=event.links,
                at=event.at,
                actor=event.actor,
            )

    @classmethod
    def of(cls, events: Iterable[Event], until: datetime | None = None) -> "ContextNotes":
        """The notes among `events`, as known at `until` (every one, without it)."""
        notes = cls()
        for event in events:
            if isinstance(event, NoteLogged) and (until is None or event.at <= until):
                notes.apply(event)
        return notes

    def linked(self, keys: Iterable[str], kinds: Collection[str] | None = None) -> list[Note]:
        """Notes linked to any of `keys` (of `kinds`, if given), newest first."""
        wanted = set(keys)
        found = [
            note
            for note in self.notes.values()
            if wanted.intersection(note.links) and (kinds is None or note.kind in kinds)
        ]
        return _newest_first(found)

    def search(self, words: str) -> list[Note]:
        """Notes whose text, kind, key or links hold every word (case-insensitive), newest first."""
        terms = words.casefold().split()
        found = [n for n in self.notes.values() if all(t in _text_of(n) for t in terms)]
        return _newest_first(found)


def _newest_first(notes: list[Note]) -> list[Note]:
    # Two notes logged in the same minute: the later key is the newer.
    return sorted(notes, key=lambda n: (n.at, int(n.key[2:])), reverse=True)


def _text_of(note: Note) -> str:
    return "\n".join([note.key, note.kind, note.text, *note.links]).casefold()

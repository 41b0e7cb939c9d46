"""Context notes: signals, bets, questions and debates, linked to items."""

from typing import Literal

from events.base import Event, Keys

NoteKind = Literal["signal", "bet", "question", "debate", "must-say", "position"]
NOTE_KINDS: tuple[str, ...] = NoteKind.__args__


class NoteLogged(Event, frozen=True, kw_only=True, tag="note.logged"):
    kind: NoteKind
    text: str
    links: Keys = ()


NoteEvent = NoteLogged

"""A context note: logged once, linked to the items it speaks about."""

from domain.item import Item
from events import Event, NoteLogged


class Note(Item):
    noun = "note"
    created_by = NoteLogged

    def check(self, event: Event) -> None:
        pass

    def apply(self, event: Event) -> None:
        pass

"""A ritual of the operating rhythm: held on its cadence until it is retired."""

from domain.errors import NoChange, RitualAlreadyRetired
from domain.item import Item
from events import Event, RitualCadenceChanged, RitualEstablished, RitualHeld, RitualRetired


class Ritual(Item):
    noun = "ritual"
    created_by = RitualEstablished

    def __init__(self, key: str):
        super().__init__(key)
        self.name = ""
        self.cadence = "weekly"
        self.retired_reason: str | None = None

    def check(self, event: Event) -> None:
        if not isinstance(event, RitualEstablished) and self.retired_reason is not None:
            raise RitualAlreadyRetired(
                f"{self.key} ({self.name}) was retired ({self.retired_reason}); "
                "establish a new ritual if the meeting is back."
            )
        match event:
            case RitualCadenceChanged(cadence=cadence) if cadence == self.cadence:
                raise NoChange(f"{self.key} is already {cadence}.")

    def apply(self, event: Event) -> None:
        match event:
            case RitualEstablished(name=name, cadence=cadence):
                self.name, self.cadence = name, cadence
            case RitualCadenceChanged(cadence=cadence):
                self.cadence = cadence
            case RitualRetired(reason=reason):
                self.retired_reason = reason
            case RitualHeld():
                pass

"""An action item: owed by someone by a date, until completed or dropped."""

from domain.errors import ActionAlreadyClosed
from domain.item import Item
from events import ActionAssigned, ActionCompleted, ActionDropped, Event


class Action(Item):
    noun = "action"
    created_by = ActionAssigned

    def __init__(self, key: str):
        super().__init__(key)
        self.title = ""
        self.closed_as: str | None = None

    def check(self, event: Event) -> None:
        match event:
            case ActionCompleted() | ActionDropped() if self.closed_as is not None:
                raise ActionAlreadyClosed(
                    f"{self.key} ({self.title}) was already {self.closed_as}; "
                    "assign a new action if more is needed."
                )

    def apply(self, event: Event) -> None:
        match event:
            case ActionAssigned(title=title):
                self.title = title
            case ActionCompleted():
                self.closed_as = "completed"
            case ActionDropped():
                self.closed_as = "dropped"

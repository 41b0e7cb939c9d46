"""A workstream: who owns it, how it is going, whether it is escalated or closed."""

from domain.errors import (
    AlreadyEscalated,
    NoChange,
    NotEscalated,
    WorkstreamAlreadyClosed,
)
from domain.item import Item
from events import (
    Event,
    WorkstreamClosed,
    WorkstreamDeescalated,
    WorkstreamEscalated,
    WorkstreamNextDecisionPointSet,
    WorkstreamOpened,
    WorkstreamOwnerChanged,
    WorkstreamStatusReported,
)


class Workstream(Item):
    noun = "workstream"
    created_by = WorkstreamOpened

    def __init__(self, key: str):
        super().__init__(key)
        self.title = ""
        self.owner = ""
        self.state = "on_track"
        self.escalated_to: str | None = None
        self.closed = False

    def check(self, event: Event) -> None:
        if not isinstance(event, WorkstreamOpened):
            self.check_not_closed()
        match event:
            case WorkstreamOwnerChanged(owner=owner) if owner == self.owner:
                raise NoChange(f"{self.key} is already owned by {owner}.")
            case WorkstreamEscalated(to=to) if self.escalated_to == to:
                raise AlreadyEscalated(
                    f"{self.key} is already escalated to {to}; "
                    "de-escalate it first, or escalate to someone else."
                )
            case WorkstreamDeescalated() if self.escalated_to is None:
                raise NotEscalated(f"{self.key} is not escalated, so it cannot be de-escalated.")

    def check_not_closed(self) -> None:
        if self.closed:
            raise WorkstreamAlreadyClosed(
                f"{self.key} ({self.title}) is closed; nothing more can be recorded on it. "
                "Open a new workstream for further work."
            )

    def check_takes_new_items(self, noun: str) -> None:
        if self.closed:
            raise WorkstreamAlreadyClosed(
                f"{self.key} ({self.title}) is closed and takes no new {noun}s. "
                "Raise it on an open workstream."
            )

    def apply(self, event: Event) -> None:
        match event:
            case WorkstreamOpened(title=title, owner=owner):
                self.title, self.owner = title, owner
            case WorkstreamOwnerChanged(owner=owner):
                self.owner = owner
            case WorkstreamStatusReported(state=state):
                self.state = state
            case WorkstreamEscalated(to=to):
                self.escalated_to = to
            case WorkstreamDeescalated():
                self.escalated_to = None
            case WorkstreamClosed():
                self.closed = True
            case WorkstreamNextDecisionPointSet():
                pass

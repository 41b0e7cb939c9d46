"""A blocker: raised on a workstream, escalated, resolved, sometimes reopened."""

from domain.errors import BlockerAlreadyResolved, BlockerNotResolved, NoChange, NotEscalated
from domain.item import Item
from events import (
    BlockerDeescalated,
    BlockerEscalated,
    BlockerRaised,
    BlockerReassigned,
    BlockerReopened,
    BlockerResolved,
    BlockerSeverityChanged,
    Event,
)


class Blocker(Item):
    noun = "blocker"
    created_by = BlockerRaised

    def __init__(self, key: str):
        super().__init__(key)
        self.title = ""
        self.workstream = ""
        self.severity = "medium"
        self.owner = ""
        self.escalated_to: str | None = None
        self.resolved_at = None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None

    def check(self, event: Event) -> None:
        match event:
            case BlockerResolved():
                self.check_open("resolve")
            case BlockerReopened():
                if not self.resolved:
                    raise BlockerNotResolved(f"{self.key} is open, so there is nothing to reopen.")
            case BlockerSeverityChanged(severity=severity):
                self.check_open("change the severity of")
                if severity == self.severity:
                    raise NoChange(f"{self.key} is already {severity}.")
            case BlockerReassigned(owner=owner):
                self.check_open("reassign")
                if owner == self.owner:
                    raise NoChange(f"{self.key} is already owned by {owner}.")
            case BlockerEscalated(to=to):
                self.check_open("escalate")
                if to == self.escalated_to:
                    raise NoChange(f"{self.key} is already escalated to {to}.")
            case BlockerDeescalated():
                self.check_open("de-escalate")
                if self.escalated_to is None:
                    raise NotEscalated(
                        f"{self.key} is not escalated, so it cannot be de-escalated."
                    )

    def check_open(self, verb: str) -> None:
        if self.resolved:
            raise BlockerAlreadyResolved(
                f"{self.key} was already resolved on {self.resolved_at:%Y-%m-%d}; to {verb} "
                f"it, reopen it first: staffdeck blocker reopen {self.key} --why TEXT"
            )

    def apply(self, event: Event) -> None:
        match event:
            case BlockerRaised(title=title, workstream=ws, severity=severity, owner=owner):
                self.title, self.workstream = title, ws
                self.severity, self.owner = severity, owner
            case BlockerSeverityChanged(severity=severity):
                self.severity = severity
            case BlockerReassigned(owner=owner):
                self.owner = owner
            case BlockerEscalated(to=to):
                self.escalated_to = to
            case BlockerDeescalated():
                self.escalated_to = None
            case BlockerResolved(at=at):
                self.resolved_at = at
            case BlockerReopened():
                # A reopened blocker starts a fresh escalation clock.
                self.resolved_at, self.escalated_to = None, None

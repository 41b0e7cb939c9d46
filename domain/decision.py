"""A decision: raised, made, deferred, reopened; superseded or withdrawn for good."""

from domain.errors import DecisionAlreadyMade, DecisionClosed, DecisionNotMade, InvalidInput
from domain.item import Item
from events import (
    DecisionDeferred,
    DecisionMade,
    DecisionOptionAdded,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
)


class Decision(Item):
    noun = "decision"
    created_by = DecisionRaised

    def __init__(self, key: str):
        super().__init__(key)
        self.question = ""
        self.workstream = ""
        self.options: list[str] = []
        self.deciders: tuple[str, ...] = ()
        self.status = "open"
        self.decided_at = None
        self.superseded_by: str | None = None

    def check(self, event: Event) -> None:
        match event:
            case DecisionRaised():
                pass
            case DecisionOptionAdded(option=option):
                self.check_undecided("add an option to")
                if option in self.options:
                    raise InvalidInput(f"{self.key} already has the option {option!r}.")
            case DecisionMade(rejected=rejected):
                self.check_undecided("make")
                for alternative in rejected:
                    if not (alternative.option.strip() and alternative.grounds.strip()):
                        raise InvalidInput(
                            "Each rejected alternative needs the option and its grounds "
                            '("OPTION: GROUNDS").'
                        )
            case DecisionDeferred(until=until, at=at):
                self.check_undecided("defer")
                if until < at.date():
                    raise InvalidInput(
                        f"{self.key} cannot be deferred until {until}, which is already past."
                    )
            case DecisionWithdrawn():
                self.check_undecided("withdraw")
            case DecisionReopened():
                self.check_not_closed()
                if self.status != "decided":
                    raise DecisionNotMade(
                        f"{self.key} is {self.status}, not decided, so there is nothing to reopen."
                    )
            case DecisionSuperseded(by=by):
                self.check_not_closed()
                if by == self.key:
                    raise InvalidInput(f"{self.key} cannot supersede itself.")

    def check_not_closed(self) -> None:
        if self.status in ("withdrawn", "superseded"):
            detail = f" by {self.superseded_by}" if self.superseded_by else ""
            raise DecisionClosed(
                f"{self.key} was {self.status}{detail} and is closed; raise a new decision instead."
            )

    def check_undecided(self, verb: str) -> None:
        self.check_not_closed()
        if self.status == "decided":
            raise DecisionAlreadyMade(
                f"{self.key} was already decided on {self.decided_at:%Y-%m-%d}; to {verb} it "
                f"again, reopen it first: staffdeck decision reopen {self.key} --why TEXT"
            )

    def apply(self, event: Event) -> None:
        match event:
            case DecisionRaised(question=q, workstream=ws, options=options, deciders=deciders):
                self.question, self.workstream = q, ws
                self.options, self.deciders = list(options), deciders
            case DecisionOptionAdded(option=option):
                self.options.append(option)
            case DecisionMade(at=at):
                self.status, self.decided_at = "decided", at
            case DecisionDeferred():
                self.status = "deferred"
            case DecisionReopened():
                self.status = "reopened"
            case DecisionSuperseded(by=by):
                self.status, self.superseded_by = "superseded", by
            case DecisionWithdrawn():
                self.status = "withdrawn"

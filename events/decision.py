"""Decision events: from a question raised to a choice made, reopened or closed."""

import msgspec

from events.base import Day, Event, Names


class RejectedAlternative(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    option: str
    grounds: str


class DecisionRaised(Event, frozen=True, kw_only=True, tag="decision.raised"):
    question: str
    workstream: str
    owner: str
    problem: str = ""
    context: str = ""
    options: Names = ()
    deciders: Names = ()
    due: Day | None = None


class DecisionOptionAdded(Event, frozen=True, kw_only=True, tag="decision.option_added"):
    option: str


class DecisionMade(Event, frozen=True, kw_only=True, tag="decision.made"):
    choice: str
    reasoning: str
    rejected: tuple[RejectedAlternative, ...] = ()
    expected: str = ""
    reopen_conditions: Names = ()
    review_by: Day | None = None
    decided_by: Names = ()


class DecisionDeferred(Event, frozen=True, kw_only=True, tag="decision.deferred"):
    until: Day
    why: str


class DecisionReopened(Event, frozen=True, kw_only=True, tag="decision.reopened"):
    why: str
    condition: str = ""


class DecisionSuperseded(Event, frozen=True, kw_only=True, tag="decision.superseded"):
    by: str


class DecisionWithdrawn(Event, frozen=True, kw_only=True, tag="decision.withdrawn"):
    why: str


DecisionEvent = (
    DecisionRaised
    | DecisionOptionAdded
    | DecisionMade
    | DecisionDeferred
    | DecisionReopened
    | DecisionSuperseded
    | DecisionWithdrawn
)

"""Decision events: from a question raised to a choice made, reopened or closed."""

import msgspec

from events.base import Day, Event, Names, schema_version
from events.upcasting import Fields, upcaster


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
    # Added after the first schema, with a default: older lines simply have none.
    intent: str = ""  # the strategic intent: what the decision is in service of


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
    """`conditions`: each of the decision's reopen conditions that came true (none
    when it is reopened for another reason). Version 1 had room for one, as free
    text in `condition`; more than one can come true at once."""

    v: schema_version(2) = 2
    why: str
    conditions: Names = ()


@upcaster("decision.reopened", from_version=1)
def _one_condition_becomes_a_list(fields: Fields) -> Fields:
    condition = fields.pop("condition", "")
    fields["conditions"] = [] if condition == "" else [condition]
    return fields


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

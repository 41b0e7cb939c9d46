"""Decision memory: every decision's whole record and history, searchable."""

from collections.abc import Iterable
from datetime import date, datetime

import msgspec
from msgspec.structs import replace

from events import (
    AnyEvent,
    DecisionDeferred,
    DecisionMade,
    DecisionOptionAdded,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
    RejectedAlternative,
)

OPEN_STATUSES = frozenset({"open", "deferred", "reopened"})


class DecisionRecord(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    question: str
    workstream: str
    owner: str
    status: str  # open | deferred | reopened | decided | superseded | withdrawn
    raised_at: datetime
    due: date | None = None
    problem: str = ""
    context: str = ""
    intent: str = ""
    options: tuple[str, ...] = ()
    deciders: tuple[str, ...] = ()
    choice: str = ""
    reasoning: str = ""
    rejected: tuple[RejectedAlternative, ...] = ()
    expected: str = ""
    reopen_conditions: tuple[str, ...] = ()
    review_by: date | None = None
    decided_by: tuple[str, ...] = ()
    decided_at: datetime | None = None
    reopened_count: int = 0
    superseded_by: str | None = None
    supersedes: tuple[str, ...] = ()
    closed_why: str = ""
    history: tuple[AnyEvent, ...] = ()  # typed in full, so a saved present decodes it

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class LogRow(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A decision as the log lists it."""

    key: str
    question: str
    workstream: str
    owner: str
    status: str
    decided_at: datetime | None
    review_by: date | None
    superseded_by: str | None
    review_due: bool  # decided, and its review-by date has come


def log_rows(records: Iterable[DecisionRecord], today: date) -> list[LogRow]:
    return [
        LogRow(
            key=r.key,
            question=r.question,
            workstream=r.workstream,
            owner=r.owner,
            status=r.status,
            decided_at=r.decided_at,
            review_by=r.review_by,
            superseded_by=r.superseded_by,
            review_due=review_due(r, today),
        )
        for r in records
    ]


def review_order(review_by: date, key: str) -> int:
    """Reviews in date order, those due the same day in key order, as one int:
    the queue sorts thousands of them on every time-travel key."""
    number = key.rpartition("-")[2]
    return review_by.toordinal() << 32 | (int(number) if number.isdigit() else 0)


def reviews_due_by(today: date) -> int:
    """The `review_order` every review due by `today` is below."""
    return (today.toordinal() + 1) << 32


def review_due(record: DecisionRecord, today: date) -> bool:
    """Decided, and its review-by date has come."""
    return record.status == "decided" and record.review_by is not None and record.review_by <= today


class DecisionLog:
    """Folds decision events into one record per decision."""

    handles = (
        DecisionRaised,
        DecisionOptionAdded,
        DecisionMade,
        DecisionDeferred,
        DecisionReopened,
        DecisionSuperseded,
        DecisionWithdrawn,
    )

    def __init__(self, snapshot: tuple | dict[str, DecisionRecord] | None = None):
        # Indexes kept as the fold goes, so that the queue reads the decisions it
        # shows, not every one ever raised: the open ones' keys, and the decided
        # ones with a review-by date, each with its place in the order of reviews.
        if isinstance(snapshot, tuple):
            self.decisions, self.open, self.reviews = snapshot
        else:  # records alone (a saved present): their indexes are built once
            self.decisions = snapshot if snapshot is not None else {}
            self.open, self.reviews = {}, {}
            for record in self.decisions.values():
                self._index(record)

    def snapshot(self) -> tuple[dict[str, DecisionRecord], dict[str, None], dict[str, int]]:
        return (self.decisions.copy(), self.open.copy(), self.reviews.copy())

    def _index(self, record: DecisionRecord) -> None:
        key = record.key
        if record.status in OPEN_STATUSES:
            self.open[key] = None
        else:
            self.open.pop(key, None)
        if record.status == "decided" and record.review_by is not None:
            self.reviews[key] = review_order(record.review_by, key)
        else:
            self.reviews.pop(key, None)

    def apply(self, event: Event) -> None:
        decisions = self.decisions
        if isinstance(event, DecisionRaised):
            decisions[event.key] = DecisionRecord(
                key=event.key,
                question=event.question,
                workstream=event.workstream,
                owner=event.owner,
                status="open",
                raised_at=event.at,
                due=event.due,
                problem=event.problem,
                context=event.context,
                intent=event.intent,
                options=event.options,
                deciders=event.deciders,
                history=(event,),
            )
            self.open[event.key] = None
            return
        record = decisions[event.key]
        history = record.history + (event,)
        # Cases in order of how often they come: the fold is the rebuild's hot loop.
        match event:
            case DecisionMade():
                record = replace(
                    record,
                    status="decided",
                    choice=event.choice,
                    reasoning=event.reasoning,
                    rejected=event.rejected,
                    expected=event.expected,
                    reopen_conditions=event.reopen_conditions,
                    review_by=event.review_by,
                    decided_by=event.decided_by,
                    decided_at=event.at,
                    history=history,
                )
            case DecisionOptionAdded():
                record = replace(record, options=record.options + (event.option,), history=history)
            case DecisionDeferred():
                record = replace(record, status="deferred", due=event.until, history=history)
            case DecisionWithdrawn():
                record = replace(record, status="withdrawn", closed_why=event.why, history=history)
            case DecisionReopened():
                record = replace(
                    record,
                    status="reopened",
                    reopened_count=record.reopened_count + 1,
                    history=history,
                )
            case DecisionSuperseded():
                by = event.by
                record = replace(record, status="superseded", superseded_by=by, history=history)
                # Linked both ways: the newer decision knows what it replaced.
                newer = decisions[by]
                decisions[by] = replace(
                    newer,
                    supersedes=newer.supersedes + (event.key,),
                    history=newer.history + (event,),
                )
        decisions[event.key] = record
        self._index(record)

    def search(self, words: str) -> list[DecisionRecord]:
        """Decisions whose fields contain every word (case-insensitive), newest first."""
        terms = words.casefold().split()
        found = [r for r in self.decisions.values() if all(t in _text_of(r) for t in terms)]
        return sorted(found, key=lambda r: r.raised_at, reverse=True)


def _text_of(record: DecisionRecord) -> str:
    parts = [
        record.key,
        record.question,
        record.workstream,
        record.owner,
        record.status,
        record.problem,
        record.context,
        record.choice,
        record.reasoning,
        record.expected,
        record.closed_why,
        *record.options,
        *record.deciders,
        *record.decided_by,
        *record.reopen_conditions,
    ]
    for alternative in record.rejected:
        parts += [alternative.option, alternative.grounds]
    # Earlier rounds too: what was chosen or rejected before a reopening still counts.
    for event in record.history:
        for value in msgspec.structs.astuple(event):
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, tuple):
                for item in value:
                    if isinstance(item, RejectedAlternative):
                        parts += [item.option, item.grounds]
                    elif isinstance(item, str):
                        parts.append(item)
    return "\n".join(parts).casefold()

"""The decision queue: what is waiting to be decided, most urgent first."""

import functools
from collections.abc import Iterator, Sequence
from datetime import date, datetime

import msgspec

from projections.decision_log import DecisionLog, DecisionRecord, reviews_due_by


class QueueRow(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    question: str
    workstream: str
    owner: str
    status: str  # open | deferred | reopened | review due
    due: date | None
    days_open: int
    overdue: bool
    review_due: bool
    reopened: bool


class QueueRows(Sequence[QueueRow]):
    """The queue's rows, each built the first time it is read.

    The dashboard asks for the queue on every time-travel key and shows the
    forty rows on screen of thousands (most of them reviews come due), so
    building every row would be most of the key's time."""

    def __init__(self, records: list[DecisionRecord], reviews: int, now: datetime):
        self._records, self._first_review, self._now = records, len(records) - reviews, now
        self._built: dict[int, QueueRow] = {}

    @functools.cached_property
    def keys(self) -> list[str]:
        return [record.key for record in self._records]

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # negative indices, and IndexError past the end
        if (row := self._built.get(index)) is None:
            row = self._built[index] = _row(
                self._records[index], self._now, index >= self._first_review
            )
        return row

    def __iter__(self) -> Iterator[QueueRow]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __repr__(self) -> str:
        return f"QueueRows({list(self)!r})"


def decision_queue(log: DecisionLog, now: datetime) -> QueueRows:
    """Open decisions, overdue first then by due date (none last); then decided
    ones whose review-by date has passed, as "review due"."""
    today = now.date()
    records = log.decisions
    # Records are sorted before any row is built, and rows are built as they are read.
    waiting = [records[key] for key in log.open]

    def urgency(record: DecisionRecord) -> tuple:
        due = record.due
        overdue = due is not None and due < today
        return (not overdue, due is None, due or date.max, record.key)

    waiting.sort(key=urgency)
    # Waiting decisions come before reminders to review settled ones.
    by, order = reviews_due_by(today), log.reviews
    due = [key for key, place in order.items() if place < by]
    due.sort(key=order.__getitem__)
    reviews = [records[key] for key in due]
    return QueueRows(waiting + reviews, len(reviews), now)


def _row(record: DecisionRecord, now: datetime, review_due: bool) -> QueueRow:
    due = record.review_by if review_due else record.due
    return QueueRow(
        key=record.key,
        question=record.question,
        workstream=record.workstream,
        owner=record.owner,
        status="review due" if review_due else record.status,
        due=due,
        days_open=(now - record.raised_at).days,
        overdue=not review_due and due is not None and due < now.date(),
        review_due=review_due,
        reopened=record.reopened_count > 0,
    )

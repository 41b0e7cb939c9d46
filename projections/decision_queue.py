"""The decision queue: what is waiting to be decided, most urgent first."""

from datetime import date, datetime

import msgspec

from projections.decision_log import OPEN_STATUSES, DecisionLog, DecisionRecord


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


def decision_queue(log: DecisionLog, now: datetime) -> list[QueueRow]:
    """Open decisions, overdue first then by due date (none last); then decided
    ones whose review-by date has passed, as "review due"."""
    today = now.date()
    waiting: list[DecisionRecord] = []
    reviews: list[DecisionRecord] = []
    # The dashboard asks this on every key: records are sorted before any row is built.
    for record in log.decisions.values():
        status = record.status
        if status in OPEN_STATUSES:
            waiting.append(record)
        elif status == "decided" and record.review_by is not None and record.review_by <= today:
            reviews.append(record)

    def urgency(record: DecisionRecord) -> tuple:
        due = record.due
        overdue = due is not None and due < today
        return (not overdue, due is None, due or date.max, record.key)

    waiting.sort(key=urgency)
    reviews.sort(key=_review_order)
    return [_row(record, now, today, review_due=False) for record in waiting] + [
        _row(record, now, today, review_due=True) for record in reviews
    ]


def _row(record: DecisionRecord, now: datetime, today: date, *, review_due: bool) -> QueueRow:
    due = record.review_by if review_due else record.due
    return QueueRow(
        key=record.key,
        question=record.question,
        workstream=record.workstream,
        owner=record.owner,
        status="review due" if review_due else record.status,
        due=due,
        days_open=(now - record.raised_at).days,
        overdue=not review_due and due is not None and due < today,
        review_due=review_due,
        reopened=record.reopened_count > 0,
    )


def _review_order(record: DecisionRecord) -> tuple:
    # Waiting decisions come before reminders to review settled ones.
    return (record.review_by, record.key)

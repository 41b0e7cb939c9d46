"""The decision queue: what is waiting to be decided, most urgent first."""

from datetime import date, datetime

import msgspec

from projections.decision_log import DecisionLog


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
    rows = []
    for record in log.decisions.values():
        if record.is_open:
            due = record.due
            review_due = False
        elif record.status == "decided" and record.review_by and record.review_by <= today:
            due = record.review_by
            review_due = True
        else:
            continue
        rows.append(
            QueueRow(
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
        )
    rows.sort(key=_urgency)
    return rows


def _urgency(row: QueueRow) -> tuple:
    # Waiting decisions come before reminders to review settled ones.
    return (row.review_due, not row.overdue, row.due is None, row.due or date.max, row.key)

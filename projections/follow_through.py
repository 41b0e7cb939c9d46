"""Follow-through: the actions owed, which have slipped, and how many get done."""

from datetime import date, datetime

import msgspec
from msgspec.structs import replace

from events import ActionAssigned, ActionCompleted, ActionDropped, Event


class ActionState(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    title: str
    owner: str
    due: date
    source: str | None
    assigned_at: datetime
    status: str = "open"  # open | completed | dropped
    closed_at: datetime | None = None
    closing_note: str = ""


class ActionRow(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    title: str
    owner: str
    due: date
    source: str | None
    status: str
    slipped: bool
    days_overdue: int


class FollowThroughSummary(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    open: int
    slipped: int
    completed: int
    dropped: int
    # Of the actions whose fate is known or late, the share completed.
    completion_rate: float | None


class Actions:
    handles = (ActionAssigned, ActionCompleted, ActionDropped)

    def __init__(self, actions: dict[str, ActionState] | None = None):
        self.actions = actions if actions is not None else {}

    def snapshot(self) -> dict[str, ActionState]:
        return self.actions.copy()

    def apply(self, event: Event) -> None:
        actions = self.actions
        match event:
            case ActionAssigned():
                actions[event.key] = ActionState(
                    key=event.key,
                    title=event.title,
                    owner=event.owner,
                    due=event.due,
                    source=event.source,
                    assigned_at=event.at,
                )
            case ActionCompleted():
                actions[event.key] = replace(
                    actions[event.key],
                    status="completed",
                    closed_at=event.at,
                    closing_note=event.note,
                )
            case ActionDropped():
                actions[event.key] = replace(
                    actions[event.key], status="dropped", closed_at=event.at, closing_note=event.why
                )


def open_actions(actions: Actions, now: datetime) -> list[ActionRow]:
    """Open actions, slipped first (most overdue first), then by due date."""
    today = now.date()
    rows = [
        ActionRow(
            key=a.key,
            title=a.title,
            owner=a.owner,
            due=a.due,
            source=a.source,
            status=a.status,
            slipped=a.due < today,
            days_overdue=max(0, (today - a.due).days),
        )
        for a in actions.actions.values()
        if a.status == "open"
    ]
    rows.sort(key=lambda r: (not r.slipped, r.due, r.key))
    return rows


def summary(actions: Actions, now: datetime) -> FollowThroughSummary:
    today = now.date()
    counts = {"open": 0, "slipped": 0, "completed": 0, "dropped": 0}
    for action in actions.actions.values():
        counts[action.status] += 1
        if action.status == "open" and action.due < today:
            counts["slipped"] += 1
    judged = counts["completed"] + counts["dropped"] + counts["slipped"]
    rate = counts["completed"] / judged if judged else None
    return FollowThroughSummary(completion_rate=rate, **counts)

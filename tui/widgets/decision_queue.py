"""The decision queue pane: open decisions, most urgent first."""

from datetime import datetime

from rich.text import Text
from textual.binding import Binding

from projections.read_models import ReadModels
from tui.look import Look, plain
from tui.widgets.pane import MAX_ROWS, Pane, Row, day


class DecisionQueuePane(Pane):
    COLUMNS = (
        ("Key", 6, 0),
        ("Question", None, 0),
        ("WS", 5, 5),
        ("Owner", 14, 2),
        ("Status", 10, 3),
        ("Due", 10, 0),
        ("Open", 5, 4),
        ("Flags", 16, 1),
    )
    BINDINGS = [Binding("w", "screen.when_decided", "As known when decided")]

    def __init__(self):
        super().__init__("2 Decisions", id="decisions")


def decision_rows(models: ReadModels, now: datetime, look: Look) -> tuple[list[Row], int]:
    """The first MAX_ROWS rows, drawn; and how many there are in all."""
    rows = []
    found = models.decision_queue(now)
    for r in found[:MAX_ROWS]:
        flags = Text()
        if r.overdue:
            flags.append("OVERDUE ", style=look.alarm)
        if r.review_due:
            flags.append("REVIEW ", style=look.warn)
        if r.reopened:
            flags.append("REOPENED", style=look.warn)
        due = day(r.due)
        if r.overdue:
            due.stylize(look.bad)
        rows.append(
            (
                r.key,
                [
                    plain(r.key),
                    plain(r.question),
                    plain(r.workstream),
                    plain(r.owner),
                    plain(r.status),
                    due,
                    plain(f"{r.days_open}d"),
                    flags,
                ],
            )
        )
    return rows, len(found)

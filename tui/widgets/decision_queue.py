"""The decision queue pane: open decisions, most urgent first."""

from rich.text import Text
from textual.binding import Binding

from projections.decision_queue import QueueRow
from tui.actions import bindings
from tui.look import Look, plain
from tui.widgets.pane import Pane, day


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
    BINDINGS = [
        *bindings("decisions"),
        Binding("w", "screen.when_decided", "As known when decided"),
    ]

    def __init__(self):
        super().__init__("2 Decisions", id="decisions")

    def cells(self, r: QueueRow, look: Look) -> list[Text]:
        flags = Text()
        if r.overdue:
            flags.append("OVERDUE ", style=look.alarm)
        if r.review_due:
            flags.append("REVIEW ", style=look.warn)
        if r.reopened:
            flags.append("REOPENED", style=look.warn)
        return [
            plain(r.key),
            plain(r.question),
            plain(r.workstream),
            plain(r.owner),
            plain(r.status),
            Text(r.due.isoformat(), style=look.bad) if r.overdue else day(r.due),
            plain(f"{r.days_open}d"),
            flags,
        ]

"""The workstream map pane: one line per open workstream."""

from datetime import datetime

from rich.text import Text

from projections.read_models import ReadModels
from tui.look import Look, plain
from tui.widgets.pane import MAX_ROWS, Pane, Row, day


class WorkstreamMapPane(Pane):
    COLUMNS = (
        ("Key", 6, 0),
        ("Workstream", None, 0),
        ("Owner", 14, 2),
        ("State", 12, 0),
        ("Next decision", 13, 4),
        ("Top blocker", 16, 1),
        ("Escalated", 12, 5),
        ("Updated", 9, 3),
    )

    def __init__(self):
        super().__init__("1 Workstreams", id="workstreams")


def workstream_rows(models: ReadModels, now: datetime, look: Look) -> tuple[list[Row], int]:
    """The first MAX_ROWS rows, drawn; and how many there are in all."""
    rows = []
    found = models.workstream_map(now)
    for r in found[:MAX_ROWS]:
        top = Text()
        if r.top_blocker:
            top.append(r.top_blocker + " ")
            top.append_text(look.severity(r.top_blocker_severity or ""))
        updated = Text(f"{r.days_since_update}d ago")
        if r.stale:
            updated = Text(f"{r.days_since_update}d STALE", style=look.warn)
        escalated = Text(f"↑ {r.escalated_to}", style=look.bad) if r.escalated else Text("")
        rows.append(
            (
                r.key,
                [
                    plain(r.key),
                    plain(r.title),
                    plain(r.owner),
                    look.state(r.state),
                    day(r.next_decision_on),
                    top,
                    escalated,
                    updated,
                ],
            )
        )
    return rows, len(found)

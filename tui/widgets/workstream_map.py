"""The workstream map pane: one line per open workstream."""

from rich.text import Text

from projections.workstream_map import MapRow
from tui.actions import bindings
from tui.look import Look, plain
from tui.visible import visible
from tui.widgets.pane import Pane, day


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

    BINDINGS = bindings("workstreams")

    def __init__(self):
        super().__init__("1 Workstreams", id="workstreams")

    def cells(self, r: MapRow, look: Look) -> list[Text]:
        top = Text()
        if r.top_blocker:
            top.append(r.top_blocker + " ")
            top.append_text(look.severity(r.top_blocker_severity or ""))
        if r.stale:
            updated = Text(f"{r.days_since_update}d STALE", style=look.warn)
        else:
            updated = Text(f"{r.days_since_update}d ago")
        return [
            plain(r.key),
            plain(r.title),
            plain(r.owner),
            look.state(r.state),
            day(r.next_decision_on),
            top,
            Text("↑ " + visible(r.escalated_to or ""), style=look.bad) if r.escalated else Text(""),
            updated,
        ]

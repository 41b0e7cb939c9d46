"""The blocker radar pane: open blockers by severity and age."""

from collections import Counter

from rich.text import Text

from projections.blocker_radar import SEVERITY_RANK, RadarRow
from tui.actions import bindings
from tui.look import Look, plain
from tui.visible import visible
from tui.widgets.pane import Pane


class BlockerRadarPane(Pane):
    COLUMNS = (
        ("Key", 6, 0),
        ("Blocker", None, 0),
        ("WS", 5, 3),
        ("Owner", 14, 2),
        ("Severity", 11, 0),
        ("Age", 5, 1),
        ("Escalation", 12, 1),
    )

    BINDINGS = bindings("blockers")

    def __init__(self):
        super().__init__("3 Blockers", id="blockers")

    def cells(self, r: RadarRow, look: Look) -> list[Text]:
        if r.escalation_due:
            escalation = Text("⚠ ESCALATE", style=look.alarm)
        elif r.escalated:
            escalation = Text("↑ " + visible(r.escalated_to or ""), style=look.warn)
        else:
            escalation = Text("")
        return [
            plain(r.key),
            plain(r.title),
            plain(r.workstream),
            plain(r.owner),
            look.severity(r.severity),
            Text(f"{r.age_days}d", style=look.bad if r.past_threshold else ""),
            escalation,
        ]


def radar_picture(radar: list[RadarRow], look: Look) -> Text:
    """The radar in one line: how many open at each severity, and how many to escalate."""
    counts = Counter(r.severity for r in radar)
    parts = [
        look.severity(severity) + Text(f" {counts[severity]}")
        for severity in sorted(counts, key=SEVERITY_RANK.__getitem__)
    ]
    if due := sum(r.escalation_due for r in radar):
        parts.append(Text(f"⚠ {due} to escalate", style=look.alarm))
    return Text(" · ").join(parts)

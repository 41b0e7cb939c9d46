"""The blocker radar pane: open blockers by severity and age."""

from collections import Counter
from datetime import datetime

from rich.text import Text

from projections.blocker_radar import SEVERITY_RANK
from projections.read_models import ReadModels
from tui.look import Look, plain
from tui.widgets.pane import MAX_ROWS, Pane, Row


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

    def __init__(self):
        super().__init__("3 Blockers", id="blockers")


def blocker_rows(models: ReadModels, now: datetime, look: Look) -> tuple[list[Row], int, Text]:
    """The first MAX_ROWS rows, drawn; how many there are in all; and the radar's
    one-line picture: how many at each severity."""
    rows = []
    radar = models.blocker_radar(now)
    for r in radar[:MAX_ROWS]:
        if r.escalation_due:
            escalation = Text("⚠ ESCALATE", style=look.alarm)
        elif r.escalated:
            escalation = Text(f"↑ {r.escalated_to}", style=look.warn)
        else:
            escalation = Text("")
        age = Text(f"{r.age_days}d", style=look.bad if r.past_threshold else "")
        rows.append(
            (
                r.key,
                [
                    plain(r.key),
                    plain(r.title),
                    plain(r.workstream),
                    plain(r.owner),
                    look.severity(r.severity),
                    age,
                    escalation,
                ],
            )
        )
    counts = Counter(r.severity for r in radar)
    parts = [
        look.severity(severity) + Text(f" {counts[severity]}")
        for severity in sorted(counts, key=SEVERITY_RANK.__getitem__)
    ]
    if due := sum(r.escalation_due for r in radar):
        parts.append(Text(f"⚠ {due} to escalate", style=look.alarm))
    picture = Text(" · ").join(parts)
    return rows, len(radar), picture

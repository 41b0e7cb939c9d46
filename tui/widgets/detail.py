"""The detail pane: the selected item's whole record and history, then the
latest events across the store."""

from datetime import datetime

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from events import Event
from projections.read_models import ReadModels
from projections.timeline import describe
from tui.look import Look

LATEST = 10
HISTORY = 20  # an item's latest events; the CLI's `log KEY` has them all


class DetailPane(VerticalScroll, can_focus=True):
    def __init__(self):
        super().__init__(id="detail", classes="pane")
        self.border_title = "4 Detail"
        self._body: Text | None = None

    def compose(self):
        yield Static(id="detail-body")

    def show(self, body: Text) -> None:
        # Unchanged, it is not laid out and wrapped again (a time step often leaves it).
        if body != self._body:
            self._body = body
            self.query_one("#detail-body", Static).update(body)


def when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def detail_of(key: str | None, models: ReadModels, history: list[Event], look: Look) -> Text:
    parts: list[Text] = []
    if key:
        parts += _record(key, models, look)
        parts.append(Text("\nHistory", style="bold underline"))
        if len(history) > HISTORY:
            parts.append(Text(f"… {len(history) - HISTORY:,} earlier events: staffdeck log {key}"))
        for event in history[-HISTORY:]:
            line = Text(f"{when(event.at)}  ", style=look.muted)
            line.append(f"{event.actor}  ", style=look.muted)
            line.append(describe(event))
            parts.append(line)
        parts.append(Text(""))
    parts.append(Text("Latest events", style="bold underline"))
    for row in models.latest(LATEST):
        line = Text(f"{when(row.at)}  ", style=look.muted)
        line.append(f"{row.key}  ", style="bold")
        line.append(row.text)
        parts.append(line)
    return Text("\n").join(parts)


def _record(key: str, models: ReadModels, look: Look) -> list[Text]:
    return [line for line in _fields(key, models, look) if line is not None]


def _fields(key: str, models: ReadModels, look: Look) -> list[Text | None]:
    def field(label: str, value) -> Text | None:
        if value is None or value == "":
            return None  # nothing recorded: no empty line
        line = Text(f"{label}: ", style="bold")
        if isinstance(value, Text):
            line.append_text(value)
        else:
            line.append(str(value))
        return line

    def items(label: str, values) -> list[Text]:
        return [field(label, "; ".join(str(v) for v in values))]

    if record := models.workstreams.workstreams.get(key):
        return [
            Text(f"{key}  {record.title}", style="bold"),
            field("Owner", record.owner),
            field("State", look.state(record.state)),
            field("Objective", record.objective),
            field("Latest note", record.note),
            field("Next decision", f"{record.next_decision_on or '—'} {record.next_decision_what}"),
            field("Escalated to", record.escalated_to or "—"),
            *items("Stakeholders", record.stakeholders),
        ]
    if record := models.decisions.decisions.get(key):
        lines = [
            Text(f"{key}  {record.question}", style="bold"),
            field("Status", record.status),
            field("Workstream", record.workstream),
            field("Owner", record.owner),
            field("Due", record.due or "—"),
            field("Problem", record.problem),
            field("Context", record.context),
            *items("Options", record.options),
            *items("Deciders", record.deciders),
        ]
        if record.choice:
            lines += [
                field("Choice", record.choice),
                field("Reasoning", record.reasoning),
                *[field("Rejected", f"{r.option} — {r.grounds}") for r in record.rejected],
                field("Expected", record.expected),
                *items("Reopen if", record.reopen_conditions),
                field("Review by", record.review_by or "—"),
                *items("Decided by", record.decided_by),
            ]
        if record.superseded_by:
            lines.append(field("Superseded by", record.superseded_by))
        lines += items("Supersedes", record.supersedes)
        if record.closed_why:
            lines.append(field("Why", record.closed_why))
        return lines
    if record := models.blockers.blockers.get(key):
        return [
            Text(f"{key}  {record.title}", style="bold"),
            field("Severity", look.severity(record.severity)),
            field("Workstream", record.workstream),
            field("Owner", record.owner),
            field("Raised", when(record.raised_at)),
            field("Needed by", record.needed_by or "—"),
            field("Depends on", record.depends_on or "—"),
            field("Escalated to", record.escalated_to or "—"),
            field("Resolved", f"{when(record.resolved_at)}: {record.resolution}")
            if record.resolved_at
            else field("Resolved", "no"),
        ]
    if record := models.rituals.rituals.get(key):
        return [
            Text(f"{key}  {record.name}", style="bold"),
            field("Cadence", record.cadence),
            field("Owner", record.owner),
            field("Purpose", record.purpose),
            field("Held", f"{len(record.occurrences)} times"),
            field("Retired", record.retired_reason or "no"),
            *items("Attendees", record.attendees),
        ]
    if record := models.actions.actions.get(key):
        return [
            Text(f"{key}  {record.title}", style="bold"),
            field("Owner", record.owner),
            field("Due", record.due),
            field("Status", record.status),
            field("From", record.source or "—"),
        ]
    return [Text(key, style="bold")]

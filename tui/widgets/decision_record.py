"""A decision's whole record in readable sections: the decision log's detail."""

from datetime import date

from rich.text import Text

from projections.decision_log import DecisionRecord, review_due
from projections.timeline import describe
from tui.look import Look, said
from tui.widgets.detail import when


def record_sections(record: DecisionRecord, today: date, look: Look) -> list[Text]:
    lines = [said(f"{record.key}  {record.question}", "bold")]
    status = Text(record.status)
    if review_due(record, today):
        status.append(f"  REVIEW DUE since {record.review_by}", style=look.warn)
    lines += [
        _field("Status", status),
        _field("Workstream", record.workstream),
        _field("Owner", record.owner),
        _field("Raised", when(record.raised_at)),
    ]
    if record.due:
        lines.append(_field("Due", record.due.isoformat()))
    if record.superseded_by:
        lines.append(_field("Superseded by", f"{record.superseded_by}  (> to follow)"))
    if record.supersedes:
        lines.append(_field("Supersedes", f"{', '.join(record.supersedes)}  (< to follow)"))

    _section(lines, "Problem / opportunity", [record.problem])
    _section(lines, "Context and user insight", [record.context])
    _section(lines, "Strategic intent", [record.intent])
    _section(lines, "Options", [f"• {option}" for option in record.options])
    choice = [f"Chose: {record.choice}"] if record.choice else []
    if record.decided_at:
        choice.append(f"Decided {when(record.decided_at)} by {', '.join(record.decided_by) or '—'}")
    _section(lines, "Choice and reasoning", [*choice, record.reasoning])
    _section(
        lines, "Rejected alternatives", [f"• {r.option}: {r.grounds}" for r in record.rejected]
    )
    _section(lines, "Expected result", [record.expected])
    _section(lines, "Reopen if", [f"• {condition}" for condition in record.reopen_conditions])
    _section(lines, "Review by", [record.review_by.isoformat() if record.review_by else ""])
    _section(lines, "Deciders", [", ".join(record.deciders)])
    _section(lines, "Why it was closed", [record.closed_why])
    lines += [Text(""), Text("History", style="bold underline")]
    for event in record.history:
        line = said(f"{when(event.at)}  {event.actor}  ", look.muted)
        line.append_text(said(describe(event)))
        lines.append(line)
    return lines


def _field(label: str, value: str | Text) -> Text:
    line = Text(f"{label}: ", style="bold")
    return line.append_text(value if isinstance(value, Text) else said(value))


def _section(lines: list[Text], title: str, body: list[str]) -> None:
    """A heading and its lines; nothing at all when nothing was recorded."""
    body = [line for line in body if line]
    if body:
        lines += [Text(""), Text(title, style="bold underline"), *(said(line) for line in body)]

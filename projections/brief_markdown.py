"""The principal's context brief as Markdown a principal reads without re-processing.

User text is data: every title, name and note goes through `md_text`, which
keeps it on one line and escapes what Markdown would read as structure, so a
title like `**x** | [a](b)` or `<script>` shows as typed.
"""

import re
from datetime import UTC, date, datetime

from projections.brief import Brief, Settled
from projections.context_notes import Note

KIND_HEADINGS = {
    "position": "Stakeholders' positions",
    "signal": "Customer signals",
    "bet": "Strategy bets",
    "question": "Open questions",
    "debate": "Debates",
}
CHANGE_HEADINGS = {
    "workstream": "Workstreams",
    "decision": "Decisions",
    "blocker": "Blockers",
    "ritual": "Rituals",
    "action": "Actions",
}
# Escaped wherever they stand: emphasis, code, links, HTML, table cells, headings;
# an underscore inside a word (on_track) cannot open emphasis and is left alone.
_INLINE = re.compile(r"[\\`*\[\]<|~#]|(?<![^\W_])_|_(?![^\W_])")
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "R&D" stays; "&amp;" would become "&"
# Escaped at the start only: what would open a list or a quote there.
_BLOCK = re.compile(r"^(\d+)([.)])|^([-+>])")


def md_text(text: str) -> str:
    """User text as inert inline Markdown: one line, structure escaped.

    Pipes and backslashes are escaped as the CLI's Markdown tables escape them
    (tui/cli/render.py md_cell); line breaks become spaces, as in the MADR export.
    """
    line = _ENTITY.sub(r"\\&", _INLINE.sub(lambda m: "\\" + m[0], " ".join(text.split())))
    return _BLOCK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", line)


def markdown(brief: Brief) -> str:
    sections = [
        _meeting(brief),
        _changes(brief),
        _decisions(brief),
        _blockers(brief),
        _workstreams(brief),
        _settled(brief),
        _slipped(brief),
        _context(brief),
        _must_say(brief),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _meeting(brief: Brief) -> list[str]:
    meeting = brief.meeting
    if meeting.ritual is None:
        lines = [f"# {md_text(meeting.title)}", "", f"- **Date:** {_long(meeting.on)}"]
    else:
        lines = [f"# {md_text(meeting.title)} ({meeting.ritual})", ""]
        lines.append(f"- **Date:** {_long(meeting.on)}")
        lines.append(f"- **Attendees:** {_names(meeting.attendees) or 'none recorded'}")
        if meeting.purpose:
            lines.append(f"- **Purpose:** {md_text(meeting.purpose)}")
    involved = ", ".join(
        f"{w.key} {md_text(w.title)}" + (" (closed)" if w.closed else "")
        for w in meeting.workstreams
    )
    why = {
        "ritual": " (those of the decisions it informed and the blockers it surfaced)",
        "all open": " (every open one: it has informed no decision and surfaced no blocker)",
    }.get(meeting.chosen, "")
    lines.append(f"- **Workstreams:** {involved or 'none open'}{why}")
    lines.append(f"- **As known at:** {_moment(brief.moment)}")
    return lines


def _changes(brief: Brief) -> list[str]:
    match brief.since_reason:
        case "last occurrence":
            title = f"since the last occurrence, {_long(brief.last_held)}"
        case "given":
            title = f"since {_moment(brief.since)}"
        case _:
            title = f"in the last {(brief.moment - brief.since).days} days"
    lines = [f"## What changed {title}"]
    for kind, heading in CHANGE_HEADINGS.items():
        mine = [c for c in brief.changes if c.kind == kind]
        if mine:
            lines += ["", f"### {heading}", ""]
            lines += [
                f"- **{c.key}** {md_text(c.title)}: {md_text(c.change)}"
                + (f" ({md_text(c.detail)})" if c.detail else "")
                for c in mine
            ]
    return lines if brief.changes else [*lines, "", "_Nothing changed._"]


def _decisions(brief: Brief) -> list[str]:
    lines = []
    for row in brief.decisions:
        facts = [row.workstream, f"owner {md_text(row.owner)}"]
        if row.due:
            facts.append(f"due {row.due}" + (" **(overdue)**" if row.overdue else ""))
        if row.status == "deferred":
            facts.append("deferred")
        if row.reopened:
            facts.append("reopened")
        facts.append(f"open {_days(row.days_open)}")
        lines.append(f"- **{row.key}** {md_text(row.question)} — {', '.join(facts)}")
    return _section("Decisions that need you", lines, "No decision is waiting.")


def _blockers(brief: Brief) -> list[str]:
    lines = []
    for row in brief.blockers:
        owner = f", owner {md_text(row.owner)}" if row.owner else ""
        where = f"{row.workstream}, {row.severity}, open {_days(row.age_days)}{owner}"
        state = (
            f"escalated to {md_text(row.escalated_to)}" if row.escalated_to else "**escalate now**"
        )
        lines.append(f"- **{row.key}** {md_text(row.title)} — {where}: {state}")
    return _section(
        "Blockers past their escalation threshold, or escalated",
        lines,
        "No blocker is past its threshold or escalated.",
    )


def _workstreams(brief: Brief) -> list[str]:
    lines = []
    for row in brief.workstreams:
        facts = [f"**{row.state.replace('_', ' ')}**, owner {md_text(row.owner)}"]
        if row.next_decision_on:
            what = md_text(row.next_decision_what)
            facts.append(f"next decision {row.next_decision_on}: {what}")
        if row.top_blocker:
            title = md_text(row.top_blocker_title or "")
            facts.append(f"top blocker {row.top_blocker} {title} ({row.top_blocker_severity})")
        if row.escalated_to:
            facts.append(f"escalated to {md_text(row.escalated_to)}")
        updated = f"updated {_days(row.days_since_update)} ago"
        facts.append(updated + (" (stale)" if row.stale else ""))
        lines.append(f"- **{row.key}** {md_text(row.title)} — {'; '.join(facts)}")
    return _section("Workstreams", lines, "None of these workstreams is open.")


def _settled(brief: Brief) -> list[str]:
    lines = []
    for record in brief.settled:
        lines.append(f"- **{record.key}** {md_text(record.question)} — {_decided(record)}")
        lines += [f"  - Reopen if: {md_text(c)}" for c in record.reopen_conditions]
        if record.review_by:
            due = " **(review due)**" if record.review_due else ""
            lines.append(f"  - Review by {record.review_by}{due}")
    return _section(
        "Decisions the room may reopen",
        lines,
        "No decision made on these workstreams names a reopen condition or a review date.",
    )


def _decided(record: Settled) -> str:
    text = f"{record.workstream}: chose {md_text(record.choice)}"
    if record.decided_on:
        text += f" on {record.decided_on}"
    return text + (f", decided by {_names(record.decided_by)}" if record.decided_by else "")


def _slipped(brief: Brief) -> list[str]:
    lines = [
        f"- **{row.key}** {md_text(row.title)} — owed by {md_text(row.owner)}, due {row.due}, "
        f"{_days(row.days_overdue)} late" + (f" (from {row.source})" if row.source else "")
        for row in brief.slipped
    ]
    return _section("Slipped actions", lines, "Nothing has slipped.")


def _context(brief: Brief) -> list[str]:
    lines = ["## Context"]
    for kind, heading in KIND_HEADINGS.items():
        mine = [n for n in brief.context if n.kind == kind]
        if mine:
            lines += ["", f"### {heading}", ""]
            lines += [f"- **{n.key}** {md_text(n.text)} — {_note_facts(n)}" for n in mine]
    if not brief.context:
        lines += ["", "_No signal, bet, question, debate or position is linked._"]
    return lines


def _must_say(brief: Brief) -> list[str]:
    lines = ["## The one thing that cannot be left unsaid", ""]
    note = brief.must_say
    if note is None:
        return [*lines, "_Nothing has been marked as the one thing to say._"]
    return [*lines, f"> {md_text(note.text)}", "", f"— {note.key} {_note_facts(note)}"]


def _note_facts(note: Note) -> str:
    return f"on {', '.join(note.links)}, logged {note.at:%Y-%m-%d} by {md_text(note.actor)}"


def _section(heading: str, lines: list[str], empty: str) -> list[str]:
    return [f"## {heading}", "", *(lines or [f"_{empty}_"])]


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(md_text(n) for n in names)


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def _long(day: date | None) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def _moment(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"

"""Decisions as MADR files: one Markdown architecture decision record each,
readable by decision-record tooling and by `staffdeck import-adr`.

Statuses map to MADR's: decided → accepted, open/deferred/reopened → proposed,
superseded → "superseded by ADR-NNNN", withdrawn → rejected, or deprecated
when it had been decided before.
"""

import re

from events import DecisionMade
from projections.decision_log import DecisionRecord


def file_name(record: DecisionRecord) -> str:
    """0012-which-payment-provider.md for D-12: numbered as decision tooling expects."""
    slug = re.sub(r"[^a-z0-9]+", "-", record.question.lower()).strip("-")[:60].rstrip("-")
    return f"{_number(record.key):04d}-{slug or 'decision'}.md"


def madr(record: DecisionRecord, names: dict[str, str]) -> str:
    """The record as MADR 4 Markdown; `names` gives each decision's file name, for links."""
    lines = ["---", f"status: {_quoted(_status(record, names))}"]
    lines.append(f"date: {(record.decided_at or record.raised_at).date().isoformat()}")
    if deciders := record.decided_by or record.deciders:
        lines.append(f"decision-makers: {_quoted(', '.join(deciders))}")
    lines += ["---", "", f"# {_line(record.question)}", ""]
    lines += _section("Context and Problem Statement", record.problem or record.context)
    if record.problem and record.context:
        lines += _section("Decision Drivers", record.context)
    options = list(dict.fromkeys([*record.options, *(r.option for r in record.rejected)]))
    if record.choice and record.choice not in options:
        options.insert(0, record.choice)
    if options:
        lines += _section("Considered Options", "\n".join(f"* {_line(o)}" for o in options))
    if record.choice:
        outcome = f'Chosen option: "{_line(record.choice)}", because {record.reasoning.strip()}'
        lines += _section("Decision Outcome", outcome)
        if record.expected:
            lines += ["### Consequences", "", record.expected.strip(), ""]
    if record.rejected:
        lines += ["## Pros and Cons of the Options", ""]
        for alternative in record.rejected:
            lines += [
                f"### {_line(alternative.option)}",
                "",
                f"* Bad, because {_line(alternative.grounds)}",
                "",
            ]
    lines += _section("More Information", _more(record, names))
    return "\n".join(lines).rstrip() + "\n"


def _status(record: DecisionRecord, names: dict[str, str]) -> str:
    match record.status:
        case "decided":
            return "accepted"
        case "superseded" if record.superseded_by:
            by = record.superseded_by
            return f"superseded by [ADR-{_number(by):04d}]({names.get(by, by)})"
        case "withdrawn":
            was_made = any(isinstance(e, DecisionMade) for e in record.history)
            return "deprecated" if was_made else "rejected"
        case _:
            return "proposed"


def _more(record: DecisionRecord, names: dict[str, str]) -> str:
    facts = [
        f"* staffdeck: {record.key} on {record.workstream}, owned by {_line(record.owner)}, "
        f"raised {record.raised_at.date().isoformat()}, {record.status}"
    ]
    if record.status == "withdrawn" and record.closed_why:
        facts.append(f"* Withdrawn: {_line(record.closed_why)}")
    if record.review_by:
        facts.append(f"* Review by: {record.review_by.isoformat()}")
    facts += [f"* Reopen if: {_line(condition)}" for condition in record.reopen_conditions]
    facts += [
        f"* Supersedes [ADR-{_number(key):04d}]({names.get(key, key)})" for key in record.supersedes
    ]
    return "\n".join(facts)


def _section(heading: str, body: str) -> list[str]:
    return [f"## {heading}", "", body.strip(), ""] if body.strip() else []


def _line(text: str) -> str:
    """One line of a list or heading: a newline inside would end it."""
    return " ".join(text.split())


def _quoted(text: str) -> str:
    """A YAML string that any text survives: double-quoted, escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number(key: str) -> int:
    return int(key.partition("-")[2])

"""`staffdeck show|diff|decisions search`: the read models, now or as known at any moment."""

from datetime import datetime

import click

from projections.diff import diff as diff_of
from projections.time_travel import History
from tui.cli.render import FORMATS, Column, default_format, emit, md_cell
from tui.cli.session import Session, moment_option, parse_option

pass_session = click.make_pass_decorator(Session)
VIEWS = ("workstreams", "decisions", "blockers", "rituals", "actions")
SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": ""}
STATE_STYLE = {"on_track": "green", "at_risk": "yellow", "off_track": "red", "paused": "dim"}


def load_history(s: Session) -> History:
    history = History()
    _, events = s.app(create=False).events_after(0)
    history.extend(events)
    return history


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="[default: table on a terminal, json otherwise]",
)


def _day(value) -> str:
    return value.isoformat() if value else ""


def _flags(*pairs: tuple[bool, str]) -> str:
    return " ".join(label for on, label in pairs if on)


COLUMNS = {
    "workstreams": [
        Column("Key", lambda r: r.key),
        Column("Workstream", lambda r: r.title, wrap=True),
        Column("Owner", lambda r: r.owner),
        Column(
            "State", lambda r: r.state.replace("_", " "), lambda r: STATE_STYLE.get(r.state, "")
        ),
        Column(
            "Next decision",
            lambda r: f"{_day(r.next_decision_on)} {r.next_decision_what}".strip(),
            wrap=True,
        ),
        Column(
            "Top blocker",
            lambda r: f"{r.top_blocker} ({r.top_blocker_severity})" if r.top_blocker else "",
        ),
        Column("Escalated", lambda r: f"to {r.escalated_to}" if r.escalated else ""),
        Column(
            "Updated",
            lambda r: f"{r.days_since_update}d ago" + (" STALE" if r.stale else ""),
            lambda r: "yellow" if r.stale else "",
        ),
    ],
    "decisions": [
        Column("Key", lambda r: r.key),
        Column("Question", lambda r: r.question, wrap=True),
        Column("WS", lambda r: r.workstream),
        Column("Owner", lambda r: r.owner),
        Column("Status", lambda r: r.status),
        Column("Due", lambda r: _day(r.due), lambda r: "red" if r.overdue or r.review_due else ""),
        Column("Open", lambda r: f"{r.days_open}d"),
        Column(
            "Flags",
            lambda r: _flags(
                (r.overdue, "OVERDUE"), (r.review_due, "REVIEW DUE"), (r.reopened, "REOPENED")
            ),
            lambda r: "bold red" if r.overdue else "",
        ),
    ],
    "blockers": [
        Column("Key", lambda r: r.key),
        Column("Blocker", lambda r: r.title, wrap=True),
        Column("WS", lambda r: r.workstream),
        Column("Owner", lambda r: r.owner),
        Column("Severity", lambda r: r.severity, lambda r: SEVERITY_STYLE[r.severity]),
        Column("Age", lambda r: f"{r.age_days}d"),
        Column("Escalated", lambda r: f"to {r.escalated_to}" if r.escalated else ""),
        Column(
            "Flags",
            lambda r: _flags(
                (r.escalation_due, "ESCALATE"), (r.past_threshold and r.escalated, "past threshold")
            ),
            lambda r: "bold red" if r.escalation_due else "",
        ),
    ],
    "rituals": [
        Column("Key", lambda r: r.key),
        Column("Ritual", lambda r: r.name, wrap=True),
        Column("Cadence", lambda r: r.cadence),
        Column("Owner", lambda r: r.owner),
        Column("Last held", lambda r: _day(r.last_held)),
        Column("Next due", lambda r: _day(r.next_due)),
        Column("Informed", lambda r: str(r.decisions_informed)),
        Column("Surfaced", lambda r: str(r.blockers_surfaced)),
        Column(
            "Flags",
            lambda r: (
                f"retired: {r.retired_reason}"
                if r.retired
                else ("RETIREMENT CANDIDATE" if r.retirement_candidate else "")
            ),
            lambda r: "dim" if r.retired else ("yellow" if r.retirement_candidate else ""),
            wrap=True,
        ),
    ],
    "actions": [
        Column("Key", lambda r: r.key),
        Column("Action", lambda r: r.title, wrap=True),
        Column("Owner", lambda r: r.owner),
        Column("Due", lambda r: _day(r.due), lambda r: "red" if r.slipped else ""),
        Column("From", lambda r: r.source or ""),
        Column(
            "Flags",
            lambda r: f"SLIPPED {r.days_overdue}d" if r.slipped else "",
            lambda r: "bold red" if r.slipped else "",
        ),
    ],
}


@click.command()
@click.argument("view", type=click.Choice(VIEWS))
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Show it as known at that moment (a date: by its end). [default: now]",
)
@format_option
@click.pass_context
def show(ctx: click.Context, view: str, as_of: str | None, fmt: str | None):
    """Show the workstream map, decision queue, blocker radar, ritual audit or open actions."""
    s: Session = ctx.obj
    moment = moment_option(as_of, ctx, "--as-of")
    history = load_history(s)
    now = moment or s.clock()
    models = history.as_of(moment) if moment else history.now
    footer = ""
    extra: dict = {}
    match view:
        case "workstreams":
            rows = models.workstream_map(now)
        case "decisions":
            rows = list(models.decision_queue(now))
        case "blockers":
            rows = models.blocker_radar(now)
        case "rituals":
            rows = models.ritual_audit()
        case _:
            rows = models.open_actions(now)
            summary = models.follow_through(now)
            extra["summary"] = summary
            rate = "n/a" if summary.completion_rate is None else f"{summary.completion_rate:.0%}"
            footer = (
                f"{summary.open} open, {summary.slipped} slipped, {summary.completed} completed, "
                f"{summary.dropped} dropped; completion rate {rate}"
            )
    document = {"view": view, "as_of": now, "rows": rows, **extra}
    emit(rows, COLUMNS[view], fmt or default_format(), document=document, footer=footer)


CHANGE_COLUMNS = [
    Column("Key", lambda c: c.key),
    Column("Item", lambda c: c.title, wrap=True),
    Column("Change", lambda c: c.change),
    Column("Detail", lambda c: c.detail, wrap=True),
]


@click.command()
@click.option(
    "--since",
    "since_text",
    required=True,
    metavar="DATE",
    help="From this moment (a date: its start).",
)
@click.option(
    "--until",
    "until_text",
    metavar="DATE",
    help="Up to this moment (a date: its whole day). [default: now]",
)
@format_option
@click.pass_context
def diff(ctx: click.Context, since_text: str, until_text: str | None, fmt: str | None):
    """What changed between two moments: items opened, closed, changed; decisions
    made; blockers raised, escalated, resolved."""
    s: Session = ctx.obj
    since = parse_option(since_text, ctx, "--since")
    until = moment_option(until_text, ctx, "--until") or s.clock()
    if until < since:
        raise click.BadParameter("--until is before --since.", param_hint="'--until'")
    changes = diff_of(load_history(s), since, until)
    fmt = fmt or default_format()
    if fmt == "md":
        click.echo(_diff_markdown(changes, since, until))
        return
    emit(
        changes, CHANGE_COLUMNS, fmt, document={"since": since, "until": until, "changes": changes}
    )


def _diff_markdown(changes, since: datetime, until: datetime) -> str:
    out = [f"# What changed, {since:%Y-%m-%d %H:%M} to {until:%Y-%m-%d %H:%M} UTC"]
    for kind in ("workstream", "decision", "blocker", "ritual", "action"):
        mine = [c for c in changes if c.kind == kind]
        if mine:
            out.append(f"\n## {kind.capitalize()}s\n")
            out += [
                f"- **{c.key}** {md_cell(c.title)}: {c.change}"
                + (f" ({md_cell(c.detail)})" if c.detail else "")
                for c in mine
            ]
    if len(out) == 1:
        out.append("\nNothing changed.")
    return "\n".join(out)


@click.group()
def decisions():
    """Decision memory: search every decision ever raised, export them as ADRs."""


SEARCH_COLUMNS = [
    Column("Key", lambda r: r.key),
    Column("Status", lambda r: r.status),
    Column("Question", lambda r: r.question, wrap=True),
    Column("Choice", lambda r: r.choice, wrap=True),
    Column("Raised", lambda r: f"{r.raised_at:%Y-%m-%d}"),
]


@decisions.command("search")
@click.argument("words", nargs=-1, required=True)
@format_option
@pass_session
def search(s: Session, words: tuple[str, ...], fmt: str | None):
    """Decisions whose record contains every word (question, context, options,
    choice, reasoning, rejected alternatives, reopen conditions…), newest first."""
    found = load_history(s).now.search_decisions(" ".join(words))
    emit(
        found,
        SEARCH_COLUMNS,
        fmt or default_format(),
        document={"query": " ".join(words), "rows": found},
    )


def register(cli: click.Group) -> None:
    for command in (show, diff, decisions):
        cli.add_command(command)

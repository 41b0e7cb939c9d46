"""`staffdeck workstream|decision|blocker …`: the commands of the live meeting."""

import click

from domain.errors import InvalidInput
from events import SEVERITIES, WORKSTREAM_STATES
from tui.cli.session import DAY, Session, json_option, report

pass_session = click.make_pass_decorator(Session)


@click.group()
def workstream():
    """Open workstreams and report how they are going."""


@workstream.command("open")
@click.argument("title")
@click.option("--owner", required=True, metavar="NAME")
@click.option("--objective", default="", metavar="TEXT")
@click.option(
    "--stakeholder",
    "stakeholders",
    multiple=True,
    metavar="NAME",
    help="Repeat for each stakeholder.",
)
@json_option
@pass_session
def workstream_open(s: Session, title, owner, objective, stakeholders, as_json):
    """Open a workstream; prints its key (W-…)."""
    event = s.app().open_workstream(
        title, owner=owner, objective=objective, stakeholders=stakeholders, at=s.at
    )
    report(event, as_json=as_json, created=True)


@workstream.command("status")
@click.argument("key")
@click.argument("state", type=click.Choice(WORKSTREAM_STATES))
@click.option("--note", default="", metavar="TEXT")
@json_option
@pass_session
def workstream_status(s: Session, key, state, note, as_json):
    """Report a workstream's state."""
    report(s.app().report_status(key, state, note=note, at=s.at), as_json=as_json)


@workstream.command("owner")
@click.argument("key")
@click.argument("name")
@json_option
@pass_session
def workstream_owner(s: Session, key, name, as_json):
    """Hand a workstream to a new owner."""
    report(s.app().change_workstream_owner(key, name, at=s.at), as_json=as_json)


@workstream.command("next-decision")
@click.argument("key")
@click.argument("date", type=DAY)
@click.argument("what")
@json_option
@pass_session
def workstream_next_decision(s: Session, key, date, what, as_json):
    """Set the next decision point: when, and what will be decided."""
    report(s.app().set_next_decision_point(key, date, what, at=s.at), as_json=as_json)


@workstream.command("escalate")
@click.argument("key")
@click.option("--to", required=True, metavar="NAME")
@click.option("--why", required=True, metavar="TEXT")
@json_option
@pass_session
def workstream_escalate(s: Session, key, to, why, as_json):
    """Escalate a workstream to someone, and say why."""
    report(s.app().escalate_workstream(key, to=to, why=why, at=s.at), as_json=as_json)


@workstream.command("deescalate")
@click.argument("key")
@click.option("--why", default="", metavar="TEXT")
@json_option
@pass_session
def workstream_deescalate(s: Session, key, why, as_json):
    """Take a workstream's escalation back."""
    report(s.app().deescalate_workstream(key, why=why, at=s.at), as_json=as_json)


@workstream.command("close")
@click.argument("key")
@click.option("--why", default="", metavar="TEXT")
@json_option
@pass_session
def workstream_close(s: Session, key, why, as_json):
    """Close a workstream; it takes no new decisions or blockers."""
    report(s.app().close_workstream(key, why=why, at=s.at), as_json=as_json)


@click.group()
def decision():
    """Raise decisions, make them, and keep the record of why."""


@decision.command("raise")
@click.argument("question")
@click.option("--workstream", "ws", required=True, metavar="KEY")
@click.option("--owner", required=True, metavar="NAME")
@click.option("--due", type=DAY)
@click.option("--problem", default="", metavar="TEXT", help="The problem or opportunity.")
@click.option("--context", "context_", default="", metavar="TEXT", help="Context and user insight.")
@click.option("--intent", default="", metavar="TEXT", help="The strategic intent it serves.")
@click.option(
    "--option", "options", multiple=True, metavar="TEXT", help="Repeat for each option considered."
)
@click.option("--decider", "deciders", multiple=True, metavar="NAME")
@json_option
@pass_session
def decision_raise(
    s: Session, question, ws, owner, due, problem, context_, intent, options, deciders, as_json
):
    """Raise a decision on a workstream; prints its key (D-…)."""
    event = s.app().raise_decision(
        question,
        workstream=ws,
        owner=owner,
        due=due,
        problem=problem,
        context=context_,
        options=options,
        deciders=deciders,
        intent=intent,
        at=s.at,
    )
    report(event, as_json=as_json, created=True)


@decision.command("option")
@click.argument("key")
@click.argument("text")
@json_option
@pass_session
def decision_option(s: Session, key, text, as_json):
    """Add an option to an open decision."""
    report(s.app().add_option(key, text, at=s.at), as_json=as_json)


def _rejected(values: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        option, colon, grounds = value.partition(":")
        if not colon or not option.strip() or not grounds.strip():
            raise InvalidInput(
                f'--rejected {value!r} needs the option and its grounds: "OPTION: GROUNDS".'
            )
        pairs.append((option.strip(), grounds.strip()))
    return pairs


@decision.command("make")
@click.argument("key")
@click.option("--choice", required=True, metavar="TEXT")
@click.option("--reasoning", required=True, metavar="TEXT")
@click.option(
    "--rejected",
    multiple=True,
    metavar='"OPTION: GROUNDS"',
    help="An alternative rejected, and on what grounds. Repeatable.",
)
@click.option("--expected", default="", metavar="TEXT", help="The expected result.")
@click.option(
    "--reopen-if",
    "reopen_if",
    multiple=True,
    metavar="TEXT",
    help="A condition that would reopen it. Repeatable.",
)
@click.option("--review-by", type=DAY)
@click.option(
    "--decided-by",
    "decided_by",
    multiple=True,
    metavar="NAME",
    help="[default: the decision's deciders, else --actor]",
)
@json_option
@pass_session
def decision_make(
    s: Session,
    key,
    choice,
    reasoning,
    rejected,
    expected,
    reopen_if,
    review_by,
    decided_by,
    as_json,
):
    """Record the choice made, and why."""
    event = s.app().make_decision(
        key,
        choice=choice,
        reasoning=reasoning,
        rejected=_rejected(rejected),
        expected=expected,
        reopen_conditions=reopen_if,
        review_by=review_by,
        decided_by=decided_by,
        at=s.at,
    )
    report(event, as_json=as_json)


@decision.command("defer")
@click.argument("key")
@click.option("--until", required=True, type=DAY)
@click.option("--why", required=True, metavar="TEXT")
@json_option
@pass_session
def decision_defer(s: Session, key, until, why, as_json):
    """Defer an open decision to a new due date."""
    report(s.app().defer_decision(key, until=until, why=why, at=s.at), as_json=as_json)


@decision.command("reopen")
@click.argument("key")
@click.option("--why", required=True, metavar="TEXT")
@click.option(
    "--condition",
    "conditions",
    multiple=True,
    metavar="TEXT",
    help="A reopen condition that was met. Repeatable.",
)
@json_option
@pass_session
def decision_reopen(s: Session, key, why, conditions, as_json):
    """Reopen a decision that was made."""
    event = s.app().reopen_decision(key, why=why, conditions=conditions, at=s.at)
    report(event, as_json=as_json)


@decision.command("supersede")
@click.argument("key")
@click.option("--by", "by", required=True, metavar="KEY")
@json_option
@pass_session
def decision_supersede(s: Session, key, by, as_json):
    """Mark a decision superseded by another one."""
    report(s.app().supersede_decision(key, by=by, at=s.at), as_json=as_json)


@decision.command("withdraw")
@click.argument("key")
@click.option("--why", required=True, metavar="TEXT")
@json_option
@pass_session
def decision_withdraw(s: Session, key, why, as_json):
    """Withdraw an undecided decision."""
    report(s.app().withdraw_decision(key, why=why, at=s.at), as_json=as_json)


@click.group()
def blocker():
    """Raise blockers, escalate them, resolve them."""


@blocker.command("raise")
@click.argument("title")
@click.option("--workstream", "ws", required=True, metavar="KEY")
@click.option("--severity", required=True, type=click.Choice(SEVERITIES))
@click.option("--owner", default="", metavar="NAME")
@click.option("--needed-by", "needed_by", type=DAY)
@click.option("--depends-on", "depends_on", default="", metavar="TEXT")
@json_option
@pass_session
def blocker_raise(s: Session, title, ws, severity, owner, needed_by, depends_on, as_json):
    """Raise a blocker on a workstream; prints its key (B-…)."""
    event = s.app().raise_blocker(
        title,
        workstream=ws,
        severity=severity,
        owner=owner,
        needed_by=needed_by,
        depends_on=depends_on,
        at=s.at,
    )
    report(event, as_json=as_json, created=True)


@blocker.command("severity")
@click.argument("key")
@click.argument("level", type=click.Choice(SEVERITIES))
@json_option
@pass_session
def blocker_severity(s: Session, key, level, as_json):
    """Change a blocker's severity."""
    report(s.app().change_severity(key, level, at=s.at), as_json=as_json)


@blocker.command("reassign")
@click.argument("key")
@click.argument("name")
@json_option
@pass_session
def blocker_reassign(s: Session, key, name, as_json):
    """Give a blocker to a new owner."""
    report(s.app().reassign_blocker(key, name, at=s.at), as_json=as_json)


@blocker.command("escalate")
@click.argument("key")
@click.option("--to", required=True, metavar="NAME")
@click.option("--why", required=True, metavar="TEXT")
@json_option
@pass_session
def blocker_escalate(s: Session, key, to, why, as_json):
    """Escalate a blocker to someone, and say why."""
    report(s.app().escalate_blocker(key, to=to, why=why, at=s.at), as_json=as_json)


@blocker.command("deescalate")
@click.argument("key")
@click.option("--why", default="", metavar="TEXT", help="Why it no longer needs escalating.")
@json_option
@pass_session
def blocker_deescalate(s: Session, key, why, as_json):
    """Take a blocker's escalation back."""
    report(s.app().deescalate_blocker(key, why=why, at=s.at), as_json=as_json)


@blocker.command("resolve")
@click.argument("key")
@click.option("--resolution", required=True, metavar="TEXT")
@json_option
@pass_session
def blocker_resolve(s: Session, key, resolution, as_json):
    """Resolve an open blocker."""
    report(s.app().resolve_blocker(key, resolution=resolution, at=s.at), as_json=as_json)


@blocker.command("reopen")
@click.argument("key")
@click.option("--why", required=True, metavar="TEXT")
@json_option
@pass_session
def blocker_reopen(s: Session, key, why, as_json):
    """Reopen a resolved blocker."""
    report(s.app().reopen_blocker(key, why=why, at=s.at), as_json=as_json)


def register(cli: click.Group) -> None:
    for group in (workstream, decision, blocker):
        cli.add_command(group)

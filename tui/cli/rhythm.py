"""`staffdeck ritual|action|note …`: the operating rhythm and its follow-through."""

import click

from events import CADENCES, NOTE_KINDS
from tui.cli.session import DAY, Session, json_option, report

pass_session = click.make_pass_decorator(Session)


@click.group()
def ritual():
    """Establish the meetings of the operating rhythm and audit them."""


@ritual.command("establish")
@click.argument("name")
@click.option("--cadence", required=True, type=click.Choice(CADENCES))
@click.option("--purpose", required=True, metavar="TEXT")
@click.option("--owner", required=True, metavar="NAME")
@click.option(
    "--attendee", "attendees", multiple=True, metavar="NAME", help="Repeat for each attendee."
)
@json_option
@pass_session
def ritual_establish(s: Session, name, cadence, purpose, owner, attendees, as_json):
    """Establish a ritual; prints its key (R-…)."""
    event = s.app().establish_ritual(
        name, cadence=cadence, purpose=purpose, owner=owner, attendees=attendees, at=s.at
    )
    report(event, as_json=as_json, created=True)


@ritual.command("held")
@click.argument("key")
@click.option(
    "--informed",
    multiple=True,
    metavar="KEY",
    help="A decision this occurrence informed. Repeatable.",
)
@click.option(
    "--surfaced",
    multiple=True,
    metavar="KEY",
    help="A blocker this occurrence surfaced. Repeatable.",
)
@click.option("--notes", default="", metavar="TEXT")
@json_option
@pass_session
def ritual_held(s: Session, key, informed, surfaced, notes, as_json):
    """Record that a ritual was held (on the --at date), and what it earned."""
    at = s.at or s.clock()
    # The day it was held is the day where the room sat, not UTC's.
    held_on = at.astimezone().date()
    event = s.app().hold_ritual(
        key, informed=informed, surfaced=surfaced, notes=notes, held_on=held_on, at=at
    )
    report(event, as_json=as_json)


@ritual.command("cadence")
@click.argument("key")
@click.argument("cadence", type=click.Choice(CADENCES))
@json_option
@pass_session
def ritual_cadence(s: Session, key, cadence, as_json):
    """Change how often a ritual is held."""
    report(s.app().change_cadence(key, cadence, at=s.at), as_json=as_json)


@ritual.command("retire")
@click.argument("key")
@click.option("--reason", required=True, metavar="TEXT")
@json_option
@pass_session
def ritual_retire(s: Session, key, reason, as_json):
    """Retire a ritual that no longer earns its time."""
    report(s.app().retire_ritual(key, reason=reason, at=s.at), as_json=as_json)


@click.group()
def action():
    """Assign follow-through and close it."""


@action.command("assign")
@click.argument("title")
@click.option("--owner", required=True, metavar="NAME")
@click.option("--due", required=True, type=DAY)
@click.option("--from", "source", metavar="KEY", help="The decision or ritual it came out of.")
@json_option
@pass_session
def action_assign(s: Session, title, owner, due, source, as_json):
    """Assign an action; prints its key (A-…)."""
    event = s.app().assign_action(title, owner=owner, due=due, source=source, at=s.at)
    report(event, as_json=as_json, created=True)


@action.command("complete")
@click.argument("key")
@click.option("--note", default="", metavar="TEXT")
@json_option
@pass_session
def action_complete(s: Session, key, note, as_json):
    """Mark an action done."""
    report(s.app().complete_action(key, note=note, at=s.at), as_json=as_json)


@action.command("drop")
@click.argument("key")
@click.option("--why", required=True, metavar="TEXT")
@json_option
@pass_session
def action_drop(s: Session, key, why, as_json):
    """Drop an action, and say why."""
    report(s.app().drop_action(key, why=why, at=s.at), as_json=as_json)


@click.group()
def note():
    """Shared context: signals, bets, questions, debates."""


@note.command("add")
@click.argument("kind", type=click.Choice(NOTE_KINDS))
@click.argument("text")
@click.option(
    "--link", "links", multiple=True, metavar="KEY", help="An item it speaks about. Repeatable."
)
@json_option
@pass_session
def note_add(s: Session, kind, text, links, as_json):
    """Log a context note; prints its key (N-…)."""
    report(s.app().log_note(kind, text, links=links, at=s.at), as_json=as_json, created=True)


def register(cli: click.Group) -> None:
    for group in (ritual, action, note):
        cli.add_command(group)

"""`staffdeck ritual|rhythm|action|note …`: the operating rhythm and its follow-through."""

import sys
from datetime import datetime
from pathlib import Path

import click

from domain.keys import normalize_key
from events import CADENCES, NOTE_KINDS
from projections.context_notes import ContextNotes
from projections.rhythm_calendar import CalendarEntry, Recurrence, rhythm_calendar
from tui.cli.history import plural, write_out
from tui.cli.render import Column, default_format, emit
from tui.cli.session import DAY, Session, json_option, report
from tui.cli.views import format_option, load_history

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
def rhythm():
    """The operating rhythm as a whole, for other tools."""


@rhythm.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ics"]),
    default="ics",
    show_default=True,
    help="ics: an iCalendar file, one repeating all-day event per active ritual.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="FILE",
    help="Write the calendar to FILE, replacing it whole. [default: stdout]",
)
@pass_session
def rhythm_export(s: Session, fmt: str, out: Path | None):
    """Export every active ritual as a calendar to subscribe to or import.

    Each ritual repeats on its cadence from its next meeting on or after
    today; retired rituals are left out. Meeting times are not recorded, so
    the events are all-day (and shown as free). Attendees are listed in the
    description: staffdeck knows their names, not their addresses.
    """
    now = s.clock()
    entries = rhythm_calendar(load_history(s).now.rituals, now.astimezone().date())
    calendar = ics(entries, now)
    if out is None:
        sys.stdout.buffer.write(calendar)
        sys.stdout.flush()
    else:
        write_out(out, calendar)
        click.echo(f"Wrote {plural(len(entries), 'ritual')} to {out}.", err=True)
    if not entries:
        click.echo("No active rituals: the calendar has no events.", err=True)


def ics(entries: list[CalendarEntry], stamp: datetime) -> bytes:
    """The entries as an iCalendar (RFC 5545) file; `stamp` is when it was made."""
    import icalendar  # loads only when a calendar is written: every command starts faster

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//staffdeck//operating rhythm//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Operating rhythm")
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.start)  # a date, not a time: an all-day event
        event.add("rrule", rrule(entry.recurrence))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")  # a day with a meeting in it is not a busy day
        calendar.add_component(event)
    return calendar.to_ical()


def rrule(recurrence: Recurrence) -> dict:
    """The rule's parts, as icalendar takes an RRULE."""
    rule: dict = {"freq": recurrence.freq}
    if recurrence.interval != 1:
        rule["interval"] = recurrence.interval
    if recurrence.by_month_day:
        rule["bymonthday"] = list(recurrence.by_month_day)
    if recurrence.by_set_pos is not None:
        rule["bysetpos"] = recurrence.by_set_pos
    return rule


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


NOTE_COLUMNS = [
    Column("Key", lambda n: n.key),
    Column("Kind", lambda n: n.kind),
    Column("Note", lambda n: n.text, wrap=True),
    Column("Linked to", lambda n: ", ".join(n.links)),
    Column("When", lambda n: n.at.astimezone().strftime("%Y-%m-%d %H:%M")),
    Column("By", lambda n: n.actor),
]


@note.command("search")
@click.argument("words", nargs=-1)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(NOTE_KINDS),
    help="Only notes of this kind. Repeatable.",
)
@click.option(
    "--link",
    "links",
    multiple=True,
    metavar="KEY",
    help="Only notes linked to this item. Repeatable.",
)
@format_option
@pass_session
def note_search(s: Session, words, kinds, links, fmt):
    """Notes holding every word (in their text, kind, key or links), newest first.

    With no words, every note (of --kind, linked to --link)."""
    notes = ContextNotes.of(load_history(s).events)
    found = notes.search(" ".join(words))
    if links:
        wanted = {normalize_key(key) for key in links}
        found = [n for n in found if wanted.intersection(n.links)]
    if kinds:
        found = [n for n in found if n.kind in kinds]
    document = {"words": " ".join(words), "notes": found}
    emit(found, NOTE_COLUMNS, fmt or default_format(), document=document,
         footer=f"{plural(len(found), 'note')} of {len(notes.notes)}")  # fmt: skip


def register(cli: click.Group) -> None:
    for group in (ritual, rhythm, action, note):
        cli.add_command(group)

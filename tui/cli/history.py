"""`staffdeck init|import|export|log|schema`: the store and its history as a whole."""

import errno
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import click
import msgspec

from events.codec import json_schema
from projections.timeline import describe
from tui.cli.session import MOMENT, Session, moment_option
from tui.visible import visible

pass_session = click.make_pass_decorator(Session)


@contextmanager
def replacing(target: Path) -> Iterator[BinaryIO]:
    """A file written beside `target`, then renamed over it: an export that
    fails part way leaves the old file, never half a new one."""
    if not target.name or target.name in (".", ".."):
        raise OSError(errno.EINVAL, "that is not a file name", str(target))
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:  # named as the file asked for, not the temporary one
        raise OSError(error.errno, error.strerror, str(target)) from error
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.replace(temp, target)
    except BaseException as error:
        os.unlink(temp)
        if isinstance(error, OSError) and error.filename == temp:
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise


def write_out(target: Path, data: bytes) -> None:
    """`--out FILE`: replaced whole (a file that cannot be written is named in one
    line by the command group, and nothing is written)."""
    with replacing(target) as out:
        out.write(data)


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


@click.command()
@pass_session
def init(s: Session):
    """Create the store if it is missing (the SQLite file, or PostgreSQL's tables)."""
    location = s.app(create=True).location
    count = s.app().recorder.max_notification_id() or 0
    click.echo(f"Store ready at {location} ({plural(count, 'event')}).")


@click.command("import")
@click.argument("file", type=click.File("rb"))
@pass_session
def import_(s: Session, file):
    """Append a JSON-lines history (as `export` writes it), all or nothing.

    The whole file is checked first; any bad line is reported with its number
    and nothing is written. Use - for standard input.
    """
    source = getattr(file, "name", "<stdin>")
    lines = file.read().split(b"\n")
    count = s.app(create=True).import_lines(lines, source=source)
    click.echo(f"Imported {plural(count, 'event')} from {source}.")


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, writable=True))
@pass_session
def export(s: Session, file: str | None):
    """Write every event as JSON lines, in recording order, to FILE or stdout (-)."""
    app = s.app(create=False)
    if file is None or file == "-":
        out = sys.stdout.buffer
        for line in app.export_lines():
            out.write(line)
        out.flush()
        return
    target = Path(file)
    with replacing(target) as out:
        count = sum(out.write(line) > 0 for line in app.export_lines())
    click.echo(f"Exported {plural(count, 'event')} to {target}.", err=True)


@click.command()
@click.argument("key", required=False)
@click.option("--since", type=MOMENT, metavar="DATE", help="From this moment (a date: its start).")
@click.option(
    "--until", "until_text", metavar="DATE", help="Up to this moment (a date: its whole day)."
)
@pass_session
def log(s: Session, key: str | None, since, until_text: str | None):
    """The history, readable: every event, or one item's (KEY), oldest first."""
    until = moment_option(until_text, click.get_current_context(), "--until")
    app = s.app(create=False)
    events = app.history(key) if key else list(app.read_events())
    chosen = [
        e for e in events if (since is None or e.at >= since) and (until is None or e.at <= until)
    ]
    chosen.sort(key=lambda e: e.at)  # stable: same moment keeps recording order
    for event in chosen:
        when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
        # One line per event, its controls as marks: a note cannot fake a line, or an ESC.
        click.echo(visible(f"{when}  {event.key:<6} {event.actor:<12} {describe(event)}"))
    if not chosen:
        click.echo("No events.", err=True)


@click.command()
def schema():
    """Print the JSON Schema of every event, for those who write events from outside."""
    click.echo(msgspec.json.format(msgspec.json.encode(json_schema()), indent=2).decode())


def register(cli: click.Group) -> None:
    for command in (init, import_, export, log, schema):
        cli.add_command(command)

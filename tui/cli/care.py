"""`staffdeck verify|backup|restore`: the care of the store itself."""

from pathlib import Path

import click
import msgspec

from domain.backup import back_up, restore
from domain.store import locate
from tui.cli.history import plural
from tui.cli.session import Session
from tui.visible import visible

pass_session = click.make_pass_decorator(Session)

EXIT_PROBLEMS = 1  # verify found at least one problem


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one problem per line, then a summary; json: one document, for scripts.",
)
@pass_session
def verify(s: Session, fmt: str):
    """Read every stored event and check that the store is whole.

    Each payload decodes, and its topic is its type; each item's versions run
    1, 2, 3, … from the event that creates it, and its times never go back; every
    key has its kind's shape (W-3, D-12, B-7, R-2, A-40, N-5) and no item is
    created twice; every link (a decision's or blocker's workstream, a
    supersession, a meeting's decisions and blockers, an action's source, a
    note's links) names an item that existed by then.

    Each problem is one line: the event's number in recording order (#…), the
    item's key and version, the event type, and what is wrong. Exit codes: 0 no
    problem, 1 a problem found, 4 the store cannot be read. Nothing is written.

    \b
    Example:
      staffdeck --store team.db verify
      staffdeck --store team.db verify --format json | jq '.problems[].key'
    """
    result = s.app(create=False).verify()
    if fmt == "json":
        document = {
            "events": result.events,
            "items": result.items,
            "problems": [
                {
                    "event": p.position,
                    "key": p.key,
                    "version": p.version,
                    "type": p.type,
                    "problem": p.text,
                }
                for p in result.problems
            ],
        }
        click.echo(msgspec.json.format(msgspec.json.encode(document), indent=2).decode())
    else:
        for problem in result.problems:
            click.echo(visible(str(problem)))  # a damaged key or payload may hold controls
        found = plural(len(result.problems), "problem") if result.problems else "no problems"
        click.echo(
            f"Verified {plural(result.events, 'event')} on {plural(result.items, 'item')}: {found}."
        )
    if result.problems:
        click.get_current_context().exit(EXIT_PROBLEMS)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it already exists.")
@pass_session
def backup(s: Session, file: Path, force: bool):
    """Copy the SQLite store to FILE, safely while it is in use.

    SQLite's online backup reads one consistent moment of the store, so a
    running dashboard and other writers carry on meanwhile. FILE is written
    beside itself and renamed into place (a failed backup leaves nothing), and
    is readable by you alone. An existing FILE is refused unless --force. The
    backup is a store itself: `staffdeck --store FILE verify` checks it, and
    `staffdeck restore FILE` brings it back.

    A PostgreSQL store is refused (exit 1): `staffdeck export FILE` is its
    backup, and `staffdeck import FILE` into an empty store brings it back.

    \b
    Example:
      staffdeck --store team.db backup ~/backups/team-2026-09-01.db
    """
    location = locate(s.store)
    events = back_up(location, file, force=force)
    click.echo(f"Backed up {plural(events, 'event')} from {location} to {file}.")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a store that holds events; it is kept first as STORE.before-restore-<UTC time>.",
)
@pass_session
def restore_(s: Session, file: Path, replace: bool):
    """Make the backup FILE the store (--store), as `staffdeck backup` wrote it.

    FILE must be an SQLite staffdeck store that verifies (see `staffdeck
    verify`); otherwise nothing is written. A store that already holds events
    is refused unless --replace, and then kept first, beside itself, as
    STORE.before-restore-<UTC time>: nothing is lost. The events are swapped in
    one transaction, so a failed restore changes nothing; a dashboard open on
    the store keeps showing what it had read: restart it. A new store is
    created readable by you alone.

    A PostgreSQL store is refused (exit 1): bring it back with `staffdeck
    import FILE` (a file `staffdeck export` wrote) into an empty store.

    \b
    Example:
      staffdeck --store team.db restore ~/backups/team-2026-09-01.db --replace
    """
    location = locate(s.store)
    restored = restore(file, location, replace=replace, now=s.clock())
    click.echo(f"Restored {plural(restored.events, 'event')} from {file} into {location}.")
    if restored.kept is not None:
        click.echo(f"The events it replaced are kept in {restored.kept}.")


def register(cli: click.Group) -> None:
    for command in (verify, backup, restore_):
        cli.add_command(command)

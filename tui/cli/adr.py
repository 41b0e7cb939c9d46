"""`staffdeck decisions export` and `staffdeck import-adr`: decision records
shared both ways with ADR tooling (MADR and Nygard Markdown)."""

from pathlib import Path

import click

from projections.madr import file_name, madr
from projections.read_models import ReadModels
from tui.cli.history import plural, replacing
from tui.cli.session import Session
from tui.cli.views import decisions
from tui.visible import visible

pass_session = click.make_pass_decorator(Session)


@decisions.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md"]),
    default="md",
    show_default=True,
    help="md: one MADR Markdown file per decision.",
)
@pass_session
def export_decisions(s: Session, folder: Path, fmt: str):
    """Write every decision as an architecture decision record in FOLDER
    (created if missing): 0012-which-payment-provider.md for D-12, with its
    status, date, options, choice and reasons, rejected alternatives and
    supersession links. Files of the same names are replaced."""
    records = ReadModels.of(s.app(create=False).events_after(0)[1]).decision_log()
    names = {record.key: file_name(record) for record in records}
    # A folder or file that cannot be written is named by the command group.
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        with replacing(folder / names[record.key]) as out:
            out.write(madr(record, names).encode())
    click.echo(f"Wrote {plural(len(records), 'decision record')} to {folder}.", err=True)


@click.command("import-adr")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--workstream",
    required=True,
    metavar="KEY",
    help="The workstream the decisions belong to (W-…): ADRs do not say.",
)
@click.option(
    "--owner",
    metavar="NAME",
    help="Who owns an ADR that names no decision-makers. [default: --actor]",
)
@pass_session
def import_adr(s: Session, folder: Path, workstream: str, owner: str | None):
    """Import a folder of architecture decision records (MADR or Nygard
    Markdown, files named NUMBER-title.md) as decisions, all or nothing.

    accepted → made; superseded → made, then superseded by the ADR it names;
    deprecated → made, then withdrawn; rejected → withdrawn; proposed → raised.
    Every file that cannot be read is named with why, and nothing is imported.
    """
    deck = s.app(create=False)
    imported = deck.import_adrs(folder, workstream=workstream, owner=owner or s.actor)
    for name, key in imported:
        click.echo(visible(f"{key}  {name}"))  # a file's name may hold ESC: shown as a mark
    click.echo(f"Imported {plural(len(imported), 'decision')} from {folder}.", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(import_adr)  # `decisions export` joined its group above

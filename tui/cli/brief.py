"""`staffdeck brief`: the principal's context brief for a meeting or a few workstreams,
as Markdown to read as it is."""

from pathlib import Path

import click

from domain.errors import ItemNotFound
from domain.keys import expect_kind
from projections.brief import brief as brief_of
from projections.brief_markdown import markdown
from projections.read_models import ReadModels
from tui.cli.history import replacing
from tui.cli.session import Session, parse_option
from tui.cli.views import load_history


@click.command()
@click.option("--ritual", metavar="KEY", help="The meeting (R-…) the brief prepares.")
@click.option(
    "--workstream",
    "workstreams",
    multiple=True,
    metavar="KEY",
    help="A workstream (W-…) the brief is on, instead of a ritual. Repeatable.",
)
@click.option(
    "--since",
    "since_text",
    metavar="DATE",
    help="What changed from this moment (a date: its start). "
    "[default: the ritual's last occurrence, else 7 days ago]",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md"]),
    default="md",
    show_default=True,
    help="md: Markdown, as a principal reads it.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="FILE",
    help="Write it to FILE (replaced whole, never half-written). [default: stdout]",
)
@click.pass_context
def brief(
    ctx: click.Context,
    ritual: str | None,
    workstreams: tuple[str, ...],
    since_text: str | None,
    fmt: str,
    out: Path | None,
):
    """The principal's context brief: what changed since the last occurrence
    of the ritual (or --since, or in the last 7 days), the decisions waiting,
    the blockers to escalate, each workstream's state, the decisions the room
    may reopen, what slipped, the linked context and the one thing that cannot
    be left unsaid."""
    s: Session = ctx.obj
    if (ritual is None) == (not workstreams):
        raise click.UsageError("Give either --ritual KEY or --workstream KEY, not both or neither.")
    now = s.clock()
    since = parse_option(since_text, ctx, "--since") if since_text is not None else None
    if since is not None and since >= now:
        raise click.BadParameter("--since is not in the past.", param_hint="'--since'")
    history = load_history(s)
    models = history.as_of(now)  # what the brief will read: nothing recorded after "now"
    if ritual is not None:
        ritual = _known(models, expect_kind(ritual, "ritual"))
    keys = [_known(models, expect_kind(key, "workstream")) for key in workstreams]
    text = markdown(brief_of(history, now, ritual=ritual, workstreams=keys, since=since))
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        with replacing(out) as file:
            file.write(text.encode())
    except OSError as error:
        raise click.FileError(str(out), hint=error.strerror or str(error)) from error
    click.echo(f"Wrote the brief to {out}.", err=True)


def _known(models: ReadModels, key: str) -> str:
    """`key`, if the store has that item; ItemNotFound (exit 1) otherwise."""
    found = models.rituals.rituals if key[0] == "R" else models.workstreams.workstreams
    if key not in found:
        noun = "ritual" if key[0] == "R" else "workstream"
        raise ItemNotFound(f"There is no {noun} {key}. `staffdeck log` lists what exists.")
    return key


def register(cli: click.Group) -> None:
    cli.add_command(brief)

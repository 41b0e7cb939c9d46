"""`staffdeck brief`: the principal's context brief for a meeting or a few workstreams,
as Markdown to read as it is."""

from collections.abc import Iterable
from pathlib import Path

import click

from domain.errors import InvalidInput, ItemNotFound
from domain.keys import expect_kind, noun_of
from projections.brief import brief as brief_of
from projections.brief_markdown import markdown
from projections.read_models import ReadModels
from tui.cli.history import write_out
from tui.cli.session import Session, parse_option
from tui.cli.views import load_history
from tui.visible import visible


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
    ritual, keys = known_keys(
        models, ritual, workstreams, hint="`staffdeck log` lists what exists."
    )
    # A document to read: controls in user text drawn as marks, in the file as on screen.
    found = brief_of(history, now, ritual=ritual, workstreams=keys, since=since)
    text = visible(markdown(found), lines=True)
    if out is None:
        click.echo(text, nl=False)
        return
    write_out(out, text.encode())
    click.echo(f"Wrote the brief to {out}.", err=True)


def known_keys(
    models: ReadModels, ritual: str | None, workstreams: Iterable[str], *, hint: str
) -> tuple[str | None, list[str]]:
    """The brief's keys, normalized, if `models` know those items; a DomainError
    saying what is wrong otherwise (`hint` says where to look). The dashboard's
    `b` checks its keys here too."""
    workstreams = list(workstreams)
    if (ritual is None) == (not workstreams):
        raise InvalidInput("A brief is on one ritual, or else on workstreams.")
    if ritual is not None:
        ritual = _known(models.rituals.rituals, expect_kind(ritual, "ritual"), hint)
    known = models.workstreams.workstreams
    return ritual, [_known(known, expect_kind(key, "workstream"), hint) for key in workstreams]


def _known(items: dict, key: str, hint: str) -> str:
    if key not in items:
        raise ItemNotFound(f"There is no {noun_of(key)} {key}. {hint}")
    return key


def register(cli: click.Group) -> None:
    cli.add_command(brief)

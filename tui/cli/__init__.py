"""The `staffdeck` command line: every change, made and read back from a shell."""

import importlib
import os
import sys

import click

from domain.errors import ConflictError, DomainError
from domain.store import StoreError
from tui.cli.session import Session, clock_from_env, default_actor
from tui.visible import visible

# Exit codes a script can rely on.
EXIT_REFUSED = 1  # a rule or an input was refused; nothing was written
EXIT_CONFLICT = 3  # someone else wrote the same item at the same moment; try again
EXIT_STORE = 4  # the store is missing, locked or unreachable


# Where each command is defined. A module loads only when one of its commands
# runs, or --help lists them: the dashboard starts without the others' imports.
COMMAND_MODULES = {
    **dict.fromkeys(("tui", "demo"), ("dashboard",)),
    "serve": ("serve",),
    **dict.fromkeys(("workstream", "decision", "blocker"), ("items",)),
    **dict.fromkeys(("ritual", "rhythm", "action", "note"), ("rhythm",)),
    **dict.fromkeys(("init", "import", "export", "log", "schema"), ("history",)),
    **dict.fromkeys(("show", "diff"), ("views",)),
    "decisions": ("views", "adr"),  # adr adds `decisions export` to views' group
    "import-adr": ("adr",),
    "brief": ("brief",),
    **dict.fromkeys(("verify", "backup", "restore"), ("care",)),
}


class StaffdeckGroup(click.Group):
    """Turns every refusal into one clear line on stderr and a meaningful exit code;
    loads each command's module when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        for module in COMMAND_MODULES.get(name, ()):
            importlib.import_module(f"tui.cli.{module}").register(self)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ConflictError as error:
            _fail(ctx, error, EXIT_CONFLICT)
        except DomainError as error:
            _fail(ctx, error, EXIT_REFUSED)
        except StoreError as error:
            _fail(ctx, error, EXIT_STORE)
        except BrokenPipeError:
            raise  # the reader left: main() ends quietly
        except UnicodeEncodeError:  # a name given in bytes that are not UTF-8
            _fail(ctx, "A name or text given is not valid UTF-8; nothing was written.", 1)
        except OSError as error:  # a file named on the command line cannot be written
            where = error.filename if error.filename is not None else "a file"
            _fail(ctx, f"{where}: {error.strerror or error}. Nothing was written.", EXIT_REFUSED)


def _fail(ctx: click.Context, error: Exception | str, code: int) -> None:
    click.echo(visible(f"error: {error}", lines=True), err=True)  # it may quote a title
    ctx.exit(code)


@click.group(
    cls=StaffdeckGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--store",
    metavar="PATH|URL",
    envvar="STAFFDECK_STORE",
    help="An SQLite file, or a postgresql:// URL for a shared store. "
    "[default: $STAFFDECK_STORE, else staffdeck.db in your data directory]",
)
@click.option(
    "--at",
    "at_text",
    metavar="DATETIME",
    help="When it happened, to backfill: 2026-09-14, 2026-09-14T10:00 (local time unless "
    "a zone is given), yesterday, -3d. [default: now]",
)
@click.option(
    "--actor",
    metavar="NAME",
    help="Who is recording. [default: $STAFFDECK_ACTOR, else your login name]",
)
@click.version_option(package_name="staffdeck")
@click.pass_context
def cli(ctx: click.Context, store: str | None, at_text: str | None, actor: str | None):
    """staffdeck: a Chief of Staff's decisions, blockers, workstreams and rituals,
    kept as an append-only history.

    With no command, opens the dashboard (as `staffdeck tui` does); `staffdeck
    demo` shows it on sample data. Commands that create an item print its key. Exit codes: 0 done, 1 refused
    (nothing written), 2 bad usage, 3 conflict with another writer (try again),
    4 store unavailable (a locked or unreachable store is waited for
    $STAFFDECK_STORE_TIMEOUT seconds, 5 unless set).
    """
    session = Session(store=store, at_text=at_text, actor=actor or default_actor())
    session.clock = clock_from_env()
    _ = session.at  # a bad --at fails before anything else runs
    ctx.obj = session
    ctx.call_on_close(session.close)
    if ctx.invoked_subcommand is None:  # plain `staffdeck` opens the dashboard
        from tui.cli import dashboard

        ctx.invoke(dashboard.tui, theme=os.environ.get(dashboard.THEME_ENV, "default"))


def main() -> None:
    try:
        cli(prog_name="staffdeck")
    except BrokenPipeError:
        # `staffdeck export | head`: the reader left; that is not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)

"""`staffdeck` (no command), `staffdeck tui` and `staffdeck demo`: the dashboard."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from domain.service import Staffdeck
from tui.cli.session import Session

pass_session = click.make_pass_decorator(Session)
THEME_ENV = "STAFFDECK_THEME"
THEMES = ("default", "light", "high-contrast")  # tui/themes.py; named here so that
# every other command starts without loading Textual

theme_option = click.option(
    "--theme",
    type=click.Choice(THEMES),
    default=lambda: os.environ.get(THEME_ENV, "default"),
    show_default="default, or $STAFFDECK_THEME",
    help="high-contrast suits projectors. Switch any time from the command palette (ctrl+p).",
)


def run_dashboard(session: Session, deck: Staffdeck, theme: str) -> None:
    from tui.app import StaffdeckApp  # Textual loads only when a dashboard opens

    if theme not in THEMES:  # from $STAFFDECK_THEME, which click did not check
        raise click.BadParameter(
            f"{theme!r} is not one of {', '.join(THEMES)}.", param_hint=THEME_ENV
        )
    StaffdeckApp(deck, theme=theme, clock=session.clock).run()


@click.command()
@theme_option
@pass_session
def tui(s: Session, theme: str) -> None:
    """Open the dashboard on the store, creating it if it is missing.

    It follows the store live: what anyone records appears within a moment.
    Keys: ? lists them all; q quits.
    """
    run_dashboard(s, s.app(create=True), theme)


@click.command()
@click.option("--live", is_flag=True, help="Also play a scripted staff meeting into the store.")
@click.option(
    "--no-shift", is_flag=True, help="Keep the sample's own dates (the quarter ends 2026-11-19)."
)
@theme_option
@pass_session
def demo(s: Session, live: bool, no_shift: bool, theme: str) -> None:
    """Open the dashboard on a realistic quarter of sample data.

    The sample goes into a throwaway store that is deleted on exit: your own
    store (--store, $STAFFDECK_STORE) is never read or written. Its dates are
    moved so that the quarter ends today.
    """
    from tui.demo import prepare_demo

    directory = Path(tempfile.mkdtemp(prefix="staffdeck-demo-"))
    meeting = None
    try:
        click.echo("Preparing the demo quarter …", err=True)
        store = prepare_demo(directory, s.clock(), shift=not no_shift)
        demo_session = Session(store=str(store), at_text=None, actor="demo", clock=s.clock)
        if live:
            meeting = subprocess.Popen(
                [sys.executable, "-m", "tui.demo_meeting", str(store)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        try:
            run_dashboard(demo_session, demo_session.app(create=False), theme)
        finally:
            demo_session.close()
    finally:
        if meeting is not None:
            meeting.terminate()
            meeting.wait()
        shutil.rmtree(directory, ignore_errors=True)


def register(cli: click.Group) -> None:
    for command in (tui, demo):
        cli.add_command(command)

"""Commands load their modules only when asked for: every command is still there,
and the dashboard's launch does not pay for the others' imports."""

import importlib
import subprocess
import sys

import click
from click.testing import CliRunner

from tui.cli import COMMAND_MODULES, cli

MODULES = {module for modules in COMMAND_MODULES.values() for module in modules}


def test_every_registered_command_is_listed_and_reached():
    registered = click.Group()
    for module in MODULES:
        importlib.import_module(f"tui.cli.{module}").register(registered)
    assert sorted(registered.commands) == sorted(COMMAND_MODULES)
    shown = CliRunner().invoke(cli, ["--help"]).stdout
    listed = shown.split("Commands:")[1].split()
    assert all(name in listed for name in COMMAND_MODULES)
    ctx = click.Context(cli)
    assert sorted(cli.get_command(ctx, "decisions").commands) == ["export", "search"]


def test_the_command_line_alone_loads_no_command_but_the_dashboards():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, tui.cli; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert not [f"tui.cli.{m}" for m in MODULES - {"dashboard"} if f"tui.cli.{m}" in loaded]
    assert "domain.adr" not in loaded and "textual" not in loaded

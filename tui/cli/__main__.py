"""`python -m tui.cli`: the `staffdeck` command (how `serve` starts each tab's dashboard)."""

from tui.cli import main

main()

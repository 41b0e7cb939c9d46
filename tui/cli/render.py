"""Rows out of a command: a table for people, JSON for scripts, Markdown for briefs.

What people read (a table, Markdown) shows control characters in user text as
visible marks (tui/visible.py), so a title holding ESC cannot colour or clear the
terminal. JSON is data: its own escaping keeps the text exactly as recorded.
"""

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import click
import msgspec
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.visible import visible

FORMATS = ("table", "json", "md")
ONE_LINE_WIDTH = 32  # the widest a column that does not wrap (a key, an owner, flags) gets


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], str]
    style: Callable[[Any], str] | None = None  # a Rich style name, never markup
    wrap: bool = False


def default_format() -> str:
    """A table on a terminal; JSON when piped into something else."""
    return "table" if sys.stdout.isatty() else "json"


def emit(
    rows: Sequence, columns: Sequence[Column], fmt: str, *, document: dict, footer: str = ""
) -> None:
    if fmt == "json":
        click.echo(msgspec.json.format(msgspec.json.encode(document), indent=2).decode())
    elif fmt == "md":
        click.echo(markdown_table(rows, columns) + (f"\n\n{footer}" if footer else ""))
    else:
        print_table(rows, columns)
        if footer:
            click.echo(footer)


def print_table(rows: Sequence, columns: Sequence[Column]) -> None:
    if not rows:
        click.echo("Nothing to show.")
        return
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(
            column.header,
            overflow="fold" if column.wrap else "ellipsis",
            no_wrap=not column.wrap,
            min_width=16 if column.wrap else None,  # a title never shrinks to a sliver
            # A name 10,000 characters long is cut, not given the table's whole width.
            max_width=None if column.wrap else ONE_LINE_WIDTH,
        )
    for row in rows:
        # Text cells: a title like "[bold]x" is shown as typed, never parsed; a line
        # break stays one only in a column that wraps.
        table.add_row(
            *(
                Text(visible(c.value(row), lines=c.wrap), style=c.style(row) if c.style else "")
                for c in columns
            )
        )
    # Piped into a file, a table gets room to breathe unless $COLUMNS says otherwise.
    width = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS") or 160)
    Console(soft_wrap=False, highlight=False, width=width).print(table)


def markdown_table(rows: Sequence, columns: Sequence[Column]) -> str:
    if not rows:
        return "_Nothing to show._"
    lines = [
        "| " + " | ".join(c.header for c in columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(md_cell(c.value(row)) for c in columns) + " |")
    return "\n".join(lines)


def md_cell(text: str) -> str:
    """One table cell: pipes escaped, line breaks kept as <br>, controls as marks."""
    text = visible(text.replace("\r\n", "\n"), lines=True)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")

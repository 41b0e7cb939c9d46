"""Hostile text from every command that prints it: shown literally, no traceback,
no raw control character.

What people read (tables, Markdown, `log`, `brief`, what a change prints, an
error) shows each string with its controls as visible marks (tui/visible.py),
so a title holding ESC cannot colour, clear or retitle the terminal. What is
data (`--format json`, `export`) keeps the text exactly as recorded: JSON's own
escaping writes no C0 control raw, and the text reads back the same.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from projections.brief_markdown import md_text
from tests.hostile.conftest import STORED
from tests.hostile.drawn import one_line, squash
from tests.hostile.strings import HOSTILE
from tui.cli import cli
from tui.visible import HIDDEN, visible

NOW = "2026-11-20T09:00:00Z"  # the morning after the hostile store was written
VIEWS = ("workstreams", "decisions", "blockers", "rituals", "actions")
RAW = HIDDEN - {"\n", "\t"}  # a line break or a tab reaches the terminal as one: harmless


def staffdeck(store: str, *args: str) -> Result:
    runner = CliRunner(env={"STAFFDECK_NOW": NOW, "COLUMNS": "200"})
    return runner.invoke(cli, ["--store", store, "--actor", "ana", *args], catch_exceptions=False)


def readable(store: str, *args: str) -> str:
    """A command's output for people: it ran, and nothing in it reaches the terminal raw."""
    result = staffdeck(store, *args)
    assert result.exit_code == 0, (args, result.stderr[-500:])
    raw = sorted({repr(c) for c in result.stdout if c in RAW})
    assert not raw, (args, raw)
    return result.stdout


def first_line(text: str) -> str:
    """The start of `text` as a wrapping cell shows it: a cell's first line holds its
    first word, or the first characters of a word too long for it."""
    return visible(text, lines=True).split()[0][:6]


def in_markdown(text: str) -> str:
    """The start of `text` as `brief` writes it: one line, Markdown escaped."""
    return squash(visible(md_text(text), lines=True))[:8]


class Pairs:
    """(string × command) pairs found."""

    def __init__(self) -> None:
        self.found: set[tuple[str, str]] = set()

    def each(self, place: str, output: str, expected) -> None:
        flat = squash(output)
        for name, text in STORED.items():
            assert expected(text) in flat, (place, name, expected(text))
            self.found.add((name, place))


def test_every_table_and_markdown_view_shows_each_string_literally(hostile_store):
    pairs = Pairs()
    for view in VIEWS:
        for fmt in ("table", "md"):
            output = readable(hostile_store, "show", view, "--format", fmt)
            pairs.each(f"show {view} {fmt}", output, first_line)
    for fmt in ("table", "md"):
        output = readable(hostile_store, "diff", "--since", "2026-11-16", "--format", fmt)
        pairs.each(f"diff {fmt}", output, first_line)
        # Every decision lists "Keep it as it is" among its options: found by it.
        output = readable(hostile_store, "decisions", "search", "keep", "--format", fmt)
        pairs.each(f"decisions search {fmt}", output, first_line)
        output = readable(hostile_store, "note", "search", "--format", fmt)
        pairs.each(f"note search {fmt}", output, first_line)
    print(f"\ntables and Markdown: {len(pairs.found)} (string × command) pairs")
    assert len(pairs.found) == len(STORED) * 16


def test_log_and_the_brief_show_each_string_literally(hostile_store, hostile_template):
    families = hostile_template[1]
    pairs = Pairs()
    # One line per event: a line break in a note is a mark, and cannot fake a line.
    output = readable(hostile_store, "log")
    pairs.each("log", output, one_line)
    assert len(output.splitlines()) == sum(1 for line in output.splitlines() if line[:4] == "2026")
    for name, family in families.items():
        output = readable(hostile_store, "log", family.keys["decision"])
        assert one_line(family.text) in squash(output), name
        pairs.found.add((name, "log KEY"))
    workstreams = [arg for f in families.values() for arg in ("--workstream", f.keys["workstream"])]
    pairs.each("brief", readable(hostile_store, "brief", *workstreams), in_markdown)
    for name, family in families.items():
        output = readable(hostile_store, "brief", "--ritual", family.keys["ritual"])
        assert in_markdown(family.text) in squash(output), name
        pairs.found.add((name, "brief --ritual"))
    print(f"\nlog and brief: {len(pairs.found)} (string × command) pairs")
    assert len(pairs.found) == len(STORED) * 4


def test_the_brief_written_to_a_file_is_the_one_printed(hostile_store, tmp_path):
    key = "W-13"  # the ESC family's workstream
    printed = readable(hostile_store, "brief", "--workstream", key)
    readable(hostile_store, "brief", "--workstream", key, "--out", str(tmp_path / "brief.md"))
    assert (tmp_path / "brief.md").read_text() == printed
    assert "␛\\[31mred␛\\[0m plain" in printed  # its controls marked, its brackets escaped


@pytest.mark.parametrize("name", list(STORED))
def test_a_change_prints_and_a_refusal_quotes_the_string_literally(
    hostile_store, hostile_template, name
):
    family = hostile_template[1][name]
    text = family.text
    # What a change prints: the key and what happened, the text's controls as marks.
    output = readable(hostile_store, "workstream", "status", family.keys["workstream"],
                      "on_track", "--note", text)  # fmt: skip
    assert one_line(text) in squash(output)
    # A refusal quoting the text (the owner is already this one): one line on stderr.
    refused = staffdeck(hostile_store, "blocker", "reassign", family.keys["blocker"], text)
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: ") and "Traceback" not in refused.stderr
    assert squash(visible(text, lines=True))[:8] in squash(refused.stderr)
    assert not {c for c in refused.stderr if c in RAW}


def strings_in(document) -> list[str]:
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        document = list(document.values())
    if isinstance(document, list):
        return [text for item in document for text in strings_in(item)]
    return []


def test_json_and_export_are_data_the_text_exactly_as_recorded(hostile_store, tmp_path):
    for view in VIEWS:
        result = staffdeck(hostile_store, "show", view, "--format", "json")
        assert result.exit_code == 0
        assert not any(ord(c) < 0x20 and c != "\n" for c in result.stdout), view
        said = set(strings_in(json.loads(result.stdout)["rows"]))
        for text in STORED.values():
            assert any(text in value for value in said), (view, text[:20])
    exported = staffdeck(hostile_store, "export", str(tmp_path / "all.jsonl"))
    assert exported.exit_code == 0
    data = (tmp_path / "all.jsonl").read_bytes()
    assert not any(byte < 0x20 for byte in data.replace(b"\n", b""))
    lines = [json.loads(line) for line in data.splitlines()]
    assert {line["actor"] for line in lines} >= set(STORED.values())


def test_the_other_exports_run_on_hostile_text(hostile_store, tmp_path):
    # Files for other tools, written as data: the MADR records import back, the
    # calendar is iCalendar's own escaping. They run and name their files plainly.
    result = staffdeck(hostile_store, "decisions", "export", str(tmp_path / "adr"))
    assert result.exit_code == 0, result.stderr
    records = list(Path(tmp_path / "adr").glob("*.md"))
    assert len(records) == 4 * len(STORED)
    assert all(name.isascii() and name.isprintable() for name in (p.name for p in records))
    calendar = staffdeck(hostile_store, "rhythm", "export", "--out", str(tmp_path / "r.ics"))
    assert calendar.exit_code == 0, calendar.stderr
    assert (tmp_path / "r.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_lone_surrogate_from_argv_is_refused_with_a_clear_error(hostile_store):
    before = staffdeck(hostile_store, "export").stdout_bytes
    result = staffdeck(hostile_store, "workstream", "open", HOSTILE["surrogate"], "--owner", "ana")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: title: '\\udcff' is not a character")
    assert staffdeck(hostile_store, "export").stdout_bytes == before

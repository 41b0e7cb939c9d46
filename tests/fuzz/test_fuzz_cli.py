"""The command line, fuzzed: plausible but wrong argument vectors over the real
command tree, found by walking `tui.cli.cli` with click's introspection.

Each example runs one to three commands, in order, against a store that holds
the first 100 lines of the demo history: required arguments and options left
out, unknown options, keys that are not keys or name nothing (`b-1`, `X-9`,
`B-999999`), values outside a choice, hostile and huge text, dates as people
mistype them, empty strings, negative numbers. Whatever it is, the command
exits with a documented code (0 done, 1 refused, 2 bad usage, 3 conflict, 4
store unavailable), never with a traceback; a failure says what is wrong, in
one `error: ` line or click's usage error naming the option; and a command
that fails writes nothing.

Left out, because they open the Textual dashboard and run until someone quits
it (CliRunner has no terminal for them): `staffdeck` with no command, `staffdeck
tui`, `staffdeck demo` (and its --live, which follows the store forever), and
`staffdeck serve`, which listens for browsers until stopped (tests/serve try it).
Paths given to file and folder arguments are drawn from a few names inside the
example's own working folder, so the fuzzer never reads a device or writes
outside its temporary folder.
"""

import contextlib
from pathlib import Path

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import export_of
from tests.fuzz.fuzzing import (
    SAMPLE_LINES,
    error_message,
    fuzzing,
    no_traceback,
    staffdeck,
)
from tests.fuzz.strategies import bad_keys, hostile_text, typed_dates
from tests.fuzz.tally import OUTCOMES, TRIED
from tui.cli import cli
from tui.cli.session import _TimeType

IN_STORE = SAMPLE_LINES[:100]
EXCLUDED = {
    ("tui",): "opens the dashboard and runs until quit",
    ("demo",): "opens the dashboard on sample data; --live follows the store forever",
    ("serve",): "listens for browsers until stopped (tests/serve)",
}
# fmt: off
KEY_NAMES = {"key", "ws", "workstream", "workstreams", "by", "source", "informed", "surfaced",
             "links", "ritual"}
DATE_NAMES = {"as_of", "since_text", "until_text", "since", "until", "due", "review_by",
              "needed_by", "date"}
# The folder each example runs in holds these; file and folder arguments name them.
LONG_NAME = "x" * 300  # longer than a file name may be (255 bytes)
PATHS = ["-", "", ".", "out.jsonl", "missing/out.jsonl", "folder", "folder/", "empty.jsonl",
         "garbage.jsonl", "continuation.jsonl", "adrs", "out.ics", "brief.md", "folder/out.md",
         "caf\udcc3.jsonl", LONG_NAME]
# fmt: on


def leaf_commands(group: click.Group, path: tuple[str, ...] = ()):
    """Every command that does something, with the words that reach it."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # loads each command's module
        command = group.get_command(ctx, name)
        if (*path, name) in EXCLUDED:
            continue
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = list(leaf_commands(cli))


def test_the_fuzzer_reaches_every_command_but_the_dashboards():
    """Walking the tree finds the commands a reader of --help would (a guard against a
    walk that silently finds nothing), and none that would run until someone quits it."""
    reached = {" ".join(path) for path, _ in COMMANDS}
    # fmt: off
    assert {"workstream open", "decision make", "blocker resolve", "ritual held", "action assign",
            "note add", "import", "export", "log", "show", "diff", "brief", "rhythm export",
            "decisions search", "import-adr"} <= reached
    # fmt: on
    assert not reached & {"tui", "demo", "serve"}
    forever = [
        path
        for path, command in COMMANDS
        if any({"--live", "--follow"} & set(getattr(p, "opts", ())) for p in command.params)
    ]
    assert not forever, f"these run forever; add them to EXCLUDED: {forever}"


# ---- argument vectors -----------------------------------------------------------


def _keys_in(history: list[bytes]) -> list[str]:
    keys = {line.split(b'"key":"')[1].split(b'"')[0].decode() for line in history}
    return sorted(keys, key=lambda key: (key[0], int(key[2:])))


KNOWN_KEYS = _keys_in(IN_STORE)
# Right values too, so that commands get past click to the rules and the store.
valid_dates = st.sampled_from(
    [
        "2026-09-01",
        "2026-10-15",
        "-3d",
        "+2w",
        "yesterday",
        "today",
        "2026-09-09T10:00",
        "2026-09-09T10:00+02:00",
    ]
)
plain_text = st.sampled_from(["Checkout v2", "ana", "vendor late", "Adyen: fees", "cpo"])
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.sampled_from(KNOWN_KEYS), bad_keys)


def value_for(param: click.Parameter, path: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Something plausible but often wrong for one argument or option."""
    if isinstance(param.type, click.Choice):
        valid = st.sampled_from(list(param.type.choices))
        return st.one_of(
            valid,
            valid,
            st.sampled_from(
                [
                    "",
                    "ON_TRACK",
                    "on track",
                    "critical ",
                    "weekly\n",
                    "bogus",
                    "-1",
                    "🙂",
                    "table ",
                    "JSON",
                ]
            ),
        )
    if isinstance(param.type, (click.Path, click.File)):
        return st.sampled_from(PATHS)
    if isinstance(param.type, _TimeType) or param.name in DATE_NAMES:
        return st.one_of(valid_dates, typed_dates)
    if param.name in KEY_NAMES or getattr(param, "metavar", None) == "KEY":
        return keys
    return st.one_of(plain_text, hostile_text)


def now_and_then(one_in: int) -> st.SearchStrategy[bool]:
    """True once in `one_in` draws; False is the simplest, as the mistakes are rarer."""
    return st.sampled_from([False] * (one_in - 1) + [True])


@st.composite
def uses_of(draw, param: click.Parameter, path: tuple[str, ...]) -> list[list[str]]:
    """How often a parameter is given (left out when required, now and then), and with what."""
    if isinstance(param, click.Option) and param.is_flag:
        return [[param.opts[0]]] if draw(st.booleans()) else []
    if isinstance(param, click.Argument):
        if param.nargs == -1:
            return [draw(st.lists(value_for(param, path), max_size=3))]
        left_out = draw(now_and_then(10))
        return [] if left_out else [[draw(value_for(param, path))]]
    if param.required:
        times = draw(st.sampled_from([1, 1, 1, 1, 1, 1, 1, 0, 2]))
    elif param.multiple:
        times = draw(st.integers(0, 3))
    else:
        times = draw(st.sampled_from([0, 0, 1, 1, 2]))
    uses = []
    for _ in range(times):
        value = draw(value_for(param, path))
        name = draw(st.sampled_from(param.opts))
        uses.append(draw(st.sampled_from([[name, value], [f"{name}={value}"]])))
    return uses


@st.composite
def argument_vectors(draw) -> list[str]:
    """A command line after `staffdeck --store S --actor ana`."""
    path, command = draw(st.sampled_from(COMMANDS))
    words: list[str] = []
    if draw(now_and_then(8)):
        words += ["--at", draw(st.one_of(valid_dates, typed_dates))]
    if draw(now_and_then(10)):
        words += ["--actor", draw(hostile_text)]
    words += list(path)
    if draw(now_and_then(30)):  # a typo in the command, or a group on its own
        words[-1] = draw(st.sampled_from([words[-1].upper(), words[-1][:-1] or "x", "--help"]))
    arguments = [
        value
        for p in command.params
        if isinstance(p, click.Argument)
        for use in draw(uses_of(p, path))
        for value in use
    ]
    options = [
        use for p in command.params if isinstance(p, click.Option) for use in draw(uses_of(p, path))
    ]
    if draw(now_and_then(10)):
        options.append([draw(st.sampled_from(["--bogus", "-z", "--owner", "--json=1", "--", "-"]))])
    if draw(now_and_then(10)):
        arguments.append(draw(hostile_text))
    options = [w for use in draw(st.permutations(options)) for w in use]
    words += arguments + options if draw(st.booleans()) else options + arguments
    return [word.replace("\x00", "") for word in words]  # no command line can hold a NUL


# ---- running them --------------------------------------------------------------


def working_folder(folder: Path) -> Path:
    """The files and folders the paths in PATHS may name."""
    folder.mkdir()
    (folder / "folder").mkdir()
    (folder / "adrs").mkdir()
    (folder / "adrs" / "0001-use-x.md").write_text("# Use X\n\nStatus: maybe\n\n[bold\n")
    (folder / "empty.jsonl").write_bytes(b"")
    (folder / "garbage.jsonl").write_bytes(b"\xff\xfe{not json\n\x00\n")
    (folder / "continuation.jsonl").write_bytes(b"\n".join(SAMPLE_LINES[100:110]) + b"\n")
    return folder


def run_and_judge(store: str, args: list[str], test: str) -> bool:
    """Run one command line; True if it changed the store."""
    before = export_of(store)
    result = staffdeck(store, *args, input=b"\xff not an import\n")
    no_traceback(result, args)
    OUTCOMES[test, f"exit {result.exit_code}"] += 1
    if result.exit_code == 0:
        return export_of(store) != before
    error_message(result, args)
    assert export_of(store) == before, f"{args!r} failed with exit {result.exit_code} but wrote"
    return False


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_any_command_line_exits_with_a_documented_code_and_a_message(make_stores, tmp_path):
    stores = make_stores(IN_STORE)
    test = "cli: command lines, 1 to 3 per example (sqlite)"
    examples = iter(range(1, 1_000_000))

    @fuzzing(1.5)
    @given(command_lines=st.lists(argument_vectors(), min_size=1, max_size=3))
    def any_commands(command_lines: list[list[str]]) -> None:
        TRIED[test] += 1
        store = stores.holding_history()
        changed = False
        with contextlib.chdir(working_folder(tmp_path / f"cwd-{next(examples)}")):
            for args in command_lines:
                changed |= run_and_judge(store, args, test)
        if not changed:
            stores.unchanged()

    any_commands()


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "path, name",
    [
        (("export",), ""),
        (("export",), "missing-folder/out.jsonl"),
        (("backup",), LONG_NAME),
        (("restore",), LONG_NAME),
        (("decisions", "export"), LONG_NAME),
    ],
    ids=[
        "export nothing",
        "export into a missing folder",
        "backup long name",
        "restore long name",
        "decisions export long name",
    ],
)
def test_files_that_cannot_be_used_are_named(make_stores, tmp_path, monkeypatch, path, name):
    """Crashes this fuzzer found (an OSError escaping a command given a path it
    cannot use), fixed since: the file is named in one line, nothing written."""
    stores = make_stores(IN_STORE)
    store = stores.holding_history()
    monkeypatch.chdir(working_folder(tmp_path / "cwd"))
    result = staffdeck(store, *path, name)
    no_traceback(result, path)
    assert result.exit_code in (1, 2), result.output
    error_message(result, path)
    stores.unchanged()

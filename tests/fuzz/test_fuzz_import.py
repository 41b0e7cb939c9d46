"""Bad import files, fuzzed: `staffdeck import` either takes a file whole or
refuses it whole, naming every bad line as `FILE:LINE: why`.

The files start from the demo history: the store holds its first 40 lines, the
file carries on from there (a valid continuation), then hypothesis breaks it:
lines dropped, duplicated, swapped or truncated; a field deleted, retyped or
added; a date or a key corrupted; the type changed to one that does not exist;
random bytes, invalid UTF-8, a byte-order mark, NULs, huge numbers, deep
nesting put in. Files of random bytes and of random JSON too.

Each file goes through the application service and through the command line,
into a store that already holds events. Either it is imported, and then the
store is a valid one (what was there is still there, first; export → import
into a fresh store → export gives the same bytes; the store reads back through
`log` and `show`), or it is refused: exit 1, a message naming the file and each
bad line, never a traceback, and the store's export byte for byte as before.
"""

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import ImportRejected
from domain.service import Staffdeck
from events.codec import EVENT_TYPES
from tests.conftest import export_of
from tests.fuzz.fuzzing import (
    IN_STORE,
    SAMPLE_LINES,
    Stores,
    clock,
    fuzzing,
    no_traceback,
    staffdeck,
)
from tests.fuzz.strategies import bad_keys, tricky_text
from tests.fuzz.tally import OUTCOMES, TRIED

SOURCE = "history.jsonl"
CONTINUATION = SAMPLE_LINES[len(IN_STORE) : len(IN_STORE) + 60]
TAGS = sorted(EVENT_TYPES)
DATE_FIELDS = ("at", "recorded_at", "due", "until", "needed_by", "review_by", "on", "held_on")
LINK_FIELDS = ("key", "workstream", "source", "by", "informed", "surfaced", "links")

# ---- what breaks a file ---------------------------------------------------------

# Values of the wrong type or shape, written as raw JSON (some of it not JSON at all).
weird_values = st.one_of(
    st.sampled_from(
        [
            b"null",
            b"true",
            b"0",
            b"-1",
            b"1.5",
            b'""',
            b'"   "',
            b"[]",
            b"{}",
            b'[1, "a"]',
            b'{"a": 1}',
            b"1e400",
            b"-1e400",
            b"NaN",
            b"Infinity",
            b"-0",
            b"100000000000000000000000000000000000000",
            b"18446744073709551616",
            b"-9223372036854775809",
            b'"\\u0000"',
            b'"\\ud800"',
            b'"\\u001b[31m"',
            b'"a\\nb"',
            b'"[bold]x[/]"',
            b"'single'",
            b"undefined",
            b'"\xff\xfe"',
        ]
    ),
    st.integers(min_value=1, max_value=150_000).map(lambda depth: b"[" * depth + b"]" * depth),
    st.integers(min_value=1, max_value=300_000).map(lambda size: b'"' + b"x" * size + b'"'),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
        max_leaves=8,
    ).map(lambda value: json.dumps(value).encode()),
)
bad_dates = st.one_of(
    st.sampled_from(
        [
            "",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-09-01",
            "2026-09-01T09:00:00",
            "0001-01-01T00:00:00+05:00",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59-05:00",
            "9999-12-31T23:59:59Z",
            "9999-12-31",
            "0001-01-01",
            "1970-01-01T00:00:00Z",
            "2026-08-01T00:00:00+14:00",
            "2026-09-10T09:04:00Z",
            "2100-01-01T00:00:00Z",
            "yesterday",
            "-3d",
            "2026-09-01T09:00:00.123456789Z",
            "2026-09-01 09:00:00Z",
            "+002026-09-01T00:00:00Z",
            "2026-W36-1",
            "2026-09-01T25:00:00Z",
            "2026-09-01T09:00:00+24:00",
            "٢٠٢٦-٠٩-٠١T00:00:00Z",
            "2026-09-01T09:00:00z",
            "2026-09-01t09:00:00Z",
        ]
    ),
    st.dates().map(str),
    st.datetimes(timezones=st.timezones()).map(lambda moment: moment.isoformat()),
    st.text(max_size=30),
)
odd_bytes = st.one_of(
    st.sampled_from(
        [
            b"\xef\xbb\xbf",
            b"\x00",
            b"\x00" * 5,
            b"\xff",
            b"\xc3",
            b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80",
            b"\xc0\xaf",
            b"\r",
            b"\n",
            b"\x1b[31m",
            b'"',
            b"\\",
            b",",
            b"{",
            b"}",
            b"\t",
            b"\xe2\x80\xa8",
        ]
    ),
    st.binary(min_size=1, max_size=12),
)


def _objects(line: bytes) -> dict | None:
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, or deeply nested by an earlier break
        return None
    return value if isinstance(value, dict) else None


def _utf8(text: str) -> bytes:
    """A lone surrogate (from tricky text) is written as its bytes: not UTF-8, as in a bad file."""
    return text.encode("utf-8", "surrogatepass")


def _with_raw(line: bytes, field: str, raw: bytes) -> bytes:
    """The line with `field` set to `raw`, written as it is (it may not be JSON)."""
    value = _objects(line)
    if value is None:
        return line
    placeholder = "\x00placeholder\x00"
    value[field] = placeholder
    written = _utf8(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    return written.replace(json.dumps(placeholder).encode(), raw, 1)


@st.composite
def mutated_line(draw, line: bytes) -> list[bytes]:
    """One line, broken one way; a list, as some ways split it or drop it."""
    value = _objects(line)
    fields = sorted(value) if value else ["type"]
    how = draw(
        st.sampled_from(
            [
                "delete field",
                "retype field",
                "corrupt date",
                "change key",
                "truncate",
                "insert bytes",
                "invalid utf-8 in a string",
                "unknown type",
                "another type",
                "add field",
                "random json",
                "bom",
                "crlf",
                "blank",
            ]
        )
    )
    if how == "delete field" and value:
        del value[draw(st.sampled_from(fields))]
        return [_utf8(json.dumps(value, ensure_ascii=False))]
    if how == "retype field":
        return [_with_raw(line, draw(st.sampled_from(fields)), draw(weird_values))]
    if how == "corrupt date":
        field = draw(st.sampled_from([f for f in fields if f in DATE_FIELDS] or ["at"]))
        return [_with_raw(line, field, json.dumps(draw(bad_dates)).encode())]
    if how == "change key":
        field = draw(st.sampled_from([f for f in fields if f in LINK_FIELDS] or ["key"]))
        key = draw(bad_keys)
        raw = json.dumps([key] if value and isinstance(value.get(field), list) else key)
        return [_with_raw(line, field, raw.encode())]
    if how == "truncate":
        return [line[: draw(st.integers(0, max(0, len(line) - 1)))]]
    if how == "insert bytes":
        at = draw(st.integers(0, len(line)))
        return (line[:at] + draw(odd_bytes) + line[at:]).split(b"\n")
    if how == "invalid utf-8 in a string":
        starts = [m.end() for m in re.finditer(rb'":"', line)] or [len(line)]
        at = draw(st.sampled_from(starts))
        bad = draw(
            st.sampled_from(
                [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80"]
            )
        )
        return [line[:at] + bad + line[at:]]
    if how == "unknown type":
        return [_with_raw(line, "type", json.dumps(draw(tricky_text)).encode())]
    if how == "another type":
        return [_with_raw(line, "type", json.dumps(draw(st.sampled_from(TAGS))).encode())]
    if how == "add field":
        name = draw(st.one_of(st.sampled_from(["v", "extra", "Type", "KEY", ""]), tricky_text))
        return [_with_raw(line, name, draw(weird_values))]
    if how == "random json":
        return [draw(weird_values)]
    if how == "bom":
        return [b"\xef\xbb\xbf" + line]
    if how == "crlf":
        return [line + b"\r"]
    return [line, draw(st.sampled_from([b"", b"  ", b"\t", b"\r", b"\x00"]))]


@st.composite
def broken_files(draw) -> bytes:
    """A valid continuation of the store's history, broken one to three ways."""
    lines = list(CONTINUATION[: draw(st.integers(1, len(CONTINUATION)))])
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["drop", "duplicate", "swap", "line", "line", "line", "line"]))
        at = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if how == "drop" and lines:
            del lines[at]
        elif how == "duplicate" and lines:
            lines.insert(draw(st.integers(at, len(lines))), lines[at])
        elif how == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif lines:
            lines[at : at + 1] = draw(mutated_line(lines[at]))
    ending = draw(st.sampled_from([b"\n", b"\n", b"", b"\n\n"]))
    return b"\n".join(lines) + ending


plausible_events = st.fixed_dictionaries(
    {"type": st.sampled_from(TAGS), "key": bad_keys, "at": bad_dates},
    optional={
        name: st.one_of(st.text(max_size=10), st.lists(st.text(max_size=5), max_size=2), bad_dates)
        for name in (
            "actor",
            "title",
            "owner",
            "workstream",
            "severity",
            "state",
            "question",
            "resolution",
            "why",
            "to",
            "choice",
            "reasoning",
            "cadence",
            "purpose",
            "name",
            "kind",
            "text",
            "due",
            "until",
            "on",
            "recorded_at",
            "v",
        )
    },
).map(lambda event: json.dumps(event).encode())
random_files = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.one_of(weird_values, plausible_events), min_size=1, max_size=8).map(b"\n".join),
)


# ---- the checks -------------------------------------------------------------------

PROBLEM = re.compile(r"(?P<line>\d+): (?P<why>\S.*)")


def check_problems(message: str, source: str, file: bytes) -> list[int]:
    """A refusal's message: one `SOURCE:LINE: why` per bad line, then the count; the
    line numbers, each one a line of the file."""
    *problems, summary = message.rstrip("\n").split("\n")
    numbers = []
    for problem in problems:
        assert problem.startswith(f"{source}:"), message
        match = PROBLEM.fullmatch(problem.removeprefix(f"{source}:"))
        assert match, f"not `FILE:LINE: why`: {problem!r}"
        assert len(match["why"].split()) >= 2, f"names nothing: {problem!r}"
        numbers.append(int(match["line"]))
    count = len(problems)
    assert summary == (
        f"{count:,} bad line{'s' if count != 1 else ''} in {source}; nothing was imported."
    ), message
    assert numbers and numbers == sorted(numbers)
    assert all(1 <= number <= file.count(b"\n") + 1 for number in numbers), message
    return numbers


def check_valid(stores: Stores, store: str, before: bytes, added: int) -> None:
    """An import appended its events after what was there, and left a store that
    reads back and exports to a file that imports into a fresh store as itself."""
    after = export_of(store)
    assert after.startswith(before), "an import changed what the store already held"
    assert after.count(b"\n") - before.count(b"\n") == added
    fresh = stores.empty()
    deck = Staffdeck(fresh, actor="fuzz", clock=clock())
    try:
        deck.import_lines(after.split(b"\n"), source="export")
    finally:
        deck.close()
    assert export_of(fresh) == after, "export → import → export is not the identity"
    if stores.postgres:
        return  # the same payloads read back the same way: checked on SQLite, the faster
    for command in (
        ["log"],
        *(
            ["show", view, "--format", "json"]
            for view in ("workstreams", "decisions", "blockers", "rituals", "actions")
        ),
    ):
        result = staffdeck(store, *command)
        no_traceback(result, command)
        assert result.exit_code == 0, (command, result.stderr)


def import_through_the_service(stores: Stores, file: bytes) -> list[int] | None:
    """The bad lines' numbers if refused; None if imported."""
    store = stores.holding_history()
    before = stores.history_export
    deck = Staffdeck(store, actor="fuzz", clock=clock())
    try:
        added = deck.import_lines(file.split(b"\n"), source=SOURCE)
    except ImportRejected as refusal:
        numbers = check_problems(str(refusal), SOURCE, file)
        assert numbers == [number for number, _ in refusal.problems]
        assert export_of(store) == before, "a refused import wrote something"
        stores.unchanged()
        return numbers
    finally:
        deck.close()
    check_valid(stores, store, before, added)
    return None


def import_through_the_cli(stores: Stores, file: bytes, path) -> list[int] | None:
    path.write_bytes(file)
    store = stores.holding_history()
    before = stores.history_export
    result = staffdeck(store, "import", str(path))
    no_traceback(result, file[:200])
    if result.exit_code == 0:
        added = int(result.stdout.split()[1].replace(",", ""))
        assert result.stdout.startswith(f"Imported {added:,} event")
        check_valid(stores, store, before, added)
        return None
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("error: "), result.stderr
    numbers = check_problems(result.stderr.removeprefix("error: "), str(path), file)
    assert export_of(store) == before, "a refused import wrote something"
    stores.unchanged()
    return numbers


def import_both_ways(stores: Stores, file: bytes, path, test: str) -> None:
    """The service and the command line agree: both import, or both refuse the same lines."""
    TRIED[test] += 1
    by_service = import_through_the_service(stores, file)
    by_cli = import_through_the_cli(stores, file, path)
    assert by_service == by_cli
    OUTCOMES[test, "imported" if by_service is None else "refused"] += 1


# ---- the tests --------------------------------------------------------------------


def _share(store: str) -> float:
    return 0.15 if store.startswith("postgresql://") else 1.0


def test_a_broken_history_file_is_imported_whole_or_refused_naming_its_lines(
    store, make_stores, tmp_path
):
    stores = make_stores(IN_STORE)
    backend = "postgres" if stores.postgres else "sqlite"

    @fuzzing(_share(store))
    @given(file=broken_files())
    def broken(file: bytes) -> None:
        import_both_ways(stores, file, tmp_path / SOURCE, f"import: broken files ({backend})")

    broken()


def test_random_bytes_and_random_json_are_refused_naming_their_lines(store, make_stores, tmp_path):
    stores = make_stores(IN_STORE)
    backend = "postgres" if stores.postgres else "sqlite"

    @fuzzing(0.5 * _share(store))
    @given(file=random_files)
    def random(file: bytes) -> None:
        import_both_ways(stores, file, tmp_path / SOURCE, f"import: random files ({backend})")

    random()


@pytest.mark.parametrize("lines", [len(CONTINUATION), 1])
def test_the_unbroken_continuation_imports(store, make_stores, tmp_path, lines):
    """The fuzzer's starting point is valid: without a mutation, the file imports."""
    stores = make_stores(IN_STORE)
    file = b"\n".join(CONTINUATION[:lines]) + b"\n"
    assert import_through_the_service(stores, file) is None
    assert import_through_the_cli(stores, file, tmp_path / SOURCE) is None

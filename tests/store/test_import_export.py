"""Export and import of a whole history as JSON lines, on SQLite and PostgreSQL.

Export writes the store as it was recorded; import checks a whole file first
and then appends all of it, or nothing. Every bad line is named with its
number and what is wrong with it, so one run of the import tells its author
everything to fix.
"""

import json
import re
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import psycopg
import pytest
from click.testing import CliRunner, Result

from domain.errors import ImportRejected
from domain.service import Staffdeck
from events import decode, tag_of
from tests.conftest import FixedClock, export_of
from tui.cli import cli

SOURCE = "history.jsonl"
NOW = "2026-09-01T09:00:00Z"  # the CLI's fixed "now"; every line below happened before it


def event(type_: str, key: str, minute: int, **fields) -> dict:
    """One event as someone outside staffdeck writes it: on 3 August, at 09:MM UTC."""
    return {
        "type": type_,
        "key": key,
        "at": f"2026-08-03T09:{minute:02d}:00Z",
        "actor": "bo",
        **fields,
    }


def at_text(*, minutes: int) -> str:
    """3 August 09:00 UTC plus some minutes, as a file writes it."""
    moment = datetime(2026, 8, 3, 9, tzinfo=UTC) + timedelta(minutes=minutes)
    return moment.isoformat().replace("+00:00", "Z")


def opened(key: str = "W-1", minute: int = 0) -> dict:
    return event("workstream.opened", key, minute, title="Checkout v2", owner="ana")


def raised(key: str = "B-1", minute: int = 1, workstream: str = "W-1") -> dict:
    return event("blocker.raised", key, minute, title="PCI audit", workstream=workstream,
                 severity="high")


def resolved(key: str = "B-1", minute: int = 2) -> dict:
    return event("blocker.resolved", key, minute, resolution="auditor signed off")


def status(key: str = "W-1", minute: int = 3, state: str = "at_risk") -> dict:
    return event("workstream.status_reported", key, minute, state=state, note="vendor late")


def recorded(line: dict) -> dict:
    """The line as an export writes it: with the moment the store took it."""
    return {**line, "recorded_at": line["at"]}


def jsonl(*lines: dict | str | bytes) -> list[bytes]:
    """A file's lines: a dict is written as JSON, text and bytes exactly as given."""
    return [
        json.dumps(line).encode() if isinstance(line, dict)
        else line.encode() if isinstance(line, str) else line
        for line in lines
    ]


def file_text(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


@pytest.fixture
def deck(store, clock) -> Iterator[Staffdeck]:
    deck = Staffdeck(store, actor="ana", clock=clock)
    yield deck
    deck.close()


@pytest.fixture
def fresh_store(store, tmp_path) -> Iterator[str]:
    """A second, empty store on the same backend as `store`."""
    if not store.startswith("postgresql://"):
        yield str(tmp_path / "fresh.db")
        return
    url = store.partition("?schema=")[0]
    schema = f"fresh_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    yield f"{url}?schema={schema}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {schema} CASCADE")


def refused(store: str, deck: Staffdeck, lines: list[bytes]) -> list[tuple[int, str]]:
    """Import a file that must be refused as a whole; the problems it names."""
    before = export_of(store)
    with pytest.raises(ImportRejected) as rejected:
        deck.import_lines(lines, source=SOURCE)
    assert export_of(store) == before, "a refused import wrote something"
    return rejected.value.problems


def only_problem(store: str, deck: Staffdeck, lines: list[bytes], *, line: int) -> str:
    """The one problem of a file with one bad line (at `line`): its reason."""
    problems = refused(store, deck, lines)
    assert [number for number, _ in problems] == [line], problems
    return problems[0][1]


def story(deck: Staffdeck) -> None:
    """A small history that touches every kind of item, with text that is not plain."""
    deck.open_workstream("Checkout v2 [bold]", owner="ana", stakeholders=["cy", "dé"])
    deck.report_status("W-1", "at_risk", note="vendor late\nsee thread")
    deck.raise_decision("Which PSP?", workstream="W-1", owner="ana", options=["Adyen", "Stripe"])
    deck.make_decision("D-1", choice="Adyen", reasoning="coverage", rejected=[("Stripe", "fees")])
    deck.raise_blocker("PCI audit a[/]b", workstream="W-1", severity="high")
    deck.escalate_blocker("B-1", to="cpo", why="deadline")
    deck.resolve_blocker("B-1", resolution="auditor signed off")
    deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana")
    deck.hold_ritual("R-1", informed=["D-1"], surfaced=["B-1"], notes="\x07 bell")
    deck.assign_action("Send the shortlist", owner="bo", due=date(2026, 9, 5),
                       source="D-1")
    deck.log_note("signal", "Churn up 3% 📉", links=["W-1", "D-1"])


# ---- export ----------------------------------------------------------------


def test_export_writes_one_json_object_per_line_in_recording_order(deck, store):
    story(deck)
    exported = export_of(store)
    lines = exported.split(b"\n")
    assert lines[-1] == b"" and all(lines[:-1]), "one line per event, each ending in a newline"
    objects = [json.loads(line) for line in lines[:-1]]
    assert all(isinstance(o, dict) for o in objects)
    assert [(o["type"], o["key"]) for o in objects] == [
        ("workstream.opened", "W-1"),
        ("workstream.status_reported", "W-1"),
        ("decision.raised", "D-1"),
        ("decision.made", "D-1"),
        ("blocker.raised", "B-1"),
        ("blocker.escalated", "B-1"),
        ("blocker.resolved", "B-1"),
        ("ritual.established", "R-1"),
        ("ritual.held", "R-1"),
        ("action.assigned", "A-1"),
        ("note.logged", "N-1"),
    ]
    # Text is data: markup, newlines and control characters come back as written.
    assert objects[0]["title"] == "Checkout v2 [bold]"
    assert objects[1]["note"] == "vendor late\nsee thread"
    assert objects[4]["title"] == "PCI audit a[/]b"
    assert objects[8]["notes"] == "\x07 bell"


def test_export_then_import_into_a_fresh_store_exports_the_same_bytes(deck, store, fresh_store):
    story(deck)
    exported = export_of(store)
    fresh = Staffdeck(fresh_store, actor="importer")
    try:
        assert fresh.import_lines(exported.split(b"\n"), source=SOURCE) == 11
    finally:
        fresh.close()
    assert export_of(fresh_store) == exported


# ---- a good file -------------------------------------------------------------


def test_a_good_file_is_imported_and_its_count_returned(deck, store):
    lines = jsonl(opened(), raised(), resolved(), status())
    assert deck.import_lines(lines, source=SOURCE) == 4
    exported = [decode(line) for line in export_of(store).splitlines()]
    assert [(tag_of(e), e.key) for e in exported] == [
        ("workstream.opened", "W-1"),
        ("blocker.raised", "B-1"),
        ("blocker.resolved", "B-1"),
        ("workstream.status_reported", "W-1"),
    ]
    # Imported history keeps the times in its file.
    assert exported[0].at == datetime(2026, 8, 3, 9, 0, tzinfo=UTC)
    assert deck.get("B-1").resolved


def test_blank_lines_are_ignored(deck, store):
    lines = jsonl("", opened(), "", "   ", raised(), "\r", "\t", resolved(), "", "")
    assert deck.import_lines(lines, source=SOURCE) == 3
    assert len(export_of(store).splitlines()) == 3


def test_a_file_with_windows_line_endings_imports(deck, store, tmp_path):
    path = tmp_path / SOURCE
    path.write_bytes(b"".join(line + b"\r\n" for line in jsonl(opened(), raised(), resolved())))
    assert staffdeck(store, "import", str(path)).exit_code == 0
    assert len(export_of(store).splitlines()) == 3


def test_an_empty_file_imports_nothing(deck, store):
    assert deck.import_lines([b"", b""], source=SOURCE) == 0
    assert export_of(store) == b""


def test_a_good_file_goes_in_as_one_transaction(deck, store):
    # A reader watching the store while a file of 20,000 events goes in sees
    # either none of it or all of it, never a part.
    deck.open_workstream("Already here", owner="ana")
    before = deck.recorder.max_notification_id()
    count = 20_000
    lines = [opened(f"W-{n}", minute=0) for n in range(2, 202)]
    for n in range(count - 200):
        lines.append({**status(f"W-{2 + n % 200}", state=("at_risk", "on_track")[n % 2]),
                      "at": at_text(minutes=1 + n // 200)})
    seen: set[int] = set()
    stop = threading.Event()

    def watch():
        watcher = Staffdeck(store, actor="watcher")
        try:
            while not stop.is_set():
                seen.add(watcher.recorder.max_notification_id() or 0)
        finally:
            watcher.close()

    thread = threading.Thread(target=watch)
    thread.start()
    try:
        assert deck.import_lines(jsonl(*lines), source=SOURCE) == count
    finally:
        stop.set()
        thread.join()
    after = deck.recorder.max_notification_id()
    assert len(export_of(store).splitlines()) == 1 + count
    assert seen <= {before, after}, f"a reader saw part of the import: {sorted(seen)}"


def test_a_file_continues_items_already_in_the_store(deck, store):
    # W-1 and B-1 were recorded by hand on 1 August; a script's file carries on.
    deck.open_workstream("Checkout v2", owner="ana", at=datetime(2026, 8, 1, 9, tzinfo=UTC))
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high",
                       at=datetime(2026, 8, 1, 10, tzinfo=UTC))
    before = export_of(store)
    lines = jsonl(
        status("W-1", minute=0),
        resolved("B-1", minute=1),
        opened("W-2", minute=2),
        raised("B-2", minute=3, workstream="W-1"),
        event("note.logged", "N-1", 4, kind="signal", text="audit done", links=["B-1", "W-2"]),
    )
    assert deck.import_lines(lines, source=SOURCE) == 5
    after = export_of(store)
    assert after.startswith(before)
    assert [json.loads(line)["key"] for line in after[len(before):].splitlines()] == [
        "W-1", "B-1", "W-2", "B-2", "N-1",
    ]
    assert deck.get("B-1").resolved and deck.get("W-1").state == "at_risk"
    # The store hands out the next keys after the imported ones.
    assert deck.open_workstream("Search", owner="bo").key == "W-3"


# ---- the same file twice -----------------------------------------------------


def test_importing_the_same_file_twice_is_refused_and_nothing_is_duplicated(deck, store):
    lines = jsonl(*(recorded(line) for line in (opened(), raised(), resolved(), status())))
    assert deck.import_lines(lines, source=SOURCE) == 4
    before = export_of(store)
    problems = refused(store, deck, lines)
    assert [number for number, _ in problems] == [1, 2, 3, 4]
    assert all("imported already" in why for _, why in problems), problems
    assert export_of(store) == before


def test_importing_an_export_back_into_its_own_store_is_refused(deck, store):
    story(deck)
    exported = export_of(store)
    problems = refused(store, deck, exported.split(b"\n"))
    assert [number for number, _ in problems] == list(range(1, 12))
    assert export_of(store) == exported


def test_a_second_import_of_a_file_that_only_continues_items_is_refused(deck, store):
    deck.open_workstream("Checkout v2", owner="ana", at=datetime(2026, 8, 1, 9, tzinfo=UTC))
    lines = jsonl(recorded(status("W-1", minute=0)),
                  recorded(status("W-1", minute=1, state="off_track")))
    assert deck.import_lines(lines, source=SOURCE) == 2
    problems = refused(store, deck, lines)
    assert [number for number, _ in problems] == [1, 2]
    assert len(deck.history("W-1")) == 3


def test_a_second_import_of_a_script_file_without_recorded_at_is_refused(deck, store):
    # Scripts write events without `recorded_at` (the schema lets them) and the
    # store stamps it. Today's status file, imported again by mistake, must
    # still not go in twice.
    deck.open_workstream("Checkout v2", owner="ana", at=datetime(2026, 8, 1, 9, tzinfo=UTC))
    deck.open_workstream("Search", owner="bo", at=datetime(2026, 8, 1, 9, tzinfo=UTC))
    lines = jsonl(status("W-1", minute=0), status("W-2", minute=0, state="off_track"))
    assert deck.import_lines(lines, source=SOURCE) == 2
    before = export_of(store)
    with pytest.raises(ImportRejected):
        deck.import_lines(lines, source=SOURCE)
    assert export_of(store) == before
    assert len(deck.history("W-1")) == len(deck.history("W-2")) == 2


# ---- one kind of bad line at a time -----------------------------------------
# Each file has good lines around one bad one: the bad one is named, and
# nothing of the file is written.


def test_malformed_json_is_named(deck, store):
    lines = jsonl(opened(), '{"type": "blocker.raised", "key": "B-1",', status())
    why = only_problem(store, deck, lines, line=2)
    assert why.startswith("malformed JSON"), why


def test_text_that_is_not_utf8_is_named(deck, store):
    # Found by the fuzzer (tests/fuzz): a Latin-1 title once escaped as a UnicodeDecodeError.
    bad = json.dumps(raised()).encode().replace(b"PCI audit", b"PCI caf\xe9 audit")
    why = only_problem(store, deck, [*jsonl(opened()), bad, *jsonl(status())], line=2)
    assert "not UTF-8" in why, why


def test_json_nested_too_deeply_is_named(deck, store):
    # Found by the fuzzer: msgspec gives up on deep nesting with a RecursionError.
    deep = json.dumps(opened("W-2")).replace('"ana"', "[" * 5000 + "]" * 5000)
    why = only_problem(store, deck, jsonl(opened(), deep, status()), line=2)
    assert "nested too deeply" in why, why


@pytest.mark.parametrize(("line", "quoted"), [
    (event("blocker.exploded\n\x1b[2J", "B-1", 1), r"blocker.exploded\n\x1b[2J"),
    ({**raised(), "severity\nnote": "high"}, r"severity\nnote"),
], ids=["type", "field-name"])
def test_text_quoted_from_the_file_stays_on_its_problems_line(deck, store, line, quoted):
    # Found by the fuzzer: a line break in an unknown type or field name split the
    # `FILE:LINE: why` line in two, and its ESC reached the terminal.
    why = only_problem(store, deck, jsonl(opened(), line, status()), line=2)
    assert quoted in why and why.isprintable(), why


def test_a_moment_before_the_calendar_in_utc_is_named(deck, store):
    # Found by the fuzzer: it decoded, was stored, and then `staffdeck log` crashed on it.
    line = {**opened("W-2"), "at": "0001-01-01T00:00:00+05:00"}
    why = only_problem(store, deck, jsonl(opened(), line), line=2)
    assert "0001-01-01T00:00:00+05:00 is before the first day of the calendar" in why, why


def test_an_unknown_event_type_is_named(deck, store):
    lines = jsonl(opened(), event("blocker.exploded", "B-1", 1), status())
    why = only_problem(store, deck, lines, line=2)
    assert "unknown event type" in why and "blocker.exploded" in why


def test_a_missing_field_is_named(deck, store):
    line = opened("W-2")
    del line["owner"]
    why = only_problem(store, deck, jsonl(opened(), line, status()), line=2)
    assert "missing" in why.lower() and "owner" in why
    assert "malformed JSON" not in why  # the JSON is fine; a field is missing


@pytest.mark.parametrize(
    ("field", "value"),
    [("severity", 7), ("severity", "urgent"), ("title", ["PCI", "audit"])],
)
def test_a_mistyped_field_on_a_blocker_is_named(deck, store, field, value):
    line = {**raised(), field: value}
    why = only_problem(store, deck, jsonl(opened(), line, status()), line=2)
    assert why.startswith(f"{field}:"), why
    assert "malformed JSON" not in why


def test_options_given_as_text_instead_of_a_list_are_named(deck, store):
    line = event("decision.raised", "D-1", 1, question="Which PSP?", workstream="W-1",
                 owner="ana", options="x")
    why = only_problem(store, deck, jsonl(opened(), line, status()), line=2)
    assert why.startswith("options:") and "array" in why, why


def test_a_date_that_does_not_exist_is_named(deck, store):
    line = event("decision.raised", "D-1", 1, question="Which PSP?", workstream="W-1",
                 owner="ana", due="2026-13-45")
    why = only_problem(store, deck, jsonl(opened(), line, status()), line=2)
    assert why.startswith("due:") and "date" in why, why


def test_a_time_without_a_zone_is_named(deck, store):
    line = {**status(), "at": "2026-08-03T09:05:00"}
    why = only_problem(store, deck, jsonl(opened(), line), line=2)
    assert why.startswith("at:") and re.search(r"time ?zone", why), why


def test_an_unknown_extra_field_is_named(deck, store):
    line = {**raised(), "priority": "p0"}
    why = only_problem(store, deck, jsonl(opened(), line, status()), line=2)
    assert "unknown field" in why and "priority" in why


def test_a_broken_rule_is_named_resolving_a_blocker_twice(deck, store):
    lines = jsonl(opened(), raised(), resolved(minute=2), resolved(minute=3), status(minute=4))
    why = only_problem(store, deck, lines, line=4)
    assert "B-1 was already resolved" in why and "reopen it first" in why


def test_a_key_of_the_wrong_kind_is_named(deck, store):
    lines = jsonl(opened(), raised(key="D-1"), status())
    why = only_problem(store, deck, lines, line=2)
    assert "D-1 is a decision, not a blocker" in why


def test_a_lower_case_key_is_named_with_its_right_spelling(deck, store):
    lines = jsonl(opened(), opened("w-2", minute=1), status())
    why = only_problem(store, deck, lines, line=2)
    assert "'w-2'" in why and "W-2" in why


def test_something_that_is_not_a_key_is_named(deck, store):
    lines = jsonl(opened(), opened("checkout", minute=1), status())
    why = only_problem(store, deck, lines, line=2)
    assert "'checkout' is not an item key" in why


def test_a_key_that_clashes_with_an_item_in_the_store_is_named(deck, store):
    deck.open_workstream("Search", owner="bo", at=datetime(2026, 8, 1, 9, tzinfo=UTC))
    lines = jsonl(opened("W-2"), opened("W-1", minute=1), status("W-2"))
    why = only_problem(store, deck, lines, line=2)
    assert "W-1 already exists" in why


def test_a_key_created_twice_in_the_file_is_named(deck, store):
    lines = jsonl(opened(), status(), opened(minute=5))
    why = only_problem(store, deck, lines, line=3)
    assert "W-1 is created twice" in why and "line 1" in why


def test_an_event_going_back_in_time_for_its_item_is_named(deck, store):
    lines = jsonl(opened(minute=10), raised(minute=11), status(minute=5))
    why = only_problem(store, deck, lines, line=3)
    assert "back in time" in why and "W-1" in why


def test_an_event_going_back_in_time_against_the_store_is_named(deck, store):
    deck.open_workstream("Checkout v2", owner="ana", at=datetime(2026, 8, 20, 9, tzinfo=UTC))
    why = only_problem(store, deck, jsonl(status("W-1", minute=0)), line=1)
    assert "back in time" in why


def test_a_link_to_an_item_that_does_not_exist_is_named(deck, store):
    lines = jsonl(opened(), raised(workstream="W-9"), status())
    why = only_problem(store, deck, lines, line=2)
    assert "W-9 does not exist" in why


def test_a_note_linking_an_item_that_does_not_exist_is_named(deck, store):
    note = event("note.logged", "N-1", 5, kind="signal", text="x", links=["W-1", "D-77"])
    why = only_problem(store, deck, jsonl(opened(), note), line=2)
    assert "D-77 does not exist" in why


def test_a_link_to_an_item_created_later_in_the_file_is_named(deck, store):
    lines = jsonl(opened(minute=5), raised(minute=6, workstream="W-2"), opened("W-2", minute=7))
    why = only_problem(store, deck, lines, line=2)
    assert "W-2" in why


def test_an_event_dated_in_the_future_is_refused(deck, store):
    # A typed command refuses a --at in the future; a file obeys the same rules.
    line = {**opened("W-2"), "at": "2096-08-03T09:00:00Z"}
    why = only_problem(store, deck, jsonl(opened(), line), line=2)
    assert "future" in why


def test_a_line_that_continues_an_item_whose_creation_was_bad_names_that_line(deck, store):
    lines = jsonl(opened(), raised(workstream="W-9"), resolved())
    problems = refused(store, deck, lines)
    assert [number for number, _ in problems] == [2, 3]
    assert "line 2" in problems[1][1]


# ---- several bad lines ---------------------------------------------------------

# Line 3 is blank: numbers are the file's own line numbers, blank lines counted.
SEVERAL_BAD = [
    opened(),                                        # 1 good
    '{"type": "workstream.opened", "key": "W-2"',    # 2 malformed JSON
    "",                                              # 3 blank
    raised(workstream="W-9"),                        # 4 link to nothing
    status(minute=2),                                # 5 good
    event("blocker.exploded", "B-2", 3),             # 6 unknown type
    {**status(minute=4), "at": "2026-08-03"},        # 7 a date, not a time with its zone
    opened("w-3", minute=5),                         # 8 lower-case key
    status(minute=1),                                # 9 back in time (W-1 reached 09:02)
    raised("D-4", minute=6),                         # 10 wrong kind of key
]
SEVERAL_BAD_LINES = [2, 4, 6, 7, 8, 9, 10]


def test_every_bad_line_of_a_file_is_reported_with_its_number(deck, store):
    deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana")
    lines = jsonl(*SEVERAL_BAD)
    problems = refused(store, deck, lines)
    assert [number for number, _ in problems] == SEVERAL_BAD_LINES, problems
    reasons = dict(problems)
    assert reasons[2].startswith("malformed JSON")
    assert "W-9" in reasons[4]
    assert "blocker.exploded" in reasons[6]
    assert "W-3" in reasons[8]
    assert "back in time" in reasons[9]
    assert "D-4 is a decision" in reasons[10]
    assert len(export_of(store).splitlines()) == 1


def test_the_rejection_message_names_every_line_as_file_colon_line(deck, store):
    with pytest.raises(ImportRejected) as rejected:
        deck.import_lines(jsonl(*SEVERAL_BAD), source=SOURCE)
    message_lines = str(rejected.value).splitlines()
    assert [re.match(rf"{SOURCE}:(\d+): ", line)[1] for line in message_lines[:-1]] == [
        str(n) for n in SEVERAL_BAD_LINES
    ]
    assert "7 bad lines" in message_lines[-1] and "nothing was imported" in message_lines[-1]


# ---- through the command line ------------------------------------------------


def staffdeck(store: str, *args: str, input: bytes | None = None) -> Result:
    runner = CliRunner(env={"STAFFDECK_NOW": NOW})
    return runner.invoke(cli, ["--store", store, "--actor", "ana", *args], input=input,
                         catch_exceptions=False)


def test_cli_import_of_a_good_file_says_how_many_events(store, tmp_path):
    path = tmp_path / SOURCE
    path.write_bytes(file_text(jsonl(opened(), raised(), "", resolved())))
    result = staffdeck(store, "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Imported 3 events from {path}.\n"
    assert len(export_of(store).splitlines()) == 3


def test_cli_import_of_a_bad_file_names_every_bad_line_and_writes_nothing(store, tmp_path):
    assert staffdeck(store, "--at", "2026-08-01", "workstream", "open", "Search",
                     "--owner", "bo").exit_code == 0
    before = export_of(store)
    path = tmp_path / SOURCE
    path.write_bytes(file_text(jsonl(*SEVERAL_BAD)))
    result = staffdeck(store, "import", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    named = re.findall(rf"^(?:error: )?{re.escape(str(path))}:(\d+): ", result.stderr, re.M)
    # W-1 is in the store already, so line 1 is refused too, as a clash.
    assert [int(n) for n in named] == [1, *SEVERAL_BAD_LINES], result.stderr
    assert "W-1 already exists" in result.stderr
    assert "nothing was imported" in result.stderr
    assert export_of(store) == before


def test_cli_export_writes_the_file(store, tmp_path):
    assert staffdeck(store, "workstream", "open", "Checkout v2", "--owner", "ana").exit_code == 0
    assert staffdeck(store, "blocker", "raise", "PCI", "--workstream", "W-1",
                     "--severity", "high").exit_code == 0
    path = tmp_path / "out.jsonl"
    result = staffdeck(store, "export", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == export_of(store)
    assert len(path.read_bytes().splitlines()) == 2


def test_cli_export_then_import_into_a_fresh_store_is_the_identity(store, fresh_store, tmp_path):
    # The story happens before the CLI's fixed "now", so nothing is in its future.
    deck = Staffdeck(store, actor="ana", clock=FixedClock(datetime(2026, 8, 1, 9, 0, tzinfo=UTC)))
    try:
        story(deck)
    finally:
        deck.close()
    path = tmp_path / "out.jsonl"
    assert staffdeck(store, "export", str(path)).exit_code == 0
    result = staffdeck(fresh_store, "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Imported 11 events from {path}.\n"
    assert export_of(fresh_store) == path.read_bytes() == export_of(store)


def test_cli_import_dash_reads_standard_input(store):
    data = file_text(jsonl(opened(), raised()))
    result = staffdeck(store, "import", "-", input=data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Imported 2 events from <stdin>.\n"
    assert [json.loads(line)["key"] for line in export_of(store).splitlines()] == ["W-1", "B-1"]


def test_cli_import_dash_names_bad_lines_as_stdin(store):
    result = staffdeck(store, "import", "-", input=file_text(jsonl(opened(), "{")))
    assert result.exit_code == 1
    assert "<stdin>:2: malformed JSON" in result.stderr
    assert export_of(store) == b""


def test_cli_import_of_the_same_file_twice_is_refused(store, tmp_path):
    path = tmp_path / SOURCE
    path.write_bytes(file_text(jsonl(opened(), raised(), resolved())))
    assert staffdeck(store, "import", str(path)).exit_code == 0
    before = export_of(store)
    result = staffdeck(store, "import", str(path))
    assert result.exit_code == 1
    assert "imported already" in result.stderr
    assert export_of(store) == before

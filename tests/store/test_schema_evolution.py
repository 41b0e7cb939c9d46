"""An older staffdeck's files and stores still read, in the current schema.

Two changes since the first schema (tests/fixtures/schema-v1.jsonl):

- decision.raised gained `intent`, the strategic intent, with a default: older
  lines have none, and still read as they are (it stays version 1);
- decision.reopened is version 2: `conditions`, every reopen condition that came
  true, where version 1 had one free-text `condition`. An upcaster turns the one
  into a list whenever a version 1 payload is read (events/upcasting.py).

Whatever reads events (an import, an item replayed, the rebuild's pages, an
export) reads old payloads as current ones; a payload from a newer staffdeck is
refused, never guessed at.
"""

import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import psycopg
import pytest
from click.testing import CliRunner
from rich.style import Style

import events
from domain.service import Staffdeck
from domain.store import StoreError
from events import DecisionRaised, DecisionReopened, decode, decode_tagged
from projections.decision_queue import decision_queue
from projections.time_travel import History
from projections.timeline import describe
from tests.conftest import FixedClock
from tui.cli import cli
from tui.look import Look
from tui.widgets.decision_record import record_sections

FIXTURES = Path(__file__).parent.parent / "fixtures"
FIRST_SCHEMA = FIXTURES / "schema-v1.jsonl"
FIRST_SCHEMA_AS_CURRENT = FIXTURES / "schema-v1.as-current.jsonl"
NOW = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
PLAIN = Look(*(Style() for _ in range(6)))

NEWER_REOPENING = (
    b'{"type":"decision.reopened","v":3,"key":"D-2","at":"2026-09-01T10:00:00Z",'
    b'"actor":"ana","recorded_at":"2026-09-01T10:00:00Z","why":"volume doubled",'
    b'"grounds":[{"condition":"volume doubles","seen":"2026-09-01"}]}'
)
NEWER_REFUSAL = (
    "D-2's decision.reopened event is schema version 3, but this staffdeck reads "
    "decision.reopened only up to version 2: upgrade staffdeck to read it"
)


def first_schema_lines() -> list[bytes]:
    return FIRST_SCHEMA.read_bytes().splitlines()


# ---- a store the older release wrote ---------------------------------------------


def stored_as_the_older_release_did(store: str, lines: list[bytes]) -> None:
    """Each line as a row of the events table, exactly as the first release stored
    it (ARCHITECTURE.md, "What is stored"): past every check of this one."""
    versions: dict[str, int] = {}
    rows = []
    for line in lines:
        written = json.loads(line)
        key = written["key"]
        versions[key] = versions.get(key, 0) + 1
        rows.append((key, versions[key], written["type"], line))
    insert_rows(store, rows)


def insert_rows(store: str, rows: list[tuple[str, int, str, bytes]]) -> None:
    """(key, item version, topic, payload) rows, straight into the events table."""
    deck = Staffdeck(store, actor="setup", create=True)
    table = deck.recorder.events_table_name
    deck.close()
    if store.startswith("postgresql://"):
        url, _, schema = store.partition("?schema=")
        with psycopg.connect(url, autocommit=True) as connection, connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {schema}.{table} (originator_id, originator_version, topic, state) "
                "VALUES (%s, %s, %s, %s)",
                rows,
            )
        return
    with sqlite3.connect(store) as connection:
        connection.executemany(
            f"INSERT INTO {table} (originator_id, originator_version, topic, state) "
            "VALUES (?, ?, ?, ?)",
            rows,
        )


def stored_payloads(store: str, key: str) -> list[bytes]:
    deck = Staffdeck(store, actor="checker")
    try:
        return [bytes(row.state) for row in deck.recorder.select_events(key)]
    finally:
        deck.close()


@pytest.fixture
def old_store(store) -> str:
    """The first schema file, stored row by row by the older release."""
    stored_as_the_older_release_did(store, first_schema_lines())
    return store


@pytest.fixture
def deck(old_store) -> Staffdeck:
    deck = Staffdeck(old_store, actor="ana", clock=FixedClock(NOW))
    yield deck
    deck.close()


# ---- an old file -------------------------------------------------------------------


def test_the_first_schema_file_imports_with_its_reopening_upgraded(store):
    deck = Staffdeck(store, actor="importer", clock=FixedClock(NOW))
    try:
        assert deck.import_lines(first_schema_lines(), source=FIRST_SCHEMA.name) == 32
        raised, *_, reopened, _deferred, _superseded = deck.history("D-1")
    finally:
        deck.close()
    # The one free-text condition is now the list of conditions that came true.
    assert reopened == DecisionReopened(
        key="D-1",
        at=datetime(2026, 9, 1, 9, 9, tzinfo=UTC),
        actor="ana",
        recorded_at=datetime(2026, 9, 1, 9, 9, tzinfo=UTC),
        why="fees rose",
        conditions=("fees rise",),
    )
    assert reopened.v == 2
    # A line from before the intent existed has none, and stays version 1.
    assert isinstance(raised, DecisionRaised)
    assert (raised.v, raised.intent, raised.context) == (1, "", "EU users pay by card")
    # Stored as the current schema writes it.
    assert stored_payloads(store, "D-1")[3] == FIRST_SCHEMA_AS_CURRENT.read_bytes().splitlines()[9]


# ---- an old store ------------------------------------------------------------------


def test_rows_the_older_release_stored_replay_through_the_service(deck, old_store):
    d1 = deck.get("D-1")
    assert (d1.status, d1.version) == ("superseded", 6)
    assert [e.conditions for e in deck.history("D-1") if isinstance(e, DecisionReopened)] == [
        ("fees rise",)
    ]
    # An item stored by the older release takes new events: replayed, then appended.
    deck.add_option("D-2", "Braintree")
    assert [e.option for e in deck.history("D-2")[1:]] == ["Braintree"]
    # History is never rewritten: the old row stays exactly as the old release stored it.
    assert stored_payloads(old_store, "D-1")[3] == first_schema_lines()[9]


def test_rows_the_older_release_stored_fold_into_the_read_models(deck):
    position, stored = deck.events_after(0)
    assert position == 32
    # The rebuild's pages hold old and current rows alike: each reads as it would alone.
    assert stored == [decode(line) for line in first_schema_lines()]
    assert {e.v for e in stored if isinstance(e, DecisionReopened)} == {2}
    history = History()
    history.extend(stored)
    record = history.now.decisions.decisions["D-1"]
    assert record.reopened_count == 1
    assert [describe(e) for e in record.history if isinstance(e, DecisionReopened)] == [
        "reopened: fees rose: condition fees rise"
    ]
    # D-1 was superseded and D-3 withdrawn since: only D-2 waits.
    assert decision_queue(history.now.decisions, NOW).keys == ["D-2"]


def test_an_old_store_exports_the_current_schema(old_store):
    deck = Staffdeck(old_store, actor="checker")
    try:
        exported = b"".join(deck.export_lines())
    finally:
        deck.close()
    assert exported == FIRST_SCHEMA_AS_CURRENT.read_bytes()
    written = [json.loads(line) for line in exported.splitlines()]
    reopened = [line for line in written if line["type"] == "decision.reopened"]
    assert [(r["v"], r["conditions"], "condition" in r) for r in reopened] == [
        (2, ["fees rise"], False)
    ]


# ---- the two changes, as people use them -------------------------------------------


def staffdeck(store: str, *args: str):
    runner = CliRunner(env={"STAFFDECK_NOW": "2026-09-03T09:00Z"})
    return runner.invoke(cli, ["--store", store, "--actor", "ana", *args])


def test_a_reopening_names_every_condition_that_came_true(store):
    staffdeck(store, "init")
    for command in (
        ["--at", "2026-09-01", "workstream", "open", "Checkout v2", "--owner", "ana"],
        ["--at", "2026-09-01", "decision", "raise", "Which PSP?", "--workstream", "W-1",
         "--owner", "bo"],
        ["--at", "2026-09-02", "decision", "make", "D-1", "--choice", "Adyen", "--reasoning",
         "fees", "--reopen-if", "fees rise", "--reopen-if", "volume doubles"],
    ):  # fmt: skip
        assert staffdeck(store, *command).exit_code == 0
    reopened = staffdeck(
        store, "--at", "2026-09-03", "decision", "reopen", "D-1", "--why", "both came true",
        "--condition", "fees rise", "--condition", "volume doubles", "--json",
    )  # fmt: skip
    assert reopened.exit_code == 0, reopened.output
    assert json.loads(reopened.stdout)["conditions"] == ["fees rise", "volume doubles"]
    log = staffdeck(store, "log", "D-1")
    assert log.stdout.splitlines()[-1].endswith(
        "reopened: both came true: conditions fees rise; volume doubles"
    )


def test_a_decision_keeps_its_strategic_intent(store):
    staffdeck(store, "init")
    assert staffdeck(store, "workstream", "open", "Checkout v2", "--owner", "ana").exit_code == 0
    raised = staffdeck(
        store, "decision", "raise", "Which PSP for EU?", "--workstream", "W-1", "--owner", "bo",
        "--intent", "Win the EU mid-market this year",
    )  # fmt: skip
    assert raised.exit_code == 0, raised.output
    exported = json.loads(staffdeck(store, "export").stdout.splitlines()[-1])
    assert exported["intent"] == "Win the EU mid-market this year"
    found = staffdeck(store, "decisions", "search", "mid-market", "--format", "json")
    assert [(r["key"], r["intent"]) for r in json.loads(found.stdout)["rows"]] == [
        ("D-1", "Win the EU mid-market this year")
    ]
    # The decision log's record shows it after the context, as PRODUCT.md orders them.
    deck = Staffdeck(store, actor="ana")
    try:
        history = History()
        history.extend(deck.events_after(0)[1])
    finally:
        deck.close()
    record = history.now.decisions.decisions["D-1"]
    shown = [line.plain for line in record_sections(record, NOW.date(), PLAIN)]
    at = shown.index("Strategic intent")
    assert shown[at + 1] == "Win the EU mid-market this year"


# ---- what a newer staffdeck wrote --------------------------------------------------


def test_a_line_from_a_newer_staffdeck_is_refused_with_its_line_number(store, tmp_path):
    lines = first_schema_lines()[:12]  # W-1, D-1 and D-2
    newer_resolution = (
        b'{"type":"blocker.resolved","v":2,"key":"B-1","at":"2026-09-01T10:01:00Z",'
        b'"actor":"ana","resolution":"signed","by":"auditor"}'
    )
    file = tmp_path / "from-a-newer-staffdeck.jsonl"
    file.write_bytes(b"\n".join([*lines, NEWER_REOPENING, newer_resolution]) + b"\n")
    staffdeck(store, "init")
    result = staffdeck(store, "import", str(file))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"error: {file}:13: {NEWER_REFUSAL}",
        f"{file}:14: B-1's blocker.resolved event is schema version 2, but this staffdeck "
        "reads blocker.resolved only up to version 1: upgrade staffdeck to read it",
    ]
    assert staffdeck(store, "export").stdout == ""  # nothing was written


def test_a_row_from_a_newer_staffdeck_is_refused_naming_the_item(old_store):
    insert_rows(old_store, [("D-2", 2, "decision.reopened", NEWER_REOPENING)])
    deck = Staffdeck(old_store, actor="ana", clock=FixedClock(NOW))
    try:
        with pytest.raises(StoreError, match="event #33 cannot be read") as refused:
            deck.events_after(0)
        assert NEWER_REFUSAL in str(refused.value)
        with pytest.raises(StoreError, match=re.escape(NEWER_REFUSAL)):  # replayed to append
            deck.add_option("D-2", "Braintree")
        with pytest.raises(StoreError, match=re.escape(NEWER_REFUSAL)):
            list(deck.export_lines())
    finally:
        deck.close()
    # Every command that reads it says so in one line, exit 4: never a traceback.
    for command in (["show", "decisions"], ["export"], ["log"], ["log", "D-2"]):
        shown = staffdeck(old_store, *command)
        assert shown.exit_code == 4, (command, shown.output)
        assert NEWER_REFUSAL in shown.stderr and shown.stderr.startswith("error: ")


# ---- the codec's rules ---------------------------------------------------------------

REOPENED_BY_HAND = (
    b'"type":"decision.reopened","key":"D-1","at":"2026-09-01T09:09:00Z","actor":"ana"'
)


@pytest.mark.parametrize(
    ("fields", "conditions"),
    [
        (b'"v":1,"why":"fees rose","condition":"fees rise"', ("fees rise",)),
        (b'"v":1,"why":"fees rose","condition":""', ()),
        (b'"v":1,"why":"fees rose"', ()),
        # The first schema let a writer leave `v` out: an old shape reads as version 1...
        (b'"why":"fees rose","condition":"fees rise"', ("fees rise",)),
        # ...and the current shape as the current version.
        (b'"why":"fees rose","conditions":["fees rise","volume doubles"]',
         ("fees rise", "volume doubles")),
        (b'"v":2,"why":"fees rose","conditions":[]', ()),
    ],
)  # fmt: skip
def test_each_way_a_reopening_was_written_reads_as_version_2(fields, conditions):
    payload = b"{" + REOPENED_BY_HAND + b"," + fields + b"}"
    for event in (
        decode(payload),
        decode_tagged("decision.reopened", payload),
        events.decode_array(b"[" + payload + b"]")[0],
    ):
        assert (event.v, event.why, event.conditions) == (2, "fees rose", conditions)


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        # What is wrong is said in the current schema's words, not the upcaster's.
        (b'"why":"fees rose","reason":"x"', "Object contains unknown field `reason`"),
        (b'"v":2,"why":"fees rose","condition":"fees rise"', "unknown field `condition`"),
        (b'"v":1,"condition":"fees rise"', "Object missing required field `why`"),
        (b'"v":"1","why":"fees rose"', "Expected `int`, got `str` - at `$.v`"),
        (b'"v":0,"why":"fees rose"', "Expected `int` >= 2 - at `$.v`"),
    ],
)
def test_a_bad_payload_of_any_version_is_refused_for_what_is_wrong(fields, complaint):
    payload = b"{" + REOPENED_BY_HAND + b"," + fields + b"}"
    with pytest.raises(msgspec.ValidationError, match=complaint.replace("$", r"\$")):
        decode(payload)


def test_schema_command_prints_the_current_version_of_every_event_type():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    defs = schema["$defs"]
    versions = {
        tag: defs[ref.rpartition("/")[2]]["properties"]["v"]
        for tag, ref in schema["discriminator"]["mapping"].items()
    }
    assert {tag: v["default"] for tag, v in versions.items()} == events.VERSIONS
    assert versions["decision.reopened"] | {"description": ""} == {
        "type": "integer", "minimum": 2, "maximum": 2, "default": 2, "description": ""
    }  # fmt: skip
    assert set(defs["DecisionReopened"]["properties"]) >= {"why", "conditions"}
    assert "condition" not in defs["DecisionReopened"]["properties"]
    assert defs["DecisionRaised"]["properties"]["intent"] == {"type": "string", "default": ""}

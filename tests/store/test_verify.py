"""`staffdeck verify`: every stored row read as it is, and each problem named.

A clean history verifies on SQLite and on PostgreSQL. Then each kind of damage
is written straight into the events table (see ARCHITECTURE.md, "What is
stored"), as a hand edit, another program or a bad merge would, and verify
names the event (its number), the item, its version and its type, and says what
is wrong; through the command line it exits 1.
"""

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import psycopg
import pytest

import domain.store
from domain.service import Staffdeck
from domain.verify import verify
from events import (
    BlockerRaised,
    DecisionRaised,
    NoteLogged,
    WorkstreamOpened,
    WorkstreamStatusReported,
    encode,
)
from tests.cli.test_cli import staffdeck
from tests.conftest import FixedClock

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "staff-meeting.jsonl"
START = datetime(2026, 8, 3, 9, 0, tzinfo=UTC)


def minute(n: int) -> datetime:
    return START + timedelta(minutes=n)


@pytest.fixture
def meeting(store) -> str:
    """A small history that links every way an event can link, recorded through
    the service: W-1 (#1-#2), D-1 (#3), B-1 (#4), R-1 held (#5-#6), A-1 from
    D-1 (#7), N-1 on W-1 and D-1 (#8), D-2 superseding D-1 (#9-#10)."""
    deck = Staffdeck(store, actor="ana", clock=FixedClock(minute(0)))
    try:
        deck.open_workstream("Checkout v2", owner="ana")
        deck.report_status("W-1", "at_risk", note="vendor late")
        deck.raise_decision("Which PSP?", workstream="W-1", owner="ana")
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high")
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana")
        deck.hold_ritual("R-1", informed=["D-1"], surfaced=["B-1"])
        deck.assign_action("Send the shortlist", owner="bo", due=minute(0).date(), source="D-1")
        deck.log_note("signal", "Three customers asked", links=["W-1", "D-1"])
        deck.raise_decision("Which PSP, after the merger?", workstream="W-1", owner="ana")
        deck.supersede_decision("D-1", by="D-2")
    finally:
        deck.close()
    return store


def verified(store: str):
    deck = Staffdeck(store, actor="checker", create=False)
    try:
        return deck.verify()
    finally:
        deck.close()


# ---- writing rows as someone else would -----------------------------------------


def write_row(store: str, key, version, topic, payload) -> None:
    """Append one row straight into the events table, past every check."""
    table = _table(store)
    if store.startswith("postgresql://"):
        url, _, schema = store.partition("?schema=")
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(
                f"INSERT INTO {schema}.{table} (originator_id, originator_version, topic, state) "
                "VALUES (%s, %s, %s, %s)",
                (key, version, topic, payload),
            )
        return
    with sqlite3.connect(store) as connection:
        connection.execute(
            f"INSERT INTO {table} (originator_id, originator_version, topic, state) "
            "VALUES (?, ?, ?, ?)",
            (key, version, topic, payload),
        )


def rewrite_row(store: str, key: str, version: int, *, topic=None, payload=None) -> None:
    """Change one stored row in place: its topic, its payload."""
    table = _table(store)
    changes = {name: value for name, value in (("topic", topic), ("state", payload)) if value}
    if store.startswith("postgresql://"):
        url, _, schema = store.partition("?schema=")
        sets = ", ".join(f"{name} = %s" for name in changes)
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(
                f"UPDATE {schema}.{table} SET {sets} "
                "WHERE originator_id = %s AND originator_version = %s",
                (*changes.values(), key, version),
            )
        return
    sets = ", ".join(f"{name} = ?" for name in changes)
    with sqlite3.connect(store) as connection:
        connection.execute(
            f"UPDATE {table} SET {sets} WHERE originator_id = ? AND originator_version = ?",
            (*changes.values(), key, version),
        )


def _table(store: str) -> str:
    deck = Staffdeck(store, actor="checker", create=False)
    try:
        return deck.recorder.events_table_name
    finally:
        deck.close()


def status(key: str = "W-1", at: datetime | None = None, **fields) -> bytes:
    return encode(
        WorkstreamStatusReported(
            key=key, at=at or minute(30), actor="eve", state="paused", **fields
        )
    )


def opened(key: str, at: datetime | None = None) -> bytes:
    return encode(
        WorkstreamOpened(key=key, at=at or minute(30), actor="eve", title="x", owner="eve")
    )


def the_problem(store: str):
    """The one problem verify finds."""
    result = verified(store)
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


# ---- a clean store --------------------------------------------------------------


def test_a_history_written_through_the_service_verifies(meeting):
    result = verified(meeting)
    assert result.problems == []
    assert (result.events, result.items) == (10, 7)


def test_verify_reads_every_row_across_pages(meeting, monkeypatch):
    monkeypatch.setattr(domain.store, "PAGE_ROWS", 3)  # four pages, the last short
    # A row whose insert failed still took a number on PostgreSQL: a gap to page over.
    with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
        write_row(meeting, "W-1", 1, "workstream.opened", opened("W-1"))
    write_row(meeting, "W-1", 3, "workstream.status_reported", status())
    result = verified(meeting)
    assert (result.events, result.items, result.problems) == (11, 7, [])


def test_the_sample_quarter_imported_verifies(store):
    deck = Staffdeck(store, actor="checker", clock=FixedClock(datetime(2026, 11, 20, tzinfo=UTC)))
    try:
        count = deck.import_lines(SAMPLE.read_bytes().split(b"\n"), source=SAMPLE.name)
        result = deck.verify()
    finally:
        deck.close()
    assert result.problems == []
    assert result.events == count == 800


def test_the_command_says_how_much_it_read_and_exits_0(meeting):
    result = staffdeck(meeting, "verify")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Verified 10 events on 7 items: no problems.\n"


def test_a_missing_store_is_exit_4(tmp_path):
    result = staffdeck(str(tmp_path / "none.db"), "verify")
    assert result.exit_code == 4
    assert "There is no store at" in result.stderr


# ---- each kind of damage, named ---------------------------------------------------


def test_a_payload_that_is_not_json(meeting):
    rewrite_row(meeting, "W-1", 2, payload=b'{"type":')
    problem = the_problem(meeting)
    assert (problem.position, problem.key, problem.version, problem.type) == (
        2,
        "W-1",
        2,
        "workstream.status_reported",
    )
    assert problem.text.startswith("the payload does not decode: malformed JSON")


def test_a_payload_with_a_value_its_type_does_not_allow(meeting):
    bad = msgspec.json.decode(status())
    bad["state"] = "sideways"
    rewrite_row(meeting, "W-1", 2, payload=msgspec.json.encode(bad))
    problem = the_problem(meeting)
    assert problem.text.startswith("the payload does not decode: state: Invalid enum value")
    assert "sideways" in problem.text


def test_a_payload_that_is_not_utf8(meeting):
    rewrite_row(meeting, "W-1", 2, payload=b'{"type":"workstream.status_reported","note":"\xce"}')
    assert the_problem(meeting).text.startswith("the payload does not decode")


def test_a_topic_that_is_not_the_payloads_type(meeting):
    rewrite_row(meeting, "W-1", 2, topic="workstream.closed")
    problem = the_problem(meeting)
    assert problem.type == "workstream.closed"
    assert problem.text == (
        "the topic says workstream.closed, but the payload is workstream.status_reported"
    )


def test_a_topic_that_is_no_event_type(meeting):
    rewrite_row(meeting, "W-1", 2, topic="workstream.renamed")
    assert the_problem(meeting).text == "the topic 'workstream.renamed' is not an event type"


def test_a_gap_in_an_items_versions(meeting):
    write_row(meeting, "W-1", 5, "workstream.status_reported", status())
    problem = the_problem(meeting)
    assert (problem.position, problem.key, problem.version) == (11, "W-1", 5)
    assert problem.text == "versions jump from 2 to 5: 3–4 missing"


def test_a_first_version_that_creates_nothing(meeting):
    write_row(meeting, "W-9", 1, "workstream.status_reported", status("W-9"))
    problem = the_problem(meeting)
    assert (problem.key, problem.version, problem.type) == ("W-9", 1, "workstream.status_reported")
    assert problem.text == (
        "version 1 is a workstream.status_reported; a workstream begins with workstream.opened"
    )


def test_an_item_whose_time_goes_back(meeting):
    write_row(meeting, "W-1", 3, "workstream.status_reported", status(at=START - timedelta(days=1)))
    problem = the_problem(meeting)
    assert (problem.position, problem.key, problem.version) == (11, "W-1", 3)
    assert problem.text == (
        "it happened at 2026-08-02 09:00 UTC, before W-1's event #2 (2026-08-03 09:01 UTC): "
        "time goes back"
    )


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("w-7", "the item key 'w-7' is written W-7 everywhere else"),
        ("X-1", "'X-1' is not an item key; keys look like W-3, D-12, B-7, R-2, A-40 or N-5."),
        ("banana", "'banana' is not an item key"),
    ],
)
def test_a_key_that_is_not_a_key(meeting, key, says):
    write_row(meeting, key, 1, "workstream.opened", opened(key))
    problem = the_problem(meeting)
    assert (problem.key, problem.version) == (key, 1)
    assert problem.text.startswith(says)


def test_an_event_on_an_item_of_another_kind(meeting):
    write_row(meeting, "D-9", 1, "workstream.opened", opened("D-9"))
    problem = the_problem(meeting)
    assert (problem.key, problem.type) == ("D-9", "workstream.opened")
    assert problem.text == "a workstream.opened event is stored on a decision"


def test_an_event_stored_under_another_items_key(meeting):
    write_row(meeting, "W-1", 3, "workstream.status_reported", status("W-2"))
    assert the_problem(meeting).text == "the event names 'W-2', but it is stored as W-1's"


def test_an_item_created_twice(meeting):
    write_row(meeting, "W-1", 3, "workstream.opened", opened("W-1"))
    problem = the_problem(meeting)
    assert (problem.position, problem.key, problem.version) == (11, "W-1", 3)
    assert problem.text == "W-1 is created twice: first by #1"


def test_a_link_to_an_item_that_does_not_exist(meeting):
    blocker = BlockerRaised(
        key="B-9", at=minute(30), actor="eve", title="x", workstream="W-99", severity="low"
    )
    write_row(meeting, "B-9", 1, "blocker.raised", encode(blocker))
    problem = the_problem(meeting)
    assert (problem.key, problem.type) == ("B-9", "blocker.raised")
    assert problem.text == "it links to W-99, which does not exist"


def test_a_link_to_an_item_created_only_afterwards(meeting):
    # A decision raised on W-1 a day before W-1 was opened.
    decision = DecisionRaised(
        key="D-9",
        at=START - timedelta(days=1),
        actor="eve",
        question="x",
        workstream="W-1",
        owner="eve",
    )
    write_row(meeting, "D-9", 1, "decision.raised", encode(decision))
    assert the_problem(meeting).text == (
        "it links to W-1, which was only created on 2026-08-03 09:00 UTC, "
        "after this event (2026-08-02 09:00 UTC)"
    )


def test_a_link_to_an_item_recorded_only_later(meeting):
    note = NoteLogged(
        key="N-9", at=minute(40), actor="eve", kind="signal", text="x", links=("W-1", "D-9")
    )
    decision = DecisionRaised(
        key="D-9", at=minute(30), actor="eve", question="x", workstream="W-1", owner="eve"
    )
    write_row(meeting, "N-9", 1, "note.logged", encode(note))
    write_row(meeting, "D-9", 1, "decision.raised", encode(decision))
    problem = the_problem(meeting)
    assert (problem.position, problem.key) == (11, "N-9")
    assert problem.text == "it links to D-9, which is only created later, by #12"


def test_a_link_to_an_item_of_the_wrong_kind(meeting):
    supersede = {
        "type": "decision.superseded",
        "key": "D-2",
        "at": "2026-08-03T10:00:00Z",
        "actor": "eve",
        "by": "B-1",
    }
    write_row(meeting, "D-2", 2, "decision.superseded", msgspec.json.encode(supersede))
    assert the_problem(meeting).text == "it links to 'B-1': B-1 is a blocker, not a decision."


def test_an_empty_payload(sqlite_store):
    Staffdeck(sqlite_store, actor="ana").close()
    write_row(sqlite_store, "W-1", 1, "workstream.opened", None)
    assert the_problem(sqlite_store).text == "the payload is empty (NULL)"


def test_what_an_unreadable_event_leaves_is_not_blamed_on_what_follows(meeting):
    # W-3 cannot be read; its next version and a blocker raised on it are fine.
    write_row(meeting, "W-3", 1, "workstream.opened", b"garbage")
    write_row(meeting, "W-3", 2, "workstream.status_reported", status("W-3"))
    blocker = BlockerRaised(
        key="B-9", at=minute(31), actor="eve", title="x", workstream="W-3", severity="low"
    )
    write_row(meeting, "B-9", 1, "blocker.raised", encode(blocker))
    assert the_problem(meeting).key == "W-3"


def test_every_problem_is_reported_not_only_the_first(meeting):
    rewrite_row(meeting, "W-1", 2, payload=b"{")
    write_row(meeting, "W-9", 1, "workstream.status_reported", status("W-9"))
    write_row(meeting, "D-1", 5, "decision.withdrawn", b'{"type":"decision.withdrawn"}')
    result = verified(meeting)
    assert [(p.position, p.key) for p in result.problems] == [
        (2, "W-1"),
        (11, "W-9"),
        (12, "D-1"),  # a gap
        (12, "D-1"),  # and a payload missing its fields
    ]


# ---- through the command line -----------------------------------------------------


def test_the_command_prints_each_problem_then_the_count_and_exits_1(meeting):
    write_row(meeting, "W-1", 5, "workstream.status_reported", status())
    write_row(meeting, "W-1", 6, "workstream.opened", opened("W-1"))
    result = staffdeck(meeting, "verify")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "#11 W-1 v5 (workstream.status_reported): versions jump from 2 to 5: 3–4 missing",
        "#12 W-1 v6 (workstream.opened): W-1 is created twice: first by #1",
        "Verified 12 events on 7 items: 2 problems.",
    ]


def test_the_command_writes_json_for_scripts(meeting):
    write_row(meeting, "W-1", 5, "workstream.status_reported", status())
    result = staffdeck(meeting, "verify", "--format", "json")
    assert result.exit_code == 1
    assert msgspec.json.decode(result.stdout) == {
        "events": 11,
        "items": 7,
        "problems": [
            {
                "event": 11,
                "key": "W-1",
                "version": 5,
                "type": "workstream.status_reported",
                "problem": "versions jump from 2 to 5: 3–4 missing",
            }
        ],
    }


def test_control_characters_in_a_damaged_row_reach_the_terminal_as_marks(sqlite_store):
    Staffdeck(sqlite_store, actor="ana").close()
    write_row(sqlite_store, "W-1\x1b[2J", 1, "workstream.opened", opened("W-1"))
    result = staffdeck(sqlite_store, "verify")
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout


# ---- the check itself is pure ---------------------------------------------------


def test_verify_takes_rows_from_anywhere():
    rows = [
        (1, "W-1", 1, "workstream.opened", opened("W-1", at=minute(0))),
        (2, "W-1", 2, "workstream.status_reported", status(at=minute(1))),
    ]
    result = verify(rows)
    assert (result.events, result.items, result.problems) == (2, 1, [])
    assert str(verify([(7, "W-2", 1, "workstream.opened", b"")]).problems[0]).startswith(
        "#7 W-2 v1 (workstream.opened): the payload does not decode"
    )

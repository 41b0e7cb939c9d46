"""The `staffdeck` command line, run for real through click's CliRunner.

Every test that takes `store` runs once on SQLite and once on PostgreSQL. The
clock is fixed with $STAFFDECK_NOW, so "now" is 2026-09-01 09:00 UTC for every
command and never moves; stories that need an order backfill with `--at`.

The refusals (exit 1 and 3) are in test_cli_rules.py.
"""

import json
import os
import stat
import time
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result

from events import decode, encode, tag_of
from events.codec import EVENT_TYPES
from tests.conftest import export_of
from tui.cli import cli

NOW = "2026-09-01T09:00:00Z"


def staffdeck(store: str, *args: str) -> Result:
    """Run one command as `ana`, at the fixed "now"; a traceback fails the test."""
    runner = CliRunner(env={"STAFFDECK_NOW": NOW})
    return runner.invoke(cli, ["--store", store, "--actor", "ana", *args], catch_exceptions=False)


def ok(store: str, *args: str) -> str:
    """Run a command that must succeed; its standard output."""
    result = staffdeck(store, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def exists(store: str) -> bool:
    """Whether there is a store there at all: the SQLite file, or PostgreSQL's tables."""
    if not store.startswith("postgresql://"):
        return Path(store).exists()
    url, _, schema = store.partition("?schema=")
    with psycopg.connect(url) as connection:
        tables = connection.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = %s", (schema,)
        ).fetchall()
    return bool(tables)


# One meeting's worth of commands, in order: what each prints, and the event it records.
# A command that creates an item prints its key alone; a change prints "KEY: what happened".
STORY = [
    (["workstream", "open", "Checkout v2", "--owner", "ana", "--objective", "ship it",
      "--stakeholder", "cy"], "W-1", "workstream.opened"),
    (["workstream", "status", "W-1", "at_risk", "--note", "vendor late"],
     "W-1: status at risk: vendor late", "workstream.status_reported"),
    (["workstream", "owner", "W-1", "bo"], "W-1: owner changed to bo", "workstream.owner_changed"),
    (["workstream", "next-decision", "W-1", "2026-10-01", "go/no-go"],
     "W-1: next decision point 2026-10-01: go/no-go", "workstream.next_decision_point_set"),
    (["workstream", "escalate", "W-1", "--to", "cpo", "--why", "vendor late"],
     "W-1: escalated to cpo: vendor late", "workstream.escalated"),
    (["workstream", "deescalate", "W-1", "--why", "vendor back"],
     "W-1: de-escalated: vendor back", "workstream.deescalated"),
    (["decision", "raise", "Which PSP?", "--workstream", "W-1", "--owner", "ana", "--due", "2026-09-15",
      "--problem", "fees", "--context", "EU growth", "--option", "Adyen", "--decider", "cy"],
     "D-1", "decision.raised"),
    (["decision", "option", "D-1", "Stripe"], "D-1: option added: Stripe", "decision.option_added"),
    (["decision", "make", "D-1", "--choice", "Adyen", "--reasoning", "coverage",
      "--rejected", "Stripe: fees", "--expected", "2% more conversions", "--reopen-if", "fee > 2%",
      "--review-by", "2027-01-01", "--decided-by", "cy"],
     "D-1: decided: Adyen — coverage", "decision.made"),
    (["decision", "reopen", "D-1", "--why", "fee doubled", "--condition", "fee > 2%"],
     "D-1: reopened: fee doubled: condition fee > 2%", "decision.reopened"),
    (["decision", "defer", "D-1", "--until", "2026-09-30", "--why", "waiting on legal"],
     "D-1: deferred until 2026-09-30: waiting on legal", "decision.deferred"),
    (["decision", "raise", "Which PSP, after the merger?", "--workstream", "W-1", "--owner", "ana"],
     "D-2", "decision.raised"),
    (["decision", "supersede", "D-1", "--by", "D-2"], "D-1: superseded by D-2", "decision.superseded"),
    (["decision", "withdraw", "D-2", "--why", "merger off"], "D-2: withdrawn: merger off",
     "decision.withdrawn"),
    (["blocker", "raise", "PCI audit", "--workstream", "W-1", "--severity", "high", "--owner", "ana",
      "--needed-by", "2026-09-10", "--depends-on", "auditor"], "B-1", "blocker.raised"),
    (["blocker", "severity", "B-1", "critical"], "B-1: severity now critical", "blocker.severity_changed"),
    (["blocker", "reassign", "B-1", "bo"], "B-1: reassigned to bo", "blocker.reassigned"),
    (["blocker", "escalate", "B-1", "--to", "cpo", "--why", "auditor silent"],
     "B-1: escalated to cpo: auditor silent", "blocker.escalated"),
    (["blocker", "resolve", "B-1", "--resolution", "signed off"], "B-1: resolved: signed off",
     "blocker.resolved"),
    (["blocker", "reopen", "B-1", "--why", "auditor withdrew"], "B-1: reopened: auditor withdrew",
     "blocker.reopened"),
    (["ritual", "establish", "Staff meeting", "--cadence", "weekly", "--purpose", "triage",
      "--owner", "ana", "--attendee", "bo"], "R-1", "ritual.established"),
    (["ritual", "held", "R-1", "--informed", "D-1", "--surfaced", "B-1", "--notes", "lively"],
     "R-1: held on 2026-09-01; informed D-1; surfaced B-1", "ritual.held"),
    (["ritual", "cadence", "R-1", "biweekly"], "R-1: cadence now biweekly", "ritual.cadence_changed"),
    (["ritual", "retire", "R-1", "--reason", "no decisions in two months"],
     "R-1: retired: no decisions in two months", "ritual.retired"),
    (["action", "assign", "Send the shortlist", "--owner", "bo", "--due", "2026-09-05", "--from", "D-1"],
     "A-1", "action.assigned"),
    (["action", "complete", "A-1", "--note", "sent"], "A-1: completed: sent", "action.completed"),
    (["action", "assign", "Book the auditor", "--owner", "cy", "--due", "+2w"], "A-2", "action.assigned"),
    (["action", "drop", "A-2", "--why", "auditor booked himself"], "A-2: dropped: auditor booked himself",
     "action.dropped"),
    (["note", "add", "signal", "EU churn up", "--link", "W-1", "--link", "D-1"], "N-1", "note.logged"),
    (["workstream", "close", "W-1", "--why", "shipped"], "W-1: workstream closed: shipped",
     "workstream.closed"),
]


# ---- every command, once ----------------------------------------------------


def test_every_command_prints_the_key_it_created_or_what_it_changed(store):
    for args, printed, _ in STORY:
        assert ok(store, *args) == printed + "\n", args


def test_every_command_with_json_prints_exactly_the_event_it_recorded(store):
    for args, _, tag in STORY:
        printed = ok(store, *args, "--json")
        event = decode(printed)
        assert tag_of(event) == tag and event.actor == "ana"
        # What was printed is what was stored: the last line of the export.
        assert encode(event) + b"\n" == export_of(store).splitlines(keepends=True)[-1]


def test_a_decision_made_without_decided_by_is_decided_by_its_deciders(store):
    ok(store, "workstream", "open", "Checkout v2", "--owner", "ana")
    ok(store, "decision", "raise", "Which PSP?", "--workstream", "W-1", "--owner", "ana",
       "--decider", "cy", "--decider", "dee")
    made = decode(ok(store, "decision", "make", "D-1", "--choice", "Adyen", "--reasoning", "coverage",
                     "--json"))
    assert made.decided_by == ("cy", "dee")


def test_keys_may_be_typed_in_lower_case(store):
    ok(store, "workstream", "open", "Checkout v2", "--owner", "ana")
    assert ok(store, "blocker", "raise", "PCI audit", "--workstream", "w-1", "--severity", "high") == "B-1\n"
    assert ok(store, "blocker", "resolve", "b-1", "--resolution", "signed off") == "B-1: resolved: signed off\n"


# ---- the store as a whole: init, export, import, schema ---------------------


def test_init_makes_the_store_ready_and_says_how_many_events_it_holds(store):
    assert ok(store, "init").startswith("Store ready at ")
    ok(store, "workstream", "open", "Checkout v2", "--owner", "ana")
    assert ok(store, "init").endswith("(1 event).\n")


def test_init_on_a_new_sqlite_path_creates_a_file_only_its_owner_can_read(tmp_path):
    path = tmp_path / "team" / "staffdeck.db"
    assert ok(str(path), "init") == f"Store ready at {path} (0 events).\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


@pytest.mark.postgres
def test_the_store_url_in_messages_never_shows_the_password(postgres_store):
    password = psycopg.conninfo.conninfo_to_dict(postgres_store.partition("?")[0]).get("password")
    printed = ok(postgres_store, "init")
    assert printed.startswith("Store ready at postgresql://")
    if password:
        assert password not in printed


def test_export_writes_every_event_as_json_lines_to_stdout(store):
    ok(store, "workstream", "open", "Checkout v2", "--owner", "ana")
    ok(store, "blocker", "raise", "PCI audit", "--workstream", "W-1", "--severity", "high")
    exported = ok(store, "export").encode()
    assert exported == export_of(store)
    assert [tag_of(decode(line)) for line in exported.splitlines()] == ["workstream.opened", "blocker.raised"]


def test_export_to_a_file_writes_the_file_and_says_so_on_stderr(store, tmp_path):
    ok(store, "workstream", "open", "Checkout v2", "--owner", "ana")
    target = tmp_path / "history.jsonl"
    result = staffdeck(store, "export", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"Exported 1 event to {target}.\n"
    assert target.read_bytes() == export_of(store)


def test_import_appends_a_history_file_as_it_was_written(store, tmp_path):
    # A history written elsewhere: another team's SQLite store, exported.
    elsewhere = str(tmp_path / "elsewhere.db")
    ok(elsewhere, "--at", "2026-08-01", "workstream", "open", "Search", "--owner", "bo")
    ok(elsewhere, "blocker", "raise", "Index lag", "--workstream", "W-1", "--severity", "low")
    history = tmp_path / "history.jsonl"
    ok(elsewhere, "export", str(history))
    assert ok(store, "import", str(history)) == f"Imported 2 events from {history}.\n"
    assert export_of(store) == history.read_bytes()


def test_schema_prints_the_json_schema_of_every_event(store):
    schema = json.loads(ok(store, "schema"))
    assert schema["discriminator"]["propertyName"] == "type"
    assert set(schema["discriminator"]["mapping"]) == set(EVENT_TYPES)


# ---- reading the history: log -----------------------------------------------


@pytest.fixture
def august(store) -> str:
    """W-1 opened on 1 August, at risk on the 10th, off track on the 20th; W-2 on the 5th."""
    ok(store, "--at", "2026-08-01T10:00", "workstream", "open", "Checkout v2", "--owner", "ana")
    ok(store, "--at", "2026-08-10T10:00", "workstream", "status", "W-1", "at_risk")
    ok(store, "--at", "2026-08-20T10:00", "workstream", "status", "W-1", "off_track")
    ok(store, "--at", "2026-08-05T10:00", "workstream", "open", "Search", "--owner", "bo")  # backfilled
    return store


def test_log_shows_every_event_oldest_first_whatever_order_it_was_recorded_in(august):
    assert ok(august, "log") == (
        "2026-08-01 10:00  W-1    ana          workstream opened: Checkout v2 (owner ana)\n"
        "2026-08-05 10:00  W-2    ana          workstream opened: Search (owner bo)\n"
        "2026-08-10 10:00  W-1    ana          status at risk\n"
        "2026-08-20 10:00  W-1    ana          status off track\n"
    )


def test_log_of_a_key_shows_only_that_items_history(august):
    keys = [line.split()[2] for line in ok(august, "log", "w-1").splitlines()]
    assert keys == ["W-1", "W-1", "W-1"]


def test_log_since_and_until_a_date_take_whole_days(august):
    assert ok(august, "log", "--since", "2026-08-10", "--until", "2026-08-10") == (
        "2026-08-10 10:00  W-1    ana          status at risk\n"
    )
    assert ok(august, "log", "W-1", "--since", "2026-08-05").count("\n") == 2
    assert ok(august, "log", "W-1", "--until", "2026-08-09").count("\n") == 1
    assert ok(august, "log", "--until", "2026-08-10T09:59").count("\n") == 2


def test_log_of_a_quiet_period_says_there_are_no_events(august):
    result = staffdeck(august, "log", "--since", "2026-08-21")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No events.\n")


# ---- a store that is not there ----------------------------------------------


@pytest.mark.parametrize("command", [["log"], ["log", "W-1"], ["export"]])
def test_reading_a_store_that_does_not_exist_exits_4_and_creates_nothing(store, command):
    result = staffdeck(store, *command)
    assert result.exit_code == 4
    assert result.stderr.startswith("error: There is no store at ")
    assert "init" in result.stderr  # and how to make one
    assert not exists(store)


# ---- bad usage: exit 2, naming the option -----------------------------------


@pytest.mark.parametrize(
    "args, names",
    [
        (["blocker", "raise", "Vendor", "--workstream", "W-1", "--severity", "urgent"], "'--severity'"),
        (["blocker", "severity", "W-1", "urgent"], "'urgent' is not one of 'low', 'medium'"),
        (["action", "assign", "Call", "--owner", "bo", "--due", "soonish"], "'--due'"),
        (["decision", "raise", "Q?", "--workstream", "W-1", "--owner", "a", "--due", "31/12"], "'--due'"),
        (["--at", "last tuesday", "workstream", "status", "W-1", "at_risk"], "'--at'"),
        (["--at", "2026-13-01", "workstream", "status", "W-1", "at_risk"], "'--at'"),
        (["workstream", "status", "W-1", "great"], "'great' is not one of 'on_track'"),
        (["log", "--since", "garbage"], "'--since'"),
        (["workstream", "open", "Search"], "Missing option '--owner'"),
        # The ends of the calendar (found by tests/fuzz): once tracebacks from datetime.
        (["--at", "0001-01-01", "workstream", "status", "W-1", "at_risk"], "'--at'"),
        (["show", "workstreams", "--as-of", "9999-12-31"], "'--as-of'"),
        (["log", "--until", "9999-12-31"], "'--until'"),
        (["diff", "--since", "0001-01-01"], "'--since'"),
    ],
    ids=["severity", "severity-level", "due", "due-slashes", "at-words", "at-month-13", "state",
         "since", "missing-owner", "at-year-1", "as-of-last-day", "until-last-day",
         "diff-since-year-1"],
)
def test_bad_usage_exits_2_naming_the_option_and_writes_nothing(store, args, names):
    ok(store, "workstream", "open", "Checkout v2", "--owner", "ana")
    before = export_of(store)
    result = staffdeck(store, *args)
    assert result.exit_code == 2
    assert names in result.stderr
    assert export_of(store) == before


def test_a_bad_fixed_clock_is_bad_usage(store):
    result = CliRunner(env={"STAFFDECK_NOW": "soon"}).invoke(
        cli, ["--store", store, "--actor", "ana", "log"], catch_exceptions=False
    )
    assert result.exit_code == 2 and "$STAFFDECK_NOW" in result.stderr


# ---- local time ----------------------------------------------------------


@pytest.fixture
def in_berlin(monkeypatch):
    """The machine's local time is Berlin's (UTC+2 in summer)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_ritual_held_at_a_local_date_is_held_on_that_date(store, in_berlin):
    ok(store, "--at", "2026-08-01", "ritual", "establish", "Staff meeting", "--cadence", "weekly",
       "--purpose", "triage", "--owner", "ana")
    # "--at 2026-08-14" is local midnight, 2026-08-13 22:00 UTC: the meeting was on the 14th.
    held = decode(ok(store, "--at", "2026-08-14", "ritual", "held", "R-1", "--json"))
    assert held.held_on.isoformat() == "2026-08-14"


def test_log_shows_times_in_local_time(store, in_berlin):
    ok(store, "--at", "2026-08-01T10:00", "workstream", "open", "Checkout v2", "--owner", "ana")
    assert ok(store, "log").startswith("2026-08-01 10:00  W-1 ")
    assert export_of(store).count(b'"at":"2026-08-01T08:00:00Z"') == 1

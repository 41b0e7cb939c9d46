"""A store that is locked or lost while a command runs.

SQLite: another writer holds the lock (a real second connection, holding a
BEGIN IMMEDIATE or EXCLUSIVE transaction); a write waits the bounded time, then
says nothing was written; reads go on (WAL). PostgreSQL: the server goes away
for this test only, through a TCP proxy (tests/store/tcp_proxy.py) in front of
the shared server; a command then ends in exactly one of "written" or "not
written", and when the connection is cut after the COMMIT was sent, the store
is asked instead of guessed at. Nothing here asserts on how long anything took:
the wait is kept short with $STAFFDECK_STORE_TIMEOUT, and a hang fails the test.
"""

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from domain.service import Staffdeck
from domain.store import STORE_TIMEOUT_ENV, StoreUnreachable, WriteUncertain, locate
from events import WorkstreamOpened, WorkstreamStatusReported
from tests.conftest import FixedClock, export_of

ROOT = Path(__file__).resolve().parents[2]
PATIENCE = 60  # seconds before a command that should have ended counts as hung
STAFFDECK = "import sys; from tui.cli import main; sys.argv[0] = 'staffdeck'; main()"


def environment(timeout: str = "1") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STAFFDECK_")}
    env.update(PYTHONPATH=str(ROOT), TZ="UTC", STAFFDECK_ACTOR="tester")
    env[STORE_TIMEOUT_ENV] = timeout
    return env


def staffdeck(*args: str, timeout: str = "1") -> subprocess.CompletedProcess:
    """The real `staffdeck` entry point, in a process of its own, to completion."""
    return subprocess.run(
        [sys.executable, "-c", STAFFDECK, *args],
        cwd=ROOT,
        env=environment(timeout),
        capture_output=True,
        text=True,
        timeout=PATIENCE,
    )


def seeded(store: str) -> None:
    """W-1, opened: something for a command to change."""
    deck = Staffdeck(store, actor="seed", clock=FixedClock())
    try:
        deck.open_workstream("Checkout v2", owner="Ana Lima")
    finally:
        deck.close()


def stored_keys(store: str) -> list[str]:
    deck = Staffdeck(store, actor="checker")
    try:
        return [event.key for event in deck.read_events()]
    finally:
        deck.close()


# ---- SQLite: another writer holds the lock -----------------------------------------


@pytest.fixture(params=["IMMEDIATE", "EXCLUSIVE"])
def locked(request, sqlite_store) -> Iterator[str]:
    """The store, with another connection in the middle of a write transaction."""
    seeded(sqlite_store)
    holder = sqlite3.connect(sqlite_store, isolation_level=None)
    holder.execute(f"BEGIN {request.param}")
    holder.execute(
        "INSERT INTO stored_events (originator_id, originator_version, topic, state) "
        "VALUES ('W-9', 1, 'workstream.opened', '{}')"
    )  # uncommitted: no reader may see it
    yield sqlite_store
    holder.rollback()
    holder.close()


WRITES = [
    ("workstream", "open", "Voice mode", "--owner", "Bo"),
    ("workstream", "status", "W-1", "at_risk", "--note", "GPU short"),
]


@pytest.mark.slow
@pytest.mark.parametrize("command", WRITES, ids=["create", "append"])
def test_a_write_while_another_writer_holds_the_lock_waits_then_says_nothing_was_written(
    locked, command
):
    before = export_of(locked)
    done = staffdeck("--store", locked, *command)
    assert done.returncode == 4
    assert done.stdout == ""
    assert done.stderr == (
        f"error: The store at {locked} is locked by another writer and stayed locked for "
        "1 second; nothing was written. Try again in a moment.\n"
    )
    assert export_of(locked) == before


@pytest.mark.slow
def test_once_the_lock_is_released_the_same_write_goes_through(sqlite_store):
    seeded(sqlite_store)
    holder = sqlite3.connect(sqlite_store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    assert staffdeck("--store", sqlite_store, *WRITES[0]).returncode == 4
    holder.rollback()
    holder.close()
    done = staffdeck("--store", sqlite_store, *WRITES[0])
    assert (done.returncode, done.stdout) == (0, "W-2\n")
    assert stored_keys(sqlite_store) == ["W-1", "W-2"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "command, shows",
    [
        (("show", "workstreams"), '"key": "W-1"'),
        (("log", "W-1"), "workstream opened: Checkout v2"),
        (("export",), '"key":"W-1"'),
    ],
    ids=["show", "log", "export"],
)
def test_reads_go_on_while_another_writer_holds_the_lock(locked, command, shows):
    done = staffdeck("--store", locked, *command)
    assert (done.returncode, done.stderr) == (0, "")
    assert shows in done.stdout
    assert "W-9" not in done.stdout  # the other writer's transaction is not done yet


def test_a_store_timeout_that_is_not_a_whole_number_of_seconds_is_named(sqlite_store, monkeypatch):
    seeded(sqlite_store)
    before = export_of(sqlite_store)
    monkeypatch.setenv(STORE_TIMEOUT_ENV, "soon")
    from tui.cli import cli

    result = _invoke(cli, ["--store", sqlite_store, *WRITES[0]])
    assert result.exit_code == 4
    assert result.stderr == (
        "error: $STAFFDECK_STORE_TIMEOUT is 'soon': give how long to wait for the store in "
        "whole seconds, 1 or more (the default is 5).\n"
    )
    monkeypatch.delenv(STORE_TIMEOUT_ENV)
    assert export_of(sqlite_store) == before


def _invoke(cli, args: list[str]):
    from click.testing import CliRunner

    return CliRunner().invoke(cli, args, env={"STAFFDECK_ACTOR": "tester"})


# ---- PostgreSQL: the server goes away ----------------------------------------------


@pytest.fixture
def short_wait(monkeypatch) -> None:
    monkeypatch.setenv(STORE_TIMEOUT_ENV, "1")


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize("command", [WRITES[0], ("show", "workstreams")], ids=["write", "read"])
def test_the_cli_against_an_unreachable_server_says_so_on_one_line_without_the_password(
    postgres_url, command
):
    url = postgres_url.replace(f":{urlsplit(postgres_url).port}/", f":{closed_port()}/")
    password = urlsplit(url).password
    assert password  # the test server's URL carries one: it must not be printed
    done = staffdeck("--store", f"{url}?schema=gone", *command)
    assert done.returncode == 4
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    shown = str(locate(f"{url}?schema=gone"))
    assert done.stderr == (
        f"error: The store at {shown} is unreachable (Connection refused): nothing was "
        "written. Try again when it is back.\n"
    )
    assert password not in done.stderr


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize("command", WRITES, ids=["create", "append"])
def test_a_cli_write_while_the_server_is_away_is_not_written_and_says_so(
    postgres_store, proxy, command
):
    seeded(postgres_store)
    before = export_of(postgres_store)
    proxy.cut()
    done = staffdeck("--store", proxy.url(postgres_store), *command)
    assert done.returncode == 4
    assert done.stderr.startswith(f"error: The store at {locate(proxy.url(postgres_store))} ")
    assert "is unreachable (" in done.stderr
    assert done.stderr.endswith("nothing was written. Try again when it is back.\n")
    assert export_of(postgres_store) == before


@pytest.mark.postgres
@pytest.mark.slow
def test_a_cli_write_waiting_for_the_server_is_written_once_it_is_back(postgres_store, proxy):
    seeded(postgres_store)
    proxy.cut()
    writing = subprocess.Popen(
        [sys.executable, "-c", STAFFDECK, "--store", proxy.url(postgres_store), *WRITES[0]],
        cwd=ROOT,
        env=environment(timeout="30"),  # long enough to see the server come back
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proxy.refused.wait(PATIENCE)  # it is trying, and the server is away
        proxy.restore()
        out, err = writing.communicate(timeout=PATIENCE)
    finally:
        writing.kill()
    assert (writing.returncode, out, err) == (0, "W-2\n", "")
    assert stored_keys(postgres_store) == ["W-1", "W-2"]


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize(
    "then_cut, code, says",
    [
        (False, 0, "W-2\n"),
        (True, 4, "may or may not have been written. Check with `staffdeck log W-2`"),
    ],
    ids=["store-asked-again", "store-gone"],
)
def test_a_cli_write_whose_commit_answer_is_lost_is_settled_by_asking_the_store(
    postgres_store, proxy, then_cut, code, says
):
    seeded(postgres_store)
    # The COMMIT of the insert: opening the store commits a read of its own first.
    proxy.trip_on(b"COMMIT", once=b"INSERT", after_reply=True, then_cut=then_cut)
    done = staffdeck("--store", proxy.url(postgres_store), *WRITES[0])
    assert proxy.tripped.is_set()
    assert done.returncode == code
    assert says in (done.stdout if code == 0 else done.stderr)
    # Either way it was written, once: never a second copy under the next key.
    assert stored_keys(postgres_store) == ["W-1", "W-2"]


@pytest.fixture
def deck_through(postgres_store, proxy, short_wait) -> Iterator[Staffdeck]:
    """The application service on the store, through the proxy, W-1 already there."""
    seeded(postgres_store)
    deck = Staffdeck(proxy.url(postgres_store), actor="ana", clock=FixedClock())
    yield deck
    deck.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_new_item_whose_commit_answer_is_lost_is_written_once_and_said_written(
    deck_through, postgres_store, proxy
):
    proxy.trip_on(b"COMMIT", after_reply=True)
    opened = deck_through.open_workstream("Voice mode", owner="Bo")
    assert proxy.tripped.is_set()
    assert isinstance(opened, WorkstreamOpened) and opened.key == "W-2"
    assert stored_keys(postgres_store) == ["W-1", "W-2"]


@pytest.mark.postgres
@pytest.mark.slow
def test_a_change_whose_commit_answer_is_lost_is_written_and_not_called_a_conflict(
    deck_through, postgres_store, proxy
):
    proxy.trip_on(b"COMMIT", after_reply=True)
    reported = deck_through.report_status("W-1", "at_risk", note="GPU short")
    assert proxy.tripped.is_set()
    assert isinstance(reported, WorkstreamStatusReported)
    deck = Staffdeck(postgres_store, actor="checker")
    try:
        assert deck.history("W-1")[-1] == reported
    finally:
        deck.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_write_cut_before_it_reached_the_server_is_said_not_written(
    deck_through, postgres_store, proxy
):
    before = export_of(postgres_store)
    proxy.trip_on(b"INSERT", after_reply=False)
    with pytest.raises(StoreUnreachable) as refused:
        deck_through.report_status("W-1", "at_risk")
    assert proxy.tripped.is_set()
    assert str(refused.value).endswith(
        "was cut while W-1's new event was being written, and the store, asked again, "
        "does not have it: nothing was written. Try again."
    )
    assert export_of(postgres_store) == before
    # The store is still there: the same command, again, is written.
    deck_through.report_status("W-1", "at_risk")
    assert len(stored_keys(postgres_store)) == 2


@pytest.mark.postgres
@pytest.mark.slow
def test_a_write_cut_after_its_commit_with_the_server_gone_may_or_may_not_be_written(
    deck_through, postgres_store, proxy
):
    proxy.trip_on(b"COMMIT", after_reply=True, then_cut=True)
    with pytest.raises(WriteUncertain) as uncertain:
        deck_through.report_status("W-1", "at_risk")
    message = str(uncertain.value)
    assert "it may or may not have been written" in message
    assert "Check with `staffdeck log W-1` before trying again." in message
    assert "nothing was written" not in message
    # It was, in fact: saying "not written" would have invited a second copy.
    assert stored_keys(postgres_store) == ["W-1", "W-1"]


@pytest.mark.postgres
@pytest.mark.slow
def test_a_write_with_the_server_away_is_said_not_written_and_goes_through_once_back(
    deck_through, postgres_store, proxy
):
    before = export_of(postgres_store)
    proxy.cut()
    with pytest.raises(StoreUnreachable, match="is unreachable .*: nothing was written"):
        deck_through.report_status("W-1", "at_risk")
    assert export_of(postgres_store) == before
    proxy.restore()
    deck_through.report_status("W-1", "at_risk")
    assert stored_keys(postgres_store) == ["W-1", "W-1"]

"""`staffdeck backup FILE` and `staffdeck restore FILE`, for real, on SQLite stores.

A backup is SQLite's online backup, taken while writers carry on; a restore
checks the backup first, keeps the store it replaces, and swaps the events in
one transaction. A PostgreSQL store is refused both ways: `export` and `import`
are its backup and restore. "Now" is fixed at 2026-09-01 09:00 UTC (test_cli.py).
"""

import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

import domain.backup
from domain.service import Staffdeck
from events import WorkstreamOpened, decode
from tests.cli.test_cli import ok, staffdeck
from tests.conftest import FixedClock, export_of
from tests.store.test_verify import write_row

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "staff-meeting.jsonl"
AFTER_THE_QUARTER = datetime(2026, 11, 20, tzinfo=UTC)
PATIENCE = 60  # seconds a process may take before the test gives up on it (a hang)

# A long-lived writer, as the dashboard is: one application service, opened once,
# creating workstreams until told to stop; it prints each title once it is stored.
WRITER = """
import sys
from pathlib import Path
from domain.service import Staffdeck
store, ready, stop = sys.argv[1:4]
deck = Staffdeck(store, actor="writer")
Path(ready).touch()
n = 0
while not Path(stop).exists():
    n += 1
    deck.open_workstream(f"stream {n}", owner="bo")
    print(f"stream {n}", flush=True)
deck.close()
"""


@contextmanager
def a_writer_appending(store: Path, folder: Path) -> Iterator[list[str]]:
    """WRITER on `store` while the block runs; then the titles it stored, once it
    has stopped and exited cleanly (never held up long enough to give up)."""
    ready, stop = folder / "ready", folder / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store), str(ready), str(stop)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    written: list[str] = []
    try:
        deadline = time.monotonic() + PATIENCE
        while not ready.exists():
            assert writer.poll() is None, writer.stderr.read()
            assert time.monotonic() < deadline, "the writer never started"
            time.sleep(0.01)
        yield written
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=PATIENCE)
    assert writer.returncode == 0, err
    written += out.splitlines()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def team(tmp_path) -> Path:
    """A store holding the sample quarter (800 events)."""
    store = tmp_path / "team.db"
    deck = Staffdeck(str(store), actor="ana", clock=FixedClock(AFTER_THE_QUARTER))
    try:
        deck.import_lines(SAMPLE.read_bytes().split(b"\n"), source=SAMPLE.name)
    finally:
        deck.close()
    return store


def refused(store: Path | str, *args: str, says: str) -> None:
    result = staffdeck(str(store), *args)
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and says in result.stderr, result.stderr


def titles(store: Path) -> set[str]:
    """The titles of the workstreams opened in `store`."""
    events = map(decode, export_of(str(store)).splitlines())
    return {e.title for e in events if isinstance(e, WorkstreamOpened)}


# ---- backup, then restore ---------------------------------------------------------


def test_a_backup_restores_to_the_same_history_byte_for_byte(team, tmp_path):
    backup = tmp_path / "backups" / "team-2026-09-01.db"
    backup.parent.mkdir()
    assert ok(str(team), "backup", str(backup)) == (
        f"Backed up 800 events from {team} to {backup}.\n"
    )
    # The backup is one file, readable by its owner only, and a store that verifies.
    assert files(backup.parent) == [backup.name]
    assert mode(backup) == 0o600
    assert ok(str(backup), "verify") == "Verified 800 events on 246 items: no problems.\n"

    restored = tmp_path / "restored.db"
    assert ok(str(restored), "restore", str(backup)) == (
        f"Restored 800 events from {backup} into {restored}.\n"
    )
    assert export_of(str(restored)) == export_of(str(team))
    assert mode(restored) == 0o600


def test_a_live_store_file_restores_too(team, tmp_path):
    # Not only a backup: any staffdeck store file, even one in write-ahead-log mode.
    restored = tmp_path / "restored.db"
    ok(str(restored), "restore", str(team))
    assert export_of(str(restored)) == export_of(str(team))
    assert files(tmp_path) == ["restored.db", "team.db"]


@pytest.mark.slow
def test_a_backup_taken_while_another_process_appends_is_one_consistent_moment(team, tmp_path):
    with a_writer_appending(team, tmp_path) as written:
        backups = []
        for n in range(5):
            backup = tmp_path / f"backup-{n}.db"
            ok(str(team), "backup", str(backup))
            backups.append(backup)
            time.sleep(0.05)  # let the writer get further between backups
    assert len(written) > 0

    # Each backup verifies, and is exactly the store's first events up to its moment.
    final = export_of(str(team)).splitlines(keepends=True)
    sizes = []
    for backup in backups:
        assert ok(str(backup), "verify").endswith(": no problems.\n")
        lines = export_of(str(backup)).splitlines(keepends=True)
        assert lines == final[: len(lines)]
        sizes.append(len(lines))
    assert sizes == sorted(sizes) and sizes[-1] > 800  # the writer went on meanwhile


def test_an_existing_file_is_replaced_only_with_force(team, tmp_path):
    backup = tmp_path / "team.backup"
    backup.write_text("an older backup, or something else entirely")
    refused(team, "backup", str(backup), says=f"{backup} already exists; nothing was written.")
    assert backup.read_text() == "an older backup, or something else entirely"

    ok(str(team), "backup", str(backup), "--force")
    assert export_of(str(backup)) == export_of(str(team))
    assert mode(backup) == 0o600
    assert files(tmp_path) == ["team.backup", "team.db"]


def test_a_backup_that_fails_leaves_nothing_behind(team, tmp_path, monkeypatch):
    def full_disk(temp, target, *, replace):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(domain.backup, "_publish", full_disk)
    refused(team, "backup", str(tmp_path / "b.db"), says="No space left on device")
    assert files(tmp_path) == ["team.db"]


def test_a_backup_into_a_missing_folder_or_onto_the_store_is_refused(team, tmp_path):
    refused(team, "backup", str(tmp_path / "nowhere" / "b.db"), says="No such file or directory")
    refused(team, "backup", str(team), "--force", says="is the store itself")
    assert files(tmp_path) == ["team.db"]


def test_a_backup_of_a_store_that_does_not_exist_is_exit_4(tmp_path):
    result = staffdeck(str(tmp_path / "none.db"), "backup", str(tmp_path / "b.db"))
    assert result.exit_code == 4
    assert "There is no store at" in result.stderr
    assert files(tmp_path) == []


# ---- what restore refuses -----------------------------------------------------------


@pytest.fixture
def target(tmp_path) -> Path:
    """A store with events of its own, in a folder of its own."""
    folder = tmp_path / "target"
    folder.mkdir()
    store = folder / "store.db"
    ok(str(store), "workstream", "open", "Checkout v2", "--owner", "ana")
    ok(str(store), "workstream", "status", "W-1", "at_risk")
    return store


def test_restore_refuses_a_file_that_is_not_a_store(target, tmp_path):
    before = export_of(str(target))
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    refused(target, "restore", str(text), says="notes.txt is not a staffdeck store")

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    refused(target, "restore", str(other), says="not a staffdeck store (it has no table of events)")

    refused(target, "restore", str(tmp_path / "missing.db"), says="There is no backup file")
    assert export_of(str(target)) == before
    assert files(target.parent) == ["store.db"]


def test_restore_refuses_a_backup_that_does_not_verify(team, tmp_path):
    write_row(str(team), "W-1", 99, "workstream.status_reported", b'{"type":')
    fresh = tmp_path / "fresh.db"
    result = staffdeck(str(fresh), "restore", str(team))
    assert result.exit_code == 1
    assert f"{team} does not verify (2 problems); nothing was restored." in result.stderr
    assert "#801 W-1 v99 (workstream.status_reported): versions jump from" in result.stderr
    assert f"`staffdeck --store {team} verify` lists every problem" in result.stderr
    assert not fresh.exists()
    assert files(tmp_path) == ["team.db"]


def test_restore_refuses_a_store_that_holds_events_without_replace(team, target):
    before = export_of(str(target))
    refused(
        target,
        "restore",
        str(team),
        says=f"The store at {target} holds 2 events; nothing was restored. Add --replace",
    )
    assert export_of(str(target)) == before
    assert files(target.parent) == ["store.db"]


def test_restore_into_an_empty_store_needs_no_replace(team, tmp_path):
    empty = tmp_path / "empty.db"
    ok(str(empty), "init")
    ok(str(empty), "restore", str(team))
    assert export_of(str(empty)) == export_of(str(team))


def test_replace_keeps_the_store_it_replaces_first(team, target):
    before = export_of(str(target))
    kept = target.parent / "store.db.before-restore-20260901T090000Z"
    assert ok(str(target), "restore", str(team), "--replace") == (
        f"Restored 800 events from {team} into {target}.\n"
        f"The events it replaced are kept in {kept}.\n"
    )
    assert export_of(str(target)) == export_of(str(team))
    assert export_of(str(kept)) == before
    assert mode(kept) == 0o600 and mode(target) == 0o600
    assert ok(str(kept), "verify").endswith("no problems.\n")
    # A second restore in the same second keeps its own copy, under the next name.
    ok(str(target), "restore", str(team), "--replace")
    assert export_of(str(kept.with_name(kept.name + "-2"))) == export_of(str(team))


@pytest.mark.slow
def test_a_restore_while_a_writer_appends_loses_nothing(team, target, tmp_path):
    with a_writer_appending(target, tmp_path) as written:
        time.sleep(0.2)
        ok(str(target), "restore", str(team), "--replace")
        time.sleep(0.2)
    # Every workstream the writer stored is in the store kept, or in the restored one
    # (written after the swap, into the same file the writer had open).
    (kept,) = target.parent.glob("store.db.before-restore-*")
    assert written and set(written) <= titles(kept) | titles(target)
    assert titles(team) <= titles(target)
    for store in (kept, target):
        assert ok(str(store), "verify").endswith("no problems.\n")


# ---- PostgreSQL --------------------------------------------------------------------


def test_a_postgresql_store_is_backed_up_with_export_not_backup(tmp_path):
    # Refused before any connection is made: no server is needed to be told.
    url = "postgresql://nobody@127.0.0.1:1/none"
    refused(url, "backup", str(tmp_path / "b.db"), says="`staffdeck --store URL export FILE`")
    refused(url, "restore", str(tmp_path / "b.db"), says="`staffdeck --store URL import FILE`")
    assert files(tmp_path) == []


@pytest.mark.postgres
def test_a_real_postgresql_store_is_refused_and_left_as_it_was(postgres_store, team, tmp_path):
    ok(postgres_store, "workstream", "open", "Checkout v2", "--owner", "ana")
    before = export_of(postgres_store)
    refused(postgres_store, "backup", str(tmp_path / "b.db"), says="is backed up with")
    refused(postgres_store, "restore", str(team), says="into an empty store")
    assert export_of(postgres_store) == before
    assert os.path.exists(team) and not (tmp_path / "b.db").exists()

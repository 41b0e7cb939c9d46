"""Several writers on one store, and a writer killed in the middle: real OS processes.

Each test runs on SQLite and on PostgreSQL. The processes are started
together behind a barrier (they wait for a file to appear), so they really
race; sleeps only choose the moment to start or to kill, and nothing asserts
on how long anything took.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from domain.service import Staffdeck
from events import (
    BlockerResolved,
    WorkstreamOpened,
    WorkstreamStatusReported,
    decode,
    encode,
)
from tests.conftest import export_of

ROOT = Path(__file__).resolve().parents[2]
PATIENCE = 60  # seconds a process may take before the test gives up on it (a hang)

# Runs the real entry point, `staffdeck` = tui.cli:main, in a fresh interpreter.
STAFFDECK = "import sys; from tui.cli import main; sys.argv[0] = 'staffdeck'; main()"

# Imports everything first, says it is ready, waits for the starting gun, then
# runs the real `staffdeck` entry point with the remaining arguments.
AT_THE_GUN = """
import sys, time
from pathlib import Path
ready, gun = Path(sys.argv[1]), Path(sys.argv[2])
from tui.cli import main
ready.touch()
while not gun.exists():
    time.sleep(0.0002)
sys.argv = ["staffdeck", *sys.argv[3:]]
main()
"""

# Creates COUNT workstreams once the gun goes, printing each key: through the
# command line (a fresh application per command, as a shell script does), or
# through one long-lived application service, opened before the gun (as the
# dashboard does).
CREATOR = """
import sys, time
from pathlib import Path
store, ready, gun, worker, count, how = sys.argv[1:7]
from domain.service import Staffdeck
from tui.cli import cli
deck = Staffdeck(store, actor=f"worker {worker}") if how == "service" else None
Path(ready).touch()
while not Path(gun).exists():
    time.sleep(0.0002)
if deck is not None:
    for n in range(int(count)):
        print(deck.open_workstream(f"{worker}/{n}", owner="ana").key, flush=True)
    deck.close()
else:
    for n in range(int(count)):
        code = cli.main(
            ["--store", store, "--actor", f"worker {worker}", "workstream", "open",
             f"{worker}/{n}", "--owner", "ana"],
            prog_name="staffdeck", standalone_mode=False,
        )
        if code:
            sys.exit(code)
"""


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STAFFDECK_")}
    env.update(PYTHONPATH=str(ROOT), TZ="UTC", STAFFDECK_ACTOR="tester")
    return env


def spawn(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def run_staffdeck(*args: str) -> subprocess.CompletedProcess:
    """`staffdeck ARGS` to completion; a hang fails the test instead of stalling it."""
    try:
        return subprocess.run(
            [sys.executable, "-c", STAFFDECK, *args], cwd=ROOT, env=environment(),
            capture_output=True, timeout=PATIENCE,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"`staffdeck {' '.join(args[2:])}` did not finish in {PATIENCE} s: it hangs")


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=PATIENCE)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"a process did not finish in {PATIENCE} s: {err.decode()}")
    return process.returncode, out.decode(), err.decode()


def wait_until(condition: Callable[[], bool], processes: list[subprocess.Popen]) -> None:
    """Wait for `condition`; fail if a process dies first or it takes absurdly long."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        for process in processes:
            if process.poll() is not None:
                _, out, err = finish(process)
                pytest.fail(f"a process ended early ({process.returncode}): {out}{err}")
        if time.monotonic() > deadline:
            pytest.fail("the processes never got ready")
        time.sleep(0.002)


def number(key: str) -> int:
    return int(key.partition("-")[2])


# ---- creating items at once -------------------------------------------------


@pytest.mark.slow
def test_processes_creating_items_at_once_get_distinct_keys_and_lose_nothing(store, tmp_path):
    # The store exists before the race (as a shared store does).
    Staffdeck(store, actor="setup").close()
    workers, count = 4, 20
    gun = tmp_path / "gun"
    ready = [tmp_path / f"ready-{w}" for w in range(workers)]
    processes = [
        spawn(CREATOR, store, str(ready[w]), str(gun), str(w), str(count),
              "cli" if w % 2 == 0 else "service")
        for w in range(workers)
    ]
    wait_until(lambda: all(r.exists() for r in ready), processes)
    gun.touch()
    results = [finish(p) for p in processes]
    for code, _, err in results:
        assert code == 0, err

    # Every key printed is different, and together they are W-1 … W-80.
    printed = {w: out.split() for w, (_, out, _) in enumerate(results)}
    keys = [key for w in printed for key in printed[w]]
    assert all(len(printed[w]) == count for w in printed)
    assert len(set(keys)) == workers * count
    assert sorted(keys, key=number) == [f"W-{n}" for n in range(1, workers * count + 1)]

    # The store holds exactly those workstreams, each the one its worker was told.
    events = [decode(line) for line in export_of(store).splitlines()]
    assert all(isinstance(e, WorkstreamOpened) for e in events)
    assert len(events) == workers * count
    stored = {e.key: e.title for e in events}
    for w, worker_keys in printed.items():
        assert [stored[key] for key in worker_keys] == [f"{w}/{n}" for n in range(count)]


# ---- resolving the same blocker at once ---------------------------------------


@pytest.mark.slow
def test_two_processes_resolving_the_same_blocker_one_wins_the_other_is_told_why(
    store, tmp_path
):
    rounds = 10
    deck = Staffdeck(store, actor="setup")
    try:
        deck.open_workstream("Checkout v2", owner="ana")
        for n in range(1, rounds + 1):
            deck.raise_blocker(f"Blocker {n}", workstream="W-1", severity="high")
    finally:
        deck.close()

    outcomes = []
    for n in range(1, rounds + 1):
        gun = tmp_path / f"gun-{n}"
        ready = [tmp_path / f"ready-{n}-{w}" for w in (1, 2)]
        processes = [
            spawn(AT_THE_GUN, str(ready[w - 1]), str(gun), "--store", store,
                  "--actor", f"racer {w}", "blocker", "resolve", f"B-{n}",
                  "--resolution", f"fixed by racer {w}")
            for w in (1, 2)
        ]
        wait_until(lambda ready=ready: all(r.exists() for r in ready), processes)
        gun.touch()
        results = sorted(finish(p) for p in processes)
        (won, won_out, won_err), (lost, lost_out, lost_err) = results
        # Exactly one succeeds ...
        assert won == 0, won_err
        assert won_out.startswith(f"B-{n}: resolved"), won_out
        # ... and the other is refused, saying why: too late, or at the same moment.
        assert lost in (1, 3), lost_err
        assert lost_out == ""
        if lost == 1:
            assert f"B-{n} was already resolved" in lost_err, lost_err
        else:
            assert "changed by someone else at the same moment" in lost_err, lost_err
        outcomes.append(lost)

    deck = Staffdeck(store, actor="checker")
    try:
        for n in range(1, rounds + 1):
            history = deck.history(f"B-{n}")
            assert sum(isinstance(e, BlockerResolved) for e in history) == 1, history
    finally:
        deck.close()
    print(f"losers: {outcomes.count(3)} conflicts (exit 3), "
          f"{outcomes.count(1)} already resolved (exit 1)")


# ---- killing an import ---------------------------------------------------------

SEED_AT = datetime(2025, 1, 1, tzinfo=UTC)
WORKSTREAMS, REPORTS = 2000, 39  # 2,000 new workstreams + W-1, 39 reports each: 80,039 events


@pytest.fixture(scope="module")
def large_history(tmp_path_factory) -> Path:
    """A valid file of 80,039 events that continues W-1 and opens W-2 … W-2001."""
    states = ("on_track", "at_risk", "off_track", "paused")
    lines = []
    for n in range(2, WORKSTREAMS + 2):
        at = SEED_AT + timedelta(hours=1, seconds=n)
        lines.append(encode(WorkstreamOpened(
            key=f"W-{n}", at=at, recorded_at=at, actor="importer", title=f"Workstream {n}",
            owner="ana", objective="keep it moving", stakeholders=("cy", "dé"),
        )))
    for report in range(REPORTS):
        for n in range(1, WORKSTREAMS + 2):
            at = SEED_AT + timedelta(days=1 + report, seconds=n)
            lines.append(encode(WorkstreamStatusReported(
                key=f"W-{n}", at=at, recorded_at=at, actor="importer",
                state=states[(report + n) % 4], note=f"report {report} [bold]",
            )))
    path = tmp_path_factory.mktemp("large") / "history.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def writing_begun(store: str, *, deep: bool, history: Path) -> Callable[[], bool]:
    """Whether the importer is appending: its transaction is open and not committed.

    SQLite: its write-ahead log grows (`deep`: past half the size the file will
    take). PostgreSQL: it holds the store's write lock (`deep`: still 0.3 s later).
    """
    if not store.startswith("postgresql://"):
        wal = Path(store + "-wal")
        threshold = history.stat().st_size // 2 if deep else 0

        def sqlite_writing() -> bool:
            return wal.exists() and wal.stat().st_size > threshold

        return sqlite_writing

    first_seen: list[float] = []

    def postgres_writing() -> bool:
        if not appending(store):
            return False
        first_seen.append(time.monotonic())
        return not deep or time.monotonic() - first_seen[0] > 0.3

    return postgres_writing


def appending(store: str) -> bool:
    """Whether another session holds this store's write lock, taken first by every append."""
    url, _, schema = store.partition("?schema=")
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_locks WHERE relation = to_regclass(%s) "
            "AND mode = 'ExclusiveLock' AND granted AND pid <> pg_backend_pid()",
            (f'"{schema}"."staffdeck_events"',),
        ).fetchone()
    return bool(row[0])


def after(seconds: float) -> Callable[[], bool]:
    start: list[float] = []

    def elapsed() -> bool:
        start[:] = start or [time.monotonic()]
        return time.monotonic() - start[0] >= seconds

    return elapsed


def kill_import_when(store: str, history: Path, moment: Callable[[], bool]) -> None:
    """Start `staffdeck import`, and SIGKILL it at `moment`, while it still runs."""
    importer = subprocess.Popen(
        [sys.executable, "-c", STAFFDECK, "--store", store, "import", str(history)],
        cwd=ROOT, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    while not moment():
        if importer.poll() is not None:
            _, out, err = finish(importer)
            pytest.fail(f"the import ended ({importer.returncode}) before the moment to "
                        f"kill it: {out}{err}")
        time.sleep(0.001)
    importer.send_signal(signal.SIGKILL)
    importer.communicate()
    assert importer.returncode == -signal.SIGKILL


def wait_for_orphans(store: str) -> None:
    """A killed client's PostgreSQL backend ends when it next reads from the socket."""
    if store.startswith("postgresql://"):
        deadline = time.monotonic() + PATIENCE
        while appending(store) and time.monotonic() < deadline:
            time.sleep(0.05)


@pytest.mark.slow
def test_an_import_killed_at_any_moment_leaves_the_store_as_it_was(store, large_history):
    deck = Staffdeck(store, actor="ana")
    try:
        deck.open_workstream("Checkout v2", owner="ana", at=SEED_AT)
        deck.report_status("W-1", "at_risk", note="seeded", at=SEED_AT + timedelta(minutes=1))
    finally:
        deck.close()
    before = export_of(store)
    moments = {
        "0.2 s after it started": lambda: after(0.2),
        "0.5 s after it started": lambda: after(0.5),
        "1 s after it started": lambda: after(1.0),
        "as its append began": lambda: writing_begun(store, deep=False, history=large_history),
        "deep in its append": lambda: writing_begun(store, deep=True, history=large_history),
    }
    for name, moment in moments.items():
        kill_import_when(store, large_history, moment())
        wait_for_orphans(store)
        assert export_of(store) == before, f"an import killed {name} changed the store"

    if not store.startswith("postgresql://"):
        with sqlite3.connect(store) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # The store still works: its log reads, and the same file now goes in whole.
    log = run_staffdeck("--store", store, "log")
    assert log.returncode == 0, log.stderr
    assert log.stdout.decode().count("W-1") == 2
    imported = run_staffdeck("--store", store, "import", str(large_history))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.decode() == f"Imported 80,039 events from {large_history}.\n"
    assert export_of(store) == before + large_history.read_bytes()


def test_the_large_history_holds_80_039_events(large_history):
    lines = large_history.read_bytes().splitlines()
    assert len(lines) == WORKSTREAMS + (WORKSTREAMS + 1) * REPORTS == 80_039
    assert json.loads(lines[0])["type"] == "workstream.opened"

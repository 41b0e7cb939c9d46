"""A writer killed (SIGKILL) in the middle of a command or of a large import, many
times at random moments, on SQLite and PostgreSQL: afterwards the store holds
exactly the events that were committed, `staffdeck verify` passes, and the
dashboard opens on it.

The moments are random but seeded, so a failure can be replayed; nothing
asserts on how long anything took.
"""

import asyncio
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from domain.service import Staffdeck
from events import WorkstreamOpened, WorkstreamStatusReported, decode, encode
from tests.conftest import export_of
from tests.store.processes import (
    PATIENCE,
    ROOT,
    STAFFDECK,
    another_store_like,
    appending,
    environment,
    finish,
    is_postgres,
    run_staffdeck,
    spawn,
    wait_for_orphans,
)
from tui.app import StaffdeckApp
from tui.screens.dashboard import DashboardScreen
from tui.widgets.pane import Pane

SEED_AT = datetime(2025, 1, 1, tzinfo=UTC)
COMMAND_KILLS = 25  # per backend
IMPORT_KILLS = 8  # per backend, at random moments, besides the five chosen ones

# One writer, one long-lived service (as the dashboard holds), a random mix of
# creates and updates of the same items, some of them large. It prints each
# event as `export` will write it, once its command has returned: that line is
# the acknowledgement a user would have seen.
WRITER = """
import random, sys
from domain.service import Staffdeck
from events import encode
store, seed = sys.argv[1], int(sys.argv[2])
rng = random.Random(seed)
deck = Staffdeck(store, actor=f"writer {seed}")
out = sys.stdout.buffer
out.write(b"ready\\n"); out.flush()
n = 0
while True:
    n += 1
    text = f"{seed}/{n} " + "x" * rng.choice((0, 0, 0, 3000, 60000))
    pick = rng.randrange(6)
    if pick == 0:
        event = deck.open_workstream(f"Stream {text}", owner="ana")
    elif pick == 1:
        event = deck.report_status("W-1", rng.choice(("on_track", "at_risk")), note=text)
    elif pick == 2:
        event = deck.raise_blocker(f"Blocker {text}", workstream="W-1", severity="high")
    elif pick == 3:
        event = deck.reassign_blocker("B-1", f"owner {seed}/{n}")
    elif pick == 4:
        event = deck.log_note("signal", text, links=["W-1"])
    else:
        event = deck.raise_decision(f"Decide {text}", workstream="W-1", owner="bo")
    out.write(encode(event) + b"\\n"); out.flush()
"""


def seed_store(store: str) -> None:
    deck = Staffdeck(store, actor="ana")
    try:
        deck.open_workstream("Checkout v2", owner="ana", at=SEED_AT)
        deck.raise_blocker(
            "PSP contract", workstream="W-1", severity="medium", at=SEED_AT + timedelta(minutes=1)
        )
    finally:
        deck.close()


def kill_writer(store: str, seed: int, rng: random.Random) -> list[bytes]:
    """Start the writer, let it acknowledge a random number of commands, SIGKILL it
    a random moment later (usually in the middle of the next command); return the
    acknowledged events."""
    writer = spawn(WRITER, store, str(seed))
    lines = [writer.stdout.readline()]
    if lines[0] != b"ready\n":
        _, out, err = finish(writer)
        pytest.fail(f"the writer did not start: {lines[0]!r} {out}{err}")
    for _ in range(rng.randrange(12)):
        lines.append(writer.stdout.readline())
    time.sleep(rng.uniform(0, 0.03))
    writer.send_signal(signal.SIGKILL)
    # Through the same buffered reader as readline(): it may already hold the
    # start of the next line, which communicate() (reading the pipe itself)
    # would drop, leaving a torn line behind.
    rest = writer.stdout.read()
    err = writer.stderr.read()
    writer.wait(timeout=PATIENCE)
    assert writer.returncode == -signal.SIGKILL, err.decode()
    # A line cut off by the kill was never seen whole by anyone: not acknowledged.
    acknowledged = b"".join(lines[1:]) + rest
    return [line for line in acknowledged.split(b"\n")[:-1]]


@pytest.mark.slow
def test_a_writer_killed_in_the_middle_of_commands_leaves_exactly_what_was_committed(store):
    seed_store(store)
    rng = random.Random(7)
    acknowledged_in_all = unacknowledged_in_all = 0
    for kill in range(COMMAND_KILLS):
        before = export_of(store).splitlines()
        acknowledged = kill_writer(store, seed=kill, rng=rng)
        wait_for_orphans(store)
        after = export_of(store).splitlines()

        # Nothing committed before was lost or altered ...
        assert after[: len(before)] == before, f"kill {kill} changed earlier events"
        new = after[len(before) :]
        # ... every acknowledged event is there, once, in order ...
        assert new[: len(acknowledged)] == acknowledged, f"kill {kill} lost an acknowledged event"
        # ... and at most the one command in flight got in besides: whole, or not at all.
        unacknowledged = new[len(acknowledged) :]
        assert len(unacknowledged) <= 1, f"kill {kill}: {len(unacknowledged)} events appeared"
        for line in unacknowledged:
            assert decode(line).actor == f"writer {kill}"
        acknowledged_in_all += len(acknowledged)
        unacknowledged_in_all += len(unacknowledged)

    assert acknowledged_in_all > COMMAND_KILLS  # the writers really wrote
    verified = run_staffdeck("--store", store, "verify")
    assert verified.returncode == 0, verified.stdout.decode() + verified.stderr.decode()
    if not is_postgres(store):
        assert integrity(store) == "ok"
    assert dashboard_opens_on(store)
    print(
        f"{COMMAND_KILLS} writers killed: {acknowledged_in_all} acknowledged events all kept, "
        f"{unacknowledged_in_all} committed just before the kill, nothing lost or torn"
    )


# ---- killing an import ---------------------------------------------------------

WORKSTREAMS, REPORTS = 2000, 39  # 2,000 new workstreams + W-1, 39 reports each: 80,039 events


@pytest.fixture(scope="module")
def large_history(tmp_path_factory) -> Path:
    """A valid file of 80,039 events that continues W-1 and opens W-2 … W-2001."""
    states = ("on_track", "at_risk", "off_track", "paused")
    lines = []
    for n in range(2, WORKSTREAMS + 2):
        at = SEED_AT + timedelta(hours=1, seconds=n)
        lines.append(
            encode(
                WorkstreamOpened(
                    key=f"W-{n}",
                    at=at,
                    recorded_at=at,
                    actor="importer",
                    title=f"Workstream {n}",
                    owner="ana",
                    objective="keep it moving",
                    stakeholders=("cy", "dé"),
                )
            )
        )
    for report in range(REPORTS):
        for n in range(1, WORKSTREAMS + 2):
            at = SEED_AT + timedelta(days=1 + report, seconds=n)
            lines.append(
                encode(
                    WorkstreamStatusReported(
                        key=f"W-{n}",
                        at=at,
                        recorded_at=at,
                        actor="importer",
                        state=states[(report + n) % 4],
                        note=f"report {report} [bold]",
                    )
                )
            )
    path = tmp_path_factory.mktemp("large") / "history.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def test_the_large_history_holds_80_039_events(large_history):
    lines = large_history.read_bytes().splitlines()
    assert len(lines) == WORKSTREAMS + (WORKSTREAMS + 1) * REPORTS == 80_039
    assert json.loads(lines[0])["type"] == "workstream.opened"


def writing_begun(store: str, *, deep: bool, history: Path) -> Callable[[], bool]:
    """Whether the importer is appending: its transaction is open and not committed.

    SQLite: its write-ahead log grows (`deep`: past half the size the file will
    take). PostgreSQL: it holds the store's write lock (`deep`: still 0.3 s later).
    """
    if not is_postgres(store):
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


def after(seconds: float) -> Callable[[], bool]:
    start: list[float] = []

    def elapsed() -> bool:
        start[:] = start or [time.monotonic()]
        return time.monotonic() - start[0] >= seconds

    return elapsed


def start_import(store: str, history: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", STAFFDECK, "--store", store, "import", str(history)],
        cwd=ROOT,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill_import_when(store: str, history: Path, moment: Callable[[], bool]) -> bool:
    """Start `staffdeck import` and SIGKILL it at `moment`: True if it was killed,
    False if it finished first (then it must have succeeded)."""
    importer = start_import(store, history)
    while not moment():
        if importer.poll() is not None:
            code, out, err = finish(importer)
            assert code == 0, f"the import failed on its own: {out}{err}"
            return False
        time.sleep(0.001)
    importer.send_signal(signal.SIGKILL)
    importer.communicate()
    assert importer.returncode == -signal.SIGKILL
    return True


@pytest.mark.slow
def test_an_import_killed_at_chosen_moments_leaves_the_store_as_it_was(store, large_history):
    seed_store(store)
    before = export_of(store)
    moments = {
        "0.2 s after it started": lambda: after(0.2),
        "0.5 s after it started": lambda: after(0.5),
        "1 s after it started": lambda: after(1.0),
        "as its append began": lambda: writing_begun(store, deep=False, history=large_history),
        "deep in its append": lambda: writing_begun(store, deep=True, history=large_history),
    }
    for name, moment in moments.items():
        assert kill_import_when(store, large_history, moment()), f"it finished before {name}"
        wait_for_orphans(store)
        assert export_of(store) == before, f"an import killed {name} changed the store"

    if not is_postgres(store):
        assert integrity(store) == "ok"

    # The store still works: its log reads, and the same file now goes in whole.
    log = run_staffdeck("--store", store, "log")
    assert log.returncode == 0, log.stderr
    assert log.stdout.decode().count("W-1") == 2
    imported = run_staffdeck("--store", store, "import", str(large_history))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.decode() == f"Imported 80,039 events from {large_history}.\n"
    assert export_of(store) == before + large_history.read_bytes()


@pytest.mark.slow
def test_an_import_killed_at_random_moments_is_all_or_nothing(store, large_history, tmp_path):
    # Each kill on a fresh store, so that an import that won the race (finished
    # before its kill) does not make the next one a refused duplicate. The
    # moments are spread over how long one whole import takes on this machine;
    # one that finishes first shows the machine got faster (the suite runs in
    # parallel), and the moments after it are spread over its shorter time.
    rng = random.Random(11)
    with another_store_like(store, tmp_path, "timed") as timed:
        seed_store(timed)
        started = time.monotonic()
        assert not kill_import_when(timed, large_history, lambda: False)
        whole = time.monotonic() - started
    killed = finished = 0
    while killed < IMPORT_KILLS:
        n = killed + finished
        assert n < 3 * IMPORT_KILLS, f"{finished} of {n} imports finished before their kill"
        with another_store_like(store, tmp_path, f"import-{n}") as fresh:
            seed_store(fresh)
            before = export_of(fresh)
            started = time.monotonic()
            was_killed = kill_import_when(
                fresh, large_history, after(rng.uniform(0.05, 0.95) * whole)
            )
            if not was_killed:
                whole = min(whole, time.monotonic() - started)
            wait_for_orphans(fresh)
            now = export_of(fresh)
            if was_killed:
                killed += 1
                assert now in (before, before + large_history.read_bytes()), (
                    f"kill {n} left {len(now.splitlines())} events: part of an import"
                )
            else:
                finished += 1
                assert now == before + large_history.read_bytes()
            verified = run_staffdeck("--store", fresh, "verify")
            assert verified.returncode == 0, verified.stdout.decode() + verified.stderr.decode()
    print(
        f"imports killed at random: {killed}; finished before their kill: {finished}; "
        "each left all of the file or none of it"
    )


# ---- what is left -------------------------------------------------------------


def integrity(path: str) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def dashboard_opens_on(store: str) -> bool:
    """The dashboard starts on the store and shows its workstreams in their pane."""

    async def open_it() -> bool:
        deck = Staffdeck(store, actor="cos")
        try:
            app = StaffdeckApp(deck, clock=lambda: datetime.now(UTC) + timedelta(days=1))
            async with app.run_test(size=(160, 45)) as pilot:
                deadline = asyncio.get_running_loop().time() + PATIENCE
                while not (isinstance(app.screen, DashboardScreen) and app.screen.history):
                    assert asyncio.get_running_loop().time() < deadline, "it never loaded"
                    await pilot.pause(0.05)
                await pilot.pause()
                return "W-1" in app.screen.query_one("#workstreams", Pane).row_keys
        finally:
            deck.close()

    return asyncio.run(open_it())

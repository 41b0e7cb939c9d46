"""Eight processes × 500 commands against one store at once, on SQLite and
PostgreSQL, while a dashboard follows it.

Creates and updates of the same few items, mixed at random (seeded): every
acknowledged command is in the store exactly once, keys are unique, the only
refusals are conflicts that say so, and the dashboard that followed the run
ends showing exactly what a fresh one, opened afterwards, shows.
"""

import asyncio
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from domain.service import Staffdeck
from events import decode
from tests.conftest import export_of
from tests.store.processes import PATIENCE, finish, is_postgres, spawn
from tui.app import StaffdeckApp
from tui.screens.dashboard import DashboardScreen
from tui.widgets.pane import Pane

WORKERS, COMMANDS = 8, 500
SHARED = 4  # W-1…W-4, B-1…B-4 and D-1…D-4: what every worker updates
PANES = ("workstreams", "decisions", "blockers")
RUN_PATIENCE = 900  # seconds for the whole run (a slow CI machine), before it counts as a hang
CONFLICT = "was changed by someone else at the same moment; nothing was written"

# One worker: a long-lived service (as a dashboard or a script holds), started
# behind a barrier, then COMMANDS commands as fast as it can. Each line of its
# outcomes file says what became of one command: `ok` and the event as `export`
# writes it, or `refused` and the message the user would have read. (A file, not
# a pipe: nobody reads the pipes until the run ends, and a full one would block.)
WORKER = """
import random, sys, time
from pathlib import Path
store, ready, gun, worker, count, shared, outcomes = sys.argv[1:8]
worker, count, shared = int(worker), int(count), int(shared)
from domain.errors import DomainError
from domain.service import Staffdeck
from domain.store import StoreError
from events import encode
rng = random.Random(worker)
deck = Staffdeck(store, actor=f"worker {worker}")
out = open(outcomes, "wb")
Path(ready).touch()
while not Path(gun).exists():
    time.sleep(0.0002)
for n in range(count):
    mine, item = f"{worker}/{n}", rng.randint(1, shared)
    commands = (
        lambda: deck.open_workstream(f"Stream {mine}", owner="ana"),
        lambda: deck.raise_blocker(f"Blocker {mine}", workstream=f"W-{item}", severity="high"),
        lambda: deck.raise_decision(f"Decide {mine}", workstream=f"W-{item}", owner="bo"),
        lambda: deck.log_note("signal", f"Note {mine}", links=[f"D-{item}"]),
        lambda: deck.report_status(f"W-{item}", rng.choice(("on_track", "at_risk")), note=mine),
        lambda: deck.change_workstream_owner(f"W-{item}", f"owner {mine}"),
        lambda: deck.reassign_blocker(f"B-{item}", f"owner {mine}"),
        lambda: deck.add_option(f"D-{item}", f"option {mine}"),
    )
    try:
        event = rng.choice(commands)()
    except (DomainError, StoreError) as error:
        out.write(b"refused " + type(error).__name__.encode() + b" " + str(error).encode() + b"\\n")
    else:
        out.write(b"ok " + encode(event) + b"\\n")
out.close()
deck.close()
"""


def seed_store(store: str) -> None:
    at = datetime.now(UTC) - timedelta(days=1)
    deck = Staffdeck(store, actor="setup")
    try:
        for n in range(1, SHARED + 1):
            deck.open_workstream(f"Shared stream {n}", owner="ana", at=at)
            deck.raise_blocker(f"Shared blocker {n}", workstream=f"W-{n}", severity="medium", at=at)
            deck.raise_decision(f"Shared question {n}", workstream=f"W-{n}", owner="bo", at=at)
    finally:
        deck.close()


@pytest.mark.slow
def test_eight_processes_of_500_commands_lose_nothing_and_the_dashboard_agrees(store, tmp_path):
    seed_store(store)
    before = export_of(store).splitlines()
    # The dashboards' clock: a day ahead, still, so both show the same moment.
    tomorrow = datetime.now(UTC) + timedelta(days=1)

    async def follow_the_run() -> tuple[list[tuple[int, str, str]], float, dict]:
        deck = Staffdeck(store, actor="cos")
        try:
            app = StaffdeckApp(deck, clock=lambda: tomorrow)
            async with app.run_test(size=(200, 60)) as pilot:
                await until(lambda: is_loaded(app), pilot, "the dashboard loading")
                results, seconds = await run_workers(store, tmp_path, pilot)
                total = len(export_of(store).splitlines())
                await until(lambda: len(app.screen.history) == total, pilot, "catching up")
                # Rows changed a moment ago carry a mark (• and a colour) until it fades.
                await until(lambda: not app.screen.fresh, pilot, "the marks fading")
                return results, seconds, await panes_of(app.screen, pilot)
        finally:
            deck.close()

    results, seconds, followed = asyncio.run(follow_the_run())
    for code, err, _ in results:
        assert code == 0, err

    outcomes = [line for _, _, out in results for line in out.splitlines()]
    assert len(outcomes) == WORKERS * COMMANDS
    acknowledged = [
        line.removeprefix("ok ").encode() for line in outcomes if line.startswith("ok ")
    ]
    refusals = [line.removeprefix("refused ") for line in outcomes if line.startswith("refused ")]
    assert len(acknowledged) + len(refusals) == WORKERS * COMMANDS

    # Every acknowledged command is in the store exactly once, and nothing else is.
    after = export_of(store).splitlines()
    assert after[: len(before)] == before
    assert Counter(after[len(before) :]) == Counter(acknowledged)
    assert len(set(acknowledged)) == len(acknowledged)

    # Keys are unique: each item was created once.
    creations = Counter(decode(line).key for line in after if is_creation(line))
    assert all(n == 1 for n in creations.values()), creations.most_common(3)
    assert set(creations) == {decode(line).key for line in after}

    # The only refusals are conflicts, and they say so.
    for refusal in refusals:
        assert refusal.startswith("ConflictError ") and CONFLICT in refusal, refusal

    # The dashboard that followed shows what one opened afresh shows.
    fresh = asyncio.run(open_afresh(store, tomorrow))
    assert followed == fresh
    assert all(followed[pane] for pane in PANES)

    print(
        f"{WORKERS} processes × {COMMANDS} commands on {'PostgreSQL' if is_postgres(store) else 'SQLite'}: "
        f"{len(acknowledged)} acknowledged, {len(refusals)} conflicts, "
        f"{WORKERS * COMMANDS / seconds:,.0f} commands/s"
    )


async def run_workers(store: str, directory, pilot) -> tuple[list, float]:
    """Start the workers, fire the gun, and let the dashboard run until they end:
    each one's exit code, stderr and outcomes, and the seconds the run took."""
    gun = directory / "gun"
    ready = [directory / f"ready-{w}" for w in range(WORKERS)]
    outcomes = [directory / f"outcomes-{w}" for w in range(WORKERS)]
    workers = [
        spawn(
            WORKER,
            store,
            str(ready[w]),
            str(gun),
            str(w),
            str(COMMANDS),
            str(SHARED),
            str(outcomes[w]),
        )
        for w in range(WORKERS)
    ]
    await until(
        lambda: all(r.exists() for r in ready) or any_ended(workers), pilot, "workers starting"
    )
    started = time.monotonic()
    gun.touch()
    await until(lambda: all(w.poll() is not None for w in workers), pilot, "the run", RUN_PATIENCE)
    seconds = time.monotonic() - started
    results = []
    for worker, outcome in zip(workers, outcomes, strict=True):
        code, _, err = finish(worker)
        results.append((code, err, outcome.read_text() if outcome.exists() else ""))
    return results, seconds


def any_ended(workers) -> bool:
    return any(w.poll() is not None for w in workers)


def is_creation(line: bytes) -> bool:
    return decode(line).__struct_config__.tag.endswith(
        (".opened", ".raised", ".logged", ".established", ".assigned")
    )


def is_loaded(app) -> bool:
    return isinstance(app.screen, DashboardScreen) and app.screen.history is not None


async def panes_of(screen: DashboardScreen, pilot) -> dict[str, list[str]]:
    """Each table pane's rows in order, and its lines as drawn from the top (the
    cursor of a dashboard that followed the run stayed on the row it was on)."""
    drawn = {}
    for pane in PANES:
        widget = screen.query_one(f"#{pane}", Pane)
        widget.cursor = 0
        await pilot.pause()
        drawn[pane] = [widget.render_line(y).text for y in range(widget.size.height)]
        drawn[f"{pane} keys"] = list(widget.row_keys)
    return drawn


async def open_afresh(store: str, moment: datetime) -> dict:
    deck = Staffdeck(store, actor="cos")
    try:
        app = StaffdeckApp(deck, clock=lambda: moment)
        async with app.run_test(size=(200, 60)) as pilot:
            await until(lambda: is_loaded(app), pilot, "the dashboard loading")
            return await panes_of(app.screen, pilot)
    finally:
        deck.close()


async def until(condition, pilot, what: str, patience: float = PATIENCE) -> None:
    """Let the dashboard run until `condition`; fail, saying `what`, on a hang."""
    deadline = asyncio.get_running_loop().time() + patience
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, f"{what}: not after {patience} s"
        await pilot.pause(0.02)
    await pilot.pause()

"""Several writers on one store at once: real OS processes.

Each test runs on SQLite and on PostgreSQL. The processes are started
together behind a barrier (they wait for a file to appear), so they really
race; sleeps only choose the moment to start or to kill, and nothing asserts
on how long anything took.
"""

import pytest

from domain.service import Staffdeck
from events import (
    BlockerResolved,
    WorkstreamOpened,
    decode,
)
from tests.conftest import export_of
from tests.store.processes import finish, spawn, wait_until

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
        spawn(
            CREATOR,
            store,
            str(ready[w]),
            str(gun),
            str(w),
            str(count),
            "cli" if w % 2 == 0 else "service",
        )
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
def test_two_processes_resolving_the_same_blocker_one_wins_the_other_is_told_why(store, tmp_path):
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
            spawn(
                AT_THE_GUN,
                str(ready[w - 1]),
                str(gun),
                "--store",
                store,
                "--actor",
                f"racer {w}",
                "blocker",
                "resolve",
                f"B-{n}",
                "--resolution",
                f"fixed by racer {w}",
            )
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
    print(
        f"losers: {outcomes.count(3)} conflicts (exit 3), "
        f"{outcomes.count(1)} already resolved (exit 1)"
    )

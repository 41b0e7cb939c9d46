"""Team mode: how soon one process's append shows in other processes' dashboards.

    python -m benchmarks.bench_team [--postgres URL] [--events 10000] [--appends 200] [--dashboards 3]

`staffdeck serve` runs the dashboards, one process per session, each following
the store (PostgreSQL: LISTEN/NOTIFY; SQLite: the store's directory watched).
This process opens the sessions as browser tabs do, then appends notes one at a
time through its own connection to the store. An append is visible in a
dashboard when the bytes that draw its new event count ("10,001 events
recorded") reach the tab: the figure runs from the start of the append to that
moment, so it holds the write, the wake-up, the read, the redraw and the trip
through the server.
"""

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._report import Table, load_average, median_p95
from benchmarks.bench_store import POSTGRES_ENV, add_postgres_option, fresh_schema
from benchmarks.history import write
from domain.service import Staffdeck
from tests.served import ServedTab, Server

VISIBLE_TARGET_MS = 100  # issue 8: an append visible in every other dashboard


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_team",
        description="Cross-process live-follow latency of staffdeck dashboards.",
    )
    parser.add_argument("--events", type=int, default=10_000, help="history size [10000]")
    parser.add_argument("--appends", type=int, default=200, help="appends to time [200]")
    parser.add_argument("--dashboards", type=int, default=3, help="dashboards following [3]")
    add_postgres_option(parser)
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args(argv)
    postgres = args.postgres
    if not postgres and args.no_sqlite:
        parser.error(f"--no-sqlite needs --postgres URL or ${POSTGRES_ENV}")

    table = Table("store", "measure", "median", "p95", "max", "against the target")
    with tempfile.TemporaryDirectory(prefix="staffdeck-bench-team-") as folder:
        history = Path(folder) / "history.jsonl"
        say(f"generating {args.events:,} events …")
        with history.open("wb") as out:
            write(out, args.events, seed=0)
        if not args.no_sqlite:
            measure("SQLite", str(Path(folder) / "team.db"), history, args, table)
        if postgres:
            with fresh_schema(postgres) as url:
                measure("PostgreSQL", url, history, args, table)
        else:
            say(f"PostgreSQL skipped: give --postgres URL or set ${POSTGRES_ENV}")

    print()
    print(
        f"staffdeck team benchmark: {args.events:,} events, {args.appends} appends, "
        f"{args.dashboards} dashboards (each its own process, served as browser tabs)\n"
        f"{os.cpu_count()} CPUs, load average {load_average():.2f} at the end"
    )
    print()
    print(table.render())


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(name: str, store: str, history: Path, args, table: Table) -> None:
    deck = Staffdeck(store, actor="bench")
    try:
        say(f"{name}: importing …")
        with history.open("rb") as lines:
            deck.import_lines(lines, source=str(history))
        say(f"{name}: {args.dashboards} dashboards, {args.appends} appends …")
        with Server(store) as server:
            seen, writes = asyncio.run(follow(server.url, deck, args))
    finally:
        deck.close()
    every = [ms for per_append in seen for ms in per_append]
    slowest = [max(per_append) for per_append in seen]
    rows = (
        ("append → visible, each dashboard", every),
        ("append → visible in all of them", slowest),
        ("the append itself (write and commit)", writes),
    )
    for measure_name, samples in rows:
        median, p95 = median_p95(samples)
        verdict = "" if samples is writes else _verdict(median, p95)
        table.add(
            name,
            measure_name,
            f"{median:.1f} ms",
            f"{p95:.1f} ms",
            f"{max(samples):.1f} ms",
            verdict,
        )


def _verdict(median: float, p95: float) -> str:
    met = "met" if p95 <= VISIBLE_TARGET_MS else "MISSED"
    return f"p95 {p95 / VISIBLE_TARGET_MS:.2f}× the {VISIBLE_TARGET_MS} ms target: {met}"


async def follow(url: str, deck: Staffdeck, args) -> tuple[list[list[float]], list[float]]:
    tabs = [await ServedTab(url).open() for _ in range(args.dashboards)]
    try:
        recorded = args.events
        await asyncio.gather(*(tab.wait_for(shows(recorded), timeout=300) for tab in tabs))
        await asyncio.sleep(1.0)  # let the first frames' follow-up work settle
        seen: list[list[float]] = []
        writes: list[float] = []
        for number in range(args.appends):
            recorded += 1
            drawn = [tab.watch(shows(recorded).encode()) for tab in tabs]
            started = time.monotonic()
            await asyncio.to_thread(deck.log_note, "signal", f"team benchmark note {number}")
            writes.append((time.monotonic() - started) * 1000)
            moments = await asyncio.wait_for(asyncio.gather(*drawn), 30)
            seen.append([(moment - started) * 1000 for moment in moments])
            await asyncio.sleep(0.05)  # appends apart, as people make them
            if (number + 1) % 50 == 0:
                say(f"  {number + 1} appends")
        for tab in tabs:  # each screen, played in full, shows every append
            await tab.wait_for(shows(recorded))
        return seen, writes
    finally:
        for tab in tabs:
            await tab.close()


def shows(recorded: int):
    return f" · {recorded:,} events recorded"


if __name__ == "__main__":
    main()

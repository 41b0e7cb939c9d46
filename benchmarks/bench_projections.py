"""Projection rebuild and time travel, against the floor and the library's own read path;
then the dashboard's own speeds (bench_dashboard).

    python -m benchmarks [--events 10000 100000] [--runs 5] [--jumps 50] [--live 200]
                         [--keys 50] [--appends 20] [--no-dashboard]

For each size: generate the seeded history, import it into a fresh SQLite store
(`Staffdeck.import_lines`, in a temporary directory), then time, side by side:

- the floor: a raw sqlite3 read of the stored payloads plus msgspec decode of
  the same rows, one decoder per event type;
- the peer path: the same rows through the eventsourcing library's own
  machinery, `select_notifications` in pages and its default `Mapper` with a
  `JSONTranscoder`;
- staffdeck: a full rebuild of every projection,
  `Staffdeck(...).events_after(0)` then `ReadModels().apply_all(events)` (the
  targets are set on this), and as the dashboard starts, which also builds the
  time-travel index: `History().extend(events)`, checkpoints every 5,000 events;

then time travel (jumps to seeded random dates, with the dashboard's queries),
one live event into every projection, and the peak RSS of a fresh process
doing the rebuild. The floor, peer and rebuild runs are interleaved, so a load
spike from other processes hits all three alike; ratios use each one's best run.

Last, on the same store, the dashboard itself (benchmarks/bench_dashboard.py):
launch to the first full frame, a time-travel key to its frame, and an append by
another process to the frame showing it (`--no-dashboard` leaves these out).
"""

import argparse
import gc
import json
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path

from eventsourcing.persistence import JSONTranscoder, Mapper
from eventsourcing.utils import register_topic

from benchmarks import bench_dashboard
from benchmarks._report import (
    Table,
    at_most,
    load_average,
    median_p95,
    own_peak_rss_mb,
    stopwatch,
    times_at_least,
    times_at_most,
)
from benchmarks.history import write
from domain.service import PAGE, Staffdeck
from events import EVENT_TYPES, decode_tagged
from projections.read_models import ReadModels
from projections.time_travel import History

# The product's targets (shared/PRODUCT.md), at 100,000 events.
TARGET_SIZE = 100_000
FLOOR_CEILING = 2.0  # the rebuild within 2× of the floor
PEER_SPEEDUP = 5.0  # and at least 5× faster than the library's own mapper
JUMP_MEDIAN_MS = 30
JUMP_P95_MS = 60
RSS_CEILING_MB = 300
APPEND_INTERVAL = 0.3  # seconds between another process's appends, the dashboard watching

ROOT = Path(__file__).resolve().parents[1]
FLOOR_QUERY = "SELECT topic, state FROM stored_events ORDER BY rowid"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Projection rebuild, time travel and live-event cost against the targets.",
    )
    parser.add_argument(
        "--events",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        metavar="N",
        help="history sizes [10000 100000]",
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each read [5]")
    parser.add_argument("--jumps", type=int, default=50, help="time-travel jumps [50]")
    parser.add_argument("--live", type=int, default=200, help="live events to apply [200]")
    parser.add_argument("--seed", type=int, default=0, help="history and jump seed [0]")
    parser.add_argument("--keys", type=int, default=50, help="dashboard time-travel keys [50]")
    parser.add_argument(
        "--appends", type=int, default=20, help="appends by another process, 300 ms apart [20]"
    )
    parser.add_argument(
        "--triage", type=int, default=20, help="status reports made from the dashboard [20]"
    )
    parser.add_argument(
        "--no-dashboard",
        action="store_true",
        help="leave out the dashboard's launch, keys, appends",
    )
    parser.add_argument("--child-rebuild", metavar="STORE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_rebuild:
        _child_rebuild(args.child_rebuild)
        return
    if min(args.events) <= args.live:
        parser.error("every size must be larger than --live")

    load_at_start = load_average()
    table = Table("events", "measure", "figure", "against the target")
    with tempfile.TemporaryDirectory(prefix="staffdeck-bench-") as tmp:
        for n in args.events:
            Size(n, args, Path(tmp), table).run()
    versions = ", ".join(
        [
            f"Python {platform.python_version()}",
            f"SQLite {sqlite3.sqlite_version}",
            f"eventsourcing {version('eventsourcing')}",
            f"msgspec {version('msgspec')}",
        ]
    )
    print()
    print(
        f"staffdeck projections {'benchmark' if args.no_dashboard else 'and dashboard benchmark'}: "
        f"{', '.join(f'{n:,}' for n in args.events)} events "
        f"(seed {args.seed}); best and median of {args.runs} interleaved runs\n"
        f"{versions}; {os.cpu_count()} CPUs, load average {load_at_start:.2f} at the start, "
        f"{load_average():.2f} at the end"
    )
    print()
    print(table.render())
    print()
    print(
        "Targets are set at 100,000 events (the dashboard's launch also at 1,000,000); at other\n"
        "sizes the verdicts are for reference. Ratios compare best runs (the least disturbed\n"
        "by other processes)."
    )


class Size:
    """Every measurement at one history size."""

    def __init__(self, n: int, args, tmp: Path, table: Table):
        self.n = n
        self.args = args
        self.table = table
        self.history_file = tmp / f"history-{n}.jsonl"
        self.store = str(tmp / f"store-{n}.db")

    def add(self, measure: str, figure: str, verdict: str = "") -> None:
        self.table.add(f"{self.n:,}", measure, figure, verdict)

    def verdict(self, text: str) -> str:
        return text if self.n == TARGET_SIZE else f"({text})"

    def run(self) -> None:
        n = self.n
        _progress(f"{n:,}: generating and importing …")
        with stopwatch() as generating, self.history_file.open("wb") as out:
            write(out, n, seed=self.args.seed)
        size_mb = self.history_file.stat().st_size / 1e6
        app = Staffdeck(self.store, actor="bench")
        try:
            lines = self.history_file.read_bytes().split(b"\n")
            with stopwatch() as importing:
                imported = app.import_lines(lines, source=str(self.history_file))
            del lines
        finally:
            app.close()
        if imported != n:
            raise SystemExit(f"imported {imported:,} events, expected {n:,}")
        self.add(
            "generate, then import into a fresh SQLite store",
            f"{generating.seconds:.1f} s ({size_mb:.1f} MB), then {importing.seconds:.1f} s",
            "set-up (bench_store measures imports)",
        )

        history = self._reads()
        self._time_travel(history)
        self._live(history.events)
        del history
        gc.collect()
        self._memory()
        if not self.args.no_dashboard:
            bench_dashboard.measure(
                self.store,
                n,
                runs=self.args.runs,
                keys=self.args.keys,
                appends=self.args.appends,
                interval=APPEND_INTERVAL,
                triage=self.args.triage,
                add=self.add,
            )

    # ---- the three read paths ----------------------------------------------

    def _reads(self) -> History:
        runs = self.args.runs
        floor: list[tuple[float, float, float]] = []
        peer: list[tuple[float, float, float]] = []
        rebuild: list[tuple[float, float, float]] = []
        dashboard: list[tuple[float, float, float]] = []
        history = None
        for run in range(runs):
            _progress(f"{self.n:,}: reads, run {run + 1} of {runs} …")
            del history  # free the previous run's before timing the next
            gc.collect()
            floor.append(self._floor())
            gc.collect()
            peer.append(self._peer())
            gc.collect()
            rebuild.append(self._rebuild())
            gc.collect()
            *seconds, history = self._dashboard_start()
            dashboard.append(tuple(seconds))
        best_floor, best_peer, best_rebuild, best_dashboard = (
            min(t[0] for t in f) for f in (floor, peer, rebuild, dashboard)
        )

        def figure(samples, first: str, second: str) -> str:
            best = min(samples)  # the best run, and where its time went
            median = sorted(t[0] for t in samples)[len(samples) // 2]
            return (
                f"best {best[0]:.3f} s, median {median:.3f} s "
                f"({first} {best[1]:.3f} + {second} {best[2]:.3f})"
            )

        self.add(
            "floor: raw sqlite3 read + msgspec decode",
            figure(floor, "read", "decode"),
            "the reference (1.0×)",
        )
        self.add(
            "peer: select_notifications + library Mapper",
            figure(peer, "select", "map"),
            f"{best_peer / best_floor:.1f}× the floor; no target",
        )
        self.add(
            "staffdeck: rebuild of every projection",
            figure(rebuild, "events_after", "ReadModels.apply_all"),
            "",
        )
        to_floor = best_rebuild / best_floor
        speedup = best_peer / best_rebuild
        self.add(
            "  rebuild against the floor",
            f"{to_floor:.2f}× the floor's time",
            self.verdict(times_at_most(to_floor, FLOOR_CEILING)),
        )
        self.add(
            "  rebuild against the peer path",
            f"{speedup:.2f}× faster than the peer path",
            self.verdict(times_at_least(speedup, PEER_SPEEDUP)),
        )
        self.add(
            "staffdeck: dashboard start (projections + time-travel index)",
            figure(dashboard, "events_after", "History.extend"),
            f"{best_dashboard / best_floor:.2f}× the floor, "
            f"{best_peer / best_dashboard:.2f}× faster than the peer; no target of its own",
        )
        assert history is not None
        return history

    def _floor(self) -> tuple[float, float, float]:
        """The floor: our own connection, plain tuples, one decoder per event type."""
        with stopwatch() as whole:
            connection = sqlite3.connect(self.store)
            with stopwatch() as reading:
                rows = connection.execute(FLOOR_QUERY).fetchall()
            with stopwatch() as decoding:
                events = [decode_tagged(topic, state) for topic, state in rows]
        connection.close()
        self._check("floor", len(events))
        return whole.seconds, reading.seconds, decoding.seconds

    def _peer(self) -> tuple[float, float, float]:
        """The library's own path: notifications in pages, its Mapper and JSONTranscoder."""
        _register_peer_topics()
        mapper = Mapper(transcoder=JSONTranscoder())
        to_domain_event = mapper.to_domain_event
        selecting = mapping = 0.0
        with stopwatch() as whole:
            app = Staffdeck(self.store, actor="bench", create=False)
            recorder = app.recorder
            events: list = []
            last = None
            while True:
                started = time.perf_counter()
                page = recorder.select_notifications(
                    start=last, limit=PAGE, inclusive_of_start=last is None
                )
                selected = time.perf_counter()
                if not page:
                    break
                events.extend([to_domain_event(row) for row in page])
                last = page[-1].id
                mapping += time.perf_counter() - selected
                selecting += selected - started
        app.close()
        self._check("peer path", len(events))
        if events[-1].key != events[-1].originator_id:  # the objects carry every field
            raise SystemExit("the peer path built objects without their fields")
        return whole.seconds, selecting, mapping

    def _rebuild(self) -> tuple[float, float, float]:
        """Open the store, read every event, fold every projection."""
        *seconds, _models = self._read_and_fold("rebuild", ReadModels.apply_all, ReadModels)
        return tuple(seconds)

    def _dashboard_start(self) -> tuple[float, float, float, History]:
        """As the dashboard starts: the same, plus checkpoints for time travel."""
        return self._read_and_fold("dashboard start", History.extend, History)

    def _read_and_fold(self, what: str, fold, make) -> tuple[float, float, float, object]:
        with stopwatch() as whole:
            app = Staffdeck(self.store, actor="bench", create=False)
            with stopwatch() as reading:
                _, events = app.events_after(0)
            with stopwatch() as folding:
                result = make()
                fold(result, events)
        app.close()
        self._check(what, len(result))
        return whole.seconds, reading.seconds, folding.seconds, result

    def _check(self, what: str, count: int) -> None:
        if count != self.n:
            raise SystemExit(f"{self.n:,}: the {what} read {count:,} events, expected {self.n:,}")

    # ---- time travel and live events ---------------------------------------

    def _time_travel(self, history: History) -> None:
        """Jumps to seeded random moments: as_of, then every query the dashboard makes."""
        _progress(f"{self.n:,}: time travel …")
        rng = random.Random(self.args.seed)
        first, last = history.first_moment(), history.last_moment()
        assert first is not None and last is not None
        span = (last - first).total_seconds()
        moments = [first + timedelta(seconds=rng.uniform(0, span)) for _ in range(self.args.jumps)]
        gc.collect()
        jumps, as_of_alone = [], []
        for moment in moments:
            with stopwatch() as jump:
                with stopwatch() as restoring:
                    models = history.as_of(moment)
                models.workstream_map(moment)
                models.decision_queue(moment)
                models.blocker_radar(moment)
                models.ritual_audit()
                models.open_actions(moment)
                models.latest()
            jumps.append(jump.seconds * 1000)
            as_of_alone.append(restoring.seconds * 1000)
        median, p95 = median_p95(jumps)
        verdicts = (
            f"median: {_met(median <= JUMP_MEDIAN_MS)} (≤ {JUMP_MEDIAN_MS} ms), "
            f"p95: {_met(p95 <= JUMP_P95_MS)} (≤ {JUMP_P95_MS} ms)"
        )
        self.add(
            f"jump to a date: as_of + 6 queries, {len(jumps)} jumps",
            f"median {median:.1f} ms, p95 {p95:.1f} ms, max {max(jumps):.1f} ms",
            self.verdict(verdicts),
        )
        median, p95 = median_p95(as_of_alone)
        self.add(
            "  as_of alone",
            f"median {median:.1f} ms, p95 {p95:.1f} ms, max {max(as_of_alone):.1f} ms",
            "part of the jump",
        )

    def _live(self, events: list) -> None:
        """The last events, one at a time, into a History holding all the others."""
        count = self.args.live
        _progress(f"{self.n:,}: {count} live events …")
        head, tail = events[:-count], events[-count:]
        times = [e.at for e in events[-count - 1 :]]
        in_order = all(a <= b for a, b in zip(times, times[1:], strict=False))
        history = History()
        history.extend(head)
        gc.collect()
        samples = []
        for event in tail:
            with stopwatch() as one:
                history.extend([event])
            samples.append(one.seconds * 1000)
        median, p95 = median_p95(samples)
        note = "" if in_order else "; NOT all newer than the rest: some were backfills"
        self.add(
            f"one live event into every projection, {count} events",
            f"median {median * 1000:.0f} µs, p95 {p95 * 1000:.0f} µs, max {max(samples):.1f} ms",
            f"no target of its own (part of the 250 ms and 50 ms budgets){note}",
        )

    # ---- memory --------------------------------------------------------------

    def _memory(self) -> None:
        """Peak RSS of a fresh process that only rebuilds, like a dashboard starting."""
        _progress(f"{self.n:,}: rebuild in a fresh process …")
        command = [sys.executable, "-m", "benchmarks.bench_projections"]
        done = subprocess.run(
            [*command, "--child-rebuild", self.store],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"the rebuild process failed:\n{done.stderr.decode()[-3000:]}")
        result = json.loads(done.stdout)
        self._check("fresh-process rebuild", result["events"])
        self.add(
            "peak RSS of a fresh process doing the rebuild",
            f"{result['rss_mb']:,.0f} MB ({result['before_mb']:,.0f} MB before it; "
            f"rebuild {result['seconds']:.2f} s there)",
            self.verdict(at_most(result["rss_mb"], RSS_CEILING_MB, "MB")),
        )


class PeerEvent:
    """What the library's Mapper builds for the peer path: a plain object, its __dict__ the JSON.

    The annotation tells the Mapper the originator ids are text.
    """

    originator_id: str
    originator_version: int


PEER_CLASSES = {
    tag: type(f"Peer{''.join(part.title() for part in tag.split('.'))}", (PeerEvent,), {})
    for tag in EVENT_TYPES
}


def _register_peer_topics() -> None:
    """Our topics are the event tags: resolve each to its plain class (idempotent)."""
    for tag, cls in PEER_CLASSES.items():
        register_topic(tag, cls)


def _child_rebuild(store: str) -> None:
    """The rebuild in a process of its own: prints its time and peak RSS as JSON."""
    before = own_peak_rss_mb()  # the interpreter and every import
    with stopwatch() as rebuilding:
        app = Staffdeck(store, actor="bench", create=False)
        _, events = app.events_after(0)
        history = History()
        history.extend(events)
    app.close()
    print(
        json.dumps(
            {
                "seconds": rebuilding.seconds,
                "events": len(history),
                "before_mb": before,
                "rss_mb": own_peak_rss_mb(),
            }
        )
    )


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()

"""Store throughput: import, export and single-command appends, on SQLite and PostgreSQL.

    python -m benchmarks.bench_store [--events 100000] [--postgres URL] [--commands 2000]

Each import runs in a fresh process (as `staffdeck import` would), so its time
and peak memory are its own; export and appends run here, on the store the
import filled. PostgreSQL is measured when --postgres or $STAFFDECK_TEST_POSTGRES
gives a server; each run uses a fresh schema and drops it afterwards.
"""

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from benchmarks._report import (
    Table,
    at_least,
    at_most,
    median_p95,
    own_peak_rss_mb,
    peak_rss_mb,
    stopwatch,
)
from benchmarks.history import write
from domain.errors import ImportRejected
from domain.service import Staffdeck
from events import SEVERITIES, WORKSTREAM_STATES, WorkstreamClosed, WorkstreamOpened, decode

# The product's targets (shared/PRODUCT.md), at 100,000 events.
IMPORT_TARGET = 50_000  # events/s
RSS_CEILING_MB = 300
KEYPRESS_BUDGET_MS = 50  # keypress to updated frame; an append is only part of it

POSTGRES_ENV = "STAFFDECK_TEST_POSTGRES"
ROOT = Path(__file__).resolve().parents[1]
FALLBACK_CHUNK = 2_000  # lines per import when a whole-file import does not finish
FALLBACK_ATTEMPTS = 5


def add_postgres_option(parser: argparse.ArgumentParser) -> None:
    """--postgres URL: the PostgreSQL store to measure, $STAFFDECK_TEST_POSTGRES if not given."""
    parser.add_argument(
        "--postgres",
        metavar="URL",
        default=os.environ.get(POSTGRES_ENV),
        help=f"a postgresql:// URL [default: ${POSTGRES_ENV}]",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_store",
        description="Import, export and append throughput of the staffdeck store.",
    )
    parser.add_argument("--events", type=int, default=100_000, help="history size [100000]")
    parser.add_argument("--commands", type=int, default=2_000, help="appends to time [2000]")
    parser.add_argument("--seed", type=int, default=0, help="history seed [0]")
    add_postgres_option(parser)
    parser.add_argument(
        "--timeout", type=float, default=120, help="seconds an import may take [120]"
    )
    for child in ("--child-import", "--child-load"):  # the parts run in processes of their own
        parser.add_argument(child, nargs=2, metavar=("STORE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_import:
        _child_import(*args.child_import)
        return
    if args.child_load:
        _child_load(*args.child_load)
        return
    postgres = args.postgres
    header = _header(args, postgres)

    with tempfile.TemporaryDirectory(prefix="staffdeck-bench-") as tmp:
        history = Path(tmp) / "history.jsonl"
        print(f"generating {args.events:,} events …", file=sys.stderr, flush=True)
        with stopwatch() as generating, history.open("wb") as out:
            write(out, args.events, seed=args.seed)
        data = history.read_bytes()
        table = Table("store", "measure", "figure", "against the target")
        table.add(
            "",
            "generate the history",
            f"{args.events / generating.seconds:,.0f} ev/s ({generating.seconds:.1f} s, "
            f"{len(data) / 1e6:.1f} MB)",
            "",
        )
        bench = Bench(args, history, data, table)
        bench.backend("SQLite", str(Path(tmp) / "store.db"))
        if postgres:
            with fresh_schema(postgres) as url:
                bench.backend("PostgreSQL", url)
        table.add(
            "",
            "peak RSS of this process",
            f"{peak_rss_mb():,.0f} MB",
            "no target (history, generator, clients)",
        )
    print()
    print(header)
    print()
    print(table.render())


class Bench:
    def __init__(self, args, history: Path, data: bytes, table: Table):
        self.args = args
        self.history = history
        self.data = data
        self.table = table
        events = [decode(line) for line in data.splitlines()]
        # Appends happen after the history: a clock that starts there if "now" is earlier.
        offset = max(timedelta(0), events[-1].at - datetime.now(UTC) + timedelta(hours=1))
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC) + offset
        opened = [e.key for e in events if isinstance(e, WorkstreamOpened)]
        closed = {e.key for e in events if isinstance(e, WorkstreamClosed)}
        self.workstreams = [key for key in opened if key not in closed][-20:]

    def backend(self, name: str, store: str) -> None:
        n = self.args.events
        imported = self._import(name, store)
        app = Staffdeck(store, actor="bench", clock=self.clock)
        try:
            if not imported:
                self._load_in_chunks(name, store)
            with stopwatch() as exporting:
                exported = b"".join(app.export_lines())
            same = (
                "byte-identical to the file" if exported == self.data else "DIFFERS FROM THE FILE"
            )
            self.table.add(
                name,
                "export",
                f"{n / exporting.seconds:,.0f} ev/s ({exporting.seconds:.2f} s)",
                f"no target; {same}",
            )
            self._appends(name, app)
        finally:
            app.close()

    def _import(self, name: str, store: str) -> bool:
        """Import the history in a fresh process; False if it did not finish."""
        n, timeout = self.args.events, self.args.timeout
        command = [
            sys.executable,
            "-m",
            "benchmarks.bench_store",
            "--child-import",
            store,
            str(self.history),
        ]
        print(f"{name}: importing …", file=sys.stderr, flush=True)
        try:
            with stopwatch() as whole:
                done = subprocess.run(
                    command, cwd=ROOT, capture_output=True, timeout=timeout, check=False
                )
        except subprocess.TimeoutExpired:
            self.table.add(
                name,
                "import",
                f"did not finish in {timeout:.0f} s",
                "MISSED (hung; see benchmarks/README.md)",
            )
            return False
        if done.returncode != 0:
            raise SystemExit(f"{name} import failed:\n{done.stderr.decode()[-3000:]}")
        result = json.loads(done.stdout)
        self.table.add(
            name,
            "import",
            f"{n / result['seconds']:,.0f} ev/s ({result['seconds']:.2f} s)",
            at_least(n / result["seconds"], IMPORT_TARGET, "ev/s"),
        )
        self.table.add(
            name,
            "import, whole process",
            f"{n / whole.seconds:,.0f} ev/s ({whole.seconds:.2f} s)",
            at_least(n / whole.seconds, IMPORT_TARGET, "ev/s"),
        )
        self.table.add(
            name,
            "import peak RSS",
            f"{result['rss_mb']:,.0f} MB",
            at_most(result["rss_mb"], RSS_CEILING_MB, "MB"),
        )
        return True

    def _load_in_chunks(self, name: str, store: str) -> None:
        """Fill the store anyway, in small imports, so export and appends can be measured.

        Each attempt is a process that resumes after what is already stored, and is
        stopped if it hangs too.
        """
        n = self.args.events
        command = [
            sys.executable,
            "-m",
            "benchmarks.bench_store",
            "--child-load",
            store,
            str(self.history),
        ]
        print(f"{name}: loading in {FALLBACK_CHUNK:,}-line imports …", file=sys.stderr, flush=True)
        attempt = 0
        with stopwatch() as loading:
            while True:
                attempt += 1
                try:
                    done = subprocess.run(
                        command, cwd=ROOT, capture_output=True, timeout=60, check=False
                    )
                except subprocess.TimeoutExpired:
                    if attempt == FALLBACK_ATTEMPTS:
                        message = f"{name}: the history did not load in {attempt} attempts"
                        raise SystemExit(message) from None
                    continue
                if done.returncode != 0:
                    raise SystemExit(f"{name} load failed:\n{done.stderr.decode()[-3000:]}")
                break
        self.table.add(
            name,
            f"import in {FALLBACK_CHUNK:,}-line chunks",
            f"{n / loading.seconds:,.0f} ev/s ({loading.seconds:.1f} s, {attempt} attempt(s))",
            at_least(n / loading.seconds, IMPORT_TARGET, "ev/s"),
        )

    def _appends(self, name: str, app: Staffdeck) -> None:
        """One command at a time through the service, as the CLI and the dashboard append."""
        workstreams = self.workstreams
        count = self.args.commands

        def command(i: int) -> None:
            ws = workstreams[i % len(workstreams)]
            if i % 2 == 0:
                app.raise_blocker(
                    f"Benchmark blocker {i}: vendor sign-off pending",
                    workstream=ws,
                    severity=SEVERITIES[i % 4],
                    owner="Ana Souza",
                )
            else:
                app.report_status(ws, WORKSTREAM_STATES[i % 4], note=f"benchmark report {i}")

        for i in range(10):  # warm up: connections, key allocation's first search
            command(count + i)
        samples = []
        with stopwatch() as total:
            for i in range(count):
                with stopwatch() as one:
                    command(i)
                samples.append(one.seconds * 1000)
        median, p95 = median_p95(samples)
        self.table.add(
            name,
            f"append {count:,} commands, one at a time",
            f"{count / total.seconds:,.0f} cmd/s, median {median:.1f} ms, p95 {p95:.1f} ms",
            at_most(p95, KEYPRESS_BUDGET_MS, "ms", "keypress budget (p95)"),
        )


def _child_import(store: str, file: str) -> None:
    """The import itself, in a process of its own: prints seconds and peak RSS as JSON."""
    app = Staffdeck(store, actor="bench")
    try:
        lines = Path(file).read_bytes().split(b"\n")
        with stopwatch() as importing:
            try:
                count = app.import_lines(lines, source=file)
            except ImportRejected as error:
                raise SystemExit(str(error)[-3000:]) from None
    finally:
        app.close()
    print(json.dumps({"seconds": importing.seconds, "events": count, "rss_mb": own_peak_rss_mb()}))


def _child_load(store: str, file: str) -> None:
    """Import the history in small pieces, resuming after the events already stored."""
    app = Staffdeck(store, actor="bench")
    try:
        stored = sum(1 for _ in app.read_events())  # imports append in file order
        lines = Path(file).read_bytes().splitlines(keepends=True)
        for start in range(stored, len(lines), FALLBACK_CHUNK):
            app.import_lines(lines[start : start + FALLBACK_CHUNK], source=file)
    finally:
        app.close()


class fresh_schema:
    """A new, empty PostgreSQL schema for one run, dropped afterwards; yields the store URL."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "schema"]
        self.server = urlunsplit(parts._replace(query=urlencode(query)))
        self.schema = f"bench_{uuid.uuid4().hex[:12]}"
        self.url = urlunsplit(parts._replace(query=urlencode([*query, ("schema", self.schema)])))

    def __enter__(self) -> str:
        import psycopg

        with psycopg.connect(self.server, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {self.schema}")
        return self.url

    def __exit__(self, *exc) -> None:
        import psycopg

        with psycopg.connect(self.server, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {self.schema} CASCADE")


def _header(args, postgres: str | None) -> str:
    versions = [f"Python {platform.python_version()}", f"SQLite {sqlite3.sqlite_version}"]
    if postgres:
        import psycopg

        server = fresh_schema(postgres).server
        with psycopg.connect(server) as connection:
            number = connection.info.server_version
        versions.append(f"PostgreSQL {number // 10000}.{number % 10000}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"staffdeck store benchmark: {args.events:,} events (seed {args.seed}), "
        f"{args.commands:,} appends per store\n"
        f"{', '.join(versions)}; {os.cpu_count()} CPUs, load average {load:.2f} at the start"
    )


if __name__ == "__main__":
    main()

"""Real OS processes against one store: started together, killed at will.

Shared by the concurrency, crash and load tests. Nothing here asserts on how
long anything took: deadlines only turn a hang into a failure.
"""

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
PATIENCE = 120  # seconds a process may take before the test gives up on it (a hang)

# Runs the real entry point, `staffdeck` = tui.cli:main, in a fresh interpreter.
STAFFDECK = "import sys; from tui.cli import main; sys.argv[0] = 'staffdeck'; main()"


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STAFFDECK_")}
    env.update(PYTHONPATH=str(ROOT), TZ="UTC", STAFFDECK_ACTOR="tester")
    return env


def spawn(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def run_staffdeck(
    *args: str, input: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`staffdeck ARGS` to completion (`env`: settings on top of the tests' own);
    a hang fails the test instead of stalling it."""
    try:
        return subprocess.run(
            [sys.executable, "-c", STAFFDECK, *args],
            cwd=ROOT,
            env={**environment(), **(env or {})},
            input=input,
            capture_output=True,
            timeout=PATIENCE,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"`staffdeck {' '.join(args)}` did not finish in {PATIENCE} s: it hangs")


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


def is_postgres(store: str) -> bool:
    return store.startswith("postgresql://")


def appending(store: str) -> bool:
    """Whether another session holds this PostgreSQL store's writers' lock, taken
    first by every append: an advisory lock on the events table's name, a
    bigint whose high and low halves pg_locks shows as classid and objid."""
    url, _, schema = store.partition("?schema=")
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 "
            "AND ((classid::bigint << 32) | objid::bigint) = hashtext(%s)::bigint "
            "AND granted AND pid <> pg_backend_pid()",
            (f"{schema}.staffdeck_events",),
        ).fetchone()
    return bool(row[0])


def wait_for_orphans(store: str) -> None:
    """A killed client's PostgreSQL backend ends when it next reads from the socket:
    until then it may hold the write lock (and its transaction is not committed)."""
    if is_postgres(store):
        deadline = time.monotonic() + PATIENCE
        while appending(store) and time.monotonic() < deadline:
            time.sleep(0.05)


@contextmanager
def another_store_like(store: str, directory: Path, name: str) -> Iterator[str]:
    """A new, empty store of the same kind as `store`: a file beside it, or a schema
    of its own on the same PostgreSQL server (dropped afterwards)."""
    if not is_postgres(store):
        yield str(directory / f"{name}.db")
        return
    url = store.partition("?schema=")[0]
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{url}?schema={schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")

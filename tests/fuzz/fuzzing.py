"""What the fuzz tests share: their settings, the count of examples tried, the
fixed "now", stores that start from the same history, and how a command's
result is judged (no traceback, a message that names the problem, nothing
written when refused).
"""

import shutil
import traceback
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from click.testing import CliRunner, Result
from hypothesis import settings

from domain.service import Staffdeck
from tests.conftest import FixedClock, export_of
from tests.fuzz.tally import PROFILE
from tui.cli import cli

# ---- settings ----------------------------------------------------------------

# The profiles ("fuzz", and "ci" with HYPOTHESIS_PROFILE=ci) are registered in
# tests/fuzz/conftest.py, before any of these tests is imported.


def fuzzing(share: float = 1.0) -> settings:
    """The chosen profile, trying `share` of its examples (applied to the fuzz tests
    only: never loaded as the session's default, so other property tests keep theirs)."""
    profile = settings.get_profile(PROFILE)
    return settings(profile, max_examples=max(3, round(profile.max_examples * share)))


# ---- the clock and the sample history ------------------------------------------

NOW = "2026-09-10T09:00:00Z"  # the CLI's fixed "now" ($STAFFDECK_NOW)
NOW_MOMENT = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)
SAMPLE = (Path(__file__).parents[2] / "sample_data" / "staff-meeting.jsonl").read_bytes()
# The demo history, line by line; its first 100 lines all happened before NOW.
SAMPLE_LINES = SAMPLE.splitlines()
IN_STORE = SAMPLE_LINES[:40]  # what every store holds before an example runs


def clock() -> FixedClock:
    return FixedClock(NOW_MOMENT)


# ---- stores --------------------------------------------------------------------


class Stores:
    """Stores on the backend of `store` (the conftest's fixture), each holding
    `history` to begin with. One is reused while examples leave it as it was;
    a new one replaces it once something was written to it."""

    def __init__(self, store: str, folder: Path, history: list[bytes]):
        self.postgres = store.startswith("postgresql://")
        self.base_url = store.partition("?schema=")[0]
        self.folder = folder
        self.history = history
        self.made = 0
        self.schemas: list[str] = []
        self.template = store
        _record(store, history)
        self.history_export = export_of(store)
        self.current: str | None = None
        self._lent: str | None = None

    def holding_history(self) -> str:
        """A store that holds exactly the history; call `unchanged()` once you
        have seen that an example left it so, or the next one gets a new store."""
        if self.current is None:
            if self._lent is not None and not self.postgres:
                Path(self._lent).unlink()  # written to: of no more use (saves the disk)
            self.current = self._copy_of_template()
        store, self.current = self.current, None
        self._lent = store
        return store

    def unchanged(self) -> None:
        self.current = self._lent

    def empty(self) -> str:
        return self._new_store([])

    def close(self) -> None:
        if not self.schemas:
            return
        with psycopg.connect(self.base_url, autocommit=True) as connection:
            for schema in self.schemas:
                connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    def _copy_of_template(self) -> str:
        if self.postgres:
            return self._new_store(self.history)
        self.made += 1
        copy = self.folder / f"store-{self.made}.db"
        shutil.copyfile(self.template, copy)
        return str(copy)

    def _new_store(self, history: list[bytes]) -> str:
        self.made += 1
        if self.postgres:
            schema = f"fuzz_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(self.base_url, autocommit=True) as connection:
                connection.execute(f"CREATE SCHEMA {schema}")
            self.schemas.append(schema)
            store = f"{self.base_url}?schema={schema}"
        else:
            store = str(self.folder / f"new-{self.made}.db")
        _record(store, history)
        return store


def _record(store: str, history: list[bytes]) -> None:
    deck = Staffdeck(store, actor="fuzz", clock=clock())
    try:
        deck.import_lines(history, source="history")
    finally:
        deck.close()


# ---- running the command line and judging what it did -----------------------------

EXIT_CODES = {0, 1, 2, 3, 4}  # done, refused, bad usage, conflict, store unavailable


def staffdeck(store: str, *args: str, input: bytes | None = None) -> Result:
    """One command, as `ana` at the fixed now; exceptions are caught, to be judged."""
    runner = CliRunner(env={"STAFFDECK_NOW": NOW, "STAFFDECK_STORE": None})
    return runner.invoke(
        cli, ["--store", store, "--actor", "ana", *args], input=input, catch_exceptions=True
    )


def no_traceback(result: Result, what: object) -> None:
    """The command ended by exiting, never by an exception escaping it."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(*result.exc_info))
        raise AssertionError(f"{what!r} raised instead of exiting:\n{trace}")
    assert result.exit_code in EXIT_CODES, (what, result.exit_code, result.output)
    assert "Traceback (most recent call last)" not in result.output, (what, result.output)


def error_message(result: Result, what: object) -> str:
    """A failed command's message, checked to be ours (`error: ` and a sentence) or
    click's usage error (exit 2, the `Error: ` line naming the option or argument)."""
    stderr = result.stderr
    assert result.exit_code != 0
    if stderr.startswith("error: "):
        message = stderr.splitlines()[0].removeprefix("error: ")
    else:
        assert result.exit_code == 2, (what, result.exit_code, stderr)
        # Usage, a hint and the error; or the error alone, when click finds it while parsing.
        assert stderr.startswith(("Usage: ", "Error: ")), (what, stderr)
        message = ("\n" + stderr).partition("\nError: ")[2]
    # A message names its problem: more than a bare value (a KeyError's "'W-1'").
    assert len(message.split()) >= 3, (what, stderr)
    return message

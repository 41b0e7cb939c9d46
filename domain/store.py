"""Where events are kept: SQLite by default, PostgreSQL for a shared store.

The eventsourcing library does persistence, ordering and optimistic
concurrency (PostgreSQL's parts are in postgres_store.py, loaded only for a
PostgreSQL store); `EventMapper` makes the stored payload the event Struct itself,
so a rebuild can decode rows straight into Structs.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import platformdirs
from eventsourcing.persistence import (
    JSONTranscoder,
    Mapper,
    MapperDeserialisationError,
    StoredEvent,
)
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor

from domain.item import Envelope
from events import decode_tagged, encode, tag_of

STORE_ENV = "STAFFDECK_STORE"
# How long one use of the store waits for it: for another writer's lock on
# SQLite, for the server to answer on PostgreSQL. Then a command gives up and
# says so, instead of hanging in front of the room.
STORE_TIMEOUT_ENV = "STAFFDECK_STORE_TIMEOUT"
STORE_TIMEOUT_SECONDS = 5


class StoreError(Exception):
    """The store cannot be used: missing, locked, unreachable, or not a store."""


class StoreUnreachable(StoreError):
    """The store did not answer (a lock held too long, a server gone): nothing was written."""

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason or message  # the cause alone, for a status line


class WriteUncertain(StoreError):
    """The connection dropped after the event was sent, and the store could not be asked
    afterwards whether it kept it: it may or may not have been written."""


def seconds(count: int) -> str:
    return "1 second" if count == 1 else f"{count} seconds"


def store_timeout() -> int:
    """$STAFFDECK_STORE_TIMEOUT, in whole seconds (the libraries take whole seconds)."""
    text = os.environ.get(STORE_TIMEOUT_ENV, "").strip()
    if not text:
        return STORE_TIMEOUT_SECONDS
    if not text.isdigit() or int(text) < 1:
        raise StoreError(
            f"${STORE_TIMEOUT_ENV} is {text!r}: give how long to wait for the store "
            f"in whole seconds, 1 or more (the default is {STORE_TIMEOUT_SECONDS})."
        )
    return int(text)


class EventMapper(Mapper[str]):
    """Stores each event as its own msgspec JSON, its tag as the topic."""

    def __init__(self) -> None:
        super().__init__(transcoder=JSONTranscoder())

    def to_stored_event(self, domain_event: Envelope) -> StoredEvent:  # type: ignore[override]
        return StoredEvent(
            originator_id=domain_event.originator_id,
            originator_version=domain_event.originator_version,
            topic=tag_of(domain_event.event),
            state=encode(domain_event.event),
        )

    def to_domain_event(self, stored_event: StoredEvent) -> Envelope:  # type: ignore[override]
        try:
            event = decode_tagged(stored_event.topic, stored_event.state)
        except Exception as error:
            raise MapperDeserialisationError(
                f"{stored_event.originator_id} version {stored_event.originator_version} "
                f"({stored_event.topic}) cannot be read: {error}"
            ) from error
        return Envelope(str(stored_event.originator_id), stored_event.originator_version, event)


class BulkSQLiteRecorder(SQLiteApplicationRecorder):
    """The library's SQLite recorder, plus a bulk path for imports.

    `insert_events(rows, bulk=True)` takes plain (id, version, topic, payload)
    tuples and inserts them with one executemany in the library's single
    transaction, skipping the per-row notification ids an import never reads.
    """

    def _insert_events(self, c: SQLiteCursor, stored_events, *, bulk: bool = False, **kwargs):
        if not bulk:
            return super()._insert_events(c, stored_events, **kwargs)
        c.executemany(self.insert_events_statement, stored_events)
        return None


@dataclass(frozen=True)
class StoreLocation:
    """A parsed `--store` value: an SQLite file or a PostgreSQL URL."""

    kind: str  # "sqlite" | "postgres"
    path: Path | None = None
    host: str = ""
    port: str = ""
    dbname: str = ""
    user: str = ""
    password: str = ""
    schema: str = ""

    def __str__(self) -> str:
        """For messages: never shows a password."""
        if self.kind == "sqlite":
            return str(self.path)
        user = f"{self.user}@" if self.user else ""
        schema = f"?schema={self.schema}" if self.schema else ""
        return f"postgresql://{user}{self.host}:{self.port}/{self.dbname}{schema}"

    def env(self) -> dict[str, str]:
        """The eventsourcing library's settings for this store."""
        timeout = str(store_timeout())
        if self.kind == "sqlite":
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.path),
                "SQLITE_LOCK_TIMEOUT": timeout,
                "ORIGINATOR_ID_TYPE": "text",
                "APPLICATION_RECORDER_TOPIC": "domain.store:BulkSQLiteRecorder",
            }
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": self.port,
            "POSTGRES_CONNECT_TIMEOUT": timeout,  # the wait for a pooled connection
            "ORIGINATOR_ID_TYPE": "text",
            "APPLICATION_RECORDER_TOPIC": "domain.postgres_store:BulkPostgresRecorder",
        }
        # A URL without user or password falls back to the POSTGRES_* settings.
        for key, value in (("POSTGRES_USER", self.user), ("POSTGRES_PASSWORD", self.password)):
            if value or os.environ.get(key):
                env[key] = value or os.environ[key]
        if self.schema:
            env["POSTGRES_SCHEMA"] = self.schema
        return env

    def redact(self, text: str) -> str:
        """Remove the password from a message that may quote it."""
        return text.replace(self.password, "****") if self.password else text


def default_store_path() -> Path:
    return platformdirs.user_data_path("staffdeck") / "staffdeck.db"


def locate(store: str | None = None) -> StoreLocation:
    """`--store`, else $STAFFDECK_STORE, else the file in the user's data directory."""
    store = store or os.environ.get(STORE_ENV) or str(default_store_path())
    if store.startswith(("postgresql://", "postgres://")):
        try:
            url = urlsplit(store)
            port = url.port
        except ValueError as error:
            # The reason only: the URL itself may hold a password.
            raise StoreError(
                f"The store URL is not a valid postgresql:// URL: {error}. "
                "Write it as postgresql://USER:PASSWORD@HOST:PORT/DATABASE."
            ) from None
        query = parse_qs(url.query)
        return StoreLocation(
            kind="postgres",
            host=url.hostname or os.environ.get("POSTGRES_HOST", "127.0.0.1"),
            port=str(port or os.environ.get("POSTGRES_PORT", "5432")),
            dbname=unquote(url.path.lstrip("/")) or os.environ.get("POSTGRES_DBNAME", ""),
            user=unquote(url.username or ""),
            password=unquote(url.password or ""),
            schema=query.get("schema", [""])[0],
        )
    return StoreLocation(kind="sqlite", path=Path(store).expanduser())


def prepare_sqlite(location: StoreLocation, *, create: bool) -> None:
    """Refuse a missing file unless creating; create it readable by its owner only."""
    path = location.path
    assert path is not None
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a directory, not a staffdeck store file.")
        check_is_sqlite(path)
        return
    if not create:
        raise StoreError(
            f"There is no store at {path}. Create one with `staffdeck --store {path} init`, "
            "or name another with --store or $STAFFDECK_STORE."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass  # another process created it first: fine, it is the same store
    except OSError as error:
        raise StoreError(f"Cannot create a store at {path}: {error.strerror}.") from error


def check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(16)
    except OSError as error:
        raise StoreError(f"Cannot read the store at {path}: {error.strerror}.") from error
    if header and header != b"SQLite format 3\x00":
        raise StoreError(f"{path} is not a staffdeck store (it is not an SQLite database).")


# Rows per page of the rebuild read. Each page is one JSON array: 2,000 events
# of the largest allowed size (256 KiB) stay under SQLite's 1 GB string limit.
PAGE_ROWS = 2000


def fetch_pages(recorder, after: int = 0) -> Iterator[tuple[int, int, bytes]]:
    """(last notification id, row count, JSON array of payloads), page by page.

    The fast read path for rebuilds: the database joins each page's payloads
    into one JSON array, so Python sees one object per page instead of three
    per row, and msgspec decodes the array in one call. (Payloads are the
    events' own JSON; see EventMapper.)
    """
    if isinstance(recorder, SQLiteApplicationRecorder):
        # SQLite before 3.44 has no ORDER BY inside group_concat; it joins rows
        # in the order the subquery yields them, which is rowid order (a LIMIT
        # subquery under an aggregate is never flattened).
        statement = (
            "SELECT max(rowid), count(*), CAST('[' || group_concat(state, ',') || ']' AS BLOB) "
            f"FROM (SELECT rowid, state FROM {recorder.events_table_name} "
            "WHERE rowid > ? ORDER BY rowid LIMIT ?)"
        )
        while True:
            with recorder.datastore.transaction(commit=False) as wrapper:
                cursor = wrapper.sqlite_cursor
                cursor.row_factory = None  # a plain tuple, not the library's sqlite3.Row
                cursor.execute(statement, (after, PAGE_ROWS))
                last, count, array = cursor.fetchone()
            if not count:
                return
            yield last, count, array
            after = last
    from domain.postgres_store import fetch_pages_postgres

    yield from fetch_pages_postgres(recorder, after)


# A stored row as it is: (notification id, item key, item version, topic, payload).
Row = tuple[int, str, int, str, bytes]


def fetch_rows(recorder, after: int, until: int) -> list[Row]:
    """Each stored row in (after, until], every column: the slow, row-by-row read,
    used to find which row of a page will not decode, and by `verify`."""
    if isinstance(recorder, SQLiteApplicationRecorder):
        with recorder.datastore.transaction(commit=False) as wrapper:
            cursor = wrapper.sqlite_cursor
            cursor.row_factory = None
            cursor.execute(
                "SELECT rowid, originator_id, originator_version, topic, state "
                f"FROM {recorder.events_table_name} "
                "WHERE rowid > ? AND rowid <= ? ORDER BY rowid",
                (after, until),
            )
            return cursor.fetchall()
    from domain.postgres_store import fetch_rows_postgres

    return fetch_rows_postgres(recorder, after, until)

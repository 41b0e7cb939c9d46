"""The PostgreSQL side of the store, loaded only when a PostgreSQL store is used
(psycopg takes a quarter of a second to import).

A shared store is across a network, so it can go away: every use of it waits a
bounded time (domain.store.store_timeout), the pool forgets its connections
once one is found cut, and a write cut off after it was sent is settled by
asking the store, on a fresh connection, whether it kept the event.
"""

import threading
import time
from collections.abc import Iterator

import psycopg
import psycopg_pool
from eventsourcing.persistence import IntegrityError, OperationalError
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier, Literal

from domain import store

# How often a listening connection looks up from its wait to see whether it
# should stop, and how often it wakes its reader anyway: a notification sent
# before LISTEN took hold is late by at most this long, never lost.
LISTEN_TICK_SECONDS = 0.1
WAKE_ANYWAY_SECONDS = 1.0


class BulkPostgresRecorder(PostgresApplicationRecorder):
    """The library's PostgreSQL recorder, plus a COPY path for imports.

    `insert_events(rows, bulk=True)` takes (id, version, topic, payload)
    tuples; it takes the writers' lock and
    notifies its channel like any append, then streams the rows with COPY,
    all in one transaction: the library's own path sends one array parameter
    and slows to a crawl on a large history.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Writers take turns so that event numbers commit in order (a reader
        # following by number never skips one committed late). The library takes
        # turns with LOCK TABLE … EXCLUSIVE, which needs UPDATE or DELETE on the
        # table; a transaction-scoped advisory lock on the table's name does the
        # same between staffdeck's writers, so a team member's role needs only
        # SELECT and INSERT: history cannot be rewritten with it.
        table = f"{self.datastore.schema}.{self.events_table_name}"
        self.lock_table_statements = [
            SQL("SET LOCAL lock_timeout = '{0}s'").format(self.datastore.lock_timeout),
            SQL("SELECT pg_advisory_xact_lock(hashtext({0}))").format(Literal(table)),
        ]

    # The library retries each of these up to ten times, 0.2 s apart, each try
    # waiting up to the connect timeout for a connection: close to a minute before
    # a command could say the store is gone. Worse, a retried insert whose first
    # COMMIT did reach the server fails as a conflict, and a new item would then be
    # written twice, under two keys. Here each call tries once; the pool replaces
    # cut connections, and the service decides what a failure means.
    def insert_events(self, stored_events, *, bulk: bool = False, **kwargs):
        if not bulk:
            return _once(PostgresApplicationRecorder.insert_events)(self, stored_events, **kwargs)
        copy_rows = SQL(
            "COPY {schema}.{table} (originator_id, originator_version, topic, state) FROM STDIN"
        ).format(schema=Identifier(self.datastore.schema), table=Identifier(self.events_table_name))
        try:
            with self.datastore.get_connection() as connection, connection.transaction():
                with connection.cursor() as cursor:
                    self._lock_table(cursor)
                    self._notify_channel(cursor)
                    with cursor.copy(copy_rows) as copy:
                        for row in stored_events:
                            copy.write_row(row)
        except psycopg.IntegrityError as error:
            raise IntegrityError(str(error)) from error
        return None

    def select_events(self, originator_id, **kwargs):
        return _once(PostgresApplicationRecorder.select_events)(self, originator_id, **kwargs)

    def select_notifications(self, start, limit, stop=None, topics=(), **kwargs):
        return _once(PostgresApplicationRecorder.select_notifications)(
            self, start, limit, stop, topics, **kwargs
        )

    def max_notification_id(self):
        return _once(PostgresApplicationRecorder.max_notification_id)(self)


def _once(method):
    """The library's method without its retry decorator."""
    return getattr(method, "__wrapped__", method)


def tune(recorder: BulkPostgresRecorder, timeout: int) -> None:
    """The pool gives up reconnecting in the background after `timeout` (instead of
    five minutes, waiting twice as long before each try), so that once the server
    is back the next use connects at once rather than waiting out a long backoff."""
    recorder.datastore.pool.reconnect_timeout = float(timeout)


def forget_connections(recorder: BulkPostgresRecorder) -> None:
    """After a connection was found cut: the idle ones went with it. Closing them
    (the pool opens new ones) spares the next few uses finding that out one by one."""
    recorder.datastore.pool.drain()


def sent_nothing(error: BaseException) -> bool:
    """True when `error` came before anything reached the server: no connection
    could be had from the pool. Anything else may have been cut after the COMMIT."""
    while error is not None:
        if isinstance(error, psycopg_pool.PoolTimeout):
            return True
        error = error.__cause__
    return False


def connect(location: store.StoreLocation, timeout: int) -> psycopg.Connection:
    """A connection of its own, outside the pool (raises psycopg.OperationalError)."""
    env = location.env()
    given = {"user": env.get("POSTGRES_USER"), "password": env.get("POSTGRES_PASSWORD")}
    return psycopg.connect(
        dbname=env["POSTGRES_DBNAME"],
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        connect_timeout=timeout,
        autocommit=True,
        **{key: value for key, value in given.items() if value},  # else libpq's defaults
    )


def short_reason(text: str) -> str:
    """The part of a libpq message a person needs, on one line: "Connection refused",
    "server closed the connection unexpectedly", "password authentication failed …"."""
    first = text.strip().splitlines()[0] if text.strip() else "no answer"
    reason = first.rpartition("failed: ")[2] or first
    return reason.removeprefix("FATAL:").strip().rstrip(".")


def why_unreachable(location: store.StoreLocation, text: str, timeout: int) -> str:
    """The reason to show for a failure whose text may only say that the pool ran out
    of time: then one connection of our own says what is actually wrong."""
    if "couldn't get a connection" not in text and "pool initialization" not in text:
        return short_reason(text)
    try:
        connect(location, timeout).close()
    except psycopg.Error as error:
        return short_reason(str(error))
    return f"no connection within {store.seconds(timeout)}, though it answers now"


def stored_state(
    recorder: BulkPostgresRecorder,
    location: store.StoreLocation,
    originator_id: str,
    version: int,
    timeout: int,
) -> bytes | None:
    """The payload stored as `originator_id` version `version` (None if there is none),
    asked on fresh connections, again and again for up to `timeout` seconds.

    Raises StoreUnreachable (its message: why) if the store cannot be asked."""
    statement = SQL(
        "SELECT state FROM {schema}.{table} WHERE originator_id = %s AND originator_version = %s"
    ).format(
        schema=Identifier(recorder.datastore.schema),
        table=Identifier(recorder.events_table_name),
    )
    deadline = time.monotonic() + timeout
    pause = 0.1
    while True:
        try:
            with connect(location, timeout) as connection:
                row = connection.execute(statement, (originator_id, version)).fetchone()
            return None if row is None else bytes(row[0])
        except (psycopg.OperationalError, psycopg.InterfaceError) as error:
            if time.monotonic() + pause >= deadline:
                raise store.StoreUnreachable(short_reason(str(error))) from error
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def wake_ups(
    recorder: BulkPostgresRecorder,
    location: store.StoreLocation,
    stop: threading.Event,
    timeout: int,
) -> Iterator[None]:
    """Once as soon as it listens for appends, then after each append by anyone (and
    every WAKE_ANYWAY_SECONDS regardless), until `stop` is set.

    On a connection of its own, so a reader can tell the moment the server comes back;
    raises OperationalError the moment it is cut."""
    try:
        with connect(location, timeout) as connection:
            connection.execute(SQL("LISTEN {0}").format(Identifier(recorder.channel_name)))
            yield
            last = time.monotonic()
            while not stop.is_set():
                notified = False
                for _ in connection.notifies(timeout=LISTEN_TICK_SECONDS, stop_after=1):
                    notified = True
                if notified or time.monotonic() - last >= WAKE_ANYWAY_SECONDS:
                    last = time.monotonic()
                    yield
    except (psycopg.OperationalError, psycopg.InterfaceError) as error:
        raise OperationalError(str(error)) from error


def fetch_pages_postgres(recorder, after: int):
    """domain.store.fetch_pages for PostgreSQL: the database orders each page's payloads."""
    statement = SQL(
        "SELECT max(notification_id), count(*), "
        "'['::bytea || string_agg(state, ','::bytea ORDER BY notification_id) || ']'::bytea "
        "FROM (SELECT notification_id, state FROM {schema}.{table} "
        "WHERE notification_id > %s ORDER BY notification_id LIMIT %s) AS page"
    ).format(
        schema=Identifier(recorder.datastore.schema),
        table=Identifier(recorder.events_table_name),
    )
    while True:
        with recorder.datastore.get_connection() as connection:
            with connection.cursor(row_factory=tuple_row) as cursor:
                cursor.execute(statement, (after, store.PAGE_ROWS))
                last, count, array = cursor.fetchone()
        if not count:
            return
        yield last, count, bytes(array)
        after = last


def fetch_rows_postgres(recorder, after: int, until: int) -> list[store.Row]:
    statement = SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state "
        "FROM {schema}.{table} "
        "WHERE notification_id > %s AND notification_id <= %s ORDER BY notification_id"
    ).format(
        schema=Identifier(recorder.datastore.schema),
        table=Identifier(recorder.events_table_name),
    )
    with recorder.datastore.get_connection() as connection:
        with connection.cursor(row_factory=tuple_row) as cursor:
            cursor.execute(statement, (after, until))
            return cursor.fetchall()

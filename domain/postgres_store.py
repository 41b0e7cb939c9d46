"""The PostgreSQL side of the store, loaded only when a PostgreSQL store is used
(psycopg takes a quarter of a second to import)."""

import psycopg
from eventsourcing.persistence import IntegrityError
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from domain import store


class BulkPostgresRecorder(PostgresApplicationRecorder):
    """The library's PostgreSQL recorder, plus a COPY path for imports.

    `insert_events(rows, bulk=True)` takes (id, version, topic, payload)
    tuples; it takes the library's table lock and
    notifies its channel like any append, then streams the rows with COPY,
    all in one transaction: the library's own path sends one array parameter
    and slows to a crawl on a large history.
    """

    def insert_events(self, stored_events, *, bulk: bool = False, **kwargs):
        if not bulk:
            return super().insert_events(stored_events, **kwargs)
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


def fetch_rows_postgres(recorder, after: int, until: int) -> list[tuple[int, str, bytes]]:
    statement = SQL(
        "SELECT notification_id, topic, state FROM {schema}.{table} "
        "WHERE notification_id > %s AND notification_id <= %s ORDER BY notification_id"
    ).format(
        schema=Identifier(recorder.datastore.schema),
        table=Identifier(recorder.events_table_name),
    )
    with recorder.datastore.get_connection() as connection:
        with connection.cursor(row_factory=tuple_row) as cursor:
            cursor.execute(statement, (after, until))
            return cursor.fetchall()

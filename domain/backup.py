"""A whole SQLite store copied out while it is in use, and copied back.

A backup is SQLite's online backup: one read of one consistent moment of the
store, while the dashboard and other writers carry on (the store is in WAL mode:
a reader holds no writer up). It is written beside its target and renamed into
place, so a failed backup leaves nothing, and it is readable by its owner only.

A restore first copies the backup beside the store and verifies the copy; then,
in one transaction of the store's own, it keeps the store's present events in a
file beside it (when there are any) and swaps the backup's events in. Renaming a
file over the store would be atomic too, but not safe: a dashboard or writer that
has the store open would carry on in the old file, and SQLite's write-ahead log
beside it would be taken for the new file's. In one transaction, whoever has the
store open sees the old history or the restored one, never a mix, and no writer
gets in between the copy that is kept and the swap.

A PostgreSQL store is backed up with `staffdeck export` and restored with
`staffdeck import` into an empty store; both refuse one here.
"""

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from domain.errors import BackupRefused
from domain.service import Staffdeck
from domain.store import (
    StoreError,
    StoreLocation,
    check_is_sqlite,
    prepare_sqlite,
    store_timeout,
)
from domain.verify import Verification

# The eventsourcing library's table in an SQLite store, and every column of it:
# the rowid is the notification id, so a restored store records in the same order.
EVENTS_TABLE = "stored_events"
COLUMNS = "rowid, originator_id, originator_version, topic, state"

POSTGRES_BACKUP = (
    "A PostgreSQL store is backed up with `staffdeck --store URL export FILE`, and brought "
    "back with `staffdeck --store URL import FILE` into an empty store; nothing was written."
)
POSTGRES_RESTORE = (
    "A PostgreSQL store is restored with `staffdeck --store URL import FILE` into an empty "
    "store, from a file `staffdeck export` wrote; nothing was written."
)
# How many of a backup's problems a refused restore names.
SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class Restored:
    events: int
    kept: Path | None  # where the store's previous events were kept, if it held any


def back_up(location: StoreLocation, target: Path, *, force: bool = False) -> int:
    """Copy the store to `target` while it is in use; the number of events copied."""
    store = _sqlite_path(location, POSTGRES_BACKUP)
    prepare_sqlite(location, create=False)  # a missing store or another kind of file: exit 4
    if target.is_dir():
        raise BackupRefused(f"{target} is a folder; name the file to write the backup to.")
    if target.exists():
        if target.samefile(store):
            raise BackupRefused(f"{target} is the store itself; name another file.")
        if not force:
            raise BackupRefused(
                f"{target} already exists; nothing was written. "
                "Add --force to replace it, or name another file."
            )
    with _writing(target) as temp:
        events = _copy(store, temp)
        try:
            _publish(temp, target, replace=force)
        except FileExistsError:
            raise BackupRefused(
                f"{target} appeared while the backup was written; nothing was written over it."
            ) from None
        except OSError as error:
            raise BackupRefused(f"Cannot write {target}: {error.strerror}.") from error
    return events


def restore(source: Path, location: StoreLocation, *, replace: bool, now: datetime) -> Restored:
    """Make the backup `source` the store at `location`, once it is known to verify."""
    store = _sqlite_path(location, POSTGRES_RESTORE)
    if not source.is_file():
        raise BackupRefused(f"There is no backup file at {source}; nothing was restored.")
    if store.exists() and source.samefile(store):
        raise BackupRefused(f"{source} is the store itself; nothing was restored.")
    try:
        check_is_sqlite(source)
    except StoreError as error:
        raise BackupRefused(f"{error} Nothing was restored.") from None
    with _writing(store) as copy:
        try:
            events = _copy(source, copy)
        except StoreError as error:
            raise BackupRefused(f"{error} Nothing was restored.") from None
        _refuse_problems(source, _verified(copy))
        created = not store.exists()
        Staffdeck(location, actor="staffdeck restore", create=True).close()
        try:
            kept = _swap_in(copy, store, replace=replace, now=now)
        except BaseException:
            if created:
                _remove(store)
            raise
    return Restored(events=events, kept=kept)


def _sqlite_path(location: StoreLocation, refusal: str) -> Path:
    if location.kind != "sqlite" or location.path is None:
        raise BackupRefused(refusal)
    return location.path


def _copy(source: Path, target: Path) -> int:
    """SQLite's online backup of `source` into the new file `target`, in one step (one
    read of one moment); how many events it holds. StoreError if it is no store."""
    try:
        with (
            closing(sqlite3.connect(source, timeout=store_timeout())) as reader,
            closing(sqlite3.connect(target)) as writer,
        ):
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")  # one file, whole in itself
            try:
                return writer.execute(f"SELECT count(*) FROM {EVENTS_TABLE}").fetchone()[0]
            except sqlite3.OperationalError:
                raise StoreError(
                    f"{source} is an SQLite database, but not a staffdeck store "
                    "(it has no table of events)."
                ) from None
    except sqlite3.Error as error:
        if "locked" in str(error):
            raise StoreError(
                f"{source} stayed locked by another writer for {store_timeout()} s; "
                "try again in a moment."
            ) from error
        raise StoreError(f"{source} cannot be copied ({error}).") from error


def _verified(copy: Path) -> Verification:
    deck = Staffdeck(
        StoreLocation(kind="sqlite", path=copy), actor="staffdeck restore", create=False
    )
    try:
        return deck.verify()
    finally:
        deck.close()


def _refuse_problems(source: Path, result: Verification) -> None:
    if not result.problems:
        return
    shown = "\n".join(str(problem) for problem in result.problems[:SHOWN_PROBLEMS])
    more = len(result.problems) - SHOWN_PROBLEMS
    if more > 0:
        shown += f"\n… and {more:,} more"
    count_text = f"{len(result.problems):,} problem{'s' if len(result.problems) != 1 else ''}"
    raise BackupRefused(
        f"{source} does not verify ({count_text}); nothing was restored.\n{shown}\n"
        f"`staffdeck --store {source} verify` lists every problem."
    )


def _swap_in(copy: Path, store: Path, *, replace: bool, now: datetime) -> Path | None:
    """In one transaction of the store: keep its events (if any, and only with
    `replace`), then replace them with the copy's. Where they were kept, or None."""
    try:
        with closing(sqlite3.connect(store, timeout=store_timeout(), isolation_level=None)) as db:
            db.execute("ATTACH DATABASE ? AS backup", (str(copy),))
            try:
                db.execute("BEGIN IMMEDIATE")  # the write lock: no writer gets in until COMMIT
                held = db.execute(f"SELECT count(*) FROM main.{EVENTS_TABLE}").fetchone()[0]
                kept = None
                if held and not replace:
                    raise BackupRefused(
                        f"The store at {store} holds {held:,} event{'s' if held != 1 else ''}; "
                        "nothing was restored. Add --replace to replace them: the store is "
                        f"kept first as {store.name}.before-restore-<UTC time>."
                    )
                if held:
                    kept = _keep(store, now)
                db.execute(f"DELETE FROM main.{EVENTS_TABLE}")
                db.execute(
                    f"INSERT INTO main.{EVENTS_TABLE} ({COLUMNS}) "
                    f"SELECT {COLUMNS} FROM backup.{EVENTS_TABLE} ORDER BY rowid"
                )
                db.execute("COMMIT")
            finally:
                if db.in_transaction:
                    db.execute("ROLLBACK")
    except sqlite3.Error as error:
        if "locked" in str(error):
            raise StoreError(
                f"The store at {store} stayed locked by another writer for {store_timeout()} s; "
                "nothing was restored. Try again in a moment."
            ) from error
        raise StoreError(f"Cannot restore into the store at {store}: {error}.") from error
    return kept


def _keep(store: Path, now: datetime) -> Path:
    """A backup of the store beside it, named for the moment: read while the
    caller's write lock holds every writer off, so it is exactly what is replaced."""
    name = f"{store.name}.before-restore-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    with _writing(store) as temp:
        _copy(store, temp)
        for number in count(1):
            kept = store.with_name(name if number == 1 else f"{name}-{number}")
            try:
                _publish(temp, kept, replace=False)
            except FileExistsError:
                continue  # a restore in the same second: the next number
            return kept
    raise AssertionError("count() never ends")


@contextmanager
def _writing(beside: Path) -> Iterator[Path]:
    """A new, empty file beside `beside` (owner-only), removed afterwards with
    whatever SQLite left beside it, unless it was renamed into place."""
    try:
        handle, name = tempfile.mkstemp(dir=beside.parent, prefix=f".{beside.name}.", suffix=".tmp")
    except OSError as error:
        raise BackupRefused(
            f"Cannot write beside {beside}: {error.strerror}; nothing was written."
        ) from error
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
    finally:
        _remove(temp)


def _publish(temp: Path, target: Path, *, replace: bool) -> None:
    """Put the finished file in place, on disk first; never over an existing
    file unless `replace` (FileExistsError)."""
    with temp.open("rb") as file:
        os.fsync(file.fileno())
    if replace:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # fails if target exists, whoever made it
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temp, target)


def _remove(database: Path) -> None:
    for path in (database, *(Path(f"{database}{end}") for end in ("-journal", "-wal", "-shm"))):
        path.unlink(missing_ok=True)

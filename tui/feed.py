"""Following the store: the first full read, then every event appended after it.

Runs in worker threads, never on the UI thread. SQLite has no notifications in
eventsourcing 9.5, so the store's directory is watched (watchfiles) and new
notifications are read when its files change; PostgreSQL wakes the reader with
LISTEN/NOTIFY, on a connection of its own.

A store can go out of reach while it is followed (a server restarted, a network
gone): the feed says so, keeps trying with a bounded backoff, and once the
store answers again reads on from where it was, like any other new events.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import watchfiles

from domain.service import Staffdeck
from domain.store import StoreError, StoreUnreachable
from events import Event

# Without a change seen, look anyway this often: a safety net for file systems
# that do not report changes (network mounts, some containers).
POLL_SECONDS = 1.0
# Between tries to reach a lost PostgreSQL store: doubling from the first to the
# most, so a server back in a moment is seen at once and one gone for long is
# not hammered, and the room waits at most this long after it is back.
RECONNECT_FIRST_SECONDS = 0.25
RECONNECT_MOST_SECONDS = 2.0
Deliver = Callable[[list[Event]], None]
# Told why the store is out of reach as it goes, and None once it answers again.
Tell = Callable[[str | None], None]


class FeedStopped(Exception):
    """The feed was stopped: whoever was reading through it goes home."""


class StoreFeed:
    def __init__(self, deck: Staffdeck):
        self.deck = deck
        self.position = 0
        self._stopped = threading.Event()
        self._using = threading.RLock()  # held while a worker uses the store
        self.lost: str | None = None  # why the store is out of reach; None while it answers

    @contextmanager
    def store(self) -> Iterator[Staffdeck]:
        """The store, for one use from a worker; FeedStopped once the feed is stopped.
        `stop()` waits for the use in progress: the store is never closed under it."""
        with self._using:
            if self._stopped.is_set():
                raise FeedStopped
            yield self.deck

    def read_new(self) -> list[Event]:
        """Every event recorded since the last read (all of them, the first time)."""
        with self.store() as deck:
            self.position, events = deck.events_after(self.position, stop=self._stopped)
        return events

    def read_all(self) -> list[Event]:
        """Every event recorded, from the first; reading on goes from the last."""
        with self.store() as deck:
            self.position, events = deck.events_after(0, stop=self._stopped)
        return events

    def follow(self, deliver: Deliver, tell: Tell = lambda _why: None) -> None:
        """Block, delivering each batch of new events, until `stop()`; `tell` hears
        when the store goes out of reach and when it is back."""
        if self.deck.location.kind == "postgres":
            self._follow_postgres(deliver, tell)
        else:
            self._follow_sqlite(deliver, tell)

    def stop(self) -> None:
        """From the UI thread, as the dashboard closes: after this, nothing here
        touches the store (a read in progress ends after its page)."""
        self._stopped.set()
        with self._using:
            pass

    def _deliver_new(self, deliver: Deliver, tell: Tell) -> None:
        """Read and deliver what is new; a StoreError is told, then raised."""
        try:
            events = self.read_new()
        except FeedStopped:
            return
        except StoreError as error:
            self._lose(error, tell)
            raise
        if self.lost is not None:
            self.lost = None
            tell(None)
        if events:
            deliver(events)

    def _lose(self, error: StoreError, tell: Tell) -> None:
        why = error.reason if isinstance(error, StoreUnreachable) else str(error)
        if self.lost is None and not self._stopped.is_set():
            tell(why)
        self.lost = why

    def _follow_sqlite(self, deliver: Deliver, tell: Tell) -> None:
        path = self.deck.location.path
        assert path is not None
        # The database, its WAL and its journal: any of them changes on a commit.
        names = {path.name, f"{path.name}-wal", f"{path.name}-journal"}
        for _ in watchfiles.watch(
            path.parent,
            watch_filter=lambda _change, changed: Path(changed).name in names,
            stop_event=self._stopped,
            step=10,  # ms of quiet after a change before it is reported
            rust_timeout=int(POLL_SECONDS * 1000),
            yield_on_timeout=True,
            recursive=False,
        ):
            try:
                self._deliver_new(deliver, tell)
            except StoreError:
                pass  # told; the next change, or the next poll, tries again

    def _follow_postgres(self, deliver: Deliver, tell: Tell) -> None:
        pause = RECONNECT_FIRST_SECONDS
        while not self._stopped.is_set():
            try:
                # A wake-up only rings: the events themselves come through the fast
                # read, in pages, however many arrived meanwhile (or while away).
                with closing(self.deck.appends(self._stopped)) as wake_ups:
                    for _ in wake_ups:
                        self._deliver_new(deliver, tell)
                        pause = RECONNECT_FIRST_SECONDS
            except StoreError as error:
                self._lose(error, tell)
                self._stopped.wait(pause)
                pause = min(pause * 2, RECONNECT_MOST_SECONDS)

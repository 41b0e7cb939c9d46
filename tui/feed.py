"""Following the store: the first full read, then every event appended after it.

Runs in worker threads, never on the UI thread. SQLite has no notifications in
eventsourcing 9.5, so the store's directory is watched (watchfiles) and new
notifications are read when its files change; PostgreSQL pushes LISTEN/NOTIFY
through the recorder's subscription.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import watchfiles

from domain.service import Staffdeck
from events import Event

# Without a change seen, look anyway this often: a safety net for file systems
# that do not report changes (network mounts, some containers).
POLL_SECONDS = 1.0
Deliver = Callable[[list[Event]], None]


class FeedStopped(Exception):
    """The feed was stopped: whoever was reading through it goes home."""


class StoreFeed:
    def __init__(self, deck: Staffdeck):
        self.deck = deck
        self.position = 0
        self._stopped = threading.Event()
        self._subscription = None
        self._using = threading.RLock()  # held while a worker uses the store

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

    def follow(self, deliver: Deliver) -> None:
        """Block, delivering each batch of new events, until `stop()`."""
        if self.deck.location.kind == "postgres":
            self._follow_postgres(deliver)
        else:
            self._follow_sqlite(deliver)

    def stop(self) -> None:
        """From the UI thread, as the dashboard closes: after this, nothing here
        touches the store (a read in progress ends after its page)."""
        self._stopped.set()
        if self._subscription is not None:
            self._subscription.stop()
        with self._using:
            pass

    def _deliver_new(self, deliver: Deliver) -> None:
        try:
            events = self.read_new()
        except FeedStopped:
            return
        if events:
            deliver(events)

    def _follow_sqlite(self, deliver: Deliver) -> None:
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
            self._deliver_new(deliver)

    def _follow_postgres(self, deliver: Deliver) -> None:
        if self._stopped.is_set():
            return
        with self.deck.recorder.subscribe(gt=self.position) as subscription:
            self._subscription = subscription
            if self._stopped.is_set():
                return
            # A notification only wakes us: the events themselves come through
            # the fast read, in pages, however many arrived meanwhile.
            for notification in subscription:
                if notification.id > self.position:
                    self._deliver_new(deliver)

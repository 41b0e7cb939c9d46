"""The application service: commands in domain words in, events out, into the store.

The CLI and the dashboard both write through `Staffdeck`; nothing else appends.
"""

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, get_args

import msgspec
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    IntegrityError,
    InterfaceError,
    MapperDeserialisationError,
    OperationalError,
    PersistenceError,
)
from eventsourcing.utils import Environment

from domain.errors import (
    AdrsRejected,
    ConflictError,
    EventInFuture,
    ImportRejected,
    InvalidInput,
    ItemNotFound,
)
from domain.history import check_history
from domain.item import FUTURE_TOLERANCE, MAX_EVENT_BYTES, Item, utc_text
from domain.items import ITEM_TYPES
from domain.keys import PREFIXES, expect_kind, normalize_key, noun_of
from domain.links import check_links
from domain.store import (
    PAGE_ROWS,
    EventMapper,
    Row,
    StoreError,
    StoreLocation,
    StoreUnreachable,
    WriteUncertain,
    fetch_pages,
    fetch_rows,
    locate,
    prepare_sqlite,
    seconds,
    store_timeout,
)
from domain.undo import Undo, undo_of
from domain.verify import Verification, verify
from events import (
    ActionAssigned,
    ActionCompleted,
    ActionDropped,
    AnyEvent,
    BlockerDeescalated,
    BlockerEscalated,
    BlockerRaised,
    BlockerReassigned,
    BlockerReopened,
    BlockerResolved,
    BlockerSeverityChanged,
    DecisionDeferred,
    DecisionMade,
    DecisionOptionAdded,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
    NoteLogged,
    RejectedAlternative,
    RitualCadenceChanged,
    RitualEstablished,
    RitualHeld,
    RitualRetired,
    WorkstreamClosed,
    WorkstreamDeescalated,
    WorkstreamEscalated,
    WorkstreamNextDecisionPointSet,
    WorkstreamOpened,
    WorkstreamOwnerChanged,
    WorkstreamStatusReported,
    decode_array,
    decode_tagged,
    encode,
    tag_of,
    utc_now,
)
from events.codec import FAMILIES
from events.gc import paused_gc

PAGE = 5000

Clock = Callable[[], datetime]


class Staffdeck(Application[str]):
    """The store of one team's history, and every command that appends to it."""

    name = "staffdeck"

    def __init__(
        self,
        store: StoreLocation | str | None = None,
        *,
        actor: str,
        clock: Clock = utc_now,
        create: bool = True,
    ):
        self.location = store if isinstance(store, StoreLocation) else locate(store)
        self.actor = actor
        self.clock = clock
        self._last_numbers: dict[str, int] = {}
        self.timeout_seconds = store_timeout()
        env = self.location.env()
        if self.location.kind == "sqlite":
            prepare_sqlite(self.location, create=create)
        else:
            # The library would (re)create its tables and function on every open,
            # and two processes doing that at once collide: create only if missing.
            env["CREATE_TABLE"] = "no"
        with self._store_errors():
            super().__init__(env=env)
            if self.location.kind == "postgres":
                from domain.postgres_store import tune

                tune(self.recorder, self.timeout_seconds)
            if self.location.kind == "postgres" and not self._store_exists():
                if not create:
                    raise StoreError(
                        f"There is no store at {self.location}. Create one with "
                        "`staffdeck --store URL init`."
                    )
                self._create_postgres_tables()

    def _store_exists(self) -> bool:
        try:
            self.recorder.max_notification_id()
        except PersistenceError as error:
            if "does not exist" not in str(error):
                raise
            return False
        return True

    def _create_postgres_tables(self) -> None:
        """Create the tables once, even when several processes open a new store together."""
        with self.recorder.datastore.get_connection() as connection:
            connection.execute("SELECT pg_advisory_lock(hashtext('staffdeck: create store'))")
            try:
                if not self._store_exists():
                    self.recorder.create_table()
            finally:
                connection.execute("SELECT pg_advisory_unlock(hashtext('staffdeck: create store'))")

    def construct_env(self, name: str, env: Any = None) -> Environment:
        # Only what `locate` decided: a stray SQLITE_DBNAME in the shell must not win.
        return Environment(name, dict(env or {}))

    def construct_mapper(self) -> EventMapper:  # type: ignore[override]
        return EventMapper()

    # ---- workstreams -------------------------------------------------------

    def open_workstream(
        self,
        title: str,
        *,
        owner: str,
        objective: str = "",
        stakeholders: Iterable[str] = (),
        at: datetime | None = None,
    ) -> WorkstreamOpened:
        return self._create(
            WorkstreamOpened,
            at,
            title=title,
            owner=owner,
            objective=objective,
            stakeholders=tuple(stakeholders),
        )

    def report_status(self, key: str, state: str, *, note: str = "", at: datetime | None = None):
        return self._append(WorkstreamStatusReported, key, at, state=state, note=note)

    def change_workstream_owner(self, key: str, owner: str, *, at: datetime | None = None):
        return self._append(WorkstreamOwnerChanged, key, at, owner=owner)

    def set_next_decision_point(self, key: str, on: date, what: str, *, at: datetime | None = None):
        return self._append(WorkstreamNextDecisionPointSet, key, at, on=on, what=what)

    def escalate_workstream(self, key: str, *, to: str, why: str, at: datetime | None = None):
        return self._append(WorkstreamEscalated, key, at, to=to, why=why)

    def deescalate_workstream(self, key: str, *, why: str = "", at: datetime | None = None):
        return self._append(WorkstreamDeescalated, key, at, why=why)

    def close_workstream(self, key: str, *, why: str = "", at: datetime | None = None):
        return self._append(WorkstreamClosed, key, at, why=why)

    # ---- decisions ---------------------------------------------------------

    def raise_decision(
        self,
        question: str,
        *,
        workstream: str,
        owner: str,
        due: date | None = None,
        problem: str = "",
        context: str = "",
        options: Iterable[str] = (),
        deciders: Iterable[str] = (),
        intent: str = "",
        at: datetime | None = None,
    ) -> DecisionRaised:
        return self._create(
            DecisionRaised,
            at,
            question=question,
            workstream=normalize_key(workstream),
            owner=owner,
            due=due,
            problem=problem,
            context=context,
            options=tuple(options),
            deciders=tuple(deciders),
            intent=intent,
        )

    def add_option(self, key: str, option: str, *, at: datetime | None = None):
        return self._append(DecisionOptionAdded, key, at, option=option)

    def make_decision(
        self,
        key: str,
        *,
        choice: str,
        reasoning: str,
        rejected: Iterable[tuple[str, str]] = (),
        expected: str = "",
        reopen_conditions: Iterable[str] = (),
        review_by: date | None = None,
        decided_by: Iterable[str] = (),
        at: datetime | None = None,
    ) -> DecisionMade:
        deciders = tuple(decided_by)
        if not deciders:
            raised = self._load(key, "decision")
            deciders = tuple(raised.deciders) or (self.actor,)
        return self._append(
            DecisionMade,
            key,
            at,
            choice=choice,
            reasoning=reasoning,
            rejected=tuple(RejectedAlternative(option=o, grounds=g) for o, g in rejected),
            expected=expected,
            reopen_conditions=tuple(reopen_conditions),
            review_by=review_by,
            decided_by=deciders,
        )

    def defer_decision(self, key: str, *, until: date, why: str, at: datetime | None = None):
        return self._append(DecisionDeferred, key, at, until=until, why=why)

    def reopen_decision(
        self, key: str, *, why: str, conditions: Iterable[str] = (), at: datetime | None = None
    ):
        """`conditions`: the decision's reopen conditions that came true, if any."""
        return self._append(DecisionReopened, key, at, why=why, conditions=tuple(conditions))

    def supersede_decision(self, key: str, *, by: str, at: datetime | None = None):
        return self._append(DecisionSuperseded, key, at, by=normalize_key(by))

    def withdraw_decision(self, key: str, *, why: str, at: datetime | None = None):
        return self._append(DecisionWithdrawn, key, at, why=why)

    # ---- blockers ----------------------------------------------------------

    def raise_blocker(
        self,
        title: str,
        *,
        workstream: str,
        severity: str,
        owner: str = "",
        needed_by: date | None = None,
        depends_on: str = "",
        at: datetime | None = None,
    ) -> BlockerRaised:
        return self._create(
            BlockerRaised,
            at,
            title=title,
            workstream=normalize_key(workstream),
            severity=severity,
            owner=owner,
            needed_by=needed_by,
            depends_on=depends_on,
        )

    def change_severity(self, key: str, severity: str, *, at: datetime | None = None):
        return self._append(BlockerSeverityChanged, key, at, severity=severity)

    def reassign_blocker(self, key: str, owner: str, *, at: datetime | None = None):
        return self._append(BlockerReassigned, key, at, owner=owner)

    def escalate_blocker(self, key: str, *, to: str, why: str, at: datetime | None = None):
        return self._append(BlockerEscalated, key, at, to=to, why=why)

    def deescalate_blocker(self, key: str, *, why: str = "", at: datetime | None = None):
        return self._append(BlockerDeescalated, key, at, why=why)

    def resolve_blocker(self, key: str, *, resolution: str, at: datetime | None = None):
        return self._append(BlockerResolved, key, at, resolution=resolution)

    def reopen_blocker(self, key: str, *, why: str, at: datetime | None = None):
        return self._append(BlockerReopened, key, at, why=why)

    # ---- rituals -----------------------------------------------------------

    def establish_ritual(
        self,
        name: str,
        *,
        cadence: str,
        purpose: str,
        owner: str,
        attendees: Iterable[str] = (),
        at: datetime | None = None,
    ) -> RitualEstablished:
        return self._create(
            RitualEstablished,
            at,
            name=name,
            cadence=cadence,
            purpose=purpose,
            owner=owner,
            attendees=tuple(attendees),
        )

    def hold_ritual(
        self,
        key: str,
        *,
        informed: Iterable[str] = (),
        surfaced: Iterable[str] = (),
        notes: str = "",
        held_on: date | None = None,
        at: datetime | None = None,
    ) -> RitualHeld:
        at = at or self.clock()
        return self._append(
            RitualHeld,
            key,
            at,
            held_on=held_on or at.date(),
            informed=tuple(normalize_key(k) for k in informed),
            surfaced=tuple(normalize_key(k) for k in surfaced),
            notes=notes,
        )

    def change_cadence(self, key: str, cadence: str, *, at: datetime | None = None):
        return self._append(RitualCadenceChanged, key, at, cadence=cadence)

    def retire_ritual(self, key: str, *, reason: str, at: datetime | None = None):
        return self._append(RitualRetired, key, at, reason=reason)

    # ---- actions and notes -------------------------------------------------

    def assign_action(
        self,
        title: str,
        *,
        owner: str,
        due: date,
        source: str | None = None,
        at: datetime | None = None,
    ) -> ActionAssigned:
        return self._create(
            ActionAssigned,
            at,
            title=title,
            owner=owner,
            due=due,
            source=normalize_key(source) if source else None,
        )

    def complete_action(self, key: str, *, note: str = "", at: datetime | None = None):
        return self._append(ActionCompleted, key, at, note=note)

    def drop_action(self, key: str, *, why: str, at: datetime | None = None):
        return self._append(ActionDropped, key, at, why=why)

    def log_note(
        self, kind: str, text: str, *, links: Iterable[str] = (), at: datetime | None = None
    ) -> NoteLogged:
        return self._create(
            NoteLogged, at, kind=kind, text=text, links=tuple(normalize_key(k) for k in links)
        )

    # ---- undo ----------------------------------------------------------------

    def undo_of(self, event: Event) -> Undo:
        """What taking `event` back would append (CannotUndo if nothing can)."""
        return undo_of(event, self.history(event.key))

    def compensate(self, undo: Undo, *, at: datetime | None = None) -> Event:
        """Append the compensating event `undo_of` described."""
        return self._append(undo.event_type, undo.key, at, **undo.fields)

    # ---- reading -----------------------------------------------------------

    def get(self, key: str) -> Item:
        """The item as it stands now; ItemNotFound if there is none."""
        key = normalize_key(key)
        return self._load(key, noun_of(key))

    def history(self, key: str) -> list[Event]:
        """Every event of one item, oldest first."""
        key = normalize_key(key)
        with self._store_errors():
            envelopes = list(self.events.get(key))
        if not envelopes:
            raise ItemNotFound(f"There is no {noun_of(key)} {key}.")
        return [envelope.event for envelope in envelopes]  # type: ignore[attr-defined]

    def read_events(self) -> Iterator[AnyEvent]:
        """Every event in the order the store recorded them."""
        with self._store_errors():
            last = None
            while True:
                page = self.recorder.select_notifications(
                    start=last, limit=PAGE, inclusive_of_start=last is None
                )
                if not page:
                    return
                for row in page:
                    yield decode_tagged(row.topic, row.state)
                last = page[-1].id

    def events_after(
        self, position: int = 0, *, stop: threading.Event | None = None
    ) -> tuple[int, list[AnyEvent]]:
        """Every event recorded after notification `position`, and the new position.

        The rebuild path: raw payloads decoded straight into Structs, a page
        at a time. Once `stop` is set it ends after the page it is on: the
        events so far, and the position they reach.
        """
        events: list[AnyEvent] = []
        with paused_gc(), self._store_errors():
            for last, count, array in fetch_pages(self.recorder, position):
                if stop is not None and stop.is_set():
                    break
                try:
                    page = decode_array(array)
                except (msgspec.DecodeError, UnicodeDecodeError):
                    page = []  # found row by row below
                if len(page) != count:
                    self._unreadable_row(position, last)
                events.extend(page)
                position = last
        return position, events

    def verify(self) -> Verification:
        """Every stored row checked as it is stored (domain/verify.py): what is wrong,
        and how many events and items were read."""
        return verify(self._stored_rows())

    def _stored_rows(self) -> Iterator[Row]:
        """Every row, every column, raw: a page of notification ids at a time, up to
        the last one recorded when the read began."""
        with self._store_errors():
            last = self.recorder.max_notification_id() or 0
            for after in range(0, last, PAGE_ROWS):
                yield from fetch_rows(self.recorder, after, min(after + PAGE_ROWS, last))

    def appends(self, stop: threading.Event) -> Iterator[None]:
        """PostgreSQL: a wake-up as soon as it listens for appends, then after each
        append by anyone, until `stop` is set; StoreError the moment the
        connection is lost (SQLite has no such thing: its files are watched)."""
        from domain.postgres_store import wake_ups

        with self._store_errors():
            yield from wake_ups(self.recorder, self.location, stop, self.timeout_seconds)

    def mark_at(self, position: int) -> str | None:
        """A digest of the event stored at notification `position` (None if there is
        none): what a saved read model checks to know it was folded from this store."""
        with self._store_errors():
            rows = fetch_rows(self.recorder, position - 1, position) if position > 0 else []
        if not rows:
            return None
        *_, tag, payload = rows[0]
        return hashlib.sha256(tag.encode() + b"\0" + bytes(payload)).hexdigest()

    def _unreadable_row(self, after: int, until: int) -> None:
        """Name the stored row in (after, until] that does not decode."""
        for position, _, _, tag, payload in fetch_rows(self.recorder, after, until):
            try:
                decode_tagged(tag, payload)
            except (KeyError, msgspec.DecodeError, UnicodeDecodeError) as error:
                raise StoreError(
                    f"The store's event #{position} cannot be read ({error}); "
                    "the store may be damaged or written by a newer staffdeck."
                ) from error
        raise StoreError(f"The store's events #{after + 1}–#{until} cannot be read.")

    def import_adrs(self, folder: Path, *, workstream: str, owner: str) -> list[tuple[str, str]]:
        """A folder of ADRs as decisions on `workstream`, all or nothing; returns
        (file, key) for each. AdrsRejected names every file that cannot be read."""
        # Markdown and YAML parsers load only here: every other command, and the
        # dashboard's launch, starts ~60 ms sooner without them.
        from domain.adr import adr_events, read_folder

        adrs, _ = read_folder(folder)
        home = self._load(workstream, "workstream")
        oldest = min(adrs, key=lambda adr: adr.moment)
        if home.created_at is not None and home.created_at > oldest.moment:
            raise InvalidInput(
                f"{home.key} was opened on {utc_text(home.created_at)}, after the oldest ADR "
                f"({oldest.file}, {oldest.date}): a decision cannot belong to a workstream "
                "before it exists. Import into an older workstream, or open one as of then: "
                f'staffdeck --at {oldest.date} workstream open "…" --owner NAME'
            )
        first = self._next_number("D")
        pairs = adr_events(adrs, first, workstream=workstream, owner=owner, actor=self.actor)
        files = [name for name, _ in pairs]
        lines = [encode(event) for _, event in pairs]
        try:
            self.import_lines(lines, source=str(folder))
        except ImportRejected as error:  # a domain rule: say which ADR broke it
            first_problems = {}  # one per file: what follows from it adds nothing
            for line, why in error.problems:
                first_problems.setdefault(files[line - 1], why)
            raise AdrsRejected(
                str(folder), [(name, 1, why) for name, why in first_problems.items()]
            ) from error
        return [(name, event.key) for name, event in pairs if isinstance(event, DecisionRaised)]

    def export_lines(self) -> Iterator[bytes]:
        """JSON lines in recording order, in the current schema."""
        for event in self.read_events():
            yield encode(event) + b"\n"

    def import_lines(self, lines: Iterable[bytes], *, source: str) -> int:
        """Check a whole history file, then append it in one transaction.

        Raises ImportRejected naming every bad line; on any problem nothing is
        written.
        """
        with paused_gc():
            return self._import(lines, source)

    def _import(self, lines: Iterable[bytes], source: str) -> int:
        with self._store_errors():
            empty = not self.recorder.max_notification_id()
            # Into an empty store nothing can clash: skip a point read per new item.
            envelopes = check_history(
                lines,
                source=source,
                find=(lambda key: None) if empty else self._find,
                stored=self._stored_payloads,
                now=self.clock(),
            )
            if envelopes:
                # Straight to the recorder: one transaction, the same uniqueness
                # checks, without save()'s per-event protocol checks and recordings.
                rows = [
                    (e.originator_id, e.originator_version, tag_of(e.event), encode(e.event))
                    for e in envelopes
                ]
                key, version, _, payload = rows[0]
                try:
                    # All rows or none, in one transaction: the first tells for all.
                    self._write(
                        lambda: self.recorder.insert_events(rows, bulk=True),
                        key,
                        version,
                        payload,
                        what="the import",
                    )
                except IntegrityError as error:
                    raise ConflictError(
                        "Someone else appended to the same items while the file was being "
                        "imported; nothing was imported. Run the import again."
                    ) from error
        return len(envelopes)

    # ---- the machinery behind every command --------------------------------

    def _stamp(self, at: datetime | None) -> dict[str, Any]:
        now = self.clock()
        if at is None:
            at = now
        elif at.tzinfo is None:
            raise InvalidInput("A time given with --at must say its time zone.")
        elif at > now + FUTURE_TOLERANCE:
            raise EventInFuture(
                f"{utc_text(at)} is in the future; --at records when something already happened."
            )
        return {"at": at, "actor": self.actor, "recorded_at": now}

    def _create(self, event_type: type[Event], at: datetime | None, **fields: Any) -> Any:
        """Create an item under the next free key; the store arbitrates races."""
        noun = FAMILIES[event_type]
        prefix = PREFIXES[noun]
        stamp = self._stamp(at)
        number = self._next_number(prefix)
        for _ in range(1000):
            key = f"{prefix}-{number}"
            event = _validated(event_type(key=key, **stamp, **fields))
            item = ITEM_TYPES[noun](key)
            item.record(event)
            check_links(event, self._find)
            try:
                self._save(item, event)
            except IntegrityError:
                number += 1  # another writer took this key a moment ago
                continue
            self._last_numbers[prefix] = number
            return event
        raise ConflictError(f"Could not find a free {noun} key; try again.")

    def _append(self, event_type: type[Event], key: str, at: datetime | None, **fields: Any) -> Any:
        noun = FAMILIES[event_type]
        item = self._load(expect_kind(key, noun), noun)
        event = _validated(event_type(key=item.key, **self._stamp(at), **fields))
        item.record(event)
        check_links(event, self._find)
        try:
            self._save(item, event)
        except IntegrityError as error:
            raise ConflictError(
                f"{item.key} was changed by someone else at the same moment; nothing was "
                f"written. Check `staffdeck log {item.key}` and try again."
            ) from error
        return event

    def _save(self, item: Item, event: Event) -> None:
        """Append the event `item` has just recorded."""
        what = f"{item.key}'s new event" if item.version > 1 else item.key
        self._write(lambda: self.save(item), item.key, item.version, encode(event), what=what)

    def _write(
        self, write: Callable[[], Any], key: str, version: int, payload: bytes, *, what: str
    ) -> None:
        """Run `write`, which appends (`key`, `version`) with `payload` among its rows.

        Returns when the store kept them; raises IntegrityError when someone else
        wrote that version first, StoreError when nothing was written, or
        WriteUncertain when that cannot be known. A connection cut after the rows
        were sent (perhaps after the COMMIT, its answer lost) is not guessed at:
        the store is asked, on a fresh connection, whether it has them."""
        try:
            with self._store_errors():
                write()
            return
        except StoreUnreachable as error:
            if self.location.kind != "postgres":
                raise  # SQLite commits on this machine: a failed write is not written
            from domain.postgres_store import sent_nothing, stored_state

            if sent_nothing(error):
                raise
            cut = error
        try:
            kept = stored_state(self.recorder, self.location, key, version, self.timeout_seconds)
        except StoreUnreachable as unasked:
            raise WriteUncertain(
                f"The connection to the store at {self.location} was cut while {what} was "
                f"being written, and the store could not be asked afterwards ({unasked}): "
                f"it may or may not have been written. Check with `staffdeck log {key}` "
                "before trying again."
            ) from cut
        if kept == payload:
            return  # written: only the answer was lost
        if kept is not None:
            raise IntegrityError(f"{key} version {version} was written by someone else")
        raise StoreUnreachable(
            f"The connection to the store at {self.location} was cut while {what} was being "
            "written, and the store, asked again, does not have it: nothing was written. "
            "Try again."
        ) from cut

    def _load(self, key: str, noun: str) -> Any:
        key = expect_kind(key, noun)
        item = self._find(key)
        if item is None:
            raise ItemNotFound(f"There is no {noun} {key}. `staffdeck log` lists what exists.")
        return item

    def _find(self, key: str) -> Item | None:
        item_type = ITEM_TYPES[noun_of(key)]
        try:
            with self._store_errors():
                return self.repository.get(key, projector_func=item_type.replay)
        except AggregateNotFoundError:
            return None

    def _stored_payloads(self, key: str) -> set[bytes]:
        """The item's stored events, without their recording times, to spot a re-import."""
        with self._store_errors():
            rows = self.recorder.select_events(key)
        return {
            encode(
                msgspec.structs.replace(decode_tagged(r.topic, bytes(r.state)), recorded_at=None)
            )
            for r in rows
        }

    def _exists(self, key: str) -> bool:
        with self._store_errors():
            return bool(self.recorder.select_events(key, limit=1))

    def _next_number(self, prefix: str) -> int:
        """The first free number after the highest in use, in O(log n) point reads.

        Keys are handed out in order, so "exists" is true up to some n: gallop
        past it, then bisect.
        """
        low = self._last_numbers.get(prefix, 0)  # known to exist, or 0
        step, high = 1, low + 1
        while self._exists(f"{prefix}-{high}"):
            low, step = high, step * 2
            high = low + step
        while high - low > 1:
            middle = (low + high) // 2
            if self._exists(f"{prefix}-{middle}"):
                low = middle
            else:
                high = middle
        return high

    @contextmanager
    def _store_errors(self) -> Iterator[None]:
        """Turn the library's persistence errors into one clear StoreError."""
        try:
            yield
        except IntegrityError:
            raise
        except PersistenceError as error:
            raise self._store_error(error) from error
        except (MapperDeserialisationError, msgspec.DecodeError, UnicodeDecodeError) as error:
            # A stored event this release cannot read: damaged, or from a newer staffdeck.
            raise StoreError(
                f"An event in the store at {self.location} cannot be read: {error}. "
                "`staffdeck verify` lists every such event."
            ) from error
        except OSError as error:
            raise StoreError(
                self.location.redact(f"The store at {self.location}: {error}")
            ) from error

    def _store_error(self, error: PersistenceError) -> StoreError:
        text = self.location.redact(str(error))
        if self.location.kind == "sqlite" and "locked" in text:
            return StoreUnreachable(
                f"The store at {self.location} is locked by another writer and stayed locked "
                f"for {seconds(self.timeout_seconds)}; nothing was written. Try again in a moment.",
                reason="locked by another writer",
            )
        if self.location.kind == "postgres" and isinstance(
            error, (OperationalError, InterfaceError)
        ):
            from domain.postgres_store import forget_connections, why_unreachable

            if "recorder" in vars(self):  # not while the store is being opened
                forget_connections(self.recorder)
            reason = self.location.redact(
                why_unreachable(self.location, text, self.timeout_seconds)
            )
            return StoreUnreachable(
                f"The store at {self.location} is unreachable ({reason}): nothing was written. "
                "Try again when it is back.",
                reason=reason,
            )
        first_line = text.strip().splitlines()[0] if text.strip() else type(error).__name__
        if self.location.kind == "postgres":
            return StoreError(f"Cannot use the PostgreSQL store at {self.location}: {first_line}")
        return StoreError(f"Cannot use the store at {self.location}: {first_line}")


def _validated(event: Event) -> Event:
    """Struct constructors do not check types; a round trip through the codec does."""
    try:
        payload = encode(event)
    except UnicodeEncodeError as error:  # a lone surrogate: a byte of argv that was not UTF-8
        raise InvalidInput(_unencodable(event, error)) from error
    if len(payload) > MAX_EVENT_BYTES:
        raise InvalidInput(
            f"That is {len(payload) // 1024:,} KiB of text; one event holds at most "
            f"{MAX_EVENT_BYTES // 1024} KiB. Link to a document instead."
        )
    try:
        return msgspec.json.decode(payload, type=type(event))
    except msgspec.ValidationError as error:
        raise InvalidInput(_readable(error, type(event))) from error
    except (TypeError, msgspec.EncodeError) as error:
        raise InvalidInput(str(error)) from error


def _unencodable(event: Event, error: UnicodeEncodeError) -> str:
    """Which field holds text that is not Unicode, and what to do about it."""
    bad = repr(error.object[error.start : error.end])
    for name in event.__struct_fields__:
        if bad[1:-1] in repr(getattr(event, name)):
            return (
                f"{name.replace('_', ' ')}: {bad} is not a character (a byte that is not "
                "UTF-8?); nothing was written. Type the text again as UTF-8."
            )
    return f"{bad} is not a character (a byte that is not UTF-8?); nothing was written."


def _readable(error: msgspec.ValidationError, event_type: type[Event]) -> str:
    message, _, where = str(error).partition(" - at `$.")
    if not where:
        return message
    field = where.rstrip("`")
    if message.startswith("Invalid enum value"):
        choices = next(
            (get_args(f.type) for f in msgspec.structs.fields(event_type) if f.name == field), ()
        )
        if choices:
            message += f"; choose one of: {', '.join(choices)}"
    return f"{field.replace('_', ' ')}: {message}"

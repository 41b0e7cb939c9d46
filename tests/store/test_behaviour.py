"""The store's behaviour, as a story, on both backends.

`StoreBehaviour` is written once; the SQLite and PostgreSQL subclasses only say
which store to use.
"""

import sqlite3
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest

import domain.store
from domain.errors import BlockerAlreadyResolved, ItemNotFound
from domain.service import Staffdeck
from domain.store import StoreError
from tests.conftest import export_of


class StoreBehaviour:
    @pytest.fixture
    def location(self) -> str:
        raise NotImplementedError

    @pytest.fixture
    def deck(self, location, clock):
        deck = Staffdeck(location, actor="ana", clock=clock)
        yield deck
        deck.close()

    def test_new_items_get_short_keys_in_order(self, deck):
        assert deck.open_workstream("Checkout v2", owner="ana").key == "W-1"
        assert deck.open_workstream("Search", owner="bo").key == "W-2"
        assert deck.raise_blocker("PCI audit", workstream="W-1", severity="high").key == "B-1"

    def test_a_resolved_blocker_cannot_be_resolved_again(self, deck, location):
        # A blocker is raised on a workstream and resolved once.
        deck.open_workstream("Checkout v2", owner="ana")
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high")
        deck.resolve_blocker("B-1", resolution="auditor signed off")
        before = export_of(location)
        # Resolving it again is refused, says how to proceed, and writes nothing.
        with pytest.raises(BlockerAlreadyResolved, match="reopen it first"):
            deck.resolve_blocker("B-1", resolution="again")
        assert export_of(location) == before

    def test_history_reads_back_what_was_recorded(self, deck):
        deck.open_workstream("Checkout v2", owner="ana", stakeholders=["cy"])
        deck.report_status("W-1", "at_risk", note="vendor late")
        history = deck.history("W-1")
        assert [type(e).__name__ for e in history] == [
            "WorkstreamOpened",
            "WorkstreamStatusReported",
        ]
        assert history[1].note == "vendor late" and history[1].actor == "ana"

    def test_an_unknown_item_is_a_domain_error(self, deck):
        with pytest.raises(ItemNotFound, match="There is no blocker B-9"):
            deck.resolve_blocker("B-9", resolution="x")

    def record_a_meeting(self, deck) -> None:
        """Twelve events across items, with text that is hard to carry in JSON."""
        deck.open_workstream('Checkout, "v2" [bold]a[/]b', owner="ana")
        deck.raise_blocker("Vendor SDK, late\n", workstream="W-1", owner="cy", severity="high")
        for state in ["at_risk", "off_track", "on_track", "at_risk"]:
            deck.report_status("W-1", state, note="a,b],[{c")
        deck.raise_decision("Ship in Q3?", workstream="W-1", owner="ana")
        deck.escalate_blocker("B-1", to="vp", why="blocks launch")
        deck.resolve_blocker("B-1", resolution="📉 fixed")
        deck.log_note("signal", "x\u2028y", links=["W-1"])
        deck.reopen_blocker("B-1", why="again")
        deck.resolve_blocker("B-1", resolution="done")

    def test_the_rebuild_read_matches_the_library_read_across_pages(self, deck, monkeypatch):
        self.record_a_meeting(deck)
        monkeypatch.setattr(domain.store, "PAGE_ROWS", 5)  # three pages, the last short
        position, events = deck.events_after(0)
        assert events == list(deck.read_events())
        assert len(events) == 12 and position == 12
        assert deck.events_after(position) == (12, [])
        assert deck.events_after(7) == (12, events[7:])

    def test_a_damaged_row_is_named_not_skipped(self, deck, location):
        self.record_a_meeting(deck)
        self.damage(location, deck.recorder.events_table_name, position=6)
        with pytest.raises(StoreError, match="event #6 cannot be read"):
            deck.events_after(0)

    def damage(self, location: str, table: str, position: int) -> None:
        raise NotImplementedError


class TestSQLite(StoreBehaviour):
    @pytest.fixture
    def location(self, sqlite_store):
        return sqlite_store

    def test_a_row_that_is_not_utf8_is_named(self, deck, location):
        self.record_a_meeting(deck)
        with sqlite3.connect(location) as connection:
            connection.execute(
                f"UPDATE {deck.recorder.events_table_name} SET state = ? WHERE rowid = 4",
                (b'{"type":"workstream.status_reported","note":"\xce"}',),
            )
        with pytest.raises(StoreError, match="event #4 cannot be read"):
            deck.events_after(0)

    def damage(self, location, table, position):
        with sqlite3.connect(location) as connection:
            connection.execute(
                f"UPDATE {table} SET state = ? WHERE rowid = ?", (b'{"type":', position)
            )


@pytest.mark.postgres
class TestPostgreSQL(StoreBehaviour):
    @pytest.fixture
    def location(self, postgres_store):
        return postgres_store

    def damage(self, location, table, position):
        url = urlsplit(location)
        schema = parse_qs(url.query)["schema"][0]
        with psycopg.connect(url._replace(query="").geturl(), autocommit=True) as connection:
            connection.execute(
                f"UPDATE {schema}.{table} SET state = %s WHERE notification_id = %s",
                (b'{"type":', position),
            )

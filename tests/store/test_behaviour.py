"""The store's behaviour, as a story, on both backends.

`StoreBehaviour` is written once; the SQLite and PostgreSQL subclasses only say
which store to use.
"""

import pytest

from domain.errors import BlockerAlreadyResolved, ItemNotFound
from domain.service import Staffdeck
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
        assert [type(e).__name__ for e in history] == ["WorkstreamOpened", "WorkstreamStatusReported"]
        assert history[1].note == "vendor late" and history[1].actor == "ana"

    def test_an_unknown_item_is_a_domain_error(self, deck):
        with pytest.raises(ItemNotFound, match="There is no blocker B-9"):
            deck.resolve_blocker("B-9", resolution="x")


class TestSQLite(StoreBehaviour):
    @pytest.fixture
    def location(self, sqlite_store):
        return sqlite_store


@pytest.mark.postgres
class TestPostgreSQL(StoreBehaviour):
    @pytest.fixture
    def location(self, postgres_store):
        return postgres_store

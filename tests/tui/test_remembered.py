"""The dashboard remembers a store's present between launches: the next launch
shows it, with the events since, before all of history is read; and it never
shows a remembered present that is not this store's."""

import asyncio
import shutil

import pytest

import tui.remembered
from domain.service import Staffdeck
from projections.read_models import ReadModels
from tests.tui.conftest import SIZE, fixed_clock, until
from tests.tui.test_dashboard import expected, shown
from tui.screens.dashboard import DashboardScreen, StoreLoaded


@pytest.fixture(autouse=True)
def remember_every_store(monkeypatch, tmp_path):
    monkeypatch.setattr(tui.remembered, "REMEMBER_FROM", 1)  # the sample is small
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def launch(make_app, store: str) -> dict:
    """Open the dashboard until it has read all of history; what it showed first."""
    first: dict = {}

    def hook(message) -> None:
        if isinstance(message, StoreLoaded) and not first:
            first["present"] = message.present if message.remembered else None

    async def scenario():
        app = make_app(store)
        async with app.run_test(size=SIZE, message_hook=hook) as pilot:
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            screen = app.screen
            await until(lambda: screen.by_key is not None, pilot)
            first["shown"], first["expected"] = shown(screen), expected(screen)
            first["count"] = len(screen.present)
            await until(lambda: screen.following, pilot)  # the present saved by then

    asyncio.run(scenario())
    return first


def rebuilt(store: str) -> ReadModels:
    deck = Staffdeck(store, actor="cos", clock=fixed_clock)
    try:
        return ReadModels.of(deck.events_after(0)[1])
    finally:
        deck.close()


def test_the_next_launch_starts_from_the_remembered_present(sample_store, make_app, monkeypatch):
    monkeypatch.setattr(tui.remembered, "REMEMBER_AFTER", 1)  # saved again after one new event
    first = launch(make_app, sample_store)
    assert first["present"] is None
    assert list((tui.remembered.platformdirs.user_cache_path("staffdeck") / "present").iterdir())

    other = Staffdeck(sample_store, actor="pm", clock=fixed_clock)
    try:  # recorded between the two launches
        raised = other.raise_blocker(
            "GPU quota for the eval run", workstream="W-1", severity="critical"
        )
    finally:
        other.close()

    second = launch(make_app, sample_store)
    present = second["present"]
    assert present is not None  # shown before the history was read
    assert raised.key in present.blockers.blockers
    assert present.snapshot() == rebuilt(sample_store).snapshot()
    assert second["count"] == first["count"] + 1
    assert second["shown"] == second["expected"]
    assert raised.key in second["shown"]["blockers"]
    deck = Staffdeck(sample_store, actor="cos", clock=fixed_clock)
    try:  # and saved again, with the new event in it
        assert raised.key in tui.remembered.recall(deck)[0].blockers.blockers
    finally:
        deck.close()


def test_another_store_in_the_same_place_is_not_shown_its_present(
    sample_store, sqlite_store, make_app
):
    launch(make_app, sample_store)
    seed = Staffdeck(sqlite_store, actor="cos", clock=fixed_clock)
    try:
        seed.open_workstream("A different company", owner="Ana")
    finally:
        seed.close()
    shutil.copyfile(sqlite_store, sample_store)  # replaced, as a restore from a backup would

    again = launch(make_app, sample_store)
    assert again["present"] is None
    assert again["shown"]["workstreams"] == ["W-1"] and again["count"] == 1

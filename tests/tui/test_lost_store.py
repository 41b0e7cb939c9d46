"""The dashboard with its store locked or lost, driven by keys.

SQLite locked by another writer (a real second connection): a triage form
submitted meanwhile says it was not written and why, keeps its answers, and
the app goes on. PostgreSQL gone (a TCP proxy in front of the shared test
server, cut and restored; tests/store/tcp_proxy.py): the dashboard says
RECONNECTING, keeps the view it had, and once the server is back says LIVE
and shows what was appended meanwhile, read on from where it was. Outcomes
only: each wait is a guard against a hang, never a measurement.
"""

import asyncio
import sqlite3
import threading

import pytest
from textual.widgets import Input, Static

from domain.service import Staffdeck
from domain.store import STORE_TIMEOUT_ENV
from events import BlockerResolved, tag_of
from tests.tui.conftest import SIZE, fixed_clock, until
from tui.feed import StoreFeed
from tui.screens.dashboard import DashboardScreen
from tui.screens.form import FormScreen
from tui.widgets.pane import Pane

PATIENCE = 30.0  # seconds before the dashboard counts as stuck (reconnecting backs off to 2 s)


@pytest.fixture(autouse=True)
def short_wait(monkeypatch) -> None:
    """A write waits 1 second for a locked or lost store, not the 5 a person gets."""
    monkeypatch.setenv(STORE_TIMEOUT_ENV, "1")


def run(scenario) -> None:
    asyncio.run(scenario())


def events_of(store: str, key: str) -> list:
    deck = Staffdeck(store, actor="checker", clock=fixed_clock)
    try:
        return deck.history(key)
    finally:
        deck.close()


def keys_in(screen: DashboardScreen, pane: str) -> list[str]:
    return screen.query_one(f"#{pane}", Pane).row_keys


def moment_line(screen: DashboardScreen) -> str:
    return str(screen.query_one("#moment-line", Static).render())


def refused(app) -> str:
    shown = app.screen.query_one("#form-refused", Static)
    return str(shown.render()) if shown.display else ""


async def dashboard(app, pilot) -> DashboardScreen:
    await until(lambda: isinstance(app.screen, DashboardScreen) and app.screen.history, pilot)
    return app.screen


async def resolve_form(pilot, app, screen: DashboardScreen, key: str, resolution: str) -> None:
    """Select blocker `key`, press r, and type its resolution, without submitting."""
    await pilot.press("3")
    assert screen.query_one("#blockers", Pane).select(key)
    await pilot.pause()
    await pilot.press("r")
    await until(lambda: isinstance(app.screen, FormScreen), pilot)
    app.screen.query_one("#field-resolution", Input).focus()
    await pilot.press(*resolution)


# ---- SQLite: another writer holds the lock -----------------------------------------


def test_a_form_submitted_while_the_store_is_locked_says_not_written_and_keeps_its_answers(
    sample_store, make_app
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await resolve_form(pilot, app, screen, "B-43", "notice sent")
            before = events_of(sample_store, "B-43")
            holder = sqlite3.connect(sample_store, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
            try:
                await pilot.press("enter")
                await until(lambda: refused(app), pilot, timeout=PATIENCE)
            finally:
                holder.rollback()
                holder.close()
            assert refused(app) == (
                f"Not recorded: The store at {sample_store} is locked by another writer and "
                "stayed locked for 1 second; nothing was written. Try again in a moment."
            )
            assert isinstance(app.screen, FormScreen)  # still open, the answer still typed
            assert app.screen.query_one("#field-resolution", Input).value == "notice sent"
            assert events_of(sample_store, "B-43") == before
            # The lock is gone: the same form, submitted again, is recorded.
            await pilot.press("enter")
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            resolved = events_of(sample_store, "B-43")[-1]
            assert isinstance(resolved, BlockerResolved)
            assert resolved.resolution == "notice sent"
            assert len(events_of(sample_store, "B-43")) == len(before) + 1

    run(scenario)


# ---- PostgreSQL: the server goes away while the dashboard runs -----------------------


@pytest.fixture
def meeting(postgres_store) -> str:
    """A small store: a workstream, two blockers."""
    deck = Staffdeck(postgres_store, actor="cos", clock=fixed_clock)
    try:
        deck.open_workstream("Inference cost", owner="Ana")
        deck.raise_blocker("GPU quota", workstream="W-1", severity="high")
        deck.raise_blocker("Vendor contract", workstream="W-1", severity="medium")
    finally:
        deck.close()
    return postgres_store


def lost(screen: DashboardScreen) -> bool:
    return screen.lost_since is not None


@pytest.mark.postgres
@pytest.mark.slow
def test_the_dashboard_says_reconnecting_keeps_its_view_and_catches_up_when_back(
    meeting, proxy, make_app
):
    async def scenario():
        app = make_app(proxy.url(meeting))
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            history = screen.history
            assert "LIVE" in moment_line(screen)
            assert keys_in(screen, "blockers") == ["B-1", "B-2"]

            proxy.cut()
            await until(lambda: lost(screen), pilot, timeout=PATIENCE)
            assert "RECONNECTING" in moment_line(screen)
            assert "the store is out of reach since 2026-11-20 09:00" in moment_line(screen)
            assert "RECONNECTING" in screen.sub_title
            assert keys_in(screen, "workstreams") == ["W-1"]  # the last known view stays
            assert keys_in(screen, "blockers") == ["B-1", "B-2"]

            # Meanwhile someone else appends, straight to the server.
            other = Staffdeck(meeting, actor="pm", clock=fixed_clock)
            try:
                raised = other.raise_blocker("Eval cluster", workstream="W-1", severity="critical")
            finally:
                other.close()
            assert lost(screen)

            proxy.restore()
            await until(lambda: raised.key in keys_in(screen, "blockers"), pilot, timeout=PATIENCE)
            await until(lambda: not lost(screen), pilot)
            assert "LIVE" in moment_line(screen) and "RECONNECTING" not in moment_line(screen)
            assert "RECONNECTING" not in screen.sub_title
            assert screen.history is history  # read on from where it was, not rebuilt
            assert len(history) == 4 and screen.feed.position == 4
        # Quitting while it follows ends the feed and its threads (run_test returned).

    run(scenario)


@pytest.mark.postgres
@pytest.mark.slow
def test_quitting_while_reconnecting_stops_the_feed(meeting, proxy, make_app, monkeypatch):
    followed = threading.Event()  # the feed's loop has returned
    follow = StoreFeed.follow

    def follow_and_say_so(feed, *args):
        try:
            follow(feed, *args)
        finally:
            followed.set()

    monkeypatch.setattr(StoreFeed, "follow", follow_and_say_so)

    async def scenario():
        app = make_app(proxy.url(meeting))
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            proxy.cut()
            await until(lambda: lost(screen), pilot, timeout=PATIENCE)
            await pilot.press("q")

    run(scenario)
    assert followed.wait(PATIENCE)  # it stopped trying: no thread left behind


@pytest.mark.postgres
@pytest.mark.slow
def test_a_form_submitted_while_the_server_is_away_says_not_written_then_goes_through(
    meeting, proxy, make_app
):
    async def scenario():
        app = make_app(proxy.url(meeting))
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await resolve_form(pilot, app, screen, "B-1", "quota granted")
            proxy.cut()
            await pilot.press("enter")
            await until(lambda: refused(app), pilot, timeout=PATIENCE)
            says = refused(app)
            assert says.startswith("Not recorded: The store at postgresql://")
            assert "is unreachable (" in says
            assert says.endswith("nothing was written. Try again when it is back.")
            assert isinstance(app.screen, FormScreen)
            assert [tag_of(e) for e in events_of(meeting, "B-1")] == ["blocker.raised"]

            proxy.restore()
            await until(lambda: not lost(screen), pilot, timeout=PATIENCE)
            await pilot.press("enter")
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            assert [tag_of(e) for e in events_of(meeting, "B-1")] == [
                "blocker.raised",
                "blocker.resolved",
            ]
            await until(lambda: "B-1" not in keys_in(screen, "blockers"), pilot)

    run(scenario)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_form_whose_commit_answer_is_lost_is_recorded_once(meeting, proxy, make_app):
    async def scenario():
        app = make_app(proxy.url(meeting))
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await resolve_form(pilot, app, screen, "B-1", "quota granted")
            proxy.trip_on(b"COMMIT", once=b"INSERT", after_reply=True)
            await pilot.press("enter")
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot, timeout=PATIENCE)
            assert proxy.tripped.is_set()
            assert any(m.startswith("Recorded: B-1") for m in app.told)
            assert [tag_of(e) for e in events_of(meeting, "B-1")] == [
                "blocker.raised",
                "blocker.resolved",
            ]

    run(scenario)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_form_cut_after_its_commit_with_the_server_gone_says_it_may_be_written(
    meeting, proxy, make_app
):
    async def scenario():
        app = make_app(proxy.url(meeting))
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await resolve_form(pilot, app, screen, "B-1", "quota granted")
            proxy.trip_on(b"COMMIT", once=b"INSERT", after_reply=True, then_cut=True)
            await pilot.press("enter")
            await until(lambda: refused(app), pilot, timeout=PATIENCE)
            says = refused(app)
            assert "may or may not have been written" in says
            assert "Check with `staffdeck log B-1` before trying again." in says
            assert "Not recorded" not in says and "nothing was written" not in says
            assert isinstance(app.screen, FormScreen)
            # It was: "not recorded" would have been false.
            assert [tag_of(e) for e in events_of(meeting, "B-1")] == [
                "blocker.raised",
                "blocker.resolved",
            ]

    run(scenario)

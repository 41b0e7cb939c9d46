"""The dashboard's keys to its other screens, and back."""

import asyncio

from tests.tui.conftest import SIZE, until
from tui.screens.brief import BriefScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.rhythm import RhythmScreen


def run(scenario) -> None:
    asyncio.run(scenario())


async def loaded(app, pilot) -> DashboardScreen:
    await until(lambda: isinstance(app.screen, DashboardScreen) and app.screen.history, pilot)
    return app.screen


def test_b_briefs_the_selected_workstream(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            dashboard = await loaded(app, pilot)
            key = dashboard.selected_key()
            await pilot.press("b")
            await until(lambda: isinstance(app.screen, BriefScreen) and app.screen.text, pilot)
            assert f"**{key}**" in app.screen.text
            await pilot.press("escape")
            assert app.screen is dashboard

    run(scenario)


def test_m_opens_the_rhythm_and_b_there_briefs_the_ritual(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            dashboard = await loaded(app, pilot)
            await pilot.press("M")
            await until(lambda: isinstance(app.screen, RhythmScreen), pilot)
            rhythm = app.screen
            ritual = rhythm.pane.selected_key
            name = dashboard.present.rituals.rituals[ritual].name
            await pilot.press("b")
            await until(lambda: isinstance(app.screen, BriefScreen) and app.screen.text, pilot)
            assert app.screen.text.startswith(f"# {name} ({ritual})")
            await pilot.press("escape", "escape")
            assert app.screen is dashboard

    run(scenario)

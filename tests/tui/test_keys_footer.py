"""The footer shows the keys of the focused pane, and is rebuilt only when they change."""

import asyncio

from tests.tui.conftest import SIZE, until
from tui.screens.dashboard import DashboardScreen
from tui.screens.form import FormScreen
from tui.widgets.keys_footer import KeysFooter


def footer_keys(app) -> list[str]:
    """The footer's keys as drawn: key and description."""
    keys = app.screen.query_one(KeysFooter).query("FooterKey")
    return [f"{key.key} {key.description}".strip() for key in keys]


def test_the_footer_follows_the_focused_pane_and_survives_a_form(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: isinstance(app.screen, DashboardScreen) and app.screen.history,
                        pilot)  # fmt: skip
            await until(lambda: "s Report status" in footer_keys(app), pilot)
            on_workstreams = footer_keys(app)
            assert "r Resolve" not in on_workstreams

            await pilot.press("3")  # the blocker radar: its own keys
            await until(lambda: "r Resolve" in footer_keys(app), pilot)
            assert "s Report status" not in footer_keys(app)

            await pilot.press("1")
            await until(lambda: footer_keys(app) == on_workstreams, pilot)
            drawn = list(app.screen.query_one(KeysFooter).query("FooterKey"))

            # A form over the dashboard, then escape: the same keys, not built again.
            await pilot.press("s")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            await pilot.press("escape")
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            await pilot.pause()
            assert footer_keys(app) == on_workstreams
            assert list(app.screen.query_one(KeysFooter).query("FooterKey")) == drawn

    asyncio.run(scenario())

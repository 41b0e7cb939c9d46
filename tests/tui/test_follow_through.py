"""The follow-through screen (`A`): what is owed, slipped and done, the trend,
and `c` / `x` written through the store (read back on a fresh connection)."""

from events import tag_of
from projections.follow_through import summary
from tests.tui.conftest import NOW, SIZE, until
from tests.tui.test_triage import count, dashboard, last_event, run, submit, type_into
from tui.screens.dashboard import DashboardScreen
from tui.screens.follow_through import ActionsPane, FollowThroughScreen
from tui.screens.form import FormScreen


async def open_actions(app, pilot) -> FollowThroughScreen:
    await dashboard(app, pilot)
    await pilot.press("A")
    await until(lambda: isinstance(app.screen, FollowThroughScreen), pilot)
    return app.screen


def listed(screen: FollowThroughScreen) -> list[str]:
    return screen.query_one(ActionsPane).row_keys


def test_owed_actions_come_slipped_first_and_say_so(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_actions(app, pilot)
            actions = screen.dashboard.present.actions.actions
            owed = [a for a in actions.values() if a.status == "open"]
            slipped = [a for a in owed if a.due < NOW.date()]
            keys = listed(screen)
            assert sorted(keys) == sorted(a.key for a in owed) and slipped
            assert set(keys[: len(slipped)]) == {a.key for a in slipped}
            pane = screen.query_one(ActionsPane)
            late = slipped[0]
            assert pane.cell_text(late.key, "Status") == f"SLIPPED {(NOW.date() - late.due).days}d"
            rate = summary(screen.dashboard.present.actions, NOW).completion_rate
            trend = str(screen.query_one("#trend").render())
            assert f"completion rate {rate:.0%}" in trend and "last 12 weeks" in trend

    run(scenario)


def test_f_shows_slipped_then_done_then_all(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_actions(app, pilot)
            actions = screen.dashboard.present.actions.actions.values()
            await pilot.press("f")
            assert {k for k in listed(screen)} == {
                a.key for a in actions if a.status == "open" and a.due < NOW.date()
            }
            await pilot.press("f")
            assert {k for k in listed(screen)} == {a.key for a in actions if a.status != "open"}
            await pilot.press("f")
            assert len(listed(screen)) == len(actions)

    run(scenario)


def test_c_completes_the_selected_action_in_the_store(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_actions(app, pilot)
            key = listed(screen)[0]
            await pilot.press("c")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            await type_into(pilot, "note", "Sent on Friday")
            await submit(pilot, app)
            event = last_event(sample_store, key)
            assert (tag_of(event), event.note) == ("action.completed", "Sent on Friday")
            await until(lambda: key not in listed(screen), pilot)  # no longer owed
            await pilot.press("f", "f")  # done
            assert key in listed(screen)
            assert screen.query_one(ActionsPane).cell_text(key, "Status") == "completed"

    run(scenario)


def test_x_drops_the_selected_action_with_its_reason(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_actions(app, pilot)
            key = listed(screen)[-1]
            assert screen.query_one(ActionsPane).select(key)
            await pilot.press("x")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            await type_into(pilot, "why", "Overtaken by the pricing decision")
            await submit(pilot, app)
            event = last_event(sample_store, key)
            assert (tag_of(event), event.why) == (
                "action.dropped",
                "Overtaken by the pricing decision",
            )

    run(scenario)


def test_in_the_past_c_is_refused_and_nothing_is_written(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await dashboard(app, pilot)
            await pilot.press("left_curly_bracket")
            before = count(sample_store)
            screen = await open_actions(app, pilot)
            assert "as known at" in screen.sub_title
            await pilot.press("c")
            await pilot.pause()
            assert not isinstance(app.screen, FormScreen)
            assert any("Read-only" in n for n in app.told)
            assert count(sample_store) == before
            await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen)

    run(scenario)

"""The dashboard, driven by keys: what each pane shows, now and as known at any moment."""

import asyncio
import gc
import threading
from datetime import timedelta

import pytest
from textual.color import Color
from textual.geometry import Region

from domain.service import Staffdeck
from tests.tui.conftest import NOW, SIZE, fixed_clock, palette_searched, until
from tui.look import Look
from tui.screens import dashboard
from tui.screens.dashboard import DashboardScreen
from tui.screens.form import FormScreen
from tui.widgets.detail import DetailPane
from tui.widgets.pane import Pane


def keys_in(screen: DashboardScreen, pane: str) -> list[str]:
    return screen.query_one(f"#{pane}", Pane).row_keys


def expected(screen: DashboardScreen) -> dict[str, list[str]]:
    """What the read models say for the moment shown, straight from History.as_of."""
    moment = screen.shown_moment()
    models = screen.history.as_of(moment)
    return {
        "workstreams": [r.key for r in models.workstream_map(moment)],
        "decisions": [r.key for r in models.decision_queue(moment)],
        "blockers": [r.key for r in models.blocker_radar(moment)],
    }


def shown(screen: DashboardScreen) -> dict[str, list[str]]:
    return {pane: keys_in(screen, pane) for pane in ("workstreams", "decisions", "blockers")}


def cells_wrong(screen: DashboardScreen) -> list[tuple[str, str]]:
    """(pane, item) of each row whose cells say other than its row at the moment shown."""
    moment = screen.shown_moment()
    models = screen.history.as_of(moment)
    look = Look.of(screen.app.get_css_variables())
    rows = {
        "workstreams": models.workstream_map(moment),
        "decisions": models.decision_queue(moment),
        "blockers": models.blocker_radar(moment),
    }
    wrong = []
    for name, expected_rows in rows.items():
        pane = screen.query_one(f"#{name}", Pane)
        labels = [label for label, _, _ in pane.COLUMNS]
        for row in expected_rows:
            says = [cell.plain for cell in pane.cells(row, look)]
            if [pane.cell_text(row.key, label) for label in labels] != says:
                wrong.append((name, row.key))
    return wrong


def in_the_past(screen: DashboardScreen) -> bool:
    """The banner is up, and every pane wears the past's border with it."""
    banner = banner_shown(screen)
    warning = Color.parse(screen.app.get_css_variables()["warning"])
    borders = {pane.styles.border_top for pane in screen.query(".pane")}
    assert (borders == {("round", warning)}) == banner
    return banner


def banner_shown(screen: DashboardScreen) -> bool:
    """On the screen's top line, over the header (live, it waits above the screen)."""
    return screen.query_one("#banner").region.y == 0


def loaded(app) -> bool:
    return isinstance(app.screen, DashboardScreen) and app.screen.history is not None


def run(scenario) -> None:
    asyncio.run(scenario())


def test_the_dashboard_opens_on_the_store_as_it_is_now(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            assert screen.live and not in_the_past(screen)
            assert shown(screen) == expected(screen)
            assert all(shown(screen).values())  # every pane has rows

    run(scenario)


def test_what_the_launch_froze_out_of_the_collector_is_released_when_the_dashboard_closes(
    sample_store, make_app
):
    """The history and the widgets are kept out of the collector while the dashboard
    is open; a process that goes on after it (a test run, say) must get them back."""

    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app) and app.screen.launched, pilot)
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() == 0

    run(scenario)


def test_while_the_store_is_read_the_panes_wait_empty_and_the_time_bar_says_so(
    sample_store, make_app, monkeypatch
):
    reading = threading.Event()
    recall = dashboard.recall

    def slow_recall(deck):  # the store itself, read only once the test has looked
        reading.wait(timeout=10)
        return recall(deck)

    monkeypatch.setattr(dashboard, "recall", slow_recall)

    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            await pilot.pause()
            screen = app.screen
            moment_line = screen.query_one("#moment-line")
            assert screen.query_one("#panes").display and not screen.query_one("#empty").display
            assert "Reading the store …" in str(moment_line.render())
            assert shown(screen) == {"workstreams": [], "decisions": [], "blockers": []}
            reading.set()
            await until(lambda: loaded(app), pilot)
            assert "Reading the store" not in str(moment_line.render())
            assert shown(screen) == expected(screen)

    run(scenario)


def test_time_keys_move_the_view_and_every_pane_agrees_with_as_of(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            steps = [
                ("left_square_bracket", NOW - timedelta(days=1)),
                ("left_curly_bracket", NOW - timedelta(days=8)),
                ("left_curly_bracket", NOW - timedelta(days=15)),
                ("right_square_bracket", NOW - timedelta(days=14)),
                ("right_curly_bracket", NOW - timedelta(days=7)),
            ]
            for key, moment in steps:
                await pilot.press(key)
                assert screen.moment == moment
                assert in_the_past(screen)
                assert shown(screen) == expected(screen)
                assert cells_wrong(screen) == []  # each row's cells, ages and all
            await pilot.press("0")
            assert screen.live and not in_the_past(screen)
            assert shown(screen) == expected(screen)
            assert cells_wrong(screen) == []

    run(scenario)


def test_a_step_past_now_returns_to_live(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            await pilot.press("left_square_bracket", "right_curly_bracket")
            assert app.screen.live

    run(scenario)


def test_the_past_has_its_banner_and_every_pane_says_the_moment(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            await pilot.press("left_curly_bracket")
            screen = app.screen
            banner = str(screen.query_one("#banner").render())
            assert "AS KNOWN AT 2026-11-13 09:00 · read-only" in banner
            assert banner_shown(screen)
            for pane in ("workstreams", "decisions", "detail"):
                assert "as known at 2026-11-13 09:00" in str(
                    screen.query_one(f"#{pane}").border_subtitle
                )
            assert "as known at 2026-11-13 09:00" in str(
                screen.query_one("#blockers").border_subtitle
            )

    run(scenario)


def test_the_time_bar_marker_stands_at_the_moment_shown_from_its_first_frame(
    sample_store, make_app
):
    def marker(screen) -> str:
        return str(screen.query_one("#marker").render())

    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app) and app.screen.counts is not None, pilot)
            screen = app.screen
            live = marker(screen)
            assert "2026-11-20 09:00" in live
            # No frame between: the marker is drawn with the moment, not after it.
            screen.go(NOW - timedelta(days=30))
            month_back = marker(screen)
            assert "2026-10-21 09:00" in month_back
            assert month_back.index("▲") < live.index("▲")  # further left: earlier
            await pilot.press("right_curly_bracket")
            assert "2026-10-28 09:00" in marker(screen)
            assert month_back.index("▲") < marker(screen).index("▲")

    run(scenario)


def test_each_pane_on_screen_is_what_it_holds_after_every_key(sample_store, make_app):
    """Panes redraw only the lines that changed: none may be left showing what was."""

    def lines(widget) -> list[list[tuple]]:
        # Through the widget's line cache, as the next frame draws them.
        drawn = widget.render_lines(Region(0, 0, *widget.outer_size))
        return [[(segment.text, segment.style) for segment in strip] for strip in drawn]

    def stale(screen) -> list[str]:
        found = []
        for widget in screen.query(".pane"):
            kept = lines(widget)
            widget.refresh()  # every line drawn afresh from what the pane holds
            if lines(widget) != kept:
                found.append(widget.id)
        return found

    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            keys = [
                "left_square_bracket", "left_curly_bracket", "j", "j", "left_curly_bracket",
                "tab", "k", "right_square_bracket", "end", "left_curly_bracket", "tab", "j",
                "right_curly_bracket", "home", "0", "pagedown", "left_square_bracket", "0",
            ]  # fmt: skip
            for key in keys:
                await pilot.press(key)
                assert stale(screen) == [], key
            other = Staffdeck(sample_store, actor="pm", clock=fixed_clock)
            try:
                raised = other.raise_blocker("Fresh", workstream="W-1", severity="high")
            finally:
                other.close()
            await until(lambda: raised.key in keys_in(screen, "blockers"), pilot)
            assert stale(screen) == []

    run(scenario)


def test_go_to_accepts_relative_dates_and_refuses_nonsense(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            await pilot.press("g", *"soon", "enter")
            assert "is not a date" in str(app.screen.query_one("#go-to-help").render())
            assert app.screen is not screen  # still asking
            await pilot.press(*["backspace"] * 4, *"-2w", "enter")
            assert app.screen is screen
            # A date alone is that whole day, as known by its end.
            assert screen.moment == (NOW - timedelta(days=14)).replace(
                hour=23, minute=59, second=59, microsecond=999999
            )
            assert shown(screen) == expected(screen)
            await pilot.press("g", "escape")
            assert app.screen is screen and not screen.live

    run(scenario)


def test_w_lands_on_the_moment_a_decision_was_made_with_it_selected(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            decisions = screen.history.now.decisions.decisions
            queue = keys_in(screen, "decisions")
            key = next(k for k in queue if decisions[k].decided_at is not None)
            await pilot.press("2")
            pane = screen.query_one("#decisions", Pane)
            pane.select(key)
            await pilot.press("w")
            decided_at = decisions[key].decided_at
            assert screen.moment == decided_at - timedelta(microseconds=1)
            assert pane.selected_key == key  # open then, and still selected
            assert shown(screen) == expected(screen)

    run(scenario)


def test_w_on_an_undecided_decision_says_so_and_stays(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            decisions = screen.history.now.decisions.decisions
            key = next(k for k in keys_in(screen, "decisions") if decisions[k].decided_at is None)
            await pilot.press("2")
            screen.query_one("#decisions", Pane).select(key)
            await pilot.press("w")
            assert screen.live
            assert any(f"{key} has not been decided yet" in n for n in app.told)

    run(scenario)


def test_an_event_from_another_connection_appears_without_a_keypress(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            other = Staffdeck(sample_store, actor="pm", clock=fixed_clock)
            try:
                raised = other.raise_blocker(
                    "[@click=app.quit]x[/] and a[/]b", workstream="W-1", severity="critical"
                )
            finally:
                other.close()
            await until(lambda: raised.key in keys_in(screen, "blockers"), pilot)
            radar = screen.query_one("#blockers", Pane)
            assert radar.cell_text(raised.key, "Blocker") == "[@click=app.quit]x[/] and a[/]b"
            radar.select(raised.key)
            line = radar.render_line(radar.cursor - radar._top + 1).text
            assert "•" + raised.key in line  # marked as new
            assert "[@click=app.quit]x[/] and a[/]b" in line  # drawn as text, not markup
            assert shown(screen) == expected(screen)

    run(scenario)


def test_a_note_linked_to_the_selected_item_shows_in_its_detail_as_it_arrives(
    sample_store, make_app
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app) and app.screen.by_key is not None, pilot)
            screen = app.screen
            key = screen.selected_key()
            other = Staffdeck(sample_store, actor="pm", clock=fixed_clock)
            try:
                note = other.log_note("position", "Ana: [@click=app.quit]no[/] a[/]b", links=[key])
                elsewhere = other.log_note("signal", "Unrelated churn signal", links=["W-2"])
            finally:
                other.close()
            detail = screen.query_one(DetailPane)
            await until(lambda: "Context notes" in detail.text, pilot)
            notes = detail.text.split("Context notes")[1].split("History")[0]
            assert f"position: Ana: [@click=app.quit]no[/] a[/]b  {note.key}, pm" in notes
            assert elsewhere.key not in notes
            history = detail.text.split("\nHistory")[1]
            assert (
                note.key not in history.split("Latest events")[0]
            )  # its own detail, not this one's

    run(scenario)


def test_an_event_arriving_in_the_past_view_leaves_the_moment_alone(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            await pilot.press("left_curly_bracket")
            before = shown(screen)
            count = len(screen.history)
            other = Staffdeck(sample_store, actor="pm", clock=fixed_clock)
            try:
                other.raise_blocker("Arrives while we look back", workstream="W-1", severity="low")
            finally:
                other.close()
            await until(lambda: len(screen.history) == count + 1, pilot)
            assert screen.moment == NOW - timedelta(days=7)
            assert shown(screen) == before

    run(scenario)


def test_the_empty_store_says_how_to_begin(tmp_path, make_app):
    async def scenario():
        app = make_app(str(tmp_path / "new.db"))
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            assert screen.showing == "empty"
            text = str(screen.query_one("#empty").render())
            assert "staffdeck workstream open" in text and "staffdeck demo" in text

    run(scenario)


def test_the_detail_pane_follows_the_selection(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            await pilot.press("3")
            key = keys_in(screen, "blockers")[1]
            await pilot.press("j")
            detail = screen.query_one(DetailPane).text
            state = screen.history.now.blockers.blockers[key]
            assert f"{key}  {state.title}" in detail
            assert "History" in detail and "blocker raised" in detail.lower()

    run(scenario)


def test_the_detail_pane_scrolls_to_the_end_of_a_long_record(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            detail = app.screen.query_one(DetailPane)
            await pilot.press("4")
            assert detail.virtual_size.height > detail.scrollable_content_region.height
            last = _words(detail.text.rstrip().splitlines()[-1])  # wrapped on screen
            assert last not in _words(_shown(detail))
            await pilot.press("end")
            assert detail.scroll_y > 0
            assert _words(_shown(detail)).endswith(last)
            await pilot.press("home")
            assert detail.scroll_y == 0

    run(scenario)


def test_the_detail_scrollbar_follows_its_record_through_time(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            detail = app.screen.query_one(DetailPane)
            await pilot.press("4", "end")  # read to the end, then go back in time
            lengths = set()
            for _ in range(6):
                await pilot.press("left_curly_bracket")
                lines = len(detail.drawn_lines)
                lengths.add(lines)
                room = detail.scrollable_content_region.height
                assert detail.virtual_size.height == lines
                assert detail.show_vertical_scrollbar == (lines > room)
                if lines > room:
                    assert detail.vertical_scrollbar.window_virtual_size == lines
                    await pilot.press("end")
                    last = _words(detail.text.rstrip().splitlines()[-1])
                    assert _words(_shown(detail)).endswith(last)
                assert 0 <= detail.scroll_y <= detail.max_scroll_y
            assert len(lengths) > 1  # the record's length changed on the way

    run(scenario)


def _words(text: str) -> str:
    return " ".join(text.split())


def _shown(widget) -> str:
    """The text on screen in the widget's content area, line by line."""
    height = widget.scrollable_content_region.height
    return "\n".join(widget.render_line(y).text for y in range(height))


def test_play_starts_from_the_beginning_and_p_pauses(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            first = screen.history.first_moment()
            await pilot.press("p")
            assert screen.moment.date() == first.date()
            await pilot.press("p")
            paused_at = screen.moment
            await pilot.pause(1.2)
            assert screen.moment == paused_at

    run(scenario)


def test_narrow_terminals_show_one_pane_at_a_time(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            assert screen.has_class("narrow")
            await pilot.press("3")
            visible = [p.id for p in screen.query(".pane") if p.display and p.region.area]
            assert visible == ["blockers"]

    run(scenario)


def live_append_appears(store: str, make_app) -> None:
    seed = Staffdeck(store, actor="cos", clock=fixed_clock)
    try:
        seed.open_workstream("Inference cost", owner="Ana")
    finally:
        seed.close()

    async def scenario():
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            screen = app.screen
            other = Staffdeck(store, actor="pm", clock=fixed_clock)
            try:
                raised = other.raise_blocker("GPU quota", workstream="W-1", severity="high")
            finally:
                other.close()
            await until(lambda: raised.key in keys_in(screen, "blockers"), pilot)
            assert keys_in(screen, "workstreams") == ["W-1"]

    run(scenario)


def test_a_first_event_turns_the_empty_state_into_the_dashboard(sqlite_store, make_app):
    async def scenario():
        app = make_app(sqlite_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            assert app.screen.showing == "empty"
            other = Staffdeck(sqlite_store, actor="pm", clock=fixed_clock)
            try:
                other.open_workstream("Inference cost", owner="Ana")
            finally:
                other.close()
            await until(lambda: app.screen.showing == "panes", pilot)
            assert keys_in(app.screen, "workstreams") == ["W-1"]
            # Its keys work at once: the pane has the focus, not nothing.
            assert app.screen.focused is app.screen.query_one("#workstreams")
            await pilot.press("s")
            assert isinstance(app.screen, FormScreen)

    run(scenario)


def test_live_on_sqlite(sqlite_store, make_app):
    live_append_appears(sqlite_store, make_app)


@pytest.mark.postgres
def test_live_on_postgres(postgres_store, make_app):
    live_append_appears(postgres_store, make_app)


def test_the_past_keeps_its_border_through_a_change_of_theme(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            await pilot.press("left_curly_bracket")
            before = app.get_css_variables()["warning"]
            app.theme = "staffdeck-high-contrast"
            await pilot.pause()
            assert app.get_css_variables()["warning"] != before
            assert in_the_past(app.screen)  # in the new theme's warning colour
            await pilot.press("0")
            assert not in_the_past(app.screen)

    run(scenario)


def test_the_palette_switches_to_the_projector_theme(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            dashboard = app.screen
            before = _state_colours(dashboard)
            await pilot.press("ctrl+p", *"theme")
            await palette_searched(pilot)
            commands = app.screen
            await pilot.press("enter")  # "Change theme" opens a palette of themes
            await until(lambda: app.screen not in (commands, dashboard), pilot)
            await pilot.press(*"high-contrast")
            await palette_searched(pilot)
            await pilot.press("enter")
            await until(lambda: app.theme == "staffdeck-high-contrast", pilot)
            await pilot.pause()
            # The rows are drawn again in the new theme's colours, not the old one's.
            look = Look.of(app.get_css_variables())
            after = _state_colours(dashboard)
            assert after and after <= {look.good.color, look.warn.color}
            assert not after & before

    run(scenario)


def _state_colours(screen) -> set:
    """The colours the workstream map draws its "on track" and "AT RISK" states in."""
    pane = screen.query_one("#workstreams", Pane)
    segments = [s for y in range(pane.content_size.height) for s in pane.render_line(y)]
    return {s.style.color for s in segments if "on track" in s.text or "AT RISK" in s.text}

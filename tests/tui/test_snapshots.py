"""Every screen, pictured: the sample quarter, a fixed clock, a fixed size.

Look at a changed picture before accepting it (`pytest --snapshot-update`).
"""

from tests.tui.conftest import SIZE, until
from tui.screens.dashboard import DashboardScreen


async def loaded(pilot) -> None:
    """Wait for the store to be read, and name it the same on every machine."""
    app = pilot.app
    await until(lambda: isinstance(app.screen, DashboardScreen) and app.screen.history, pilot)
    app.screen.sub_title = "sample.db"
    await until(lambda: app.screen.counts is not None, pilot)  # the time bar's sparklines
    await pilot.pause()


async def loaded_empty(pilot) -> None:
    app = pilot.app
    await until(
        lambda: isinstance(app.screen, DashboardScreen) and app.screen.history is not None, pilot
    )
    app.screen.sub_title = "new.db"
    await pilot.pause()


def test_live_dashboard(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), terminal_size=SIZE, run_before=loaded)


def test_decision_queue_focused(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), press=["2"], terminal_size=SIZE, run_before=loaded)


def test_blocker_radar_focused_on_its_second_row(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store), press=["3", "j"], terminal_size=SIZE, run_before=loaded
    )


def test_detail_focused(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), press=["4"], terminal_size=SIZE, run_before=loaded)


def test_the_past_with_its_banner(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store),
        press=["left_curly_bracket", "left_curly_bracket"],
        terminal_size=SIZE,
        run_before=loaded,
    )


def test_empty_store(snap_compare, tmp_path, make_app):
    assert snap_compare(
        make_app(str(tmp_path / "new.db")), terminal_size=SIZE, run_before=loaded_empty
    )


def test_narrow_terminal(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), terminal_size=(100, 30), run_before=loaded)


def test_large_terminal(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), terminal_size=(240, 70), run_before=loaded)


def test_help_screen(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store), press=["question_mark"], terminal_size=SIZE, run_before=loaded
    )


def test_go_to_date_with_a_mistake(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store), press=["g", *"soon"], terminal_size=SIZE, run_before=loaded
    )


def test_light_theme(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store, theme="light"), terminal_size=SIZE, run_before=loaded
    )


def test_high_contrast_theme(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store, theme="high-contrast"), terminal_size=SIZE, run_before=loaded
    )


def test_decision_log(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store), press=["L", "j", "j"], terminal_size=SIZE, run_before=loaded
    )


def test_decision_log_searched(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store),
        press=["L", "slash", *"status:decided ws:w-1", "enter"],
        terminal_size=SIZE,
        run_before=loaded,
    )


def test_follow_through(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), press=["A"], terminal_size=SIZE, run_before=loaded)


def test_shared_context(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), press=["C"], terminal_size=SIZE, run_before=loaded)

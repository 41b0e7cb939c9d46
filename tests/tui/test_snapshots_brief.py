"""The brief screen (`b`), pictured: the sample quarter, a fixed clock, a fixed size.

Look at a changed picture before accepting it (`pytest --snapshot-update`).
"""

from tests.tui.conftest import SIZE, until
from tests.tui.test_snapshots import loaded
from tui.screens.brief import BriefScreen, brief_for_selection


async def briefed(pilot) -> None:
    """The brief on the selected workstream, prepared and drawn."""
    await loaded(pilot)
    app = pilot.app
    app.push_screen(brief_for_selection(app.screen))
    await until(lambda: isinstance(app.screen, BriefScreen) and app.screen.text, pilot)
    await pilot.pause()


def test_brief_on_the_selected_workstream(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), terminal_size=SIZE, run_before=briefed)


def test_brief_save_dialog(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), press=["s"], terminal_size=SIZE, run_before=briefed)

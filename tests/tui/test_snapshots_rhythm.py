"""The operating-rhythm screen, pictured: the sample quarter, a fixed clock, a
fixed size — live, on its retirement candidate, in the past, and its `h` form.

Look at a changed picture before accepting it (`pytest --snapshot-update`).
"""

from tests.tui.conftest import SIZE, until
from tests.tui.test_snapshots import loaded
from tui.screens.rhythm import RhythmScreen

CANDIDATE_ROW = 5  # R-7, the Sales sync: j five times from the first row


def rhythm(*keys: str):
    """Wait for the store (and the meetings' notes), press `keys` on the
    dashboard, then open the rhythm screen over it."""

    async def run_before(pilot) -> None:
        app = pilot.app
        await loaded(pilot)
        await until(lambda: app.screen.by_key is not None, pilot)
        await pilot.press(*keys)
        app.push_screen(RhythmScreen(app.screen))
        await until(lambda: isinstance(app.screen, RhythmScreen), pilot)
        await pilot.pause()

    return run_before


def test_rhythm(snap_compare, sample_store, make_app):
    assert snap_compare(make_app(sample_store), terminal_size=SIZE, run_before=rhythm())


def test_rhythm_on_the_retirement_candidate(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store), press=["j"] * CANDIDATE_ROW, terminal_size=SIZE, run_before=rhythm()
    )


def test_rhythm_in_the_past(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store), terminal_size=SIZE, run_before=rhythm(*["left_curly_bracket"] * 3)
    )


def test_rhythm_hold_form(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store),
        press=[*["j"] * CANDIDATE_ROW, "h"],
        terminal_size=SIZE,
        run_before=rhythm(),
    )

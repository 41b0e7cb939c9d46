"""Every triage form, the `n` picker, the undo confirmation, the palette and a
filtered pane, pictured: the sample quarter, a fixed clock, a fixed size.

Look at a changed picture before accepting it (`pytest --snapshot-update`).
"""

import pytest

from tests.tui.conftest import SIZE
from tests.tui.test_snapshots import loaded
from tests.tui.test_triage import PANE_KEYS
from tui.widgets.pane import Pane


def on(pane: str, key: str):
    """Wait for the store, then select `key` on `pane` (the picture's starting point)."""

    async def run_before(pilot) -> None:
        await loaded(pilot)
        await pilot.press(PANE_KEYS[pane])
        assert pilot.app.screen.query_one(f"#{pane}", Pane).select(key)
        await pilot.pause()

    return run_before


FORMS = [
    ("decisions", "D-22", ["d"]),
    ("decisions", "D-55", ["f"]),
    ("decisions", "D-17", ["o"]),
    ("decisions", "D-55", ["x"]),
    ("decisions", "D-55", ["s"]),
    ("blockers", "B-43", ["r"]),
    ("blockers", "B-43", ["e"]),
    ("blockers", "B-43", ["a"]),
    ("blockers", "B-43", ["o"]),
    ("workstreams", "W-2", ["s"]),
    ("workstreams", "W-2", ["e"]),
    ("workstreams", "W-2", ["E"]),
    ("workstreams", "W-2", ["x"]),
    ("workstreams", "W-2", ["a"]),
    ("workstreams", "W-2", ["n"]),
    *[("workstreams", "W-2", ["n", key]) for key in "wdbran"],
]


@pytest.mark.parametrize(
    "pane, item, keys", FORMS, ids=[f"{pane}-{'-'.join(keys)}" for pane, _, keys in FORMS]
)
def test_form(snap_compare, sample_store, make_app, pane, item, keys):
    assert snap_compare(
        make_app(sample_store), press=keys, terminal_size=SIZE, run_before=on(pane, item)
    )


def test_raising_a_decision_shows_the_similar_ones(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store),
        press=["n", "d", *"Add another GPU provider?"],
        terminal_size=SIZE,
        run_before=on("workstreams", "W-6"),
    )


def test_a_form_with_a_mistake_and_a_missing_field(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store),
        press=["f", *"next tuesday", "tab", "tab", "ctrl+s"],
        terminal_size=SIZE,
        run_before=on("decisions", "D-55"),
    )


def test_undo_asks_first(snap_compare, sample_store, make_app):
    async def resolved_then_undo(pilot) -> None:
        await on("blockers", "B-43")(pilot)
        await pilot.press("r", *"notice sent", "enter")
        screen = pilot.app.screen
        while not screen.triage_desk.done:
            await pilot.pause(0.02)
        await pilot.pause(0.3)
        screen.fresh.clear()
        pilot.app.clear_notifications()
        await pilot.press("u")
        while type(pilot.app.screen).__name__ != "Confirm":
            await pilot.pause(0.02)

    assert snap_compare(make_app(sample_store), terminal_size=SIZE, run_before=resolved_then_undo)


def test_the_palette_offers_the_selected_blockers_actions(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store),
        press=["ctrl+p", *"B-43"],
        terminal_size=SIZE,
        run_before=on("blockers", "B-43"),
    )


def test_a_filtered_pane(snap_compare, sample_store, make_app):
    assert snap_compare(
        make_app(sample_store),
        press=["slash", *"status:escalated", "enter"],
        terminal_size=SIZE,
        run_before=on("blockers", "B-43"),
    )

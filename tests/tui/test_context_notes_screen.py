"""The shared-context screen (`C`): every note as known at the moment shown,
searched by its words, narrowed by kind: and link:, new ones arriving live."""

import asyncio

from domain.service import Staffdeck
from projections.context_notes import ContextNotes
from tests.tui.conftest import SIZE, fixed_clock, until
from tui.screens.context_notes import NotesPane, NotesScreen
from tui.screens.dashboard import DashboardScreen
from tui.widgets.detail import DetailPane


def run(scenario) -> None:
    asyncio.run(scenario())


async def open_notes(app, pilot) -> NotesScreen:
    await until(lambda: isinstance(app.screen, DashboardScreen) and app.screen.history, pilot)
    await pilot.press("C")
    await until(lambda: isinstance(app.screen, NotesScreen), pilot)
    return app.screen


def listed(screen: NotesScreen) -> list[str]:
    return screen.query_one(NotesPane).row_keys


def test_every_note_newest_first_then_narrowed_by_words_kind_and_link(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_notes(app, pilot)
            notes = ContextNotes.of(screen.dashboard.history.events)
            assert listed(screen) == [n.key for n in notes.search("")]
            bet = next(n for n in notes.notes.values() if n.kind == "bet" and n.links)
            await pilot.press("slash", *f"kind:bet link:{bet.links[0].lower()}", "enter")
            keys = listed(screen)
            assert bet.key in keys
            assert all(
                notes.notes[k].kind == "bet" and bet.links[0] in notes.notes[k].links for k in keys
            )
            screen.query_one(NotesPane).select(bet.key)
            await pilot.pause()
            record = screen.query_one("#note", DetailPane).text
            assert bet.text in record and f"{bet.links[0]}  " in record

    run(scenario)


def test_a_note_logged_elsewhere_appears_and_stays_text(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_notes(app, pilot)
            other = Staffdeck(sample_store, actor="pm", clock=fixed_clock)
            try:
                note = other.log_note(
                    "must-say", "Say it: [@click=app.quit]no[/] a[/]b", links=["W-1"]
                )
            finally:
                other.close()
            await until(lambda: listed(screen)[:1] == [note.key], pilot)
            pane = screen.query_one(NotesPane)
            assert pane.cell_text(note.key, "Note") == "Say it: [@click=app.quit]no[/] a[/]b"
            await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen)

    run(scenario)

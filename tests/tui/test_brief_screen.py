"""The brief screen (`b`): the principal's context brief, read, then saved to a file."""

import asyncio
from datetime import timedelta
from types import SimpleNamespace

from textual.widgets import Input, Markdown
from textual.widgets.markdown import MarkdownBlock

from domain.service import Staffdeck
from projections.brief import brief
from projections.brief_markdown import markdown
from tests.tui.conftest import NOW, SIZE, fixed_clock, until
from tui.screens.brief import BriefScreen, SaveBrief, brief_for_selection
from tui.screens.dashboard import DashboardScreen

HOSTILE = "[@click=app.quit]x[/] a[/]b"


def run(scenario) -> None:
    asyncio.run(scenario())


def loaded(app) -> bool:
    return isinstance(app.screen, DashboardScreen) and app.screen.history is not None


async def open_brief(app, pilot) -> BriefScreen:
    """The brief on the dashboard's selected workstream, once prepared and shown."""
    await until(lambda: loaded(app), pilot)
    screen = brief_for_selection(app.screen)
    assert screen is not None
    app.push_screen(screen)
    await until(lambda: screen.text is not None, pilot)
    return screen


def expected(dashboard: DashboardScreen) -> str:
    """The Markdown `staffdeck brief --workstream KEY` writes for the same moment."""
    key = dashboard.workstream_in_view()
    return markdown(brief(dashboard.history, dashboard.shown_moment(), workstreams=[key]))


def shown_text(screen: BriefScreen) -> str:
    return "\n".join(str(block.content) for block in screen.query(MarkdownBlock))


def waiting_text(screen: BriefScreen) -> str:
    found = screen.query("#brief-waiting")
    return str(found.first().content) if found else ""


def test_the_preview_is_the_brief_the_cli_writes(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            dashboard = app.screen
            key = dashboard.selected_key()
            assert key is not None and key.startswith("W-")
            screen = await open_brief(app, pilot)
            assert screen.query_one(Markdown).source == screen.text == expected(dashboard)
            assert f"Brief on {key}" in shown_text(screen)
            await pilot.press("escape")
            assert app.screen is dashboard

    run(scenario)


def test_a_selected_decision_briefs_its_workstream(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            dashboard = app.screen
            await pilot.press("2")  # the decision queue
            decision = dashboard.selected_key()
            workstream = dashboard.present.decisions.decisions[decision].workstream
            screen = await open_brief(app, pilot)
            assert screen.workstreams == (workstream,)
            assert screen.text == expected(dashboard)

    run(scenario)


def test_s_then_enter_saves_the_brief_beside_you(sample_store, make_app, tmp_path, monkeypatch):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_brief(app, pilot)
            await pilot.press("s")
            await until(lambda: isinstance(app.screen, SaveBrief), pilot)
            assert app.screen.query_one(Input).value == f"brief-{key}-2026-11-20.md"
            await pilot.press("enter")
            await until(lambda: app.screen is screen, pilot)
            saved = out / f"brief-{key}-2026-11-20.md"
            assert saved.read_text() == screen.text
            assert [p.name for p in out.iterdir()] == [saved.name]  # nothing left beside it
            assert any(f"Saved the brief to {saved}" in n for n in app.told)

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    key = "W-1"  # selected first on the sample quarter's dashboard
    run(scenario)


def test_a_typed_path_replaces_the_suggested_one(sample_store, make_app, tmp_path, monkeypatch):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_brief(app, pilot)
            await pilot.press("s", *"mine.md", "enter")  # the suggestion is selected: typed over
            await until(lambda: app.screen is screen, pilot)
            assert [p.name for p in out.iterdir()] == ["mine.md"]
            assert (out / "mine.md").read_text() == screen.text

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    run(scenario)


def test_a_folder_is_refused_and_nothing_is_written(sample_store, make_app, tmp_path, monkeypatch):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await open_brief(app, pilot)
            await pilot.press("s", *"notes", "enter")
            dialog = app.screen
            assert isinstance(dialog, SaveBrief)  # still open: the path can be corrected
            problem = str(dialog.query_one("#save-brief-help").content)
            assert "notes is a folder" in problem
            assert list(notes.iterdir()) == [] and sorted(p.name for p in out.iterdir()) == [
                "notes"
            ]
            await pilot.press("escape")
            assert isinstance(app.screen, BriefScreen)

    out = tmp_path / "out"
    notes = out / "notes"
    notes.mkdir(parents=True)
    monkeypatch.chdir(out)
    run(scenario)


def test_a_missing_folder_is_refused(sample_store, make_app, tmp_path):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await open_brief(app, pilot)
            await pilot.press("s")
            await until(lambda: isinstance(app.screen, SaveBrief), pilot)
            app.screen.query_one(Input).value = str(tmp_path / "nowhere" / "brief.md")
            await pilot.press("enter")
            assert isinstance(app.screen, SaveBrief)
            assert "There is no folder" in str(app.screen.query_one("#save-brief-help").content)
            assert not (tmp_path / "nowhere").exists()

    run(scenario)


def test_hostile_titles_show_as_typed(tmp_path, make_app):
    async def scenario():
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_brief(app, pilot)
            await pilot.pause()
            assert app.is_running and app.screen is screen
            text = shown_text(screen)
            assert f"W-1 {HOSTILE}" in text and "Ana [b]Lima[/b]" in text
            await pilot.click(MarkdownBlock, offset=(2, 0))  # a click quits nothing
            assert app.is_running

    store = str(tmp_path / "hostile.db")
    deck = Staffdeck(store, actor="cos", clock=fixed_clock)
    deck.open_workstream(HOSTILE, owner="Ana [b]Lima[/b]", at=NOW - timedelta(days=1))
    deck.close()
    run(scenario)


def test_in_the_past_the_brief_is_as_known_then(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            dashboard = app.screen
            await pilot.press(*["left_curly_bracket"] * 4)
            moment = dashboard.moment
            assert moment is not None
            screen = await open_brief(app, pilot)
            assert screen.moment == moment
            assert screen.text == expected(dashboard)
            key = screen.workstreams[0]
            now = markdown(brief(dashboard.history, NOW, workstreams=[key]))
            assert screen.text != now
            assert f"**As known at:** {moment:%Y-%m-%d %H:%M} UTC" in screen.text

    run(scenario)


def test_a_ritual_is_briefed_and_an_unknown_key_is_refused(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            history = app.screen.history
            ritual = BriefScreen(history, NOW, ritual="R-1")  # as the rhythm screen opens it
            app.push_screen(ritual)
            await until(lambda: ritual.text is not None, pilot)
            assert ritual.text == markdown(brief(history, NOW, ritual="R-1"))
            assert str(ritual.default_path) == "brief-R-1-2026-11-20.md"
            await pilot.press("escape")
            unknown = BriefScreen(history, NOW, workstreams=["W-999"])
            app.push_screen(unknown)
            await until(lambda: "No brief" in waiting_text(unknown), pilot)
            assert "There is no workstream W-999" in waiting_text(unknown)
            assert unknown.text is None
            await pilot.press("s")
            assert app.screen is unknown  # nothing to save

    run(scenario)


def test_nothing_selected_or_history_unread_gives_no_brief(tmp_path, make_app):
    async def scenario():
        app = make_app(str(tmp_path / "new.db"))
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            assert brief_for_selection(app.screen) is None
            await until(lambda: any("Select a workstream" in n for n in app.told), pilot)

    run(scenario)
    said = []
    reading = SimpleNamespace(history=None, notify=lambda message, **_: said.append(message))
    assert brief_for_selection(reading) is None
    assert said and "Still reading the history" in said[0]

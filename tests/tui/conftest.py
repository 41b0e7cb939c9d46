"""The dashboard under test: the sample quarter in a real store, a fixed clock."""

import asyncio
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, TextArea

import tui.app
from domain.service import Staffdeck
from tui.app import StaffdeckApp
from tui.demo import prepare_demo

# The sample quarter ends on 2026-11-19; the meeting is the next morning.
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SIZE = (160, 45)


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch) -> None:
    """A text cursor blinks every half second: a picture taken on a busy machine
    caught it off. In tests it stays on, as the fixed clock stays still."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(scope="session")
def sample_store_template(tmp_path_factory) -> Path:
    """The sample imported once; each test gets a copy of the file."""
    return prepare_demo(tmp_path_factory.mktemp("sample"), NOW, shift=False)


@pytest.fixture
def sample_store(sample_store_template, tmp_path) -> str:
    store = tmp_path / "sample.db"
    shutil.copy(sample_store_template, store)
    return str(store)


class RecordingApp(StaffdeckApp):
    """The app, keeping every message it was told to show: a toast fades after
    its timeout, and a loaded machine can take longer than that to look."""

    CSS_PATH = Path(tui.app.__file__).parent / StaffdeckApp.CSS_PATH  # not beside this file

    def __init__(self, *args, **options) -> None:
        super().__init__(*args, **options)
        self.told: list[str] = []

    def notify(self, message: str, **options) -> None:
        self.told.append(str(message))
        super().notify(message, **options)


@pytest.fixture
def make_app() -> Callable[..., StaffdeckApp]:
    decks: list[Staffdeck] = []

    def make(store: str, **options) -> RecordingApp:
        deck = Staffdeck(store, actor="cos", clock=fixed_clock)
        decks.append(deck)
        # Twenty hidden forms built beside what each test is about would slow the
        # suite and race its keys: the tests of forms ask for them.
        options.setdefault("forms_ahead", False)
        return RecordingApp(deck, clock=fixed_clock, **options)

    yield make
    for deck in decks:
        deck.close()


async def until(condition: Callable[[], bool], pilot, timeout: float = 60.0) -> None:
    """Let the app run until `condition` holds (a worker finished, an event arrived).

    The deadline only turns a hang into a failure: on a slow host a launch that
    builds every form ahead has taken over 5 s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the dashboard did not get there in time")
        await pilot.pause(0.01)
    await pilot.pause()


async def palette_searched(pilot) -> None:
    """Until the command palette on top shows its results for what was typed: it
    searches in a worker, and a key pressed before the search is done acts on the
    results shown so far (on a busy machine, none)."""
    palette = pilot.app.screen
    search = CommandPalette._GATHER_COMMANDS_GROUP
    await until(
        lambda: (
            palette.has_class("-ready")
            and not any(w.is_running for w in palette.workers if w.group == search)
        ),
        pilot,
    )

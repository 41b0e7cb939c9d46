"""The staffdeck dashboard: the App, its themes and its global keys."""

from collections.abc import Callable
from datetime import datetime

from textual.app import App
from textual.binding import Binding

from domain.service import Staffdeck
from events import utc_now
from tui.commands import TriageCommands
from tui.screens.dashboard import DashboardScreen
from tui.screens.help import HelpScreen
from tui.themes import THEMES


class StaffdeckApp(App):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {TriageCommands}
    TITLE = "staffdeck"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys"),
    ]

    def __init__(
        self,
        deck: Staffdeck,
        *,
        theme: str = "default",
        clock: Callable[[], datetime] = utc_now,
    ):
        super().__init__()
        self.deck = deck
        self.clock = clock
        for look in THEMES.values():
            self.register_theme(look)
        self.theme = THEMES[theme].name

    def on_mount(self) -> None:
        self.push_screen(DashboardScreen(self.deck))

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

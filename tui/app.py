"""The staffdeck dashboard: the App, its themes and its global keys."""

from collections.abc import Callable
from datetime import datetime

from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette

from domain.service import Staffdeck
from events import utc_now
from tui.commands import Palette, TriageCommands
from tui.screens.dashboard import DashboardScreen
from tui.screens.help import HelpScreen
from tui.themes import THEMES
from tui.visible import visible

TOAST_LENGTH = 300  # characters: a 10,000-character title is cut, not a screenful


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
        forms_ahead: bool = True,
    ):
        super().__init__()
        self.deck = deck
        self.clock = clock
        self.forms_ahead = forms_ahead  # build the triage forms once the launch is done
        for look in THEMES.values():
            self.register_theme(look)
        self.theme = THEMES[theme].name

    def on_mount(self) -> None:
        self.push_screen(DashboardScreen(self.deck))

    def notify(self, message: str, **options) -> None:
        """Every toast: what it quotes of user text (a title, a refusal naming
        one) is shown with its controls as marks, and cut to a notice's length.
        Text with user text in it is passed with markup=False, so it is never
        read as markup either (and only such text is cut: a cut tag would break)."""
        message = visible(message, lines=True)
        if not options.get("markup", True) and len(message) > TOAST_LENGTH:
            message = message[: TOAST_LENGTH - 1] + "…"
        super().notify(message, **options)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

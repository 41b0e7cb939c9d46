"""`?`: every key, where it applies."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    (
        "Anywhere",
        [
            ("1 2 3 4, tab", "move between the panes"),
            ("j k, ↑ ↓", "move within a pane"),
            ("?", "this help"),
            ("ctrl+p", "command palette (themes, keys, quit)"),
            ("q", "quit"),
        ],
    ),
    (
        "Time",
        [
            ("[  ]", "one day back / forward"),
            ("{  }", "one week back / forward"),
            ("g", "go to a date: 2026-09-14, -3d, -2w, yesterday"),
            ("0", "back to live"),
            ("p", "play history forward, a day a second (p again pauses)"),
        ],
    ),
    (
        "Decision queue",
        [
            ("w", "as known when the selected decision was made"),
        ],
    ),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        text = Text()
        for section, keys in KEYS:
            text.append(f"\n{section}\n", style="bold underline")
            for key, what in keys:
                text.append(f"  {key:<14}", style="bold")
                text.append(f"{what}\n")
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("staffdeck keys", classes="dialog-title")
            yield Static(text)
            yield Static(
                "In the past the dashboard is read-only; 0 returns to live.",
                classes="dialog-help",
            )

    def action_close(self) -> None:
        self.dismiss(None)

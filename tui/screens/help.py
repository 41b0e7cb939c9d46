"""`?`: every key, where it applies."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import BY_PANE


def _triage_keys(pane: str) -> list[tuple[str, str]]:
    return [(key_name(t.key), t.label.lower()) for t in BY_PANE[pane]]


def key_name(key: str) -> str:
    return {"plus": "+", "minus": "-"}.get(key, key)


KEYS = [
    (
        "Anywhere",
        [
            ("1 2 3 4, tab", "move between the panes"),
            ("j k, ↑ ↓", "move within a pane"),
            ("enter", "the selected item's detail"),
            ("/", "filter the pane: words, owner:NAME ws:W-1 sev:high status:overdue"),
            ("n", "new: w workstream, d decision, b blocker, r ritual, a action, n note"),
            ("u", "undo your last change: appends its opposite, after a yes"),
            ("L", "the decision log: search every record; < > follow supersessions"),
            ("A", "follow-through: c completes an action, x drops it, f owed/slipped/done"),
            ("M", "the operating rhythm: h records a meeting, R retires, b its brief"),
            ("b", "the principal's brief on the selected workstream (s saves it)"),
            ("C", "shared context: every note, searched; kind:bet link:W-1 narrow it"),
            ("?", "this help"),
            ("ctrl+p", "command palette: actions for the selection, themes"),
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
    ("Workstream map", _triage_keys("workstreams")),
    (
        "Decision queue",
        [*_triage_keys("decisions"), ("w", "as known when the selected decision was made")],
    ),
    ("Blocker radar", _triage_keys("blockers")),
    (
        "Forms",
        [
            ("enter", "submit (ctrl+s from a multi-line field)"),
            ("escape", "cancel: nothing is written"),
            ("tab", "next field"),
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
                "In the past the dashboard is read-only: every change is refused; 0 returns to live.",
                classes="dialog-help",
            )

    def action_close(self) -> None:
        self.dismiss(None)

"""A yes or no, saying exactly what yes will do."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.look import marked, said


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, body: Text, *, yes: str = "Yes"):
        super().__init__()
        self.title_text = title
        self.body = body
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Label(said(self.title_text), classes="dialog-title")
            yield Static(marked(self.body, lines=True))
            yield Static(f"y / enter: {self.yes} · n / escape: cancel", classes="dialog-help")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

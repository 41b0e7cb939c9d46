"""`n`: what to create — a key per kind of item."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.actions import BY_PANE


class CreatePicker(ModalScreen[str | None]):
    """Dismisses with the chosen action's name (new_blocker, …) or None."""

    BINDINGS = [
        Binding("escape", "pick(None)", "Cancel"),
        *[Binding(t.key, f"pick('{t.name}')", t.label, show=False) for t in BY_PANE["new"]],
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="create", classes="dialog"):
            yield Label("New …", classes="dialog-title")
            yield OptionList(
                *[Option(Text(f"{t.key}  {t.label}"), id=t.name) for t in BY_PANE["new"]]
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, name: str | None) -> None:
        self.dismiss(name)

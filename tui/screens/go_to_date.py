"""`g`: go to a date, typed as people type dates."""

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Label, Static

from tui.dates import FORMS, DateInputError, parse_moment, through_the_day
from tui.look import CONTROL_MARKS
from tui.visible import visible


def moment_of(text: str, now: datetime) -> datetime:
    """A date alone means that whole day, as known by its end (as `show --as-of` does)."""
    return through_the_day(text, parse_moment(text, now))


class _Moment(Validator):
    def __init__(self, now: datetime):
        super().__init__()
        self.now = now

    def validate(self, value: str) -> ValidationResult:
        try:
            moment_of(value, self.now)
        except DateInputError as error:
            return self.failure(str(error))
        return self.success()


class GoToDate(ModalScreen[datetime | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, now: datetime):
        super().__init__()
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(id="go-to-date", classes="dialog"):
            yield Label("Go to a date: the dashboard as known then", classes="dialog-title")
            yield Input(
                placeholder="2026-09-14, -3d, -2w, yesterday",
                validators=[_Moment(self.now)],
                highlighter=CONTROL_MARKS,
            )
            yield Static(f"Accepts {FORMS}.", id="go-to-help", classes="dialog-help")

    def on_input_changed(self, event: Input.Changed) -> None:
        result = event.validation_result
        problem = result.failure_descriptions[0] if result and not result.is_valid else ""
        # The problem quotes what was typed: data, never markup.
        shown = Text(visible(problem or f"Accepts {FORMS}."))
        self.query_one("#go-to-help", Static).update(shown)
        self.query_one("#go-to-help").set_class(bool(problem), "error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.validation_result and not event.validation_result.is_valid:
            return  # the problem is already shown under the field
        self.dismiss(moment_of(event.value, self.now))

    def action_cancel(self) -> None:
        self.dismiss(None)

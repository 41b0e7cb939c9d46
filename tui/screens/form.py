"""A form for one triage action: fields that check themselves as you type.

`enter` on a one-line field (or `ctrl+s` anywhere) submits, `escape` cancels.
The form writes through the store itself, in a worker thread: a rule the
domain refuses is shown in the form and nothing is written; once the store
has the event the form closes with it (the typed result of the screen).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from domain.errors import DomainError
from domain.store import StoreError, WriteUncertain
from events import Event
from tui.look import CONTROL_MARKS, said
from tui.visible import visible

Answers = dict[str, Any]  # field name → its parsed value


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: Literal["text", "long", "choice"] = "text"  # Input, TextArea or Select
    required: bool = True
    value: str = ""
    choices: tuple[str, ...] = ()  # a Select's values; suggestions for a text field
    placeholder: str = ""
    hint: str = ""  # a line under the label (the recorded options, the date forms)
    # Turns the typed text into the answer; a ValueError's message is the problem shown.
    parse: Callable[[str], Any] | None = None


class LongText(TextArea):
    """A multi-line field whose lines are drawn with their controls as marks
    (a paste may hold ESC); the text itself is kept as it is."""

    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        return Text(visible(line, lines=True), end="", no_wrap=True)


class FormBody(VerticalScroll, can_focus=False):
    """Scrolls when the form is taller than the terminal; the fields take the focus."""


class FormScreen(ModalScreen[Event | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Submit"),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        write: Callable[[Answers], Event],
        *,
        aside: Callable[[Answers], Text] | None = None,
        warning: str = "",
    ):
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.write = write
        self.aside = aside  # something to show beside the answers, as they change
        self.warning = warning
        self.writing = False
        self._saying: dict[str, str] = {}  # what each message line shows now (none: "")

    def compose(self) -> ComposeResult:
        with FormBody(classes="dialog form"):
            yield Label(said(self.title_text), classes="dialog-title")
            # A field's parts straight in the body, no container of their own: each
            # widget is mounted, styled and styled again as the form opens.
            for number, field in enumerate(self.fields):
                mark = "" if field.required else "  (optional)"
                yield Label(said(field.label + mark), classes="form-label")
                if field.hint:
                    yield Static(said(field.hint), id=f"hint-{field.name}", classes="form-hint")
                yield self._widget(field)
                yield Static("", id=f"problem-{field.name}", classes="form-problem")
                if number == 0 and self.aside is not None:  # beside what it is about
                    yield Static("", id="form-aside", classes="form-aside")
            if self.warning:
                yield Static(said(self.warning), classes="form-warning")
            yield Static("", id="form-refused", classes="form-refused")
            yield Static(
                "enter submits (ctrl+s from a multi-line field) · escape cancels",
                classes="dialog-help",
            )

    def _widget(self, field: Field) -> Widget:
        widget_id = f"field-{field.name}"
        if field.kind == "choice":
            return Select(
                _options(field),
                value=field.value if field.value in field.choices else Select.NULL,
                allow_blank=not field.required or field.value not in field.choices,
                prompt="Choose …",
                id=widget_id,
            )
        if field.kind == "long":
            area = LongText(field.value, id=widget_id, soft_wrap=True, tab_behavior="focus")
            area.placeholder = field.placeholder
            return area
        return Input(
            field.value,
            placeholder=field.placeholder,
            id=widget_id,
            suggester=_suggester(field),
            highlighter=CONTROL_MARKS,
        )

    def on_mount(self) -> None:
        if not self.app.is_running:  # built ahead as the app quits: its fields are gone
            return
        for shown in self.query(".form-problem, .form-refused"):
            shown.display = False
        self.query_one(f"#field-{self.fields[0].name}").focus()
        self._show_aside()

    # ---- opened again ----------------------------------------------------------

    def takes(self, fields: list[Field], *, aside: bool, warning: str) -> bool:
        """Whether these fields are the ones built here, but for their values:
        then this form can be opened again for them."""
        if (aside, warning) != (self.aside is not None, self.warning):
            return False
        return list(map(_shape, fields)) == list(map(_shape, self.fields))

    def reopen(
        self,
        title: str,
        fields: list[Field],
        write: Callable[[Answers], Event],
        *,
        aside: Callable[[Answers], Text] | None = None,
    ) -> None:
        """Ready this form (closed, and `takes` the fields) for another item, as
        a new one would open: its choices and hints, the values given, no message,
        the first field focused.

        Opening a form anew mounts and styles ~30 widgets before its first frame,
        most of a triage key's 50 ms; a form opened again only changes its text."""
        before = {field.name: field for field in self.fields}
        self.title_text, self.fields, self.write, self.aside = title, fields, write, aside
        self.writing = False
        self.query_one(".dialog-title", Label).update(said(title))
        for field in fields:
            widget, was = self.query_one(f"#field-{field.name}"), before[field.name]
            if field.hint != was.hint:
                self.query_one(f"#hint-{field.name}", Static).update(said(field.hint))
            if isinstance(widget, Select):
                widget.expanded = False
                if field.choices != was.choices:
                    widget.set_options(_options(field))
                widget.value = field.value if field.value in field.choices else Select.NULL
            elif isinstance(widget, TextArea):
                widget.load_text(field.value)  # and forgets the last item's edits
            else:
                assert isinstance(widget, Input)
                if field.choices != was.choices:
                    widget.suggester = _suggester(field)
                widget.value = field.value
                widget.cursor_position = len(field.value)
        for where in list(self._saying):
            self._say(where, "")
        self.query_one(FormBody).scroll_home(animate=False)
        first = self.query_one(f"#field-{fields[0].name}")
        self.set_focus(first)
        if isinstance(first, Input) and first.select_on_focus:
            first.select_all()  # as its focus does in a new form: typing replaces the value
        self._show_aside()

    # ---- reading and checking the fields ------------------------------------

    def raw(self, field: Field) -> str:
        widget = self.query_one(f"#field-{field.name}")
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def answer(self, field: Field) -> tuple[Any, str]:
        """(the parsed answer, the problem with it: "" when there is none)."""
        text = self.raw(field)
        if not text.strip():
            return None, (f"{field.label} is needed." if field.required else "")
        if field.parse is None:
            return text, ""  # stored as typed: user text is never trimmed or rewritten
        try:
            return field.parse(text), ""
        except ValueError as error:
            return None, str(error)

    def answers(self) -> tuple[Answers, list[Field]]:
        """Every answer, and the fields with a problem."""
        answers, wrong = {}, []
        for field in self.fields:
            answers[field.name], problem = self.answer(field)
            self._show_problem(field, problem)
            if problem:
                wrong.append(field)
        return answers, wrong

    def _show_problem(self, field: Field, problem: str) -> None:
        self._say(f"#problem-{field.name}", problem)

    def _say(self, where: str, message: str) -> None:
        """Show a message under a field or the form, or hide it when there is none.
        Only a change is shown: each update lays the form out again, and a submit
        checks every field (~20 ms, before the write even starts)."""
        if self._saying.get(where, "") == message:
            return
        self._saying[where] = message
        shown = self.query_one(where, Static)
        shown.update(said(message))  # a refusal may quote a title: data, never markup
        shown.display = bool(message)

    def _field_of(self, widget: Widget) -> Field | None:
        name = (widget.id or "").removeprefix("field-")
        return next((f for f in self.fields if f.name == name), None)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self, event) -> None:
        field = self._field_of(event.control)
        if field is None:
            return
        # Only a problem with what is there: an empty field is not scolded until submit.
        _, problem = self.answer(field) if self.raw(field).strip() else (None, "")
        self._show_problem(field, problem)
        self._show_refusal("")
        self._show_aside()

    def _show_aside(self) -> None:
        if self.aside is not None:
            answers = {f.name: self.answer(f)[0] for f in self.fields}
            self.query_one("#form-aside", Static).update(self.aside(answers))

    # ---- submitting ----------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        if self.writing:
            return
        answers, wrong = self.answers()
        if wrong:
            self.query_one(f"#field-{wrong[0].name}").focus()
            return
        self.writing = True
        self._write(answers)

    @work(thread=True, exclusive=True, group="write", description="write to the store")
    def _write(self, answers: Answers) -> None:
        try:
            event = self.write(answers)
        except WriteUncertain as error:  # neither recorded nor not: it says which is unknown
            self.app.call_from_thread(self._refused, str(error), known=False)
            return
        except (DomainError, StoreError) as error:
            self.app.call_from_thread(self._refused, str(error))
            return
        self.app.call_from_thread(self.dismiss, event)

    def _refused(self, message: str, *, known: bool = True) -> None:
        self.writing = False
        self._show_refusal(f"Not recorded: {message}" if known else message)

    def _show_refusal(self, message: str) -> None:
        self._say("#form-refused", message)

    def action_cancel(self) -> None:
        if self.writing:  # it cannot be called back: its outcome is shown here
            self._show_refusal("Still writing to the store: this form closes once it is recorded.")
            return
        self.dismiss(None)


def _shape(field: Field) -> tuple:
    """Which widgets a field is drawn with: all of it but what `reopen` sets
    (the value, the choices, the hint's text; a choice's value decides whether
    it may be left blank, which its widget cannot change)."""
    blank = field.kind == "choice" and (not field.required or field.value not in field.choices)
    return (field.name, field.label, field.kind, field.required,
            field.placeholder, bool(field.hint), blank)  # fmt: skip


def _options(field: Field) -> list[tuple[Text, str]]:
    return [(Text(choice.replace("_", " ")), choice) for choice in field.choices]


def _suggester(field: Field) -> SuggestFromList | None:
    # A suggestion is drawn as it is offered: its controls as marks, as the value's.
    choices = [visible(choice) for choice in field.choices]
    return SuggestFromList(choices, case_sensitive=False) if choices else None

"""`b`: the principal's context brief, read before it is saved.

The same Markdown `staffdeck brief` writes, for the workstream selected on the
dashboard (or a ritual), as known at the moment shown; `s` saves it to a file.
User text in it was escaped by markdown(), so the Markdown view shows it as typed,
its controls drawn as marks (`visible`); the view makes no link of a URL in it.
"""

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from markdown_it import MarkdownIt
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Input, Label, Markdown, Static

from domain.errors import DomainError, InvalidInput
from projections.brief import brief as brief_of
from projections.brief_markdown import markdown
from projections.time_travel import History
from tui.cli.brief import known_keys
from tui.cli.history import replacing
from tui.look import CONTROL_MARKS
from tui.visible import visible
from tui.widgets.detail import when
from tui.widgets.keys_footer import KeysFooter

AT_THE_MOMENT = "(As known at the moment shown.)"


class BriefPrepared(Message):
    """The brief's Markdown, or why there is none."""

    def __init__(self, *, text: str = "", problem: str = ""):
        super().__init__()
        self.text, self.problem = text, problem


def _parser() -> MarkdownIt:
    """The brief's own Markdown and no more: a URL in a title stays text, not a link."""
    return MarkdownIt("gfm-like", {"linkify": False})


class BriefScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("s", "save", "Save as…"),
    ]

    def __init__(
        self,
        history: History,
        moment: datetime,
        *,
        ritual: str | None = None,
        workstreams: Iterable[str] = (),
        default_path: Path | None = None,
    ):
        super().__init__()
        self.history, self.moment = history, moment
        self.ritual, self.workstreams = ritual, tuple(workstreams)
        keys = [ritual] if ritual else list(self.workstreams)
        self.default_path = default_path or Path(f"brief-{'-'.join(keys)}-{moment:%Y-%m-%d}.md")
        self.text: str | None = None  # the Markdown, once prepared and shown

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="brief-scroll"):
            yield Static("Preparing the brief…", id="brief-waiting")
            yield Markdown(id="brief-markdown", parser_factory=_parser, open_links=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        on = self.ritual or ", ".join(self.workstreams)
        self.sub_title = f"Context brief · {on} · as known at {when(self.moment)}"
        self.query_one("#brief-markdown").display = False
        self.query_one("#brief-scroll").focus()
        self._prepare()

    @work(thread=True, exclusive=True, group="brief", description="prepare the brief")
    def _prepare(self) -> None:
        try:
            models = self.history.as_of(self.moment)
            ritual, workstreams = known_keys(
                models, self.ritual, self.workstreams, hint=AT_THE_MOMENT
            )
            found = brief_of(self.history, self.moment, ritual=ritual, workstreams=workstreams)
        except DomainError as error:  # a key that is not one, or not known then
            self.post_message(BriefPrepared(problem=str(error)))
            return
        except Exception as error:  # shown on screen; the dashboard stays up
            self.post_message(BriefPrepared(problem=f"it could not be prepared: {error!r}"))
            return
        self.post_message(BriefPrepared(text=visible(markdown(found), lines=True)))

    async def on_brief_prepared(self, message: BriefPrepared) -> None:
        waiting = self.query_one("#brief-waiting", Static)
        if message.problem:
            waiting.update(Text(visible(f"No brief: {message.problem}")))
            return
        view = self.query_one("#brief-markdown", Markdown)
        await view.update(message.text)
        waiting.display, view.display = False, True
        self.text = message.text

    def action_save(self) -> None:
        if self.text is None:
            self.notify("The brief is not ready yet.", timeout=2)
            return

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Saved the brief to {path}.", markup=False)

        self.app.push_screen(SaveBrief(self.text, self.default_path), saved)

    def action_close(self) -> None:
        self.dismiss(None)


class SaveBrief(ModalScreen[Path | None]):
    """`s`: where to save the brief; dismissed with the file written, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    HELP = "enter: save (a file already there is replaced whole) · escape: cancel"

    def __init__(self, text: str, path: Path):
        super().__init__()
        self.text, self.path = text, path

    def compose(self) -> ComposeResult:
        with Vertical(id="save-brief", classes="dialog"):
            yield Label("Save the brief as Markdown", classes="dialog-title")
            yield Input(
                str(self.path),
                placeholder="a file name, such as brief.md",
                highlighter=CONTROL_MARKS,
            )
            yield Static(self.HELP, id="save-brief-help", classes="dialog-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        target = Path(event.value.strip()).expanduser()
        problem = self._write(target) if event.value.strip() else "Give a file name."
        line = self.query_one("#save-brief-help", Static)
        line.update(Text(visible(problem or self.HELP)))  # the path was typed: never markup
        line.set_class(bool(problem), "error")
        if not problem:
            self.dismiss(target.absolute())

    def _write(self, target: Path) -> str:
        """Writes the brief to `target`: "" once it is there, else why it cannot be."""
        if target.is_dir():
            return f"{target} is a folder: name a file in it, such as {target / self.path.name}."
        if not target.parent.is_dir():
            return f"There is no folder {target.parent}: create it first, or choose another."
        try:
            with replacing(target) as file:
                file.write(self.text.encode())
        except OSError as error:
            return f"{target} cannot be written: {error.strerror or error}."
        return ""

    def action_cancel(self) -> None:
        self.dismiss(None)


def brief_for_selection(dashboard) -> BriefScreen | None:
    """The brief on the dashboard's selected workstream (or its selected item's),
    as known at the moment shown; None, with the reason notified, if there is none."""
    if dashboard.history is None:
        dashboard.notify("Still reading the history: the brief in a moment.", timeout=2)
        return None
    key = dashboard.workstream_in_view()
    try:
        if key is None:
            raise InvalidInput("Select a workstream, or a decision or blocker on one.")
        known_keys(dashboard.models(), None, [key], hint=AT_THE_MOMENT)
    except DomainError as error:
        dashboard.notify(str(error), severity="warning", timeout=3, markup=False)
        return None
    return BriefScreen(dashboard.history, dashboard.shown_moment(), workstreams=[key])

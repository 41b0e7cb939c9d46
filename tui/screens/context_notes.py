"""`C`: shared context — the notes (signals, bets, questions, debates, must-say,
positions), newest first, searched by their words, narrowed by kind: and link:,
the selected one in full with what it is linked to.
"""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input

from projections.context_notes import ContextNotes, Note
from projections.read_models import ReadModels
from tui.look import CONTROL_MARKS, Look, plain, said
from tui.screens.over_dashboard import OverDashboard
from tui.visible import visible
from tui.widgets.detail import DetailPane, when
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.pane import Pane


class NotesPane(Pane):
    COLUMNS = (
        ("Key", 6, 0),
        ("Kind", 9, 0),
        ("Note", None, 0),
        ("Linked to", 16, 1),
        ("When", 16, 2),
        ("By", 14, 3),
    )

    def __init__(self):
        super().__init__("Context notes", id="notes")

    def cells(self, n: Note, look: Look) -> list[Text]:
        kind = Text(n.kind, style=look.alarm if n.kind == "must-say" else "")
        return [
            plain(n.key),
            kind,
            plain(n.text),
            plain(", ".join(n.links)),
            plain(when(n.at)),
            plain(n.actor),
        ]


class NotesScreen(OverDashboard):
    BINDINGS = [Binding("escape", "close", "Back"), Binding("slash", "search", "Search")]

    def __init__(self, dashboard):
        super().__init__(dashboard)
        self._look: Look | None = None
        self._notes = ContextNotes()  # folded when the store moves, searched as you type

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Input(
            placeholder="/ search the notes: words, kind:bet link:W-1",
            id="notes-search",
            highlighter=CONTROL_MARKS,
        )
        with Horizontal(id="notes-panes"):
            yield NotesPane()
            yield DetailPane("Note", id="note")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Shared context{self.known_at()}"
        self._look = Look.of(self.app.get_css_variables())
        self.query_one(NotesPane).focus()
        self.follow()

    def draw(self) -> None:
        history = self.dashboard.history
        moment = self.dashboard.shown_moment()
        self._notes = ContextNotes.of(history.events if history else (), until=moment)
        self._show_notes()

    def _show_notes(self) -> None:
        assert self._look is not None
        query = self.query_one("#notes-search", Input).value
        notes = self._notes
        found = _search(notes, query)
        pane = self.query_one(NotesPane)
        pane.show([n.key for n in found], found, set(), self._look)
        title = Text(f"Context notes · {len(found)} of {len(notes.notes)}")
        if query:
            title.append(" · ")
            title.append(visible(query))  # typed text: data, never markup
        pane.border_title = title
        self._show_note()

    def _show_note(self) -> None:
        note = self.query_one(NotesPane).selected_row
        self.query_one("#note", DetailPane).show(_record(note, self.dashboard.models()))

    @on(Input.Changed, "#notes-search")
    def _searched(self) -> None:
        self._show_notes()

    @on(Input.Submitted, "#notes-search")
    def _search_kept(self) -> None:
        self.query_one(NotesPane).focus()

    @on(Pane.Highlighted)
    def _highlighted(self) -> None:
        self._show_note()

    def action_search(self) -> None:
        self.query_one("#notes-search", Input).focus()

    def action_close(self) -> None:
        if self.focused is self.query_one("#notes-search"):
            self.query_one(NotesPane).focus()
            return
        self.dismiss()


def _search(notes: ContextNotes, query: str) -> list[Note]:
    """Every word in the note; kind: and link: match the start of the kind and of a link."""
    words, kinds, links = [], [], []
    for part in query.casefold().split():
        name, colon, value = part.partition(":")
        if colon and value and name in ("kind", "link"):
            (kinds if name == "kind" else links).append(value)
        else:
            words.append(part)
    found = notes.search(" ".join(words))
    if kinds:
        found = [n for n in found if any(n.kind.startswith(k) for k in kinds)]
    if links:
        found = [
            n for n in found if any(x.casefold().startswith(w) for x in n.links for w in links)
        ]
    return found


def _record(note: Note | None, models: ReadModels) -> list[Text]:
    if note is None:
        return [Text("No note matches.")]
    lines = [Text(f"{note.key}  {note.kind}", style="bold"), said(note.text)]
    lines.append(said(f"{note.actor}, {when(note.at)}", "dim"))
    if note.links:
        lines += [Text(""), Text("Linked to", style="bold underline")]
    for key in note.links:
        lines.append(said(f"{key}  {_title_of(key, models)}"))
    return lines


def _title_of(key: str, models: ReadModels) -> str:
    for items, field in (
        (models.workstreams.workstreams, "title"),
        (models.decisions.decisions, "question"),
        (models.blockers.blockers, "title"),
        (models.rituals.rituals, "name"),
        (models.actions.actions, "title"),
    ):
        if key in items:
            return getattr(items[key], field)
    return "(not known at this moment)"

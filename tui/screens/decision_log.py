"""`L`: the decision log, the organisation's memory of what it decided and why.

Every decision, newest first, searched across every field of its record (and
of its earlier rounds), narrowed by status:, ws: and owner:; the selected
one's whole record beside it, its supersession links followed with < and >.
"""

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Input

from projections.decision_log import LogRow, log_rows
from projections.read_models import ReadModels
from tui.filters import RowFilter, parse_filter
from tui.look import CONTROL_MARKS, Look, plain
from tui.visible import visible
from tui.widgets.decision_record import record_sections
from tui.widgets.detail import DetailPane, when
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.pane import Pane, day


class DecisionLogPane(Pane):
    COLUMNS = (
        ("Key", 6, 0),
        ("Question", None, 0),
        ("WS", 5, 3),
        ("Status", 10, 0),
        ("Decided", 10, 2),
        ("Review by", 10, 1),
        ("Flags", 11, 0),
    )

    def __init__(self):
        super().__init__("Decision log", id="log")

    def cells(self, r: LogRow, look: Look) -> list[Text]:
        flags = Text()
        if r.review_due:
            flags.append("REVIEW DUE", style=look.warn)
        elif r.superseded_by:
            flags.append(f"→ {r.superseded_by}", style=look.muted)
        return [
            plain(r.key),
            plain(r.question),
            plain(r.workstream),
            plain(r.status),
            day(r.decided_at.date() if r.decided_at else None),
            day(r.review_by),
            flags,
        ]


class DecisionLogScreen(Screen[str | None]):
    """Dismissed with a decision's key when `w` asks for its moment, else None."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("slash", "search", "Search"),
        Binding("greater_than_sign", "follow('superseded_by')", "Superseded by"),
        Binding("less_than_sign", "follow('supersedes')", "Supersedes"),
        Binding("w", "when_decided", "As known when decided"),
    ]

    def __init__(self, models: ReadModels, moment: datetime, *, live: bool):
        super().__init__()
        self.models, self.moment, self.live = models, moment, live
        self._look: Look | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Input(
            placeholder="/ search every field: words, status:decided ws:W-1 owner:NAME",
            id="log-search",
            highlighter=CONTROL_MARKS,
        )
        with Horizontal(id="log-panes"):
            yield DecisionLogPane()
            yield DetailPane("Record", id="record")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Decision log" + (
            "" if self.live else f" · as known at {when(self.moment)}"
        )
        self._look = Look.of(self.app.get_css_variables())
        self._show("")
        self.query_one(DecisionLogPane).focus()

    @property
    def pane(self) -> DecisionLogPane:
        return self.query_one(DecisionLogPane)

    def _show(self, query: str) -> None:
        assert self._look is not None
        wanted = parse_filter(query)
        every = self.models.decisions.decisions
        if wanted.words:
            records = self.models.search_decisions(" ".join(wanted.words))
        else:
            records = sorted(every.values(), key=lambda r: r.raised_at, reverse=True)
        terms = RowFilter(terms=wanted.terms)
        rows = [row for row in log_rows(records, self.moment.date()) if terms.matches(row)]
        pane = self.pane
        pane.show([row.key for row in rows], rows, set(), self._look)
        title = Text(f"Decision log · {len(rows)} of {len(every)}")
        if query:
            title.append(" · ")
            title.append(visible(query))  # typed text: data, never markup
        pane.border_title = title
        self._show_record()

    def _show_record(self) -> None:
        assert self._look is not None
        key = self.pane.selected_key
        record = self.models.decisions.decisions.get(key) if key else None
        lines = [Text("No decision matches.")] if record is None else []
        if record is not None:
            lines = record_sections(record, self.moment.date(), self._look)
        self.query_one("#record", DetailPane).show(lines)

    @on(Input.Changed, "#log-search")
    def _searched(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#log-search")
    def _search_kept(self) -> None:
        self.pane.focus()

    @on(Pane.Highlighted)
    def _highlighted(self) -> None:
        self._show_record()

    def action_search(self) -> None:
        self.query_one("#log-search", Input).focus()

    def action_follow(self, link: str) -> None:
        """To the decision that replaced this one, or the first one it replaced."""
        key = self.pane.selected_key
        record = self.models.decisions.decisions.get(key) if key else None
        if record is None:
            return
        target = (
            record.superseded_by if link == "superseded_by" else next(iter(record.supersedes), None)
        )
        if target is None:
            what = "superseded" if link == "superseded_by" else "a replacement for another decision"
            self.notify(f"{key} is not {what}.", timeout=3, markup=False)
            return
        if not self.pane.select(target):  # the search hides it: show every decision
            self.query_one("#log-search", Input).value = ""
            self._show("")
            self.pane.select(target)
        self.pane.focus()

    def action_when_decided(self) -> None:
        key = self.pane.selected_key
        record = self.models.decisions.decisions.get(key) if key else None
        if record is None or record.decided_at is None:
            self.notify(f"{key} has not been decided yet." if key else "No decision selected.")
            return
        self.dismiss(key)

    def action_close(self) -> None:
        if self.focused is self.query_one("#log-search"):
            self.pane.focus()  # escape leaves the search first, then the screen
            return
        self.dismiss(None)

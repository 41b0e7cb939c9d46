"""The detail pane: the selected item's whole record and history, then the
latest events across the store."""

from datetime import datetime

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from events import Event, NoteLogged
from projections.read_models import ReadModels
from projections.timeline import describe
from tui.look import Look, looks, marked, said

LATEST = 10
HISTORY = 20  # an item's latest events; the CLI's `log KEY` has them all
NOTES = 10  # the latest notes linked to it; `note search --link KEY` has them all


class _Line:
    """A line that fits the pane's width, drawn the first time it is shown: a
    record of 80 lines shows 18 at once, and most are never scrolled to."""

    __slots__ = ("text", "strip")

    def __init__(self, text: Text):
        self.text = text
        self.strip: Strip | None = None

    def drawn(self, console, width: int) -> Strip:
        if self.strip is None:
            self.strip = _strip(self.text, console, width)
        return self.strip


def _strip(piece: Text, console, width: int) -> Strip:
    """One line of a Text, padded to `width` (one Strip made, not three)."""
    # A Text renders its own style only where it has spans: put it under all of it.
    segments = Segment.apply_style(piece.render(console), console.get_style(piece.style))
    pad = width - piece.cell_len
    if pad > 0:
        return Strip([*segments, Segment(" " * pad)], width)
    return Strip(list(segments), piece.cell_len)


class DetailPane(ScrollView, can_focus=True):
    """Its lines wrapped once each and kept: a time-travel key changes a line or
    two of the detail, and wrapping all of it again (as a Static does) was the
    largest part of redrawing the screen."""

    DEFAULT_CSS = "DetailPane { scrollbar-gutter: stable; }"  # the wrap width never moves

    def __init__(self, title: str = "4 Detail", *, id: str = "detail"):
        super().__init__(id=id, classes="pane")
        self.border_title = title
        self._lines: list[Text] = []
        self._identities: list[tuple] = []  # of `_lines`, kept to compare the next with
        self._strips: list[Strip | _Line] = []  # the lines wrapped to the pane's width
        self._wrapped: dict[tuple, list[Strip | _Line]] = {}  # by line, at `_width`
        self._width = 0
        self._base: Style | None = None  # set as each redraw starts
        self._scrollbars_for: tuple | None = None  # (size, container, length) they were set for

    @property
    def text(self) -> str:
        """What the pane says, as plain text (for tests and screen readers)."""
        return "\n".join(line.plain for line in self._lines)

    @property
    def drawn_lines(self) -> list[Strip]:
        """Every line as it is drawn, on screen now or scrolled to (for tests)."""
        return [self._drawn(index) for index in range(len(self._strips))]

    def _drawn(self, index: int) -> Strip:
        line = self._strips[index]
        return line if isinstance(line, Strip) else line.drawn(self.app.console, self._width)

    def show(self, parts: list[Text]) -> None:
        # User text came in through `said`; `marked` catches any that did not.
        parts = [marked(part, lines=True) for part in parts]
        lines = [line for part in parts for line in part.split("\n", allow_blank=True)]
        identities = list(map(looks, lines))
        if identities != self._identities:
            self._lines, self._identities = lines, identities
            self._wrap()

    def on_resize(self) -> None:
        self._wrap()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet: wrapped when it is
        known = self._wrapped if width == self._width else {}
        before, top = self._strips if known else [], self.scroll_offset.y
        self._width, self._wrapped, self._strips = width, {}, []
        console = self.app.console
        for line, key in zip(self._lines, self._identities, strict=True):
            if (strips := known.get(key)) is None:
                # Most lines fit: Rich's wrap, which measures word by word, is for the rest.
                if "\t" not in line.plain and line.cell_len <= width:
                    strips = [_Line(line)]
                else:
                    pieces = line.wrap(console, width, overflow="fold")
                    strips = [_strip(piece, console, width) for piece in pieces]
            self._wrapped[key] = strips
            self._strips += strips
        self._set_content_size(Size(width, len(self._strips)))
        self._redraw(before, top)

    def _redraw(self, before: list, top: int) -> None:
        """Mark for drawing again the lines on screen that changed, and only
        those: a time-travel key changes a line or two of the record, most
        often none of those in sight. A kept line is the very object it was."""
        height = self.scrollable_content_region.height
        if not before or self.scroll_offset.y != top or not height:
            self.refresh()
            return
        now = self._strips
        for y in range(height):
            index = top + y
            was = before[index] if index < len(before) else None
            if (now[index] if index < len(now) else None) is not was:
                self.refresh(Region(0, y, self._width, 1))

    def _set_content_size(self, size: Size) -> None:
        """A new length that keeps the scrollbar as it is (shown, or not) moves
        only the scrollbar's thumb: setting `virtual_size` lays out the whole
        screen again, ~10 ms on most time-travel keys, for a pane whose place
        and size have not changed."""
        old, room = self.virtual_size, self.container_size.height
        if size.width != old.width or (size.height > room) != (old.height > room):
            self.virtual_size = size  # the scrollbar comes or goes: that is a new layout
            return
        self.set_reactive(DetailPane.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = size.height
        self.scroll_y = self.validate_scroll_y(self.scroll_y)  # a shorter record: not past its end
        self._scrollbars_for = (self._size, self._container_size, size)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout=True):
        """Every layout of the screen hands a scroll view the size it is arranged
        at as its virtual size, which differs from any record longer than the
        pane, so its scrollbars are set again and drawn in one more frame, ~25 ms
        after the layout's own (the first key into the past lays the screen out).
        Skipped when the pane's size and its record's length are those the
        scrollbars were last set for."""
        if (size, container_size, self.virtual_size) == self._scrollbars_for:
            return False
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        self._scrollbars_for = (self._size, self._container_size, self.virtual_size)
        return resized

    def render_lines(self, crop):
        self._base = self.rich_style  # once a redraw: it walks the widget's ancestors
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        base = self._base or self.rich_style
        if index >= len(self._strips):
            return Strip.blank(self._width, base)
        return self._drawn(index).apply_style(base)


def when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def detail_of(key: str | None, models: ReadModels, history: list[Event], look: Look) -> list[Text]:
    parts: list[Text] = []
    if key:
        parts += _record(key, models, look)
        notes = [e for e in history if isinstance(e, NoteLogged) and e.key != key]
        history = [e for e in history if e.key == key]
        if notes:
            parts.append(Text("\nContext notes", style="bold underline"))
        for note in reversed(notes[-NOTES:]):  # newest first
            line = Text()
            line.append(f"{note.kind}: ", style="bold")
            line.append_text(said(note.text))
            line.append_text(said(f"  {note.key}, {note.actor}, {when(note.at)}", look.muted))
            parts.append(line)
        if len(notes) > NOTES:
            parts.append(
                Text(f"… {len(notes) - NOTES} earlier notes: staffdeck note search --link {key}")
            )
        parts.append(Text("\nHistory", style="bold underline"))
        if len(history) > HISTORY:
            parts.append(Text(f"… {len(history) - HISTORY:,} earlier events: staffdeck log {key}"))
        for event in history[-HISTORY:]:
            line = Text(f"{when(event.at)}  ", style=look.muted)
            line.append_text(said(f"{event.actor}  ", look.muted))
            line.append_text(said(describe(event)))
            parts.append(line)
        parts.append(Text(""))
    parts.append(Text("Latest events", style="bold underline"))
    for row in models.latest(LATEST):
        line = Text(f"{when(row.at)}  ", style=look.muted)
        line.append(f"{row.key}  ", style="bold")
        line.append_text(said(row.text))
        parts.append(line)
    return parts


def _record(key: str, models: ReadModels, look: Look) -> list[Text]:
    return [line for line in _fields(key, models, look) if line is not None]


def _fields(key: str, models: ReadModels, look: Look) -> list[Text | None]:
    def field(label: str, value) -> Text | None:
        if value is None or value == "":
            return None  # nothing recorded: no empty line
        line = Text(f"{label}: ", style="bold")
        return line.append_text(value if isinstance(value, Text) else said(value))

    def items(label: str, values) -> list[Text]:
        return [field(label, "; ".join(str(v) for v in values))]

    if record := models.workstreams.workstreams.get(key):
        return [
            said(f"{key}  {record.title}", "bold"),
            field("Owner", record.owner),
            field("State", look.state(record.state)),
            field("Objective", record.objective),
            field("Latest note", record.note),
            field("Next decision", f"{record.next_decision_on or '—'} {record.next_decision_what}"),
            field("Escalated to", record.escalated_to or "—"),
            *items("Stakeholders", record.stakeholders),
        ]
    if record := models.decisions.decisions.get(key):
        lines = [
            said(f"{key}  {record.question}", "bold"),
            field("Status", record.status),
            field("Workstream", record.workstream),
            field("Owner", record.owner),
            field("Due", record.due or "—"),
            field("Problem", record.problem),
            field("Context", record.context),
            *items("Options", record.options),
            *items("Deciders", record.deciders),
        ]
        if record.choice:
            lines += [
                field("Choice", record.choice),
                field("Reasoning", record.reasoning),
                *[field("Rejected", f"{r.option} — {r.grounds}") for r in record.rejected],
                field("Expected", record.expected),
                *items("Reopen if", record.reopen_conditions),
                field("Review by", record.review_by or "—"),
                *items("Decided by", record.decided_by),
            ]
        if record.superseded_by:
            lines.append(field("Superseded by", record.superseded_by))
        lines += items("Supersedes", record.supersedes)
        if record.closed_why:
            lines.append(field("Why", record.closed_why))
        return lines
    if record := models.blockers.blockers.get(key):
        return [
            said(f"{key}  {record.title}", "bold"),
            field("Severity", look.severity(record.severity)),
            field("Workstream", record.workstream),
            field("Owner", record.owner),
            field("Raised", when(record.raised_at)),
            field("Needed by", record.needed_by or "—"),
            field("Depends on", record.depends_on or "—"),
            field("Escalated to", record.escalated_to or "—"),
            field("Resolved", f"{when(record.resolved_at)}: {record.resolution}")
            if record.resolved_at
            else field("Resolved", "no"),
        ]
    if record := models.rituals.rituals.get(key):
        return [
            said(f"{key}  {record.name}", "bold"),
            field("Cadence", record.cadence),
            field("Owner", record.owner),
            field("Purpose", record.purpose),
            field("Held", f"{len(record.occurrences)} times"),
            field("Retired", record.retired_reason or "no"),
            *items("Attendees", record.attendees),
        ]
    if record := models.actions.actions.get(key):
        return [
            said(f"{key}  {record.title}", "bold"),
            field("Owner", record.owner),
            field("Due", record.due),
            field("Status", record.status),
            field("From", record.source or "—"),
        ]
    return [Text(key, style="bold")]

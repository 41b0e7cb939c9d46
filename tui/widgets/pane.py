"""A pane of the dashboard: one read model's rows in a table, keyed by item.

Only the rows on screen are ever turned into cells and drawn: a pane holds
the read model's row objects and builds a row's cells when it comes into
view, so a query of 3,000 open decisions costs no more to show than one of
30. (Textual's DataTable renders every cell through Rich and re-measures
every row on each change: too slow to redraw on every time-travel key.)
"""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tui.filters import RowFilter
from tui.look import Look, looks, plain
from tui.visible import visible

PAD = 1  # spaces either side of a cell


class Pane(Widget, can_focus=True):
    # (label, width, rank): the one column without a width takes the room that
    # is left; when the pane is too narrow, columns go from the highest rank down.
    COLUMNS: tuple[tuple[str, int | None, int], ...] = ()
    MIN_FLEX = 18
    COMPONENT_CLASSES = {"pane--header", "pane--cursor", "pane--fresh"}
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move(-1_000_000)", "First", show=False),
        Binding("end", "move(1_000_000)", "Last", show=False),
    ]
    cursor = reactive(0, always_update=True, repaint=False)  # _redraw: the lines that change

    class Highlighted(Message):
        """The cursor moved to another item."""

        def __init__(self, pane: "Pane", key: str | None):
            super().__init__()
            self.pane = pane
            self.key = key

    def __init__(self, title: str, *, id: str):
        super().__init__(id=id, classes="pane")
        self.border_title = self.pane_title = title
        self.row_filter = RowFilter()  # `/`: only the rows it matches are shown
        self.filter_text = ""
        self._all: tuple[list[str], Sequence[Any]] = ([], [])  # every row, before the filter
        self._keys: list[str] = []  # the item each shown row is of
        self._rows: Sequence[Any] = []  # the read model's rows: read only as they are drawn
        self._index: dict[str, int] | None = None  # row by key: built when first asked
        self._fresh: set[str] = set()
        self._look: Look | None = None
        # (row, its cells) by key, built as rows come into view; the last rows'
        # are kept through a `show`, for the rows that come back the same.
        self._cells: dict[str, tuple[Any, list[Text]]] = {}
        self._kept: dict[str, tuple[Any, list[Text]]] = {}
        self._top = 0  # the first row shown
        self._layouts: dict[int, list[tuple[int, int]]] = {}  # by the pane's width
        self._paint: tuple[Style, ...] = ()  # set as each redraw starts
        self._drawn: list[tuple | None] = []  # how each line under the header looks

    # ---- what a pane module says -------------------------------------------

    def cells(self, row: Any, look: Look) -> list[Text]:
        """One Text per column, for one row of the read model."""
        raise NotImplementedError

    # ---- showing rows -------------------------------------------------------

    def show(self, keys: list[str], rows: Sequence[Any], fresh: set[str], look: Look) -> None:
        """Replace the rows (`keys[i]` is the item `rows[i]` is of), keeping the
        cursor on the same item where it still is."""
        keep = self.selected_key
        self._all = (keys, rows)
        if not self.row_filter.empty:
            kept = [i for i, row in enumerate(rows) if self.row_filter.matches(row)]
            keys, rows = [keys[i] for i in kept], [rows[i] for i in kept]
            self._show_filter(len(rows))
        self._kept = self._cells if look == self._look else {}
        self._keys, self._rows, self._fresh, self._look = keys, rows, fresh, look
        self._index = None  # 33,000 rows at 1M events: built only if a lookup needs it
        self._cells = {}
        # The cursor is set either way, and setting it redraws what changed.
        if not self.select(keep):
            self.cursor = min(self.cursor, max(0, len(rows) - 1))
        self._kept = {}

    def _redraw(self) -> None:
        """Mark for drawing again the lines that now look different, and only
        those. A time-travel key gives most rows a new age or a new neighbour off
        screen, and yet leaves most lines on screen as they were; an event
        elsewhere must not repaint every pane either, which on a slow terminal,
        or a browser tab across the network, is most of a live update."""
        lines = [self._line_look(y) for y in range(1, self.content_size.height)]
        if not lines:  # not laid out yet: drawn whole when it is
            self._drawn = []
            self.refresh()
            return
        width, old = self.content_size.width, self._drawn
        changed = [y for y, line in enumerate(lines, start=1) if y > len(old) or old[y - 1] != line]
        for start, end in _runs(changed):
            self.refresh(Region(0, start, width, end - start))
        self._drawn = lines

    def _line_look(self, y: int) -> tuple | None:
        """What content line `y` (below the header) draws: its cells, marks and cursor."""
        index = self._top + y - 1
        if index >= len(self._rows):
            return None
        key = self._keys[index]
        return (key, _Look(self._cells_of(index)), key in self._fresh, index == self.cursor)

    def filter(self, text: str, row_filter: RowFilter) -> None:
        """Show only the rows `row_filter` matches (all of them, when it is empty)."""
        self.filter_text, self.row_filter = text, row_filter
        if row_filter.empty:
            self.border_title = self.pane_title
        if self._look is not None:
            self.show(*self._all, self._fresh, self._look)

    def _show_filter(self, shown: int) -> None:
        title = Text(f"{self.pane_title} · /")
        title.append(visible(self.filter_text))  # typed text: data, never markup
        every = self._all[1]
        title.append(f" · {shown} of {len(every)}")
        if every and (unknown := self.row_filter.unknown_to(every[0])):
            title.append(f" · no {', '.join(t + ':' for t in unknown)} here")
        self.border_title = title

    @property
    def row_keys(self) -> list[str]:
        return list(self._keys)

    def cell_text(self, key: str, column: str) -> str:
        """What a cell says, as plain text (for tests and screen readers)."""
        labels = [label for label, _, _ in self.COLUMNS]
        row = self._row_of(key)
        if row is None:
            raise KeyError(key)
        return self._cells_of(row)[labels.index(column)].plain

    @property
    def selected_key(self) -> str | None:
        return self._keys[self.cursor] if 0 <= self.cursor < len(self._keys) else None

    @property
    def selected_row(self) -> Any:
        """The read model's row under the cursor, or None."""
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def select(self, key: str | None) -> bool:
        row = None if key is None else self._row_of(key)
        if row is None:
            return False
        self.cursor = row
        return True

    def _row_of(self, key: str) -> int | None:
        # Most often the cursor's item is still on the cursor's row: no index needed.
        if 0 <= self.cursor < len(self._keys) and self._keys[self.cursor] == key:
            return self.cursor
        if self._index is None:
            self._index = {item: row for row, item in enumerate(self._keys)}
        return self._index.get(key)

    def _cells_of(self, index: int) -> list[Text]:
        key = self._keys[index]
        if (built := self._cells.get(key)) is None:
            row = self._rows[index]
            kept = self._kept.get(key)
            if kept is not None and kept[0] == row:  # most rows, after an event elsewhere
                built = kept
            else:
                assert self._look is not None
                built = (row, self.cells(row, self._look))
            self._cells[key] = built
        return built[1]

    # ---- the cursor ---------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        body = max(1, self.content_size.height - 1)
        if new < self._top:
            self._top = new
        elif new >= self._top + body:
            self._top = new - body + 1
        self._redraw()
        if old != new or not self._rows:
            self.post_message(self.Highlighted(self, self.selected_key))

    def action_move(self, rows: int) -> None:
        if self._rows:
            self.cursor = min(len(self._rows) - 1, max(0, self.cursor + rows))

    def action_page(self, pages: int) -> None:
        self.action_move(pages * max(1, self.content_size.height - 2))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.action_move(3)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.action_move(-3)
        event.stop()

    def on_click(self, event: events.Click) -> None:
        # Inside the border: the event's own y counts the border's line too.
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1 and self._top + offset.y - 1 < len(self._rows):
            self.cursor = self._top + offset.y - 1

    # ---- drawing --------------------------------------------------------------

    def _layout(self, width: int) -> list[tuple[int, int]]:
        """(column index, width) of the columns that fit (asked for every line drawn)."""
        if width not in self._layouts:
            self._layouts[width] = self._fit_columns(width)
        return self._layouts[width]

    def _fit_columns(self, width: int) -> list[tuple[int, int]]:
        kept = sorted(range(len(self.COLUMNS)), key=lambda i: self.COLUMNS[i][2])
        while len(kept) > 2 and self._room(kept, width) < self.MIN_FLEX:
            kept.pop()
        flex = max(self.MIN_FLEX, self._room(kept, width))
        return [(i, self.COLUMNS[i][1] or flex) for i in sorted(kept)]

    def _room(self, kept: list[int], width: int) -> int:
        """What is left for the flexible column, after the others and their padding."""
        return width - sum((self.COLUMNS[i][1] or 0) + 2 * PAD for i in kept) - 2 * PAD

    def render_lines(self, crop):
        # The styles every line is drawn with, looked up once a redraw, not once
        # a line: each lookup walks the widget's ancestors.
        self._paint = self._styles()
        return super().render_lines(crop)

    def _styles(self) -> tuple[Style, Style, Style, Style]:
        """The pane's own style; then its header's, its cursor's and a fresh row's, on top."""
        component = self.get_component_rich_style
        return (
            self.rich_style,
            component("pane--header", partial=True),
            component("pane--cursor" if self.has_focus else "pane--header", partial=True),
            component("pane--fresh", partial=True),
        )

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base, header, cursor, fresh = self._paint or self._styles()
        layout = self._layout(width)
        if y == 0:
            cells = [plain(self.COLUMNS[i][0]) for i, _ in layout]
            return _strip(cells, [w for _, w in layout], base + header, width)
        index = self._top + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._cells_of(index)
        style = base
        key = self._keys[index]
        if key in self._fresh:  # changed a moment ago: marked until the mark fades
            style += fresh
            row = [Text("•") + row[0], *row[1:]]
        if index == self.cursor:
            style += cursor
        return _strip([row[i] for i, _ in layout], [w for _, w in layout], style, width)


def _strip(cells: list[Text], widths: list[int], style: Style, width: int) -> Strip:
    # Neighbours in the same style are one segment: a line is a handful of
    # segments, not three a cell, and Textual carries each one through its
    # styles, filters and compositor on every frame.
    runs: list[tuple[str, Style]] = []
    pad = " " * PAD
    for cell, cell_width in zip(cells, widths, strict=True):
        _run(runs, pad, style)
        for text, piece in _fit(cell, cell_width, style):
            _run(runs, text, piece)
        _run(runs, pad, style)
    used = sum(widths) + 2 * PAD * len(widths)  # each cell is fitted to its width
    if used < width:
        _run(runs, " " * (width - used), style)
    strip = Strip([Segment(text, piece) for text, piece in runs], max(used, width))
    return strip if used <= width else strip.crop(0, width)


def _run(runs: list[tuple[str, Style]], text: str, style: Style) -> None:
    if runs and (runs[-1][1] is style or runs[-1][1] == style):
        runs[-1] = (runs[-1][0] + text, style)
    else:
        runs.append((text, style))


def _fit(text: Text, width: int, style: Style) -> list[tuple[str, Style]]:
    """The cell's text in exactly `width` cells, cut with … when it is longer."""
    content = _fitted(text.plain, width)
    base = style + _style(text.style)
    if not text.spans:
        return [(content, base)]
    # Few spans per cell (a severity inside "B-15 ! high"): style each stretch.
    cuts = sorted({0, len(content), *(s.start for s in text.spans), *(s.end for s in text.spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= len(content):
            break
        piece = base
        for span in text.spans:
            if span.start <= start and end <= span.end:
                piece += _style(span.style)
        pieces.append((content[start:end], piece))
    return pieces


@lru_cache(maxsize=16_384)
def _fitted(text: str, width: int) -> str:
    """`text` on one line in exactly `width` cells (statuses, owners and dates
    repeat down every pane: each is measured once)."""
    content = visible(text)  # one line: a line break or ESC is drawn as a mark
    if cell_len(content) > width:
        return set_cell_size(content, max(0, width - 1)) + "…"
    return set_cell_size(content, width)


class _Look:
    """A line's cells, compared by how they look: the very same cells (a row that
    came back unchanged) without looking."""

    __slots__ = ("cells",)

    def __init__(self, cells: list[Text]):
        self.cells = cells

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Look):
            return NotImplemented
        if self.cells is other.cells:
            return True
        return list(map(looks, self.cells)) == list(map(looks, other.cells))

    __hash__ = None  # type: ignore[assignment]


def _runs(lines: list[int]) -> list[tuple[int, int]]:
    """[2, 3, 4, 7] -> [(2, 5), (7, 8)]: one region to redraw per run of lines."""
    runs: list[tuple[int, int]] = []
    for y in lines:
        if runs and runs[-1][1] == y:
            runs[-1] = (runs[-1][0], y + 1)
        else:
            runs.append((y, y + 1))
    return runs


def _style(style: str | Style) -> Style:
    return Style.parse(style) if isinstance(style, str) else style


def day(value) -> Text:
    return plain(value.isoformat() if value else "")

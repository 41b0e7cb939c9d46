"""A pane of the dashboard: one read model's rows in a table, keyed by item."""

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from tui.look import Look, plain

Row = tuple[str, list[Text]]
# Tables stay quick to fill and lay out: past this many rows (more than any
# screen shows) the rest are counted, not drawn.
MAX_ROWS = 100
MORE = "…"


class Pane(DataTable):
    # (label, width, rank): the one column without a width takes the room that
    # is left; when the pane is too narrow, columns go from the highest rank down.
    COLUMNS: tuple[tuple[str, int | None, int], ...] = ()
    MIN_FLEX = 18
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, title: str, *, id: str):
        super().__init__(cursor_type="row", id=id, classes="pane")
        self.border_title = title
        self._shown: tuple[list[Row], int, set[str], Look] | None = None
        self._width = 0
        self._kept = list(range(len(self.COLUMNS)))  # indexes of the columns shown

    def on_resize(self) -> None:
        if self.content_region.width != self._width and self._shown is not None:
            self.show(*self._shown)

    def _columns_for(self, width: int) -> None:
        kept = sorted(range(len(self.COLUMNS)), key=lambda i: self.COLUMNS[i][2])
        while len(kept) > 2 and self._room(kept, width) < self.MIN_FLEX:
            kept.pop()
        self._kept = sorted(kept)
        flex = max(self.MIN_FLEX, self._room(kept, width))
        self.clear(columns=True)
        for i in self._kept:
            label, w, _rank = self.COLUMNS[i]
            self.add_column(label, width=w or flex, key=label)
        self._width = width

    def _room(self, kept: list[int], width: int) -> int:
        """What is left for the flexible column, after the others and their padding."""
        fixed = sum((self.COLUMNS[i][1] or 0) + 2 * self.cell_padding for i in kept)
        return width - fixed - 2 * self.cell_padding - 1

    def show(self, rows: list[Row], total: int, fresh: set[str], look: Look) -> None:
        """Replace the rows, keeping the selection on the same item where it still is.

        `total` counts the rows not drawn too."""
        self._shown = (rows, total, fresh, look)
        if not self.content_region.width:
            return  # not laid out yet: the first resize draws them, once
        keep = self.selected_key
        if self.content_region.width != self._width or not self.columns:
            self._columns_for(self.content_region.width)
        else:
            self.clear()
        for key, cells in rows:
            if key in fresh:  # changed a moment ago: marked until the mark fades
                cells = [cell.copy() for cell in cells]
                cells[0] = Text("•", style="bold") + cells[0]
                for cell in cells:
                    cell.stylize(look.fresh)
            self.add_row(*[cells[i] for i in self._kept], key=key)
        if total > len(rows):
            more = Text(f"{MORE} {total - len(rows):,} more", style="italic")
            self.add_row(more, *[Text("")] * (len(self._kept) - 1), key=MORE)
        self.select(keep)

    @property
    def selected_key(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key == MORE else key

    def select(self, key: str | None) -> bool:
        if key is None:
            return False
        try:
            self.move_cursor(row=self.get_row_index(key), animate=False)
        except RowDoesNotExist:  # not in this pane at this moment
            return False
        return True


def day(value) -> Text:
    return plain(value.isoformat() if value else "")

"""The time bar: where the view stands in history, and history's shape, and
whether the store is in reach (LIVE, or RECONNECTING with the view kept)."""

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline, Static

from projections.open_counts import OpenCounts
from tui.widgets.detail import when


class TimeBar(Vertical):
    def __init__(self):
        super().__init__(id="time-bar")
        self._counts: OpenCounts | None = None
        self._moment: datetime | None = None
        self._shown: tuple[datetime, bool, int] | None = None
        self._lost: tuple[datetime, str] | None = None  # since when the store is out of reach, why
        self._marker: Text | None = None  # as drawn last

    def compose(self) -> ComposeResult:
        yield Static(Text(" Reading the store …", style="bold"), id="moment-line")  # until shown
        with Horizontal(classes="spark-row"):
            yield Label("open blockers", classes="spark-label")
            yield Sparkline([], id="spark-blockers")
        with Horizontal(classes="spark-row"):
            yield Label("open decisions", classes="spark-label")
            yield Sparkline([], id="spark-decisions")
        yield Static(id="marker")

    def show(self, moment: datetime, live: bool, events: int) -> None:
        self._moment = moment
        self._shown = (moment, live, events)
        line = Text()
        if live and self._lost is not None:
            since, why = self._lost
            line.append(" RECONNECTING ", style="bold reverse")
            line.append(f"  the store is out of reach since {when(since)} ({why})")
            line.append(f" · showing what was known then, {events:,} events")
        elif live:
            line.append(" LIVE ", style="bold reverse")
            line.append(f"  {when(moment)} · {events:,} events recorded")
        else:
            line.append(" AS KNOWN AT ", style="bold reverse")
            line.append(f"  {when(moment)}")
            if self._lost is not None:
                line.append(" · the store is out of reach: reconnecting")
        line.append("   [ ] day  { } week  g go to  0 live  p play", style="dim")
        self.query_one("#moment-line", Static).update(line, layout=False)
        self._place_marker()

    def out_of_reach(self, since: datetime | None, why: str = "") -> None:
        """The store went out of reach at `since` (None: it answers again)."""
        self._lost = None if since is None else (since, why)
        if self._shown is not None:
            self.show(*self._shown)

    def shape(self, counts: OpenCounts) -> None:
        self._counts = counts
        self.query_one("#spark-blockers", Sparkline).data = counts.blockers or [0]
        self.query_one("#spark-decisions", Sparkline).data = counts.decisions or [0]
        self._place_marker()

    def on_resize(self) -> None:
        self._place_marker()

    def _place_marker(self) -> None:
        # The marker's column depends on the sparkline's width. Drawn now, in the
        # frame that shows the new moment; drawn again after the next layout, in
        # case that moves the sparkline (a change only: each update is a frame).
        if self.query_one("#spark-blockers", Sparkline).size.width:
            self._draw_marker()
        self.call_after_refresh(self._draw_marker)

    def _draw_marker(self) -> None:
        if self._counts is None or self._moment is None:
            return
        spark = self.query_one("#spark-blockers", Sparkline)
        width = max(1, spark.size.width)
        left = spark.region.x - self.query_one("#marker").region.x  # past the labels
        column = left + round(self._counts.position(self._moment) * (width - 1))
        label = when(self._moment)
        if column + len(label) + 2 <= left + width:
            marker = Text(" " * column + "▲", style="bold")
            marker.append(f" {label}", style="dim")
        else:  # near the right end: the date goes to the left of the marker
            marker = Text(" " * max(0, column - len(label) - 1))
            marker.append(f"{label} ", style="dim")
            marker.append("▲", style="bold")
        if marker != self._marker:
            self._marker = marker
            self.query_one("#marker", Static).update(marker, layout=False)

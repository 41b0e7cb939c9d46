"""The time bar: where the view stands in history, and history's shape."""

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

    def compose(self) -> ComposeResult:
        yield Static(id="moment-line")
        with Horizontal(classes="spark-row"):
            yield Label("open blockers", classes="spark-label")
            yield Sparkline([], id="spark-blockers")
        with Horizontal(classes="spark-row"):
            yield Label("open decisions", classes="spark-label")
            yield Sparkline([], id="spark-decisions")
        yield Static(id="marker")

    def show(self, moment: datetime, live: bool, events: int) -> None:
        self._moment = moment
        line = Text()
        if live:
            line.append(" LIVE ", style="bold reverse")
            line.append(f"  {when(moment)} · {events:,} events recorded")
        else:
            line.append(" AS KNOWN AT ", style="bold reverse")
            line.append(f"  {when(moment)}")
        line.append("   [ ] day  { } week  g go to  0 live  p play", style="dim")
        self.query_one("#moment-line", Static).update(line, layout=False)
        self._place_marker()

    def shape(self, counts: OpenCounts) -> None:
        self._counts = counts
        self.query_one("#spark-blockers", Sparkline).data = counts.blockers or [0]
        self.query_one("#spark-decisions", Sparkline).data = counts.decisions or [0]
        self._place_marker()

    def on_resize(self) -> None:
        self._place_marker()

    def _place_marker(self) -> None:
        # After layout: the marker's column depends on the sparkline's width.
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
        self.query_one("#marker", Static).update(marker, layout=False)

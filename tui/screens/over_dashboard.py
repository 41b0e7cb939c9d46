"""A screen over the dashboard's read models: follow-through, the rhythm, shared context.

It shows the moment the dashboard shows, and is drawn again whenever what it
was drawn from changes (a write from its own keys, another process's append):
checked five times a second, which costs a comparison.
"""

from textual.screen import Screen

from tui.widgets.detail import when

POLL_SECONDS = 0.2


class OverDashboard(Screen):
    def __init__(self, dashboard):
        super().__init__()
        self.dashboard = dashboard  # the DashboardScreen beneath
        self._drawn: object = None  # what it was last drawn from

    def follow(self) -> None:
        """Draw now, and again each time `drawn_from` changes (called once mounted)."""
        self.redraw()
        self.set_interval(POLL_SECONDS, self._poll)

    def drawn_from(self) -> object:
        """What a redraw depends on: by default, the count of events folded."""
        return len(self.dashboard.present or ())

    def redraw(self) -> None:
        self._drawn = self.drawn_from()
        self.draw()

    def draw(self) -> None:
        raise NotImplementedError

    def _poll(self) -> None:
        if self.drawn_from() != self._drawn:
            self.redraw()

    def known_at(self) -> str:
        """ " · as known at …" in the past; "" live."""
        dashboard = self.dashboard
        return "" if dashboard.live else f" · as known at {when(dashboard.shown_moment())}"

"""The main screen: four panes, the time bar, and the store followed live."""

import threading
import time
from collections import defaultdict
from datetime import datetime, timedelta
from functools import cached_property

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Grid
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Static

from domain.service import Staffdeck
from domain.store import StoreError
from events import Event, NoteLogged
from events.gc import keep_everything, paused_gc, release_kept
from projections.open_counts import OpenCounts
from projections.read_models import ReadModels
from projections.time_travel import History, spacing_for
from tui.feed import FeedStopped, StoreFeed
from tui.filters import parse_filter
from tui.look import CONTROL_MARKS, Look
from tui.remembered import recall, remember
from tui.screens.go_to_date import GoToDate
from tui.triage import TriageDesk
from tui.widgets.blocker_radar import BlockerRadarPane, radar_picture
from tui.widgets.border import set_subtitle, subtitle
from tui.widgets.decision_queue import DecisionQueuePane
from tui.widgets.detail import DetailPane, detail_of, when
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.pane import Pane
from tui.widgets.time_bar import TimeBar
from tui.widgets.workstream_map import WorkstreamMapPane

PANES = ("workstreams", "decisions", "blockers", "detail")
NARROW_BELOW = 140  # columns: below this the panes become tabs
FRESH_SECONDS = 3.0  # how long a changed row stays marked
SPARK_BUCKETS = 120
EMPTY = """\
This store has no history yet.

Add the first items from another terminal, and they appear here as you record them:

    staffdeck workstream open "Checkout v2" --owner "Ana Lima"
    staffdeck blocker raise "PCI audit slot" --workstream W-1 --severity high
    staffdeck decision raise "Which payment provider?" --workstream W-1 --owner "Ana Lima"

or explore a realistic quarter first:  staffdeck demo
"""


class StoreLoaded(Message):
    """The present to show first (remembered and brought up to date, or folded
    from every event), then the whole history."""

    def __init__(
        self,
        *,
        present: ReadModels | None = None,
        history: History | None = None,
        remembered: bool = False,
    ):
        super().__init__()
        self.present = present
        self.history = history
        self.remembered = remembered  # the present came from the saved one


class HistoryIndexed(Message):
    """Each item's events, for the detail pane: built after the first frame."""

    def __init__(self, by_key: dict[str, list[Event]]):
        super().__init__()
        self.by_key = by_key


class Following(Message):
    """The launch's reading is done (history, its index, the present saved for the
    next launch): from here the worker only follows the store."""


class StoreAdvanced(Message):
    """New events are waiting in the screen's inbox; a flood collapses into one."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StoreAdvanced)


class StoreLost(Message):
    """The store went out of reach while followed; the feed keeps trying."""

    def __init__(self, why: str):
        super().__init__()
        self.why = why


class StoreReturned(Message):
    """The store answers again; what was appended meanwhile follows as StoreAdvanced."""


class StoreFailed(Message):
    def __init__(self, error: Exception):
        super().__init__()
        self.error = error


class DashboardScreen(Screen):
    BINDINGS = [
        Binding("left_square_bracket", "step(-1)", "Day back"),
        Binding("right_square_bracket", "step(1)", "Day on"),
        Binding("left_curly_bracket", "step(-7)", "Week back", show=False),
        Binding("right_curly_bracket", "step(7)", "Week on", show=False),
        Binding("g", "go_to", "Go to"),
        Binding("0", "live", "Live"),
        Binding("p", "play", "Play"),
        Binding("n", "new", "New"),
        Binding("u", "undo", "Undo"),
        Binding("slash", "filter", "Filter"),
        Binding("L", "decision_log", "Decision log"),
        Binding("A", "follow_through", "Actions"),
        Binding("M", "rhythm", "Rhythm"),
        Binding("C", "context_notes", "Notes"),
        Binding("b", "brief", "Brief"),
        Binding("enter", "focus_pane('detail')", "Detail", show=False),
        *[
            Binding(str(n), f"focus_pane('{pane}')", pane.title(), show=False)
            for n, pane in enumerate(PANES, start=1)
        ],
    ]

    def __init__(self, deck: Staffdeck):
        super().__init__()
        self.deck = deck
        self.feed = StoreFeed(deck)
        self.history: History | None = None  # every event: time travel needs it
        self._recalled: ReadModels | None = None  # the present until the history is read
        self.by_key: dict[str, list[Event]] | None = None  # None until indexed
        self.following = False  # the launch's reading done: only new events from here
        self.launched = False  # and all its work: the forms built ahead, memory settled
        self._inbox: list[Event] = []  # filled by the feed's thread, emptied by the UI's
        self._inbox_lock = threading.Lock()
        self._first_frame = threading.Event()
        self._models: ReadModels | None = None  # what the panes show now
        self._look: Look | None = None  # and in which colours
        self._radar_picture: Text | None = None  # the blocker radar's subtitle
        self._banner_up = False  # on the top line (the past), or above the screen
        self._past_colour = Color(0, 0, 0)  # the theme's warning colour: the past's border
        self._past_border: tuple | None = None  # set over the panes' own borders
        self.moment: datetime | None = None  # None: live
        self.fresh: dict[str, float] = {}  # key → when its mark fades (monotonic)
        self.counts: OpenCounts | None = None
        self._player = None
        self.showing = ""  # set on mount: see _show
        self._current = "workstreams"  # the focused pane, the one shown when they are tabs
        self.last_table = "workstreams"
        self.triage_desk = TriageDesk(self)
        self._filtering: Pane | None = None  # the pane the filter bar narrows
        self.lost_since: datetime | None = None  # the store out of reach since then

    # ---- layout -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="banner")
        yield TimeBar()
        yield Static(id="tabs")
        with Grid(id="panes"):
            yield WorkstreamMapPane()
            yield DecisionQueuePane()
            yield BlockerRadarPane()
            yield DetailPane()
        yield Static(id="empty")
        yield FilterBar()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = str(self.deck.location)
        self._show("loading")
        self.query_one("#workstreams").focus()
        # Colours that carry meaning are drawn into the rows: a new theme redraws them.
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._load()

    @cached_property
    def pane_widgets(self) -> tuple[Widget, ...]:
        """The four panes, found once: a query by class walks every widget on the
        screen, half a millisecond on each refresh of the view."""
        return tuple(self.query_one(f"#{pane}") for pane in PANES)

    def _theme_changed(self, _theme: str) -> None:
        self._look = None  # read again, from the new theme
        self.refresh_view()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_BELOW, "narrow")
        self._show_tabs()

    def on_unmount(self) -> None:
        self.feed.stop()
        release_kept()  # the collector may free it all now (another app may follow)

    # ---- reading the store (worker threads) --------------------------------

    @work(thread=True, exclusive=True, group="store", description="read and follow the store")
    def _load(self) -> None:
        try:
            # Everything read here is kept while the dashboard is open: the
            # collector is paused while it is built, then never scans it again.
            with paused_gc(keep=True):
                history, saved = self._read_history()
        except FeedStopped:  # the dashboard closed meanwhile
            return
        except Exception as error:  # shown on screen; the app stays up
            self.post_message(StoreFailed(error))
            return
        self.post_message(StoreLoaded(history=history))
        # What the first frame does not need waits until it is drawn: this
        # thread would only slow it down, holding the interpreter's lock.
        self._first_frame.wait(timeout=5)
        self._measure_shape(history.events)
        by_key: dict[str, list[Event]] = defaultdict(list)
        with paused_gc(keep=True):  # an index kept as long as the history
            for event in history.events:
                for key in _shown_under(event):
                    by_key[key].append(event)
        self.post_message(HistoryIndexed(by_key))
        try:
            with self.feed.store() as deck:
                remember(deck, history.now, self.feed.position, saved=saved)
        except FeedStopped:
            return
        except StoreError:
            pass  # only a cache for the next launch; the feed says what is wrong
        self.post_message(Following())
        self.feed.follow(self.deliver, self._reach_changed)

    def _reach_changed(self, why: str | None) -> None:
        """From the feed's thread: the store went out of reach (why), or is back (None)."""
        self.post_message(StoreReturned() if why is None else StoreLost(why))

    def _read_history(self) -> tuple[History, int]:
        """All of history, and how many events the remembered present held (0 if
        none: it is saved again when far behind). The first frame comes first:
        the remembered present and the events since, or else a plain fold of
        every event; History's checkpoints (a third more work) come after it."""
        with self.feed.store() as deck:
            recalled = recall(deck)
        if recalled is not None:
            present, self.feed.position = recalled
            saved = len(present)
            present.apply_all(self.feed.read_new())
            self.post_message(StoreLoaded(present=present, remembered=True))
            self._first_frame.wait(timeout=5)
            events = self.feed.read_all()
        else:
            saved = 0
            events = self.feed.read_all()
            present = ReadModels.of(events)
            self.post_message(StoreLoaded(present=present))
            self._first_frame.wait(timeout=5)
        history = History(every=spacing_for(len(events)))
        history.extend(events)
        return history, saved

    def deliver(self, events: list[Event]) -> None:
        """From a worker thread: leave the events, ring once."""
        with self._inbox_lock:
            self._inbox.extend(events)
        self.post_message(StoreAdvanced())

    def _measure_shape(self, events: list[Event]) -> None:
        """In a worker thread: the time bar's sparklines, over all of history."""
        if events:
            end = max(self.now(), events[-1].at)
            counts = OpenCounts(events, events[0].at, end, SPARK_BUCKETS)
            self.app.call_from_thread(self._show_shape, counts)

    # The description is given: without one Textual would repr() every event.
    @work(thread=True, exclusive=True, group="shape", description="measure history's shape")
    def _measure_shape_again(self, events: list[Event]) -> None:
        self._measure_shape(events)

    def _show_shape(self, counts: OpenCounts) -> None:
        self.counts = counts
        self.query_one(TimeBar).shape(counts)

    def on_store_loaded(self, message: StoreLoaded) -> None:
        self.history, self._recalled = message.history, message.present
        self.refresh_view()
        self.call_after_refresh(self._first_frame.set)

    def on_following(self, _message: Following) -> None:
        self.following = True
        self.run_worker(self._after_launch(), group="launch", description="after the launch")

    async def _after_launch(self) -> None:
        """In the loop's spare time, once the launch's reading is done."""
        if self.app.forms_ahead:
            await self.triage_desk.ready_forms()
        if not self.app.is_running:
            return  # quitting: nothing to keep (and nothing frozen after the release)
        # What is alive now (history, widgets, forms) lives as long as the
        # dashboard: frozen out of the collector, whose full passes would each
        # scan it again (~20 ms at 100,000 events, landing on some key).
        keep_everything()
        self.launched = True

    def on_history_indexed(self, message: HistoryIndexed) -> None:
        self.by_key = message.by_key
        self._show_detail()

    def on_store_advanced(self, _message: StoreAdvanced) -> None:
        with self._inbox_lock:
            new, self._inbox = self._inbox, []
        if self.history is None or not new:
            return
        self.history.extend(new)
        fades = time.monotonic() + FRESH_SECONDS
        for event in new:
            self.fresh[event.key] = fades
            if self.by_key is None:
                continue
            for key in _shown_under(event):
                events = self.by_key.setdefault(key, [])
                events.append(event)
                if len(events) > 1 and events[-2].at > event.at:  # a backfill
                    events.sort(key=_at)
        self.set_timer(FRESH_SECONDS + 0.05, self.refresh_view)
        if self.counts is None or not self.counts.extend(new):
            self._measure_shape_again(list(self.history.events))
        else:
            self.query_one(TimeBar).shape(self.counts)
        self.refresh_view()

    def on_store_lost(self, message: StoreLost) -> None:
        self.lost_since = self.now()
        self.sub_title = f"{self.deck.location} · RECONNECTING"
        self.query_one(TimeBar).out_of_reach(self.lost_since, message.why)
        self.notify(
            f"Lost the store ({message.why}). Reconnecting; the view stays as it was.",
            severity="warning",
            markup=False,
            timeout=6,
        )

    def on_store_returned(self, _message: StoreReturned) -> None:
        self.lost_since = None
        self.sub_title = str(self.deck.location)
        self.query_one(TimeBar).out_of_reach(None)
        self.notify("The store is back: live again.", markup=False, timeout=3)

    def on_store_failed(self, message: StoreFailed) -> None:
        self._show("failed")
        self.query_one("#empty", Static).update(
            Text(f"The store cannot be read:\n\n{message.error}", style="bold")
        )

    # ---- what the panes show ----------------------------------------------

    def now(self) -> datetime:
        return self.app.clock()

    @property
    def live(self) -> bool:
        return self.moment is None

    def shown_moment(self) -> datetime:
        return self.moment or self.now()

    @property
    def present(self) -> ReadModels | None:
        """Every event folded; None until the store is read."""
        if self.history is not None:
            return self.history.now  # read each time: a backfill replaces it
        return self._recalled

    def models(self) -> ReadModels:
        assert self.present is not None
        if self.live or self.history is None:
            return self.present
        return self.history.as_of(self.moment)

    def refresh_view(self) -> None:
        if self.present is None:
            return
        recorded = len(self.present)
        self._show("empty" if recorded == 0 else "panes")
        if self.showing == "empty":
            self.query_one("#empty", Static).update(Text(EMPTY))
            return
        # Colours come from the theme (the detail pane uses them too); read once a
        # theme: the theme's variables take a millisecond to gather.
        if self._look is None:
            variables = self.app.get_css_variables()
            self._look = Look.of(variables)
            self._past_colour = Color.parse(variables["warning"])
        look = self._look
        moment, models = self.shown_moment(), self.models()
        self._models = models
        now = time.monotonic()
        self.fresh = {key: fades for key, fades in self.fresh.items() if fades > now}
        fresh = set(self.fresh)
        workstreams = models.workstream_map(moment)
        self.query_one(WorkstreamMapPane).show(_keys(workstreams), workstreams, fresh, look)
        queue = models.decision_queue(moment)
        self.query_one(DecisionQueuePane).show(queue.keys, queue, fresh, look)
        radar, rows = self.query_one(BlockerRadarPane), models.blocker_radar(moment)
        radar.show(_keys(rows), rows, fresh, look)
        picture = radar_picture(rows, look)
        self._show_detail()
        self.query_one(TimeBar).show(moment, self.live, recorded)
        # One line: a new moment in it never needs a new layout of the screen.
        banner = self.query_one("#banner", Static)
        banner.update(f"AS KNOWN AT {when(moment)} · read-only · press 0 for live", layout=False)
        # The banner and each pane marked on its own, not a class on the screen:
        # that restyles every widget on it, ~90 ms on the first key into the past.
        if self._banner_up == self.live:  # moved only when it changes: each move is a layout
            self._banner_up = not self.live
            banner.styles.offset = (0, 0 if self._banner_up else -1)
        # The past's border colour is set on each pane, over the stylesheet's (and
        # over its focus colour): a class would restyle the pane from the
        # stylesheet, ~1.5 ms a pane as the first key enters the past.
        border = None if self.live else ("round", self._past_colour)
        if border != self._past_border:  # None: the stylesheet's again
            self._past_border = border
            for pane in self.pane_widgets:
                pane.styles.border = border
        known_at = "" if self.live else f"as known at {when(moment)}"
        for pane in self.pane_widgets:
            if pane is not radar and subtitle(pane) != known_at:
                set_subtitle(pane, known_at)
        if known_at:
            picture.append(f" · {known_at}")
        if picture != self._radar_picture:
            set_subtitle(radar, picture)
            self._radar_picture = picture

    def _show(self, what: str) -> None:
        """loading (the panes, empty, and the time bar saying so), panes, or empty
        or failed (a message in place of the panes).

        The panes are laid out while the store is read, so the frame that fills
        them has their sizes already: shown only then, they took a layout, and
        their new sizes asked for another, while the reader folded history beside
        them. Each part's own `display`, not a class on the screen: a screen's
        class restyles every widget on it, a tenth of a second on the first frame."""
        if what != self.showing:
            self.showing = what
            panes = what in ("loading", "panes")
            self.query_one("#empty").display = not panes
            self.query_one("#panes").display = panes
            self.query_one(TimeBar).display = panes
            if panes and self.focused is None:  # hidden, a pane loses the focus
                self.query_one(f"#{self.last_table}").focus()

    def _show_detail(self) -> None:
        if self._models is None or self._look is None:
            return
        key = self.selected_key()
        events = self._events_of(key, self.shown_moment())
        self.query_one(DetailPane).show(detail_of(key, self._models, events, self._look))

    def _events_of(self, key: str | None, moment: datetime) -> list[Event]:
        if key is None or self.by_key is None:  # not indexed yet: shown when it is
            return []
        return [e for e in self.by_key.get(key, ()) if e.at <= moment]

    def selected_key(self) -> str | None:
        """The item selected in the table pane focused last (the detail pane has none)."""
        return self.selected_in(self.last_table)

    def selected_in(self, pane: str) -> str | None:
        return self.query_one(f"#{pane}", Pane).selected_key

    def workstream_in_view(self) -> str | None:
        """The selected workstream, or the selected item's: where a new item goes."""
        key, present = self.selected_key(), self.present
        if key is None or present is None or key.startswith("W-"):
            return key
        for items in (present.decisions.decisions, present.blockers.blockers):
            if key in items:
                return items[key].workstream
        return None

    @on(Pane.Highlighted)
    def _row_highlighted(self, event: Pane.Highlighted) -> None:
        if event.pane.has_focus:
            self._show_detail()

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if widget.id in PANES:
            self._current = widget.id
            if isinstance(widget, Pane):
                self.last_table = widget.id
            for pane in self.pane_widgets:
                pane.set_class(pane.id == widget.id, "current")
            self._show_tabs()
            if isinstance(widget, Pane):
                self._show_detail()

    def _show_tabs(self) -> None:
        tabs = Text()
        for n, pane in enumerate(PANES, start=1):
            style = "bold reverse" if pane == self._current else ""
            tabs.append(f" {n} {pane.title()} ", style=style)
            tabs.append(" ")
        self.query_one("#tabs", Static).update(tabs)

    # ---- moving in time ----------------------------------------------------

    def go(self, moment: datetime | None) -> None:
        """Show the store as known at `moment`; None, or any moment from now on, is live."""
        if moment is not None and moment >= self.now():
            moment = None
        if moment is not None and self.history is None:
            self.notify("Still reading the history: time travel in a moment.", timeout=2)
            return
        self.moment = moment
        if moment is None:
            self._stop_playing()
        self.refresh_view()

    def action_step(self, days: int) -> None:
        self.go(self.shown_moment() + timedelta(days=days))

    def action_live(self) -> None:
        self.go(None)

    def action_go_to(self) -> None:
        self.app.push_screen(GoToDate(self.now()), self._went_to)

    def _went_to(self, moment: datetime | None) -> None:
        if moment is not None:
            self.go(moment)

    def action_play(self) -> None:
        """A day a second, from the moment shown (from the start, if live)."""
        if self._player is not None:
            self._stop_playing()
            self.notify("Paused.", timeout=1.5)
            return
        if self.history is None:
            self.go(self.now() - timedelta(days=1))  # says why it cannot yet
            return
        if self.live and len(self.history):
            first = self.history.first_moment()
            self.go(first.replace(hour=23, minute=59, second=59))
        self._player = self.set_interval(1.0, lambda: self.action_step(1))

    def _stop_playing(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player = None

    def action_when_decided(self) -> None:
        self.when_decided(self.query_one(DecisionQueuePane).selected_key)

    def when_decided(self, key: str | None) -> None:
        """The decision's moment: as known just before it was made, with it selected."""
        present = self.present
        record = present.decisions.decisions.get(key) if present and key else None
        if record is None or record.decided_at is None:
            self.notify(f"{key} has not been decided yet." if key else "No decision selected.")
            return
        self.go(record.decided_at - timedelta(microseconds=1))
        self.query_one(DecisionQueuePane).select(key)
        self.query_one(DecisionQueuePane).focus()
        self.notify(f"As known when {key} was decided, {when(record.decided_at)}.", timeout=3)

    # The screens behind a key load on first use, not with every launch.

    def action_decision_log(self) -> None:
        from tui.screens.decision_log import DecisionLogScreen

        if self.present is None:
            return
        log = DecisionLogScreen(self.models(), self.shown_moment(), live=self.live)
        self.app.push_screen(log, lambda key: self.when_decided(key) if key else None)

    def action_follow_through(self) -> None:
        from tui.screens.follow_through import FollowThroughScreen

        if self.present is not None:
            self.app.push_screen(FollowThroughScreen(self))

    def action_rhythm(self) -> None:
        from tui.screens.rhythm import RhythmScreen

        if self.present is not None:
            self.app.push_screen(RhythmScreen(self))

    def action_context_notes(self) -> None:
        from tui.screens.context_notes import NotesScreen

        if self.present is not None:
            self.app.push_screen(NotesScreen(self))

    def action_brief(self) -> None:
        # Textual's Markdown view alone is a tenth of a second of a launch.
        from tui.screens.brief import brief_for_selection

        if screen := brief_for_selection(self):
            self.app.push_screen(screen)

    def action_focus_pane(self, pane: str) -> None:
        self.query_one(f"#{pane}").focus()

    # ---- triage: writes through the store, and the filter ------------------------

    def action_triage(self, pane: str, name: str) -> None:
        self.triage_desk.run(pane, name)

    def action_new(self) -> None:
        from tui.screens.create import CreatePicker

        def picked(name: str | None) -> None:
            if name is not None:
                self.triage_desk.run("new", name)

        if problem := self.triage_desk.refusal():
            self.notify(problem, severity="warning", timeout=4)
            return
        self.app.push_screen(CreatePicker(), picked)

    def action_undo(self) -> None:
        self.triage_desk.undo()

    def action_filter(self) -> None:
        pane = self.query_one(f"#{self.last_table}", Pane)
        self._filtering = pane
        bar = self.query_one(FilterBar)
        bar.value = pane.filter_text
        bar.display = True
        bar.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if self._filtering is not None:
            self._filtering.filter(event.value, parse_filter(event.value))

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        self._close_filter()

    def action_clear_filter(self) -> None:
        if self._filtering is not None:
            self._filtering.filter("", parse_filter(""))
        self._close_filter()

    def _close_filter(self) -> None:
        self.query_one(FilterBar).display = False
        if self._filtering is not None:
            self._filtering.focus()


def _keys(rows: list) -> list[str]:
    return [row.key for row in rows]


def _shown_under(event: Event) -> tuple[str, ...]:
    """The items whose detail shows the event: its own, and those a note is linked to."""
    return (event.key, *event.links) if isinstance(event, NoteLogged) else (event.key,)


def _at(event: Event) -> datetime:
    return event.at


class FilterBar(Input):
    """`/`: narrows the focused pane as you type; enter keeps it, escape clears it."""

    BINDINGS = [Binding("escape", "screen.clear_filter", "Clear filter")]

    def __init__(self):
        super().__init__(
            placeholder="words, owner:NAME ws:W-1 sev:high status:overdue",
            id="filter",
            highlighter=CONTROL_MARKS,
        )

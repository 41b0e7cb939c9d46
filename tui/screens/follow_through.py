"""`A`: follow-through — the actions owed, which have slipped, which got done,
and how the completion rate has moved week by week.

`c` completes the selected action and `x` drops it with a reason, through the
dashboard's triage desk: the same forms, the same refusal in the past, the
same store. The screen redraws when the dashboard's present moves on.
"""

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Static

from projections.completion_trend import completion_trend
from projections.follow_through import ActionState
from tui.look import Look, plain, said
from tui.screens.over_dashboard import OverDashboard
from tui.widgets.detail import DetailPane, when
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.pane import Pane, day

SHOWS = ("owed", "slipped", "done", "all")  # `f` cycles through them
BARS = " ▁▂▃▄▅▆▇█"


class ActionsPane(Pane):
    COLUMNS = (
        ("Key", 6, 0),
        ("Action", None, 0),
        ("Owner", 14, 1),
        ("Due", 10, 0),
        ("Status", 14, 0),
        ("From", 6, 3),
        ("Closed", 10, 2),
    )

    def __init__(self):
        super().__init__("Actions", id="actions")
        self.today = datetime.min.date()  # set before each show: what "slipped" is judged by

    def cells(self, a: ActionState, look: Look) -> list[Text]:
        if a.status == "open" and a.due < self.today:
            status = Text(f"SLIPPED {(self.today - a.due).days}d", style=look.alarm)
        elif a.status == "open":
            status = Text("open")
        else:
            status = Text(a.status, style=look.good if a.status == "completed" else look.muted)
        return [
            plain(a.key),
            plain(a.title),
            plain(a.owner),
            day(a.due),
            status,
            plain(a.source or ""),
            day(a.closed_at.date() if a.closed_at else None),
        ]


class FollowThroughScreen(OverDashboard):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("c", "triage('complete')", "Complete"),
        Binding("x", "triage('drop')", "Drop"),
        Binding("f", "next_show", "Owed / slipped / done / all"),
    ]

    def __init__(self, dashboard):
        super().__init__(dashboard)
        self.show_what = "owed"

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="trend")
        with Horizontal(id="follow-panes"):
            yield ActionsPane()
            yield DetailPane("Action", id="action")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Follow-through{self.known_at()}"
        self.query_one(ActionsPane).focus()
        self.follow()

    def draw(self) -> None:
        moment, models = self.dashboard.shown_moment(), self.dashboard.models()
        look = Look.of(self.app.get_css_variables())
        self._show_actions(look)
        # Twelve moments folded: only when the store moved, not when `f` changes the list.
        self._show_trend(models.follow_through(moment), moment, look)

    def _show_actions(self, look: Look) -> None:
        moment, models = self.dashboard.shown_moment(), self.dashboard.models()
        today = moment.date()
        every = models.actions.actions
        chosen = [a for a in every.values() if _shown(a, self.show_what, today)]
        chosen.sort(key=lambda a: _order(a, today))
        pane = self.query_one(ActionsPane)
        pane.today = today
        pane.show([a.key for a in chosen], chosen, set(), look)
        pane.border_title = f"Actions · {self.show_what} · {len(chosen)} of {len(every)}  (f: next)"
        self._show_action()

    def _show_trend(self, now, moment: datetime, look: Look) -> None:
        text = Text()
        rate = "n/a" if now.completion_rate is None else f"{now.completion_rate:.0%}"
        text.append(f"{now.open} open · ")
        text.append(f"{now.slipped} slipped", style=look.alarm if now.slipped else "")
        text.append(
            f" · {now.completed} completed · {now.dropped} dropped · completion rate {rate}"
        )
        if self.dashboard.history is not None:
            weeks = completion_trend(self.dashboard.history, moment)
            text.append("\nCompletion rate at each week's end, last 12 weeks: ")
            for week in weeks:
                text.append(_bar(week.rate), style=look.good)
            text.append("  ")
            text.append(" ".join(_percent(w.rate) for w in weeks[-4:]), style=look.muted)
            text.append(" (last four)", style=look.muted)
        self.query_one("#trend", Static).update(text)

    def _show_action(self) -> None:
        key = self.query_one(ActionsPane).selected_key
        action = self.dashboard.models().actions.actions.get(key) if key else None
        self.query_one("#action", DetailPane).show(_record(action))

    def on_pane_highlighted(self) -> None:
        self._show_action()

    def action_triage(self, name: str) -> None:
        key = self.query_one(ActionsPane).selected_key
        self.dashboard.triage_desk.run("actions", name, key=key)

    def action_next_show(self) -> None:
        self.show_what = SHOWS[(SHOWS.index(self.show_what) + 1) % len(SHOWS)]
        self._show_actions(Look.of(self.app.get_css_variables()))

    def action_close(self) -> None:
        self.dismiss()


def _shown(action: ActionState, what: str, today) -> bool:
    match what:
        case "owed":
            return action.status == "open"
        case "slipped":
            return action.status == "open" and action.due < today
        case "done":
            return action.status != "open"
    return True


def _order(action: ActionState, today) -> tuple:
    """Slipped first, most late first; then owed by due date; then closed, latest first."""
    if action.status == "open":
        return (0 if action.due < today else 1, action.due.toordinal(), action.key)
    return (2, -action.closed_at.timestamp() if action.closed_at else 0, action.key)


def _record(action: ActionState | None) -> list[Text]:
    if action is None:
        return [Text("No action here.")]
    lines = [
        said(f"{action.key}  {action.title}", "bold"),
        said(f"Owner: {action.owner}"),
        said(f"Due: {action.due}"),
        said(f"Status: {action.status}"),
        said(f"From: {action.source or '—'}"),
        said(f"Assigned: {when(action.assigned_at)}"),
    ]
    if action.closed_at:
        lines.append(said(f"Closed: {when(action.closed_at)}"))
    if action.closing_note:
        label = "Done" if action.status == "completed" else "Why dropped"
        lines.append(said(f"{label}: {action.closing_note}"))
    return lines


def _bar(rate: float | None) -> str:
    return "·" if rate is None else BARS[round(rate * (len(BARS) - 1))]


def _percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:.0%}"

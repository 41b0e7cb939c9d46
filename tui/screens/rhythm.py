"""`M`: the operating rhythm — when each ritual meets over the coming four
weeks, and whether it still earns its time.

One row per ritual: the days it meets, week by week, from the Monday of the
moment the dashboard shows; then its audit over the last meetings. A ritual
that informs nothing is marked for retirement; a retired one is dimmed with
its reason. The selected ritual's whole record and meetings are beside it.
`h` and `R` write through the dashboard's triage desk, and the screen redraws
when the store has the event (or another process's).
"""

import time
from collections import defaultdict
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from events import RitualHeld
from projections.read_models import ReadModels
from projections.rhythm_weeks import WEEKS, Meeting, rhythm_weeks, week_starts
from projections.ritual_audit import AUDIT_WINDOW, AuditRow, RitualState
from tui.look import Look, plain, said
from tui.screens.over_dashboard import OverDashboard
from tui.visible import visible
from tui.widgets.detail import DetailPane, when
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.pane import Pane, day

if TYPE_CHECKING:
    from tui.screens.dashboard import DashboardScreen

WEEK_WIDTH = 11  # "Thu 19 held"


class RhythmRow(NamedTuple):
    audit: AuditRow
    weeks: tuple[tuple[Meeting, ...], ...]  # empty for a retired ritual


class RhythmPane(Pane):
    COLUMNS = (
        ("Key", 5, 0),
        ("Ritual", None, 0),
        ("Cadence", 9, 2),
        *[(f"Week {n + 1}", WEEK_WIDTH, 1) for n in range(WEEKS)],  # named by show_weeks
        ("Last held", 10, 3),
        (f"Audit of the last {AUDIT_WINDOW} meetings", 38, 0),
    )

    def __init__(self):
        super().__init__("Operating rhythm", id="rhythm")

    def show_weeks(self, starts: tuple[date, ...]) -> None:
        """Name each week's column by its Monday."""
        weeks = [(f"Week {start:%b} {start.day}", WEEK_WIDTH, 1) for start in starts]
        self.COLUMNS = (*self.COLUMNS[:3], *weeks, *self.COLUMNS[-2:])

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._rows) + 1  # the header, then every ritual

    def cells(self, r: RhythmRow, look: Look) -> list[Text]:
        a = r.audit
        cells = [
            plain(a.key),
            plain(a.name),
            plain(a.cadence),
            *[meeting_days(week, look) for week in r.weeks or [()] * WEEKS],
            day(a.last_held),
            verdict(a, look),
        ]
        if a.retired:  # dimmed throughout; the reason says why
            for cell in cells:
                cell.stylize(look.muted)
        return cells


def meeting_days(week: tuple[Meeting, ...], look: Look) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for n, meeting in enumerate(week):
        if n:
            text.append(", ")
        text.append(f"{meeting.on:%a} {meeting.on.day}")
        if meeting.state == "held":
            text.append(" held", style=look.muted)
        elif meeting.state == "late":
            text.append(" late", style=look.warn)
    return text


def verdict(a: AuditRow, look: Look) -> Text:
    """The audit in words: colour is never the only signal."""
    if a.retired:
        return Text(f"retired: {visible(a.retired_reason or '')}")
    meetings = min(a.occurrences, AUDIT_WINDOW)
    if a.retirement_candidate:
        return Text(f"RETIRE? informs nothing in {meetings} meetings", style=look.alarm)
    if not a.occurrences:
        return Text("not held yet", style=look.muted)
    informed, surfaced = a.decisions_informed, a.blockers_surfaced
    return Text(f"✓ informed {informed} · surfaced {surfaced}", style=look.good)


class RhythmScreen(OverDashboard):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("h", "write('hold')", "Record a meeting"),
        Binding("R", "write('retire')", "Retire"),
        Binding("b", "brief", "Brief"),
        Binding("u", "undo", "Undo"),
    ]

    def __init__(self, dashboard: "DashboardScreen"):
        super().__init__(dashboard)
        self._look: Look | None = None
        self._shown: tuple[ReadModels, datetime] | None = None  # and the models, at which moment

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield RhythmPane()
        yield DetailPane("Ritual", id="ritual")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _theme: self.redraw(), init=False)
        self.follow()
        self.pane.focus()

    @property
    def pane(self) -> RhythmPane:
        return self.query_one(RhythmPane)

    def drawn_from(self) -> tuple:
        """What a redraw depends on: the events folded, the notes indexed, the marks."""
        dashboard, now = self.dashboard, time.monotonic()
        fresh = frozenset(k for k, fades in dashboard.fresh.items() if fades > now)
        return (len(dashboard.present or ()), dashboard.by_key is None, fresh)

    def draw(self) -> None:
        if self.dashboard.present is None:
            self.query_one("#ritual", DetailPane).show([Text("Reading the store …")])
            return
        look = self._look = Look.of(self.app.get_css_variables())
        dashboard = self.dashboard
        moment, live, models = dashboard.shown_moment(), dashboard.live, dashboard.models()
        self._shown = (models, moment)
        known_at = "" if live else f"as known at {when(moment)}"
        self.sub_title = "Operating rhythm" + (f" · {known_at}" if known_at else "")
        self.set_class(not live, "past")
        today = moment.astimezone().date()
        starts = week_starts(today)
        weeks = {row.key: row.weeks for row in rhythm_weeks(models.rituals, today)}
        rows = [RhythmRow(a, weeks.get(a.key, ())) for a in models.ritual_audit()]
        pane = self.pane
        pane.show_weeks(starts)
        pane.show([r.audit.key for r in rows], rows, set(self._drawn[2]), look)
        pane.refresh(layout=True)  # as tall as its rows: a new ritual makes it taller
        active = sum(not r.audit.retired for r in rows)
        pane.border_title = f"Operating rhythm · {active} active of {len(rows)}"
        legend = "held: recorded · late: due, not recorded"
        pane.border_subtitle = f"{legend} · {known_at}" if known_at else legend
        self._show_ritual()

    def _show_ritual(self) -> None:
        assert self._look is not None and self._shown is not None
        models, moment = self._shown
        key = self.pane.selected_key
        state = models.rituals.rituals.get(key) if key else None
        audit = next((a for a in models.ritual_audit() if a.key == key), None)
        if state is None or audit is None:
            self.query_one("#ritual", DetailPane).show(
                [Text("No rituals yet: establish one from the dashboard (n r).")]
            )
            return
        lines = ritual_record(state, audit, self._look)
        lines.append(Text(f"\nMeetings, newest first ({len(state.occurrences)})", style="bold"))
        for held_on, informed, surfaced, notes in self._meetings(state, moment):
            line = Text.assemble((f"{held_on:%Y-%m-%d %a}  ", "bold"), "informed ")
            line.append(f"{', '.join(informed) or '—'}  ")
            line.append(f"surfaced {', '.join(surfaced) or '—'}")
            lines.append(line)
            if notes:
                lines.append(Text("    ") + said(notes, self._look.muted))
        if not state.occurrences:
            lines.append(Text("Not held yet: h records a meeting.", style=self._look.muted))
        self.query_one("#ritual", DetailPane).show(lines)

    def _meetings(self, state: RitualState, moment: datetime) -> list[tuple]:
        """Each meeting with its notes (the read model keeps no notes: they come
        from the ritual's events, once the dashboard has indexed them)."""
        notes: dict[tuple, list[str]] = defaultdict(list)
        for event in (self.dashboard.by_key or {}).get(state.key, ()):
            if isinstance(event, RitualHeld) and event.at <= moment:
                notes[(event.held_on, event.informed, event.surfaced)].append(event.notes)
        meetings = []
        for o in state.occurrences:
            written = notes[(o.held_on, o.informed, o.surfaced)]
            meetings.append((o.held_on, o.informed, o.surfaced, written.pop(0) if written else ""))
        return sorted(meetings, key=lambda m: m[0], reverse=True)

    @on(Pane.Highlighted)
    def _highlighted(self) -> None:
        if self._shown is not None:
            self._show_ritual()

    # ---- writes: through the dashboard's triage desk ---------------------------------

    def action_brief(self) -> None:
        """The principal's brief for the selected ritual's next meeting."""
        key, history = self.pane.selected_key, self.dashboard.history
        if key is None or history is None:
            self.notify("Select a ritual first." if key is None else "Still reading the history.")
            return
        from tui.screens.brief import BriefScreen  # loaded on first use, as the dashboard's `b`

        self.app.push_screen(BriefScreen(history, self.dashboard.shown_moment(), ritual=key))

    def action_write(self, name: str) -> None:
        key, present = self.pane.selected_key, self.dashboard.present
        state = present.rituals.rituals.get(key) if present and key else None
        if self.dashboard.live and state is not None and state.retired_reason is not None:
            self.notify(f"{key} is retired: {state.retired_reason}", markup=False, timeout=4)
            return
        self.dashboard.triage_desk.run("rituals", name, key=key)

    def action_undo(self) -> None:
        self.dashboard.triage_desk.undo()

    def action_close(self) -> None:
        self.dismiss()


def ritual_record(state: RitualState, audit: AuditRow, look: Look) -> list[Text]:
    def field(label: str, value: str) -> Text:
        return Text.assemble((f"{label}: ", "bold"), said(value))

    lines = [said(f"{state.key}  {state.name}", "bold")]
    if state.retired_reason is not None:
        retired = when(state.retired_at) if state.retired_at else "?"
        lines.append(said(f"Retired {retired}: {state.retired_reason}", look.muted))
    elif audit.retirement_candidate:
        lines.append(Text.assemble(verdict(audit, look), ": R retires it, h records what it earns"))
    elif audit.occurrences:
        recent = min(audit.occurrences, AUDIT_WINDOW)
        informed, surfaced = audit.decisions_informed, audit.blockers_surfaced
        earned = f"informed {informed} decisions and surfaced {surfaced} blockers"
        lines.append(Text(f"Its last {recent} meetings {earned}.", style=look.good))
    next_due = f" · next due {audit.next_due:%a %Y-%m-%d}" if audit.next_due else ""
    lines += [
        field("Cadence", state.cadence + next_due),
        field("Owner", state.owner),
        field("Purpose", state.purpose),
        field("Attendees", ", ".join(state.attendees) or "—"),
        field("Established", when(state.established_at)),
    ]
    return lines

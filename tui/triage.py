"""Triage from the dashboard: open an action's form, write, undo.

Every write goes through the application service, from a worker thread, and
the screen updates from the store (the live path), never by hand. In the past
every write is refused: the dashboard there shows what was known, not what is.
"""

import asyncio
from typing import TYPE_CHECKING

from rich.text import Text

from domain.errors import DomainError
from domain.store import StoreError, WriteUncertain
from domain.undo import Undo
from events import Event
from projections.similar_decisions import DecisionWords
from projections.timeline import describe
from tui.actions import BY_PANE, Selection, Triage, find
from tui.feed import FeedStopped
from tui.look import said
from tui.screens.confirm import Confirm
from tui.screens.form import Answers, FormScreen
from tui.widgets.detail import when

if TYPE_CHECKING:
    from tui.screens.dashboard import DashboardScreen


DASHBOARD_PANES = ("workstreams", "decisions", "blockers", "new")  # where `run` finds the selection
BETWEEN_FORMS = 0.05  # seconds


def _never_written(_answers: Answers) -> Event:
    raise AssertionError("a form built ahead is opened again before it is used")


def _no_aside(_answers: Answers) -> Text:
    return Text()


def _name(kept: str, form: FormScreen) -> str:
    """A kept form's name among the app's installed screens: one of its own, as one
    built ahead and one opened meanwhile may both be installed for a moment."""
    return f"triage-{kept}-{id(form)}"


class TriageDesk:
    """The dashboard's writes: the forms, the store, and what this session did."""

    def __init__(self, screen: "DashboardScreen"):
        self.screen = screen
        self.done: list[Event] = []  # this session's changes, newest last: what `u` takes back
        self.forms: dict[str, FormScreen] = {}  # by action: opened again while they fit

    # ---- may we write? -----------------------------------------------------------

    def refusal(self) -> str:
        """Why nothing can be written now ("" when it can)."""
        screen = self.screen
        if not screen.live:
            assert screen.moment is not None
            return (
                f"Read-only: this is the dashboard as known at {when(screen.moment)}. "
                "Press 0 to go back to live, then try again."
            )
        if screen.history is None:
            return "Still reading the store: try again in a moment."
        return ""

    def selection(self, key: str | None) -> Selection:
        screen = self.screen
        assert screen.present is not None
        return Selection(
            key=key,
            present=screen.present,
            today=screen.now().astimezone().date(),
            workstream=screen.workstream_in_view(),
        )

    # ---- running an action ---------------------------------------------------------

    def run(self, pane: str, name: str, *, key: str | None = None) -> None:
        """An action on the selected item of a dashboard pane, or, from another
        screen (follow-through, the rhythm), on the `key` that screen names."""
        if problem := self.refusal():
            self.screen.notify(problem, severity="warning", timeout=4)
            return
        action = find(pane, name)
        if key is None and pane in DASHBOARD_PANES:
            key = self._selected(pane)
        if action.noun and key is None:
            self.screen.notify(f"Select a {action.noun} first (j / k move).", severity="warning")
            return
        if action.fields is None:
            self._in_worker(self._write_at_once, action, key, what="write to the store")
            return
        selection = self.selection(key)
        aside = self._similar_decisions(selection) if action.name == "new_decision" else None
        title, fields = action.title(key), action.fields(selection)

        def write(answers: Answers) -> Event:
            return self.write(action, key, answers)

        app, kept = self.screen.app, f"{action.pane}:{action.name}"
        form = self.forms.get(kept)
        if (
            form is not None
            and form not in app.screen_stack
            and form.takes(fields, aside=aside is not None, warning=action.warning)
        ):
            form.reopen(title, fields, write, aside=aside)
        else:
            form = FormScreen(title, fields, write, aside=aside, warning=action.warning)
            self._keep(kept, form)
        app.push_screen(form, self.recorded)

    def _selected(self, pane: str) -> str | None:
        """What a dashboard pane's action acts on: its selected row; a new item's
        is the selection in the table focused last (where it goes, what it is from)."""
        screen = self.screen
        return screen.selected_key() if pane == "new" else screen.selected_in(pane)

    def _keep(self, kept: str, form: FormScreen) -> None:
        """Keep the form mounted once closed, to open again for the next item (a
        Textual screen stays mounted while it is installed); one per action."""
        app = self.screen.app
        if (old := self.forms.get(kept)) is not None:
            if old in app.screen_stack:
                return  # still open: the new form is used once, not kept
            app.uninstall_screen(old)
            old.remove()
        app.install_screen(form, _name(kept, form))
        self.forms[kept] = form

    # ---- forms built ahead ---------------------------------------------------------

    async def ready_forms(self) -> None:
        """Build each dashboard action's form ahead, once the launch's work is done,
        so that even its first opening is an opening again (~15 ms, not ~50)."""
        app, screen = self.screen.app, self.screen
        for action in [
            a for pane in DASHBOARD_PANES for a in BY_PANE[pane] if a.fields is not None
        ]:
            # Between forms the loop is free: a key waits for one form at most.
            await asyncio.sleep(BETWEEN_FORMS)
            if not (app.is_running and screen.is_attached):
                return  # the app quitting: its widgets are going
            kept = f"{action.pane}:{action.name}"
            if kept in self.forms:  # opened already
                continue
            key = self._selected(action.pane)
            aside = _no_aside if action.name == "new_decision" else None
            form = FormScreen(
                action.title(key), action.fields(self.selection(key)), _never_written,
                aside=aside, warning=action.warning,
            )  # fmt: skip
            app.install_screen(form, _name(kept, form))
            # Mounted and styled as a pushed screen is, but not shown (Textual has
            # no public call for it; the project pins textual < 9).
            _, mounted = app._get_screen(form)
            app._load_screen_css(form)
            await mounted
            if kept in self.forms:  # opened meanwhile: that one is kept
                app.uninstall_screen(form)
                await form.remove()
            else:
                self.forms[kept] = form

    def write(self, action: Triage, key: str | None, answers: Answers) -> Event:
        """In a worker thread: append through the service, then read it back at once."""
        try:
            with self.screen.feed.store() as deck:
                if problem := self.refusal():  # the view may have moved meanwhile
                    raise DomainError(problem)
                event = action.write(deck, key, answers)
        except FeedStopped:
            raise StoreError("The dashboard is closing; nothing was written.") from None
        self._read_back()
        return event

    def _read_back(self) -> None:
        """The store's new events, now: the watcher would bring them a moment later.

        The write is done whatever happens here: a store gone out of reach just
        after it must not turn "recorded" into "not recorded"; the feed catches up."""
        try:
            if new := self.screen.feed.read_new():
                self.screen.deliver(new)
        except (FeedStopped, StoreError):
            pass

    def _in_worker(self, work, *args, what: str) -> None:
        """Store work off the UI thread (the desk is no widget: the screen runs it)."""
        self.screen.run_worker(lambda: work(*args), thread=True, group="write", description=what)

    def _write_at_once(self, action: Triage, key: str | None) -> None:
        try:
            event = self.write(action, key, {})
        except WriteUncertain as error:
            self.screen.app.call_from_thread(self._uncertain, error)
            return
        except (DomainError, StoreError) as error:
            self.screen.app.call_from_thread(self._refused, str(error))
            return
        self.screen.app.call_from_thread(self.recorded, event)

    def _refused(self, message: str) -> None:
        self.screen.notify(f"Not recorded: {message}", severity="error", markup=False, timeout=6)

    def _uncertain(self, error: WriteUncertain) -> None:
        """Neither "recorded" nor "not recorded": the message says which is unknown."""
        self.screen.notify(str(error), severity="error", markup=False, timeout=10)

    def recorded(self, event: Event | None) -> None:
        if event is not None:
            self.done.append(event)
            self.screen.notify(
                f"Recorded: {event.key} {describe(event)}  (u undoes)", markup=False, timeout=4
            )

    def _similar_decisions(self, selection: Selection):
        index = DecisionWords(selection.present.decisions)

        def aside(answers: Answers) -> Text:
            found = index.similar_to(answers.get("question") or "")
            if not found:
                return Text("No earlier decision asks much the same question.")
            text = Text("Asked before:\n", style="bold")
            for similar in found:
                record = similar.record
                text.append(f"  {record.key} ", style="bold")
                text.append_text(said(f"{record.question}  [{record.status}]\n"))
                if record.choice:
                    text.append_text(said(f"    chose {record.choice}: {record.reasoning}\n"))
                elif record.closed_why:
                    text.append_text(said(f"    {record.closed_why}\n"))
            return text

        return aside

    # ---- undo ------------------------------------------------------------------------

    def undo(self) -> None:
        """`u`: the compensating event for this session's last change, after a yes."""
        self._in_worker(self._prepare_undo, what="prepare an undo")

    def _prepare_undo(self) -> None:
        app = self.screen.app
        if problem := self.refusal():
            app.call_from_thread(self.screen.notify, problem, severity="warning", timeout=4)
            return
        if not self.done:
            app.call_from_thread(
                self.screen.notify, "Nothing to undo: nothing was recorded from this dashboard yet."
            )
            return
        event = self.done[-1]
        try:
            with self.screen.feed.store() as deck:
                undo = deck.undo_of(event)
                preview = undo.event_type(
                    key=undo.key, at=deck.clock(), actor=deck.actor, **undo.fields
                )
        except (DomainError, StoreError, FeedStopped) as error:
            app.call_from_thread(self._refused, f"cannot undo {event.key}: {error}")
            return
        text = Text()
        text.append("Your last change:\n", style="bold")
        text.append_text(said(f"  {event.key} {describe(event)}\n\n"))
        text.append("Undo appends to the store:\n", style="bold")
        text.append_text(said(f"  {undo.key} {describe(preview)}\n\n"))
        text.append("History keeps both; nothing is deleted.")
        confirm = Confirm("Undo your last change?", text, yes="Append it")
        app.call_from_thread(app.push_screen, confirm, lambda yes: self._undo(event, undo, yes))

    def _undo(self, event: Event, undo: Undo, yes: bool | None) -> None:
        if yes:
            self._in_worker(self._compensate, event, undo, what="append an undo")

    def _compensate(self, event: Event, undo: Undo) -> None:
        app = self.screen.app
        try:
            with self.screen.feed.store() as deck:
                if problem := self.refusal():
                    raise DomainError(problem)
                appended = deck.compensate(undo)
        except WriteUncertain as error:
            app.call_from_thread(self._uncertain, error)
            return
        except (DomainError, StoreError, FeedStopped) as error:
            app.call_from_thread(self._refused, str(error))
            return
        self._read_back()
        app.call_from_thread(self._undone, event, appended)

    def _undone(self, event: Event, appended: Event) -> None:
        if self.done and self.done[-1] is event:
            self.done.pop()
        self.screen.notify(f"Undone: {appended.key} {describe(appended)}", markup=False, timeout=4)

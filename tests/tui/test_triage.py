"""Triage from the keyboard: keys in, then the store read back through the
application service — a fresh connection, not the dashboard's rows.

Every action on every pane, each kind of validation error, domain refusals
shown in the form, undo, the palette, filters, and writes refused in the past.
"""

import asyncio
import threading
from collections.abc import Callable
from datetime import date

import pytest
from textual.widgets import Input, Select, Static, TextArea

from domain.service import Staffdeck
from events import tag_of
from tests.tui.conftest import SIZE, fixed_clock, palette_searched, until
from tui.actions import BY_PANE
from tui.screens.confirm import Confirm
from tui.screens.dashboard import DashboardScreen
from tui.screens.form import FormScreen
from tui.widgets.detail import DetailPane
from tui.widgets.pane import Pane

PANE_KEYS = {"workstreams": "1", "decisions": "2", "blockers": "3"}


def store_of(path: str) -> Staffdeck:
    return Staffdeck(path, actor="checker", clock=fixed_clock)


def last_event(path: str, key: str):
    deck = store_of(path)
    try:
        return deck.history(key)[-1]
    finally:
        deck.close()


def count(path: str) -> int:
    deck = store_of(path)
    try:
        return sum(1 for _ in deck.read_events())
    finally:
        deck.close()


async def type_into(pilot, name: str, text: str) -> None:
    """Focus a form's field and type, a key at a time (a newline is enter)."""
    widget = pilot.app.screen.query_one(f"#field-{name}")
    widget.focus()
    await pilot.pause()
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            await pilot.press("enter")
        await pilot.press(*line)


async def choose(pilot, name: str, value: str) -> None:
    """Pick a value in a form's Select with the keyboard: open, walk down, enter."""
    select = pilot.app.screen.query_one(f"#field-{name}", Select)
    select.focus()
    values = [v for _, v in select._options]  # in the order the overlay lists them
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("home", *["down"] * values.index(value), "enter")
    assert select.value == value


async def dashboard(app, pilot) -> DashboardScreen:
    await until(lambda: isinstance(app.screen, DashboardScreen) and app.screen.history, pilot)
    return app.screen


async def select(pilot, screen: DashboardScreen, pane: str, key: str) -> None:
    await pilot.press(PANE_KEYS[pane])
    assert screen.query_one(f"#{pane}", Pane).select(key)
    await pilot.pause()


async def submit(pilot, app) -> None:
    await pilot.press("ctrl+s")
    await until(lambda: not isinstance(app.screen, FormScreen), pilot)


def run(scenario) -> None:
    asyncio.run(scenario())


# ---- every action: (pane, item, keys, answers, what the store then says) -------------

Answers = list[tuple[str, str, str]]  # (field, "type" | "choose", text)
ACTIONS: list[tuple[str, str, str, Answers, str, Callable]] = [
    ("decisions", "D-22", "d",
     [("choice", "type", "Reserve 32 GPUs for evals"),
      ("reasoning", "type", "Evals gate every release\nand cannot wait"),
      ("rejected", "type", "Priority queue: preemption kills training"),
      ("reopen_conditions", "type", "Reserved GPUs idle >60%"),
      ("review_by", "type", "+4w")],
     "D-22", lambda e: (tag_of(e), e.choice, e.reasoning, e.rejected[0].option, e.review_by) == (
         "decision.made", "Reserve 32 GPUs for evals", "Evals gate every release\nand cannot wait",
         "Priority queue", date(2026, 12, 18))),
    ("decisions", "D-55", "f", [("until", "type", "+2w"), ("why", "type", "await legal")],
     "D-55", lambda e: (tag_of(e), e.until) == ("decision.deferred", date(2026, 12, 4))),
    ("decisions", "D-17", "o", [("why", "type", "usage doubled"), ("condition", "type", "x")],
     "D-17", lambda e: (tag_of(e), e.why, e.conditions) == ("decision.reopened", "usage doubled", ("x",))),
    ("decisions", "D-55", "x", [("why", "type", "moot after the reorg")],
     "D-55", lambda e: (tag_of(e), e.why) == ("decision.withdrawn", "moot after the reorg")),
    ("decisions", "D-55", "s", [("by", "type", "D-22")],
     "D-55", lambda e: (tag_of(e), e.by) == ("decision.superseded", "D-22")),
    ("blockers", "B-43", "r", [("resolution", "type", "notice sent")],
     "B-43", lambda e: (tag_of(e), e.resolution) == ("blocker.resolved", "notice sent")),
    ("blockers", "B-43", "e", [("to", "type", "CPO"), ("why", "type", "legal silent")],
     "B-43", lambda e: (tag_of(e), e.to) == ("blocker.escalated", "CPO")),
    ("blockers", "B-43", "a", [("owner", "type", "Cy Lee")],  # typing replaces the owner shown
     "B-43", lambda e: (tag_of(e), e.owner) == ("blocker.reassigned", "Cy Lee")),
    ("blockers", "B-43", "plus", [],
     "B-43", lambda e: (tag_of(e), e.severity) == ("blocker.severity_changed", "critical")),
    ("blockers", "B-43", "minus", [],
     "B-43", lambda e: (tag_of(e), e.severity) == ("blocker.severity_changed", "medium")),
    ("blockers", "B-43", "o", [("blocker", "choose", "B-1"), ("why", "type", "it came back")],
     "B-1", lambda e: (tag_of(e), e.why) == ("blocker.reopened", "it came back")),
    ("workstreams", "W-2", "s", [("state", "choose", "at_risk"), ("note", "type", "GPU short")],
     "W-2", lambda e: (tag_of(e), e.state, e.note) == ("workstream.status_reported", "at_risk",
                                                      "GPU short")),
    ("workstreams", "W-2", "e", [("to", "type", "CEO"), ("why", "type", "budget")],
     "W-2", lambda e: (tag_of(e), e.to, e.why) == ("workstream.escalated", "CEO", "budget")),
    ("workstreams", "W-2", "x", [("on", "type", "2026-12-01"), ("what", "type", "go / no-go")],
     "W-2", lambda e: (tag_of(e), e.on, e.what) == ("workstream.next_decision_point_set",
                                                    date(2026, 12, 1), "go / no-go")),
    ("workstreams", "W-2", "a", [("owner", "type", "Cy Lee")],
     "W-2", lambda e: (tag_of(e), e.owner) == ("workstream.owner_changed", "Cy Lee")),
]  # fmt: skip


@pytest.mark.parametrize(
    "pane, item, key, answers, changed, holds",
    ACTIONS,
    ids=[f"{pane}-{key}" for pane, _, key, *_ in ACTIONS],
)
def test_each_action_writes_its_event_through_the_store(
    sample_store, make_app, pane, item, key, answers, changed, holds
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, pane, item)
            before = count(sample_store)
            await pilot.press(key)
            if answers:
                await until(lambda: isinstance(app.screen, FormScreen), pilot)
                for name, how, text in answers:
                    await (choose if how == "choose" else type_into)(pilot, name, text)
                await submit(pilot, app)
            await until(lambda: count(sample_store) == before + 1, pilot)
            assert holds(last_event(sample_store, changed))
            # The screen follows from the store: the item is marked as just changed.
            await until(lambda: changed in screen.fresh, pilot)

    run(scenario)


def test_deescalating_a_workstream_takes_its_escalation_back(sample_store, make_app):
    async def scenario():
        deck = store_of(sample_store)
        deck.escalate_workstream("W-2", to="CEO", why="budget")
        deck.close()
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "workstreams", "W-2")
            await pilot.press("E")
            await type_into(pilot, "why", "budget agreed")
            await submit(pilot, app)
            await until(
                lambda: tag_of(last_event(sample_store, "W-2")) == "workstream.deescalated", pilot
            )
            await until(
                lambda: screen.present.workstreams.workstreams["W-2"].escalated_to is None, pilot
            )

    run(scenario)


NEW_ITEMS = [
    ("w", [("title", "type", "Voice mode"), ("owner", "type", "Ana Lima"),
           ("stakeholders", "type", "Bo, Cy")],
     "W-", lambda e: (tag_of(e), e.title, e.stakeholders) == ("workstream.opened", "Voice mode",
                                                               ("Bo", "Cy"))),
    ("d", [("question", "type", "Which TTS vendor?"), ("owner", "type", "Ana Lima"),
           ("options", "type", "Vendor A\nVendor B"), ("due", "type", "+1w")],
     "D-", lambda e: (tag_of(e), e.workstream, e.options, e.due) == (
         "decision.raised", "W-1", ("Vendor A", "Vendor B"), date(2026, 11, 27))),
    ("b", [("title", "type", "No TTS contract"), ("severity", "choose", "critical")],
     "B-", lambda e: (tag_of(e), e.severity, e.workstream) == ("blocker.raised", "critical", "W-1")),
    ("r", [("name", "type", "Voice sync"), ("purpose", "type", "unblock voice"),
           ("owner", "type", "Ana"), ("cadence", "choose", "biweekly")],
     "R-", lambda e: (tag_of(e), e.cadence) == ("ritual.established", "biweekly")),
    ("a", [("title", "type", "Send the TTS RFP"), ("owner", "type", "Bo"), ("due", "type", "friday")],
     None, None),  # a bad date: checked below, in the validation tests
    ("n", [("text", "type", "Customers ask for voice"), ("kind", "choose", "signal")],
     "N-", lambda e: (tag_of(e), e.kind, e.links) == ("note.logged", "signal", ("W-1",))),
]  # fmt: skip


@pytest.mark.parametrize(
    "key, answers, created, holds",
    [item for item in NEW_ITEMS if item[2]],
    ids=[f"n-{item[0]}" for item in NEW_ITEMS if item[2]],
)
def test_n_creates_each_kind_of_item(sample_store, make_app, key, answers, created, holds):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "workstreams", "W-1")
            before = count(sample_store)
            await pilot.press("n", key)
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            for name, how, text in answers:
                await (choose if how == "choose" else type_into)(pilot, name, text)
            await submit(pilot, app)
            await until(lambda: count(sample_store) == before + 1, pilot)
            event = screen.triage_desk.done[-1]
            assert event.key.startswith(created)
            assert holds(last_event(sample_store, event.key))

    run(scenario)


def test_an_action_from_n_is_assigned_with_its_source(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "decisions", "D-22")
            await pilot.press("n", "a")
            await type_into(pilot, "title", "Send the TTS RFP")
            await type_into(pilot, "owner", "Bo")
            await type_into(pilot, "due", "+3d")
            await submit(pilot, app)
            await until(lambda: screen.triage_desk.done, pilot)
            action = last_event(sample_store, screen.triage_desk.done[-1].key)
            assert (action.source, action.due) == ("D-22", date(2026, 11, 23))

    run(scenario)


# ---- validation as you type, and the domain's refusals ----------------------------


def problem(app, name: str) -> str:
    shown = app.screen.query_one(f"#problem-{name}", Static)
    return str(shown.render()) if shown.display else ""


def refused(app) -> str:
    shown = app.screen.query_one("#form-refused", Static)
    return str(shown.render()) if shown.display else ""


def test_a_required_field_left_empty_is_named_and_nothing_is_written(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "decisions", "D-22")
            before = count(sample_store)
            await pilot.press("d")
            await type_into(pilot, "choice", "Reserve 32 GPUs for evals")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)
            assert problem(app, "reasoning") == "Reasoning is needed."
            assert app.focused is app.screen.query_one("#field-reasoning", TextArea)
            assert count(sample_store) == before

    run(scenario)


def test_a_problem_goes_once_the_field_is_put_right_and_comes_back_if_it_is_not(
    sample_store, make_app
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "decisions", "D-22")
            await pilot.press("d")
            await type_into(pilot, "review_by", "someday")
            assert problem(app, "review_by").startswith("'someday' is not a date")
            for _ in "someday":
                await pilot.press("backspace")
            await pilot.press(*"2026-12-01")
            assert problem(app, "review_by") == ""
            await pilot.press("ctrl+s")  # choice and reasoning are still empty
            await pilot.pause()
            assert problem(app, "choice").endswith("is needed.")
            assert problem(app, "reasoning") == "Reasoning is needed."
            assert problem(app, "review_by") == ""
            await type_into(pilot, "choice", "x")
            assert problem(app, "choice") == ""
            await pilot.press("ctrl+s")  # the same problem again: still shown
            await pilot.pause()
            assert problem(app, "reasoning") == "Reasoning is needed."

    run(scenario)


@pytest.mark.parametrize(
    "field, typed, says",
    [
        ("review_by", "next tuesday", "'next tuesday' is not a date"),
        ("rejected", "Priority queue without grounds", "Line 1: write it as OPTION: GROUNDS."),
    ],
    ids=["date", "alternative"],
)
def test_a_malformed_field_says_so_as_you_type(sample_store, make_app, field, typed, says):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "decisions", "D-22")
            before = count(sample_store)
            await pilot.press("d")
            await type_into(pilot, field, typed)
            assert problem(app, field).startswith(says)  # before any submit
            await type_into(pilot, "choice", "x")
            await type_into(pilot, "reasoning", "y")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)
            assert count(sample_store) == before

    run(scenario)


def test_a_rule_the_domain_refuses_is_shown_in_the_form_and_nothing_is_written(
    sample_store, make_app
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "blockers", "B-43")
            await pilot.press("r")
            await type_into(pilot, "resolution", "notice sent")
            # Someone else resolves it first, from another terminal.
            deck = store_of(sample_store)
            deck.resolve_blocker("B-43", resolution="done elsewhere")
            deck.close()
            before = count(sample_store)
            await pilot.press("enter")
            await until(lambda: refused(app), pilot)
            assert "B-43 was already resolved on 2026-11-20" in refused(app)
            assert isinstance(app.screen, FormScreen)
            assert count(sample_store) == before
            await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen)

    run(scenario)


def test_a_new_decision_on_a_missing_workstream_is_refused_in_the_form(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await dashboard(app, pilot)
            before = count(sample_store)
            await pilot.press("n", "d")
            await type_into(pilot, "question", "Which TTS vendor?")
            workstream = app.screen.query_one("#field-workstream", Input)
            workstream.value = ""
            await type_into(pilot, "workstream", "W-99")
            await type_into(pilot, "owner", "Ana")
            await pilot.press("ctrl+s")
            await until(lambda: refused(app), pilot)
            assert "W-99" in refused(app)
            assert count(sample_store) == before

    run(scenario)


def test_raising_severity_past_critical_is_refused_with_a_message(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            critical = next(r.key for r in screen.present.blocker_radar(screen.now())
                            if r.severity == "critical")  # fmt: skip
            await select(pilot, screen, "blockers", critical)
            before = count(sample_store)
            await pilot.press("plus")
            refused = f"{critical} is already critical, the highest severity"
            await until(lambda: any(refused in m for m in app.told), pilot)
            assert count(sample_store) == before

    run(scenario)


def test_escape_cancels_a_form_and_writes_nothing(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "blockers", "B-43")
            before = count(sample_store)
            await pilot.press("r", *"notice sent", "escape")
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            assert count(sample_store) == before

    run(scenario)


def test_a_form_opened_again_for_another_item_starts_afresh_and_writes_to_it(
    sample_store, make_app
):
    def fresh(form, key: str) -> bool:
        """Its title names `key`, its field is empty, no message, the focus in it."""
        return (
            f"Resolve {key}" in str(form.query_one(".dialog-title").render())
            and form.query_one("#field-resolution", Input).value == ""
            and problem(app, "resolution") == refused(app) == ""
            and app.focused is form.query_one("#field-resolution")
        )

    app = make_app(sample_store)

    async def scenario():
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            radar = screen.present.blocker_radar(screen.now())
            other = next(row.key for row in radar if row.key != "B-43")
            await select(pilot, screen, "blockers", "B-43")
            await pilot.press("r")
            first = app.screen
            await type_into(pilot, "resolution", "notice sent")
            deck = store_of(sample_store)  # someone else resolves it first
            deck.resolve_blocker("B-43", resolution="done elsewhere")
            deck.close()
            await pilot.press("enter")
            await until(lambda: refused(app), pilot)
            await pilot.press("escape")
            await select(pilot, screen, "blockers", other)
            await pilot.press("r")
            assert app.screen is first  # opened again: the case this test is about
            assert fresh(app.screen, other)
            await pilot.press("ctrl+s")  # left empty: its problem shown, then closed
            await pilot.pause()
            assert problem(app, "resolution").endswith("is needed.")
            await pilot.press("escape", "r")
            assert fresh(app.screen, other)
            await pilot.press(*"vendor answered", "enter")
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            resolved = last_event(sample_store, other)
            assert tag_of(resolved) == "blocker.resolved"
            assert resolved.resolution == "vendor answered"
            assert last_event(sample_store, "B-43").resolution == "done elsewhere"

    run(scenario)


def test_a_status_form_opened_again_shows_the_new_workstreams_state(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            states = {row.key: row.state for row in screen.present.workstream_map(screen.now())}
            first = "W-2"
            second = next(k for k, s in states.items() if s not in (states[first], "paused"))
            await select(pilot, screen, "workstreams", first)
            await pilot.press("s")
            assert app.screen.query_one("#field-state", Select).value == states[first]
            await choose(pilot, "state", "paused")
            await type_into(pilot, "note", "half a thought")
            await pilot.press("escape")
            await select(pilot, screen, "workstreams", second)
            await pilot.press("s")
            form = app.screen
            assert form.query_one("#field-state", Select).value == states[second]
            assert app.focused is form.query_one("#field-state")  # not the note, as left
            assert form.query_one("#field-note", Input).value == ""
            await type_into(pilot, "note", "on track again")
            await submit(pilot, app)
            reported = last_event(sample_store, second)
            assert (reported.state, reported.note) == (states[second], "on track again")

    run(scenario)


def test_a_note_form_opened_again_forgets_the_last_notes_text_and_its_edits(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "workstreams", "W-1")
            await pilot.press("n", "n")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            await type_into(pilot, "text", "not for\nthe record")
            await choose(pilot, "kind", "question")
            await pilot.press("escape")
            await select(pilot, screen, "workstreams", "W-2")
            await pilot.press("n", "n")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            form = app.screen
            text = form.query_one("#field-text", TextArea)
            assert text.text == ""
            assert form.query_one("#field-kind", Select).value == "signal"
            assert form.query_one("#field-links", Input).value == "W-2"
            text.focus()
            await pilot.press("ctrl+z")  # the last note's typing is not this field's to undo
            assert text.text == ""
            await type_into(pilot, "text", "Customers ask for voice")
            await submit(pilot, app)
            note = screen.triage_desk.done[-1]
            assert (note.text, note.kind, note.links) == (
                "Customers ask for voice",
                "signal",
                ("W-2",),
            )

    run(scenario)


def test_every_dashboard_action_has_its_form_built_before_it_is_first_opened(
    sample_store, make_app
):
    async def scenario():
        app = make_app(sample_store, forms_ahead=True)  # as the dashboard command makes it
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            desk = screen.triage_desk
            await until(lambda: screen.launched, pilot)
            with_forms = [
                f"{action.pane}:{action.name}"
                for pane in ("workstreams", "decisions", "blockers", "new")
                for action in BY_PANE[pane]
                if action.fields is not None
            ]
            assert sorted(desk.forms) == sorted(with_forms)
            assert app.screen is screen  # none of them shown
            built = desk.forms["workstreams:report_status"]
            states = {row.key: row.state for row in screen.present.workstream_map(screen.now())}
            await select(pilot, screen, "workstreams", "W-2")
            await pilot.press("s")
            assert app.screen is built  # its first opening: the form built ahead
            assert "Report status W-2" in str(built.query_one(".dialog-title").render())
            assert built.query_one("#field-state", Select).value == states["W-2"]
            assert app.focused is built.query_one("#field-state")
            await type_into(pilot, "note", "built ahead, written now")
            await submit(pilot, app)
            reported = last_event(sample_store, "W-2")
            assert (reported.state, reported.note) == (states["W-2"], "built ahead, written now")

    run(scenario)


def test_an_owner_form_opened_again_has_the_owner_ready_to_be_typed_over(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "workstreams", "W-2")
            await pilot.press("a")
            form = app.screen
            await pilot.press("escape")
            await select(pilot, screen, "workstreams", "W-3")
            await pilot.press("a")
            assert app.screen is form  # opened again: the case this test is about
            await pilot.press(*"Cy Lee")  # typing replaces the owner shown, as in a new form
            await submit(pilot, app)
            assert last_event(sample_store, "W-3").owner == "Cy Lee"

    run(scenario)


def test_a_decide_form_opened_again_offers_the_new_decisions_options(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            queue = [row.key for row in screen.present.decision_queue(screen.now())]
            records = screen.present.decisions.decisions
            first, second = [key for key in queue if records[key].options][:2]
            assert set(records[first].options).isdisjoint(records[second].options)
            await select(pilot, screen, "decisions", first)
            await pilot.press("d")
            form = app.screen
            await pilot.press("escape")
            await select(pilot, screen, "decisions", second)
            await pilot.press("d")
            assert app.screen is form  # opened again: the case this test is about
            hint = str(form.query_one("#hint-choice", Static).render())
            assert hint == "Options: " + " · ".join(records[second].options)
            option = records[second].options[0]
            choice = form.query_one("#field-choice", Input)
            suggest = choice.suggester.get_suggestion  # given what is typed, casefolded
            assert await suggest(option[:3].casefold()) == option
            assert await suggest(records[first].options[0].casefold()) is None

    run(scenario)


def test_a_reopen_form_opened_again_offers_a_blocker_resolved_meanwhile(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "blockers", "B-43")
            await pilot.press("o")
            form = app.screen
            offered = form.query_one("#field-blocker", Select)._options
            assert "B-43" not in [value for _, value in offered]
            await pilot.press("escape")
            deck = store_of(sample_store)  # resolved in another terminal
            deck.resolve_blocker("B-43", resolution="notice sent")
            deck.close()
            await until(lambda: screen.present.blockers.blockers["B-43"].resolved_at, pilot)
            radar = screen.present.blocker_radar(screen.now())
            await select(pilot, screen, "blockers", radar[0].key)
            await pilot.press("o")
            assert app.screen is form  # opened again: the case this test is about
            await choose(pilot, "blocker", "B-43")
            await type_into(pilot, "why", "the notice bounced")
            await submit(pilot, app)
            reopened = last_event(sample_store, "B-43")
            assert (tag_of(reopened), reopened.why) == ("blocker.reopened", "the notice bounced")

    run(scenario)


def test_escape_while_the_write_runs_keeps_the_form_until_it_is_recorded(
    sample_store, make_app, monkeypatch
):
    release = threading.Event()
    resolve = Staffdeck.resolve_blocker

    def slow_resolve(deck, *args, **kwargs):  # a slow disk's fsync
        release.wait(timeout=10)
        return resolve(deck, *args, **kwargs)

    monkeypatch.setattr(Staffdeck, "resolve_blocker", slow_resolve)

    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "blockers", "B-43")
            await pilot.press("r", *"notice sent", "enter")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)  # the write is not called back
            assert refused(app).startswith("Still writing to the store")
            release.set()
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            assert last_event(sample_store, "B-43").resolution == "notice sent"
            assert screen.triage_desk.done[-1].key == "B-43"

    run(scenario)


# ---- undo -------------------------------------------------------------------------


def test_undo_appends_the_opposite_after_saying_exactly_what(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "blockers", "B-43")
            await pilot.press("r", *"notice sent", "enter")
            await until(lambda: screen.triage_desk.done, pilot)
            await pilot.press("u")
            await until(lambda: isinstance(app.screen, Confirm), pilot)
            said = str(app.screen.body)
            assert "B-43 resolved: notice sent" in said
            assert "B-43 reopened: undo: taking back blocker resolved" in said
            await pilot.press("y")
            await until(
                lambda: tag_of(last_event(sample_store, "B-43")) == "blocker.reopened", pilot
            )
            deck = store_of(sample_store)
            tags = [tag_of(e) for e in deck.history("B-43")][-2:]
            deck.close()
            assert tags == ["blocker.resolved", "blocker.reopened"]  # history keeps both
            await until(lambda: "B-43" in screen.query_one("#blockers", Pane).row_keys, pilot)

    run(scenario)


def test_undo_answered_no_appends_nothing(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "blockers", "B-43")
            await pilot.press("plus")
            await until(lambda: screen.triage_desk.done, pilot)
            before = count(sample_store)
            await pilot.press("u")
            await until(lambda: isinstance(app.screen, Confirm), pilot)
            await pilot.press("n")
            await pilot.pause(0.2)
            assert count(sample_store) == before

    run(scenario)


def test_undo_of_what_has_no_opposite_says_what_to_do_instead(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "decisions", "D-55")
            await pilot.press("x", *"moot", "enter")
            await until(lambda: screen.triage_desk.done, pilot)
            before = count(sample_store)
            await pilot.press("u")
            await until(lambda: any("closed for good" in n for n in app.told),
                        pilot)  # fmt: skip
            assert not isinstance(app.screen, Confirm)
            assert count(sample_store) == before

    run(scenario)


def test_undo_with_nothing_done_says_so(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await dashboard(app, pilot)
            await pilot.press("u")
            await until(lambda: any("Nothing to undo" in n for n in app.told),
                        pilot)  # fmt: skip

    run(scenario)


# ---- the palette, filters, the past --------------------------------------------------


def test_the_palette_runs_an_action_on_the_selected_item(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "blockers", "B-43")
            await pilot.press("ctrl+p", *"resolve B-43")
            await palette_searched(pilot)
            await pilot.press("enter")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            assert app.screen.title_text == "Resolve B-43"
            await type_into(pilot, "resolution", "via the palette")
            await submit(pilot, app)
            await until(
                lambda: tag_of(last_event(sample_store, "B-43")) == "blocker.resolved", pilot
            )

    run(scenario)


FILTERS = [
    ("blockers", "sev:critical", lambda r: r.severity == "critical"),
    ("blockers", "status:escalated", lambda r: r.escalated),
    ("decisions", "status:overdue", lambda r: r.overdue),
    ("decisions", "ws:w-4", lambda r: r.workstream == "W-4"),
    ("workstreams", "status:off", lambda r: r.state == "off_track"),
    ("workstreams", "owner:novak", lambda r: "Novak" in r.owner),
    ("decisions", "gpu", lambda r: "gpu" in r.question.lower()),
]


@pytest.mark.parametrize("pane, typed, keeps", FILTERS, ids=[f"{p}-{t}" for p, t, _ in FILTERS])
def test_a_filter_narrows_the_pane_to_the_rows_it_matches(
    sample_store, make_app, pane, typed, keeps
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await pilot.press(PANE_KEYS[pane], "slash", *typed)
            await pilot.pause()
            shown = screen.query_one(f"#{pane}", Pane)
            rows = {
                "workstreams": screen.present.workstream_map,
                "decisions": screen.present.decision_queue,
                "blockers": screen.present.blocker_radar,
            }[pane](screen.now())
            wanted = [r.key for r in rows if keeps(r)]
            assert wanted and len(wanted) < len(rows)  # the filter does narrow
            assert shown.row_keys == wanted
            await pilot.press("enter")  # kept, and the pane has the focus again
            assert shown.has_focus and shown.row_keys == wanted
            await pilot.press("slash", "escape")  # cleared
            assert shown.row_keys == [r.key for r in rows]

    run(scenario)


@pytest.mark.parametrize(
    "keys", [["3", "r"], ["3", "plus"], ["n"], ["u"]], ids=["form", "at-once", "new", "undo"]
)
def test_every_write_is_refused_in_the_past_with_the_way_back(sample_store, make_app, keys):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            before = count(sample_store)
            await pilot.press("left_square_bracket", *keys)
            await until(lambda: any("Read-only" in m for m in app.told), pilot)
            assert any("Press 0 to go back to live" in m for m in app.told)
            assert isinstance(app.screen, DashboardScreen) and not screen.live
            assert count(sample_store) == before

    run(scenario)


# ---- hostile text ----------------------------------------------------------------

HOSTILE = [
    "[@click=app.quit]x[/]",
    "a[/]b",
    "[bold",
    "[link=https://x]y[/]",
    "Launch 🚀 in 東京 with café",
    "x" * 3000,
]


@pytest.mark.parametrize(
    "text", HOSTILE, ids=["click", "close-tag", "open-tag", "link", "emoji", "long"]
)
def test_hostile_text_typed_into_a_form_is_stored_as_typed_and_shown_literally(
    sample_store, make_app, text
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "workstreams", "W-1")
            await pilot.press("n", "b")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            if len(text) > 100:  # pasted, as long text is: typing it takes too long
                app.screen.query_one("#field-title", Input).value = text
            else:
                await type_into(pilot, "title", text)
            await type_into(pilot, "owner", text[:40])
            await submit(pilot, app)
            assert app.is_running  # [@click=app.quit] did not quit
            await until(lambda: screen.triage_desk.done, pilot)
            key = screen.triage_desk.done[-1].key
            stored = last_event(sample_store, key)
            assert (stored.title, stored.owner) == (text, text[:40])  # as typed
            radar = screen.query_one("#blockers", Pane)
            await until(lambda: key in radar.row_keys, pilot)
            assert radar.cell_text(key, "Blocker") == text  # the cell's text, not markup
            await pilot.press("3")
            radar.select(key)
            await pilot.pause()
            assert text[:40] in detail_text(screen)
            assert app.is_running

    run(scenario)


def test_hostile_lines_in_a_decision_record_are_kept_and_shown_line_by_line(sample_store, make_app):
    reasoning = "a[/]b\n[@click=app.quit]x[/]\n[bold 🚀"

    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await select(pilot, screen, "decisions", "D-22")
            await pilot.press("d")
            await type_into(pilot, "choice", "[/]")
            await type_into(pilot, "reasoning", reasoning)
            await submit(pilot, app)
            await until(lambda: tag_of(last_event(sample_store, "D-22")) == "decision.made", pilot)
            made = last_event(sample_store, "D-22")
            assert (made.choice, made.reasoning) == ("[/]", reasoning)
            assert app.is_running
            await pilot.press("2")
            await pilot.pause()
            # D-22 left the queue: the detail pane shows what is selected there now,
            # so look at the record through the detail of the decision itself.
            record = screen.present.decisions.decisions["D-22"]
            assert record.reasoning == reasoning

    run(scenario)


def detail_text(screen: DashboardScreen) -> str:
    return screen.query_one(DetailPane).text

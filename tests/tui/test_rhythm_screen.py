"""The operating-rhythm screen: each ritual's next four weeks, its audit, and
`h` / `R` written through the dashboard's triage desk — read back from the
store through a connection of its own, then seen on the screen.
"""

import asyncio
from datetime import timedelta

from events import RitualHeld, RitualRetired
from projections.rhythm_weeks import rhythm_weeks, week_starts
from projections.ritual_audit import next_occurrence
from tests.tui.conftest import NOW, SIZE, until
from tests.tui.test_triage import count, last_event, store_of, submit, type_into
from tui.screens.dashboard import DashboardScreen
from tui.screens.form import FormScreen
from tui.screens.rhythm import RhythmPane, RhythmScreen
from tui.widgets.detail import DetailPane

TODAY = NOW.astimezone().date()
CANDIDATE = "R-7"  # the sample's Sales sync: four meetings that informed nothing


def run(scenario) -> None:
    asyncio.run(scenario())


def loaded(app) -> bool:
    screen = app.screen
    return isinstance(screen, DashboardScreen) and screen.history is not None and screen.by_key


async def open_rhythm(app, pilot, *keys: str) -> RhythmScreen:
    """The dashboard loaded, `keys` pressed on it, then the rhythm pushed over it."""
    await until(lambda: loaded(app), pilot)
    if keys:
        await pilot.press(*keys)
    app.push_screen(RhythmScreen(app.screen))
    await until(lambda: isinstance(app.screen, RhythmScreen), pilot)
    return app.screen


def pane(screen: RhythmScreen) -> RhythmPane:
    return screen.query_one(RhythmPane)


def weeks(screen: RhythmScreen, key: str) -> list[str]:
    table = pane(screen)
    return [table.cell_text(key, label) for label, *_ in table.COLUMNS[3:7]]


def audit(screen: RhythmScreen, key: str) -> str:
    table = pane(screen)
    return table.cell_text(key, table.COLUMNS[-1][0])


async def choose(pilot, screen: RhythmScreen, key: str) -> None:
    assert pane(screen).select(key)
    await pilot.pause()


def test_the_calendar_shows_each_active_rituals_meetings_over_the_next_four_weeks(
    sample_store, make_app
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_rhythm(app, pilot)
            rituals = screen.dashboard.present.rituals
            rows = rhythm_weeks(rituals, TODAY)
            starts = week_starts(TODAY)
            labels = [label for label, *_ in pane(screen).COLUMNS[3:7]]
            assert labels == [f"Week {s:%b} {s.day}" for s in starts] and starts[0].weekday() == 0
            for row in rows:
                # Against the projection: each week's days, in words.
                said = [
                    ", ".join(
                        f"{m.on:%a} {m.on.day}" + {"coming": ""}.get(m.state, f" {m.state}")
                        for m in week
                    )  # fmt: skip
                    for week in row.weeks
                ]
                assert weeks(screen, row.key) == said
                # Against the cadence: from the day due, one cadence at a time.
                due, coming = row.due, []
                while due < starts[0] + timedelta(weeks=4):
                    coming += [due] if due >= starts[0] else []
                    due = next_occurrence(due, row.cadence)
                shown = [m.on for week in row.weeks for m in week if m.state != "held"]
                assert shown == coming and coming
            retired = [k for k, r in rituals.rituals.items() if r.retired_reason]
            assert retired and not {r.key for r in rows} & set(retired)
            for key in retired:  # listed for their reason, with no meetings
                assert weeks(screen, key) == [""] * 4
                assert audit(screen, key).startswith("retired: ")
            assert pane(screen).row_keys[-len(retired) :] == retired
            # The sample: Tuesdays for the quality review, held this week already.
            assert weeks(screen, "R-2") == ["Tue 17 held", "Tue 24", "Tue 1", "Tue 8"]
            assert weeks(screen, "R-5") == ["Tue 17 held", "", "Tue 1", ""]  # biweekly

    run(scenario)


def test_the_retirement_candidate_is_marked_in_words(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_rhythm(app, pilot)
            candidates = [a.key for a in screen.dashboard.present.ritual_audit()
                          if a.retirement_candidate]  # fmt: skip
            assert candidates == [CANDIDATE]
            assert audit(screen, CANDIDATE) == "RETIRE? informs nothing in 4 meetings"
            others = [k for k in pane(screen).row_keys if k != CANDIDATE]
            assert not any(audit(screen, k).startswith("RETIRE?") for k in others)
            await choose(pilot, screen, CANDIDATE)
            record = screen.query_one("#ritual", DetailPane).text
            assert "RETIRE? informs nothing in 4 meetings" in record
            # Its meetings, newest first, with their notes.
            meetings = [line for line in record.splitlines() if line.startswith("2026-")]
            assert meetings[0].startswith("2026-11-13 Fri") and meetings == sorted(
                meetings, reverse=True
            )
            assert "Read-out of updates already in the doc" in record

    run(scenario)


def test_h_records_a_meeting_in_the_store_with_the_decisions_it_informed(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_rhythm(app, pilot)
            await choose(pilot, screen, CANDIDATE)
            before = count(sample_store)
            await pilot.press("h")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            await type_into(pilot, "informed", "D-22, D-55")
            await type_into(pilot, "notes", "Sales asked for the GPU plan")
            await submit(pilot, app)
            await until(lambda: count(sample_store) == before + 1, pilot)
            event = last_event(sample_store, CANDIDATE)
            assert isinstance(event, RitualHeld)
            assert (event.held_on, event.informed, event.surfaced) == (TODAY, ("D-22", "D-55"), ())
            # The screen follows from the store: no longer a candidate, held today.
            await until(lambda: audit(screen, CANDIDATE) == "✓ informed 2 · surfaced 0", pilot)
            assert weeks(screen, CANDIDATE)[0] == f"Fri {TODAY.day} held"
            assert "Sales asked for the GPU plan" in screen.query_one("#ritual", DetailPane).text

    run(scenario)


def test_R_retires_the_ritual_with_its_reason_and_the_screen_shows_it_retired(
    sample_store, make_app
):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_rhythm(app, pilot)
            await choose(pilot, screen, CANDIDATE)
            reason = "[bold]theater[/]: the roadmap doc answers it"  # shown as typed
            await pilot.press("R")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            await type_into(pilot, "reason", reason)
            await submit(pilot, app)
            await until(
                lambda: isinstance(last_event(sample_store, CANDIDATE), RitualRetired), pilot
            )
            assert last_event(sample_store, CANDIDATE).reason == reason
            await until(lambda: audit(screen, CANDIDATE) == f"retired: {reason}", pilot)
            assert weeks(screen, CANDIDATE) == [""] * 4
            assert pane(screen).selected_key == CANDIDATE  # the cursor went with it
            assert pane(screen).border_title == "Operating rhythm · 6 active of 8"
            assert f": {reason}" in screen.query_one("#ritual", DetailPane).text
            # A retired ritual is not held again: said at once, no form.
            await pilot.press("h")
            await until(lambda: any("is retired" in n for n in app.told), pilot)
            assert not isinstance(app.screen, FormScreen)

    run(scenario)


def test_in_the_past_h_is_refused_and_nothing_is_written(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_rhythm(app, pilot, "left_curly_bracket")
            moment = screen.dashboard.moment
            assert moment is not None and "as known at" in screen.sub_title
            then = week_starts(moment.astimezone().date())[0]
            assert pane(screen).COLUMNS[3][0] == f"Week {then:%b} {then.day}"
            await choose(pilot, screen, CANDIDATE)
            before = count(sample_store)
            await pilot.press("h")
            await until(lambda: any("Read-only" in m for m in app.told), pilot)
            assert isinstance(app.screen, RhythmScreen)
            assert count(sample_store) == before
            await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen) and app.screen.moment == moment

    run(scenario)


def test_a_meeting_recorded_elsewhere_appears_while_the_screen_is_open(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_rhythm(app, pilot)
            assert weeks(screen, "R-6")[0] == "Fri 20"
            deck = store_of(sample_store)  # another terminal
            deck.hold_ritual("R-6", informed=["D-22"])
            deck.close()
            await until(lambda: weeks(screen, "R-6")[0] == "Fri 20 held", pilot)

    run(scenario)

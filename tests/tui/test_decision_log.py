"""The decision log screen (`L`): search, filters, links, and `w` back to the dashboard."""

import asyncio
from datetime import timedelta

from tests.tui.conftest import NOW, SIZE, until
from tui.screens.dashboard import DashboardScreen
from tui.screens.decision_log import DecisionLogPane, DecisionLogScreen
from tui.widgets.detail import DetailPane


def run(scenario) -> None:
    asyncio.run(scenario())


def loaded(app) -> bool:
    return isinstance(app.screen, DashboardScreen) and app.screen.history is not None


async def open_log(app, pilot) -> DecisionLogScreen:
    await until(lambda: loaded(app), pilot)
    await pilot.press("L")
    await until(lambda: isinstance(app.screen, DecisionLogScreen), pilot)
    return app.screen


def shown(screen: DecisionLogScreen) -> list[str]:
    return screen.query_one(DecisionLogPane).row_keys


async def search(pilot, text: str) -> None:
    await pilot.press("slash", *text, "enter")


def test_the_log_holds_every_decision_newest_first(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            log = await open_log(app, pilot)
            records = log.models.decisions.decisions
            newest_first = sorted(records.values(), key=lambda r: r.raised_at, reverse=True)
            assert shown(log) == [r.key for r in newest_first]
            first = newest_first[0]
            record = log.query_one("#record", DetailPane).text
            assert f"{first.key}  {first.question}" in record and "History" in record

    run(scenario)


def test_search_finds_a_word_only_in_a_rejected_alternatives_grounds(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            log = await open_log(app, pilot)
            records = log.models.decisions.decisions.values()
            rejected = next(r for r in records if r.rejected)
            word = max(rejected.rejected[0].grounds.split(), key=len).strip(".,;:()")
            await search(pilot, word.lower())
            keys = shown(log)
            assert rejected.key in keys
            assert set(keys) == {r.key for r in log.models.search_decisions(word)}
            assert len(keys) < len(records)

    run(scenario)


def test_status_and_workstream_terms_narrow_the_log(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            log = await open_log(app, pilot)
            records = log.models.decisions.decisions
            await search(pilot, "status:superseded ws:w-")
            keys = shown(log)
            assert keys and all(records[k].status == "superseded" for k in keys)
            assert len(keys) == sum(r.status == "superseded" for r in records.values())

    run(scenario)


def test_greater_and_less_than_follow_the_supersession_links(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            log = await open_log(app, pilot)
            pane = log.query_one(DecisionLogPane)
            old = next(r for r in log.models.decisions.decisions.values() if r.superseded_by)
            await search(pilot, old.key.lower())  # the search narrows to it (and its kin)
            pane.select(old.key)
            await pilot.press("greater_than_sign")
            assert pane.selected_key == old.superseded_by  # shown though the search hid it
            assert "Supersedes" in log.query_one("#record", DetailPane).text
            await pilot.press("less_than_sign")
            assert pane.selected_key == old.key

    run(scenario)


def test_w_opens_the_dashboard_as_known_when_the_decision_was_made(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            log = await open_log(app, pilot)
            pane = log.query_one(DecisionLogPane)
            made = next(r for r in log.models.decisions.decisions.values() if r.decided_at)
            pane.select(made.key)
            await pilot.press("w")
            await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            dashboard = app.screen
            assert dashboard.moment == made.decided_at - timedelta(microseconds=1)
            assert dashboard.selected_in("decisions") == made.key

    run(scenario)


def test_decisions_past_their_review_date_are_marked(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            log = await open_log(app, pilot)
            pane = log.query_one(DecisionLogPane)
            records = log.models.decisions.decisions.values()
            due = [
                r
                for r in records
                if r.status == "decided" and r.review_by and r.review_by <= NOW.date()
            ]
            later = [r for r in records if r.review_by and r.review_by > NOW.date()]
            assert due and later
            assert pane.cell_text(due[0].key, "Flags") == "REVIEW DUE"
            assert pane.cell_text(later[0].key, "Flags") != "REVIEW DUE"
            await search(pilot, "status:review")
            assert set(shown(log)) == {r.key for r in due}

    run(scenario)


def test_in_the_past_the_log_is_as_known_then(sample_store, make_app):
    async def scenario():
        app = make_app(sample_store)
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: loaded(app), pilot)
            await pilot.press(*["left_curly_bracket"] * 4)
            moment = app.screen.moment
            log = await open_log(app, pilot)
            present = app.screen_stack[-2].present.decisions.decisions
            then = [k for k, r in present.items() if r.raised_at <= moment]
            assert sorted(shown(log)) == sorted(then) and len(then) < len(present)
            assert "as known at" in log.sub_title
            await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen) and app.screen.moment == moment

    run(scenario)

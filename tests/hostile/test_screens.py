"""Hostile text on every screen of the dashboard: shown as typed, nothing run.

The dashboard opens on the hostile store (every text field of every event
type holding each hostile string) with the fixed clock and size of the other
dashboard tests. Every screen and pane is drawn with each string's items
selected, and read back as the terminal would get it (tests/hostile/drawn.py):
no raw control character anywhere on the screen, the app still running on
the same theme (no `[@click=…]` ran), and the string itself found where the
place shows it, its controls as visible marks. Each test counts the
(hostile string × place) pairs it checked and asserts the count.
"""

import asyncio

import pytest
from textual import events
from textual.widgets import Input, Markdown, Static

from domain.service import Staffdeck
from tests.hostile.drawn import (
    Tally,
    drawn_blocks,
    drawn_whole,
    in_a_field,
    one_line,
    raw_controls,
    region_text,
    several_lines,
    squash,
    text_of,
)
from tests.tui.conftest import SIZE, fixed_clock, until
from tui.actions import BY_PANE
from tui.app import StaffdeckApp
from tui.screens.brief import BriefScreen
from tui.screens.confirm import Confirm
from tui.screens.context_notes import NotesScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.decision_log import DecisionLogScreen
from tui.screens.follow_through import FollowThroughScreen
from tui.screens.form import FormScreen
from tui.screens.go_to_date import GoToDate
from tui.screens.help import HelpScreen
from tui.screens.rhythm import RhythmScreen
from tui.visible import visible
from tui.widgets.detail import DetailPane
from tui.widgets.pane import Pane

PANE_KEYS = {"workstreams": "1", "decisions": "2", "blockers": "3"}
# One string of each way text goes wrong: where a check opens a dialog for each
# string (a second each), only these; every string everywhere else.
SAMPLE = ("click", "link", "ansi", "osc", "c1", "bell", "bidi", "long", "emoji")


def run(scenario) -> None:
    asyncio.run(scenario())


def open_app(store: str) -> tuple[Staffdeck, StaffdeckApp]:
    """The dashboard on `store`, on the fixed clock of the other dashboard tests."""
    deck = Staffdeck(store, actor="cos", clock=fixed_clock)
    return deck, StaffdeckApp(deck, clock=fixed_clock)


async def dashboard(app, pilot) -> DashboardScreen:
    await until(
        lambda: (
            isinstance(app.screen, DashboardScreen)
            and app.screen.history is not None
            and app.screen.by_key is not None
        ),
        pilot,
    )
    return app.screen


def row_of(text: str, key: str) -> str:
    """The drawn line of a pane's row for `key` (marked • when fresh)."""
    for line in text.splitlines():
        cells = line.strip("│ ").split()
        if cells and cells[0].lstrip("•") == key:
            return line
    raise AssertionError(f"no row for {key} in:\n{text}")


def detail_text(pane: DetailPane) -> str:
    """Every line the pane draws, on screen now or scrolled to."""
    return "\n".join(text_of(strip) for strip in pane.drawn_lines)


async def pick(pilot, pane: Pane, key: str) -> None:
    assert pane.select(key), key
    await pilot.pause()


async def paste(pilot, text: str) -> None:
    """A terminal's paste: to the app, which gives it to the focused field."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def toast_text(app) -> str:
    """Every toast's lines, whole (one quoting a long title may be taller than the screen)."""
    return "\n".join(text_of(line) for t in app.screen.query("Toast") for line in drawn_whole(t))


def still_the_same_app(app, theme: str) -> None:
    """Nothing a string could have asked for ran: not quit, no new theme."""
    assert app.is_running and app.return_value is None
    assert app.theme == theme


# ---- the dashboard -------------------------------------------------------------------


def test_every_pane_and_the_detail_show_each_string_as_typed(hostile_store, families):
    tally = Tally()

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            theme = app.theme
            detail = screen.query_one(DetailPane)
            for pane_name, roles in [
                ("workstreams", ["workstream"]),
                ("decisions", ["decision"]),
                ("blockers", ["blocker", "reopened blocker"]),
            ]:
                pane = screen.query_one(f"#{pane_name}", Pane)
                await pilot.press(PANE_KEYS[pane_name])
                for family in families.values():
                    for role in roles:
                        key = family.keys[role]
                        await pick(pilot, pane, key)
                        strips = tally.check(app, pane_name)
                        row = row_of(region_text(app, pane, strips), key)
                        tally.found(family.name, pane_name, one_line(family.text), row)
                        shown = detail_text(detail)
                        assert squash(shown).startswith(key), (key, shown[:80])
                        place = f"{pane_name} detail"
                        tally.found(family.name, place, several_lines(family.text), shown)
                still_the_same_app(app, theme)
        deck.close()

    run(scenario)
    print(
        f"\ndashboard: {len(tally.pairs)} (string × place) pairs, places {sorted(tally.places())}"
    )
    assert len(tally.pairs) == len(families) * 6


def test_a_click_on_hostile_markup_only_selects_its_row(hostile_store, families):
    key = families["click"].keys["workstream"]

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            theme = app.theme
            pane = screen.query_one("#workstreams", Pane)
            await pick(pilot, pane, key)
            lines = region_text(app, pane).splitlines()
            y = next(n for n, line in enumerate(lines) if "[@click=app.q" in line)
            x = lines[y].index("[@click=app.q") + 2
            await pilot.click(pane, offset=(x, y))
            await pilot.click(screen.query_one(DetailPane), offset=(8, 1))  # the title there
            await pilot.pause()
            still_the_same_app(app, theme)
            assert pane.selected_key == key
        deck.close()

    run(scenario)


# ---- the screens over the dashboard -------------------------------------------------


def test_the_decision_log_shows_each_string_in_its_rows_record_and_search(hostile_store, families):
    tally = Tally()

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            await dashboard(app, pilot)
            theme = app.theme
            await pilot.press("L")
            await until(lambda: isinstance(app.screen, DecisionLogScreen), pilot)
            log = app.screen
            record = log.query_one("#record", DetailPane)
            for family in families.values():
                for role in ("decision", "decided decision", "withdrawn decision"):
                    key = family.keys[role]
                    await pick(pilot, log.pane, key)
                    strips = tally.check(app, "decision log")
                    row = row_of(region_text(app, log.pane, strips), key)
                    tally.found(family.name, "decision log", one_line(family.text), row)
                    shown = detail_text(record)
                    tally.found(family.name, "decision record", several_lines(family.text), shown)
            search = log.query_one("#log-search", Input)
            for family in families.values():  # pasted into the search, as a terminal pastes
                search.value = ""
                search.focus()
                await paste(pilot, family.text)
                strips = tally.check(app, "decision log search")
                typed = family.text.splitlines()[0]
                title = region_text(app, log.pane, strips).splitlines()[0]
                tally.found(family.name, "decision log search", one_line(typed, 6), title)
                shown = region_text(app, search, strips)
                tally.found(family.name, "search field", in_a_field(typed)[-4:], shown)
            still_the_same_app(app, theme)
        deck.close()

    run(scenario)
    print(f"\ndecision log: {len(tally.pairs)} (string × place) pairs")
    assert len(tally.pairs) == len(families) * 4


def test_follow_through_the_rhythm_and_shared_context_show_each_string(hostile_store, families):
    tally = Tally()

    async def rows_and_records(pilot, app, place, pane, record, roles):
        for family in families.values():
            for role in roles:
                key = family.keys[role]
                await pick(pilot, pane, key)
                strips = tally.check(app, place)
                row = row_of(region_text(app, pane, strips), key)
                tally.found(family.name, place, one_line(family.text), row)
                shown = detail_text(record)
                tally.found(family.name, f"{place} record", several_lines(family.text), shown)

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            await dashboard(app, pilot)
            theme = app.theme
            await pilot.press("A", "f", "f", "f")  # owed → slipped → done → all
            await until(lambda: isinstance(app.screen, FollowThroughScreen), pilot)
            follow = app.screen
            await rows_and_records(
                pilot, app, "follow-through", follow.query_one(Pane),
                follow.query_one("#action", DetailPane),
                ["action", "completed action", "dropped action"],
            )  # fmt: skip
            tally.check(app, "follow-through trend")
            await pilot.press("escape", "M")
            await until(lambda: isinstance(app.screen, RhythmScreen), pilot)
            rhythm = app.screen
            await rows_and_records(
                pilot, app, "rhythm", rhythm.pane, rhythm.query_one("#ritual", DetailPane),
                ["ritual", "retired ritual"],
            )  # fmt: skip
            await pilot.press("escape", "C")
            await until(lambda: isinstance(app.screen, NotesScreen), pilot)
            notes = app.screen
            await rows_and_records(
                pilot, app, "shared context", notes.query_one(Pane),
                notes.query_one("#note", DetailPane), ["signal note", "must-say note"],
            )  # fmt: skip
            search = notes.query_one("#notes-search", Input)
            for family in families.values():
                search.value = ""
                search.focus()
                await paste(pilot, family.text)
                strips = tally.check(app, "notes search")
                typed = family.text.splitlines()[0]
                title = region_text(app, notes.query_one(Pane), strips).splitlines()[0]
                tally.found(family.name, "notes search", one_line(typed, 6), title)
            still_the_same_app(app, theme)
        deck.close()

    run(scenario)
    print(f"\nfollow-through, rhythm, shared context: {len(tally.pairs)} (string × place) pairs")
    assert len(tally.pairs) == len(families) * 7


@pytest.mark.slow
def test_the_brief_shows_each_string_as_text_and_makes_no_link(hostile_store, families):
    """`b` on a hostile workstream, then one brief on every family's workstream,
    read whole: every string as text, no control raw, no link, no click action."""
    tally = Tally()

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            theme = app.theme
            await pilot.press("1")
            await pick(pilot, screen.query_one("#workstreams", Pane), "W-1")
            await pilot.press("b")
            await until(lambda: isinstance(app.screen, BriefScreen), pilot)
            await until(lambda: app.screen.text is not None, pilot, timeout=20)
            await pilot.pause()
            tally.check(app, "brief")
            await pilot.press("escape")
            keys = [family.keys["workstream"] for family in families.values()]
            brief = BriefScreen(screen.history, screen.shown_moment(), workstreams=keys)
            await app.push_screen(brief)
            await until(lambda: brief.text is not None, pilot, timeout=30)
            await pilot.pause()
            tally.check(app, "brief")
            lines = drawn_blocks(brief.query_one(Markdown))
            assert not raw_controls(lines), raw_controls(lines)[:3]
            for strip in lines:
                for segment in strip:
                    style = segment.style
                    assert style is None or not (style.link or "@click" in style.meta), segment.text
            shown = "\n".join(text_of(strip) for strip in lines)
            for family in families.values():
                # Markdown keeps an item on one line: whitespace (CR, VT, NEL…) is one space.
                as_one_line = " ".join(family.text.split())
                tally.found(family.name, "brief", one_line(as_one_line), shown)
            still_the_same_app(app, theme)
        deck.close()

    run(scenario)
    print(f"\nbrief: {len(tally.pairs)} (string × place) pairs")
    assert len(tally.pairs) == len(families)


# ---- the forms --------------------------------------------------------------------------

# The item of each pane a family's forms open on.
FORM_ITEMS = {"workstreams": "workstream", "decisions": "decision", "blockers": "blocker"}
SHOWS = {  # (pane, action) → where the form shows the item's text
    ("decisions", "decide"): ".form-hint",  # the options recorded
    ("blockers", "reassign"): "#field-owner",  # the owner, to type over
}
EVERY_FORM = "osc"  # the family whose every form is opened; the sample opens those in SHOWS


@pytest.mark.slow
def test_every_triage_form_opened_on_a_hostile_item_is_safe(hostile_store, families):
    tally = Tally()

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            theme = app.theme
            for name in SAMPLE:
                family = families[name]
                every = name == EVERY_FORM
                for pane_name, role in FORM_ITEMS.items():
                    pane = screen.query_one(f"#{pane_name}", Pane)
                    await pilot.press(PANE_KEYS[pane_name])
                    await pick(pilot, pane, family.keys[role])
                    forms = [
                        ([t.key], t.name)
                        for t in BY_PANE[pane_name]
                        if t.fields is not None and (every or (pane_name, t.name) in SHOWS)
                    ]
                    if pane_name == "workstreams" and every:
                        forms += [(["n", t.key], f"new {t.name}") for t in BY_PANE["new"]]
                    for keys, name in forms:
                        await pilot.press(*keys)
                        await until(lambda: isinstance(app.screen, FormScreen), pilot)
                        await pilot.pause()
                        place = f"form {pane_name} {name}"
                        strips = tally.check(app, place)
                        if shows := SHOWS.get((pane_name, name)):
                            widget = app.screen.query_one(shows)
                            if shows == ".form-hint":  # taller than the screen, for "long"
                                shown = "\n".join(map(text_of, drawn_whole(widget)))
                                expected = several_lines(family.text)[:8]
                            else:  # the cursor is at the end: the field shows the value's end
                                shown = region_text(app, widget, strips)
                                expected = in_a_field(family.text)[-8:]
                            tally.found(family.name, place, expected, shown)
                        await pilot.press("escape")
                        await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            still_the_same_app(app, theme)
        deck.close()

    run(scenario)
    print(f"\nforms: {sum(tally.screens.values())} drawn, {len(tally.pairs)} (string × place)")
    assert len(tally.pairs) == len(SAMPLE) * len(SHOWS)
    assert len(tally.screens) >= 20  # every form of every pane, and every new-item form


@pytest.mark.slow
def test_a_refusal_and_a_recorded_toast_quote_each_string_as_typed(hostile_store, families):
    """Reassigning to the same owner is refused, quoting the owner in the form; an
    escalation pasted in is recorded as pasted, the toast says so, and undo quotes it."""
    tally = Tally()

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            screen = await dashboard(app, pilot)
            theme = app.theme
            pane = screen.query_one("#blockers", Pane)
            await pilot.press("3")
            for family in (families[name] for name in SAMPLE):
                await pick(pilot, pane, family.keys["blocker"])
                await pilot.press("a", "ctrl+s")  # the owner as it is: no change
                refused = app.screen.query_one("#form-refused", Static)
                await until(lambda: app.screen.query_one("#form-refused").display, pilot)
                strips = tally.check(app, "form refusal")
                shown = region_text(app, refused, strips)
                tally.found(family.name, "form refusal", several_lines(family.text)[:8], shown)
                await pilot.press("escape")
                await pick(pilot, pane, family.keys["reopened blocker"])
                await pilot.press("e")
                await until(lambda: isinstance(app.screen, FormScreen), pilot)
                for name in ("to", "why"):
                    field = app.screen.query_one(f"#field-{name}", Input)
                    field.focus()
                    await paste(pilot, family.text)
                pasted = family.text.splitlines()[0]
                await pilot.press("ctrl+s")
                await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
                await until(lambda: screen.triage_desk.done, pilot)
                event = screen.triage_desk.done[-1]
                assert (event.to, event.why) == (pasted, pasted)  # as pasted, not as shown
                await until(
                    lambda: f"Recorded: {screen.triage_desk.done[-1].key}" in toast_text(app), pilot
                )
                strips = tally.check(app, "recorded toast")
                shown = toast_text(app)
                tally.found(family.name, "recorded toast", several_lines(pasted)[:6], shown)
                app.clear_notifications()
                await until(lambda: not app.screen.query("Toast"), pilot)
                await pilot.press("u")  # undo asks first, quoting the change
                await until(lambda: isinstance(app.screen, Confirm), pilot)
                await pilot.pause()
                strips = tally.check(app, "undo confirm")
                said = app.screen.query(Static)  # the title, what undo appends, the keys
                shown = "\n".join(text_of(line) for s in said for line in drawn_whole(s))
                tally.found(family.name, "undo confirm", several_lines(pasted)[:6], shown)
                await pilot.press("n")
                await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            still_the_same_app(app, theme)
        deck.close()

    run(scenario)
    print(f"\nrefusals and toasts: {len(tally.pairs)} (string × place) pairs")
    assert len(tally.pairs) == len(SAMPLE) * 3


# ---- what is typed: the filter, go to a date, the palette, help ----------------------------


@pytest.mark.slow
def test_the_filter_go_to_and_the_palette_show_hostile_input_as_typed(hostile_store, families):
    tally = Tally()

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            theme = app.theme
            pane = screen.query_one("#workstreams", Pane)
            await pilot.press("1")
            for family in families.values():
                typed = family.text.splitlines()[0]  # a paste into one line keeps its first
                await pilot.press("slash")
                await paste(pilot, family.text)
                strips = tally.check(app, "filter")
                title = region_text(app, pane, strips).splitlines()[0]
                tally.found(family.name, "filter", one_line(typed, 6), title)
                await pilot.press("escape")
                if family.name not in SAMPLE:
                    continue
                await pilot.press("g")
                await until(lambda: isinstance(app.screen, GoToDate), pilot)
                await paste(pilot, family.text)
                strips = tally.check(app, "go to")
                said = region_text(app, app.screen.query_one("#go-to-help"), strips)
                tally.found(family.name, "go to", squash(visible(repr(typed)))[:6], said)
                await pilot.press("enter", "escape")  # enter is refused: still asking
                await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
                await pilot.press("ctrl+p")
                await until(lambda: not isinstance(app.screen, DashboardScreen), pilot)
                await pilot.pause()
                await paste(pilot, family.text)
                strips = tally.check(app, "palette")
                query = region_text(app, app.screen.focused, strips)
                tally.found(family.name, "palette", in_a_field(typed)[:4], query)
                await pilot.press("escape")
                await until(lambda: isinstance(app.screen, DashboardScreen), pilot)
            # Typed key by key, markup is text too: no key it holds runs an action.
            for name in ("click", "close", "open", "link", "style"):
                await pilot.press("slash", *families[name].text)
                tally.check(app, "filter typed")
                title = region_text(app, pane).splitlines()[0]
                tally.found(name, "filter typed", one_line(families[name].text, 6), title)
                await pilot.press("escape")
            await pilot.press("question_mark")
            await until(lambda: isinstance(app.screen, HelpScreen), pilot)
            tally.check(app, "help")
            await pilot.press("escape")
            still_the_same_app(app, theme)
        deck.close()

    run(scenario)
    print(f"\nfilter, go to, palette: {len(tally.pairs)} (string × place) pairs")
    assert len(tally.pairs) == len(families) + 2 * len(SAMPLE) + 5


@pytest.mark.parametrize("name", ["ansi", "c1", "bidi", "nul_del"])
def test_a_long_field_shows_pasted_controls_as_marks(hostile_store, families, name):
    """A multi-line field (the reasoning of a decision) keeps a pasted ESC in its
    text, and draws it as a mark."""
    text = families[name].text

    async def scenario():
        deck, app = open_app(hostile_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await dashboard(app, pilot)
            await pilot.press("2")
            await pick(pilot, screen.query_one("#decisions", Pane), families[name].keys["decision"])
            await pilot.press("d")
            await until(lambda: isinstance(app.screen, FormScreen), pilot)
            area = app.screen.query_one("#field-reasoning")
            area.focus()
            await paste(pilot, text)
            # Its text is what was pasted (a line break the area's own, as NEL in "c1").
            assert area.text.splitlines() == text.splitlines()
            strips = Tally().check(app, "reasoning")
            assert one_line(text, 6) in squash(region_text(app, area, strips))
        deck.close()

    run(scenario)

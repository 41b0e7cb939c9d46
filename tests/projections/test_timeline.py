"""The timeline, told as stories: the latest events, newest first, each in
plain words beside its time, key, actor and type.
"""

from collections.abc import Iterator
from datetime import date

import pytest

from domain.service import Staffdeck
from events import WorkstreamOpened
from projections.timeline import LATEST, Timeline, TimelineRow
from tests.projections.story import NOW, ago, deck_on, fold, history_of


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        yield deck


def texts(rows) -> list[str]:
    return [row.text for row in rows]


def test_the_latest_events_come_newest_first_with_their_time_key_actor_and_type(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=3))
    deck.report_status("W-1", "at_risk", note="vendor late", at=ago(days=2))
    deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=1))
    assert fold(deck).latest() == [
        TimelineRow(at=ago(days=1), key="B-1", actor="ana", type="blocker.raised",
                    text="blocker raised on W-1 (high): PCI audit"),
        TimelineRow(at=ago(days=2), key="W-1", actor="ana", type="workstream.status_reported",
                    text="status at risk: vendor late"),
        TimelineRow(at=ago(days=3), key="W-1", actor="ana", type="workstream.opened",
                    text="workstream opened: Checkout v2 (owner ana)"),
    ]


def test_each_event_reads_as_plain_words(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=10))
    deck.set_next_decision_point("W-1", date(2026, 10, 1), "go/no-go", at=ago(days=9, hours=23))
    deck.raise_decision("Which PSP?", workstream="W-1", owner="bo", due=date(2026, 10, 2), at=ago(days=9))
    deck.make_decision("D-1", choice="Adyen", reasoning="coverage", at=ago(days=8))
    deck.raise_blocker("PCI audit", workstream="W-1", severity="critical", at=ago(days=7))
    deck.escalate_blocker("B-1", to="cpo", why="auditor silent", at=ago(days=6))
    deck.resolve_blocker("B-1", resolution="signed off", at=ago(days=5))
    deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana", at=ago(days=4))
    deck.hold_ritual("R-1", informed=["D-1"], surfaced=["B-1"], held_on=date(2026, 9, 27), at=ago(days=3))
    deck.assign_action("Send the shortlist", owner="bo", due=date(2026, 10, 5), source="D-1", at=ago(days=2))
    deck.drop_action("A-1", why="moot", at=ago(days=1))
    deck.close_workstream("W-1", why="shipped", at=ago(hours=1))
    assert texts(fold(deck).latest())[::-1] == [
        "workstream opened: Checkout v2 (owner ana)",
        "next decision point 2026-10-01: go/no-go",
        "decision raised on W-1: Which PSP? (owner bo, due 2026-10-02)",
        "decided: Adyen — coverage",
        "blocker raised on W-1 (critical): PCI audit",
        "escalated to cpo: auditor silent",
        "resolved: signed off",
        "ritual established: Staff meeting (weekly, owner ana)",
        "held on 2026-09-27; informed D-1; surfaced B-1",
        "action assigned to bo, due 2026-10-05, from D-1: Send the shortlist",
        "dropped: moot",
        "workstream closed: shipped",
    ]


def test_the_actor_is_whoever_recorded_the_event(deck, sqlite_store):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=2))
    other = Staffdeck(sqlite_store, actor="bo", clock=deck.clock)
    try:
        other.report_status("W-1", "paused", at=ago(days=1))
    finally:
        other.close()
    assert [(row.actor, row.text) for row in fold(deck).latest()] == [
        ("bo", "status paused"),
        ("ana", "workstream opened: Checkout v2 (owner ana)"),
    ]


def test_the_timeline_shows_as_many_as_asked(deck):
    for number in range(1, 8):
        deck.open_workstream(f"Stream {number}", owner="ana", at=ago(days=10 - number))
    assert [row.key for row in fold(deck).latest(3)] == ["W-7", "W-6", "W-5"]


def test_only_the_latest_events_are_kept_and_older_ones_fall_off():
    timeline = Timeline(size=3)
    for number in range(1, 6):
        timeline.apply(WorkstreamOpened(key=f"W-{number}", at=ago(days=10 - number), actor="ana",
                                        title=f"Stream {number}", owner="ana"))
    assert [row.key for row in timeline.rows()] == ["W-5", "W-4", "W-3"]


def test_the_timeline_keeps_the_latest_two_hundred_events_by_default():
    timeline = Timeline()
    for number in range(1, LATEST + 6):
        timeline.apply(WorkstreamOpened(key=f"W-{number}", at=ago(days=300 - number), actor="ana",
                                        title=f"Stream {number}", owner="ana"))
    rows = timeline.rows(limit=1000)
    assert (LATEST, len(rows)) == (200, 200)
    assert (rows[0].key, rows[-1].key) == ("W-205", "W-6")


def test_as_known_at_a_moment_the_timeline_ends_with_the_last_event_by_then(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=3))
    deck.report_status("W-1", "at_risk", at=ago(days=2))
    deck.report_status("W-1", "off_track", at=ago(days=1))
    history = history_of(deck)
    assert texts(history.as_of(ago(days=2)).latest()) == [
        "status at risk",
        "workstream opened: Checkout v2 (owner ana)",
    ]
    assert texts(history.as_of(NOW).latest())[0] == "status off track"


def test_a_backfilled_event_takes_its_place_by_time_in_the_present_timeline(deck):
    deck.open_workstream("Checkout v2", owner="ana", at=ago(days=3))
    deck.report_status("W-1", "off_track", at=ago(days=1))
    # Recorded last, but it happened two weeks ago: another workstream, backfilled.
    deck.open_workstream("Search", owner="bo", at=ago(days=14))
    history = history_of(deck)
    expected = ["W-1", "W-1", "W-2"]  # by when it happened, newest first, as `log` shows it
    assert [row.key for row in history.replay(NOW).latest()] == expected
    assert [row.key for row in history.as_of(NOW).latest()] == expected
    assert [row.key for row in history.now.latest()] == expected

# sample_data/staff-meeting.jsonl is generated, never edited by hand:
#
#     python -m benchmarks.history 800 --profile demo --seed 53 --out sample_data/staff-meeting.jsonl
#
"""The demo quarter keeps the promise the issue made for it.

A realistic quarter of the product organisation of an AI product company, in the
import format: imported through the application service into a fresh store, folded
into the read models, and checked against the counts the issue asked for, as the
Chief of Staff would see them the morning after the quarter's last event.
"""

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from domain.service import Staffdeck
from events import (
    SEVERITIES,
    BlockerEscalated,
    BlockerRaised,
    DecisionDeferred,
    DecisionMade,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    NoteLogged,
    RitualHeld,
    WorkstreamOpened,
    WorkstreamStatusReported,
)
from projections.ritual_audit import AUDIT_WINDOW
from projections.time_travel import History
from tests.conftest import FixedClock

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "staff-meeting.jsonl"
LAST_DAY = date(2026, 11, 19)  # the quarter's last day
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # the morning after: what the CoS opens


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[int, list]:
    """The sample imported into a fresh SQLite store: how many events, and all of them."""
    store = str(tmp_path_factory.mktemp("sample") / "store.db")
    deck = Staffdeck(store, actor="checker", clock=FixedClock(NOW))
    try:
        count = deck.import_lines(SAMPLE.read_bytes().split(b"\n"), source=SAMPLE.name)
        _, events = deck.events_after(0)
    finally:
        deck.close()
    return count, events


@pytest.fixture(scope="module")
def events(imported) -> list:
    return imported[1]


@pytest.fixture(scope="module")
def models(events):
    """Every read model, rebuilt from the store's events."""
    history = History()
    history.extend(events)
    return history.now


def of_type(events, *types) -> list:
    return [e for e in events if isinstance(e, types)]


def test_every_line_imports_and_the_quarter_ends_on_its_last_day(imported):
    count, events = imported
    lines = [line for line in SAMPLE.read_bytes().splitlines() if line.strip()]
    assert count == len(events) == len(lines)
    assert max(e.at for e in events).date() == LAST_DAY
    assert events[-1].at.date() == LAST_DAY


def test_no_line_is_placeholder_text():
    for number, line in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines(), 1):
        assert "lorem" not in line.lower(), f"line {number} is placeholder text"


def test_at_least_eight_workstreams_have_a_status_history(events, models):
    assert len(of_type(events, WorkstreamOpened)) >= 8
    reports = Counter(e.key for e in of_type(events, WorkstreamStatusReported))
    with_history = [key for key, count in reports.items() if count >= 2]
    assert len(with_history) >= 8
    assert set(with_history) <= set(models.workstreams.workstreams)


def test_at_least_forty_decisions_in_every_status(events, models):
    assert len(of_type(events, DecisionRaised)) >= 40
    records = models.decision_log()
    assert len(records) >= 40
    statuses = Counter(r.status for r in records)
    for status in ("open", "deferred", "reopened", "decided", "superseded", "withdrawn"):
        assert statuses[status] >= 1, f"no decision is {status} at the end of the quarter"
    # And each way a decision moves happened more than once over the quarter.
    for moved in (DecisionDeferred, DecisionReopened, DecisionSuperseded, DecisionWithdrawn):
        assert len(of_type(events, moved)) >= 2, moved.__name__


def test_every_made_decision_has_a_full_record(events, models):
    decisions = models.decisions.decisions
    made = of_type(events, DecisionMade)
    assert len(made) >= 30
    for event in made:
        options = decisions[event.key].options
        assert len(options) >= 2 and event.choice in options, event.key
        assert event.reasoning.strip(), event.key
        assert event.rejected, f"{event.key} rejected no alternative"
        for alternative in event.rejected:
            assert alternative.option in options and alternative.grounds.strip(), event.key
        assert event.expected.strip(), event.key
        assert event.reopen_conditions and all(c.strip() for c in event.reopen_conditions)
    # Some carry a date to look at them again, and at least one of those has come.
    reviews = [r.review_by for r in models.decision_log() if r.status == "decided"]
    assert any(reviews)
    assert any(day < LAST_DAY for day in reviews if day)


def test_superseded_decisions_point_at_a_newer_one_on_the_same_workstream(models):
    decisions = models.decisions.decisions
    superseded = [r for r in decisions.values() if r.status == "superseded"]
    assert superseded
    for old in superseded:
        newer = decisions[old.superseded_by]
        assert newer.workstream == old.workstream
        assert newer.raised_at > old.raised_at
        assert old.key in newer.supersedes


def test_at_least_thirty_five_blockers_of_every_severity_most_resolved(events, models):
    raised = of_type(events, BlockerRaised)
    assert len(raised) >= 35
    assert {b.severity for b in raised} == set(SEVERITIES)
    assert {b.severity for b in models.blockers.blockers.values()} == set(SEVERITIES)
    assert len({e.key for e in of_type(events, BlockerEscalated)}) >= 3
    blockers = models.blockers.blockers.values()
    resolved = [b for b in blockers if not b.is_open]
    assert len(resolved) > len(blockers) / 2


def test_some_open_blockers_are_past_their_threshold_and_not_escalated(models):
    radar = models.blocker_radar(NOW)
    assert any(row.escalated for row in radar)
    due = [row for row in radar if row.escalation_due]
    assert len(due) >= 2
    assert all(row.past_threshold and not row.escalated for row in due)
    # Already so at the close of the quarter's last day, not only the morning after.
    close = datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 23, 59, tzinfo=UTC)
    assert any(row.escalation_due for row in models.blocker_radar(close))


def test_sixty_meetings_across_six_rituals_one_to_retire_and_one_retired(events, models):
    audit = models.ritual_audit()
    assert len(audit) >= 6
    assert len(of_type(events, RitualHeld)) >= 60
    assert sum(row.occurrences for row in audit) >= 60

    candidates = [row for row in audit if row.retirement_candidate]
    assert len(candidates) == 1, [row.name for row in candidates]
    (candidate,) = candidates
    assert not candidate.retired
    assert candidate.occurrences >= AUDIT_WINDOW
    assert candidate.decisions_informed == candidate.blockers_surfaced == 0

    retired = [row for row in audit if row.retired]
    assert len(retired) == 1, [row.name for row in retired]
    assert retired[0].retired_reason.strip()
    # Every other active ritual earned its time lately.
    for row in audit:
        if not row.retired and row is not candidate:
            assert row.decisions_informed + row.blockers_surfaced > 0, row.name


def test_actions_are_completed_dropped_and_some_have_slipped(models):
    slipped = [row for row in models.open_actions(NOW) if row.slipped]
    assert len(slipped) >= 3
    assert all(row.due < NOW.date() for row in slipped)
    summary = models.follow_through(NOW)
    assert summary.completed >= 10
    assert summary.dropped >= 1
    assert summary.slipped == len(slipped)


def test_context_notes_of_several_kinds_link_workstreams_decisions_and_rituals(events):
    notes = of_type(events, NoteLogged)
    assert len(notes) >= 20
    kinds = Counter(n.kind for n in notes)
    assert kinds["must-say"] >= 1
    assert kinds["position"] >= 2
    assert len(kinds) >= 4
    linked = {key.partition("-")[0] for n in notes for key in n.links}
    assert {"W", "D", "R"} <= linked

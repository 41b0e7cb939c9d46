"""The laws the read models and time travel must keep, for any valid history.

Each history is a random but valid sequence of commands (see
tests/projections/timed_histories.py), played through the real service on a
SQLite store with a fixed clock that moves unevenly, some events backfilled
with an `at` in the past. The events are read back as the store recorded them;
the laws are then checked on the projections alone:

1. applying events one at a time is the same as the full rebuild (and the
   history's present, however the events arrive, is the rebuild in `at` order);
2. as-of(T) is the rebuild of exactly the events that had happened by T;
3. a jump from a checkpoint, or from a moment jumped to before, is the same
   as the naive replay;
4. the diff between two moments is the comparison of the two as-ofs;
5. a snapshot restores to the same answers and is not touched by later applies;
6. a saved present loads to the same answers, and folds on to the same present.

States are compared through every question the dashboard asks (rows are
msgspec Structs, so they compare by value) and through `snapshot()`.
"""

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import Event
from projections.diff import compare, diff
from projections.read_models import ReadModels
from projections.saved import load_present, save_present
from projections.time_travel import History
from projections.timeline import LATEST
from tests.projections.timed_histories import (
    TimedHistory,
    Timing,
    moments,
    record,
    timed_histories,
)
from tests.store.test_roundtrip_property import Command

laws = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def answers(models: ReadModels, now: datetime) -> dict[str, object]:
    """Everything the dashboard can ask, at `now`."""
    return {
        "workstream_map": models.workstream_map(now),
        "decision_queue": models.decision_queue(now),
        "blocker_radar": models.blocker_radar(now),
        "ritual_audit": models.ritual_audit(),
        "open_actions": models.open_actions(now),
        "follow_through": models.follow_through(now),
        "decision_log": models.decision_log(),
        "search_decisions": models.search_decisions(""),
        "latest": models.latest(LATEST),
    }


def rebuild(events: list[Event]) -> ReadModels:
    models = ReadModels()
    models.apply_all(events)
    return models


def in_at_order(events: list[Event]) -> list[Event]:
    """By `at`; events at the same moment keep their recording order."""
    return sorted(events, key=lambda e: e.at)


def chunks(data: st.DataObject, events: list[Event]) -> list[list[Event]]:
    """The events cut into a few consecutive runs, some of them possibly empty."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(events)), max_size=4), label="cuts"))
    bounds = [0, *cuts, len(events)]
    return [events[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def last_moment(events: list[Event]) -> datetime:
    return max(e.at for e in events)


# ---- 1. incremental apply == full rebuild -----------------------------------


@laws
@given(history=timed_histories(), data=st.data())
def test_applying_events_one_by_one_is_the_full_rebuild(history, data):
    events = record(history)
    now = last_moment(events) + timedelta(days=1)

    # One event at a time, in recording order, is the rebuild in recording order.
    full = rebuild(events)
    incremental = ReadModels()
    for event in events:
        incremental.apply(event)
    assert incremental.count == full.count == len(events)
    assert incremental.snapshot() == full.snapshot()
    assert answers(incremental, now) == answers(full, now)

    # The history's present, extended a few chunks at a time, is the rebuild in
    # `at` order (its promise: backfills are merged by time).
    timeline = History()
    for chunk in chunks(data, events):
        assert timeline.extend(chunk) == chunk
    assert len(timeline) == len(events)
    assert timeline.events == in_at_order(events)
    by_time = rebuild(in_at_order(events))
    assert timeline.now.snapshot() == by_time.snapshot()
    assert answers(timeline.now, now) == answers(by_time, now)
    # Every item's own state is the same in either order; only the timeline and
    # the supersession links follow the order the events were folded in.
    for present, recorded in (
        (timeline.now.workstreams.workstreams, full.workstreams.workstreams),
        (timeline.now.blockers.blockers, full.blockers.blockers),
        (timeline.now.rituals.rituals, full.rituals.rituals),
        (timeline.now.actions.actions, full.actions.actions),
    ):
        assert present == recorded


# ---- 2. as-of(T) == rebuild of the events with at ≤ T -------------------------


@laws
@given(history=timed_histories(), data=st.data())
def test_as_of_is_the_rebuild_of_the_events_known_by_then(history, data):
    events = record(history)
    timeline = History()
    for chunk in chunks(data, events):
        timeline.extend(chunk)

    for moment in data.draw(st.lists(moments(events), min_size=1, max_size=4), label="moments"):
        known = rebuild([e for e in in_at_order(events) if e.at <= moment])
        travelled = timeline.as_of(moment)
        assert travelled.count == known.count
        assert answers(travelled, moment) == answers(known, moment)


# ---- 3. checkpointed jump == naive replay -----------------------------------


@laws
@given(history=timed_histories(), data=st.data())
def test_a_jump_from_a_checkpoint_is_the_naive_replay(history, data):
    events = record(history)
    # Checkpoints every 3 events, so a jump really starts from one; the chunks go
    # in one by one, so a late entry in a later chunk lands before checkpoints
    # already taken, and as-ofs in between use them first.
    timeline = History(every=3)
    for chunk in chunks(data, events):
        timeline.extend(chunk)
        if timeline.events:
            early = st.lists(moments(list(timeline.events)), max_size=2)
            for moment in data.draw(early, label="early"):
                assert_jump_is_replay(timeline, moment)

    # Sorted moments with repeats: later jumps revisit, or fold on from, earlier ones.
    jumps = st.lists(moments(events), min_size=1, max_size=8)
    for moment in sorted(data.draw(jumps, label="moments")) * 2:
        assert_jump_is_replay(timeline, moment)


def assert_jump_is_replay(timeline: History, moment: datetime) -> None:
    jumped, replayed = timeline.as_of(moment), timeline.replay(moment)
    assert jumped.snapshot() == replayed.snapshot()
    assert answers(jumped, moment) == answers(replayed, moment)


# ---- 4. diff(T1, T2) == compare(as-of(T1), as-of(T2)) ----------------------------


@laws
@given(history=timed_histories(), data=st.data())
def test_the_diff_between_two_moments_compares_their_as_ofs(history, data):
    events = record(history)
    timeline = History(every=3)
    for chunk in chunks(data, events):
        timeline.extend(chunk)

    first, second = data.draw(st.tuples(moments(events), moments(events)), label="window")
    since, until = min(first, second), max(first, second)
    assert diff(timeline, since, until) == compare(timeline.as_of(since), timeline.as_of(until))

    # An empty window, and one between two events with nothing in it, change nothing.
    assert diff(timeline, since, since) == []
    times = sorted({e.at for e in events}) + [last_moment(events) + timedelta(days=1)]
    quiet_from = data.draw(st.sampled_from(times[:-1]), label="quiet window")
    quiet_to = times[times.index(quiet_from) + 1] - timedelta(microseconds=1)
    assert timeline.between(quiet_from, quiet_to) == []
    assert diff(timeline, quiet_from, quiet_to) == []
    assert compare(timeline.as_of(quiet_from), timeline.as_of(quiet_to)) == []


# ---- 5. snapshot / restore ------------------------------------------------


@laws
@given(history=timed_histories(), data=st.data())
def test_a_restored_snapshot_answers_the_same_and_stays_apart(history, data):
    events = record(history)
    now = last_moment(events) + timedelta(days=1)
    split = data.draw(st.integers(0, len(events)), label="split")
    before, after = events[:split], events[split:]

    original = rebuild(before)
    taken = original.snapshot()
    expected_snapshot, expected_answers = original.snapshot(), answers(original, now)

    # The restored copy answers every question the same.
    restored = ReadModels.restore(taken)
    assert restored.snapshot() == expected_snapshot
    assert answers(restored, now) == expected_answers

    # Moving the copy on leaves the original, and the snapshot, as they were.
    restored.apply_all(after)
    assert original.snapshot() == expected_snapshot
    assert answers(original, now) == expected_answers
    assert answers(ReadModels.restore(taken), now) == expected_answers
    assert answers(restored, now) == answers(rebuild(events), now)

    # Moving the original on leaves the snapshot as it was (a checkpoint stays true).
    original.apply_all(after)
    again = ReadModels.restore(taken)
    assert again.snapshot() == expected_snapshot
    assert answers(again, now) == expected_answers


# ---- the histories are worth checking the laws on --------------------------


def test_the_histories_often_enter_events_late():
    # The laws are only as strong as the histories: many must be recorded out of
    # `at` order, and some must have several events at the same moment.
    seen = {"histories": 0, "late": 0, "ties": 0}

    @settings(max_examples=60, deadline=None, database=None, derandomize=True)
    @given(timed_histories())
    def collect(history):
        events = record(history)
        times = [e.at for e in events]
        seen["histories"] += 1
        seen["late"] += times != sorted(times)
        seen["ties"] += len(set(times)) < len(times)

    collect()
    assert seen["late"] >= seen["histories"] // 4
    assert seen["ties"] > 0


# ---- the laws on small histories, written out -------------------------------
# Each is one of the laws above on the smallest history that tests it: a late
# entry (recorded last, `at` earlier), which is where recording order and `at`
# order part ways.

NOW = Timing(advance=timedelta(0), backfill=None)


def later(**delta) -> Timing:
    return Timing(advance=timedelta(**delta), backfill=None)


def note(text: str) -> Command:
    return "log_note", ("signal", text), {"links": []}


def test_as_of_the_last_moment_orders_a_late_entry_by_when_it_happened():
    # A workstream is opened; a note about three days earlier is entered after it.
    events = record(
        TimedHistory(
            timedelta(minutes=1),
            [
                (("open_workstream", ("Checkout v2",), {"owner": "ana"}), NOW),
                (note("the vendor went quiet"), Timing(advance=timedelta(0), backfill=0)),
            ],
        )
    )
    timeline = History()
    timeline.extend(events)
    # At any moment after both, the timeline shows the note as the older of the two.
    moment = last_moment(events) + timedelta(days=1)
    known = rebuild(in_at_order(events))
    assert [row.key for row in known.latest()] == ["W-1", "N-1"]
    assert answers(timeline.as_of(moment), moment) == answers(known, moment)


def test_a_checkpoint_taken_after_a_late_entry_is_the_naive_replay():
    # Three notes an hour apart, then one from the day before entered late.
    events = record(
        TimedHistory(
            timedelta(0),
            [
                (note("n1"), later(hours=1)),
                (note("n2"), later(hours=2)),
                (note("n3"), later(hours=1)),
                (note("n4, late"), Timing(advance=timedelta(0), backfill=600)),
                (note("n5"), later(hours=1)),
                (note("n6"), later(hours=1)),
                (note("n7"), later(hours=1)),
            ],
        )
    )
    timeline = History(every=3)
    timeline.extend(events[:4])  # the late note lands before the checkpoint at 3
    timeline.as_of(events[1].at)
    timeline.extend(events[4:6])  # on time, past the checkpoint at 6
    timeline.extend(events[6:])
    # Travelling to N-6 starts from the checkpoint at 6, and must equal the replay.
    assert_jump_is_replay(timeline, events[5].at)


def test_a_window_with_only_a_note_in_it_changes_no_decision():
    # D-3 supersedes D-1 at 11:00; that it had superseded D-2 at 10:00 is entered
    # later; at 12:00 someone notes something.
    def raise_decision(question: str) -> Command:
        return ("raise_decision", (question,), {"workstream": "W-1", "owner": "ana"})

    events = record(
        TimedHistory(
            timedelta(0),
            [
                (("open_workstream", ("Checkout v2",), {"owner": "ana"}), NOW),
                (raise_decision("Which PSP?"), NOW),
                (raise_decision("Which region?"), NOW),
                (raise_decision("PSP and region together?"), NOW),
                (("supersede_decision", ("D-1",), {"by": "D-3"}), later(hours=2)),
                (
                    ("supersede_decision", ("D-2",), {"by": "D-3"}),
                    Timing(advance=timedelta(0), backfill=500),
                ),
                (note("payments sync moved"), later(hours=1)),
            ],
        )
    )
    timeline = History()
    timeline.extend(events)
    eleven, noon = events[4].at, events[6].at
    # Between 11:00 and noon no decision changed: the diff says so, and so must
    # the two states it is taken from.
    assert diff(timeline, eleven, noon) == []
    assert compare(timeline.as_of(eleven), timeline.as_of(noon)) == []
    assert timeline.as_of(noon).decisions.decisions["D-3"].supersedes == ("D-2", "D-1")


# ---- 6. a saved present is the present ---------------------------------------


@laws
@given(history=timed_histories(), data=st.data())
def test_a_saved_present_loads_to_the_same_answers_and_folds_on(history, data):
    events = record(history)
    cut = data.draw(st.integers(0, len(events)), label="saved after")
    saved = rebuild(events[:cut])
    data_saved = save_present(saved, position=cut, mark="the store's mark")
    assert saved.snapshot() == rebuild(events[:cut]).snapshot()  # saving touches nothing

    loaded = load_present(
        data_saved, lambda position, mark: (position, mark) == (cut, "the store's mark")
    )
    assert loaded is not None
    models, position = loaded
    assert position == cut
    assert models.snapshot() == saved.snapshot()
    models.apply_all(events[cut:])
    full = rebuild(events)
    now = last_moment(events) + timedelta(days=1)
    assert models.snapshot() == full.snapshot()
    assert answers(models, now) == answers(full, now)

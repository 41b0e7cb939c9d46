"""The operating rhythm as a calendar, told as stories: which rituals go in,
the first meeting each starts from, the rule it repeats by, and what it says.

Pure: the rituals are folded from events made here, read on Tuesday 2026-09-01.
"""

from datetime import date

import pytest

from events import CADENCES, RitualCadenceChanged, RitualRetired
from projections.rhythm_calendar import RECURRENCES, Recurrence, rhythm_calendar
from tests.projections.ritual_events import at, established, held, rituals_of

TODAY = date(2026, 9, 1)


def calendar(*events, today: date = TODAY):
    return rhythm_calendar(rituals_of(*events), today)


def only(*events, today: date = TODAY):
    (entry,) = calendar(*events, today=today)
    return entry


# ---- every cadence has a rule --------------------------------------------------


def test_every_cadence_has_a_rule_a_calendar_repeats_it_by():
    assert set(RECURRENCES) == set(CADENCES)


@pytest.mark.parametrize(
    ("cadence", "rule"),
    [
        ("weekly", Recurrence(freq="WEEKLY")),
        ("biweekly", Recurrence(freq="WEEKLY", interval=2)),
        ("monthly", Recurrence(freq="MONTHLY")),
        ("quarterly", Recurrence(freq="MONTHLY", interval=3)),
    ],
)
def test_each_cadence_repeats_by_its_rule(cadence, rule):
    assert only(established("R-1", "2026-08-10", cadence)).recurrence == rule


def test_the_rule_follows_the_latest_cadence():
    changed = RitualCadenceChanged(key="R-1", at=at("2026-08-12"), actor="ana", cadence="monthly")
    assert only(established("R-1", "2026-08-10"), changed).recurrence.freq == "MONTHLY"


# ---- which rituals ---------------------------------------------------------------


def test_a_retired_ritual_is_left_out_and_the_rest_come_in_key_order():
    retired = RitualRetired(key="R-2", at=at("2026-08-20"), actor="ana", reason="theater")
    entries = calendar(
        established("R-10", "2026-08-10", name="Ten"),
        established("R-2", "2026-08-10", name="Two"),
        established("R-3", "2026-08-10", name="Three"),
        retired,
    )
    assert [e.key for e in entries] == ["R-3", "R-10"]


def test_no_rituals_make_an_empty_calendar():
    assert calendar() == []


# ---- the first meeting -------------------------------------------------------------


def test_a_ritual_established_today_first_meets_today():
    assert only(established("R-1", "2026-09-01")).start == TODAY


def test_a_held_ritual_next_meets_one_cadence_after_it_was_last_held():
    entry = only(established("R-1", "2026-08-04", "weekly"), held("R-1", "2026-08-28"))
    assert entry.start == date(2026, 9, 4)


def test_missed_meetings_move_on_by_whole_cadences_keeping_the_weekday():
    # Due Thursday 2026-08-06, never held: every other Thursday after.
    entry = only(established("R-1", "2026-08-06", "biweekly"))
    assert entry.start == date(2026, 9, 3) and entry.start.weekday() == 3


def test_a_missed_monthly_meeting_moves_on_to_the_same_day_next_month():
    assert only(established("R-1", "2026-07-15", "monthly")).start == date(2026, 9, 15)
    late_in_month = only(established("R-1", "2026-08-15", "quarterly"), today=date(2026, 11, 20))
    assert late_in_month.start == date(2027, 2, 15)


def test_a_meeting_at_the_month_end_stays_at_the_month_end():
    entry = only(established("R-1", "2026-07-31", "monthly"))  # due 07-31, missed twice
    assert entry.start == date(2026, 9, 30)
    assert entry.recurrence == Recurrence(
        freq="MONTHLY", by_month_day=(28, 29, 30, 31), by_set_pos=-1
    )


def test_a_meeting_on_the_30th_is_held_on_the_28th_or_29th_in_february():
    rule = only(established("R-1", "2026-08-30", "quarterly")).recurrence
    assert (rule.by_month_day, rule.by_set_pos) == ((28, 29, 30), -1)


def test_a_meeting_on_the_28th_needs_no_month_end_rule():
    rule = only(established("R-1", "2026-08-28", "monthly")).recurrence
    assert rule == Recurrence(freq="MONTHLY")


# ---- what it says --------------------------------------------------------------------


def test_the_summary_is_the_name_exactly():
    name = "Staff, meeting; [@click=app.quit]x[/]\nsecond line"
    assert only(established("R-1", "2026-08-10", name=name)).summary == name


def test_the_description_has_purpose_owner_attendees_and_cadence():
    entry = only(
        established(
            "R-4", "2026-08-10", "biweekly", purpose="Decide", owner="Ana", attendees=("Bo", "Cy")
        )
    )
    assert entry.description == (
        "Purpose: Decide\nOwner: Ana\nAttendees: Bo, Cy\nCadence: biweekly (staffdeck R-4)"
    )


def test_a_ritual_without_attendees_has_no_attendee_line():
    assert "Attendees" not in only(established("R-1", "2026-08-10")).description


def test_the_uid_names_the_ritual_and_when_it_was_established():
    entry = only(established("R-7", "2026-08-10"), held("R-7", "2026-08-31"))
    assert entry.uid == "R-7-20260810T090000Z@staffdeck"

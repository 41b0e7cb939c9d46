"""The coming four weeks of the operating rhythm, told as stories: which days
each active ritual meets, week by week, from the Monday of the moment shown.

Pure: the rituals are folded from events made here, read on Wednesday 2026-09-02.
"""

from datetime import date, timedelta
from itertools import islice

import pytest

from events import CADENCES, RitualRetired
from projections.rhythm_weeks import WEEKS, Meeting, meetings, rhythm_weeks, week_starts
from projections.ritual_audit import next_occurrence
from tests.projections.ritual_events import at, established, held, rituals_of

TODAY = date(2026, 9, 2)  # a Wednesday; its Monday is 2026-08-31
MONDAY = date(2026, 8, 31)


def weeks_of(*events, today: date = TODAY):
    return rhythm_weeks(rituals_of(*events), today)


def days(row) -> list[list[tuple[date, str]]]:
    return [[(m.on, m.state) for m in week] for week in row.weeks]


# ---- the weeks --------------------------------------------------------------------


@pytest.mark.parametrize("today", [MONDAY, TODAY, date(2026, 9, 6)], ids=["mon", "wed", "sun"])
def test_the_weeks_start_on_the_monday_of_the_day_shown(today):
    assert week_starts(today) == tuple(MONDAY + timedelta(weeks=n) for n in range(WEEKS))
    assert all(start.weekday() == 0 for start in week_starts(today))


# ---- when a ritual meets ------------------------------------------------------------


def test_a_weekly_ritual_meets_on_its_day_every_week_and_shows_this_weeks_meeting_held():
    (row,) = weeks_of(established("R-1", "2026-08-10"), held("R-1", "2026-09-01"))
    assert days(row) == [
        [(date(2026, 9, 1), "held")],
        [(date(2026, 9, 8), "coming")],
        [(date(2026, 9, 15), "coming")],
        [(date(2026, 9, 22), "coming")],
    ]
    assert row.due == date(2026, 9, 8)


def test_a_biweekly_ritual_meets_every_other_week():
    (row,) = weeks_of(established("R-1", "2026-08-10", "biweekly"), held("R-1", "2026-08-27"))
    assert days(row) == [
        [],
        [(date(2026, 9, 10), "coming")],
        [],
        [(date(2026, 9, 24), "coming")],
    ]


def test_a_meeting_due_before_today_and_not_recorded_is_late():
    (row,) = weeks_of(established("R-1", "2026-08-10"), held("R-1", "2026-08-25"))
    assert days(row)[0] == [(date(2026, 9, 1), "late")]
    assert days(row)[1] == [(date(2026, 9, 8), "coming")]


def test_a_meeting_due_today_is_coming_not_late():
    (row,) = weeks_of(established("R-1", "2026-08-10"), held("R-1", "2026-08-26"))
    assert days(row)[0] == [(TODAY, "coming")]


def test_a_ritual_long_behind_keeps_its_day_of_the_week():
    """Due on Tuesday 11 August and not held since: still a Tuesday meeting."""
    (row,) = weeks_of(established("R-1", "2026-07-01"), held("R-1", "2026-08-04"))
    assert [[day for day, _ in week] for week in days(row)] == [
        [date(2026, 9, 1)],
        [date(2026, 9, 8)],
        [date(2026, 9, 15)],
        [date(2026, 9, 22)],
    ]
    assert days(row)[0][0][1] == "late"


def test_a_ritual_never_held_first_meets_on_the_day_it_was_established():
    (row,) = weeks_of(established("R-1", "2026-09-02"))
    assert days(row)[0] == [(TODAY, "coming")]
    assert days(row)[1] == [(date(2026, 9, 9), "coming")]


def test_a_quarterly_ritual_may_not_meet_in_the_coming_weeks():
    (row,) = weeks_of(established("R-1", "2026-05-01", "quarterly"), held("R-1", "2026-07-15"))
    assert days(row) == [[], [], [], []]
    assert row.due == date(2026, 10, 15)


# ---- which rituals ------------------------------------------------------------------


def test_retired_rituals_are_left_out_and_the_rest_keep_the_audits_order():
    retired = RitualRetired(key="R-2", at=at("2026-08-20"), actor="ana", reason="theater")
    rows = weeks_of(
        established("R-10", "2026-08-10", name="Ten"),
        established("R-2", "2026-08-10", name="Two"),
        established("R-3", "2026-08-10", name="Three"),
        retired,
    )
    assert [(r.key, r.name) for r in rows] == [("R-3", "Three"), ("R-10", "Ten")]


# ---- cadence arithmetic ---------------------------------------------------------------


@pytest.mark.parametrize("cadence", CADENCES)
@pytest.mark.parametrize("due", [date(2026, 1, 31), date(2026, 2, 28), date(2026, 9, 2)])
def test_the_meeting_after_the_one_due_is_the_audits_next_occurrence(cadence, due):
    first, second = islice(meetings(due, cadence), 2)
    assert (first, second) == (due, next_occurrence(due, cadence))


def test_a_monthly_meeting_on_the_31st_stays_at_the_months_end():
    assert list(islice(meetings(date(2026, 1, 31), "monthly"), 4)) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_every_meeting_falls_in_the_week_it_is_shown_in():
    rows = weeks_of(
        established("R-1", "2026-06-01", "weekly"),
        established("R-2", "2026-06-02", "biweekly"),
        established("R-3", "2026-06-30", "monthly"),
        held("R-1", "2026-08-27"),
        held("R-3", "2026-08-31"),
    )
    for row in rows:
        for start, week in zip(week_starts(TODAY), row.weeks, strict=True):
            assert all(
                isinstance(m, Meeting) and start <= m.on < start + timedelta(7) for m in week
            )

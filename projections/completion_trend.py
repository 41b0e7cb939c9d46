"""Follow-through over time: the completion rate as it stood at the end of each week."""

from datetime import date, datetime, time, timedelta

import msgspec

from projections.follow_through import summary
from projections.time_travel import History


class WeekRate(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    ending: date  # the Sunday the week ended on; the moment's own day for this week
    rate: float | None  # None: nothing judged yet (no action done, dropped or slipped)


def completion_trend(history: History, moment: datetime, weeks: int = 12) -> list[WeekRate]:
    """The rate as known at the end of each of the last `weeks` weeks, oldest
    first; this week's is the rate at `moment`."""
    zone = moment.tzinfo
    today = moment.date()
    sunday = today - timedelta(days=(today.weekday() + 1) % 7 or 7)  # the last, before today
    endings = [sunday - timedelta(weeks=back) for back in range(weeks - 2, -1, -1)]
    trend = []
    for ending in endings:
        end = datetime.combine(ending, time.max, tzinfo=zone)
        rate = summary(history.as_of(end).actions, end).completion_rate
        trend.append(WeekRate(ending=ending, rate=rate))
    rate = summary(history.as_of(moment).actions, moment).completion_rate
    return [*trend, WeekRate(ending=today, rate=rate)]

"""Dates as people type them (tui/dates.py: `g`, --at, --due, --since, the forms),
fuzzed.

Any text either parses or is refused with the module's own DateInputError, whose
message quotes what was typed and lists the forms that work; nothing else
escapes (no ValueError, no OverflowError from the far ends of the calendar).
The forms that work mean what they say: an ISO date is that date, `-Nd` is N
days before today, `+Nw` N weeks after, a zoned time is that instant. And
`--at` on the command line, given anything, either records the event at the
moment it names or exits 2 (or 1, for the future) with a message, writing
nothing.
"""

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events import decode
from tests.conftest import export_of
from tests.fuzz.fuzzing import (
    NOW_MOMENT,
    SAMPLE_LINES,
    error_message,
    fuzzing,
    no_traceback,
    staffdeck,
)
from tests.fuzz.strategies import typed_dates
from tests.fuzz.tally import OUTCOMES, TRIED
from tui.dates import FORMS, DateInputError, parse_day, parse_moment
from tui.screens.go_to_date import moment_of

TODAY = NOW_MOMENT.date()
# Dates whose local midnight exists in UTC whatever the machine's zone.
ordinary_days = st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 30))


def parsed_or_refused(parse, text: str):
    """What `parse` makes of `text`, or None when it refuses it as it should."""
    try:
        return parse(text)
    except DateInputError as refusal:  # anything else is a bug, and fails the test
        message = str(refusal)
        quoted = repr(text) in message or repr(text.strip()) in message
        assert quoted and FORMS in message, message
        return None


@fuzzing(3)
@given(text=typed_dates, today=st.one_of(st.just(TODAY), st.dates()))
def test_any_text_is_a_day_or_a_clear_refusal(text, today):
    TRIED["dates: parse_day, parse_moment, `g` on any text"] += 1
    day = parsed_or_refused(lambda t: parse_day(t, today), text)
    assert day is None or isinstance(day, date)
    moment = parsed_or_refused(lambda t: parse_moment(t, NOW_MOMENT), text)
    assert moment is None or moment.tzinfo is UTC
    end = parsed_or_refused(lambda t: moment_of(t, NOW_MOMENT), text)
    assert moment is not None or end is None  # (9999-12-31 parses, but has no end)
    if end is not None:
        assert end >= moment and end - moment < timedelta(days=1)
    OUTCOMES[
        "dates: parse_day, parse_moment, `g` on any text", "a moment" if moment else "refused"
    ] += 1


@fuzzing()
@given(day=ordinary_days, spaces=st.sampled_from(["", " ", "  \t"]))
def test_an_iso_date_is_that_date_and_its_local_midnight(day, spaces):
    TRIED["dates: valid forms mean what they say"] += 1
    text = f"{spaces}{day.isoformat()}{spaces}"
    assert parse_day(text, TODAY) == day
    midnight = datetime.combine(day, time()).astimezone(UTC)
    assert parse_moment(text, NOW_MOMENT) == midnight
    assert moment_of(text, NOW_MOMENT) == midnight + timedelta(days=1, microseconds=-1)


@fuzzing()
@given(
    days=st.integers(0, 9999),
    unit=st.sampled_from(["d", "D"]),
    sign=st.sampled_from(["-", "+", ""]),
)
def test_relative_days_count_from_today(days, unit, sign):
    TRIED["dates: valid forms mean what they say"] += 1
    text = f"{sign}{days}{unit}"
    expected = TODAY - timedelta(days=days) if sign == "-" else TODAY + timedelta(days=days)
    assert parse_day(text, TODAY) == expected
    assert parse_day(f"{sign}{days}w", TODAY) == (
        TODAY - timedelta(weeks=days) if sign == "-" else TODAY + timedelta(weeks=days)
    )


# Fixed offsets: a named zone's moment in a DST gap never equals anything (PEP 495).
offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))


@fuzzing()
@given(
    moment=st.datetimes(
        min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 30), timezones=offsets
    )
)
def test_a_zoned_time_is_that_instant(moment):
    TRIED["dates: valid forms mean what they say"] += 1
    for text in (moment.isoformat(), moment.isoformat(sep=" ")):
        parsed = parse_moment(text, NOW_MOMENT)
        assert parsed == moment and parsed.tzinfo is UTC
        assert moment_of(text, NOW_MOMENT) == parsed  # a time is its own end of range


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        ("Yesterday", TODAY - timedelta(days=1)),
        (" TOMORROW ", TODAY + timedelta(days=1)),
        ("-3d", TODAY - timedelta(days=3)),
        ("-2w", TODAY - timedelta(weeks=2)),
        ("2w", TODAY + timedelta(weeks=2)),
        ("+0d", TODAY),
    ],
)
def test_the_forms_the_help_lists(text, day):
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("tomorrow", date.max),
        ("+1d", date.max),
        ("yesterday", date.min),
        ("-2w", date.min),
    ],
)
def test_counting_past_the_ends_of_the_calendar_is_refused(text, today):
    # Once OverflowErrors rather than the module's own DateInputError.
    with pytest.raises(DateInputError, match="too near the ends of the calendar"):
        parse_day(text, today)


# ---- --at on the command line ------------------------------------------------------


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_at_with_any_value_records_that_moment_or_writes_nothing(make_stores):
    stores = make_stores(SAMPLE_LINES[:20])
    test = "dates: --at on the command line (sqlite)"

    @fuzzing(0.5)
    @given(text=typed_dates, command=st.sampled_from(["open", "status", "log"]))
    def at_any(text: str, command: str) -> None:
        TRIED[test] += 1
        store = stores.holding_history()
        args = {
            "open": ["workstream", "open", "Fuzzed", "--owner", "ana", "--json"],
            "status": ["workstream", "status", "W-1", "at_risk", "--json"],
            "log": ["log", "W-1"],
        }[command]
        result = staffdeck(store, "--at", text, *args)
        no_traceback(result, text)
        OUTCOMES[test, f"exit {result.exit_code}"] += 1
        if result.exit_code != 0:
            message = error_message(result, text)
            assert "--at" in result.stderr or "future" in message or "before" in message, message
            assert export_of(store) == stores.history_export, f"--at {text!r} failed but wrote"
            stores.unchanged()
            return
        if command == "log":
            stores.unchanged()
            return
        recorded = decode(result.stdout)
        expected = parse_moment(text, NOW_MOMENT)
        assert recorded.at == expected, (text, recorded.at, expected)
        for reading in (["log"], ["show", "workstreams"]):  # and what was recorded reads back
            result = staffdeck(store, *reading)
            no_traceback(result, (text, reading))
            assert result.exit_code == 0, (text, reading, result.stderr)

    at_any()

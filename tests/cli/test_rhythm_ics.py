"""`staffdeck rhythm export --format ics`: the rituals as a calendar to subscribe to.

Run for real through the CLI on SQLite and PostgreSQL, with "now" fixed at
Tuesday 2026-09-01 09:00 UTC; what it writes is read back with icalendar.
"""

from datetime import UTC, date, datetime

import icalendar
import pytest
from dateutil.rrule import rrulestr

from events import CADENCES
from projections.ritual_audit import next_occurrence
from tests.cli.test_cli import ok, staffdeck
from tui.cli.rhythm import rhythm_export

# What a calendar is told for each cadence. A cadence added to the schema
# without a rule here (and in projections/rhythm_calendar.py) fails below.
RRULES = {
    "weekly": "FREQ=WEEKLY",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
}
HOSTILE_NAMES = [
    "Staff meeting, weekly; all hands",
    "Line one\nline two",
    "[@click=app.quit]x[/]",
    'Back\\slash: "quoted", [bold]not bold[/bold]; done',
]


def establish(
    store: str,
    name: str,
    cadence: str = "weekly",
    *,
    on: str = "2026-08-04",
    purpose: str = "triage",
    owner: str = "ana",
    attendees: tuple[str, ...] = (),
) -> str:
    """Establish a ritual as if on the day `on`; its key."""
    args = ["--at", on, "ritual", "establish", name, "--cadence", cadence]
    args += ["--purpose", purpose, "--owner", owner]
    args += [arg for attendee in attendees for arg in ("--attendee", attendee)]
    return ok(store, *args).strip()


def export(store: str, *args: str) -> bytes:
    result = staffdeck(store, "rhythm", "export", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def vevents(ics: bytes) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(ics).walk("VEVENT")


def by_summary(ics: bytes) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in vevents(ics)}


# ---- one event per active ritual ----------------------------------------------


def test_each_active_ritual_is_one_event_and_a_retired_one_is_none(store):
    establish(store, "Staff meeting")
    establish(store, "Product review", "monthly")
    retro = establish(store, "Retro", "biweekly")
    ok(store, "ritual", "retire", retro, "--reason", "no decisions in two months")

    events = by_summary(export(store))

    assert sorted(events) == ["Product review", "Staff meeting"]


def test_every_cadence_repeats_by_its_rule(store):
    assert set(RRULES) == set(CADENCES), "a cadence without a calendar rule"
    for cadence in CADENCES:
        establish(store, f"The {cadence} one", cadence)

    events = by_summary(export(store))

    for cadence, rule in RRULES.items():
        assert events[f"The {cadence} one"]["RRULE"].to_ical().decode() == rule


def test_a_changed_cadence_is_the_rule_the_calendar_gets(store):
    key = establish(store, "Staff meeting", "weekly")
    ok(store, "ritual", "cadence", key, "quarterly")

    (event,) = vevents(export(store))

    assert event["RRULE"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"


# ---- when it meets --------------------------------------------------------------


def test_a_ritual_starts_at_its_next_meeting_from_today_as_an_all_day_event(store):
    staff = establish(store, "Staff meeting", "weekly", on="2026-08-04")
    ok(store, "--at", "2026-08-25T10:00", "ritual", "held", staff)  # next due today
    establish(store, "Retro", "biweekly", on="2026-08-20")  # never held: due 08-20, missed
    establish(store, "Planning", "monthly", on="2026-07-15")  # missed in July and August
    establish(store, "Strategy", "quarterly", on="2026-08-31")  # missed; next at month end

    ics = export(store)
    events = by_summary(ics)

    assert events["Staff meeting"].decoded("DTSTART") == date(2026, 9, 1)
    assert events["Retro"].decoded("DTSTART") == date(2026, 9, 3)  # a Thursday, as it was
    assert events["Planning"].decoded("DTSTART") == date(2026, 9, 15)
    assert events["Strategy"].decoded("DTSTART") == date(2026, 11, 30)
    assert b"DTSTART;VALUE=DATE:20260901\r\n" in ics
    for event in events.values():
        assert event.decoded("DTSTAMP") == datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
        assert "DTEND" not in event and "DURATION" not in event  # one whole day
        assert str(event["TRANSP"]) == "TRANSPARENT"


def meetings(event: icalendar.Event, count: int) -> list[date]:
    """The first `count` days the event meets on, as a calendar reads its rule."""
    start = datetime.combine(event.decoded("DTSTART"), datetime.min.time())
    return [m.date() for m in rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)[:count]]


@pytest.mark.parametrize("cadence", CADENCES)
def test_the_calendar_meets_when_the_audit_expects_the_ritual(store, cadence):
    key = establish(store, "Staff meeting", cadence, on="2026-06-10")
    ok(store, "--at", "2026-06-10T10:00", "ritual", "held", key)

    (event,) = vevents(export(store))

    held_on = [date(2026, 6, 10)]  # ...and then on every day the audit says it is next due
    while len(held_on) < 30:
        held_on.append(next_occurrence(held_on[-1], cadence))
    upcoming = [day for day in held_on if day >= date(2026, 9, 1)][:6]
    assert meetings(event, 6) == upcoming


def test_a_monthly_ritual_on_the_31st_still_meets_in_shorter_months(store):
    key = establish(store, "Month-end close", "monthly", on="2026-07-31")
    ok(store, "--at", "2026-07-31T16:00", "ritual", "held", key)  # next due 08-31, missed

    (event,) = vevents(export(store))

    assert meetings(event, 6) == [
        date(2026, 9, 30),
        date(2026, 10, 31),
        date(2026, 11, 30),
        date(2026, 12, 31),
        date(2027, 1, 31),
        date(2027, 2, 28),
    ]


# ---- what it says -----------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_ritual_name_comes_back_exactly(store, name):
    establish(store, name)

    ics = export(store)
    (event,) = vevents(ics)

    assert str(event["SUMMARY"]) == name
    assert b"\r\nSUMMARY:" in ics and b"BEGIN:VEVENT" in ics  # still one well-formed event


def test_the_description_carries_purpose_owner_and_attendees_and_no_invented_addresses(store):
    establish(
        store,
        "Staff meeting",
        purpose="Triage; decide, unblock",
        owner="Ana Lima",
        attendees=("Bo", "Cy, Jr."),
    )

    (event,) = vevents(export(store))

    assert str(event["DESCRIPTION"]) == (
        "Purpose: Triage; decide, unblock\nOwner: Ana Lima\nAttendees: Bo, Cy, Jr.\n"
        "Cadence: weekly (staffdeck R-1)"
    )
    assert "ATTENDEE" not in event and "ORGANIZER" not in event


def test_a_ritual_keeps_its_uid_from_one_export_to_the_next(store):
    establish(store, "Staff meeting", on="2026-08-04T10:30")
    first = vevents(export(store))[0]["UID"]
    establish(store, "Retro", "biweekly")
    ok(store, "ritual", "cadence", "R-1", "monthly")

    again = by_summary(export(store))

    assert first == "R-1-20260804T103000Z@staffdeck"
    assert again["Staff meeting"]["UID"] == first
    assert again["Retro"]["UID"] != first


# ---- where it goes ------------------------------------------------------------------


def test_out_writes_the_same_bytes_as_stdout(store, tmp_path):
    establish(store, "Staff meeting, weekly")
    establish(store, "Product review", "quarterly")
    (folder := tmp_path / "out").mkdir()
    target = folder / "rhythm.ics"

    result = staffdeck(store, "rhythm", "export", "--format", "ics", "--out", str(target))

    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"Wrote 2 rituals to {target}." in result.stderr
    assert target.read_bytes() == export(store)
    assert [p.name for p in folder.iterdir()] == ["rhythm.ics"]  # no temporary left behind


def test_out_replaces_an_old_calendar_whole(store, tmp_path):
    target = tmp_path / "rhythm.ics"
    target.write_bytes(b"an old calendar, much longer than the new one " * 100)
    establish(store, "Staff meeting")

    ok(store, "rhythm", "export", "--out", str(target))

    assert target.read_bytes() == export(store)


def test_a_directory_as_out_is_bad_usage_and_nothing_is_written(store, tmp_path):
    establish(store, "Staff meeting")
    folder = tmp_path / "calendars"
    folder.mkdir()

    result = staffdeck(store, "rhythm", "export", "--out", str(folder))

    assert result.exit_code == 2
    assert "'--out'" in result.stderr and "is a directory" in result.stderr
    assert result.stdout == ""
    assert list(folder.iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".calendars")]


def test_out_in_a_missing_folder_is_refused_and_nothing_is_written(store, tmp_path):
    establish(store, "Staff meeting")

    missing = tmp_path / "nope"

    result = staffdeck(store, "rhythm", "export", "--out", str(missing / "rhythm.ics"))

    assert result.exit_code == 1
    assert "No such file or directory" in result.stderr
    assert not missing.exists()


def test_a_format_other_than_ics_is_bad_usage(store):
    establish(store, "Staff meeting")

    result = staffdeck(store, "rhythm", "export", "--format", "csv")

    assert result.exit_code == 2 and "'--format'" in result.stderr


def test_every_option_says_what_it_does():
    options = [p for p in rhythm_export.params if p.name != "help"]
    assert options and all(option.help for option in options)


# ---- nothing to put in it ------------------------------------------------------------


def test_an_empty_store_still_writes_a_calendar_and_says_it_has_no_events(store):
    ok(store, "init")

    result = staffdeck(store, "rhythm", "export")

    assert result.exit_code == 0
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    assert calendar.name == "VCALENDAR" and str(calendar["VERSION"]) == "2.0"
    assert calendar.walk("VEVENT") == []
    assert "No active rituals" in result.stderr


def test_when_every_ritual_is_retired_the_calendar_is_empty_and_says_so(store, tmp_path):
    key = establish(store, "Staff meeting")
    ok(store, "ritual", "retire", key, "--reason", "process theater")
    target = tmp_path / "rhythm.ics"

    result = staffdeck(store, "rhythm", "export", "--out", str(target))

    assert result.exit_code == 0
    assert vevents(target.read_bytes()) == []
    assert "Wrote 0 rituals" in result.stderr and "No active rituals" in result.stderr

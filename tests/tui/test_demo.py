"""`staffdeck demo`: the sample quarter in a throwaway store, never the user's."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

from click.testing import CliRunner

import tui.cli.dashboard
from domain.service import Staffdeck
from tui.cli import cli
from tui.demo import SAMPLE, sample_lines, shift_days

NOW = "2027-03-10T18:30:00+00:00"  # later in the day than the sample's last event


def run_demo(monkeypatch, tmp_path, *args) -> tuple[object, list[dict]]:
    """Run `staffdeck demo` with the dashboard replaced by a look at the store it got."""
    opened: list[dict] = []

    def look_instead(session, deck, theme):
        _, events = deck.events_after(0)
        opened.append(
            {"store": deck.location.path, "events": events, "theme": theme, "exists": True}
        )

    monkeypatch.setattr(tui.cli.dashboard, "run_dashboard", look_instead)
    user_store = tmp_path / "mine.db"
    result = CliRunner(env={"STAFFDECK_STORE": str(user_store), "STAFFDECK_NOW": NOW}).invoke(
        cli, ["demo", *args], catch_exceptions=False
    )
    return result, opened


def test_the_demo_never_touches_the_users_store(monkeypatch, tmp_path):
    user_store = tmp_path / "mine.db"
    deck = Staffdeck(str(user_store), actor="me")
    deck.open_workstream("My own work", owner="me")
    deck.close()
    before = user_store.read_bytes()

    result, opened = run_demo(monkeypatch, tmp_path)

    assert result.exit_code == 0, result.output
    [demo] = opened
    assert demo["store"] != user_store and user_store not in demo["store"].parents
    assert user_store.read_bytes() == before  # not a byte written
    assert not demo["store"].exists()  # the throwaway store is gone after the demo
    assert len(demo["events"]) == len(SAMPLE.read_bytes().splitlines())


def test_the_demo_does_not_create_a_store_for_the_user(monkeypatch, tmp_path):
    result, _ = run_demo(monkeypatch, tmp_path)
    assert result.exit_code == 0
    assert not (tmp_path / "mine.db").exists()


def test_the_demo_quarter_ends_today_and_every_date_moves_with_it(monkeypatch, tmp_path):
    result, [demo] = run_demo(monkeypatch, tmp_path)
    assert result.exit_code == 0
    now = datetime.fromisoformat(NOW)
    last = max(event.at for event in demo["events"])
    assert last.date() == now.date() and last <= now
    original = [json.loads(line) for line in SAMPLE.read_bytes().splitlines()]
    days = shift_days(max(datetime.fromisoformat(e["at"]) for e in original), now)
    for before, after in zip(original, demo["events"], strict=True):
        assert (after.at - datetime.fromisoformat(before["at"])).days == days
        for field in ("due", "needed_by", "review_by", "on", "until", "held_on"):
            if before.get(field):
                assert (getattr(after, field) - date.fromisoformat(before[field])).days == days


def test_no_shift_keeps_the_samples_dates(monkeypatch, tmp_path):
    result, [demo] = run_demo(monkeypatch, tmp_path, "--no-shift")
    assert result.exit_code == 0
    assert [e.at for e in demo["events"]] == [
        datetime.fromisoformat(json.loads(line)["at"]) for line in SAMPLE.read_bytes().splitlines()
    ]


def test_shift_never_puts_an_event_in_the_future():
    morning = datetime(2027, 3, 10, 6, 0, tzinfo=UTC)
    lines = sample_lines(morning, shift=True)
    assert max(json.loads(line)["at"] for line in lines) <= morning.isoformat().replace(
        "+00:00", "Z"
    )


def test_an_unknown_theme_is_refused(monkeypatch, tmp_path):
    result = CliRunner(env={"STAFFDECK_STORE": str(tmp_path / "x.db")}).invoke(
        cli, ["tui", "--theme", "neon"]
    )
    assert result.exit_code == 2 and "'neon' is not one of" in result.output
    assert not Path(tmp_path / "x.db").exists()

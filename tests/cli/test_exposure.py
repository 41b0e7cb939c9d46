"""Secrets and exposure: a PostgreSQL password is never printed, whatever goes
wrong; what staffdeck writes to disk is readable by its owner only."""

import asyncio
import os
import stat
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

import tui.remembered
from domain.service import Staffdeck
from projections.read_models import ReadModels
from tests.store.processes import run_staffdeck
from tui.app import StaffdeckApp
from tui.cli import cli
from tui.screens.dashboard import DashboardScreen

PASSWORD = "s3cret-Pa55word"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def printed(*args: str, env: dict | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env or {})
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


# ---- the password --------------------------------------------------------------

BROKEN_URLS = {
    "a port that is not a number": f"postgresql://ana:{PASSWORD}@127.0.0.1:notaport/db",
    "a port out of range": f"postgresql://ana:{PASSWORD}@127.0.0.1:99999/db",
    "a broken IPv6 host": f"postgresql://ana:{PASSWORD}@[::1/db",
    "nothing listening": f"postgresql://ana:{PASSWORD}@127.0.0.1:1/db",
}


@pytest.mark.parametrize("url", BROKEN_URLS.values(), ids=BROKEN_URLS.keys())
def test_a_store_url_that_cannot_be_used_is_named_without_its_password(url, monkeypatch):
    monkeypatch.setenv("STAFFDECK_STORE_TIMEOUT", "1")
    # A real process: a traceback would go to its stderr, not into an exception here.
    done = run_staffdeck("--store", url, "log")
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 4, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and PASSWORD not in out + err


@pytest.mark.postgres
def test_a_wrong_password_is_refused_without_printing_either_password(postgres_url):
    params = psycopg.conninfo.conninfo_to_dict(postgres_url)
    wrong = postgres_url.replace(f":{params['password']}@", f":{PASSWORD}@")
    assert wrong != postgres_url
    code, output = printed("--store", wrong, "log")
    assert code == 4
    assert "password" in output.lower()  # it says what went wrong ...
    assert PASSWORD not in output and params["password"] not in output  # ... not what was typed


def test_help_never_shows_the_store_url_from_the_environment():
    url = f"postgresql://ana:{PASSWORD}@db.example:5432/staffdeck"
    for args in (["--help"], ["tui", "--help"], ["serve", "--help"], ["blocker", "raise", "--help"]):
        code, output = printed(*args, env={"STAFFDECK_STORE": url})
        assert code == 0
        assert PASSWORD not in output and "db.example" not in output


@pytest.mark.postgres
def test_the_dashboard_names_its_store_without_the_password(postgres_store):
    params = psycopg.conninfo.conninfo_to_dict(postgres_store.partition("?")[0])

    async def title() -> str:
        deck = Staffdeck(postgres_store, actor="cos")
        try:
            app = StaffdeckApp(deck)
            async with app.run_test(size=(160, 45)) as pilot:
                while not isinstance(app.screen, DashboardScreen):
                    await pilot.pause(0.02)
                return f"{app.screen.title} {app.screen.sub_title}"
        finally:
            deck.close()

    shown = asyncio.run(title())
    assert "postgresql://" in shown and params["password"] not in shown


# ---- files on disk ---------------------------------------------------------------


def test_a_new_sqlite_store_and_its_journal_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "team" / "deep" / "staffdeck.db"
    deck = Staffdeck(str(path), actor="ana")
    try:
        deck.open_workstream("Checkout v2", owner="ana")
        journal = [p for p in path.parent.iterdir() if p != path]
        assert journal  # the write-ahead log and its index, while the store is open
        assert {p.name: mode(p) for p in [path, *journal]} == {
            p.name: 0o600 for p in [path, *journal]
        }
    finally:
        deck.close()
    assert mode(path.parent) == 0o700


def test_the_remembered_present_is_readable_by_its_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(tui.remembered, "REMEMBER_FROM", 1)
    deck = Staffdeck(str(tmp_path / "store.db"), actor="ana")
    try:
        deck.open_workstream("Acquire Kestrel (confidential)", owner="ana")
        position, events = deck.events_after(0)
        assert tui.remembered.remember(deck, ReadModels.of(events), position)
    finally:
        deck.close()
    saved = list((tmp_path / "cache" / "staffdeck" / "present").iterdir())
    assert [mode(p) for p in saved] == [0o600]
    assert mode(saved[0].parent) == 0o700

"""`staffdeck note search`: shared context found by its words, kind and links."""

import json

from tests.cli.test_cli import ok, staffdeck


def notes(store, *args: str) -> list[str]:
    return [
        n["key"]
        for n in json.loads(ok(store, "note", "search", *args, "--format", "json"))["notes"]
    ]


def seed(store) -> None:
    ok(store, "workstream", "open", "Checkout v2", "--owner", "Ana Lima")
    ok(store, "note", "add", "signal", "EU churn is up 4% [@click=app.quit]x[/]", "--link", "W-1")
    ok(store, "note", "add", "bet", "Japan first pays back by Q3")
    ok(store, "note", "add", "position", "Bo: EU churn is a pricing problem", "--link", "w-1")


def test_every_word_must_be_in_the_note_newest_first(store):
    seed(store)
    assert notes(store, "eu", "churn") == ["N-3", "N-1"]
    assert notes(store, "japan") == ["N-2"]
    assert notes(store) == ["N-3", "N-2", "N-1"]


def test_kind_and_link_narrow_the_search(store):
    seed(store)
    assert notes(store, "--kind", "position") == ["N-3"]
    assert notes(store, "churn", "--link", "W-1", "--kind", "signal") == ["N-1"]
    assert notes(store, "--link", "W-2") == []


def test_the_table_shows_user_text_as_text(store):
    seed(store)
    out = ok(store, "note", "search", "churn", "--format", "md")
    assert "[@click=app.quit]x[/]" in out and "2 notes of 3" in out


def test_an_unknown_kind_is_a_usage_error(store):
    result = staffdeck(store, "note", "search", "--kind", "rumour")
    assert result.exit_code == 2 and "rumour" in result.stderr

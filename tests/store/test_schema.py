"""The event schema is a contract with every file and script that writes events."""

import json
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

import events
from domain.service import Staffdeck
from tui.cli import cli

FIRST_SCHEMA = Path(__file__).parent.parent / "fixtures" / "schema-v1.jsonl"

PUBLISHED_TAGS = {
    "workstream.opened", "workstream.owner_changed", "workstream.status_reported",
    "workstream.next_decision_point_set", "workstream.escalated", "workstream.deescalated",
    "workstream.closed",
    "decision.raised", "decision.option_added", "decision.made", "decision.deferred",
    "decision.reopened", "decision.superseded", "decision.withdrawn",
    "blocker.raised", "blocker.severity_changed", "blocker.reassigned", "blocker.escalated",
    "blocker.resolved", "blocker.reopened", "blocker.deescalated",
    "ritual.established", "ritual.held", "ritual.cadence_changed", "ritual.retired",
    "action.assigned", "action.completed", "action.dropped",
    "note.logged",
}
# Types added after the first schema file was written (it cannot hold them).
ADDED_SINCE_FIRST = {"blocker.deescalated"}


def test_every_event_type_keeps_its_published_tag():
    # Renaming a tag would orphan every stored event of that type.
    assert set(events.EVENT_TYPES) == PUBLISHED_TAGS


def test_the_first_schema_file_still_imports_and_exports_byte_for_byte(store):
    # One event of every type, as written by the first schema: a field renamed
    # or retyped since then breaks this test.
    first = FIRST_SCHEMA.read_bytes()
    written = {json.loads(line)["type"] for line in first.splitlines()}
    assert written == PUBLISHED_TAGS - ADDED_SINCE_FIRST
    deck = Staffdeck(store, actor="importer")
    try:
        assert deck.import_lines(first.split(b"\n"), source=str(FIRST_SCHEMA)) == 32
        assert b"".join(deck.export_lines()) == first
    finally:
        deck.close()


def test_events_are_frozen_facts():
    event = events.decode(FIRST_SCHEMA.read_bytes().splitlines()[0])
    with pytest.raises(AttributeError):
        event.title = "rewritten"  # type: ignore[misc]


def test_a_time_without_a_zone_is_refused():
    line = b'{"type":"action.completed","key":"A-1","at":"2026-09-01T09:00:00","actor":"ana"}'
    with pytest.raises(msgspec.ValidationError, match="timezone"):
        events.decode(line)


def test_schema_command_prints_a_json_schema_of_every_event():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert set(schema["discriminator"]["mapping"]) == PUBLISHED_TAGS
    raised = schema["$defs"]["BlockerRaised"]
    assert set(raised["required"]) >= {"type", "key", "actor", "title", "workstream", "severity"}
    assert sorted(raised["properties"]["severity"]["enum"]) == ["critical", "high", "low", "medium"]

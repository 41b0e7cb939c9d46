"""The event schema is a contract with every file and script that writes events."""

import json
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

import events
from domain.service import Staffdeck
from tui.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures"
FIRST_SCHEMA = FIXTURES / "schema-v1.jsonl"
# The first schema file as this release exports it (tests/store/test_schema_evolution.py).
FIRST_SCHEMA_AS_CURRENT = FIXTURES / "schema-v1.as-current.jsonl"

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
}  # fmt: skip
# Types added after the first schema file was written (it cannot hold them).
ADDED_SINCE_FIRST = {"blocker.deescalated"}
# Types whose lines the current schema writes differently: a field added
# (decision.raised's intent) or changed by an upcaster (decision.reopened, v2).
CHANGED_SINCE_FIRST = {"decision.raised", "decision.reopened"}


def test_every_event_type_keeps_its_published_tag():
    # Renaming a tag would orphan every stored event of that type.
    assert set(events.EVENT_TYPES) == PUBLISHED_TAGS


def test_the_first_schema_file_still_imports_and_exports_as_the_current_schema(store):
    # One event of every type, as written by the first schema. It exports as this
    # release writes it: byte for byte the same, but for the types changed since.
    first = FIRST_SCHEMA.read_bytes()
    written = {json.loads(line)["type"] for line in first.splitlines()}
    assert written == PUBLISHED_TAGS - ADDED_SINCE_FIRST
    deck = Staffdeck(store, actor="importer")
    try:
        assert deck.import_lines(first.split(b"\n"), source=str(FIRST_SCHEMA)) == 32
        exported = b"".join(deck.export_lines())
    finally:
        deck.close()
    assert exported == FIRST_SCHEMA_AS_CURRENT.read_bytes()
    changed = {
        json.loads(old)["type"]
        for old, new in zip(first.splitlines(), exported.splitlines(), strict=True)
        if old != new
    }
    assert changed == CHANGED_SINCE_FIRST


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

"""What every projection promises the screens that read it: rows that cannot
be changed under them, and no knowledge of Textual or of the domain.
"""

import ast
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from projections.blocker_radar import BlockerState, RadarRow
from projections.decision_log import DecisionRecord
from projections.decision_queue import QueueRow
from projections.diff import Change, diff
from projections.follow_through import ActionRow, ActionState, FollowThroughSummary
from projections.ritual_audit import AuditRow, Occurrence, RitualState
from projections.timeline import TimelineRow
from projections.workstream_map import MapRow, WorkstreamState
from tests.projections.story import NOW, ago, deck_on, fold, history_of

PROJECTIONS = Path(__file__).parents[2] / "projections"
ROW_TYPES = [
    MapRow, QueueRow, RadarRow, DecisionRecord, AuditRow, ActionRow, FollowThroughSummary,
    TimelineRow, Change, WorkstreamState, BlockerState, RitualState, Occurrence, ActionState,
]


@pytest.mark.parametrize("row_type", ROW_TYPES, ids=[t.__name__ for t in ROW_TYPES])
def test_every_row_type_is_a_frozen_struct(row_type):
    assert issubclass(row_type, msgspec.Struct)
    assert row_type.__struct_config__.frozen


def test_the_rows_handed_out_cannot_be_changed(sqlite_store):
    with deck_on(sqlite_store) as deck:
        deck.open_workstream("Checkout v2", owner="ana", at=ago(days=10))
        deck.raise_decision("Which PSP?", workstream="W-1", owner="ana", at=ago(days=9))
        deck.raise_blocker("PCI audit", workstream="W-1", severity="high", at=ago(days=8))
        deck.establish_ritual("Staff meeting", cadence="weekly", purpose="triage", owner="ana", at=ago(days=7))
        deck.assign_action("Send the shortlist", owner="bo", due=NOW.date(), at=ago(days=6))
        models, history = fold(deck), history_of(deck)
    rows = [
        models.workstream_map(NOW)[0],
        models.decision_queue(NOW)[0],
        models.blocker_radar(NOW)[0],
        models.decision_log()[0],
        models.ritual_audit()[0],
        models.open_actions(NOW)[0],
        models.follow_through(NOW),
        models.latest()[0],
        diff(history, ago(days=11), NOW)[0],
    ]
    for row in rows:
        field = msgspec.structs.fields(row)[0].name
        with pytest.raises(AttributeError):
            setattr(row, field, "changed")
    # The record's history is a tuple: nothing can be appended to it either.
    assert isinstance(models.decision_log()[0].history, tuple)


def test_importing_every_projection_loads_neither_textual_nor_the_domain_nor_the_tui():
    modules = sorted(f"projections.{p.stem}" for p in PROJECTIONS.glob("*.py") if p.stem != "__init__")
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print(sorted({n.split('.')[0] for n in sys.modules} & {'textual', 'domain', 'tui', 'rich', 'eventsourcing'}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        cwd=PROJECTIONS.parent,
    ).stdout.strip()
    assert loaded == "[]"


@pytest.mark.parametrize("path", sorted(PROJECTIONS.glob("*.py")), ids=lambda p: p.name)
def test_a_projection_module_imports_only_the_standard_library_msgspec_events_and_projections(path):
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    ours_or_allowed = {"msgspec", "events", "projections"}
    assert not imported - ours_or_allowed - set(sys.stdlib_module_names)

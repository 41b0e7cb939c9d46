"""ADRs both ways: a folder of MADR and Nygard records imported as decisions
(statuses, dates, supersession chains), all or nothing; decisions exported as
MADR files that import back to the same records."""

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from domain.adr import read_adr
from domain.errors import AdrsRejected, InvalidInput
from domain.service import Staffdeck
from projections.read_models import ReadModels

SAMPLES = Path(__file__).parents[1] / "fixtures" / "adr"
EARLY = datetime(2026, 1, 5, tzinfo=UTC)  # before the oldest sample ADR


def records(app: Staffdeck) -> dict:
    return {r.question: r for r in ReadModels.of(app.events_after(0)[1]).decision_log()}


@pytest.fixture
def platform(app) -> str:
    return app.open_workstream("Eval platform", owner="Priya Raman", at=EARLY).key


def test_a_folder_of_madr_and_nygard_records_becomes_decisions(app, platform):
    imported = app.import_adrs(SAMPLES, workstream=platform, owner="Ana Lima")

    assert [name for name, _ in imported] == sorted(p.name for p in SAMPLES.glob("0*.md"))
    found = records(app)
    status = {question: r.status for question, r in found.items()}
    assert status == {
        "Record architecture decisions": "decided",  # Nygard, accepted
        "Keep eval results in SQLite": "superseded",  # Nygard, superseded by 4
        "Run the red-team suite nightly": "open",  # MADR 2, proposed
        "Move eval results to PostgreSQL": "superseded",  # MADR 3, superseded by 5
        "Stream eval results to the warehouse": "decided",  # MADR 4, accepted
        "Hand-label every eval failure": "withdrawn",  # deprecated
        "Buy a hosted eval service": "withdrawn",  # rejected
    }
    # The chain 2 → 4 → 5 follows the ADRs' own links.
    sqlite, postgres = (
        found["Keep eval results in SQLite"],
        found["Move eval results to PostgreSQL"],
    )
    warehouse = found["Stream eval results to the warehouse"]
    assert sqlite.superseded_by == postgres.key and postgres.superseded_by == warehouse.key
    assert warehouse.supersedes == (postgres.key,)
    # Dates are the ADRs' own: time travel shows them when they were decided.
    assert postgres.raised_at.date() == date(2026, 5, 20)
    assert postgres.decided_at.date() == date(2026, 5, 20)
    assert postgres.choice == "PostgreSQL"
    assert postgres.reasoning.startswith("both runners can write to it")
    assert [(r.option, r.grounds) for r in postgres.rejected] == [
        ("Keep SQLite, one file per runner", "every dashboard must merge the files")
    ]
    assert "Bad, because the team now runs a database" in postgres.expected
    assert postgres.deciders == ("Priya Raman", "Dana Whitfield")
    assert postgres.owner == "Priya Raman"
    nygard = found["Record architecture decisions"]
    assert nygard.owner == "Ana Lima"  # no decision-makers named: --owner
    assert nygard.choice.startswith("We will use Architecture Decision Records")
    assert "Reviews link to the record" in nygard.expected
    assert found["Hand-label every eval failure"].closed_why == "Deprecated in ADR 0006."


def test_a_malformed_file_is_named_and_nothing_is_imported(app, platform, tmp_path):
    folder = tmp_path / "adrs"
    shutil.copytree(SAMPLES, folder)
    (folder / "0008-no-title.md").write_text("Status: accepted\n\nJust some notes.\n")
    (folder / "0009-odd-status.md").write_text(
        "# Pause the evals\n\nDate: 2026-07-01\n\n## Status\n\nMaybe later\n"
    )
    (folder / "0010-lost-link.md").write_text(
        "# Drop the old runner\n\nDate: 2026-07-02\n\n## Status\n\n"
        "Superseded by [12. Gone](0012-gone.md)\n\n## Decision\n\nDrop it.\n"
    )
    before = app.events_after(0)[0]

    with pytest.raises(AdrsRejected) as refused:
        app.import_adrs(folder, workstream=platform, owner="Ana Lima")

    message = str(refused.value)
    assert "0008-no-title.md:1: no title" in message
    assert "0009-odd-status.md:7: unknown status 'maybe later'" in message
    assert "0010-lost-link.md:1: superseded by ADR 12, which is not in" in message
    assert "3 ADRs refused" in message and "nothing was imported" in message
    assert app.events_after(0)[0] == before


def test_decisions_cannot_predate_their_workstream(app):
    late = app.open_workstream("Eval platform", owner="Priya Raman").key
    with pytest.raises(InvalidInput, match=r"after the oldest ADR \(0001-record"):
        app.import_adrs(SAMPLES, workstream=late, owner="Ana Lima")
    assert records(app) == {}


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        ("# T\n\n## Status\n\nAccepted\n\n## Decision\n\nYes.\n", 1, "no date"),
        ("---\ndate: [2026\n---\n# T\n", 2, "not valid YAML: expected ',' or ']'"),
        ("# T\n\nDate: 2026-02-30\n\n## Status\n\nProposed\n", 3, "2026-02-30 is not a date"),
        ("# T\n\nDate: 2026-02-03\n\n## Status\n\nAccepted\n", 1, "says no decision"),
        ("# T\n\nDate: 2026-02-03\n", 1, "no status"),
    ],
)
def test_each_problem_names_its_line(text, line, why):
    with pytest.raises(Exception) as problem:
        read_adr("0001-t.md", text)
    assert problem.value.line == line
    assert why in problem.value.why

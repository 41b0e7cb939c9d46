"""`staffdeck import-adr` and `staffdeck decisions export`: a folder of ADRs in,
MADR files out, and those files back in as the same decisions."""

from pathlib import Path

import yaml

from domain.service import Staffdeck
from projections.read_models import ReadModels
from tests.cli.test_cli import ok, staffdeck

SAMPLES = Path(__file__).parents[1] / "fixtures" / "adr"


def front_matter(path: Path) -> dict:
    text = path.read_text()
    return yaml.safe_load(text.split("---\n")[1])


def test_import_lists_each_file_with_its_key(store):
    ok(store, "--at", "2026-01-05", "workstream", "open", "Eval platform", "--owner", "Priya")
    out = ok(store, "import-adr", str(SAMPLES), "--workstream", "W-1", "--owner", "Ana Lima")
    assert out.splitlines()[0] == "D-1  0001-record-architecture-decisions.md"
    assert out.splitlines()[-1] == "D-7  0007-buy-a-hosted-eval-service.md"
    assert "README.md" not in out and "adr-template.md" not in out


def test_a_refused_import_exits_1_and_writes_nothing(store):
    ok(store, "workstream", "open", "Eval platform", "--owner", "Priya")  # opened today
    result = staffdeck(store, "import-adr", str(SAMPLES), "--workstream", "W-1")
    assert result.exit_code == 1
    assert "W-1 was opened on" in result.stderr and "--at 2026-03-02" in result.stderr
    assert "D-1" not in ok(store, "log")


def test_export_writes_madr_files_that_import_back_the_same(store, tmp_path):
    ok(store, "--at", "2026-01-05", "workstream", "open", "Eval platform", "--owner", "Priya")
    ok(store, "import-adr", str(SAMPLES), "--workstream", "W-1")
    ok(
        store,
        "decision",
        "raise",
        'Ship the "[bold]" eval report?',
        "--workstream",
        "W-1",
        "--owner",
        "Ana Lima",
    )
    ok(
        store,
        "decision",
        "make",
        "D-8",
        "--choice",
        "Ship it",
        "--reasoning",
        "Readers asked for it: [/] and [@click=app.quit]x[/] are text.",
    )
    out = tmp_path / "exported"

    result = staffdeck(store, "decisions", "export", str(out))

    assert result.exit_code == 0, result.stderr
    assert "Wrote 8 decision records" in result.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files[1] == "0002-keep-eval-results-in-sqlite.md"
    assert front_matter(out / files[1])["status"] == (
        "superseded by [ADR-0004](0004-move-eval-results-to-postgresql.md)"
    )
    assert front_matter(out / "0006-hand-label-every-eval-failure.md")["status"] == "deprecated"
    assert front_matter(out / "0007-buy-a-hosted-eval-service.md")["status"] == "rejected"
    assert front_matter(out / "0003-run-the-red-team-suite-nightly.md")["status"] == "proposed"

    again = str(tmp_path / "again.db")
    ok(again, "--at", "2026-01-05", "workstream", "open", "Eval platform", "--owner", "Priya")
    ok(again, "import-adr", str(out), "--workstream", "W-1")
    first, second = decision_log(store), decision_log(again)
    assert first.keys() == second.keys()
    for question, record in first.items():
        copy = second[question]
        assert (copy.key, copy.status, copy.choice) == (record.key, record.status, record.choice)
        assert copy.superseded_by == record.superseded_by
        assert copy.raised_at.date() == record.raised_at.date()
        assert [r.option for r in copy.rejected] == [r.option for r in record.rejected]
    shipped = second['Ship the "[bold]" eval report?']
    assert shipped.reasoning == "Readers asked for it: [/] and [@click=app.quit]x[/] are text."


def decision_log(store: str) -> dict:
    deck = Staffdeck(store, actor="test", create=False)
    try:
        models = ReadModels.of(deck.events_after(0)[1])
    finally:
        deck.close()
    return {record.question: record for record in models.decision_log()}

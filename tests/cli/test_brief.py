"""`staffdeck brief`: the principal's context brief, run for real through click's
CliRunner on a store built through the real service.

"Now" is fixed at Wednesday 30 September 2026, noon UTC (the projection
stories' NOW). The weekly staff meeting R-1 was last held a week ago, on the
23rd; what changed since then is what the brief must say changed. The
Markdown is compared whole with the golden files in tests/cli/golden/: after
a deliberate change, regenerate them with

    STAFFDECK_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/cli/test_brief.py

and read the new files before keeping them.
"""

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from events import RitualHeld
from projections.brief import brief
from projections.diff import diff
from tests.cli.test_cli import export_of
from tests.projections.story import NOW, ago, deck_on, history_of
from tui.cli import cli

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("STAFFDECK_REGENERATE_GOLDEN") == "1"
HOSTILE = "[@click=app.quit]x[/] a[/]b | # `tick` **x** [a](b) <script>\n# not a heading"


def staffdeck(store: str, *args: str) -> Result:
    """Run one command as `ana`, at the fixed "now"; a traceback fails the test."""
    runner = CliRunner(env={"STAFFDECK_NOW": NOW.isoformat()})
    return runner.invoke(cli, ["--store", store, "--actor", "ana", *args], catch_exceptions=False)


def ok(store: str, *args: str) -> str:
    result = staffdeck(store, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def quarter(store) -> str:
    """Three workstreams and the weekly staff meeting that deals with two of them."""
    with deck_on(store) as deck:
        # Set up: three workstreams, the staff meeting, decisions, blockers.
        deck.open_workstream("Checkout v2", owner="bo", stakeholders=["cy"], at=ago(days=40))
        deck.open_workstream("Search relevance", owner="cy", at=ago(days=40))
        deck.open_workstream("Billing migration", owner="dee", at=ago(days=40))
        deck.establish_ritual(
            "Weekly product staff",
            cadence="weekly",
            purpose="Decide and unblock",
            owner="ana",
            attendees=["ana", "bo", "Priya"],
            at=ago(days=35),
        )
        deck.raise_decision("Which PSP?", workstream="W-1", owner="ana", at=ago(days=30))
        deck.raise_decision(
            "Launch in Japan first?",
            workstream="W-1",
            owner="bo",
            due=date(2026, 9, 20),
            at=ago(days=25),
        )
        deck.raise_decision(
            "Drop the legacy search API?",
            workstream="W-2",
            owner="cy",
            due=date(2026, 10, 10),
            at=ago(days=15),
        )
        deck.raise_decision("Which search vendor?", workstream="W-2", owner="cy", at=ago(days=20))
        deck.raise_decision(
            "Move invoices to the new ledger?",
            workstream="W-3",
            owner="dee",
            due=date(2026, 9, 1),
            at=ago(days=20),
        )
        deck.make_decision(
            "D-1",
            choice="Adyen",
            reasoning="EU coverage",
            decided_by=["cy"],
            reopen_conditions=["fees rise above 2%", "Stripe matches the coverage"],
            review_by=date(2026, 9, 25),
            at=ago(days=20),
        )
        deck.raise_blocker(
            "PCI audit", workstream="W-1", severity="high", owner="bo", at=ago(days=16)
        )
        deck.raise_blocker("Old index mapping", workstream="W-2", severity="low", at=ago(days=16))
        deck.resolve_blocker("B-2", resolution="remapped", at=ago(days=12))
        deck.set_next_decision_point("W-1", date(2026, 10, 1), "go/no-go", at=ago(days=15))
        deck.assign_action(
            "Send the PSP shortlist",
            owner="bo",
            due=date(2026, 9, 25),
            source="D-1",
            at=ago(days=19),
        )
        deck.assign_action(
            "Book the auditor", owner="dee", due=date(2026, 9, 28), source="D-1", at=ago(days=19)
        )
        deck.assign_action(
            "Draft the pricing memo", owner="Priya", due=date(2026, 9, 27), at=ago(days=18)
        )
        deck.assign_action(
            "Update the ledger runbook",
            owner="dee",
            due=date(2026, 9, 20),
            source="D-5",
            at=ago(days=18),
        )
        deck.assign_action(
            "Prepare the agenda", owner="ana", due=date(2026, 10, 6), source="R-1", at=ago(days=18)
        )
        # The meeting is held twice: what it informed and surfaced is on W-1 and W-2.
        deck.hold_ritual("R-1", informed=["D-1"], surfaced=["B-1"], at=ago(days=14))
        deck.report_status("W-1", "at_risk", note="PSP fees", at=ago(days=10))
        deck.escalate_blocker("B-1", to="cpo", why="auditor silent", at=ago(days=10))
        deck.hold_ritual("R-1", informed=["D-2", "D-3"], at=ago(days=7))
        # Since the last occurrence: what the brief must report as changed.
        deck.raise_blocker(
            "Vendor contract unsigned",
            workstream="W-2",
            severity="critical",
            owner="cy",
            at=ago(days=3),
        )
        deck.raise_blocker("Design review slot", workstream="W-1", severity="low", at=ago(days=2))
        deck.report_status("W-1", "off_track", note="vendor slipped", at=ago(days=2))
        deck.report_status("W-3", "at_risk", note="ledger late", at=ago(days=2))
        deck.complete_action("A-2", note="booked", at=ago(days=2))
        deck.make_decision(
            "D-4",
            choice="Buy Vespa Cloud",
            reasoning="no search team to run it",
            reopen_conditions=["p95 latency above 200 ms"],
            at=ago(days=1),
        )
        # Shared context, of every kind, and two things that cannot be left unsaid.
        deck.log_note(
            "signal",
            "Three enterprise customers asked for Apple Pay",
            links=["W-1"],
            at=ago(days=12),
        )
        deck.log_note(
            "bet",
            "Japan before the EU doubles the addressable market",
            links=["D-2"],
            at=ago(days=9),
        )
        deck.log_note("question", "Who owns the fraud rules?", links=["W-2"], at=ago(days=5))
        deck.log_note("position", "CFO: no new PSP fees this year", links=["D-1"], at=ago(days=4))
        deck.log_note(
            "debate", "Build or buy search: settled on buy", links=["D-4"], at=ago(days=1)
        )
        deck.log_note("must-say", "Say the audit date out loud", links=["R-1"], at=ago(days=8))
        deck.log_note(
            "must-say",
            "The PSP contract auto-renews on 15 October",
            links=["R-1", "W-1"],
            at=ago(days=1),
        )
        deck.log_note("signal", "Finance wants the ledger by Q4", links=["W-3"], at=ago(days=3))
        deck.log_note(
            "must-say", "Billing cannot slip past November", links=["W-3"], at=ago(days=2)
        )
    return store


def matches_golden(text: str, name: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(text)
        pytest.skip(f"regenerated {path}; read it before keeping it")
    assert text == path.read_text()


# ---- the brief, whole ------------------------------------------------------


def test_a_ritual_brief_reads_exactly_as_the_golden_file(quarter):
    matches_golden(ok(quarter, "brief", "--ritual", "R-1"), "brief_ritual.md")


def test_a_workstream_brief_since_a_date_reads_exactly_as_the_golden_file(quarter):
    text = ok(quarter, "brief", "--workstream", "W-3", "--workstream", "w-1", "--since", "-5d")
    matches_golden(text, "brief_workstreams.md")


def test_what_changed_is_the_diff_since_the_meeting_was_last_held(quarter):
    with deck_on(quarter) as deck:
        history = history_of(deck)
    held = [e for e in history.events if isinstance(e, RitualHeld)][-1]
    made = brief(history, NOW, ritual="R-1")
    assert (made.since, made.last_held) == (held.at, date(2026, 9, 23))
    everything = diff(history, held.at, NOW)
    assert set(made.changes) < set(everything)  # W-3's change is not this meeting's
    assert [(c.key, c.change) for c in made.changes] == [
        ("W-1", "state"),
        ("D-4", "decided"),
        ("B-3", "raised"),
        ("B-4", "raised"),
        ("A-2", "completed"),
    ]


def test_the_brief_goes_to_a_file_with_out_and_nothing_to_stdout(quarter, tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    result = staffdeck(quarter, "brief", "--ritual", "R-1", "--out", str(folder / "brief.md"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert (folder / "brief.md").read_text() == ok(quarter, "brief", "--ritual", "R-1")
    assert [p.name for p in folder.iterdir()] == ["brief.md"]  # no temporary file left


def test_a_ritual_that_informed_nothing_involves_every_open_workstream(quarter):
    ok(
        quarter,
        "--at",
        "2026-09-29",
        "ritual",
        "establish",
        "Quiet sync",
        "--cadence",
        "monthly",
        "--purpose",
        "sync",
        "--owner",
        "ana",
    )
    text = ok(quarter, "brief", "--ritual", "R-2")
    assert "- **Date:** Wednesday 30 September 2026" in text  # established, never held: today
    assert (
        "- **Workstreams:** W-1 Checkout v2, W-2 Search relevance, W-3 Billing migration "
        "(every open one: it has informed no decision and surfaced no blocker)"
    ) in text
    assert "## What changed in the last 7 days" in text
    assert text.endswith(
        "> The PSP contract auto-renews on 15 October\n\n"
        "— N-7 on R-1, W-1, logged 2026-09-29 by ana\n"
    )  # linked to W-1


def test_a_brief_with_nothing_to_say_says_so(quarter):
    text = ok(quarter, "brief", "--workstream", "W-2")
    assert text.endswith(
        "## The one thing that cannot be left unsaid\n\n"
        "_Nothing has been marked as the one thing to say._\n"
    )


# ---- bad input: one line, the usual exit code, nothing written ----------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--ritual", "R-9"], 1, "error: There is no ritual R-9."),
        (["--workstream", "W-1", "--workstream", "W-7"], 1, "error: There is no workstream W-7."),
        (["--workstream", "R-1"], 1, "error: R-1 is a ritual, not a workstream."),
        (["--ritual", "W-1"], 1, "error: W-1 is a workstream, not a ritual."),
        (["--ritual", "meeting"], 1, "error: 'meeting' is not an item key"),
        (["--ritual", "R-1", "--workstream", "W-1"], 2, "not both or neither"),
        ([], 2, "not both or neither"),
        (["--ritual", "R-1", "--since", "someday"], 2, "'someday' is not a date"),
        (["--ritual", "R-1", "--since", "tomorrow"], 2, "--since is not in the past"),
    ],
)
def test_bad_input_is_named_in_one_line_and_nothing_is_written(
    quarter, tmp_path, args, code, message
):
    before = export_of(quarter)
    target = tmp_path / "brief.md"
    result = staffdeck(quarter, "brief", *args, "--out", str(target))
    assert result.exit_code == code
    assert message in result.stderr
    assert result.stdout == ""
    assert not target.exists()
    assert export_of(quarter) == before
    if code == 1:
        assert len(result.stderr.splitlines()) == 1


# ---- user text is data -------------------------------------------------------


def test_hostile_text_stays_inert_in_the_markdown(sqlite_store):
    with deck_on(sqlite_store) as deck:
        deck.open_workstream(HOSTILE, owner="a|b", at=ago(days=20))
        deck.establish_ritual(
            HOSTILE,
            cadence="weekly",
            purpose=HOSTILE,
            owner="ana",
            attendees=["<b>bo</b>", "1. Priya"],
            at=ago(days=20),
        )
        deck.raise_decision(
            HOSTILE, workstream="W-1", owner="ana", due=date(2026, 9, 1), at=ago(days=19)
        )
        deck.raise_decision("Settled?", workstream="W-1", owner="ana", at=ago(days=19))
        deck.make_decision(
            "D-2",
            choice=HOSTILE,
            reasoning="r",
            reopen_conditions=["- " + HOSTILE],
            at=ago(days=18),
        )
        deck.raise_blocker(HOSTILE, workstream="W-1", severity="critical", at=ago(days=18))
        deck.hold_ritual("R-1", informed=["D-1"], surfaced=["B-1"], at=ago(days=10))
        deck.assign_action(
            HOSTILE, owner="> quoted", due=date(2026, 9, 2), source="D-1", at=ago(days=9)
        )
        deck.log_note("position", HOSTILE, links=["W-1"], at=ago(days=3))
        deck.log_note("must-say", "> " + HOSTILE, links=["R-1"], at=ago(days=2))
        deck.report_status("W-1", "off_track", note=HOSTILE, at=ago(days=1))

    text = ok(sqlite_store, "brief", "--ritual", "R-1")

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    inline = [t for t in tokens if t.type == "inline"]
    kinds = {t.type for t in tokens} | {c.type for t in inline for c in t.children}
    # Nothing typed opened a link, an image, HTML, code, a table, a rule, a list or emphasis…
    assert not kinds & {
        "link_open",
        "image",
        "html_inline",
        "html_block",
        "code_inline",
        "code_block",
        "fence",
        "table_open",
        "s_open",
        "em_open",
        "hr",
        "ordered_list_open",
    }
    assert [t.type for t in tokens].count("blockquote_open") == 1  # …nor a quote but the must-say
    top = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag < "h3"]
    assert len(top) == 9  # the title and its eight sections: no heading was typed in
    # Read as Markdown, every hostile text says exactly what was typed, on one line.
    typed = " ".join(HOSTILE.split())
    assert top[0].content.endswith(" (R-1)") and _plain(top[0]) == f"{typed} (R-1)"
    assert sum(typed in _plain(t) for t in inline) == 13  # every place it is shown
    rendered = MarkdownIt("commonmark").render(text)
    assert "<script>" not in rendered and "<b>" not in rendered
    assert "- **Attendees:** \\<b>bo\\</b>, 1\\. Priya" in text
    assert "owed by \\> quoted" in text and "owner a\\|b" in text


def _plain(token) -> str:
    """The text a reader sees in one inline run: escapes resolved, our own bold dropped."""
    return "".join(c.content for c in token.children if c.type == "text")

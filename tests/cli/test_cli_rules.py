"""Every kind of refusal, through the command line: a clear one-line
`error: ...` on stderr that names the problem, exit 1 (3 when another writer
got there first), nothing on stdout, and the store exactly as it was.

Each test runs on SQLite and on PostgreSQL; "now" is fixed at
2026-09-01 09:00 UTC (see test_cli.py).
"""

import pytest

from domain.service import Staffdeck
from tests.cli.test_cli import ok, staffdeck
from tests.conftest import FixedClock, export_of


def refused(store: str, *args: str, says: str, code: int = 1) -> str:
    """Run a command that must be refused: one line on stderr saying `says`, nothing written."""
    before = export_of(store)
    result = staffdeck(store, *args)
    assert result.exit_code == code, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert says in result.stderr
    assert export_of(store) == before
    return result.stderr


@pytest.fixture
def meeting(store) -> str:
    """W-1 with D-1 and B-1 on it, ritual R-1 and action A-1; all at the fixed now."""
    ok(store, "workstream", "open", "Checkout v2", "--owner", "ana")
    ok(store, "decision", "raise", "Which PSP?", "--workstream", "W-1", "--owner", "ana")
    ok(store, "blocker", "raise", "PCI audit", "--workstream", "W-1", "--severity", "high")
    ok(store, "ritual", "establish", "Staff meeting", "--cadence", "weekly", "--purpose", "triage",
       "--owner", "ana")
    ok(store, "action", "assign", "Send the shortlist", "--owner", "bo", "--due", "2026-09-05")
    return store


# ---- existence, kinds, keys -------------------------------------------------


def test_changing_an_item_that_does_not_exist_is_refused(meeting):
    refused(meeting, "blocker", "resolve", "B-9", "--resolution", "done",
            says="There is no blocker B-9. `staffdeck log` lists what exists.")


def test_the_log_of_an_item_that_does_not_exist_is_refused(meeting):
    refused(meeting, "log", "D-9", says="There is no decision D-9")


def test_a_key_of_the_wrong_kind_is_refused(meeting):
    refused(meeting, "blocker", "resolve", "D-1", "--resolution", "done",
            says="D-1 is a decision, not a blocker.")


def test_something_that_is_not_a_key_is_refused_with_an_example(meeting):
    refused(meeting, "blocker", "resolve", "blocker", "--resolution", "done",
            says="'blocker' is not an item key; keys look like W-3, D-12, B-7")


def test_blank_required_text_is_refused(meeting):
    refused(meeting, "workstream", "open", " ", "--owner", "ana",
            says="A workstream needs a title; it cannot be blank.")


# ---- blockers ---------------------------------------------------------------


def test_resolving_a_resolved_blocker_is_refused_and_writes_nothing(meeting):
    ok(meeting, "blocker", "resolve", "B-1", "--resolution", "signed off")
    refused(meeting, "blocker", "resolve", "B-1", "--resolution", "again",
            says="B-1 was already resolved on 2026-09-01; to resolve it, reopen it first: "
                 "staffdeck blocker reopen B-1 --why TEXT")


def test_escalating_a_resolved_blocker_is_refused(meeting):
    ok(meeting, "blocker", "resolve", "B-1", "--resolution", "signed off")
    refused(meeting, "blocker", "escalate", "B-1", "--to", "cpo", "--why", "stuck",
            says="to escalate it, reopen it first")


def test_reopening_an_open_blocker_is_refused(meeting):
    refused(meeting, "blocker", "reopen", "B-1", "--why", "came back",
            says="B-1 is open, so there is nothing to reopen.")


def test_setting_a_blocker_to_its_own_severity_changes_nothing_and_is_refused(meeting):
    refused(meeting, "blocker", "severity", "B-1", "high", says="B-1 is already high.")


# ---- decisions --------------------------------------------------------------


def test_making_a_made_decision_again_is_refused_until_it_is_reopened(meeting):
    ok(meeting, "decision", "make", "D-1", "--choice", "Adyen", "--reasoning", "coverage")
    refused(meeting, "decision", "make", "D-1", "--choice", "Stripe", "--reasoning", "price",
            says="to make it again, reopen it first: staffdeck decision reopen D-1 --why TEXT")
    ok(meeting, "decision", "reopen", "D-1", "--why", "fee doubled")
    assert ok(meeting, "decision", "make", "D-1", "--choice", "Stripe", "--reasoning", "price") \
        == "D-1: decided: Stripe — price\n"


def test_reopening_an_undecided_decision_is_refused(meeting):
    refused(meeting, "decision", "reopen", "D-1", "--why", "new facts",
            says="D-1 is open, not decided, so there is nothing to reopen.")


def test_a_withdrawn_decision_cannot_be_made(meeting):
    ok(meeting, "decision", "withdraw", "D-1", "--why", "moot")
    refused(meeting, "decision", "make", "D-1", "--choice", "Adyen", "--reasoning", "coverage",
            says="D-1 was withdrawn and is closed; raise a new decision instead.")


def test_a_superseded_decision_cannot_be_deferred(meeting):
    ok(meeting, "decision", "raise", "Which PSP, after the merger?", "--workstream", "W-1", "--owner", "ana")
    ok(meeting, "decision", "supersede", "D-1", "--by", "D-2")
    refused(meeting, "decision", "defer", "D-1", "--until", "2026-10-01", "--why", "wait",
            says="D-1 was superseded by D-2 and is closed")


def test_a_decision_cannot_supersede_itself(meeting):
    refused(meeting, "decision", "supersede", "D-1", "--by", "d-1", says="D-1 cannot supersede itself.")


def test_superseding_by_a_decision_that_does_not_exist_is_refused(meeting):
    refused(meeting, "decision", "supersede", "D-1", "--by", "D-7",
            says="D-7 does not exist; link to an existing decision.")


def test_deferring_a_decision_to_a_past_date_is_refused(meeting):
    refused(meeting, "decision", "defer", "D-1", "--until", "-3d", "--why", "waiting on legal",
            says="D-1 cannot be deferred until 2026-08-29, which is already past.")


@pytest.mark.parametrize("rejected", ["Stripe", "Stripe:", ": too dear"])
def test_a_rejected_alternative_without_its_grounds_is_refused(meeting, rejected):
    refused(meeting, "decision", "make", "D-1", "--choice", "Adyen", "--reasoning", "coverage",
            "--rejected", rejected, says='needs the option and its grounds: "OPTION: GROUNDS"')


# ---- workstreams ------------------------------------------------------------


def test_a_closed_workstream_takes_no_new_blockers(meeting):
    ok(meeting, "workstream", "close", "W-1", "--why", "shipped")
    refused(meeting, "blocker", "raise", "Vendor", "--workstream", "W-1", "--severity", "low",
            says="W-1 (Checkout v2) is closed and takes no new blockers. Raise it on an open workstream.")


def test_a_closed_workstream_takes_no_new_decisions(meeting):
    ok(meeting, "workstream", "close", "W-1")
    refused(meeting, "decision", "raise", "Which CDN?", "--workstream", "W-1", "--owner", "ana",
            says="is closed and takes no new decisions")


def test_a_closed_workstream_cannot_be_closed_again(meeting):
    ok(meeting, "workstream", "close", "W-1")
    refused(meeting, "workstream", "close", "W-1",
            says="W-1 (Checkout v2) is closed; nothing more can be recorded on it.")


def test_deescalating_a_workstream_that_is_not_escalated_is_refused(meeting):
    refused(meeting, "workstream", "deescalate", "W-1",
            says="W-1 is not escalated, so it cannot be de-escalated.")


def test_escalating_a_workstream_twice_to_the_same_person_is_refused(meeting):
    ok(meeting, "workstream", "escalate", "W-1", "--to", "cpo", "--why", "vendor late")
    refused(meeting, "workstream", "escalate", "W-1", "--to", "cpo", "--why", "still late",
            says="W-1 is already escalated to cpo; de-escalate it first, or escalate to someone else.")


# ---- rituals and actions ----------------------------------------------------


def test_a_retired_ritual_cannot_be_held(meeting):
    ok(meeting, "ritual", "retire", "R-1", "--reason", "process theater")
    refused(meeting, "ritual", "held", "R-1",
            says="R-1 (Staff meeting) was retired (process theater); establish a new ritual")


def test_completing_a_completed_action_is_refused(meeting):
    ok(meeting, "action", "complete", "A-1")
    refused(meeting, "action", "complete", "A-1",
            says="A-1 (Send the shortlist) was already completed; assign a new action if more is needed.")


# ---- links ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, says",
    [
        (["blocker", "raise", "Vendor", "--workstream", "W-9", "--severity", "low"],
         "W-9 does not exist; link to an existing workstream."),
        (["ritual", "held", "R-1", "--informed", "D-9"], "D-9 does not exist; link to an existing decision."),
        (["ritual", "held", "R-1", "--surfaced", "B-9"], "B-9 does not exist; link to an existing blocker."),
        (["action", "assign", "Call", "--owner", "bo", "--due", "+1w", "--from", "R-9"],
         "R-9 does not exist; link to an existing decision or ritual."),
        (["note", "add", "signal", "churn up", "--link", "W-1", "--link", "A-9"], "A-9 does not exist"),
    ],
    ids=["blocker-workstream", "ritual-informed", "ritual-surfaced", "action-from", "note-link"],
)
def test_a_link_to_a_missing_item_is_refused(meeting, args, says):
    refused(meeting, *args, says=says)


def test_an_action_from_a_blocker_is_refused(meeting):
    refused(meeting, "action", "assign", "Call", "--owner", "bo", "--due", "+1w", "--from", "B-1",
            says="B-1 is a blocker, not a decision or a ritual.")


def test_backfilling_a_link_to_before_its_target_existed_is_refused(meeting):
    refused(meeting, "--at", "2026-08-31T17:00", "blocker", "raise", "Vendor", "--workstream", "W-1",
            "--severity", "low",
            says="W-1 was only created on 2026-09-01 09:00 UTC; nothing at 2026-08-31 17:00 UTC "
                 "can point at it yet.")


# ---- time -------------------------------------------------------------------


def test_an_event_before_the_items_last_one_is_refused(meeting):
    refused(meeting, "--at", "2026-08-20", "blocker", "resolve", "B-1", "--resolution", "done",
            says="would go back in time. Record it with a later --at.")


def test_an_event_in_the_future_is_refused(meeting):
    refused(meeting, "--at", "tomorrow", "workstream", "status", "W-1", "at_risk",
            says="2026-09-02 00:00 UTC is in the future; --at records when something already happened.")


# ---- another writer at the same moment: exit 3 ------------------------------


def test_a_change_that_races_another_writer_exits_3_and_writes_nothing_of_its_own(meeting, monkeypatch):
    # Just after the command reads B-1, bo (in another terminal) reassigns it.
    read = Staffdeck._load
    raced = []

    def read_then_bo_writes(deck, key, noun):
        item = read(deck, key, noun)
        if not raced:
            raced.append(key)
            bo = Staffdeck(meeting, actor="bo", clock=FixedClock())
            bo.reassign_blocker(key, "bo")
            bo.close()
        return item

    monkeypatch.setattr(Staffdeck, "_load", read_then_bo_writes)
    before = export_of(meeting)
    result = staffdeck(meeting, "blocker", "severity", "B-1", "critical")
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr == (
        "error: B-1 was changed by someone else at the same moment; nothing was written. "
        "Check `staffdeck log B-1` and try again.\n"
    )
    # Only bo's reassignment was added; the severity change was not.
    added = export_of(meeting).removeprefix(before)
    assert added.count(b"\n") == 1 and b'"type":"blocker.reassigned"' in added


# ---- importing a history ----------------------------------------------------


def test_importing_the_same_file_twice_is_refused_and_imports_nothing(meeting, tmp_path):
    history = tmp_path / "history.jsonl"
    ok(meeting, "export", str(history))
    before = export_of(meeting)
    result = staffdeck(meeting, "import", str(history))
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{history}:1: W-1 already exists in the store; was this file imported already?" in result.stderr
    assert result.stderr.endswith(f"5 bad lines in {history}; nothing was imported.\n")
    assert export_of(meeting) == before


def test_a_history_line_of_an_unknown_type_is_named_with_its_line(meeting, tmp_path):
    history = tmp_path / "history.jsonl"
    history.write_bytes(
        b'{"type":"workstream.opened","key":"W-2","actor":"bo","at":"2026-08-01T09:00:00Z",'
        b'"title":"Search","owner":"bo"}\n'
        b'{"type":"workstream.renamed","key":"W-2","actor":"bo","at":"2026-08-02T09:00:00Z"}\n'
    )
    before = export_of(meeting)
    result = staffdeck(meeting, "import", str(history))
    assert result.exit_code == 1
    # Valid JSON with a type staffdeck does not know is not "malformed JSON".
    assert result.stderr.startswith(f"error: {history}:2: unknown event type 'workstream.renamed'")
    assert result.stderr.endswith(f"1 bad line in {history}; nothing was imported.\n")
    assert export_of(meeting) == before

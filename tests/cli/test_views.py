"""`staffdeck show`, `diff` and `decisions search`, run for real through click's CliRunner.

Every test that takes `store` runs once on SQLite and once on PostgreSQL. "Now"
is fixed with $STAFFDECK_NOW at 2026-09-30 12:00 UTC; the stories backfill with
`--at`. $COLUMNS is wide, so a table cell shows a whole title on one line.
"""

import json
import re
from datetime import date, datetime

import pytest
from click.testing import CliRunner, Result

from tests.cli.test_cli import exists
from tui.cli import cli

NOW = "2026-09-30T12:00:00Z"
HOSTILE = ["[bold]x[/]", "a[/]b", "[@click=app.quit]x[/]", "[bold", "pipe | in it"]
SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def staffdeck(store: str, *args: str) -> Result:
    """Run one command as `ana`, at the fixed "now"; a traceback fails the test."""
    runner = CliRunner(env={"STAFFDECK_NOW": NOW, "COLUMNS": "200"})
    return runner.invoke(cli, ["--store", store, "--actor", "ana", *args], catch_exceptions=False)


def ok(store: str, *args: str) -> str:
    result = staffdeck(store, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def as_json(store: str, *args: str) -> dict:
    return json.loads(ok(store, *args, "--format", "json"))


def keys_in(document: dict) -> list[str]:
    return [row["key"] for row in document["rows"]]


def table_rows(text: str) -> dict[str, list[str]]:
    """A printed table, as its cells by key (the first column)."""
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("│")]
        if len(cells) > 1:
            rows[cells[0]] = cells[1:]
    return rows


def md_rows(text: str) -> list[list[str]]:
    """A Markdown table's body rows, split on unescaped pipes."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    assert lines[1].startswith("|---"), text
    return [
        [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines[2:]
    ]


@pytest.fixture
def week(store) -> str:
    """A fortnight of one team's history, the last staff meeting on 10 September.

    Before it: W-1 Checkout v2 and W-2 Search opened; D-1 raised (due 20
    September); B-1 raised (high); R-1 established; A-1 assigned (due 10 September).
    Between 10 and 20 September: W-1 at risk, B-1 escalated, D-1 decided, B-2
    raised (critical) on W-3, opened that week; W-2 closed; B-1 resolved; R-1
    held; A-1 completed. After: B-3 raised (low) on 25 September.
    """
    for at, *args in [
        ("2026-09-01T10:00", "workstream", "open", "Checkout v2", "--owner", "ana"),
        ("2026-09-01T10:05", "workstream", "open", "Search", "--owner", "bo"),
        ("2026-09-02T10:00", "decision", "raise", "Which PSP?", "--workstream", "W-1",
         "--owner", "ana", "--due", "2026-09-20"),
        ("2026-09-02T11:00", "blocker", "raise", "PCI audit", "--workstream", "W-1",
         "--severity", "high", "--owner", "ana"),
        ("2026-09-03T10:00", "ritual", "establish", "Staff meeting", "--cadence", "weekly",
         "--purpose", "triage", "--owner", "ana"),
        ("2026-09-03T11:00", "action", "assign", "Send the shortlist", "--owner", "bo",
         "--due", "2026-09-10", "--from", "D-1"),
        ("2026-09-15T10:00", "workstream", "status", "W-1", "at_risk", "--note", "auditor late"),
        ("2026-09-15T11:00", "blocker", "escalate", "B-1", "--to", "cpo", "--why", "auditor silent"),
        ("2026-09-16T10:00", "decision", "make", "D-1", "--choice", "Adyen", "--reasoning",
         "coverage", "--rejected", "Stripe: interchange markup too high"),
        ("2026-09-16T10:30", "workstream", "open", "Billing", "--owner", "cy"),
        ("2026-09-16T11:00", "blocker", "raise", "Vendor contract", "--workstream", "W-3",
         "--severity", "critical", "--owner", "cy"),
        ("2026-09-17T10:00", "workstream", "close", "W-2", "--why", "merged into W-1"),
        ("2026-09-18T10:00", "blocker", "resolve", "B-1", "--resolution", "signed off"),
        ("2026-09-18T11:00", "ritual", "held", "R-1", "--informed", "D-1", "--surfaced", "B-2"),
        ("2026-09-19T10:00", "action", "complete", "A-1", "--note", "sent"),
        ("2026-09-25T10:00", "blocker", "raise", "Copy review", "--workstream", "W-1",
         "--severity", "low"),
    ]:
        ok(store, "--at", at, *args)
    return store


# ---- show, now ----------------------------------------------------------------


def test_show_workstreams_lists_the_open_ones_with_their_top_blocker(week):
    rows = as_json(week, "show", "workstreams")["rows"]
    assert [(r["key"], r["title"], r["owner"], r["state"], r["top_blocker"]) for r in rows] == [
        ("W-1", "Checkout v2", "ana", "at_risk", "B-3"),
        ("W-3", "Billing", "cy", "on_track", "B-2"),
    ]
    assert [(r["days_since_update"], r["stale"]) for r in rows] == [(15, True), (14, True)]


def test_show_decisions_has_only_the_waiting_ones(week):
    ok(week, "--at", "2026-09-29T10:00", "decision", "raise", "Which bank?", "--workstream", "W-1",
       "--owner", "bo", "--due", "2026-09-29")
    (row,) = as_json(week, "show", "decisions")["rows"]
    assert (row["key"], row["question"], row["status"], row["due"], row["overdue"]) == (
        "D-2", "Which bank?", "open", "2026-09-29", True,
    )


def test_show_blockers_ranks_by_severity_and_flags_those_to_escalate(week):
    rows = as_json(week, "show", "blockers")["rows"]
    assert [(r["key"], r["severity"], r["age_days"], r["escalation_due"]) for r in rows] == [
        ("B-2", "critical", 14, True),
        ("B-3", "low", 5, False),
    ]


def test_show_rituals_shows_the_next_occurrence_and_what_it_earned(week):
    (row,) = as_json(week, "show", "rituals")["rows"]
    assert (row["key"], row["name"], row["cadence"], row["last_held"], row["next_due"]) == (
        "R-1", "Staff meeting", "weekly", "2026-09-18", "2026-09-25",
    )
    assert (row["decisions_informed"], row["blockers_surfaced"], row["retirement_candidate"]) == (
        1, 1, False,
    )


def test_show_actions_lists_what_is_owed_and_sums_up_follow_through(week):
    ok(week, "--at", "2026-09-20T10:00", "action", "assign", "Book the auditor", "--owner", "cy",
       "--due", "2026-09-28")
    document = as_json(week, "show", "actions")
    assert [(r["key"], r["slipped"], r["days_overdue"]) for r in document["rows"]] == [("A-2", True, 2)]
    assert document["summary"] == {
        "open": 1, "slipped": 1, "completed": 1, "dropped": 0, "completion_rate": 0.5,
    }


# ---- formats ------------------------------------------------------------------

# Each view's fields a script can rely on, in snake_case.
FIELDS = {
    "workstreams": {"key", "title", "owner", "state", "next_decision_on", "next_decision_what",
                    "top_blocker", "escalated", "escalated_to", "days_since_update", "stale"},
    "decisions": {"key", "question", "workstream", "owner", "status", "due", "overdue",
                  "days_open", "review_due", "reopened"},
    "blockers": {"key", "title", "workstream", "owner", "severity", "age_days", "escalated",
                 "escalated_to", "past_threshold", "escalation_due", "needed_by"},
    "rituals": {"key", "name", "cadence", "owner", "last_held", "next_due", "decisions_informed",
                "blockers_surfaced", "retirement_candidate", "retired", "retired_reason"},
    "actions": {"key", "title", "owner", "due", "source", "status", "slipped", "days_overdue"},
}
DAY_FIELDS = {"due", "next_decision_on", "needed_by", "last_held", "next_due"}


@pytest.fixture
def everything(week) -> str:
    """The week, plus one waiting decision, so that every view has a row."""
    ok(week, "--at", "2026-09-26T10:00", "decision", "raise", "Which bank?", "--workstream", "W-1",
       "--owner", "bo", "--due", "2026-10-02")
    ok(week, "--at", "2026-09-26T11:00", "action", "assign", "Book the auditor", "--owner", "cy",
       "--due", "2026-10-01", "--from", "D-2")
    return week


@pytest.mark.parametrize("view", sorted(FIELDS))
def test_show_as_json_names_every_field_in_snake_case_with_iso_dates(everything, view):
    document = as_json(everything, "show", view)
    assert document["view"] == view
    assert datetime.fromisoformat(document["as_of"]) == datetime.fromisoformat(NOW)
    assert document["rows"]
    for row in document["rows"]:
        assert FIELDS[view] <= row.keys()
        assert all(SNAKE.fullmatch(name) for name in row), sorted(row)
        for name in DAY_FIELDS & row.keys():
            if row[name] is not None:
                assert ISO_DAY.fullmatch(row[name]) and date.fromisoformat(row[name])


@pytest.mark.parametrize("view", sorted(FIELDS))
def test_show_writes_json_when_its_output_is_not_a_terminal(everything, view):
    assert json.loads(ok(everything, "show", view)) == as_json(everything, "show", view)


@pytest.mark.parametrize("view", sorted(FIELDS))
def test_show_as_a_table_has_a_row_per_item_under_a_header(everything, view):
    text = ok(everything, "show", view, "--format", "table")
    assert text.splitlines()[0].startswith("Key ")
    assert list(table_rows(text)) == keys_in(as_json(everything, "show", view))


@pytest.mark.parametrize("view", sorted(FIELDS))
def test_show_as_markdown_is_a_table_with_a_row_per_item(everything, view):
    text = ok(everything, "show", view, "--format", "md")
    assert text.startswith("| Key | ")
    rows = md_rows(text)
    assert [cells[0] for cells in rows] == keys_in(as_json(everything, "show", view))
    header = text.splitlines()[0]
    assert all(len(cells) == header.count("|") - 1 for cells in rows)


def test_the_blocker_table_reads_as_the_radar(week):
    rows = table_rows(ok(week, "show", "blockers", "--format", "table"))
    assert rows["B-2"] == ["Vendor contract", "W-3", "cy", "critical", "14d", "", "ESCALATE"]
    assert rows["B-3"] == ["Copy review", "W-1", "", "low", "5d", "", ""]


def test_the_workstream_table_says_what_is_stale(week):
    rows = table_rows(ok(week, "show", "workstreams", "--format", "table"))
    assert rows["W-1"] == ["Checkout v2", "ana", "at risk", "", "B-3 (low)", "", "15d ago STALE"]


def test_the_action_table_ends_with_the_follow_through_summary(week):
    ok(week, "--at", "2026-09-20T10:00", "action", "assign", "Book the auditor", "--owner", "cy",
       "--due", "2026-09-28")
    text = ok(week, "show", "actions", "--format", "table")
    assert table_rows(text)["A-2"] == ["Book the auditor", "cy", "2026-09-28", "", "SLIPPED 2d"]
    assert text.splitlines()[-1] == "1 open, 1 slipped, 1 completed, 0 dropped; completion rate 50%"
    assert ok(week, "show", "actions", "--format", "md").endswith(
        "\n\n1 open, 1 slipped, 1 completed, 0 dropped; completion rate 50%\n"
    )


def test_the_decision_table_flags_overdue_review_due_and_reopened(week):
    ok(week, "--at", "2026-09-20T10:00", "decision", "reopen", "D-1", "--why", "fee doubled")
    ok(week, "--at", "2026-09-21T10:00", "decision", "raise", "Which bank?", "--workstream", "W-1",
       "--owner", "bo")
    ok(week, "--at", "2026-09-21T11:00", "decision", "make", "D-2", "--choice", "Bank A",
       "--reasoning", "fees", "--review-by", "2026-09-29")
    rows = table_rows(ok(week, "show", "decisions", "--format", "table"))
    assert rows == {
        "D-1": ["Which PSP?", "W-1", "ana", "reopened", "2026-09-20", "28d", "OVERDUE REOPENED"],
        "D-2": ["Which bank?", "W-1", "bo", "review due", "2026-09-29", "9d", "REVIEW DUE"],
    }


def test_the_ritual_table_flags_retirement_candidates_and_retired_rituals(week):
    ok(week, "--at", "2026-09-25T10:00", "ritual", "held", "R-1")
    ok(week, "--at", "2026-09-26T10:00", "ritual", "establish", "Async update", "--cadence", "monthly",
       "--purpose", "status", "--owner", "bo")
    ok(week, "--at", "2026-09-27T10:00", "ritual", "held", "R-2")
    ok(week, "--at", "2026-09-28T10:00", "ritual", "held", "R-2")
    ok(week, "--at", "2026-09-29T10:00", "ritual", "establish", "Retro", "--cadence", "biweekly",
       "--purpose", "learn", "--owner", "cy")
    ok(week, "--at", "2026-09-29T11:00", "ritual", "retire", "R-3", "--reason", "folded into staff meeting")
    rows = table_rows(ok(week, "show", "rituals", "--format", "table"))
    assert rows == {
        "R-1": ["Staff meeting", "weekly", "ana", "2026-09-25", "2026-10-02", "1", "1", ""],
        "R-2": ["Async update", "monthly", "bo", "2026-09-28", "2026-10-28", "0", "0",
                "RETIREMENT CANDIDATE"],
        "R-3": ["Retro", "biweekly", "cy", "", "", "0", "0", "retired: folded into staff meeting"],
    }
    by_key = {r["key"]: r for r in as_json(week, "show", "rituals")["rows"]}
    assert (by_key["R-2"]["retirement_candidate"], by_key["R-3"]["retired"]) == (True, True)
    assert by_key["R-3"]["retired_reason"] == "folded into staff meeting"


# ---- user text is data --------------------------------------------------------


@pytest.fixture
def hostile(store) -> str:
    """Every kind of item named in text that looks like markup, or breaks a table."""
    for text in HOSTILE:
        ok(store, "--at", "2026-09-20T10:00", "workstream", "open", text, "--owner", "ana")
    ok(store, "--at", "2026-09-21T10:00", "decision", "raise", HOSTILE[2], "--workstream", "W-1",
       "--owner", "ana")
    ok(store, "--at", "2026-09-21T10:00", "blocker", "raise", HOSTILE[2], "--workstream", "W-1",
       "--severity", "high")
    ok(store, "--at", "2026-09-21T10:00", "ritual", "establish", HOSTILE[1], "--cadence", "weekly",
       "--purpose", "p", "--owner", "ana")
    ok(store, "--at", "2026-09-21T10:00", "action", "assign", HOSTILE[0], "--owner", "ana",
       "--due", "2026-10-30")
    return store


def test_markup_in_a_title_is_printed_literally_in_a_table(hostile):
    titles = [cells[0] for cells in table_rows(ok(hostile, "show", "workstreams", "--format", "table")).values()]
    assert titles == HOSTILE
    for view, text in [("decisions", HOSTILE[2]), ("blockers", HOSTILE[2]), ("rituals", HOSTILE[1]),
                       ("actions", HOSTILE[0])]:
        (cells,) = table_rows(ok(hostile, "show", view, "--format", "table")).values()
        assert cells[0] == text, view


def test_markup_in_a_title_is_printed_literally_in_markdown_with_pipes_escaped(hostile):
    text = ok(hostile, "show", "workstreams", "--format", "md")
    assert [cells[1] for cells in md_rows(text)] == [*HOSTILE[:4], r"pipe \| in it"]
    assert "| W-5 | pipe \\| in it | ana |" in text
    for view, title in [("decisions", HOSTILE[2]), ("blockers", HOSTILE[2]), ("rituals", HOSTILE[1]),
                        ("actions", HOSTILE[0])]:
        (cells,) = md_rows(ok(hostile, "show", view, "--format", "md"))
        assert cells[1] == title, view


def test_markup_in_a_title_is_kept_as_typed_in_json(hostile):
    assert [r["title"] for r in as_json(hostile, "show", "workstreams")["rows"]] == HOSTILE


def test_markup_in_a_title_is_printed_literally_by_diff_and_search(hostile):
    changes = ok(hostile, "diff", "--since", "2026-09-01", "--format", "table")
    for text in HOSTILE:
        assert text in changes
    markdown = ok(hostile, "diff", "--since", "2026-09-01", "--format", "md")
    assert "- **W-5** pipe \\| in it: opened (owner ana)" in markdown
    assert f"- **B-1** {HOSTILE[2]}: raised (high)" in markdown
    (cells,) = table_rows(ok(hostile, "decisions", "search", "click", "--format", "table")).values()
    assert cells[1] == HOSTILE[2]


# ---- as known at a date -------------------------------------------------------


def test_show_as_of_a_date_leaves_out_what_came_after_it(week):
    assert keys_in(as_json(week, "show", "workstreams", "--as-of", "2026-09-12")) == ["W-1", "W-2"]
    assert keys_in(as_json(week, "show", "blockers", "--as-of", "2026-09-12")) == ["B-1"]
    assert keys_in(as_json(week, "show", "workstreams", "--as-of", "2026-09-16")) == ["W-1", "W-2", "W-3"]


def test_show_as_of_a_date_shows_a_blocker_resolved_later_as_still_open(week):
    (row,) = as_json(week, "show", "blockers", "--as-of", "2026-09-12")["rows"]
    # Raised on 2 September at 11:00: ten days old by the end of the 12th, not yet escalated.
    assert (row["key"], row["title"], row["age_days"], row["escalated"], row["escalation_due"]) == (
        "B-1", "PCI audit", 10, False, True,
    )
    rows = as_json(week, "show", "blockers", "--as-of", "2026-09-17")["rows"]
    assert [(r["key"], r["escalated_to"], r["escalation_due"]) for r in rows] == [
        ("B-2", None, True), ("B-1", "cpo", False),
    ]


def test_show_as_of_a_date_shows_the_state_and_queue_known_then(week):
    (row,) = as_json(week, "show", "decisions", "--as-of", "2026-09-12")["rows"]
    assert (row["key"], row["status"], row["overdue"], row["days_open"]) == ("D-1", "open", False, 10)
    states = {r["key"]: r["state"] for r in as_json(week, "show", "workstreams", "--as-of", "2026-09-12")["rows"]}
    assert states == {"W-1": "on_track", "W-2": "on_track"}
    (action,) = as_json(week, "show", "actions", "--as-of", "2026-09-12")["rows"]
    assert (action["key"], action["slipped"], action["days_overdue"]) == ("A-1", True, 2)


def test_show_as_of_a_date_means_by_the_end_of_that_day(week):
    document = as_json(week, "show", "blockers", "--as-of", "2026-09-16")
    assert datetime.fromisoformat(document["as_of"]) == datetime.fromisoformat("2026-09-16T23:59:59.999999+00:00")
    assert keys_in(document) == ["B-2", "B-1"]  # B-2 was raised at 11:00 that day


def test_show_as_of_a_moment_takes_the_time_into_account(week):
    assert keys_in(as_json(week, "show", "blockers", "--as-of", "2026-09-16T10:59")) == ["B-1"]
    assert keys_in(as_json(week, "show", "blockers", "--as-of", "2026-09-16T11:00")) == ["B-2", "B-1"]


def test_show_as_of_a_date_in_a_table_shows_the_past(week):
    rows = table_rows(ok(week, "show", "blockers", "--as-of", "2026-09-12", "--format", "table"))
    assert rows == {"B-1": ["PCI audit", "W-1", "ana", "high", "10d", "", "ESCALATE"]}


def test_show_as_of_a_date_before_anything_happened_has_nothing_to_show(week):
    assert ok(week, "show", "workstreams", "--as-of", "2026-08-01", "--format", "table") == "Nothing to show.\n"


def test_show_as_of_garbage_is_bad_usage_naming_the_option(week):
    result = staffdeck(week, "show", "blockers", "--as-of", "last tuesday")
    assert result.exit_code == 2
    assert "'--as-of'" in result.stderr


# ---- diff ---------------------------------------------------------------------


def changes_of(store: str, *args: str) -> list[tuple[str, str, str]]:
    document = as_json(store, "diff", *args)
    return [(c["key"], c["change"], c["detail"]) for c in document["changes"]]


def test_diff_lists_what_opened_closed_changed_was_decided_raised_escalated_and_resolved(week):
    assert changes_of(week, "--since", "2026-09-10", "--until", "2026-09-20") == [
        ("W-1", "state", "on_track → at_risk"),
        ("W-2", "closed", ""),
        ("W-3", "opened", "owner cy"),
        ("D-1", "decided", "Adyen"),
        ("B-1", "resolved", "signed off"),
        ("B-1", "escalated", "to cpo"),
        ("B-2", "raised", "critical"),
        ("R-1", "held", "1 time"),
        ("A-1", "completed", "sent"),
    ]


def test_diff_names_each_change_by_kind_and_title_in_json(week):
    document = as_json(week, "diff", "--since", "2026-09-15", "--until", "2026-09-15")
    assert datetime.fromisoformat(document["since"]) == datetime.fromisoformat("2026-09-15T00:00:00+00:00")
    assert datetime.fromisoformat(document["until"]) == datetime.fromisoformat("2026-09-15T23:59:59.999999+00:00")
    assert document["changes"] == [
        {"key": "W-1", "kind": "workstream", "title": "Checkout v2", "change": "state",
         "detail": "on_track → at_risk"},
        {"key": "B-1", "kind": "blocker", "title": "PCI audit", "change": "escalated", "detail": "to cpo"},
    ]


def test_diff_until_now_by_default(week):
    assert changes_of(week, "--since", "2026-09-21") == [("B-3", "raised", "low")]


def test_diff_as_a_table(week):
    text = ok(week, "diff", "--since", "2026-09-15", "--until", "2026-09-16", "--format", "table")
    assert text.splitlines()[0].split() == ["Key", "┃", "Item", "┃", "Change", "┃", "Detail"]
    lines = [[cell.strip() for cell in line.split("│")] for line in text.splitlines()[2:]]
    assert lines == [
        ["W-1", "Checkout v2", "state", "on_track → at_risk"],
        ["W-3", "Billing", "opened", "owner cy"],
        ["D-1", "Which PSP?", "decided", "Adyen"],
        ["B-1", "PCI audit", "escalated", "to cpo"],
        ["B-2", "Vendor contract", "raised", "critical"],
    ]


def test_diff_as_markdown_is_a_brief_by_kind(week):
    assert ok(week, "diff", "--since", "2026-09-10", "--until", "2026-09-20", "--format", "md") == (
        "# What changed, 2026-09-10 00:00 to 2026-09-20 23:59 UTC\n"
        "\n## Workstreams\n\n"
        "- **W-1** Checkout v2: state (on_track → at_risk)\n"
        "- **W-2** Search: closed\n"
        "- **W-3** Billing: opened (owner cy)\n"
        "\n## Decisions\n\n"
        "- **D-1** Which PSP?: decided (Adyen)\n"
        "\n## Blockers\n\n"
        "- **B-1** PCI audit: resolved (signed off)\n"
        "- **B-1** PCI audit: escalated (to cpo)\n"
        "- **B-2** Vendor contract: raised (critical)\n"
        "\n## Rituals\n\n"
        "- **R-1** Staff meeting: held (1 time)\n"
        "\n## Actions\n\n"
        "- **A-1** Send the shortlist: completed (sent)\n"
    )


def test_diff_of_a_blocker_reopened_and_resolved_again_says_it_ends_resolved(week):
    # B-1 was resolved on 18 September; in the next window it comes back and goes again.
    ok(week, "--at", "2026-09-26T10:00", "blocker", "reopen", "B-1", "--why", "auditor withdrew")
    ok(week, "--at", "2026-09-27T10:00", "blocker", "resolve", "B-1", "--resolution", "signed, for real")
    changes = [c for c in changes_of(week, "--since", "2026-09-26") if c[0] == "B-1"]
    assert ("B-1", "reopened", "") in changes
    assert ("B-1", "resolved", "signed, for real") in changes


def test_diff_of_a_quiet_period_says_nothing_changed(week):
    assert ok(week, "diff", "--since", "2026-09-26", "--format", "table") == "Nothing to show.\n"
    assert ok(week, "diff", "--since", "2026-09-26", "--format", "md").endswith("\n\nNothing changed.\n")
    assert as_json(week, "diff", "--since", "2026-09-26")["changes"] == []


def test_diff_until_before_since_is_bad_usage(week):
    result = staffdeck(week, "diff", "--since", "2026-09-10", "--until", "2026-09-09")
    assert result.exit_code == 2
    assert "--until is before --since" in result.stderr


def test_diff_until_an_earlier_time_the_same_day_is_bad_usage(week):
    result = staffdeck(week, "diff", "--since", "2026-09-10T10:00", "--until", "2026-09-10T09:00")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "args, names",
    [(["--since", "garbage"], "'--since'"), (["--since", "2026-09-10", "--until", "soon"], "'--until'")],
    ids=["since", "until"],
)
def test_diff_with_a_bad_moment_is_bad_usage_naming_the_option(week, args, names):
    result = staffdeck(week, "diff", *args)
    assert result.exit_code == 2
    assert names in result.stderr


# ---- decisions search ---------------------------------------------------------


def test_decisions_search_finds_words_in_rejected_grounds(week):
    document = as_json(week, "decisions", "search", "Interchange", "markup")
    assert document["query"] == "Interchange markup"
    (row,) = document["rows"]
    assert (row["key"], row["status"], row["choice"]) == ("D-1", "decided", "Adyen")
    assert row["rejected"] == [{"option": "Stripe", "grounds": "interchange markup too high"}]


def test_decisions_search_needs_every_word(week):
    assert as_json(week, "decisions", "search", "interchange", "bitcoin")["rows"] == []
    assert ok(week, "decisions", "search", "interchange", "bitcoin", "--format", "table") == "Nothing to show.\n"


def test_decisions_search_lists_the_newest_first_as_a_table_and_markdown(week):
    ok(week, "--at", "2026-09-26T10:00", "decision", "raise", "Which PSP for Brazil?", "--workstream",
       "W-1", "--owner", "bo")
    rows = table_rows(ok(week, "decisions", "search", "psp", "--format", "table"))
    assert rows == {
        "D-2": ["open", "Which PSP for Brazil?", "", "2026-09-26"],
        "D-1": ["decided", "Which PSP?", "Adyen", "2026-09-02"],
    }
    assert [cells[0] for cells in md_rows(ok(week, "decisions", "search", "PSP", "--format", "md"))] == [
        "D-2", "D-1",
    ]


# ---- an empty store, and no store at all ------------------------------------------


@pytest.mark.parametrize("view", sorted(FIELDS))
def test_an_empty_store_has_nothing_to_show(store, view):
    ok(store, "init")
    assert ok(store, "show", view, "--format", "table").startswith("Nothing to show.\n")
    assert ok(store, "show", view, "--format", "md").startswith("_Nothing to show._")
    assert as_json(store, "show", view)["rows"] == []


def test_an_empty_store_has_no_changes_and_finds_no_decisions(store):
    ok(store, "init")
    assert ok(store, "diff", "--since", "2026-09-01", "--format", "table") == "Nothing to show.\n"
    assert ok(store, "decisions", "search", "psp", "--format", "table") == "Nothing to show.\n"


def test_follow_through_of_an_empty_store_has_no_completion_rate(store):
    ok(store, "init")
    assert ok(store, "show", "actions", "--format", "table") == (
        "Nothing to show.\n0 open, 0 slipped, 0 completed, 0 dropped; completion rate n/a\n"
    )
    assert as_json(store, "show", "actions")["summary"]["completion_rate"] is None


@pytest.mark.parametrize(
    "command",
    [["show", "workstreams"], ["show", "blockers", "--as-of", "2026-09-01"],
     ["diff", "--since", "2026-09-01"], ["decisions", "search", "psp"]],
    ids=["show", "show-as-of", "diff", "search"],
)
def test_reading_a_store_that_does_not_exist_exits_4_and_creates_nothing(store, command):
    result = staffdeck(store, *command)
    assert result.exit_code == 4
    assert result.stderr.startswith("error: There is no store at ")
    assert result.stdout == ""
    assert not exists(store)

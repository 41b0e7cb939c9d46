"""A scripted staff meeting, played into a store by a writer of its own.

    python -m tui.demo_meeting STORE [--every SECONDS]

`staffdeck demo --live` starts this in a separate process, so what the room
sees arrives the way a colleague's commands would: through the store.
"""

import argparse
import time
from datetime import timedelta

from domain.errors import DomainError
from domain.service import Staffdeck
from projections.read_models import ReadModels


def _models(deck: Staffdeck) -> ReadModels:
    return ReadModels.of(deck.events_after(0)[1])


def _steps(deck: Staffdeck):
    """Each step looks at the store as it is now, then does what a CoS would."""
    now = deck.clock()
    models = _models(deck)
    workstreams = models.workstream_map(now)
    queue = [row for row in models.decision_queue(now) if not row.review_due]
    radar = models.blocker_radar(now)
    if workstreams:
        ws = workstreams[0]
        yield lambda: deck.report_status(
            ws.key, "at_risk", note="Eval suite regressed on the new checkpoint"
        )
        yield lambda: deck.raise_blocker(
            "GPU quota for the eval rerun not approved",
            workstream=ws.key,
            severity="high",
            owner=ws.owner,
            needed_by=(now + timedelta(days=3)).date(),
        )
    if due := [row for row in radar if row.escalation_due]:
        yield lambda: deck.escalate_blocker(
            due[0].key, to="VP Product", why="Past its threshold; the team cannot unblock it"
        )
    if queue:
        decision = queue[0]
        yield lambda: deck.make_decision(
            decision.key,
            choice="Ship behind a feature flag to 10% of workspaces",
            reasoning="Limits the blast radius while we collect real usage",
            rejected=[("Wait a full quarter", "Competitors ship first; we learn nothing")],
            expected="Activation up 5% in the flagged cohort within 4 weeks",
            reopen_conditions=["Safety incidents above baseline"],
            review_by=(now + timedelta(days=28)).date(),
        )
        yield lambda: deck.assign_action(
            "Write the rollout checklist",
            owner=decision.owner,
            due=(now + timedelta(days=5)).date(),
            source=decision.key,
        )
    if radar:
        yield lambda: deck.resolve_blocker(radar[-1].key, resolution="Resolved in the room")
    if workstreams:
        yield lambda: deck.log_note(
            "must-say",
            "We are over the inference budget for the third month running",
            links=[workstreams[0].key],
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tui.demo_meeting")
    parser.add_argument("store")
    parser.add_argument("--every", type=float, default=4.0, help="seconds between events [4]")
    args = parser.parse_args(argv)
    deck = Staffdeck(args.store, actor="demo.meeting", create=False)
    try:
        for step in _steps(deck):
            time.sleep(args.every)
            try:
                step()
            except DomainError:
                continue  # the room moved on: the next step still makes sense
    finally:
        deck.close()


if __name__ == "__main__":
    main()

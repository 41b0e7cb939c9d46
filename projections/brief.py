"""The principal's context brief: what a meeting, or a few workstreams, need the principal to know.

`brief` reads the read models as known at a moment and answers, in the order a
principal reads them: what changed since the last time, what is waiting on
them, what is in the way, how each workstream stands, what the room may reopen,
what slipped, the context, and the one thing that cannot be left unsaid.
brief_markdown.py renders it; the dashboard can show the same Brief.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import takewhile

import msgspec

from events import RitualHeld
from projections.blocker_radar import RadarRow
from projections.context_notes import ContextNotes, Note
from projections.decision_queue import QueueRow
from projections.diff import Change, diff
from projections.follow_through import ActionRow
from projections.read_models import ReadModels
from projections.ritual_audit import RitualState, next_occurrence
from projections.time_travel import History
from projections.workstream_map import MapRow

LOOKBACK = timedelta(days=7)  # "what changed" with no last occurrence and no --since
CONTEXT_KINDS = ("position", "signal", "bet", "question", "debate")  # in the order shown
MUST_SAY = "must-say"


class Involved(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    key: str
    title: str
    closed: bool


class Meeting(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    title: str  # the ritual's name, or "Brief on W-1, W-3"
    ritual: str | None  # its key, for a ritual's brief
    on: date  # the ritual's next occurrence (today if it is due or past), or today
    attendees: tuple[str, ...]
    purpose: str
    workstreams: tuple[Involved, ...]
    chosen: str  # how the workstreams were chosen: given | ritual | all open


class Settled(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A decision already made that the room may reopen, and on what grounds."""

    key: str
    question: str
    workstream: str
    choice: str
    decided_on: date | None
    decided_by: tuple[str, ...]
    reopen_conditions: tuple[str, ...]
    review_by: date | None
    review_due: bool


class Brief(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    meeting: Meeting
    moment: datetime  # as known at
    since: datetime  # what changed: after this moment, up to `moment`
    since_reason: str  # last occurrence | given | lookback
    last_held: date | None  # the occurrence `since` counts from, for a ritual's brief
    changes: tuple[Change, ...]
    decisions: tuple[QueueRow, ...]  # waiting on the workstreams, overdue first
    blockers: tuple[RadarRow, ...]  # past their escalation threshold, or escalated
    workstreams: tuple[MapRow, ...]  # the open ones involved
    settled: tuple[Settled, ...]  # newest decided first
    slipped: tuple[ActionRow, ...]  # most overdue first
    context: tuple[Note, ...]  # by CONTEXT_KINDS, newest first within each
    must_say: Note | None


def brief(
    history: History,
    moment: datetime,
    *,
    ritual: str | None = None,
    workstreams: Iterable[str] = (),
    since: datetime | None = None,
) -> Brief:
    """The brief for `ritual`, or else for `workstreams`, as known at `moment`.

    The keys must name items known at `moment` (a KeyError otherwise). What
    changed counts from `since`, else from the ritual's latest occurrence, else
    over the last seven days.
    """
    models = history.as_of(moment)
    today = moment.date()
    held = None
    if ritual is not None:
        meeting = _ritual_meeting(models, models.rituals.rituals[ritual], today)
        held = _last_held(history, ritual, moment)
    else:
        meeting = _workstreams_meeting(models, list(workstreams), today)
    reason = "given" if since is not None else ("last occurrence" if held else "lookback")
    if since is None:
        since = held.at if held else moment - LOOKBACK
    scope = _Scope(models, meeting)
    notes = ContextNotes.of(history.events, until=moment)
    context = notes.linked(scope.keys(), kinds=CONTEXT_KINDS)
    near = [k for k in (meeting.ritual, *scope.workstreams) if k]
    must_say = notes.linked(near, kinds=(MUST_SAY,))
    queue = takewhile(lambda row: not row.review_due, models.decision_queue(moment))
    return Brief(
        meeting=meeting,
        moment=moment,
        since=since,
        since_reason=reason,
        last_held=held.held_on if held and reason == "last occurrence" else None,
        changes=tuple(c for c in diff(history, since, moment) if scope.covers(c.key)),
        decisions=tuple(row for row in queue if row.workstream in scope.workstreams),
        blockers=tuple(
            row
            for row in models.blocker_radar(moment)
            if row.workstream in scope.workstreams and (row.past_threshold or row.escalated)
        ),
        workstreams=tuple(r for r in models.workstream_map(moment) if r.key in scope.workstreams),
        settled=_settled(models, scope.workstreams, today),
        slipped=tuple(
            row for row in models.open_actions(moment) if row.slipped and scope.covers(row.key)
        ),
        context=tuple(sorted(context, key=lambda n: CONTEXT_KINDS.index(n.kind))),  # stable
        must_say=must_say[0] if must_say else None,
    )


def _ritual_meeting(models: ReadModels, ritual: RitualState, today: date) -> Meeting:
    # A ritual has no workstream of its own: it involves the workstreams of the
    # decisions it informed and the blockers it surfaced, over all its
    # occurrences; one that has informed and surfaced nothing involves every
    # open workstream.
    decisions, blockers = models.decisions.decisions, models.blockers.blockers
    keys = set()
    for occurrence in ritual.occurrences:
        keys |= {decisions[k].workstream for k in occurrence.informed if k in decisions}
        keys |= {blockers[k].workstream for k in occurrence.surfaced if k in blockers}
    chosen = "ritual" if keys else "all open"
    if not keys:
        keys = {k for k, w in models.workstreams.workstreams.items() if w.closed_at is None}
    on = today
    if ritual.retired_reason is None:
        last = max((o.held_on for o in ritual.occurrences), default=None)
        on = max(today, next_occurrence(last, ritual.cadence) if last else today)
    return Meeting(
        title=ritual.name,
        ritual=ritual.key,
        on=on,
        attendees=ritual.attendees,
        purpose=ritual.purpose,
        workstreams=_involved(models, keys),
        chosen=chosen,
    )


def _workstreams_meeting(models: ReadModels, keys: list[str], today: date) -> Meeting:
    keys = sorted(set(keys), key=lambda k: int(k[2:]))
    return Meeting(
        title="Brief on " + ", ".join(keys),
        ritual=None,
        on=today,
        attendees=(),
        purpose="",
        workstreams=_involved(models, keys),
        chosen="given",
    )


def _involved(models: ReadModels, keys: Iterable[str]) -> tuple[Involved, ...]:
    known = models.workstreams.workstreams
    return tuple(
        Involved(key=k, title=known[k].title, closed=known[k].closed_at is not None)
        for k in sorted(keys, key=lambda k: int(k[2:]))
    )


def _last_held(history: History, ritual: str, moment: datetime) -> RitualHeld | None:
    """The ritual's latest occurrence known at `moment` (by the day it was held)."""
    held = [
        e
        for e in history.events
        if isinstance(e, RitualHeld) and e.key == ritual and e.at <= moment
    ]
    return max(held, key=lambda e: (e.held_on, e.at), default=None)


def _settled(models: ReadModels, workstreams: set[str], today: date) -> tuple[Settled, ...]:
    """Decisions made on the workstreams that say when they should be looked at again:
    a reopen condition, or a review-by date."""
    made = [
        r
        for r in models.decisions.decisions.values()
        if r.status == "decided"
        and r.workstream in workstreams
        and (r.reopen_conditions or r.review_by)
    ]
    made.sort(key=lambda r: (r.decided_at, int(r.key[2:])), reverse=True)
    return tuple(
        Settled(
            key=r.key,
            question=r.question,
            workstream=r.workstream,
            choice=r.choice,
            decided_on=r.decided_at.date() if r.decided_at else None,
            decided_by=r.decided_by,
            reopen_conditions=r.reopen_conditions,
            review_by=r.review_by,
            review_due=r.review_by is not None and r.review_by <= today,
        )
        for r in made
    )


class _Scope:
    """Which items the brief speaks about: the workstreams involved and what is
    on them, the ritual itself, and actions that came out of those or that an
    attendee owes."""

    def __init__(self, models: ReadModels, meeting: Meeting):
        self.models = models
        self.ritual = meeting.ritual
        self.workstreams = {w.key for w in meeting.workstreams}
        self.attendees = set(meeting.attendees)

    def covers(self, key: str) -> bool:
        match key[0]:
            case "W":
                return key in self.workstreams
            case "D":
                return self.models.decisions.decisions[key].workstream in self.workstreams
            case "B":
                return self.models.blockers.blockers[key].workstream in self.workstreams
            case "A":
                action = self.models.actions.actions[key]
                came_from = action.source is not None and self.covers(action.source)
                return action.owner in self.attendees or came_from
            case _:
                return key == self.ritual

    def keys(self) -> set[str]:
        """Every key covered: what a context note may be linked to."""
        models = self.models
        candidates = [
            *self.workstreams,
            *models.decisions.decisions,
            *models.blockers.blockers,
            *models.actions.actions,
        ]
        return {k for k in candidates if self.covers(k)} | ({self.ritual} if self.ritual else set())

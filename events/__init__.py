"""The event schema: every fact staffdeck records, as tagged msgspec Structs."""

from events.action import ActionAssigned, ActionCompleted, ActionDropped, ActionEvent
from events.base import Event, utc_now
from events.blocker import (
    SEVERITIES,
    BlockerDeescalated,
    BlockerEscalated,
    BlockerEvent,
    BlockerRaised,
    BlockerReassigned,
    BlockerReopened,
    BlockerResolved,
    BlockerSeverityChanged,
    Severity,
)
from events.codec import (
    EVENT_TYPES,
    VERSIONS,
    AnyEvent,
    decode,
    decode_array,
    decode_tagged,
    encode,
    tag_of,
)
from events.decision import (
    DecisionDeferred,
    DecisionEvent,
    DecisionMade,
    DecisionOptionAdded,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    RejectedAlternative,
)
from events.note import NOTE_KINDS, NoteEvent, NoteKind, NoteLogged
from events.ritual import (
    CADENCES,
    Cadence,
    RitualCadenceChanged,
    RitualEstablished,
    RitualEvent,
    RitualHeld,
    RitualRetired,
)
from events.upcasting import NewerSchema
from events.workstream import (
    WORKSTREAM_STATES,
    WorkstreamClosed,
    WorkstreamDeescalated,
    WorkstreamEscalated,
    WorkstreamEvent,
    WorkstreamNextDecisionPointSet,
    WorkstreamOpened,
    WorkstreamOwnerChanged,
    WorkstreamState,
    WorkstreamStatusReported,
)

__all__ = [name for name in dir() if not name.startswith("_")]

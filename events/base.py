"""What every event carries: which item, when it happened, who recorded it."""

from datetime import UTC, date, datetime
from typing import Annotated, Any

import msgspec

# Times must say their zone, so a file written in Lisbon replays the same in Tokyo.
UtcDatetime = Annotated[datetime, msgspec.Meta(tz=True)]


def schema_version(number: int) -> Any:
    """The type of `v` for an event type at schema version `number`.

    Only that number decodes: an older payload fails the fast decode and goes
    through the upcasters, a newer one is refused (events/upcasting.py). The
    check is msgspec's own, so a page of current events costs nothing more."""
    older = " Lines written at an older version are upgraded when read." if number > 1 else ""
    return Annotated[
        int,
        msgspec.Meta(
            ge=number,
            le=number,
            description=f"The schema version of this event type: {number}.{older}",
        ),
    ]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Event(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    tag_field="type",
    forbid_unknown_fields=True,
    gc=False,  # events hold only strings, dates and tuples: no cycles to collect
):
    """A fact about one item, appended and never edited.

    `at` is when it happened (what time travel folds on); `recorded_at` is when
    the store took it. `v` is the schema version of this event type: a type
    whose field changes meaning redeclares it, `v: schema_version(2) = 2`, and
    registers an upcaster from version 1 (events/upcasting.py).
    """

    v: schema_version(1) = 1
    key: str
    at: UtcDatetime = msgspec.field(default_factory=utc_now)
    actor: str
    recorded_at: UtcDatetime | None = None


Names = tuple[str, ...]
Keys = tuple[str, ...]
Day = date

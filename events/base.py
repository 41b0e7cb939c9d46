"""What every event carries: which item, when it happened, who recorded it."""

from datetime import UTC, date, datetime
from typing import Annotated

import msgspec

# Times must say their zone, so a file written in Lisbon replays the same in Tokyo.
UtcDatetime = Annotated[datetime, msgspec.Meta(tz=True)]


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
    the store took it. `v` is the schema version of this event type, for
    upcasters when a field changes meaning.
    """

    v: int = 1
    key: str
    at: UtcDatetime = msgspec.field(default_factory=utc_now)
    actor: str
    recorded_at: UtcDatetime | None = None


Names = tuple[str, ...]
Keys = tuple[str, ...]
Day = date

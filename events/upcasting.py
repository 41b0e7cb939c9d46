"""Reading events written by an older schema: upcasters, one version at a time.

Each event type has a current schema version, the default of its `v` field
(`schema_version` in base.py), and its Struct decodes that version only. A
payload with an older `v` is raised step by step (1→2→…) by the upcasters
registered here, on its plain JSON object, then decoded into the current Struct;
a payload with a newer `v` is refused (NewerSchema), never guessed at. The codec
(codec.py) tries the current Struct first, so only old payloads pay for this.

How to change what a field means:

- bump the type's `v` and register an upcaster from the version before;
- give the field a new name or type, so that a line which does not say its
  version (the first schema let writers leave `v` out, meaning 1) is never
  misread: it is read as the current version only when it decodes as one, and
  as version 1 otherwise;
- an upcaster sees one payload, never another event: what it needs must be there.

Adding a field with a default needs neither: older payloads decode as they are.
"""

from collections.abc import Callable
from typing import Any

import msgspec

Fields = dict[str, Any]
Upcaster = Callable[[Fields], Fields]

# (tag, version it reads) -> the function returning the payload one version on.
UPCASTERS: dict[tuple[str, int], Upcaster] = {}


class NewerSchema(msgspec.ValidationError):
    """A payload written by a newer staffdeck than this one: refused, not misread."""


def upcaster(tag: str, *, from_version: int) -> Callable[[Upcaster], Upcaster]:
    """Register `function` to turn a `tag` payload at `from_version` into the next version."""

    def register(function: Upcaster) -> Upcaster:
        if (tag, from_version) in UPCASTERS:
            raise ValueError(f"{tag} already has an upcaster from version {from_version}")
        UPCASTERS[tag, from_version] = function
        return function

    return register


def missing_upcasters(versions: dict[str, int]) -> list[str]:
    """Each step no upcaster covers, for types at `versions`: empty when all are there."""
    return [
        f"{tag} {version}→{version + 1}"
        for tag, current in versions.items()
        for version in range(1, current)
        if (tag, version) not in UPCASTERS
    ]


def upcast(fields: Fields, tag: str, version: int, current: int) -> Fields:
    """The payload `fields`, written at `version`, as the `current` version writes it."""
    while version < current:
        fields = UPCASTERS[tag, version](fields)
        version += 1
        fields["v"] = version
    return fields


def newer(fields: Fields, tag: str, version: int, current: int) -> NewerSchema:
    key = fields.get("key")
    whose = f"{key}'s " if isinstance(key, str) and key else ""
    return NewerSchema(
        f"{whose}{tag} event is schema version {version}, but this staffdeck reads "
        f"{tag} only up to version {current}: upgrade staffdeck to read it"
    )

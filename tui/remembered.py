"""The dashboard's remembered present: the read models it last folded, saved in
the user's cache directory, so the next launch folds only the events since.

A cache and nothing more: a missing, damaged or stale file, a file of another
store or of other code, is ignored, and the dashboard folds all of history as
it would without one. Every read and write runs in the dashboard's worker.
"""

import hashlib
import os
from pathlib import Path

import platformdirs

from domain.service import Staffdeck
from projections.read_models import ReadModels
from projections.saved import load_present, save_present

REMEMBER_FROM = 5_000  # events: a smaller store folds about as fast as the file decodes
REMEMBER_AFTER = 1_000  # new events since the saved present before it is saved again
KEEP = 8  # stores remembered; the least recently saved go first


def recall(deck: Staffdeck) -> tuple[ReadModels, int] | None:
    """The saved present of this store and the position it was folded through,
    when the store still holds, at that position, the event it was folded from."""
    try:
        data = _path(deck).read_bytes()
    except OSError:
        return None
    # Another store at the same place, or one rebuilt since, holds something else there.
    return load_present(data, lambda position, mark: deck.mark_at(position) == mark)


def remember(deck: Staffdeck, models: ReadModels, position: int, *, saved: int = 0) -> bool:
    """Save the present folded through `position`, unless it was recalled with
    `saved` events and few have come since; False when not saved, as when the
    cache cannot be written (never an error: the dashboard goes on)."""
    if len(models) < REMEMBER_FROM or (saved and len(models) - saved < REMEMBER_AFTER):
        return False
    mark = deck.mark_at(position)
    if mark is None:
        return False
    path = _path(deck)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        # The present holds every title and note of the store: its owner's eyes only.
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(save_present(models, position=position, mark=mark))
        os.replace(part, path)  # whole or not at all: a reader never sees half a file
        _forget_all_but_newest(path.parent)
    except OSError:
        part.unlink(missing_ok=True)
        return False
    return True


def _path(deck: Staffdeck) -> Path:
    store = hashlib.sha256(str(deck.location).encode()).hexdigest()[:24]
    return platformdirs.user_cache_path("staffdeck") / "present" / f"{store}.msgpack"


def _forget_all_but_newest(folder: Path) -> None:
    saved = sorted(folder.glob("*.msgpack"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in saved[KEEP:]:
        old.unlink(missing_ok=True)

"""Pausing the cycle collector around bulk work on events."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(*, keep: bool = False) -> Iterator[None]:
    """Bulk loads allocate many objects and free none; the collector would
    re-scan them again and again for nothing. Events cannot form cycles.

    `keep`: what was allocated is kept for the life of the process (the
    dashboard's history), so it is frozen out of every later collection.
    Otherwise the first collection after the pause scans all of it (a tenth
    of a second at 100,000 events), and every full one after that again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if collecting:
            gc.enable()

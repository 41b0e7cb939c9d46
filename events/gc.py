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


def keep_everything() -> None:
    """What is alive now lives as long as the process (a dashboard, its launch
    done): collect what is garbage, then freeze the rest out of every later
    collection. Each full one would otherwise scan it all again."""
    gc.collect()
    gc.freeze()


def release_kept() -> None:
    """What was kept may go (a dashboard closing, in a process that goes on):
    later collections scan it again, and free what has become garbage."""
    gc.unfreeze()

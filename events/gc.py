"""Pausing the cycle collector around bulk work on events."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Bulk loads allocate many objects and free none; the collector would
    re-scan them again and again for nothing. Events cannot form cycles."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()

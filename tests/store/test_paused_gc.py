"""The collector is paused around bulk loads, and what the dashboard keeps is
frozen out of later collections (a full one would re-scan all of history)."""

import gc

from events.gc import paused_gc


def test_the_collector_is_paused_and_restored():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller's own pause stays
    finally:
        gc.enable()


def test_what_is_kept_is_frozen_out_of_later_collections():
    frozen = gc.get_freeze_count()
    try:
        with paused_gc(keep=True):
            kept = [[n] for n in range(1000)]
        assert gc.get_freeze_count() >= frozen + len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()

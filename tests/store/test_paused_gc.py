"""The collector is paused around bulk loads, and what the dashboard keeps is
frozen out of later collections (a full one would re-scan all of history).

Each check runs in a fresh process: the collector is one per process, and a
reader thread another test left finishing (a dashboard's feed on a store that
went away) may be inside its own pause at the same moment.
"""

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from events.gc import paused_gc


def in_a_fresh_process(check) -> None:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(check).result()  # its AssertionError, if any, is raised here


def collector_paused_and_restored() -> None:
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


def kept_objects_frozen() -> None:
    frozen = gc.get_freeze_count()
    with paused_gc(keep=True):
        kept = [[n] for n in range(1000)]
    assert gc.get_freeze_count() >= frozen + len(kept)
    assert gc.isenabled()


def test_the_collector_is_paused_and_restored():
    in_a_fresh_process(collector_paused_and_restored)


def test_what_is_kept_is_frozen_out_of_later_collections():
    in_a_fresh_process(kept_objects_frozen)

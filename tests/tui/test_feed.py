"""Following the store from worker threads, and letting go of it on close: the
dashboard's store is closed as the app exits, never under a read in progress."""

import threading
import time

import pytest

import domain.service
import domain.store
from domain.service import Staffdeck
from tests.tui.conftest import fixed_clock
from tui.feed import FeedStopped, StoreFeed


def test_stopping_ends_a_read_after_its_page_and_waits_for_it(sample_store, monkeypatch):
    monkeypatch.setattr(domain.store, "PAGE_ROWS", 20)  # 40 pages
    reading = threading.Event()
    pages: list = []
    decode = domain.service.decode_array

    def slow_decode(array):
        reading.set()
        time.sleep(0.02)
        pages.append(array)
        return decode(array)

    monkeypatch.setattr(domain.service, "decode_array", slow_decode)
    deck = Staffdeck(sample_store, actor="cos", clock=fixed_clock)
    feed = StoreFeed(deck)
    read: list = []
    worker = threading.Thread(target=lambda: read.extend(feed.read_all()))
    try:
        worker.start()
        assert reading.wait(60)  # a deadline for a hang only
        feed.stop()
        decoded = len(pages)  # stop() returned once the page in hand was done
        worker.join(5)
        assert len(pages) == decoded < 40
        assert 0 < len(read) < 800 and feed.position == len(read)
        with pytest.raises(FeedStopped):
            feed.read_new()
    finally:
        worker.join(5)
        deck.close()

"""Shared context: notes found by what they are linked to, by kind, newest
first, as known at a moment, and by the words in them."""

import pytest

from projections.context_notes import ContextNotes
from tests.projections.story import NOW, ago, deck_on, history_of


@pytest.fixture
def notes(sqlite_store) -> ContextNotes:
    with deck_on(sqlite_store) as deck:
        deck.open_workstream("Checkout v2", owner="bo", at=ago(days=30))
        deck.open_workstream("Search", owner="cy", at=ago(days=30))
        deck.raise_decision("Which PSP?", workstream="W-1", owner="ana", at=ago(days=20))
        deck.log_note(
            "signal", "Three customers asked for Apple Pay", links=["W-1"], at=ago(days=9)
        )
        deck.log_note("position", "CFO: no new fees this year", links=["D-1"], at=ago(days=5))
        deck.log_note("question", "Who owns the fraud rules?", links=["W-2"], at=ago(days=4))
        deck.log_note("must-say", "The contract auto-renews", links=["W-1", "W-2"], at=ago(days=2))
        deck.log_note("signal", "Churn up in the EU", links=["W-1"], at=ago(days=2))
        history = history_of(deck)
    return ContextNotes.of(history.events)


def keys(found) -> list[str]:
    return [note.key for note in found]


def test_notes_linked_to_any_of_the_keys_come_newest_first(notes):
    # N-4 and N-5 were logged at the same minute: the later key is the newer.
    assert keys(notes.linked(["W-1"])) == ["N-5", "N-4", "N-1"]
    assert keys(notes.linked(["W-2", "D-1"])) == ["N-4", "N-3", "N-2"]
    assert keys(notes.linked(["W-9"])) == []


def test_notes_can_be_narrowed_to_some_kinds(notes):
    assert keys(notes.linked(["W-1"], kinds=["signal"])) == ["N-5", "N-1"]
    assert keys(notes.linked(["W-1", "W-2"], kinds={"must-say"})) == ["N-4"]


def test_a_note_keeps_what_was_logged_and_who_logged_it(notes):
    (note,) = notes.linked(["D-1"])
    assert (note.kind, note.text, note.links) == (
        "position",
        "CFO: no new fees this year",
        ("D-1",),
    )
    assert (note.at, note.actor) == (ago(days=5), "ana")


def test_as_known_at_a_moment_later_notes_are_not_there_yet(sqlite_store):
    with deck_on(sqlite_store) as deck:
        deck.open_workstream("Checkout v2", owner="bo", at=ago(days=30))
        deck.log_note("signal", "early", links=["W-1"], at=ago(days=9))
        deck.log_note("signal", "late", links=["W-1"], at=ago(days=1))
        history = history_of(deck)
    assert keys(ContextNotes.of(history.events, until=ago(days=5)).linked(["W-1"])) == ["N-1"]
    assert keys(ContextNotes.of(history.events, until=NOW).linked(["W-1"])) == ["N-2", "N-1"]


def test_search_finds_every_word_in_text_kind_or_links_regardless_of_case(notes):
    assert keys(notes.search("apple PAY")) == ["N-1"]
    assert keys(notes.search("signal w-1")) == ["N-5", "N-1"]
    assert keys(notes.search("fees cfo")) == ["N-2"]
    assert keys(notes.search("apple churn")) == []


def test_folding_one_event_at_a_time_from_a_snapshot_equals_folding_them_all(sqlite_store):
    with deck_on(sqlite_store) as deck:
        deck.open_workstream("Checkout v2", owner="bo", at=ago(days=30))
        for day in range(5):
            deck.log_note("bet", f"bet {day}", links=["W-1"], at=ago(days=10 - day))
        events = history_of(deck).events
    whole = ContextNotes.of(events)
    halfway = ContextNotes.of(events[:3])
    resumed = ContextNotes(halfway.snapshot())
    for event in events[3:]:
        resumed.apply(event)  # a workstream event is ignored, as any other note-less event
    assert resumed.notes == whole.notes
    assert len(halfway.notes) == 2  # the snapshot was a copy: resuming did not change it

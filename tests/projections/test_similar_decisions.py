"""Similar past decisions, found by the words of a new question: the room sees
when a question was already settled, and why."""

from collections.abc import Iterator

import pytest

from domain.service import Staffdeck
from projections.similar_decisions import DecisionWords, words_of
from tests.projections.story import ago, deck_on, fold


@pytest.fixture
def deck(sqlite_store) -> Iterator[Staffdeck]:
    with deck_on(sqlite_store) as deck:
        deck.open_workstream("Checkout v2", owner="ana", at=ago(days=90))
        for question in (
            "Which payment provider should we launch with in Brazil?",
            "Do we ship the pricing page redesign before the holiday freeze?",
            "Should the onboarding email sequence be cut to three emails?",
            "Which evaluation set gates a model release?",
        ):
            deck.raise_decision(question, workstream="W-1", owner="ana", at=ago(days=60))
        deck.make_decision("D-1", choice="Adyen", reasoning="local acquiring", at=ago(days=50))
        yield deck


def similar(deck: Staffdeck, question: str) -> list[str]:
    return [s.record.key for s in DecisionWords(fold(deck).decisions).similar_to(question)]


def test_a_question_asked_again_in_other_words_finds_the_settled_one_first(deck):
    found = DecisionWords(fold(deck).decisions).similar_to("Payment provider for Brazil launch?")
    assert found[0].record.key == "D-1"
    assert (found[0].record.status, found[0].record.choice) == ("decided", "Adyen")


def test_only_common_words_in_common_is_not_similar(deck):
    assert similar(deck, "What should we do about the offsite?") == []


def test_an_unrelated_question_finds_nothing_and_a_blank_one_too(deck):
    assert similar(deck, "Hire a second designer?") == []
    assert similar(deck, "   ") == []


def test_case_and_punctuation_do_not_matter():
    assert words_of("Pricing-page REDESIGN?!") == words_of("pricing page redesign")

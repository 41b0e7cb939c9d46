"""A saved present is trusted only when it is whole, made by these folds, and
folded from the store that asks: anything else is ignored, never half-used."""

import pytest

import projections.saved as saved
from projections.saved import load_present, save_present
from tests.projections.story import NOW, ago, deck_on, fold


@pytest.fixture
def present(sqlite_store):
    with deck_on(sqlite_store) as deck:
        ws = deck.open_workstream("Checkout v2", owner="Ana Lima", at=ago(days=9)).key
        deck.raise_blocker(
            "PCI audit slot", workstream=ws, owner="Ben", severity="high", at=ago(days=5)
        )
        deck.raise_decision(
            "Which payment provider?", workstream=ws, owner="Ana Lima", at=ago(days=3)
        )
        return fold(deck)


def always(position, mark) -> bool:
    return True


def test_it_loads_to_the_same_read_models(present):
    models, position = load_present(save_present(present, position=3, mark="m"), always)
    assert position == 3
    assert models.snapshot() == present.snapshot()
    assert models.decision_queue(NOW) == present.decision_queue(NOW)


def test_the_store_decides_whether_it_still_holds(present):
    asked = []

    def store_says_no(position, mark) -> bool:
        asked.append((position, mark))
        return False

    assert load_present(save_present(present, position=3, mark="m"), store_says_no) is None
    assert asked == [(3, "m")]


def test_a_present_saved_by_other_folds_is_ignored(present, monkeypatch):
    data = save_present(present, position=3, mark="m")
    monkeypatch.setattr(saved, "FOLDS_VERSION", "folds of another version")
    assert load_present(data, always) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short: a write that never finished
        lambda data: data[:-1],
        lambda data: b"",
        lambda data: b"not a saved present at all",
        lambda data: data[:40] + bytes([data[40] ^ 0xFF]) + data[41:],  # in the header
        lambda data: data.replace(b"Checkout v2", b"\xc1heckout v2"),  # not msgpack there
    ],
)
def test_a_damaged_file_is_ignored(present, damage):
    data = save_present(present, position=3, mark="m")
    assert load_present(damage(data), always) is None

"""`visible`: the one function every place that shows user text puts it through."""

from hypothesis import given
from hypothesis import strategies as st

from tests.hostile.strings import HOSTILE
from tui.visible import HIDDEN, visible


def test_each_control_is_drawn_as_its_mark():
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("\x00\x07\x08\r\x7f") == "␀␇␈␍␡"
    assert visible("\x9b31m \x85") == "⍰31m ⍰"  # C1: the one-byte CSI, NEL
    assert visible("invoice \u202egnp.exe") == "invoice ⍰gnp.exe"  # a direction override
    assert visible("a\u2066b\u2069") == "a⍰b⍰"  # an isolate


def test_line_breaks_and_tabs_are_kept_only_where_text_runs_over_lines():
    assert visible("one\ntwo\tthree") == "one␊two␉three"
    assert visible("one\ntwo\tthree", lines=True) == "one\ntwo\tthree"
    assert visible("para\u2028line", lines=True) == "para\nline"
    assert visible("para\u2028line") == "para␊line"
    assert visible("over\r\nwindows", lines=True) == "over␍\nwindows"


def test_printable_text_is_untouched_markup_scripts_emoji_and_combining_marks():
    for name in ("click", "link", "rtl", "emoji", "combining", "markdown", "format"):
        assert visible(HOSTILE[name]) == HOSTILE[name], name
    assert visible("\u200e\u200f") == "\u200e\u200f"  # marks for mixed scripts, not overrides


@given(st.text())
def test_one_mark_for_one_character_nothing_hidden_and_marking_twice_changes_nothing(text):
    for lines in (False, True):
        shown = visible(text, lines=lines)
        assert len(shown) == len(text)  # a styled Text keeps its spans
        left = set(shown) & HIDDEN
        assert left <= ({"\n", "\t"} if lines else set())
        assert visible(shown, lines=lines) == shown

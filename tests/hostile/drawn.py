"""What the dashboard draws, read back as the terminal would get it, and a
tally of the (hostile string × place) pairs checked.

`screen_strips` composes the whole screen (modal screens over what is under
them) exactly as Textual does before writing it out; a segment's text is
what reaches the terminal between Textual's own escape sequences, so a
control character in it would reach the terminal raw.
"""

from collections import Counter
from dataclasses import dataclass, field

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from tui.visible import HIDDEN, visible


def screen_strips(app) -> list[Strip]:
    """Every line of the screen as it would be written to the terminal."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [Strip.join(line) for line in update.strips]


def text_of(strip: Strip) -> str:
    return "".join(segment.text for segment in strip if not segment.control)


def region_text(app, widget: Widget, strips: list[Strip] | None = None) -> str:
    """What `widget` shows on screen now, line by line."""
    strips = strips if strips is not None else screen_strips(app)
    region = widget.region
    lines = strips[region.y : region.bottom]
    return "\n".join(text_of(strip.crop(region.x, region.right)) for strip in lines)


def drawn_whole(widget: Widget) -> list[Strip]:
    """Every line `widget` draws inside its border, on screen or not."""
    width, height = widget.outer_size
    gutter = widget.gutter  # its border and padding: only what is inside them
    lines = widget.render_lines(Region(0, 0, width, height))[gutter.top : height - gutter.bottom]
    return [line.crop(gutter.left, width - gutter.right) for line in lines]


def drawn_blocks(view: Markdown) -> list[Strip]:
    """Every line of a Markdown view as drawn, scrolled to or not: each block's own."""
    lines = []
    for block in view.query(MarkdownBlock):
        if not block.query(MarkdownBlock):  # a leaf: a container draws only its children
            lines += drawn_whole(block)
    return lines


def raw_controls(strips: list[Strip]) -> list[tuple[int, str]]:
    """(line, text) of every drawn line holding a character that must not reach the terminal."""
    return [
        (y, text) for y, strip in enumerate(strips) if HIDDEN.intersection(text := text_of(strip))
    ]


def squash(text: str) -> str:
    """Without whitespace: wrapping and padding do not matter, the characters do."""
    return "".join(text.split())


def one_line(text: str, length: int = 8) -> str:
    """The start of `text` as a one-line cell shows it (cells cut it with …)."""
    return squash(visible(text))[:length]


def in_a_field(text: str) -> str:
    """`text` as a one-line field (an Input) shows it: Rich has already dropped BEL,
    backspace, CR, VT and FF from what it draws, and the field marks the rest."""
    return squash(visible(text.translate(RICH_DROPS)))


RICH_DROPS = dict.fromkeys((0x07, 0x08, 0x0B, 0x0C, 0x0D))


def several_lines(text: str) -> str:
    """All of `text` as a multi-line view shows it."""
    return squash(visible(text, lines=True))


@dataclass
class Tally:
    """The (string × place) pairs checked: the hostile text found where it is shown,
    and no raw control character anywhere on the screen."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    screens: Counter = field(default_factory=Counter)  # place → screens drawn and checked

    def check(self, app, place: str, strips: list[Strip] | None = None) -> list[Strip]:
        """Draw the screen: nothing raw on it, the app still running."""
        strips = strips if strips is not None else screen_strips(app)
        assert not raw_controls(strips), (place, raw_controls(strips)[:3])
        assert app.is_running, place
        self.screens[place] += 1
        return strips

    def found(self, name: str, place: str, expected: str, shown: str) -> None:
        assert expected in squash(shown), (name, place, expected, shown[:400])
        self.pairs.add((name, place))

    def places(self) -> set[str]:
        return {place for _, place in self.pairs}

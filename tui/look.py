"""What colour means on the dashboard, taken from the current theme.

Colour is never the only signal: every styled cell also says it in words
("AT RISK", "OVERDUE", "ESCALATE"), for colour-blind readers and
black-and-white projectors.
"""

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.highlighter import Highlighter
from rich.style import Style
from rich.text import Text
from textual.color import Color

from tui.visible import visible

STATE_WORDS = {
    "on_track": "● on track",
    "at_risk": "▲ AT RISK",
    "off_track": "✖ OFF TRACK",
    "paused": "‖ paused",
    "done": "✓ done",
}
SEVERITY_WORDS = {"critical": "‼ CRITICAL", "high": "! high", "medium": "medium", "low": "low"}


@dataclass(frozen=True)
class Look:
    good: Style
    warn: Style
    bad: Style
    alarm: Style  # bad and must be acted on now: bold as well, for projectors
    muted: Style
    fresh: Style  # rows that changed a moment ago

    @classmethod
    def of(cls, variables: dict[str, str]) -> "Look":
        background = Color.parse(variables["background"])

        def colour(name: str) -> RichColor:
            # Theme colours may be translucent: seen over the background.
            return (background + Color.parse(variables[name])).rich_color

        return cls(
            good=Style(color=colour("success")),
            warn=Style(color=colour("warning")),
            bad=Style(color=colour("error")),
            alarm=Style(color=colour("error"), bold=True),
            muted=Style(color=colour("foreground-muted")),
            fresh=Style(bgcolor=colour("accent-muted")),
        )

    def state(self, state: str) -> Text:
        style = {"on_track": self.good, "at_risk": self.warn, "off_track": self.alarm}.get(
            state, self.muted
        )
        return Text(STATE_WORDS.get(state, state.replace("_", " ")), style=style)

    def severity(self, severity: str) -> Text:
        style = {"critical": self.alarm, "high": self.bad, "medium": self.warn}.get(
            severity, self.muted
        )
        return Text(SEVERITY_WORDS.get(severity, severity), style=style)


def plain(value: object) -> Text:
    """User text as data on one line: never parsed as markup, controls drawn as marks."""
    return Text(visible("" if value is None else str(value)), no_wrap=True, overflow="ellipsis")


def said(value: object, style: str | Style = "") -> Text:
    """User text as data that may run over several lines (a record, a note)."""
    return Text(visible("" if value is None else str(value), lines=True), style=style)


def marked(text: Text, *, lines: bool = False) -> Text:
    """A Text about to be drawn, its controls made marks: the last line of defence
    where a line is drawn, for text that reached a Text without `plain` or `said`
    (Rich itself drops BEL, backspace, CR, VT and FF, and passes the rest on)."""
    typed = text.plain
    shown = visible(typed, lines=lines)
    if shown == typed:  # nothing to mark: the same Text, no copy
        return text
    copy = text.copy()
    copy.plain = shown  # one mark per character: the spans still fit
    return copy


def looks(text: Text) -> tuple:
    """What a Text looks like drawn: its text, its style and its styled stretches
    (a Text's own == leaves out its style). Lines kept from the last frame are
    compared by it, to draw again only those that changed."""
    return (text.plain, str(text.style), *text.spans)


class ControlMarks(Highlighter):
    """An Input's value drawn with its controls as marks (a paste may hold ESC);
    the value itself is kept as it is."""

    def highlight(self, text: Text) -> None:
        text.plain = visible(text.plain)


CONTROL_MARKS = ControlMarks()

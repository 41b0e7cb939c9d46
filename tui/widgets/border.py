"""The line under a pane, set without drawing the pane again."""

from rich.text import Text
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget


def set_subtitle(widget: Widget, text: str | Text) -> None:
    """Put `text` (data, never markup) in the widget's bottom border and redraw
    that line alone.

    Textual's `border_subtitle` redraws the whole widget. Every time-travel key
    puts its moment under each pane, and a pane whose rows look the same at the
    new moment should cost one line of the frame, not all of them."""
    if isinstance(text, Text):
        content = Content.from_rich_text(text, widget.app.console)  # its spans; no markup
    else:
        content = Content(text)
    # As Textual's setter stores it (Widget._border_subtitle), less the redraw.
    widget._border_subtitle = content.split()[0] if content else None
    outer = widget.outer_size
    if not widget.is_mounted or not outer:
        widget.refresh()
        return
    # The region is in content coordinates: the border lies outside the content.
    left, top = widget.content_offset
    widget.refresh(Region(-left, outer.height - 1 - top, outer.width, 1))


def subtitle(widget: Widget) -> str:
    """The widget's bottom-border text, as plain text."""
    content = widget._border_subtitle
    return "" if content is None else content.plain

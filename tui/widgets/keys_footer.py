"""The footer of keys, rebuilt only when the keys it shows change."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's Footer removes and mounts all its keys (some 20 widgets)
    whenever the screen's bindings are refreshed: on every return from a dialog
    and every focus move, though the keys are mostly the same. Each rebuild
    took 75–95 ms from start to end at 100k events, while the next key waits.
    Here it happens only when what the footer would show differs."""

    def __init__(self) -> None:
        super().__init__()
        self._shows: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if self._bindings_ready and self._keys_shown(screen) == self._shows:
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shows = self._keys_shown(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # A key starts compact, then is bound to the footer's (not
                # compact): each change restyles it, twice a key, some 40 ms a
                # footer. It starts as it will be. (The palette's key is not
                # bound: it stays compact.)
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    @staticmethod
    def _keys_shown(screen: Screen) -> tuple:
        """What compose draws from: each binding (a frozen dataclass, compared
        field by field), whether it is enabled, its tooltip."""
        return tuple(
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        )

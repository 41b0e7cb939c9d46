"""The footer of keys, rebuilt only when the keys it shows change."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


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
        yield from super().compose()

    @staticmethod
    def _keys_shown(screen: Screen) -> tuple:
        """What compose draws from: each binding (a frozen dataclass, compared
        field by field), whether it is enabled, its tooltip."""
        return tuple(
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        )

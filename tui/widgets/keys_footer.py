"""The footer of keys, rebuilt only when the keys it shows change."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer rebuilds all its keys (some 15 widgets) whenever the
    screen's bindings are refreshed: on every return from a dialog and every
    focus move, though the keys are mostly the same. That rebuild was the
    largest part of the frame after a triage form closed (75–95 ms at 100k
    events). Here it happens only when what the footer shows would differ."""

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
        """What compose draws from: each binding, whether it is enabled, its tooltip."""
        return tuple(
            (key, binding.key, binding.description, binding.action, binding.show, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        )

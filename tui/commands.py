"""The command palette (ctrl+p): the triage actions for whatever is selected."""

from functools import partial

from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hit, Hits, Provider

from tui.actions import BY_PANE
from tui.look import CONTROL_MARKS


class Palette(CommandPalette):
    """Textual's palette, its query drawn with controls as marks (a paste may hold ESC)."""

    def on_mount(self) -> None:
        self.query_one(CommandInput).highlighter = CONTROL_MARKS


class TriageCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        from tui.screens.dashboard import DashboardScreen  # the palette opens over it

        screen = self.screen
        if not isinstance(screen, DashboardScreen):
            return []
        pane = screen.last_table
        key = screen.selected_in(pane)
        commands = []
        for action in BY_PANE[pane]:
            if action.noun and key is None:
                continue
            commands.append(
                (action.title(key), partial(screen.action_triage, pane, action.name),
                 f"key {action.key.replace('plus', '+').replace('minus', '-')} on the {pane}")
            )  # fmt: skip
        for action in BY_PANE["new"]:
            commands.append(
                (f"New: {action.label.lower()}", partial(screen.action_triage, "new", action.name),
                 f"n then {action.key}")
            )  # fmt: skip
        commands.append(("Undo my last change", screen.action_undo, "u"))
        commands.append(("Filter this pane", screen.action_filter, "/"))
        return commands

    async def discover(self) -> Hits:
        for text, run, help_text in self._commands():
            yield DiscoveryHit(text, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, run, help_text in self._commands():
            if (score := matcher.match(text)) > 0:
                yield Hit(score, matcher.highlight(text), run, help=help_text)

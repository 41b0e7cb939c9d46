"""Every refusal the domain can give, each worded for the person who asked."""


class DomainError(Exception):
    """A command was refused; the message says what is wrong and what to do instead."""


class InvalidInput(DomainError):
    """A value is missing or malformed (a blank title, a key that is not a key)."""


class ItemNotFound(DomainError):
    pass


class KeyTaken(DomainError):
    """A new item was given a key that already names one."""


class WrongKind(DomainError):
    """A key names an item of another kind (a decision where a blocker was meant)."""


class EventBeforeHistory(DomainError):
    """An event would go back in time against the item's own history."""


class EventInFuture(DomainError):
    pass


class LinkBroken(DomainError):
    """A link points at an item that does not exist (yet, at that moment)."""


class NoChange(DomainError):
    """The event would change nothing (same owner, same severity)."""


class WorkstreamAlreadyClosed(DomainError):
    pass


class NotEscalated(DomainError):
    pass


class AlreadyEscalated(DomainError):
    pass


class DecisionAlreadyMade(DomainError):
    pass


class DecisionNotMade(DomainError):
    pass


class DecisionClosed(DomainError):
    """Withdrawn or superseded: nothing more happens to it."""


class BlockerAlreadyResolved(DomainError):
    pass


class BlockerNotResolved(DomainError):
    pass


class RitualAlreadyRetired(DomainError):
    pass


class ActionAlreadyClosed(DomainError):
    pass


class ConflictError(DomainError):
    """Someone else changed the same item at the same moment; nothing was written."""


class BackupRefused(DomainError):
    """A backup or a restore was refused; nothing was written."""


class ImportRejected(DomainError):
    """An import file has bad lines; nothing was written."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.source = source
        self.problems = problems
        count = len(problems)
        lines = "\n".join(f"{source}:{line}: {why}" for line, why in problems)
        super().__init__(
            f"{lines}\n{count} bad line{'s' if count != 1 else ''} in {source}; "
            "nothing was imported."
        )


class AdrsRejected(DomainError):
    """A folder of ADRs has files that cannot be read; nothing was imported."""

    def __init__(self, folder: str, problems: list[tuple[str, int, str]]):
        self.folder = folder
        self.problems = problems
        count = len({name for name, _, _ in problems})
        lines = "\n".join(f"{name}:{line}: {why}" for name, line, why in problems)
        super().__init__(
            f"{lines}\n{count} ADR{'s' if count != 1 else ''} refused in {folder}; "
            "nothing was imported."
        )

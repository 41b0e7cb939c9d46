"""`/`: narrowing a pane's rows — free words plus owner:, ws:, sev: and status: terms.

`sev:high bo checkout` keeps the high-severity rows that mention bo and
checkout. Every term must hold; words match anywhere in the row's text, terms
match the start of their field (`ws:w-1` is W-1 and W-12; `status:over`
is overdue), case-insensitively.
"""

from dataclasses import dataclass, field
from typing import Any

TERMS = ("owner", "ws", "sev", "status")


@dataclass(frozen=True)
class RowFilter:
    words: tuple[str, ...] = ()
    terms: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.words or self.terms)

    def matches(self, row: Any) -> bool:
        for term, wanted in self.terms.items():
            if not any(_starts(value, wanted) for value in _values(row, term)):
                return False
        if self.words:
            text = " ".join(str(v) for v in _searchable(row)).lower()
            return all(word in text for word in self.words)
        return True

    def unknown_to(self, row: Any) -> list[str]:
        """The terms this kind of row has no field for (sev: on decisions)."""
        return [term for term in self.terms if not _values(row, term, probe=True)]


def _starts(value: str, wanted: str) -> bool:
    """The value, or one of its words, starts with what was typed (owner:nasser)."""
    return value.startswith(wanted) or any(w.startswith(wanted) for w in value.split())


def parse_filter(text: str) -> RowFilter:
    words, terms = [], {}
    for part in text.lower().split():
        name, colon, value = part.partition(":")
        if colon and name in TERMS and value:
            terms[name] = value
        else:
            words.append(part)
    return RowFilter(tuple(words), terms)


def _values(row: Any, term: str, *, probe: bool = False) -> list[str]:
    """The row's values for a term, lower-cased; [] when the row has no such field."""
    found: list[Any] = []
    if term == "owner":
        found = [getattr(row, "owner", None)]
    elif term == "ws":
        # A workstream's own row is its workstream.
        found = [getattr(row, "workstream", None) or (row.key if hasattr(row, "state") else None)]
    elif term == "sev":
        found = [getattr(row, "severity", None) or getattr(row, "top_blocker_severity", None)]
        if probe and (hasattr(row, "severity") or hasattr(row, "top_blocker_severity")):
            return ["known"]
    elif term == "status":
        found = _statuses(row)
    return [str(v).lower() for v in found if v is not None]


def _statuses(row: Any) -> list[str]:
    """Every word the row's status goes by: its state, and what its flags say."""
    words = []
    for name in ("status", "state"):
        if (value := getattr(row, name, None)) is not None:
            words += [value, value.replace("_", " "), value.replace("_", "-")]
    for flag, word in (
        ("overdue", "overdue"),
        ("review_due", "review"),
        ("reopened", "reopened"),
        ("escalated", "escalated"),
        ("escalation_due", "due"),
        ("past_threshold", "past"),
        ("stale", "stale"),
    ):
        if getattr(row, flag, False):
            words.append(word)
    if hasattr(row, "severity"):  # a radar row: every blocker on it is open
        words.append("open")
    return words


def _searchable(row: Any) -> list[Any]:
    names = ("key", "title", "question", "owner", "workstream", "escalated_to",
             "next_decision_what", "top_blocker_title")  # fmt: skip
    return [getattr(row, name) for name in names if getattr(row, name, None)]

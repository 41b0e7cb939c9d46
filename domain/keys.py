"""Short, stable, human keys: W-3, D-12, B-7, R-2, A-40, N-5."""

import re
from functools import lru_cache

from domain.errors import InvalidInput, WrongKind

PREFIXES = {
    "workstream": "W",
    "decision": "D",
    "blocker": "B",
    "ritual": "R",
    "action": "A",
    "note": "N",
}
NOUNS = {prefix: noun for noun, prefix in PREFIXES.items()}

_KEY = re.compile(r"([A-Za-z])-([1-9][0-9]{0,8})")
# A key exactly as the store writes it (normalize_key's output).
WRITTEN_KEY = re.compile(rf"[{''.join(NOUNS)}]-[1-9][0-9]{{0,8}}")


@lru_cache(maxsize=65536)  # imports and replays see the same keys again and again
def with_article(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def normalize_key(text: str) -> str:
    """`b-7` → `B-7`; anything that is not a key is refused with an example."""
    match = _KEY.fullmatch(text.strip())
    if match is None or match.group(1).upper() not in NOUNS:
        raise InvalidInput(
            f"{text!r} is not an item key; keys look like W-3, D-12, B-7, R-2, A-40 or N-5."
        )
    return f"{match.group(1).upper()}-{match.group(2)}"


def noun_of(key: str) -> str:
    return NOUNS[key[0]]


def number_of(key: str) -> int:
    return int(key[2:])


def expect_kind(key: str, *nouns: str) -> str:
    """Normalize a key and check it names one of the given kinds of item."""
    key = normalize_key(key)
    if noun_of(key) not in nouns:
        wanted = " or ".join(with_article(noun) for noun in nouns)
        raise WrongKind(f"{key} is {with_article(noun_of(key))}, not {wanted}.")
    return key

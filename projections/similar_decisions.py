"""Which decisions asked much the same question before: by the words of the question.

Shown while a new decision is raised, so the room sees when a question was
already settled, and why. Words are weighted by how rare they are among all
the questions (a shared "pricing" says more than a shared "should"), and a
past decision scores by the weight it shares with the new question.
"""

import math
import re

import msgspec

from projections.decision_log import DecisionLog, DecisionRecord

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_COMMON = frozenset(
    "a an and are as at be by can do does for from has have how in is it of on or our "
    "should the this to we what when where which who why will with".split()
)
MIN_SCORE = 0.25  # below this the overlap is chance ("launch", alone, is not similar)


class Similar(msgspec.Struct, frozen=True, kw_only=True):
    score: float
    record: DecisionRecord


def words_of(text: str) -> frozenset[str]:
    return frozenset(
        word for word in _WORD.findall(text.lower()) if len(word) > 1 and word not in _COMMON
    )


class DecisionWords:
    """Every decision's question as words, built once; asked as the question is typed."""

    def __init__(self, log: DecisionLog):
        self.records = list(log.decisions.values())
        self.words = [words_of(record.question) for record in self.records]
        counts: dict[str, int] = {}
        for words in self.words:
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        total = len(self.records) + 1
        self.weight = {word: math.log(total / count) + 1 for word, count in counts.items()}

    def similar_to(self, question: str, *, limit: int = 3) -> list[Similar]:
        asked = words_of(question)
        if not asked:
            return []
        unseen = math.log(len(self.records) + 1) + 1  # a word no question has used
        asked_weight = sum(self.weight.get(word, unseen) for word in asked)
        found = []
        for record, words in zip(self.records, self.words, strict=True):
            shared = asked & words
            if not shared:
                continue
            # Shared weight against the larger of the two: a long question that
            # merely contains the new one's words scores lower than a close match.
            theirs = sum(self.weight[word] for word in words)
            score = sum(self.weight[word] for word in shared) / max(asked_weight, theirs)
            if score >= MIN_SCORE:
                found.append(Similar(score=round(score, 3), record=record))
        found.sort(key=lambda s: (-s.score, s.record.raised_at))
        return found[:limit]

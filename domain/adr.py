"""Architecture decision records (ADRs) read from Markdown, in MADR and Nygard forms.

A folder of ADRs becomes decisions with their dates and statuses: accepted →
made, superseded → made then superseded by the ADR it names, deprecated →
made then withdrawn, rejected → withdrawn, proposed → raised. Only numbered
files (`0001-title.md`) are ADRs; templates and indexes beside them are skipped.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from domain.errors import AdrsRejected, InvalidInput
from events import (
    DecisionMade,
    DecisionRaised,
    DecisionReopened,
    DecisionSuperseded,
    DecisionWithdrawn,
    Event,
    RejectedAlternative,
)

ADR_FILE = re.compile(r"^(\d+)-.+\.md$", re.IGNORECASE)
MADR_SECTIONS = {"context and problem statement", "considered options", "decision outcome"}
STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_META_LINE = re.compile(r"^\s*[*-]?\s*(status|date|deciders|decision-makers)\s*:\s*(.*)$", re.I)
_CHOSEN = re.compile(
    r'chosen option:\s*(?:"([^"]+)"|([^,\n]+))\s*(?:,\s*because\s*(.*))?$', re.I | re.S
)
_NUMBER_REFERENCE = re.compile(
    r"(?:\((?:\./)?(\d+)-[^)]*\.md\)|\badr[-\s]?0*(\d+)\b|^\s*\[?0*(\d+)\.)", re.I
)
_markdown = MarkdownIt("commonmark")


@dataclass
class Adr:
    """One ADR as written: the parts a decision record keeps."""

    file: str
    number: int
    title: str
    status: str  # one of STATUSES
    date: date
    superseded_by: int | None = None
    problem: str = ""
    context: str = ""
    options: list[str] = field(default_factory=list)
    choice: str = ""
    reasoning: str = ""
    rejected: dict[str, str] = field(default_factory=dict)  # option → grounds
    expected: str = ""
    deciders: list[str] = field(default_factory=list)

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.date, time(), tzinfo=UTC)


class UnreadableAdr(ValueError):
    """This file is not an ADR staffdeck can read; says where and why."""

    def __init__(self, line: int, why: str):
        super().__init__(why)
        self.line = line
        self.why = why


def adr_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(the numbered ADR files, the other Markdown files that are skipped), by name."""
    markdown = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".md" and p.is_file())
    return [p for p in markdown if ADR_FILE.match(p.name)], [
        p for p in markdown if not ADR_FILE.match(p.name)
    ]


def read_folder(folder: Path) -> tuple[list[Adr], list[Path]]:
    """Every ADR in `folder`, and the Markdown files skipped as not ADRs.
    AdrsRejected names every file that cannot be read, and why."""
    files, skipped = adr_files(folder)
    if not files:
        raise InvalidInput(
            f"{folder} has no ADR files (Markdown files named NUMBER-title.md, "
            "as 0001-record-architecture-decisions.md)."
        )
    adrs: list[Adr] = []
    problems: list[tuple[str, int, str]] = []
    for path in files:
        try:
            adrs.append(read_adr(path.name, path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            problems.append((path.name, 1, "not UTF-8 text"))
        except UnreadableAdr as error:
            problems.append((path.name, error.line, error.why))
    numbers: dict[int, str] = {}
    for adr in adrs:
        if adr.number in numbers:
            problems.append((adr.file, 1, f"ADR {adr.number} is also {numbers[adr.number]}"))
        numbers.setdefault(adr.number, adr.file)
    for adr in adrs:
        if adr.superseded_by is not None and adr.superseded_by not in numbers:
            problems.append(
                (adr.file, 1, f"superseded by ADR {adr.superseded_by}, which is not in {folder}")
            )
    if problems:
        raise AdrsRejected(str(folder), sorted(problems))
    return adrs, skipped


def read_adr(name: str, text: str) -> Adr:
    """The ADR in `text` (MADR 2–4 or Nygard); UnreadableAdr says what is wrong."""
    match = ADR_FILE.match(name)
    if match is None:
        raise UnreadableAdr(1, "ADR files are named NUMBER-title.md, as 0001-use-postgres.md")
    meta, body, offset = _front_matter(text)
    title, sections, preamble = _sections(body, offset)
    for line, (key, value) in _meta_lines(preamble):
        meta.setdefault(key, (line, value))
    status_line, status_text = meta.get("status") or sections.get("status", (0, ""))
    if not status_text.strip():
        raise UnreadableAdr(
            1,
            "no status: give one (proposed, accepted, rejected, deprecated, "
            "superseded by ADR-NNNN) in a Status section or `status:` line",
        )
    status, superseded_by = _status(status_text, status_line)
    date_line, date_text = meta.get("date") or sections.get("date", (0, ""))
    adr = Adr(
        file=name,
        number=int(match.group(1)),
        title=_numbered_title(title),
        status=status,
        date=_day(date_text, date_line),
        superseded_by=superseded_by,
    )
    _deciders(adr, meta)
    _contents(adr, sections)
    if status in ("accepted", "superseded", "deprecated") and not adr.choice:
        line = sections.get("decision", sections.get("decision outcome", (1, "")))[0]
        raise UnreadableAdr(
            line,
            f"it is {status} but says no decision: add a Decision (or Decision Outcome) section",
        )
    return adr


# ---- the parts of the file -------------------------------------------------------


def _front_matter(text: str) -> tuple[dict[str, tuple[int, str]], str, int]:
    """MADR 3+ front matter (YAML between --- lines): its fields, the rest, and
    how many lines came before the rest."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text, 0
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise UnreadableAdr(1, "the front matter opened with --- is never closed") from None
    try:
        fields = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        why = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise UnreadableAdr(line, f"the front matter is not valid YAML: {why}") from error
    if not isinstance(fields, dict):
        raise UnreadableAdr(2, "the front matter should be `name: value` lines")
    meta = {}
    for name, value in fields.items():
        name = str(name).lower()
        line = next((i + 1 for i, t in enumerate(lines[:end]) if t.lower().startswith(name)), 2)
        key = "deciders" if name == "decision-makers" else name
        meta[key] = (line, ", ".join(map(str, value)) if isinstance(value, list) else str(value))
    return meta, "\n".join(lines[end + 1 :]), end + 1


def _sections(
    body: str, offset: int
) -> tuple[str, dict[str, tuple[int, str]], list[tuple[int, str]]]:
    """The title (first level-1 heading), each section's text by its lowercased
    heading (with the line it starts on), and the lines before the first section."""
    lines = body.splitlines()
    headings = [
        (
            token.map[0],
            int(token.tag[1]),
            _markdown.parseInline(lines[token.map[0]].lstrip("#").strip())[0].content,
        )
        for token in _markdown.parse(body)
        if token.type == "heading_open" and token.map is not None
    ]
    title = next((text for _, level, text in headings if level == 1), "")
    if not title:
        raise UnreadableAdr(offset + 1, "no title: an ADR starts with a `# Title` heading")
    sections: dict[str, tuple[int, str]] = {}
    starts = [start for start, _, _ in headings]
    for index, (start, level, text) in enumerate(headings):
        if level == 1:
            continue
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        # A level-2 section runs on through its level-3 parts (Consequences inside Outcome).
        if level == 2:
            end = next((s for s, lv, _ in headings[index + 1 :] if lv <= 2), len(lines))
        # Its line is where its text starts: what a problem in it points at.
        first = next((i for i in range(start + 1, end) if lines[i].strip()), start)
        body = "\n".join(lines[start + 1 : end]).strip()
        sections.setdefault(text.strip().lower(), (offset + first + 1, body))
    first_section = next((start for start, level, _ in headings if level > 1), len(lines))
    title_line = next((start for start, level, _ in headings if level == 1), 0)
    preamble = [(offset + i + 1, lines[i]) for i in range(title_line + 1, first_section)]
    return title, sections, preamble


def _meta_lines(preamble: list[tuple[int, str]]) -> list[tuple[int, tuple[str, str]]]:
    """MADR 2's "* Status: accepted" list and Nygard's "Date: …" line under the title."""
    found = []
    for line, text in preamble:
        if match := _META_LINE.match(text):
            key = match.group(1).lower()
            found.append((line, ("deciders" if key == "decision-makers" else key, match.group(2))))
    return found


def _status(text: str, line: int) -> tuple[str, int | None]:
    first = next(t for t in text.strip().splitlines() if t.strip()).strip().strip("*_").lower()
    status = next((s for s in STATUSES if first.startswith(s)), None)
    if status is None:
        raise UnreadableAdr(
            line,
            f"unknown status {first!r}: use proposed, accepted, rejected, "
            "deprecated or superseded by ADR-NNNN",
        )
    if status != "superseded":
        return status, None
    numbers = [
        int(next(g for g in m.groups() if g))
        for m in _NUMBER_REFERENCE.finditer(first[len("superseded by") :])
    ]
    if not numbers:
        raise UnreadableAdr(
            line,
            "it is superseded but does not say by which ADR "
            "(superseded by [ADR-0005](0005-title.md))",
        )
    return status, numbers[0]


def _day(text: str, line: int) -> date:
    match = _DATE.search(text)
    if match is None:
        where = f" ({text.strip()!r} is not YYYY-MM-DD)" if text.strip() else ""
        raise UnreadableAdr(
            line or 1,
            f"no date{where}: give one as `date: YYYY-MM-DD` or "
            "a `Date: YYYY-MM-DD` line under the title",
        )
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise UnreadableAdr(line, f"{match.group(1)} is not a date") from None


def _numbered_title(title: str) -> str:
    """Nygard titles carry their number: "1. Record architecture decisions"."""
    return re.sub(r"^(?:adr[-\s]?)?\d+[.:]?\s+", "", title.strip(), flags=re.I) or title.strip()


def _deciders(adr: Adr, meta: dict[str, tuple[int, str]]) -> None:
    _, text = meta.get("deciders", (0, ""))
    adr.deciders = [name.strip() for name in re.split(r"[,;]", text.strip("[] ")) if name.strip()]


def _contents(adr: Adr, sections: dict[str, tuple[int, str]]) -> None:
    text = {heading: body for heading, (_, body) in sections.items()}
    if MADR_SECTIONS & text.keys():
        adr.problem = text.get("context and problem statement", "")
        adr.context = text.get("decision drivers", "")
        adr.options = [o.strip('"') for o in _bullets(text.get("considered options", ""))]
        _madr_outcome(adr, text.get("decision outcome", ""))
        _madr_grounds(adr, sections)
    else:  # Nygard: Context, Decision, Consequences
        adr.context = text.get("context", "")
        decision = text.get("decision", "")
        adr.choice = _paragraphs(decision)[0] if decision else ""
        adr.reasoning = decision
    adr.expected = adr.expected or text.get("consequences", "")


def _madr_outcome(adr: Adr, outcome: str) -> None:
    """'Chosen option: "X", because Y' and what follows; ### parts are consequences."""
    main, *parts = re.split(r"^###\s+", outcome, flags=re.M)
    paragraphs = _paragraphs(main)
    if match := _CHOSEN.search(paragraphs[0]):
        adr.choice = (match.group(1) or match.group(2)).strip()
        adr.reasoning = "\n\n".join(
            p for p in [(match.group(3) or "").strip(), *paragraphs[1:]] if p
        )
    elif paragraphs[0]:
        adr.choice = paragraphs[0]
        adr.reasoning = "\n\n".join(paragraphs)
    adr.reasoning = adr.reasoning or f"Recorded in {adr.file} without its reasons."
    consequences = []
    for part in parts:
        heading, _, body = part.partition("\n")
        label = "" if heading.strip().lower() == "consequences" else f"{heading.strip()}:\n"
        if body.strip():
            consequences.append(label + body.strip())
    adr.expected = "\n\n".join(consequences)


def _madr_grounds(adr: Adr, sections: dict[str, tuple[int, str]]) -> None:
    """Each option not chosen, with its "Bad, because …" points as grounds."""
    for option in adr.options:
        if option.lower() == adr.choice.lower() or not adr.choice:
            continue
        _, body = sections.get(option.strip().lower(), (0, ""))
        against = [
            re.sub(r"^(?:bad|con)\b[,:]?\s*(?:because\s+)?", "", b, flags=re.I)
            for b in _bullets(body)
            if b.lower().startswith(("bad", "con"))
        ]
        adr.rejected[option] = "; ".join(against) or "Not chosen; the ADR gives no grounds."


def _bullets(text: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"^\s*[*-]\s+(.+)$", text, flags=re.M)]


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()] or [""]


# ---- into events ---------------------------------------------------------------------


def adr_events(
    adrs: list[Adr], first_number: int, *, workstream: str, owner: str, actor: str
) -> list[tuple[str, Event]]:
    """(the ADR's file, an event) for every ADR, numbered D-first_number on in
    ADR order; supersessions come last, once every decision they name exists."""
    adrs = sorted(adrs, key=lambda adr: adr.number)
    keys = {adr.number: f"D-{first_number + i}" for i, adr in enumerate(adrs)}
    by_number = {adr.number: adr for adr in adrs}
    events: list[tuple[str, Event]] = []
    closing: list[tuple[str, Event]] = []
    for adr in adrs:
        key, at = keys[adr.number], adr.moment
        stamp = {"key": key, "at": at, "actor": actor}
        origin = f"Imported from ADR {adr.number:04d} ({adr.file})."
        raised = DecisionRaised(
            **stamp,
            question=adr.title,
            workstream=workstream,
            owner=adr.deciders[0] if adr.deciders else owner,
            problem=adr.problem,
            context="\n\n".join(part for part in (adr.context, origin) if part),
            options=tuple(dict.fromkeys(adr.options)),
            deciders=tuple(adr.deciders),
        )
        events.append((adr.file, raised))
        if adr.status in ("accepted", "superseded", "deprecated"):
            made = DecisionMade(
                **stamp,
                choice=adr.choice,
                reasoning=adr.reasoning,
                rejected=tuple(RejectedAlternative(o, g) for o, g in adr.rejected.items()),
                expected=adr.expected,
                decided_by=tuple(adr.deciders),
            )
            events.append((adr.file, made))
        if adr.status == "deprecated":
            why = f"Deprecated in ADR {adr.number:04d}."
            events.append((adr.file, DecisionReopened(**stamp, why=why)))
            events.append((adr.file, DecisionWithdrawn(**stamp, why=why)))
        elif adr.status == "rejected":
            why = f"Rejected in ADR {adr.number:04d}."
            events.append((adr.file, DecisionWithdrawn(**stamp, why=why)))
        elif adr.status == "superseded":
            successor = by_number.get(adr.superseded_by)  # checked by read_folder
            assert successor is not None
            when = max(at, successor.moment)
            closing.append(
                (
                    adr.file,
                    DecisionSuperseded(key=key, at=when, actor=actor, by=keys[successor.number]),
                )
            )
    return events + closing

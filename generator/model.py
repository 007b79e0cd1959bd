"""The transcript model: small frozen dataclasses passed between stages. Imports nothing of ours."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional, Union


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input, reported as ``file:line: message``."""

    file: str
    """The input file's name as given on the command line (or relative to the input dir)."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    message: str
    """What was found, what was expected, and how to fix it."""
    severity: str = "error"
    """``error`` refuses the input; ``warning`` is reported but the input still builds."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class SourceLine:
    """One line of decoded, normalised input text with its original 1-based line number."""

    number: int
    text: str


@dataclass(frozen=True)
class RawDocument:
    """A decoded transcript file: the output of the read stage."""

    file: str
    """File name relative to the input folder, '/'-separated."""
    stem: str
    """File name without its extension; the basis of the transcript id."""
    lines: tuple[SourceLine, ...]
    encoding: str
    sidecar: Optional["Sidecar"] = None


@dataclass(frozen=True)
class Sidecar:
    """Curator-supplied metadata from ``<stem>.meta.yaml`` next to a transcript."""

    file: str
    title: Optional[str] = None
    date: Optional[str] = None
    place: Optional[str] = None
    source: Optional[str] = None
    kind: Optional[str] = None
    note: Optional[str] = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text, exactly as written in the source."""

    text: str
    line: int
    kind: str = "speech"
    """``speech`` (inside a turn), ``narration``, ``summary`` or ``editorial`` (e.g. an elision mark)."""
    anchor: str = ""


@dataclass(frozen=True)
class Turn:
    """One speaker turn: a label and the paragraphs that follow it."""

    label: str
    """The speaker label exactly as written, without the colon."""
    name: str
    """The personal-name part of the label ("Alexander Lukashenko")."""
    role: str
    """The role part of the label ("President of the Republic of Belarus"), or ''."""
    affiliation: str
    """An outlet or organisation given with the label ("STV Channel"), or ''."""
    line: int
    paragraphs: tuple[Paragraph, ...]
    speaker: str = ""
    """The resolved person id (filled by the enrich stage)."""
    anchor: str = ""
    carried: bool = False
    """The source has no label here: the speaker of the part before a '* * *' goes on under it,
    and ``label`` is their name as the parser carried it over, not words of the source."""


@dataclass(frozen=True)
class Heading:
    """A heading inside a transcript: a section title or an article's headline."""

    text: str
    line: int
    anchor: str = ""


Block = Union[Turn, Paragraph]


@dataclass(frozen=True)
class Section:
    """A run of blocks under an optional heading; '* * *' separators and headings start sections."""

    heading: Optional[Heading]
    blocks: tuple[Block, ...]
    separator_line: int = 0
    """Line of the '* * *' separator that opened this section, or 0."""


@dataclass(frozen=True)
class Field:
    """A metadata value and where it came from (``text``, ``sidecar``, ``derived`` or ``none``)."""

    value: Optional[str]
    origin: str
    line: int = 0
    note: str = ""
    written: str = ""
    """The value exactly as written in the text (e.g. "June 8, 2016"), when it came from the text."""


@dataclass(frozen=True)
class Transcript:
    """A parsed transcript: metadata, summary and sections. The output of the parse stage."""

    id: str
    file: str
    title: Field
    date: Field
    place: Field
    source: Field
    kind: str
    summary: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    boilerplate: tuple[SourceLine, ...] = ()
    """Lines recognised as site furniture and left out of the page."""
    elided: bool = False

    def turns(self) -> list[Turn]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Turn)]

    def headings(self) -> list[Heading]:
        return [s.heading for s in self.sections if s.heading is not None]


@dataclass(frozen=True)
class Role:
    """A role a person held, with the span of dates it was seen or curated."""

    role: str
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass(frozen=True)
class Person:
    """A person known to the registry or discovered in a transcript."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str = ""
    curated: bool = False
    generic: bool = False
    """A label that names no person ("Question"): kept as a speaker, left out of "appears with"."""


@dataclass(frozen=True)
class Topic:
    """A topic from the curated taxonomy."""

    id: str
    label: str
    description: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class TopicHit:
    """One paragraph where a topic's phrase occurs."""

    topic: str
    transcript: str
    anchor: str
    speaker: str
    """Person id, or '' for narration."""
    text: str
    phrase: str
    start: int
    """Offset of the matched phrase in ``text``."""


@dataclass(frozen=True)
class TaggedTopic:
    """A topic assigned to a transcript with its weight."""

    topic: str
    hits: int
    paragraphs: int
    weight: float


@dataclass(frozen=True)
class Entry:
    """A transcript with everything the enrich stage adds: resolved speakers, topics, neighbours."""

    transcript: Transcript
    page: str
    """URL of the page relative to the site root, e.g. ``transcripts/000-e1b8/``."""
    src_uri: str
    """Path of the generated Markdown file inside the docs dir, '/'-separated."""
    speakers: tuple[str, ...]
    """Person ids in order of first appearance."""
    topics: tuple[TaggedTopic, ...]
    hits: tuple[TopicHit, ...]
    previous: Optional[str] = None
    next: Optional[str] = None
    related: tuple[str, ...] = ()

    def own(self) -> tuple[object, ...]:
        """The entry without its links to other transcripts (previous, next, related): what its
        downloads, its record in ``archive.json`` and its rows in lists are made from, for the
        watch loop's cache (one tuple per entry, made once)."""
        return self._own

    @cached_property
    def _own(self) -> tuple[object, ...]:
        return self.transcript, self.page, self.src_uri, self.speakers, self.topics, self.hits


@dataclass(frozen=True)
class Archive:
    """The whole enriched archive: the output of the enrich stage, the input of render."""

    entries: tuple[Entry, ...]
    """In chronological order; undated transcripts last, by id."""
    people: tuple[Person, ...]
    topics: tuple[Topic, ...]
    problems: tuple[Problem, ...] = field(default=())
    relations: object = field(default=None, compare=False, repr=False)
    """What the related transcripts were chosen from (``chronology.Relations``): the watch loop
    hands it to the next ``combine``, which then chooses again only where an edit can matter."""

    @cached_property
    def people_by_id(self) -> dict[str, Person]:
        """Person id -> person, built once per archive (``cached_property`` works on a frozen dataclass)."""
        return {p.id: p for p in self.people}

"""Parse stage: RawDocument -> Transcript (metadata, summary, sections, turns, paragraphs).

The parser never drops text: every line is either recognised site boilerplate (kept in
``Transcript.boilerplate``), metadata (title, date line, breadcrumb), a heading, a speaker label
or paragraph text. Unknown shapes fall back to narration.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from .model import Field, Heading, Paragraph, Problem, RawDocument, Section, SourceLine, Transcript, Turn
from .slugs import slugify

# --------------------------------------------------------------------------------------------
# Shapes: the curated vocabulary the parser needs, as plain data (loaded from data/shapes.yaml).


@dataclass(frozen=True)
class Shapes:
    """Vocabulary for recognising line shapes."""

    boilerplate: dict[str, str] = field(default_factory=dict)
    """Casefolded line -> source website it reveals ('' when it reveals none)."""
    generic_labels: frozenset[str] = frozenset()
    """Casefolded labels that name no person ("question")."""
    outlet_words: frozenset[str] = frozenset()
    """Casefolded words naming a kind of outlet ("channel") or an outlet ("kommersant")."""
    outlet_names: frozenset[str] = frozenset()
    """Casefolded outlets' own names ("kommersant", "tass"): one names an outlet alone."""
    known_names: frozenset[str] = frozenset()
    """Casefolded single-word aliases from the speaker registry ("putin"), accepted as labels."""
    long_names: frozenset[tuple[str, ...]] = frozenset()
    """Casefolded words of the registry's names of three words or more ("recep tayyip erdogan"):
    a label ending in one of them names that person in full."""
    places: frozenset[str] = frozenset()
    """Casefolded places that may stand alone on the line under a date ("sochi", "the kremlin")."""

    @functools.cached_property
    def longest_boilerplate(self) -> int:
        """The length of the longest boilerplate line (a paragraph four times as long is none)."""
        return max(map(len, self.boilerplate), default=0)


# --------------------------------------------------------------------------------------------
# Dates

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DASH = r"\s+[-–—]\s+"
"""A spaced dash between the date, the time and the place: 'May 8, 2021 - 18:10 - The Kremlin, Moscow'."""
_ZONE = r"(?:\s+(?:MSK|GMT|UTC|CET|CEST|EET|EEST|Moscow\s+time|Minsk\s+time))?"
"""A time zone written after the time ('March 12, 2015, 14:00 MSK'): part of the time, never a place."""
_PIPE = r"\s+\|\s+"
"""president.gov.by's bar between the date and the time: '7 December 2026 | 14:05'."""
_AM_PM = r"(?:\s*[ap]\.?m\.?(?!\w))?"
"""'2:30 pm', '2:30 p.m.': part of the time."""
_TIME = rf"(?:(?:,\s*|{_DASH}|{_PIPE}|\s+)\d{{1,2}}:\d{{2}}{_AM_PM}{_ZONE})?"
_PLACE_SEP = re.compile(rf",\s*|{_DASH}|{_PIPE}")
_TIME_LINE = re.compile(r"^\d{1,2}:\d{2}$")
_ENDS_IN_TIME = re.compile(rf"\d:\d{{2}}{_AM_PM}{_ZONE}$", re.I)
_PLACE_PARTICLES = frozenset("of the on upon de la le del am an der and".split())
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "понедельник вторник среда четверг пятница суббота воскресенье".split()
)
_WEEKDAY = rf"(?:(?:{'|'.join(sorted(_WEEKDAYS))}|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?),?\s+)?"
"""An optional weekday before the date: 'Tuesday, 17 October 2023', 'Mon, 4 March 2019'."""
_DATE_PATTERNS = [
    # June 8, 2016 / June 8 2016
    re.compile(rf"^{_WEEKDAY}(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}){_TIME}", re.I),
    # 8 June 2016 / 18 февраля 2022 года / 18 февраля 2022 г.
    re.compile(
        rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})(?:\s+(?:года|г\.))?{_TIME}",
        re.I,
    ),
    # 2016-06-08
    re.compile(rf"^(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}}){_TIME}"),
    # 08.06.2016 (day first, as on Russian and Belarusian pages)
    re.compile(rf"^(?P<day>0[1-9]|[12]\d|3[01])\.(?P<month>0[1-9]|1[0-2])\.(?P<year>\d{{4}}){_TIME}"),
]


_LEAD_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:,\s*|\s+[-–—|]\s+)(?=\D)")
"""A time written before the date ('14:00, July 21, 2020, Moscow')."""
_DATE_MARKER = re.compile(r"^date:?\s+(?=\d)", re.I)
"""The word a site writes before the date ('date 2025-04-25')."""


@dataclass(frozen=True)
class DateLine:
    """A recognised 'date, place' line."""

    raw: str
    year: int
    month: int
    day: int
    place: str
    valid: bool
    error: str = ""
    written: str = ""
    """The date part of the line as written, without the place."""
    place_line: int = 0
    """The line number of a place written on a line of its own under the date (0: on the date line)."""

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


_RANGE_PATTERNS = [
    # June 8–9, 2016 / June 30 – July 1, 2022
    re.compile(
        rf"^(?P<weekday>{_WEEKDAY})(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})\s*[–—-]\s*"
        rf"(?:(?:{_MONTH_RE})\.?\s+)?\d{{1,2}}(?P<year>,?\s+\d{{4}})",
        re.I,
    ),
    # 8–9 June 2016 / 30 June – 1 July 2022
    re.compile(
        rf"^(?P<weekday>{_WEEKDAY})(?P<day>\d{{1,2}})(?:\s+(?P<month>{_MONTH_RE})\.?)?\s*[–—-]\s*\d{{1,2}}\s+"
        rf"(?P<month2>{_MONTH_RE})\.?(?P<year>,?\s+\d{{4}})",
        re.I,
    ),
]
"""A range of days, which a visit or a summit over two days is dated with: the first day is the
date, and the range is kept as written."""
_RANGE_END = re.compile(
    rf"\s*[–—-]\s*(?:(?:{_MONTH_RE})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH_RE})\.?,?\s+\d{{4}})", re.I
)
"""The second date of a range across a year's end: 'December 31, 1999 – January 1, 2000'."""


def _date_range(stripped: str) -> Optional[DateLine]:
    """A date line that opens with a range of days ('June 8–9, 2016, Minsk'), read as its first day."""
    for pattern in _RANGE_PATTERNS:
        m = pattern.match(stripped)
        if m is None:
            continue
        month = m.group("month") or m.group("month2")
        if m.groupdict().get("month2") is not None:
            first = f"{m.group('weekday')}{m.group('day')} {month}{m.group('year')}"
        else:
            first = f"{m.group('weekday')}{month} {m.group('day')}{m.group('year')}"
        found = parse_date_line(first + stripped[m.end():])
        if found is None:
            return None
        return replace(found, raw=stripped, written=stripped[: m.end()])
    return None


def parse_date_line(text: str) -> Optional[DateLine]:
    """Recognise a line that is only a date, optionally followed by a time and ', Place'. A range
    of days ('June 8–9, 2016', '30 June – 1 July 2022') is dated by its first day."""
    stripped = text.strip()
    marker = _DATE_MARKER.match(stripped) if stripped[:1] in "dD" else None
    if marker:  # president.gov.by's 'date 2025-04-25': the word stays in the date as written
        found = parse_date_line(stripped[marker.end():])
        return None if found is None else replace(found, raw=stripped, written=stripped[:marker.end()] + found.written)
    ranged = _date_range(stripped)
    if ranged is not None:
        return ranged
    lead_time = _LEAD_TIME.match(stripped) if stripped[:1].isdigit() else None
    if lead_time:  # '14:00, July 21, 2020, Moscow': the time before the date
        found = parse_date_line(stripped[lead_time.end():])
        return None if found is None else replace(found, raw=stripped, written=stripped[:lead_time.end()] + found.written)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(stripped)
        if not m:
            continue
        date_end = m.end()
        across = _RANGE_END.match(stripped, date_end)
        if across and not _ENDS_IN_TIME.search(stripped[:date_end]):
            date_end = across.end()  # 'December 31, 1999 – January 1, 2000'
        rest = stripped[date_end:]
        place = ""
        if rest:
            sep = _PLACE_SEP.match(rest)
            if sep is None and rest[0].isspace() and _ENDS_IN_TIME.search(stripped[: m.end()]):
                # The Kremlin's date and time ('March 4, 2022, 12:30', in older pages 'August 12,
                # 2008 19:30') run together with the place below them in a dump: 'March 4, 2022,
                # 12:30 Novo-Ogaryovo, Moscow Region', 'August 12, 2008 19:30 Moscow'. Only after a
                # time, and only capitalised place words: 'May 9, 2021, 10:00 The parade began',
                # 'June 8, 2016 18:10 Putin arrived' and 'June 8, 2016 Moscow' are no date lines.
                sep = re.match(r"\s+", rest) if _place_line(rest, after_time=True) else None
            if sep is None:
                return None
            if "," not in sep.group() and not _ENDS_IN_TIME.search(stripped[: m.end()]):
                return None  # a dash without a time: "May 9, 2021 – Military Parade on Red Square"
            place = rest[sep.end():].strip()
            if not _looks_like_place(place):
                return None
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        year, day = int(m.group("year")), int(m.group("day"))
        try:
            _dt.date(year, month, day)
        except ValueError:
            written = stripped[:date_end]
            return DateLine(stripped, year, month, day, place, False, f"impossible date '{written}'", written)
        return DateLine(stripped, year, month, day, place, True, "", stripped[:date_end])
    return _place_first_date_line(stripped)


_LEADING_PLACE = re.compile(rf"^(?P<place>[^\d]{{2,80}}?),\s+(?=\d|(?:{_MONTH_RE})\.?\s)", re.I)


def _place_first_date_line(stripped: str) -> Optional[DateLine]:
    """The place before the date, as president.gov.by and older pages write a dateline: 'Minsk, 5
    March 2021', 'The Kremlin, Moscow, March 5, 2010, 14:00'. Only capitalised place words (at most
    six) before a whole date line that names no place of its own: 'Good news, 5 March 2021' and 'In
    Minsk, 5 March 2021' are prose."""
    m = _LEADING_PLACE.match(stripped)
    if m is None or not _place_line(m.group("place"), after_time=True):
        return None
    if m.group("place").split()[0].casefold() in _QUOTING:
        return None  # 'In Minsk, 5 March 2021' is a sentence's start
    found = parse_date_line(stripped[m.end():])
    if found is None or found.place:
        return None
    return replace(found, raw=stripped, place=m.group("place").strip())


def _place_line(text: str, after_time: bool) -> bool:
    """A line that is only a place, as the Kremlin's pages put it under a date and a time written
    on lines of their own ('The Kremlin, Moscow'): at most six capitalised words, no closing
    punctuation. Without a time line above it, it must name a place within a place, with a comma
    ('Circular Hall, The Kremlin, Moscow'): a short heading under a date ('Opening Remarks',
    'Excerpts') stays in the text."""
    stripped = text.strip()
    words = stripped.replace(",", " ").split()
    if not words or len(words) > 6 or not _looks_like_place(stripped) or stripped.endswith(TERMINAL):
        return False  # 'Colleagues,' under a date opens the speech: a place line ends in a word
    if not after_time and "," not in stripped:
        return False
    if words[0].casefold() == "dear" or any(w.casefold() in _NOT_A_PLACE for w in words):
        return False  # a salutation that lost its comma: 'Dear Veterans, Comrades'
    return all(w[0].isupper() or w[0].isdigit() or w in _PLACE_PARTICLES for w in words)


_NOT_A_PLACE = frozenset(
    """excerpts excerpt transcript transcripts introduction summary abstract contents agenda preamble
    background text video videos photo photos gallery audio documents document attachments update updates
    statement statements speech speeches address remarks interview interviews opening closing conclusion
    conclusions beginning continuation end part section chapter appendix note notes announcement news
    events greetings greeting message messages results resolution topics topic participants programme
    program schedule colleagues friends comrades ladies gentlemen everyone welcome hello goodbye
    unofficial official translation overview""".split()
)
"""One-word headings and first words of speech that may stand under a date: never a place."""
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ship", "ings", "ance", "ence", "ity", "ism")


_HEADING_WORDS = frozenset(
    """meeting meetings session sessions conference conferences talks visit visits ceremony forum summit
    briefing reception concert parade event line time day days year years week hour minutes minute press
    joint plenary full direct working official expanded extended restricted narrow bilateral live final
    brief main general concluding introductory written edited partial complete short long selected key
    first second third year's highlights fragment fragments version more useful links details related
    materials latest see also read further contacts""".split()
)
"""Words of a short heading under a date ('Plenary Session', 'Joint Statement', 'Full Text',
'Working Meeting', 'Direct Line'): never a word of a place written without a comma."""
_GIVEN_NAMES = frozenset(
    """vladimir alexander aleksandr alyaksandr dmitry dmitri sergei sergey andrei andrey nikolai mikhail
    yury yuri igor oleg viktor valentina tatyana olga yelena elena anna maria natalya irina svetlana
    anton denis maxim boris pavel pyotr ivan alexei alexey roman kirill ramzan ilham kassym-jomart
    emomali shavkat sadyr nursultan mikheil george joseph emmanuel angela gerhard jacques
    masha dasha sasha pasha misha natasha lena katya olya anya vanya kolya marat ruslan timur artyom artem
    nikita daniil yegor ilya polina sofia sofya alina arina varvara ksenia kseniya yulia ekaterina yekaterina
    daria darya veronika valeria alisa galina lyudmila marina nadezhda lyubov vera larisa oksana""".split()
)
"""Frequent given names: a line of two or three words opening with one is a person, not a place."""


def _place_word(word: str, shapes: Shapes) -> bool:
    """A word that may be (part of) a place's name: capitalised letters (a hyphen or an apostrophe
    inside: 'Novo-Ogaryovo'), and no heading word, first word of speech, generic label, month, role
    word or word of a sentence."""
    if not re.fullmatch(r"[A-ZА-ЯЁІЎ][A-Za-zА-Яа-яЁёІіЎў'’\-]{1,29}", word) or word[-1] in "-'’":
        return False
    key = word.casefold()
    if key in _NOT_A_PLACE or key in MONTHS or key in _SENTENCE_WORDS or key in _DISCOURSE or key in _QUOTING:
        return False
    if key in shapes.generic_labels or key in _ROLE_WORDS or key in _NOT_ROLE_START or key in _NUMBER_WORDS:
        return False
    if key in _WEEKDAYS or key in _HONORIFICS or key in _HEADING_WORDS:
        return False
    if len(key) > 4 and key.endswith("ed"):
        return False  # 'Distinguished Guests', 'Esteemed Colleagues'
    return not key.endswith(_ABSTRACT_ENDINGS)


def _short_place(text: str, shapes: Shapes, named: bool = True) -> bool:
    """A place of one to three words on its own line right under a date line written alone
    ('March 5, 2010' / 'Sochi', 'Nizhny Novgorod', 'St Petersburg'), with something after it: each
    word a place word (``_place_word``; 'of', 'on' and the like between them). Not a short heading
    or a first line of speech ('Excerpts', 'Introduction', 'Colleagues', 'Opening Remarks', 'Joint
    Statement', 'Plenary Session', 'Full Text', 'Part One', 'Dear Friends'), a person ('Vladimir
    Putin', a known surname), nor a word of three letters or fewer alone. And a place by name: one
    of the curated places (``shapes.places``), a region ('Tula Region') or a word that ends like a
    place name ('Novosibirsk', 'Kaliningrad', 'Nizhny Novgorod', 'Zavidovo'): a word that merely
    could be one ('Morning', 'Congratulations', 'Valdai Club') stays in the text, unless a speaker's
    label comes right under it (``named`` False): 'April 9, 2002' / 'Weimar' / 'VLADIMIR PUTIN: …'."""
    words = text.strip().split()
    if not 1 <= len(words) <= 3:
        return False
    if not _named_place(words, shapes) and (named or any(
        w.casefold().rstrip("s").endswith(_ABSTRACT_ENDINGS + ("ing",)) or w.casefold() in _ORG_NOUNS
        or w.casefold() in ("club", "works", "plant", "factory") for w in words
    )):
        return False  # with a label under it, still not 'Congratulations', 'Morning' nor 'State Council'
    if len(words) == 1:
        return len(words[0]) >= 3 and _place_word(words[0], shapes)
    if words[0] in ("The", "St", "St."):
        words = words[1:]  # 'The Kremlin', 'St Petersburg'
    if words[0] in _PLACE_PARTICLES or words[-1] in _PLACE_PARTICLES:
        return False
    names = [w for w in words if w not in _PLACE_PARTICLES]
    if not names or not all(_place_word(w, shapes) for w in names):
        return False
    folded = [w.casefold() for w in names]
    if folded[0] in _GIVEN_NAMES or any(w in shapes.known_names for w in folded) or _PATRONYMIC.search(folded[-1]):
        return False  # 'Vladimir Putin', 'Dmitry Medvedev' on a line of their own: a byline, no place
    return True


_PLACE_NOUNS = frozenset("region oblast krai territory republic district province governorate".split())
"""The last word of a region's name written without a comma: 'Tula Region', 'Minsk Oblast'."""
_PLACE_ENDINGS = ("sk", "grad", "gorod", "burg", "ovo", "evo", "pol", "kent", "abad")
"""Endings of Russian, Belarusian and Central Asian place names: 'Minsk', 'Kaliningrad',
'Yekaterinburg', 'Novo-Ogaryovo', 'Sevastopol', 'Tashkent'."""
_NOT_PLACE_ENDINGS = frozenset("kiosk brisk whisk flask".split())


def _named_place(words: list[str], shapes: Shapes) -> bool:
    """Whether a short line names a place: a curated place, a region, or a place name's ending."""
    if " ".join(words).casefold() in shapes.places:
        return True
    last = words[-1].casefold()
    if len(words) > 1 and last in _PLACE_NOUNS:
        return True
    return len(last) >= 5 and last.endswith(_PLACE_ENDINGS) and last not in _NOT_PLACE_ENDINGS


_REMOTE_PLACE = re.compile(
    r"(?:(?:via|by|in)\s+)?(?:videoconference|video\s+conference|video\s?link|teleconference|"
    r"telephone|phone|videoconference\s+format|video\s+format|online)",
    re.I,
)
"""Where a meeting held at a distance took place, as datelines write it in lower case: 'January 12,
2022, videoconference', 'via videoconference', 'by telephone'."""


def _looks_like_place(place: str) -> bool:
    words = place.split()
    if not words or len(words) > 10 or len(place) > 120:
        return False
    if place[-1] in ".!?;:" and not re.search(r"(?:^|\s)(?:[A-Z]\.){2,}$", place):
        return False  # (but 'Washington, D.C.')
    if _REMOTE_PLACE.fullmatch(place):
        return True
    if not (place[0].isupper() or place[0].isdigit()):
        return False
    return not any(w.lower() in _SENTENCE_WORDS for w in words)


# --------------------------------------------------------------------------------------------
# Speaker labels

_SENTENCE_WORDS = frozenset(
    """i me my we us our you your he him his she her they them their it its this that these those
    let said says say asked asks told tells noted notes added adds stated states replied answered
    wrote writes repeat clarify is are was were be been being am have has had will would shall
    should can could may might must do does did not what which who whom why how when where there
    here if but because so then than also just only all every remember example follows following
    namely including yes no thank thanks please well now today yesterday tomorrow
    я мы вы он она они это что как где когда""".split()
)
NAME_PARTICLES = frozenset("von van der den de da di del la le bin ibn al el dos du ter".split())
_HONORIFICS = frozenset("mr mr. ms ms. mrs mrs. dr dr. sir madam г-н г-жа".split())
_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ibn|bin|bint|ben|abu|abd|ould)-"
"""An Arabic article or patronymic glued to a name by a hyphen: 'Bashar al-Assad', 'Abdel Fattah el-Sisi'."""
_NAME_TOKEN = re.compile(
    rf"^(?:(?:{_ARTICLE}|[dl]['’])?[A-ZА-ЯЁІЎ][\w'’\-]*\.?|(?:[A-ZА-ЯЁІЎ]\.)+(?:[A-ZА-ЯЁІЎ][\w'’\-]*)?)$"
)
_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁІЎ]\.)+$")
_GLUED_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁІЎ]\.)+[A-ZА-ЯЁІЎ][\w'’\-]+$")
_PATRONYMIC = re.compile(r"(?:vich|vna|ichna|ovich|evich|ovna|evna|вич|вна|ична)$", re.I)
_LABEL_RE = re.compile(r"^(?P<label>[^:]{1,160}?)\s*:(?:\s+(?P<rest>.*)|$)")
_FORBIDDEN_IN_LABEL = re.compile(r"[?!;…<>{}\[\]=|*#]")
TERMINAL = tuple('.!?…:;,–—-"\'”»)]')
QUOTES = tuple('"“«„\'‘')


@dataclass(frozen=True)
class Label:
    """A recognised speaker label, split into the parts of the text as written."""

    label: str
    name: str
    role: str
    affiliation: str
    rest: str


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten first second third fourth fifth last".split()
)
"""Capitalised words that end an item's or a part's heading, never a name: 'Item Two: The budget.'"""


def _is_name_token(token: str) -> bool:
    return bool(_NAME_TOKEN.match(token)) and any(ch.isalpha() for ch in token) and (
        token.casefold() not in _NUMBER_WORDS
    )


def _given_name_before(tokens: list[str], i: int) -> bool:
    """Whether the particle at ``i`` follows a name token, past any other particles ('van der')."""
    k = i - 1
    while k >= 0 and tokens[k].lower() in NAME_PARTICLES:
        k -= 1
    return k >= 0 and _is_name_token(tokens[k])


def _name_span(tokens: list[str]) -> int:
    """Return how many trailing tokens form the personal name (0 when the label ends in no name)."""
    if tokens and _GLUED_INITIAL.match(tokens[-1]) and len(tokens) > 1 and not _INITIAL.match(tokens[-2]):
        return 1  # 'V.Putin', 'MINISTER OF ECONOMIC DEVELOPMENT G.GREF': the glued initial is the given name
    run = 0
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i]
        if run and i > 0 and tokens[i - 1] == "All":
            break  # 'Patriarch of Moscow and All Russia Kirill': a place after 'All' ends the role
        if _is_name_token(tok):
            run = len(tokens) - i
        elif tok.lower() in NAME_PARTICLES and run and _given_name_before(tokens, i):
            pass  # "Ursula von der Leyen", "Pieter van der Berg": particles inside a name
        else:
            break
        i -= 1
    if run == 0:
        return 0
    name = tokens[len(tokens) - run:]
    if run <= 2:
        return run
    # Prefer "Given Surname"; keep a patronymic or an initial as part of the name.
    if run >= 3 and (_PATRONYMIC.search(name[-2]) or _INITIAL.match(name[-3]) or _INITIAL.match(name[-2])):
        return 3  # 'Vladimir Vladimirovich Putin', 'V. V. Putin', 'George W. Bush'
    if any(t.lower() in NAME_PARTICLES for t in name):
        # keep particles with the two capitalised words around them
        j = len(name) - 1
        count = 1
        while j > 0 and (name[j - 1].lower() in NAME_PARTICLES or count < 2):
            if name[j - 1].lower() not in NAME_PARTICLES:
                count += 1
            j -= 1
        while j > 0 and name[j].lower() in NAME_PARTICLES:
            j -= 1  # "Mohammed bin Salman", not "bin Salman"
        return len(name) - j
    return 2


def _registry_span(tokens: list[str], shapes: Shapes) -> int:
    """How many trailing tokens are a registry name of three words or more (0 if none):
    'President of Turkey Recep Tayyip Erdogan' ends in a name of three words, not two."""
    if not shapes.long_names:
        return 0
    folded = [t.casefold() for t in tokens]
    for n in range(min(6, len(tokens)), 2, -1):
        if tuple(folded[-n:]) in shapes.long_names:
            return n
    return 0


def _mend_names(sections: list[Section], shapes: Shapes) -> list[Section]:
    """Names that a label's own shape cannot give, found from the transcript's other labels.

    1. A generic label with a note naming someone who speaks under their own name elsewhere in
       the transcript is theirs: 'Question (Anna Petrova, Kommersant):' when 'Anna Petrova:'
       speaks later; so is a question whose asker gives their name first ('Question: Good
       afternoon. Anatol Lieven, Quincy Institute.') and speaks under it within the next turns.
    2. Names of three words or more (``_mend_long_names``)."""
    turns = [b for s in sections for b in s.blocks if isinstance(b, Turn)]
    speakers = {t.name for t in turns if t.name.casefold() not in shapes.generic_labels}
    mended: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for t in turns:
        if t.name.casefold() in shapes.generic_labels and t.affiliation:
            person = _person_in_note(t.name, t.affiliation, bare=True)
            if person is not None and person[0] in speakers:
                mended[(t.name, t.role, t.affiliation)] = person
    asker: dict[int, tuple[str, str, str]] = {}
    for k, t in enumerate(turns):
        if t.name.casefold() in _ASKERS and t.paragraphs:
            named = _introduces_self(t.paragraphs[0].text)
            if named and named in speakers and any(u.name == named for u in turns[k + 1:k + 5]):
                asker[t.line] = (named, "", t.affiliation)
    for (name, role), (new_name, new_role) in _mend_long_names(turns, shapes).items():
        for t in turns:
            if (t.name, t.role) == (name, role):
                mended[(name, role, t.affiliation)] = (new_name, new_role, t.affiliation)
    if not mended and not asker:
        return sections
    out = []
    for s in sections:
        blocks = []
        for b in s.blocks:
            key = (b.name, b.role, b.affiliation) if isinstance(b, Turn) else None
            if isinstance(b, Turn) and b.line in asker:
                name, role, affiliation = asker[b.line]
                b = replace(b, name=name, role=role, affiliation=affiliation)
            elif key in mended:
                name, role, affiliation = mended[key]
                b = replace(b, name=name, role=role, affiliation=affiliation)
            blocks.append(b)
        out.append(replace(s, blocks=tuple(blocks)))
    return out


_SELF_INTRODUCED = re.compile(
    r"^(?:(?:good\s+(?:morning|afternoon|evening|day)|hello|thank\s+you)\b[^.!?]{0,60}[.!?]\s+)?"
    r"(?:my\s+name\s+is\s+|i\s+am\s+|i'm\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*[,.(]", re.I)


_ABOUT_ANOTHER = frozenset(
    "you your yours said says say told noted stated mentioned announced claimed believes thinks has have had was were is are "
    "will would did does".split())
"""Words of a clause about the person a question names ('Sergei Lavrov, your Foreign Minister, said …'), which
an asker's own name and outlet ('Anatol Lieven, Quincy Institute.') never hold."""


def _introduces_self(text: str) -> Optional[str]:
    """The name a journalist gives at the start of a question ('Good afternoon. Anatol Lieven,
    Quincy Institute.', 'My name is Anna Petrova, …'), as written; None if there is none."""
    m = _SELF_INTRODUCED.match(text)
    if m is None:
        return None
    name = m.group("name")
    clause = re.split(r"[.!?]", text[m.end("name"):], maxsplit=1)[0]
    if any(w.strip(",;:()").casefold() in _ABOUT_ANOTHER for w in clause.split()):
        return None  # 'Alexander Lukashenko, you said last week …', 'Sergei Lavrov, your minister, said …': the asker names another
    return name if all(w[:1].isupper() for w in name.split()) else None


def _mend_long_names(turns: list[Turn], shapes: Shapes) -> dict[tuple[str, str], tuple[str, str]]:
    """Names of three words or more that the labels' own shape split wrongly: (name, role) ->
    (mended name, mended role).

    The Kremlin names a speaker in full with the role on first mention ('President of Turkey
    Recep Tayyip Erdogan:'), then by the full name alone ('Recep Tayyip Erdogan:'). Read as 'Role
    Given Surname', both end in the name 'Tayyip Erdogan', with the roles 'President of Turkey
    Recep' and 'Recep'. When a role made of capitalised name words only ('Recep') is the end of
    every other role written with that name, it is the start of the name: every such turn is
    mended to 'Recep Tayyip Erdogan'. Left alone: a name also written without it ('Cosmonaut Ivan
    Petrov:', then 'Ivan Petrov:'), a surname the registry knows ('Federation Council Speaker
    Valentina Matviyenko:', then 'Speaker Valentina Matviyenko:'), and a word that names a role
    ('Speaker', 'CEO')."""
    roles_of: dict[str, set[str]] = {}
    for t in turns:
        name, role = t.name, t.role
        words = name.split()
        if not role and len(words) >= 3 and _given_name(words[0], shapes):
            # a full name alone ('Ivo Marek Valdastan:'), which ``_personal_label`` already keeps
            # whole: seen as the others were read, to mend them
            name, role = " ".join(words[1:]), words[0]
        roles_of.setdefault(name, set()).add(role)
    mended: dict[tuple[str, str], tuple[str, str]] = {}
    for name, roles in roles_of.items():
        if len(roles) < 2 or name.split()[-1].casefold() in shapes.known_names:
            continue
        for lead in sorted(roles):
            words = lead.split()
            if not 1 <= len(words) <= 2 or not all(
                _NAME_TOKEN.match(w) and not w.isupper() and w.casefold() not in _ROLE_WORDS for w in words
            ):
                continue
            if all(r == lead or r.endswith(" " + lead) for r in roles):
                for r in roles:
                    mended[(name, r)] = (f"{lead} {name}", r[: -len(lead)].rstrip(" ,"))
                break
    return mended


def parse_label(text: str, shapes: Shapes, seen_names: frozenset[str] = frozenset()) -> Optional[Label]:
    """Recognise 'Role Name: text', 'Name, Role:', 'Name (Outlet):' and generic 'Question:' labels.

    ``seen_names`` holds casefolded surnames of speakers earlier in the same transcript, which makes
    a bare surname ("Lavrov:") a label.
    """
    marks = _SYMBOLS_FIRST.match(text) if text[:1] >= "\u2600" else None
    if marks:  # '📌 Journalist:', '❗️Question:' as a post copied from Telegram has them: the label keeps them
        found = parse_label(text[marks.end():], shapes, seen_names)
        return None if found is None else Label(marks.group() + found.label, found.name, found.role, found.affiliation,
                                                found.rest)
    m = _LABEL_RE.match(text)
    if not m:
        return _glued_label(text, shapes, seen_names)
    label = m.group("label").strip().replace("\u2011", "-").replace("\u2010", "-")  # 'Kassym‑Jomart'
    rest = (m.group("rest") or "").strip()
    if not label or label[0] in QUOTES:
        return None
    square = re.match(r"^(?P<core>[^\[\]]+?)\s*\[(?P<note>[^\[\]]*)\]$", label)
    if _FORBIDDEN_IN_LABEL.search(square.group("core") if square else label):
        return None  # only a note in square brackets at the end: 'Vladimir Putin [in English]:'
    if square:
        found = parse_label(f"{square.group('core')} ({square.group('note')}): {rest}".rstrip(), shapes, seen_names)
        return None if found is None else Label(label, found.name, found.role, found.affiliation, found.rest)
    lower_rest = bool(rest and rest[0].isalpha() and rest[0].islower())
    if label.casefold() in shapes.generic_labels:
        if lower_rest or (label.casefold() in _GROUP_LABELS and not _short_reply(rest)):
            return None  # 'Students: More than 300 young people took part.' is narration
        if _names_listed(label, rest):
            return None  # 'Chairman: Alexander Lukashenko' in a list of participants is narration
        return Label(label, label, "", "", rest)
    titled = _TITLE_NAME_OF_PLACE.fullmatch(label)
    if titled and titled.group("title").casefold() in _NAMED_OF_A_PLACE:
        # 'Patriarch Kirill of Moscow and All Russia', 'King Abdullah II of Jordan': named as under
        # 'Patriarch of Moscow and All Russia Kirill:', the title and the see or country the role
        if lower_rest:
            return None
        name = titled.group("head")[len(titled.group("title")):].strip()
        return Label(label, name, f"{titled.group('title')} of {titled.group('place')}", "", rest)
    addressed = _ADDRESSED.match(label)
    if addressed and addressed.group("head").casefold() in _ASKING and (
        addressed.group("to").split()[1][:1].isupper() or _TO_LEADERS.match(addressed.group("to"))
        or addressed.group("to").split()[0].casefold() == "via" or _ON_A_CHANNEL.match(addressed.group("to"))
    ):
        # 'Question to Vladimir Putin', 'Question for Xi Jinping': the journalist's, to them
        return None if lower_rest else Label(label, addressed.group("head"), "", addressed.group("to"), rest)
    participant = _PARTICIPANT.match(label)
    who = participant and (participant.group("who") or participant.group("who2"))
    if who and not lower_rest and who.casefold() in shapes.generic_labels and not _names_listed(label, rest.rstrip(".")):
        # 'Forum participant', 'Second speaker': one of the generic speakers, the label as written
        return Label(label, who.capitalize(), "", "", rest)
    numbered = _numbered_generic(label, shapes)
    if numbered:  # 'Question 3:', 'Question No. 3:': the number stays in the label as written
        return None if lower_rest else Label(label, numbered, "", "", rest)
    if _generic_from(label, shapes):  # 'Question from Yekaterinburg' is a question, from there
        head, where = _from_split(label)
        return None if lower_rest else Label(label, head, "", where, rest)
    press = _outlet_reporter(label, shapes)
    if press is not None and not lower_rest and not _names_listed(label, rest):
        # 'ONT journalist:', 'Rossiya TV channel correspondent:', 'Correspondent of the Pervy
        # Informatsionny TV channel:': a journalist named by their outlet
        return Label(label, press[0], "", press[1], rest)
    outlet = _outlet_alone(label, rest, shapes)
    if outlet is not None and not lower_rest:
        # 'BelTA: And the economy?', 'Journalist, ONT: Mr President, …': a journalist named by the
        # outlet alone, asking
        return Label(label, "Journalist", "", outlet, rest)
    core, affiliation = label, ""
    paren = re.match(r"^(?P<core>.*?)\s*\((?P<aff>[^()]*)\)$", label)
    if paren and re.search(r"\([^()]*\)$", paren.group("core")):
        # two notes in brackets: 'Olga (Kazan) (via video link):', 'Vladimir Putin (in English)
        # (retranslated):': the label as if it had the first note only, then both notes
        found = parse_label(f"{paren.group('core')}: {rest}".rstrip(), shapes, seen_names)
        if found is None or not found.affiliation:
            return None
        return Label(label, found.name, found.role, f"{found.affiliation}; {paren.group('aff').strip()}", found.rest)
    if paren and paren.group("core"):
        core, affiliation = paren.group("core"), paren.group("aff").strip()
        press = _outlet_reporter(core, shapes)
        if press is not None and not lower_rest:  # 'CCTV journalist (retranslated):'
            return Label(label, press[0], "", f"{press[1]}; {affiliation}", rest)
        if core.casefold() in shapes.generic_labels:
            return None if lower_rest else _generic_with_note(label, core, affiliation, rest, shapes, seen_names)
        numbered = _numbered_generic(core, shapes)
        if numbered:  # 'Question 12 (Rossiya TV):'
            return None if lower_rest else Label(label, numbered, "", affiliation, rest)
    joint = _joint_label(label, core, affiliation, rest, shapes, seen_names)
    if joint is not None and _FIGURE_ROW.match(rest):
        sides = [side for side in JOINT.split(joint.name) if side]
        if any(map(_ends_in_a_body, sides)) and not any(_names_a_person(x, shapes, seen_names) for x in sides):
            return None  # a table's row of two places ('Moscow and Moscow Region: 310 billion.')
    if joint is not None:
        return None if lower_rest else joint
    found = _personal_label(label, core, affiliation, rest, shapes, seen_names)
    if found is not None and _FIGURE_ROW.match(rest) and not found.affiliation and (
        not found.role or _ends_in_a_body(found.name)
    ) and not _names_a_person(found.name, shapes, seen_names):
        return None  # a table's row in a report ('Nizhny Novgorod: 68 percent.', 'Far East: 54 percent.')
    if found is not None and found.role and not found.affiliation and core.endswith(", " + found.role) and (
        _ACRONYM.match(found.role) and found.role.casefold() not in _ROLE_ACRONYMS or is_outlet(found.role + ".", shapes)
    ) and not any(w.casefold() in _ROLE_WORDS for w in found.role.split()):
        # 'Pavel Zarubin, Rossiya TV channel:', 'Natalya Yermak, RTVI:': the outlet is an affiliation
        found = Label(found.label, found.name, "", found.role, found.rest)
    if found is None and affiliation and _NAME_TOKEN.match(core) and re.match(
        r"^\d{1,2} years? old(?:,\s*[A-ZА-ЯЁ].*)?$", affiliation
    ):
        found = Label(label, core, "", affiliation, rest)  # a caller by first name: 'Anastasia (10 years old, Kazan)'
    if found is None and affiliation and not lower_rest and _caller_from_place(core, affiliation, rest, shapes):
        found = Label(label, core, "", affiliation, rest)  # a caller by first name: 'Svetlana (Yekaterinburg)'
    if (found is None or found.role and found.name.split()[-1].casefold() in _INSTITUTIONS) and (
        not lower_rest and _office_alone(label) and not _names_listed(label, rest)
    ):
        # 'Head of the Presidential Administration:', 'Director of the Minsk Tractor Works:' (not a
        # person named 'Tractor Works'): a speaker named by their office
        found = Label(label, label, "", "", rest)
    if found is not None and lower_rest:
        # "Let me repeat what I just said: we do not want war" is prose; a speaker whose name is
        # known (the registry, or earlier in the transcript) may begin in lower case: "Vladimir
        # Putin: well, ..." (a turn continuing a sentence cut off by the previous speaker), but
        # only as a bare name ("Dear Vladimir Putin: thank you" is prose).
        if found.role or found.affiliation or len(found.name.split()) < 2 or not _known_speaker(
            found.name, shapes, seen_names
        ):
            return None  # nor after a surname alone: 'Putin: a life in politics' is a headline
    return found


def _names_a_person(name: str, shapes: Shapes, seen_names: frozenset[str]) -> bool:
    """A label's name opening with a given name, or known (the registry, or earlier in the text)."""
    return name.split()[0].casefold() in _GIVEN_NAMES or _known_speaker(name, shapes, seen_names)


def _ends_in_a_body(name: str) -> bool:
    """A name ending like a territory's or a body's ('Moscow Region', 'Ministry of Finance')."""
    return name.split()[-1].casefold() in _PLACES_AND_BODIES


def _office_alone(label: str) -> bool:
    """Whether a label names an office and no person: 'Head of the Presidential Administration',
    'Chairman of the National Bank', 'Rector of the Belarusian State University'. A role word,
    then 'of the' or 'for the' and an institution in capitals (no name after it: such a label
    that ends in a person's name is read as role and name before this is asked)."""
    m = _OFFICE_ALONE.match(label)
    if not m or len(label.split()) > 10 or label.split()[0] in ("The", "A", "An"):
        return False
    words = m.group("office").replace("-", " ").split()
    return words[-1].casefold() in _NOT_SURNAMES and all(w[0].isupper() for w in m.group("body").split()
                                                        if w.casefold() not in ("of", "and", "the", "for", "on"))


_OFFICE_ALONE = re.compile(
    r"^(?P<office>(?:(?:First|Deputy|Vice|Acting)[\s-]+)*[A-Z][a-z]+(?:[\s-][A-Z]?[a-z]+)?)\s+(?:of|for)\s+the\s+"
    r"(?P<body>[A-Z][\w'’-]*(?:\s+[\w'’-]+)*)$")


_INSTITUTIONS = frozenset(
    """works plant factory university academy institute committee bank administration council ministry
    company corporation court service office agency bureau centre center assembly parliament government
    department commission union federation republic oblast region district chamber board fund""".split()
)
"""Last words of an institution's name, never of a person's ('the Minsk Tractor Works')."""


_TO_LEADERS = re.compile(
    r"(?:to|for)\s+(?:both|all|each|the)\s+(?:(?:two|three|\w+n|\w+ian|\w+ese|\w+ish)\s+)?"
    r"(?:presidents?|leaders?|heads?\s+of\s+state|prime\s+ministers?)\b", re.I)
"""'to both presidents', 'to the Russian President': a question's address to leaders in lower case
('Question to the Minister of Finance: Why …?' inside a speech is the speaker's words)."""
_ON_A_CHANNEL = re.compile(
    r"on\s+(?:the\s+)?(?:website|internet|phone|telephone|hotline|social\s+networks?|telegram|vk|air)\b", re.I)
"""'Question on the website': a question that came that way ('Question on the agenda' is speech)."""
_QUOTING_WRITER = re.compile(r"^(?:As|Like|In the words of)\s")
"""'As Nikolai Berdyaev said:' inside a speaker's turn: they quote, and go on speaking."""
_NAMES_A_PART = re.compile(r"\b(?:meeting|talks|news conference|press conference|conversation|ceremony|visit)\b", re.I)


_SYMBOLS_FIRST = re.compile("^[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+\\s*")
"""Pictographs before a label ('📌 ', '❗️', '🔹')."""


_FIGURE_ROW = re.compile(r"^\d[\d.,\s]*(?:%|percent|per cent)?(?:\s+\S+){0,3}$", re.I)
"""What follows a region's or a country's name in a table read out ('68 percent.', '1.2 million
tonnes'): a number and a few words."""
_ADDRESSED = re.compile(r"^(?P<head>\w+(?:\s+\w+)?)\s+(?P<to>(?:to|for|via|on)\s+\S.*)$", re.I)
_ASKING = frozenset("question questions remark comment reply answer interjection".split())
"""Generic labels that may say whom they are addressed to ('Question to Vladimir Putin'); an office
is no question ('Minister for Civil Defence … Vladimir Puchkov', 'Press Secretary to the President')."""
_PARTICIPANT = re.compile(
    r"^(?:[A-Z][a-z]+\s+){1,2}(?P<who>participants?)$"
    r"|^(?:First|Second|Third|Another|Female|Male)\s+(?P<who2>participant|speaker|journalist|student|questioner)$")
"""A generic speaker named by the event or by which of them: 'Forum participant', 'Second speaker'."""


def _known_speaker(name: str, shapes: Shapes, seen_names: frozenset[str]) -> bool:
    """Whether a label's name is known: its surname (or the name itself) is in the registry or
    spoke earlier in the transcript."""
    words = name.split()
    surname = words[-1].rstrip(".").casefold() if words else ""
    known = shapes.known_names | seen_names
    return surname in known or name.casefold() in known


_JOURNALIST_WORDS = ("journalist", "correspondent", "reporter", "корреспондент", "журналист")
_JOURNALIST = rf"(?:{'|'.join(_JOURNALIST_WORDS)})"
_OUTLET_REPORTER = re.compile(
    rf"^(?P<outlet>[A-ZА-ЯЁ0-9][\w\-'’.&]*(?:\s+[\w\-'’.&]+){{0,5}})\s+(?P<head>{_JOURNALIST})$"
    rf"|^(?P<head2>(?i:{_JOURNALIST}))\s+(?:of|from)\s+(?:the\s+)?(?P<outlet2>[A-ZА-ЯЁ0-9][\w\-'’.&]*(?:\s+[\w\-'’.&]+){{0,5}})$"
)


def _outlet_reporter(label: str, shapes: Shapes) -> Optional[tuple[str, str]]:
    """A journalist's label naming the outlet, not the person, as (name, outlet): 'ONT
    journalist', 'Kommersant correspondent', 'Belarus 1 TV channel correspondent', 'Correspondent
    of the Pervy Informatsionny TV channel'. The outlet's words are capitalised or name a kind of
    outlet ('TV channel'), and no word of a sentence: 'The first journalist' names none."""
    folded = label.casefold()
    if not any(word in folded for word in _JOURNALIST_WORDS):
        return None
    m = _OUTLET_REPORTER.match(label)
    if m is None:
        return None
    head, outlet = (m.group("head"), m.group("outlet")) if m.group("head") else (m.group("head2"), m.group("outlet2"))
    words = outlet.split()
    for word in words:
        key = word.casefold()
        if key in _SENTENCE_WORDS or key in ("the", "a", "an"):
            return None
        if word[:1].islower() and key not in shapes.outlet_words:
            return None
    if m.group("head2") and words[-1].casefold() not in shapes.outlet_words:
        return None  # 'Correspondent of Ivan Petrov', 'Correspondent of the Rossiya TV channel Pavel Zarubin'
    return head.capitalize(), outlet.strip()

def _outlet_alone(label: str, rest: str, shapes: Shapes) -> Optional[str]:
    """The outlet of a journalist's label that names the outlet alone ('BelTA', 'Belarus 1 TV
    channel', 'Journalist, ONT'), when what follows asks or addresses someone (a question mark, a
    greeting, 'Mr President'); otherwise None ('BelTA: The President said …' is a source's line)."""
    if "?" not in rest and not _GREETING.match(rest) and not rest.startswith(("Mr ", "Mr. ", "Madam ")):
        return None
    m = re.match(r"^(?:Journalist|Question|Correspondent|Reporter),\s+(?P<outlet>\S.*)$", label)
    outlet = m.group("outlet") if m else label
    if "," in outlet or "(" in outlet:
        return None  # 'Pavel Zarubin, Rossiya TV channel': a name, then the outlet
    words = outlet.split()
    if outlet.casefold() in shapes.outlet_names or is_outlet(outlet + ".", shapes) and (
        words[-1].casefold() in shapes.outlet_words and not any(w.casefold() in _ROLE_WORDS for w in words)
    ):
        return outlet  # (not 'Presidential Press Secretary Dmitry Peskov', 'Bloomberg Editor-in-Chief John …')
    return None


_GLUED = re.compile(r"^(?P<label>[^:\s][^:]{0,160}?):(?P<rest>[A-ZА-ЯЁ\"“«].*)$")


def _glued_label(text: str, shapes: Shapes, seen_names: frozenset[str]) -> Optional[Label]:
    """A label whose space after the colon was lost in the dump ('Alexander Lukashenko:Thank you',
    as 'willtake' and 'events.This' in the seeds): only a known speaker's name (the registry, or
    earlier in the transcript) or a generic label, and only before a capital letter or a quote.
    'Moscow:The' and 'Re:Sanctions' stay text."""
    m = _GLUED.match(text) if ":" in text else None
    if m is None:
        return None
    found = parse_label(f"{m.group('label')}: {m.group('rest')}", shapes, seen_names)
    if found is None:
        return None
    if found.name.casefold() in shapes.generic_labels or _known_speaker(found.name, shapes, seen_names):
        return found
    if found.role and not found.affiliation and len(found.name.split()) >= 2 and (
        found.role.split()[0].casefold() in _ROLE_WORDS and _plausible_role(found.role)
    ):
        return found  # a first appearance under its office: 'Governor of Tula Region Alexei Dyumin:Mr President'
    return None


_NUMBERED = re.compile(r"^(?P<head>.+?)\s+(?:No\.?\s*|№\s*|#)?\d{1,3}$", re.I)


def _numbered_generic(label: str, shapes: Shapes) -> str:
    """The generic label before a number ('Question 3', 'Question No. 3', 'Вопрос № 3', 'Moderator
    2'), or ''. Not a group ('Children 2')."""
    m = _NUMBERED.match(label)
    if m is None:
        return ""
    head = m.group("head").strip()
    key = head.casefold()
    return head if key in shapes.generic_labels and key not in _GROUP_LABELS else ""


_CONNECTOR = r"(?:and|AND|And|и|И|&)"
"""The word joining the last two speakers of a joint label."""
JOINT = re.compile(rf",?\s+{_CONNECTOR}\s+|,\s+")
"""Between the speakers of a joint label ('Vladimir Putin and Alexander Lukashenko'); speakers.py splits
a joint speaker's name with it."""


def _joint_label(
    label: str, core: str, affiliation: str, rest: str, shapes: Shapes, seen_names: frozenset[str]
) -> Optional[Label]:
    """Two people speaking together: 'Vladimir Putin and Alexander Lukashenko:', 'Putin and
    Lukashenko:', 'V. Putin and A. Lukashenko:', 'President of Russia Vladimir Putin and President
    of Belarus Alexander Lukashenko:'. A turn has one speaker, so the speaker is the pair, named by
    both names as written joined by the connector ('Vladimir Putin and Alexander Lukashenko'), with
    no role; the label keeps every word. Each side must read as a person: a bare name of two words
    or more or a known surname on the left ('Russia and China:' and 'Trinidad and Tobago Prime
    Minister ...:' are no pair); a role on the left only before a known surname or a bare name on
    the right ('Governor of Tula Region V. Dudka and Vladimir Putin:'), and on the right only one
    that opens with a title or a role word ('Saint Kitts and Nevis Prime Minister ...' is one
    person). 'Minister of Industry and Trade Denis Manturov' and 'Patriarch of Moscow and All Russia
    Kirill' have no person on the left, so they are one speaker with a role. Two bare names with a
    comma between them ('Vladimir Putin, Alexander Lukashenko:') are a pair when the second is
    known: 'Ivan Petrov, Nizhny Novgorod:' is one person and where he is from."""
    known = shapes.known_names | seen_names
    group = _group_label(core, rest, shapes, seen_names)
    if group is not None:
        return Label(label, group, "", affiliation, rest)
    for m in JOINT.finditer(core):
        left_text, right_text = core[: m.start()].strip(), core[m.end():].strip()
        if not left_text or not right_text:
            continue
        left = _personal_label(left_text, left_text, "", rest, shapes, seen_names)
        right = _personal_label(right_text, right_text, "", rest, shapes, seen_names)
        if left is None or right is None:
            continue
        if any(_holds_a_person(x, text, known) for x, text in ((left, left_text), (right, right_text))):
            continue  # a side holds two people: 'Ivan Petrov, Anna Smirnova and ...' is a group
        if left.name.split()[-1].rstrip(".,").casefold() in _NOT_SURNAMES:
            continue  # a role of two parts: 'Sberbank CEO and Chairman of the Executive Board Herman Gref'
        if left.role and left.role.split()[-1].casefold() in _OFFICE_OF:
            continue  # what an office is of: 'Minister of Natural Resources and Environment Dmitry Kobylkin'

        left_known = left.name.split()[-1].rstrip(".").casefold() in known
        if m.group().strip() == ",":  # a comma alone; not the Oxford comma before "and"
            right_known = right.name.split()[-1].rstrip(".").casefold() in known
            if left.role or right.role or len(left.name.split()) < 2 or not right_known:
                continue
        if left.role and not left_known and right.role and not (
            left.role.casefold() in _ROLE_WORDS and right.role.casefold() in _ROLE_WORDS
        ):  # (but 'Engineer Ivan Petrov and Welder Anna Petrova' are two)
            continue
        if left.role and not left_known and len(right.name.split()) > 2 and (
            right.name.casefold() not in shapes.known_names | seen_names
            and tuple(right.name.casefold().split()) not in shapes.long_names
            and left.name.split()[0].casefold() not in _GIVEN_NAMES
            and not _PATRONYMIC.search(right.name.split()[-2])
            and not any(w.lower() in NAME_PARTICLES or _INITIAL.match(w) for w in right.name.split())
        ):
            continue  # an office of two things, the second before a name: '... of Emergency Children's
            # Surgery and Trauma Leonid Roshal' (no 'Trauma Leonid Roshal' speaks with 'Children's Surgery')
        if not left.role and len(left.name.split()) < 2 and not left_known:
            continue
        if right.role:
            first = right.role.split()[0].rstrip(".,").casefold()
            opens_with_role = first in _ROLE_WORDS or first == "the"
            if not opens_with_role and not (
                left_known and any(w.rstrip(".,").casefold() in _ROLE_WORDS for w in right.role.split())
            ):
                continue
        return Label(label, f"{left.name}{m.group()}{right.name}".replace("\xa0", " "), "", affiliation, rest)
    return None


_OFFICE_OF = frozenset("of for on to in at".split())
"""The last word of a role before what the office is of: the words after it are no person."""

_GROUP_COMMA = re.compile(r",\s+")


def _group_label(core: str, rest: str, shapes: Shapes, seen_names: frozenset[str]) -> Optional[str]:
    """Three people or more speaking together: 'Vladimir Putin, Alexander Lukashenko and
    Kassym-Jomart Tokayev:', 'Putin, Lukashenko and Tokayev:'. The first person before a comma is
    a bare name (two words or more, or a known surname), and what follows the comma is itself a
    joint label (a pair, or again a group), so that every side reads as a person ('Ivan Petrov,
    Rostov and Krasnodar Regions:' is one man and where he is from). The name keeps every name
    and connector as written."""
    m = _GROUP_COMMA.search(core)
    if m is None:
        return None
    first_text, others = core[: m.start()].strip(), core[m.end():].strip()
    if not JOINT.search(others):
        return None
    first = _personal_label(first_text, first_text, "", rest, shapes, seen_names)
    if first is None or first.affiliation or "," in first_text:
        return None
    if first.name.split()[-1].rstrip(".,").casefold() in _NOT_SURNAMES:
        return None  # 'First Deputy Prime Minister, Minister of Finance ...' is one person's role
    if first.role and first.role.split()[0].rstrip(".,").casefold() not in _ROLE_WORDS | {"the"}:
        return None  # a role before the first name only as a title: 'President of Russia Vladimir Putin, ...'
    if len(first.name.split()) < 2 and first.name.rstrip(".").casefold() not in shapes.known_names | seen_names:
        return None
    if re.match(rf"{_CONNECTOR}\s", others):
        return None  # 'A, and B' is a pair with an Oxford comma, read by ``_joint_label``
    tail = _joint_label(others, others, "", rest, shapes, seen_names)
    if tail is None:
        return None
    return f"{first.name}{m.group()}{tail.name}".replace("\xa0", " ")


def _holds_a_person(side: Label, text: str, known: frozenset[str]) -> bool:
    """Whether a side of a pair, read as one person, hides another before a comma: 'Ivan Petrov,
    Anna Smirnova' read as Ivan Petrov with the role 'Anna Smirnova', or 'President of Russia
    Vladimir Putin, President of Belarus Alexander Lukashenko' read as Lukashenko with a role
    ending in Putin's name."""
    if not side.role or "," not in text:
        return False
    if side.name == text.split(",")[0].strip():
        return True
    return any(part.split() and part.split()[-1].rstrip(".").casefold() in known for part in side.role.split(",")[:-1])


_NOT_A_CALLER = frozenset(
    """laughter laughs laughing applause inaudible retranslated translated translation interpreted
    interpreter pause smiling smiles continuing continues aside off-mic joking jokingly video audio
    videoconference english russian belarusian french german chinese spanish arabic""".split()
)
"""Words of a transcriber's note in brackets, never a caller's place: 'Excellent (Laughter):'."""


def _caller_from_place(core: str, note: str, rest: str, shapes: Shapes) -> bool:
    """A caller on a phone-in by first name, with where they call from in brackets ('Svetlana
    (Yekaterinburg):', 'Irina (Nizhny Novgorod, teacher):'), as 'Yelena, 35, Omsk:' gives an age
    and a place. The name: one capitalised word in mixed case that is no sentence, role, generic
    or abstract word ('Inflation (Rosstat):', 'GDP (IMF):', 'Yes (Laughter):' are not callers).
    The note: one to four capitalised words before any comma, no outlet ('Moscow (Reuters):'), no
    transcriber's note and no digits. A figure after it ('Budget (Minfin): 3 trillion') is a
    table's row, not a caller's question."""
    if not re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?", core):
        return False
    key = core.casefold()
    if (
        key in _SENTENCE_WORDS or key in _DISCOURSE or key in _NOT_SURNAMES or key in _NOT_ROLE_START
        or key in _NUMBER_WORDS or key in shapes.generic_labels or key in MONTHS or key in _WEEKDAYS
        or key in _NOT_A_PLACE or key.endswith(_ABSTRACT_ENDINGS)
    ):
        return False
    if rest[:1].isdigit():
        return False
    place = note.split(",", 1)[0].strip()
    words = place.split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in note) or not _place_line(place, after_time=True):
        return False
    folded = [w.strip("\"'“”«»").casefold() for w in words]
    if folded[0] in _QUOTING or any(w in shapes.outlet_words or w in _NOT_A_CALLER for w in folded):
        return False
    return not is_outlet(place, shapes)


_GROUP_LABELS = frozenset(
    {"all", "all together", "together", "everyone", "children", "students", "pupils", "participants", "audience",
     "audience members"}
)
"""Generic labels naming a group, which also open narration ('Children: 1,200 took part')."""


_SHOUTING_GROUPS = _GROUP_LABELS - {"participants", "audience members"}
"""Groups that call out together ('All together: Happy New Year'), never listed by name."""


def _names_listed(label: str, rest: str) -> bool:
    """Whether 'Label: rest' lists who holds a role, as an article lists participants
    ('Chairman: Alexander Lukashenko', 'Participants: Roman Golovchenko, Viktor Khrenin',
    'Moderator: Fyodor Lukyanov'): a generic label naming a role, and after it only names of two
    to four capitalised words, joined by commas or 'and', with no closing punctuation. A question
    or a remark ('Question: Vladimir Vladimirovich') and a group calling out are speech."""
    key = label.casefold()
    if key in _UTTERANCE_LABELS or key in _SHOUTING_GROUPS or not rest or rest.endswith(TERMINAL):
        return False
    parts = [p.strip() for p in re.split(r",|\s+and\s+|\s+и\s+", rest)]
    for part in parts:
        tokens = part.split()
        if not 2 <= len(tokens) <= 4 or _name_span(tokens) != len(tokens):
            return False
        if any(t.casefold() in _SENTENCE_WORDS or t.casefold() in _DISCOURSE for t in tokens):
            return False
    return True


_SPOKEN_START = frozenset("we i our my us you thank thanks good hello hi dear yes no please mr".split())
"""First words of what people say, not of a report about them: 'Children: We want to be
cosmonauts', against 'Students: More than 300 young people took part.'"""


def _short_reply(rest: str) -> bool:
    """What a group says in a transcript: a short reply, an exclamation ('Thank you!') or words
    opening as speech does ('We want to be cosmonauts and fly to Mars.')."""
    if not rest or rest[0].isdigit():
        return False
    first = rest.split()[0].strip(",.!?'\"“”«»").casefold()
    return rest.endswith("!") or len(rest.split()) <= 4 or first in _SPOKEN_START


_FROM = re.compile(r"\s+from\s+", re.I)


def _from_split(label: str) -> tuple[str, str]:
    """'Question from Omsk' -> ('Question', 'Omsk'), in capitals too ('QUESTION FROM OMSK');
    (label, '') without 'from'."""
    m = _FROM.search(label) if "rom" in label or "ROM" in label else None
    return (label[: m.start()], label[m.end():]) if m else (label, "")


def _generic_from(label: str, shapes: Shapes) -> bool:
    """A generic label with where it came from: 'Question from Yekaterinburg', 'Remark from the
    Sakhalin Region' (one to six words, the place capitalised or after 'the'), but not from a
    person ('Remark from Alexander Lukashenko', 'Remark from Putin')."""
    head, where = _from_split(label)
    sep = head != label
    where = re.sub(r"\s*\([^()]*\)$", "", where)  # 'Andrei Kolesnikov (Kommersant)'
    words = where.split()
    if not (sep and head.casefold() in shapes.generic_labels and 1 <= len(words) <= 6):
        return False
    if words[0] != "the" and len(words) >= 2 and _name_span(words) >= 2 and not _short_place(where, shapes):
        return False  # 'Remark from Alexander Lukashenko' is his; 'Question from Nizhny Novgorod' is a place's
    if len(words) == 1 and words[0].casefold() in shapes.known_names:
        return False  # 'Remark from Putin' too
    return words[0][0].isupper() or words[0] == "the"


_UTTERANCE_LABELS = frozenset(
    "question questions answer reply response remark comment interjection voice voices "
    "вопрос ответ реплика голос".split()
)
"""Generic labels that name an utterance, not a role ('Moderator' is a role, 'Question' is not)."""


def _generic_with_note(
    label: str, core: str, note: str, rest: str, shapes: Shapes, seen_names: frozenset[str] = frozenset()
) -> Label:
    """A generic label with a note in brackets: 'Question (retranslated):', 'Question (Al Jazeera,
    Qatar):'. When the note begins with the name of someone the registry knows or who already
    spoke, that person speaks: 'Question (Anna Petrova, Kommersant):', 'Moderator (Fyodor
    Lukyanov):'. A name seen only in later labels is found by ``_mend_names``; an outlet or a
    country never becomes a speaker."""
    person = _person_in_note(core, note)
    if person is not None and person[0].split()[-1].casefold() in shapes.known_names | seen_names:
        return Label(label, *person, rest)
    return Label(label, core, "", note, rest)


def _person_in_note(core: str, note: str, bare: bool = False) -> Optional[tuple[str, str, str]]:
    """(name, role, affiliation) if the note of a generic label may name a person: two to five
    name words before any comma ('Anna Petrova, Kommersant'). A name alone in the note of a
    question ('Question (Alexander Gamov):') only with ``bare``, when that very name speaks under
    its own label in the transcript (``_mend_names``)."""
    left, _, after = (part.strip() for part in note.partition(","))
    tokens = left.split()
    is_role = core.casefold() not in _UTTERANCE_LABELS
    if not (after or is_role or bare) or not 2 <= len(tokens) <= 5 or _name_span(tokens) != len(tokens):
        return None
    if tokens[0].casefold() in _QUOTING:
        return None  # "Moderator (In English):"
    return left, core if is_role else "", after


_DISCOURSE = frozenset(
    """first firstly second secondly third finally lastly now so well sorry again also still yes no ok okay
    indeed however therefore then next besides moreover anyway honestly frankly look listen please thanks
    excuse pardon good fine right sure certainly clearly naturally unfortunately fortunately""".split()
)
"""Words that open a sentence before a comma ('First, Syria: ...', 'Now, Sergei Lavrov: ...')."""


def _caller_by_first_name(name: str, where: str) -> bool:
    """'Kirill, 14:' (a child on a phone-in): one first name, then an age, and maybe a place after
    it ('Yelena, 35, Omsk:', 'Anastasia, 9 years old, Kazan:'). A place alone ('Natalya, Tver:')
    is not enough: 'Russia, China:' and 'Colleagues, Friends:' have that shape."""
    if name.casefold() in _DISCOURSE or name.casefold() in _SENTENCE_WORDS:
        return False
    return re.fullmatch(r"\d{1,2}(?: years? old)?(?:,\s*[A-ZА-ЯЁ].*)?", where) is not None


def _personal_label(
    label: str, core: str, affiliation: str, rest: str, shapes: Shapes, seen_names: frozenset[str]
) -> Optional[Label]:
    if "," in core:
        left, right = (part.strip() for part in core.split(",", 1))
        tokens = left.split()
        whole = _name_span(tokens) == len(tokens) or _registry_span(tokens, shapes) == len(tokens) or (
            len(tokens) == 3 and _name_span(tokens) == 2 and _given_name(tokens[0], shapes)
        )  # 'Min Aung Hlaing, Chairman of ...', 'Recep Tayyip Erdogan, President of Turkey'
        if whole and _offices_before_a_name(tokens, right):
            whole = False  # 'Presidential Aide, Secretary of the State Council Igor Levitin': two offices, then the name
        if len(tokens) == 3 and _name_span(tokens) == 2 and tokens[0].casefold() in _ROLE_WORDS and (
            _plausible_role(right, allow_lower=True)
            and not any(t.casefold() in _ROLE_WORDS | _ORG_NOUNS or t.isupper() for t in tokens[1:])
        ):  # 'Singer Lev Leshchenko, People's Artist of Russia', 'Cadet Anna Sergeyeva, 16'
            return Label(label, " ".join(tokens[1:]), f"{tokens[0]}, {right}", affiliation, rest)
        if whole and 2 <= len(tokens) <= 5 and _the_outlet(right, shapes) and not _place_or_heading(
            tokens, shapes, seen_names
        ):  # 'Max Seddon, The Financial Times:', 'Ivan Ivanov, the Rossiya TV channel:': the outlet is an affiliation
            return Label(label, left, "", f"{right}; {affiliation}" if affiliation else right, rest)
        if whole and _plausible_role(right, allow_lower=True) and (
            2 <= len(tokens) <= 5 or (len(tokens) == 1 and _caller_by_first_name(left, right))
        ):
            if len(tokens) == 1:  # a child by first name and age: 'Kirill, 14:'
                return Label(label, left, "", right, rest)
            if JOINT.search(right) and any(
                w.rstrip(".,").casefold() in shapes.known_names | seen_names for w in right.split()
            ):
                # people that no joint label could read ('Vladimir Putin, Alexander Lukashenko and
                # Unknown Person'): one speaker named as written, never the first with the others as a role
                return Label(label, core, "", affiliation, rest)
            return Label(label, left, right, affiliation, rest)  # 'Ivan Petrov, Novosibirsk:'
        # else a role with commas, each part naming an office:
        # 'First Deputy Prime Minister, Minister of Finance Anton Siluanov' (not 'Good afternoon,
        # Vladimir Vladimirovich')
        parts = [p.split() for p in core.split(",")[:-1]]
        if not all(any(w.rstrip(".").casefold() in _ROLE_WORDS or w == "of" for w in p) for p in parts):
            return None
    tokens = core.split()
    if not tokens or len(tokens) > 24:
        return None  # (an empty side of a list: 'Vladimir Putin, , Alexander Lukashenko and Xi Jinping')
    if _not_a_role_start(tokens):
        return None  # 'Dear colleagues:', 'The head of state said:'; but 'The President:' speaks
    registry_span = _registry_span(tokens, shapes)
    span = registry_span or _name_span(tokens)
    if span == 0:
        return None
    if (
        not registry_span  # 'President of the United States George W. Bush' is the registry's name
        and span == 3 < len(tokens)
        and _INITIAL.match(tokens[-2])
        and not _INITIAL.match(tokens[-3])
        and (tokens[-1].casefold() in shapes.known_names | seen_names or _ends_a_role(tokens[:-2], core))
    ):
        # 'President of Belarus A. Lukashenko', 'Governor of Tula Region V. Dudka': an initial
        # before a known surname, or after a word that ends a role, is the given name's, not a
        # middle initial ('President of the United States John F. Kennedy')
        span = 2
    name_tokens = tokens[len(tokens) - span:]
    role_tokens = tokens[: len(tokens) - span]
    # Honorifics belong to neither the name nor the role: "Mr Putin".
    if role_tokens and role_tokens[-1].lower() in _HONORIFICS:
        role_tokens = role_tokens[:-1]
        if not role_tokens and len(name_tokens) == 1 and name_tokens[0].casefold() not in shapes.known_names | seen_names:
            return None
    elif name_tokens[0].lower() in _HONORIFICS:
        name_tokens = name_tokens[1:]
        if not name_tokens:
            return None
    # A title before a known surname is not part of the name: "President Putin", "PRESIDENT
    # PUTIN", "Prime Minister Putin" are Putin. An unknown one stays the name as written
    # ("Governor Ivanov" and "Ambassador Ivanov" are two people), and so does a title alone
    # ("Prime Minister:").
    titles = 0
    while titles < len(name_tokens) - 1 and name_tokens[titles].rstrip(".").casefold() in _TITLE_WORDS:
        titles += 1
    if titles and titles == len(name_tokens) - 1:
        surname = name_tokens[-1].casefold()
        if surname in shapes.known_names or surname in seen_names:
            role_tokens, name_tokens = role_tokens + name_tokens[:titles], name_tokens[titles:]
            role = " ".join(role_tokens)
            return Label(label, name_tokens[0], role, affiliation, rest) if _plausible_role(role) else None
    if role_tokens and titles and all(t.rstrip(".").casefold() in _TITLE_WORDS for t in role_tokens):
        # 'Prime Minister Blair' is one name as written, like 'President Bush', not the role 'Prime'
        role_tokens, name_tokens = [], role_tokens + name_tokens
    if len(role_tokens) == 1 and _given_name(role_tokens[0], shapes) and not (
        len(name_tokens) == 2 and name_tokens[0].casefold() in _GIVEN_NAMES
        and role_tokens[0].casefold() not in _GIVEN_NAMES and not registry_span
        and _OCCUPATION_SHAPE.fullmatch(role_tokens[0]) is not None  # ('José Maria Neves' is a name)
        and not _PATRONYMIC.search(name_tokens[1])  # ('Ivanov Ivan Ivanovich': a surname first)
    ):
        # a name of three words with no role: 'Lee Hsien Loong', 'Valéry Giscard d’Estaing'; but
        # a word before a given name and a surname is an occupation or a rank that no list holds
        # ('Private Ivan Petrov', 'Schoolteacher Anna Petrova'), as 'Ivan Petrov:' later names him
        role_tokens, name_tokens = [], role_tokens + name_tokens
    role = " ".join(role_tokens).rstrip(",")  # 'Governor of the Tula Region, Olga Petrova'
    if role and not _plausible_role(role):
        return None
    if len(name_tokens) == 1 and not role:
        single = name_tokens[0]
        key = single.casefold()
        if not (_GLUED_INITIAL.match(single) or key in shapes.known_names or key in seen_names or (
            key in _GIVEN_NAMES and not single.isupper() and not affiliation and rest[:1].isupper()
        )):
            return None  # a given name alone ('Masha: I want to be a doctor.') is a child's or a caller's
    if len(name_tokens) == 1 and role and not (_GLUED_INITIAL.match(name_tokens[0])):
        # "President of Russia Putin" is fine; "Deputy Chairman:" is a role alone.
        key = name_tokens[0].casefold()
        if key not in shapes.known_names and key not in seen_names and role_tokens[0].casefold() not in _ONE_NAME_TITLES:
            return None
    if not role and len(name_tokens) >= 2 and _place_or_heading(name_tokens, shapes, seen_names):
        return None  # 'Moscow Region: 12 cases.', 'Key Figures: ...' in a speech: no speaker
    return Label(label, " ".join(name_tokens), role, affiliation, rest)


def _offices_before_a_name(left: list[str], right: str) -> bool:
    """Whether 'Left, Right' is a role of two offices before a person's name, as the Kremlin labels
    a speaker holding two posts ('Presidential Adviser, Chair of the Council for Civil Society and
    Human Rights Valery Fadeyev', 'Director General, Chairman of the Board Ivan Petrov'): the words
    before the comma name an office (a role word that is no surname: 'Adviser', 'Aide', 'Director'),
    and the words after it end in a name of two words or more with a role before it. 'Ivan Petrov,
    Head of the Foundation' (no office before the comma) and 'Presidential Aide, Secretary of the
    State Council' (no name after it) are left alone."""
    if not any(t.rstrip(".").casefold() in _NOT_SURNAMES for t in left) or not (
        left[0].rstrip(".").casefold() in _ROLE_WORDS or _OFFICE_ADJECTIVE.fullmatch(left[0])
    ):
        return False  # ('Larry King, CNN White House Correspondent', 'Julie Bishop, Australian Foreign Minister': a name first)
    words = right.split()
    span = _name_span(words)
    return 2 <= span < len(words) and _plausible_role(" ".join(words[:-span])) and not any(
        w.casefold() in _ROLES_AND_BODIES for w in words[-span:])


_OFFICE_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:al|ive|ing|ary|ior|st)|Vice")
"""A word before an office that is no name: 'Presidential', 'Executive', 'Acting', 'First', 'Senior'."""


_OCCUPATION_SHAPE = re.compile(
    r"[A-Z][a-z]+(?:-[a-z]+)?(?<=er|or|st|an|nt|ee|al|te|in|el|ic|ss|rd|ut|ar|ve|et)")
"""How an English occupation or rank ends ('Private', 'Corporal', 'Schoolteacher', 'Pilot-cosmonaut',
'Sergeant', 'Mechanic', 'Lieutenant'): a foreign given name ('José', 'Luiz', 'Maria') mostly does not."""


def _the_outlet(text: str, shapes: Shapes) -> bool:
    """An outlet's name opening with 'The' or 'the' after a journalist's name and a comma ('The
    Financial Times', 'The Economist', 'the Rossiya TV channel'): at most five words after the
    article, capitalised or an outlet's word, naming no role, place or body ('the Governor of Tula
    Region' is a role; 'The Kremlin' a place)."""
    words = text.split()
    if not 2 <= len(words) <= 6 or words[0] not in ("The", "the") or text.casefold() in shapes.places:
        return False
    for word in words[1:]:
        key = word.strip("\"'“”«»").casefold()
        if key in _ROLE_WORDS or key in _SENTENCE_WORDS or key in _PLACE_NOUNS or key in _ORG_NOUNS - shapes.outlet_words:
            return False
        if not (word[:1].isupper() or word[:1].isdigit() or key in shapes.outlet_words or key in _OUTLET_JOINS):
            return False
    return " ".join(words[1:]).casefold() not in shapes.places


def _given_name(token: str, shapes: Shapes) -> bool:
    """Whether a word before a name of two words is the first of three names, not a role: a
    capitalised word (not written in capitals) that names no role, title, organisation or outlet."""
    key = token.rstrip(".,").casefold()
    return (
        _is_name_token(token) and not token.isupper() and not _INITIAL.match(token) and not token.endswith((".", ","))
        and key not in _ROLE_WORDS and key not in _ORG_NOUNS and key not in shapes.outlet_words
        and key not in _HONORIFICS and key not in _NOT_ROLE_START and key not in _SENTENCE_WORDS
        and key not in shapes.generic_labels and key != "the"
    )


def _place_or_heading(name_tokens: list[str], shapes: Shapes, seen_names: frozenset[str]) -> bool:
    """Whether an unknown 'name' of two words or more is a place ('Moscow Region', 'Saint
    Petersburg') or a list's heading ('Key Figures', 'Main Priorities')."""
    folded = [t.casefold() for t in name_tokens]
    known = shapes.known_names | seen_names
    if " ".join(folded) in known or folded[-1] in known:
        return False
    return folded[-1] in _PLACE_NOUNS or " ".join(folded) in shapes.places or folded[0] in _HEADING_WORDS


_ORG_NOUNS = frozenset(
    """region territory republic oblast krai district city area federation ministry committee council
    service agency bank company corporation university academy institute court duma assembly government
    administration party union department fund foundation centre center office board chamber commission
    group holding railways airlines authority directorate staff forces army navy guard police school
    hospital college association society""".split()
)
"""Nouns that end the name of a territory or a body in a role: 'Governor of Tula Region'."""
_ROLE_ENDINGS = _ABSTRACT_ENDINGS + ("stry", "ics", "ure", "gy", "airs")
"""Endings of nouns that end a role, never a given name: 'Minister of Economic Development'."""


def _ends_a_role(before: list[str], core: str) -> bool:
    """Whether the last of these words, written before an initial and a surname, ends a role
    rather than being a given name ('Governor of Tula Region V. Dudka', 'Mayor of Moscow V.
    Resin', 'RZD CEO O. Belozerov', 'Minister of Economic Development G. Gref', not 'Secretary of
    State Michael R. Pompeo'): a word right after a lower-case one ('of', 'the'), a role or body
    noun, an abbreviation in capitals within a label in ordinary case, a noun's ending."""
    if not before:
        return False
    last = before[-1].rstrip(".,")
    key = last.casefold()
    if len(before) >= 2 and before[-2].islower():
        return True
    if key in _ROLE_WORDS or key in _ORG_NOUNS:
        return True
    if last.isupper() and len(last) >= 2 and not core.isupper():
        return True
    return key.endswith(_ROLE_ENDINGS)


_TITLE_WORDS = frozenset(
    """president vice-president prime minister premier chancellor chairman chairwoman governor mayor secretary
    ambassador senator deputy king queen prince princess emir sheikh sultan patriarch metropolitan archbishop
    general admiral marshal academician professor
    президент премьер-министр министр губернатор председатель""".split()
)
"""Titles written before a surname alone in older transcripts ('President Putin:')."""
_ONE_NAME_TITLES = frozenset("patriarch catholicos-patriarch metropolitan archbishop pope king queen emir sultan".split())
"""Titles of people known by one name: 'Patriarch of Moscow and All Russia Kirill:', 'King of Bahrain
Hamad:' speak under that name, where 'Minister of Finance Siluanov:' needs a known surname."""
_NAMED_OF_A_PLACE = _ONE_NAME_TITLES | frozenset("prince princess".split())
"""Titles written 'Title Name of Place' ('Patriarch Kirill of Moscow and All Russia', 'Prince Albert II of Monaco')."""
_TITLE_NAME_OF_PLACE = re.compile(
    r"(?P<head>(?P<title>[A-Z][a-z]+(?:-[A-Z][a-z]+)?) [A-Z][a-z'’-]+(?: [IVX]+)?)"
    r" of (?P<place>(?:the )?[A-Z][\w'’-]+(?:(?: and| of| the)* [A-Z][\w'’-]+)*)")
"""'Patriarch Kirill of Moscow and All Russia', 'Prince Albert II of Monaco' (with a match, whole)."""
_OCCUPATIONS = frozenset(
    # occupations that stand before a name or a comma on award ceremonies and visits ('Pianist
    # Denis Matsuev:', 'Singer, People's Artist of Russia Lev Leshchenko:', 'Cadet Anna Sergeyeva:')
    """singer composer writer poet novelist playwright screenwriter physicist chemist biologist
    mathematician scientist researcher surgeon physician paramedic pianist violinist cellist musician
    conductor actor actress dancer ballerina choreographer painter artist sculptor architect designer
    economist historian athlete champion coach skater wrestler boxer gymnast footballer mechanic
    machinist welder steelworker fitter locksmith builder baker chef shepherd fisherman cadet
    schoolgirl schoolboy co-presenter co-host blogger entrepreneur businessman businesswoman
    volunteer activist ensign deacon protodeacon archdeacon hieromonk hegumen cossack apprentice intern
    midwife nanny""".split()
)
"""Occupations written before a name on award ceremonies and visits ('Pianist Denis Matsuev:'); as
surnames ('James Baker', 'BAKER:') they still name people."""
_ROLE_WORDS = _TITLE_WORDS | frozenset(
    """speaker ceo head director chief spokesman spokeswoman spokesperson adviser advisor aide commissioner
    editor correspondent journalist reporter host moderator presenter member representative envoy
    officer commander colonel major captain lieutenant sergeant soldier hero doctor teacher student
    worker engineer pilot cosmonaut farmer veteran founder owner manager partner expert rector dean
    judge prosecutor priest bishop mufti rabbi imam chairperson leader delegate archpriest archbishop metropolitan
    nurse driver operator milkmaid miner nun abbot""".split()
) | _OCCUPATIONS
"""Words that name a role or an occupation: never the first word of a name mended from labels."""
_NOT_SURNAMES = _ROLE_WORDS - _OCCUPATIONS
"""Role words that are no one's surname ('BAKER:' and 'James Baker' name a person)."""
_ROLES_AND_BODIES = _ROLE_WORDS | _ORG_NOUNS
_PLACES_AND_BODIES = _PLACE_NOUNS | _ORG_NOUNS

_QUOTING = frozenset(
    "in according as from after before during with by to for about quoting citing per on at under like unlike "
    "than via".split()
)


_STYLES = frozenset("holiness majesty highness excellency eminence beatitude grace royal serene".split())
"""The second word of a style of address before a title: 'His Holiness', 'Her Majesty'."""


def _plausible_role(role: str, allow_lower: bool = False) -> bool:
    """Whether the words before a name can be a role ('Minister of Finance', 'Kommersant newspaper
    correspondent') rather than a sentence ('Let me repeat what I just said', 'The head of state
    addressed Prime Minister', 'Regarding the')."""
    words = role.split()
    if not words or len(words) > 20:
        return False
    if len(words) >= 2 and words[0] in ("His", "Her", "HIS", "HER") and words[1].casefold() in _STYLES:
        words = words[2:]  # 'His Holiness Patriarch Kirill', 'Her Majesty Queen Elizabeth II'
        if not words:
            return True
        role = " ".join(words)
    if words[0].lower() in _QUOTING or _not_a_role_start(words) or "words of" in role.lower():
        return False  # "In the words of Leo Tolstoy:", "According to Sergei Lavrov:" quote, they do not speak
    if not allow_lower and not (words[0][0].isupper() or words[0][0] in QUOTES or words[0][0].isdigit()):
        return False
    if words[-1].casefold() in ("of", "to", "for", "after", "about", "with", "the", "a", "an"):
        return False  # 'Order of Alexander Nevsky:', 'Question to Vladimir Putin:', 'Head of the National
        # Bank:': no office before a name
    if words[-1] == "by" or (words[-1] == "from" and len(words) > 2):
        return False  # "Speech at the plenary session ... by President Vladimir Putin: Full text"
    all_caps = role.isupper()
    title_case = all(w[0].isupper() or not w[0].isalpha() for w in words)
    first = words[0].lower()
    if first.endswith("ing") and first not in _ROLE_GERUNDS and first not in _ROLE_WORDS and first not in _NOT_GERUNDS:
        return False  # "Speaking at the ceremony in the Catherine Hall ... Governor Ivan Petrov:"
    for k, w in enumerate(words):
        bare = w.strip(",.\"'“”«»")
        # A sentence word counts in lower case, first, as 'I', or in a role written all in
        # capitals or Title Case ('Putin Will Hold Talks With Xi Jinping: Peskov'); within a role
        # in ordinary case, 'US Ambassador', 'Russia Today' and 'School No. 1' are roles.
        if k and words[k - 1].casefold() == "united" or all_caps and bare in ("US", "U.S.") and any(
            x.casefold() in _ROLE_WORDS for x in words
        ):
            continue  # 'PRESIDENT OF THE UNITED STATES', 'US PRESIDENT' written in capitals
        if bare.lower() in _SENTENCE_WORDS and not (bare.isupper() and len(bare) > 1 and not all_caps) and (
            bare.islower() or bare == "I" or all_caps or title_case or k == 0
        ):
            return False
        if bare.islower() and len(bare) > 4 and bare.endswith("ed") and bare not in _ROLE_PARTICIPLES:
            return False  # a verb in the past tense: "The head of state addressed Prime Minister"
    return True


_NOT_ROLE_START = frozenset(
    """dear regarding concerning excerpts excerpt beginning continuation end transcript among afterwards
    later meanwhile there here speech greetings greeting message statement interview article report
    meeting conversation talks telephone phone joint visit trip on about""".split()
)
"""First words of a greeting, a topic or a heading, never of a role: 'Dear Compatriots:',
'Excerpts from the transcript of the meeting with Governor Igor Rudenya:'."""


def _not_a_role_start(words: list[str]) -> bool:
    """Whether the first word of a label opens a greeting, a topic, a heading or a narration
    ('Dear ...', 'Regarding ...', 'Excerpts from ...', 'Among the guests ...', 'The head of
    state ...'); 'The' before a title ('The President', 'THE PRESIDENT OF RUSSIA') is a role."""
    first = words[0].casefold()
    if first == "the":  # 'The President', 'The Russian President Vladimir Putin', 'The Kremlin spokesman'
        return not any(w.rstrip(".,").casefold() in _ROLE_WORDS for w in words[1:3])
    return first in _NOT_ROLE_START


_NOT_GERUNDS = frozenset("beijing chongqing nanjing peking kunming nanning xining boeing viking sterling".split())
"""Proper names ending in 'ing' that open a role: 'Beijing Mayor Yin Yong', 'Boeing CEO ...'."""
_ROLE_PARTICIPLES = frozenset("retired authorised authorized honoured honored elected appointed united".split())
_ROLE_GERUNDS = frozenset("acting managing founding leading presiding visiting outgoing incoming ruling".split())


_GREETING = re.compile(r"^(?:good\s+(?:morning|afternoon|evening|day)|hello|hi|greetings)\b\s*(?:[,.!]|$)", re.I)
"""A journalist's greeting ('Good afternoon, Kommersant newspaper.'): speech, no outlet's name."""
_INNER_SENTENCE = re.compile(r"\w{2}[.!?]\s+\S")
"""Two sentences ('Good afternoon. Channel One.'), where an outlet's name is one phrase ('U.S.
News' is one: an initial's dot ends no sentence)."""


def is_outlet(rest: str, shapes: Shapes) -> bool:
    """'STV Channel.' after a journalist's name: a short phrase naming a media outlet."""
    text = rest.rstrip(".").strip()
    words = text.split()
    if not words or len(words) > 6 or rest.endswith(("?", "!", "…", ":")) or not rest[0].isupper():
        return False
    if any(w.lower() in _SENTENCE_WORDS for w in words):
        return False
    if _GREETING.match(text) or _INNER_SENTENCE.search(text):
        return False  # 'Question: Good afternoon, Kommersant newspaper. Andrei Kolesnikov.' is speech
    keys = [w.strip("\"'“”«»,").casefold() for w in words]
    if not any(k in shapes.outlet_words for k in keys) or any(k in _HONORIFICS for k in keys):
        return False  # 'Good news, Mr President.' is an answer
    for word, key in zip(words[1:], keys[1:]):
        if word[:1].islower() and key not in shapes.outlet_words and key not in _OUTLET_JOINS:
            return False  # 'Difficult times for the oil market.', 'The tax service.'
    # a name beside the outlet word: a brand ('Kommersant', 'TASS'), a word in capitals ('STV
    # Channel'), or a capital after the first word ('Channel One', 'Rossiya TV'); 'Military
    # service.', 'Social media.', 'Breaking news.' name none
    return any(k in shapes.outlet_names for k in keys) or _ACRONYM.match(words[0]) is not None or any(
        w[:1].isupper() or w[:1].isdigit() for w in words[1:])


_OUTLET_JOINS = frozenset("of the and de la du di".split())
"""Small words inside an outlet's name ('Voice of America', 'The Times of India')."""
_ROLE_ACRONYMS = frozenset("mp mep cfo ceo coo cto cio md vp svp evp gm".split())
"""Titles in capitals after a name's comma ('Ivan Petrov, MP:'): a role, not an outlet."""
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ0-9]{2,}\.?$")


# --------------------------------------------------------------------------------------------
# Other line shapes

_SEPARATOR_RE = re.compile(r"^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$|^(?:~\s*){3,}$")
_ELISION_RE = re.compile(r"^[<\[(]\s*(?:…|\.\.\.)\s*[>\])]$")
_BREADCRUMB_RE = re.compile(r"^[^\s/][^/]{0,60}(?:/[^/]{1,60})*/$")


def is_separator(text: str) -> bool:
    return bool(_SEPARATOR_RE.match(text.strip()))


def is_elision(text: str) -> bool:
    return bool(_ELISION_RE.match(text.strip()))


_NOTE_RE = re.compile(
    r"^(?:\((?P<round>[^()]+)\)|\[(?P<square>[^\[\]]+)\])$"
    r"|^(?:(?:Editor|Interpreter|Translator)['’]s note|Note|Photos?|Video|Source|Read also|See also|Also read|Read more|Tags"
    r"|Publication date|Publication status|Persons|Geography|Topics|Direct link to material|Direct link)\s*:\s+\S"
    r"|^(?:Applause|Laughter|Animation in the hall|Noise in the hall|(?:Unofficial|Official|Abridged|Rough) translation"
    r"|Abridged|Abridged version|BelTA|Photos from the archive|Archive photo|Photos?|Video|Photo gallery|Video gallery)\.?$"
    r"|^(?:https?://|www\.|t\.me/)\S+$|^Follow\s+us\s+on\s+(?:Telegram|Twitter|Facebook|VK|YouTube)\b.*$"
    r"|^(?:Photos?|Video)\s+(?:by|courtesy\s+of)\s+[A-ZА-ЯЁ][^.!?]{0,80}\.?$"
    r"|^(?:(?:The\s+)?Press\s+(?:service|office)\s+of\s+the\s+President(?:\s+of\s+(?:the\s+Republic\s+of\s+)?(?:Belarus|Russia))?"
    r"|Presidential\s+Press\s+and\s+Information\s+Office)\.?$"
    r"|^Based\s+on\s+(?:the\s+)?(?:materials|information|reports)\s+(?:of|from|by)\s+[^.!?,;]{1,60}\.?$"
    r"|^(?P<caption>.{1,300}[.!?]\s+(?:Photos?\s+(?:by|courtesy\s+of)|Photos?:)\s+(?=[A-ZА-ЯЁ'\"“«])[^.!?]{1,60}\.?)$"
)


_COPYRIGHT = re.compile(
    r"^(?:[Cc]opyright\s*)?(?:©\s*(?:\d{4}\b|[A-Z][^.!?]{0,80}\b\d{4}\b)|\([cC]\)\s*\d{4}\b)|^[Cc]opyright\s+\d{4}\b")
"""A site's copyright line ('© 2020, The Press Service of the President …'): furniture at the
page's end."""

_LINKS_HEAD = re.compile(
    r"^(?:Also read|Read also|See also|Read more|More on the topic|Related news|Related articles|Читайте также"
    r"|Topics|Persons|Geography|Tags|Publication date|Publication status)\s*:?$",
    re.I,
)
"""A site's heading over a list of links: 'Also read', 'Read also:'. The headlines listed under
it (short lines with no closing punctuation) are links too, so editorial, not the speech of the
turn they follow nor headings of the text."""


def is_note(text: str) -> bool:
    """A transcriber's or an editor's note standing as a paragraph of its own: '(Laughter.)',
    '[Applause]', '(The meeting continued behind closed doors.)', 'Note: The meeting was held via
    videoconference.', a site's credit or link ('Photo: BelTA', 'Read also: ...') and a photo's
    caption ending in its credit ('... in Gomel. Photo by BelTA'). It is no one's speech, even inside a turn. A bracketed paragraph is a note
    only when short (at most twelve words): a longer one may be speech in brackets."""
    m = _NOTE_RE.match(text.strip())
    if m is None:
        return False
    if m.group("caption") is not None:
        return len(m.group("caption").split()) <= 50  # a photo's caption: 'Lukashenko in Gomel. Photo by BelTA'
    inner = m.group("round") or m.group("square")
    return inner is None or len(inner.split()) <= 12 or _reports(inner)


_PERSONAL = frozenset("i i'm i’m we we're we’re us our ours my me you your".split())
_PAST = frozenset(
    "was were took held made began went spoke gave met saw had left sent laid paid led spent brought came became "
    "heard told said stood sat wrote read flew drove rode chose won lost kept put set".split())


def _reports(text: str) -> bool:
    """A bracketed paragraph that reports what happened, in the third person and the past: '(Vladimir
    Putin and Alexander Lukashenko then continued the talks in a restricted format.)'. Speech in
    brackets says 'I', 'we' or 'you'."""
    words = [w.strip(".,;:!?\"'“”()[]").casefold() for w in text.split()]
    if any(w in _PERSONAL for w in words):
        return False
    return any(w in _PAST or len(w) > 4 and w.endswith("ed") for w in words)


def is_breadcrumb(text: str) -> bool:
    stripped = text.strip()
    return bool(_BREADCRUMB_RE.match(stripped)) and len(stripped.split()) <= 10


_TRAIL_SPLIT = re.compile(r"\s+/\s+")


def _spaced_trail(text: str, title: str = "") -> bool:
    """A breadcrumb trail without the closing slash, as president.gov.by writes it above a page's
    title ('Main / Events'): two to four short capitalised parts joined by spaced slashes, the last
    of which may be the page's own ``title`` ('Main page / Events / Meeting with Prime Minister
    Roman Golovchenko'). Taken as a breadcrumb only above a title and a date line."""
    parts = _TRAIL_SPLIT.split(text.strip())
    if len(parts) > 2 and title and " ".join(parts[-1].split()) == " ".join(title.split()):
        parts = parts[:-1]
    if not 2 <= len(parts) <= 4:
        return False
    return all(
        0 < len(part.split()) <= 4 and part[0].isupper() and not part.endswith(TERMINAL) for part in parts
    )


def heading_shaped(text: str) -> bool:
    """A short line with no closing punctuation that starts like a title."""
    stripped = text.strip()
    words = stripped.split()
    if not words or len(words) > 16 or len(stripped) > 160:
        return False
    if stripped.endswith(TERMINAL):
        return False
    first = stripped[0]
    if not (first.isupper() or first.isdigit() or first in QUOTES):
        return False
    return True


# --------------------------------------------------------------------------------------------
# The parser


@dataclass
class _Para:
    text: str
    line: int
    standalone: bool


@dataclass
class _OpenTurn:
    label: Label
    line: int
    paragraphs: list[Paragraph]
    quoted: Optional[bool] = None
    """For a label on a line of its own: whether its text is a quotation (decided by the next line)."""
    carried: bool = False
    """No label in the source: the speaker before a separator goes on (``Turn.carried``)."""


@dataclass
class _Builder:
    file: str
    sections: list[Section] = field(default_factory=list)
    heading: Optional[Heading] = None
    blocks: list = field(default_factory=list)
    separator_line: int = 0
    turn: Optional[_OpenTurn] = None
    names: set[str] = field(default_factory=set)
    paras: list = field(default_factory=list)
    shapes: Optional[Shapes] = None
    _dialogue: Optional[bool] = None
    _last_label: Optional[int] = None
    _others: Optional[list] = None
    speakers: set[str] = field(default_factory=set)
    """The names of the turns opened so far."""
    carried: Optional[Label] = None
    """The one speaker of a monologue cut by a separator, whose speech may go on below it."""
    kremlin: bool = False
    """Whether the page is the Kremlin's, whose pages print no pull-quote headlines."""
    conversed: bool = False
    """Whether a turn so far was speech, not a quoted statement: a transcript, not an article."""

    def last_label(self) -> int:
        """The position of the last paragraph that is a speaker's label (-1: none), looked for
        once, from the end."""
        if self._last_label is None:
            self._last_label = next(
                (k for k in range(len(self.paras) - 1, -1, -1) if parse_label(self.paras[k].text, self.shapes) is not None), -1)
        return self._last_label

    def monologue(self, at: int) -> bool:
        """Whether the page's labels, but the one at paragraph ``at``, name only the open turn's
        speaker (generic labels and 'Name: "…"' quotations aside): an address, where 'Alexander
        Solzhenitsyn: "…"' is the speaker quoting. Where anyone else speaks, a participant's
        answer may be one quotation ('Anastasia Korneyeva: “Quantum Leap.”')."""
        if self.turn is None:
            return False
        if self._others is None:
            self._others = []
            for k, para in enumerate(self.paras):
                found = parse_label(para.text, self.shapes)
                if found is not None and found.name.split() and found.name.casefold() not in self.shapes.generic_labels \
                        and not _writer_shaped(found, self.shapes):
                    self._others.append((k, found.name.split()[-1].rstrip(".").casefold()))
        words = self.turn.label.name.split()
        speaker = words[-1].rstrip(".").casefold() if words else ""
        return all(name == speaker for k, name in self._others if k != at)

    def dialogue(self) -> bool:
        """Whether a line that no blank line sets apart is a label followed by a sentence
        ('Vladimir Putin: Thank you.'): a dialogue, where 'Name: words' lines are turns, never
        headlines. Worked out once, the first time a headline needs it."""
        if self._dialogue is None:
            # not a quotation, and with no report on the speaker under it: an article quotes
            # ('Aleksandr Turchin, Governor of Minsk Oblast: "…"'), and its 'Lukashenko: Every
            # grain must be saved!' headline has 'The head of state demanded …' below it
            self._dialogue = any(
                not p.standalone and _spoken(p.text, self.paras[k + 1].text if k + 1 < len(self.paras) else "", self.shapes)
                for k, p in enumerate(self.paras)
            )
        return self._dialogue
    problems: list[Problem] = field(default_factory=list)

    def close_turn(self) -> None:
        t = self.turn
        if t is None:
            return
        if not t.paragraphs:
            self.problems.append(
                Problem(self.file, t.line, f"speaker label '{t.label.label}:' has no text after it", "warning")
            )
        self.blocks.append(
            Turn(t.label.label, t.label.name, t.label.role, t.label.affiliation, t.line, tuple(t.paragraphs),
                 carried=t.carried)
        )
        self.conversed = self.conversed or (t.quoted is False and bool(t.paragraphs))
        self.turn = None

    def close_section(self) -> None:
        self.close_turn()
        if self.heading is not None or self.blocks:
            self.sections.append(Section(self.heading, tuple(self.blocks), self.separator_line))
        self.heading, self.blocks, self.separator_line = None, [], 0

    def open_turn(self, label: Label, line: int) -> None:
        self.close_turn()
        self.turn = _OpenTurn(label, line, [])
        self.speakers.add(label.name)
        self.carried = None
        for token in label.name.split():
            token = token.rstrip(".,")
            if JOINT.fullmatch(f" {token} ") or not token:
                continue  # the 'and' of a pair ('Vladimir Putin and Alexander Lukashenko') is no name
            if _GLUED_INITIAL.match(token):
                self.names.add(token.split(".")[-1].casefold())  # 'В.Путин' and 'А.Лукашенко' in a pair too
            elif not _INITIAL.match(token + "."):
                self.names.add(token.casefold())
        glued = _GLUED_INITIAL.match(label.name)
        if glued:
            self.names.add(label.name.split(".")[-1].casefold())


WRAP_MIN, WRAP_MAX = 40, 110
"""Line lengths of hard-wrapped text (old tools wrap at 60 to 80 characters)."""


def _hard_wrapped(block: list[str], shapes: Shapes) -> bool:
    """A block of consecutive lines is hard-wrapped when its lines (but the last) have wrap-like
    lengths and mostly stop mid-sentence. A shorter line may end a sentence: it is the last line of
    a paragraph, when the tool wrote no blank line between paragraphs ('GDR?', then 'PRESIDENT
    VLADIMIR PUTIN: We have agreed ...'). Decided per block, so editing one block never changes
    how another is split into paragraphs."""
    if len(block) < 2 or _LINKS_HEAD.match(block[0]):
        return False  # (the headlines under 'Read also:' are a line each)
    inner = block[:-1]
    ends = [line.rstrip().endswith(_FULL_STOPS + (":",)) for line in inner]
    if not all(WRAP_MIN <= len(line) <= WRAP_MAX or (len(line) < WRAP_MIN and end) or _caps_heading(line)
               for line, end in zip(inner, ends)):
        return False
    breaks = [k for k, end in enumerate(ends) if not end]
    if len(breaks) >= 2 and all(
        k > 0 and ends[k - 1] and _subheadline(block[k], block[k + 1], shapes)
        and block[k].split()[-1].casefold() not in _MID_PHRASE
        for k in breaks
    ):
        return False  # an article's paragraphs with a headline between them, no blank lines
    # The lines of wrap-like length tell: in a dialogue with no blank lines, the one-line replies
    # ('QUESTION: But why?', 'What about Chechnya?') end sentences without saying anything of the wrapping.
    # A heading with a label under it ('Beginning of the meeting with Government members' over
    # 'VLADIMIR PUTIN: Good afternoon.') ends its paragraph too.
    # (A role over a name, 'Teacher of Russian at School No. 5 in Kursk' over 'Marina Petrova: …',
    # is one label wrapped: no paragraph end.)
    long_ends = [end or heading_shaped(line) and line.split()[-1].casefold() not in _MID_PHRASE
                 and line.split()[0].casefold() not in _ROLE_WORDS
                 and _LABEL_RE.match(below) is not None and parse_label(below, shapes) is not None
                 for line, end, below in zip(inner, ends, block[1:]) if len(line) >= WRAP_MIN]
    return bool(long_ends) and sum(long_ends) <= len(long_ends) / 2


def _caps_heading(line: str) -> bool:
    """A short heading in capitals inside a hard-wrapped dump ('THE ECONOMY'), which old pages put
    between the questions of an interview: a line of its own, never a wrapped line's end."""
    text = line.strip()
    return (len(text) < WRAP_MIN and text.isupper() and len(text.split()) <= 8 and ":" not in text
            and not text.endswith(TERMINAL) and not is_separator(text))


_FULL_STOPS = (".", "!", "?", "…", '"', "”", "»")
"""How a line ending a sentence ends (a quotation's closing mark included)."""
_MID_PHRASE = _PLACE_PARTICLES | frozenset("a an in to for at by with".split())
"""Words a headline never ends on: a line ending on one breaks off mid-phrase."""


def _spoken(text: str, below: str, shapes: Shapes) -> bool:
    """Whether a line is a line of a dialogue: a label and a sentence ('Vladimir Putin: Thank
    you.'), not a quotation and with no report on the speaker ``below`` it, as an article quotes
    ('Aleksandr Turchin, Governor of Minsk Oblast: "…"') and headlines ('Lukashenko: Every grain
    must be saved!' over 'The head of state demanded …')."""
    said = parse_label(text, shapes)
    return (said is not None and said.rest.endswith(TERMINAL) and not _opens_quotation(said.rest)
            and not _reports_on(below, said))


def _subheadline(text: str, below: str, shapes: Shapes) -> bool:
    """A line that may be an article's headline in a dump without blank lines: shaped like a
    heading, no clause ('EAEU Leaders Summit scheduled for December 11'), no label, and a new
    sentence below it."""
    return (heading_shaped(text) and not _clause(text) and _LABEL_RE.match(text) is None
            and below[:1].isupper() and not _LIST_ITEM.match(below) and parse_label(below, shapes) is None)


def _paragraphs(lines: list[SourceLine], shapes: Shapes) -> list[_Para]:
    """Group body lines into paragraphs: one per line, or joined within hard-wrapped blocks."""
    blocks: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    for ln in lines:
        if ln.text.strip():
            current.append(ln)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    paras: list[_Para] = []
    for block in blocks:
        texts = [ln.text.strip() for ln in block]
        wrapped = _hard_wrapped(texts, shapes)
        single = len(block) == 1
        said: Optional[int] = None  # lines of a dialogue in the block ('Name: words.'), counted when needed
        for k, (ln, text) in enumerate(zip(block, texts)):
            if wrapped and _caps_heading(text) and (k == 0 or texts[k - 1].endswith(_FULL_STOPS)):
                paras.append(_Para(text, ln.number, True))  # 'THE ECONOMY' between two questions
            elif wrapped and k > 0 and not _starts_new_paragraph(text, texts[k - 1], shapes):
                joined = paras[-1]
                paras[-1] = _Para(joined.text + " " + text, joined.line, False)
            else:
                # a headline between two paragraphs of an article without blank lines stands
                # apart (not in a dialogue's block, where lines of speech lack their full stop)
                apart = single or not wrapped and 0 < k < len(texts) - 1 and texts[k - 1].endswith(
                    _FULL_STOPS) and _subheadline(text, texts[k + 1], shapes)
                if apart and not single:
                    if said is None:
                        said = sum(1 for j, t in enumerate(texts) if _spoken(t, texts[j + 1] if j + 1 < len(texts) else "", shapes))
                    apart = said < 2
                paras.append(_Para(text, ln.number, apart))
    return paras


_LIST_ITEM = re.compile(r"^(?:[–—•·▪*-]|\d{1,2}[.)])\s+\S")
"""A list's item: a dash, a bullet or a number, then a space."""
_SENTENCE_END = ('.', '!', '?', '…', '"', '”', '»', ':', ')', ']', '–', '—', '-')


def _starts_new_paragraph(text: str, previous: str, shapes: Shapes) -> bool:
    """Inside a hard-wrapped block, a line starts a paragraph of its own when it is a separator or
    an elision, or a label after a line that ends a sentence: a wrapped line that happens to begin
    'Jawaharlal Nehru: Friendship ...' in the middle of a sentence continues it. After a comma, a
    known speaker's label in full starts one too: a dump without blank lines keeps a greeting's
    comma ('... friends, good afternoon,' then 'Alexander Lukashenko: Good afternoon')."""
    if is_separator(text) or is_elision(text):
        return True
    if _LIST_ITEM.match(text) and previous.rstrip().endswith((":", ";", ".", ",", "!", "?")):
        return True  # '– to keep prices under control.' under 'The President set the following tasks:'
    if len(previous) < WRAP_MIN and previous.rstrip().endswith(_SENTENCE_END):
        return True  # a short line ending a sentence ended its paragraph (see ``_hard_wrapped``)
    if _caps_heading(previous):
        return True  # the line under a heading in capitals
    found = _LABEL_RE.match(text) or _GLUED.match(text)
    if not found:
        return False
    if previous.rstrip().endswith(_SENTENCE_END):
        return True
    name = found.group("label").split()
    return previous.rstrip().endswith((",", ";")) and len(name) >= 2 and name[-1].casefold() in shapes.known_names and (
        name[0][:1].isupper() and bool(found.group("rest"))
    )


def _is_boilerplate(text: str, shapes: Shapes) -> bool:
    if len(text) > 4 * shapes.longest_boilerplate:
        return False  # (only a line mostly of spaces could shrink to one)
    return " ".join(text.split()).casefold() in shapes.boilerplate


def _menu_above_site_name(lines: list[SourceLine], start: int, limit: int, shapes: Shapes) -> int:
    """The index of the site's name line ('Official website of the President of Russia') when only
    short menu lines (at most three) stand between ``start`` and it, under other lines of the
    site's menu ('View settings'): 'Images', 'Settings' of a site's accessibility menu. 0 when
    there is none, or when a line between reads as text: a sentence, a date, a speaker's label.
    (A title above a byline 'President of Russia' in a page with no menu is never asked about.)"""
    menu = 0
    for j in range(start, min(limit, len(lines))):
        text = " ".join(lines[j].text.split())
        if not text:
            continue
        if _is_boilerplate(text, shapes) and shapes.boilerplate[text.casefold()]:
            return j
        menu += 1
        if menu > 3:
            return 0
        if len(text.split()) > 8 or text.endswith((".", "!", "?", "…")) or parse_date_line(text):
            return 0
        label = _LABEL_RE.match(text)
        if label and label.group("rest"):
            return 0
    return 0


def parse(doc: RawDocument, shapes: Shapes) -> tuple[Transcript, list[Problem]]:
    """Parse one document. Problems include warnings; an error means the transcript is refused."""
    problems: list[Problem] = []
    lines = list(doc.lines)
    boilerplate: list[SourceLine] = []
    source = ""

    # ---- header: boilerplate, breadcrumb, title, date line
    i = 0
    header_limit = 20
    while i < len(lines) and i < header_limit:
        text = lines[i].text.strip()
        if not text:
            i += 1
            continue
        if _is_boilerplate(text, shapes):
            boilerplate.append(lines[i])
            source = source or shapes.boilerplate[" ".join(text.split()).casefold()]
            i += 1
            continue
        site_name = _menu_above_site_name(lines, i, header_limit, shapes) if boilerplate else 0
        if site_name:
            boilerplate.extend(line for line in lines[i:site_name] if line.text.strip())
            i = site_name
            continue
        break
    for j in _media_counters(lines, i):
        boilerplate.append(lines[j])
        lines[j] = SourceLine(lines[j].number, "")
    content_idx = [j for j in range(i, len(lines)) if lines[j].text.strip()]
    title_line: Optional[SourceLine] = None
    date: Optional[DateLine] = None
    date_line_no = 0
    breadcrumb: Optional[SourceLine] = None
    body_start = i
    k = 0
    dated: Optional[int] = None
    """The position of a date line below the title (``_dated_title``), once it is known."""
    if len(content_idx) > 1:
        head = lines[content_idx[k]].text
        if is_breadcrumb(head) or (
            _spaced_trail(head, lines[content_idx[k + 1]].text) and (
                dated := _dated_title(lines, content_idx, k + 1, shapes)) is not None
        ):
            breadcrumb = lines[content_idx[k]]
            k += 1
    section_name = breadcrumb is None and k + 1 < len(content_idx) and (
        lines[content_idx[k]].text.strip().casefold() in _SITE_SECTIONS
        and (parse_date_line(lines[content_idx[k + 1]].text) is not None
             or _dated_title(lines, content_idx, k + 1, shapes) is not None)
        or _section_word(lines[content_idx[k]].text, shapes)  # 'Condolences', 'Executive orders'
        and not lines[content_idx[k + 1]].text.strip().endswith(TERMINAL)
        and _dated_title(lines, content_idx, k + 1, shapes) is not None)
    if section_name:  # president.gov.by's 'Events' over the date or the dated headline: the page's breadcrumb
        breadcrumb = lines[content_idx[k]]
        k += 1
    first = lines[content_idx[k]] if k < len(content_idx) else None
    lead: list[SourceLine] = []
    """Lines between the title and a date line below them (a lead), which stay in the body."""
    if first is not None:
        if parse_date_line(first.text):
            date, last = _date_block(lines, content_idx, k, shapes)
            date_line_no = first.number
            body_start = content_idx[last] + 1
            if _title_under_date(lines, content_idx, last + 1, shapes, after_section=section_name):
                title_line, body_start = lines[content_idx[last + 1]], content_idx[last + 1] + 1
        elif (dated := dated if dated is not None else _dated_title(lines, content_idx, k, shapes)) is not None:
            title_line = first
            date, last = _date_block(lines, content_idx, dated, shapes)
            date_line_no = lines[content_idx[dated]].number
            lead = lines[content_idx[k] + 1: content_idx[dated]]
            body_start = content_idx[last] + 1
        elif breadcrumb is not None and _title_shaped(first.text, shapes):
            title_line = first
            body_start = content_idx[k] + 1
        elif breadcrumb is not None:
            body_start = content_idx[k]
        else:
            body_start = content_idx[0] if content_idx else len(lines)
    if breadcrumb is not None:
        boilerplate.append(breadcrumb)

    # ---- footer: trailing boilerplate and the date line repeated at the end
    end = len(lines)
    while end > body_start:
        text = lines[end - 1].text.strip()
        if not text:
            end -= 1
        elif _is_boilerplate(text, shapes) or _COPYRIGHT.match(text):
            boilerplate.append(lines[end - 1])
            end -= 1
        else:
            break
    if end > body_start:
        last = lines[end - 1]
        last_date = parse_date_line(last.text)
        if last_date and (date is None or last_date.raw == date.raw):
            if date is None:
                date, date_line_no = last_date, last.number
            else:
                boilerplate.append(last)
            end -= 1
        elif date is not None:
            block = _footer_date(lines, body_start, end, date, shapes)
            boilerplate.extend(line for line in lines[block:end] if line.text.strip())
            end = block

    if date is not None and not date.valid:
        if doc.sidecar is not None and doc.sidecar.date:
            problems.append(
                Problem(
                    doc.file, date_line_no,
                    f"{date.error}: that day does not exist; the sidecar's date {doc.sidecar.date} is used",
                    "warning",
                )
            )
        else:
            problems.append(
                Problem(
                    doc.file,
                    date_line_no,
                    f"{date.error}: that day does not exist; correct the date line, or give the right date as "
                    f"'date: YYYY-MM-DD' in {doc.stem}.meta.yaml next to the transcript",
                )
            )

    # ---- body
    builder = _Builder(doc.file)
    paras = _paragraphs(lead + [SourceLine(0, "")] + lines[body_start:end] if lead else lines[body_start:end], shapes)
    summary: list[Paragraph] = []
    # Leading paragraphs are a summary when a separator, label or heading follows them soon.
    lead = 0
    while lead < len(paras) and lead < 5:
        p = paras[lead]
        if is_separator(p.text) or parse_label(p.text, shapes) is not None or parse_date_line(p.text) is not None:
            break
        if lead + 1 < len(paras) and _reported_label(p.text, paras[lead + 1].text, shapes, frozenset()):
            break
        if (p.standalone or _PART_OF_EVENT.match(p.text)) and heading_shaped(p.text) and lead > 0:
            if _furniture_after(paras, lead, shapes):
                lead = len(paras)  # a short item over the site's links, a photo credit or a signature: no lead
            break  # ('Beginning of the meeting' in a dump with no blank lines)
        if lead == 0 and (_PART_OF_EVENT.match(p.text) or is_elision(p.text)):
            break  # the body opens with a part's heading ('Excerpts from the transcript') or '<…>'

        lead += 1
    if 0 < lead < len(paras) and lead <= 4 and not all(is_note(p.text) for p in paras[:lead]):
        # a site's 'Read also:' under the lead ends it: the links under it are editorial
        lead = next((j for j in range(lead) if _LINKS_HEAD.match(paras[j].text.strip())), lead)
        # a speech printed without its speaker's label ('Good afternoon, dear friends!') ends it too,
        # as does an essay's own first paragraph ('During the Direct Line, when I was asked …')
        lead = next((j for j in range(lead) if _opens_a_speech(paras[j].text) or _says_i(paras[j].text)), lead)
        summary = [Paragraph(p.text, p.line, "summary") for p in paras[:lead]]
        paras = paras[lead:]

    builder.paras, builder.shapes = paras, shapes
    builder.kremlin = "kremlin.ru" in source  # the Kremlin's pages have no pull-quote headlines
    links = False  # inside a site's list of links ('Also read' and the headlines under it): editorial
    # after narration ending in ':' ('The following documents were signed:'): its items
    tail = len(summary)
    while tail > 0 and not summary[tail - 1].text.rstrip().endswith(TERMINAL):
        tail -= 1  # (a long item of the list, taken into the summary)
    intro = tail > 0 and _introduces_list(summary[tail - 1].text)
    # an interview that labels only its questions ('Question: …?', the answer unlabelled under it)
    questions_only = functools.cache(lambda: _questions_only(paras, shapes))
    # a message's sender, named by the page's first line ('Vladimir Putin sent greetings to …')
    sender = _message_sender(summary[0].text if summary else paras[0].text if paras else "", shapes)
    for idx, p in enumerate(paras):
        nxt = paras[idx + 1] if idx + 1 < len(paras) else None
        text = p.text
        if is_separator(text):
            turn = builder.turn
            carried = turn.label if turn is not None and not turn.quoted and len(builder.speakers) == 1 else None
            builder.close_section()
            builder.separator_line = p.line
            builder.carried = carried
            continue
        listing = links and heading_shaped(text)
        links = bool(_LINKS_HEAD.match(text.strip())) or listing
        if is_elision(text) or is_note(text) or links or p.standalone and _is_boilerplate(text, shapes):
            if builder.turn is not None and builder.turn.quoted and not _quote_open(builder.turn.paragraphs) and (
                not is_elision(text) and not text.startswith(("(", "["))
            ) and not (nxt is not None and _opens_quotation(nxt.text.strip())):  # ('Photo' between two of its quotations)
                builder.close_turn()  # a quoted statement has ended: the site's lines under it (credits, links) are the page's
            target = builder.turn.paragraphs if builder.turn else None
            para = Paragraph(text, p.line, "editorial")
            if target is not None:
                target.append(para)
            else:
                builder.blocks.append(para)
            continue
        speaking = builder.turn is not None and builder.turn.quoted is False and builder.turn.paragraphs
        reported = _reported_label(text, nxt.text, shapes, frozenset(builder.names)) if (
            nxt is not None and not (speaking and _QUOTING_WRITER.match(text))) else None
        if reported is not None and speaking and builder.kremlin and not (
            reported.name.split()[-1].rstrip(".").casefold() in builder.names
        ):
            reported = None  # 'Bill Clinton replied:' in a Kremlin speech: the speaker tells a story
        if reported is None and sender is not None and nxt is not None and builder.turn is None and (
            _MESSAGE_READS.match(text.strip()) and _opens_quotation(nxt.text.strip())
        ):  # 'The message reads, in part:' above the quotation of the message the page's first line says was sent
            if _senders_quotation(paras, idx, sender):
                reported = Label(text.strip()[:-1].rstrip(), sender.name, sender.role, sender.affiliation, "")
            sender = None  # (only the first message is the sender's: 'Prime Minister Vladimir Putin also sent greetings.')
        if reported is not None:
            builder.open_turn(reported, p.line)  # 'Aleksandr Lukashenko noted:' above a quotation
            continue
        label = parse_label(text, shapes, frozenset(builder.names)) or _caps_surname(text, builder, shapes)
        office = _office_in_dialogue(text, builder) if label is None else None
        label = label or office
        if label is not None and speaking and builder.kremlin and _quotes_a_writer(label, builder, shapes) and (
            builder.monologue(idx)
        ):
            label = None
        if label is not None:
            if _is_headline(label, p, builder, nxt, shapes):
                builder.close_section()
                builder.heading = Heading(text, p.line)
                continue
            names = set(builder.names)
            builder.open_turn(label, p.line)
            if office is not None:
                builder.names = names  # an office is no surname: 'President' names no one in later lines
            if label.rest:
                if (
                    not label.affiliation
                    and is_outlet(label.rest, shapes)
                    and nxt is not None
                    and parse_label(nxt.text, shapes, frozenset(builder.names)) is None
                    and not is_separator(nxt.text)
                    and _first_appearance(label, builder)
                ):
                    builder.turn.label = Label(
                        label.label, label.name, label.role, label.rest.rstrip(".").strip(), ""
                    )
                    builder.turn.quoted = False
                else:
                    builder.turn.paragraphs.append(Paragraph(label.rest, p.line))
                    # an article's 'Sergei Lavrov, Russian Foreign Minister: "…"' or 'Lukashenko:
                    # "…"' (a role after a comma, or a surname alone, as articles label): the
                    # statement ends with its quotation, as under a label alone on its line
                    builder.turn.quoted = (
                        not builder.conversed and _opens_quotation(label.rest)
                        and (", " in label.label or len(label.name.split()) == 1
                             and (label.name.casefold() not in shapes.generic_labels
                                  or label.rest.rstrip().endswith(("?”", '?"', "?»"))))
                        and not builder.dialogue())  # ('Question: “…”' then the rest of the question)
            continue
        if intro and builder.turn is None and heading_shaped(text) and not _PART_OF_EVENT.match(text) and not (
            nxt is not None and _NAMES_A_PART.search(text)
            and parse_label(nxt.text, shapes, frozenset(builder.names)) is not None
        ):  # (no label: a label's line went on above)
            # (a line naming a part of the event with a label under it ends the list: a heading)
            builder.blocks.append(Paragraph(text, p.line, "narration"))  # a list's item, not a heading
            continue
        listing_on = intro and builder.turn is None and not heading_shaped(text) and not text.rstrip().endswith(TERMINAL)
        intro = False
        if _is_heading(p, builder, nxt, shapes):
            builder.close_section()
            builder.heading = Heading(text, p.line)
            continue
        turn = builder.turn
        if turn is not None:
            if turn.quoted is None:
                turn.quoted = _opens_quotation(text)
            if not turn.quoted and turn.paragraphs and (
                _reports_on_speaker(text, builder.speakers) or _EVENT_GOES_ON.match(text)
                or not builder.kremlin and _reports_on_the_leader(text)
                or turn.label.name.casefold() in _ASKERS and turn.paragraphs[-1].text.rstrip().endswith("?")
                and (_reports_answer(text) or not text.rstrip().endswith("?") and questions_only())
            ):
                # 'Vladimir Putin toured the assembly shop.' between turns, and after a journalist's
                # question an article's report of the answer: narration
                builder.close_turn()
            elif turn.quoted and not _opens_quotation(text) and turn.paragraphs and not _goes_on_speaking(text) and (
                not _quote_open(turn.paragraphs) or _running_quote_left(turn.paragraphs, text)
            ):
                # after the statement's quotation closed, a paragraph that is no quotation of its
                # own is the article's again: narration, or someone else's words quoted with who
                # said them ('"Belarus has always been our closest ally," Aleksandr Lukashenko said.')
                builder.close_turn()
            else:
                turn.paragraphs.append(Paragraph(text, p.line))
                continue
        carried = builder.carried
        if carried is not None and not builder.blocks and builder.heading is None and (
            _speech_opening(text) or builder.last_label() <= idx and not _reports(text)
            and carried.name.split()[-1] not in text and not _EVENT_REPORT.match(text)
        ):
            # a monologue's next part under '* * *' ('Colleagues,', 'I propose ...', or anything
            # but a report when no label follows): the same speaker's, named as later labels name them
            builder.open_turn(Label(carried.name, carried.name, "", "", ""), p.line)
            builder.turn.quoted, builder.turn.carried = False, True
            builder.turn.paragraphs.append(Paragraph(text, p.line))
            continue
        builder.carried = None
        builder.blocks.append(Paragraph(text, p.line, "narration"))
        intro = _introduces_list(text) or listing_on  # (a long item goes on the list)
    builder.close_section()
    builder.sections = _mend_names(builder.sections, shapes)
    problems.extend(builder.problems)

    transcript = _assemble(doc, title_line, date, date_line_no, source, summary, builder, boilerplate)
    return transcript, problems


LEAD_LINES = 3
"""At most this many lines (a lead) may stand between the title and the date line."""


def _dated_title(lines: list[SourceLine], content_idx: list[int], k: int, shapes: Shapes) -> Optional[int]:
    """If content line ``k`` is a title with a date line below it, the position of that date line:
    right under the title, or under a lead of at most ``LEAD_LINES`` lines of prose (the Kremlin's
    pages put the lead before the date and the time). A headline shaped like a speaker's line,
    common on president.gov.by ('Lukashenko: Belarus will never give up its sovereignty'), is a
    title too when a date line follows it."""
    if k >= len(content_idx):
        return None
    first = lines[content_idx[k]].text
    if not _title_shaped(first, shapes):
        headline = parse_label(first, shapes)
        if headline is None or len(first.split()) > 30:
            return None
        if _ends_a_sentence(headline.rest) or len(headline.rest.split()) < 3:
            # a speaker's first line, unless the date line is right under it: a headline quoting a
            # whole sentence ('Lukashenko: We will not allow anyone to destabilize the situation!')
            # or a short one ('Peskov: No plans')
            below = k + 1 < len(content_idx) and parse_date_line(lines[content_idx[k + 1]].text) is not None
            return k + 1 if below else None
    for j in range(k + 1, min(k + 2 + LEAD_LINES, len(content_idx))):
        text = lines[content_idx[j]].text
        if parse_date_line(text) is not None:
            return j
        if is_separator(text) or is_elision(text) or is_breadcrumb(text) or parse_label(text, shapes) is not None:
            return None
    return None


def _date_block(lines: list[SourceLine], content_idx: list[int], j: int, shapes: Shapes) -> tuple[DateLine, int]:
    """The date line at content line ``j``, with the time and the place the Kremlin's pages write on
    lines of their own under a date ('March 11, 2022' / '11:15' / 'The Kremlin, Moscow'). Returns
    the date (its written form then includes the time, its place the place line) and the position
    of its last line."""
    date = parse_date_line(lines[content_idx[j]].text)
    assert date is not None
    last = j
    if date.place:
        return date, last
    timed = _ENDS_IN_TIME.search(date.written) is not None
    if last + 1 < len(content_idx) and not timed:
        text = lines[content_idx[last + 1]].text.strip()
        if _TIME_LINE.match(text):
            date, last, timed = replace(date, written=f"{date.written} {text}"), last + 1, True
    if last + 1 < len(content_idx):
        text = lines[content_idx[last + 1]].text.strip()
        after = lines[content_idx[last + 2]].text.strip() if last + 2 < len(content_idx) else ""
        short_place = bool(after) and _short_place(text, shapes, named=not (
            parse_label(after, shapes) is not None or is_separator(after)))
        if (_place_line(text, timed) or short_place) and parse_label(text, shapes) is None and parse_date_line(
            text) is None:
            date, last = replace(date, place=text, place_line=lines[content_idx[last + 1]].number), last + 1
    return date, last


_CLOSERS = "”»\""


def _running_quote_left(paragraphs: list[Paragraph], text: str) -> bool:
    """A quotation over several paragraphs, each opening with a mark as the convention has it
    ('“We have a lot of issues.' / '“Second, security.'), whose last closing mark the page lost:
    a paragraph opening without a mark and closing none ('After the talks the presidents went
    for a walk.') is no longer the quotation."""
    return (
        len(paragraphs) >= 2 and all(p.text.startswith(QUOTES) for p in paragraphs)
        and not text.startswith(QUOTES) and not any(c in text for c in _CLOSERS)
    )


def _footer_date(lines: list[SourceLine], start: int, end: int, date: DateLine, shapes: Shapes) -> int:
    """Where the page's date repeated at its foot begins (``end`` if it is not there): a date
    line of the same day, written as the header or otherwise ('March 11, 2022, The Kremlin,
    Moscow' under a header with the time), alone or over a time and a place on lines of their own
    ('March 11, 2022' / '11:15' / 'The Kremlin, Moscow')."""
    tail = [i for i in range(max(start, end - 12), end) if lines[i].text.strip()][-3:]
    for k in range(len(tail), 0, -1):
        found = parse_date_line(lines[tail[-k]].text)
        if found is None or found.iso != date.iso:
            continue
        timed = _ENDS_IN_TIME.search(found.written) is not None
        rest = [lines[i].text.strip() for i in tail[-k + 1:]] if k > 1 else []
        if rest and not timed and _TIME_LINE.match(rest[0]):
            rest, timed = rest[1:], True
        if len(rest) > 1 or rest and not (
            rest[0].casefold() == date.place.casefold() or _place_line(rest[0], timed) or _short_place(rest[0], shapes)
        ):
            continue
        return tail[-k]
    return end


_CLOSING_QUOTE = {'"': '"', "“": "”", "«": "»", "„": "“", "'": "'", "‘": "’"}


def _quotes_a_writer(label: Label, builder: "_Builder", shapes: Shapes) -> bool:
    """In a Kremlin speech, 'Alexander Solzhenitsyn: "Preserving the people is …"': the speaker
    quoting someone whom the transcript has not heard and does not know, by name alone, the whole
    rest one quotation. The Kremlin's transcripts never quote a speaker's own words under a label."""
    return _writer_shaped(label, shapes) and not _known_speaker(label.name, shapes, frozenset(builder.names))


def _writer_shaped(label: Label, shapes: Shapes) -> bool:
    """A label by a name alone whose whole rest is one quotation ('Alexander Solzhenitsyn: "…"')."""
    rest = label.rest.strip()
    return (
        not label.role and not label.affiliation and rest[:1] in QUOTES and _opens_quotation(rest)
        and rest.rstrip(" .!?…").endswith(tuple(_CLOSING_QUOTE.values()))
        and label.name.casefold() not in shapes.generic_labels
    )


def _opens_quotation(text: str) -> bool:
    """A paragraph that is a quoted statement: it opens with a quotation mark that closes only at
    its end, or not at all (a quotation running on into the next paragraph), as articles quote
    a speaker under a label of its own ('Sergei Lavrov, Russian Foreign Minister:'). A paragraph
    of speech that merely begins with a quoted word ('"Difficult" is the right word.') is not."""
    if not text.startswith(QUOTES):
        return False
    opener, closer = text[0], _CLOSING_QUOTE[text[0]]
    if opener != closer and text.count(closer) < text.count(opener):
        return True  # an inner quotation closed, the paragraph's own runs on: '“They adopt “x” every year.'
    if opener == closer and text.count(opener) % 2:
        return True  # the same with straight marks
    end = text.rfind(closer, 1)  # the last one: quotations may nest
    return end == -1 or not text[end + 1:].strip(" .,;:!?…»”’\"')")


def _quote_open(paragraphs: list[Paragraph]) -> bool:
    """Whether a quoted statement is still open after these paragraphs: a quotation of several
    paragraphs may open in the first and close only at the end of the last ('“We have paid a high
    price.' / 'And we will never give it up.”'), and the paragraphs between stay the speaker's. The
    last paragraph tells: no closing quotation mark in it (each paragraph of a long quotation may
    open with one of its own); an editor's note ('(Applause.)') tells nothing."""
    spoken = [p for p in paragraphs if p.kind != "editorial"]
    if not spoken:
        return False
    last = spoken[-1].text
    curly_open, curly_closed = last.count("“") + last.count("«"), last.count("”") + last.count("»")
    # Each kind of mark pairs up within its own kind: an inner quotation ('on "promoting
    # democracy".', '“You did well!”') leaves open what was open.
    # A paragraph ending in a curly closing mark closes it (marks are not always paired in the
    # sites' texts: '“It’s called “competition. We ... before.”'); straight marks pair by count.
    if last.rstrip(" .,;:!?…)").endswith(("”", "»")):
        return False
    if last.startswith('"'):
        return last.count('"') % 2 == 1
    if last.startswith(("“", "«")):
        return curly_open > curly_closed
    if last.startswith("‘"):  # single marks ('‘The army is ready.’'); ’ is an apostrophe too: only the end tells
        return not last.rstrip(" .,;:!?…)").endswith("’")
    # a paragraph carrying on a quotation opened above: open until it closes it
    return curly_closed <= curly_open and last.count('"') % 2 == 0


_CAPS_SURNAME = re.compile(r"^(?P<name>[A-ZА-ЯЁ][A-ZА-ЯЁ'’\-]{2,29}):\s+(?P<rest>[A-ZА-ЯЁ\"“«(].*)$")
_NOT_A_SURNAME = frozenset(
    "note nb ps update source warning attention important answer question "
    "gdp nato usa us uk eu cis wto opec un osce sco brics csto eaeu fsb imf apec oecd unesco asean".split())
"""Words in capitals before a colon that name no one: notes, and topics a speaker runs through ('GDP:')."""


def _caps_surname(text: str, builder: _Builder, shapes: Shapes) -> Optional[Label]:
    """A surname alone in capitals ('ZHUKOV: The economy is growing.'), in a transcript whose
    labels so far are written in capitals ('VLADIMIR PUTIN: Mr Zhukov, please.'), as the early
    2000s pages write them: that speaker's turn, though neither the registry nor an earlier label
    names them. Not a word of a sentence ('THANK: …'), a month or a note ('NOTE:')."""
    m = _CAPS_SURNAME.match(text) if ":" in text else None
    if m is None or not any(name.isupper() for name in builder.speakers):
        return None
    key = m.group("name").casefold()
    if (key in _NOT_A_SURNAME or key in _SENTENCE_WORDS or key in _CLAUSE_WORDS or key in MONTHS
            or key in shapes.generic_labels or key in _NOT_SURNAMES or key in shapes.outlet_words):
        return None
    return Label(m.group("name"), m.group("name"), "", "", m.group("rest"))


def office_only(name: str) -> bool:
    """A speaker named by an office alone ('President', 'Prime Minister', 'Delegate'): nobody in
    particular across the archive (each page's 'President' may be another person)."""
    words = name.split()
    return 1 <= len(words) <= 3 and all(w.casefold() in _ROLE_WORDS for w in words)


def _office_in_dialogue(text: str, builder: _Builder) -> Optional[Label]:
    """A speaker named by the office alone ('President: Prices will be kept under control.',
    'Prime Minister:', 'Delegate:'), as president.gov.by labels the head of state's answers in a
    press conference or the Big Conversation: one to three capitalised role words and nothing else.
    Only in a dialogue, after other labels, while the turn above is speech (not an article's quoted
    statement), and only before a sentence that is no quotation: a headline quoting the President
    ('President: “We will not allow …”', 'President: We would like to have very close relations
    with Russia') stays a heading."""
    if ":" not in text[:40] or not builder.speakers or not (
        builder.conversed or builder.turn is not None and builder.turn.quoted is False and builder.turn.paragraphs
    ):
        return None  # (one to three words and a colon come first)
    m = _LABEL_RE.match(text)
    rest = (m.group("rest") or "").strip() if m else ""
    if not rest or not (rest[0].isupper() or rest[0].isdigit()) or _opens_quotation(rest) or not rest.endswith(TERMINAL):
        return None
    label = m.group("label").strip()
    words = label.split()
    if not 1 <= len(words) <= 3 or not all(re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-Za-zА-Яа-яЁё]+)?", w) for w in words):
        return None
    if not office_only(label):
        return None
    return Label(label, label, "", "", rest)


def _opens_a_speech(text: str) -> bool:
    """A paragraph opening as a speech does, which no summary of a page does: a greeting ('Good
    afternoon, dear friends!'), an address ('Dear delegates!', 'Colleagues,', 'Ladies and
    gentlemen,') or 'I' or 'we' first ('I am very glad to be here.'), as the old pages print a
    speech's opening words without a label above the questions that follow it."""
    words = text.split()
    if not words:
        return False
    first = words[0].strip(",.!").casefold()
    if _GREETING.match(text) or first in ("i", "i'm", "i’m", "we", "we're", "we’re"):
        return True
    return first in _ADDRESS_WORDS and re.search(r"[,!]", " ".join(words[:4])) is not None


_QUOTED_SPAN = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
_I_SPEAKS = re.compile(r"(?:^|[.!?:;,–—]\s+|\b[a-zа-яё]\w*\s+)(?:I\s+[a-z]|I[’']m\b|[Mm]y\s+[a-z])")


_MESSAGE_READS = re.compile(
    r"^(?:The\s+(?:message|telegram|letter|address|greetings?)\s+(?:reads|says|states)(?:,?\s+in\s+part)?"
    r"|In\s+(?:his|her|the)\s+(?:message|telegram|letter|address),\s+the\s+(?:President|head\s+of\s+state)[^:]{0,40}?"
    r"\s+(?:said|noted|stressed|emphasi[sz]ed|wrote))\s*:$")
_SENT = re.compile(r"^(?P<who>[A-ZА-ЯЁ][^,.:;]{2,100}?)\s+(?:has\s+)?(?:sent|addressed|congratulated|expressed)\s")


_ANOTHERS_MESSAGE = re.compile(
    r"\b(?:for\s+(?:his|her|their|the)\s+(?:message|greetings|letter|telegram|congratulations|condolences)"
    r"|in\s+(?:turn|response|reply)|(?:also|has\s+also|in\s+turn)\s+sent|received|exchanged|gratitude|thanked)\b", re.I)
"""A first paragraph that tells of a message from another too ('Vladimir Putin expressed gratitude to Kim
Jong-un for his message', '… In turn, Xi Jinping also sent a message'): the quoted message may be theirs."""


def _message_sender(first: str, shapes: Shapes) -> Optional[Label]:
    """The person whose message a page of greetings or condolences quotes, named with a verb of
    sending in its first paragraph ('Vladimir Putin sent condolences to …', 'Belarus President
    Aleksandr Lukashenko has sent greetings …'): by full name only; none when the paragraph names
    two senders ('Vladimir Putin and Xi Jinping sent messages …') or another's message."""
    m = _SENT.match(first.strip())
    if m is None or re.search(r"\s(?:and|&)\s", m.group("who")) or _ANOTHERS_MESSAGE.search(first):
        return None
    found = parse_label(f"{m.group('who')}: Yes.", shapes)
    if found is None or len(found.name.split()) < 2 or found.name.casefold() in shapes.generic_labels:
        return None
    return found


def _senders_quotation(paras: list[_Para], at: int, sender: Label) -> bool:
    """Whether the quotation under 'The message reads:' (at ``at``) closes before a paragraph that
    reports on its sender ('Vladimir Putin also said …'): a quotation whose closing mark the dump
    lost would take the page's report under it into the message."""
    surname = sender.name.split()[-1].casefold()
    quoted: list[Paragraph] = []
    for j in range(at + 1, len(paras)):
        text = paras[j].text.strip()
        if quoted and not text.startswith(QUOTES) and surname in {w.strip(",.;:’'s").casefold() for w in text.split()}:
            return False
        quoted.append(Paragraph(text, paras[j].line, "speech"))
        if not _quote_open(quoted):
            return True
    return False


_ROMAN_ONE_AFTER = frozenset("phase type class category stage group grade level part chapter volume article section tier "
                      "league division round degree world war".split())
"""Words a Roman 'I' follows as a number ('phase I clinical trials', 'type I diabetes'), not a speaker."""


def _says_i(text: str) -> bool:
    """A paragraph in the first person singular outside any quotation ('During the recent Direct
    Line, when I was asked …', 'My visit …'): a speech's or an essay's own words, which no page's
    summary, written in the third person, holds. 'Peter I founded …' names a tsar."""
    return any(not (m.group(0).split()[0].casefold() in _ROMAN_ONE_AFTER and m.group(0).split()[1] == "I")
               for m in _I_SPEAKS.finditer(_QUOTED_SPAN.sub(" ", text)))


def _furniture_after(paras: list[_Para], start: int, shapes: Shapes) -> bool:
    """Whether the paragraphs from ``start`` on are only the site's furniture under a short news
    item: notes and credits ('Photo: BelTA'), the 'Topics' / 'Persons' block and the links under
    it, the 'Publication date', a site line ('Text version'), the press service's credit, and a
    signature on the last line ('Vladimir Putin'). The item above them is the page's text, not a
    lead over a body."""
    links = False
    for j in range(start, len(paras)):
        text = paras[j].text.strip()
        links = bool(_LINKS_HEAD.match(text)) or links and heading_shaped(text)
        if links or is_note(text) or is_elision(text) or _is_boilerplate(text, shapes):
            continue
        if j == len(paras) - 1 and _signature(text, shapes):
            continue
        return False
    return True


def _first_appearance(label: Label, builder: _Builder) -> bool:
    previous = [b for s in builder.sections for b in s.blocks if isinstance(b, Turn)]
    previous += [b for b in builder.blocks if isinstance(b, Turn)]
    return all(t.name.casefold() != label.name.casefold() for t in previous)


_SITE_SECTIONS = frozenset(
    "events meetings trips visits statements speeches interviews documents decrees messages greetings news".split()
    + ["telephone conversations", "working trips", "press releases", "main events"]
)
"""A site's section named alone on the line over a page's date or its dated headline
(president.gov.by's 'Events')."""


def _section_word(text: str, shapes: Shapes) -> bool:
    """A site's rubric alone on its line ('Condolences', 'Executive orders'): one or two words, the
    first capitalised, no punctuation, no label and no date."""
    words = text.split()
    return (0 < len(words) <= 2 and words[0][:1].isupper() and all(w.isalpha() for w in words)
            and parse_label(text, shapes) is None and parse_date_line(text) is None)


_FOLLOWING = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^.!?]*\.$", re.I)


def _introduces_list(text: str) -> bool:
    """A sentence over a list: it ends in ':' or names 'the following …' ('The following documents
    were signed in the presence of the two leaders.')."""
    stripped = text.rstrip()
    return stripped.endswith(":") or _FOLLOWING.search(stripped) is not None


_MEDIA_COUNTER = re.compile(r"[-–•]\s*(?:\d{1,4}|(?:\d{1,2}:)?\d{1,2}:\d{2})")
"""president.gov.by's photo count and video length under a page's title: '- 11', '- 50:49'."""


def _media_counters(lines: list[SourceLine], start: int) -> list[int]:
    """The media counters among the page's first lines: below its first line and above any line
    that ends a sentence (the body), so that a list item '- 11' in the text stays text."""
    found: list[int] = []
    seen = 0
    for j in range(start, len(lines)):
        text = lines[j].text.strip()
        if not text:
            continue
        if seen and _MEDIA_COUNTER.fullmatch(text):
            found.append(j)
            continue
        seen += 1
        if seen > 4 or text.endswith(TERMINAL):
            break
    return found


def _title_under_date(
    lines: list[SourceLine], content_idx: list[int], j: int, shapes: Shapes, after_section: bool = False
) -> bool:
    """Whether content line ``j``, right under a page's opening date (and place), is its title, as
    the old archive pages put it ('September 24, 2003' / 'Moscow, The Kremlin' / 'Press Statement
    and Answers to Questions …'): a line shaped like a title with no closing punctuation, and a
    speaker's label or a separator right under it. Under a site's section name ('Events' / '12
    March 2021' / 'Lukashenko: Belarus will never be a threat …'), the text may follow it."""
    if j + 1 >= len(content_idx):
        return False
    text = lines[content_idx[j]].text.strip()
    below = [lines[i].text.strip() for i in content_idx[j + 1: j + 4]]
    after = next((b for b in below if not is_note(b)), below[0])  # past 'Unofficial translation'
    if after_section:
        return (0 < len(text.split()) <= 30 and not text.endswith(":") and not is_separator(text)
                and parse_date_line(text) is None)
    return (
        _title_shaped(text, shapes) and not text.endswith(TERMINAL) and text[:1].isupper() and not is_note(text)
        and (parse_label(after, shapes) is not None or is_separator(after))
    )


def _title_shaped(text: str, shapes: Shapes) -> bool:
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= 30
        and parse_label(stripped, shapes) is None
        and not is_separator(stripped)
        and parse_date_line(stripped) is None
    )


def _ends_a_sentence(rest: str) -> bool:
    """Whether the words after a label end like a sentence; a headline quoting someone whole, in
    quotation marks ('Lukashenko: “We will never give up our land”'), ends in a word inside them."""
    if len(rest) > 2 and rest[0] in _CLOSING_QUOTE and rest.endswith(_CLOSING_QUOTE[rest[0]]):
        inner = rest[1:-1].strip()
        if inner and _CLOSING_QUOTE[rest[0]] not in inner[:-1]:
            return inner.endswith(TERMINAL)
    return rest.endswith(TERMINAL)


_SAID = r"said|noted|stressed|added|emphasi[sz]ed|underlined|recalled|pointed out"
"""Verbs that report someone's words, in a report's paragraph and before a quotation."""
_REPORTER = (r"(?:the head of (?:the )?state|the (?:belarusian |russian )?(?:president|leader)|he|she"
             r"|the (?:governor|(?:prime |deputy prime )?minister|premier|chairman|mayor|ambassador|official|speaker))")
_REPORTED = (rf"(?:\w+\s+)?(?:{_SAID}|believes|demanded|instructed|ordered|warned|urged|called|criti[cs]i[sz]ed"
             r"|insisted|assured|reminded|explained|told|asked|announced|expressed|thanked|informed|reported|stated)\b")


_REPORTED_LABEL = re.compile(
    rf"^(?P<who>[^:]{{3,120}}?)\s+(?:also\s+|then\s+|further\s+)?(?:{_SAID}|remarked|stated|explained|continued"
    r"|replied|answered|asked|reported|wrote|assured|warned|concluded|summed\s+up)"
    r"(?:\s+(?:on|about|at|in|during|to)\s+(?!(?:[^:]*\s)?that\b)[^:,.;!?]{1,60}?)?"  # ' reported on the plant's work'
    r"(?:,?\s+in\s+particular,?)?\s*:$")
_FRONTED_REPORT = re.compile(
    r"^(?:(?:In|At|During|Speaking|Addressing|Commenting|Summing|Answering|Referring|Turning|Later|Then|Also)\b[^,:]{0,80}"
    r"|Afterwards|In particular|In addition|Moreover),\s+(?=[A-ZА-ЯЁ])")
"""A phrase fronted before the person who speaks in a reported label: 'In his message, Aleksandr
Lukashenko noted:', 'Addressing the participants, Aleksandr Lukashenko said:'."""


def _reported_label(text: str, following: str, shapes: Shapes, seen_names: frozenset[str]) -> Optional[Label]:
    """An article's 'Aleksandr Lukashenko noted:' on a line of its own above a quotation: the
    quotation is that person's statement, as under 'Sergei Lavrov, Russian Foreign Minister:'. The
    label keeps the verb as written; a line naming no person ('The head of state noted:') is none."""
    m = _REPORTED_LABEL.match(text.strip()) if text.rstrip().endswith(":") else None
    if m is None or not _opens_quotation(following.strip()):
        return None
    who = m.group("who").rstrip(", ")
    found = parse_label(f"{who}: Yes.", shapes, seen_names)
    fronted = _FRONTED_REPORT.match(who) if found is None else None
    if fronted:  # 'In his message, Aleksandr Lukashenko noted:': the person after the fronted phrase
        found = parse_label(f"{who[fronted.end():]}: Yes.", shapes, seen_names)
    if found is None or found.name.casefold() in shapes.generic_labels or len(found.name.split()) < 2 and (
        found.name.casefold() not in shapes.known_names | seen_names
    ):
        return None
    return Label(text.strip()[:-1].rstrip(), found.name, found.role, found.affiliation, "")


_REPORTED_VERB = re.compile(_REPORTED, re.I)
_ASKERS = frozenset("question questions journalist journalists correspondent reporter".split())
_REPORTED_ANSWER = re.compile(
    rf"^(?:(?:later|then|after that|afterwards),?\s+)?{_REPORTER}\s+(?:then\s+|also\s+)?(?:\w+ed|{_SAID})\b", re.I)
_ATTRIBUTED = re.compile(
    rf"[”\"»],?\s+(?:{_REPORTER}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})\s+(?:{_SAID}|added|stressed|noted)\.$")


def _questions_only(paras: list, shapes: Shapes) -> bool:
    """Whether every label of the text is a question's ('Question:'), as in an interview printed with
    the answers unlabelled."""
    labels = [lb for lb in (parse_label(q.text, shapes) for q in paras) if lb is not None]
    return bool(labels) and all(lb.name.casefold() in _ASKERS for lb in labels)


def _reports_answer(text: str) -> bool:
    """After a journalist's question in an article, a paragraph reporting the answer, not asking:
    'The head of state stressed that Belarus was not going to fight with anyone.', or a quotation
    with who said it ('“We will never send our troops,” Aleksandr Lukashenko said.')."""
    if text.rstrip().endswith("?"):
        return False
    if _opens_quotation(text) and _ATTRIBUTED.search(text.rstrip()):
        return True
    return _REPORTED_ANSWER.match(text) is not None and not any(
        w.strip(".,;:!?\"'“”").casefold() in _PERSONAL for w in text.split())
_FIRST_PERSON = frozenset("i me we us".split())
_FIRST_PERSON_OWN = _FIRST_PERSON | {"my", "our"}
_SAYING = (rf"(?:{_SAID}|replied|answered|asked|explained|continued|remarked|stated|assured|warned|urged|insisted"
           r"|reminded|concluded|admitted|joked|clarified|specified|summed up|wrote|told \w+|reported|agreed|objected)")
_SAYER = (rf"(?:(?i:{_REPORTER})|[A-ZА-ЯЁ][\w'’.-]*(?:\s+(?:of|the|and|[A-ZА-ЯЁ][\w'’.-]*)){{0,8}})")
_QUOTE_ATTRIBUTED = re.compile(
    rf"^[\"“«„‘][^\"”»“’]{{1,600}}?[”\"»“’]\s*[,–—-]*\s+(?P<by>{_SAYER}\s+(?:also\s+|then\s+|further\s+)?{_SAYING}"
    rf"|{_SAYING}\s+{_SAYER})(?=[\s,.:;!?]|$)")
"""A quotation opening a paragraph, with who said it after its closing mark: '“We are keeping the
situation under control,” Roman Golovchenko said.', '“I want results,” the head of state said.
“Not reports.”', '“Yes,” said the Prime Minister.' The article's report of someone's words, not
the speech of the turn above it."""


def _attribution(text: str) -> Optional[re.Match]:
    """The attribution after a paragraph's opening quotation (``_QUOTE_ATTRIBUTED``), unless the
    words outside the quotation are in the first person: '“We will sow on time,” the governor told
    me then. But I see …' is a speaker recalling what they were told, not an article's report."""
    m = _QUOTE_ATTRIBUTED.match(text) if text[:1] in '"“«„‘' else None
    if m is None:
        return None
    outside = re.split(r'["“”«»„]', text[m.start("by"):], maxsplit=1)[0]
    if any(w.strip(",.;:!?()").casefold() in _FIRST_PERSON_OWN for w in outside.split()[:12]):
        return None
    return m


_REPORT_OPENING = re.compile(rf"(?:{_REPORTER}|(?:\w+\s+)?(?P<who>[\w\-'’]+))\s+{_REPORTED}", re.I)
"""A report's opening: 'The head of state noted', 'Lukashenko stressed', 'Aleksandr Lukashenko demanded'."""


_REPORTER_AT = re.compile(rf"(?:^|\s){_REPORTER}\s", re.I)


def _reports_on(text: str, label: Label) -> bool:
    """Whether a paragraph opens by reporting on a speaker, as an article's does under a headline
    quoting them: 'The head of state noted ...', 'Lukashenko stressed ...'."""
    surname = label.name.split()[-1] if label.name.split() else ""
    attributed = _attribution(text) if not _opens_quotation(label.rest) else None
    if attributed is not None:
        # a quotation with who said it under a headline quoting them ('Lukashenko: We will never give
        # up our land!' over '“We will never …,” the head of state said.'): the report of their words
        said = f" {attributed.group('by').casefold()} "
        return (_REPORTER_AT.search(said) is not None
                or len(surname) > 2 and re.search(rf"\b{re.escape(surname.casefold())}\b", said) is not None)
    if any(w.strip(",.;:").casefold() in _FIRST_PERSON for w in text.split()[:12]):
        return False  # 'The Governor told me this morning …' is the speaker's own speech
    m = _REPORT_OPENING.match(text)
    return m is not None and (m.group("who") is None or len(surname) > 2 and m.group("who").casefold() == surname.casefold())


_ON_THE_LEADER = re.compile(
    rf"(?:(?:the head of (?:the )?state|the (?:belarusian |russian )?(?:president|leader)|the belarusian head of state)"
    rf"\s+{_REPORTED}|according to the (?:head of (?:the )?state|president|belarusian leader|prime minister|premier"
    rf"|governor|minister\b[^,]{{0,60}}|chairman\b[^,]{{0,60}}),"
    r"|the\s+(?:meeting|talks|conversation|discussion|session|participants|parties|sides)\s+(?:also\s+)?"
    r"(?:discussed|considered|focused|touched|exchanged|reviewed|examined|addressed|paid)\b)", re.I)


def _reports_on_the_leader(text: str) -> bool:
    """An article's report between the turns of its dialogue: 'The head of state noted that …',
    'According to the Prime Minister, …', 'The meeting also discussed …'. Never a speaker's words, which say 'I' or 'we' ('The
    President instructed us …' stays speech)."""
    if _ON_THE_LEADER.match(text) is None or any(w.strip(",.;:!?()").casefold() in _PERSONAL for w in text.split()):
        return False
    # a report goes on reporting ('He also noted …'); a speaker who cites the Prime Minister goes on
    # in their own voice ('According to the Prime Minister, … Is that enough? It is not.')
    sentences = [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()) if x]
    return "?" not in text and "!" not in text and all(
        _ON_THE_LEADER.match(x) or _REPORT_OPENING.match(x) for x in sentences[1:])


def greets(rest: str) -> bool:
    """Whether the words after a label open by greeting, thanking or addressing someone ('Good
    afternoon, colleagues', 'Thank you for coming', 'Mr President, …', 'Let us begin'): a speaker's
    turn, never an article's headline quoting them."""
    words = [w.strip(",.!").casefold() for w in rest.split(None, 2)[:2]]
    first, second = (words + ["", ""])[:2]
    return (first in _ADDRESS_WORDS or first in ("mr", "thank", "let's") or first == "thanks" and second != "to"
            or first == "let" and second in ("us", "me") or _GREETING.match(rest) is not None)


def _is_headline(label: Label, p: _Para, builder: _Builder, nxt: Optional[_Para], shapes: Shapes) -> bool:
    """'S. Lavrov: We see the hostile attitude of the West' standing alone in an article is a headline,
    and so is one ending like a sentence ('Lukashenko: We will not allow anyone to destabilize the
    situation!') when the paragraph below it reports about the speaker ('The head of state noted ...')."""
    if builder.kremlin and label.rest and p.standalone and builder.turn is None and not builder.speakers and not (
        label.role or label.affiliation or len(label.name.split()) < 2 or label.rest.rstrip().endswith(TERMINAL)
        or label.name.split()[0].casefold() in _GIVEN_NAMES
        or _known_speaker(label.name, builder.shapes, frozenset(builder.names))
        or nxt is not None and parse_label(nxt.text, shapes, frozenset(builder.names)) is not None
    ):
        return True  # an essay's 'Munich Agreement: The Road to War' on a Kremlin page, before anyone spoke
    if not label.rest or len(label.rest.split()) < 3:
        return False
    if greets(label.rest) or builder.kremlin:
        return False  # a greeting, or a Kremlin page (which prints no pull-quote headlines): a turn
    article = builder.turn is None or bool(builder.turn.quoted)
    if _ends_a_sentence(label.rest) and not (
        (p.standalone or not builder.dialogue()) and article and len(label.rest.split()) <= 16
        and not _INNER_SENTENCE.search(label.rest)  # a headline quotes one sentence
        and nxt is not None and _reports_on(nxt.text, label)
    ):
        return False
    if not p.standalone and (not article or builder.dialogue()):
        return False  # without blank lines, only an article's line outside any turn of speech can be a headline
    if nxt is not None:
        seen = frozenset(builder.names) | {t.rstrip(".").casefold() for t in label.name.split()}
        following = parse_label(nxt.text, shapes, seen)
        if following is not None and following.rest:
            return False  # a dialogue goes on: "Anna Ivanova: We work on batteries and" / "Vladimir Putin: and …"
    return article


_ADDRESS_WORDS = frozenset("colleagues friends ladies citizens comrades dear distinguished esteemed".split())


def _speech_opening(text: str, within: int = 15, persons: tuple[str, ...] = ("i", "we", "our", "us", "my")) -> bool:
    """Whether a paragraph opens as a speaker's own words do: an address ('Colleagues,', 'Dear
    friends,') or the first person (one of ``persons`` in its first ``within`` words: 'I propose
    ...', 'We have ...'), not a report ('The meeting continued behind closed doors.')."""
    words = [w.strip(",.!?:;'\"“”«»()").casefold() for w in text.split()[:within]]
    if not words:
        return False
    return words[0] in _ADDRESS_WORDS or words[0] in _SPOKEN_START or any(w in persons for w in words)


_PRESENT_POINTER = re.compile(r"^(?:these|those)\s+are\b|^here\s+(?:is|are)\b", re.I)


_EVENT_REPORT = re.compile(r"^(?:the|following|after)\s+(?:the\s+)?(?:address|speech|parade|ceremony|meeting|event|concert|broadcast)\b", re.I)
"""A paragraph reporting on the event ('The address is broadcast by …', 'Following the parade, …')."""


_FRONTED = re.compile(
    r"^(?:(?:Following|After)\s+(?:the|a|his|their)\s+[^,]{2,60}|(?:After|Following)\s+(?:that|this)|Afterwards|Later"
    r"|Then|Subsequently),\s+")
_EVENT_GOES_ON = re.compile(
    r"^The\s+(?:meeting|talks|conversation|discussion|session|event|ceremony)\s+(?:then\s+)?(?:continued|ended|went on)"
    r"\s+(?:behind\s+closed\s+doors|in\s+private"
    r"|in\s+(?:(?:a|an|the)\s+)?(?:restricted|narrow|closed|expanded|extended)\b[^.!?]*"
    r"|(?:with|over)\s+(?:a\s+)?(?:lunch|dinner|breakfast)\b[^.!?]*)\.$")
"""A page's line closing an open part ('The meeting continued behind closed doors.')."""


_REFERS = frozenset("mentioned referred touched quoted cited commented".split())
"""Verbs by which a speaker recalls what another participant said ('Maxim Reshetnikov mentioned
investment.'): a turn's words, never a report on the event."""
_PARTICIPLES = frozenset("shown given taken told met seen brought driven presented".split())


def _participle_after(words: list[str]) -> bool:
    """Whether 'was'/'were' is a passive's ('was shown a new tractor', 'was also briefed on'), not a
    copula ('was right', 'was absolutely right about it'): past any adverb, a participle."""
    for word in words:
        if word in ("also", "then", "later", "first", "briefly") or word.endswith("ly") and word not in _PARTICIPLES:
            continue
        return word in _PAST or word in _PARTICIPLES or len(word) > 3 and word.endswith(("ed", "en", "wn"))
    return False


_PLACE_PREPOSITIONS = frozenset("at in on aboard inside near".split())
_PRESENT_OR_FUTURE = frozenset("is are must should will shall can need needs let".split())
"""Words a past report on a visit does not hold ('Vladimir Putin was at the plant for the first time.'),
and a speaker's remark about another does ('… was in China last week, and the agreements must be implemented')."""


def _reports_on_speaker(text: str, speakers: set[str]) -> bool:
    """A report on a speaker standing between turns, as the pages print a visit's or a ceremony's
    narration in italics that a dump loses: it opens with the full name of someone who speaks in
    the transcript and a verb in the past ('Vladimir Putin toured the assembly shop and talked with
    the workers.'), quotes no one and says no 'I', 'we' or 'you'."""
    fronted = _FRONTED.match(text)
    if fronted:  # 'Following the tour, Vladimir Putin talked with …'
        text = text[fronted.end():]
    for name in speakers:
        if len(name.split()) >= 2 and text.startswith(name + " and ") and any(
            len(other.split()) >= 2 and other != name and text.startswith(other + " ", len(name) + 5) for other in speakers
        ):
            text = text[len(name) + 5:]  # 'Vladimir Putin and Xi Jinping toured the exhibition.': both of them
            break
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or not any(name.startswith(first + " ") for name in speakers):
        return False
    words = text.split()
    if len(words) < 3 or any(q in text for q in '"“«„'):
        return False
    for name in speakers:
        parts = name.split()
        if len(parts) >= 2 and len(words) > len(parts) and words[: len(parts)] == parts:
            if words[len(parts)] in ("then", "later") and len(words) > len(parts) + 1:
                del words[len(parts)]  # 'Vladimir Putin then talked with the plant’s employees.'
            verb = words[len(parts)].strip(",.").casefold()
            after = [w.strip(",.;:!?").casefold() for w in words[len(parts) + 1:]]
            if _REPORTED_VERB.fullmatch(verb) or verb in ("suggested", "proposed") or (
                len(words) > len(parts) + 1 and words[len(parts) + 1] == "that"
            ):
                return False  # 'Sergei Shoigu reported that …': the speaker tells what another said
            if verb in _REFERS or verb in ("talked", "spoke") and after[:1] in (["about"], ["of"]) and not (
                {"with", "at"} & set(after)  # 'talked about the plant's work with the workers': a report
            ):
                return False  # 'Anton Siluanov talked about the budget.': the speaker recalls another's words
            present = _PRESENT_OR_FUTURE & {w.strip(",.;:!?").casefold() for w in words}
            if verb in ("was", "were") and after[:1] and not _participle_after(after) and (
                after[0] not in _PLACE_PREPOSITIONS or present
            ) or verb in ("talked", "spoke") and after[:1] in (["about"], ["of"]) and present:
                return False  # 'Maxim Reshetnikov was right', 'Denis Manturov was one of the authors …', '… was in China, and the agreements must be …'
            return (verb in _PAST or verb.endswith("ed")) and not any(
                w.strip(",.;:!?").casefold() in _PERSONAL for w in words)
    return False


def _goes_on_speaking(text: str) -> bool:
    """After a quotation that opens a speaker's turn, a paragraph that goes on in the speaker's own
    voice: opening in the first person or with an address ('We signed it today.', 'Colleagues,
    let us begin.'), or with a comment in the present ('These are Tyutchev’s words.', 'This is what
    I signed today.'). An article goes on reporting instead ('After the talks the presidents went
    for a walk.', 'The head of state noted that our country …')."""
    if _attribution(text) is not None:
        return False  # '“We agree,” Roman Golovchenko said.': the article reports someone's words
    return _speech_opening(text, 6, ("i", "we")) or _PRESENT_POINTER.match(text) is not None


_CLAUSE_WORDS = frozenset(
    """i we you he she they it my our your is are was were am be here there this these those let please
    do does did have has had will would can could should must""".split()
)
"""Words of a clause, not of a heading naming a part of a meeting ('Beginning of meeting with
President of the United States Barack Obama' holds 'states', which is no verb there)."""


_PART_OF_EVENT = re.compile(
    r"^(?:beginning|start|end|continuation|excerpts?|transcript)\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:transcript|record)\s+of\s+(?:the\s+)?)?(?:open\s+part\s+of\s+the\s+)?(?:meeting|talks|session|conversation|conference|news\s+conference|"
    r"event|ceremony|visit|interview|address|speech|statement|forum|summit|discussion|plenary)"
    r"|^(?:beginning|start|end|continuation)\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){1,3}(?:talks|meeting|session|conversation)\b"
    r"|^(?:joint\s+)?(?:statements?|press\s+statements?|news\s+conference)\s+(?:for|to)\s+the\s+(?:press|media)$"
    r"|^answers\s+to\s+(?:the\s+)?(?:journalists|media|reporters)[’']?\s+questions$"
    r"|^excerpts?\s+from\s+(?:the\s+)?(?:transcript|record)$"
    r"|^(?:opening|closing|concluding|introductory)\s+(?:remarks|address|speech|statement)s?$", re.I)
"""The headings that name a part of an event ('Beginning of meeting with …', 'End of the open part
of the meeting', 'Opening remarks'): a heading even inside a turn, whatever follows."""


def _long_part_heading(text: str) -> bool:
    """A heading naming a part of an event past ``heading_shaped``'s length, as old pages write
    them ('Excerpts from the Transcript of the Meeting with Members of the Government on the
    Monetisation of Benefits'): up to 40 words, no closing punctuation."""
    stripped = text.strip()
    return (not stripped.endswith(TERMINAL) and _PART_OF_EVENT.match(stripped) is not None
            and len(stripped.split()) <= 40)


_EVENT_NOUNS = frozenset(
    "ceremony meeting meetings reception concert event events presentation awarding conversation visit session".split())
"""First words of a heading naming an event, which may go on with a relative clause."""

_RELATIVE = frozenset("who whom whose which".split())


def _clause(text: str) -> bool:
    """Whether a line reads as a clause: it holds a word of one. A heading naming a part of an
    event may go on with a relative clause ('Ceremony for presenting state decorations to those
    who have distinguished themselves'): its words before 'who' or 'which' are what counts."""
    words = [w.strip(",.'\"“”«»()").casefold() for w in text.split()]
    if words and words[0] in _EVENT_NOUNS:
        cut = next((i for i, w in enumerate(words) if w in _RELATIVE), len(words))
        words = [w for w in words[:cut] if w not in ("those", "these")]
    return any(w in _CLAUSE_WORDS for w in words)


def _signature(text: str, shapes: Shapes) -> bool:
    """A person's name alone on a line ('Vladimir Putin', 'V.Putin'), as a message is signed: a
    known surname, or a frequent given name first."""
    tokens = text.split()
    return (1 <= len(tokens) <= 3 and _name_span(tokens) == len(tokens) and (
        tokens[-1].casefold() in shapes.known_names or len(tokens) > 1 and tokens[0].casefold() in _GIVEN_NAMES))


def _is_heading(p: _Para, builder: _Builder, nxt: Optional[_Para], shapes: Shapes) -> bool:
    if not heading_shaped(p.text) and not _long_part_heading(p.text):
        return False
    if nxt is None and _signature(p.text, shapes) and (builder.turn is None or builder.turn.quoted is not False):
        return False  # the text's last line, a person's name alone, signs a message ('Vladimir Putin')
    listed = _LABEL_RE.match(p.text)
    if listed and listed.group("label").strip().casefold() in shapes.generic_labels and _names_listed(
        listed.group("label").strip(), (listed.group("rest") or "").strip()
    ):
        return False  # a line of a list of participants ('Chairman: Alexander Lukashenko') is text
    after_separator = builder.separator_line and not builder.blocks and builder.heading is None
    if not (p.standalone or after_separator) and not (
        _PART_OF_EVENT.match(p.text) and nxt is not None and parse_label(nxt.text, shapes, frozenset(builder.names))
    ):
        # (a dump with no blank lines: 'Statements for the press' between two turns stands alone
        # only by what it names)
        return False
    turn = builder.turn
    if turn is None or turn.quoted:
        return True
    # Inside a turn, a short unpunctuated line is speech unless a new speaker or section follows it,
    # and speech if it reads as a sentence: 'Here in the studio today are Maria Sittel and Kirill
    # Kleymenov' (a heading names a part: 'Meeting with members of the Government').
    if not turn.paragraphs or not (turn.paragraphs[-1].text.endswith(TERMINAL) or turn.paragraphs[-1].kind == "editorial"):
        return False  # (after an elision mark '<…>' or a note, as after a full stop)
    if _PART_OF_EVENT.match(p.text):
        return True  # 'End of the open part of the meeting', whatever follows
    if not listed and _clause(p.text):
        return False  # (a pull-quote headline, 'President: We would like ...', stays a heading)
    if nxt is None or is_separator(nxt.text):
        return True
    if (turn.label.role and ", " in turn.label.label and turn.paragraphs[0].line != turn.line
            and not builder.conversed and not builder.dialogue()):
        return True  # an article's statement under 'Sergei Lavrov, Russian Foreign Minister:' ends at a headline
    if _reports_on_speaker(nxt.text, builder.speakers) or _EVENT_REPORT.match(nxt.text):
        return True  # a part of a trip, its heading and a report under it ('Vladimir Putin then talked with …')
    return parse_label(nxt.text, shapes, frozenset(builder.names)) is not None


_KINDS = [
    ("news conference", ("news conference", "press conference", "пресс-конференц")),
    ("interview", ("interview", "интервью")),
    ("telephone conversation", ("telephone conversation", "phone call", "телефонный разговор")),
    ("talks", ("talks", "переговор")),
    ("meeting", ("meeting", "встреча", "совещание", "заседание")),
    ("speech", ("speech", "address", "remarks", "выступление", "обращение")),
    ("statement", ("statement", "заявлени")),
]


def classify_kind(title: str, transcript_turns: list[Turn], headings: list[Heading], quoted: bool) -> str:
    """A coarse kind for the chronology, from the title first and the shape second."""
    low = title.lower()
    for kind, words in _KINDS:
        if any(w in low for w in words):
            return kind
    if quoted:
        return "article"
    if transcript_turns:
        return "transcript"
    return "text"


def _assemble(
    doc: RawDocument,
    title_line: Optional[SourceLine],
    date: Optional[DateLine],
    date_line_no: int,
    source: str,
    summary: list[Paragraph],
    builder: _Builder,
    boilerplate: list[SourceLine],
) -> Transcript:
    side = doc.sidecar
    sections = tuple(builder.sections)
    headings = [s.heading for s in sections if s.heading is not None]
    turns = [b for s in sections for b in s.blocks if isinstance(b, Turn)]

    # Title: sidecar, then the text, then derived from the first heading or summary sentence.
    if side and side.title:
        note = f"the text says '{title_line.text.strip()}'" if title_line else ""
        title = Field(side.title, "sidecar", 0, note)
    elif title_line is not None:
        title = Field(title_line.text.strip(), "text", title_line.number, "", title_line.text.strip())
    elif headings:
        title = Field(headings[0].text, "derived", headings[0].line, "no title line; the first heading is used")
    else:
        first_text = summary[0] if summary else next(
            (b for s in sections for b in s.blocks if isinstance(b, Paragraph)), None
        )
        if first_text is None and turns and turns[0].paragraphs:
            first_text = turns[0].paragraphs[0]
        if first_text is not None:
            words = first_text.text.split()
            short = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
            title = Field(short, "derived", first_text.line, "no title line; the first words of the text are used")
        else:
            title = Field(f"Transcript {doc.stem}", "derived", 0, "no title line and no text")

    # Date: sidecar wins; a disagreement with the text is kept as a note.
    if side and side.date:
        note, written = "", ""
        if date is not None and (not date.valid or date.iso != side.date):
            note = f"the text says {date.raw} (line {date_line_no})"
        elif date is not None and date.valid:
            written = date.written  # the sidecar agrees with the text: show the date as written
        date_field = Field(side.date, "sidecar", 0, note, written)
    elif date is not None and date.valid:
        date_field = Field(date.iso, "text", date_line_no, "", date.written)
    else:
        date_field = Field(None, "none", 0, "no date line in the text")
    if side and side.place:
        place = Field(side.place, "sidecar")
    elif date is not None and date.place:
        place = Field(date.place, "text", date.place_line or date_line_no, "", date.place)
    else:
        place = Field(None, "none")
    if side and side.source:
        source_field = Field(side.source, "sidecar")
    elif source:
        source_field = Field(source, "text", boilerplate[0].number if boilerplate else 0)
    else:
        source_field = Field(None, "none")
    # an article quotes its speakers: most turns open with a quotation (a Direct Line's quoted SMS is one turn of many)
    quoted = 2 * sum(1 for t in turns if t.paragraphs and t.paragraphs[0].text.startswith(QUOTES)) >= max(len(turns), 1)
    kind = side.kind if side and side.kind else classify_kind(title.value or "", turns, headings, quoted)
    last = turns[-1].paragraphs[-1] if turns and turns[-1].paragraphs else None
    elided = bool(last is not None and last.kind == "editorial" and is_elision(last.text)) or bool(
        sections and sections[-1].blocks and isinstance(sections[-1].blocks[-1], Paragraph)
        and sections[-1].blocks[-1].kind == "editorial" and is_elision(sections[-1].blocks[-1].text)
    )  # a transcript ending in an elision ('<…>'); a closing note ('(Applause.)') is not one
    return Transcript(
        id=transcript_id(doc.stem),
        file=doc.file,
        title=title,
        date=date_field,
        place=place,
        source=source_field,
        kind=kind,
        summary=tuple(summary),
        sections=sections,
        boilerplate=tuple(sorted(boilerplate, key=lambda ln: ln.number)),
        elided=elided,
    )


def transcript_id(stem: str) -> str:
    """The stable id of a transcript: its file name as an ASCII slug (underscores kept)."""
    return slugify(stem, fallback="transcript", keep="_")

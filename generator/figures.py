"""Research stage, figures: every stated figure (money, percentages, counts) and its pages.

Pure: takes the enriched ``Archive`` and returns data or pages; nothing is read or written. With
the watch loop's ``pagecache.PageCache``, a page whose inputs are unchanged comes as ``Kept``.

What counts as a figure (documented on ``figures/index.md`` and held by ``tests/test_figures.py``):

* **Money**: a number with a currency sign or word, before or after it, optionally scaled:
  ``US$38.5 billion``, ``$7.6 billion``, ``40 billion dollars``, ``US$300 million``. A scaled
  number with no unit (``almost 40 billion``) takes the currency stated nearest to it in the same
  paragraph (``currency_inferred``), or stays an ``amount`` with no unit when none is stated.
* **Percentages**: ``12 percent``, ``34.4 percent``, ``20%``, ``over 30 percent``, and the bare
  numbers continuing such a list (``over 30 percent, 35 or even over 38``).
* **Counts**: a number followed by a unit or a plural noun, with at most three words between
  (``1,500 km``, ``2.5 million doses``, ``28 good programmes``, ``eight meetings``).
  Numerals written as words are read from "two" up ("a thousand", "one hundred percent");
  a word numeral after "the", "our", "these"... ("our two states") is not a figure.
* A qualifier just before the figure (``over``, ``almost``, ``about``, ``more than``, ``up to``,
  ``nearly``, ``around``, ``some``, ``exceeded``...), or ``or so`` / ``or more`` after it, and
  ranges (``12 to 18 months``, ``between 10 and 15 percent``, ``$2–3 billion``; ``high`` holds
  the upper bound) make it approximate; the qualifier is kept as written. ``over`` before a time
  span (``over 12 to 18 months``) reads as "during" and is not a qualifier.
* ``from 30 to 35 percent`` is a change, not a range: two figures, the first taking the unit and
  scale of the second.
* Topic context: the topics whose phrases occur in the figure's paragraph, by the matching rules
  of ``topics.py`` (``Entry.hits`` keeps only the topics a whole transcript is tagged with, which
  would drop e.g. a trade figure from a transcript not tagged "trade").
* Never figures: years (a four-digit 1000-2100 without a separator, unless money or a percentage
  follows), dates (``February 27``, ``November 4, 2021``, ``27 February``), ordinals (``3rd``),
  numbers inside names or codes (``Superjet 100``, ``Allied Resolve 2022``, ``Su-25``, ``G20``)
  and bare numbers with no unit.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import itertools
import math
import operator
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional

from . import pagecache
from . import render as _render  # module, not names: safe if render.py ever imports this module
from markupsafe import Markup

from .model import Archive, Entry, Paragraph, Topic, Turn
from .pagecache import Made, PageCache
from .parallel import fork_chunks, fork_stream
from .topics import Located, Matcher, find_hits

if TYPE_CHECKING:
    from .render import Page

EXCERPT_WORDS = 22
"""Words kept on each side of a figure in a table's sentence excerpt."""
OTHER_PAGE = "figures/no-topic.md"


# ---------------------------------------------------------------------------------------- model
@dataclass(frozen=True)
class Figure:
    """One stated figure, where it was said and by whom."""

    value: float
    """Normalised: ``billion`` = 1e9, ``million`` = 1e6, ``thousand`` = 1e3; a range's lower bound."""
    unit: str
    """A currency code (``USD``, ``EUR``, ``RUB``, ``BYN``...), ``percent``, a counted noun
    (``doses``, ``programmes``, ``km``), or '' for a scaled amount with no unit."""
    kind: str
    """``money``, ``percent``, ``count`` or ``amount`` (scaled number, no unit stated)."""
    text: str
    """The figure exactly as written, qualifier included (``almost US$35 billion``)."""
    transcript: str
    date: Optional[str]
    """The transcript's ISO date, or None when undated."""
    speaker: str
    """Person id, or '' for narration and summaries."""
    anchor: str
    """The paragraph's anchor on the transcript page."""
    sentence: str
    """The sentence the figure came from; ``sentence[start:end] == text``."""
    start: int
    end: int
    topics: tuple[str, ...] = ()
    """Topic ids whose phrases occur in the paragraph (the matching rules of ``topics.py``, whether
    or not the transcript as a whole is tagged with them), in taxonomy order."""
    currency: str = ""
    currency_inferred: bool = False
    """The currency is not written with the number but taken from elsewhere in the paragraph."""
    approximate: bool = False
    qualifier: str = ""
    """As written: ``over``, ``almost``, ``about``, ``more than``, ``or so``...; '' if none."""
    high: Optional[float] = None
    """Upper bound of a range (``12 to 18 months``), else None."""
    paragraph_kind: str = "speech"


# ---------------------------------------------------------------------------------------- lexicon
_SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "billion": 1e9, "bn": 1e9, "bln": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6,
    "thousand": 1e3,
}
_CURRENCY_BEFORE = [
    (r"US\$\s?|USD\s?|\$\s?", "USD"),
    (r"€\s?|EUR\s?", "EUR"),
    (r"£\s?|GBP\s?", "GBP"),
    (r"BYN\s?", "BYN"),
    (r"RUB\s?|₽\s?", "RUB"),
]
_CURRENCY_AFTER = [
    (r"US dollars|U\.S\. dollars|American dollars|dollars|USD", "USD"),
    (r"euros?|EUR", "EUR"),
    (r"Belarusian roubles|Belarusian rubles|BYN", "BYN"),
    (r"Russian roubles|Russian rubles|roubles|rubles|RUB|₽", "RUB"),
    (r"yuan|CNY", "CNY"),
    (r"pounds sterling|GBP", "GBP"),
]
_CURRENCY_ANYWHERE = re.compile(
    r"US\$|\$|€|£|₽|\b(?:dollars?|USD|euros?|EUR|roubles?|rubles?|RUB|BYN|yuan|CNY)\b", re.IGNORECASE
)
_QUALIFIERS = [
    "more than", "less than", "fewer than", "up to", "at least", "at most", "close to", "just over",
    "just under", "well over", "well above", "in excess of", "upwards of", "as much as", "as many as",
    "almost", "nearly", "about", "around", "approximately", "roughly", "some", "over", "under",
    "above", "below", "exceeded", "exceeding", "exceeds", "exceed", "surpassed", "topped", "~",
]
_QUALIFIER_RE = re.compile(
    r"(" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)
_QUALIFIER_WORDS = {q.lower() for q in _QUALIFIERS}
_TRAILING_QUALIFIER = re.compile(r"\s+(or so|or more)\b", re.IGNORECASE)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_BEFORE = re.compile(r"(?:\b(?:" + _MONTHS + r")\.?|mid)[\s\-–]*$")
_MONTH_AFTER = re.compile(r"\s+(?:of\s+)?(?:" + _MONTHS + r")\b")
_UNIT_WORDS = {
    # unit as written (lowercase) -> unit recorded
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "sq km": "sq km", "square kilometres": "sq km", "square kilometers": "sq km",
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg",
    "tonnes": "tonnes", "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes",
    "hectares": "hectares", "ha": "hectares",
    "cubic metres": "cubic metres", "cubic meters": "cubic metres", "bcm": "cubic metres",
    "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "people": "people", "persons": "people", "children": "children", "men": "men", "women": "women",
    "staff": "staff", "personnel": "personnel", "barrels": "barrels",
    "percentage points": "percentage points", "percentage point": "percentage points",
}
_TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries"}
_MULTIWORD_UNITS = sorted((u for u in _UNIT_WORDS if " " in u), key=len, reverse=True)
_STOP = {
    "a", "an", "the", "of", "to", "and", "or", "nor", "in", "on", "at", "for", "from", "by", "with",
    "we", "i", "you", "he", "she", "it", "they", "that", "which", "who", "whom", "whose", "this",
    "these", "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "can", "could", "should", "may", "might", "must", "last",
    "ago", "long", "per", "more", "less", "than", "as", "so", "but", "not", "no", "if", "when",
    "where", "while", "since", "until", "after", "before", "during", "into", "over", "under",
    "about", "between", "each", "every", "our", "their", "its", "his", "her", "my", "your", "all",
    "both", "also", "just", "only", "already", "still", "yet", "then", "there", "here", "now",
    "today", "yesterday", "tomorrow", "ahead", "later", "earlier", "again", "even", "too", "very",
    "times", "worth", "or", "what", "how", "why", "out", "up", "down", "off", "through",
}
_VERBS_ENDING_IN_S = {
    "does", "goes", "makes", "takes", "gives", "means", "seems", "becomes", "remains", "includes",
    "stands", "says", "comes", "gets", "shows", "needs", "looks", "works", "runs", "lies", "lets",
}
_WORD_DETERMINERS = {
    "the", "our", "these", "those", "both", "all", "your", "their", "its", "his", "her", "my", "of",
    "first", "last", "next", "other", "another",
}
_UNITS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_DIGITS = {"one": 1, "a": 1, **{k: v for k, v in _UNITS.items() if v < 10}}
_WORD_NUMBER = re.compile(
    r"\b(?:"
    r"(?P<h>a|one|two|three|four|five|six|seven|eight|nine)\s+(?P<hw>hundred|thousand)"
    r"|(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s\-](?P<tu>one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|(?P<unit>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r")\b",
    re.IGNORECASE,
)
_WORD_NUMBER_LOWER = re.compile(r"\b(?=[aotfsen])" + _WORD_NUMBER.pattern[2:])
"""``_WORD_NUMBER`` for lower-cased text, case-sensitive (several times faster)."""
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
"""The only non-ASCII characters that IGNORECASE matches to an ASCII letter (İ ı ſ K); İ is also
the only character whose lower case is longer than one character."""


def _word_numbers(text: str) -> Iterable[re.Match[str]]:
    """``_WORD_NUMBER.finditer(text)``: the same spans and (lower-cased) groups, found faster."""
    if _FOLDS_TO_ASCII.search(text):
        return _WORD_NUMBER.finditer(text)
    return _WORD_NUMBER_LOWER.finditer(text.lower())


_DIGIT_NUMBER = re.compile(r"(?<![\w.,\-–/:#@])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?!,\d)")
_NUM_TEXT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_BETWEEN_RANGE = re.compile(r"\s+and\s+(?:US\$|[$€£])?(" + _NUM_TEXT + r")(?![\d\w])", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:-|–|—|to)\s*(" + _NUM_TEXT + r")(?![\d\w])", re.IGNORECASE)
_SCALE_RE = re.compile(r"\s*(trillion|billion|million|thousand|bn|bln|mln|mn|tn|trn)\b", re.IGNORECASE)
_PERCENT_RE = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")
_CONTINUATION = re.compile(
    r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:even\s+)?"
    r"(?:(?P<q>" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
    r"(?P<n>" + _NUM_TEXT + r")(?=\s*(?:[,.;:!?)–—]|\s(?:and|or)\b|$))",
    re.IGNORECASE,
)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "art", "gen", "col", "lt", "prof", "jr", "sr", "vs",
    "etc", "e.g", "i.e", "u.s", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "fig", "vol", "p", "pp",
}


# ---------------------------------------------------------------------------------------- sentences
def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``, split after . ! ? … before a capital."""
    spans = []
    start = 0
    for m in re.finditer(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-ZА-ЯЁ0-9])", text):
        before = text[start:m.start()]
        last = re.search(r"([A-Za-z.]+)$", before)
        if m.group().startswith(".") and last:
            word = last.group(1).rstrip(".").lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        end = m.start() + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if e > s] or [(0, len(text))]


# ---------------------------------------------------------------------------------------- parsing
@dataclass(frozen=True)
class _Raw:
    """A figure found in one paragraph (offsets into the paragraph)."""

    start: int
    end: int
    value: float
    unit: str
    kind: str
    currency: str = ""
    currency_inferred: bool = False
    qualifier: str = ""
    high: Optional[float] = None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _word_value(m: re.Match[str]) -> float:
    if m.group("h"):
        base = _DIGITS[m.group("h").lower()]
        return base * (100 if m.group("hw").lower() == "hundred" else 1000)
    if m.group("tens"):
        return _TENS[m.group("tens").lower()] + (_DIGITS[m.group("tu").lower()] if m.group("tu") else 0)
    return _UNITS[m.group("unit").lower()]


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", text)) and 1000 <= int(text) <= 2100


def _sentence_initial(text: str, at: int) -> bool:
    """True when position ``at`` starts a sentence (or clause after a colon, dash or quote)."""
    window = text[max(0, at - 40):at]
    before = window.rstrip()
    if not before:
        return at - len(window) <= 0 or not text[:at].strip()
    return before[-1] in ".!?:;\"“‘'(–—[…"


def _name_before(text: str, start: int) -> bool:
    """A capitalised word right before the number that is not sentence-initial: part of a name."""
    offset = max(0, start - 60)
    m = re.search(r"(?<![\w\-])([A-Z][\w\-]*)\s+$", text[offset:start])
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _STOP or word.lower() in _QUALIFIER_WORDS:
        return False
    return not _sentence_initial(text, offset + m.start(1))


def _qualifier(text: str, start: int) -> tuple[str, int]:
    """(qualifier as written, its start) just before ``start``, or ('', start)."""
    window_start = max(0, start - 24)
    m = _QUALIFIER_RE.search(text[window_start:start])
    if not m:
        return "", start
    q_start = window_start + m.start(1)
    q = m.group(1)
    if q_start > 0 and (text[q_start - 1].isalnum() or text[q_start - 1] in "_'’-"):
        return "", start  # the end of a longer word ("moreover", "handover")
    if q[0].isupper() and not _sentence_initial(text, q_start):
        return "", start
    return q, q_start


def _count_unit(text: str, pos: int, plural_ok: bool) -> tuple[str, int]:
    """(unit, end) of a unit word or plural noun after ``pos`` (up to three modifiers between)."""
    rest = text[pos:]
    lead = re.match(r"\s+", rest)
    if not lead:
        return "", pos
    at = pos + lead.end()
    low = text[at:at + 30].lower()
    for unit in _MULTIWORD_UNITS:
        if low.startswith(unit) and not text[at + len(unit):at + len(unit) + 1].isalpha():
            return _UNIT_WORDS[unit], at + len(unit)
    cursor = at
    for _ in range(4):
        m = _WORD.match(text, cursor)
        if not m:
            return "", pos
        word = m.group()
        lw = word.lower()
        if lw in _UNIT_WORDS:
            return _UNIT_WORDS[lw], m.end()
        if lw in _STOP:
            return "", pos
        plural = (
            word[0].islower() and len(lw) >= 4 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s"))
            and lw not in _VERBS_ENDING_IN_S and "-" not in lw
        )
        if plural and plural_ok:
            return lw, m.end()
        # a modifier: go on only when a single space follows
        nxt = text[m.end():m.end() + 1]
        if nxt != " ":
            return "", pos
        cursor = m.end() + 1
    return "", pos


_CURRENCY_AFTER_RE = [
    (re.compile(r"\s+(?:" + pattern + r")(?![\w])", re.IGNORECASE if code != "USD" else 0), code)
    for pattern, code in _CURRENCY_AFTER
]
_CURRENCY_BEFORE_RE = [(re.compile(r"(?:" + pattern + r")$"), code) for pattern, code in _CURRENCY_BEFORE]


def _currency_after(text: str, pos: int) -> tuple[str, int]:
    """(currency code, end) of a currency word right after ``pos`` ("40 billion dollars")."""
    for pattern, code in _CURRENCY_AFTER_RE:
        m = pattern.match(text, pos)
        if m:
            return code, m.end()
    return "", pos


def _currency_before(text: str, start: int) -> tuple[str, int]:
    """(currency code, start of the sign) of a currency sign or code right before ``start``."""
    window_start = max(0, start - 5)
    window = text[window_start:start]
    for pattern, code in _CURRENCY_BEFORE_RE:
        m = pattern.search(window)
        if not m:
            continue
        c_start = window_start + m.start()
        # the sign or code must not be glued to a preceding word ("A$" is not "US$")
        if c_start > 0 and (text[c_start - 1].isalnum() or text[c_start - 1] == "_"):
            continue
        return code, c_start
    return "", start


def _nearest_currency(text: str, start: int, end: int) -> str:
    best: Optional[tuple[int, str]] = None
    for m in _CURRENCY_ANYWHERE.finditer(text):
        token = m.group().lower()
        code = (
            "USD" if ("$" in token or token.startswith("dollar") or token == "usd")
            else "EUR" if token.startswith(("€", "euro", "eur"))
            else "GBP" if token == "£"
            else "BYN" if token == "byn"
            else "CNY" if token in {"yuan", "cny"}
            else "RUB"
        )
        distance = start - m.end() if m.end() <= start else m.start() - end
        if distance < 0:
            continue
        if best is None or distance < best[0]:
            best = (distance, code)
    return best[1] if best else ""


def _parse_at(text: str, start: int, end: int, value: float, written_as_word: bool) -> Optional[_Raw]:
    """Read what follows a number at ``text[start:end]`` and decide whether it is a figure."""
    num_text = text[start:end]
    high: Optional[float] = None
    pos = end
    if _MONTH_BEFORE.search(text[max(0, start - 24):start]):
        return None  # a day of a month: "February 27", "January-April 2014"
    if not written_as_word:
        before = text[max(0, start - 12):start]
        between = re.search(r"\bbetween\s+(?:US\$|[$€£])?$", before, re.IGNORECASE)
        r = (_BETWEEN_RANGE if between else _RANGE).match(text, pos)
        changed_from = re.search(r"\bfrom\s+(?:US\$|[$€£])?$", before, re.IGNORECASE)
        if r and not _MONTH_AFTER.match(text, pos) and not (_is_year(num_text) and _is_year(r.group(1))):
            if changed_from:
                # "from 30 to 35 percent": a change, not a range; the first number takes the unit
                # (and scale) of the second
                second = _parse_at(text, r.start(1), r.end(1), _number(r.group(1)), False)
                if second is None or second.kind == "amount":
                    return None
                factor = second.value / _number(r.group(1)) if _number(r.group(1)) else 1.0
                currency, cur_start = _currency_before(text, start)
                return _Raw(cur_start, end, value * factor, second.unit, second.kind, currency=second.currency,
                            currency_inferred=second.currency_inferred or (second.kind == "money" and not currency))
            candidate_high = _number(r.group(1))
            if candidate_high > value:
                high, pos = candidate_high, r.end()
    scale = 1.0
    s = _SCALE_RE.match(text, pos)
    if s and not (written_as_word and s.group(1).lower() == "thousand" and "thousand" in num_text.lower()):
        scale, pos = _SCALES[s.group(1).lower()], s.end()
    elif not written_as_word and text[pos:pos + 1].isalpha():
        # glued letters: ordinals (3rd), codes (5G), units glued to the number (20km), and
        # "m" / "k" for million / thousand after a currency sign (€5m)
        letters = re.match(r"[A-Za-z]+", text[pos:])
        glued = letters.group().lower() if letters else ""
        if glued in _UNIT_WORDS:
            return _Raw(start, pos + len(glued), value, _UNIT_WORDS[glued], "count", high=high)
        code, c_start = _currency_before(text, start)
        if code and glued in {"m", "k"}:
            factor = 1e6 if glued == "m" else 1e3
            return _Raw(c_start, pos + 1, value * factor, code, "money", currency=code,
                        high=high * factor if high is not None else None)
        return None
    currency, cur_start = _currency_before(text, start) if not written_as_word else ("", start)
    value *= scale
    high = high * scale if high is not None else None
    first = cur_start
    if currency:
        return _Raw(first, pos, value, currency, "money", currency=currency, high=high)
    p = _PERCENT_RE.match(text, pos)
    if p:
        return _Raw(first, p.end(), value, "percent", "percent", high=high)
    code, cend = _currency_after(text, pos)
    if code:
        return _Raw(first, cend, value, code, "money", currency=code, high=high)
    year_like = not written_as_word and _is_year(num_text) and scale == 1.0
    name_like = _name_before(text, start)
    if _MONTH_AFTER.match(text, pos) and scale == 1.0:
        return None  # "27 February"
    unit, uend = _count_unit(text, pos, plural_ok=not (year_like or name_like))
    if unit:
        if (year_like or name_like) and unit not in _UNIT_WORDS.values():
            return None
        return _Raw(first, uend, value, unit, "count", high=high)
    if scale > 1.0 and not name_like:
        inferred = _nearest_currency(text, start, pos)
        if inferred:
            return _Raw(first, pos, value, inferred, "money", currency=inferred, currency_inferred=True, high=high)
        return _Raw(first, pos, value, "", "amount", high=high)
    return None


def find_figures(text: str) -> list[_Raw]:
    """Every figure in one paragraph, in order of position (offsets into ``text``)."""
    found: list[_Raw] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    candidates: list[tuple[int, int, float, bool]] = []
    for m in _DIGIT_NUMBER.finditer(text):
        candidates.append((m.start(1), m.end(1), _number(m.group(1)), False))
    for m in _word_numbers(text):
        before = re.search(r"(?<!\w)(\w+)\s+$", text[max(0, m.start() - 30):m.start()])
        if before and before.group(1).lower() in _WORD_DETERMINERS:
            continue
        if text[m.end():m.end() + 1] == "-" and not m.group("tens"):
            continue
        candidates.append((m.start(), m.end(), float(_word_value(m)), True))
    candidates.sort()
    for start, end, value, as_word in candidates:
        if not free(start, end):
            continue
        raw = _parse_at(text, start, end, value, as_word)
        if raw is None:
            continue
        q, q_start = _qualifier(text, raw.start)
        if q.lower() in {"over", "under"} and raw.kind == "count" and raw.unit in _TIME_UNITS:
            q, q_start = "", raw.start  # "over 12 to 18 months": during, not "more than"
        end_at = raw.end
        t = _TRAILING_QUALIFIER.match(text, end_at)
        if not q and t:
            q, end_at = t.group(1), t.end()
        raw = _Raw(q_start if q and q_start < raw.start else raw.start, end_at, raw.value, raw.unit, raw.kind,
                   raw.currency, raw.currency_inferred, q, raw.high)
        if not free(raw.start, raw.end):
            continue
        found.append(raw)
        taken.append((raw.start, raw.end))
        if raw.kind == "percent":
            pos = raw.end
            while True:
                c = _CONTINUATION.match(text, pos)
                if not c or _is_year(c.group("n")):
                    break
                n_start = c.start("q") if c.group("q") else c.start("n")
                cont = _Raw(n_start, c.end("n"), _number(c.group("n")), "percent", "percent", qualifier=c.group("q") or "")
                found.append(cont)
                taken.append((cont.start, cont.end))
                pos = c.end()
    found.sort(key=lambda r: r.start)
    return found


# ---------------------------------------------------------------------------------------- archive
def _paragraphs(entry: Entry) -> Iterable[tuple[Paragraph, str]]:
    t = entry.transcript
    for p in t.summary:
        yield p, ""
    for section in t.sections:
        for block in section.blocks:
            if isinstance(block, Turn):
                for p in block.paragraphs:
                    yield p, block.speaker
            else:
                yield block, ""


PARALLEL_FROM = 1000
"""Below this many transcripts, forking workers costs more than it saves."""


def extract(archive: Archive, workers: int = 1) -> tuple[Figure, ...]:
    """Every figure of every paragraph, in archive order (chronological), then page order.

    With ``workers`` > 1 and a large archive, forked processes share the entries.
    """
    entries = archive.entries
    matching = _matching(archive.topics)  # once, before the workers fork: not once per slice
    parts, _ = fork_chunks(
        lambda a, b: [f for entry in entries[a:b] for f in _entry_figures(entry, *matching)], len(entries), workers,
        parallel_from=PARALLEL_FROM,
    )
    return tuple(f for part in parts for f in part)


def _matching(topics: tuple[Topic, ...]) -> tuple[Matcher, dict[str, int]]:
    """The topics' phrase matcher and each topic's place in the taxonomy (~45 ms to build)."""
    return Matcher.build(topics), {t.id: k for k, t in enumerate(topics)}


def _entry_figures(entry: Entry, matcher: Matcher, order: dict[str, int]) -> list[Figure]:
    """The figures of one transcript: they depend on ``entry.transcript`` and the topics alone."""
    t = entry.transcript
    out: list[Figure] = []
    for para, speaker in _paragraphs(entry):
        if para.kind == "editorial":
            continue
        raws = find_figures(para.text)
        if not raws:
            continue
        spans = sentences(para.text)
        # The topics whose phrases occur in this paragraph. Entry.hits holds only the topics the
        # whole transcript was tagged with, so the paragraph is matched here with the same rules.
        matched = {h.topic for h in find_hits(matcher, t.id, [Located(para.anchor, speaker, para.text)])}
        topics = tuple(sorted(matched, key=lambda x: (order.get(x, len(order)), x)))
        for raw in raws:
            s_start, s_end = next(((a, b) for a, b in spans if a <= raw.start < b), (0, len(para.text)))
            s_end = max(s_end, raw.end)
            out.append(
                Figure(
                    value=raw.value,
                    unit=raw.unit,
                    kind=raw.kind,
                    text=para.text[raw.start:raw.end],
                    transcript=t.id,
                    date=t.date.value,
                    speaker=speaker,
                    anchor=para.anchor,
                    sentence=para.text[s_start:s_end],
                    start=raw.start - s_start,
                    end=raw.end - s_start,
                    topics=topics,
                    currency=raw.currency,
                    currency_inferred=raw.currency_inferred,
                    approximate=bool(raw.qualifier) or raw.high is not None,
                    qualifier=raw.qualifier,
                    high=raw.high,
                    paragraph_kind=para.kind,
                )
            )
    return out


# ---------------------------------------------------------------------------------------- display
def format_number(value: float) -> str:
    """``38500000000`` -> ``38,500,000,000``; ``34.4`` -> ``34.4``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def unit_label(f: Figure) -> str:
    if f.kind == "percent":
        return "%"
    return f.unit or "(no unit stated)"


def format_value(f: Figure) -> str:
    """The normalised value with its unit, e.g. ``38,500,000,000 USD``, ``12–18 months``."""
    number = format_number(f.value)
    if f.high is not None:
        number += "–" + format_number(f.high)
    if f.kind == "percent":
        return number + "%"
    return number + (" " + f.unit if f.unit else "")


def short_money(value: float, currency: str = "USD") -> str:
    prefix = "US$" if currency == "USD" else currency + " "
    for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if value >= scale:
            return f"{prefix}{format_number(round(value / scale, 2))} {word}"
    return prefix + format_number(value)


def excerpt_around(f: Figure, words: int = EXCERPT_WORDS) -> tuple[str, str, str]:
    """(before, the figure, after) from the sentence, cut to ``words`` words on each side."""
    before = f.sentence[:f.start]
    after = f.sentence[f.end:]
    b_words = before.split(" ")
    if len(b_words) > words + 1:
        before = "… " + " ".join(b_words[-(words + 1):])
    a_words = after.split(" ")
    if len(a_words) > words + 1:
        after = " ".join(a_words[:words + 1]) + " …"
    return before, f.sentence[f.start:f.end], after


def format_date(iso: Optional[str]) -> str:
    if not iso:
        return "Undated"
    parsed = _parse_date(iso)
    if parsed is None:
        return iso
    return f"{parsed.strftime('%B')} {parsed.day}, {parsed.year}"


def _parse_date(iso: Optional[str]) -> Optional[_dt.date]:
    """A date for the chart from an ISO value; a year or month alone falls in its middle."""
    if not iso:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else 7
    day = int(m.group(3)) if m.group(3) else (15 if m.group(2) else 1)
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------- chart
def _nice_ceiling(value: float) -> tuple[float, float]:
    """(axis maximum, tick step) for values up to ``value``: steps of 1, 2, 2.5 or 5 × 10^k."""
    if value <= 0:
        return 1.0, 0.25
    raw_step = value / 5
    power = 10 ** math.floor(math.log10(raw_step))
    for m in (1, 2, 2.5, 5, 10):
        step = m * power
        if step * 5 >= value:
            break
    top = math.ceil(value / step) * step
    return top, step


def chart(figures: Iterable[Figure], src: str, links: Any, people: dict[str, Any], src_of: dict[str, str],
          currency: str = "USD") -> dict[str, Any]:
    """Points of the SVG chart of stated ``currency`` amounts against transcript date.

    Undated figures are left out; approximate ones are flagged (drawn hollow). Points stated at the
    same date are spread sideways so none hides another."""
    dated = [f for f in figures if f.kind == "money" and f.currency == currency and _parse_date(f.date)]
    if not dated:
        return dict(points=[], width=0, height=0)
    width, height = 640, 260
    left, right, top, bottom = 70, 16, 14, 34
    dates = [_parse_date(f.date) for f in dated]
    first_year, last_year = min(dates).year, max(dates).year
    x0 = _dt.date(first_year, 1, 1).toordinal()
    x1 = _dt.date(last_year + 1, 1, 1).toordinal()
    plot_w, plot_h = width - left - right, height - top - bottom
    ymax, ystep = _nice_ceiling(max(f.high or f.value for f in dated) * 1.05)

    def x_of(d: _dt.date) -> float:
        return left + (d.toordinal() - x0) / (x1 - x0) * plot_w

    def y_of(v: float) -> float:
        return top + plot_h - v / ymax * plot_h

    span = last_year - first_year + 1
    every = max(1, math.ceil(span / 12))
    years = [
        dict(label=str(y), x=round(x_of(_dt.date(y, 1, 1)), 1), mid=round(x_of(_dt.date(y, 7, 1)), 1), show=(y - first_year) % every == 0)
        for y in range(first_year, last_year + 1)
    ]
    ticks = []
    k = 0
    while k * ystep <= ymax + 1e-9:
        v = k * ystep
        ticks.append(dict(y=round(y_of(v), 1), label=short_money(v, currency) if v else "0"))
        k += 1
    by_date: dict[str, list[Figure]] = {}
    for f in dated:
        by_date.setdefault(f.date or "", []).append(f)
    points = []
    for date, group in sorted(by_date.items()):
        d = _parse_date(date)
        for i, f in enumerate(group):
            dx = (i - (len(group) - 1) / 2) * 7
            who = people[f.speaker].name if f.speaker in people else "Narration"
            points.append(
                dict(
                    x=round(x_of(d) + dx, 1),
                    y=round(y_of(f.value), 1),
                    y_high=round(y_of(f.high), 1) if f.high is not None else None,
                    approximate=f.approximate,
                    href=links.href(src, src_of[f.transcript], f.anchor),
                    label=f"{format_date(f.date)}, {who}: {f.text}"
                    + (f" ({f.qualifier}: approximate)" if f.qualifier else (" (range)" if f.high is not None else ""))
                    + (" (currency not stated with the number)" if f.currency_inferred else ""),
                )
            )
    return dict(
        points=points, width=width, height=height, left=left, right=width - right, top=top,
        bottom=top + plot_h, years=years, ticks=ticks, count=len(dated), currency=currency,
    )


# ---------------------------------------------------------------------------------------- pages
_CSV_COLUMNS = [
    "transcript_id", "date", "speaker_id", "anchor", "kind", "text", "value", "high", "unit",
    "currency", "currency_inferred", "approximate", "qualifier", "topics", "sentence",
]


def figures_csv(figures: Iterable[Figure]) -> str:
    """``data/figures.csv``: one row per figure (RFC 4180, CRLF line ends, UTF-8)."""
    return _csv_lines([_CSV_COLUMNS]) + _csv_rows(figures)


def _csv_rows(figures: Iterable[Figure]) -> str:
    """The rows of ``figures`` in ``data/figures.csv``: each row is written on its own, so rows
    written apart join into the same text."""
    return _csv_lines(
        [
            f.transcript, f.date or "", f.speaker, f.anchor, f.kind, f.text, repr_number(f.value),
            "" if f.high is None else repr_number(f.high), f.unit, f.currency,
            "true" if f.currency_inferred else "false", "true" if f.approximate else "false",
            f.qualifier, ";".join(f.topics), f.sentence,
        ]
        for f in figures
    )


def _csv_lines(rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def repr_number(value: float) -> str:
    """A plain decimal without exponent or trailing zeros (``38500000000``, ``34.4``)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


SPLIT_LIMIT = 300
"""A topic with more figures than this gets one figures page per year."""
_INDEX_META = {
    "title": "Figures", "description": "Every figure stated in the archive: money, percentages and counts, by topic.",
    "search": {"boost": 0.3},
}
_OTHER_META = {
    "title": "Figures outside the topics", "description": "Figures stated in paragraphs that match no topic.",
    "search": {"boost": 0.3},
}


def _undated_usd(figures: list[Figure]) -> int:
    return sum(1 for f in figures if f.kind == "money" and f.currency == "USD" and not _parse_date(f.date))


def figure_pages(
    archive: Archive, renderer_or_links: Any, figures: Optional[tuple[Figure, ...]] = None, workers: int = 1,
    *, cache: Optional[PageCache] = None,
) -> list[Made]:
    """``figures/index.md``, ``figures/<topic-id>.md`` per topic with figures,
    ``figures/no-topic.md`` (figures in paragraphs matching no topic, when there are any) and
    ``data/figures.csv``.

    ``renderer_or_links`` is a ``render.Renderer`` (its ``links`` are used) or a ``render.Links``.
    """
    return [page for batch in figure_batches(archive, renderer_or_links, figures, workers, cache=cache) for page in batch]


def figure_batches(
    archive: Archive, renderer_or_links: Any, figures: Optional[tuple[Figure, ...]] = None, workers: int = 1,
    *, cache: Optional[PageCache] = None, finish: Optional[Callable[[list[Made]], Any]] = None,
) -> Iterator[Any]:
    """``figure_pages`` in batches as they are rendered (at 10,000 transcripts, 220 MB of text).

    With a ``cache`` (the watch loop's), the figures of a transcript are found again only when the
    transcript or the topics changed, a page whose inputs are unchanged comes as a ``Kept`` marker,
    and everything runs in this process (few pages are made, and the keys must stay here).

    With ``finish`` (no cache), each batch is passed through it in the process that rendered it,
    and what it returns comes instead (``parallel.fork_stream``)."""
    pagecache.without_finish(cache, finish)
    links = getattr(renderer_or_links, "links", renderer_or_links)
    topics = archive.topics if cache is None else cache.value("figure topics", archive.topics, lambda: archive.topics)
    book = _Book(archive, topics, links, _parts(archive, topics, figures, workers, cache), cache)
    # Topics are independent: forked workers render some while this process writes the CSV.
    csv_page: list[Any] = []
    for k, done in fork_stream(
        book.topic_pages, len(topics), workers if cache is None and len(archive.entries) >= PARALLEL_FROM else 1,
        also=lambda: [[book.csv_page()]], parallel_from=0, finish=finish,
    ):
        if k < 0:
            csv_page.append(done)
            continue
        yield done
    if finish is None:
        yield book.other_pages() + [book.index_page()] + [page for batch in csv_page for page in batch]
    else:
        yield finish(book.other_pages() + [book.index_page()])
        yield from csv_page


class _Part:
    """The figures of one transcript, counted and split by topic as the pages use them; the watch
    loop keeps it while the transcript and the topics are unchanged."""

    def __init__(self, figures: tuple[Figure, ...]) -> None:
        self.figures = figures
        self.transcript = figures[0].transcript if figures else None
        by_topic: dict[Optional[str], list[Figure]] = {}
        units: dict[tuple[str, str], int] = {}
        for f in figures:
            for tid in f.topics or (None,):
                by_topic.setdefault(tid, []).append(f)
            unit = (f.kind, unit_label(f) if f.kind != "percent" else "percent")
            units[unit] = units.get(unit, 0) + 1
        self.by_topic = {tid: tuple(fs) for tid, fs in by_topic.items()}
        """Topic id (None for no topic) -> its figures."""
        self.units = units
        """(kind, unit label) -> number of figures."""
        self.approximate = sum(1 for f in figures if f.approximate)
        self.speakers = tuple(dict.fromkeys(f.speaker for f in figures))

    @functools.cached_property
    def csv(self) -> str:
        """Its rows of ``data/figures.csv``."""
        return _csv_rows(self.figures)


class _Group:
    """The figures of one transcript under one topic (or under none), with what their rows and
    chart points show of the transcript besides them (``shown``: its Markdown path, title and the
    names of its figures' speakers; None without a cache). Equal groups make equal rows and points
    on any page at the same path: pages are keyed on their groups."""

    def __init__(self, figures: tuple[Figure, ...], shown: Any) -> None:
        self.figures, self.shown = figures, shown
        self.count = len(figures)
        self.transcript = figures[0].transcript
        self.date = figures[0].date
        """Every figure of a transcript has its date."""
        self.when = (self.date is None, self.date or "")
        """Its place in dated order."""
        self.money = sum(1 for f in figures if f.kind == "money")
        self.percent = sum(1 for f in figures if f.kind == "percent")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Group) and self.figures == other.figures and self.shown == other.shown

    __hash__ = None  # type: ignore[assignment]


def _parts(
    archive: Archive, topics: tuple[Topic, ...], figures: Optional[tuple[Figure, ...]], workers: int,
    cache: Optional[PageCache],
) -> list[_Part]:
    """Each transcript's figures, in archive order: ``figures`` when given, else found by
    ``extract`` (on all cores) or, with a cache, kept from the last round while a transcript and
    the topics are unchanged (the others, few, are found in this process)."""
    if figures is None and cache is not None:
        matching = functools.cache(lambda: _matching(topics))  # built only if a transcript changed
        return [
            cache.value(("figures", e.transcript.id), (e.transcript, topics),
                        lambda e=e: _Part(tuple(_entry_figures(e, *matching()))))
            for e in archive.entries
        ]
    figures = extract(archive, workers) if figures is None else figures
    return [_Part(tuple(run)) for _, run in itertools.groupby(figures, key=operator.attrgetter("transcript", "date"))]


def _groups(
    archive: Archive, parts: list[_Part], cache: Optional[PageCache]
) -> tuple[list[dict[Optional[str], _Group]], set[str]]:
    """Each part's groups by topic id and, with a cache, the ids of the transcripts whose groups
    were made this round: the others are the same objects as last round's, for their figures and
    what their rows show are unchanged."""
    if cache is None:
        return [_grouped(part, None) for part in parts], set()
    entries = {e.transcript.id: e for e in archive.entries}
    names = {p.id: p.name for p in archive.people}
    fresh: set[str] = set()

    def grouped(part: _Part, shown: Any) -> dict[Optional[str], _Group]:
        fresh.add(part.transcript)
        return _grouped(part, shown)

    out = []
    for part in parts:
        if part.transcript is None:
            out.append({})
            continue
        entry = entries[part.transcript]
        shown = (entry.src_uri, entry.transcript.title.value, tuple(map(names.get, part.speakers)))
        out.append(cache.value(("figure groups", part.transcript), (part, shown), lambda: grouped(part, shown)))
    return out, fresh


def _grouped(part: _Part, shown: Any) -> dict[Optional[str], _Group]:
    return {tid: _Group(fs, shown) for tid, fs in part.by_topic.items()}


class _Topic:
    """The figures of one topic (or of none) as its pages and the index show them: its groups in
    dated order, counts, and the groups of each year. Kept while its groups are equal."""

    def __init__(self, groups: tuple[_Group, ...]) -> None:
        # extract() is in archive order (dated by date, undated last); keep it, stable.
        self.ordered = tuple(sorted(groups, key=operator.attrgetter("when")))
        self.total = _count(groups)
        self.money = sum(map(operator.attrgetter("money"), groups))
        self.percent = sum(map(operator.attrgetter("percent"), groups))
        self.transcripts = len({g.transcript for g in groups})
        by_year: dict[str, list[_Group]] = {}
        for g in self.ordered:
            by_year.setdefault(g.date[:4] if g.date else "undated", []).append(g)
        self.years = [(y, _count(gs), tuple(gs)) for y, gs in by_year.items()]
        """(year, number of figures, groups) in dated order ('undated' last), for a topic split by year."""

    def first(self, n: int) -> tuple[_Group, ...]:
        """The groups that hold the first ``n`` figures."""
        count = 0
        for k, g in enumerate(self.ordered):
            if count >= n:
                return self.ordered[:k]
            count += g.count
        return self.ordered


def _count(groups: Iterable[_Group]) -> int:
    return sum(map(operator.attrgetter("count"), groups))


def _flat(groups: Iterable[_Group]) -> list[Figure]:
    return [f for g in groups for f in g.figures]


class _Book:
    """The figure pages of one archive: what they are made from, and each page made, or kept when
    its key (everything its text is made from) equals last round's."""

    def __init__(
        self, archive: Archive, topics: tuple[Topic, ...], links: Any, parts: list[_Part], cache: Optional[PageCache]
    ) -> None:
        self.archive, self.topics, self.links, self.parts, self.cache = archive, topics, links, parts, cache
        self.people = archive.people_by_id
        grouped, self.fresh = _groups(archive, parts, cache)
        by_topic: dict[Optional[str], list[_Group]] = {}
        for groups in grouped:
            for tid, group in groups.items():
                by_topic.setdefault(tid, []).append(group)
        self.by_topic = {
            tid: pagecache.value(cache, ("figure topic", tid), lambda: gs, lambda: _Topic(gs))
            for tid, gs in ((tid, tuple(gs)) for tid, gs in by_topic.items())
        }
        """Topic id (None for no topic) -> its figures, kept while its groups are equal."""
        topic_ids = {t.id for t in topics}
        self.other_path = OTHER_PAGE
        while self.other_path[len("figures/"):-3] in topic_ids:
            self.other_path = self.other_path[:-3] + "-figures.md"
        self.rows_done: dict[tuple[int, str], Markup] = {}

    # ------------------------------------------------------------------ pages
    def topic_pages(self, start: int, stop: int) -> list[Made]:
        return [page for topic in self.topics[start:stop] for page in self._topic_pages(topic)]

    def _topic_pages(self, topic: Topic) -> list[Made]:
        figures = self.by_topic.get(topic.id)
        if figures is None:
            return []
        path = f"figures/{topic.id}.md"
        meta = {"title": f"Figures: {topic.label}", "description": f"Figures stated in paragraphs about {topic.label}, by date.",
                "search": {"boost": 0.3}}
        if figures.total <= SPLIT_LIMIT:
            return [self._table(
                path, meta, figures.ordered, topic=topic, other=False, year=None, parent=None, total=figures.total)]
        # A large topic: one page per year, each with its own chart and table, so no page grows with N.
        year_rows = [(y, n, f"figures/{topic.id}/{y}.md") for y, n, _ in figures.years]
        pages = [self._plain(
            path, "figures_topic.md.j2", meta,
            dict(topic=topic, figures=(), chart=chart([], path, self.links, self.people, {}),
                 undated=0, other=False, years=year_rows, year=None, parent=None, total=figures.total),
        )]
        for (y, n, ypath), (_, _, groups) in zip(year_rows, figures.years):
            pages.append(self._table(
                ypath,
                {"title": f"Figures: {topic.label}, {y}", "description": f"Figures about {topic.label} stated in {y}.",
                 "search": {"exclude": True}},
                groups, topic=topic, other=False, year=y, parent=path, total=n,
            ))
        return pages

    def other_pages(self) -> list[Made]:
        """The page of the figures in paragraphs matching no topic (the first ``SPLIT_LIMIT``), if any."""
        figures = self.by_topic.get(None)
        if figures is None:
            return []
        return [self._table(
            self.other_path, _OTHER_META, figures.first(SPLIT_LIMIT), SPLIT_LIMIT,
            topic=None, other=True, year=None, parent=None, total=figures.total,
        )]

    def index_page(self) -> Made:
        units: dict[tuple[str, str], int] = {}
        for part in self.parts:
            for unit, n in part.units.items():
                units[unit] = units.get(unit, 0) + n
        kind_order = {"money": 0, "percent": 1, "count": 2, "amount": 3}
        topic_rows = [
            dict(topic=topic, path=f"figures/{topic.id}.md", count=figures.total, money=figures.money,
                 percent=figures.percent, transcripts=figures.transcripts)
            for topic in self.topics if (figures := self.by_topic.get(topic.id)) is not None
        ]
        topic_rows.sort(key=lambda r: (-r["count"], r["topic"].label))
        no_topic = self.by_topic.get(None)
        return self._plain("figures/index.md", "figures_index.md.j2", _INDEX_META, dict(
            total=sum(len(p.figures) for p in self.parts),
            transcripts=len({p.transcript for p in self.parts if p.transcript is not None}),
            approximate=sum(p.approximate for p in self.parts),
            kinds=[(k, sum(n for (kind, _), n in units.items() if kind == k)) for k in ("money", "percent", "count", "amount")],
            unit_rows=sorted(units.items(), key=lambda kv: (kind_order.get(kv[0][0], 9), -kv[1], kv[0][1])),
            topic_rows=topic_rows, no_topic=no_topic.total if no_topic else 0,
            other_path=self.other_path, csv_path="data/figures.csv",
        ))

    def csv_page(self) -> Made:
        """``data/figures.csv``, joined from each transcript's rows (the watch loop keeps them)."""
        return self._page(
            "data/figures.csv", lambda: tuple(p.figures for p in self.parts),
            lambda: _render.Page("data/figures.csv", _csv_lines([_CSV_COLUMNS]) + "".join(p.csv for p in self.parts)),
        )

    # ------------------------------------------------------------------ made or kept
    def _page(self, path: str, key: Callable[[], Any], make: Callable[[], Page]) -> Made:
        """``pagecache.page`` with the links in the key: every page's links depend on them."""
        return pagecache.page(self.cache, path, lambda: (self.links, key()), make)

    def _plain(self, path: str, template: str, meta: dict[str, Any], kw: dict[str, Any]) -> Made:
        """A page made from ``template`` with ``kw`` alone: its key is what it is made from."""
        return self._page(path, lambda: (template, meta, kw), lambda: self._render(path, template, meta, **kw))

    def _table(
        self, path: str, meta: dict[str, Any], groups: tuple[_Group, ...], limit: Optional[int] = None, **kw: Any
    ) -> Made:
        """A page with the chart and the table of the (first ``limit``) figures of ``groups``: its
        key is ``kw`` and the groups, which hold the figures and what their rows show besides."""
        def make() -> Page:
            figures = _flat(groups)[:limit]
            return self._render(
                path, "figures_topic.md.j2", meta, figures=figures, undated=_undated_usd(figures), years=None,
                chart=chart(figures, path, self.links, self.people, self._src_of), **kw,
            )

        return self._page(path, lambda: (meta, kw, limit, groups), lambda: self._with_rows(path, groups, make))

    def _with_rows(self, path: str, groups: tuple[_Group, ...], make: Callable[[], Page]) -> Page:
        """``make()``, with a cache taking the rows of the groups that this page listed when it was
        made last round as they were (a group is the same object only while its figures and what
        their rows show are unchanged): a year page of a large topic has a thousand rows, and the
        page of an edited transcript is made again at every save.

        Only the rows of groups older than this round are kept for the next: new groups belong to
        the transcripts just changed (or to the first round, when keeping the rows of every page
        would hold a second copy of all of them)."""
        if self.cache is None:
            return make()
        depth = self.links.href(path, "index.md")
        last = self.cache.value(("figure rows", path), self.links, dict)
        for g in groups:
            rows = last.get(id(g), (None, ()))
            if rows[0] is g:
                self.rows_done.update(((id(f), depth), row) for f, row in zip(g.figures, rows[1]))
        page = make()
        last.clear()
        for g in groups:
            rows = [self.rows_done.get((id(f), depth)) for f in g.figures]
            if g.transcript not in self.fresh and None not in rows:
                last[id(g)] = (g, rows)
        return page

    # ------------------------------------------------------------------ rendering
    @functools.cached_property
    def _entries(self) -> dict[str, Entry]:
        return {e.transcript.id: e for e in self.archive.entries}

    @functools.cached_property
    def _src_of(self) -> dict[str, str]:
        return {tid: e.src_uri for tid, e in self._entries.items()}

    @functools.cached_property
    def _env(self) -> Any:
        return _render._env()

    @functools.cached_property
    def _row_template(self) -> Any:
        return self._env.get_template("_figure_row.md.j2")

    def _render(self, path: str, template: str, meta: dict[str, Any], **kw: Any) -> Page:
        links, entries, people = self.links, self._entries, self.people

        def href(dest: str, anchor: str = "") -> str:
            return links.href(path, dest, anchor)

        def row(f: Figure) -> dict[str, Any]:
            entry = entries[f.transcript]
            before, mark, after = excerpt_around(f)
            return dict(
                f=f, entry=entry, before=before, mark=mark, after=after,
                who=people[f.speaker] if f.speaker in people else None,
                value=format_value(f),
                number=repr_number(f.value),
            )

        # A row links only outside figures/, so its text depends on the page's depth alone: a
        # figure listed under several topics is rendered once per depth (and every row is kept
        # with a cache, for ``_with_rows``).
        depth = href("index.md")

        def row_html(f: Figure) -> Markup:
            if len(f.topics) < 2 and self.cache is None:
                return Markup(self._row_template.render(f=f, r=row(f), href=href, format_date=format_date))
            key = (id(f), depth)
            done = self.rows_done.get(key)
            if done is None:
                done = self.rows_done[key] = Markup(
                    self._row_template.render(f=f, r=row(f), href=href, format_date=format_date))
            return done

        ctx = dict(
            href=href, format_date=format_date, row=row, row_html=row_html, people=people, entries=entries,
            unit_label=unit_label, **kw,
        )
        return _render.markdown_page(path, meta, self._env.get_template(template).render(ctx))


__all__ = ["Figure", "extract", "find_figures", "sentences", "figure_batches", "figure_pages", "figures_csv", "chart", "format_value"]

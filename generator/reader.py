"""Read stage: bytes on disk -> RawDocument. The only place where transcript text is decoded."""

from __future__ import annotations

import datetime as _dt
import math
import os
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from .model import Problem, RawDocument, Sidecar, SourceLine

TRANSCRIPT_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".meta.yaml"
SIDECAR_KEYS = ("title", "date", "place", "source", "kind", "note")

# Characters that are invisible on a page and only get in the way of search and anchors.
# They are removed, and the removal is reported as a warning with the line.
INVISIBLE = {
    "\u200b": "zero-width space",
    "\u00ad": "soft hyphen",
    "\ufeff": "byte order mark",
    "\u2060": "word joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
    **{chr(c): "bidirectional control" for c in range(0x202A, 0x202F)},
    **{chr(c): "bidirectional isolate" for c in range(0x2066, 0x206A)},
}
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
# Whitespace-like controls become a plain space; any other control character refuses the file.
_SPACE_CONTROLS = {"\t": " ", "\x0b": " ", "\x0c": " "}
_BAD_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_C0_BYTES_RE = re.compile(rb"[\x01-\x08\x0e-\x1f]")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FOREIGN_CYRILLIC_RE = re.compile("[\u0402\u0403\u0405\u0408-\u040d\u040f\u0452\u0453\u0455\u0458-\u045d\u045f]")


class DecodeError(Exception):
    """The bytes of a file cannot be decoded with confidence."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class ReadResult:
    """A decoded document, or the problems that stopped it, plus warnings."""

    document: Optional[RawDocument]
    problems: tuple[Problem, ...]


# Letter frequencies of Russian prose, per mille (lowercase; "ё" is counted with its rare spelling).
# KOI8-R and cp1251 put the Cyrillic letters at 0xC0-0xFF in different orders and with opposite
# case, so reading one as the other permutes the letters: the right reading is the one whose letters
# are frequent Russian letters in plausibly cased words.
_RU_FREQ = {
    "о": 109.7, "е": 84.5, "а": 80.1, "и": 73.5, "н": 67.0, "т": 62.6, "с": 54.7, "р": 47.3,
    "в": 45.4, "л": 44.0, "к": 34.9, "м": 32.1, "д": 29.8, "п": 28.1, "у": 26.2, "я": 20.1,
    "ы": 19.0, "ь": 17.4, "г": 17.0, "з": 16.5, "б": 15.9, "ч": 14.4, "й": 12.1, "х": 9.7,
    "ж": 9.4, "ш": 7.3, "ю": 6.4, "ц": 4.8, "щ": 3.6, "э": 3.2, "ф": 2.6, "ъ": 0.4, "ё": 3.0,
    # Belarusian and Ukrainian letters of cp1251 (legitimate, but rarer in this archive)
    "і": 8.0, "ў": 3.0, "ї": 1.0, "є": 1.0, "ґ": 0.3,
}
_RARE = 0.01  # per mille, for Cyrillic letters of other languages (Ђ, Ј, Љ ...): signs of a wrong code page

# Letter pairs of Russian words ("^" starts a word, "$" ends it), by how likely the second letter is
# after the first: level L means P(second | first) is about 2**L / 64. Pairs not listed were never
# seen. Counted over about 280,000 words of Russian prose and interface text (Debian's ru locale
# catalogues and the Russian vim tutor). Unigrams cannot tell all-capital KOI8-R from lower-case
# cp1251 ("ДНАПШИ" against "добрый"); pairs can.
_PAIR_LEVELS = """
6 ъе я$
5 го й$ фа х$ ци ши ще ь$ эт ю$ ён
4 а$ ва да де е$ же жи жн за йл ка ко ме не ни по пр ра ре ст хо це че чи ше щи ы$ ый эл юч ющ ёт
3 ^в ^н ^п ^с ан ат ба бл бо бр бы в$ ве во вы ги гр дл до ен ер ет жд зм зн зо и$ ки ла ле ли ло
  ль ля м$ ма мо на но ны о$ ов ол па пе ро т$ та те ти то тр ть у$ уд ус фи фо ча чн ша ща ые ых
  ьз ьн эк ют ё$
2 ^д ^и ^к ^о ав аз ай ал ар бе бк бу ви вл г$ га ге гн гу ди ел ем ес жа з$ зв зд зу ие им ин ис
  ит ия йс йт к$ кл кс л$ ми мы мя нн об од ок ом ор ос от пи пу р$ ри ру с$ се си ск сл со сп ся
  тс уе ук ум уп ур ут ую фу хи хр ц$ ца цы чт шк ъя ыв ыт ят ём ёр
1 ^б ^з ^м ^р ^т ^у ^ф ад ае ак ам ап ас ач ая би бн бщ бъ вк вн ву гл д$ дн др ду ев ед ек зи зы
  зя ив из ии ий ик ил ир йд ке кр кт ку кц лн лю мв н$ нд нт ог ое ож оз ой он оп рж рн ры са сс
  су сь тв тк тн уж ул ун уч ущ фе фл фр ха хе цв ч$ чк чё ш$ шн шр щь щё ъё ыл ым ып ыр ьк ьс эш
  яе ян
0 ^а ^г ^е ^ж ^й ^л ^х ^ц ^ч ^ш ^щ ^ы ^э ^ю ^я ^ё аа аб аг аж аи ао ау аф ах ац аш ащ аэ аю аё б$
  бб бв бг бд бз бм бп бс бт бф бх бц бч бь бэ бя бё вв вг вд вз вм вп вр вс вт вх вч вш вщ вь вя
  вё гб гв гг гд гк гм гп гс гт гх гц гч гы гэ гю гё дб дв дг дд дж дз дк дм дп дс дт дф дх дц дч
  дш ды дь дэ дю дя дё еа еб ег ее еж ез еи ей ео еп еу еф ех ец еч еш ещ еэ ею ея её ж$ жб жк жл
  жм жо жп жс жт жу жш жь жэ жё зб зг зе зж зз зк зл зр зс зц зч зь зю иа иб иг ид иж ио ип иу иф
  их иц ич иш ищ ию иё йа йб йв йг йе йз йи йк йм йн йо йп йр йу йф йц йч йш йы йю йя кб кв кг кд
  кж кз кк км кн кп кф кх кш кы кь кэ кю лб лв лг лд лж лз лк лл лм лп лс лт лу лф лх лч лы лэ лё
  мб мг мд мк мл мм мн мп мр мс мт му мф мх мц мч мш мь мэ мю мё нб нв нг нж нз нк нл нм нп нр нс
  ну нф нх нц нч нш нь ню ня нё оа ои оо оу оф ох оц оч ош ощ оэ ою оя оё п$ пб пв пк пл пм пн пп
  пс пт пх пц пч пш пы пь пю пя рб рв рг рд рз рк рл рм рп рр рс рт рф рх рц рч рш рщ рь рэ рю ря
  рё сб св сг сд сж см сн ср сф сх сц сч сш съ сы сэ сю сё тб тг тд тз тл тм тп тт ту тф тх тч ты
  тэ тю тя тё уа уб ув уг уз уи уй уо уу уф ух уц уш уэ уя ф$ фг фй фм фн фс фт фф фы фь хб хв хл
  хм хн хс хт ху хф хх хь хэ цб цг цз цк цо цп цс цу цх цц чж чл чм чо чп чр чс чу чх чч чш чь шв
  шл шм шо шс шт шу шш шь шя шё щ$ щн щу ыб ыг ыд ыж ыз ык ын ыс ыц ыч ыш ыщ ыя ьб ьв ьг ьд ье ьи
  ьм ьо ьп ьр ьт ьф ьц ьч ьш ьщ ью ья ьё э$ эб эв эг эд эз эй эм эн эп эр эс эу эф эх юб юг юд юж
  юз юи юй юк юл юм юн юп юр юс юэ юю яб яв яг яд яж яз яй як ял ям яо яп яр яс яу ях яц яч ящ яэ
  яю яя ёв ёг ёд ёж ёз ёй ёк ёл ёс ёх
"""
_PAIRS = {pair: int(row.split()[0]) for row in _PAIR_LEVELS.replace("\n  ", " ").strip().split("\n") for pair in row.split()[1:]}
_UNSEEN_PAIR = -1.5 * math.log(34)
_UNIFORM = 1000 / 33
_WORD_RE = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("аеёиоуыэюяіўїє")
_NEVER_FIRST = frozenset("ъьы")


def _score_cyrillic(text: str) -> float:
    """How much ``text`` reads like real Russian, in nats against uniform letters: the frequencies
    of its Cyrillic letters and letter pairs, with penalties for impossible case shapes ("пУТИН"),
    letters of two scripts glued into one word ("cafй"), words without vowels or with long
    consonant runs, and symbols or box drawing (KOI8-R pseudographics read as cp1251 or the
    reverse)."""
    score = 0.0
    for word in _WORD_RE.findall(text):
        cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        if not cyrillic:
            continue
        if cyrillic != len(word):
            score -= 4 * len(word)
            continue
        if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
            score -= 4 * len(word)
            continue
        low = word.lower()
        for k, ch in enumerate(low):
            if ch == "ъ" and low[k + 1:k + 2] in ("е", "ё", "ю", "я"):
                continue  # "подъезд", "объём": the hard sign where Russian spelling puts it
            score += math.log(_RU_FREQ.get(ch, _RARE) / _UNIFORM)
        bounded = "^" + low + "$"
        for a, b in zip(bounded, bounded[1:]):
            level = _PAIRS.get(a + b)
            score += _UNSEEN_PAIR if level is None else (level * math.log(2) - math.log(64) + math.log(34))
        if low[0] in _NEVER_FIRST and len(low) > 1:
            score -= 4
        # Russian words have vowels, and rarely four consonants in a row.
        if len(low) >= 3 and not any(ch in _VOWELS for ch in low):
            score -= 3
        run = 0
        for ch in low:
            run = 0 if ch in _VOWELS else run + 1
            if run >= 4:
                score -= 2
    for ch in text:
        if ord(ch) >= 0x80 and (unicodedata.category(ch) in ("So", "Sm", "Co", "Cn") or "\u2500" <= ch <= "\u259f"):
            score -= 8
    return score


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode transcript bytes; return (text, encoding name). Raise DecodeError when unsure."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return _strict(data, "utf-16"), "utf-16"
    # UTF-16 without a BOM: NUL bytes (Latin text), or other C0 bytes such as 0x04 in every pair
    # (Cyrillic text with no space or newline, which would otherwise pass for ASCII).
    if b"\x00" in data or _C0_BYTES_RE.search(data):
        guess = _utf16_without_bom(data)
        if guess:
            return _strict(data, guess), guess
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        raise DecodeError(
            f"binary data: NUL byte at offset {offset}; a transcript must be a text file "
            "(UTF-8, UTF-16 with a BOM, cp1251 or KOI8-R)",
            line,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if _odd_utf8(text) and (_single_byte_russian(data) is not None or _short_cyrillic(data)):
            # Short cp1251/KOI8-R text can happen to be valid UTF-8 ("её" in KOI8-R is "ţ"): when
            # UTF-8 gives only letters we do not publish and a Russian code page reads clearly, refuse.
            raise DecodeError(
                "cannot tell the encoding: the bytes are valid UTF-8 but read as Russian in cp1251 or "
                "KOI8-R; re-save the file as UTF-8",
                1,
            )
        return text, "utf-8"
    # Not UTF-8: only the single-byte Russian code pages are accepted, and only when one clearly wins.
    found = _single_byte_russian(data)
    if found is None:
        raise _not_utf8(data, utf8_error)
    return found


def _capitalised(text: str) -> bool:
    """Whether ``text`` has a Cyrillic word written with a capital and then lower case."""
    return any(
        len(w) >= 2 and w[0].isupper() and w[1:].islower() and _CYRILLIC_RE.match(w)
        for w in _WORD_RE.findall(text)
    )


_ARCHIVE_SCRIPT_RE = re.compile("[\u0080-\u00ff\u0400-\u04ff\u2000-\u206f\u2116\u20bd\u20ac]")
"""Non-ASCII characters of the scripts of the archive (Latin-1, Cyrillic, punctuation, №, ₽, €)."""


def _odd_utf8(text: str) -> bool:
    """Non-ASCII text made only of characters outside the scripts of the archive."""
    return not text.isascii() and not _ARCHIVE_SCRIPT_RE.search(text)


def _short_cyrillic(data: bytes) -> bool:
    """A few bytes that a Russian code page reads as mostly Cyrillic letters."""
    high = [b for b in data if b >= 0x80]
    if len(data) >= 64 or not high:
        return False
    return any(
        len(_CYRILLIC_RE.findall(data.decode(enc, errors="replace"))) >= 0.5 * len(high) for enc in ("cp1251", "koi8_r")
    )


def _single_byte_russian(data: bytes) -> Optional[tuple[str, str]]:
    """(text, encoding) when cp1251 or KOI8-R clearly reads the bytes as Russian, else None."""
    high = [b for b in data if b >= 0x80]
    candidates = {}
    for enc in ("cp1251", "koi8_r"):
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if not candidates or not high:
        return None
    if all(b < 0xC0 for b in high) and "cp1251" in candidates:
        text = candidates["cp1251"]
        if all(unicodedata.category(ch).startswith("P") or ch.isspace() for ch in text if ord(ch) >= 0x80):
            return text, "cp1251"  # only Windows punctuation (quotes, dashes): cp1251 and cp1252 agree
        return None
    scores = {enc: _score_cyrillic(text) for enc, text in candidates.items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else float("-inf")
    if _FOREIGN_CYRILLIC_RE.search(candidates[best]):
        return None  # Ђ, Ј, Џ …: Serbian or Macedonian letters, or another code page (Mac Cyrillic)
    letters = len(_CYRILLIC_RE.findall(candidates[best]))
    # The two code pages swap upper and lower case, so a capitalised word ("Путин") read in the
    # wrong one looks like "пУТИН" and gives it away. Text with no capitalised word (all capitals,
    # all lower case, or capitals and lower case in separate words) carries no such evidence:
    # "об чем" in cp1251 is "НА ВЕЛ" in KOI8-R. Then the letters must speak louder and longer.
    weak = not any(_capitalised(text) for text in candidates.values())
    margin = _MARGIN_ONE_CASE if weak else _MARGIN
    if weak and letters < _MIN_ONE_CASE:
        return None
    if best_score < -_FLOOR * letters or best_score - second < margin or letters < 0.5 * len(high):
        return None
    return candidates[best], best


_MARGIN = 3.0
"""How much better (in nats) the chosen code page must read than the other one. Short all-capital
text can read plausibly both ways ("НЕТ" in cp1251 is "мер" in KOI8-R): then the file is refused."""
_MARGIN_ONE_CASE = 6.0
"""The margin for text with no capitalised word (see _single_byte_russian)."""
_MIN_ONE_CASE = 8
"""Text with no capitalised word is decoded only from this many Cyrillic letters on."""
_FLOOR = 2.0
"""The chosen reading may score at worst this much below uniform letters per letter (Belarusian,
or text with many "ё"), so that two readings that are both garbage are refused too."""


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        # Count lines in the decoded prefix: in UTF-16 a 0x0A byte is not always a newline.
        prefix = data[: exc.start].decode(encoding, errors="replace")
        line = normalise(prefix).count("\n") + 1
        raise DecodeError(f"invalid {encoding} at byte {exc.start}: {exc.reason}", line) from None


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """Recognise UTF-16 without a BOM by its NUL bytes, or failing that by decoding to plausible text.

    Mostly-ASCII text has a NUL in every pair. Russian text has 0x04 there instead, so both byte
    orders are decoded and the one that gives only letters, digits, punctuation and spaces of the
    scripts we publish (and the other does not) is taken.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    pairs = len(data) // 2
    if pairs >= 2 and odd >= 0.6 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if pairs >= 2 and even >= 0.6 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    plausible = [enc for enc in ("utf-16-le", "utf-16-be") if _plausible_text(data, enc)]
    return plausible[0] if len(plausible) == 1 else None


def _plausible_text(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    if not text or "\x00" in text:
        return False
    good = sum(
        1
        for ch in text
        if ch.isspace()
        or ch < "\u0250"  # Latin, Latin-1 and Latin Extended
        or "\u0400" <= ch <= "\u04ff"  # Cyrillic
        or "\u2000" <= ch <= "\u206f"  # General Punctuation (dashes, quotes, ellipsis, invisible marks)
        or ch in "\u2116\u20bd\u20ac\ufeff"  # numero sign, rouble, euro
    )
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0b\x0c")
    return controls == 0 and good >= 0.98 * len(text)


def _not_utf8(data: bytes, exc: UnicodeDecodeError) -> DecodeError:
    line = data.count(b"\n", 0, exc.start) + 1
    return DecodeError(
        f"cannot tell the encoding: byte 0x{data[exc.start]:02X} at offset {exc.start} is not UTF-8, "
        "and the text does not read clearly as cp1251 or KOI8-R; re-save the file as UTF-8",
        line,
    )


def normalise(text: str) -> str:
    """Normalise line endings to \\n and Unicode to NFC; whitespace controls become spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\x85", "\n")
    for ch, repl in _SPACE_CONTROLS.items():
        text = text.replace(ch, repl)
    return unicodedata.normalize("NFC", text)


def to_document(file: str, data: bytes, sidecar: Optional[Sidecar] = None) -> ReadResult:
    """Turn the bytes of one transcript into a RawDocument, or problems that explain the refusal."""
    problems: list[Problem] = []
    stem = file.rsplit("/", 1)[-1]
    if stem.endswith(TRANSCRIPT_SUFFIX):
        stem = stem[: -len(TRANSCRIPT_SUFFIX)]
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return ReadResult(None, (Problem(file, exc.line, str(exc)),))
    text = normalise(text)
    lines: list[SourceLine] = []
    removed: dict[str, list[int]] = {}
    # Most files hold no control or invisible character at all: look line by line only when one does.
    suspect = bool(_BAD_CONTROL_RE.search(text) or _INVISIBLE_RE.search(text))
    for number, raw in enumerate(text.split("\n"), start=1):
        if not suspect:
            lines.append(SourceLine(number, raw.rstrip()))
            continue
        bad = _BAD_CONTROL_RE.search(raw)
        if bad:
            problems.append(
                Problem(
                    file,
                    number,
                    f"control character U+{ord(bad.group()):04X} at column {bad.start() + 1}; "
                    "remove it or re-save the file as plain text",
                )
            )
            continue
        if _INVISIBLE_RE.search(raw):
            for ch in _INVISIBLE_RE.findall(raw):
                removed.setdefault(INVISIBLE[ch], []).append(number)
            raw = _INVISIBLE_RE.sub("", raw)
        lines.append(SourceLine(number, raw.rstrip()))
    for what, numbers in sorted(removed.items()):
        first = sorted(set(numbers))
        problems.append(
            Problem(
                file,
                first[0],
                f"removed {len(numbers)} invisible character(s) ({what}) on line(s) "
                + ", ".join(str(n) for n in first[:10])
                + (" ..." if len(first) > 10 else ""),
                severity="warning",
            )
        )
    if any(p.severity == "error" for p in problems):
        return ReadResult(None, tuple(problems))
    if not any(line.text.strip() for line in lines):
        return ReadResult(
            None,
            tuple(problems) + (Problem(file, 0, "the file is empty or holds only whitespace; nothing to publish"),),
        )
    return ReadResult(RawDocument(file, stem, tuple(lines), encoding, sidecar), tuple(problems))


def parse_sidecar(file: str, text: str) -> tuple[Optional[Sidecar], list[Problem]]:
    """Parse a ``.meta.yaml`` sidecar; unknown keys and malformed dates are problems with lines."""
    try:
        loader = yaml.SafeLoader(text)
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        # Point at the construct that was left open ("while parsing a flow sequence" on line 2)
        # rather than at the place where the parser gave up (often the end of the file).
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        what = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        detail = f"{what} ({context})" if context else what
        return None, [Problem(file, line, f"not valid YAML: {detail}; check quotes, brackets and colons")]
    if node is None:
        return Sidecar(file), []
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(file, node.start_mark.line + 1, "a sidecar must be a mapping such as 'date: 2022-02-18'")]
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 1
        if key not in SIDECAR_KEYS:
            problems.append(Problem(file, line, f"unknown key '{key}'; expected one of: {', '.join(SIDECAR_KEYS)}"))
            continue
        if not isinstance(value_node, yaml.ScalarNode):
            problems.append(Problem(file, line, f"'{key}' must be a single value"))
            continue
        if value_node.tag == "tag:yaml.org,2002:null":
            continue  # "title:", "title: ~", "title: null": no value given
        value = normalise(str(value_node.value)).strip()
        if key == "date":
            # Exactly YYYY-MM-DD: Python 3.11's fromisoformat also takes "20220218" and "2022-W07-5",
            # which the rest of the pipeline (and readers of the sidecar) would not.
            try:
                if not _ISO_DATE_RE.fullmatch(value):
                    raise ValueError(value)
                _dt.date.fromisoformat(value)
            except ValueError:
                problems.append(Problem(file, line, f"date '{value}' is not a real date in the form YYYY-MM-DD"))
                continue
        values[key] = value
    if problems:
        return None, problems
    return Sidecar(file, **values), []


def _display(path: Path) -> str:
    """A path for messages: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def _stat(path: Path) -> Optional[tuple[int, int, int, int]]:
    """What the read cache keys a file by: modification time, size, inode and change time (which
    moves with any write, even one that restores the modification time)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns


def _read_one(path: Path, sidecar_path: Path) -> tuple[Optional[RawDocument], tuple[Problem, ...]]:
    """Read one transcript and its sidecar; the document is None if either is refused."""
    problems: list[Problem] = []
    display = _display(path)
    sidecar = None
    sidecar_ok = True
    if sidecar_path.exists():
        side_display = _display(sidecar_path)
        try:
            side_text, _ = decode_bytes(sidecar_path.read_bytes())
        except DecodeError as exc:
            problems.append(Problem(side_display, exc.line, str(exc)))
            sidecar_ok = False
        else:
            sidecar, side_problems = parse_sidecar(side_display, side_text)
            problems.extend(side_problems)
            sidecar_ok = sidecar is not None
    result = to_document(display, path.read_bytes(), sidecar)
    problems.extend(result.problems)
    return (result.document if sidecar_ok else None), tuple(problems)


RACY_NS = 2_000_000_000
"""A file modified this recently may change again within the same clock tick, keeping its
modification time and size: it is not remembered, so the next run reads it again."""


def _racy(key: tuple, now: int) -> bool:
    return any(stat is not None and now - stat[0] < RACY_NS for stat in key[1:])


def read_folder(
    folder: Path, cache: Optional[dict] = None
) -> tuple[list[RawDocument], list[Problem]]:
    """Read every ``*.txt`` transcript in ``folder`` (sorted by name) with its sidecar, if any.

    A transcript whose sidecar is refused is still read, so that the problems of its text are
    reported in the same run; it is left out of the documents. A sidecar with no transcript next
    to it is reported as a warning: its metadata would otherwise be silently unused.

    ``cache`` (the watch loop's) maps a transcript to what reading it gave, keyed by its own and
    its sidecar's modification time, size and inode: an unchanged file is not read again. It is
    left holding this run's files only.
    """
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], [Problem(str(folder), 0, "input folder does not exist")]
    seen: dict = {}
    now = time.time_ns()
    for path in _files(folder, TRANSCRIPT_SUFFIX):
        sidecar_path = path.with_name(path.name[: -len(TRANSCRIPT_SUFFIX)] + SIDECAR_SUFFIX)
        key = (str(path), _stat(path), _stat(sidecar_path)) if cache is not None else None
        if key is not None and key in cache:
            document, file_problems = seen[key] = cache[key]
        else:
            document, file_problems = _read_one(path, sidecar_path)
            if key is not None and not _racy(key, now):
                seen[key] = (document, file_problems)
        problems.extend(file_problems)
        if document is not None:
            documents.append(document)
    if cache is not None:
        cache.clear()
        cache.update(seen)
    for side in _files(folder, SIDECAR_SUFFIX):
        stem = side.name[: -len(SIDECAR_SUFFIX)]
        if not side.with_name(stem + TRANSCRIPT_SUFFIX).exists():
            problems.append(
                Problem(
                    _display(side),
                    0,
                    f"sidecar with no transcript: there is no {stem}{TRANSCRIPT_SUFFIX} next to it, so its "
                    "metadata is not used; rename it to <transcript name>.meta.yaml",
                    severity="warning",
                )
            )
    if not documents and not problems:
        problems.append(Problem(str(folder), 0, f"no transcripts (*{TRANSCRIPT_SUFFIX}) found"))
    return documents, problems


def input_state(folder: Path) -> dict[str, tuple[int, int, int, int]]:
    """What ``read_folder`` would read, as path -> what its cache keys each file by (``_stat``):
    the watch loop compares two of these to decide whether to run again. Other files (hidden ones
    such as an editor's swap file, or files of other types) do not count."""
    paths = _files(folder, (TRANSCRIPT_SUFFIX, SIDECAR_SUFFIX))
    return {str(path): stat for path in paths if (stat := _stat(path)) is not None}  # None: just removed


def _files(folder: Path, suffix: str | tuple[str, ...]) -> list[Path]:
    """The files under ``folder`` whose names end with ``suffix`` (or one of several), in path
    order, leaving out hidden files and folders (editors' and tools' own: ``.git/``,
    ``.#draft.txt``). Plain strings are walked and sorted: ``sorted(folder.rglob(...))`` took 1.5 s
    for 10,000 files, most of the watch loop's quick pass."""
    found: list[tuple[list[str], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(suffix) and not name.startswith("."):
                path = os.path.join(root, name)
                found.append((path.split(os.sep), path))
    found.sort()
    return [Path(path) for _, path in found]

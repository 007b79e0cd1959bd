"""Read stage: bytes on disk -> RawDocument. The only place where transcript text is decoded."""

from __future__ import annotations

import datetime as _dt
import os
import re
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


def _score_cyrillic(text: str) -> float:
    """How much ``text`` looks like real Russian: lowercase letters, few capitals inside words."""
    score = 0.0
    prev = ""
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            if ch.islower():
                score += 1
            elif prev and "\u0400" <= prev <= "\u04ff" and prev.islower():
                score -= 4  # a capital right after a lowercase letter: wrong code page
        elif unicodedata.category(ch) in ("So", "Sm", "Co", "Cn") or "\u2500" <= ch <= "\u257f":
            score -= 4  # box drawing and symbols: KOI8-R's pseudographics read as cp1251 or vice versa
        prev = ch
    return score


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode transcript bytes; return (text, encoding name). Raise DecodeError when unsure."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess:
            return _strict(data, guess), guess
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        raise DecodeError(
            f"binary data: NUL byte at offset {offset}; a transcript must be a text file "
            "(UTF-8, UTF-16 with a BOM, cp1251 or KOI8-R)",
            line,
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Not UTF-8: only the single-byte Russian code pages are accepted, and only when one clearly wins.
    high = [b for b in data if b >= 0x80]
    candidates = {}
    for enc in ("cp1251", "koi8_r"):
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise _not_utf8(data, utf8_error)
    if all(b < 0xC0 for b in high) and "cp1251" in candidates:
        text = candidates["cp1251"]
        if all(unicodedata.category(ch).startswith("P") or ch.isspace() for ch in text if ord(ch) >= 0x80):
            return text, "cp1251"  # only Windows punctuation (quotes, dashes): cp1251 and cp1252 agree
        raise _not_utf8(data, utf8_error)
    scores = {enc: _score_cyrillic(text) for enc, text in candidates.items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else float("-inf")
    letters = len(_CYRILLIC_RE.findall(candidates[best]))
    if best_score <= 0 or best_score - second < 2 or letters < 0.5 * len(high):
        raise _not_utf8(data, utf8_error)
    return candidates[best], best


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DecodeError(f"invalid {encoding} at byte {exc.start}: {exc.reason}", line) from None


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """Recognise UTF-16 without a BOM by its NUL bytes: mostly-ASCII text has one in every pair."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    pairs = len(data) // 2
    if odd >= 0.6 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


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
    for number, raw in enumerate(text.split("\n"), start=1):
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
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        return None, [Problem(file, line, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
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
        value = normalise(str(value_node.value)).strip()
        if key == "date":
            try:
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


def read_folder(folder: Path) -> tuple[list[RawDocument], list[Problem]]:
    """Read every ``*.txt`` transcript in ``folder`` (sorted by name) with its sidecar, if any."""
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], [Problem(str(folder), 0, "input folder does not exist")]
    for path in sorted(folder.rglob("*" + TRANSCRIPT_SUFFIX)):
        rel = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        display = _display(path)
        sidecar = None
        sidecar_path = path.with_name(path.name[: -len(TRANSCRIPT_SUFFIX)] + SIDECAR_SUFFIX)
        if sidecar_path.exists():
            side_display = _display(sidecar_path)
            try:
                side_text, _ = decode_bytes(sidecar_path.read_bytes())
            except DecodeError as exc:
                problems.append(Problem(side_display, exc.line, str(exc)))
                continue
            sidecar, side_problems = parse_sidecar(side_display, side_text)
            problems.extend(side_problems)
            if sidecar is None:
                continue
        result = to_document(display, path.read_bytes(), sidecar)
        problems.extend(result.problems)
        if result.document is not None:
            documents.append(result.document)
    if not documents and not problems:
        problems.append(Problem(str(folder), 0, f"no transcripts (*{TRANSCRIPT_SUFFIX}) found"))
    return documents, problems

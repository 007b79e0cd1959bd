"""ASCII slugs for ids, URLs and anchors: deterministic, transliterating Cyrillic, never empty."""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ў": "u", "ї": "yi",
    "є": "ye", "ґ": "g",
}


def transliterate(text: str) -> str:
    """Return an ASCII rendering of ``text``: Cyrillic by a fixed table, other letters without accents."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYRILLIC:
            out.append(_CYRILLIC[low])
        else:
            out.append(ch)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slugify(text: str, fallback: str = "x", keep: str = "") -> str:
    """Lowercase ASCII words joined by '-'; ``fallback`` when nothing is left (e.g. only punctuation)."""
    ascii_text = transliterate(text).lower()
    pattern = "[^a-z0-9" + re.escape(keep) + "]+"
    slug = re.sub(pattern, "-", ascii_text).strip("-")
    return slug or fallback


def unique(slug: str, taken: set[str]) -> str:
    """Return ``slug`` or ``slug-2``, ``slug-3``... whichever is not in ``taken``; add it to ``taken``."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate

"""The one escaping helper: every piece of transcript text reaches a page through here.

Generated Markdown pages put all input-derived text inside raw HTML blocks that our templates
open at the start of a line. Python-Markdown passes such blocks through untouched, so escaping
the five HTML-special characters is enough: ``*x*``, ``[a](b)``, ``# `` or ``1.`` never become
Markdown, and ``<script>`` or ``&lt;`` show exactly as written. Front matter goes through
``front_matter``, which escapes values for the places where MkDocs and Material print
``page.meta`` without escaping (``<title>``, ``<meta content>``, tag names), and serialises them
with a YAML emitter so quotes and colons cannot break out.
"""

from __future__ import annotations

from typing import Any

import json

from markupsafe import Markup, escape


def html(text: object) -> Markup:
    """Escape ``& < > " '`` so the text is shown literally inside HTML (and inside raw HTML in Markdown)."""
    return escape(text)


def front_matter(meta: dict[str, Any]) -> str:
    """A YAML front-matter block whose string values are HTML-escaped and safely quoted."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return str(html(value))
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return "---\n" + "".join(_yaml_item(key, clean(value)) for key, value in meta.items()) + "---\n"


# Characters YAML reads as line breaks or refuses, written as escapes inside double quotes.
_YAML_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "\x7f\x85\u2028\u2029\ufeff\ufffe\uffff"}
_YAML_ESCAPES.update({c: f"\\u{c:04x}" for c in range(0x80, 0xA0)})


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``value``."""
    return json.dumps(value, ensure_ascii=False).translate(_YAML_ESCAPES)


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return yaml_string(str(value))


def _yaml_item(key: str, value: Any, indent: str = "") -> str:
    if isinstance(value, dict):
        return f"{indent}{key}:\n" + "".join(_yaml_item(k, v, indent + "  ") for k, v in value.items())
    if isinstance(value, list):
        if not value:
            return f"{indent}{key}: []\n"
        return f"{indent}{key}:\n" + "".join(f"{indent}  - {_yaml_scalar(v)}\n" for v in value)
    return f"{indent}{key}: {_yaml_scalar(value)}\n"

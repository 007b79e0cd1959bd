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

import yaml
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

    body = yaml.safe_dump(
        clean(meta), allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )
    return f"---\n{body}---\n"

"""MkDocs hook: generated pages skip Markdown, because their body is already HTML.

Every page the generator writes (except a tag index that holds Material's listing marker) is a
sequence of raw HTML blocks, each opened at the start of a line, and is marked ``html_body: true``
in its front matter. Python-Markdown passes such blocks through unchanged, so converting them only
costs time: measured at 1,000 transcripts, Markdown and MkDocs' anchor collector took 15.5 s of a
27.5 s MkDocs build. For a marked page this hook hands MkDocs an empty Markdown body and puts the
HTML back as the page content, with the ``id`` and ``name`` anchors MkDocs would have collected,
so MkDocs still validates links into the page. ``tests/test_mkdocs_hooks.py`` checks that the built
site is byte-identical with and without the hook. A tool that ignores ``hooks:`` (for example
Zensical) converts the Markdown as usual and gets the same HTML.
"""

from __future__ import annotations

import html
import re

MARKER = "html_body"
_ANCHOR = re.compile(r"""<[A-Za-z][^>]*?\s(?:id|name)=(?:"([^"]*)"|'([^']*)')""")
_bodies: dict[str, str] = {}


def is_marked(page) -> bool:
    return page.meta.get(MARKER) is True


def on_page_markdown(markdown: str, page, config, files) -> str:
    if not is_marked(page):
        return markdown
    _bodies[page.file.src_uri] = markdown
    return ""


def on_page_content(content: str, page, config, files) -> str:
    body = _bodies.pop(page.file.src_uri, None)
    if body is None:
        return content
    page.present_anchor_ids = {html.unescape(a or b) for a, b in _ANCHOR.findall(body)}
    return body.strip("\n")

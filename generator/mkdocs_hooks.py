"""MkDocs hook: generated pages skip Markdown, because their body is already HTML.

Every page the generator writes (except a tag index that holds Material's listing marker) is a
sequence of raw HTML blocks, each opened at the start of a line, and is marked ``html_body: true``
in its front matter. Python-Markdown passes such blocks through unchanged, so converting them only
costs time: measured at 1,000 transcripts, Markdown and MkDocs' anchor collector took 15.5 s of a
27.5 s MkDocs build. For a marked page the hook replaces ``Page.render`` with one that takes the
HTML as it is, with the ``id`` anchors MkDocs would have collected, so MkDocs still validates links
into the page. MkDocs reads and renders every page before it writes the first one, so it would
hold every page twice (Markdown and HTML: 2.8 GB at 10,000 transcripts); a marked page's body is
instead read again from its file just before the page is built, and dropped after.

The hook also has MkDocs hard-link the downloads (``downloads/``, five files per transcript, two
thirds of the docs dir's files) and the data exports (``data/``, 290 MB at 10,000 transcripts) into
the site instead of copying them: a copy costs two
``makedirs``, two ``open`` calls and the bytes, and the copies took 7-8 s of system time in a
17-19 s MkDocs build at 1,000 transcripts on this project's machine (a link: 1-3 s, build 10-13 s).

``tests/test_mkdocs_hooks.py`` checks that the built site is byte-identical with and without the
hook. A tool that ignores ``hooks:`` (for example Zensical) converts the Markdown as usual, copies
the downloads itself and gets the same site.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import types

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

MARKER = "html_body"
_ID = re.compile(r' id="([^"]*)"')
_A_NAME = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')
LINKED = ("downloads/", "data/")
"""Folders of static files that the site gets as hard links to the docs dir's, not as copies."""
_made: set[str] = set()
"""Folders of the site made by this build for linked files."""


def is_marked(page) -> bool:
    return page.meta.get(MARKER) is True


def anchor_ids(body: str) -> set[str]:
    """The anchors MkDocs collects from raw HTML (``id`` on any element, ``name`` on ``a``); the
    generator writes every attribute as `` name="value"``."""
    found = _ID.findall(body)
    if ' name="' in body:
        found += _A_NAME.findall(body)
    return {html.unescape(a) if "&" in a else a for a in found}


_BODY_CHARS = "_html_body_chars"


def _render_verbatim(page, config, files) -> None:
    """``Page.render`` for a marked page: what Markdown makes of raw HTML blocks, without Markdown.

    The content itself is left out until ``on_page_context``; only its length is kept."""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = anchor_ids(page.markdown)
    page.links_to_anchors = {}
    setattr(page, _BODY_CHARS, len(page.markdown))
    page.content = ""  # MkDocs requires a string here
    page.markdown = ""


def on_page_markdown(markdown: str, page, config, files) -> str:
    if is_marked(page):
        page.render = types.MethodType(_render_verbatim, page)
    return markdown


@event_priority(100)  # before any plugin looks at the content (Material's search indexes it here)
def on_page_context(context, page, config, nav):
    chars = getattr(page, _BODY_CHARS, None)
    if chars is not None:
        with open(page.file.abs_src_path, encoding="utf-8-sig", errors="strict") as fh:  # as MkDocs reads it
            text = fh.read()
        head, body = text[: len(text) - chars], text[len(text) - chars:]
        if not head.endswith("---\n"):  # the file changed since MkDocs read it (`mkdocs serve`)
            body, _ = get_data(text)
            page.present_anchor_ids = anchor_ids(body)
        page.content = body.strip("\n")
    return context


def on_post_page(output: str, page, config) -> str:
    if getattr(page, _BODY_CHARS, None) is not None:
        page.content = ""
    return output


class _LinkedFile(File):
    """A static file that the site gets as a hard link to its source instead of a copy."""

    def copy_file(self, dirty: bool = False) -> None:
        if self._content is not None or (dirty and not self.is_modified()):
            return super().copy_file(dirty)  # a plugin's content, or unchanged in a dirty build
        dest = self.abs_dest_path
        folder = os.path.dirname(dest)
        if folder not in _made:
            os.makedirs(folder, exist_ok=True)
            _made.add(folder)
        _link(self.abs_src_path, dest)


def on_files(files, config):
    """The files under ``LINKED`` are linked into the site rather than copied. They stay in MkDocs'
    list, so that a Markdown link to one is still checked."""
    _made.clear()
    for file in files:
        if file.src_uri.startswith(LINKED) and type(file) is File:
            file.__class__ = _LinkedFile  # the same object (plugins may hold it), copied differently
    return files


def _link(source: str, dest: str) -> None:
    """Hard-link ``source`` as ``dest`` (replacing it), or copy it where linking is impossible.
    The generator never writes a file in place (it writes a new one and renames it), so a file
    shared by the docs dir and the site does not change under either."""
    try:
        os.link(source, dest)
        return
    except FileExistsError:  # `mkdocs serve --dirty` builds into the same folder again
        os.unlink(dest)
        try:
            os.link(source, dest)
            return
        except OSError:
            pass
    except OSError:  # another file system, or one without hard links
        pass
    shutil.copyfile(source, dest)

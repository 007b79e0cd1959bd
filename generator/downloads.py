"""Research stage, downloads: open-data exports and per-transcript downloads and citations.

Pure: takes the enriched ``Archive`` and returns text or pages; nothing is read or written.

Paths (all inside the docs dir; MkDocs copies every non-Markdown file as it is):

* ``data/turns.csv``: one row per speaker turn of the archive (RFC 4180, CRLF, UTF-8).
* ``downloads/<id>.txt``: the transcript as plain text, words exactly as in the source.
* ``downloads/<id>.md.txt``: the transcript as Markdown, text escaped for Markdown. Not ``.md``:
  MkDocs would take a ``.md`` file in the docs dir for a page and render it.
* ``downloads/<id>.xml``: TEI XML (see ``tei.py``).
* ``downloads/<id>.bib``: a BibTeX ``@misc`` entry.
* ``downloads/<id>.csl.json``: CSL-JSON (an array holding one item), for Zotero, Pandoc, citeproc.

``url`` fields hold the page path relative to the site root (``transcripts/<id>/``) unless a
``base_url`` is given, in which case they hold ``<base_url>/transcripts/<id>/``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional

from . import render as _render  # module, not names: safe if render.py ever imports this module
from .model import Archive, Entry, Paragraph, Transcript, Turn
from .pagecache import Made, PageCache, value, without_finish
from .parallel import fork_stream
from .tei import tei_xml

if TYPE_CHECKING:
    from .render import Page

TURN_COLUMNS = ("transcript_id", "date", "speaker_id", "label", "anchor", "word_count", "text")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def download_paths(transcript_id: str) -> dict[str, str]:
    """Docs-dir paths of a transcript's downloads, by format (for links on the transcript page)."""
    base = f"downloads/{transcript_id}"
    return {
        "txt": base + ".txt",
        "md": base + ".md.txt",
        "tei": base + ".xml",
        "bib": base + ".bib",
        "csl": base + ".csl.json",
    }


def _url(entry: Entry, base_url: str) -> str:
    return (base_url.rstrip("/") + "/" + entry.page) if base_url else entry.page


def _word_count(turn: Turn) -> int:
    return sum(len(p.text.split()) for p in turn.paragraphs)


# ---------------------------------------------------------------------------------------- CSV
def turns_csv(archive: Archive) -> str:
    """``data/turns.csv``: one row per turn, in archive order then page order.

    Columns: transcript_id, date (ISO, '' when undated), speaker_id, label (as written), anchor,
    word_count, text (the turn's paragraphs joined with a blank line)."""
    return _turns_csv(archive, None)


def _turns_csv(archive: Archive, cache: Optional[PageCache]) -> str:
    """``turns_csv``, with each transcript's rows kept in ``cache`` while it is unchanged."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(TURN_COLUMNS)
    return out.getvalue() + "".join(
        value(cache, ("turns.csv", e.transcript.id), lambda: e.transcript, lambda: _turn_rows(e.transcript))
        for e in archive.entries
    )


def _turn_rows(t: Transcript) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for turn in t.turns():
        writer.writerow([
            t.id, t.date.value or "", turn.speaker, turn.label, turn.anchor, _word_count(turn),
            "\n\n".join(p.text for p in turn.paragraphs),
        ])
    return out.getvalue()


# ---------------------------------------------------------------------------------------- text
def _date_line(t: Transcript) -> str:
    if not t.date.value:
        return "Undated"
    if t.date.written and t.date.written != t.date.value:
        return f"{t.date.written} ({t.date.value})"
    return t.date.value


def _speakers_line(entry: Entry, archive: Archive) -> str:
    people = archive.people_by_id
    return "; ".join(people[pid].name if pid in people else pid for pid in entry.speakers)


def transcript_txt(entry: Entry, archive: Archive, *, base_url: str = "") -> str:
    """``downloads/<id>.txt``: title, date, place, source, then the text as written.

    Summary paragraphs, headings, "Label: first paragraph" turns (further paragraphs follow on
    their own), narration and editorial marks appear exactly as in the source, one paragraph per
    line, separated by blank lines; a '* * *' separator is kept where the source has one."""
    t = entry.transcript
    head = [
        t.title.value or t.id,
        "",
        f"Date: {_date_line(t)}",
        f"Place: {t.place.value or 'Not stated'}",
        f"Source: {t.source.value or 'Not stated'}",
        f"Kind: {t.kind}",
    ]
    if entry.speakers:
        head.append(f"Speakers: {_speakers_line(entry, archive)}")
    head += [f"Transcript: {t.id}", f"Page: {_url(entry, base_url)}"]
    blocks: list[str] = ["\n".join(head)]
    blocks += [p.text for p in t.summary]
    for section in t.sections:
        if section.separator_line:
            blocks.append("* * *")
        if section.heading is not None:
            blocks.append(section.heading.text)
        for block in section.blocks:
            if isinstance(block, Turn):
                if block.paragraphs:
                    blocks.append(f"{block.label}: {block.paragraphs[0].text}")
                    blocks += [p.text for p in block.paragraphs[1:]]
                else:
                    blocks.append(f"{block.label}:")
            else:
                blocks.append(block.text)
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------- Markdown
_MD_BACKSLASH = set("\\`*_{}[]>#")
"""Escaped with a backslash everywhere: escapable in CommonMark and in Python-Markdown alike."""
_MD_ENTITY = {"&": "&amp;", "<": "&lt;"}
"""Written as entities: ``\\&`` and ``\\<`` are not escapes in Python-Markdown."""


_MD_TABLE = {ord(ch): "\\" + ch for ch in _MD_BACKSLASH}
_MD_TABLE.update({ord(ch): rep for ch, rep in _MD_ENTITY.items() if ch not in _MD_BACKSLASH})


_MD_SPECIAL = re.compile("[" + re.escape("".join(sorted(set(_MD_BACKSLASH) | set(_MD_ENTITY)))) + "]")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def _md_line(line: str) -> str:
    line = line.lstrip(" \t")  # four leading spaces would make a code block
    first = line[:1]
    if first == "-" or first == "+":
        return "\\" + line  # list items, thematic breaks
    if first.isdigit():
        return _MD_ORDERED.sub(r"\1\\\2", line)  # ordered list items
    return line


def md_escape(text: str) -> str:
    """``text`` as Markdown that renders to exactly ``text``: no emphasis, link, HTML, heading,
    list, quote or code can start from it."""
    escaped = text.translate(_MD_TABLE) if _MD_SPECIAL.search(text) else text
    if "\n" not in escaped:
        return _md_line(escaped)
    return "\n".join(_md_line(line) for line in escaped.split("\n"))


def transcript_md(entry: Entry, archive: Archive, *, base_url: str = "") -> str:
    """``downloads/<id>.md.txt``: the transcript as Markdown, every input text escaped."""
    t = entry.transcript
    out = [f"# {md_escape(t.title.value or t.id)}"]
    meta = [
        ("Date", _date_line(t)),
        ("Place", t.place.value or "Not stated"),
        ("Source", t.source.value or "Not stated"),
        ("Kind", t.kind),
    ]
    if entry.speakers:
        meta.append(("Speakers", _speakers_line(entry, archive)))
    meta += [("Transcript", t.id), ("Page", _url(entry, base_url))]
    out.append("\n".join(f"- **{k}:** {md_escape(v)}" for k, v in meta))
    out += [md_escape(p.text) for p in t.summary]
    for section in t.sections:
        if section.separator_line:
            out.append("* * *")
        if section.heading is not None:
            out.append(f"## {md_escape(section.heading.text)}")
        for block in section.blocks:
            if isinstance(block, Turn):
                label = f"**{md_escape(block.label)}:**"
                if block.paragraphs:
                    out.append(f"{label} {md_escape(block.paragraphs[0].text)}")
                    out += [_md_paragraph(p) for p in block.paragraphs[1:]]
                else:
                    out.append(label)
            else:
                out.append(_md_paragraph(block))
    return "\n\n".join(out) + "\n"


def _md_paragraph(p: Paragraph) -> str:
    return md_escape(p.text)


# ---------------------------------------------------------------------------------------- citations
_BIB_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
    "_": r"\_", "^": r"\^{}", "~": r"\~{}",
}


def bib_escape(text: str) -> str:
    """Text for a braced BibTeX field: LaTeX specials escaped, so braces always balance."""
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in text)


def bib_key(transcript_id: str) -> str:
    return "transcript-" + re.sub(r"[^A-Za-z0-9_:\-]", "-", transcript_id)


def _date_parts(iso: Optional[str]) -> list[int]:
    if not iso:
        return []
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    if not m:
        return []
    return [int(g) for g in m.groups() if g]


def bibtex(entry: Entry, archive: Archive, *, site_name: str = "Transcript Archive", base_url: str = "") -> str:
    """``downloads/<id>.bib``: a BibTeX ``@misc`` entry (UTF-8; ``date`` for biblatex, ``year`` and
    ``month`` for BibTeX)."""
    t = entry.transcript
    fields: list[tuple[str, str]] = [("title", "{" + bib_escape(t.title.value or t.id) + "}")]
    parts = _date_parts(t.date.value)
    if parts:
        fields.append(("date", t.date.value or ""))
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[parts[1] - 1]))
    if t.source.value:
        fields.append(("howpublished", bib_escape(t.source.value)))
    note = []
    if t.place.value:
        note.append(t.place.value)
    note.append(t.kind[:1].upper() + t.kind[1:])
    if entry.speakers:
        note.append("Speakers: " + _speakers_line(entry, archive))
    note.append(f"{site_name}, transcript {t.id}")
    fields.append(("note", bib_escape(". ".join(note))))
    url = _url(entry, base_url)
    fields.append(("url", url.replace("{", "%7B").replace("}", "%7D")))
    labels = {tp.id: tp.label for tp in archive.topics}
    if entry.topics:
        fields.append(("keywords", bib_escape(", ".join(labels.get(tag.topic, tag.topic) for tag in entry.topics))))
    lines = [f"@misc{{{bib_key(t.id)},"]
    for k, (name, value) in enumerate(fields):
        if name == "month":
            lines.append(f"  {name} = {value}" + ("," if k < len(fields) - 1 else ""))
        else:
            lines.append(f"  {name} = {{{value}}}" + ("," if k < len(fields) - 1 else ""))
    lines.append("}")
    return "% Encoding: UTF-8\n" + "\n".join(lines) + "\n"


def csl_type(kind: str) -> str:
    """CSL item type of a transcript kind."""
    if kind == "interview":
        return "interview"
    if kind in {"article", "text"}:
        return "article"
    return "speech"


def csl_item(entry: Entry, archive: Archive, *, site_name: str = "Transcript Archive", base_url: str = "") -> dict[str, Any]:
    t = entry.transcript
    item: dict[str, Any] = {"id": t.id, "type": csl_type(t.kind), "title": t.title.value or t.id}
    parts = _date_parts(t.date.value)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if t.place.value:
        item["publisher-place"] = t.place.value
        item["event-place"] = t.place.value
    if t.source.value:
        item["container-title"] = t.source.value
    item["genre"] = t.kind
    item["archive"] = site_name
    item["archive_location"] = t.id
    item["URL"] = _url(entry, base_url)
    if entry.speakers:
        item["note"] = "Speakers: " + _speakers_line(entry, archive)
    return item


def csl_json(entry: Entry, archive: Archive, *, site_name: str = "Transcript Archive", base_url: str = "") -> str:
    """``downloads/<id>.csl.json``: CSL-JSON, an array with one item."""
    return json.dumps([csl_item(entry, archive, site_name=site_name, base_url=base_url)], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------- pages
PARALLEL_FROM = 1000
"""Below this many transcripts, forking workers costs more than it saves."""


def transcript_downloads(
    entry: Entry, archive: Archive, *, site_name: str = "Transcript Archive", base_url: str = ""
) -> list["Page"]:
    """One transcript's ``.txt``, ``.md.txt``, ``.xml`` (TEI), ``.bib`` and ``.csl.json``."""
    Page = _render.Page
    paths = download_paths(entry.transcript.id)
    return [
        Page(paths["txt"], transcript_txt(entry, archive, base_url=base_url)),
        Page(paths["md"], transcript_md(entry, archive, base_url=base_url)),
        Page(paths["tei"], tei_xml(entry, archive, publisher=site_name, base_url=base_url)),
        Page(paths["bib"], bibtex(entry, archive, site_name=site_name, base_url=base_url)),
        Page(paths["csl"], csl_json(entry, archive, site_name=site_name, base_url=base_url)),
    ]


def download_batches(
    archive: Archive, *, site_name: str = "Transcript Archive", base_url: str = "", workers: int = 1,
    cache: Optional[PageCache] = None, finish: Optional[Callable[[list[Made]], Any]] = None,
) -> Iterator[Any]:
    """``data/turns.csv`` and, per transcript, its ``.txt``, ``.md.txt``, ``.xml`` (TEI), ``.bib``
    and ``.csl.json`` downloads (paths from ``download_paths``), in batches as they are made (at
    10,000 transcripts they come to 530 MB of text).

    With a ``cache``, a transcript whose downloads would come out the same (same entry, same
    speakers) gets ``Kept`` markers instead, and only the others are made. With ``finish`` (no
    cache), each batch is passed through it in the process that made it, and what it returns comes
    instead (``parallel.fork_stream``)."""
    without_finish(cache, finish)
    entries = list(archive.entries)
    keys: dict[str, Any] = {}
    if cache is not None:
        people = archive.people_by_id
        kept: list[Made] = []
        todo = []
        for entry in entries:
            key = (entry.own(), tuple(people.get(p) for p in entry.speakers), site_name, base_url)
            paths = download_paths(entry.transcript.id).values()
            done = [cache.kept_page(path, key) for path in paths]
            if all(done):
                kept.extend(done)
            else:
                keys.update((path, key) for path in paths)
                todo.append(entry)
        entries = todo
        yield kept

    def files(start: int, stop: int) -> list["Page"]:
        return [page for entry in entries[start:stop]
                for page in transcript_downloads(entry, archive, site_name=site_name, base_url=base_url)]

    # Forked workers write the per-transcript files while this process writes turns.csv.
    for _, batch in fork_stream(files, len(entries), workers,
                                also=lambda: [[_render.Page("data/turns.csv", _turns_csv(archive, cache))]],
                                parallel_from=PARALLEL_FROM, finish=finish):
        yield batch if cache is None else [cache.remember(p, keys[p.path]) if p.path in keys else p for p in batch]


def download_pages(
    archive: Archive, *, site_name: str = "Transcript Archive", base_url: str = "", workers: int = 1
) -> list[Page]:
    """Every download at once (``download_batches``)."""
    return [page for batch in download_batches(archive, site_name=site_name, base_url=base_url, workers=workers)
            for page in batch]


__all__ = [
    "download_batches", "download_pages", "download_paths", "transcript_downloads", "turns_csv", "transcript_txt", "transcript_md", "md_escape",
    "bibtex", "bib_escape", "csl_json", "csl_item", "TURN_COLUMNS",
]

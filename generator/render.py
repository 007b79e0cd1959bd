"""Render stage: Archive -> pages (Markdown text with front matter), through Jinja2 templates.

Python decides content (what is listed, in which order, which URL); the templates in
``templates/`` decide presentation. Jinja runs with autoescape and ``StrictUndefined``, so input
text is escaped by ``escape.html`` (markupsafe) wherever it is printed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import downloads as _downloads
from .escape import front_matter, html
from .pagecache import Made, PageCache, page as _cached, value as _value, without_finish
from .parallel import fork_stream
from .search import SearchPlan, bundle
from .model import Archive, Entry, Field, Paragraph, Person, Topic, TopicHit, Transcript, Turn
from .speakers import role_at

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SPLIT_LIMIT = 200
"""A speaker or topic page lists transcripts itself up to this many; beyond, it links year pages."""
TAG_LISTING_UNTIL = 500
"""Up to this many transcripts, the tag index lists every transcript under its tags (Material's
tags plugin); beyond, it links each tag to its topic page, whose size is bounded by year pages."""
EXCERPT_WORDS = 24
HOME_LATEST = 10


@dataclass(frozen=True)
class Page:
    """One generated file in the docs dir: a '/'-separated path and its text."""

    path: str
    text: str


def markdown_page(path: str, meta: dict[str, Any], body: str, *, html_body: bool = True) -> Page:
    """A generated page: front matter, then a body of raw HTML blocks.

    ``html_body`` marks a body that is nothing but raw HTML blocks, which MkDocs may pass through
    without running Markdown (see ``mkdocs_hooks.py``); a body holding anything Markdown must
    convert (Material's tag-listing marker) is left unmarked.
    """
    if html_body:
        meta = {**meta, "html_body": True}
    return Page(path, front_matter(meta) + "\n" + body)


@dataclass(frozen=True)
class Links:
    """Relative URLs between docs-dir paths, for directory URLs (hosted) or .html files (offline)."""

    directory_urls: bool = True

    def url(self, path: str) -> str:
        if path.endswith(".md"):
            stem = path[:-3]
            if self.directory_urls:
                if stem == "index" or stem.endswith("/index"):
                    return stem[: -len("index")]
                return stem + "/"
            return stem + ".html"
        return path

    def href(self, src: str, dest: str, anchor: str = "") -> str:
        """Link from the page at ``src`` to ``dest`` (both docs-dir paths), with an optional anchor."""
        here, target = self.url(src), self.url(dest)
        base = here if (here.endswith("/") or not here) else posixpath.dirname(here)
        rel = _relative(target, base)
        if self.directory_urls and (target.endswith("/") or not target):
            rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")


def _relative(target: str, base: str) -> str:
    """``posixpath.relpath(target, base)`` for clean relative paths, without its costly normalising."""
    t = [p for p in target.split("/") if p]
    b = [p for p in base.split("/") if p]
    common = 0
    while common < len(t) and common < len(b) and t[common] == b[common]:
        common += 1
    parts = [".."] * (len(b) - common) + t[common:]
    return "/".join(parts) or "."


@functools.lru_cache(maxsize=None)
def _env() -> Environment:
    """The one template environment of this process: each template is compiled once (and again
    only if its file changes, which Jinja checks on each use)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["e"] = html
    return env


def templates_state() -> tuple[tuple[str, int, int], ...]:
    """Each template's name, modification time and size: the watch loop's cache holds pages made
    with the templates as they were, and is dropped when this changes."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in TEMPLATES.glob("*.j2")))


def format_date(iso: Optional[str]) -> str:
    if not iso:
        return "Undated"
    d = _dt.date.fromisoformat(iso)
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def month_name(key: str) -> str:
    if not key:
        return "Undated"
    d = _dt.date.fromisoformat(key + "-01")
    return f"{d.strftime('%B')} {d.year}"


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def hit_excerpt(hit: TopicHit, width: int = 90) -> tuple[str, str, str]:
    """(before, match, after) around the matched phrase, cut at word boundaries."""
    start, end = hit.start, hit.start + len(hit.phrase)
    before = hit.text[max(0, start - width):start]
    after = hit.text[end:end + width]
    if start - width > 0:
        before = "… " + before.split(" ", 1)[-1] if " " in before else "… " + before
    if end + width < len(hit.text):
        after = (after.rsplit(" ", 1)[0] if " " in after else after) + " …"
    return before, hit.text[start:end], after


def word_count(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


class Renderer:
    """Renders every page of an archive. Holds only lookups derived from the archive."""

    def __init__(
        self,
        archive: Archive,
        *,
        directory_urls: bool = True,
        site_name: str = "Transcript Archive",
        search: Optional[SearchPlan] = None,
        cache: Optional[PageCache] = None,
    ):
        self.archive = archive
        self.cache = cache
        self.search = search or SearchPlan("lunr", True, "default")
        self.links = Links(directory_urls)
        self.env = _env()
        self.site_name = site_name
        self.people = archive.people_by_id
        self.topics = {t.id: t for t in archive.topics}
        self.entries = {e.transcript.id: e for e in archive.entries}
        self.setting = (directory_urls, self.search.engine, self.search.full_text, site_name)
        """What every page depends on besides its own inputs: part of every cache key. The search
        plan's reason and number of index parts, which follow the archive's size, are shown on
        the search page only, which is not cached."""

    @functools.cached_property
    def turn_counts(self) -> dict[str, int]:
        """Person id -> their turns across the archive (for speaker pages and the home page only;
        each transcript's count is kept by the watch loop's cache)."""
        counts: dict[str, int] = {}
        for e in self.archive.entries:
            t = e.transcript
            for pid, n in _value(self.cache, ("turns", t.id), lambda t=t: t, lambda t=t: _turns_by_speaker(t)):
                counts[pid] = counts.get(pid, 0) + n
        return counts

    # ------------------------------------------------------------------ helpers for templates
    def _ctx(self, src: str, **kw: Any) -> dict[str, Any]:
        def href(dest: str, anchor: str = "") -> str:
            return self.links.href(src, dest, anchor)

        return dict(
            href=href,
            format_date=format_date,
            month_name=month_name,
            excerpt=excerpt,
            hit_excerpt=hit_excerpt,
            people=self.people,
            topics=self.topics,
            entries=self.entries,
            site_name=self.site_name,
            search=self.search,
            **kw,
        )

    def _page(self, path: str, template: str, meta: dict[str, Any], *, html_body: bool = True, **kw: Any) -> Page:
        body = self.env.get_template(template).render(self._ctx(path, **kw))
        return markdown_page(path, meta, body, html_body=html_body)

    # ------------------------------------------------------------------ pages
    def batches(self, workers: int = 1, finish: Optional[Callable[[list[Page]], Any]] = None) -> Iterator[Any]:
        """Every page, in batches: the pages about the whole archive, and slices of transcript
        pages as each is rendered, so that a caller writing them to disk never holds them all (at
        10,000 transcripts they come to 490 MB of text). With ``workers`` > 1, forked workers render
        transcript pages while this process renders the pages about the whole archive.

        With ``finish`` (no cache), each batch is passed through it in the process that rendered
        it, and what it returns comes instead (``parallel.fork_stream``)."""
        without_finish(self.cache, finish)

        # Without a cache, the speaker pages (about a third of this work) go to a worker ahead of
        # the transcript pages, while this process makes the rest: the two sides meet in the
        # transcripts. The cache's keys are kept in this process, so with one it makes them all.
        first = [] if self.cache is not None else [self.speaker_pages]
        if first:
            self.turn_counts  # counted once, before the workers fork  # noqa: B018

        def whole_archive() -> Iterator[list[Page]]:
            yield [self.home(), self.search_page(), self.tags_page()]
            if not first:
                yield self.speaker_pages()
            yield self.topic_pages()
            yield self.chronology_pages()

        entries = list(self.archive.entries)
        keys: dict[str, Any] = {}
        if self.cache is not None:  # only the transcripts whose page would come out different
            kept: list[Made] = []
            for e in self.archive.entries:
                key = self.transcript_key(e)
                done = self.cache.kept_page(e.src_uri, key)
                if done is not None:
                    kept.append(done)
                else:
                    keys[e.src_uri] = key
            entries = [e for e in entries if e.src_uri in keys]
            yield kept
        for _, batch in fork_stream(lambda a, b: [self.transcript(e) for e in entries[a:b]], len(entries), workers,
                                    also=whole_archive, first=first, parallel_from=PARALLEL_FROM, finish=finish):
            if self.cache is not None:
                batch = [self.cache.remember(p, keys[p.path]) if p.path in keys else p for p in batch]
            yield batch

    def transcript_key(self, e: Entry) -> tuple[Any, ...]:
        """Everything a transcript page shows: the entry (its transcript, tags, neighbours' and
        related transcripts' ids), those transcripts' links, titles and dates, its speakers and
        topics."""
        def brief(tid: Optional[str]) -> Any:
            other = self.entries.get(tid) if tid else None
            return other and (other.src_uri, other.transcript.title, other.transcript.date)

        return (
            self.setting, e, brief(e.previous), brief(e.next), tuple(brief(r) for r in e.related),
            tuple(self.people[p] for p in e.speakers), tuple(self.topics[tag.topic] for tag in e.topics),
        )

    def _who(self, entries: Iterable[Entry]) -> tuple[Person, ...]:
        """The people speaking in ``entries``, for cache keys of pages that name them."""
        return tuple(self.people[p] for p in sorted({p for e in entries for p in e.speakers}))

    def _cached(self, path: str, key: Any, make: Any) -> Made:
        """The page ``make()`` gives, or ``Kept`` if a cache holds it made from an equal key
        (``key`` is a function: it is built only when there is a cache)."""
        return _cached(self.cache, path, lambda: (self.setting, key()), make)

    def _rows(
        self, path: str, template: str, name: str, entries: list[Entry], item: Callable[[Entry], Any],
        key: Callable[[Entry], Any],
    ) -> Markup:
        """The rows of a list on the page at ``path``, joined: ``template`` rendered for each
        entry with ``item(entry)`` as ``name``, as an include in the page's loop would give.

        The watch loop's cache keeps the rows with the page, each made from ``key(entry)``: a
        year page listing hundreds of transcripts makes again only the rows of those that changed.
        The page's own key still decides whether the page is made at all."""
        row = self.env.get_template(template)
        ctx = self._ctx(path)

        def make(e: Entry) -> str:
            ctx[name] = item(e)
            return row.render(ctx)

        if self.cache is None:
            return Markup("".join(make(e) for e in entries))
        return Markup("".join(self.cache.pieces(
            path, [(e.transcript.id, key(e), lambda e=e: make(e)) for e in entries])))

    def transcript(self, entry: Entry) -> Page:
        t = entry.transcript
        turns = t.turns()
        order = list(entry.speakers)
        words: dict[str, int] = {}
        counts: dict[str, int] = {}
        for turn in turns:
            words[turn.speaker] = words.get(turn.speaker, 0) + word_count(p.text for p in turn.paragraphs)
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        total_words = sum(words.values()) or 1
        participants = []
        first_turn: dict[str, str] = {}
        for turn in turns:
            first_turn.setdefault(turn.speaker, turn.anchor)
        for pid in order:
            person = self.people[pid]
            labels_roles = [tn.role for tn in turns if tn.speaker == pid and tn.role]
            role = labels_roles[0] if labels_roles else role_at(person, t.date.value)
            participants.append(
                dict(
                    person=person,
                    role=role,
                    turns=counts[pid],
                    words=words[pid],
                    share=words[pid] / total_words,
                    anchor=first_turn[pid],
                    colour=order.index(pid) % 6,
                )
            )
        seen: set[str] = set()
        turn_view = {}
        for turn in turns:
            first = turn.speaker not in seen
            seen.add(turn.speaker)
            before, name, after = label_parts(turn)
            registry_role = ""
            if first and not turn.role:
                registry_role = role_at(self.people[turn.speaker], t.date.value)
            turn_view[turn.anchor] = dict(
                before=before, name=name, after=after, registry_role=registry_role,
                colour=order.index(turn.speaker) % 6, first=first,
            )
        has_headings = any(s.heading for s in t.sections)
        meta = {
            "title": t.title.value or t.id,
            "description": description(t),
            "tags": [self.topics[tag.topic].label for tag in entry.topics],
            "search": {"boost": 2},
        }
        return self._page(
            entry.src_uri,
            "transcript.md.j2",
            meta,
            entry=entry,
            t=t,
            participants=participants,
            turn_view=turn_view,
            turn_level=3 if has_headings else 2,
            is_turn=lambda b: isinstance(b, Turn),
            tags=[(self.topics[tag.topic], tag) for tag in entry.topics],
            previous=self.entries.get(entry.previous) if entry.previous else None,
            next=self.entries.get(entry.next) if entry.next else None,
            related=[self.entries[r] for r in entry.related],
            total_words=sum(words.values()),
            origin=origin,
            citation=citation(t, self.site_name),
            downloads=_downloads.download_paths(t.id),
        )

    # ------------------------------------------------------------------ speakers
    def speaker_pages(self) -> list[Made]:
        appearances: dict[str, list[Entry]] = {}
        for e in self.archive.entries:
            for pid in e.speakers:
                appearances.setdefault(pid, []).append(e)
        pages = []
        index_rows = []
        for person in self.archive.people:
            entries = appearances.get(person.id, [])
            if not entries:
                continue
            index_rows.append((person, self.turn_counts.get(person.id, 0), len(entries)))
            pages.extend(self.speaker(person, entries))
        index_rows.sort(key=lambda r: (-r[1], r[0].name.casefold(), r[0].id))
        pages.append(self._cached("speakers/index.md", lambda: tuple(index_rows), lambda: self._page(
            "speakers/index.md",
            "speakers_index.md.j2",
            {"title": "Speakers", "description": "Everyone who speaks in the archive, by number of turns."},
            rows=index_rows,
        )))
        return pages

    def speaker(self, person: Person, entries: list[Entry]) -> list[Made]:
        """The speaker's page and, past ``SPLIT_LIMIT`` transcripts, one page per year."""
        path = f"speakers/{person.id}.md"
        key = lambda: (person, _shown(entries), self._who(entries), self.turn_counts.get(person.id, 0))  # noqa: E731
        pages = [self._cached(path, key, lambda: self._speaker_page(person, entries))]
        if len(entries) > SPLIT_LIMIT:
            by_year: dict[str, list[Entry]] = {}
            for e in entries:
                by_year.setdefault(_year(e), []).append(e)
            for year, year_entries in _years_undated_last(by_year):
                ypath = f"speakers/{person.id}/{year or 'undated'}.md"
                pages.append(self._cached(
                    ypath, lambda: (person, year, _shown(year_entries)),
                    lambda: self._page(
                        ypath, "speaker_year.md.j2",
                        {"title": f"{person.name} in {year or 'undated transcripts'}", "search": {"exclude": True}},
                        person=person, year=year, parent=path, rows=self._rows(
                            ypath, "_appearance.md.j2", "row", year_entries, lambda e: self._appearance(person.id, e),
                            Entry.own),
                    ),
                ))
        return pages

    def _speaker_page(self, person: Person, entries: list[Entry]) -> Page:
        path = f"speakers/{person.id}.md"
        together: dict[str, int] = {}
        for e in entries:
            for other in e.speakers:
                if other != person.id and not self.people[other].generic:
                    together[other] = together.get(other, 0) + 1
        companions = sorted(together.items(), key=lambda kv: (-kv[1], self.people[kv[0]].name))[:10]
        split = len(entries) > SPLIT_LIMIT
        # Split, the page only counts the transcripts of each year (its year pages list them).
        rows = [dict(entry=e) if split else self._appearance(person.id, e) for e in entries]
        by_year: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_year.setdefault(_year(row["entry"]), []).append(row)
        topic_counts: dict[str, int] = {}
        for e in entries:
            for hit in e.hits:
                if hit.speaker == person.id:
                    topic_counts[hit.topic] = topic_counts.get(hit.topic, 0) + 1
        top_topics = sorted(topic_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
        years = {y: len(rs) for y, rs in by_year.items() if y}
        timeline = self.timeline(
            {y: [None] * n for y, n in years.items()}, path,
            link=(lambda y: f"speakers/{person.id}/{y}.md") if split else (lambda y: path),
            anchor=(lambda y: "") if split else (lambda y: f"y-{y}"),
        )
        meta = {
            "title": person.name,
            "description": f"{person.name}: {len(entries)} transcripts, {self.turn_counts.get(person.id, 0)} turns.",
            "search": {"boost": 0.5},
        }
        return self._page(
            path, "speaker.md.j2", meta, person=person, rows=rows, by_year=_years_undated_last(by_year),
            top_topics=[(self.topics[t], n) for t, n in top_topics], timeline=timeline,
            split=split, companions=companions, turns=self.turn_counts.get(person.id, 0),
            year_path=lambda y: f"speakers/{person.id}/{y or 'undated'}.md",
        )

    def _appearance(self, pid: str, e: Entry) -> dict[str, Any]:
        turns = [t for t in e.transcript.turns() if t.speaker == pid]
        return dict(
            entry=e,
            turns=turns,
            words=sum(word_count(p.text for p in t.paragraphs) for t in turns),
        )

    # ------------------------------------------------------------------ topics
    def topic_pages(self) -> list[Made]:
        tagged: dict[str, list[Entry]] = {}
        for e in self.archive.entries:
            for tag in e.topics:
                tagged.setdefault(tag.topic, []).append(e)
        pages = []
        rows = []
        for topic in self.archive.topics:
            entries = tagged.get(topic.id, [])
            rows.append((topic, len(entries)))
            pages.extend(self.topic(topic, entries))
        rows.sort(key=lambda r: (-r[1], r[0].label))
        pages.append(self._cached("topics/index.md", lambda: tuple(rows), lambda: self._page(
            "topics/index.md", "topics_index.md.j2",
            {"title": "Topics", "description": "Subjects tagged across the archive."}, rows=rows,
        )))
        return pages

    def topic(self, topic: Topic, entries: list[Entry]) -> list[Made]:
        """The topic's page and, past ``SPLIT_LIMIT`` transcripts, one page per year. The pages
        name the speakers of the passages they quote (``_who`` of the entries, for the key)."""
        path = f"topics/{topic.id}.md"
        by_year: dict[str, list[Entry]] = {}
        for e in entries:
            by_year.setdefault(_year(e), []).append(e)
        split = len(entries) > SPLIT_LIMIT

        def item(e: Entry) -> dict[str, Any]:
            return dict(entry=e, hits=[h for h in e.hits if h.topic == topic.id])

        def page() -> Page:
            groups = [(y, [dict(entry=e) if split else item(e) for e in es]) for y, es in _years_undated_last(by_year)]
            meta = {"title": topic.label, "description": topic.description or topic.label, "search": {"boost": 0.5}}
            return self._page(
                path, "topic.md.j2", meta, topic=topic, groups=groups, count=len(entries),
                split=split, year_path=lambda y, tid=topic.id: f"topics/{tid}/{y or 'undated'}.md",
            )

        pages = [self._cached(path, lambda: (topic, _shown(entries), () if split else self._who(entries)), page)]
        if split:
            for year, year_entries in _years_undated_last(by_year):
                ypath = f"topics/{topic.id}/{year or 'undated'}.md"
                pages.append(self._cached(
                    ypath, lambda: (topic, year, _shown(year_entries), self._who(year_entries)),
                    lambda: self._page(
                        ypath, "topic_year.md.j2",
                        {"title": f"{topic.label} in {year or 'undated transcripts'}", "search": {"exclude": True}},
                        topic=topic, year=year, parent=path, rows=self._rows(
                            ypath, "_topic_item.md.j2", "item", year_entries, item, lambda e: (e.own(), self._who([e]))),
                    ),
                ))
        return pages

    # ------------------------------------------------------------------ chronology
    def chronology_pages(self) -> list[Made]:
        dated = [e for e in self.archive.entries if e.transcript.date.value]
        undated = [e for e in self.archive.entries if not e.transcript.date.value]
        years: dict[str, list[Entry]] = {}
        for e in dated:
            years.setdefault(e.transcript.date.value[:4], []).append(e)
        pages = []
        ordered = sorted(years)
        for year, entries in sorted(years.items()):
            prev_year, next_year = _neighbour(ordered, year, -1), _neighbour(ordered, year, 1)
            pages.append(self._cached(
                f"chronology/{year}.md", lambda: (_shown(entries), self._who(entries), prev_year, next_year),
                lambda: self._year_page(year, entries, prev_year, next_year),
            ))
        counts = tuple((y, len(es)) for y, es in sorted(years.items()))

        def index() -> Page:
            return self._page(
                "chronology/index.md", "chronology_index.md.j2",
                {"title": "Chronology", "description": "Transcripts by year and month.", "search": {"boost": 0.3}},
                years=list(counts), undated=undated, row=self._row,
                timeline=self.timeline(years, "chronology/index.md", len(undated)), sidecar_suffix=".meta.yaml",
            )

        pages.append(self._cached("chronology/index.md", lambda: (counts, _shown(undated), self._who(undated)), index))
        return pages

    def _year_page(self, year: str, entries: list[Entry], prev_year: Optional[str], next_year: Optional[str]) -> Page:
        months: dict[str, list[Entry]] = {}
        for e in entries:
            months.setdefault(e.transcript.date.value[:7], []).append(e)
        return self._page(
            f"chronology/{year}.md", "year.md.j2",
            {"title": f"{year}", "description": f"Transcripts of {year}, by month.", "search": {"boost": 0.3}},
            year=year, months=sorted(months.items()), count=len(entries), prev_year=prev_year, next_year=next_year,
            rows={month: self._rows(f"chronology/{year}.md", "_row.md.j2", "r", es, self._row,
                                    lambda e: (e.own(), self._who([e])))
                  for month, es in months.items()},
        )

    def timeline(
        self,
        years: dict[str, list[Any]],
        src: str,
        undated: int = 0,
        *,
        link: Any = None,
        anchor: Any = None,
    ) -> dict[str, Any]:
        """Bars of the SVG timeline: one per year from the first to the last, gaps included.

        ``link(year)`` gives the docs-dir page a bar links to (default: the chronology's year page)
        and ``anchor(year)`` an anchor on it.
        """
        link = link or (lambda y: f"chronology/{y}.md")
        anchor = anchor or (lambda y: "")
        if not years:
            return dict(bars=[], width=0, height=0, max=0)
        first, last = int(min(years)), int(max(years))
        span = list(range(first, last + 1))
        top = max(len(v) for v in years.values())
        bar_w, gap, height = 22, 4, 120
        bars = []
        for k, y in enumerate(span):
            n = len(years.get(str(y), []))
            h = 0 if not n else max(3, round(n / top * (height - 30)))
            bars.append(
                dict(
                    year=str(y), count=n, x=k * (bar_w + gap), w=bar_w, h=h, y=height - 18 - h,
                    href=self.links.href(src, link(str(y)), anchor(str(y))) if n else "",
                    label=(k % max(1, len(span) // 12) == 0) or y == last,
                )
            )
        return dict(bars=bars, width=len(span) * (bar_w + gap), height=height, max=top)

    def _words(self, t: Transcript) -> int:
        return _value(self.cache, ("words", t.id), lambda: t, lambda: _count_words(t))

    def _row(self, e: Entry) -> dict[str, Any]:
        t = e.transcript
        return dict(
            entry=e,
            title=t.title.value,
            date=t.date.value,
            place=t.place.value,
            kind=t.kind,
            people=[self.people[p] for p in e.speakers if not self.people[p].generic],
        )

    # ------------------------------------------------------------------ tags
    def tags_page(self) -> Page:
        """The tag index: Material's listing of every transcript per tag while that stays small."""
        counts: dict[str, int] = {}
        for e in self.archive.entries:
            for tag in e.topics:
                counts[tag.topic] = counts.get(tag.topic, 0) + 1
        rows = sorted(((self.topics[t], n) for t, n in counts.items()), key=lambda r: (-r[1], r[0].label))
        meta = {"title": "Tags", "description": "Every transcript by topic tag.", "search": {"exclude": True}}
        listing = len(self.archive.entries) <= TAG_LISTING_UNTIL
        return self._page(
            "tags.md", "tags.md.j2", meta, html_body=not listing,  # Material's tags plugin fills in the listing
            listing=listing, rows=rows, count=len(self.archive.entries),
        )

    # ------------------------------------------------------------------ search
    def search_page(self) -> Page:
        meta = {"title": "Search", "description": "Search the archive.", "search": {"exclude": True}}
        return self._page("search.md", "search.md.j2", meta, count=len(self.archive.entries), bundle=bundle)

    # ------------------------------------------------------------------ home
    def home(self) -> Page:
        entries = self.archive.entries
        dated = [e for e in entries if e.transcript.date.value]
        latest = list(reversed(dated))[:HOME_LATEST]
        topic_counts: dict[str, int] = {}
        for e in entries:
            for tag in e.topics:
                topic_counts[tag.topic] = topic_counts.get(tag.topic, 0) + 1
        top_topics = sorted(topic_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
        top_people = sorted(
            ((p, self.turn_counts.get(p.id, 0)) for p in self.archive.people if not p.generic and self.turn_counts.get(p.id)),
            key=lambda r: (-r[1], r[0].name),
        )[:12]
        turns = sum(self.turn_counts.values())
        words = sum(self._words(e.transcript) for e in entries)
        meta = {"title": "Home", "description": "A searchable, citable archive of official transcripts.", "search": {"boost": 0.3}}
        return self._page(
            "index.md", "home.md.j2", meta,
            count=len(entries), dated=len(dated), undated=len(entries) - len(dated),
            first=dated[0].transcript.date.value if dated else None,
            last=dated[-1].transcript.date.value if dated else None,
            latest=[self._row(e) for e in latest], turns=turns, words=words,
            speakers=sum(1 for p in self.archive.people if not p.generic and self.turn_counts.get(p.id)),
            top_topics=[(self.topics[t], n) for t, n in top_topics], top_people=top_people,
        )


def _turns_by_speaker(t: Transcript) -> tuple[tuple[str, int], ...]:
    """(person id, turns) of one transcript, in order of first turn."""
    counts: dict[str, int] = {}
    for turn in t.turns():
        counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
    return tuple(counts.items())


def _count_words(t: Transcript) -> int:
    """Words of the summary and the turns of one transcript, for the home page."""
    return word_count(p.text for p in t.summary) + sum(word_count(p.text for p in tn.paragraphs) for tn in t.turns())


def _shown(entries: Iterable[Entry]) -> tuple[Any, ...]:
    """What a list of transcripts (on a speaker, topic or chronology page) is made from: each
    entry without its links to other transcripts, which no list shows, so that a new neighbour or
    related transcript does not make the lists it appears in again (a cache key)."""
    return tuple(e.own() for e in entries)


def _year(e: Entry) -> str:
    """The transcript's year, '' when undated: the key of the year groups and year pages."""
    return e.transcript.date.value[:4] if e.transcript.date.value else ""


def _years_undated_last(groups: dict[str, Any]) -> list[tuple[str, Any]]:
    """Year groups oldest first, with the undated group ('') last."""
    return sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))


def _neighbour(keys: list[str], key: str, step: int) -> Optional[str]:
    k = keys.index(key) + step
    return keys[k] if 0 <= k < len(keys) else None


def label_parts(turn: Turn) -> tuple[str, str, str]:
    """Split the label as written into (text before the name, the name, text after the name)."""
    label = turn.label
    at = label.rfind(turn.name)
    if at < 0:
        return "", label, ""
    return label[:at], label[at:at + len(turn.name)], label[at + len(turn.name):]


def origin(f: Field) -> str:
    """Where a metadata value came from, for the reader."""
    if f.origin == "text":
        return f"(from the text, line {f.line})" if f.line else "(from the text)"
    if f.origin == "sidecar":
        return "(from the curator's sidecar file" + (f"; {f.note}" if f.note else "") + ")"
    if f.origin == "derived":
        return f"(derived: {f.note})" if f.note else "(derived)"
    return "(not stated in the text)"


def citation(t: Transcript, site_name: str) -> str:
    """A plain-text citation of the whole transcript (the page adds its URL when copied)."""
    parts = [f"“{t.title.value}”", t.kind[:1].upper() + t.kind[1:]]
    if t.place.value:
        parts.append(t.place.value)
    parts.append(format_date(t.date.value) if t.date.value else "undated")
    if t.source.value:
        parts.append(t.source.value)
    parts.append(f"{site_name}, transcript {t.id}")
    return ". ".join(parts) + "."


def description(t: Transcript) -> str:
    if t.summary:
        return excerpt(t.summary[0].text, 40)
    for section in t.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                return excerpt(block.text, 40)
            if isinstance(block, Turn) and block.paragraphs:
                return excerpt(block.paragraphs[0].text, 40)
    return t.title.value or ""


PARALLEL_FROM = 1000
"""Below this many transcripts, forking workers costs more than it saves."""


def render_batches(
    archive: Archive, *, directory_urls: bool = True, search: Optional[SearchPlan] = None, workers: int = 1,
    cache: Optional[PageCache] = None, finish: Optional[Callable[[list[Page]], Any]] = None,
) -> Iterator[Any]:
    """Every Markdown page of the archive, in batches as they are rendered (``Renderer.batches``,
    which says what ``finish`` does); with a ``cache``, ``Kept`` stands for each page whose inputs
    did not change since last round."""
    yield from Renderer(archive, directory_urls=directory_urls, search=search, cache=cache).batches(workers, finish)


def render_transcripts(
    archive: Archive, ids: Iterable[str], *, directory_urls: bool = True, search: Optional[SearchPlan] = None
) -> list[Page]:
    """The pages of the transcripts ``ids`` only, exactly as ``render`` makes them."""
    wanted = set(ids)
    renderer = Renderer(archive, directory_urls=directory_urls, search=search)
    return [renderer.transcript(e) for e in archive.entries if e.transcript.id in wanted]


__all__ = ["Page", "Links", "render_batches", "render_transcripts"]

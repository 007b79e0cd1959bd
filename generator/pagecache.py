"""The watch loop's render cache: a page is made again only when what it is made from changed.

Each page is made from a few inputs: a transcript page from its entry, its neighbours' titles and
dates, its speakers and topics; a speaker page from the person and the entries they appear in.
The producer names those inputs as a *key* (a tuple of the model's frozen dataclasses, compared
with ``==``). When a page's key equals the one it was made from in the previous round, the page is
not made again: the producer hands on a ``Kept`` marker instead, and the writer leaves the file on
disk as it is. Keys are cheap to compare because an unchanged transcript is the very same object
from one round to the next (the watch loop's memo keeps it), and tuples compare identical items
without looking inside them.

Values that are not pages (the figures of one transcript, its JSON) are kept the same way with
``value``. The pieces a page is made of (the rows of a long list) are kept with the page, in
``parts``, for as long as the page is kept: a page made again reuses the rows whose inputs did not
change. A full build passes no cache and makes everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Hashable, TypeVar, Union

if TYPE_CHECKING:
    from .render import Page

T = TypeVar("T")


@dataclass(frozen=True)
class Kept:
    """A page made last round from equal inputs: on disk as it was written, not made again."""

    path: str
    size: int
    """Its length in bytes (UTF-8), to check that the file is still there, whole."""


Made = Union["Page", Kept]


class PageCache:
    """Keys and sizes of the pages made in the previous round, and values kept by key.

    A round is one pass over every page (``round()`` starts the next): what the round did not ask
    for is forgotten, so the cache holds only what the archive has now."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[Any, int]] = {}
        self._next_pages: dict[str, tuple[Any, int]] = {}
        self._values: dict[Hashable, tuple[Any, Any]] = {}
        self._next_values: dict[Hashable, tuple[Any, Any]] = {}
        self.parts: dict[str, dict[Hashable, tuple[Any, Any]]] = {}
        """Page path -> its pieces by name, each with the key it was made from (``pieces``)."""
        self.made = 0
        self.kept = 0

    def round(self) -> None:
        """Start a new round: what the last round asked for is what this one may keep."""
        self._pages, self._next_pages = self._next_pages, {}
        self._values, self._next_values = self._next_values, {}
        self.parts = {path: parts for path, parts in self.parts.items() if path in self._pages}
        self.made = self.kept = 0

    def clear(self) -> None:
        self._pages, self._next_pages, self._values, self._next_values = {}, {}, {}, {}
        self.parts = {}
        self.made = self.kept = 0

    def pieces(self, path: str, wanted: list[tuple[Hashable, Any, Callable[[], str]]]) -> list[str]:
        """The pieces ``(name, key, make)`` of the page at ``path``, each made unless the page's
        previous version holds it made from an equal key; they replace that version's pieces."""
        old = self.parts.get(path, {})
        new: dict[Hashable, tuple[Any, Any]] = {}
        out = []
        for name, key, make in wanted:
            held = old.get(name)
            piece = held[1] if held is not None and held[0] == key else make()
            new[name] = (key, piece)
            out.append(piece)
        self.parts[path] = new
        return out

    def kept_page(self, path: str, key: Any) -> Kept | None:
        """``Kept`` if ``path`` was made from an equal ``key`` last round (and is remembered for the
        next), else None: the caller makes the page and hands it to ``remember``."""
        old = self._pages.get(path)
        if old is not None and old[0] == key:
            self._next_pages[path] = old
            self.kept += 1
            return Kept(path, old[1])
        return None

    def remember(self, page: "Page", key: Any) -> "Page":
        self._next_pages[page.path] = (key, len(page.text.encode("utf-8")))
        self.made += 1
        return page

    def page(self, path: str, key: Any, make: Callable[[], "Page"]) -> Made:
        """The page at ``path``: kept if its key is unchanged, else made by ``make()``."""
        kept = self.kept_page(path, key)
        return kept if kept is not None else self.remember(make(), key)

    def value(self, name: Hashable, key: Any, make: Callable[[], T]) -> T:
        """The value called ``name``, made by ``make()`` unless it was made from an equal key."""
        old = self._values.get(name)
        if old is not None and old[0] == key:
            value = old[1]
        else:
            value = make()
        self._next_values[name] = (key, value)
        return value


def page(cache: PageCache | None, path: str, key: Callable[[], Any], make: Callable[[], "Page"]) -> Made:
    """``cache.page`` with the key built only when there is a cache (a full build has none)."""
    return make() if cache is None else cache.page(path, key(), make)


def value(cache: PageCache | None, name: Hashable, key: Callable[[], Any], make: Callable[[], T]) -> T:
    """``cache.value`` with the key built only when there is a cache."""
    return make() if cache is None else cache.value(name, key(), make)


def without_finish(cache: PageCache | None, finish: Any, what: str = "finish") -> None:
    """Refuse ``finish`` (a step applied where each batch is made) together with a cache: a cache
    keeps the pages themselves, so they must come back to this process."""
    if finish is not None and cache is not None:
        raise ValueError(f"{what} and cache exclude each other: a cache keeps the pages themselves")


__all__ = ["Kept", "Made", "PageCache", "page", "value", "without_finish"]

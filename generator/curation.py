"""Curated knowledge (YAML data files): line shapes, the speaker registry and the topic taxonomy.

This module is an edge: it reads the files and returns plain dataclasses, reporting problems
with ``file:line``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import Person, Problem, Role, Topic
from .parser import Shapes

DATA_DIR = Path(__file__).parent / "data"
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_UNSAFE_LABEL = re.compile(r"[<>&\"`]")


class CurationError(Exception):
    """A curated data file is malformed; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Curation:
    """Everything curators maintain, loaded and validated."""

    shapes: Shapes
    people: tuple[Person, ...]
    topics: tuple[Topic, ...]


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that records the line of every mapping as '__line__'."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return _dt.date.fromisoformat(str(value)).isoformat()


def load_shapes(path: Path, known_names: frozenset[str], long_names: frozenset[tuple[str, ...]] = frozenset()) -> Shapes:
    data = _load(path)
    boiler = {}
    for item in data.get("boilerplate", []):
        boiler[" ".join(str(item["line"]).split()).casefold()] = str(item.get("source", ""))
    return Shapes(
        boilerplate=boiler,
        generic_labels=frozenset(str(x).casefold() for x in data.get("generic_labels", [])),
        outlet_words=frozenset(str(x).casefold() for x in data.get("outlet_words", []) + data.get("outlet_names", [])),
        outlet_names=frozenset(str(x).casefold() for x in data.get("outlet_names", [])),
        known_names=known_names,
        long_names=long_names,
        places=frozenset(" ".join(str(x).split()).casefold() for x in data.get("places", [])),
    )


def load_people(path: Path) -> tuple[tuple[Person, ...], list[Problem]]:
    data = _load(path) or {}
    people: list[Person] = []
    problems: list[Problem] = []
    seen_ids: set[str] = set()
    seen_alias: dict[str, str] = {}
    for item in data.get("people", []):
        line = item.get("__line__", 0)
        pid = str(item.get("id", ""))
        if not _ID_RE.match(pid):
            problems.append(Problem(str(path), line, f"person id '{pid}' must be an ASCII slug like 'vladimir-putin'"))
            continue
        if pid in seen_ids:
            problems.append(Problem(str(path), line, f"person id '{pid}' is used twice"))
            continue
        seen_ids.add(pid)
        name = str(item.get("name", "")).strip()
        aliases = tuple(str(a).strip() for a in item.get("aliases", []) or [])
        for alias in (name, *aliases):
            key = alias.casefold()
            if key in seen_alias and seen_alias[key] != pid:
                problems.append(
                    Problem(str(path), line, f"alias '{alias}' of '{pid}' already belongs to '{seen_alias[key]}'")
                )
            seen_alias[key] = pid
        roles = []
        for r in item.get("roles", []) or []:
            try:
                roles.append(Role(str(r["role"]), _date(r.get("from")), _date(r.get("to"))))
            except (KeyError, ValueError) as exc:
                problems.append(Problem(str(path), r.get("__line__", line), f"bad role of '{pid}': {exc}"))
        people.append(Person(pid, name, aliases, tuple(roles), str(item.get("affiliation", "") or ""), True))
    return tuple(people), problems


def load_topics(path: Path) -> tuple[tuple[Topic, ...], list[Problem]]:
    data = _load(path) or {}
    topics: list[Topic] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in data.get("topics", []):
        line = item.get("__line__", 0)
        tid = str(item.get("id", ""))
        label = str(item.get("label", "")).strip()
        if not _ID_RE.match(tid) or tid in seen:
            problems.append(Problem(str(path), line, f"topic id '{tid}' must be a unique ASCII slug"))
            continue
        if not label or _UNSAFE_LABEL.search(label):
            problems.append(Problem(str(path), line, f"topic label '{label}' must be plain text without < > & \" `"))
            continue
        seen.add(tid)
        phrases = tuple(sorted({str(p).strip().lower() for p in item.get("phrases", []) or [] if str(p).strip()}))
        if not phrases:
            problems.append(Problem(str(path), line, f"topic '{tid}' has no phrases"))
            continue
        topics.append(Topic(tid, label, str(item.get("description", "")).strip(), phrases))
    return tuple(topics), problems


def state(data_dir: Path = DATA_DIR) -> tuple[tuple[str, int, int, int], ...]:
    """Each curated file's name, modification time, size and inode: the watch loop loads the
    curated data again only when this changes."""
    out = []
    for name in ("speakers.yaml", "topics.yaml", "shapes.yaml"):
        try:
            st = (data_dir / name).stat()
            out.append((name, st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            out.append((name, -1, -1, -1))
    return tuple(out)


def load(data_dir: Path = DATA_DIR) -> Curation:
    """Load and validate all curated data; raise CurationError listing every problem."""
    people, problems = load_people(data_dir / "speakers.yaml")
    topics, topic_problems = load_topics(data_dir / "topics.yaml")
    problems += topic_problems
    if problems:
        raise CurationError(problems)
    known = set()
    long_names = set()
    for person in people:
        for alias in (person.name, *person.aliases):
            if len(alias.split()) == 1:
                known.add(alias.casefold())
            elif len(alias.split()) >= 3:
                long_names.add(tuple(alias.casefold().split()))
        known.add(person.name.split()[-1].casefold())
    shapes = load_shapes(data_dir / "shapes.yaml", frozenset(known), frozenset(long_names))
    return Curation(shapes, people, topics)

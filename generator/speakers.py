"""Enrich stage, speakers: resolve every turn's label to a person, curated or discovered.

Resolution order for a label's name: the registry's names and aliases (and their "V. Putin"
initial forms); a bare surname or initial form of someone who already spoke in the same
transcript; a person discovered in another transcript under the same full name; a registry
surname that belongs to exactly one person; a given name alone ('Yekaterina:') when one speaker
only, named in full earlier in the transcript and not in the registry, has it and the label has
no note ('Kirill, 14:' is a caller, and a caller 'Vladimir:' is not Vladimir Putin). A bare surname that two speakers of the transcript share stays apart even when it is a
registry alias. Anything else becomes a new person. Two people are never merged unless their
names say so.

Two people speaking together (a joint label, 'Putin and Lukashenko:') are one speaker, the pair:
when both sides resolve, the pair is named by both people's names ('Vladimir Putin and Alexander
Lukashenko'), so that every way of writing it is the same pair. Its surnames do not stand for it
later in the transcript: a bare 'Lukashenko:' after it is Lukashenko.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .model import Person, Problem, Role, Transcript, Turn
from .parser import JOINT, NAME_PARTICLES, office_only
from .slugs import slugify


def name_key(name: str) -> str:
    """Compare names ignoring case, dots and spacing: 'V.Putin' == 'v putin' == 'V. PUTIN'."""
    return " ".join(re.sub(r"[.\s]+", " ", name).casefold().split())


_INITIALS_AFTER = re.compile(r"^(?P<surname>[^\W\d_][\w'’\-]+)\s+(?P<initials>(?:[^\W\d_]\.\s*){1,3})$")
"""A surname before its initials, as Russian-style minutes write a name: 'Lukashenko A.G.',
'Putin V.V.', 'Путин В.В.'."""


def natural_order(name: str) -> str:
    """'Lukashenko A.G.' -> 'A.G. Lukashenko', so that a surname written first resolves like the
    initial form 'A. Lukashenko'; any other name is returned as it is."""
    m = _INITIALS_AFTER.match(name.strip())
    if m is None:
        return name
    return f"{m.group('initials').strip()} {m.group('surname')}"


def _initial_form(name: str) -> Optional[str]:
    parts = name.split()
    if len(parts) < 2 or not parts[0][:1].isalpha():
        return None
    return f"{parts[0][0]} {parts[-1]}"


def _display(name: str) -> str:
    """'VLADIMIR PUTIN' -> 'Vladimir Putin'; mixed-case names are kept as written."""
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() if len(w) > 1 else w for w in name.split())
    return name


@dataclass
class Registry:
    """Lookup tables over curated and discovered people (built once, filled while resolving)."""

    people: dict[str, Person]
    by_key: dict[str, str]
    by_surname: dict[str, set[str]]
    discovered_names: dict[str, list[str]] = field(default_factory=dict)
    """Discovered person id -> every name form seen, for choosing a display name."""
    generic: frozenset[str] = frozenset()

    @classmethod
    def build(cls, people: tuple[Person, ...], generic_labels: frozenset[str]) -> "Registry":
        by_key: dict[str, str] = {}
        by_surname: dict[str, set[str]] = {}
        for person in people:
            forms = [person.name, *person.aliases]
            for form in forms:
                by_key.setdefault(name_key(form), person.id)
            initial = _initial_form(person.name)
            if initial:
                by_key.setdefault(name_key(initial), person.id)
            for form in forms:
                words = name_key(form).split()
                if len(words) >= 2:
                    by_surname.setdefault(words[-1], set()).add(person.id)
                elif len(words) == 1:
                    by_surname.setdefault(words[0], set()).add(person.id)
        return cls({p.id: p for p in people}, by_key, by_surname, {}, generic_labels)


@dataclass(frozen=True)
class Resolution:
    """A transcript's turns with speaker ids, and the problems met while resolving them."""

    speakers: tuple[str, ...]
    """Person id of each turn, in the order of ``Transcript.turns()``."""
    problems: tuple[Problem, ...]


def resolve_transcript(transcript: Transcript, registry: Registry) -> Resolution:
    """Assign a person id to every turn, in order; new people are added to ``registry``."""
    problems: list[Problem] = []
    local: dict[str, str] = {}  # name key -> person id, for people who spoke in this transcript
    local_surnames: dict[str, set[str]] = {}
    local_given: dict[str, set[str]] = {}  # a given name -> people who spoke under a full name with it
    assignments: list[str] = []
    for turn in transcript.turns():
        pid, warning = _resolve(turn, registry, local, local_surnames, local_given)
        if warning:
            problems.append(Problem(transcript.file, turn.line, warning, "warning"))
        assignments.append(pid)
        name = natural_order(turn.name)
        key = name_key(name)
        words = key.split()
        if len(words) == 1 and words[0] not in local_surnames and pid in local_given.get(words[0], ()):
            continue  # a given name alone ('Kirill:') stands for no one else ('Kirill, 14:')
        local.setdefault(name_key(turn.name), pid)
        local.setdefault(key, pid)
        if words and not JOINT.search(name):
            local_surnames.setdefault(words[-1], set()).add(pid)
            if len(words) >= 2 and len(words[0]) > 1 and key not in registry.generic:
                local_given.setdefault(words[0], set()).add(pid)
            for k in range(1, len(words) - 1):
                if words[k] in _PARTICLES:
                    # 'Al Nahyan', 'bin Salman', 'Van der Bellen': a surname with its particle
                    local_surnames.setdefault(" ".join(words[k:]), set()).add(pid)
            initial = _initial_form(name)
            if initial:
                local.setdefault(name_key(initial), pid)
    return Resolution(tuple(assignments), tuple(problems))


def _resolve(
    turn: Turn, registry: Registry, local: dict[str, str], local_surnames: dict[str, set[str]],
    local_given: dict[str, set[str]],
) -> tuple[str, str]:
    key = name_key(turn.name)
    generic_pid = slugify(turn.name, fallback="speaker")
    office = office_only(turn.name) and key not in registry.by_key and not (
        local_surnames.get(key, set()) - {generic_pid}
    )  # ('King:' after 'Larry King:' on the page, 'Major:' after 'John Major:': that speaker's surname)
    if key in registry.generic or office:
        # a generic label, or an office alone ('President:', 'Prime Minister:'): no one person
        pid = generic_pid
        _discover(registry, pid, turn.name, generic=True)
        return pid, ""
    name = natural_order(turn.name)  # 'Lukashenko A.G.' is 'A.G. Lukashenko'
    pid = _known(name, registry, local, local_surnames)
    if pid is not None:
        return pid, ""
    words = name_key(name).split()
    if len(words) == 1 and not turn.role and not turn.affiliation and local_given:
        # a moderator named in full, then by the given name alone ('Yekaterina Andreyeva:', later
        # 'Yekaterina:'), when only one speaker so far had that given name; a caller with an age
        # or a place ('Kirill, 14:', 'Svetlana (Yekaterinburg):') is someone else
        given = local_given.get(words[0], set())
        if len(given) == 1 and not registry.people[next(iter(given))].curated:
            # not a registry person: a caller 'Vladimir:' is not Vladimir Putin
            return next(iter(given)), ""
    pair = _pair(name, registry, local, local_surnames)
    if pair is not None:
        return pair, ""
    here = local_surnames.get(words[-1] if words else key, set())
    if _is_short(words) and len(here) > 1:
        pid = _new_person(registry, turn.name)
        return pid, (
            f"'{turn.label}' could be any of {', '.join(sorted(here))}; kept as a separate speaker "
            "'" + pid + "'. Write the full name in the label to attribute it"
        )
    return _new_person(registry, turn.name), ""


def _is_short(words: list[str]) -> bool:
    """A bare surname, or initials and a surname."""
    return len(words) == 1 or (len(words) >= 2 and all(len(w) == 1 for w in words[:-1]))


_PARTICLES = NAME_PARTICLES | {"bint", "ben", "abu"}
"""Words that begin a surname of several words ('Mohammed bin Zayed Al Nahyan' is 'Al Nahyan'): the
parser's name particles, and 'bint', 'ben' and 'abu', which it does not read inside a label's name."""


def _known(
    name: str, registry: Registry, local: dict[str, str], local_surnames: dict[str, set[str]]
) -> Optional[str]:
    """The person ``name`` surely is (see the module's resolution order), or None."""
    key = name_key(name)
    words = key.split()
    if len(words) > 1 and words[0] in _PARTICLES and len(local_surnames.get(key, ())) == 1:
        return next(iter(local_surnames[key]))  # 'Al Nahyan' after 'Mohammed bin Zayed Al Nahyan
    if len(words) == 1 and len(local_surnames.get(key, ())) > 1:
        return None  # a bare surname that two speakers here share ('Ivanov:'): not even a registry alias
    if key in registry.by_key:
        return registry.by_key[key]
    if key in local:
        return local[key]
    if len(words) > 2 and _is_short(words):
        # 'V. V. Putin', 'A.G. Lukashenko': the first initial and the surname, as registered
        short = f"{words[0]} {words[-1]}"
        if short in registry.by_key:
            return registry.by_key[short]
        if short in local:
            return local[short]
    if _is_short(words):
        surname = words[-1] if words else key
        here = local_surnames.get(surname, set())
        if here:
            return next(iter(here)) if len(here) == 1 else None
        curated = registry.by_surname.get(surname, set())
        if len(curated) == 1:
            return next(iter(curated))
    return None


def _pair(
    name: str, registry: Registry, local: dict[str, str], local_surnames: dict[str, set[str]]
) -> Optional[str]:
    """The pair (or group: 'Vladimir Putin, Alexander Lukashenko and Kassym-Jomart Tokayev')
    speaking in a joint label whose sides are all known people, or None."""
    sides = JOINT.split(name)
    if len(sides) < 2:
        return None
    ids = [_known(natural_order(side), registry, local, local_surnames) for side in sides]
    if None in ids or len(set(ids)) != len(ids) or any(registry.people[i].generic for i in ids):
        return None
    names = [registry.people[i].name for i in ids]
    joined = f"{', '.join(names[:-1])} and {names[-1]}"
    return registry.by_key.get(name_key(joined)) or _new_person(registry, joined)


def _new_person(registry: Registry, name: str) -> str:
    display = _display(name)
    pid = slugify(display, fallback="speaker")
    if pid in registry.people and registry.people[pid].curated:
        # A curated person owns this id, but the label did not match their names: keep them apart.
        pid = slugify(display + " speaker", fallback="speaker")
    _discover(registry, pid, display)
    registry.by_key.setdefault(name_key(display), pid)
    registry.by_key.setdefault(name_key(natural_order(display)), pid)  # 'Ivanov I.I.' is 'I.I. Ivanov'
    return pid


def _discover(registry: Registry, pid: str, name: str, generic: bool = False) -> None:
    if pid not in registry.people:
        registry.people[pid] = Person(pid, _display(name), (), (), "", False, generic)
    if not registry.people[pid].curated:
        registry.discovered_names.setdefault(pid, []).append(_display(name))


def finalise_people(registry: Registry, roles_seen: dict[str, dict[str, list[str]]]) -> tuple[Person, ...]:
    """Return every person with a display name and roles (curated roles plus roles seen in labels)."""
    out = []
    for pid in sorted(registry.people):
        person = registry.people[pid]
        name = person.name
        if not person.curated and registry.discovered_names.get(pid):
            forms = registry.discovered_names[pid]
            name = sorted(set(forms), key=lambda f: (-len(f.split()), -len(f), f))[0]
        roles = list(person.roles)
        known = {r.role.casefold() for r in roles}
        for role, dates in sorted(roles_seen.get(pid, {}).items()):
            if role.casefold() in known:
                continue
            known.add(role.casefold())
            dated = sorted(d for d in dates if d)
            roles.append(Role(role, dated[0] if dated else None, dated[-1] if dated else None))
        out.append(Person(pid, name, person.aliases, tuple(roles), person.affiliation, person.curated, person.generic))
    return tuple(out)


def role_at(person: Person, date: Optional[str]) -> str:
    """The curated role a person held on ``date`` (the latest one when undated), or ''."""
    curated = [r for r in person.roles if r.start or r.end]
    if date:
        for r in reversed(curated):
            if (r.start is None or r.start <= date) and (r.end is None or date <= r.end):
                return r.role
        return ""
    return curated[-1].role if curated else ""

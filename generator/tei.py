"""Research stage, TEI: one TEI XML document per transcript, in the style of ParlaMint.

Pure: takes an ``Entry`` and the ``Archive`` and returns XML text; nothing is read or written.
Built with ``xml.etree.ElementTree`` (text is never concatenated into markup), deterministic
(no timestamps; order follows the model) and pretty-printed.

Shape::

    <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t-<transcript id>">
      <teiHeader>
        <fileDesc>
          <titleStmt><title type="main">…</title></titleStmt>
          <publicationStmt><publisher>…</publisher><idno type="transcript">…</idno>
            <idno type="URI">transcripts/<id>/</idno></publicationStmt>
          <sourceDesc><bibl><title>…</title><publisher>source website</publisher>
            <date when="YYYY-MM-DD">as written</date><placeName>…</placeName></bibl></sourceDesc>
        </fileDesc>
        <profileDesc>
          <settingDesc><setting><placeName/><date/><activity>kind</activity></setting></settingDesc>
          <textClass><keywords><term type="topic" key="<topic id>">label</term>…</keywords></textClass>
          <particDesc><listPerson>
            <person xml:id="<person id>"><persName>…</persName>
              <affiliation from=… to=…>role</affiliation>…</person>
          </listPerson></particDesc>
        </profileDesc>
      </teiHeader>
      <text><body><div type="transcript">
        <note type="summary" xml:id="s1">…</note>
        <div type="section">
          <milestone unit="separator" rend="* * *"/>        (a '* * *' opened the section)
          <head xml:id="h-…">…</head>
          <note type="narration" xml:id="n1">…</note>
          <note type="speaker">President of Russia Vladimir Putin:</note>
          <u who="#vladimir-putin" xml:id="vladimir-putin-1">
            <seg xml:id="vladimir-putin-1-p1">…</seg>
            <note type="editorial" xml:id="…">&lt;…&gt;</note>
          </u>
        </div>
      </div></body></text>
    </TEI>

Every ``xml:id`` is a valid NCName: an id that does not start with a letter or '_' gets a prefix
(``t-`` for the transcript, ``p-`` for people, ``a-`` for anchors), other characters outside the
NCName set become '-'. Person ids that would clash with an anchor are prefixed ``p-``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Optional

from .anchors import all_anchors
from .model import Archive, Entry, Paragraph, Person, Turn

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INVALID_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NCNAME_START = re.compile(r"[A-Za-z_]")
_NCNAME_BAD = re.compile(r"[^A-Za-z0-9_.\-]")


def ncname(value: str, prefix: str) -> str:
    """``value`` as an XML NCName: invalid characters become '-', a bad first character gets ``prefix``."""
    cleaned = _NCNAME_BAD.sub("-", value) or "x"
    if not _NCNAME_START.match(cleaned):
        cleaned = prefix + cleaned
    return cleaned


def clean(text: Optional[str]) -> str:
    """Text with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _INVALID_XML.sub("\ufffd", text or "")


def _sub(parent: ET.Element, tag: str, text: Optional[str] = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None and v != ""})
    if text is not None:
        el.text = clean(text)
    return el


def _id(el: ET.Element, value: str, prefix: str = "a-") -> ET.Element:
    if value:
        el.set(XML_ID, ncname(value, prefix))
    return el


def person_ids(entry: Entry) -> dict[str, str]:
    """Person id -> the ``xml:id`` used for them in this transcript's TEI document."""
    t = entry.transcript
    anchors = {ncname(a, "a-") for a in all_anchors(entry.transcript)}
    out = {}
    for pid in entry.speakers:
        xid = ncname(pid, "p-")
        if xid in anchors or xid == ncname(t.id, "t-"):
            xid = ncname("p-" + pid, "p-")
        out[pid] = xid
    return out


def _person(parent: ET.Element, person: Person, xid: str, written_roles: list[str], date: Optional[str]) -> None:
    el = _sub(parent, "person")
    el.set(XML_ID, xid)
    if person.generic:
        el.set("role", "unnamed")
    _sub(el, "persName", person.name)
    seen = set()
    for role in person.roles:
        seen.add(role.role)
        _sub(el, "affiliation", role.role, **{"from": role.start or "", "to": role.end or ""})
    for role in written_roles:
        if role not in seen:
            seen.add(role)
            _sub(el, "affiliation", role, type="label", when=date or "")
    if person.affiliation:
        _sub(el, "affiliation", person.affiliation, type="organisation")


def _paragraph_note(parent: ET.Element, p: Paragraph, kind: Optional[str] = None) -> ET.Element:
    return _id(_sub(parent, "note", p.text, type=kind or p.kind), p.anchor)


def tei_tree(entry: Entry, archive: Archive, *, publisher: str = "Transcript Archive", base_url: str = "") -> ET.Element:
    """The TEI document of one transcript as an ElementTree element (no namespace prefixes)."""
    t = entry.transcript
    people = archive.people_by_id
    topics = {tp.id: tp for tp in archive.topics}
    pids = person_ids(entry)

    root = ET.Element("TEI", {"xmlns": TEI_NS})
    root.set(XML_ID, ncname(t.id, "t-"))
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", t.title.value or t.id, type="main")
    pub = _sub(file_desc, "publicationStmt")
    _sub(pub, "publisher", publisher)
    _sub(pub, "idno", t.id, type="transcript")
    url = (base_url.rstrip("/") + "/" + entry.page) if base_url else entry.page
    _sub(pub, "idno", url, type="URI")
    source_desc = _sub(file_desc, "sourceDesc")
    bibl = _sub(source_desc, "bibl")
    _sub(bibl, "title", t.title.value or t.id)
    if t.source.value:
        _sub(bibl, "publisher", t.source.value)
    if t.date.value:
        _sub(bibl, "date", t.date.written or t.date.value, when=t.date.value)
    if t.place.value:
        _sub(bibl, "placeName", t.place.value)
    _sub(bibl, "idno", t.file.rsplit("/", 1)[-1], type="file")

    profile = _sub(header, "profileDesc")
    setting = _sub(_sub(profile, "settingDesc"), "setting")
    if t.place.value:
        _sub(setting, "placeName", t.place.value)
    if t.date.value:
        _sub(setting, "date", t.date.written or t.date.value, when=t.date.value)
    _sub(setting, "activity", t.kind)
    if entry.topics:
        keywords = _sub(_sub(profile, "textClass"), "keywords")
        for tag in entry.topics:
            topic = topics.get(tag.topic)
            _sub(keywords, "term", topic.label if topic else tag.topic, type="topic", key=tag.topic)
    if entry.speakers:
        list_person = _sub(_sub(profile, "particDesc"), "listPerson")
        for pid in entry.speakers:
            written = [turn.role for turn in t.turns() if turn.speaker == pid and turn.role]
            person = people.get(pid) or Person(pid, pid)
            _person(list_person, person, pids[pid], list(dict.fromkeys(written)), t.date.value)

    body = _sub(_sub(root, "text"), "body")
    div = _sub(body, "div", type="transcript")
    for p in t.summary:
        _paragraph_note(div, p, "summary")
    for section in t.sections:
        sec = _sub(div, "div", type="section")
        if section.separator_line:
            _sub(sec, "milestone", unit="separator", rend="* * *")
        if section.heading is not None:
            _id(_sub(sec, "head", section.heading.text), section.heading.anchor)
        for block in section.blocks:
            if isinstance(block, Turn):
                _sub(sec, "note", block.label + ":", type="speaker")
                u = _id(_sub(sec, "u", who="#" + pids[block.speaker]), block.anchor)
                for p in block.paragraphs:
                    if p.kind == "editorial":
                        _paragraph_note(u, p, "editorial")
                    else:
                        _id(_sub(u, "seg", p.text), p.anchor)
            else:
                _paragraph_note(sec, block)
    if t.elided:
        _sub(div, "gap", reason="elided")
    return root


def tei_xml(entry: Entry, archive: Archive, *, publisher: str = "Transcript Archive", base_url: str = "") -> str:
    """``downloads/<id>.xml``: the TEI document of one transcript, pretty-printed, UTF-8."""
    root = tei_tree(entry, archive, publisher=publisher, base_url=base_url)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


__all__ = ["tei_xml", "tei_tree", "ncname", "person_ids", "TEI_NS"]

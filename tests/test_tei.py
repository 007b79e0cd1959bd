"""TEI export: well-formed XML whose structure matches the transcript model."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

import pytest

from generator import tei
from generator.enrich import enrich
from generator.model import Archive, Entry, Field, Paragraph, Person, Section, Transcript, Turn

NS = {"tei": tei.TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
TURNS = {"000": 2, "001": 8, "002": 5, "003": 25, "004": 1}


@pytest.fixture(scope="module")
def archive(seed_transcripts, curated) -> Archive:
    return enrich(list(seed_transcripts.values()), curated)


@pytest.fixture(scope="module")
def documents(archive) -> dict[str, tuple[Entry, str, ET.Element]]:
    out = {}
    for e in archive.entries:
        text = tei.tei_xml(e, archive)
        out[e.transcript.id[:3]] = (e, text, ET.fromstring(text.encode("utf-8")))
    return out


def test_well_formed_tei_root(documents):
    assert set(documents) == set(TURNS)
    for e, text, root in documents.values():
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"')
        assert root.tag == f"{{{tei.TEI_NS}}}TEI"
        assert root.get(XML_ID) == "t-" + e.transcript.id  # starts with a digit: prefixed
        assert root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS).text == e.transcript.title.value
        assert text.count("\n") > 20  # pretty-printed


def test_one_u_per_turn(documents):
    for key, (e, _, root) in documents.items():
        us = root.findall(".//tei:u", NS)
        assert len(us) == TURNS[key] == len(e.transcript.turns())
        assert [u.get(XML_ID) for u in us] == [t.anchor for t in e.transcript.turns()]
        speakers = root.findall(".//tei:note[@type='speaker']", NS)
        assert [n.text for n in speakers] == [t.label + ":" for t in e.transcript.turns()]


def test_every_who_resolves_to_a_listed_person(documents, archive):
    people = {p.id: p for p in archive.people}
    for e, _, root in documents.values():
        persons = root.findall("tei:teiHeader/tei:profileDesc/tei:particDesc/tei:listPerson/tei:person", NS)
        listed = {p.get(XML_ID): p for p in persons}
        assert len(listed) == len(e.speakers)
        for u in root.findall(".//tei:u", NS):
            who = u.get("who")
            assert who.startswith("#") and who[1:] in listed
        for pid, xid in tei.person_ids(e).items():
            assert listed[xid].find("tei:persName", NS).text == people[pid].name


def test_seg_texts_equal_the_paragraphs(documents):
    for e, _, root in documents.values():
        us = root.findall(".//tei:u", NS)
        for turn, u in zip(e.transcript.turns(), us):
            children = [c for c in u]
            assert [c.text for c in children] == [p.text for p in turn.paragraphs]
            for child, p in zip(children, turn.paragraphs):
                assert child.get(XML_ID) == p.anchor
                expected = "note" if p.kind == "editorial" else "seg"
                assert child.tag == f"{{{tei.TEI_NS}}}{expected}"


def test_summary_narration_headings_and_ids(documents):
    for e, _, root in documents.values():
        t = e.transcript
        summary = root.findall(".//tei:note[@type='summary']", NS)
        assert [n.text for n in summary] == [p.text for p in t.summary]
        narration = [b for s in t.sections for b in s.blocks if isinstance(b, Paragraph)]
        notes = [n for n in root.findall(".//tei:div[@type='section']/tei:note", NS) if n.get("type") != "speaker"]
        assert [(n.get("type"), n.text) for n in notes] == [(p.kind, p.text) for p in narration]
        heads = root.findall(".//tei:head", NS)
        assert [h.text for h in heads] == [h.text for h in t.headings()]
        assert len(root.findall(".//tei:div[@type='section']", NS)) == len(t.sections)
        ids = [el.get(XML_ID) for el in root.iter() if el.get(XML_ID) is not None]
        assert len(ids) == len(set(ids))
        assert all(NCNAME.match(i) for i in ids)


def test_header_metadata(documents):
    e, _, root = documents["000"]
    bibl = root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl", NS)
    assert bibl.find("tei:publisher", NS).text == "Official website of the President of Russia (kremlin.ru)"
    assert bibl.find("tei:date", NS).get("when") == "2016-06-08"
    assert bibl.find("tei:date", NS).text == "June 8, 2016"
    assert bibl.find("tei:placeName", NS).text == "Minsk"
    setting = root.find("tei:teiHeader/tei:profileDesc/tei:settingDesc/tei:setting", NS)
    assert setting.find("tei:activity", NS).text == "talks"
    idnos = {i.get("type"): i.text for i in root.findall("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno", NS)}
    assert idnos == {"transcript": e.transcript.id, "URI": e.page}
    person = root.find(".//tei:person[@{http://www.w3.org/XML/1998/namespace}id='vladimir-putin']", NS)
    roles = [a.text for a in person.findall("tei:affiliation", NS)]
    assert "President of Russia" in roles
    _, _, undated = documents["004"]
    assert undated.find(".//tei:sourceDesc/tei:bibl/tei:date", NS) is None
    terms = [t.get("key") for t in root.findall(".//tei:keywords/tei:term", NS)]
    assert terms == [tag.topic for tag in e.topics]


def test_deterministic(archive, documents):
    for e in archive.entries:
        assert tei.tei_xml(e, archive) == documents[e.transcript.id[:3]][1]


def test_ncname():
    assert tei.ncname("000_abc", "t-") == "t-000_abc"
    assert tei.ncname("-x", "p-") == "p--x"
    assert tei.ncname("a b:c", "p-") == "a-b-c"
    assert tei.ncname("vladimir-putin-1-p2", "a-") == "vladimir-putin-1-p2"


def test_hostile_text_and_clashing_ids():
    text = 'Tags <u who="#x"> & "quotes" ]]> \x0b end'
    para = Paragraph(text, 3, "speech", "n1-p1")
    turn = Turn("Chair <b>", "Chair", "", "", 2, (para,), speaker="n1", anchor="n1-1")
    narration = Paragraph("1. narrated & <i>", 4, "narration", "n1")
    t = Transcript(
        id="9x", file="9x.txt", title=Field("T & <t>", "text"), date=Field(None, "none"), place=Field(None, "none"),
        source=Field(None, "none"), kind="talks", summary=(), sections=(Section(None, (narration, turn)),),
    )
    archive = Archive((Entry(t, "transcripts/9x/", "transcripts/9x.md", ("n1",), (), ()),), (Person("n1", "Chair"),), ())
    xml = tei.tei_xml(archive.entries[0], archive)
    root = ET.fromstring(xml.encode("utf-8"))
    seg = root.find(".//tei:seg", NS)
    assert seg.text == text.replace("\x0b", "\ufffd")
    person = root.find(".//tei:person", NS)
    assert person.get(XML_ID) == "p-n1"  # "n1" is a narration anchor: the person id is prefixed
    assert root.find(".//tei:u", NS).get("who") == "#p-n1"
    assert root.find(".//tei:note[@type='speaker']", NS).text == "Chair <b>:"


def test_relaxng_when_available(documents):
    """Validate against a TEI RelaxNG schema when lxml is installed and TEI_RNG names a local file."""
    etree = pytest.importorskip("lxml.etree")
    schema_path = os.environ.get("TEI_RNG")
    if not schema_path or not os.path.exists(schema_path):
        pytest.skip("set TEI_RNG to a local tei_all.rng to validate (no network)")
    schema = etree.RelaxNG(etree.parse(schema_path))
    for _, text, _ in documents.values():
        doc = etree.fromstring(text.encode("utf-8"))
        assert schema.validate(doc), schema.error_log

"""Speaker resolution: one person under many label forms, never merging two people."""

from __future__ import annotations

from generator.enrich import enrich
from generator.model import RawDocument, SourceLine
from generator.parser import parse


def build(curated, *texts: str):
    docs = []
    for k, text in enumerate(texts):
        lines = tuple(SourceLine(i, l) for i, l in enumerate(text.split("\n"), 1))
        docs.append(RawDocument(f"d{k}.txt", f"d{k}", lines, "utf-8"))
    return enrich([parse(d, curated.shapes)[0] for d in docs], curated)


def speakers_of(archive):
    return [[t.speaker for t in e.transcript.turns()] for e in archive.entries]


def test_five_label_forms_are_one_person(curated):
    archive = build(curated, "\n".join([
        "President of Russia Vladimir Putin: One.", "Vladimir Putin: Two.", "V. Putin: Three.",
        "Putin: Four.", "PUTIN: Five.", "В.Путин: Шесть.",
    ]))
    assert speakers_of(archive) == [["vladimir-putin"] * 6]


def test_same_surname_different_people_stay_apart(curated):
    archive = build(curated, "Andrei Kolesnikov: A question.\nSergei Kolesnikov: Another question.\nAndrei Kolesnikov: More.")
    assert speakers_of(archive) == [["andrei-kolesnikov", "sergei-kolesnikov", "andrei-kolesnikov"]]


def test_bare_surname_shared_by_two_speakers_is_not_merged(curated):
    archive = build(curated, "Ivan Petrov: One.\nOleg Petrov: Two.\nPetrov: Three.")
    ids = speakers_of(archive)[0]
    assert ids[:2] == ["ivan-petrov", "oleg-petrov"] and ids[2] not in ids[:2]
    assert any("could be any of" in p.message for p in archive.problems)


def test_unknown_person_is_discovered_and_shared_across_transcripts(curated):
    archive = build(curated, "Ivan Sidorov: Hello.", "Governor Ivan Sidorov: Hello again.")
    assert speakers_of(archive) == [["ivan-sidorov"], ["ivan-sidorov"]]
    person = next(p for p in archive.people if p.id == "ivan-sidorov")
    assert not person.curated and [r.role for r in person.roles] == ["Governor"]


def test_short_name_in_the_same_transcript(curated):
    archive = build(curated, "Chairman of the Board Pyotr Ivanov: Hello.\nIvanov: Yes.\nP. Ivanov: Again.")
    assert speakers_of(archive) == [["pyotr-ivanov"] * 3]


def test_roles_from_labels_are_recorded_with_dates(curated):
    archive = build(curated, "June 8, 2016, Minsk\n\nPresident of Belarus Alexander Lukashenko: Hello.")
    person = next(p for p in archive.people if p.id == "alexander-lukashenko")
    assert person.curated and any(r.role == "President of Belarus" for r in person.roles)


def test_generic_labels_are_speakers_without_a_name(curated):
    archive = build(curated, "Question: Mr President?\nVladimir Putin: Yes.\nQuestion: And then?")
    assert speakers_of(archive) == [["question", "vladimir-putin", "question"]]
    assert next(p for p in archive.people if p.id == "question").generic


def test_an_office_alone_is_no_one_person_across_the_archive(curated):
    """'Prime Minister:' on one page and on another may be two people: like a generic label, the
    office alone is a speaker that no people list shows and no page merges into someone."""
    archive = build(curated, "Moderator: Welcome.\nPrime Minister: Thank you.",
                    "Question: What now?\nPrime Minister: We will see.")
    assert speakers_of(archive) == [["moderator", "prime-minister"], ["question", "prime-minister"]]
    assert next(p for p in archive.people if p.id == "prime-minister").generic


def test_partners_named_by_title_and_surname_in_older_transcripts(curated):
    """'PRESIDENT BUSH:' and 'GEORGE W. BUSH:', 'CHANCELLOR SCHROEDER:' and 'Gerhard Schröder:':
    one registry person each, and the middle initial stays in the name."""
    archive = build(curated, "\n".join([
        "PRESIDENT BUSH: Good morning.", "PRESIDENT PUTIN: Thank you.", "GEORGE W. BUSH: We agree.",
        "CHANCELLOR SCHROEDER: Thank you.", "Gerhard Schröder: I agree.",
        "President of the United States George W. Bush: Yes.",
    ]))
    assert speakers_of(archive) == [["george-w-bush", "vladimir-putin", "george-w-bush", "gerhard-schroeder",
                                     "gerhard-schroeder", "george-w-bush"]]


def test_a_pair_is_one_speaker_however_written_and_its_surnames_stay_with_each(curated):
    archive = build(
        curated,
        "Vladimir Putin: Good afternoon.\nAlexander Lukashenko: Thank you.\nPutin and Lukashenko: Together.\n"
        "Lukashenko: Alone again.",
        "V. Putin and A. Lukashenko: Together again.",
        "Vladimir Putin and Alexander Lukashenko: Once more.",
    )
    pair = "vladimir-putin-and-alexander-lukashenko"
    assert speakers_of(archive) == [
        ["vladimir-putin", "alexander-lukashenko", pair, "alexander-lukashenko"], [pair], [pair]]
    assert next(p for p in archive.people if p.id == pair).name == "Vladimir Putin and Alexander Lukashenko"
    assert not any("could be any of" in p.message for p in archive.problems)


def test_a_joint_label_of_unknown_people_stays_as_written(curated):
    archive = build(curated, "Ivan Smith and Anna Jones: Hello.\nJones: Later.")
    ids = speakers_of(archive)[0]
    assert ids[0] == "ivan-smith-and-anna-jones" and ids[1] != ids[0]


def test_after_a_pair_of_people_named_in_the_transcript_a_surname_is_the_person(curated):
    archive = build(curated, "Ivan Smith: One.\nAnna Jones: Two.\nSmith and Jones: Three.\nJones: Four.\nSmith: Five.")
    assert speakers_of(archive) == [["ivan-smith", "anna-jones", "ivan-smith-and-anna-jones", "anna-jones", "ivan-smith"]]
    assert not any("could be any of" in p.message for p in archive.problems)


def test_a_surname_before_its_initials_is_the_known_person(curated):
    """Russian-style minutes write 'Lukashenko A.G.', 'Putin V.V.', 'Путин В.В.': the same people
    as 'A. Lukashenko' and 'V. Putin'; an unknown 'Ivanov I.I.' is 'I.I. Ivanov' and 'Ivanov'."""
    archive = build(curated, "\n".join([
        "Lukashenko A.G.: One.", "Putin V.V.: Two.", "Путин В.В.: Три.", "Putin V. V.: Four.", "A. Lukashenko: Five.",
        "Ivanov I.I.: Six.", "I.I. Ivanov: Seven.", "Ivanov: Eight.",
    ]))
    ids = speakers_of(archive)[0]
    assert ids[:5] == ["alexander-lukashenko", "vladimir-putin", "vladimir-putin", "vladimir-putin", "alexander-lukashenko"]
    assert ids[5] == ids[6] == ids[7] and ids[5] not in ids[:5]


def test_a_group_of_three_is_one_speaker_however_written(curated):
    archive = build(
        curated,
        "Vladimir Putin, Alexander Lukashenko and Kassym-Jomart Tokayev: Together.\nTokayev: Alone.",
        "Putin, Lukashenko and Tokayev: Together again.\nPutin V.V., Lukashenko A.G. and Tokayev: Once more.",
    )
    group = "vladimir-putin-alexander-lukashenko-and-kassym-jomart-tokayev"
    assert speakers_of(archive) == [[group, "kassym-jomart-tokayev"], [group, group]]
    assert next(p for p in archive.people if p.id == group).name == (
        "Vladimir Putin, Alexander Lukashenko and Kassym-Jomart Tokayev")


def test_a_moderator_named_in_full_then_by_given_name(curated):
    """Direct Line: 'Yekaterina Andreyeva:' then 'Yekaterina:' is one moderator; a given name two
    speakers share ('Dmitry Peskov', 'Dmitry Kulikov') stays apart; a caller with an age or a
    place ('Kirill, 14:') is not the moderator 'Kirill Kleimyonov'."""
    archive = build(curated, "\n".join([
        "Yekaterina Andreyeva: Good afternoon.", "Kirill Kleimyonov: Good afternoon.", "Vladimir Putin: Hello.",
        "Yekaterina: A question from Omsk.", "Kirill: Next.", "Kirill, 14: Can I be president?",
        "Dmitry Peskov: The hall.", "Dmitry Kulikov: Thank you.", "Dmitry: Another one.",
    ]))
    ids = speakers_of(archive)[0]
    assert ids[:5] == ["yekaterina-andreyeva", "kirill-kleimyonov", "vladimir-putin", "yekaterina-andreyeva",
                       "kirill-kleimyonov"]
    assert ids[5] not in ids[:5] and ids[6:8] == ["dmitry-peskov", "dmitry-kulikov"]
    assert ids[8] not in ("dmitry-peskov", "dmitry-kulikov")


def test_a_registry_surname_shared_by_two_speakers_here_is_not_merged(curated):
    """'Peskov' is Dmitry Peskov's alias, but after 'Sergei Peskov' has spoken too it could be
    either: a speaker of its own, with a warning; with only Dmitry Peskov here it is he."""
    archive = build(curated, "Dmitry Peskov: Quiet.\nSergei Peskov: I am from Rostov.\nPeskov: Please.",
                    "Dmitry Peskov: Quiet.\nPeskov: Please.")
    ids = speakers_of(archive)
    assert ids[0][:2] == ["dmitry-peskov", "sergei-peskov"] and ids[0][2] not in ids[0][:2]
    assert ids[1] == ["dmitry-peskov", "dmitry-peskov"]
    assert any("could be any of" in p.message for p in archive.problems)


def test_a_surname_with_its_particle(curated):
    """'Mohammed bin Zayed Al Nahyan:' then 'Al Nahyan:' is one person."""
    archive = build(curated, "Ahmed bin Zayed Al Nahyan: One.\nVladimir Putin: Two.\nAl Nahyan: Three.\n"
                    "Alexander Van der Bellen: Four.\nVan der Bellen: Five.")
    ids = speakers_of(archive)[0]
    assert ids[0] == ids[2] and ids[3] == ids[4] and len(set(ids)) == 3


def test_a_given_name_alone_is_no_registry_person(curated):
    """A moderator named in full and then by the given name is one person; a caller named only
    'Vladimir' is not the president who spoke before."""
    archive = build(curated, "Vladimir Putin: Good afternoon.\nIrina Petrova: A question.\nVladimir: My question.\nIrina: Next.")
    ids = speakers_of(archive)[0]
    assert ids[0] == "vladimir-putin" and ids[2] != "vladimir-putin" and ids[3] == ids[1] == "irina-petrova"


def test_a_surname_that_is_an_office_is_the_speaker_named_in_full(curated):
    """'King:' after 'Larry King:' on the page is Larry King, not an office alone (review 19)."""
    archive = build(curated, "Larry King: Welcome.\nVladimir Putin: Thank you.\nKing: What happened?",
                    "John Major: Thank you.\nBoris Yeltsin: Yes.\nMajor: Agreed.")
    assert speakers_of(archive) == [["larry-king", "vladimir-putin", "larry-king"],
                                    ["john-major", "boris-yeltsin", "john-major"]]

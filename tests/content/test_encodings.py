"""Files that are not UTF-8 are read as the legacy encoding they most likely use."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.content.encodings import Undecodable, decode_text
from api.timeline import load_timeline_data
from tests.support.sites import load, page, write_site

WESTERN = [
    ("---\ntitle: Latin-1 été\n---\nCafé. Ça marche très bien, à côté.\n", "latin-1", "Latin-1"),
    ("---\ntitle: Grüße\n---\nÜber die Straße gehen Mädchen.\n", "latin-1", "Latin-1"),
    ("---\ntitle: Año\n---\nEl niño comió piña en España.\n", "latin-1", "Latin-1"),
    ("---\ntitle: é\n---\n", "latin-1", "Latin-1"),
    ("---\ntitle: “Smart” – €5\n---\nIt’s naïve — isn’t it?\n", "cp1252", "Windows-1252"),
    ("Œuvres complètes… « Voilà » ™\n", "cp1252", "Windows-1252"),
]
OTHERS = [
    ("---\ntitle: Привет\n---\nЭто русский текст в кодировке Windows.\n", "cp1251", "1251"),
    ("---\ntitle: Zażółć\n---\nZażółć gęślą jaźń, to jest polski tekst.\n", "cp1250", "1250"),
    ("---\ntitle: 日本語\n---\nこれは日本語のテキストです。\n", "shift_jis", "cp932"),
]


def test_utf8_is_utf8() -> None:
    decoded = decode_text("Café 日本".encode())
    assert decoded.text == "Café 日本" and decoded.encoding is None


@pytest.mark.parametrize(("text", "codec", "name"), WESTERN + OTHERS)
def test_legacy_text_is_read_without_loss(text: str, codec: str, name: str) -> None:
    decoded = decode_text(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding is not None and name in decoded.encoding
    assert decoded.first_bad_byte is not None


def test_utf8_with_a_few_stray_bytes_keeps_both() -> None:
    raw = "---\ntitle: Café déjà vu\n---\n".encode() + b"na\xefve \x93quoted\x94\n"
    decoded = decode_text(raw)
    assert decoded.text == "---\ntitle: Café déjà vu\n---\nnaïve “quoted”\n"
    assert decoded.encoding == "UTF-8 with Windows-1252 bytes"


@pytest.mark.parametrize("raw", [bytes(range(1, 256)) * 3, b"\x01\x02\x03\xff\xfe\x80" * 50])
def test_bytes_no_encoding_reads_are_undecodable(raw: bytes) -> None:
    with pytest.raises(Undecodable):
        decode_text(raw)


@settings(deadline=None)  # charset detection is slow on noise
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=200))
def test_any_latin1_text_that_is_not_utf8_keeps_its_characters(text: str) -> None:
    raw = text.encode("latin-1")
    try:
        decoded = decode_text(raw)
    except Undecodable:
        return  # not text (C1 controls, say): refused, never garbled
    if decoded.encoding is None:
        assert decoded.text == raw.decode("utf-8")
    else:
        assert "\ufffd" not in decoded.text


CONFIG = "title: Société d’études\ncollections:\n  notes:\n    output: true\n"


def test_config_and_data_files_in_a_legacy_encoding_keep_their_text(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "_config.yml": CONFIG.encode("cp1252"),
            "_data/people.yml": "- name: José Müller\n".encode("latin-1"),
            "_data/places.csv": "city,country\nSão Paulo,Brésil\n".encode("latin-1"),
            "_notes/a.md": page("title: A", "{{ site.title }} / {{ site.data.people[0].name }}"),
        },
    )
    snapshot = load(root)
    assert snapshot.config.raw["title"] == "Société d’études"
    assert snapshot.data["people"] == [{"name": "José Müller"}]
    assert snapshot.data["places"] == [{"city": "São Paulo", "country": "Brésil"}]
    found = {(d.source_path, d.code): d for d in snapshot.diagnostics}
    for path in ("_config.yml", "_data/people.yml", "_data/places.csv"):
        note = found[(path, "invalid-utf8")]
        assert note.severity.value == "warning" and "UTF-8" in note.message
    assert "Windows-1252" in found[("_config.yml", "invalid-utf8")].message


def test_a_config_no_encoding_reads_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"_config.yml": bytes(range(1, 256)) * 2})
    snapshot = load(root)
    (found,) = [d for d in snapshot.diagnostics if d.source_path == "_config.yml"]
    assert (found.code, found.severity.value) == ("not-text", "error")


def test_timeline_data_in_a_legacy_encoding_keeps_its_text() -> None:
    csv = "Year,Headline,Text\n2002,Création,Le traité entre en vigueur à La Haye\n"
    result = load_timeline_data(csv.encode("latin-1"), "events.csv")
    assert result.data is not None
    (event,) = result.data["events"]
    assert event["text"]["headline"] == "Création"
    assert [p.code for p in result.problems] == ["data-encoding"]
    assert "Latin-1" in result.problems[0].message
    refused = load_timeline_data(bytes(range(1, 256)) * 2, "events.csv")
    assert refused.data is None and refused.problems[0].severity == "error"

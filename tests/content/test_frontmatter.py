from __future__ import annotations

import pytest

from api.content.frontmatter import SourceError, parse_source


def test_no_front_matter_is_none_not_empty() -> None:
    assert parse_source(b"# Just markdown\n") is None


def test_empty_front_matter_is_an_empty_mapping() -> None:
    source = parse_source(b"---\n---\nBody\n")
    assert source is not None
    assert source.front_matter == {}
    assert source.body == "Body\n"
    assert source.body_line == 3


def test_dots_close_front_matter_like_jekyll() -> None:
    source = parse_source(b"---\ntitle: A\n...\nBody\n")
    assert source is not None and source.front_matter == {"title": "A"}


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(SourceError) as info:
        parse_source(b"---\ntitle: A\nBody without closing fence\n")
    assert info.value.code == "front-matter-unclosed"
    assert info.value.line == 1


def test_invalid_yaml_reports_the_file_line() -> None:
    with pytest.raises(SourceError) as info:
        parse_source(b"---\ntitle: A\ntags: [a, b\n---\nBody\n")
    assert info.value.code == "front-matter-invalid-yaml"
    assert info.value.line is not None and info.value.line >= 3


@pytest.mark.parametrize("yaml", ["- a\n- b", "just text", "42"])
def test_front_matter_must_be_a_mapping(yaml: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_source(f"---\n{yaml}\n---\nBody\n".encode())
    assert info.value.code == "front-matter-not-mapping"


def test_bom_and_crlf_are_fine() -> None:
    source = parse_source(b"\xef\xbb\xbf---\r\ntitle: Windows\r\n---\r\nLine one\r\nLine two\r\n")
    assert source is not None
    assert source.front_matter == {"title": "Windows"}
    assert source.body == "Line one\nLine two\n"


def test_latin1_is_read_as_latin1_with_a_warning_naming_it() -> None:
    source = parse_source(b"---\ntitle: Caf\xe9\n---\nBody\n")
    assert source is not None
    assert source.front_matter["title"] == "Café"
    codes = [code for code, _, _ in source.warnings]
    assert codes == ["invalid-utf8"]
    (_, message, line) = source.warnings[0]
    assert line == 2
    assert "Latin-1" in message and "Re-save the file as UTF-8" in message


def test_binary_is_refused() -> None:
    with pytest.raises(SourceError) as info:
        parse_source(b"---\ntitle: x\n---\n\x00\x01\x02PNG")
    assert info.value.code == "binary-file"


def test_source_error_survives_pickling() -> None:
    import pickle

    error = SourceError("front-matter-unclosed", "message", 3)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.message, copy.line) == ("front-matter-unclosed", "message", 3)

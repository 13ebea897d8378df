"""Text from a file's bytes, whatever it was saved as: UTF-8, or the legacy encoding it most
likely uses, without losing a character.

Jekyll reads UTF-8, and old sites are full of files saved by editors that wrote Windows-1252
or Latin-1 (``café`` as ``caf\\xe9``). Replacing those bytes would lose the editor's text in
every response, so a file that is not UTF-8 is read as:

- UTF-8 with stray bytes, when the rest of it holds valid UTF-8 characters beyond ASCII:
  each stray byte is read as Windows-1252 (what a paste from an old editor is);
- Western text, when Windows-1252 reads it as words with accents here and there (Latin-1
  when no byte is in 0x80-0x9F, where the two differ);
- otherwise what charset-normalizer detects (Cyrillic, Central European, Japanese...);
- or nothing: then the file is refused with an error.

The caller reports :attr:`Decoded.encoding` so the editor can re-save the file as UTF-8.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

#: Windows-1252 leaves these five bytes undefined; Python's codec refuses them.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
#: Characters that may sit inside a Western word besides letters: apostrophes and the like.
_IN_WORD = frozenset("\u2019\u2018\u00b4\u00b7-")
#: In Western text most letters are ASCII; a file whose letters are mostly not (Cyrillic or
#: Greek read as Windows-1252 becomes words of accented letters) is something else.
_MOST_ACCENTED = 0.4
#: Above this much "chaos" (charset-normalizer's measure of implausible text), no
#: detected encoding is trusted.
_MOST_CHAOS = 0.2
#: Shown to editors: the names they see in their editor's "save as" menu.
_NAMES = {
    "cp1252": "Windows-1252",
    "latin_1": "Latin-1 (ISO-8859-1)",
    "iso8859-1": "Latin-1 (ISO-8859-1)",
}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None = None  # None: it was UTF-8; else the name to show an editor
    first_bad_byte: int | None = None  # offset of the first byte that is not UTF-8
    mixed: bool = False  # UTF-8 with stray bytes read as Windows-1252


class Undecodable(ValueError):
    """No encoding reads these bytes as text."""


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    return "".join(_cp1252_byte(byte) for byte in chunk), error.end


codecs.register_error("content-api-cp1252", _stray_as_cp1252)


def _cp1252_byte(byte: int) -> str:
    if byte in _CP1252_HOLES:
        return chr(byte)  # undefined in Windows-1252; Latin-1's reading, as browsers do
    return bytes([byte]).decode("cp1252")


def decode_text(raw: bytes) -> Decoded:
    """The text of ``raw`` (UTF-8, else its most likely legacy encoding); Undecodable when
    none fits."""
    try:
        return Decoded(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _mostly_utf8(raw):
        return Decoded(
            raw.decode("utf-8", "content-api-cp1252"), "UTF-8 with Windows-1252 bytes", first_bad
        )
    western = _western(raw)
    if western is not None:
        return Decoded(western[0], western[1], first_bad)
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(raw).best()
    if best is None or best.percent_chaos > _MOST_CHAOS * 100 or _has_controls(str(best)):
        raise Undecodable("no encoding reads this file as text")
    return Decoded(str(best), _display_name(best.encoding), first_bad)


def _display_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    if name in _NAMES:
        return _NAMES[name]
    if name.startswith("cp125"):
        return f"Windows-{name[2:]} ({name})"
    return name


def _mostly_utf8(raw: bytes) -> bool:
    """Whether valid UTF-8 characters beyond ASCII are at least as many as the stray bytes:
    Western legacy text practically never holds one by chance (it takes a capital such as
    "Ã" followed by a C1 control or a symbol), and multi-byte legacy encodings (Shift JIS)
    hold a few among many strays."""
    text = raw.decode("utf-8", "replace")
    stray = text.count("\ufffd")
    wide = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    return wide >= stray


def _western(raw: bytes) -> tuple[str, str] | None:
    """Windows-1252's reading, when it looks like Western text: mostly ASCII letters, no
    symbol in the middle of a word, no control character."""
    if any(byte in _CP1252_HOLES for byte in raw):
        return None
    text = raw.decode("cp1252")
    if _has_controls(text):
        return None
    letters = accented = 0
    for token in text.split():
        word = _trim(token)
        for char in word:
            if char.isalpha():
                letters += 1
                accented += not char.isascii()
            elif not (char.isascii() or char in _IN_WORD):
                return None  # "Za¿ó³æ": Central European read as Western
    if letters and accented / letters > _MOST_ACCENTED:
        return None
    legacy = any(0x80 <= byte <= 0x9F for byte in raw)
    return text, _NAMES["cp1252"] if legacy else _NAMES["latin_1"]


def _trim(token: str) -> str:
    """A token without what may lead or end a word (quotes, brackets, marks, symbols)."""
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def _has_controls(text: str) -> bool:
    """C0 or C1 controls other than tab, newline, carriage return and form feed: not text."""
    return any(
        unicodedata.category(char) == "Cc" and char not in "\t\n\r\x0c"
        for char in text
        if char < " " or "\x7f" <= char <= "\x9f"
    )

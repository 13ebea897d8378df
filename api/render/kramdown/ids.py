"""Header ids: kramdown's (``auto_ids``) and kramdown-parser-gfm's algorithms."""

from __future__ import annotations

import re
import unicodedata

_LEADING_NON_LETTERS = re.compile(r"^[^a-zA-Z]+", re.M)
_NOT_ID_CHAR = re.compile(r"[^a-zA-Z0-9 -]")
_WORD_CATEGORIES = ("L", "M", "Nd", "Pc")


def basic_auto_id(text: str) -> str:
    """kramdown's basic_generate_id: ASCII letters, digits, spaces and dashes survive."""
    text = _LEADING_NON_LETTERS.sub("", text)
    return _NOT_ID_CHAR.sub("", text).replace(" ", "-").lower()


_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i"}
)  # fmt: skip


def transliterate(text: str) -> str:
    """A stand-in for kramdown's transliteration (stringex's tables): accents dropped and the
    common letters without a decomposition spelled in ASCII."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def kramdown_auto_id(
    text: str, used: dict[str, int] | None = None, prefix: str = "", transliterated: bool = False
) -> str:
    """The id kramdown's HTML converter gives a header whose text is ``text``.

    ``used`` carries the ids already given in the document, so duplicates get ``-1``,
    ``-2``...; a header with no ASCII letter gets ``section``.
    """
    if transliterated:
        text = transliterate(text)
    result = basic_auto_id(text) or "section"
    if used is not None:
        if result in used:
            used[result] += 1
            result = f"{result}-{used[result]}"
        else:
            used[result] = 0
    return prefix + result


def _is_word(char: str) -> bool:
    category = unicodedata.category(char)
    return category in _WORD_CATEGORIES or category[0] in ("L", "M")


def gfm_header_id(text: str, counter: dict[str, int] | None = None, prefix: str = "") -> str:
    """The id kramdown-parser-gfm gives a header: lower case, word characters, spaces and
    dashes kept, spaces and tabs turned into dashes; duplicates get ``-1``, ``-2``..."""
    result = "".join(c for c in text.lower() if c in "- \t" or _is_word(c))
    result = result.replace(" ", "-").replace("\t", "-")
    if counter is not None:
        counter[result] = counter.get(result, -1) + 1
        if counter[result] > 0:
            result = f"{result}-{counter[result]}"
    return prefix + result

"""How search reads each language: a page's ``lang`` picks the analyzer of its text.

Every analyzer cuts text the same way: a run of letters, digits and marks is a word, and each
character of a script written without spaces between words (Chinese, Japanese, Korean, Thai,
Lao, Khmer, Myanmar) is a word of its own. A word of several of these characters is then
found as a phrase of them, so a Japanese word is found inside a sentence with no spaces, and
a Thai one inside a run of Thai text, whatever a dictionary would make of the run. Words are
lowercased, stemmed by the Snowball stemmer of the page's language when there is one, and
folded to ASCII (``Côte`` is ``cote``), so matching ignores diacritics both ways.

A query is analysed by the analyzer of each language it searches, and matched against the
pages of that language only.
"""

from __future__ import annotations

import re

import tantivy

#: Primary language subtags (ISO 639-1, and the 639-3 codes sites use for Norwegian) with
#: a Snowball stemmer in the engine, and the stemmer's name.
STEMMERS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
}
#: The analyzer of text in a language without a stemmer (or with no language at all).
PLAIN = "plain"

UNSPACED = (
    r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\p{Thai}\p{Lao}\p{Khmer}"
    r"\p{Myanmar}"
)
#: One unspaced character, or a run of letters, digits and marks (the engine's regex syntax).
TOKEN_PATTERN = rf"[{UNSPACED}]|[^\s{UNSPACED}\p{{P}}\p{{S}}\p{{C}}\p{{Z}}]+"

_TAG = re.compile(r"[a-z]{1,8}(?:-[a-z0-9]{1,8})*")


def normalize_tag(tag: str) -> str | None:
    """A language tag as search compares them (lowercase, ``-`` for ``_``, trimmed); None
    when it is not a well-formed tag."""
    text = tag.strip().lower().replace("_", "-")
    return text if _TAG.fullmatch(text) else None


def analyzer_of(lang: str | None) -> str:
    """The analyzer for text in ``lang``: a stemmer's name, or PLAIN."""
    if lang is None:
        return PLAIN
    normalized = normalize_tag(lang)
    if normalized is None:
        return PLAIN
    return STEMMERS.get(normalized.split("-", 1)[0], PLAIN)


def matches(lang: str | None, wanted: tuple[str, ...]) -> bool:
    """Whether a page in ``lang`` is asked for by ``wanted`` (normalized tags): RFC 4647's
    basic filtering, so ``en`` asks for ``en``, ``en-US`` and ``en-GB``."""
    if lang is None:
        return False
    tag = normalize_tag(lang)
    if tag is None:
        return False
    return any(tag == want or tag.startswith(want + "-") for want in wanted)


def text_analyzer(name: str) -> tantivy.TextAnalyzer:
    """The analyzer called ``name`` (a stemmer's name or PLAIN)."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(TOKEN_PATTERN))
    builder = builder.filter(tantivy.Filter.remove_long(100)).filter(tantivy.Filter.lowercase())
    if name != PLAIN:
        builder = builder.filter(tantivy.Filter.stemmer(name))
    return builder.filter(tantivy.Filter.ascii_fold()).build()


def folding_analyzer() -> tantivy.TextAnalyzer:
    """Lowercasing and folding without stemming: for prefixes, which are not words."""
    return text_analyzer(PLAIN)

"""How search reads each language: a page's ``lang`` picks the analyzer of its text.

Every analyzer cuts text the same way: a run of letters, digits and marks is a word, and each
character of a script written without spaces between words (Chinese, Japanese, Korean, Thai,
Lao, Khmer, Myanmar) is a word of its own. A word of several of these characters is then
found as a phrase of them, so a Japanese word is found inside a sentence with no spaces, and
a Thai one inside a run of Thai text, whatever a dictionary would make of the run. Words are
lowercased, folded to ASCII (``Côte`` is ``cote``), so matching ignores diacritics both
ways, and stemmed by the Snowball stemmer of the page's language when there is one.

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

#: Characters of the scripts written without spaces between words.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u2e80-\u2fdf\u3040-\u30ff"
    "\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
#: Between two characters of those scripts: a separator to the tokenizer, nothing to a reader.
ZWSP = "\u200b"

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


#: The language range that matches every page with a language.
ANY = "*"


def normalize_range(text: str) -> str | None:
    """A language range as :func:`matches` takes it (``*`` or a normalized tag); None when
    it is not one."""
    return ANY if text.strip() == ANY else normalize_tag(text)


def matches(lang: str | None, wanted: tuple[str, ...]) -> bool:
    """Whether a page in ``lang`` is asked for by ``wanted`` (normalized ranges): RFC 4647's
    basic filtering, so ``en`` asks for ``en``, ``en-US`` and ``en-GB``, and ``*`` for any
    page with a language, as lists filter them."""
    if lang is None:
        return False
    tag = normalize_tag(lang)
    if tag is None:
        return False
    return any(want in (ANY, tag) or tag.startswith(want + "-") for want in wanted)


def spaced(text: str) -> str:
    """``text`` with each character of an unspaced script set apart, as it is analysed."""
    if text.isascii() or _UNSPACED.search(text) is None:  # isascii() is O(1)
        return text
    return _UNSPACED.sub(lambda char: f"{ZWSP}{char.group()}{ZWSP}", text)


def text_analyzer(name: str) -> tantivy.TextAnalyzer:
    """The analyzer called ``name`` (a stemmer's name or PLAIN), for :func:`spaced` text."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    builder = builder.filter(tantivy.Filter.remove_long(100)).filter(tantivy.Filter.lowercase())
    # Folded before stemming, so that a word typed without its accents stems the same.
    builder = builder.filter(tantivy.Filter.ascii_fold())
    if name != PLAIN:
        builder = builder.filter(tantivy.Filter.stemmer(name))
    return builder.build()


def folding_analyzer() -> tantivy.TextAnalyzer:
    """Lowercasing and folding without stemming: for prefixes, which are not words."""
    return text_analyzer(PLAIN)

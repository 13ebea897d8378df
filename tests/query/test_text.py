from __future__ import annotations

import re

import pytest

from api.content.snapshot import Snapshot
from api.query import search_text

CASES = [
    ("# Title\n\nText.", "Title", "Text."),
    ("## Closed ##\nText", "Closed", "Text"),
    ("Setext\n======\n\nbody", "Setext", "body"),
    ("Setext two\n---\nbody", "Setext two", "body"),
    ("para\n\n---\n\nafter", "", "para after"),
    ("#hashtag is text", "", "#hashtag is text"),
    ("####### seven is text", "", "####### seven is text"),
    ("A [link](https://x.org/a_(b)) here", "", "A link here"),
    ("![alt text](img.png) and [ref][1]\n\n[1]: https://x.org", "", "alt text and ref"),
    ("[![badge](b.svg)](https://x.org)", "", "badge"),
    ("note[^1] here", "", "note here"),
    ("**bold** _em_ ~~gone~~ `code` snake_case", "", "bold em gone code snake case"),
    ("> quoted\n> > twice", "", "quoted twice"),
    ("* one\n- two\n+ three\n1. four\n2) five", "", "one two three four five"),
    ("| a | b |\n|---|:-:|\n| c | d |", "", "a b c d"),
    ("```python\n# comment\ncode()\n```\nafter", "", "# comment code() after"),
    ("~~~\nunclosed fence", "", "unclosed fence"),
    ("{% include x.html %}{{ page.title }}text", "", "text"),
    ("{% comment %}secret{% endcomment %}shown", "", "shown"),
    ("Para\n{: .lead #id}\n{::comment}hidden{:/comment}", "", "Para"),
    ("<div class='x'>inside</div><br/>next", "", "inside next"),
    ("<script>alert(1)</script><style>p{}</style><!-- c -->kept", "", "kept"),
    ("Tom &amp; Jerry&nbsp;&lt;b&gt;", "", "Tom & Jerry <b>"),
    ("see https://example.org/path?q=1 and mailto:a@b.c", "", "see and"),
    ("bad\x00control\x07chars", "", "badcontrolchars"),
    ("", "", ""),
]


@pytest.mark.parametrize(("markdown", "headings", "body"), CASES)
def test_search_text(markdown: str, headings: str, body: str) -> None:
    assert search_text(markdown) == (headings, body)


def test_headings_one_per_line_in_order() -> None:
    assert search_text("# One\ntext\n## Two\n### Three")[0] == "One\nTwo\nThree"


def test_unicode_text_survives() -> None:
    assert search_text("## Côte d’Ivoire\n\n東京都 ภาษาไทย") == ("Côte d’Ivoire", "東京都 ภาษาไทย")


@pytest.mark.corpus
def test_corpus_text_is_clean(snapshot: Snapshot) -> None:
    leftovers = re.compile(r"{%|%}|{{|}}|{:|<[a-z/!]|\]\(|https?://|[\x00-\x08]")
    for document in snapshot.documents:
        headings, body = search_text(document.body)
        assert not leftovers.search(headings + body), document.id
    kip = snapshot.by_id["board-of-advisors/christopher-kip-hale"]
    assert search_text(kip.body)[1].startswith('Christopher "Kip" Hale is currently')


@pytest.mark.parametrize(
    ("opening", "kept"),
    [
        ("{% ", "{% "),
        ("{{ ", "{{ "),
        ("<script> ", ""),
        ("<!-- ", "<!-- "),
        ("[a](", "[a]("),
    ],
)
def test_unclosed_markup_keeps_the_rest(opening: str, kept: str) -> None:
    # Thousands of openers never closed: one pass each (a lazy regex would rescan to the end
    # for every one of them), and the text after them is kept.
    text = "start " + opening * 5_000 + " end"
    body = search_text(text)[1]
    assert body.startswith("start") and body.endswith("end")
    if kept:
        assert kept.strip() in body


def test_closed_markup_after_an_unclosed_kind() -> None:
    assert search_text("a {{ x }} b {% unclosed c") == ("", "a b {% unclosed c")
    assert search_text("<STYLE>p{}</style >shown<Script src=x></SCRIPT>") == ("", "shown")

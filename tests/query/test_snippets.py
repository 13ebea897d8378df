from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from api.query.snippets import merged, snippet_html


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Fragment:
    text: str
    where: Span
    spans: list[Span]

    def fragment(self) -> str:
        return self.text

    def fragment_range(self) -> Span:
        return self.where

    def highlighted(self) -> Sequence[Span]:
        return self.spans


def test_marks_are_the_only_markup() -> None:
    text = "<b>&'\"hit <script>"
    fragment = Fragment(text, Span(0, len(text)), [Span(6, 9)])
    expected = "&lt;b&gt;&amp;&#x27;&quot;<mark>hit</mark> &lt;script&gt;"
    assert snippet_html(text, fragment) == expected


def test_byte_ranges_in_text_that_is_not_ascii() -> None:
    text = "東京と京都 KYOTO"
    spans = [Span(0, 3), Span(3, 6), Span(9, 12), Span(16, 21)]  # 東, 京 (touching), 京, KYOTO
    fragment = Fragment(text, Span(0, len(text.encode())), spans)
    assert snippet_html(text, fragment) == (
        "<mark>東京</mark>と<mark>京</mark>都 <mark>KYOTO</mark>"
    )


def test_ellipses_where_the_text_was_cut() -> None:
    text = "before the hit and after"
    fragment = Fragment("the hit and", Span(7, 18), [Span(4, 7)])
    assert snippet_html(text, fragment) == "…the <mark>hit</mark> and…"
    assert snippet_html("x" * 200, None) == "x" * 120 + "…"
    assert snippet_html("<short>", None) == "&lt;short&gt;"
    assert snippet_html("", None) == ""


def test_merged_spans() -> None:
    data = b"ab c d efghijkl"
    spans = [(5, 6), (0, 2), (2, 3), (9, 12), (10, 11)]
    assert merged(spans, data) == [(0, 3), (5, 6), (9, 12)]
    spaced = "東\u200b\u200b京 ไ\u0e48ท".encode()  # zero-width spaces, a tone mark: one mark
    assert merged([(0, 3), (9, 12), (13, 16), (19, 22)], spaced) == [(0, 12), (13, 22)]

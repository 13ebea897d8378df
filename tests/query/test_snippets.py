from __future__ import annotations

from api.query.snippets import CLOSE, OPEN, has_match, marked, scan_snippet


def test_marked_escapes_everything_but_the_marks() -> None:
    snippet = f"<b>&'\"{OPEN}hit{CLOSE} <script>"
    assert marked(snippet) == "&lt;b&gt;&amp;&#x27;&quot;<mark>hit</mark> &lt;script&gt;"
    assert has_match(snippet)
    assert not has_match("plain")


def test_scan_snippet_marks_every_occurrence_ignoring_ascii_case() -> None:
    assert scan_snippet("東京と京都 and KYOTO", ("京", "kyoto")) == (
        "東<mark>京</mark>と<mark>京</mark>都 and <mark>KYOTO</mark>"
    )


def test_scan_snippet_windows_long_text() -> None:
    text = "x" * 100 + " <hit> " + "y" * 100
    snippet = scan_snippet(text, ("hit",), width=30)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "&lt;<mark>hit</mark>&gt;" in snippet
    assert scan_snippet("no match here", ("zzz",), width=5) == "no ma…"
    assert scan_snippet("", ("a",)) == ""

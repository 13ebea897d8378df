"""Write the golden files: Rouge's own HTML for every sample, and Rouge's language names.

    python -m tests.render.highlight.make_golden

Needs Ruby, Debian's ruby-rouge 3.30 and jekyll 4.3 (CI has none: the output is checked
in). Samples
are ``samples/<language>.txt``: snippets, each under a ``%%%% name [lang]`` line (``lang``
defaults to the file's name; an alias exercises the alias). Each snippet is recorded twice,
as fenced code gives it (ending in a newline) and as the ``{% highlight %}`` tag gives it (its
trailing line breaks stripped), in ``golden/<language>.json``. The pages of ``pages.txt``
(fenced code, code spans and ``{% highlight %}`` tags, as whole markdown pages) are built
with ``jekyll build`` and their HTML is kept in ``pages.json``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the package reads the files this script writes first
    from tests.render.highlight.parity import Oracle

HERE = Path(__file__).parent
SAMPLES = HERE / "samples"
GOLDEN = HERE / "golden"
PAGES_GOLDEN = HERE / "pages.json"
# Each pages file is built as one Jekyll site with this configuration.
PAGE_SITES: dict[str, dict[str, Any]] = {
    "pages.txt": {"markdown": "kramdown"},
    "pages_options.txt": {
        "markdown": "kramdown",
        "kramdown": {
            "syntax_highlighter_opts": {
                "guess_lang": False,
                "css_class": "code",
                "block": {"line_numbers": True, "start_line": 10},
                "span": {"line_numbers": False},
            }
        },
    },
    "pages_no_guess.txt": {"markdown": "kramdown", "kramdown": {"guess_lang": False}},
}
PACKAGE = HERE.parents[2] / "api" / "render" / "highlight"
NAMES = PACKAGE / "names.py"
WORDLISTS = PACKAGE / "lexers" / "wordlists.py"
FALLBACK = PACKAGE / "fallback_whitespace.py"
DEMOS = Path("/usr/share/ruby-rouge/demos")
# Rouge's long word lists, read from its lexer classes: (name here, Ruby expression).
_WORDLISTS = (
    ("CSS_ATTRIBUTES", "Rouge::Lexers::CSS.attributes"),
    ("CSS_BUILTINS", "Rouge::Lexers::CSS.builtins"),
    ("CSS_CONSTANTS", "Rouge::Lexers::CSS.constants"),
    ("SQL_KEYWORDS", "Rouge::Lexers::SQL.keywords"),
    ("SQL_TYPES", "Rouge::Lexers::SQL.keywords_type"),
    ("APACHE_DIRECTIVES", "Rouge::Lexers::Apache.directives"),
    ("APACHE_SECTIONS", "Rouge::Lexers::Apache.sections"),
    ("APACHE_VALUES", "Rouge::Lexers::Apache.values"),
)
_HEADER = re.compile(r"^%%%% (\S+)(?: (\S+))?\n", re.M)


def read_samples(path: Path) -> list[tuple[str, str, str]]:
    """(name, lang, code) for each snippet of a samples file."""
    text = path.read_text(encoding="utf-8")
    headers = list(_HEADER.finditer(text))
    samples = []
    for index, header in enumerate(headers):
        end = headers[index + 1].start() if index + 1 < len(headers) else len(text)
        code = text[header.end() : end]
        samples.append((header.group(1), header.group(2) or path.stem, code))
    return samples


def write_golden(oracle: Oracle) -> None:
    GOLDEN.mkdir(exist_ok=True)
    for path in sorted(SAMPLES.glob("*.txt")):
        cases = []
        for name, lang, code in read_samples(path):
            chomped = re.sub(r"[\n\r]+\Z", "", code)
            for variant, text in (("fenced", code), ("tag", chomped)):
                html = oracle(lang, text)
                assert html is not None, f"Rouge does not know {lang!r}"
                cases.append(
                    {"name": f"{name}/{variant}", "lang": lang, "code": text, "html": html}
                )
        out = GOLDEN / f"{path.stem}.json"
        out.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{out.name}: {len(cases)} cases")


def write_pages() -> None:
    """Build the pages of each ``pages*.txt`` with Jekyll (one site per file, configured as
    ``PAGE_SITES`` says) and record each page's HTML and its site's configuration.

    A page whose name ends in ``-crlf`` is written with CRLF line ends.
    """
    pages = []
    for file_name, config in PAGE_SITES.items():
        cases = [(name, code) for name, _, code in read_samples(HERE / file_name)]
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            (site / "_config.yml").write_text(json.dumps(config), encoding="utf-8")
            for name, body in cases:
                if name.endswith("-crlf"):
                    body = body.replace("\n", "\r\n")
                (site / f"{name}.md").write_bytes(f"---\nlayout: null\n---\n{body}".encode())
            subprocess.run(["jekyll", "build", "-q", "-s", tmp, "-d", f"{tmp}/_site"], check=True)
            for name, body in cases:
                html = (site / "_site" / f"{name}.html").read_text(encoding="utf-8")
                if name.endswith("-crlf"):
                    body = body.replace("\n", "\r\n")
                pages.append({"name": name, "config": config, "markdown": body, "html": html})
    PAGES_GOLDEN.write_text(json.dumps(pages, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{PAGES_GOLDEN.name}: {len(pages)} pages")


def write_names() -> None:
    script = (
        'require "rouge"; Rouge::Lexer.all.sort_by(&:tag).each { |l| '
        'puts ([l.tag] + l.aliases).join(" ") }'
    )
    listing = subprocess.run(["ruby", "-e", script], capture_output=True, text=True, check=True)
    entries = []
    for line in listing.stdout.splitlines():
        tag, *aliases = line.split()
        listed = ", ".join(repr(alias) for alias in aliases) + ("," if len(aliases) == 1 else "")
        entries.append(f"    {tag!r}: ({listed}),")
    NAMES.write_text(
        '"""Every language name Rouge 3.30 knows (its tags and aliases), as ``rougify list``'
        " prints them.\n\nGenerated by ``tests/render/highlight/make_golden.py`` from Rouge"
        ' itself; names are\ncase-sensitive, as in Rouge\'s registry."""\n\n'
        "from __future__ import annotations\n\n# tag: aliases\n"
        "LANGUAGES: dict[str, tuple[str, ...]] = {\n" + "\n".join(entries) + "\n}\n\n"
        "# every name: its tag\nTAGS: dict[str, str] = {\n"
        "    name: tag for tag, aliases in LANGUAGES.items() for name in (tag, *aliases)\n}\n",
        encoding="utf-8",
    )
    _ruff_format(NAMES)


def _ruff_format(path: Path) -> None:
    subprocess.run(
        [str(Path(sys.executable).with_name("ruff")), "format", "-q", str(path)], check=True
    )


def write_wordlists() -> None:
    script = (
        'require "rouge"; require "json"; puts JSON.generate(['
        + ", ".join(f"{expression}.to_a.sort" for _, expression in _WORDLISTS)
        + "])"
    )
    listing = subprocess.run(["ruby", "-e", script], capture_output=True, text=True, check=True)
    lists = json.loads(listing.stdout)
    body = []
    for (name, expression), words in zip(_WORDLISTS, lists, strict=True):
        lines, line = [], "   "
        for word in words:
            if len(line) + len(word) > 95:
                lines.append(line)
                line = "   "
            line += " " + word
        lines.append(line)
        text = "\n".join(lines)
        body.append(f'# {expression}\n{name} = wordset(\n    """\n{text}\n    """\n)\n')
    WORDLISTS.write_text(
        '"""Rouge 3.30\'s long word lists (CSS, SQL and Apache keywords).\n\n'
        "Generated by ``tests/render/highlight/make_golden.py`` from Rouge's lexer classes."
        '"""\n\nfrom __future__ import annotations\n\nfrom ..engine import wordset\n\n'
        + "\n".join(body),
        encoding="utf-8",
    )
    _ruff_format(WORDLISTS)


def write_fallback(oracle: Oracle) -> None:
    """Which of Rouge's languages approximated with Pygments mark white space ``w``: those
    whose Rouge demo comes out closer to Rouge's HTML that way."""
    from difflib import SequenceMatcher

    from pygments.token import Whitespace

    from api.render.highlight.fallback import pygments_lexer, short_name
    from api.render.highlight.html import TokenList, format_html
    from api.render.highlight.lexers import LEXERS
    from api.render.highlight.names import LANGUAGES

    marked = []
    for tag in sorted(LANGUAGES):
        lexer = pygments_lexer((tag, *LANGUAGES[tag]))
        demo = DEMOS / tag
        if tag in LEXERS or lexer is None or not demo.is_file():
            continue
        code = demo.read_text(encoding="utf-8", errors="replace")
        want = oracle(tag, code) or ""
        scores = []
        for mark in ("", "w"):
            tokens = TokenList()
            for _, kind, value in lexer.get_tokens_unprocessed(code):
                tokens(mark if kind is Whitespace else short_name(kind), value)
            scores.append(SequenceMatcher(None, want, format_html(tokens), False).ratio())
        if scores[1] > scores[0] + 0.02:
            marked.append(tag)
    listed = "".join(f"    {tag!r},\n" for tag in marked)
    FALLBACK.write_text(
        '"""Rouge languages approximated with Pygments whose white space is ``w``.\n\n'
        "Generated by ``tests/render/highlight/make_golden.py``: for each, Rouge's demo comes "
        'out closer to\nRouge\'s own HTML with white space marked than left plain."""\n\n'
        "from __future__ import annotations\n\n"
        f"WHITESPACE_TAGS = frozenset(\n    {{\n{listed}    }}\n)\n",
        encoding="utf-8",
    )
    _ruff_format(FALLBACK)
    print(f"{FALLBACK.name}: {len(marked)} languages")


if __name__ == "__main__":
    write_names()
    write_wordlists()
    from tests.render.highlight.parity import Oracle

    oracle = Oracle()
    write_golden(oracle)
    write_fallback(oracle)
    write_pages()

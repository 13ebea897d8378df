"""Measure highlighting parity with Rouge on the code blocks of real markdown.

    python -m tests.render.highlight.parity DIR... [--show N] [--lang LANG]

Every fenced code block and ``{% highlight %}`` tag with a language in the markdown files
under each DIR is highlighted here and by Rouge (``rouge_oracle.rb``; needs Ruby and Debian's
ruby-rouge), and the share that matches exactly is printed per language. Nothing is written;
this is a local tool for finding where the lexers still differ, not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from api.render.highlight import highlight
from api.render.highlight.names import TAGS

ORACLE = Path(__file__).with_name("rouge_oracle.rb")
_FENCE = re.compile(r"^(`{3,}|~{3,})[ \t]*([\w+#.-]+)[^\n]*\n(.*?)^\1[ \t]*$", re.M | re.S)
_TAG = re.compile(r"\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\}(.*?)\{%-?\s*endhighlight\s*-?%\}", re.S)


class Oracle:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            ["ruby", str(ORACLE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def __call__(self, lang: str, code: str) -> str | None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"lang": lang, "code": code}) + "\n")
        self.process.stdin.flush()
        html: str | None = json.loads(self.process.stdout.readline())["html"]
        return html


def blocks(root: Path) -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(root.rglob("*.md")) + sorted(root.rglob("*.markdown")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _FENCE.finditer(text):
            found.append((match.group(2), match.group(3), str(path)))
        for match in _TAG.finditer(text):
            code = re.sub(r"\A[\n\r]+|[\n\r]+\Z", "", match.group(2))
            found.append((match.group(1).lower(), code, str(path)))
    return found


def chunks(root: Path, ext: str, lang: str, lines: int) -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(root.rglob(f"*.{ext}")):
        text = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        for start in range(0, min(len(text), 20 * lines), lines):
            found.append((lang, "".join(text[start : start + lines]), f"{path}:{start + 1}"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--lang", action="append")
    parser.add_argument(
        "--files", action="append", default=[], help="EXT=LANG: chunks of source files too"
    )
    parser.add_argument("--lines", type=int, default=25, help="lines per source chunk")
    args = parser.parse_args()
    oracle = Oracle()
    total: Counter[str] = Counter()
    same: Counter[str] = Counter()
    shown = 0
    for root in args.dirs:
        sources = blocks(root)
        for spec in args.files:
            ext, _, lang = spec.partition("=")
            sources += chunks(root, ext, lang, args.lines)
        for lang, code, path in sources:
            tag = TAGS.get(lang)
            if tag is None or (args.lang and tag not in args.lang):
                continue
            want = oracle(lang, code)
            got = highlight(code, lang)
            total[tag] += 1
            if got is not None and got[0] == want:
                same[tag] += 1
            elif shown < args.show:
                shown += 1
                print(f"--- {path} [{lang}]\n{code!r}\nWANT {want}\nGOT  {got and got[0]}\n")
    for tag, count in total.most_common():
        print(f"{tag:16} {same[tag]:5}/{count:<5} {100 * same[tag] / count:6.1f}%")
    sys.exit(0)


if __name__ == "__main__":
    main()

"""Highlighting cost per code block: the Rouge-compatible lexers against Pygments.

Highlights every golden sample (``tests/render/highlight/golden/``, as fenced code gives it)
with ``api.render.highlight`` and, as the baseline measured in the same run, with the
Pygments path the renderer used before (the Pygments lexer of the same name, its HTML
formatter without a wrapper). Run it with ``python -m bench.highlight``; ``bench.render``
includes it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from pygments import format as pygments_format
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from api.render.highlight import highlight

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "render" / "highlight" / "golden"
ROUNDS = 9
# Rouge's names that Pygments spells differently.
_PYGMENTS_NAMES = {"plaintext": "text", "shell": "bash", "irb": "rbcon"}


def _samples() -> dict[str, list[tuple[str, str]]]:
    by_language: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(GOLDEN.glob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8"))
        by_language[path.stem] = [
            (case["lang"], case["code"]) for case in cases if case["name"].endswith("/fenced")
        ]
    return by_language


def _pygments(lang: str) -> Callable[[str], str]:
    name = lang.split("?", 1)[0]
    try:
        lexer = get_lexer_by_name(_PYGMENTS_NAMES.get(name, name), stripnl=False)
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    formatter = HtmlFormatter(nowrap=True)
    return lambda code: str(pygments_format(lexer.get_tokens(code), formatter))


def _seconds(blocks: list[tuple[Callable[[str], object], str]]) -> float:
    # CPU time of this process: what the other processes of a shared machine take is not ours.
    start = time.process_time()
    for run_once, code in blocks:
        run_once(code)
    return time.process_time() - start


def _best_pair(
    ours: list[tuple[Callable[[str], object], str]],
    theirs: list[tuple[Callable[[str], object], str]],
) -> tuple[float, float]:
    """The fastest of ``ROUNDS`` passes of each, taken in turns so that both see the same
    load on a shared machine."""
    best_ours = best_theirs = float("inf")
    for _ in range(ROUNDS):
        best_ours = min(best_ours, _seconds(ours))
        best_theirs = min(best_theirs, _seconds(theirs))
    return best_ours, best_theirs


def run() -> dict[str, float]:
    ours_total = pygments_total = 0.0
    count = 0
    result: dict[str, float] = {}
    for language, samples in _samples().items():
        ours = [(lambda code, lang=lang: highlight(code, lang), code) for lang, code in samples]
        theirs = [(_pygments(lang), code) for lang, code in samples]
        for run_once, code in ours + theirs:  # compile every lexer before timing
            run_once(code)
        ours_seconds, pygments_seconds = _best_pair(ours, theirs)  # type: ignore[arg-type]
        result[f"{language}_ratio_to_pygments"] = ours_seconds / pygments_seconds
        ours_total += ours_seconds
        pygments_total += pygments_seconds
        count += len(samples)
    languages = [key for key in result if key.endswith("_ratio_to_pygments")]
    worst = max(languages, key=result.__getitem__)
    result.update(
        {
            "blocks": float(count),
            "us_per_block": 1e6 * ours_total / count,
            "pygments_us_per_block": 1e6 * pygments_total / count,
            "ratio_to_pygments": ours_total / pygments_total,
        }
    )
    worst = max(
        (
            key
            for key in result
            if key.endswith("_ratio_to_pygments") and key != "ratio_to_pygments"
        ),
        key=result.__getitem__,
    )
    print(
        f"highlight: {result['us_per_block']:.0f} µs a block over {count} blocks; Pygments: "
        f"{result['pygments_us_per_block']:.0f} µs; ratio {result['ratio_to_pygments']:.2f} "
        f"(slowest language {worst.removesuffix('_ratio_to_pygments')}: {result[worst]:.2f})"
    )
    return result


if __name__ == "__main__":
    run()

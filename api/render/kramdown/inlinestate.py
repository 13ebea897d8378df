"""Span-level parsing state and driver, shaped after kramdown's ``parse_spans``.

kramdown scans for the next place where any span parser could start, tries the parsers there
in order, and lets a caller stop at a closing delimiter (``stop``) when a condition holds
(``accept``). Emphasis, links and the like backtrack when no closer is found. This driver does
the same on a markdown-it ``StateInline``: tokens are appended to ``state.tokens`` and removed
again on backtracking.

Hostile input is bounded three ways: ``MAX_NESTING`` caps how deep span elements nest
(deeper openers stay literal text); a step budget proportional to the text makes backtracking
rules give up (their delimiters stay literal) once a paragraph has cost far more than normal
text ever does; and rules that look far ahead for a closer (an HTML tag's quote, ``-->``)
draw on a scan budget the same way. Normal text never comes near either budget, so time
stays roughly linear without changing what real documents render to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from markdown_it.parser_inline import ParserInline
from markdown_it.ruler import Ruler
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.utils import EnvType

MAX_NESTING = 40
GIANT = 20_000  # characters of one paragraph (or header, cell...) beyond all real text
SpanRule = Callable[[StateInline, bool], bool]


class Frame:
    """An element whose children are being parsed: its type and first child token."""

    __slots__ = ("kind", "raw", "start")

    def __init__(self, kind: str, start: int, raw: bool = False) -> None:
        self.kind = kind
        self.start = start
        self.raw = raw


class KdInlineState(StateInline):
    def __init__(
        self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token], meta: dict[str, Any]
    ) -> None:
        super().__init__(src, md, env, tokens)
        self.stack: list[Frame] = [Frame(str(meta.get("tree", "p")), 0, bool(meta.get("raw")))]
        self.buf: list[str] = []
        self.budget = len(src) // 2 + 200_000  # scanning steps
        self.scan_budget = 8 * len(src) + 1_000_000  # characters looked ahead
        self.missing: dict[str, int] = {}  # closer -> position after which it never occurs
        # (delimiter, element, enclosing kinds) -> an opener position whose search for a
        # closer ran to the end of the text. Later openers of the same kind almost always
        # fail the same way; "almost" (kramdown's rules differ slightly inside the element
        # being searched for) is why this shortcut is kept for giant texts, where it turns
        # a run of unclosed delimiters from quadratic into linear time.
        self.unclosed: dict[tuple[str, str, tuple[str, ...]], int] = {}
        self.giant = len(src) > GIANT
        self._found: dict[str, tuple[int, int]] = {}

    # -- text and tokens ---------------------------------------------------------------
    def add_text(self, text: str) -> None:
        if text:
            self.buf.append(text)

    def flush(self) -> None:
        """Turn buffered text into a token. Adjacent text tokens are merged once, at the end
        (``merge_text``): merging here would copy ever longer strings."""
        if not self.buf:
            return
        token = Token("text", "", 0)
        token.content = "".join(self.buf)
        self.buf.clear()
        self.tokens.append(token)

    def emit(self, ttype: str, tag: str = "", nesting: int = 0) -> Token:
        self.flush()
        token = Token(ttype, tag, nesting)  # type: ignore[arg-type]
        self.tokens.append(token)
        return token

    def last_child(self) -> Token | None:
        """The current element's last child (None when it has none, a text token if text)."""
        self.flush()
        if len(self.tokens) > self.stack[-1].start:
            return self.tokens[-1]
        return None

    # -- element nesting ---------------------------------------------------------------
    @property
    def tree(self) -> str:
        return self.stack[-1].kind

    @property
    def raw(self) -> bool:
        return self.stack[-1].raw

    def context(self) -> tuple[str, ...]:
        return tuple(frame.kind for frame in self.stack)

    def inside(self, kind: str) -> bool:
        for frame in self.stack:  # noqa: SIM110 - a plain loop: this runs for every delimiter
            if frame.kind == kind:
                return True
        return False

    def can_nest(self) -> bool:
        return len(self.stack) < MAX_NESTING and self.budget > 0

    def can_scan(self, length: int) -> bool:
        """Whether a look-ahead of ``length`` characters is still affordable (and pay it)."""
        self.scan_budget -= length
        return self.scan_budget > 0

    def find_after(self, pattern: re.Pattern[str], pos: int) -> int:
        """Where ``pattern`` next matches at or after ``pos`` (-1: nowhere), remembering the
        last answer so that a run of openers searches the rest of the text only once."""
        cached = self._found.get(pattern.pattern)
        if cached is not None:
            searched_from, found_at = cached
            if searched_from <= pos and (found_at < 0 or found_at >= pos):
                return found_at
        match = pattern.search(self.src, pos, self.posMax)
        found_at = match.start() if match else -1
        self._found[pattern.pattern] = (pos, found_at)
        return found_at

    def has_after(self, closer: str, pos: int) -> bool:
        """Whether ``closer`` occurs at or after ``pos``, remembering where it stopped
        occurring so that repeated openers do not search the rest of the text again."""
        known = self.missing.get(closer)
        if known is not None and pos >= known:
            return False
        if self.src.find(closer, pos, self.posMax) >= 0:
            return True
        self.missing[closer] = pos if known is None else min(known, pos)
        return False

    def mark(self) -> tuple[int, int]:
        self.flush()
        return self.pos, len(self.tokens)

    def revert(self, mark: tuple[int, int]) -> None:
        self.buf.clear()
        self.pos = mark[0]
        del self.tokens[mark[1] :]


def kdi(state: StateInline) -> KdInlineState:
    if not isinstance(state, KdInlineState):
        raise TypeError("kramdown span rules need a KdInlineState")
    return state


class _Plan:
    __slots__ = ("rules", "scan")

    def __init__(
        self, rules: list[tuple[re.Pattern[str], SpanRule]], scan: re.Pattern[str] | None
    ) -> None:
        self.rules = rules
        self.scan = scan


class KdParserInline(ParserInline):
    """Runs kramdown span rules; each rule is registered with its start pattern."""

    def __init__(self) -> None:
        super().__init__()
        # kramdown's span parsers replace markdown-it's rules and post-processing entirely.
        self.ruler = Ruler()
        self.ruler2 = Ruler()
        self.starts: dict[str, tuple[re.Pattern[str], str]] = {}
        self._plans: dict[tuple[tuple[str, ...] | None, str | None], _Plan] = {}

    def add_rule(self, name: str, rule: SpanRule, start: re.Pattern[str], span_start: str) -> None:
        """Register ``rule``; ``start`` must match where it applies, ``span_start`` is the
        regex source that finds candidate positions (it may match one character early)."""
        self.ruler.push(name, rule)
        self.starts[name] = (start, span_start)
        self._plans.clear()

    def plan(self, names: Sequence[str] | None, stop: re.Pattern[str] | None) -> _Plan:
        key = (tuple(names) if names is not None else None, stop.pattern if stop else None)
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = self._make_plan(names, stop)
        return found

    def _make_plan(self, names: Sequence[str] | None, stop: re.Pattern[str] | None) -> _Plan:
        active = self.ruler.get_active_rules()
        by_name = dict(zip(active, self.ruler.getRules(""), strict=True))
        chosen = [name for name in active if names is None or name in names]
        rules = [(self.starts[name][0], by_name[name]) for name in chosen]
        starts = [self.starts[name][1] for name in chosen]
        if stop is not None:
            starts.insert(0, stop.pattern)
        scan = re.compile("(?=" + "|".join(starts) + ")", re.M | re.S) if starts else None
        return _Plan(rules, scan)

    def parse(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> list[Token]:
        return self.parse_meta(src, md, env, tokens, {})

    def parse_meta(
        self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token], meta: dict[str, Any]
    ) -> list[Token]:
        state = KdInlineState(src, md, env, tokens, meta)
        parse_spans(state)
        state.flush()
        tokens[:] = merge_text(tokens)
        return tokens


def parse_spans(
    state: KdInlineState,
    stop: re.Pattern[str] | None = None,
    accept: Callable[[], bool] | None = None,
    names: Sequence[str] | None = None,
) -> bool:
    """kramdown's parse_spans: True when ``stop`` matched (and ``accept`` agreed)."""
    parser = state.md.inline
    assert isinstance(parser, KdParserInline)
    plan = parser.plan(names, stop)
    src = state.src
    end = state.posMax
    found = False
    while state.pos < end and not found:
        match = plan.scan.search(src, state.pos, end) if plan.scan is not None else None
        if match is None:
            if stop is None:
                state.add_text(src[state.pos : end])
                state.pos = end
            break
        start = match.start()
        state.budget -= 1
        if start > state.pos:
            state.add_text(src[state.pos : start])
            state.pos = start
        if stop is not None and stop.match(src, state.pos, end):
            found = accept() if accept is not None else True
        if found:
            break
        for start_re, rule in plan.rules:
            if start_re.match(src, state.pos, end):
                before = state.pos
                if not rule(state, False):
                    continue  # the cheap start pattern matched but the rule did not
                if state.pos <= before:  # a rule that consumed nothing must not stall the scan
                    state.add_text(src[before])
                    state.pos = before + 1
                break
        else:
            state.add_text(src[state.pos])
            state.pos += 1
    return found


def merge_text(tokens: list[Token]) -> list[Token]:
    """Adjacent text tokens joined into one, as kramdown keeps a single text node."""
    merged: list[Token] = []
    pending: list[Token] = []

    def close() -> None:
        if len(pending) > 1:
            pending[0].content = "".join(token.content for token in pending)
        if pending:
            merged.append(pending[0])
            pending.clear()

    for token in tokens:
        if token.type == "text":
            pending.append(token)
        else:
            close()
            merged.append(token)
    close()
    return merged

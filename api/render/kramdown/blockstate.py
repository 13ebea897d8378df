"""Block-level parsing state and driver, shaped after kramdown's own parser.

kramdown parses a container (the document, a blockquote, a list item, an HTML element with
``markdown="1"``...) by trying its block parsers, in order, at the start of each line, and later
decisions look at the container's children so far (was the last one a blank line? a
paragraph?). ``KdBlockState`` keeps that list of children (``kids``) next to the markdown-it
tokens of the container, so each block rule can be a small port of its kramdown counterpart
while emitting ordinary markdown-it tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from . import patterns as p
from .attributes import IAL

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.utils import EnvType

# Deeper containers than this are rendered as plain paragraphs: hostile input with thousands
# of nested quotes or lists must neither exhaust Python's stack nor take quadratic time.
MAX_DEPTH = 48


class Kid:
    """One child of the container being parsed, as kramdown's ``@tree.children`` holds it."""

    __slots__ = ("ial", "inline", "kind", "options", "start", "token", "value")

    def __init__(self, kind: str, start: int, token: Token | None = None, value: str = "") -> None:
        self.kind = kind
        self.start = start  # index of the kid's first token in its container's token list
        self.token = token
        self.value = value
        self.ial: IAL | None = None
        self.inline: Token | None = None
        self.options: dict[str, Any] = {}

    def ensure_ial(self) -> IAL:
        if self.ial is None:
            self.ial = {}
            if self.token is not None:
                self.token.meta["ial"] = self.ial
        return self.ial


class KdBlockState(StateBlock):
    def __init__(
        self,
        src: str,
        md: MarkdownIt,
        env: EnvType,
        tokens: list[Token],
        depth: int = 0,
        html: tuple[str, str] | None = None,
    ) -> None:
        # StateBlock would index every line of src; this parser works on offsets instead.
        super().__init__("", md, env, tokens)
        self.src = src
        self.pos = 0
        self.kids: list[Kid] = []
        self.block_ial: IAL | None = None
        self.depth = depth
        self.html = html  # (tag, content model) when this container is an HTML element
        self.stop = False

    def child(self, src: str, html: tuple[str, str] | None = None) -> KdBlockState:
        return KdBlockState(src, self.md, self.env, [], self.depth + 1, html)

    @property
    def last(self) -> Kid | None:
        return self.kids[-1] if self.kids else None

    def add(
        self, kind: str, token: Token | None = None, value: str = "", take_ial: bool = True
    ) -> Kid:
        """Add a block child, giving it a pending block IAL (kramdown's new_block_el).

        kramdown creates comments and raw ``nomarkdown`` blocks without that step, so a
        block IAL before them passes on to the next block (``take_ial=False``).
        """
        kid = Kid(kind, len(self.tokens), token, value)
        if token is not None:
            token.block = True
            self.tokens.append(token)
        if take_ial and self.block_ial is not None:
            kid.ial = self.block_ial
            if token is not None:
                token.meta["ial"] = kid.ial
            self.block_ial = None
        self.kids.append(kid)
        return kid

    def push(self, ttype: str, tag: str, nesting: int) -> Token:
        token = Token(ttype, tag, nesting)  # type: ignore[arg-type]
        token.block = True
        self.tokens.append(token)
        return token

    def after_block_boundary(self) -> bool:
        last = self.last
        return (
            last is None
            or last.kind == "blank"
            or (last.kind == "eob" and last.value == "")
            or self.block_ial is not None
        )

    def before_block_boundary(self) -> bool:
        return p.BLOCK_BOUNDARY.match(self.src, self.pos) is not None


def kd(state: StateBlock) -> KdBlockState:
    if not isinstance(state, KdBlockState):
        raise TypeError("kramdown block rules need a KdBlockState")
    return state


def run_blocks(state: KdBlockState) -> bool:
    """Parse blocks from ``state.pos`` on; True when a closing HTML tag ended the container."""
    saved_ial = state.block_ial
    state.block_ial = None
    rules = state.md.block.ruler.getRules("")
    src = state.src
    end = len(src)
    found = False
    while state.pos < end:
        before = state.pos
        for rule in rules:
            if rule(state, 0, 0, False):
                break
        if state.stop:
            state.stop = False
            found = True
            break
        if state.pos <= before:
            _unparsed_line(state, before)
    state.block_ial = saved_ial
    return found


def _unparsed_line(state: KdBlockState, start: int) -> None:
    """A line no block rule takes (one starting with a space and a tab, say): kramdown adds
    it to the container as bare text, outside any paragraph, joined to such text before."""
    line_end = state.src.find("\n", start)
    state.pos = len(state.src) if line_end < 0 else line_end + 1
    text = state.src[start : state.pos]
    last = state.last
    if last is not None and last.kind == "text" and last.inline is not None:
        last.inline.content += text
        return
    inline = Token("inline", "", 0)
    inline.content = text
    inline.children = []
    inline.meta["tree"] = "text"
    kid = Kid("text", len(state.tokens), inline)
    kid.inline = inline
    state.tokens.append(inline)
    state.kids.append(kid)


def parse_text(state: KdBlockState, text: str, html: tuple[str, str] | None = None) -> KdBlockState:
    """Parse ``text`` as the body of a new container and return its state."""
    if not text.endswith("\n"):
        text += "\n"
    child = state.child(text, html)
    run_blocks(child)
    return child


def splice(state: KdBlockState, child: KdBlockState) -> None:
    state.tokens.extend(child.tokens)


def paragraph_tokens(state: KdBlockState, text: str) -> Kid:
    """Add a paragraph whose raw text is ``text`` (span parsing happens later)."""
    open_token = Token("paragraph_open", "p", 1)
    kid = state.add("p", open_token)
    inline = state.push("inline", "", 0)
    inline.content = text
    inline.children = []
    inline.block = False
    kid.inline = inline
    state.push("paragraph_close", "p", -1)
    return kid


class KdParserBlock(ParserBlock):
    """A block parser whose rules follow kramdown: it parses from offsets, not line marks."""

    def parse(
        self, src: str, md: MarkdownIt, env: EnvType, outTokens: list[Token]
    ) -> list[Token] | None:
        if not src:
            return None
        state = KdBlockState(src, md, env, outTokens)
        run_blocks(state)
        return state.tokens

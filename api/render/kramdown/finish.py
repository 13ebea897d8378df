"""What kramdown adds once the body is converted: the footnotes and the table of contents."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType

from .document import TocItem, doc
from .entities import entity_to_str
from .escape import escape_text, html_attributes
from .html import PLACEHOLDER, render_state, renderer_of
from .walk import matching_open

_BACKLINK = '{}<a href="#fnref:{}" class="reversefootnote" role="doc-backlink">{}</a>'


def finish(md: MarkdownIt, html: str, env: EnvType) -> str:
    state = render_state(env)
    notes = _footnotes(md, env)
    marker = PLACEHOLDER.format("footnotes")
    html = html.replace(marker, notes, 1) if marker in html else html + notes
    if "toc" in state.placeholders:
        token = state.placeholders["toc"]
        html = html.replace(PLACEHOLDER.format("toc"), _toc(md, env, token), 1)
    return html


def _raw(content: str) -> Token:
    token = Token("kd_raw", "", 0)
    token.content = content
    return token


def _footnotes(md: MarkdownIt, env: EnvType) -> str:
    document = doc(env)
    options = document.options
    state = render_state(env)
    nbsp = entity_to_str(0xA0, None, options.entity_output)
    backlink_text = escape_text(options.footnote_backlink)
    items: list[str] = []
    index = 0
    while index < len(state.footnotes):  # footnotes may refer to further footnotes
        key = state.footnotes[index]
        index += 1
        footnote = document.footnotes[key]
        name = options.footnote_prefix + key
        tokens = list(footnote.tokens)
        inline = None
        if options.footnote_backlink_inline or _last_is(tokens, "paragraph_close"):
            inline = _descend_to_paragraph(tokens)
        links: list[Token] = []
        if options.footnote_backlink:
            space = nbsp if inline is not None else ""
            links.append(_raw(_BACKLINK.format(space, name, backlink_text)))
            for number in range(1, state.footnote_repeats.get(key, 0) + 1):
                text = f"{backlink_text}<sup>{number + 1}</sup>"
                links.append(_raw(_BACKLINK.format(nbsp, f"{name}:{number}", text)))
        if inline is not None:
            inline.children = [*(inline.children or []), *links]
        else:
            para = Token("inline", "", 0)
            para.children = links
            tokens += [Token("paragraph_open", "p", 1), para, Token("paragraph_close", "p", -1)]
        body = md.renderer.render(tokens, md.options, env)
        items.append(f'<li id="fn:{name}" role="doc-endnote">\n{body}</li>\n')
    if not items:
        return ""
    start = f' start="{options.footnote_nr}"' if options.footnote_nr != 1 else ""
    return (
        f'<div class="footnotes" role="doc-endnotes">\n<ol{start}>\n{"".join(items)}</ol>\n</div>\n'
    )


def _last_is(tokens: list[Token], kind: str) -> bool:
    return bool(tokens) and tokens[-1].type == kind


def _descend_to_paragraph(tokens: list[Token]) -> Token | None:
    """The inline content of the last paragraph or header reached by always descending into
    the last child (kramdown's search for where the backlink goes)."""
    start, end = 0, len(tokens)
    while start < end:
        open_index = end - 1
        if tokens[open_index].nesting == -1:
            open_index = matching_open(tokens, end - 1)
        opener = tokens[open_index]
        if opener.type in ("paragraph_open", "heading_open"):
            return tokens[open_index + 1]
        if opener.nesting != 1:
            return None
        start, end = open_index + 1, end - 1
    return None


def _toc(md: MarkdownIt, env: EnvType, placeholder: Token) -> str:
    entries = doc(env).toc
    if not entries:
        return ""
    attrs = dict(placeholder.attrs)
    attrs.setdefault("id", "markdown-toc")
    tag = placeholder.tag
    prefix = str(attrs["id"])
    return f"<{tag}{html_attributes(attrs)}>\n{_toc_items(md, env, entries, tag, prefix)}</{tag}>\n"


def _toc_items(md: MarkdownIt, env: EnvType, entries: list[TocItem], tag: str, prefix: str) -> str:
    """Nest entries by level the way kramdown's generate_toc_tree does."""
    roots: list[tuple[TocItem, list[object]]] = []
    stack: list[tuple[TocItem, list[object]]] = []
    for entry in entries:
        node: tuple[TocItem, list[object]] = (entry, [])
        while stack and stack[-1][0].level >= entry.level:
            stack.pop()
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)

    def render(nodes: list[object]) -> str:
        out = []
        for node in nodes:
            assert isinstance(node, tuple)
            entry, children = node
            link = (
                f'<a href="#{entry.id}" id="{prefix}-{entry.id}">{_entry_html(md, env, entry)}</a>'
            )
            nested = f"<{tag}>\n{render(children)}</{tag}>\n" if children else ""
            out.append(f"<li>{link}{nested}</li>\n")
        return "".join(out)

    return render(list(roots))


def _entry_html(md: MarkdownIt, env: EnvType, entry: TocItem) -> str:
    tokens = [t for t in entry.tokens if t.type not in ("footnote_ref", "link_open", "link_close")]
    return renderer_of(md).renderInline(tokens, md.options, env)

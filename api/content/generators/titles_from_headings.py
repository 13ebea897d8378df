"""jekyll-titles-from-headings: a page without a title takes it from its first heading.

The heading must open the page (only blank lines before it): ``# Title`` to ``### Title``,
or a Setext heading. Its text is converted as markdown, stripped of HTML and footnote
references, and its whitespace collapsed, so ``# Use `brew` & co`` gives ``Use brew &amp;
co`` exactly as the plugin gives it. ``titles_from_headings: {strip_title: true}`` (or a
page's own ``strip_title``) also removes the heading from the body; ``collections: true``
does the same for the documents Jekyll writes, whose heading then wins even over a
``title`` in their front matter. ``enabled: false`` turns it off.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from api.content import plugins
from api.content.config import SiteConfig
from api.content.model import Document, Kind

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# The plugin's TITLE_REGEX, with Ruby's line anchors and whitespace class.
_S = r"[ \t\r\n\f\v]"
TITLE = re.compile(rf"\A{_S}*(?:\#{{1,3}}{_S}+(.*)(?:{_S}+\#{{1,3}})?|(.*)\r?\n[-=]+{_S}*)$", re.M)
_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_TAGS = re.compile(r"<.*?>", re.S)
_FOOTNOTE = re.compile(r"\[\^[^\]]*\]")
_SPACES = re.compile(rf"{_S}+")


def titles_from_headings(documents: list[Document], config: SiteConfig) -> list[Document]:
    if plugins.TITLES_FROM_HEADINGS not in config.plugins:
        return documents
    if plugins.plugin_option(config.raw, "titles_from_headings", "enabled") is False:
        return documents
    collections = plugins.plugin_option(config.raw, "titles_from_headings", "collections")
    strip_default = plugins.plugin_option(config.raw, "titles_from_headings", "strip_title")
    markdownify = _markdownify(config)
    result = []
    for doc in documents:
        if _applies(doc, config, collections is True):
            doc = _titled(doc, markdownify, strip_default is True)
        result.append(doc)
    return result


def _applies(doc: Document, config: SiteConfig, collections: bool) -> bool:
    if not doc.source_path.lower().endswith(config.markdown_ext):
        return False
    if doc.kind is Kind.PAGE:
        return doc.data.get("title") is None
    # A document's title is "inferred" from its file name, so the heading replaces it.
    return collections and doc.output


def _titled(doc: Document, markdownify: Callable[[str], str], strip_default: bool) -> Document:
    match = TITLE.match(doc.body)
    if match is None:
        # The plugin still sets the title it found: none.
        return replace(doc, data={**doc.data, "title": doc.data.get("title")})
    heading = match.group(1) if match.group(1) is not None else match.group(2)
    title = strip_markup(heading, markdownify)
    strip = doc.data.get("strip_title", strip_default) is True
    body = TITLE.sub("", doc.body, count=1).strip() if strip else doc.body
    data: dict[str, Any] = {**doc.data, "title": title}
    return replace(doc, title=title, data=data, body=body)


def strip_markup(text: str, markdownify: Callable[[str], str]) -> str:
    html = _TAGS.sub("", _BLOCKS.sub("", markdownify(text)))
    return _FOOTNOTE.sub("", _SPACES.sub(" ", html).strip())


def _markdownify(config: SiteConfig) -> Callable[[str], str]:
    key = json.dumps(dict(config.kramdown), sort_keys=True, default=str)
    return lambda text: _convert(key, text)


# Headings converted once for all reloads: a reload re-runs the plugin over every page.
@lru_cache(maxsize=16384)
def _convert(options: str, text: str) -> str:
    from api.render.kramdown import render_markdown

    return render_markdown(_markdown(options), text)


@lru_cache(maxsize=8)
def _markdown(options: str) -> MarkdownIt:
    # The renderer's modules load only for sites that use the plugin.
    from api.render.kramdown import KramdownOptions, create_markdown

    return create_markdown(KramdownOptions.from_config(json.loads(options)))

"""Files without front matter that Jekyll still makes documents of.

A post or a draft needs no front matter at all. With jekyll-optional-front-matter, a
markdown file without front matter is a page, where Jekyll would otherwise copy it as a
static file; the plugin leaves out README, LICENSE, CONTRIBUTING... (any case) unless the
site's ``include`` names them, and is off with ``optional_front_matter: {enabled: false}``
or ``require_front_matter: true``. It works on Jekyll's static files, so a collection's
markdown file without front matter becomes a page too (at ``/_docs/x.html``). With
jekyll-readme-index, a README without front matter may become its folder's index:
``readme_index`` decides once every file is read.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

from api.content import plugins
from api.content.config import SiteConfig
from api.content.discovery import Static, is_included
from api.content.documents import Origin
from api.content.frontmatter import Source
from api.content.model import Kind
from api.content.statics import static_url

#: Names the plugin leaves as static files (compared in upper case, without extension).
BLACKLIST = frozenset(
    {
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CODE_OF_CONDUCT",
        "CONTRIBUTING",
        "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    }
)
README = re.compile(r"(?:^|/)readme(\.[^./]+)$", re.I)


def adopt(origin: Origin, text: str, config: SiteConfig) -> tuple[Origin, Source] | None:
    """The origin and source to build a document from a file that has no front matter, or
    None when Jekyll copies it as a static file."""
    if origin.kind is Kind.POST or origin.kind is Kind.DRAFT:
        return origin, Source({}, text, 1)
    ext = posixpath.splitext(origin.path)[1].lower()
    if ext not in config.markdown_ext:
        return None
    stem = posixpath.splitext(posixpath.basename(origin.path))[0]
    listed = stem.upper() in BLACKLIST and not is_included(config, origin.path)
    if enabled(config) and not listed:
        return _as_page(origin), Source({}, text, 1)
    readme = README.search(origin.path)
    if readme and readme.group(1).lower() in config.markdown_ext and readme_index_on(config):
        url = static_url(Static(origin.path, origin.label, origin.inner), config)
        if url is None:
            return None
        # jekyll-readme-index makes the static file a page with this permalink.
        permalink = posixpath.dirname(url) + "/"
        return _as_page(origin), Source({"permalink": permalink}, text, 1)
    return None


def enabled(config: SiteConfig) -> bool:
    if plugins.OPTIONAL_FRONT_MATTER not in config.plugins:
        return False
    switch = plugins.plugin_option(config.raw, "optional_front_matter", "enabled")
    return switch is not False and not config.raw.get("require_front_matter")


def readme_index_on(config: SiteConfig) -> bool:
    if plugins.README_INDEX not in config.plugins:
        return False
    return plugins.plugin_option(config.raw, "readme_index", "enabled") is not False


def _as_page(origin: Origin) -> Origin:
    if origin.kind is Kind.PAGE:
        return origin
    return replace(
        origin, kind=Kind.PAGE, label=None, inner=origin.path, collection=None, categories=()
    )

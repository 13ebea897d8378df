"""What the supported Jekyll plugins change about documents once every file is read.

Jekyll runs its generators after reading the site, by priority: jekyll-readme-index
(``low``), then jekyll-titles-from-headings, jekyll-relative-links and
jekyll-default-layout (``lowest``). jekyll-optional-front-matter works earlier here, as each
file is read (``optional_front_matter``). Each plugin is a module of its own; each does
nothing unless the site turns it on (``api.content.plugins``).
"""

from __future__ import annotations

from collections.abc import Mapping

from api.content.config import SiteConfig
from api.content.generators.default_layout import default_layout
from api.content.generators.readme_index import readme_index
from api.content.generators.relative_links import relative_links
from api.content.generators.titles_from_headings import titles_from_headings
from api.content.model import Document


def generate(
    documents: list[Document],
    static_urls: Mapping[str, str],
    config: SiteConfig,
    layouts: frozenset[str],
) -> tuple[list[Document], list[str]]:
    """The documents as the plugins leave them, and the paths of READMEs that turned out
    to be static files after all."""
    documents, static_readmes = readme_index(documents, static_urls, config)
    documents = titles_from_headings(documents, config)
    documents = relative_links(documents, static_urls, config)
    documents = default_layout(documents, config, layouts)
    return documents, static_readmes

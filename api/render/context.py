"""What the renderer needs to know about the site and the page being rendered.

The content core builds one ``SiteContext`` per snapshot and one ``PageContext`` per
document; the renderer never touches the filesystem except through ``includes_dir``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class SiteContext:
    """Site-wide inputs of rendering.

    ``config`` is ``_config.yml`` after Jekyll's defaults (it is ``site.*`` in Liquid, along
    with ``data``). ``kramdown`` is the raw ``kramdown:`` mapping of the config.
    ``documents`` maps a collection label (and ``"pages"``/``"posts"``) to the front matter of
    its documents, as Liquid's ``site.<label>`` sees them; it is called lazily because most
    pages never ask for it.
    ``resolve_link`` maps a source path (as written in ``{% link %}``) to its URL, and
    ``resolve_post_url`` maps a post name (``2020-01-02-title``) to its URL; both return None
    when nothing matches.
    """

    config: Mapping[str, Any] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    kramdown: Mapping[str, Any] = field(default_factory=dict)
    includes_dir: Path | None = None
    documents: Callable[[], Mapping[str, Sequence[Mapping[str, Any]]]] = dict
    resolve_link: Callable[[str], str | None] = lambda _path: None
    resolve_post_url: Callable[[str], str | None] = lambda _name: None
    labels: frozenset[str] = frozenset()  # the collections' labels (``site.<label>``)
    plugins: frozenset[str] = frozenset()  # the Jekyll plugins the site turns on
    #: Files pages include relative to themselves, by path from the site root: their text.
    relative_includes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PageContext:
    """One document to render.

    ``page`` is what Liquid sees as ``page.*`` (front matter after defaults, plus ``url``,
    ``slug``, ``collection``, ``date``, ``path``...). ``body_line`` is the 1-based line of the
    source file on which ``body`` starts, so diagnostics can point at the right line.
    """

    source_path: str
    body: str
    page: Mapping[str, Any]
    body_line: int = 1
    render_liquid: bool = True
    #: Converted from markdown (a markdown file); otherwise the Liquid output is the HTML,
    #: as Jekyll writes an ``.html`` page.
    markdown: bool = True

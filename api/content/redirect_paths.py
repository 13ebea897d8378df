"""Where an old URL finally leads: through ``redirect_from`` aliases and ``redirect_to``
documents, hop by hop, to a page of the site or to a URL elsewhere.

A URL is looked up as ``find`` looks up pages (:meth:`Snapshot.url_candidates`: with or
without the site's host, ``baseurl``, trailing ``/`` or ``index.html``). A document at the
URL comes before an alias of the same path. Chains are followed up to :data:`MAX_HOPS`, and
a chain that comes back to a document it passed is a loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.content.diagnostics import Diagnostic, warning
from api.content.model import Document
from api.content.redirects import (
    RedirectMap,
    is_redirect,
    on_site,
    page_target,
    redirect_target,
    target_url,
)
from api.content.snapshot import Snapshot
from api.content.urlnorm import is_absolute

MAX_HOPS = 16


@dataclass(frozen=True, slots=True)
class Destination:
    """The end of a URL's redirects: a page of the site (``doc``), or an absolute ``url``
    elsewhere (another host, or a file of the site that is no page). Neither when the chain
    loops or ends at a site path that can be made absolute only with a site ``url``.

    ``hops`` lists the targets passed through, in order; none means the URL is a page's own.
    """

    doc: Document | None
    url: str | None
    hops: tuple[str, ...]
    loop: bool = False

    @property
    def moved(self) -> bool:
        return bool(self.hops)


def resolve(snapshot: Snapshot, redirects: RedirectMap, url: str) -> Destination | None:
    """Where ``url`` leads, or None when it is neither a page's URL nor a redirect."""
    config = snapshot.config
    hops: list[str] = []
    seen: set[str] = set()
    current = url
    for _ in range(MAX_HOPS):
        candidates = snapshot.url_candidates(current)
        doc = next((d for c in candidates if (d := snapshot.by_url.get(c)) is not None), None)
        if doc is None:
            alias = redirects.alias(candidates)
            if alias is None:
                if not hops:
                    return None
                ending = current if is_absolute(current) else None
                return Destination(None, ending, tuple(hops))
            doc = alias.doc
            hops.append(page_target(doc, config))
        if doc.id in seen:
            return Destination(None, None, tuple(hops), loop=True)
        seen.add(doc.id)
        target = redirect_target(doc.data) if is_redirect(doc) else None
        if target is None:
            return Destination(doc, None, tuple(hops))
        absolute = target_url(target, config)
        hops.append(absolute)
        if not on_site(absolute, config):
            return Destination(None, absolute, tuple(hops))
        current = absolute
    return Destination(None, None, tuple(hops), loop=True)


def diagnose(snapshot: Snapshot, redirects: RedirectMap) -> list[Diagnostic]:
    """Aliases hidden by a page at the same URL, and redirect chains that loop."""
    problems: list[Diagnostic] = []
    reported: set[tuple[str, str]] = set()
    for key, alias in redirects.aliases.items():
        page = snapshot.by_url.get(key)
        if page is None or page.id == alias.doc.id or (alias.path, page.id) in reported:
            continue
        reported.add((alias.path, page.id))
        message = (
            f"`redirect_from: {alias.path}` is also the URL of {page.source_path}; `find` "
            "answers that page, and Jekyll writes one of the two files over the other."
        )
        problems.append(warning(alias.doc.source_path, "redirect-shadowed", message))
    for doc in snapshot.documents:
        if is_redirect(doc):
            found = resolve(snapshot, redirects, doc.url)
            if found is not None and found.loop:
                chain = " → ".join((doc.url, *found.hops))
                message = f"This redirect never reaches a page: {chain}."
                problems.append(warning(doc.source_path, "redirect-loop", message))
    return problems

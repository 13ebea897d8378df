"""A snapshot with everything derived from it: rendered pages, timelines, neighbours, queries.

``Site`` is the pure core the HTTP layer serves from. It is built once per snapshot (in the
background), never changes what it has answered, and memoizes the work it does lazily.
"""

from __future__ import annotations

from api.site.site import PageView, Site, SiteOptions

__all__ = ["PageView", "Site", "SiteOptions"]

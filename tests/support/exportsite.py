"""A small site that has every kind of resource the export writes."""

from __future__ import annotations

from pathlib import Path

from tests.http.conftest import SITE
from tests.support.sites import page, write_site

CSV = (
    Path(__file__).resolve().parents[2] / "content/_data/timelines/icc-milestones.csv"
).read_text(encoding="utf-8")

FILES: dict[str, str | bytes] = {
    **SITE,
    "_data/timelines/icc-milestones.csv": CSV,
    "_cases/milestones.md": page(
        "title: Milestones\norder: 3\ntimeline_data: _data/timelines/icc-milestones.csv\n"
        "redirect_from: [/milestones/, old/milestones.html, /vieux café/]"
    ),
    # Redirects themselves: listed nowhere, but their page resources are exported.
    "_cases/moved.md": page("title: Moved\nredirect_to: /cases/case/lubanga/"),
    "_cases/gone.md": page("title: Gone\nredirect_to: https://elsewhere.example/a page"),
    # Enough pages for three pages of results at the default size of 20.
    **{
        f"_posts/2021-01-{day:02d}-post-{day}.md": page(f"title: Post {day}\ntags: [news]")
        for day in range(1, 26)
    },
    "_cases/naïve café.md": page("title: Unicode & spaces"),
}


def write(root: Path) -> Path:
    return write_site(root, FILES)

"""Make ``examples.json``: the responses the API serves for the bundled site, asked in
process through every layer (as the static export asks), long texts abridged.

``python -m api.http.examplegen [CONTENT_DIR] [--out FILE]`` (``make openapi`` runs it).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from api.http import inprocess
from api.http.app import create_app
from api.http.examples import (
    EXAMPLES_FILE,
    EXPANDED_LIST_QUERY,
    MILESTONES_ID,
    SEED_ID,
    SEED_URL,
)
from api.settings import Settings

CONTENT = Path(__file__).resolve().parents[2] / "content"
#: Longer texts are cut at a word and end with an ellipsis, so the docs stay readable.
LONGEST = 160
ABRIDGED = frozenset({"html", "excerpt", "plaintext", "content_html"})
#: A file with broken front matter, added to a copy of the site for the diagnostics example.
BROKEN = ("_about-the-icc/draft.md", "---\ntitle: [unfinished\n---\nText.\n")


def collect(content: Path = CONTENT) -> dict[str, Any]:
    """Every example, from an app over ``content`` (and, for the diagnostics, a copy of it
    with one broken file)."""
    answers = asyncio.run(_answers(content, _requests()))
    with tempfile.TemporaryDirectory() as scratch:
        broken = Path(scratch) / "site"
        shutil.copytree(content, broken)
        (broken / BROKEN[0]).write_text(BROKEN[1], encoding="utf-8")
        diagnostics = asyncio.run(_answers(broken, {"diagnostics": "/api/v1/diagnostics"}))
    return _examples({**answers, **diagnostics})


def _requests() -> dict[str, str]:
    return {
        "page": f"/api/v1/pages/{SEED_ID}",
        "pages": "/api/v1/pages?collection=about-the-icc&limit=1",
        "expanded": f"/api/v1/pages?{EXPANDED_LIST_QUERY}",
        "milestones": f"/api/v1/pages/{MILESTONES_ID}",
        "html": f"/api/v1/pages/{SEED_ID}/html",
        "timeline": f"/api/v1/pages/{SEED_ID}/timeline",
        "timeline_data": f"/api/v1/pages/{MILESTONES_ID}/timeline/data",
        "timelines": "/api/v1/timelines?limit=1",
        "search": "/api/v1/search?q=rome+statute&limit=1",
        "find": f"/api/v1/find?url={SEED_URL}",
        "redirects": "/api/v1/redirects",
        "collections": "/api/v1/collections",
        "oembed": f"/oembed?url={SEED_URL}",
        "oembed_xml": f"/oembed?url={SEED_URL}&format=xml",
        "json_feed": "/feed.json",
        "atom": "/feed.xml",
        "sitemap": "/sitemap.xml",
        "health": "/healthz",
        "ready": "/readyz",
        "problem": "/api/v1/pages/about-the-icc/nope",
    }


async def _answers(content: Path, requests: dict[str, str]) -> dict[str, inprocess.Answer]:
    app = create_app(Settings(content_dir=content, hosted_embeds=False), start=False)
    served = app.state.runtime.load()
    served.store.warm(lambda: False)  # the search index too, before the first search
    found = {}
    for name, target in requests.items():
        path, _, query = target.partition("?")
        found[name] = await inprocess.get(app, path, query)
    return found


def _examples(answers: dict[str, inprocess.Answer]) -> dict[str, Any]:
    def body(name: str) -> Any:
        return json.loads(answers[name].body)

    def text(name: str) -> str:
        return answers[name].body.decode("utf-8")

    page = _abridged(body("page"))
    pages = _abridged(body("pages"))
    data = body("timeline_data")
    data["events"] = data["events"][:1]
    schemas = {
        "Page": page,
        "PageItem": pages["data"][0],
        "PageList": [pages, body("expanded")],
        "PageRef": body("milestones")["references"]["related"][0],
        "TimelineEmbed": body("timeline"),
        "TimelineList": body("timelines"),
        "SearchResults": body("search"),
        "Found": body("find"),
        "RedirectMap": body("redirects"),
        "CollectionList": body("collections"),
        "DiagnosticList": body("diagnostics"),
        "OEmbed": body("oembed"),
        "JsonFeed": _abridged(body("json_feed")),
        "Health": body("health"),
        "Ready": body("ready"),
        "Problem": body("problem"),
    }
    return {
        # Each schema's examples, a list (most have one).
        "schemas": {
            name: found if isinstance(found, list) else [found] for name, found in schemas.items()
        },
        "responses": {
            "getPageHtml": {"200": {"text/html": _cut(text("html"))}},
            "getPageTimelineData": {"200": {"application/json": data}},
            "getOembed": {"200": {"text/xml": text("oembed_xml")}},
            "getAtomFeed": {
                "200": {"application/atom+xml": text("atom"), "text/xml": text("atom")}
            },
            "getSitemap": {
                "200": {"application/xml": text("sitemap"), "text/xml": text("sitemap")}
            },
        },
    }


def _abridged(value: Any) -> Any:
    """``value`` with its long texts (``ABRIDGED`` keys) cut."""
    if isinstance(value, dict):
        return {
            key: _cut(item) if key in ABRIDGED and isinstance(item, str) else _abridged(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_abridged(item) for item in value]
    return value


def _cut(text: str) -> str:
    if len(text) <= LONGEST:
        return text
    head = text[:LONGEST].rsplit(" ", 1)[0]
    return head + " …"


def main(argv: list[str]) -> int:
    args = list(argv)
    out = EXAMPLES_FILE
    if "--out" in args:
        at = args.index("--out")
        out = Path(args[at + 1])
        del args[at : at + 2]
    content = Path(args[0]) if args else CONTENT
    text = json.dumps(collect(content), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

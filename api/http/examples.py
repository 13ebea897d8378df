"""OpenAPI examples, taken from the seed page so the docs show real content."""

from __future__ import annotations

from typing import Any

from api.timeline import parse_timeline

SEED_ID = "about-the-icc/the-us-icc-relationship"
SEED_TIMELINE = (
    "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?"
    "source=0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc&font=Bevan-PotanoSans"
    "&maptype=toner&lang=en&height=900"
)
SEED_HTML = (
    "<p>The United States (US) historically has been and continues to be an an ardent "
    "supporter of international criminal justice, …</p>\n"
)


SEED_URL = "/about-the-icc/the-us-icc-relationship/"
SEED_REF: dict[str, Any] = {
    "id": SEED_ID,
    "collection": "about-the-icc",
    "title": "The US-ICC Relationship",
    "url": SEED_URL,
}
#: The page of content/ that refers to the seed page (``related:``, declared in _config.yml).
MILESTONES_REF: dict[str, Any] = {
    "id": "about-the-icc/icc-milestones",
    "collection": "about-the-icc",
    "title": "ICC Milestones",
    "url": "/about-the-icc/icc-milestones/",
}
#: Pages that refer to the seed page, with that reference expanded and cut down by ``fields``.
EXPANDED_LIST_QUERY = (
    f"filter[references]={SEED_ID}&expand=related"
    "&fields=title,references.related.title,references.related.order"
)
EXPANDED_LIST: dict[str, Any] = {
    "data": [
        {
            "id": MILESTONES_REF["id"],
            "title": MILESTONES_REF["title"],
            "references": {"related": [{"id": SEED_ID, "title": SEED_REF["title"], "order": 30}]},
        }
    ],
    "meta": {"total": 1, "limit": 20, "offset": 0},
}


def seed_timeline() -> dict[str, Any]:
    embed = parse_timeline(SEED_TIMELINE).embed
    return embed.model_dump(mode="json") if embed is not None else {}


def seed_summary() -> dict[str, Any]:
    return {
        "id": SEED_ID,
        "collection": "about-the-icc",
        "slug": "the-us-icc-relationship",
        "url": "/about-the-icc/the-us-icc-relationship/",
        "source_path": "_about-the-icc/the-us-icc-relationship.md",
        "title": "The US-ICC Relationship",
        "description": None,
        "lang": "en",
        "published": True,
        "order": 30,
        "date": None,
        "layout": None,
        "featured_image_path": None,
        "timeline": seed_timeline(),
        "data": {
            "title": "The US-ICC Relationship",
            "published": True,
            "featured_image_path": None,
            "description": None,
            "order": 30,
            "timeline": SEED_TIMELINE,
        },
        "references": {},
    }


def seed_page() -> dict[str, Any]:
    page = seed_summary()
    page.update(
        html=SEED_HTML,
        excerpt=SEED_HTML,
        plaintext="The United States (US) historically has been and continues to be …",
        toc=[],
        word_count=239,
        reading_time_minutes=2,
        translations=[],
        previous=None,
        next={
            "id": "about-the-icc/icc-milestones",
            "title": "ICC Milestones",
            "url": "/about-the-icc/icc-milestones/",
        },
        referenced_by={"about-the-icc.related": [MILESTONES_REF]},
    )
    return page


#: What ``/timeline/data`` serves for a page with ``timeline_data:`` (TimelineJS JSON),
#: here the start of content/_data/timelines/icc-milestones.csv.
TIMELINE_DATA: dict[str, Any] = {
    "title": {
        "text": {
            "headline": "The International Criminal Court: milestones",
            "text": "From the Rome Conference to a working Court, with the United States' "
            "part along the way.",
        }
    },
    "events": [
        {
            "start_date": {"year": 1998, "month": 7, "day": 17},
            "text": {
                "headline": "Rome Statute adopted",
                "text": "At the end of a five-week diplomatic conference in Rome, states adopt "
                "the treaty that creates the Court, by 120 votes to 7 with 21 abstentions.",
            },
            "group": "Rome Statute",
        }
    ],
}


#: What ``/api/v1/redirects`` serves for the example site: its one ``redirect_from``.
REDIRECTS: dict[str, str] = {
    "/milestones/": "https://content-api.example/about-the-icc/icc-milestones/",
}


def list_of(item: dict[str, Any]) -> dict[str, Any]:
    """A one-item list response, as the list endpoints return them."""
    return {"data": [item], "meta": {"total": 1, "limit": 20, "offset": 0}}

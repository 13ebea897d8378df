"""The models work as FastAPI response models: the JSON and the OpenAPI schema the lead serves."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi import FastAPI

from api.timeline import TimelineData, TimelineEmbed, load_timeline_data, parse_timeline
from api.timeline.example import SEED_EMBED_EXAMPLE, SEED_TIMELINE_VALUE


def make_app() -> FastAPI:
    app = FastAPI()
    data = load_timeline_data(b"Year,Month,Headline\n2002,7,In force\n", "t.csv").data

    @app.get("/timeline", response_model=TimelineEmbed)
    def timeline() -> TimelineEmbed | None:
        return parse_timeline(SEED_TIMELINE_VALUE).embed

    @app.get("/timeline/data", response_model=TimelineData)
    def timeline_data() -> dict[str, Any] | None:
        return data

    return app


def get(app: FastAPI, path: str) -> Any:
    async def fetch() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get(path)
            response.raise_for_status()
            return response.json()

    return asyncio.run(fetch())


def test_responses_are_exactly_the_models_json() -> None:
    app = make_app()
    assert get(app, "/timeline") == SEED_EMBED_EXAMPLE
    assert get(app, "/timeline/data") == {
        "events": [{"start_date": {"year": 2002, "month": 7}, "text": {"headline": "In force"}}]
    }


def test_openapi_documents_the_models() -> None:
    schemas = make_app().openapi()["components"]["schemas"]
    embed = schemas["TimelineEmbed"]
    # FastAPI drops the nulls from examples when it writes the document.
    (example,) = embed["examples"]
    assert example["source"] == {k: v for k, v in SEED_EMBED_EXAMPLE["source"].items() if v}
    assert example["iframe_html"] == SEED_EMBED_EXAMPLE["iframe_html"]
    assert all(p.get("description") for p in embed["properties"].values())
    options = schemas["TimelineOptions"]["properties"]
    assert options["height"]["anyOf"][0] == {"type": "integer"}
    assert "trackResize" in options
    assert schemas["Date"]["required"] == ["year"]

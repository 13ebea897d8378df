"""OpenAPI examples: what the API serves for the bundled site (``content/``), kept in
``examples.json`` and made by :mod:`api.http.examplegen` (``make openapi``), so the docs show
real content that cannot drift from the responses."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SEED_ID = "about-the-icc/the-us-icc-relationship"
SEED_URL = "/about-the-icc/the-us-icc-relationship/"
SEED_TIMELINE = (
    "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?"
    "source=0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc&font=Bevan-PotanoSans"
    "&maptype=toner&lang=en&height=900"
)
#: The page of content/ that refers to the seed page (``related:``, declared in _config.yml).
MILESTONES_ID = "about-the-icc/icc-milestones"
#: Pages that refer to the seed page, with that reference expanded and cut down by ``fields``.
EXPANDED_LIST_QUERY = (
    f"filter[references]={SEED_ID}&expand=related"
    "&fields=title,references.related.title,references.related.order"
)
EXAMPLES_FILE = Path(__file__).with_name("examples.json")


@lru_cache(maxsize=1)
def load_examples() -> dict[str, Any]:
    """``{"schemas": {component: [examples]}, "responses": {operationId: {status: {media
    type: example}}}}``."""
    examples: dict[str, Any] = json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))
    return examples


def example(component: str) -> Any:
    """The first example of a component schema."""
    return load_examples()["schemas"][component][0]

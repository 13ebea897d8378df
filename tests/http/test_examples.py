"""The OpenAPI examples are the seed page as the API really serves it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.http import examples
from tests.http.conftest import build_app
from tests.support.sites import CONTENT

#: Shortened in the example, so the docs page stays readable.
ABRIDGED = {"html", "excerpt", "plaintext"}


def test_the_page_example_is_the_served_seed_page() -> None:
    served = TestClient(build_app(CONTENT)).get(f"/api/v1/pages/{examples.SEED_ID}").json()
    example = examples.seed_page()
    assert example.keys() == served.keys()
    for key in example.keys() - ABRIDGED:
        assert example[key] == served[key], key
    for key in ABRIDGED:
        shown = example[key].split("…")[0]  # the example stops at an ellipsis
        assert len(shown) > 40 and served[key].startswith(shown), key


def test_the_expanded_list_example_is_served() -> None:
    client = TestClient(build_app(CONTENT))
    served = client.get(f"/api/v1/pages?{examples.EXPANDED_LIST_QUERY}").json()
    assert served == examples.EXPANDED_LIST
    milestones = client.get(f"/api/v1/pages/{examples.MILESTONES_REF['id']}").json()
    assert milestones["references"] == {"related": [examples.SEED_REF]}


def test_the_examples_are_valid_against_their_schemas() -> None:
    from api.http import schemas

    schemas.Page.model_validate(examples.seed_page())
    schemas.PageList.model_validate(examples.EXPANDED_LIST)
    schemas.PageList.model_validate(examples.list_of(examples.seed_summary()))
    schemas.PageRef.model_validate(examples.SEED_REF)

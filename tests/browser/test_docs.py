"""``/docs`` and ``/redoc`` render every operation with no network but loopback."""

from __future__ import annotations

import json
import urllib.request

import pytest

from api.http.examples import SEED_ID
from tests.browser.cdp import Browser, off_machine

# One xdist worker runs every browser test, so they share one Chromium and one server.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _operation_ids(api: str) -> list[str]:
    with urllib.request.urlopen(api + "/openapi.json") as response:
        schema = json.load(response)
    return [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]


def test_swagger_ui_renders_every_operation_and_tries_the_page_detail(
    browser: Browser, api: str
) -> None:
    ids = _operation_ids(api)
    tab = browser.tab()
    tab.goto(f"{api}/docs#/pages/getPage")
    shown = tab.wait_for(
        f"document.querySelectorAll('.opblock').length >= {len(ids)} && "
        "[...document.querySelectorAll('.opblock-summary-operation-id')].map(e => e.textContent)",
        "Swagger UI to render the operations",
    )
    assert sorted(shown) == sorted(ids)

    operation = "document.querySelector('#operations-pages-getPage')"
    tab.wait_for(f"!!{operation}.querySelector('.try-out__btn')", "the page detail to expand")
    tab.evaluate(f"{operation}.querySelector('.try-out__btn').click()")
    field = f"{operation}.querySelector('tr[data-param-name=\"page_id\"] input')"
    # The seed page is the documented example, so Swagger UI fills it in by itself.
    assert tab.wait_for(f"{field} && {field}.value", "the example id") == SEED_ID
    tab.evaluate(f"{operation}.querySelector('.execute').click()")
    status = tab.wait_for(
        f"{operation}.querySelector('.live-responses-table tbody .response-col_status')"
        "?.textContent.trim()",
        "the response of Execute",
    )
    assert status == "200"
    body = tab.evaluate(
        f"{operation}.querySelector('.live-responses-table tbody pre')?.textContent"
    )
    assert f'"id": "{SEED_ID}"' in body

    assert off_machine(tab.requested()) == []


def test_redoc_renders_every_operation(browser: Browser, api: str) -> None:
    ids = _operation_ids(api)
    tab = browser.tab()
    tab.goto(f"{api}/redoc")
    shown = tab.wait_for(
        "[...document.querySelectorAll('[data-section-id^=\"operation/\"]')]"
        ".map(e => e.getAttribute('data-section-id').slice('operation/'.length))",
        "ReDoc to render the operations",
    )
    assert sorted(set(shown)) == sorted(ids)
    requested = tab.requested()
    assert not [url for url in requested if "fonts.googleapis" in url or "fonts.gstatic" in url]
    assert off_machine(requested) == []

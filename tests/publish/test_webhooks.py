"""Webhooks: signed as Standard Webhooks says, delivered to a real receiver on loopback,
retried after failures, once per version whatever the number of workers."""

from __future__ import annotations

import base64
import itertools
import json
import logging
import os
from pathlib import Path

import pytest
from standardwebhooks import Webhook

from api.publish.deliveries import Deliveries, Schedule
from api.publish.webhooks import Message, Signer, check_url, decode_secret, endpoint_name
from api.site.changes import Delta
from tests.live.server import poll
from tests.support.receiver import receiver, verify

SECRET = "whsec_" + base64.b64encode(bytes(range(32))).decode()
KEY = decode_secret(SECRET)
FAST = Schedule(timeout=2, first_retry=0.05, max_delay=0.2, retry_for=5)


def step(to: str, changed: tuple[str, ...] = ("notes/a",)) -> Delta:
    return Delta("v0", to, changed=changed)


def test_secrets_are_whsec_base64_of_24_to_64_bytes() -> None:
    assert decode_secret(SECRET) == bytes(range(32))
    assert decode_secret(SECRET.removeprefix("whsec_")) == bytes(range(32))  # as the library
    unpadded = "whsec_" + base64.b64encode(bytes(30)).decode().rstrip("=")
    assert decode_secret(unpadded) == bytes(30)
    for bad in ("whsec_", "whsec_not base64!", "whsec_" + base64.b64encode(b"short").decode()):
        with pytest.raises(ValueError) as caught:
            decode_secret(bad)
        assert bad.removeprefix("whsec_") not in str(caught.value) or not bad[6:]


def test_urls_are_checked_without_being_echoed() -> None:
    assert check_url(" https://hooks.example/deploy?key=s3cret ") == (
        "https://hooks.example/deploy?key=s3cret"
    )
    for bad in ("ftp://x/y", "https:///nohost", "https://u:p@x/y", "https://x/y#f", "x"):
        with pytest.raises(ValueError) as caught:
            check_url(bad)
        assert "s3cret" not in str(caught.value)
    assert endpoint_name("https://hooks.example/deploy/s3cret", 0) == "#1 (hooks.example)"


def test_the_signature_is_the_specs() -> None:
    message = Message("msg_v1", b'{"content_version":"v1"}')
    headers = Signer(KEY).headers(message, now=1_700_000_000)
    assert headers["webhook-id"] == "msg_v1"
    assert headers["webhook-timestamp"] == "1700000000"
    signed = b"msg_v1.1700000000." + message.body
    import hashlib
    import hmac

    expected = base64.b64encode(hmac.new(KEY, signed, hashlib.sha256).digest()).decode()
    assert headers["webhook-signature"] == f"v1,{expected}"


def test_a_version_is_delivered_once_to_every_endpoint_signed() -> None:
    with receiver() as one, receiver() as two:
        deliveries = Deliveries((one.url + "/hook", two.url), KEY, schedule=FAST)
        deliveries.start()
        try:
            deliveries.announce(step("v1"))
            deliveries.announce(step("v2", ("notes/b",)))
            poll(lambda: len(one.received()) == 2 and len(two.received()) == 2, 10, "deliveries")
        finally:
            deliveries.stop()
        for got in (one.received(), two.received()):
            assert [json.loads(d.body) for d in got] == [
                {"content_version": "v1", "added": [], "changed": ["notes/a"], "removed": []},
                {"content_version": "v2", "added": [], "changed": ["notes/b"], "removed": []},
            ]
            assert [d.headers["webhook-id"] for d in got] == ["msg_v1", "msg_v2"]
            for delivery in got:
                assert verify(SECRET, delivery)
                # and the spec's own library agrees
                Webhook(SECRET).verify(delivery.body, delivery.headers)
                assert delivery.headers["content-type"] == "application/json"
        assert one.received()[0].path == "/hook"
        assert deliveries.report()["delivered"] == 4


def test_a_tampered_delivery_does_not_verify() -> None:
    with receiver() as got:
        deliveries = Deliveries((got.url,), KEY, schedule=FAST)
        deliveries.start()
        deliveries.announce(step("v1"))
        poll(lambda: deliveries.report()["delivered"] == 1, 10, "a delivery")
        deliveries.stop()
    delivery = got.received()[0]
    forged = type(delivery)(delivery.path, delivery.headers, delivery.body + b" ", delivery.at)
    assert verify(SECRET, delivery) and not verify(SECRET, forged)
    other = "whsec_" + base64.b64encode(bytes(32)).decode()
    assert not verify(other, delivery)


def test_a_failed_delivery_is_retried_with_backoff_until_it_succeeds(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with receiver([500, 503]) as got, caplog.at_level(logging.INFO, "content_api"):
        deliveries = Deliveries((got.url + "/deploy/s3cret",), KEY, schedule=FAST)
        deliveries.start()
        deliveries.announce(step("v1"))
        poll(lambda: deliveries.report()["delivered"] == 1, 10, "delivered after two retries")
        report = deliveries.report()
        deliveries.stop()
    attempts = got.received()
    assert {d.headers["webhook-id"] for d in attempts} == {"msg_v1"}  # one message
    assert all(verify(SECRET, d) for d in attempts)
    gaps = [b.at - a.at for a, b in itertools.pairwise(attempts)]
    assert gaps[0] >= FAST.first_retry * 0.9 and gaps[1] >= 2 * FAST.first_retry * 0.9
    assert report["delivered"] == 1 and report["failed_attempts"] == 2
    assert report["failures"] == []  # it succeeded in the end
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "HTTP 500" in text and "HTTP 503" in text and "attempt 3" in text
    assert "s3cret" not in text  # the endpoint is named by its host, never its path


def test_a_delivery_that_keeps_failing_is_given_up_and_reported(
    caplog: pytest.LogCaptureFixture,
) -> None:
    schedule = Schedule(timeout=2, first_retry=0.05, max_delay=0.1, retry_for=0.4)
    with receiver([500] * 100) as got, caplog.at_level(logging.WARNING, "content_api"):
        deliveries = Deliveries((got.url,), KEY, schedule=schedule)
        deliveries.start()
        deliveries.announce(step("v1"))
        poll(lambda: deliveries.report()["given_up"] == 1, 10, "given up")
        report = deliveries.report()
        count = len(got.received())
        deliveries.stop()
    assert 3 <= count <= 10
    (failure,) = report["failures"]
    assert failure["content_version"] == "v1" and failure["gave_up"] is True
    assert failure["last_error"] == "HTTP 500" and failure["attempts"] == count
    assert failure["endpoint"] == "#1 (127.0.0.1)"
    assert any("gave up" in r.getMessage() for r in caplog.records)


def test_an_unreachable_endpoint_is_reported_while_it_is_retried() -> None:
    with receiver() as got:
        url = got.url
    deliveries = Deliveries((url,), KEY, schedule=Schedule(2, 10, 10, 60))
    deliveries.start()
    deliveries.announce(step("v1"))
    poll(lambda: deliveries.report()["retrying"] == 1, 10, "a failed attempt")
    (failure,) = deliveries.report()["failures"]
    deliveries.stop()
    assert failure["gave_up"] is False and failure["next_attempt"] is not None
    assert "refused" in failure["last_error"]


def test_redirects_are_not_followed() -> None:
    with receiver([301, 200]) as got:
        deliveries = Deliveries((got.url,), KEY, schedule=FAST)
        deliveries.start()
        deliveries.announce(step("v1"))
        poll(lambda: deliveries.report()["delivered"] == 1, 10, "a retry after the redirect")
        deliveries.stop()
    assert len(got.received()) == 2
    assert deliveries.report()["failed_attempts"] == 1


def test_workers_sharing_a_lock_folder_deliver_each_version_once(tmp_path: Path) -> None:
    folder = tmp_path / "locks"
    folder.mkdir()
    with receiver() as got:
        workers = [Deliveries((got.url,), KEY, folder, FAST) for _ in range(3)]
        for worker in workers:
            worker.start()
        for version in ("v1", "v2"):
            for worker in workers:
                worker.announce(step(version))
        poll(lambda: len(got.received()) >= 2, 10, "deliveries")
        poll(lambda: sum(w.endpoints[0].skipped for w in workers) == 4, 10, "others skip")
        for worker in workers:
            worker.stop()
    assert sorted(d.headers["webhook-id"] for d in got.received()) == ["msg_v1", "msg_v2"]
    locks = [name for name in os.listdir(folder) if not name.endswith(".json")]
    assert len(locks) == 2


def test_every_worker_reports_what_another_delivered_or_failed(tmp_path: Path) -> None:
    folder = tmp_path / "locks"
    folder.mkdir()
    with receiver([500] * 100) as got:
        one = Deliveries((got.url,), KEY, folder, Schedule(2, 10, 10, 60))
        two = Deliveries((got.url,), KEY, folder, Schedule(2, 10, 10, 60))
        one.start()
        two.start()
        one.announce(step("v1"))
        poll(lambda: one.report()["retrying"] == 1, 10, "the first attempt failed")
        # The other worker made no attempt, and reads the first one's within seconds.
        poll(lambda: two.report()["retrying"] == 1, 10, "shared with the other worker")
        (failure,) = two.report()["failures"]
        assert failure["content_version"] == "v1" and failure["last_error"] == "HTTP 500"
        assert two.endpoints[0].skipped == 0
        one.stop()
        two.stop()

"""A webhook receiver on loopback: a real HTTP server that records every POST, answers the
statuses it is told to, and checks signatures the way the Standard Webhooks spec says."""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Delivery:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


class Receiver:
    def __init__(self, answers: list[int] | None = None) -> None:
        self.deliveries: list[Delivery] = []
        self.answers = list(answers or [])  # statuses to answer, in turn; then 200
        self._lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.deliveries.append(
                        Delivery(
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                            time.monotonic(),
                        )
                    )
                    status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def received(self) -> list[Delivery]:
        with self._lock:
            return list(self.deliveries)


@contextmanager
def receiver(answers: list[int] | None = None) -> Iterator[Receiver]:
    found = Receiver(answers)
    thread = threading.Thread(target=found.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        found.server.shutdown()
        found.server.server_close()


def verify(secret: str, delivery: Delivery, tolerance: float = 300) -> bool:
    """The Standard Webhooks check, written from the spec: HMAC-SHA256 of
    ``{webhook-id}.{webhook-timestamp}.{body}`` with the base64 key after ``whsec_``, in any
    of the space-separated ``v1,<base64>`` signatures, and a timestamp near now."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    msg_id = delivery.headers["webhook-id"]
    stamp = delivery.headers["webhook-timestamp"]
    if abs(time.time() - int(stamp)) > tolerance:
        return False
    signed = f"{msg_id}.{stamp}.".encode() + delivery.body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for candidate in delivery.headers["webhook-signature"].split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return True
    return False

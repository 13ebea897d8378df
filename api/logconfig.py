"""How the server's own log (start-up, reloads, errors) is configured: uvicorn's handlers,
with the service's logger on them, as text or as JSON lines.

Requests are logged by ``api.http.accesslog`` instead of uvicorn's access logger.
"""

from __future__ import annotations

import copy
import logging
import time
from typing import Any

import orjson

LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: ``time``, ``level``, ``logger``, ``message`` (and ``exception``
    with the traceback, when there is one)."""

    def format(self, record: logging.LogRecord) -> str:
        seconds = int(record.created)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        entry: dict[str, Any] = {
            "time": f"{stamp}.{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        return orjson.dumps(entry, default=str).decode()


def log_config(level: str, fmt: str = "text") -> dict[str, Any]:
    """uvicorn's logging config, with the ``content_api`` logger on its default handler and,
    for ``json``, every line formatted as JSON."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["content_api"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    if fmt == "json":
        for name in ("default", "access"):
            config["formatters"][name] = {"()": "api.logconfig.JsonFormatter"}
    return config

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="WebhookFailure")


@_attrs_define
class WebhookFailure:
    """
    Attributes:
        endpoint (str): The endpoint's number in CONTENT_API_WEBHOOKS and host.
        content_version (str): The version whose notice was not delivered.
        attempts (int):
        last_error (str): Why the last attempt failed.
        last_attempt (datetime.datetime):
        next_attempt (datetime.datetime | None): When it is tried again; null: given up.
        gave_up (bool):
    """

    endpoint: str
    content_version: str
    attempts: int
    last_error: str
    last_attempt: datetime.datetime
    next_attempt: datetime.datetime | None
    gave_up: bool

    def to_dict(self) -> dict[str, Any]:
        endpoint = self.endpoint

        content_version = self.content_version

        attempts = self.attempts

        last_error = self.last_error

        last_attempt = self.last_attempt.isoformat()

        next_attempt: None | str
        if isinstance(self.next_attempt, datetime.datetime):
            next_attempt = self.next_attempt.isoformat()
        else:
            next_attempt = self.next_attempt

        gave_up = self.gave_up

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoint": endpoint,
                "content_version": content_version,
                "attempts": attempts,
                "last_error": last_error,
                "last_attempt": last_attempt,
                "next_attempt": next_attempt,
                "gave_up": gave_up,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint = d.pop("endpoint")

        content_version = d.pop("content_version")

        attempts = d.pop("attempts")

        last_error = d.pop("last_error")

        last_attempt = datetime.datetime.fromisoformat(d.pop("last_attempt"))

        def _parse_next_attempt(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt = _parse_next_attempt(d.pop("next_attempt"))

        gave_up = d.pop("gave_up")

        webhook_failure = cls(
            endpoint=endpoint,
            content_version=content_version,
            attempts=attempts,
            last_error=last_error,
            last_attempt=last_attempt,
            next_attempt=next_attempt,
            gave_up=gave_up,
        )

        return webhook_failure

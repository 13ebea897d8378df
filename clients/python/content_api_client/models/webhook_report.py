from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.webhook_failure import WebhookFailure


T = TypeVar("T", bound="WebhookReport")


@_attrs_define
class WebhookReport:
    """
    Attributes:
        endpoints (int):
        delivered (int): Deliveries that succeeded.
        failed_attempts (int): Attempts that failed (retried or not).
        retrying (int): Deliveries waiting for their next attempt.
        given_up (int): Deliveries given up after every retry failed.
        failures (list[WebhookFailure]): The deliveries that have not succeeded, oldest first.
    """

    endpoints: int
    delivered: int
    failed_attempts: int
    retrying: int
    given_up: int
    failures: list[WebhookFailure]

    def to_dict(self) -> dict[str, Any]:
        endpoints = self.endpoints

        delivered = self.delivered

        failed_attempts = self.failed_attempts

        retrying = self.retrying

        given_up = self.given_up

        failures = []
        for failures_item_data in self.failures:
            failures_item = failures_item_data.to_dict()
            failures.append(failures_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoints": endpoints,
                "delivered": delivered,
                "failed_attempts": failed_attempts,
                "retrying": retrying,
                "given_up": given_up,
                "failures": failures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.webhook_failure import WebhookFailure

        d = dict(src_dict)
        endpoints = d.pop("endpoints")

        delivered = d.pop("delivered")

        failed_attempts = d.pop("failed_attempts")

        retrying = d.pop("retrying")

        given_up = d.pop("given_up")

        failures = []
        _failures = d.pop("failures")
        for failures_item_data in _failures:
            failures_item = WebhookFailure.from_dict(failures_item_data)

            failures.append(failures_item)

        webhook_report = cls(
            endpoints=endpoints,
            delivered=delivered,
            failed_attempts=failed_attempts,
            retrying=retrying,
            given_up=given_up,
            failures=failures,
        )

        return webhook_report

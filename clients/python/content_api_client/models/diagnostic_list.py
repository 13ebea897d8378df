from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.diagnostic_counts import DiagnosticCounts
    from ..models.diagnostic_item import DiagnosticItem
    from ..models.webhook_report import WebhookReport


T = TypeVar("T", bound="DiagnosticList")


@_attrs_define
class DiagnosticList:
    """
    Attributes:
        data (list[DiagnosticItem]):
        meta (DiagnosticCounts):
        webhooks (None | Unset | WebhookReport): With CONTENT_API_WEBHOOKS: the recent webhook deliveries.
    """

    data: list[DiagnosticItem]
    meta: DiagnosticCounts
    webhooks: None | Unset | WebhookReport = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_report import WebhookReport

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        meta = self.meta.to_dict()

        webhooks: dict[str, Any] | None | Unset
        if isinstance(self.webhooks, Unset):
            webhooks = UNSET
        elif isinstance(self.webhooks, WebhookReport):
            webhooks = self.webhooks.to_dict()
        else:
            webhooks = self.webhooks

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
                "meta": meta,
            }
        )
        if webhooks is not UNSET:
            field_dict["webhooks"] = webhooks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.diagnostic_counts import DiagnosticCounts
        from ..models.diagnostic_item import DiagnosticItem
        from ..models.webhook_report import WebhookReport

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = DiagnosticItem.from_dict(data_item_data)

            data.append(data_item)

        meta = DiagnosticCounts.from_dict(d.pop("meta"))

        def _parse_webhooks(data: object) -> None | Unset | WebhookReport:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                webhooks_type_0 = WebhookReport.from_dict(data)

                return webhooks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebhookReport, data)

        webhooks = _parse_webhooks(d.pop("webhooks", UNSET))

        diagnostic_list = cls(
            data=data,
            meta=meta,
            webhooks=webhooks,
        )

        return diagnostic_list

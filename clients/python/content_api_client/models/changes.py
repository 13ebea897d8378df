from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Changes")


@_attrs_define
class Changes:
    """
    Attributes:
        from_ (str): The version asked about (`since`).
        to (str): The current version: what to ask about next time.
        added (list[str]): Pages that are new. Page ids, in the default order (removed ones in alphabetical order).
        changed (list[str]): Pages whose served content changed. Page ids, in the default order (removed ones in
            alphabetical order).
        removed (list[str]): Pages that are no longer served. Page ids, in the default order (removed ones in
            alphabetical order).
    """

    from_: str
    to: str
    added: list[str]
    changed: list[str]
    removed: list[str]

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        added = self.added

        changed = self.changed

        removed = self.removed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from": from_,
                "to": to,
                "added": added,
                "changed": changed,
                "removed": removed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from_ = d.pop("from")

        to = d.pop("to")

        added = cast(list[str], d.pop("added"))

        changed = cast(list[str], d.pop("changed"))

        removed = cast(list[str], d.pop("removed"))

        changes = cls(
            from_=from_,
            to=to,
            added=added,
            changed=changed,
            removed=removed,
        )

        return changes

"""A post's categories, as Jekyll holds them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from api.content.model import Kind

if TYPE_CHECKING:
    from api.content.documents import Origin


def document_categories(origin: Origin, data: dict[str, Any]) -> tuple[str, ...]:
    """A document's categories as Jekyll holds them: its folders' (above ``_posts``), then
    the front matter's ``categories`` (split on spaces when text), then its ``category`` (or
    ``categories`` again when there is none), each once."""
    if origin.kind is Kind.PAGE:
        return ()
    categories = list(origin.categories)
    plural = data.get("categories")
    categories += _listed(plural.split() if isinstance(plural, str) else plural)
    singular = data.get("category")
    if singular is not None:
        categories += _listed(singular)
    else:
        categories += _listed(plural.split() if isinstance(plural, str) else plural)
    return tuple(dict.fromkeys(categories))


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [_to_s(item) for item in items if item is not None]


def _to_s(value: Any) -> str:
    if value is True or value is False:
        return str(value).lower()
    return str(value)

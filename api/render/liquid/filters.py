"""Jekyll's Liquid filters (Jekyll::Filters) on top of python-liquid's standard ones."""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

from api.content.slugify import slugify as make_slug

from . import dates, urls
from .expressions import EXPRESSION_FILTERS


def slugify(value: Any, mode: str | None = None, cased: bool = False) -> Any:
    """Jekyll's ``slugify`` filter (the same slugs Jekyll puts in URLs)."""
    if value is None:
        return None
    return make_slug(str(value), mode or "default", cased)


def _property(item: Any, name: str) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def _matches(value: Any, target: Any) -> bool:
    if target is None:
        return value is None
    wanted = str(target)
    if isinstance(value, str):
        return value == wanted
    items = value if isinstance(value, list | tuple) else [value]
    return any(_to_s(item) == wanted for item in items)


def _to_s(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _items(value: Any) -> list[Any]:
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, str) or not isinstance(value, Iterable):
        return []
    return list(value)


def where(value: Any, prop: str | None = None, target: Any = None) -> Any:
    if not prop or isinstance(target, list | dict):
        return value
    return [item for item in _items(value) if _matches(_property(item, prop), target)]


def find(value: Any, prop: str | None = None, target: Any = None) -> Any:
    for item in where(value, prop, target) or []:
        return item
    return None


def sort(value: Any, prop: str | None = None, nils: str = "first") -> Any:
    items = _items(value)
    if prop is None:
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=_to_s)
    present = [i for i in items if _property(i, prop) is not None]
    missing = [i for i in items if _property(i, prop) is None]
    try:
        present.sort(key=lambda i: _property(i, prop))
    except TypeError:
        present.sort(key=lambda i: _to_s(_property(i, prop)))
    return missing + present if nils != "last" else present + missing


def group_by(value: Any, prop: str) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for item in _items(value):
        groups.setdefault(_to_s(_property(item, prop)), []).append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]


def jsonify(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def xml_escape(value: Any) -> str:
    return "" if value is None else html.escape(str(value), quote=True).replace("&#x27;", "&apos;")


def cgi_escape(value: Any) -> str:
    return quote_plus(_to_s(value), safe="*")


def uri_escape(value: Any) -> str:
    return quote(_to_s(value), safe="/:@!$&'()*+,;=-._~%?#[]")


def number_of_words(value: Any, mode: str | None = None) -> int:
    text = _to_s(value)
    if mode in ("cjk", "auto"):
        cjk = re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text)
        if mode == "cjk" or cjk:
            rest = re.sub(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", " ", text)
            return len(cjk) + len(rest.split())
    return len(text.split())


def array_to_sentence_string(value: Any, connector: str = "and") -> str:
    items = [_to_s(item) for item in _items(value)]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {connector} {items[1]}"
    return f"{', '.join(items[:-1])}, {connector} {items[-1]}"


def normalize_whitespace(value: Any) -> str:
    return re.sub(r"\s+", " ", _to_s(value)).strip()


def to_integer(value: Any) -> int:
    if value is True:
        return 1
    if value is False:
        return 0
    try:
        return int(float(str(value)))
    except ValueError:
        return 0


def push(value: Any, item: Any) -> list[Any]:
    return [*_items(value), item]


def pop(value: Any, count: int = 1) -> list[Any]:
    items = _items(value)
    return items[: max(len(items) - int(count), 0)]


def shift(value: Any, count: int = 1) -> list[Any]:
    return _items(value)[int(count) :]


def unshift(value: Any, item: Any) -> list[Any]:
    return [item, *_items(value)]


def sample(value: Any, count: int = 1) -> Any:
    items = _items(value)
    if not items:
        return None
    if count == 1:
        return random.choice(items)
    return random.sample(items, min(int(count), len(items)))


def inspect(value: Any) -> str:
    return html.escape(jsonify(value), quote=False)


def strip_index(value: Any) -> Any:
    """``/a/index.html`` to ``/a/``."""
    if value is None or value == "":
        return value
    return re.sub(r"/index\.html?$", "/", str(value))


def jekyll_filters(
    config: Mapping[str, Any], markdownify: Callable[[str], str], smartify: Callable[[str], str]
) -> dict[str, Callable[..., Any]]:
    """Every filter Jekyll adds, bound to the site's configuration."""
    return {
        "relative_url": lambda value: urls.relative_url(value, config),
        "absolute_url": lambda value: urls.absolute_url(value, config),
        "markdownify": lambda value: markdownify(_to_s(value)),
        "smartify": lambda value: smartify(_to_s(value)),
        "slugify": slugify,
        "date_to_string": dates.date_to_string,
        "date_to_long_string": dates.date_to_long_string,
        "date_to_xmlschema": dates.date_to_xmlschema,
        "date_to_rfc822": dates.date_to_rfc822,
        "where": where,
        "find": find,
        "sort": sort,
        "group_by": group_by,
        "jsonify": jsonify,
        "xml_escape": xml_escape,
        "cgi_escape": cgi_escape,
        "uri_escape": uri_escape,
        "number_of_words": number_of_words,
        "array_to_sentence_string": array_to_sentence_string,
        "normalize_whitespace": normalize_whitespace,
        "to_integer": to_integer,
        "push": push,
        "pop": pop,
        "shift": shift,
        "unshift": unshift,
        "sample": sample,
        "inspect": inspect,
        "strip_index": strip_index,
        **EXPRESSION_FILTERS,
    }

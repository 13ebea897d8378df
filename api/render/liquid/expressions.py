"""Jekyll's filters that take a Liquid expression: ``where_exp``, ``find_exp``, ``group_by_exp``.

``{{ site.members | where_exp: "m", "m.year == 2014 and m.active" }}`` evaluates the condition
for each item, bound to the variable, with Liquid's own operators (``and``/``or``, ``==``,
``contains``...); ``group_by_exp`` groups by what an expression gives, filters included
(``"post", "post.date | date: '%Y'"``). A hash is read as its values, and anything that is
no list is returned as it came, as Jekyll does. Expressions are parsed once per text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from liquid import Environment
from liquid.builtin.expressions import BooleanExpression, FilteredExpression
from liquid.expression import Expression
from liquid.filter import with_context
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token

from .compat import tokenize

if TYPE_CHECKING:
    from liquid.context import RenderContext


# Parsed expressions, per environment (one per snapshot), dropped with it.
_PARSED: WeakKeyDictionary[Environment, dict[tuple[str, str], Expression]] = WeakKeyDictionary()
_MAX_PARSED = 1024


def _parsed(env: Environment, kind: str, text: str) -> Expression:
    cache = _PARSED.setdefault(env, {})
    found = cache.get((kind, text))
    if found is None:
        stream = TokenStream(tokenize(text, parent_token=Token(TOKEN_EXPRESSION, text, 0, text)))
        parse = BooleanExpression.parse if kind == "condition" else FilteredExpression.parse
        found = parse(env, stream)
        if len(cache) < _MAX_PARSED:
            cache[(kind, text)] = found
    return found


def _condition(env: Environment, text: str) -> Expression:
    return _parsed(env, "condition", text)


def _value(env: Environment, text: str) -> Expression:
    return _parsed(env, "value", text)


def _items(value: Any) -> list[Any] | None:
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, list | tuple):
        return list(value)
    return None


def _matching(
    items: Iterable[Any], variable: str, expression: str, context: RenderContext
) -> Iterable[Any]:
    condition = _condition(context.env, str(expression))
    for item in items:
        with context.extend({str(variable): item}):
            if condition.evaluate(context):
                yield item


@with_context
def where_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    items = _items(value)
    if items is None:
        return value
    return list(_matching(items, variable, expression, context))


@with_context
def find_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    items = _items(value)
    if items is None:
        return value
    return next(iter(_matching(items, variable, expression, context)), None)


@with_context
def group_by_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    items = _items(value)
    if items is None:
        return value
    key_of = _value(context.env, str(expression))
    groups: dict[Any, tuple[Any, list[Any]]] = {}
    for item in items:
        with context.extend({str(variable): item}):
            name = key_of.evaluate(context)
        groups.setdefault(_hashable(name), (name, []))[1].append(item)
    return [{"name": name, "items": found, "size": len(found)} for name, found in groups.values()]


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return (type(value).__name__, value)


EXPRESSION_FILTERS = {"where_exp": where_exp, "find_exp": find_exp, "group_by_exp": group_by_exp}

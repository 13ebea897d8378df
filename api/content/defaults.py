"""Front-matter defaults, applied as Jekyll's ``FrontmatterDefaults`` applies them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from api.content.config import DefaultsRule

#: Jekyll 3 spelled scope types in the singular; Jekyll 4 still accepts them.
_LEGACY_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}


def deep_merge(base: Mapping[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """``overlay`` over ``base``; mappings merge, a None in ``overlay`` keeps the base value."""
    merged = dict(base)
    for key, new in overlay.items():
        if new is None and key in merged:
            continue
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            merged[key] = deep_merge(old, new)
        else:
            merged[key] = new
    return merged


def defaults_for(
    rules: tuple[DefaultsRule, ...], path: str, doc_type: str, collections_dir: str = ""
) -> dict[str, Any]:
    """The default values for the file at ``path`` (relative to the site) of ``doc_type``."""
    applying = tuple(r for r in rules if _applies(r, path, doc_type, collections_dir))
    return merge_rules(applying)


def applicable(
    rules: tuple[DefaultsRule, ...], path: str, doc_type: str, collections_dir: str = ""
) -> tuple[int, ...]:
    """Which rules apply to a file: files that share the answer share their defaults."""
    return tuple(
        i for i, rule in enumerate(rules) if _applies(rule, path, doc_type, collections_dir)
    )


def merge_rules(rules: tuple[DefaultsRule, ...]) -> dict[str, Any]:
    """Merge applying rules in Jekyll's precedence (a longer scope path, then a type, wins)."""
    result: dict[str, Any] = {}
    winner: DefaultsRule | None = None
    for rule in rules:
        if _has_precedence(winner, rule):
            result = deep_merge(result, rule.values)
            winner = rule
        else:
            result = deep_merge(rule.values, result)
    return result


def _applies(rule: DefaultsRule, path: str, doc_type: str, collections_dir: str) -> bool:
    if rule.type is not None and _LEGACY_TYPES.get(rule.type, rule.type) != doc_type:
        return False
    scope = rule.path
    if not scope:
        return True
    path = path.lstrip("/")
    scope = _strip_collections_dir(scope.lstrip("/"), collections_dir)
    if "*" in scope:
        return _glob_matches_prefix(scope, _strip_collections_dir(path, collections_dir))
    return _strip_collections_dir(path, collections_dir).startswith(scope)


def _strip_collections_dir(path: str, collections_dir: str) -> str:
    if collections_dir and path.startswith(collections_dir + "/"):
        return path[len(collections_dir) + 1 :]
    return path


def _has_precedence(old: DefaultsRule | None, new: DefaultsRule) -> bool:
    if old is None:
        return True
    old_path, new_path = old.path.strip("/"), new.path.strip("/")
    if len(new_path) != len(old_path):
        return len(new_path) >= len(old_path)
    if new.type is not None:
        return True
    return old.type is None


def _glob_matches_prefix(pattern: str, path: str) -> bool:
    # Jekyll globs the scope on disk, then checks that the file's path starts with a match:
    # so the scope applies when the file itself or one of its folders matches the glob.
    regex = _glob_regex(pattern.rstrip("/"))
    parts = path.split("/")
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out))

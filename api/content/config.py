"""``_config.yml``: the parts of Jekyll's site configuration that shape content."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from api.content.diagnostics import Diagnostic, warning
from api.content.yamlsafe import YamlError, load_yaml, to_json_safe

CONFIG_FILE = "_config.yml"

#: Jekyll 4 always excludes these, on top of the site's own list.
DEFAULT_EXCLUDES = (
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
)
DEFAULT_MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md"

#: Jekyll's built-in permalink styles, for posts (and as the suffix rule for pages).
PERMALINK_STYLES = {
    "pretty": "/:categories/:year/:month/:day/:title/",
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}


@dataclass(frozen=True, slots=True)
class CollectionConfig:
    label: str
    output: bool
    permalink: str | None
    sort_by: str | None
    order: tuple[str, ...]
    metadata: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class DefaultsRule:
    path: str
    type: str | None
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The site configuration, after Jekyll's defaults. ``raw`` is ``site.*`` for Liquid."""

    raw: Mapping[str, Any] = field(default_factory=dict)
    collections: tuple[CollectionConfig, ...] = ()
    defaults: tuple[DefaultsRule, ...] = ()
    permalink: str = "date"
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    include: tuple[str, ...] = ()
    url: str = ""
    baseurl: str = ""
    future: bool = False
    unpublished: bool = False
    show_drafts: bool = False
    timezone: tzinfo | None = None
    kramdown: Mapping[str, Any] = field(default_factory=dict)
    markdown_ext: tuple[str, ...] = tuple(f".{e}" for e in DEFAULT_MARKDOWN_EXT.split(","))
    collections_dir: str = ""
    data_dir: str = "_data"
    includes_dir: str = "_includes"
    excerpt_separator: str = "\n\n"
    declared: bool = False  # True when _config.yml declares ``collections``
    #: The plugins the site turns on (``api.content.plugins.enabled_plugins``).
    plugins: frozenset[str] = frozenset()
    github_pages: bool = False  # built as GitHub Pages builds it
    #: Values derived from the config and memoized by readers (defaults per rule set).
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def collection(self, label: str) -> CollectionConfig | None:
        for collection in self.collections:
            if collection.label == label:
                return collection
        return None


def parse_config(
    text: str | None, source_path: str = CONFIG_FILE
) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read ``_config.yml`` text (None when there is none). Never raises."""
    problems: list[Diagnostic] = []
    raw: dict[str, Any] = {}
    if text is not None:
        try:
            loaded = load_yaml(text)
            # Walked once under the node budget: `site.*` reaches Liquid, where an alias
            # bomb would otherwise be expanded.
            to_json_safe(loaded)
        except YamlError as exc:
            line = None if exc.line is None else exc.line + 1
            problems.append(
                warning(
                    source_path,
                    "config-invalid-yaml",
                    f"The site config is not valid YAML ({exc.message}); defaults are used.",
                    line,
                )
            )
            loaded = None
        if isinstance(loaded, dict):
            raw = {str(k): v for k, v in loaded.items()}
        elif loaded is not None:
            problems.append(
                warning(
                    source_path,
                    "config-not-mapping",
                    "The site config must be a mapping of settings; it is ignored.",
                )
            )
    return _build(raw, source_path, problems), problems


def _build(raw: dict[str, Any], source_path: str, problems: list[Diagnostic]) -> SiteConfig:
    def text(key: str, default: str) -> str:
        value = raw.get(key)
        if value is None:
            return default
        if isinstance(value, str | int | float):
            return str(value)
        problems.append(
            warning(
                source_path, "config-invalid-value", f"`{key}` should be text; the default is used."
            )
        )
        return default

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(str(v) for v in value if v is not None)
        problems.append(
            warning(
                source_path, "config-invalid-value", f"`{key}` should be a list; it is ignored."
            )
        )
        return ()

    kramdown = raw.get("kramdown")
    markdown_ext = text("markdown_ext", DEFAULT_MARKDOWN_EXT)
    return SiteConfig(
        raw=raw,
        collections=_collections(raw.get("collections"), source_path, problems),
        defaults=_defaults(raw.get("defaults"), source_path, problems),
        permalink=text("permalink", "date"),
        exclude=tuple(dict.fromkeys((*strings("exclude"), *DEFAULT_EXCLUDES))),
        include=strings("include"),
        url=text("url", "").rstrip("/"),
        baseurl=_baseurl(text("baseurl", "")),
        future=raw.get("future") is True,
        unpublished=raw.get("unpublished") is True,
        show_drafts=raw.get("show_drafts") is True,
        timezone=_timezone(raw.get("timezone"), source_path, problems),
        kramdown=kramdown if isinstance(kramdown, dict) else {},
        markdown_ext=tuple(
            f".{e.strip().lower().lstrip('.')}" for e in markdown_ext.split(",") if e.strip()
        ),
        collections_dir=text("collections_dir", "").strip("/"),
        data_dir=text("data_dir", "_data").strip("/") or "_data",
        includes_dir=text("includes_dir", "_includes").strip("/") or "_includes",
        excerpt_separator=text("excerpt_separator", "\n\n"),
        declared="collections" in raw,
    )


def _baseurl(value: str) -> str:
    value = value.strip().rstrip("/")
    if value and not value.startswith("/"):
        value = "/" + value
    return value


def _timezone(value: Any, source_path: str, problems: list[Diagnostic]) -> tzinfo | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(
            warning(
                source_path, "config-unknown-timezone", f"Unknown timezone {value!r}; UTC is used."
            )
        )
        return None


def _collections(
    value: Any, source_path: str, problems: list[Diagnostic]
) -> tuple[CollectionConfig, ...]:
    # Jekyll accepts a list of labels or a mapping of label -> metadata.
    if value is None:
        return ()
    items: list[tuple[str, Any]]
    if isinstance(value, list):
        items = [(str(label), {}) for label in value if label is not None]
    elif isinstance(value, dict):
        items = [(str(label), meta) for label, meta in value.items()]
    else:
        problems.append(
            warning(
                source_path,
                "config-invalid-value",
                "`collections` should be a mapping; it is ignored.",
            )
        )
        return ()
    result = []
    for label, meta in items:
        meta = meta if isinstance(meta, dict) else {}
        permalink = meta.get("permalink")
        sort_by = meta.get("sort_by")
        order = meta.get("order")
        result.append(
            CollectionConfig(
                label=label,
                output=meta.get("output") is True,
                permalink=str(permalink) if isinstance(permalink, str) and permalink else None,
                sort_by=sort_by if isinstance(sort_by, str) and sort_by else None,
                order=tuple(str(o) for o in order) if isinstance(order, list) else (),
                metadata=meta,
            )
        )
    return tuple(result)


def _defaults(value: Any, source_path: str, problems: list[Diagnostic]) -> tuple[DefaultsRule, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(
            warning(
                source_path, "config-invalid-value", "`defaults` should be a list; it is ignored."
            )
        )
        return ()
    rules = []
    for entry in value:
        # Jekyll skips sets without a `values` mapping.
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
            continue
        scope = entry.get("scope")
        scope = scope if isinstance(scope, dict) else {}
        path = scope.get("path")
        kind = scope.get("type")
        rules.append(
            DefaultsRule(
                path=path if isinstance(path, str) else "",
                type=str(kind) if kind is not None and "type" in scope else None,
                values=entry["values"],
            )
        )
    return tuple(rules)

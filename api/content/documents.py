"""One source file to one ``Document``: defaults, title, slug, date and URL as Jekyll does."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from api.content import permalinks
from api.content.categories import document_categories
from api.content.config import CollectionConfig, SiteConfig
from api.content.dates import filename_date, parse_date
from api.content.defaults import applicable, deep_merge, merge_rules
from api.content.diagnostics import Diagnostic, warning
from api.content.frontmatter import Source, SourceError
from api.content.ids import document_id
from api.content.model import Document, Kind
from api.content.slugify import slugify, titleize_slug
from api.content.yamlsafe import YamlError, to_json_safe


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a file sits: its path in the site, its kind, and the collection it belongs to."""

    path: str  # relative to the content directory, with "/" separators
    kind: Kind
    label: str | None  # collection label ("posts" for posts and drafts), None for pages
    inner: str  # path inside the collection folder (the whole path for pages)
    collection: CollectionConfig | None
    categories: tuple[str, ...] = ()  # from the folders above ``_posts``
    mtime: float = 0.0
    prefix: str = ""  # the folder holding ``_posts``/``_drafts`` (``en/news``), for posts


def build_document(
    origin: Origin,
    source: Source,
    config: SiteConfig,
    content_hash: str,
    front_matter: bool = True,
) -> tuple[Document, list[Diagnostic]]:
    """The document for one parsed file (``front_matter``: whether it has any). Raises
    SourceError only for unusable front matter."""
    problems: list[Diagnostic] = []
    note = _Notes(origin.path, source, problems)
    for code, message, line in source.warnings:
        problems.append(warning(origin.path, code, message, line))

    fm_values = _json_safe(source.front_matter, config)
    doc_type = origin.label if origin.kind is not Kind.PAGE else "pages"
    if origin.kind is Kind.DRAFT:
        doc_type = "drafts"
    defaults = _defaults(config, origin.path, doc_type or "pages")
    data = deep_merge(defaults, fm_values)
    raw_fm = source.front_matter

    stem, ext = posixpath.splitext(posixpath.basename(origin.inner))
    file_slug = stem.rstrip(".")
    file_date = None
    if origin.kind is not Kind.PAGE:
        file_date, dated_slug = filename_date(origin.inner, config.timezone)
        if dated_slug is not None:
            file_slug = dated_slug.rstrip(".")

    date = _date(raw_fm, data, config, note)
    if date is None and file_date is not None:
        date = file_date
    if date is None and origin.kind is Kind.DRAFT:
        date = datetime.fromtimestamp(origin.mtime, config.timezone or UTC)

    slug: str | None = None
    title = data.get("title")
    if origin.kind is not Kind.PAGE:
        if title is None or title is False:
            title = titleize_slug(file_slug)
            data["title"] = title
        raw_slug = data.get("slug")
        slug = str(raw_slug) if raw_slug not in (None, False) else file_slug

    url = _url(origin, data, config, date, stem, ext, slug, note)
    published = data.get("published", True)
    if not isinstance(published, bool) and published is not None:
        note.add(
            "invalid-type",
            "`published` should be true or false; the page is treated as published.",
            "published",
        )

    document = Document(
        id=document_id(origin, stem),
        kind=origin.kind,
        collection=origin.label,
        source_path=origin.path,
        inner_path=origin.inner,
        url=url,
        slug=slug,
        title=note.text("title", title),
        description=note.text("description", data.get("description")),
        published=published is not False,
        order=note.integer("order", data.get("order")),
        date=date,
        layout=note.text("layout", data.get("layout")),
        featured_image_path=note.text("featured_image_path", data.get("featured_image_path")),
        data=data,
        body=source.body,
        body_line=source.body_line,
        content_hash=content_hash,
        output=bool(origin.collection.output) if origin.collection else True,
        lang=_lang(data, config),
        categories=document_categories(origin, data),
        front_matter=front_matter,
        times=frozenset(
            str(key) for key, value in source.front_matter.items() if isinstance(value, datetime)
        ),
    )
    return document, problems


def _lang(data: dict[str, Any], config: SiteConfig) -> str | None:
    """The page's language: its front matter (after defaults), else the site's ``lang``."""
    for value in (data.get("lang"), config.raw.get("lang")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _defaults(config: SiteConfig, path: str, doc_type: str) -> dict[str, Any]:
    """The JSON-safe defaults of a file, merged once per set of rules that apply.

    The result is shared between documents: ``deep_merge`` copies what it changes.
    """
    key = applicable(config.defaults, path, doc_type, config.collections_dir)
    found = config.memo.get(key)
    if found is None:
        merged = merge_rules(tuple(config.defaults[i] for i in key))
        found = config.memo[key] = _json_safe(merged, config)
    return found


def _json_safe(value: dict[str, Any], config: SiteConfig) -> dict[str, Any]:
    try:
        safe = to_json_safe(value, config.timezone)
    except YamlError as exc:
        raise SourceError("front-matter-too-large", f"The front matter {exc.message}.", 1) from None
    return safe if isinstance(safe, dict) else {}


def _date(
    raw: dict[str, Any], data: dict[str, Any], config: SiteConfig, note: _Notes
) -> datetime | None:
    value = raw.get("date", data.get("date"))
    if value is None:
        return None
    parsed = parse_date(value, config.timezone)
    if parsed is None:
        note.add(
            "invalid-date",
            f"`date` is not a date ({value!r}); write YYYY-MM-DD or YYYY-MM-DD HH:MM:SS.",
            "date",
        )
        return None
    data["date"] = parsed.isoformat()
    return parsed


def _url(
    origin: Origin,
    data: dict[str, Any],
    config: SiteConfig,
    date: datetime | None,
    stem: str,
    ext: str,
    slug: str | None,
    note: _Notes,
) -> str:
    output_ext = ".html" if ext.lower() in (*config.markdown_ext, ".html", ".htm") else ext
    permalink = data.get("permalink")
    permalink = permalink if isinstance(permalink, str) and permalink else None
    if origin.kind is Kind.PAGE:
        directory = posixpath.dirname(origin.path)
        placeholders: Mapping[str, str | None] = {
            "path": directory,
            "basename": stem,
            "output_ext": output_ext,
        }
        if output_ext != ".html":
            template = "/:path/:basename:output_ext"
        elif stem == "index":
            template = "/:path/"
        else:
            template = permalinks.with_suffix("/:path/:basename", config.permalink)
    else:
        placeholders = _document_placeholders(origin, data, date, stem, ext, slug, output_ext)
        template = _collection_template(origin, config)
    try:
        return permalinks.sanitize(permalinks.expand(permalink or template, placeholders))
    except permalinks.PermalinkError as exc:
        fallback = (
            "/:collection/:path/" if origin.kind is not Kind.PAGE else "/:path/:basename:output_ext"
        )
        note.add(
            "permalink-invalid",
            f"The permalink cannot be built: {exc}; `{fallback}` is used instead.",
        )
        return permalinks.sanitize(permalinks.expand(fallback, placeholders))


def _collection_template(origin: Origin, config: SiteConfig) -> str:
    collection = origin.collection
    if collection is not None and collection.permalink:
        return permalinks.style_template(collection.permalink)
    if origin.label == "posts":
        return permalinks.style_template(config.permalink)
    if collection is None:
        # A folder found without being declared in _config.yml: pretty URLs.
        return "/:collection/:path/"
    return permalinks.with_suffix("/:collection/:path", config.permalink)


def _document_placeholders(
    origin: Origin,
    data: dict[str, Any],
    date: datetime | None,
    stem: str,
    ext: str,
    slug: str | None,
    output_ext: str,
) -> Mapping[str, str | None]:
    raw_slug = data.get("slug")
    slug_source = (
        str(raw_slug) if isinstance(raw_slug, str | int | float) and raw_slug != "" else None
    )
    if origin.kind is Kind.POST or origin.kind is Kind.DRAFT:
        # A post's :title and :slug come from its name without the date.
        base = slug_source or (slug or stem)
        title_source, slug_from = base, base
    else:
        title_source, slug_from = slug_source or stem, slug_source or stem

    def categories() -> tuple[str, ...]:
        return document_categories(origin, data)

    makers: dict[str, Callable[[], str | None]] = {
        "collection": lambda: origin.label,
        "path": lambda: posixpath.splitext(origin.inner)[0].rstrip("."),
        "output_ext": lambda: output_ext,
        "name": lambda: slugify(stem),
        "title": lambda: slugify(title_source, "pretty", cased=True),
        "slug": lambda: slugify(slug_from),
        "categories": lambda: "/".join(dict.fromkeys(c.lower() for c in categories())),
        "slugified_categories": lambda: "/".join(dict.fromkeys(slugify(c) for c in categories())),
    }
    return _Placeholders(makers, date)


class _Placeholders(Mapping[str, str | None]):
    """A document's permalink placeholders, each worked out only if its template names it
    (slugs and dates are most of the cost of a URL, and a template names few)."""

    __slots__ = ("_date", "_makers", "_values")

    def __init__(self, makers: dict[str, Callable[[], str | None]], date: datetime | None) -> None:
        self._makers = makers
        self._date = date
        self._values: dict[str, str | None] = {}

    def __getitem__(self, key: str) -> str | None:
        found = self._values.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        maker = self._makers.get(key)
        if maker is not None:
            value = maker()
        elif self._date is not None and key in permalinks.DATE_PLACEHOLDERS:
            value = permalinks.date_placeholder(self._date, key)
        else:
            raise KeyError(key)
        self._values[key] = value
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._makers or (
            self._date is not None and key in permalinks.DATE_PLACEHOLDERS
        )

    def __iter__(self) -> Iterator[str]:
        yield from self._makers
        if self._date is not None:
            yield from permalinks.DATE_PLACEHOLDERS

    def __len__(self) -> int:
        return len(self._makers) + (len(permalinks.DATE_PLACEHOLDERS) if self._date else 0)


_MISSING = object()


class _Notes:
    """Collects type warnings for one file; typed fields come back None when the type is wrong."""

    __slots__ = ("path", "problems", "source")

    def __init__(self, path: str, source: Source, problems: list[Diagnostic]) -> None:
        self.path = path
        self.source = source
        self.problems = problems

    def add(self, code: str, message: str, key: str | None = None) -> None:
        line = self.source.key_line(key) if key else None
        self.problems.append(warning(self.path, code, message, line))

    def text(self, key: str, value: Any) -> str | None:
        if isinstance(value, str):
            # An empty string is "no value" for these fields, as an empty YAML value is.
            return value if value or key == "title" else None
        if value is None:
            return None
        self.add(
            "invalid-type",
            f"`{key}` should be text but is {_kind(value)}; it is kept in `data` only.",
            key,
        )
        return None

    def integer(self, key: str, value: Any) -> int | None:
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self.add(
            "invalid-type",
            f"`{key}` should be a whole number but is {_kind(value)}; it is kept in `data` only.",
            key,
        )
        return None


def _kind(value: Any) -> str:
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }
    return names.get(type(value), type(value).__name__)

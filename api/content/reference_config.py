"""Which front-matter keys refer to pages of a collection, as the site declares it.

Two sources, read once per snapshot (never on a request):

- CloudCannon's ``_inputs``: ``KEY: {type: select|multiselect|choice|multichoice, options:
  {values: collections.NAME, value_key: ...}}``, at the root of ``cloudcannon.config.yml``
  (``.yaml``, ``.json``) or ``_config.yml``, under ``collections_config.NAME`` there, in a
  collection's ``_defaults.md`` (CloudCannon's schema file, which Jekyll does not publish) or
  in a page's own front matter (defaults included). The most specific wins. An input declared
  as something else (``type: text``, a select over fixed values) says the key is *not* a
  reference, which turns inference off for it.
- This API's own block in ``_config.yml``, read last and final::

      content_api:
        references:
          infer: false              # only declared keys are references (default: true)
          keys:
            related: about-the-icc  # KEY: COLLECTION, or a list of collections
            sponsor: {collection: staff, value_key: title}
            layout: false           # never a reference

  ``references: false`` turns references off altogether.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from api.content.config import CONFIG_FILE, SiteConfig
from api.content.diagnostics import Diagnostic, warning
from api.content.frontmatter import SourceError, parse_source
from api.content.reading import read_regular
from api.content.yamlsafe import YamlError, load_yaml

CLOUDCANNON_FILES = ("cloudcannon.config.yml", "cloudcannon.config.yaml", "cloudcannon.config.json")
SCHEMA_FILE = "_defaults.md"
SELECT_TYPES = frozenset({"select", "multiselect", "choice", "multichoice"})
_COLLECTION_VALUES = re.compile(r"\s*collections\.([^\s.\[\]]+)")
_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Target:
    """Where the values of a key point: pages of these collections, matched by slug, id,
    path or file name, or first by the front-matter field ``value_key`` when one is given."""

    collections: tuple[str, ...]
    value_key: str | None = None
    origin: str = "inferred"  # "cloudcannon", "content_api" or "inferred"


#: A key declared as something other than a reference.
NOT_A_REFERENCE = Target((), None, "declared")


@dataclass(frozen=True, slots=True)
class Declarations:
    enabled: bool = True
    infer: bool = True
    api: Mapping[str, Target] = field(default_factory=dict)  # content_api keys
    site_inputs: Mapping[str, Target] = field(default_factory=dict)  # CloudCannon, everywhere
    #: CloudCannon, by collection
    collection_inputs: Mapping[str, Mapping[str, Target]] = field(default_factory=dict)
    problems: tuple[Diagnostic, ...] = ()
    digest: str = field(default="", compare=False)

    def lookup(
        self, collection: str | None, key: str, page_inputs: Mapping[str, Target]
    ) -> Target | None:
        """The declaration of ``key`` for a page of ``collection`` (None: undeclared)."""
        found = self.api.get(key)
        if found is not None:
            return found
        found = page_inputs.get(key)
        if found is None and collection is not None:
            found = self.collection_inputs.get(collection, _EMPTY).get(key)
        return found if found is not None else self.site_inputs.get(key)

    def declared_keys(self, collection: str | None) -> dict[str, Target]:
        """Every key declared as a reference for pages of ``collection`` (pages' own
        ``_inputs`` aside)."""
        found = dict(self.site_inputs)
        if collection is not None:
            found.update(self.collection_inputs.get(collection, _EMPTY))
        found.update(self.api)
        return {key: target for key, target in found.items() if target is not NOT_A_REFERENCE}


def inputs_of(value: Any) -> dict[str, Target]:
    """CloudCannon ``_inputs`` (a mapping of input names to their settings) as targets."""
    if not isinstance(value, dict):
        return {}
    found: dict[str, Target] = {}
    for key, spec in value.items():
        target = _input_target(spec)
        if target is not None:
            found[str(key)] = target
    return found


def _input_target(spec: Any) -> Target | None:
    if not isinstance(spec, dict):
        return None
    kind = spec.get("type")
    options = spec.get("options")
    values = options.get("values") if isinstance(options, dict) else None
    match = _COLLECTION_VALUES.match(values) if isinstance(values, str) else None
    if match is not None and (kind is None or kind in SELECT_TYPES):
        value_key = options.get("value_key") if isinstance(options, dict) else None
        return Target((match.group(1),), _text(value_key), "cloudcannon")
    if kind is not None or values is not None:
        return NOT_A_REFERENCE
    return None  # a label or a comment only: says nothing about the values


def read_declarations(root: Path, config: SiteConfig) -> Declarations:
    """The site's declarations, from ``_config.yml`` (already parsed), CloudCannon's
    configuration file and each collection's ``_defaults.md``. Never raises."""
    problems: list[Diagnostic] = []
    digest = hashlib.blake2b(digest_size=16)
    enabled, infer, api = _content_api(config.raw.get("content_api"), problems)
    site_inputs = inputs_of(config.raw.get("_inputs"))
    collection_inputs: dict[str, dict[str, Target]] = {}
    cloudcannon = _cloudcannon(root, problems, digest)
    site_inputs.update(inputs_of(cloudcannon.get("_inputs")))
    configured = cloudcannon.get("collections_config")
    if isinstance(configured, dict):
        for name, settings in configured.items():
            if isinstance(settings, dict):
                collection_inputs[str(name)] = inputs_of(settings.get("_inputs"))
    for collection in config.collections:
        folder = Path(config.collections_dir) / f"_{collection.label}"
        schema = _schema_inputs(root, (folder / SCHEMA_FILE).as_posix(), problems, digest)
        if schema:
            collection_inputs.setdefault(collection.label, {}).update(schema)
    digest.update(repr((enabled, infer, api, site_inputs, collection_inputs)).encode())
    return Declarations(
        enabled=enabled,
        infer=infer,
        api=MappingProxyType(api),
        site_inputs=MappingProxyType(site_inputs),
        collection_inputs=MappingProxyType(
            {name: MappingProxyType(inputs) for name, inputs in collection_inputs.items()}
        ),
        problems=tuple(problems),
        digest=digest.hexdigest(),
    )


def _content_api(value: Any, problems: list[Diagnostic]) -> tuple[bool, bool, dict[str, Target]]:
    block = value.get("references") if isinstance(value, dict) else None
    if block is None:
        return True, True, {}
    if block is False:
        return False, False, {}
    if not isinstance(block, dict):
        _problem(problems, "`content_api.references` should be a mapping (or false)")
        return True, True, {}
    for unknown in sorted(set(map(str, block)) - {"infer", "keys"}):
        _problem(problems, f"`content_api.references.{unknown}` is not a setting (infer, keys)")
    infer = block.get("infer", True)
    if not isinstance(infer, bool):
        _problem(problems, "`content_api.references.infer` should be true or false")
        infer = True
    keys = block.get("keys") or {}
    if not isinstance(keys, dict):
        _problem(problems, "`content_api.references.keys` should map keys to collections")
        return True, infer, {}
    api: dict[str, Target] = {}
    for key, spec in keys.items():
        target = _api_target(spec)
        if target is None:
            _problem(
                problems,
                f"`content_api.references.keys.{key}` should name a collection, a list of "
                "collections, {collection, value_key} or false",
            )
            continue
        api[str(key)] = target
    return True, infer, api


def _api_target(spec: Any) -> Target | None:
    if spec is False or spec is None:
        return NOT_A_REFERENCE
    value_key = None
    if isinstance(spec, dict):
        value_key = spec.get("value_key")
        if value_key is not None and not isinstance(value_key, str):
            return None
        spec = spec.get("collections", spec.get("collection"))
    names = [spec] if isinstance(spec, str) else spec
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        return None
    return Target(tuple(dict.fromkeys(names)), value_key, "content_api")


def _cloudcannon(root: Path, problems: list[Diagnostic], digest: Any) -> dict[str, Any]:
    for name in CLOUDCANNON_FILES:
        raw = _read(root, name, digest)
        if raw is None:
            continue
        text = raw.decode("utf-8", "replace")
        try:
            loaded = json.loads(text) if name.endswith(".json") else load_yaml(text)
        except (ValueError, YamlError) as exc:
            message = f"CloudCannon's configuration cannot be read ({exc}); it is ignored"
            problems.append(warning(name, "reference-config-invalid", message))
            return {}
        return loaded if isinstance(loaded, dict) else {}
    return {}


def _schema_inputs(
    root: Path, path: str, problems: list[Diagnostic], digest: Any
) -> dict[str, Target]:
    raw = _read(root, path, digest)
    if raw is None:
        return {}
    try:
        source = parse_source(raw)
    except SourceError as exc:
        message = f"This CloudCannon schema cannot be read ({exc.message}); its inputs are ignored"
        problems.append(warning(path, "reference-config-invalid", message, exc.line))
        return {}
    return {} if source is None else inputs_of(source.front_matter.get("_inputs"))


def _read(root: Path, name: str, digest: Any) -> bytes | None:
    path = root / name
    try:
        if not path.is_file() or not path.resolve().is_relative_to(root.resolve()):
            return None
        raw = read_regular(path)
    except OSError:
        return None
    digest.update(f"{name}\0".encode() + hashlib.blake2b(raw, digest_size=16).digest())
    return raw


def _problem(problems: list[Diagnostic], message: str) -> None:
    problems.append(warning(CONFIG_FILE, "reference-config-invalid", message))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None

"""Fixtures shared by the whole suite.

Corpus tests use ``corpus_dir``/``jekyll_manifest``: they skip, with a reason, where
``../shared/corpora`` is absent, and fail instead under ``CI=true`` so a missing corpus can
never turn a red build green.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CONTENT_API_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "aba-icc"


def _require(path: Path) -> Path:
    if path.exists():
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{path} is required under CI=true but is absent")
    pytest.skip(f"{path} is absent (the shared corpora are not beside this checkout)")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The aba-icc Jekyll site (``site/``)."""
    return _require(CORPUS / "site")


@pytest.fixture(scope="session")
def jekyll_manifest() -> list[dict[str, Any]]:
    """What Jekyll made of every document of the aba-icc site."""
    rows: list[dict[str, Any]] = json.loads(
        _require(CORPUS / "jekyll-manifest.json").read_text(encoding="utf-8")
    )
    return rows


@pytest.fixture(scope="session")
def shared_seed() -> Path:
    """The seed page as it was given (``shared/seed``)."""
    return _require(SHARED / "seed" / "the-us-icc-relationship.md")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return ROOT / "content" / "_about-the-icc" / "the-us-icc-relationship.md"

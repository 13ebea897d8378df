"""External programs the live tests drive (Debian's chromium and nginx).

Absent, a test skips with the reason; under ``CI=true`` it fails instead, since ``.ci/run``
installs them and a missing one must never turn a red build green.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


def require_program(path: Path | str, package: str) -> Path:
    found = Path(path) if Path(path).is_absolute() else None
    if found is None:
        which = shutil.which(str(path)) or shutil.which(str(path), path="/usr/sbin:/usr/bin")
        found = Path(which) if which else None
    if found is not None and found.exists():
        return found
    message = f"{path} is absent (Debian package {package}; .ci/run installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}, and CI=true requires it")
    pytest.skip(message)

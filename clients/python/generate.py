"""Regenerate ``content_api_client`` from ``openapi/openapi.json`` with openapi-python-client.

The package is the generator's output as it is, plus the files in ``KEPT`` (written by
hand: ``helpers.py`` and ``py.typed``). ``--check`` generates into a scratch folder and
compares instead: exit status 1, and the files that differ, when the package is stale.

    python clients/python/generate.py --generator PATH/openapi-python-client [--check]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCHEMA = ROOT / "openapi" / "openapi.json"
CONFIG = HERE / "openapi-python-client.yaml"
PACKAGE = HERE / "content_api_client"
KEPT = frozenset({"helpers.py", "py.typed"})


def generate(generator: Path, out: Path, schema: Path = SCHEMA) -> Path:
    """The generated package, in ``out``. Any warning of the generator is a failure: it
    means a part of the schema the client cannot use."""
    env = dict(os.environ)
    # The post hooks run the ruff installed beside the generator.
    env["PATH"] = f"{generator.parent}{os.pathsep}{env.get('PATH', '')}"
    command = [str(generator), "generate", "--path", str(schema), "--config", str(CONFIG)]
    command += ["--meta", "none", "--output-path", str(out / PACKAGE.name)]
    run = subprocess.run(command, cwd=out, env=env, capture_output=True, text=True, check=False)
    output = run.stdout + run.stderr
    said = output.lower()
    if run.returncode != 0 or "warning" in said or "error" in said:
        sys.stderr.write(output)
        raise SystemExit(f"openapi-python-client failed or warned (exit {run.returncode})")
    return out / PACKAGE.name


def files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def differences(generated: Path) -> list[str]:
    """The generated files that the committed package lacks or holds otherwise."""
    new, old = files(generated), files(PACKAGE) - KEPT
    changed = [
        name
        for name in sorted(new & old)
        if not filecmp.cmp(generated / name, PACKAGE / name, shallow=False)
    ]
    return sorted((new ^ old) | set(changed))


def replace(generated: Path) -> None:
    for name in files(PACKAGE) - KEPT:
        (PACKAGE / name).unlink()
    for folder in sorted((p for p in PACKAGE.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    for name in files(generated):
        target = PACKAGE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(generated / name, target)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", type=Path, required=True)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--schema", type=Path, default=SCHEMA, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        generated = generate(args.generator.resolve(), Path(scratch), args.schema.resolve())
        if args.check:
            stale = differences(generated)
            if stale:
                print("stale against openapi/openapi.json (make clients):", *stale, sep="\n  ")
                return 1
            return 0
        replace(generated)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

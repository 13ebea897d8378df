"""The command line, driven in-process with typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api import __version__
from api.cli import app
from tests.support.sites import page, write_site

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["serve", "check", "export", "openapi"]
SITE = {
    "_config.yml": "url: https://example.org\n",
    "_notes/good.md": page("title: Good"),
    "_notes/broken.md": "---\ntitle: [oops\n---\n",
}


def _text(output: str) -> str:
    """Rich wraps at the terminal width: compare text with the line breaks undone."""
    return " ".join(output.split())


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0
        assert result.stdout.strip() == f"content-api {__version__}"


def test_help_lists_every_command_with_examples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "content-api export --content-dir site --out public/" in _text(result.stdout)
    assert runner.invoke(app, []).exit_code != 0  # no command: the help, as a usage error


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    for flag in ("--help", "-h"):
        result = runner.invoke(app, [command, flag], terminal_width=200)
        assert result.exit_code == 0, result.output
        assert "Example" in result.stdout
        assert f"content-api {command}" in result.stdout


def test_check_is_coloured_on_a_terminal_and_fails_on_errors(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = write_site(tmp_path / "site", SITE)
    result = runner.invoke(app, ["check", "-c", str(root)], env={"FORCE_COLOR": "1"})
    assert result.exit_code == 1
    assert "\x1b[" in result.stdout  # ANSI colours
    assert "_notes/broken.md:2:" in result.stdout
    assert "1 error(s)" in re.sub(r"\x1b\[[0-9;]*m", "", result.stderr)  # coloured too


def test_check_is_plain_in_a_pipe(runner: CliRunner, tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", SITE)
    result = runner.invoke(app, ["check", "-c", str(root)], env={"NO_COLOR": "1", "TERM": "dumb"})
    assert "\x1b[" not in result.stdout
    line = next(x for x in result.stdout.splitlines() if x.startswith("_notes/broken.md"))
    assert line.startswith("_notes/broken.md:2: error: ")


def test_check_json_and_a_clean_site(runner: CliRunner, tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", SITE)
    result = runner.invoke(app, ["check", "-c", str(root), "--format", "json"])
    body = json.loads(result.stdout)
    assert body["meta"]["errors"] == 1 and result.exit_code == 1
    (root / "_notes/broken.md").unlink()
    clean = runner.invoke(app, ["check", "-c", str(root)])
    assert clean.exit_code == 0 and "no problems found" in clean.stderr


@pytest.mark.parametrize("command", ["serve", "check", "export"])
def test_a_missing_content_folder_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    result = runner.invoke(app, [command, "-c", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in _text(result.stderr)


def test_export(runner: CliRunner, tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", SITE)
    out = tmp_path / "public"
    result = runner.invoke(app, ["export", "-c", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and str(out) in _text(result.stderr).replace(" ", "")
    assert (out / "api/v1/pages/notes/good/index.json").is_file()
    assert (out / "sitemap.xml").is_file()
    assert "\r" not in result.stderr  # no progress bar drawn outside a terminal


def test_export_leaves_a_folder_that_is_not_an_export(runner: CliRunner, tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", SITE)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("keep")
    result = runner.invoke(app, ["export", "-c", str(root), "--out", str(tmp_path / "mine")])
    assert result.exit_code == 2
    assert "not an earlier export" in _text(result.stderr)
    assert (tmp_path / "mine" / "keep.txt").exists()


def test_openapi_writes_the_committed_schema(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert runner.invoke(app, ["openapi", "--out", str(out)]).exit_code == 0
    assert out.read_text() == (ROOT / "openapi" / "openapi.json").read_text()
    printed = runner.invoke(app, ["openapi"])
    assert json.loads(printed.stdout)["info"]["title"] == "Content API"


def test_serve_refuses_an_unknown_parser(runner: CliRunner, tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", SITE)
    result = runner.invoke(app, ["serve", "--content-dir", str(root), "--http", "zeus"])
    assert result.exit_code == 2
    assert "http" in _text(result.output)


def test_serve_passes_the_deadlines_and_the_cap_to_uvicorn(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from api import cli
    from api.http import protocol

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    monkeypatch.setattr(protocol, "DEADLINES", protocol.Deadlines())
    monkeypatch.setattr(cli, "_exit_zero_on_sigterm", lambda: None)  # this process's SIGTERM
    root = write_site(tmp_path / "site", SITE)
    args = ["serve", "-c", str(root), "--header-timeout", "4", "--body-timeout", "7"]
    result = runner.invoke(app, [*args, "--limit-concurrency", "100", "--http", "h11"])
    assert result.exit_code == 0, result.output
    assert seen["http"] == "api.http.protocol:DeadlineH11Protocol"
    assert seen["limit_concurrency"] == 100 and seen["ws"] == "none"
    assert (protocol.DEADLINES.header_timeout, protocol.DEADLINES.body_timeout) == (4.0, 7.0)


def test_the_descriptor_limit_is_raised_to_fit_the_cap_or_the_cap_lowered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import resource

    from api import cli

    limits = {"soft": 1024, "hard": 2048}
    monkeypatch.setattr(resource, "getrlimit", lambda _: (limits["soft"], limits["hard"]))
    monkeypatch.setattr(resource, "setrlimit", lambda _, new: limits.update(soft=new[0]))
    assert cli._descriptors_for(1000) == 1000
    assert limits["soft"] == 1000 + cli.SPARE_DESCRIPTORS
    assert cli._descriptors_for(4096) == 2048 - cli.SPARE_DESCRIPTORS  # the hard limit binds
    assert limits["soft"] == 2048


def test_check_lists_dangling_references(runner: CliRunner, tmp_path: Path) -> None:
    from tests.site.test_references import SITE as LINKED

    root = write_site(tmp_path / "site", LINKED)
    result = runner.invoke(app, ["check", "-c", str(root)], env={"NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0  # a warning, not an error
    [line] = [x for x in result.stdout.splitlines() if "dangling-reference" in x]
    assert line.startswith("_cases-events/e3.md:4: warning: `case: nope` names no page of `cases`")
    body = json.loads(runner.invoke(app, ["check", "-c", str(root), "--format", "json"]).stdout)
    assert [d["code"] for d in body["data"]] == ["dangling-reference"]


@pytest.mark.parametrize(
    ("flag", "value", "named"),
    [("--log-format", "xml", "--log-format"), ("--log-level", "loud", "--log-level")],
)
def test_serve_refuses_an_unknown_log_format_or_level(
    runner: CliRunner, tmp_path: Path, flag: str, value: str, named: str
) -> None:
    root = write_site(tmp_path / "site", SITE)
    result = runner.invoke(app, ["serve", "-c", str(root), flag, value])
    assert result.exit_code == 2
    assert named in _text(result.output)


def test_serve_logs_requests_itself_and_passes_the_log_and_cache_settings(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from api import cli
    from api.http import protocol

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options, app=app))
    monkeypatch.setattr(protocol, "DEADLINES", protocol.Deadlines())
    monkeypatch.setattr(cli, "_exit_zero_on_sigterm", lambda: None)
    root = write_site(tmp_path / "site", SITE)
    cache = tmp_path / "cache"
    args = ["serve", "-c", str(root), "--no-access-log", "--log-format", "JSON"]
    result = runner.invoke(app, [*args, "--cache-dir", str(cache)])
    assert result.exit_code == 0, result.output
    assert seen["access_log"] is False  # uvicorn's own access log: the app writes its own
    settings = seen["app"].runtime.settings  # type: ignore[attr-defined]
    assert (settings.access_log, settings.log_format, settings.cache_dir) == (False, "json", cache)
    config = seen["log_config"]
    assert isinstance(config, dict) and "json" in json.dumps(config).lower()

    seen.clear()
    assert runner.invoke(app, ["serve", "-c", str(root)]).exit_code == 0
    settings = seen["app"].runtime.settings  # type: ignore[attr-defined]
    assert (settings.access_log, settings.log_format, settings.cache_dir) == (True, "text", None)


def test_cache_commands_have_help_with_an_example(runner: CliRunner) -> None:
    for command in ("build", "clear"):
        result = runner.invoke(app, ["cache", command, "--help"], terminal_width=200)
        assert result.exit_code == 0, result.output
        assert f"content-api cache {command}" in result.stdout


def test_cache_build_refuses_a_missing_folder_and_a_read_only_directory(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.persist import db

    build = ["cache", "build", "-c"]
    missing = runner.invoke(app, [*build, str(tmp_path / "no"), "--cache-dir", "x"])
    assert missing.exit_code == 2 and "does not exist" in _text(missing.output)
    root = write_site(tmp_path / "site", SITE)
    cache = tmp_path / "cache"
    assert runner.invoke(app, [*build, str(root), "--cache-dir", str(cache)]).exit_code == 0
    monkeypatch.setattr(db, "writable", lambda directory: False)  # root may write anywhere
    result = runner.invoke(app, [*build, str(root), "--cache-dir", str(cache)])
    assert result.exit_code == 2 and "read-only" in _text(result.output)


def test_new_preview_tokens_and_webhook_secrets_are_accepted(runner: CliRunner) -> None:
    from api.preview.tokens import Verdict, parse_list
    from api.publish.webhooks import decode_secret

    tokens = {runner.invoke(app, ["preview-token"]).stdout.strip() for _ in range(3)}
    assert len(tokens) == 3  # random each time
    for token in tokens:
        accepted, problems = parse_list(token)
        assert problems == [] and accepted.check(token) is Verdict.VALID
    secret = runner.invoke(app, ["webhook-secret"]).stdout.strip()
    assert secret.startswith("whsec_") and len(decode_secret(secret)) == 32


def test_serve_refuses_bad_secrets_without_echoing_them(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(tmp_path / "site", SITE)
    monkeypatch.setenv("CONTENT_API_PREVIEW_TOKENS", "tooshort")
    result = runner.invoke(app, ["serve", "-c", str(root)])
    assert result.exit_code == 2
    assert "16 characters" in _text(result.output) and "tooshort" not in result.output
    monkeypatch.delenv("CONTENT_API_PREVIEW_TOKENS")
    monkeypatch.setenv("CONTENT_API_WEBHOOKS", "https://hooks.example/deploy/s3cret-path")
    result = runner.invoke(app, ["serve", "-c", str(root)])
    assert result.exit_code == 2
    assert "CONTENT_API_WEBHOOK_SECRET" in _text(result.output)
    monkeypatch.setenv("CONTENT_API_WEBHOOK_SECRET", "whsec_bm90IGxvbmcgZW5vdWdo")
    result = runner.invoke(app, ["serve", "-c", str(root)])
    assert result.exit_code == 2
    assert "24 to 64 bytes" in _text(result.output)
    assert "bm90IGxvbmcgZW5vdWdo" not in result.output and "s3cret" not in result.output


def test_serve_with_workers_passes_the_secrets_on_and_shares_a_lock_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import uvicorn

    from api import cli

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options, app=app))
    monkeypatch.setattr(cli, "_exit_zero_on_sigterm", lambda: None)
    token, secret = "a-preview-token-0123456789", "whsec_" + "QUJD" * 8
    monkeypatch.setenv("CONTENT_API_PREVIEW_TOKENS", token)
    monkeypatch.setenv("CONTENT_API_WEBHOOKS", "http://127.0.0.1:9/hook")
    monkeypatch.setenv("CONTENT_API_WEBHOOK_SECRET", secret)
    monkeypatch.delenv("CONTENT_API_WEBHOOK_LOCK_DIR", raising=False)
    root = write_site(tmp_path / "site", SITE)
    before = dict(os.environ)
    try:
        result = runner.invoke(app, ["serve", "-c", str(root), "--workers", "2"])
        assert result.exit_code == 0, result.output
        assert seen["workers"] == 2
        # The workers read their settings from the environment: the secrets as they are.
        assert os.environ["CONTENT_API_PREVIEW_TOKENS"] == token
        assert os.environ["CONTENT_API_WEBHOOK_SECRET"] == secret
        assert Path(os.environ["CONTENT_API_WEBHOOK_LOCK_DIR"]).is_dir()
    finally:  # what serve set for its workers, undone
        os.environ.clear()
        os.environ.update(before)

"""``content-api``: serve a Jekyll-style site as a JSON API, check it, export it."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api import __version__

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="content-api",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _Stderr:
    """rich's console on stderr, made when used (so as the environment is then, colours
    included): ``serve`` rarely needs it, and importing rich would cost every start."""

    @property
    def console(self) -> Console:
        from rich.console import Console

        return Console(stderr=True)

    def print(self, *objects: Any, **options: Any) -> None:
        self.console.print(*objects, **options)

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal


err = _Stderr()
#: Work smaller than this finishes before a progress bar would be worth drawing.
PROGRESS_THRESHOLD = 200

ContentDir = Annotated[
    Path,
    typer.Option(
        "--content-dir",
        "-c",
        envvar="CONTENT_API_CONTENT_DIR",
        help="The Jekyll site folder (with `_config.yml` and `_collection/` folders).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"content-api {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Serve Jekyll-style markdown (front matter, collections, TimelineJS embeds) as JSON.

    Examples:

    * `content-api serve --content-dir site --port 8080`
    * `content-api check --content-dir site --format json`
    * `content-api export --content-dir site --out public/`
    """


@app.command(
    epilog="Example: `content-api serve -c site --host 0.0.0.0 --port 8080 --workers 2 --watch`"
)
def serve(
    content_dir: ContentDir = Path("content"),
    host: Annotated[
        str, typer.Option(envvar="CONTENT_API_HOST", help="Interface to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="CONTENT_API_PORT", help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(envvar="CONTENT_API_WORKERS", min=1, help="Server processes.")
    ] = 1,
    watch: Annotated[
        bool,
        typer.Option("--watch", envvar="CONTENT_API_WATCH", help="Reload when content changes."),
    ] = False,
    unpublished: Annotated[
        bool,
        typer.Option(
            "--unpublished",
            envvar="CONTENT_API_UNPUBLISHED",
            help="Serve `published: false` pages.",
        ),
    ] = False,
    future: Annotated[
        bool,
        typer.Option("--future", envvar="CONTENT_API_FUTURE", help="Serve future-dated pages."),
    ] = False,
    drafts: Annotated[
        bool, typer.Option("--drafts", envvar="CONTENT_API_DRAFTS", help="Serve `_drafts/`.")
    ] = False,
    github_pages: Annotated[
        bool,
        typer.Option(
            "--github-pages",
            envvar="CONTENT_API_GITHUB_PAGES",
            help="Read the site as GitHub Pages builds it (default plugins, `future: true`).",
        ),
    ] = False,
    sanitize: Annotated[
        bool, typer.Option("--sanitize", envvar="CONTENT_API_SANITIZE", help="Sanitize all HTML.")
    ] = False,
    public_url: Annotated[
        str | None,
        typer.Option(envvar="CONTENT_API_PUBLIC_URL", help="Public base URL of the API."),
    ] = None,
    log_level: Annotated[
        str, typer.Option(envvar="CONTENT_API_LOG_LEVEL", help="Log level.")
    ] = "info",
    access_log: Annotated[
        bool,
        typer.Option(
            "--access-log/--no-access-log",
            envvar="CONTENT_API_ACCESS_LOG",
            help="One line per request on stdout (shown at log level info and below).",
        ),
    ] = True,
    log_format: Annotated[
        str,
        typer.Option(
            envvar="CONTENT_API_LOG_FORMAT",
            help="`text`, or `json` (one JSON object a line, for log shippers).",
        ),
    ] = "text",
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            envvar="CONTENT_API_CACHE_DIR",
            help="Keep parsed pages, rendered HTML and the search index here between "
            "restarts (and share them between workers).",
        ),
    ] = None,
    header_timeout: Annotated[
        float,
        typer.Option(
            envvar="CONTENT_API_HEADER_TIMEOUT",
            min=0.001,
            help="Seconds a client has to send its request line and headers.",
        ),
    ] = 10.0,
    body_timeout: Annotated[
        float,
        typer.Option(
            envvar="CONTENT_API_BODY_TIMEOUT",
            min=0.001,
            help="Seconds a client has to send a request body, after its headers.",
        ),
    ] = 30.0,
    limit_concurrency: Annotated[
        int,
        typer.Option(
            envvar="CONTENT_API_LIMIT_CONCURRENCY",
            min=1,
            help="Most connections per worker; requests beyond get a 503.",
        ),
    ] = 4096,
    http: Annotated[
        str,
        typer.Option(envvar="CONTENT_API_HTTP", help="HTTP parser: auto, httptools or h11."),
    ] = "auto",
) -> None:
    """Serve the API. Every option can also come from its `CONTENT_API_*` variable."""
    from api.logconfig import LEVELS, log_config
    from api.settings import Settings

    _require_folder(content_dir)
    log_format = log_format.strip().lower()
    if log_format not in ("text", "json"):
        err.print("[red]error:[/red] --log-format must be text or json")
        raise typer.Exit(2)
    if log_level.strip().lower() not in LEVELS:
        err.print(f"[red]error:[/red] --log-level must be one of {', '.join(LEVELS)}")
        raise typer.Exit(2)
    values: dict[str, Any] = {
        "content_dir": content_dir,
        "host": host,
        "port": port,
        "workers": workers,
        "watch": watch,
        "unpublished": unpublished,
        "future": future,
        "drafts": drafts,
        "github_pages": github_pages,
        "sanitize": sanitize,
        "public_url": public_url,
        "log_level": log_level,
        "access_log": access_log,
        "log_format": log_format,
        "cache_dir": cache_dir,
        "header_timeout": header_timeout,
        "body_timeout": body_timeout,
        "limit_concurrency": limit_concurrency,
        "http": http,
    }
    try:
        settings = Settings(**values)
    except ValueError as exc:  # the messages name the setting, never a secret's value
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    _exit_zero_on_sigterm()
    logging_config = log_config(log_level, log_format)
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "log_config": logging_config,
        # Requests are logged by the app (api.http.accesslog), at a fraction of the cost.
        "access_log": False,
        "timeout_graceful_shutdown": 30,
        "proxy_headers": True,
        "server_header": False,
    }
    if workers > 1:
        import uvicorn
        from pydantic import SecretStr

        # Each content version is delivered once, by whichever worker takes its lock first.
        if settings.webhooks and settings.webhook_lock_dir is None:
            settings = settings.model_copy(update={"webhook_lock_dir": _lock_dir()})
        # Worker processes build their own app from the environment: pass every setting on.
        for name, value in settings.model_dump(exclude_none=True).items():
            if isinstance(value, tuple):
                value = ",".join(value)
            elif isinstance(value, SecretStr):
                value = value.get_secret_value()
            os.environ[f"CONTENT_API_{name.upper()}"] = str(value)
        uvicorn.run(
            "api.http.app:app_from_env",
            factory=True,
            workers=workers,
            **common,
            **_connection_options(settings),
        )
        return
    # The content starts loading now, on other cores (child processes, through a fork server
    # that is ready by the time they are needed), while this process imports the web stack
    # (once the load's own share of this process is done: api.earlyload).
    import logging.config

    from api.earlyload import EarlyLoad

    logging.config.dictConfig(logging_config)
    early = EarlyLoad(settings)
    early.head_start()
    import uvicorn

    from api.http.app import create_app
    from api.http.protocol import configure

    configure(settings.header_timeout, settings.body_timeout)
    uvicorn.run(create_app(settings, early=early), **common, **_connection_options(settings))


def _require_folder(content_dir: Path) -> None:
    """Exit with a usage error (2) unless ``content_dir`` is a folder."""
    if not content_dir.is_dir():
        err.print(f"[red]error:[/red] content folder {content_dir} does not exist")
        raise typer.Exit(2)


def _lock_dir() -> Path:
    """A folder the workers share for webhook locks, removed when the server exits."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="content-api-webhooks-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _connection_options(settings: Any) -> dict[str, Any]:
    """uvicorn's protocol (with the receive deadlines) and the connection cap, with the
    descriptor limit raised to fit the cap."""
    from api.http.protocol import PROTOCOLS, parser

    limit = _descriptors_for(settings.limit_concurrency)
    return {
        "http": PROTOCOLS[parser(settings.http)],
        "ws": "none",  # no WebSocket endpoints: an Upgrade is an ordinary request
        "limit_concurrency": limit,
    }


#: Descriptors a worker needs beside its connections: the listening socket, logs, content
#: files being read, the search index, child processes' pipes.
SPARE_DESCRIPTORS = 256


def _descriptors_for(connections: int) -> int:
    """Raise this process's soft limit of open files so that ``connections`` fit (the hard
    limit permitting); the cap that fits what could be had."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + SPARE_DESCRIPTORS
    if soft != resource.RLIM_INFINITY and soft < wanted:
        new = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
        soft = new
    if soft != resource.RLIM_INFINITY and soft < wanted:
        fitted = max(1, soft - SPARE_DESCRIPTORS)
        err.print(
            f"[yellow]warning:[/yellow] only {soft} open files are allowed; "
            f"--limit-concurrency lowered from {connections} to {fitted}"
        )
        return fitted
    return connections


def _exit_zero_on_sigterm() -> None:
    """SIGTERM is how orchestrators ask for a stop: after uvicorn's graceful shutdown (which
    lets requests in flight finish, then stops the background work), exit 0 at once rather
    than die of the re-raised signal. At once: tearing down a large snapshot object by
    object takes a second and frees nothing the system would not."""
    import logging
    import signal

    def stop(signum: int, frame: object) -> None:
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)


@app.command(epilog="Example: `content-api check -c site --format json > diagnostics.json`")
def check(
    content_dir: ContentDir = Path("content"),
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="`text` or `json`.")
    ] = "text",
    unpublished: Annotated[
        bool, typer.Option("--unpublished", help="Include unpublished pages.")
    ] = True,
    future: Annotated[bool, typer.Option("--future", help="Include future-dated pages.")] = True,
    drafts: Annotated[bool, typer.Option("--drafts", help="Include `_drafts/`.")] = False,
    github_pages: Annotated[
        bool,
        typer.Option(
            "--github-pages",
            envvar="CONTENT_API_GITHUB_PAGES",
            help="Read the site as GitHub Pages builds it.",
        ),
    ] = False,
) -> None:
    """Read and render every page; print each problem as `path:line: severity: message`.

    Exits 1 when there is any error, 0 otherwise.
    """
    from api.check import run_check

    if output_format not in ("text", "json"):
        err.print("[red]error:[/red] --format must be text or json")
        raise typer.Exit(2)
    _require_folder(content_dir)
    code = run_check(
        content_dir,
        output_format,
        unpublished=unpublished,
        future=future,
        drafts=drafts,
        github_pages=github_pages,
        console=err.console,
    )
    raise typer.Exit(code)


@app.command(
    epilog="Example: `content-api export -c site --out public/`, then serve public/ with "
    "deploy/nginx.conf (an nginx server block) or upload it to a CDN."
)
def export(
    content_dir: ContentDir = Path("content"),
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write (replaced if an earlier export).")
    ] = Path("out"),
    unpublished: Annotated[
        bool, typer.Option("--unpublished", help="Include `published: false` pages.")
    ] = False,
    future: Annotated[bool, typer.Option("--future", help="Include future-dated pages.")] = False,
    drafts: Annotated[bool, typer.Option("--drafts", help="Include `_drafts/`.")] = False,
    public_url: Annotated[
        str | None,
        typer.Option(
            envvar="CONTENT_API_PUBLIC_URL",
            help="Where the export will be served (for timeline data URLs and feed links).",
        ),
    ] = None,
) -> None:
    """Write the whole read API as static files: `OUT/<path>/index.json` for each resource.

    Lists are written at every offset of the default page size, page HTML at
    `.../html/index.html`, plus feeds, the sitemap, the OpenAPI schema and a search index
    for client-side search. `deploy/nginx.conf` serves the folder under the API's paths.
    """
    from api.export import ExportError, export_site
    from api.settings import Settings

    _require_folder(content_dir)
    settings = Settings(
        content_dir=content_dir,
        unpublished=unpublished,
        future=future,
        drafts=drafts,
        public_url=public_url,
    )
    try:
        with _progress("exporting") as advance:
            report = export_site(settings, out, advance)
    except ExportError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    for skipped in report.skipped:
        err.print(f"[yellow]skipped:[/yellow] {skipped}")
    megabytes = report.bytes / 1_000_000
    err.print(f"[green]wrote {report.files} files ({megabytes:.1f} MB) to {report.out}[/green]")


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on a terminal for long work (hidden for small jobs and in pipes)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err.console,
        transient=True,
    )
    task = bar.add_task(label, total=None)

    def advance(done: int, total: int) -> None:
        if total >= PROGRESS_THRESHOLD and not bar.live.is_started and err.is_terminal:
            bar.start()
        bar.update(task, completed=done, total=total)

    try:
        yield advance
    finally:
        bar.stop()


cache_app = typer.Typer(
    name="cache",
    no_args_is_help=True,
    help="The cache directory: parsed pages, rendered HTML and the search index, kept "
    "between restarts and shared by workers.",
)
app.add_typer(cache_app)

CacheDir = Annotated[
    Path,
    typer.Option(
        "--cache-dir",
        envvar="CONTENT_API_CACHE_DIR",
        help="The cache directory (`serve --cache-dir` uses the same).",
    ),
]


@cache_app.command(
    "build",
    epilog="Example: `content-api cache build -c site --cache-dir /srv/cache`, then "
    "`content-api serve -c site --cache-dir /srv/cache` starts warm.",
)
def cache_build(
    cache_dir: CacheDir,
    content_dir: ContentDir = Path("content"),
    unpublished: Annotated[
        bool,
        typer.Option("--unpublished", envvar="CONTENT_API_UNPUBLISHED", help="As `serve`."),
    ] = False,
    future: Annotated[
        bool, typer.Option("--future", envvar="CONTENT_API_FUTURE", help="As `serve`.")
    ] = False,
    drafts: Annotated[
        bool, typer.Option("--drafts", envvar="CONTENT_API_DRAFTS", help="As `serve`.")
    ] = False,
    sanitize: Annotated[
        bool, typer.Option("--sanitize", envvar="CONTENT_API_SANITIZE", help="As `serve`.")
    ] = False,
    public_url: Annotated[
        str | None, typer.Option(envvar="CONTENT_API_PUBLIC_URL", help="As `serve`.")
    ] = None,
) -> None:
    """Parse, index and render the whole site into the cache directory, so that a server
    started with the same settings is ready at once (a Docker image ships warm)."""
    from api.earlyload import load_options
    from api.http.runtime import site_options
    from api.persist.build import build_cache
    from api.persist.db import Unusable
    from api.settings import Settings

    _require_folder(content_dir)
    settings = Settings(
        content_dir=content_dir,
        unpublished=unpublished,
        future=future,
        drafts=drafts,
        sanitize=sanitize,
        public_url=public_url,
        cache_dir=cache_dir,
    )
    try:
        with _progress("rendering") as advance:
            report = build_cache(
                content_dir,
                cache_dir,
                load_options(settings),
                site_options(settings),
                advance,
                hidden=settings.preview_tokens is not None
                or settings.preview_tokens_file is not None,
            )
    except Unusable as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    err.print(
        f"[green]cached {report.documents} pages ({report.parsed} files parsed) in "
        f"{report.seconds:.1f}s: {report.path} ({report.bytes / 1_000_000:.1f} MB)[/green]"
    )


@cache_app.command("clear", epilog="Example: `content-api cache clear --cache-dir /srv/cache`")
def cache_clear(cache_dir: CacheDir) -> None:
    """Remove the cache files from the cache directory (and nothing else)."""
    from api.persist.build import clear_cache

    removed = clear_cache(cache_dir) if cache_dir.is_dir() else 0
    err.print(f"removed {removed} cache files from {cache_dir}")


@app.command(epilog="Example: `content-api openapi --out openapi/openapi.json`")
def openapi(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write the OpenAPI schema of the API."""
    from api.http.app import create_app

    schema = create_app(start=False).openapi()
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


assets_app = typer.Typer(
    no_args_is_help=True,
    help="The TimelineJS assets of the hosted embeds (`/embed/timelines/{id}`).",
)
app.add_typer(assets_app, name="assets")


@assets_app.command(
    "fetch",
    epilog="Examples: `content-api assets fetch`; offline, from a tarball fetched elsewhere: "
    "`content-api assets fetch --tarball timelinejs-3.9.11.tgz`",
)
def assets_fetch(
    into: Annotated[
        Path | None,
        typer.Option(
            envvar="CONTENT_API_TIMELINEJS_DIR",
            help="Assets folder (default: inside the package, where the server looks).",
        ),
    ] = None,
    registry: Annotated[
        str,
        typer.Option(
            envvar=["NPM_CONFIG_REGISTRY", "npm_config_registry"],
            help="npm registry to download from.",
        ),
    ] = "https://registry.npmjs.org",
    tarball: Annotated[
        Path | None,
        typer.Option(help="Install from this tarball instead of downloading it."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Download even when installed.")] = False,
) -> None:
    """Download the pinned `@knight-lab/timelinejs` from npm, check its integrity (the pinned
    sha512) and install the files the hosted embeds serve. Does nothing when they are
    installed already. The server reads them when it starts."""
    from api.embed.fetch import FetchError, default_root, install
    from api.embed.pins import TIMELINEJS

    try:
        done = install(
            into or default_root(),
            registry=registry,
            tarball=tarball,
            force=force,
            say=lambda message: err.print(message, highlight=False, soft_wrap=True),
        )
    except FetchError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    state = "installed" if done.fetched else "already installed"
    err.print(
        f"{TIMELINEJS.name} {TIMELINEJS.version} {state} in {done.folder}",
        highlight=False,
        soft_wrap=True,
    )


@app.command("preview-token", epilog="Example: `content-api preview-token >> tokens.txt`")
def preview_token() -> None:
    """Print a new random preview token (256 bits), for CONTENT_API_PREVIEW_TOKENS or its
    file. Add `expires=YYYY-MM-DD` after it on its line to make it expire."""
    import secrets

    typer.echo(secrets.token_urlsafe(32))


@app.command("webhook-secret", epilog="Example: `content-api webhook-secret`")
def webhook_secret() -> None:
    """Print a new webhook signing secret (`whsec_` and 32 random bytes in base64), for
    CONTENT_API_WEBHOOK_SECRET and the receivers that check the signatures."""
    import base64
    import secrets

    typer.echo("whsec_" + base64.b64encode(secrets.token_bytes(32)).decode())


def main() -> None:
    app()

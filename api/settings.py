"""Every setting in one place: ``CONTENT_API_*`` environment variables, or CLI flags."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Final, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from api.preview.tokens import parse_list
from api.publish.webhooks import check_url, decode_secret

DEFAULT_SHEETS_PROXY: Final = "https://sheets-proxy.knightlab.com/proxy/"
# Checked because both go into a Content-Security-Policy header.
_PROXY: Final = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%!$&()*+=:@/-]*)?"
    r"(?:\?[A-Za-z0-9._~%!$&()*+=:@/?-]*)?"
)
_FRAME_SOURCE: Final = re.compile(
    r"\*|'self'|'none'|https?:"
    r"|(?:https?://)?(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::(?:[0-9]{1,5}|\*))?"
    r"(?:/[A-Za-z0-9._~%!$&()*+=:@/-]*)?"
)


class Settings(BaseSettings):
    """Configuration of one server. Each field is also ``CONTENT_API_<NAME>``."""

    # Inputs are never echoed in errors: some are secrets (tokens, the webhook secret).
    model_config = SettingsConfigDict(
        env_prefix="CONTENT_API_", frozen=True, extra="ignore", hide_input_in_errors=True
    )

    content_dir: Path = Field(Path("content"), description="The Jekyll site to serve.")
    host: str = Field("127.0.0.1", description="Interface to listen on.")
    port: int = Field(8000, ge=0, le=65535, description="Port to listen on.")
    workers: int = Field(1, ge=1, le=64, description="Server processes sharing the port.")
    watch: bool = Field(False, description="Reload content when files change.")
    unpublished: bool = Field(False, description="Serve documents with `published: false`.")
    future: bool = Field(False, description="Serve documents dated in the future.")
    drafts: bool = Field(False, description="Serve `_drafts/`.")
    github_pages: bool = Field(
        False,
        description="Read the site as GitHub Pages builds it (its default plugins and "
        "`future: true`), even without a Gemfile that uses the `github-pages` gem.",
    )
    sanitize: bool = Field(False, description="Sanitize every HTML body (nh3 allowlist).")
    public_url: str | None = Field(
        None,
        description="Public base URL of this API (e.g. https://api.example.org), used in "
        "timeline embeds of local data, oEmbed and feeds.",
    )
    cors_origins: Annotated[tuple[str, ...], NoDecode] = Field(
        ("*",), description="Origins allowed to call the API from a browser (comma-separated)."
    )
    cache_control: str = Field(
        "public, max-age=60, stale-while-revalidate=600",
        description="Cache-Control header of successful GET responses.",
    )
    max_url_length: int = Field(8192, ge=256, description="Longest request target accepted.")
    max_query_params: int = Field(64, ge=1, description="Most query parameters accepted.")
    log_level: str = Field("info", description="uvicorn log level.")
    access_log: bool = Field(
        True, description="One line per request on stdout (at log levels info and below)."
    )
    log_format: Literal["text", "json"] = Field(
        "text", description="`text` lines, or `json`: one JSON object a line, for log shippers."
    )
    cache_dir: Path | None = Field(
        None,
        description="Where parsed pages, rendered HTML and the search index are kept between "
        "restarts and shared by workers (none: every start reads everything).",
    )
    header_timeout: float = Field(
        10.0, gt=0, description="Seconds a client has to send its request line and headers."
    )
    body_timeout: float = Field(
        30.0, gt=0, description="Seconds a client has to send a request body, after its headers."
    )
    limit_concurrency: int = Field(
        4096,
        ge=1,
        description="Most connections (and requests in flight) per worker; more get a 503.",
    )
    http: Literal["auto", "httptools", "h11"] = Field(
        "auto", description="HTTP parser: httptools (the default when installed) or h11."
    )
    hosted_embeds: bool = Field(
        True, description="Serve self-hosted TimelineJS embeds at /embed/timelines/{page_id}."
    )
    timelinejs_dir: Path | None = Field(
        None,
        description="Folder `content-api assets fetch` installs TimelineJS into "
        "(default: inside the package).",
    )
    sheets_proxy: str = Field(
        DEFAULT_SHEETS_PROXY,
        description="The proxy hosted embeds read Google Sheets through (TimelineJS appends "
        "the sheet's CSV URL to it). The default is Knight Lab's.",
    )
    embed_frame_ancestors: str = Field(
        "*",
        description="Who may frame the hosted embeds: a CSP frame-ancestors source list.",
    )
    preview_tokens: SecretStr | None = Field(
        None,
        description="Preview tokens, comma-separated (`<token>` or `<token> expires=<date>`): "
        "`Authorization: Bearer <token>` sees unpublished, future and draft pages.",
    )
    preview_tokens_file: Path | None = Field(
        None,
        description="A file of preview tokens, one a line, re-read when it changes "
        "(a mounted Kubernetes Secret).",
    )
    webhooks: Annotated[tuple[str, ...], NoDecode] = Field(
        (), description="URLs told of every new content version (comma-separated)."
    )
    webhook_secret: SecretStr | None = Field(
        None, description="The Standard Webhooks signing secret: `whsec_` and base64."
    )
    webhook_lock_dir: Path | None = Field(
        None,
        description="A folder every worker shares, so that each version is delivered once "
        "(`serve --workers N` makes one when this is not set).",
    )
    events_heartbeat: float = Field(
        15.0, gt=0, le=300, description="Seconds between heartbeats on /api/v1/events."
    )
    events_max_subscribers: int | None = Field(
        None,
        ge=1,
        description="Most /api/v1/events streams per worker; more get a 503 (default: half "
        "of `limit_concurrency`, so that ordinary requests always have room).",
    )
    oembed_embed: Literal["knightlab", "hosted"] = Field(
        "knightlab",
        description="The timeline embed /oembed answers with when `embed` is not given: "
        "Knight Lab's CDN page, or this API's hosted page where the timeline has one.",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("preview_tokens")
    @classmethod
    def _check_tokens(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        tokens, problems = parse_list(value.get_secret_value())
        if problems:
            raise ValueError("; ".join(problems))
        return value if len(tokens) else None

    @field_validator("webhooks", mode="before")
    @classmethod
    def _split_webhooks(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple):
            return tuple(check_url(str(url)) for url in value)
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _check_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            decode_secret(value.get_secret_value())
        return value

    @model_validator(mode="after")
    def _webhooks_signed(self) -> Settings:
        if self.webhooks and self.webhook_secret is None:
            raise ValueError(
                "CONTENT_API_WEBHOOKS needs CONTENT_API_WEBHOOK_SECRET (`whsec_` and base64): "
                "deliveries are always signed"
            )
        return self

    @field_validator("sheets_proxy")
    @classmethod
    def _check_proxy(cls, value: str) -> str:
        if not _PROXY.fullmatch(value):
            raise ValueError("an http(s) URL, without user, fragment, quote, comma or semicolon")
        return value

    @field_validator("embed_frame_ancestors")
    @classmethod
    def _check_ancestors(cls, value: str) -> str:
        sources = value.split()
        if not sources or not all(_FRAME_SOURCE.fullmatch(s) for s in sources):
            raise ValueError("must be CSP sources such as *, 'self' or https://example.org")
        if "'none'" in sources and len(sources) > 1:
            raise ValueError("'none' must stand alone")
        return " ".join(sources)

    @field_validator("public_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else None

    @property
    def logs_requests(self) -> bool:
        """Whether requests are logged: the access log is on and the level shows info."""
        return self.access_log and self.log_level.strip().lower() in ("trace", "debug", "info")

    @property
    def stream_cap(self) -> int:
        """Most event streams per worker: as set, else half the connection cap."""
        return self.events_max_subscribers or max(1, self.limit_concurrency // 2)

"""Every setting in one place: ``CONTENT_API_*`` environment variables, or CLI flags."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Configuration of one server. Each field is also ``CONTENT_API_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="CONTENT_API_", frozen=True, extra="ignore")

    content_dir: Path = Field(Path("content"), description="The Jekyll site to serve.")
    host: str = Field("127.0.0.1", description="Interface to listen on.")
    port: int = Field(8000, ge=0, le=65535, description="Port to listen on.")
    workers: int = Field(1, ge=1, le=64, description="Server processes sharing the port.")
    watch: bool = Field(False, description="Reload content when files change.")
    unpublished: bool = Field(False, description="Serve documents with `published: false`.")
    future: bool = Field(False, description="Serve documents dated in the future.")
    drafts: bool = Field(False, description="Serve `_drafts/`.")
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

    @field_validator("public_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else None

    @property
    def logs_requests(self) -> bool:
        """Whether requests are logged: the access log is on and the level shows info."""
        return self.access_log and self.log_level.strip().lower() in ("trace", "debug", "info")

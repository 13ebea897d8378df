# syntax=docker/dockerfile:1
# The content API with its content baked in: stateless, so replicas scale horizontally.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY api ./api
# First the hosted timeline embeds' TimelineJS assets, from npm, refused unless their integrity
# is the pinned one (standard library only); the install then packs them with the package.
RUN python -m api.embed.fetch \
 && pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    CONTENT_API_CONTENT_DIR=/srv/content \
    CONTENT_API_CACHE_DIR=/srv/cache
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /srv --shell /usr/sbin/nologin app \
 && mkdir -p /srv/cache \
 && chown 10001:10001 /srv/cache
COPY --from=build /install /usr/local
COPY --chown=10001:10001 content /srv/content
WORKDIR /srv
USER 10001:10001
# Parse, index and render the content now, so every container starts warm (also from a
# read-only root filesystem). Build with the CONTENT_API_* settings the server will use.
RUN content-api cache build
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"]
CMD ["content-api", "serve", "--host", "0.0.0.0"]

"""Query latency at 100,000 documents: lists, filters and search against page detail.

Searches are of two kinds: those people make of a site (a known item, a word, two words, a
prefix; words drawn uniformly from the vocabulary, so mostly rare), and two of the 20 most
frequent words of the corpus (every pair), which nearly every page has.

Documents are generated (several collections, countries, dates, numbers, tags, a few
paragraphs each). Every measured URL is distinct, so each list, filter and search response
is computed, not replayed from the response cache; page detail is measured on pages already
served once, i.e. the cost of serving a page. One keep-alive client, sequential requests.
"""

from __future__ import annotations

import collections
import itertools
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import api_server, free_port, percentile, rss_mib, wait_until

COLLECTIONS = ("cases", "events", "countries", "people", "news")
COUNTRIES = tuple(f"Country {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60))
DOMAIN = [
    "court",
    "justice",
    "statute",
    "tribunal",
    "prosecutor",
    "chamber",
    "victim",
    "witness",
    "appeal",
    "trial",
    "judgment",
    "warrant",
    "evidence",
    "hearing",
    "defence",
    "sentence",
    "reparation",
    "cooperation",
    "jurisdiction",
    "genocide",
    "humanity",
    "aggression",
    "investigation",
    "admissibility",
    "complementarity",
    "assembly",
    "registry",
    "president",
    "judge",
    "counsel",
    "detention",
    "release",
    "custody",
    "charges",
    "confirmation",
    "summons",
]
#: Words follow Zipf's law, as in real text: a few are everywhere, most are rare.
VOCABULARY_SIZE = 20_000
ZIPF_EXPONENT = 1.1


def vocabulary(size: int = VOCABULARY_SIZE) -> list[str]:
    """The domain words first (the most frequent), then made-up words of two to four
    syllables, all distinct."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words = list(DOMAIN)
    seen = set(words)
    rng = random.Random(1)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


WORDS = vocabulary()
_CUMULATIVE = list(
    itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(WORDS)))
)


def text(rng: random.Random, count: int) -> list[str]:
    return rng.choices(WORDS, cum_weights=_CUMULATIVE, k=count)


def generate(root: Path, count: int, seed: int = 7) -> list[str]:
    """Write ``count`` pages; return the 20 most frequent words of their text."""
    rng = random.Random(seed)
    counts: collections.Counter[str] = collections.Counter()
    config = ["collections:"]
    for name in COLLECTIONS:
        config += [f"  {name}:", "    output: true", "    permalink: /:collection/:path/"]
    (root / "_config.yml").write_text("\n".join(config) + "\n")
    for i in range(count):
        collection = COLLECTIONS[i % len(COLLECTIONS)]
        folder = root / f"_{collection}" / f"group{i % 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        words = text(rng, 120)
        unique = f"marker{i}"
        title = " ".join(word.capitalize() for word in text(rng, 4))
        heading = " ".join(text(rng, 2)).capitalize()
        body = (
            f"## {heading}\n\n"
            + " ".join(words[:60])
            + f" {unique}.\n\n"
            + " ".join(words[60:])
            + ".\n"
        )
        tags = ", ".join(rng.sample(DOMAIN, 3))
        front = (
            f"title: {title} {i}\n"
            f"country: {rng.choice(COUNTRIES)}\n"
            f"date: {rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
            f"order: {rng.randint(1, 1000)}\n"
            f"score: {rng.random() * 100:.2f}\n"
            f"featured: {str(rng.random() < 0.2).lower()}\n"
            f"tags: [{tags}]\n"
        )
        (folder / f"doc-{i:06d}.md").write_text(f"---\n{front}---\n\n{body}")
        counts.update(word.lower() for word in (*words, *title.split(), *heading.split()))
    return [word for word, _ in counts.most_common(20)]


SORTS = ("-date", "title", "-order", "date")


def _list_url(rng: random.Random, count: int) -> str:
    per_collection = count // len(COLLECTIONS)
    offset = rng.randint(per_collection // 2, per_collection - 20)
    collection, sort = rng.choice(COLLECTIONS), rng.choice(SORTS)
    return f"/api/v1/pages?collection={collection}&sort={sort}&offset={offset}&limit=20"


def _filter_url(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        query = f"filter[country]={rng.choice(COUNTRIES)}&offset={rng.randint(0, 1500)}"
    elif kind == 1:
        query = f"filter[order][gte]={rng.randint(1, 1000)}&filter[featured]=true"
        query += f"&offset={rng.randint(0, 500)}"
    else:
        query = (
            f"filter[tags]={rng.choice(DOMAIN)}&filter[date][gt]={rng.randint(1990, 2024)}-01-01"
        )
        query += f"&offset={rng.randint(0, 500)}"
    return f"/api/v1/pages?{query}"


def _search_url(rng: random.Random, count: int) -> str:
    """Searches people make: a known item, a word, two words, a prefix. Words are drawn
    uniformly from the vocabulary (so mostly not the handful that are everywhere)."""
    kind = rng.randrange(4)
    if kind == 0:
        query = f"q=marker{rng.randrange(count)}"
    elif kind == 1:
        query = f"q={rng.choice(WORDS)}&offset={rng.choice((0, 0, 20))}"
    elif kind == 2:
        query = f"q={rng.choice(WORDS[:2000])}+{rng.choice(WORDS)}"
    else:
        query = f"q={rng.choice(WORDS)[:4]}*&collection={rng.choice(COLLECTIONS)}"
    return f"/api/v1/search?{query}"


def _common_urls(rng: random.Random, common: list[str]) -> list[str]:
    """Two of the corpus's 20 most frequent words: every pair, in a random order."""
    pairs = [[a, b] for i, a in enumerate(common) for b in common[i + 1 :]]
    for pair in pairs:
        rng.shuffle(pair)
    rng.shuffle(pairs)
    return [f"/api/v1/search?q={a}+{b}" for a, b in pairs]


def timed(client: httpx.Client, urls: list[str]) -> list[float]:
    latencies = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code} {response.text[:200]}")
    return latencies


def run(count: int = 100_000, samples: int = 300, seed: int = 11) -> dict[str, Any]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        common = generate(root, count)
        generated = time.perf_counter() - started
        port = free_port()
        with api_server(root, port) as process:
            base = f"http://127.0.0.1:{port}"
            ready = wait_until(f"{base}/readyz", timeout=900)
            with httpx.Client(base_url=base, timeout=120) as client:
                ids = [
                    f"{COLLECTIONS[i % len(COLLECTIONS)]}/group{i % 100:02d}/doc-{i:06d}"
                    for i in rng.sample(range(count), samples)
                ]
                detail_urls = [f"/api/v1/pages/{doc_id}" for doc_id in ids]
                timed(client, detail_urls)  # first touch renders; what follows is serving
                list_urls = [_list_url(rng, count) for _ in range(samples)]
                filter_urls = [_filter_url(rng) for _ in range(samples)]
                search_urls = [_search_url(rng, count) for _ in range(samples)]
                common_urls = _common_urls(rng, common)
                # Build each field's index and sort order, and wait for the search index,
                # before measuring: those are one-off costs per content version.
                warm = [
                    *(f"/api/v1/pages?collection=cases&sort={s}&limit=1" for s in SORTS),
                    "/api/v1/pages?filter[country]=x&limit=1",
                    "/api/v1/pages?filter[order][gte]=1&filter[featured]=true&limit=1",
                    "/api/v1/pages?filter[tags]=x&filter[date][gt]=2000-01-01&limit=1",
                ]
                started = time.perf_counter()
                timed(client, warm)
                while client.get("/api/v1/search?q=warmup").status_code == 503:
                    time.sleep(0.5)  # the search index is still being built
                warmup = time.perf_counter() - started
                detail = timed(client, detail_urls)
                lists = timed(client, list(dict.fromkeys(list_urls)))
                filters = timed(client, list(dict.fromkeys(filter_urls)))
                searches = timed(client, list(dict.fromkeys(search_urls)))
                commons = timed(client, common_urls)
                detail_after = timed(client, detail_urls)  # the baseline, once more
            rss = rss_mib(process.pid)
    measured = {
        "detail": detail + detail_after,
        "list": lists,
        "filter": filters,
        "search": searches,
        "search_common": commons,
    }
    p50 = {name: percentile(values, 0.5) for name, values in measured.items()}
    return {
        "documents": count,
        "generate_s": generated,
        "ready_s": ready,
        "warmup_s": warmup,
        **{f"{name}_p50_ms": value for name, value in p50.items()},
        **{f"{name}_p90_ms": percentile(values, 0.9) for name, values in measured.items()},
        "list_over_detail": p50["list"] / p50["detail"],
        "filter_over_detail": p50["filter"] / p50["detail"],
        "search_over_detail": p50["search"] / p50["detail"],
        "search_common_over_detail": p50["search_common"] / p50["detail"],
        "common_words": " ".join(common),
        "rss_mib": rss,
    }


if __name__ == "__main__":
    print(run())

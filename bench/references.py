"""References at 100,000 documents: an expanded page detail against a plain one, over HTTP.

The site is generated the way the aba-icc site is built: countries; accused people, each
with a country; cases with a country and a list of accused; events and charges, each naming
a case and an accused (a few naming a case that does not exist). Each measured page is
served once first (so it is rendered), then:

- ``detail``: the plain page detail again (cached bytes: the cost of serving a page);
- ``expanded_first``: the same page with ``expand=country,accuseds,referenced_by`` asked
  for the first time (every URL distinct: the expansion is computed, with the events and
  charges that name the case and its country and accused as page summaries);
- ``expanded``: that URL again (cached, as every response is);
- ``country_first``: a country with ``expand=referenced_by`` (hundreds of backlinks),
  computed.

Plain and expanded requests alternate, one keep-alive client, sequential requests; p50 and
p90 in milliseconds. Target: expanded detail p50 at most 2x plain detail p50.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import api_server, free_port, percentile, rss_mib, wait_until
from bench.scale import text, timed

EXPAND = "country,accuseds,referenced_by"
#: Shares of the documents, after the countries.
SHARES = (("accuseds", 0.05), ("cases", 0.15), ("cases-charges", 0.15), ("cases-events", 0.65))
COUNTRIES = 200
DANGLING = 0.01  # of events and charges, naming a case that does not exist


def generate(root: Path, count: int, seed: int = 7) -> dict[str, list[str]]:
    """Write the site; returns the slugs of each collection."""
    rng = random.Random(seed)
    names = ["countries", *(name for name, _ in SHARES)]
    config = ["collections:"]
    for name in names:
        config += [f"  {name}:", "    output: true", "    permalink: /:collection/:path/"]
    (root / "_config.yml").write_text("\n".join(config) + "\n")
    sizes = {"countries": COUNTRIES}
    rest = count - COUNTRIES
    for name, share in SHARES:
        sizes[name] = int(rest * share)
    sizes["cases-events"] += count - sum(sizes.values())
    slugs = {name: [f"{name[:4]}-{i:06d}" for i in range(size)] for name, size in sizes.items()}
    for name in names:
        folder = root / f"_{name}"
        folder.mkdir()
        for i, slug in enumerate(slugs[name]):
            front = [f"title: {' '.join(text(rng, 3)).title()} {i}"]
            front += _references(name, rng, slugs)
            body = " ".join(text(rng, 40)) + ".\n"
            (folder / f"{slug}.md").write_text("---\n" + "\n".join(front) + "\n---\n\n" + body)
    return slugs


def _references(name: str, rng: random.Random, slugs: dict[str, list[str]]) -> list[str]:
    if name == "accuseds":
        return [f"country: {rng.choice(slugs['countries'])}"]
    if name == "cases":
        accused = rng.sample(slugs["accuseds"], rng.randint(1, 3))
        return [
            f"country: {rng.choice(slugs['countries'])}",
            "accuseds:",
            *(f"  - {slug}" for slug in accused),
        ]
    if name in ("cases-events", "cases-charges"):
        case = rng.choice(slugs["cases"]) if rng.random() > DANGLING else "no-such-case"
        lines = [f"case: {case}", f"accused: {rng.choice(slugs['accuseds'])}"]
        if name == "cases-events":
            lines.append(f"event_date: {rng.randint(2002, 2025)}-{rng.randint(1, 12):02d}-01")
        return lines
    return []


def _alternating(
    client: httpx.Client, first: list[str], second: list[str]
) -> tuple[list[float], list[float]]:
    a: list[float] = []
    b: list[float] = []
    for one, other in zip(first, second, strict=True):
        a += timed(client, [one])
        b += timed(client, [other])
    return a, b


def run(count: int = 100_000, samples: int = 300, seed: int = 11) -> dict[str, Any]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        slugs = generate(root, count)
        generated = time.perf_counter() - started
        port = free_port()
        with api_server(root, port) as process:
            base = f"http://127.0.0.1:{port}"
            ready = wait_until(f"{base}/readyz", timeout=900)
            with httpx.Client(base_url=base, timeout=120) as client:
                cases = [f"/api/v1/pages/cases/{s}" for s in rng.sample(slugs["cases"], samples)]
                countries = [f"/api/v1/pages/countries/{s}" for s in slugs["countries"]]
                timed(client, cases + countries)  # first touch renders
                # Alternating, so that the load of the machine weighs on both alike.
                detail, expanded_first = _alternating(
                    client, cases, [f"{url}?expand={EXPAND}" for url in cases]
                )
                detail_again, expanded = _alternating(
                    client, cases, [f"{url}?expand={EXPAND}" for url in cases]
                )
                detail += detail_again
                country_first = timed(client, [f"{url}?expand=referenced_by" for url in countries])
                sample = client.get(f"{cases[0]}?expand={EXPAND}")
                country = client.get(f"{countries[0]}?expand=referenced_by")
                diagnostics = client.get("/api/v1/diagnostics").json()["data"]
            rss = rss_mib(process.pid)
    measured = {
        "detail": detail,
        "expanded_first": expanded_first,
        "expanded": expanded,
        "country_first": country_first,
    }
    p50 = {name: percentile(values, 0.5) for name, values in measured.items()}
    backlinks = sum(len(group) for group in country.json()["referenced_by"].values())
    return {
        "documents": count,
        "generate_s": generated,
        "ready_s": ready,
        **{f"{name}_p50_ms": value for name, value in p50.items()},
        **{f"{name}_p90_ms": percentile(values, 0.9) for name, values in measured.items()},
        "expanded_first_over_detail": p50["expanded_first"] / p50["detail"],
        "expanded_over_detail": p50["expanded"] / p50["detail"],
        "country_first_over_detail": p50["country_first"] / p50["detail"],
        "expanded_bytes": len(sample.content),
        "country_backlinks": backlinks,
        "dangling_references": sum(1 for d in diagnostics if d["code"] == "dangling-reference"),
        "rss_mib": rss,
    }


if __name__ == "__main__":
    print(run())

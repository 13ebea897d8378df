"""How closely the API matches Jekyll on any site: metadata and HTML parity shares.

    python -m bench.parity SITE_DIR --manifest jekyll-manifest.json
    python -m bench.parity SITE_DIR --jekyll [--github-pages] [--plugins a,b] [--safe]

``--manifest`` reads rows made by ``tools/jekyll-manifest`` (or the corpora's own);
``--jekyll`` runs that tool first (it needs Ruby and Jekyll: Debian's ``jekyll`` and its
``ruby-jekyll-*`` plugins). ``--ignore-data a,b`` leaves out data keys that the site's own
Ruby plugins (``_plugins/``) add, which the API does not run. The API reads the site as it
serves it (``--unpublished --future``, the plugins the site turns on, and GitHub Pages mode
with ``--github-pages``) and renders every document. Printed: the share of documents whose
metadata matches, the share whose HTML matches (also without the documents that hold code
blocks), and the first mismatches with what differs. ``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from api.content.loader import Loader, LoadOptions
from api.site import Site
from tests.support.parity import Report, compare

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "jekyll-manifest" / "jekyll-manifest.rb"


def jekyll_manifest(
    site: Path, github_pages: bool, plugins: list[str], layouts: list[str], safe: bool
) -> list[dict[str, Any]]:
    """Rows from real Jekyll, through ``tools/jekyll-manifest``."""
    if shutil.which("ruby") is None:
        raise SystemExit("--jekyll needs Ruby and Jekyll (Debian: apt-get install jekyll)")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "manifest.json"
        command = ["ruby", str(TOOL), str(site), "--output", str(out)]
        if github_pages:
            command.append("--github-pages")
        if plugins:
            command += ["--plugins", ",".join(plugins)]
        if layouts:
            command += ["--layouts", ",".join(layouts)]
        if safe:
            command.append("--safe")
        subprocess.run(command, check=True)
        rows: list[dict[str, Any]] = json.loads(out.read_text("utf-8"))
    return rows


def measure(
    site_dir: Path,
    rows: list[dict[str, Any]],
    github_pages: bool = False,
    ignored: frozenset[str] = frozenset(),
) -> Report:
    options = LoadOptions(unpublished=True, future=True, github_pages=github_pages)
    site = Site(Loader(site_dir, options).load())
    return compare(rows, site.snapshot.documents, lambda doc: site.rendered(doc).html, ignored)


def summary(report: Report) -> dict[str, Any]:
    matching, compared = report.html_without_code
    return {
        "documents": report.documents,
        "served": report.served,
        "extra": len(report.extra),
        "not_served": sum(1 for d in report.metadata.values() if d == ["not served"]),
        "metadata": {
            "matching": report.documents - len(report.metadata),
            "share": round(report.metadata_share, 4),
        },
        "html": {
            "compared": report.html_rows,
            "matching": report.html_rows - len(report.html),
            "share": round(report.html_share, 4),
        },
        "html_ignoring_highlighting": {
            "compared": report.html_rows,
            "matching": report.html_rows - len(report.html) + len(report.highlighting_only),
            "share": round(
                (report.html_rows - len(report.html) + len(report.highlighting_only))
                / report.html_rows,
                4,
            )
            if report.html_rows
            else 1.0,
        },
        "html_without_code": {
            "compared": compared,
            "matching": matching,
            "share": round(matching / compared, 4) if compared else 1.0,
        },
    }


def _print(report: Report, show: int) -> None:
    figures = summary(report)
    html, plain = figures["html"], figures["html_without_code"]
    print(
        f"documents: {report.documents} in Jekyll's manifest, {report.served} served, "
        f"{figures['not_served']} not served, {figures['extra']} served that Jekyll does not"
    )
    print(
        f"metadata: {figures['metadata']['matching']}/{report.documents} "
        f"= {report.metadata_share:.2%}"
    )
    print(f"html: {html['matching']}/{html['compared']} = {report.html_share:.2%}")
    print(
        f"html without code blocks: {plain['matching']}/{plain['compared']} = {plain['share']:.2%}"
    )
    ignoring = figures["html_ignoring_highlighting"]
    print(
        f"html ignoring highlighting classes: {ignoring['matching']}/{ignoring['compared']} "
        f"= {ignoring['share']:.2%}"
    )
    for path, found in sorted(report.metadata.items())[:show]:
        print(f"metadata differs: {path}: {'; '.join(found)[:400]}")
    for path in report.extra[:show]:
        print(f"extra: {path}")
    shown = [(p, d) for p, d in sorted(report.html.items()) if p not in report.highlighting_only]
    for path, difference in shown[:show]:
        print(f"html differs: {path}\n{difference[:1500]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parity", description=__doc__)
    parser.add_argument("site", type=Path, help="the Jekyll site's folder")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--manifest", type=Path, help="Jekyll's rows (tools/jekyll-manifest)")
    source.add_argument("--jekyll", action="store_true", help="run Jekyll to make the rows")
    parser.add_argument("--github-pages", action="store_true", help="GitHub Pages mode")
    parser.add_argument("--plugins", default="", help="more plugins for Jekyll (a,b)")
    parser.add_argument("--layouts", default="", help="bare layouts a theme would add (a,b)")
    parser.add_argument("--safe", action="store_true", help="Jekyll ignores the site's _plugins")
    parser.add_argument(
        "--ignore-data",
        default="",
        help="data keys not compared (a,b): those the site's own Ruby plugins add",
    )
    parser.add_argument("--save", type=Path, help="keep the rows Jekyll made in this file")
    parser.add_argument("--show", type=int, default=10, help="mismatches to print of each kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.manifest:
        rows = json.loads(args.manifest.read_text("utf-8"))
    else:
        names = [n for n in args.plugins.split(",") if n]
        layouts = [n for n in args.layouts.split(",") if n]
        rows = jekyll_manifest(args.site, args.github_pages, names, layouts, args.safe)
        if args.save:
            args.save.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", "utf-8")
    ignored = frozenset(n for n in args.ignore_data.split(",") if n)
    report = measure(args.site, rows, args.github_pages, ignored)
    if args.json:
        print(json.dumps(summary(report), indent=2))
    else:
        _print(report, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``content-api check``: every problem in a site, for people and for CI bots."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from api.content.diagnostics import Diagnostic, Severity
from api.content.loader import Loader, LoadOptions
from api.site import Site

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def collect(root: Path, options: LoadOptions, console: Console | None = None) -> list[Diagnostic]:
    """Load and render the whole site; return every diagnostic, sorted."""
    site = Site(Loader(root, options).load())
    documents = site.snapshot.documents
    progress = Progress(
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=console is None or not console.is_terminal or len(documents) < 200,
    )
    with progress:
        task = progress.add_task("render", total=len(documents))
        for doc in documents:
            site.rendered(doc)
            progress.advance(task)
    return site.diagnostics()


def run_check(
    root: Path,
    output_format: str,
    *,
    unpublished: bool,
    future: bool,
    drafts: bool,
    console: Console,
    github_pages: bool = False,
) -> int:
    found = collect(root, LoadOptions(unpublished, future, drafts, github_pages), console)
    errors = sum(1 for d in found if d.severity is Severity.ERROR)
    if output_format == "json":
        payload = {
            "data": [d.as_dict() for d in found],
            "meta": {"errors": errors, "warnings": len(found) - errors},
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        out = Console(highlight=False, soft_wrap=True)
        for d in found:
            where = d.source_path if d.line is None else f"{d.source_path}:{d.line}"
            style = _STYLE[d.severity]
            # Paths and messages are content: escape them, or "[x]" would read as markup.
            out.print(
                f"{escape(where)}: [{style}]{d.severity.value}[/]: {escape(d.message)} "
                f"[dim]({escape(d.code)})[/]"
            )
        summary = f"{errors} error(s), {len(found) - errors} warning(s)"
        console.print(f"[bold]{summary}[/bold]" if found else "[green]no problems found[/green]")
    return 1 if errors else 0

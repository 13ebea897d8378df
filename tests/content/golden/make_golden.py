"""Build the sites of ``tests/content/jekyll_sites.py`` with real Jekyll and record what it
made, in ``jekyll.json`` beside this file. Run it where Jekyll is (Debian: ``jekyll`` and
``ruby-jekyll-redirect-from``); CI reads the record and needs no Ruby:

    .venv/bin/python -m tests.content.golden.make_golden

For each site: ``redirects`` (the ``redirects.json`` jekyll-redirect-from wrote) and
``documents`` (every page and written document but the plugin's redirect stubs, by source
path: its ``url``, its ``data`` and whether its content is empty), from a small hook that
dumps them after rendering.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.content.jekyll_sites import SITES
from tests.support.sites import write_site

OUT = Path(__file__).resolve().parent / "jekyll.json"

DUMP = """\
require "json"
Jekyll::Hooks.register :site, :post_render do |site|
  rows = {}
  (site.docs_to_write + site.pages).each do |doc|
    next if doc.is_a?(JekyllRedirectFrom::RedirectPage)
    next if doc.relative_path.end_with?("redirects.json")
    data = doc.data
    # A page's defaults are looked up when asked for, not merged into its data: merge them.
    if doc.is_a?(Jekyll::Page)
      defaults = site.frontmatter_defaults.all(doc.relative_path, doc.type)
      data = Jekyll::Utils.deep_merge_hashes(defaults, data)
    end
    data = data.reject { |key, _| %w(excerpt).include?(key) }
    rows[doc.relative_path] = {
      "url" => doc.url,
      "data" => JSON.parse(JSON.generate(data)),
      "content_empty" => doc.content.strip.empty?,
    }
  end
  File.write(File.join(site.source, "..", "dump.json"), JSON.pretty_generate(rows))
end
"""


def build(files: dict[str, str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        source = write_site(Path(tmp) / "site", {**files, "_plugins/dump.rb": DUMP})
        subprocess.run(
            ["jekyll", "build", "--quiet", "--source", str(source), "--destination", f"{tmp}/out"],
            check=True,
        )
        redirects = Path(tmp, "out", "redirects.json").read_text(encoding="utf-8")
        documents = json.loads(Path(tmp, "dump.json").read_text(encoding="utf-8"))
    return {"redirects": json.loads(redirects), "documents": documents}


def main() -> None:
    if shutil.which("jekyll") is None:
        raise SystemExit("jekyll is not installed (Debian: jekyll, ruby-jekyll-redirect-from)")
    version = subprocess.run(["jekyll", "--version"], capture_output=True, text=True).stdout
    record = {"jekyll": version.strip(), "sites": {name: build(f) for name, f in SITES.items()}}
    OUT.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

"""Page weights: bytes of HTML + CSS per kind of page, uncompressed and gzipped.

    python3 bench/weights.py            # the sample digest and a generated 30-headline day
    python3 bench/weights.py --check    # also fail (exit 1) when a page is over its budget

Builds the repository's sample digest (content/) and a generated digest (bench/generate.py:
7 days of 30 headlines) into temporary folders and prints, for one page of every kind, the
HTML bytes, the stylesheet's bytes and their sum, with and without gzip. A page needs
nothing else to be read: no fonts, no images, no scripts. The budget: a day page of 30
headlines under 30 KB (30,720 bytes) of HTML + CSS, uncompressed.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from builder.build import build  # noqa: E402
from builder.project import Project  # noqa: E402

DAY_BUDGET = 30 * 1024
KINDS = {
    "home": "index.html",
    "day": "{day}/index.html",
    "month": "{month}/index.html",
    "archive": "archive/index.html",
    "tag": "tags/{tag}/index.html",
    "source": "sources/{source}/index.html",
    "search": "search/index.html",
    "feeds": "feeds/index.html",
    "404": "404.html",
}


def _first(site: Path, pattern: str) -> str:
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.glob(pattern))
    return found[-1]


def measure(site: Path) -> dict[str, tuple[int, int, int, int]]:
    """Return {kind: (html bytes, css bytes, html+css, gzipped html+css)} for one built site."""
    css = b"".join(p.read_bytes() for p in sorted((site / "static").glob("*.css")))
    fill = {
        "day": _first(site, "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html"),
        "month": _first(site, "[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html"),
        "tag": _first(site, "tags/*/index.html").split("/")[1],
        "source": _first(site, "sources/*/index.html").split("/")[1],
    }
    rows = {}
    for kind, pattern in KINDS.items():
        html = (site / pattern.format(**fill)).read_bytes()
        packed = len(gzip.compress(html, mtime=0)) + len(gzip.compress(css, mtime=0))
        rows[kind] = (len(html), len(css), len(html) + len(css), packed)
    return rows


def day_weight_of_generated(headlines: int = 30) -> int:
    """Return the HTML + CSS bytes of the newest day page of a generated digest."""
    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "project"
        generate(project, days=7, headlines=headlines)
        out = Path(temp) / "site"
        build(Project.find(project), out)
        return measure(out)["day"][2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args()
    over = []
    with tempfile.TemporaryDirectory() as temp:
        sites = {"sample digest": ROOT}
        generated = Path(temp) / "generated"
        generate(generated, days=7, headlines=30)
        sites["generated, 30 headlines a day"] = generated
        for name, project in sites.items():
            out = Path(temp) / "out" / name.split(",")[0].replace(" ", "-")
            build(Project.find(project), out)
            print(f"\n{name}\n")
            print("| page | HTML | CSS | HTML + CSS | gzipped |")
            print("| --- | ---: | ---: | ---: | ---: |")
            for kind, (html, css, total, packed) in measure(out).items():
                print(f"| {kind} | {html:,} | {css:,} | {total:,} | {packed:,} |")
                if kind == "day" and total > DAY_BUDGET:
                    over.append(f"{name}: day page {total:,} bytes > {DAY_BUDGET:,}")
    for line in over:
        print("OVER BUDGET:", line)
    return 1 if over and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

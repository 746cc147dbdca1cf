"""Full-text search: the Pagefind index of headlines and commentary, made at build time.

Each headline (title, note, source, places) and each day's commentary becomes one search
record, written as a tiny HTML document into a temporary folder and indexed there by the
Pagefind program (`python3 -m pagefind`, from the PyPI package). A record's metadata holds
what a result links to: the headline on its day page and the article itself. The index
files come back as {output path: bytes} for the site writer; the same records always give
the same bytes. Pagefind runs as a program, not through its Python API: the API answers one
message per tenth of a second, too slow for thousands of headlines.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import OutputError

FOLDER = "pagefind/"
LEFTOVER_AGE = 6 * 3600  # seconds; no build indexes for that long
# Pagefind also writes ready-made search interfaces; the site has its own, lighter one.
_UNUSED = re.compile(r"pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$")


@dataclass(frozen=True)
class SearchRecord:
    """One searchable thing: what is indexed and what a result shows and links to."""

    key: str  # unique and stable, e.g. "20240622-3"
    title: str
    text: str  # plain text
    day_url: str  # the page (and anchor) that shows it
    date_text: str  # the day as readers read it: "June 22, 2024"
    article_url: str = ""  # the outlet's article, for headlines
    source: str = ""
    language: str = ""  # of title and text, when not the site's


def plain_text(fragment: str) -> str:
    """Return the text of an HTML fragment (a rendered note or commentary)."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")


def record_html(record: SearchRecord, site_language: str) -> str:
    """Return the HTML document Pagefind indexes for one record; its metadata sits outside
    the indexed body, as attributes, so URLs with commas survive."""
    e = html.escape
    lang = f' lang="{e(record.language)}"' if record.language else ""
    meta = [
        f'<a data-pagefind-meta="day[href]" href="{e(record.day_url)}"></a>',
        f'<span data-pagefind-meta="date">{e(record.date_text)}</span>',
    ]
    if record.article_url:
        meta.append(f'<a data-pagefind-meta="article[href]" href="{e(record.article_url)}"></a>')
    if record.source:
        meta.append(f'<span data-pagefind-meta="source">{e(record.source)}</span>')
    return (
        f'<!DOCTYPE html><html lang="{e(site_language)}"><head><meta charset="utf-8">'
        f"<title>{e(record.title)}</title></head><body>"
        f"<div>{''.join(meta)}</div>"
        f'<main data-pagefind-body{lang}><h1 data-pagefind-meta="title">{e(record.title)}</h1>'
        f"<p>{e(record.text)}</p></main></body></html>"
    )


def index_files(records: Iterable[SearchRecord], site_language: str) -> dict[str, bytes]:
    """Index the records with Pagefind; return the bundle as {output path: bytes}."""
    records = list(records)
    if not records:  # nothing published yet: Pagefind refuses to make an empty index
        return {}
    language = site_language.split("-")[0].lower()
    # Pagefind reads one small file per record: in memory (tmpfs) that is several times
    # faster than on a disk, and nothing of it is kept.
    memory = Path("/dev/shm")
    place = str(memory) if memory.is_dir() and os.access(memory, os.W_OK) else None
    _remove_leftovers(Path(place or tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix="digest-search-", dir=place) as temp:
        pages = Path(temp) / "records"
        bundle = Path(temp) / "bundle"
        pages.mkdir()
        for record in records:
            page = pages / f"{record.key}.html"
            page.write_text(record_html(record, site_language), encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(pages)]
        command += ["--output-path", str(bundle), "--force-language", language, "--silent"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OutputError(f"cannot run Pagefind to index the search: {exc}") from exc
        if result.returncode != 0 or not bundle.is_dir():
            detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
            raise OutputError(f"Pagefind failed to index the search: {detail[0]}")
        return {
            FOLDER + path.relative_to(bundle).as_posix(): path.read_bytes()
            for path in sorted(bundle.rglob("*"))
            if path.is_file() and not _UNUSED.search(path.name)
        }


def _remove_leftovers(folder: Path) -> None:
    """Delete scratch folders that killed builds left (hours old); in tmpfs they hold RAM."""
    for path in folder.glob("digest-search-*"):
        try:
            stale = time.time() - path.stat().st_mtime > LEFTOVER_AGE
        except OSError:
            continue
        if stale:
            shutil.rmtree(path, ignore_errors=True)

"""Full-text search: the Pagefind index of the digest, made at build time.

Each day becomes one search record: its title, commentary and summary, then every headline
as a heading with the headline's anchor, followed by its source, places, tags and note.
Pagefind makes each headline a sub-result that links to the headline on its day page, so a
search answers with days and, under each, the headlines that match, much as the digest
itself groups them. One record a day, not one a headline, keeps the index small and fast to
make: about a sixth of the time and a third of the bytes.

Records are written as tiny HTML documents into a temporary folder and indexed there by the
Pagefind program (from the PyPI package: the one `python3 -m pagefind` runs, run directly,
`program`), which runs beside the build (`PendingIndex`) while pages are rendered. The
index files come back as {output path: bytes} for the site writer; the same records always
give the same bytes. Pagefind runs as a program, not through its Python API: the API
answers one message per tenth of a second, too slow for a large digest.

The digest's search is two such bundles, which the search page merges in the browser
(Pagefind's `mergeIndex`): one of the newest year in FOLDER, where editors work, and one of
every earlier day in ARCHIVE_FOLDER, which rarely changes and is kept between builds
(searchcache.py).
"""

from __future__ import annotations

import functools
import html
import importlib.metadata
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

from . import parallel
from .errors import OutputError

FOLDER = "pagefind/"  # the bundle of the newest year
ARCHIVE_FOLDER = "pagefind-archive/"  # the bundle of every earlier day
# Change it whenever the records, their HTML or the files kept of a bundle change: the
# bundles kept between builds are keyed by it.
INDEX_FORMAT = "index-7"
LEFTOVER_AGE = 6 * 3600  # seconds; no build indexes for that long
DEAD_AGE = 600  # seconds: the scratch folder of a build whose process is gone
# Pagefind also writes ready-made search interfaces; the site has its own, lighter one.
_UNUSED = re.compile(r"pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$")
# Languages Pagefind has no stemmer for, indexed with a close one's: Ukrainian words with
# Russian's (Snowball's), whose endings it shares for the most part. Without, a reader who
# typed "атаки" did not find "атаку", nor "окупантів" "окупанти" (5 of 14 such queries
# found their headline, 13 with it). The search page finds the one index whatever its name.
_STEMMED_AS = {"uk": "ru"}
# A bundle merged into another is searched by the other's program: its own is never loaded.
_PROGRAM = re.compile(r"pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind")


@dataclass(frozen=True)
class SearchSection:
    """One headline in a day's record: a sub-result of its own."""

    anchor: str  # the headline's id on its day page
    title: str
    text: str  # plain text: source, places, tags, note
    article_url: str
    language: str = ""  # of title and text, when not the site's
    article_language: str = ""  # of the article linked, when not the site's (its heading id)
    label: str = ""  # "disinformation", …: shown before the title, as on its page (heading id)


@dataclass(frozen=True)
class SearchRecord:
    """One day: what is indexed and what a result shows and links to."""

    key: str  # unique and stable: "20240622"
    title: str  # the day's title, else its date
    text: str  # plain text: summary and commentary
    day_url: str  # the day page
    date_text: str  # the day as readers read it: "June 22, 2024"
    sections: tuple[SearchSection, ...] = ()


def plain_text(fragment: str) -> str:
    """Return the text of an HTML fragment (a rendered note or commentary)."""
    if "<" not in fragment and "&" not in fragment:  # no markup (most headlines: no note)
        return " ".join(fragment.split())
    parts = _TAG.split(fragment)  # text, "/" or "" (the kind of tag), text...
    if len(parts) // 2 == fragment.count("<"):
        # Every "<" opens a well-formed tag (as in markdown-it's HTML: markup.py). Then the
        # text is what the parser below gives, at a fraction of its cost (ten years' search
        # records spent 0.25 s in it): each run of text between tags has its character
        # references replaced, a start tag is a space, an end tag nothing.
        text = [
            html.unescape(part) if index % 2 == 0 else ("" if part else " ")
            for index, part in enumerate(parts)
        ]
        return " ".join("".join(text).split())
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


# A well-formed tag: a name, attributes with values in quotes (or none), perhaps "/>". Not
# <script> or <style>, whose content the parser does not read as text.
_TAG = re.compile(
    r"<(/?)(?!(?i:script|style)(?![a-zA-Z0-9]))[a-zA-Z][a-zA-Z0-9]*"
    r"(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=(?:\"[^\"<>]*\"|'[^'<>]*'))?)*\s*/?>"
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")


# In a heading's id, Pagefind drops white space and loses the heading's text when the id
# holds a character written as an entity: those, and "%" itself, are percent-encoded, so
# every "%" in the id is one of ours and the search page's decodeURIComponent restores the
# address exactly. Whatever else an article's address holds stays as it is.
_ID_ESCAPED = re.compile(r"[%&\"'<>\s]")


def heading_id(section: SearchSection) -> str:
    """Return the id of a headline's heading in its day's record: "anchor|article";
    "anchor.uk|article" where the article is in another language than the site's (the
    search page says so, as the headline's page does); "anchor~disinformation|article" (or
    "anchor.uk~opinion|article") for a labelled headline, which the search page labels."""
    article = _ID_ESCAPED.sub(_percent_encoded, section.article_url)
    head = section.anchor
    if section.article_language:
        head += "." + _ID_ESCAPED.sub(_percent_encoded, section.article_language)
    if section.label:
        head += "~" + section.label
    return f"{head}|{article}"


def _percent_encoded(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


# Letters that look like an apostrophe: Ukrainian's own (U+02BC, "Вʼячеслав", as many
# outlets write it), the Uzbek and Hawaiian ʻ, a transliteration's primes for a soft sign
# ("Podilʹsʹk"). Pagefind indexes them as letters of the word, so a reader who typed ' or
# ’ (a keyboard's apostrophes), or none, found nothing. A record has them as ’, which
# Pagefind reads as readers' apostrophes are read; the glyphs look alike in an excerpt.
# (Replaced by a pattern, looked for first: str.translate looked each character up in a
# table, and ten years' 3,650 records took 0.85-0.92 s to write against 0.28-0.31 s.)
_APOSTROPHES = re.compile("[\u02b9\u02ba\u02bb\u02bc\u02bd]")
# Characters of no width that pasted text brings into a word (a byte order mark, a zero
# width space, a word joiner): Pagefind counts them where the browser's excerpt does not,
# and marked the words after them one or two words off ("beta" for "urchin"). Not the
# joiners a Persian word or an emoji needs (U+200C, U+200D).
_NO_WIDTH = re.compile("[\ufeff\u200b\u2060]")


def _text(words: str) -> str:
    """Return text of a record as its HTML, its apostrophes those Pagefind reads as such,
    without characters of no width that would put the search's marks on other words."""
    if _APOSTROPHES.search(words) is not None:
        words = _APOSTROPHES.sub("\u2019", words)
    if _NO_WIDTH.search(words) is not None:
        words = _NO_WIDTH.sub("", words)
    return html.escape(words)


def record_html(record: SearchRecord, site_language: str) -> str:
    """Return the HTML document Pagefind indexes for one day.

    Metadata sits outside the indexed body, as element text, so URLs with commas survive.
    Each headline's heading has the id "anchor|article" (`heading_id`): Pagefind keeps ids
    in the fragment a result shows, as its anchors, without indexing them, and the search
    page splits them. Pagefind indexes every word of metadata: with the articles there,
    ten years' archive took 30% more of its time and 200 MB more memory, and a query
    matched words of the articles' addresses ("https", an outlet's domain).
    """
    e, text = html.escape, _text
    meta = (
        f'<a data-pagefind-meta="day[href]" href="{e(record.day_url)}"></a>'
        f'<span data-pagefind-meta="date">{e(record.date_text)}</span>'
    )
    title = text(record.title)
    body = [f'<h1 data-pagefind-meta="title">{title}</h1>']
    if record.text:
        body.append(f"<p>{text(record.text)}</p>")
    for section in record.sections:
        lang = f' lang="{e(section.language)}"' if section.language else ""
        body.append(
            f'<section{lang}><h2 id="{e(heading_id(section))}">{text(section.title)}</h2>'
            f"<p>{text(section.text)}</p></section>"
        )
    return (
        f'<!DOCTYPE html><html lang="{e(site_language)}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><div>{meta}</div>"
        f"<main data-pagefind-body>{''.join(body)}</main></body></html>"
    )


def program() -> list[str]:
    """Return the command that runs the Pagefind program `python3 -m pagefind` runs: the
    program itself, as the pagefind package finds it (PAGEFIND_BINARY_PATH, else the
    installed pagefind_bin_extended or pagefind_bin), without the Python that only finds
    and starts it (0.12 s of every run); `python3 -m pagefind` where it finds none."""
    override = os.environ.get("PAGEFIND_BINARY_PATH")
    if override is not None:
        return [str(Path(override).resolve())]  # as the package's __main__ takes it
    installed = _installed_program()
    return [installed] if installed is not None else [sys.executable, "-m", "pagefind"]


@functools.cache
def _installed_program() -> str | None:
    """The installed Pagefind program, found once (only asked with PAGEFIND_BINARY_PATH
    unset, which the package would look at first)."""
    try:
        from pagefind.service import get_executable

        found = get_executable()
    except Exception:  # a package it cannot import or read: run it as a module
        return None
    return str(found.resolve()) if found is not None else None


def program_version() -> str:
    """Return what identifies the Pagefind program `program` runs.

    The program comes from PAGEFIND_BINARY_PATH when it is set, else from the installed
    pagefind_bin_extended or pagefind_bin package (as the pagefind package looks for it):
    their versions, read from the installed metadata, are much cheaper than running it.
    """
    parts = []
    override = os.environ.get("PAGEFIND_BINARY_PATH")
    if override is not None:
        try:
            info = Path(override).stat()
            parts.append(f"{override}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{override}:missing")
    for name in ("pagefind", "pagefind_bin_extended", "pagefind_bin"):
        try:
            parts.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name} -")
    return "; ".join(parts)


class Scratch:
    """The folder of one Pagefind run: the records it reads, then the bundle it writes."""

    def __init__(self) -> None:
        # Pagefind reads one small file per record: in memory (tmpfs) that is several
        # times faster than on a disk, and nothing of it is kept.
        memory = Path("/dev/shm")
        place = str(memory) if memory.is_dir() and os.access(memory, os.W_OK) else None
        _remove_leftovers(Path(place or tempfile.gettempdir()))
        self.temp = tempfile.TemporaryDirectory(prefix=f"digest-search-{os.getpid()}-", dir=place)
        self.path = Path(self.temp.name)
        self.records = self.path / "records"
        self.records.mkdir()

    def write(self, pages: Iterable[tuple[str, str]]) -> None:
        """Write the records, each as its key and its HTML (record_html)."""
        for key, html_text in pages:
            (self.records / f"{key}.html").write_text(html_text, encoding="utf-8")

    def cleanup(self) -> None:
        self.temp.cleanup()


class PendingIndex:
    """A Pagefind run in the background on the records of a scratch folder (none: no
    records); `result()` waits for it and returns its files, by output path under
    `folder`. Pagefind's program (its scripts and WebAssembly) is kept only in FOLDER's
    bundle: the others are merged into it in the browser."""

    def __init__(self, scratch: Scratch | None, site_language: str, folder: str) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.files: dict[str, bytes] = {}
        self.folder = folder
        if scratch is None:  # nothing published yet: Pagefind refuses to make an empty index
            return
        self.scratch = scratch
        language = site_language.split("-")[0].lower()
        language = _STEMMED_AS.get(language, language)
        self.bundle = scratch.path / "bundle"
        command = [*program(), "--site", str(scratch.records)]
        command += ["--output-path", str(self.bundle), "--force-language", language, "--silent"]
        # Its output goes to a file, not a pipe: nobody reads while it runs (the preview
        # only polls it), and a pipe that fills up would stop it for good.
        self.log = scratch.path / "pagefind.log"
        # With a preexec_fn, Python forks as os.fork does (parallel.signals_held says why).
        preexec = parallel.dies_with_this_process()
        try:
            with self.log.open("wb") as log, parallel.signals_held(preexec is not None):
                self.process = subprocess.Popen(
                    command, stdout=log, stderr=subprocess.STDOUT, preexec_fn=preexec
                )
        except OSError as exc:
            scratch.cleanup()
            raise OutputError(f"cannot run Pagefind to index the search: {exc}") from exc
        except BaseException:  # stopped while it started: it stops too
            if self.process is not None:
                self.cancel()
            else:
                scratch.cleanup()
            raise

    def result(self) -> dict[str, bytes]:
        if self.process is None:
            return self.files
        process, self.process = self.process, None
        try:
            process.wait(timeout=900)
            if process.returncode != 0 or not self.bundle.is_dir():
                said = self.log.read_text("utf-8", errors="replace")
                detail = said.strip().splitlines()[-1:] or ["no output"]
                raise OutputError(f"Pagefind failed to index the search: {detail[0]}")
            merged = self.folder != FOLDER
            self.files = {
                self.folder + path.relative_to(self.bundle).as_posix(): path.read_bytes()
                for path in sorted(self.bundle.rglob("*"))
                if path.is_file()
                and not _UNUSED.search(path.name)
                and not (merged and path.parent == self.bundle and _PROGRAM.fullmatch(path.name))
            }
            return self.files
        except subprocess.TimeoutExpired as exc:
            raise OutputError(f"Pagefind took too long to index the search: {exc}") from exc
        finally:
            _stop(process)
            self.scratch.cleanup()

    def done(self) -> bool:
        """Tell whether Pagefind has finished (then `result` does not wait)."""
        return self.process is None or self.process.poll() is not None

    def cancel(self) -> None:
        """Stop the run (the build failed) and remove its scratch folder."""
        if self.process is not None:
            _stop(self.process)
            self.process = None
            self.scratch.cleanup()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the process if it still runs, and reap it."""
    if process.poll() is None:
        process.kill()
    process.wait()


def _remove_leftovers(folder: Path) -> None:
    """Delete scratch folders that killed builds left; in tmpfs they hold RAM. A folder is
    named after its build's process: once that is gone, its folder goes after DEAD_AGE
    (not at once: a container that shares /dev/shm sees none of another's processes);
    any folder goes after LEFTOVER_AGE."""
    for path in folder.glob("digest-search-*"):
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            continue
        pid = path.name.split("-")[2]  # digest-search-PID-xxxxxxxx
        dead = pid.isdigit() and not parallel.process_alive(int(pid))
        if age > LEFTOVER_AGE or (dead and age > DEAD_AGE):
            shutil.rmtree(path, ignore_errors=True)

"""Editors' commands end to end: new, import (then check), drafts and scheduled days."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from builder import __version__
from builder.build import build
from builder.cli import main
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seed/espreso-global-2024-06-14.txt")
FOOTER = """\
Read also:
  • News
2024, Saturday
22 June
Ukraine's General Staff reports 21 firefights in Pokrovsk sector
Second Russian tanker enters Mariupol port - mayor's adviser
2024, Friday
21 June
Netherlands to provide Ukraine with Patriot air defense system
Ukraine aims to hold second Peace Summit by late 2024 — https://censor.net/en/news/3495986/x
More news
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests/sites/minimal/content", tmp_path / "content")
    return tmp_path


def test_new_creates_a_draft_for_today_in_the_site_time_zone(
    minimal: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 22:30 UTC on 20 June is 01:30 on 21 June in Kyiv.
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 6, 20, 22, 30, tzinfo=dt.UTC).timestamp()))
    )
    assert run(capsys, "new", "--project", minimal) == (
        0,
        "created content/digests/2024/2024-06-21.md\n",
        "",
    )
    day = minimal / "content/digests/2024/2024-06-21.md"
    text = day.read_text()
    assert text.startswith("---\ndate: 2024-06-21\ndraft: true\n")
    code, _out, err = run(capsys, "check", "--project", minimal)
    assert (code, err) == (0, "")
    # Its example headline, uncommented, names a source and a tag of this digest.
    day.write_text(_example_used(text))
    code, _out, err = run(capsys, "check", "--project", minimal)
    assert (code, err) == (0, "")


def _example_used(text: str) -> str:
    """Return a new day file with the example headline in its comment as its headline."""
    example = "".join(line[1:] + "\n" for line in text.splitlines() if line.startswith("#  "))
    assert "source: ukrinform" in example
    return text.replace("headlines: []\n", "headlines:\n" + example)


def test_new_refuses_to_overwrite_a_day(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (minimal / "content/digests/2024/2024-06-22.md").read_bytes()
    assert run(capsys, "new", "2024-06-22", "--project", minimal) == (
        1,
        "",
        "digest: error: content/digests/2024/2024-06-22.md already exists; edit it, or import "
        "into it with digest import --date 2024-06-22\n",
    )
    assert (minimal / "content/digests/2024/2024-06-22.md").read_bytes() == before


def test_new_rejects_a_bad_date(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["new", "2024-06-31", "--project", str(minimal)])
    assert exit_info.value.code == 2
    assert (
        "'2024-06-31' is not a date; write YYYY-MM-DD, e.g. 2024-06-22" in capsys.readouterr().err
    )


def test_import_reports_what_it_did_and_dropped(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listing = tmp_path / "listing.txt"
    listing.write_text(FOOTER, encoding="utf-8")
    code, out, err = run(
        capsys,
        "import",
        listing,
        "--source",
        "espreso",
        "--date",
        "2024-06-22",
        "--project",
        project,
    )
    assert code == 0
    name = str(listing)
    assert err.splitlines() == [
        f"{name}:1: dropped 'Read also:': a section or navigation line, not a headline",
        f"{name}:2: dropped '• News': a section or navigation line, not a headline",
        f"{name}:11: dropped 'More news': a section or navigation line, not a headline",
        f'{name}:5: skipped "Ukraine\'s General Staff reports 21 firefights in Pokrovsk sector": '
        "it has no link and the day is not a draft, so it was not added; put its link "
        "in the listing, or mark the day draft: true and import again "
        "(content/digests/2024/2024-06-22.md)",
        f'{name}:6: skipped "Second Russian tanker enters Mariupol port - mayor\'s adviser": '
        "its headline is already on the day (content/digests/2024/2024-06-22.md)",
        f"{name}:9: skipped 'Netherlands to provide Ukraine with Patriot air defense system': "
        "its headline is already on the day (content/digests/2024/2024-06-21.md)",
        f"{name}:10: skipped 'Ukraine aims to hold second Peace Summit by late 2024': its headline "
        "is already on the day (content/digests/2024/2024-06-21.md)",
    ]
    assert out == (
        "content/digests/2024/2024-06-22.md: nothing new\n"
        "content/digests/2024/2024-06-21.md: nothing new\n"
    )


def test_import_into_new_days_then_check_is_clean_but_for_missing_links(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    footer = FOOTER.replace("22 June", "29 June").replace("21 June", "28 June")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(footer.encode())))
    code, out, err = run(capsys, "import", "-", "--source", "espreso", "--project", project)
    assert code == 0
    assert out == (
        "content/digests/2024/2024-06-29.md: created with 2 headlines (draft: true)\n"
        "content/digests/2024/2024-06-28.md: created with 2 headlines (draft: true)\n"
    )
    missing = [line for line in err.splitlines() if ": no link for " in line]
    assert [line.split(":")[1] for line in missing] == ["5", "6", "9"]
    assert (
        "stdin:7: note: '2024, Friday': the weekday does not match 2024-06-28, a Friday" not in err
    )
    code, out, err = run(capsys, "check", "--strict", "--project", project)
    assert code == 0
    lines = err.splitlines()
    assert lines[-1] == "3 notes in 2 files"
    assert all(
        ": note: headlines[" in line and ".url: missing in this draft" in line
        for line in lines[:-1]
    )
    assert len(lines) == 4
    # A second import of the same listing adds nothing.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(footer.encode())))
    code, out, err = run(capsys, "import", "--source", "espreso", "--project", project)
    assert out == (
        "content/digests/2024/2024-06-29.md: nothing new\n"
        "content/digests/2024/2024-06-28.md: nothing new\n"
    )


def test_import_reports_what_the_check_finds_in_what_it_wrote(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A title pasted with a Latin i among Cyrillic letters is told at once, where the
    import wrote it, not at the next check."""
    listing = tmp_path / "l.md"
    listing.write_text(
        "2024-07-01\n- [Обстріл Харкiва: поранено трьох](https://censor.net/a)\n"
        "- [Vyshyvanka Day](https://censor.net/b)\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", listing, "--source", "espreso", "--project", project)
    assert code == 0
    assert out == "content/digests/2024/2024-07-01.md: created with 2 headlines\n"
    assert err.splitlines() == [
        "content/digests/2024/2024-07-01.md:4:12: warning: headlines[0].title: 'Харкiва' mixes "
        "Cyrillic and Latin letters ('i' is Latin): it looks right, but search, sorting and "
        "place pages take it for another word; type it again in Cyrillic letters",
        "1 warning in 1 file",
    ]


def test_import_dry_run_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listing = tmp_path / "l.md"
    listing.write_text("2024-07-01\n- [A headline](https://censor.net/a)\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", listing, "--dry-run", "--project", project)
    assert (code, out) == (
        0,
        "content/digests/2024/2024-07-01.md: would create with 1 headline\n"
        "  -----  A headline  https://censor.net/a [censor]\n",
    )
    assert not (project / "content/digests/2024/2024-07-01.md").exists()
    code, out, _ = run(capsys, "import", listing, "--project", project)
    text = (project / "content/digests/2024/2024-07-01.md").read_text()
    assert text == (
        '---\ndate: 2024-07-01\nheadlines:\n  - title: "A headline"\n'
        '    url: "https://censor.net/a"\n    source: censor\n---\n'
    )


def test_import_reads_russian_dates(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The command reads the listing's dates in every language the importer knows (and the
    site's), Russian too: a site's language no longer narrows them to English, Ukrainian."""
    listing = tmp_path / "l.txt"
    listing.write_text("2 июля 2024\n- [A headline](https://censor.net/a)\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", listing, "--dry-run", "--project", project)
    assert out.startswith("content/digests/2024/2024-07-02.md: would create with 1 headline\n")
    assert code == 0


def test_import_that_finds_no_headline_says_so_and_fails(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A listing with no headline in it (an empty file, a list of bare addresses) ends with
    exit status 1, so a script that imports learns it found nothing."""
    listing = tmp_path / "empty.txt"
    listing.write_text("\n", encoding="utf-8")
    code, out, err = run(capsys, "import", listing, "--project", project)
    assert (code, out) == (1, "")
    assert err.endswith(f"{listing}: no headlines found; nothing was written\n")


def test_import_rejects_an_unknown_source_option(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listing = tmp_path / "l.txt"
    listing.write_text("x\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", listing, "--source", "esspreso", "--project", project)
    assert code == 2
    assert err == (
        "digest: error: --source esspreso: no such source in content/sources.yaml; the sources "
        "are: censor, espreso, focus, interfax-ukraine, korea-times, politico-europe, ukrinform\n"
    )


def _day(project: Path, date: str, extra: str = "") -> None:
    path = project / f"content/digests/2024/{date}.md"
    path.write_text(
        f'---\ndate: {date}\n{extra}headlines:\n  - title: "On {date}"\n'
        f'    url: "https://www.ukrinform.net/{date}"\n    source: ukrinform\n---\n',
        encoding="utf-8",
    )


def test_drafts_and_future_days_are_built_only_in_their_time(minimal: Path) -> None:
    _day(minimal, "2024-06-23", "draft: true\n")
    _day(minimal, "2024-06-24")
    (minimal / "content/digests/2024/2024-06-25.md").write_text(
        '---\ndate: 2024-06-25\ndraft: true\nheadlines:\n  - title: "No link yet"\n    url: ""\n'
        "    source: ukrinform\n---\n",
        encoding="utf-8",
    )
    project = Project.find(minimal)
    # 21:30 UTC on 23 June is already 24 June in Kyiv.
    now = dt.datetime(2024, 6, 23, 21, 30, tzinfo=dt.UTC)
    build(project, minimal / "a", now=now)
    assert sorted(p.name for p in (minimal / "a/2024/06").iterdir()) == ["22", "24", "index.html"]
    build(project, minimal / "b", now=now - dt.timedelta(hours=1))
    assert sorted(p.name for p in (minimal / "b/2024/06").iterdir()) == ["22", "index.html"]
    build(project, minimal / "c", now=now, drafts=True)
    days = sorted(p.name for p in (minimal / "c/2024/06").iterdir())
    assert days == ["22", "23", "24", "25", "index.html"]
    assert "No link yet" not in (minimal / "c/2024/06/25/index.html").read_text()


def test_source_date_epoch_sets_the_clock(
    minimal: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _day(minimal, "2030-01-01")
    (minimal / "content/digests/2030").mkdir()
    (minimal / "content/digests/2024/2030-01-01.md").rename(
        minimal / "content/digests/2030/2030-01-01.md"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01 00:00 UTC, 02:00 in Kyiv
    assert run(capsys, "build", "-q", "--project", minimal)[0] == 0
    assert (minimal / "site/2030/01/01/index.html").exists()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718928000")
    assert run(capsys, "build", "-q", "--project", minimal)[0] == 0
    assert not (minimal / "site/2030").exists()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    code, _, err = run(capsys, "build", "--project", minimal)
    assert (code, err) == (
        2,
        "digest: error: SOURCE_DATE_EPOCH='soon' is not a number of seconds since 1970; unset it "
        "or set it to e.g. 1718928000\n",
    )


def test_init_starts_a_digest_that_checks_and_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718928000")  # 2024-06-21 in Kyiv
    folder = tmp_path / "new-digest"
    code, out, err = run(capsys, "init", folder)
    assert (code, err) == (0, "")
    assert f"created {folder.as_posix()}/content/digests/2024/2024-06-21.md\n" in out
    for name in (
        "content/site.yaml",
        "content/sources.yaml",
        "content/tags.yaml",
        "templates/README.md",
        ".github/workflows/digest.yml",
        ".pre-commit-config.yaml",
    ):
        assert (folder / name).is_file(), name
    workflow = (folder / ".github/workflows/digest.yml").read_text()
    assert "digest check --strict" in workflow and "digest build" in workflow
    assert "actions/deploy-pages" in workflow
    assert run(capsys, "check", "--strict", "--project", folder)[0] == 0
    first = folder / "content/digests/2024/2024-06-21.md"
    first.write_text(_example_used(first.read_text()))  # its example, uncommented, checks
    assert run(capsys, "check", "--strict", "--project", folder)[0] == 0
    assert run(capsys, "build", "-q", "--project", folder) == (0, "", "")
    assert (folder / "site/index.html").is_file()
    code, _, err = run(capsys, "init", folder)
    assert code == 2 and err.startswith(f"digest: error: {folder} already holds .github/")


def test_the_new_workflow_keeps_the_cache_between_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The workflow restores .digest-cache/ before digest checks and builds, keyed by
    digest's version and the content (a checkout reads every file anew: the cache is what
    spares each run parsing and indexing what did not change)."""
    folder = tmp_path / "new-digest"
    assert run(capsys, "init", folder)[0] == 0
    workflow = yaml.safe_load((folder / ".github/workflows/digest.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run", "") for step in steps]
    version = next(step for step in steps if step.get("id") == "digest")
    assert "digest --version" in version["run"] and "$GITHUB_OUTPUT" in version["run"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".digest-cache"
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"]
    assert key.startswith("${{ steps.digest.outputs.version }}-")
    assert "hashFiles('content/**', 'templates/**')" in key
    assert restore == "${{ steps.digest.outputs.version }}-"
    order = [steps.index(version), steps.index(cache)]
    order += [commands.index("digest check --strict"), commands.index("digest build --no-record")]
    install = next(i for i, c in enumerate(commands) if "pip install" in c)
    assert [install, *order] == sorted([install, *order])
    assert "," not in __version__  # a cache key holds no comma
    for command in ("digest check --strict", "digest build --no-record"):  # as the job runs them
        assert run(capsys, *command.split()[1:], "--project", folder)[0] == 0, command
    assert (folder / "site/index.html").is_file()
    assert (folder / ".digest-cache/days").is_dir()  # what the next run restores
    assert not list((folder / ".digest-cache").glob("pages-*"))  # no record of site/


def test_a_new_digests_git_ignores_what_builds_leave(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The site, the folder a killed build leaves beside it (the next build removes it)
    and the cache are not the editors' files: `git add -A` must not take them."""
    folder = tmp_path / "new-digest"
    assert run(capsys, "init", folder)[0] == 0
    assert run(capsys, "build", "-q", "--project", folder) == (0, "", "")
    left = folder / ".site.building-4242-0a1b2c3d"  # as output.SiteWriter names them
    (left / "2024").mkdir(parents=True)
    (left / "2024" / "index.html").write_text("half a site", "utf-8")
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    listed = subprocess.run(
        ["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    paths = [line[3:] for line in listed.splitlines()]
    assert "content/site.yaml" in paths and ".gitignore" in paths
    assert not [p for p in paths if p.startswith(("site/", ".site.", ".digest-cache/"))], paths


# An outlet's page as copied with its markup: lines as long as pages have them.
PAGE = """\
<!DOCTYPE html><html><head><title>Ukraine | The Kyiv Independent</title></head><body>
<header><a href="/">The Kyiv Independent</a><nav><a href="/tag/war/">War in Ukraine news</a></nav></header>
<main><section><h2>Latest news</h2>
<article><a href="https://kyivindependent.com/odesa-drone-attack/"><h3>Russian drone attack on Odesa injures 3</h3></a>
<p>The attack damaged port infrastructure.</p><time datetime="2024-06-20T21:15:00Z">Jun 20</time></article>
<article><a href="https://kyivindependent.com/zelensky-meets-orban/"><h3>Zelensky meets Orbán in Kyiv</h3></a>
<time datetime="2024-06-21T11:02:00Z">Jun 21</time></article>
</section></main><footer><a href="/privacy/">Privacy policy and cookies</a></footer></body></html>
"""  # noqa: E501


def test_import_of_a_page_of_cards_from_an_outlet_with_no_source(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An outlet's page as HTML: one headline an item, its time read in the site's time zone
    (21:15 UTC on 20 June is 00:15 on the 21st in Kyiv), menus, summaries and footer left
    out, and the outlet named for sources.yaml."""
    listing = tmp_path / "page.html"
    listing.write_text(PAGE, encoding="utf-8")
    for day in ("2024-06-21", "2024-06-22"):
        (project / f"content/digests/2024/{day}.md").unlink(missing_ok=True)
    code, out, err = run(capsys, "import", listing, "--date", "2024-06-22", "--project", project)
    assert code == 0
    name = str(listing)
    outside = "outside the items of the listing: a heading, a menu, a sidebar or a footer"
    assert err.splitlines()[:4] == [
        f"{name}:2: dropped 'The Kyiv Independent': {outside}",
        f"{name}:3: dropped 'Latest news': a section or navigation line, not a headline",
        f"{name}:5: dropped 'The attack damaged port infrastructure.': beside the headline in "
        "its item: a summary, a byline or a rubric",
        f"{name}:8: dropped 'Privacy policy and cookies': {outside}",
    ]
    assert "War in Ukraine news" not in err  # a menu (<nav>) is not read at all
    assert ": no source for " not in err  # linked headlines with no source: the last line
    assert err.splitlines()[-1] == (
        f"{name}: 2 headlines link to kyivindependent.com, the site of no source in "
        "content/sources.yaml: add the outlet there (an id, with name: and url: "
        "https://kyivindependent.com/), then put its id in their `source:`"
    )
    assert out == "content/digests/2024/2024-06-21.md: created with 2 headlines (draft: true)\n"
    text = (project / "content/digests/2024/2024-06-21.md").read_text("utf-8")
    assert text == (
        "---\ndate: 2024-06-21\ndraft: true\nheadlines:\n"
        '  - title: "Russian drone attack on Odesa injures 3"\n'
        '    url: "https://kyivindependent.com/odesa-drone-attack/"\n'
        '    source: ""\n    time: "00:15"\n'
        '  - title: "Zelensky meets Orbán in Kyiv"\n'
        '    url: "https://kyivindependent.com/zelensky-meets-orban/"\n'
        '    source: ""\n    time: "14:02"\n'
        "---\n"
    )


class _Outlet(http.server.BaseHTTPRequestHandler):
    """An outlet's site on the loopback: a page in windows-1251, a feed behind a redirect."""

    PAGE = (
        '<html><head><meta charset="windows-1251"></head><body><ul>\n'
        '<li><a href="news/1-odesa.html"><h3>Дрони атакували Одесу вночі</h3></a></li>\n'
        '<li><a href="/ukr/news/2-kharkiv.html"><h3>Вибухи у Харкові вдень</h3></a></li>\n'
        "</ul></body></html>\n"
    ).encode("windows-1251")
    FEED = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>\n'
        b"<item><title>Air raid alert over</title><link>/ukr/news/3-alert.html</link>\n"
        b"<pubDate>Sun, 30 Jun 2024 09:00:00 +0000</pubDate></item></channel></rss>\n"
    )

    def do_GET(self) -> None:
        if self.path == "/ukr/list.html":
            self._send(200, "text/html", self.PAGE)
        elif self.path == "/feed":
            self.send_response(302)
            self.send_header("Location", "/ukr/rss.xml")
            self.end_headers()
        elif self.path == "/ukr/rss.xml":
            self._send(200, "application/rss+xml; charset=utf-8", self.FEED)
        else:
            self._send(404, "text/plain", b"no such page")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_import_fetches_a_page_or_a_feed_by_its_address(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`digest import URL` fetches the page (its charset from its <meta>) or the feed
    (after a redirect), and completes relative links against where it was fetched from."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Outlet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        code, out, _ = run(
            capsys, "import", f"{site}/ukr/list.html", "--date", "2024-06-23", "--project", project
        )
        assert (code, out) == (
            0,
            "content/digests/2024/2024-06-23.md: created with 2 headlines (draft: true)\n",
        )
        day = (project / "content/digests/2024/2024-06-23.md").read_text("utf-8")
        for title, path in [
            ("Дрони атакували Одесу вночі", "/ukr/news/1-odesa.html"),
            ("Вибухи у Харкові вдень", "/ukr/news/2-kharkiv.html"),
        ]:
            assert f'title: "{title}"\n    url: "{site}{path}"' in day

        code, out, _ = run(capsys, "import", f"{site}/feed", "--dry-run", "--project", project)
        assert (code, out) == (
            0,
            "content/digests/2024/2024-06-30.md: would create with 1 headline (draft: true)\n"
            f"  12:00  Air raid alert over  {site}/ukr/news/3-alert.html\n",
        )
        listing = parse_listing_of(f"{site}/feed")
        assert listing == [("Air raid alert over", f"{site}/ukr/news/3-alert.html", "12:00")]

        code, _, err = run(capsys, "import", f"{site}/gone", "--project", project)
        assert (code, err) == (
            1,
            f"digest: error: cannot fetch {site}/gone: the server answered 404 Not Found\n",
        )
    finally:
        server.shutdown()
        server.server_close()


def parse_listing_of(url: str) -> list[tuple[str, str, str]]:
    from builder.importer import parse_listing
    from builder.newday import fetch_listing

    fetched, page = fetch_listing(url)
    listing = parse_listing(
        fetched.text, dt.date(2024, 6, 23), timezone="Europe/Kyiv", page_url=page
    )
    return [(e.title, e.url, f"{e.time:%H:%M}") for d in listing.days for e in d.entries]


def test_import_skips_a_link_already_on_another_day(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An article the digest already holds on another day (here with a tracking parameter
    added) is not imported again; a new one is."""
    known = "https://en.interfax.com.ua/news/general/995137.html"
    assert known in (project / "content/digests/2024/2024-06-21.md").read_text("utf-8")
    listing = tmp_path / "listing.txt"
    listing.write_text(
        f"23.06.2024\nAn old story again — {known}?utm_source=telegram\n"
        "A new story — https://en.interfax.com.ua/news/general/999999.html\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", listing, "--project", project)
    assert code == 0
    assert err.splitlines() == [
        f"{listing}:2: skipped 'An old story again': its link is already on 2024-06-21 "
        "(content/digests/2024/2024-06-23.md)"
    ]
    assert out == "content/digests/2024/2024-06-23.md: created with 1 headline\n"
    day = (project / "content/digests/2024/2024-06-23.md").read_text("utf-8")
    assert "999999" in day and "995137" not in day


PERSIAN_PAGE = """\
<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>اوکراین</title>
</head><body><main><ul>
<li><a href="https://www.bbc.com/persian/articles/c1">
<h3>پهپادهای ایرانی «شاهد» بار دیگر به کی‌یف حمله کردند</h3></a>
<time datetime="2024-07-01T08:10:00Z">۱۱ تیر ۱۴۰۳</time></li>
<li><a href="https://www.bbc.com/persian/articles/c2">
<h3>Zelensky: Russia uses North Korean missiles</h3></a>
<time datetime="2024-07-01T06:00:00Z">۱۱ تیر ۱۴۰۳</time></li>
</ul></main></body></html>
"""


def test_import_marks_a_title_in_another_language_and_the_page_runs_it_right_to_left(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A Persian page's Persian title is written with `language: fa`, so that the built
    page marks it lang="fa" and runs it right to left; its English title, and a Ukrainian
    outlet's English one, are the site's language; a Ukrainian outlet's Ukrainian title,
    pasted as text, gets its outlet's language."""
    with (project / "content/sources.yaml").open("a", encoding="utf-8") as sources:
        sources.write('bbc-persian:\n  name: "BBC فارسی"\n  url: "https://www.bbc.com/persian"\n')
        sources.write("  language: fa\n")
    page = tmp_path / "persian.html"
    page.write_text(PERSIAN_PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "import", page, "--dry-run", "--project", project)
    assert (
        code == 0 and " کردند  https://www.bbc.com/persian/articles/c1 [bbc-persian, fa]\n" in out
    )
    assert "missiles  https://www.bbc.com/persian/articles/c2 [bbc-persian]\n" in out
    run(capsys, "import", page, "--project", project)
    pasted = tmp_path / "pasted.md"
    pasted.write_text(
        "2024-07-01\n- [Обстріл Запоріжжя: що відомо](https://censor.net/ua/a)\n"
        "- [Strikes on Zaporizhzhia](https://censor.net/en/a)\n",
        encoding="utf-8",
    )
    run(capsys, "import", pasted, "--project", project)
    day = yaml.safe_load(
        (project / "content/digests/2024/2024-07-01.md").read_text("utf-8").split("---")[1]
    )
    assert {h["url"]: h.get("language") for h in day["headlines"]} == {
        "https://www.bbc.com/persian/articles/c1": "fa",
        "https://www.bbc.com/persian/articles/c2": None,
        "https://censor.net/ua/a": "uk",
        "https://censor.net/en/a": None,
    }
    assert run(capsys, "build", "--drafts", "--project", project)[0] == 0
    built = (project / "site/2024/07/01/index.html").read_text("utf-8")
    persian = '<a href="https://www.bbc.com/persian/articles/c1" hreflang="fa" lang="fa">'
    assert f'<p class="headline-title" dir="rtl">\n{persian}' in built
    assert '<a href="https://censor.net/ua/a" hreflang="uk" lang="uk">' in built

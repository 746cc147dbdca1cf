"""Odd files and paths: huge, empty, binary and misplaced files, names that are paths or
Windows devices, and symbolic links that lead out of content/.

Each case gives a clear error (file, line where there is one, what is wrong, how to fix
it) or a correct build; never a traceback, and always in bounded time. Builds run the real
command on real files in tmp_path; what must have been written is checked on disk.
"""

from __future__ import annotations

import html.parser
import io
import os
import shutil
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import feedparser
import pytest

from builder import output, urls
from builder.build import load
from builder.cli import main
from builder.errors import OutputError, sort_problems, summarise
from builder.project import Project

MINIMAL = Path(__file__).parent / "sites" / "minimal"
DAY_DIR = "content/digests/2024"
EPOCH = "1893456000"  # 2030-01-01: every day here is published
BUILD_MESSAGE = "nothing was written\n"
UNCHECKED = (  # what `check` says of the days while the configuration has errors
    "content/digests: note: the days' sources, tags and stories are checked once site.yaml, "
    "sources.yaml and tags.yaml have no errors: fix those, then check again\n"
)


def check(project: Path) -> tuple[int, str, str]:
    """Report what `digest check` reports about the content, as it prints it, in this process.

    The command also compiles every template (a third of a second); the tests that build
    run the whole command.
    """
    problems = sort_problems(load(Project(project)).problems)
    text = "".join(p.format() + "\n" for p in problems)
    return (1 if problems else 0), "", text + (summarise(problems) + "\n" if problems else "")


def digest(*args: str | Path) -> tuple[int, str, str]:
    """Run the command in this process; return its exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal site (one day, 2024-06-22) in tmp_path/project."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    shutil.copytree(MINIMAL, tmp_path / "project")
    return tmp_path / "project"


def day_text(date: str, headlines: list[dict[str, str]], body: str = "") -> str:
    lines = ["---", f"date: {date}", "headlines:"] if headlines else ["---", f"date: {date}"]
    if not headlines:
        lines.append("headlines: []")
    for h in headlines:
        lines.append(f'  - title: "{h["title"]}"')
        lines.append(f'    url: "{h["url"]}"')
        lines.append(f"    source: {h.get('source', 'ukrinform')}")
        for key in ("tags", "places"):
            if key in h:
                lines.append(f"    {key}: {h[key]}")
        if "story" in h:
            lines.append(f"    story: {h['story']}")
    return "\n".join([*lines, "---", body]) + "\n"


def write_day(project: Path, date: str, text: str | bytes, folder: str = DAY_DIR) -> Path:
    path = project / folder / f"{date}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def files_below(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# Size ---------------------------------------------------------------------------------------


def test_ten_megabyte_day_file_is_refused_at_once(project: Path) -> None:
    paragraph = "Shelling near *Kharkiv*, [a report](https://example.org/r). " * 20
    body = "\n\n".join([paragraph] * (10_000_000 // len(paragraph)))
    path = write_day(project, "2024-06-23", day_text("2024-06-23", [], body))
    assert path.stat().st_size > 10_000_000
    started = time.perf_counter()
    code, out, err = digest("build", "--project", project)
    assert time.perf_counter() - started < 10
    assert (code, out) == (1, "")
    size = path.stat().st_size / 1024 / 1024
    assert err == (
        f"{DAY_DIR}/2024-06-23.md: the file is {size:.1f} MB, more than content may be (2 MB; "
        "a day of 100 headlines is about 40 KB): split it, or move what is not content out of "
        "content/\n1 error in 1 file\n" + BUILD_MESSAGE
    )
    assert not (project / "site").exists()


def test_ten_megabyte_sources_file_is_refused_at_once(project: Path) -> None:
    path = project / "content" / "sources.yaml"
    record = "\n  name: Ukrinform\n  url: https://www.ukrinform.net/\n  language: en\n"
    path.write_text("".join(f"s{n}:{record}" for n in range(150_000)), encoding="utf-8")
    assert path.stat().st_size > 10_000_000
    code, _, err = check(project)
    assert code == 1
    assert err.startswith(UNCHECKED + "content/sources.yaml: the file is ")
    assert err.endswith(" MB, more than content may be (2 MB; a day of 100 headlines is about "
                        "40 KB): split it, or move what is not content out of content/\n"
                        "1 error in 1 file, 1 note in 1 file\n")  # fmt: skip


class _Counter(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headlines = 0
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and "headline" in (found.get("class") or "").split():
            self.headlines += 1
            self.anchors.add(found.get("id") or "")


def test_day_of_5000_headlines_builds_in_bounded_time(project: Path) -> None:
    headlines = [
        {
            "title": f"Headline {n} of a long day: <{n}> & more",
            "url": f"https://www.ukrinform.net/long/{n}",
        }
        for n in range(5000)
    ]
    write_day(project, "2024-06-23", day_text("2024-06-23", headlines, "A long day."))
    started = time.perf_counter()
    code, out, err = digest("build", "--project", project)
    assert time.perf_counter() - started < 120
    assert (code, err) == (0, ""), err
    assert out.startswith("built ")
    counter = _Counter()
    counter.feed((project / "site" / "2024" / "06" / "23" / "index.html").read_text("utf-8"))
    counter.close()
    assert counter.headlines == 5000
    assert len(counter.anchors) == 5000
    titles = {h["title"] for h in headlines}
    for name in ("rss.xml", "atom.xml"):
        feed = feedparser.parse((project / "site" / "headlines" / name).read_bytes())
        assert not feed.bozo
        assert len(feed.entries) == 100
        assert {e.title for e in feed.entries} <= titles
    source = feedparser.parse(
        (project / "site" / "sources" / "ukrinform" / "atom.xml").read_bytes()
    )
    assert not source.bozo and len(source.entries) == 50


def test_yaml_nested_a_hundred_thousand_levels_deep_is_refused(project: Path) -> None:
    """PyYAML composes recursively: this depth used to crash libyaml (a segfault)."""
    depth = 100_000
    text = "---\ndate: 2024-06-23\nheadlines: " + "[" * depth + "]" * depth + "\n---\n"
    write_day(project, "2024-06-23", text)
    started = time.perf_counter()
    # Its own process: a crash here would otherwise take pytest down with it.
    result = subprocess.run(
        [sys.executable, "-m", "builder", "check", "--project", str(project)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert time.perf_counter() - started < 30
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{DAY_DIR}/2024-06-23.md:3:75: YAML: lists and mappings are nested more than 64 levels "
        "deep here; content needs at most four (a day, its headlines, a headline, its tags): "
        "check the brackets and the indentation\n1 error in 1 file\n"
    )


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("flow", "headlines: " + "[" * 500 + "]" * 500, "3:75"),
        ("block", "headlines:\n" + "".join(" " * n + "-\n" for n in range(0, 1000, 2)), "67:127"),
        ("compact", "headlines:\n" + "- " * 500 + "x", "4:127"),
        ("mappings", "headlines:\n" + "".join(" " * n + "a:\n" for n in range(500)), "68:65"),
    ],
    ids=["flow", "block", "compact", "mappings"],
)
def test_deep_yaml_is_refused_at_the_level_too_deep(
    project: Path, name: str, text: str, where: str
) -> None:
    write_day(project, "2024-06-23", f"---\ndate: 2024-06-23\n{text}\n---\n")
    code, _, err = check(project)
    assert code == 1
    assert err.startswith(f"{DAY_DIR}/2024-06-23.md:{where}: YAML: lists and mappings are nested")


# Odd files ----------------------------------------------------------------------------------

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
EMPTY = (
    "front matter: the file is empty: a day file starts with a line '---', then its fields "
    "(date, headlines, ...), then another '---' line; `digest new` writes one"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", f"1:1: {EMPTY}"),
        (b"\n  \n\t\n", f"1:1: {EMPTY}"),
        (b"\xef\xbb\xbf\r\n", f"1:1: {EMPTY}"),
        (
            PNG,
            "1:1: the file is a PNG image, not UTF-8 text: save it as UTF-8 text, or move it "
            "out of content/ if it is not content",
        ),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "1:1: the file is a PDF document, not UTF-8 text: save it as UTF-8 text, or move "
            "it out of content/ if it is not content",
        ),
        (
            "---\ndate: 2024-01-01\nheadlines: []\n---\n".encode("utf-16"),
            "1:1: the file is UTF-16 text, not UTF-8 text: save it as UTF-8 text, or move it "
            "out of content/ if it is not content",
        ),
        (
            bytes(range(256)) * 16,
            "1:1: the file is binary data, not UTF-8 text: save it as UTF-8 text, or move it out "
            "of content/ if it is not content",
        ),
        (
            b"---\ndate: 2024-01-01\ntitle: caf\xe9\n",
            "3:11: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8",
        ),
    ],
    ids=["empty", "blank", "bom-only", "png", "pdf", "utf-16", "binary", "latin-1"],
)
def test_odd_day_file_gives_one_clear_error(project: Path, data: bytes, message: str) -> None:
    write_day(project, "2024-01-01", data)
    code, out, err = digest("build", "--project", project)
    assert (code, out) == (1, "")
    assert err == f"{DAY_DIR}/2024-01-01.md:{message}\n1 error in 1 file\n" + BUILD_MESSAGE


def test_files_that_are_not_markdown_are_left_out_of_digests(project: Path) -> None:
    """Only .md files are day files; notes, pictures and backups beside them are ignored."""
    folder = project / DAY_DIR
    (folder / "notes.txt").write_text("remember: 2024-06-23\n", encoding="utf-8")
    (folder / "map.png").write_bytes(PNG)
    (folder / "2024-06-23.txt").write_text(day_text("2024-06-23", []), encoding="utf-8")
    (folder / "2024-06-22.md~").write_text("backup", encoding="utf-8")
    (folder / ".2024-06-22.md.swp").write_bytes(b"\x00" * 64)
    code, out, err = digest("build", "--project", project)
    assert (code, err) == (0, "")
    assert out.startswith("built ")
    days = [p for p in files_below(project / "site") if p.count("/") == 3 and p[:4].isdigit()]
    assert days == ["2024/06/22/index.html"]


def test_a_named_pipe_or_a_device_in_content_never_holds_a_build(project: Path) -> None:
    """A named pipe named as a day is reported as what it is; one elsewhere in content/, or
    a link to /dev/zero, is no part of the site: nothing waits on them or reads them whole
    (the build hung on the pipe, and read /dev/zero until memory ran out)."""
    os.mkfifo(project / DAY_DIR / "2024-06-23.md")
    os.mkfifo(project / "content/notes.pipe")
    (project / "content/notes.txt").symlink_to("/dev/zero")
    said = (
        f"{DAY_DIR}/2024-06-23.md: is not a file but a named pipe; remove it, and save the "
        "day as a file\n1 error in 1 file\n"
    )
    for command in ("check", "build"):
        run = subprocess.run(
            [sys.executable, "-m", "builder", command, "--project", str(project)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (run.returncode, run.stdout + run.stderr) == (
            1,
            said + (BUILD_MESSAGE if command == "build" else ""),
        )
    (project / DAY_DIR / "2024-06-23.md").unlink()
    run = subprocess.run(
        [sys.executable, "-m", "builder", "build", "--project", str(project)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, run.stderr, run.stdout.startswith("built ")) == (0, "", True)


# Paths --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9", "con.html", "nul.txt", "aux.tar"],
)
def test_windows_device_names_get_a_hyphen(name: str) -> None:
    assert urls.listing("places", name) == f"places/{name}-/"
    assert urls.listing("tags", name, 2) == f"tags/{name}-/page/2/"


@pytest.mark.parametrize("name", ["cons", "console", "com", "com10", "lpt", "auxiliary", "co-n"])
def test_names_that_only_look_like_devices_are_kept(name: str) -> None:
    assert urls.listing("tags", name) == f"tags/{name}/"


RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


def test_windows_device_names_as_ids_and_places_build_into_safe_folders(project: Path) -> None:
    content = project / "content"
    with (content / "tags.yaml").open("a", encoding="utf-8") as tags:
        tags.write("con:\n  name: Con\nlpt1:\n  name: Printer\n")
    with (content / "sources.yaml").open("a", encoding="utf-8") as sources:
        sources.write("aux:\n  name: Aux\n  url: https://aux.example.org/\n  language: en\n")
    headlines = [
        {
            "title": "Devices",
            "url": "https://aux.example.org/1",
            "source": "aux",
            "tags": "[con, lpt1]",
            "places": "[CON, Com1, con.html, Nul.txt]",
            "story": "prn",
        }
    ]
    write_day(project, "2024-06-23", day_text("2024-06-23", headlines))
    code, _, err = digest("build", "--project", project)
    assert (code, err) == (0, ""), err
    written = files_below(project / "site")
    for folder in (
        "tags/con-",
        "tags/lpt1-",
        "sources/aux-",
        "stories/prn-",
        "places/con-",
        "places/com1-",
        "places/con-html",
        "places/nul-txt",
    ):
        assert f"{folder}/index.html" in written, folder
        assert f"{folder}/rss.xml" in written, folder
    for path in written:
        for segment in path.split("/"):
            assert segment.split(".")[0].lower() not in RESERVED, path
    day = (project / "site" / "2024" / "06" / "23" / "index.html").read_text("utf-8")
    for folder in ("tags/con-/", "tags/lpt1-/", "sources/aux-/", "stories/prn-/", "places/con-/"):
        assert f'href="/{folder}"' in day, folder


def test_place_names_that_are_paths_stay_inside_the_site(tmp_path: Path, project: Path) -> None:
    places = r'["../../escaped", "..\\..\\windows", "a/b/../../c", "/etc/passwd", "~/x", "C:\\x"]'
    headlines = [{"title": "Paths", "url": "https://www.ukrinform.net/p", "places": places}]
    write_day(project, "2024-06-23", day_text("2024-06-23", headlines))
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = digest("build", "--project", project)
    assert (code, err) == (0, ""), err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    site = project / "site"
    places_written = sorted(
        p.parent.relative_to(site / "places").as_posix() for p in site.glob("places/*/index.html")
    )
    assert places_written == ["a-b-c", "c-x", "escaped", "etc-passwd", "windows", "x"]
    assert all(p.resolve().is_relative_to(site.resolve()) for p in site.rglob("*"))


@pytest.mark.parametrize(
    ("place", "message"),
    [
        ("..", "'..' has no letters or digits to name its page with; write the name"),
        ("./", "'./' has no letters or digits to name its page with; write the name"),
        ("\\\\", "'\\' has no letters or digits to name its page with; write the name"),
        (
            "a\\0b",
            "contains the control character U+0000, which cannot go into a web page or feed; "
            "delete it (it often comes with pasted text)",
        ),
    ],
    ids=["dot-dot", "dot-slash", "backslash", "nul"],
)
def test_place_name_with_nothing_to_name_a_page_is_refused(
    project: Path, place: str, message: str
) -> None:
    headlines = [{"title": "P", "url": "https://www.ukrinform.net/p", "places": f'["{place}"]'}]
    write_day(project, "2024-06-23", day_text("2024-06-23", headlines))
    code, _, err = check(project)
    assert code == 1
    assert (
        err
        == f"{DAY_DIR}/2024-06-23.md:7:14: headlines[0].places[0]: {message}\n1 error in 1 file\n"
    )


@pytest.mark.parametrize(
    ("first", "second", "slug"),
    [
        ("CON", "con", "con"),
        ("con", "con-", "con"),
        ("Київ", "Kyiv", "kyiv"),
        ("a/b", "a b", "a-b"),
    ],
)
def test_places_whose_slugs_collide_are_refused(
    project: Path, first: str, second: str, slug: str
) -> None:
    headlines = [
        {"title": "One", "url": "https://www.ukrinform.net/1", "places": f'["{first}"]'},
        {"title": "Two", "url": "https://www.ukrinform.net/2", "places": f'["{second}"]'},
    ]
    write_day(project, "2024-06-23", day_text("2024-06-23", headlines))
    code, _, err = digest("build", "--project", project)
    assert code == 1
    page = urls.listing("places", slug)
    assert err == (
        f"{DAY_DIR}/2024-06-23.md:11:14: headlines[1].places[0]: '{second}' and '{first}' would "
        f"share the page {page}; spell the place one way ('{first}') everywhere\n"
        "1 error in 1 file\n" + BUILD_MESSAGE
    )
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    "path",
    ["", "/etc/passwd", "../x", "a/../../x", "a/./b", "a\\b", "a\x00b", "a//b", "..", "x/.."],
)
def test_writer_refuses_a_path_that_could_leave_the_site(tmp_path: Path, path: str) -> None:
    with pytest.raises(OutputError, match="refusing to write to the unsafe path"):
        output.safe_join(tmp_path, path)
    site = tmp_path / "deep" / "site"
    with output.SiteWriter(site) as writer:  # a new build folder: written the quick way
        writer.write("index.html", "home", "home")
        with pytest.raises(OutputError, match="refusing to write to the unsafe path"):
            writer.write(path, "evil", "page")
        assert set(writer.claims) == {"index.html"}
        writer.commit()
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {"deep/site/index.html", f"deep/site/{output.MARKER}"}
    preview = tmp_path / "deep" / "preview"  # the preview's writer, file by file in place
    with output.InPlaceWriter(preview, (), {}) as in_place:
        in_place.write("index.html", "home", "home")
        with pytest.raises(OutputError, match="refusing to write to the unsafe path"):
            in_place.write(path, "evil", "page")
        assert set(in_place.claims) == {"index.html"}
        in_place.commit()
    assert {p.name for p in preview.rglob("*")} == {"index.html", output.MARKER}
    assert not (tmp_path / "deep" / "x").exists() and not (tmp_path / "x").exists()


def test_writer_refuses_a_second_claim_to_one_path(tmp_path: Path) -> None:
    with output.SiteWriter(tmp_path / "site") as writer:
        writer.write("tags/con-/index.html", "one", "tag con")
        with pytest.raises(OutputError, match="two things would be written to tags/con-/index"):
            writer.write("tags/con-/index.html", "two", "place con")


# Symbolic links -----------------------------------------------------------------------------

OUTSIDE = (
    "outside content/; digest reads only files inside content/ (a link could publish any file "
    "of this machine): copy the file into content/ instead of linking to it"
)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project with a day file and a sources.yaml of its own."""
    folder = tmp_path / "outside"
    folder.mkdir()
    day = day_text("2024-06-24", [{"title": "Out", "url": "https://www.ukrinform.net/out"}])
    (folder / "2024-06-24.md").write_text(day, encoding="utf-8")
    shutil.copy(MINIMAL / "content" / "sources.yaml", folder / "sources.yaml")
    return folder


def test_day_file_linked_from_outside_content_is_refused(project: Path, outside: Path) -> None:
    (project / DAY_DIR / "2024-06-24.md").symlink_to(outside / "2024-06-24.md")
    code, out, err = digest("build", "--project", project)
    assert (code, out) == (1, "")
    assert err == (
        f"{DAY_DIR}/2024-06-24.md: is a symbolic link to {outside / '2024-06-24.md'}, "
        f"{OUTSIDE}\n1 error in 1 file\n" + BUILD_MESSAGE
    )


def test_folder_linked_from_outside_content_is_refused(project: Path, outside: Path) -> None:
    (project / "content" / "digests" / "2025").symlink_to(outside, target_is_directory=True)
    code, _, err = check(project)
    assert code == 1
    assert (
        err
        == f"content/digests/2025: is a symbolic link to {outside}, {OUTSIDE}\n1 error in 1 file\n"
    )


def test_sources_file_linked_from_outside_content_is_refused(project: Path, outside: Path) -> None:
    sources = project / "content" / "sources.yaml"
    sources.unlink()
    sources.symlink_to(outside / "sources.yaml")
    code, _, err = check(project)
    assert code == 1
    assert err == (
        f"{UNCHECKED}content/sources.yaml: is a symbolic link to {outside / 'sources.yaml'}, "
        f"{OUTSIDE}\n1 error in 1 file, 1 note in 1 file\n"
    )


def test_link_to_a_secret_file_never_reaches_the_site(project: Path) -> None:
    secret = project.parent / "secret.txt"
    secret.write_text("---\ndate: 2024-06-25\nheadlines: []\n---\nTOP SECRET\n", encoding="utf-8")
    (project / DAY_DIR / "2024-06-25.md").symlink_to(secret)
    code, _, err = digest("build", "--project", project)
    assert code == 1
    assert "is a symbolic link to" in err
    assert not (project / "site").exists()


def test_looping_link_is_refused(project: Path) -> None:
    loop = project / DAY_DIR / "2024-06-25.md"
    loop.symlink_to(loop)
    code, _, err = check(project)
    assert code == 1
    assert err == (
        f"{DAY_DIR}/2024-06-25.md: is a symbolic link that leads in a loop; remove it\n"
        "1 error in 1 file\n"
    )


def test_links_that_stay_inside_content_are_followed(project: Path) -> None:
    """A day kept elsewhere in content/ and linked into digests/ builds like any other."""
    shared = project / "content" / "archive" / "2023"
    shared.mkdir(parents=True)
    day = day_text("2023-12-31", [{"title": "Linked", "url": "https://www.ukrinform.net/l"}])
    (shared / "2023-12-31.md").write_text(day, encoding="utf-8")
    (project / "content" / "digests" / "2023").symlink_to(shared, target_is_directory=True)
    extra = project / "content" / "drafts" / "2024-06-23.md"
    extra.parent.mkdir()
    extra.write_text(day_text("2024-06-23", []), encoding="utf-8")
    (project / DAY_DIR / "2024-06-23.md").symlink_to(Path("../../drafts/2024-06-23.md"))
    code, _, err = digest("build", "--project", project)
    assert (code, err) == (0, ""), err
    site = project / "site"
    for date in ("2023/12/31", "2024/06/22", "2024/06/23"):
        assert (site / date / "index.html").is_file(), date
    assert "Linked" in (site / "2023" / "12" / "31" / "index.html").read_text("utf-8")


def test_link_back_into_digests_is_refused(project: Path) -> None:
    """Its days are read already: followed, every one of them would be there twice."""
    (project / "content" / "digests" / "again").symlink_to(Path("2024"), target_is_directory=True)
    code, _, err = check(project)
    assert code == 1
    assert err == (
        f"content/digests/again: is a symbolic link to {DAY_DIR}, whose files are already read; "
        "remove the link\n1 error in 1 file\n"
    )


def test_static_file_gone_during_the_build_is_a_clear_error_and_keeps_the_site(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A static file deleted between the build finding it and copying it (an editor tidying
    templates/static/ while `digest watch` builds): an error that names it, and the site
    before the build stays as it was."""
    from builder import render

    assert digest("build", "--project", project)[0] == 0
    site = project / "site"
    before = {name: (site / name).read_bytes() for name in files_below(site)}
    logo = project / "templates" / "static" / "logo.txt"
    logo.parent.mkdir(parents=True, exist_ok=True)
    logo.write_text("a logo\n", "utf-8")
    listed = render.static_files

    def list_then_delete(folders: list[Path]) -> dict[str, render.StaticFile]:
        found = listed(folders)
        logo.unlink(missing_ok=True)
        return found

    monkeypatch.setattr(render, "static_files", list_then_delete)
    code, out, err = digest("build", "--project", project)
    assert (code, out) == (1, "")
    assert f"cannot copy {logo} to static/logo.txt: No such file or directory" in err
    assert "build again" in err
    assert {name: (site / name).read_bytes() for name in files_below(site)} == before

"""Link hygiene in `digest check`: tracking parameters, --fix, http, repeats, --since, JSON."""
# ruff: noqa: E501 - expected messages are kept whole

from __future__ import annotations

import datetime as dt
import difflib
import json
import random
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builder import linkcheck
from builder import links as link_rules
from builder.cli import main
from builder.errors import Location, Problem, Severity
from builder.links import (
    NEAR_DAYS,
    NEAR_DUPLICATE,
    _Link,
    _near_duplicates,
    clean_url,
    tracking_parameters,
)

ROOT = Path(__file__).resolve().parent.parent
DAY = "content/digests/2024/{date}.md"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(["https://", "http://", "HTTPS://", "ftp://", " https://", "https:"]),
    st.text(st.sampled_from("ab.-/:%?#=&[]@ \t\nЖ\x00\x7f\u00a0\uff0f\u2100"), max_size=20),
)
@example("https://", "//")  # no host: urlunsplit drops the "//" of the path
@example("https://", "a\uff0fb")  # a host that NFKC makes "a/b": urlsplit refuses it
def test_a_link_taken_as_plain_is_its_own_clean_url(start: str, rest: str) -> None:
    """The quick path (no split) answers as splitting does wherever it is taken."""
    url = start + rest
    if link_rules._plain(url):
        assert link_rules._cleaned(url) == url
        assert urllib.parse.urlsplit(url).query == ""  # no parameter at all
    try:
        expected = link_rules._cleaned(url)
    except ValueError:  # an address urlsplit refuses: the quick path never takes one
        assert not link_rules._plain(url)
        return
    assert clean_url(url) == expected


@pytest.mark.parametrize(
    ("url", "clean", "names"),
    [
        (
            "https://a.org/x?utm_source=tg&id=5&utm_medium=x",
            "https://a.org/x?id=5",
            ["utm_source", "utm_medium"],
        ),
        ("https://a.org/x?fbclid=AbC#top", "https://a.org/x#top", ["fbclid"]),
        ("https://a.org/x?GCLID=1&b=2", "https://a.org/x?b=2", ["GCLID"]),
        ("https://a.org/x?id=5", "https://a.org/x?id=5", []),
        # Parameters that track on one site only: elsewhere "source" or "s" may choose the page.
        (
            "https://medium.com/notes/the-pokrovsk-axis-5b2e?source=collection_home---4----",
            "https://medium.com/notes/the-pokrovsk-axis-5b2e",
            ["source"],
        ),
        (
            "https://ukraine.medium.com/a-1f?source=rss",
            "https://ukraine.medium.com/a-1f",
            ["source"],
        ),
        (
            "https://x.com/kyivindependent/status/1?s=20&t=AbC",
            "https://x.com/kyivindependent/status/1",
            ["s", "t"],
        ),
        (
            "https://www.youtube.com/watch?v=Ab1&si=Xy",
            "https://www.youtube.com/watch?v=Ab1",
            ["si"],
        ),
        ("https://a.org/search?source=feed&s=war", "https://a.org/search?source=feed&s=war", []),
        (
            "https://udn.com/news/story/6809/8100934?from=udn-catelistnews_ch2",
            "https://udn.com/news/story/6809/8100934",
            ["from"],
        ),
        ("https://a.org/news?from=2024-07-01", "https://a.org/news?from=2024-07-01", []),
        (
            "https://www.theguardian.com/world/2024/jul/16/a?CMP=share_btn_url",
            "https://www.theguardian.com/world/2024/jul/16/a",
            ["CMP"],
        ),
        (
            "https://www.nytimes.com/2024/07/16/a.html?smid=nytcore-ios-share&referringSource=x",
            "https://www.nytimes.com/2024/07/16/a.html",
            ["smid", "referringSource"],
        ),
        (
            "https://www.axios.com/2024/07/16/a?utm_source=newsletter&stream=top",
            "https://www.axios.com/2024/07/16/a",
            ["utm_source", "stream"],
        ),
    ],
)
def test_clean_url_removes_only_tracking_parameters(url: str, clean: str, names: list[str]) -> None:
    assert clean_url(url) == clean
    assert tracking_parameters(url) == names


def _day(project: Path, date: str, *headlines: tuple[str, str]) -> None:
    items = "".join(
        f'  - title: "{title}"\n    url: "{url}"\n    source: ukrinform\n'
        for title, url in headlines
    )
    path = project / DAY.format(date=date)
    path.write_text(f"---\ndate: {date}\nheadlines:\n{items}---\n", encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests/sites/minimal/content", tmp_path / "content")
    return tmp_path


def test_check_flags_tracking_http_repeats_and_near_duplicates(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The link checks take the day files the content checks read: none is read again but
    those read exactly to place a warning (ten years of day files take seconds to read)."""

    def again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the day files were read a second time")

    monkeypatch.setattr(linkcheck, "read_days", again)
    _day(
        project,
        "2024-06-23",
        (
            "Ukraine's General Staff reports 21 firefights in Pokrovsk sector",
            "https://www.ukrinform.net/a?utm_source=tg",
        ),
        ("Plain", "http://www.ukrinform.net/b"),
    )
    _day(
        project,
        "2024-06-24",
        (
            "Ukraine's General Staff reports 22 firefights in Pokrovsk sector",
            "https://www.ukrinform.net/c",
        ),
        ("Again", "https://www.ukrinform.net/a?fbclid=1"),
    )
    code, out, err = run(capsys, "check", "--project", project)
    assert code == 0
    d23, d24 = DAY.format(date="2024-06-23"), DAY.format(date="2024-06-24")
    assert err.splitlines() == [
        f"{d23}:5:10: warning: headlines[0].url: tracking parameters (utm_source) in the link; "
        "use the clean URL https://www.ukrinform.net/a (digest check --fix writes it)",
        f"{d23}:8:10: warning: headlines[1].url: an http: link to Ukrinform, which is served over "
        "https; write https://www.ukrinform.net/b",
        f"{d24}:4:12: warning: headlines[0].title: nearly the same title as on 2024-06-23 ({d23}:4): "
        "'Ukraine's General Staff reports 21 firefights in Pokrovsk sector'; is it the same story twice?",
        f"{d24}:8:10: warning: headlines[1].url: the same article as on 2024-06-23 ({d23}:5) but for "
        "tracking parameters; is it the same article twice?",
        f"{d24}:8:10: warning: headlines[1].url: tracking parameters (fbclid) in the link; use the "
        "clean URL https://www.ukrinform.net/a (digest check --fix writes it)",
        "5 warnings in 2 files",
    ]
    assert run(capsys, "check", "--strict", "--project", project)[0] == 1
    code, out, _ = run(capsys, "check", "--format", "json", "--project", project)
    report = json.loads(out)
    assert (code, report["ok"], report["summary"]) == (0, True, "5 warnings in 2 files")
    code, out, err = run(capsys, "check", "--format", "json", "--project", project / "content")
    assert (code, json.loads(out)) == (
        2,
        {"ok": False, "error": err.removeprefix("digest: error: ").strip()},
    )
    assert report["problems"][0] == {
        "path": d23,
        "line": 5,
        "column": 10,
        "severity": "warning",
        "field": "headlines[0].url",
        "message": "tracking parameters (utm_source) in the link; use the clean URL "
        "https://www.ukrinform.net/a (digest check --fix writes it)",
    }


def test_check_asks_about_a_link_on_another_sources_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link on the site of another source than its own (its host, or a host above it,
    and the folder of the source's `url`) is a warning that names that source: the wrong
    id, pasted with the wrong link. A link on nobody's site (x.com, a channel that is no
    source) is left alone. A link that is a source's home page is no article's."""
    sources = project / "content" / "sources.yaml"
    sources.write_text(
        sources.read_text("utf-8")
        + "".join(
            f'{key}:\n  name: "{name}"\n  url: "{url}"\n  language: uk\n'
            for key, name, url in (
                ("espreso", "Espreso Global", "https://global.espreso.tv/"),
                ("espreso-ua", "Еспресо", "https://espreso.tv/"),
                ("zelensky", "Zelensky's channel", "https://t.me/V_Zelenskiy_official"),
                ("genstaff", "General Staff", "https://t.me/GeneralStaffZSU/"),
            )
        ),
        "utf-8",
    )
    rows = (
        ("https://www.ukrinform.net/rubric-ato/1.html", "espreso"),  # Ukrinform's
        ("https://global.espreso.tv/news-2", "espreso-ua"),  # Espreso Global's, not Еспресо's
        ("https://espreso.tv/news-3", "espreso-ua"),
        ("https://global.espreso.tv/news-4", "espreso"),
        ("https://t.me/V_Zelenskiy_official/12345", "genstaff"),  # the other channel's
        ("https://t.me/GeneralStaffZSU/678", "genstaff"),
        ("https://t.me/someone_else/1", "genstaff"),  # nobody's
        ("https://x.com/ukrinform/status/1", "ukrinform"),  # nobody's
        ("https://sport.ukrinform.net/x", "ukrinform"),  # under Ukrinform's host
        ("https://ukrinform.net", "ukrinform"),  # its home page, not an article
        ("https://t.me/GeneralStaffZSU#top", "genstaff"),  # the channel, not a post
    )
    items = "".join(  # titles not nearly alike: "Report A", "Report B"
        f'  - title: "Report {chr(65 + n)}"\n    url: "{url}"\n    source: {source}\n'
        for n, (url, source) in enumerate(rows)
    )
    day = project / DAY.format(date="2024-06-23")
    day.write_text(f"---\ndate: 2024-06-23\nheadlines:\n{items}---\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--project", project)
    path = DAY.format(date="2024-06-23")
    assert (code, err.splitlines()) == (
        0,
        [
            f"{path}:5:10: warning: headlines[0].url: the link is on the site of Ukrinform "
            "(https://www.ukrinform.net/), not of Espreso Global: is its source 'ukrinform', "
            "not 'espreso'?",
            f"{path}:8:10: warning: headlines[1].url: the link is on the site of Espreso Global "
            "(https://global.espreso.tv/), not of Еспресо: is its source 'espreso', not "
            "'espreso-ua'?",
            f"{path}:17:10: warning: headlines[4].url: the link is on the site of Zelensky's "
            "channel (https://t.me/V_Zelenskiy_official), not of General Staff: is its source "
            "'zelensky', not 'genstaff'?",
            f"{path}:32:10: warning: headlines[9].url: the link is the home page of Ukrinform "
            "(https://www.ukrinform.net/), not an article; link the article the headline is about",
            f"{path}:35:10: warning: headlines[10].url: the link is the home page of General "
            "Staff (https://t.me/GeneralStaffZSU/), not an article; link the article the "
            "headline is about",
            "5 warnings in 1 file",
        ],
    )


def test_fix_writes_clean_urls_and_nothing_else(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _day(
        project, "2024-06-23", ("A", "https://www.ukrinform.net/a?id=1&utm_source=tg&utm_medium=x")
    )
    path = project / DAY.format(date="2024-06-23")
    before = path.read_text()
    code, _, err = run(capsys, "check", "--fix", "--strict", "--project", project)
    assert code == 0
    assert err == f"fixed {DAY.format(date='2024-06-23')}: removed tracking parameters\n"
    assert path.read_text() == before.replace("?id=1&utm_source=tg&utm_medium=x", "?id=1")


def test_fix_writes_the_ids_of_sources_and_tags_written_by_name(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a digest moved from another tool has them: names where ids go, bare or quoted,
    alone or in a list. A name no source or tag has is left for the editor."""
    path = project / DAY.format(date="2024-06-23")
    path.write_text(
        "---\ndate: 2024-06-23\nheadlines:\n"
        '  - title: "Talks"\n    url: "https://www.ukrinform.net/a"\n    source: Ukrinform\n'
        '    tags: [Frontline, "Frontline line"]\n'
        '  - title: "Strikes"\n    url: "https://www.ukrinform.net/b"\n    source: "UKRINFORM"\n'
        "---\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", "--fix", "--project", project)
    assert code == 1  # "Frontline line" is no tag's name
    assert err.startswith(
        f"fixed {DAY.format(date='2024-06-23')}: wrote ids for names of sources and tags\n"
    )
    assert path.read_text("utf-8") == (
        "---\ndate: 2024-06-23\nheadlines:\n"
        '  - title: "Talks"\n    url: "https://www.ukrinform.net/a"\n    source: ukrinform\n'
        '    tags: [frontline, "Frontline line"]\n'
        '  - title: "Strikes"\n    url: "https://www.ukrinform.net/b"\n    source: ukrinform\n'
        "---\n"
    )
    assert "'Frontline line' is not a valid id" in err


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def test_since_reports_only_what_changed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _day(project, "2024-06-23", ("Old", "https://www.ukrinform.net/old?utm_source=tg"))
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "old content")
    _day(project, "2024-06-24", ("New", "https://www.ukrinform.net/new?fbclid=1"))
    code, _, err = run(capsys, "check", "--strict", "--since", "HEAD", "--project", project)
    assert code == 1
    assert [line.split(":")[0] for line in err.splitlines()[:-1]] == [DAY.format(date="2024-06-24")]
    git(project, "add", "-A")
    git(project, "commit", "-qm", "new day")
    assert run(capsys, "check", "--strict", "--since", "HEAD", "--project", project)[0] == 0
    assert run(capsys, "check", "--strict", "--since", "HEAD~1", "--project", project)[0] == 1
    code, _, err = run(capsys, "check", "--since", "nope", "--project", project)
    assert code == 2 and err.startswith("digest: error: --since nope: git cannot compare with it (")


def test_check_leaves_the_importer_unloaded() -> None:
    """`digest check` runs on every commit (the pre-commit hook): it does not load the
    importer, which only `--fix` (newday's file writing) and `digest import` need; it made
    a check of the sample digest half as long again (0.86 s against 0.57 s)."""
    script = (
        "import sys\n"
        "from builder.cli import main\n"
        f"code = main(['check', '--project', {str(ROOT)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('builder.import', 'builder.newday'))))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def _every_pair(links: list[_Link]) -> list[Problem]:
    """Near-duplicate titles as first written: every earlier title, compared with difflib."""
    problems: list[Problem] = []
    for number, link in enumerate(links):
        mine = link.title.casefold()
        for other in links[:number]:
            if other.url == link.url or not mine:
                continue
            apart = dt.date.fromisoformat(link.date) - dt.date.fromisoformat(other.date)
            if abs(apart.days) > NEAR_DAYS:
                continue
            ratio = difflib.SequenceMatcher(None, other.title.casefold(), mine).ratio()
            if ratio >= NEAR_DUPLICATE:
                where = "earlier on this day" if other.date == link.date else f"on {other.date}"
                problems.append(
                    Problem(
                        link.title_location,
                        f"{link.item}.title",
                        f"nearly the same title as {where} ({other.title_location.path}:{other.title_location.line}): "
                        f"'{other.title}'; is it the same story twice?",
                        Severity.WARNING,
                    )
                )
                break
    return problems


@pytest.mark.parametrize("fork", [False, True], ids=["one-process", "forked"])
@pytest.mark.parametrize("seed", range(6))
def test_near_duplicates_are_those_every_pair_compared_with_difflib_finds(
    seed: int, fork: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The titles ruled out before difflib (by a bound on its ratio) are never ones it would
    flag: the same warnings as comparing every pair, on titles made to be near each other
    (a word changed, a letter dropped, case changed, a repeat, the same URL, Cyrillic).
    Forked (as `digest check` compares a long digest's titles), in spans of a few links
    that either process takes: the same warnings, in the same order."""
    spans: list[range] = []
    real_map = link_rules.shared_map

    def counted(function: Any, items: Any) -> Any:
        spans.extend(items)
        return real_map(function, items)

    monkeypatch.setattr(link_rules, "FORK_FROM", 1)
    monkeypatch.setattr(link_rules, "_SPAN", 7)
    monkeypatch.setattr(link_rules, "shared_map", counted)
    rng = random.Random(seed)
    words = ["Strike", "on", "Kyiv", "drones", "shot", "down", "over", "Odesa", "port"]
    words += ["Київ", "удар", "grid", "&", "night"]
    titles: list[str] = []
    links: list[_Link] = []
    day = dt.date(2024, 1, 1)
    for number in range(400):
        day += dt.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 5]))
        if titles and rng.random() < 0.5:
            title = rng.choice(titles[-40:])
            change = rng.randrange(4)
            if change == 0 and " " in title:
                cut = rng.randrange(len(title))
                title = title[:cut] + title[cut + 1 :]
            elif change == 1:
                title = title.upper() if rng.random() < 0.5 else title + " " + rng.choice(words)
            elif change == 2 and title:
                parts = title.split()
                parts[rng.randrange(len(parts))] = rng.choice(words)
                title = " ".join(parts)
        else:
            title = " ".join(rng.choice(words) for _ in range(rng.randint(0, 9)))
        titles.append(title)
        url = f"https://a.org/{rng.randrange(300)}"
        where = Location(f"d/{day}.md", number + 1, 3)
        links.append(_Link(day.isoformat(), f"headlines[{number}]", url, where, title, where, "x"))
    expected = _every_pair(links)
    assert len(expected) >= 5  # the titles were near enough to be flagged
    assert _near_duplicates(links, fork) == expected
    assert [len(span) for span in spans] == ([7] * 57 + [1] if fork else [])
    # `digest check --since`: the titles of some days alone, compared with all before them.
    paths = sorted({link.title_location.path for link in links})
    only = set(rng.sample(paths, len(paths) // 4))
    # And a day whose title is flagged against an earlier day's, that day left out.
    across = next(problem for problem in expected if "earlier on this day" not in problem.message)
    only.add(across.location.path)
    only -= {path for path in paths if f"({path}:" in across.message}
    kept = [problem for problem in expected if problem.location.path in only]
    assert across in kept
    assert _near_duplicates(links, fork, only) == kept


def test_links_of_quickly_read_files_are_those_their_references_give(tmp_path: Path) -> None:
    """A day file read by the fast loader keeps no references: its links are made from its
    headlines directly, and are those the references it would make give, field by field."""
    import dataclasses

    from builder.links import _links
    from builder.project import Project
    from builder.reader import read_days

    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "sites" / "full", project)
    files, problems = read_days(Project(project))
    assert not problems and files and not any(f.exact for f in files)
    referenced = [dataclasses.replace(f, exact=True, references=f.all_references()) for f in files]
    quick = _links(files)
    assert len(quick) == sum(len(f.day.headlines) for f in files)
    assert quick == _links(referenced)

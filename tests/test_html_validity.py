"""Every page of a built site passes the Nu HTML Checker (vnu.jar), and the CSS does too.

vnu.jar comes from the npm registry (scripts/test.sh installs it and sets VNU_JAR). Outside
CI the test is skipped when the checker is missing; in CI (CI=true) a missing checker fails.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from builder.build import build
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent


def _vnu() -> list[str]:
    jar = os.environ.get("VNU_JAR", "")
    java = shutil.which("java")
    if jar and Path(jar).is_file() and java:
        return [java, "-Xss4m", "-jar", jar]
    if os.environ.get("CI"):
        pytest.fail("the Nu HTML Checker is missing: run the tests through scripts/test.sh")
    pytest.skip("the Nu HTML Checker is missing: run the tests through scripts/test.sh")


def _problems(files: list[str], *options: str) -> list[str]:
    """The checker's errors and warnings about the files, one line each."""
    result = subprocess.run(
        [*_vnu(), "--format", "json", *options, *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]


def _sample_sites() -> list[Path]:
    sites = [ROOT]
    sites += sorted(p for p in (ROOT / "tests" / "sites").glob("*") if (p / "content").is_dir())
    return sites


@pytest.fixture(scope="module")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    outputs = []
    for project_dir in _sample_sites():
        work = tmp_path_factory.mktemp(project_dir.name)
        shutil.copytree(project_dir / "content", work / "content")  # builds leave a cache
        if (project_dir / "templates").is_dir() and project_dir != ROOT:
            shutil.copytree(project_dir / "templates", work / "templates")
        build(Project.find(work), work / "site")
        outputs.append(work / "site")
    return outputs


def test_every_page_and_stylesheet_is_valid(built_sites: list[Path]) -> None:
    files = [str(p) for out in built_sites for p in sorted(out.rglob("*.html"))]
    files += [str(p) for out in built_sites for p in sorted(out.rglob("*.css"))]
    assert files
    assert _problems(files, "--also-check-css") == []


def test_an_index_under_first_letters_is_valid(tmp_path: Path) -> None:
    """The benchmark digest's 80 places are listed under their first letters (Cyrillic
    anchors and links to them), which none of the sample sites has enough names for."""
    import sys

    _vnu()  # skipped at once where the checker is missing
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate

    generate(tmp_path, days=10, headlines=30, seed=7)
    build(Project.find(tmp_path), tmp_path / "site")
    index = tmp_path / "site" / "places" / "index.html"
    assert 'id="letter-Я"' in index.read_text("utf-8")
    assert _problems([str(index)]) == []


def test_right_to_left_pages_are_valid(tmp_path: Path) -> None:
    """Pages with Persian, Arabic and Dari headlines on an English site, and the Persian
    site's own pages (dir="rtl" and dir="auto" where they run the other way)."""
    from right_to_left import add_right_to_left

    files = []
    for language in ("en", "fa"):
        work = tmp_path / language
        shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", work / "content")
        add_right_to_left(work, language)
        build(Project.find(work), work / "site")
        files += [str(p) for p in sorted((work / "site").rglob("*.html"))]
    assert any(' dir="auto"' in Path(file).read_text("utf-8") for file in files)
    assert _problems(files) == []

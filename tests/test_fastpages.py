"""The page fast path (builder/fastpages.py) makes the theme templates' bytes, exactly.

Every listing, day and home page of several digests is rendered both ways, by
`Renderer(fast=False)` through Jinja2 and by the default Renderer through PageMaker, and
compared byte for byte: the sample site, the full test site in Ukrainian (other words,
dates and plural forms, names with &, < and quotes), the hostile site (markup and template
syntax in every field), a generated digest, and generated digests paginated in both
languages (pagers, "page N" in titles and headings). A digest that overrides a template
a page involves gets its own template's output.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from right_to_left import add_right_to_left

from builder import charts, reading
from builder.build import load
from builder.fastpages import TEMPLATES
from builder.pages import plan_site
from builder.project import Project
from builder.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "tests" / "sites" / "full"
HOSTILE = ROOT / "tests" / "sites" / "hostile"
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402


def _set(project: Path, old: str, new: str, file: str = "site.yaml") -> None:
    path = project / "content" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _copy(site: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(site / "content", project / "content")  # a build leaves a cache beside
    return project


def _compare(project: Path) -> Counter[str]:
    """Render every page the fast path makes both ways and assert the bytes are equal;
    return how many pages of each kind the fast path made (not left to the template), and
    how many of them have a pager ("paged tag.html")."""
    loaded = load(Project(project))
    assert loaded.library is not None, loaded.problems
    library = loaded.library
    fast = Renderer(Project(project), library)
    slow = Renderer(Project(project), library, fast=False)
    assert fast._pages is not None and fast._pages.templates == set(TEMPLATES)
    assert slow._pages is None
    made: Counter[str] = Counter()
    plan = reading.plan_reader_pages(library, plan_site(library))
    for spec in plan.pages:
        if spec.template not in TEMPLATES:
            continue
        if fast._pages.render(spec) is not None:
            made[spec.template] += 1
            if "pager" in spec.context and spec.context["pager"].count > 1:
                made[f"paged {spec.template}"] += 1
        expected, got = _utf8(slow.render_page(spec)), _utf8(fast.render_page(spec))
        if got != expected:
            pairs = enumerate(zip(got, expected, strict=False))
            at = next((i for i, (a, b) in pairs if a != b), min(len(got), len(expected)))
            start = max(0, at - 80)
            shown = f"{spec.url_path} differs at {at}:\n{got[start : at + 80]!r}\n"
            pytest.fail(shown + f"{expected[start : at + 80]!r}")
    return made


def _utf8(page: str | bytes) -> bytes:
    """A page as it is written: the fast path makes UTF-8, the templates text."""
    return page.encode() if isinstance(page, str) else page


def test_sample_site_pages_are_the_templates_bytes() -> None:
    made = _compare(ROOT)
    assert set(TEMPLATES) <= set(made), made


def test_ukrainian_pages_are_the_templates_bytes(tmp_path: Path) -> None:
    project = _copy(FULL, tmp_path)
    _set(project, "language: en", "language: uk")
    _set(project, 'name: "Reuters"', 'name: "Reuters & \\"Co\\" <wire>"', "sources.yaml")
    made = _compare(project)
    assert set(TEMPLATES) <= set(made), made


@pytest.mark.parametrize("language", ["en", "fa"])
def test_right_to_left_pages_are_the_templates_bytes(tmp_path: Path, language: str) -> None:
    """Headlines that run the other way from the site's text; on a Persian site, the page
    itself and its arrows."""
    project = _copy(FULL, tmp_path)
    add_right_to_left(project, language)
    made = _compare(project)
    assert set(TEMPLATES) <= set(made), made


def test_hostile_pages_are_the_templates_bytes(tmp_path: Path) -> None:
    made = _compare(_copy(HOSTILE, tmp_path))
    assert {"tag.html", "source.html", "place.html", "day.html", "index.html"} <= set(made)


def test_generated_pages_are_the_templates_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "bench", days=40, headlines=30, seed=7)
    made = _compare(tmp_path / "bench")
    assert made["day.html"] >= 35 and made["tag.html"] >= 25, made


@pytest.mark.parametrize("language", ["en", "uk", "fa"])
def test_paginated_pages_are_the_templates_bytes(tmp_path: Path, language: str) -> None:
    generate(tmp_path / "bench", days=40, headlines=30, seed=11)
    _set(tmp_path / "bench", "language: en", f"language: {language}")
    with (tmp_path / "bench" / "content" / "site.yaml").open("a", encoding="utf-8") as site:
        site.write("headlines_per_page: 2\ndays_per_page: 3\n")
    made = _compare(tmp_path / "bench")
    assert made["index.html"] == 13 and made["story.html"] > 0, made  # 40 // 3 home pages
    # Stories run oldest first: their pagers say "Previous" and "Next", not "Newer"/"Older".
    kinds = ("tag.html", "source.html", "place.html", "story.html", "index.html")
    assert all(made[f"paged {kind}"] for kind in kinds), made


@pytest.mark.parametrize("name", ["listing.html", "base.html", "partials/pager.html"])
def test_a_digest_that_overrides_a_page_template_gets_its_own(tmp_path: Path, name: str) -> None:
    project = _copy(FULL, tmp_path)
    theme = (ROOT / "templates" / name).read_text(encoding="utf-8")
    own = theme.replace("<header", "<header data-own", 1).replace("<nav", "<nav data-own", 1)
    assert own != theme
    (project / "templates" / name).parent.mkdir(parents=True)
    (project / "templates" / name).write_text(own, encoding="utf-8")
    with (project / "content" / "site.yaml").open("a", encoding="utf-8") as site:
        site.write("headlines_per_page: 2\ndays_per_page: 2\n")  # pagers on every kind
    loaded = load(Project(project))
    assert loaded.library is not None
    renderer = Renderer(Project(project), loaded.library)
    involved = {page for page, names in TEMPLATES.items() if name in names}
    assert renderer._pages is None or not involved & renderer._pages.templates
    plan = plan_site(loaded.library)
    specs = [spec for spec in plan.pages if spec.template in involved]
    paged = [spec for spec in specs if "pager" in spec.context and spec.context["pager"].count > 1]
    assert "tag.html" in {spec.template for spec in paged}
    for spec in paged if name == "partials/pager.html" else specs:
        assert b"data-own" in _utf8(renderer.render_page(spec)), (spec.url_path, name)


_SAID = {
    # counts per day -> what the caption says of them, in English and Ukrainian
    (3, 1): (
        "Busiest day: June 21, 2024, 3 headlines.",
        "Найбільше за день: 21 червня 2024\u202fр., 3 заголовки.",
    ),
    (1, 1): (
        "Most in a day: 1 headline, on 2 days.",
        "Найбільше за день: 1 заголовок (таких днів: 2).",
    ),
    (2, 5, 5, 5, 5, 5): (
        "Most in a day: 5 headlines, on 5 days.",
        "Найбільше за день: 5 заголовків (таких днів: 5).",
    ),
}


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_chart_names_its_busiest_period_or_how_many_share_the_most(
    tmp_path: Path, language: str
) -> None:
    """A chart's caption names the period with the most headlines, with its count and
    noun; when several periods share the most, none is "the busiest": it says how many.
    A bar's tooltip names its period: a month's is not the month's first day."""
    project = _copy(ROOT, tmp_path)
    _set(project, "language: en", f"language: {language}")
    loaded = load(Project(project))
    assert loaded.library is not None, loaded.problems
    fast = Renderer(Project(project), loaded.library)
    slow = Renderer(Project(project), loaded.library, fast=False)
    first = dt.date(2024, 6, 21)
    for counts, said in _SAID.items():
        per_day = Counter({first + dt.timedelta(days=n): c for n, c in enumerate(counts)})
        chart = charts.chart_of(per_day)
        made = fast.env.globals["chart_figure"](chart)  # type: ignore[operator]
        assert made == slow.env.globals["chart_figure"](chart)  # type: ignore[operator]
        assert said[language == "uk"] in made, (counts, made)
    # Each bar's tooltip names its period: a day, the week of a day, a month; the caption
    # spans the days the bars count (whole weeks, Monday to Sunday) or their months.
    periods = {
        200: (
            "<title>Week of June 17, 2024: 1</title>",
            '<time datetime="2025-01-12">January 12, 2025</time>.',
        ),
        900: (
            "<title>June 2024: 1</title>",
            '<time datetime="2024-06">June 2024</time> – <time datetime="2026-12">December 2026',
        ),
    }
    if language == "uk":
        periods = {
            200: ("<title>Тиждень від 17 червня", '<time datetime="2025-01-12">12 січня'),
            900: ("<title>червень 2024\u202fр.: 1</title>", '<time datetime="2026-12">грудень'),
        }
    for span, said in periods.items():
        chart = charts.chart_of(Counter({first: 1, first + dt.timedelta(days=span): 1}))
        made = fast.env.globals["chart_figure"](chart)  # type: ignore[operator]
        assert made == slow.env.globals["chart_figure"](chart)  # type: ignore[operator]
        assert all(words in made for words in said), (span, made)


def test_fast_false_renders_every_page_through_the_templates() -> None:
    loaded = load(Project(ROOT))
    assert loaded.library is not None
    assert Renderer(Project(ROOT), loaded.library, fast=False)._pages is None


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize("days", [20, 200, 900], ids=["by-day", "by-week", "by-month"])
def test_charts_are_the_templates_own(tmp_path: Path, language: str, days: int) -> None:
    """Every subject's chart, drawn in Python, is partials/chart.html's, byte for byte: by
    day, week and month, in English and Ukrainian (other words, dates, month names)."""
    project = tmp_path / "project"
    generate(project, days=days, headlines=4, seed=days)
    if language == "uk":
        _set(project, "language: en", "language: uk")
    loaded = load(Project(project))
    assert loaded.library is not None, loaded.problems
    library = loaded.library
    fast = Renderer(Project(project), library)
    slow = Renderer(Project(project), library, fast=False)
    units = Counter()
    for headlines in (*library.by_tag.values(), *library.by_place.values()):
        chart = charts.activity(h.date for h in headlines)
        made = fast.env.globals["chart_figure"](chart)  # type: ignore[operator]
        assert made == slow.env.globals["chart_figure"](chart)  # type: ignore[operator]
        units[chart.unit if chart and made else "none"] += 1
    assert units[{20: "day", 200: "week", 900: "month"}[days]] >= 10, units

"""The headline fast path (builder/fragments.py) makes the theme template's bytes, exactly.

So does its twin for a headline's feed item (feed/headline.html), compared likewise.

Every headline of several digests is rendered both ways, through Jinja2 and partials/
headline.html and through HeadlineFragments, and compared: the sample site in English and
in Ukrainian (other words, times and dates), and a generated digest with labels, languages,
stories, times, notes in Markdown and titles with &, <, > and quotes. A digest that
overrides the partial gets its own template's output.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from markupsafe import escape
from right_to_left import add_right_to_left

from builder.build import load
from builder.model import Headline
from builder.project import Project
from builder.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "tests" / "sites" / "full"
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402


def _page_html(renderer: Renderer, headline: Headline) -> str:
    return str(renderer.headline(headline))


def _feed_item(renderer: Renderer, headline: Headline) -> str:
    return renderer.feed_item(headline)


def _both_ways(
    project: Project, made: Callable[[Renderer, Headline], str]
) -> tuple[list[str], list[str]]:
    """What `made` makes of every headline, without Jinja2 and through the templates."""
    loaded = load(project)
    assert loaded.library is not None, loaded.problems
    library = loaded.library
    fast = Renderer(project, library)
    slow = Renderer(project, library, fast=False)
    assert fast._fast is not None and slow._fast is None
    assert fast._fast_feed_items and not slow._fast_feed_items
    headlines = [h for day in library.days for h in day.headlines]
    return [made(fast, h) for h in headlines], [made(slow, h) for h in headlines]


def _sample(tmp_path: Path, language: str) -> Project:
    """The sample site in `language`, with a source's name that needs escaping."""
    project = tmp_path / "project"
    shutil.copytree(FULL / "content", project / "content")
    site_yaml = project / "content" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(text.replace("language: en", f"language: {language}"), "utf-8")
    _tricky(project)
    return Project(project)


def _assert_same(fast: list[str], slow: list[str]) -> None:
    mismatched = [i for i, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b]
    assert mismatched == [], (fast[mismatched[0]], slow[mismatched[0]]) if mismatched else None


def _tricky(project: Path) -> None:
    """Names that need escaping in every place the partial shows one."""
    sources = project / "content" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    tricky = text.replace('name: "Reuters"', 'name: "Reuters & \\"Co\\" <wire>"')
    assert tricky != text
    sources.write_text(tricky, "utf-8")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_sample_headlines_are_the_templates_bytes(tmp_path: Path, language: str) -> None:
    fast, slow = _both_ways(_sample(tmp_path, language), _page_html)
    assert len(fast) >= 12
    assert any("Reuters &amp; &#34;Co&#34; &lt;wire&gt;" in html for html in fast)
    assert any(' lang="uk"' in html for html in fast)
    assert fast == slow


@pytest.mark.parametrize("language", ["en", "fa"])
def test_right_to_left_headlines_are_the_templates_bytes(tmp_path: Path, language: str) -> None:
    """Titles and notes that run the other way from the site's text: Persian and Arabic on
    an English site, English on a Persian one, a language CLDR does not know on either."""
    shutil.copytree(FULL / "content", tmp_path / "content")
    add_right_to_left(tmp_path, language)
    for made in (_page_html, _feed_item):
        fast, slow = _both_ways(Project(tmp_path), made)
        assert any(' dir="auto"' in html for html in fast)
        assert any(f' dir="{"ltr" if language == "fa" else "rtl"}"' in html for html in fast)
        _assert_same(fast, slow)


def test_generated_headlines_are_the_templates_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "bench", days=40, headlines=30, seed=7)
    fast, slow = _both_ways(Project(tmp_path / "bench"), _page_html)
    assert len(fast) == 1200
    for marker in ('class="label', 'class="story"', "<time ", 'class="note"', "&amp;"):
        assert any(marker in html for html in fast), marker
    _assert_same(fast, slow)


def _own(tmp_path: Path, name: str, text: str) -> tuple[Renderer, Headline]:
    """A renderer of the sample site with a template of its own, and its first headline."""
    project = tmp_path / "project"
    shutil.copytree(FULL / "content", project / "content")
    own = project / "templates" / name
    own.parent.mkdir(parents=True)
    own.write_text(text, encoding="utf-8")
    loaded = load(Project(project))
    assert loaded.library is not None
    return Renderer(Project(project), loaded.library), loaded.library.days[0].headlines[0]


def test_a_digest_that_overrides_the_partial_gets_its_own(tmp_path: Path) -> None:
    renderer, first = _own(tmp_path, "partials/headline.html", "<li>OWN {{ h.title }}</li>\n")
    assert renderer._fast is None
    assert str(renderer.headline(first)).startswith("<li>OWN ")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_sample_feed_items_are_the_templates_bytes(tmp_path: Path, language: str) -> None:
    fast, slow = _both_ways(_sample(tmp_path, language), _feed_item)
    assert len(fast) >= 12
    assert any("Reuters &amp; &#34;Co&#34; &lt;wire&gt;" in html for html in fast)
    assert fast == slow


def test_generated_feed_items_are_the_templates_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "bench", days=40, headlines=30, seed=7)
    fast, slow = _both_ways(Project(tmp_path / "bench"), _feed_item)
    assert len(fast) == 1200
    # Labels, times, places (with Cyrillic and several of them), notes, and headlines
    # with none of these.
    for marker in ("<strong>[", ", 1", " · ", "</p><p><a", "</p>\n<p><a", "&amp;"):
        assert any(marker in html for html in fast), marker
    assert any(html.count(" · ") == 1 and ", " in html.split(" · ")[1] for html in fast)
    _assert_same(fast, slow)


def test_a_digest_that_overrides_the_feed_item_gets_its_own(tmp_path: Path) -> None:
    renderer, first = _own(tmp_path, "feed/headline.html", "<p>OWN {{ h.title }}</p>\n")
    assert not renderer._fast_feed_items
    assert renderer.feed_item(first) == f"<p>OWN {escape(first.title)}</p>"


def test_a_template_lists_headlines_from_any_iterable(tmp_path: Path) -> None:
    """Own templates may pass `headlines` a generator (`selectattr` makes one), also for
    headlines whose HTML is not yet made."""
    project = _sample(tmp_path, "en")
    loaded = load(project)
    assert loaded.library is not None
    listed = [h for day in loaded.library.days for h in day.headlines][:5]
    expected = "".join(f"{Renderer(project, loaded.library).headline(h)}\n" for h in listed)
    assert str(Renderer(project, loaded.library).headlines(iter(listed))) == expected
    assert listed[0].title in expected

"""A headline's HTML without Jinja2, for the bundled theme's partials/headline.html.

Every headline is shown on its day page and on several listing pages, and its HTML is made
once per build; on a ten-year digest that is 110,000 headlines, and Jinja2 needs about 130 µs
for each (its expressions, escaping and context for every value), this about 10 µs. The
output is the theme's template's, byte for byte: tests/test_fragments.py renders every
headline of several digests both ways and compares. `Renderer` uses this only while
partials/headline.html, partials/macros.html and partials/correction.html are the theme's
own and the headline has no update (those are rare and go through the template); a digest
that overrides any of them gets its own template, always.

A headline's feed item (feed/headline.html: the description RSS, Atom and JSON Feed give
it) is made here too while that template is the theme's own (`feed_item`): ten years'
feeds list some 8,800 headlines, at 36 µs each through Jinja2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .i18n import article_language
from .model import Headline

# The templates whose output this module reproduces.
TEMPLATES = ("partials/headline.html", "partials/macros.html", "partials/correction.html")
# And the one a feed item's HTML comes from (`feed_item`).
FEED_ITEM_TEMPLATE = "feed/headline.html"


@dataclass(frozen=True)
class HeadlineFragments:
    """What a headline's HTML needs beyond the headline: names, links, words, times.

    Names and links are given as they are; `of` escapes them once, here, not per headline.
    """

    source_names: Mapping[str, str]  # by source id
    tag_names: Mapping[str, str]  # by tag id
    source_links: Mapping[str, str]
    tag_links: Mapping[str, str]
    place_links: Mapping[str, str]  # by place name
    story_links: Mapping[str, str]
    source_languages: Mapping[str, str]  # by source id: the language it publishes in
    # Translated words go in as they are, as Jinja2's i18n extension puts them (Markup).
    # The words that say an article's language where it is not the site's, by its code
    # ("in Ukrainian"), else "".
    in_language: Callable[[str], str]
    label_names: Mapping[str, str]  # as partials/macros.html names them
    archived_copy: str  # "archived copy"
    story_so_far: str  # "Story so far"
    short_time: Callable[..., str]
    text_dir: Callable[[str | None], str]  # the templates' text_dir (render.text_dir)

    @classmethod
    def of(cls, **fields: object) -> HeadlineFragments:
        escaped = ("source_names", "tag_names", "source_links", "tag_links", "place_links")
        for name in (*escaped, "story_links"):
            mapping = fields[name]
            assert isinstance(mapping, Mapping)
            fields[name] = {key: escape(value) for key, value in mapping.items()}
        return cls(**fields)  # type: ignore[arg-type]

    def render(self, h: Headline) -> str:
        """Return the headline's <li>, exactly as partials/headline.html makes it."""
        e = escape
        lang = f' lang="{e(h.language)}"' if h.language else ""
        direction = self.text_dir(h.language)
        runs = f' dir="{direction}"' if direction else ""  # on the title's paragraph and note
        out = [f'<li class="headline is-{e(h.label)}"' if h.label else '<li class="headline"']
        out.append(f' id="{e(h.anchor)}">\n<p class="headline-title"{runs}>\n')
        if h.label:
            out.append(
                f'<span class="label label-{e(h.label)}">{self.label_names[h.label]}'
                '<span class="visually-hidden">:</span></span> '
            )
        rel = ' rel="nofollow"' if h.label == "disinformation" else ""
        code = article_language(h.url, h.language, self.source_languages[h.source])
        in_language = self.in_language(code)
        hreflang = f' hreflang="{e(code)}"' if in_language else ""
        out.append(f'<a href="{e(h.url)}"{rel}{hreflang}{lang}>{e(h.title)}</a>\n</p>\n')
        out.append(
            f'<p class="headline-meta">\n<a class="source" href="{self.source_links[h.source]}">'
            f"{self.source_names[h.source]}</a>\n"
        )
        if in_language:
            out.append(f"<span>{in_language}</span>\n")
        if h.time:
            out.append(
                f'<time datetime="{h.time.hour:02d}:{h.time.minute:02d}">'
                f"{e(self.short_time(h.time))}</time>\n"
            )
        for place in h.places:
            out.append(f'<a class="place" href="{self.place_links[place]}">{e(place)}</a>\n')
        for tag in h.tags:
            out.append(f'<a class="tag" href="{self.tag_links[tag]}">#{self.tag_names[tag]}</a>\n')
        out.append(f'<a class="archived" href="{e(h.archived_copy)}">{self.archived_copy}</a>\n')
        if h.story:
            out.append(f'<a class="story" href="{self.story_links[h.story]}">')
            out.append(f"{self.story_so_far}</a>\n")
        out.append("</p>\n")
        if h.note_html:
            out.append(f'<p class="note"{lang}{runs}>{h.note_html}</p>\n')
        out.append("</li>")
        return "".join(out)


def feed_item(
    h: Headline,
    source_name: str,
    in_language: str,
    short_time: str | None,
    day_href: str,
    long_date: str,
    direction: str = "",
    label: str | None = None,
) -> str:
    """Return what the theme's feed/headline.html makes for a headline (stripped), exactly:
    the description of its item in RSS, Atom and JSON Feed. `in_language` says the
    language of its article where it is not the site's ("in Ukrainian", as markup, else
    ""), `short_time` is its time as the site writes one (None without), `day_href` the
    absolute address of its day page, `long_date` its date as the site writes one,
    `direction` the `dir` of its note (the templates' text_dir of its language), `label`
    the name of its label as the site's pages write it."""
    e = escape
    out = ["<p>"]
    if label:
        out.append(f"<strong>[{e(label)}]</strong> ")
    out.append(e(source_name))
    if in_language:
        out.append(f" ({in_language})")
    if short_time is not None:
        out.append(f", {e(short_time)}")
    if h.places:
        out.append(" · " + ", ".join(map(e, h.places)))
    out.append("</p>\n")
    if h.note_html:  # the template's newline after its {% endif %} is trimmed (trim_blocks)
        out.append(f'<p dir="{direction}">' if direction else "<p>")
        out.append(f"{h.note_html}</p>")
    out.append(f'<p><a href="{e(day_href)}#{e(h.anchor)}">{e(long_date)}</a></p>')
    return "".join(out)


def escape(value: object) -> str:
    """Escape as markupsafe (and so Jinja2's autoescape) does, for the plain strings of a
    headline; faster than markupsafe.escape for short strings, which makes a Markup."""
    text = str(value)
    if not _SPECIAL.search(text):
        return text
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


_SPECIAL = re.compile("[&<>\"']")

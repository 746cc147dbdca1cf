"""Whole pages without Jinja2, for the bundled theme's listing, day, home and year pages.

A ten-year digest has about 8,600 listing pages (a tag's, source's, place's or story's
headlines by day), 3,650 day pages and 730 home pages. Jinja2 spends most of a page's time
on base.html (17 translated words and 12 URLs, the same on every page: about 6 µs a word
and 4 µs a URL through the template context) and on calling helpers once per day group;
here the parts of base.html that never change are made once per build, and a page is a
few joins. The output is the theme's templates', byte for byte: tests/test_fastpages.py
renders every page of several digests both ways and compares.

`Renderer` uses this for a kind of page only while every template that page involves
(`TEMPLATES`) is the theme's own; a digest that overrides any of them gets Jinja2. HTML
that this module does not reproduce (a subject's chart, what the labels mean, headlines)
comes from the Renderer's own helpers, made once.
A day with a correction goes through the template (`render` returns None).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import urls
from .charts import Chart
from .fragments import escape
from .model import Day, Headline, SiteConfig, Story
from .pages import FeedLink, Pager, PageSpec

if TYPE_CHECKING:  # named for the type alone: this module formats nothing with Babel
    from .i18n import ZoneName

_LISTING = (
    "base.html",
    "listing.html",
    "partials/pager.html",
    "partials/day_link.html",
    "partials/chart.html",
    "partials/label_help.html",
    "partials/macros.html",
)
_KINDS = ("tags", "sources", "places", "stories")  # as base.html's navigation orders them
# The templates each kind of page involves (besides the headline partials, which the
# Renderer's `headlines` helper checks for itself), by the page's template.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "tag.html": ("tag.html", *_LISTING),
    "source.html": ("source.html", *_LISTING),
    "place.html": ("place.html", *_LISTING),
    "story.html": ("story.html", *_LISTING),
    "day.html": (
        "day.html",
        "base.html",
        "partials/correction.html",
        "partials/label_help.html",
        "partials/macros.html",
    ),
    "index.html": ("index.html", "base.html", "partials/pager.html"),
    "year.html": ("year.html", "base.html", "partials/day_link.html"),
}


@dataclass(frozen=True)
class PageHelpers:
    """What the templates call, as the Renderer gives them to the templates.

    `gettext` and `ngettext` translate as the templates' `_` and `ngettext` do: the
    translation is markup and its variables are escaped. The HTML helpers return markup.
    """

    site: SiteConfig
    gettext: Callable[..., str]
    ngettext: Callable[..., str]
    url: Callable[[str], str]
    absolute_url: Callable[[str], str]
    stylesheet: str  # asset('style.css')
    icon: str  # asset('favicon.svg')
    long_date: Callable[[Any], str]
    full_date: Callable[[Any], str]
    month_name: Callable[[int, int], str]
    number: Callable[[int], str]  # a count as the site's language writes it: "8,768"
    zone: ZoneName  # the time zone of the pages' times, as the footer names it
    # The items of an <ol>, as UTF-8; on a story's page, without their links to it.
    headlines: Callable[[Sequence[Headline], Story | None], bytes]
    chart_figure: Callable[[Any], str]
    label_help: Callable[[Iterable[Any]], str]
    site_dir: str  # "rtl" or "ltr": the direction of the site's language


class PageMaker:
    """Renders the pages whose template is in `templates`; base.html's fixed parts are made
    once, here."""

    def __init__(self, helpers: PageHelpers, templates: frozenset[str]) -> None:
        self.templates = templates
        self.h = h = helpers
        site, _, e = h.site, h.gettext, escape
        self._feed_links: dict[tuple[FeedLink, ...], str] = {}
        self._day_links: dict[int, tuple[Day, str]] = {}  # by id(day), kept with the day
        rtl = h.site_dir == "rtl"
        # The arrows of the links to earlier and later pages point out of the page, on the
        # side each link is on: in a right-to-left page, the earlier one is on the right.
        self._back, self._on = ("→", "←") if rtl else ("←", "→")
        direction = ' dir="rtl"' if rtl else ""
        self._open = (
            f'<!DOCTYPE html>\n<html lang="{e(site.language)}"{direction}>\n'
            '<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
        )
        self._author = (
            f'">\n<meta name="author" content="{e(site.author)}">\n'
            '<meta name="color-scheme" content="light dark">\n'
        )
        self._og_title = (
            f'<meta property="og:site_name" content="{e(site.title)}">\n'
            '<meta property="og:title" content="'
        )
        self._links_end = (
            f'<link rel="icon" type="image/svg+xml" href="{e(h.icon)}">\n'
            f'<link rel="stylesheet" href="{e(h.stylesheet)}">\n'
        )
        nav = [(urls.archive(), "Archive")]
        nav += [(urls.index(kind), kind.capitalize()) for kind in _KINDS]
        nav.append((urls.search(), "Search"))
        items = "".join(f'<li><a href="{e(h.url(to))}">{_(word)}</a></li>\n' for to, word in nav)
        self._body = (
            f'</head>\n<body>\n<a class="skip-link" href="#main">{_("Skip to content")}</a>\n'
            f'<header class="site-header">\n<div class="wrap">\n<a class="site-title" '
            f'href="{e(h.url(urls.home()))}">{e(site.title)}</a>\n<nav aria-label="{_("Site")}">'
            f'\n<ul>\n{items}</ul>\n</nav>\n</div>\n</header>\n<main id="main" class="wrap">\n'
        )
        worker = _tojson(h.url(urls.service_worker()))
        zone = h.zone
        if zone.city:
            times = _("Times are %(city)s time.", city=zone.name)
        else:
            times = _("Times are %(zone)s.", zone=zone.name)
        self._end = (
            f'</main>\n<footer class="site-footer">\n<div class="wrap">\n'
            f"<p>{e(site.description)}</p>\n"
            f'<p>{_("Follow:")} <a href="{e(h.url(urls.feed("", "rss")))}">{_("RSS")}</a> · '
            f'<a href="{e(h.url(urls.feed("", "atom")))}">{_("Atom")}</a> · '
            f'<a href="{e(h.url(urls.json_feed("")))}">{_("JSON Feed")}</a> · '
            f'<a href="{e(h.url(urls.feeds_index()))}">{_("all feeds")}</a></p>\n'
            f"<p>{times} {_('Edited by')} {e(site.author)}.</p>\n</div>\n</footer>\n"
            f'<script>if ("serviceWorker" in navigator) '
            f"navigator.serviceWorker.register({worker});</script>\n</body>\n</html>\n"
        )
        self._site_title = e(site.title)

    def render(self, spec: PageSpec) -> bytes | None:
        """Return the page as its template makes it, as UTF-8 (the headlines' HTML is kept
        so: see Renderer.headline_html), or None to leave it to the template."""
        if spec.template == "day.html":
            return self._day(spec)
        if spec.template == "index.html":
            return self._home(spec)
        if spec.template == "year.html":
            return self._year(spec)
        return self._listing(spec)

    # base.html ---------------------------------------------------------------------------

    def _page(
        self,
        spec: PageSpec,
        title: str,
        description: str,
        og_type: str,
        head: str,
        main: list[str | bytes],
    ) -> bytes:
        """Return base.html around a page's blocks (title and description already markup;
        `main`, the parts of its main block, text or UTF-8), as UTF-8."""
        canonical = og_url = ""
        if spec.in_sitemap:
            address = escape(self.h.absolute_url(spec.url_path))
            canonical = f'<link rel="canonical" href="{address}">\n'
            og_url = f'<meta property="og:url" content="{address}">\n'
        feeds = self._feed_links.get(spec.feeds)
        if feeds is None:
            feeds = self._feed_links[spec.feeds] = "".join(
                f'<link rel="alternate" type="{escape(feed.media_type)}" '
                f'title="{escape(feed.title)}" href="{escape(self.h.url(feed.url_path))}">\n'
                for feed in spec.feeds
            )
        top = "".join(
            (
                self._open,
                title,
                '</title>\n<meta name="description" content="',
                description,
                self._author,
                canonical,
                self._og_title,
                title,
                '">\n<meta property="og:description" content="',
                description,
                f'">\n<meta property="og:type" content="{og_type}">\n',
                og_url,
                '<meta name="twitter:card" content="summary">\n',
                feeds,
                self._links_end,
                head,
                self._body,
            )
        )
        parts = [top, *main, self._end]
        return b"".join([part.encode() if isinstance(part, str) else part for part in parts])

    def _numbered(self, pager: Pager) -> str:
        """Return " (page 2)" after a title, or nothing on a first page."""
        if pager.number > 1:
            return f" ({self.h.gettext('page %(number)s', number=self.h.number(pager.number))})"
        return ""

    def _pager(self, pager: Pager, newest_first: bool) -> str:
        """Return partials/pager.html."""
        if pager.count <= 1:
            return ""
        _, url = self.h.gettext, self.h.url
        out = [f'<nav class="pager" aria-label="{_("Pages")}">\n']
        if pager.previous_path is not None:
            word = _("Newer") if newest_first else _("Previous")
            out.append(
                f'<a rel="prev" href="{escape(url(pager.previous_path))}">{self._back} {word}</a>'
            )
        number = self.h.number
        page = _(
            "Page %(number)s of %(count)s", number=number(pager.number), count=number(pager.count)
        )
        out.append(f"<span>{page}</span>\n")
        if pager.next_path is not None:
            word = _("Older") if newest_first else _("Next")
            out.append(f'<a rel="next" href="{escape(url(pager.next_path))}">{word} {self._on}</a>')
        out.append("</nav>\n")
        return "".join(out)

    # Pages -------------------------------------------------------------------------------

    def _listing(self, spec: PageSpec) -> bytes:
        """Return a tag's, source's, place's or story's page (listing.html and its child)."""
        h, e, c = self.h, escape, spec.context
        _, subject, pager, count = h.gettext, c["subject"], c["pager"], c["count"]
        kind = spec.template[: -len(".html")]
        name = e(subject.title if kind == "story" else subject.name)
        description, about = self._subject(kind, subject, count)
        numbered = self._numbered(pager)
        heading = name
        if numbered:
            heading += f' <span class="count">{numbered[1:]}</span>'
        facts = ""  # none on the older pages of a newest-first listing (count is None)
        if count is not None:
            facts = h.ngettext("%(num)d headline", "%(num)d headlines", count)
        first, last = c["first"], c["last"]
        if count is not None and first:
            days = [first.date] if last.date == first.date else [first.date, last.date]
            facts += ", " + " – ".join(  # (a subject of one day: that day, not a span)
                f'<time datetime="{day.isoformat()}">{e(h.long_date(day))}</time>' for day in days
            )
        if count is not None:
            facts += ".\n"
        folder = c["feed"].feed_folder
        out: list[str | bytes] = [
            f'<header class="page-header">\n<p class="dateline">{_(kind.capitalize())}</p>\n'
            f"<h1>{heading}</h1>\n{about}"
            f'<p class="listing-facts">{facts}{_("Follow:")} '
            f'<a href="{e(h.url(urls.feed(folder, "rss")))}">RSS</a> · '
            f'<a href="{e(h.url(urls.feed(folder, "atom")))}">Atom</a> · '
            f'<a href="{e(h.url(urls.json_feed(folder)))}">JSON Feed</a></p>\n</header>\n',
            h.chart_figure(c["chart"]),
        ]
        groups = c["groups"]
        day_links, headlines = self._day_links, h.headlines
        for day, items in groups:
            link = day_links.get(id(day)) or self._day_link(day)
            out.append(f'<section class="day-group">\n<h2>{link[1]}</h2>\n<ol class="headlines">\n')
            out.append(headlines(items, subject if kind == "story" else None))
            out.append("</ol>\n</section>\n")
        if not groups:
            out.append(f"<p>{_('No headlines yet.')}</p>\n")
        out.append(h.label_help(groups))
        out.append(self._pager(pager, c["kind"] != "stories"))
        title = f"{name}{numbered} · {self._site_title}"
        return self._page(spec, title, description, "website", "", out)

    def _subject(self, kind: str, subject: Any, count: int) -> tuple[str, str]:
        """Return the description and about blocks of tag, source, place or story.html."""
        _, e = self.h.gettext, escape
        if kind == "tag":
            if subject.description:
                return e(subject.description), f'<p class="summary">{e(subject.description)}</p>'
            return _("Headlines tagged %(tag)s", tag=subject.name), ""
        if kind == "source":
            return _("Headlines from %(source)s", source=subject.name), (
                f'<p class="summary"><a href="{e(subject.url)}" hreflang="{e(subject.language)}">'
                f"{e(subject.url)}</a></p>"
            )
        if kind == "place":
            return _("Headlines about %(place)s", place=subject.name), ""
        return self.h.ngettext(
            "A story told in %(num)d headline", "A story told across %(num)d headlines", count
        ), f'<p class="summary">{_("Every headline of this story, oldest first.")}</p>'

    def _day_link(self, day: Day) -> tuple[Day, str]:
        """Return partials/day_link.html for a day (with the day), made once per day."""
        h, e, date = self.h, escape, day.date
        html = (
            f'<a href="{e(h.url(urls.day(date)))}"><time datetime="{date.isoformat()}">'
            f"{e(h.long_date(date))}</time></a>" + (f": {e(day.title)}" if day.title else "")
        )
        made = self._day_links[id(day)] = (day, html)
        return made

    def _day(self, spec: PageSpec) -> bytes | None:
        """Return a day's page (day.html), or None for a day with a correction."""
        h, e, c = self.h, escape, spec.context
        day: Day = c["day"]
        if day.update is not None:
            return None
        _, date = h.gettext, day.date
        long_date = h.long_date(date)
        title = e(long_date) + (f": {e(day.title)}" if day.title else "")
        description = e(spec.description or h.site.description)
        site = h.site
        facts = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": day.title or long_date,
            "description": spec.description,
            "datePublished": date.isoformat(),
            "inLanguage": site.language,
            "url": h.absolute_url(spec.url_path),
            "author": {"@type": "Organization", "name": site.author},
            "isPartOf": {"@type": "WebSite", "name": site.title, "url": site.base_url},
            "mainEntity": {"@type": "ItemList", "numberOfItems": len(day.headlines)},
        }
        head = f'<script type="application/ld+json">{_tojson(facts)}</script>\n'
        out: list[str | bytes] = [
            f'<article class="day">\n<header class="page-header">\n<p class="dateline">'
            f'<time datetime="{date.isoformat()}">{e(h.full_date(date))}</time></p>\n'
            f"<h1>{e(day.title or long_date)}</h1>\n"
        ]
        if day.summary:
            out.append(f'<p class="summary">{e(day.summary)}</p>\n')
        out.append("</header>\n")
        if day.commentary_html:
            out.append(
                f'<section class="commentary" aria-label="{_("Commentary")}">\n'
                f"{day.commentary_html}\n</section>\n"
            )
        out.append(
            '<section class="day-headlines" aria-labelledby="headlines">\n'
            f'<h2 id="headlines">{_("Headlines")} <span class="count">'
            f"({len(day.headlines)})</span></h2>\n"
        )
        if day.headlines:
            out += ('<ol class="headlines">\n', h.headlines(day.headlines, None), "</ol>\n")
        else:
            out.append(f"<p>{_('No headlines on this day.')}</p>\n")
        out.append("</section>\n")
        out.append(h.label_help(day.headlines))
        out.append(f'<nav class="prev-next" aria-label="{_("Other days")}">\n')
        previous, following = c["previous"], c["next"]
        if previous:
            out.append(
                f'<a rel="prev" href="{e(h.url(urls.day(previous.date)))}">'
                f"{self._back} {e(h.long_date(previous.date))}</a>\n"
            )
        out.append(
            f'<a href="{e(h.url(urls.month(date.year, date.month)))}">'
            f"{e(h.month_name(date.year, date.month))}</a>\n"
        )
        if following:
            out.append(
                f'<a rel="next" href="{e(h.url(urls.day(following.date)))}">'
                f"{e(h.long_date(following.date))} {self._on}</a>"
            )
        out.append("</nav>\n</article>\n")
        title += f" · {self._site_title}"
        return self._page(spec, title, description, "article", head, out)

    def _home(self, spec: PageSpec) -> bytes:
        """Return a page of the home page's days (index.html)."""
        h, e, c = self.h, escape, spec.context
        pager: Pager = c["pager"]
        days: tuple[Day, ...] = c["days"]
        title = self._site_title + self._numbered(pager)
        hidden = "visually-hidden" if pager.number == 1 else ""
        out: list[str | bytes] = [f'<h1 class="{hidden}">{title}</h1>\n']
        if not days:
            out.append(f"<p>{h.gettext('No days yet.')}</p>\n")
        for day in days:
            date = day.date
            count = h.ngettext("%(num)d headline", "%(num)d headlines", len(day.headlines))
            out.append(
                f'<article class="day-card">\n<header>\n<h2><a href="{e(h.url(urls.day(date)))}">'
                f"{e(day.title or h.long_date(date))}</a></h2>\n"
                f'<p class="dateline"><time datetime="{date.isoformat()}">'
                f"{e(h.full_date(date))}</time> · {count}</p>\n</header>\n"
            )
            if day.summary:
                out.append(f'<p class="summary">{e(day.summary)}</p>\n')
            if day.headlines:
                out += ('<ol class="headlines">\n', h.headlines(day.headlines, None), "</ol>\n")
            out.append("</article>\n")
        out.append(self._pager(pager, True))
        description = e(spec.description or h.site.description)
        return self._page(spec, title, description, "website", "", out)

    def _year(self, spec: PageSpec) -> bytes:
        """Return a year's page (year.html): its days by month. (A headline added to the
        newest day changes its year's page: 365 day links took Jinja2 11 ms.)"""
        h, e, c = self.h, escape, spec.context
        year, days, day_links = c["year"], c["days"], self._day_links
        out: list[str | bytes] = [
            f"<h1>{year}</h1>\n<p>{h.ngettext('%(num)d day', '%(num)d days', len(days))}</p>\n"
        ]
        for (in_year, month), month_days in c["months"].items():
            out.append(
                f'<section>\n<h2><a href="{e(h.url(urls.month(in_year, month)))}">'
                f'{e(h.month_name(in_year, month))}</a></h2>\n<ul class="day-list">\n'
            )
            for day in month_days:
                link = day_links.get(id(day)) or self._day_link(day)
                out.append(f"<li>{link[1]}</li>\n")
            out.append("</ul>\n</section>\n")
        out.append(f'<p><a href="{e(h.url(urls.archive()))}">{h.gettext("All years")}</a></p>\n')
        site = h.site
        description = h.ngettext(
            "%(site)s in %(year)s: %(num)d day",
            "%(site)s in %(year)s: %(num)d days",
            len(days),
            site=site.title,
            year=year,
        )
        title = self._site_title
        if spec.title and spec.title != site.title:
            title = f"{e(spec.title)} · {title}"
        return self._page(spec, title, description, "website", "", out)


def _tojson(value: object) -> str:
    """Return a value as Jinja2's tojson filter writes it: JSON safe inside HTML."""
    text = json.dumps(value, sort_keys=True)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
    )


# The theme's partials/chart.html, as it renders (trim_blocks, lstrip_blocks): a subject's
# first page has a chart of up to 120 bars, and Jinja2 took 4 ms to draw one.
_BUSIEST = {
    "day": "Busiest day: %(date)s, %(headlines)s.",
    "week": "Busiest week: from %(date)s, %(headlines)s.",
    "month": "Busiest month: %(date)s, %(headlines)s.",
}
# When several periods share the most headlines, none is the busiest: how many share it.
_SHARED = {
    "day": (
        "Most in a day: %(headlines)s, on %(num)d day.",
        "Most in a day: %(headlines)s, on %(num)d days.",
    ),
    "week": (
        "Most in a week: %(headlines)s, in %(num)d week.",
        "Most in a week: %(headlines)s, in %(num)d weeks.",
    ),
    "month": (
        "Most in a month: %(headlines)s, in %(num)d month.",
        "Most in a month: %(headlines)s, in %(num)d months.",
    ),
}
_UNITS = {
    "day": "Headlines per day",
    "week": "Headlines per week",
    "month": "Headlines per month",
}
CHART_TEMPLATE = "partials/chart.html"


def chart_figure(
    chart: Chart | None,
    gettext: Callable[..., str],
    ngettext: Callable[..., str],
    long_date: Callable[[Any], str],
    month_name: Callable[[int, int], str],
    number: Callable[[int], str],
) -> str:
    """Return partials/chart.html's HTML for `chart` (gettext and ngettext as PageHelpers')."""
    if not chart or len(chart.bars) <= 1:
        return ""
    e = escape
    parts = [
        f'<figure class="chart">\n<svg viewBox="0 0 {chart.width} {chart.height + 1}" '
        'preserveAspectRatio="none" role="img" aria-labelledby="chart-caption" '
        'focusable="false">\n'
    ]

    def period(start: Any) -> str:
        """A bar's period as its tooltip names it: a day, the week of a day, a month."""
        if chart.unit == "month":
            return month_name(start.year, start.month)
        if chart.unit == "week":
            return gettext("Week of %(date)s", date=long_date(start))
        return long_date(start)

    parts += [
        f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}"><title>'
        f"{e(period(bar.start))}: {number(bar.count)}</title></rect>\n"
        for bar in chart.bars
        if bar.count
    ]
    peak = chart.peak.start
    most = ngettext("%(num)d headline", "%(num)d headlines", chart.peak.count)
    if chart.peaks > 1:
        busiest = ngettext(*_SHARED[chart.unit], chart.peaks, headlines=most)
    else:
        when = month_name(peak.year, peak.month) if chart.unit == "month" else long_date(peak)
        busiest = gettext(_BUSIEST[chart.unit], date=when, headlines=most)
    first, end = chart.first, chart.end  # the days the bars count, or their months
    if chart.unit == "month":
        span = (
            f'<time datetime="{first:%Y-%m}">{e(month_name(first.year, first.month))}</time> – '
            f'<time datetime="{end:%Y-%m}">{e(month_name(end.year, end.month))}</time>'
        )
    else:
        span = (
            f'<time datetime="{first.isoformat()}">{e(long_date(first))}</time> – '
            f'<time datetime="{end.isoformat()}">{e(long_date(end))}</time>'
        )
    parts.append(
        f'<line x1="0" y1="{chart.height + 0.5}" x2="{chart.width}" y2="{chart.height + 0.5}"/>'
        f'\n</svg>\n<figcaption id="chart-caption">{gettext(_UNITS[chart.unit])}, '
        f"{span}. {busiest}</figcaption>\n</figure>\n"
    )
    return "".join(parts)

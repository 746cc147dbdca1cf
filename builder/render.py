"""Render pages from Jinja2 templates: the only module that imports jinja2.

Templates come from the digest's own templates/ folder first, then from the bundled theme,
file by file. Autoescaping is on for every template and undefined variables are errors.
A headline's HTML is rendered once per build and reused on every page that lists it.
Static files (templates/static/) are copied; CSS and JS get a content hash in their name,
so browsers may cache them for good.
"""

from __future__ import annotations

import functools
import hashlib
import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, TypeVar, cast

import jinja2
import jinja2.meta
import rcssmin
from markupsafe import Markup, escape

from . import i18n, urls
from .errors import ContentErrors, Location, Problem, Severity, did_you_mean, merge_conflicts
from .fastpages import CHART_TEMPLATE, PageHelpers, PageMaker, chart_figure
from .fastpages import TEMPLATES as FAST_PAGES
from .fragments import FEED_ITEM_TEMPLATE, HeadlineFragments, feed_item
from .fragments import TEMPLATES as FAST_TEMPLATES
from .library import Library
from .model import LABELS, Day, Headline, Story, Update
from .pages import PageSpec
from .project import Project, template_dirs, theme_dir

HASHED_SUFFIXES = (".css", ".js", ".svg")


@dataclass(frozen=True)
class StaticFile:
    source: Path
    output_path: str
    data: bytes | None = None  # what is written, where it is not the source's bytes

    def content(self) -> bytes:
        """Return the bytes the site gets: a stylesheet minified, any other file as it is."""
        return self.source.read_bytes() if self.data is None else self.data


def fragment_key(headline: Headline) -> Hashable:
    """Return the key of a headline's HTML among the fragments a Renderer is given."""
    return ("headline", headline.version)


def static_files(template_dirs: list[Path]) -> dict[str, StaticFile]:
    """Find static files; the first folder that has a file wins. Keyed by name under static/."""
    found: dict[str, StaticFile] = {}
    for folder in template_dirs:
        static = folder / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            name = path.relative_to(static).as_posix()
            if not path.is_file() or name in found or path.name.startswith("."):
                continue
            output, data = f"static/{name}", None
            if path.suffix in HASHED_SUFFIXES:
                content = path.read_bytes()
                if path.suffix == ".css":
                    content = data = minified(content)
                digest = hashlib.sha256(content).hexdigest()[:10]
                output = f"static/{name[: -len(path.suffix)]}.{digest}{path.suffix}"
            found[name] = StaticFile(path, output, data)
    return found


def minified(stylesheet: bytes) -> bytes:
    """Return a stylesheet without its comments and the spaces a browser does not need
    (rcssmin): the theme's keeps its comments for those who read it, and readers on a slow
    connection get a sixth fewer bytes before the first page shows. A `/*! ... */` comment
    stays (a licence a digest's own stylesheet must carry). A stylesheet that is not UTF-8
    is written as it is."""
    try:
        text = stylesheet.decode("utf-8")
    except UnicodeDecodeError:
        return stylesheet
    packed: str = rcssmin.cssmin(text, keep_bang_comments=True)
    return packed.encode("utf-8")


# Static files that are text, in which a merge conflict would be published as it is.
TEXT_STATICS = (".css", ".js", ".mjs", ".svg", ".txt", ".json", ".webmanifest", ".xml", ".html")


def static_conflicts(project: Project) -> list[Problem]:
    """Return a problem for each merge conflict git left in the digest's own static files
    (templates/static/; the bundled theme's have none)."""
    static = project.templates_dir / "static"
    problems: list[Problem] = []
    if not static.is_dir():
        return problems
    for path in sorted(static.rglob("*")):
        if path.suffix.lower() in TEXT_STATICS and path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            rel = project.relative(path)
            problems += [
                Problem(Location(rel, line, 1), "static file", message)
                for line, message in merge_conflicts(text)
            ]
    return problems


class _Environment(jinja2.Environment):
    """Jinja2's environment, which refuses a template with a merge conflict git left in it,
    as a syntax error at its line: its markers and both sides of the conflict would be on
    every page made from it."""

    def compile(
        self,
        source: str | jinja2.nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if isinstance(source, str):
            for line, message in merge_conflicts(source):
                raise jinja2.TemplateSyntaxError(message, line, name, filename)
        return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]


class _Loader(jinja2.FileSystemLoader):
    """Jinja2's loader of template files, which reports a file it cannot read (not UTF-8,
    not readable) as a problem of that file, where Jinja2's raises Python's error."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError:
            filename = self._filename(template)
            data = Path(filename).read_bytes()
            try:
                data.decode("utf-8")
                start = 0
            except UnicodeDecodeError as whole:  # (the loader's was of a chunk of the file)
                start = whole.start
            line = data.count(b"\n", 0, start) + 1
            column = start - (data.rfind(b"\n", 0, start) + 1) + 1
            raise jinja2.TemplateSyntaxError(
                f"the file is not UTF-8 (byte 0x{data[start]:02X} at column {column}); "
                "save it as UTF-8",
                line,
                template,
                filename,
            ) from None
        except jinja2.TemplateNotFound:
            raise  # (an IOError too: said where it is included, as Jinja2 says it)
        except OSError as exc:
            raise jinja2.TemplateSyntaxError(
                f"cannot read the file: {exc.strerror or exc}; check its permissions",
                1,
                template,
                self._filename(template),
            ) from None

    def _filename(self, template: str) -> str:
        """The file a template is read from: the first folder's that has it."""
        for folder in self.searchpath:
            path = Path(folder, *template.split("/"))
            if path.exists():
                return str(path)
        return template


def _environment(folders: list[Path]) -> jinja2.Environment:
    env = _Environment(
        loader=_Loader([str(d) for d in folders]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,  # a Renderer lives for one build: no stat() per template use
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return env


def check_templates(project: Project) -> list[Problem]:
    """Compile every template the project would use; report syntax errors with their line."""
    env = _environment(template_dirs(project))
    problems: list[Problem] = []
    for name in env.list_templates(extensions=("html", "xml", "txt")):
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            path = Path(exc.filename) if exc.filename else Path(name)
            shown = project.relative(path) if path.is_absolute() else name
            problems.append(Problem(Location(shown, exc.lineno), "template", exc.message or ""))
    return (
        problems
        + _undefined_names(project, env)
        + _unused_templates(project, env)
        + static_conflicts(project)
    )


_TEMPLATE_SUFFIXES = ("html", "xml", "txt")
# What templates are given that no template of the theme uses (so `template_names` cannot
# find them there): Jinja2's i18n calls, a headline's HTML by itself, a place's slug.
_UNUSED_BY_THEME = frozenset(
    {"_", "gettext", "ngettext", "pgettext", "npgettext", "headline", "place_slug"}
)


def template_names() -> frozenset[str]:
    """Every name a template may use that it does not set itself: what the pages and
    partials are given (the theme's templates use each), the renderer's globals and
    Jinja2's own."""
    return _theme_names()[0]


@functools.cache
def _theme_names() -> tuple[frozenset[str], frozenset[str]]:
    """The names the theme's templates use without setting them, and those they set."""
    env = _environment([theme_dir()])
    used: set[str] = set(env.globals) | _UNUSED_BY_THEME
    stored: set[str] = set()
    for name in env.list_templates(extensions=_TEMPLATE_SUFFIXES):
        tree = env.parse(env.loader.get_source(env, name)[0])  # type: ignore[union-attr]
        used |= jinja2.meta.find_undeclared_variables(tree)
        stored |= _stored(tree)
    return frozenset(used), frozenset(stored)


def _stored(tree: jinja2.nodes.Template) -> set[str]:
    """The names a template sets: loop variables, `set`, macros' parameters, imports."""
    return {node.name for node in tree.find_all(jinja2.nodes.Name) if node.ctx != "load"}


def _undefined_names(project: Project, env: jinja2.Environment) -> list[Problem]:
    """Report a name that a digest's own template uses and that nothing gives it (a typo:
    `{{ subjcet_title }}`), which `digest build` stops at: found here without rendering a
    page. A name set in any template (a loop's variable, given to a partial it includes)
    is taken as given, and one the template asks `is defined` of is its own business."""
    own = project.templates_dir
    if not own.is_dir() or own.resolve() == theme_dir().resolve():
        return []
    known, theme_stored = _theme_names()
    trees: dict[Path, jinja2.nodes.Template] = {}
    for path in sorted(own.rglob("*")):
        name = path.relative_to(own).as_posix()
        if not path.is_file() or path.suffix.lstrip(".") not in _TEMPLATE_SUFFIXES:
            continue
        if name.startswith("static/"):
            continue
        try:
            trees[path] = env.parse(path.read_text("utf-8"))
        except (jinja2.TemplateError, OSError, UnicodeError):
            continue  # (reported as it is)
    stored = set(theme_stored).union(*map(_stored, trees.values()))
    problems = []
    for path, tree in trees.items():
        asked = {
            test.node.name
            for test in tree.find_all(jinja2.nodes.Test)
            if test.name in ("defined", "undefined") and isinstance(test.node, jinja2.nodes.Name)
        }
        missing = jinja2.meta.find_undeclared_variables(tree) - known - stored - asked
        for name in sorted(missing):
            line = min(
                node.lineno
                for node in tree.find_all(jinja2.nodes.Name)
                if node.name == name and node.ctx == "load"
            )
            problems.append(
                Problem(
                    Location(project.relative(path), line),
                    "template",
                    f"'{name}' is undefined: no page or partial is given that name"
                    f"{did_you_mean(name, known | stored)}",
                )
            )
    return problems


def _unused_templates(project: Project, env: jinja2.Environment) -> list[Problem]:
    """Warn of a template of the digest's own that replaces none of the theme's and that no
    template includes, imports or extends: misnamed ("dya.html"), it changes nothing."""
    own = project.templates_dir
    if not own.is_dir() or own.resolve() == theme_dir().resolve():
        return []
    theme = set(_environment([theme_dir()]).list_templates(extensions=_TEMPLATE_SUFFIXES))
    used: set[str] = set()
    for name in env.list_templates(extensions=_TEMPLATE_SUFFIXES):
        try:
            source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
            used |= {n for n in jinja2.meta.find_referenced_templates(env.parse(source)) if n}
        except (jinja2.TemplateError, OSError, UnicodeError):
            continue  # (reported as it is)
    problems = []
    for path in sorted(own.rglob("*")):
        name = path.relative_to(own).as_posix()
        if (
            not path.is_file()
            or path.suffix.lstrip(".") not in _TEMPLATE_SUFFIXES
            or name.startswith("static/")
            or name in theme
            or name in used
        ):
            continue
        problems.append(
            Problem(
                Location(project.relative(path)),
                "template",
                f"replaces no template of the theme{did_you_mean(name, theme)}, and no "
                "template includes or extends it, so it changes nothing: name it as the "
                "theme's template it replaces, or include it from one",
                Severity.WARNING,
            )
        )
    return problems


@dataclass(frozen=True)
class Links:
    """The URL of every listing page, made once: templates look them up instead of calling
    url(paths.listing(...)) for each of a headline's sources, places and tags."""

    sources: dict[str, str]  # by source id
    tags: dict[str, str]  # by tag id
    places: dict[str, str]  # by place name, as headlines give it
    stories: dict[str, str]  # by story id

    @classmethod
    def of(cls, library: Library) -> Links:
        base = library.site.base_path

        def listing(kind: str, slugs: dict[str, str]) -> dict[str, str]:
            return {key: base + urls.listing(kind, slug) for key, slug in slugs.items()}

        return cls(
            sources=listing("sources", {s: s for s in library.sources}),
            tags=listing("tags", {t: t for t in library.tags}),
            places=listing("places", {p.name: p.slug for p in library.places.values()}),
            stories=listing("stories", {s: s for s in library.stories}),
        )


T = TypeVar("T")


def _kept_with(env: jinja2.Environment, name: str, make: Callable[[], T]) -> T:
    """Return what is kept on `env` by `name`, made now if it is not there: what holds for
    an environment's templates holds while a Builder lends it (the theme and the
    configuration unchanged)."""
    kept: dict[str, Any] = env.__dict__.setdefault("digest_kept", {})
    if name not in kept:
        kept[name] = make()
    return cast(T, kept[name])


def _formats(env: jinja2.Environment, language: str) -> dict[str, Callable[..., str]]:
    """The date and time formats of the templates' globals, each a cache: Babel formats
    slowly and a date recurs on many pages (on the bars of every chart), so one call per
    value, for as long as the environment is lent from build to build."""
    return _kept_with(
        env,
        f"formats {language}",
        lambda: {
            "long_date": functools.cache(lambda d: i18n.long_date(d, language)),
            "full_date": functools.cache(lambda d: i18n.full_date(d, language)),
            "month_name": functools.cache(lambda y, m: i18n.month_name(y, m, language)),
            "short_time": functools.cache(lambda t: i18n.short_time(t, language)),
            "number": functools.cache(lambda n: i18n.number(n, language)),
        },
    )


def _language_words(site_language: str, gettext: Callable[..., str]) -> Callable[[str], str]:
    """Return what says an article's language where it is not the site's, as
    partials/headline.html writes it ("in Ukrainian"), else "", by its code. It holds no
    renderer: the headline fragments that a renderer holds are given it."""

    @functools.cache
    def words(code: str) -> str:
        name = i18n.other_language(code, site_language)
        return gettext("in %(language)s", language=name) if name else ""

    return words


@functools.cache
def text_dir(site_language: str) -> Callable[[str | None], str]:
    """Return the templates' `text_dir`: the `dir` that text in a language (a headline's)
    needs on this site's pages, "" where it runs as the site's own text does (or has no
    language of its own). A Persian title on an English page needs "rtl": without it, its
    full stop, brackets and quotes are drawn at the wrong ends."""
    site = i18n.text_direction(site_language)

    @functools.cache
    def direction(code: str | None) -> str:
        found = i18n.text_direction(code) if code else site
        return "" if found == site else found

    return direction


class Renderer:
    """Turns page specs into text, with the site's helpers available in every template."""

    def __init__(
        self,
        project: Project,
        library: Library,
        fragments: dict[Hashable, bytes] | None = None,
        *,
        fast: bool = True,
        environment: jinja2.Environment | None = None,
    ) -> None:
        self.library = library
        self.site = library.site
        self.template_dirs = template_dirs(project)
        self.project = project
        self.statics = static_files(self.template_dirs)
        conflicts = static_conflicts(project)
        if conflicts:  # a stylesheet or script with both sides of a conflict in it
            raise ContentErrors(conflicts)
        # A Builder lends the last build's environment (its compiled templates) while the
        # theme and configuration are unchanged; the globals below are set anew.
        self.env = environment or _environment(self.template_dirs)
        # Headline HTML by headline and its day's version, as UTF-8: ten years' are 72 MB
        # so, and were 123 MB as text (most hold a Cyrillic place name, which makes Python
        # keep the whole text two bytes a character); the pages that list them are put
        # together as UTF-8 too (fastpages.py). A Builder lends the same dict to every build
        # whose theme and configuration are unchanged (see Builder.build).
        self._headline_html: dict[Hashable, bytes] = {} if fragments is None else fragments
        links = self._links = Links.of(library)
        self._label_help: dict[tuple[str, ...], Markup] = {}
        self._lines: dict[int, tuple[Headline, bytes]] = {}  # by id(headline): fastpages
        language = self.site.language
        self.env.install_gettext_translations(  # type: ignore[attr-defined]
            i18n.translations(language), newstyle=True
        )
        self.env.globals.update(
            site=self.site,
            sources=library.sources,
            tags=library.tags,
            paths=urls,
            links=links,
            url=self.url,
            absolute_url=self.absolute_url,
            asset=self.asset,
            headline=self.headline,
            headlines=self.headlines,
            day_link=self.partial("partials/day_link.html", "day"),
            chart_figure=self.partial(CHART_TEMPLATE, "chart"),
            label_help=self.label_help,
            place_slug=urls.slugify,
            site_dir=i18n.text_direction(language),
            text_dir=text_dir(language),
            article_language=i18n.article_language,
            other_language=functools.partial(i18n.other_language, site_code=language),
            zone=i18n.zone_name(self.site.timezone, language),
            interface_language=i18n.interface_language(language),
            **_formats(self.env, language),
        )
        # The templates' `_` and `ngettext`, for what is made here without Jinja2.
        self._gettext, self._ngettext = self._translators()
        self._in_language = _language_words(self.site.language, self._gettext)
        # Each label's name as the pages write it (the macro's), in the site's language: a
        # feed's item puts it before the title too, "[Аналітика] ...".
        macros: Any = self.env.get_template("partials/macros.html").module
        self.label_names = {label: str(macros.label_name(label)) for label in LABELS}
        if fast and self._theme_has((CHART_TEMPLATE,)):  # charts without Jinja2 likewise
            globals_, gettext, ngettext = self.env.globals, self._gettext, self._ngettext
            self.env.globals["chart_figure"] = self._by_identity(
                lambda chart: Markup(
                    chart_figure(
                        chart,
                        gettext,
                        ngettext,
                        cast(Any, globals_["long_date"]),
                        cast(Any, globals_["month_name"]),
                        cast(Any, globals_["number"]),
                    )
                )
            )
        # Headline HTML without Jinja2 while the theme's own templates make it (fragments.py);
        # fast=False renders every headline through the template (the tests compare both).
        use_fast = fast and self._theme_has(FAST_TEMPLATES)
        self._fast = self._fragments(links) if use_fast else None
        # A headline's feed item: made once for every feed format, likewise without Jinja2.
        self._fast_feed_items = fast and self._theme_has((FEED_ITEM_TEMPLATE,))
        self._feed_items: dict[int, tuple[Headline, str]] = {}  # by identity, as _lines
        # Whole listing, day and home pages likewise (fastpages.py), each kind only while
        # every template it involves is the theme's own.
        own = {name for needs in FAST_PAGES.values() for name in needs if self._theme_has((name,))}
        kinds = [page for page, needs in FAST_PAGES.items() if own.issuperset(needs)]
        self._pages = self._page_maker(frozenset(kinds)) if fast and kinds else None

    def _theme_has(self, names: tuple[str, ...]) -> bool:
        """Whether each named template is the bundled theme's own, not the digest's."""
        known: dict[str, bool] = _kept_with(self.env, "own templates", dict)
        for name in names:
            if name not in known:  # looked up once per environment: 17 ms a preview's save
                with self.template_errors():  # (a file it cannot read: said as a problem)
                    _, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
                theme = theme_dir().resolve()
                known[name] = filename is not None and Path(filename).resolve() == theme / name
            if not known[name]:
                return False
        return True

    def _fragments(self, links: Links) -> HeadlineFragments:
        words = self._gettext  # translated exactly as a template translates them
        return HeadlineFragments.of(
            source_names={s.id: s.name for s in self.library.sources.values()},
            tag_names={t.id: t.name for t in self.library.tags.values()},
            source_links=links.sources,
            tag_links=links.tags,
            place_links=links.places,
            story_links=links.stories,
            label_names=self.label_names,
            source_languages={s.id: s.language for s in self.library.sources.values()},
            in_language=self._in_language,
            archived_copy=words("archived copy"),
            story_so_far=words("Story so far"),
            short_time=cast(Any, self.env.globals["short_time"]),
            text_dir=text_dir(self.site.language),
        )

    def _page_maker(self, kinds: frozenset[str]) -> PageMaker:
        """Return the page maker, which this renderer holds: nothing it is given holds the
        renderer (a reference cycle kept every renderer of a preview, and the library each
        held, until Python's cycle collector ran: 2.3 MB a save on ten years, and it ran
        none in 240 saves). What needs the renderer reaches it through a weak reference."""
        globals_ = self.env.globals
        helpers = PageHelpers(
            site=self.site,
            gettext=self._gettext,
            ngettext=self._ngettext,
            url=self.site.base_path.__add__,  # as `url` and `absolute_url`
            absolute_url=self.site.base_url.__add__,
            stylesheet=self.asset("style.css"),
            icon=self.asset("favicon.svg"),
            long_date=cast(Any, globals_["long_date"]),
            full_date=cast(Any, globals_["full_date"]),
            month_name=cast(Any, globals_["month_name"]),
            number=cast(Any, globals_["number"]),
            zone=cast(Any, globals_["zone"]),
            headlines=_weakly(self._headline_lines),
            chart_figure=cast(Any, globals_["chart_figure"]),
            label_help=_weakly(self.label_help),
            site_dir=cast(str, globals_["site_dir"]),
        )
        return PageMaker(helpers, kinds)

    def _translators(self) -> tuple[Callable[..., str], Callable[..., str]]:
        """Return gettext and ngettext as the templates' `_` and `ngettext` translate."""
        translations = i18n.translations(self.site.language)
        words: dict[tuple[str, ...] | tuple[str, str, int], str] = {}

        # As Jinja2's newstyle gettext with autoescape: the translation is markup, and its
        # variables are escaped when they are put in. Words without variables recur on
        # every page: each is translated once.
        def gettext(text: str, **variables: Any) -> str:
            if variables:
                return str(Markup(translations.gettext(text)) % variables)
            word = words.get((text,))
            if word is None:
                word = words[(text,)] = str(Markup(translations.gettext(text)) % {})
            return word

        def ngettext(singular: str, plural: str, number: int, **variables: Any) -> str:
            if variables:
                translated = Markup(translations.ngettext(singular, plural, number))
                return str(translated % {"num": number, **variables})
            word = words.get((singular, plural, number))
            if word is None:
                translated = Markup(translations.ngettext(singular, plural, number))
                word = words[(singular, plural, number)] = str(translated % {"num": number})
            return word

        return gettext, ngettext

    # Helpers for templates --------------------------------------------------------------

    def url(self, url_path: str) -> str:
        """Return the URL a browser follows on this site: the base path and the url path."""
        return self.site.base_path + url_path

    def absolute_url(self, url_path: str) -> str:
        """Return the full URL, for canonical links, feeds and the sitemap."""
        return self.site.base_url + url_path

    def asset(self, name: str) -> str:
        """Return the URL of a static file by its name under static/."""
        if name not in self.statics:
            raise jinja2.TemplateRuntimeError(f"no static file '{name}' in templates/static/")
        return self.url(self.statics[name].output_path)

    def headline(self, headline: Headline) -> Markup:
        """Return the headline's HTML, rendered once from partials/headline.html."""
        return Markup(self.headline_html(headline).decode())

    def headline_html(self, headline: Headline) -> bytes:
        """Return `headline` as UTF-8, made once."""
        key = fragment_key(headline)
        html = self._headline_html.get(key)
        if html is None and self._fast is not None and headline.update is None:
            html = self._headline_html[key] = self._fast.render(headline).encode()
        if html is None:
            template = self.env.get_template("partials/headline.html")
            source = self.library.sources[headline.source]
            html = template.render(h=headline, source=source).strip().encode()
            self._headline_html[key] = html
        return html

    def correction_html(self, update: Update, title: str | None) -> str:
        """Return the note of an update as a feed item shows it (absolute links): the same
        in RSS, Atom and JSON Feed; `title`, a headline's, in a day's item."""
        return self.render_template(
            "partials/correction.html", update=update, title=title, in_feed=True
        ).strip()

    def day_corrections_html(self, day: Day) -> str:
        """Return the notes of a day's updates and its headlines', as its feed item shows
        them after the day's HTML (RSS, Atom and JSON Feed alike)."""
        return "".join(
            self.correction_html(update, title)
            for update, title in [(day.update, None), *((h.update, h.title) for h in day.headlines)]
            if update
        )

    def article_language(self, headline: Headline) -> tuple[str, str]:
        """Return the language of a headline's article (i18n.article_language) and the
        words that say it where it is not the site's ("in Ukrainian"), else ""."""
        source = self.library.sources[headline.source]
        code = i18n.article_language(headline.url, headline.language, source.language)
        return code, self._in_language(code)

    def feed_item(self, headline: Headline) -> str:
        """Return the HTML of a headline's feed item (feed/headline.html, stripped), the
        same in RSS, Atom and JSON Feed: made once per headline."""
        made = self._feed_items.get(id(headline))
        if made is None or made[0] is not headline:
            source = self.library.sources[headline.source]
            if self._fast_feed_items:
                globals_: Any = self.env.globals
                html = feed_item(
                    headline,
                    source.name,
                    self.article_language(headline)[1],
                    globals_["short_time"](headline.time) if headline.time else None,
                    self.absolute_url(urls.day(headline.date)),
                    globals_["long_date"](headline.date),
                    globals_["text_dir"](headline.language),
                    self.label_names.get(headline.label or ""),
                )
            else:
                label = self.label_names.get(headline.label or "")
                html = self.render_template(
                    FEED_ITEM_TEMPLATE, h=headline, source=source, label=label
                ).strip()
            made = self._feed_items[id(headline)] = (headline, html)
        return made[1]

    def render_headlines(self) -> None:
        """Make every headline's HTML now (before the build forks, so both processes share it)."""
        for day in self.library.days:
            for h in day.headlines:
                self.headline_html(h)

    def headlines(self, headlines: Iterable[Headline], story: Story | None = None) -> Markup:
        """Return the HTML of headlines, one a line: the items of an <ol class="headlines">
        (of any iterable a template gives: `selectattr` gives a generator). On the page of
        the `story` they are of, without their link to it ("Story so far")."""
        return Markup(self._headline_lines(tuple(headlines), story).decode())

    def _headline_lines(self, headlines: Sequence[Headline], story: Story | None = None) -> bytes:
        """Return what `headlines` returns, as UTF-8, from a cache by headline object: a
        headline is on several pages, and its key (its version) costs more to look up."""
        made = self._lines
        try:
            html = [made[id(h)][1] for h in headlines]
        except KeyError:
            for h in headlines:  # kept with its HTML, the headline's id stays its own
                if id(h) not in made:
                    made[id(h)] = (h, self.headline_html(h))
            html = [made[id(h)][1] for h in headlines]
        lines = b"\n".join(html) + b"\n" if html else b""
        if story is not None:  # (made once for every page: a link to itself on its own)
            link = self._links.stories[story.id]
            so_far = self._gettext("Story so far")
            lines = lines.replace(
                f'<a class="story" href="{escape(link)}">{so_far}</a>\n'.encode(), b""
            )
        return lines

    def label_help(self, items: Iterable[Any]) -> Markup:
        """Return partials/label_help.html for the labels that headlines (or day groups of
        headlines) use: what each label means; nothing when none is labelled."""
        used = set()
        for item in items:
            for h in getattr(item, "headlines", (item,)):
                if h.label:
                    used.add(h.label)
        labels = tuple(sorted(used))
        html = self._label_help.get(labels)
        if html is None:
            with self.template_errors():
                template = self.env.get_template("partials/label_help.html")
                html = self._label_help[labels] = Markup(template.render(labels=labels))
        return html

    def partial(self, name: str, variable: str) -> Callable[[Any], Markup]:
        """Return a helper that renders a partial for a value once per build (by identity:
        a day, a subject's chart) and gives the same HTML wherever the value recurs."""

        def render(value: Any) -> Markup:
            with self.template_errors():
                return Markup(self.env.get_template(name).render({variable: value}))

        return self._by_identity(render)

    @staticmethod
    def _by_identity(make: Callable[[Any], Markup]) -> Callable[[Any], Markup]:
        """Return `make`, called once per value (by identity) and its HTML reused."""
        made: dict[int, tuple[Any, Markup]] = {}

        def render(value: Any) -> Markup:
            hit = made.get(id(value))
            if hit is None:
                hit = made[id(value)] = (value, make(value))  # kept: its id stays its own
            return hit[1]

        return render

    # Rendering --------------------------------------------------------------------------

    def render_page(self, spec: PageSpec) -> str | bytes:
        """Render one planned page (as UTF-8 where fastpages.py makes it)."""
        if self._pages is not None and spec.template in self._pages.templates:
            html = self._pages.render(spec)
            if html is not None:
                return html
        with self.template_errors():
            template = self.env.get_template(spec.template)
            return template.render(page=spec, **spec.context)

    def render_template(self, name: str, **context: Any) -> str:
        """Render a named template with extra context (feeds' HTML, sitemap, robots.txt)."""
        with self.template_errors():
            return self.env.get_template(name).render(**context)

    def template_errors(self) -> _TemplateErrors:
        return _TemplateErrors(self)


class _TemplateErrors:
    """Turn a Jinja2 error into a ContentErrors that names the template file and line."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None or isinstance(exc, (ContentErrors, MemoryError)):
            return
        if not isinstance(exc, jinja2.TemplateError):
            # A template's own expression failing as it runs ("{{ 1 // 0 }}", a page that
            # extends itself): its file and line, and what failed, not a traceback.
            if not isinstance(exc, Exception) or not self._template_frames(tb):
                return
            if isinstance(exc, RecursionError):
                message = (
                    "the template extends, includes or calls itself without end "
                    f"({exc}); check its extends, include and macro calls"
                )
            else:
                message = f"{type(exc).__name__}: {exc}"
            raise ContentErrors([Problem(self._location(exc, tb), "template", message)]) from exc
        location = self._location(exc, tb)
        message = exc.message or type(exc).__name__
        if isinstance(exc, jinja2.TemplateNotFound):
            message = f"template '{exc.name}' not found in {self._searched()}"
        raise ContentErrors([Problem(location, "template", message)]) from exc

    def _searched(self) -> str:
        return " or ".join(str(d) for d in self.renderer.template_dirs)

    @staticmethod
    def _template_frames(tb: TracebackType | None) -> list[tuple[str, int]]:
        """The frames of the templates' code in a traceback: (file, line), outermost first."""
        return [
            (frame.f_code.co_filename, line)
            for frame, line in _walk(tb)
            if frame.f_code.co_filename.endswith((".html", ".xml", ".txt"))
        ]

    def _location(self, exc: Exception, tb: TracebackType | None) -> Location:
        if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
            return Location(self._shown(exc.filename), exc.lineno)
        template_frames = self._template_frames(tb)
        if template_frames:
            filename, line = template_frames[-1]
            return Location(self._shown(filename), line)
        return Location("templates")

    def _shown(self, filename: str) -> str:
        path = Path(filename)
        return self.renderer.project.relative(path) if path.is_absolute() else filename


def _walk(tb: TracebackType | None) -> Iterator[tuple[Any, int]]:
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _weakly(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Return a bound method that calls it through a weak reference to its object."""
    reference = weakref.WeakMethod(method)

    def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        bound = reference()
        assert bound is not None, "called after its renderer was gone"
        return bound(*args, **kwargs)

    return call

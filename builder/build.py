"""The build, as one straight line: read -> validate -> model -> plan -> render -> write.

`load` reads and checks everything and returns the library with every problem found;
`build` refuses to write when there is an error (or a warning, with strict), else renders
the planned pages and feeds into a new folder and swaps it in. Never prints, never exits.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import reading, search, urls
from .errors import ContentErrors, Problem
from .feeds import FeedWriter
from .jsonfeed import JsonFeedWriter, json_feed_path
from .library import Library, build_library
from .output import SiteWriter
from .pages import plan_site
from .project import Project
from .reader import read_config, read_days
from .render import Renderer, check_templates
from .validate import check_days


@dataclass
class Timings:
    """Seconds spent in each stage, in the order the stages ran."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class LoadResult:
    library: Library | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    pages: int
    feeds: int
    files: int
    bytes_written: int
    warnings: list[Problem]
    timings: Timings


def load(project: Project, timings: Timings | None = None) -> LoadResult:
    """Read and check the whole digest; the library is None when there are errors."""
    timings = timings or Timings()
    with timings.stage("read"):
        config, problems = read_config(project)
        base_url = config.site.base_url if config else "/"
        day_files, day_problems = read_days(project, base_url)
    problems += day_problems
    with timings.stage("validate"):
        if config is not None:
            problems += check_days(config, day_files)
    if config is None or any(p.is_error for p in problems):
        return LoadResult(None, problems)
    with timings.stage("model"):
        library = build_library(config, (f.day for f in day_files))
    return LoadResult(library, problems)


def check(project: Project) -> LoadResult:
    """Check the content and the templates' syntax, as `digest check` does; write nothing."""
    loaded = load(project)
    return LoadResult(loaded.library, loaded.problems + check_templates(project))


def build(
    project: Project,
    out_dir: Path | None = None,
    strict: bool = False,
    timings: Timings | None = None,
) -> BuildResult:
    """Build the site into `out_dir` (default: the project's site/); raise on any error."""
    timings = timings or Timings()
    out_dir = out_dir or project.default_output
    loaded = load(project, timings)
    if loaded.library is None or (strict and loaded.warnings):
        raise ContentErrors(loaded.problems)
    library = loaded.library
    with timings.stage("plan"):
        renderer = Renderer(project, library)
        plan = reading.plan_reader_pages(library, plan_site(library))
    protected = (project.content_dir, project.templates_dir)
    with SiteWriter(out_dir, protected) as writer:
        with timings.stage("render pages"):
            for page in plan.pages:
                writer.write(
                    urls.output_path(page.url_path), renderer.render_page(page), page.template
                )
            sitemap = renderer.render_template(
                "sitemap.xml", pages=[p for p in plan.pages if p.in_sitemap]
            )
            writer.write(urls.sitemap(), sitemap, "sitemap.xml")
            writer.write(urls.robots(), renderer.render_template("robots.txt"), "robots.txt")
            for name, static in renderer.statics.items():
                writer.copy(static.output_path, static.source, f"static/{name}")
        with timings.stage("feeds"):
            feed_writer = FeedWriter(library, renderer)
            json_writer = JsonFeedWriter(library, renderer)
            for spec in plan.feeds:
                for path, data in feed_writer.render(spec).items():
                    writer.write(path, data, f"feed {spec.id}")
                writer.write(json_feed_path(spec), json_writer.render(spec), f"feed {spec.id}")
        with timings.stage("search"):
            records = reading.search_records(library)
            search_files = search.index_files(records, library.site.language)
            for path, data in search_files.items():
                writer.write(path, data, "search index")
            statics = [static.output_path for static in renderer.statics.values()]
            offline, version = reading.offline_paths(library, statics, search_files)
            worker = renderer.render_template("sw.js", offline=offline, version=version)
            writer.write(urls.service_worker(), worker, "sw.js")
        with timings.stage("write"):
            writer.commit()
    return BuildResult(
        out_dir=out_dir,
        pages=len(plan.pages),
        feeds=len(plan.feeds) * 2,
        files=len(writer.claims) + 1,
        bytes_written=writer.bytes_written,
        warnings=loaded.warnings,
        timings=timings,
    )

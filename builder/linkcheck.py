"""Link hygiene at the edges: read the days, apply `--fix`, ask git what changed.

`links` decides what is wrong (pure); this module reads the project, writes fixed day files
and runs `git` for `digest check --since REV`. Never prints.
"""

from __future__ import annotations

import subprocess
from collections.abc import Collection, Iterable, Sequence

from .cache import load_cache
from .errors import Problem, UsageError
from .links import check_links, fix_text, url_fixes
from .project import Project
from .reader import DayFile, check_exactly, read_config, read_days, read_text
from .validate import meant_ids


def link_problems(
    project: Project,
    day_files: Sequence[DayFile] = (),
    fork: bool = False,
    only: Collection[str] | None = None,
) -> list[Problem]:
    """Return the link-hygiene warnings of a project (none when its configuration is broken),
    of `day_files` when the caller has read them (`digest check` has: ten years of day files
    take seconds to read again), else of the day files read here. `fork`: the caller runs
    no threads (a long digest's titles are compared in two processes). `only`: the warnings
    located in these files (relative to the project) alone, which is all `--since` shows:
    ten years' titles compared took 1.5 s of a core."""
    config, _ = read_config(project)
    if config is None:
        return []
    base_url = config.site.base_url
    if not day_files:
        day_files, _ = read_days(project, base_url, cache=load_cache(project.root))
    sources = config.sources
    _, problems = check_exactly(
        project,
        base_url,
        list(day_files),
        lambda files: check_links(files, sources, fork, only),
        fork=fork,
    )
    return problems


def apply_fixes(project: Project) -> list[tuple[str, str]]:
    """Remove tracking parameters from every headline URL, and write the id of a source or
    tag where its name is written in its place; return the files changed, each with what
    was done to it."""
    # Imported here: newday brings the importer, 0.1 s that `digest check` without --fix
    # (the pre-commit hook, on every commit) does not need.
    from .newday import write_text

    config, _ = read_config(project)
    day_files, problems = read_days(project, config.site.base_url if config else "/", exact=True)
    urls = url_fixes(day_files)
    ids: dict[str, list[tuple[int, int, str, str]]] = {}  # by file: line, column, name, id
    for named, written, _, meant in meant_ids(config, problems) if config else ():
        where = named.location
        if where.line and where.column:
            ids.setdefault(where.path, []).append((where.line, where.column, written, meant))
    changed: list[tuple[str, str]] = []
    for rel in sorted(urls.keys() | ids.keys()):
        path = project.root / rel
        text, problem = read_text(project, path)
        if problem or text is None:
            continue
        fixed = fix_text(text, urls.get(rel, {}))
        with_ids = _write_ids(fixed, ids.get(rel, []))
        done = [
            what
            for what, before, after in (
                ("removed tracking parameters", text, fixed),
                ("wrote ids for names of sources and tags", fixed, with_ids),
            )
            if after != before
        ]
        if done:
            write_text(path, with_ids)
            changed.append((rel, ", ".join(done)))
    return changed


def _write_ids(text: str, fixes: list[tuple[int, int, str, str]]) -> str:
    """Write each id in place of the name at its line and column (counted from 1), as the
    name was written: bare or in quotes. A name not found where it was read is left."""
    lines = text.split("\n")
    for line, column, written, meant in sorted(fixes, reverse=True):  # right to left
        if line > len(lines):
            continue
        row, start = lines[line - 1], column - 1
        quote = row[start : start + 1]
        if quote in ("'", '"') and row.startswith(quote + written + quote, start):
            end = start + len(written) + 2
        elif row.startswith(written, start):
            end = start + len(written)
        else:
            continue
        lines[line - 1] = row[:start] + meant + row[end:]
    return "\n".join(lines)


def changed_paths(project: Project, revision: str) -> set[str]:
    """Return the files (relative to the project) changed since `revision`, untracked included."""
    commands = (
        ["git", "diff", "--name-only", "--relative", revision, "--"],
        ["git", "ls-files", "--others", "--exclude-standard"],
    )
    found: set[str] = set()
    for command in commands:
        try:
            result = subprocess.run(
                command, cwd=project.root, capture_output=True, text=True, check=False
            )
        except OSError as exc:
            raise UsageError(f"--since needs git: {exc.strerror}") from None
        if result.returncode != 0:
            detail = result.stderr.strip().splitlines()[0] if result.stderr.strip() else ""
            raise UsageError(f"--since {revision}: git cannot compare with it ({detail})")
        found.update(line.strip() for line in result.stdout.splitlines() if line.strip())
    return found


def only_in(problems: Iterable[Problem], paths: set[str]) -> list[Problem]:
    """Keep the problems located in `paths`."""
    return [p for p in problems if p.location.path in paths]

"""The `digest` command: the only module that prints or exits.

Exit status: 0 clean, 1 content errors (or a site that could not be written), 2 usage
errors. Problems go to standard error, one per line as `path:line:col: field: message`,
then a count; what was built goes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .build import Timings, build, check
from .errors import ContentErrors, DigestError, Problem, sort_problems, summarise
from .project import Project

DESCRIPTION = """\
Build a curated daily news digest into a static website with RSS and Atom feeds.
Run it in the folder of a digest (the one that holds content/), or pass --project DIR."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    build_cmd = commands.add_parser(
        "build",
        help="check the content and build the site",
        description="Check the content, then build the site into site/ (or --out). "
        "Nothing is written when there is an error: the previous site stays as it was "
        "until the new one is complete.",
    )
    _project_option(build_cmd)
    build_cmd.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        help="folder to build into (default: site/ in the project folder); it is replaced "
        "whole, so it must be empty, new, or made by digest before",
    )
    _strict_option(build_cmd)
    build_cmd.add_argument(
        "--timings", action="store_true", help="print the time each stage of the build took"
    )
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print nothing but problems")

    check_cmd = commands.add_parser(
        "check",
        help="check the content and report every problem, writing nothing",
        description="Check site.yaml, sources.yaml, tags.yaml and every day file, and print "
        "every problem as path:line:col: field: message. Writes nothing.",
    )
    _project_option(check_cmd)
    _strict_option(check_cmd)
    return parser


def _project_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project",
        metavar="DIR",
        type=Path,
        default=Path("."),
        help="the digest's folder, which holds content/ (default: the current folder)",
    )


def _strict_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit status 1)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        project = Project.find(args.project)
        if args.command == "check":
            return _check(project, args.strict)
        return _build(project, args)
    except ContentErrors as exc:
        _report(exc.problems)
        print("nothing was written", file=sys.stderr)
        return exc.exit_code
    except DigestError as exc:
        print(f"digest: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("digest: interrupted; the previous site is unchanged", file=sys.stderr)
        return 130


def _report(problems: Sequence[Problem]) -> None:
    for problem in sort_problems(problems):
        print(problem.format(), file=sys.stderr)
    if problems:
        print(summarise(problems), file=sys.stderr)


def _check(project: Project, strict: bool) -> int:
    result = check(project)
    _report(result.problems)
    if result.errors or (strict and result.warnings):
        return 1
    days = len(result.library.days) if result.library else 0
    headlines = sum(len(d.headlines) for d in result.library.days) if result.library else 0
    print(f"checked {_count(days, 'day')} and {_count(headlines, 'headline')}: no errors")
    return 0


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _build(project: Project, args: argparse.Namespace) -> int:
    timings = Timings()
    result = build(project, args.out, strict=args.strict, timings=timings)
    _report(result.warnings)
    if not args.quiet:
        total = sum(timings.stages.values())
        print(
            f"built {result.pages} pages and {result.feeds} feeds into {result.out_dir} "
            f"({result.files} files, {result.bytes_written / 1e6:.1f} MB) in {total:.2f} s"
        )
    if args.timings:
        for name, seconds in timings.stages.items():
            print(f"  {name:<14} {seconds * 1000:8.0f} ms")
    return 0

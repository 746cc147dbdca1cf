"""The `digest` command: the only module that prints or exits.

Exit status: 0 clean, 1 content errors (or a site that could not be written), 2 usage
errors, 128 + the signal's number when Ctrl-C, SIGTERM or SIGHUP stopped a build. Problems
go to standard error, one per line as `path:line:col: field: message`, then a count; what
was built goes to standard output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import gc
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__, clock, parallel, uptodate
from .cache import CACHE_FOLDER
from .errors import (
    SHOWN,
    ContentErrors,
    DigestError,
    Problem,
    Severity,
    UsageError,
    report_lines,
    sort_problems,
    summarise,
)
from .output import MARKER, LiveLock, check_output_folder, remove_dead_builds, remove_spares
from .project import Project

# The rest is imported by the command that needs it: `digest build` with nothing to do
# answers before Jinja2, the Markdown and YAML parsers and the rest are even loaded.
if TYPE_CHECKING:
    from .build import Builder
    from .newday import ImportResult
    from .serve import PreviewServer
    from .watch import Watcher

SHARE_FORMATS = ("telegram", "markdown", "text")  # builder.share.FORMATS (a test holds it)

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
        "until the new one is complete. When no file of content/, templates/ or digest "
        "itself changed since the last build into the same folder (and the date that "
        "decides what is published is the same), the site is up to date and nothing is "
        "done; --force builds anyway. Otherwise each page and feed whose inputs did not "
        "change since the last build into the same folder is hard-linked from it instead "
        "of being rendered again (not with --force).",
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
        "--timings",
        action="store_true",
        help="print the time each stage of the build took, and its peak memory",
    )
    build_cmd.add_argument(
        "--drafts",
        action="store_true",
        help="preview: also build days marked draft: true and days dated in the future "
        "(their headlines that still miss a link are left out)",
    )
    build_cmd.add_argument(
        "--force",
        action="store_true",
        help="build even when nothing changed since the last build, and render every page "
        "afresh instead of reusing the unchanged ones",
    )
    build_cmd.add_argument(
        "--no-record",
        action="store_true",
        help="keep no record of the pages for the next build to reuse (it renders them all "
        "again): for CI, where the site is not kept; about a fifth quicker",
    )
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print nothing but problems")

    check_cmd = commands.add_parser(
        "check",
        help="check the content and report every problem, writing nothing",
        description="Check site.yaml, sources.yaml, tags.yaml and every day file, and print "
        "every problem as path:line:col: field: message (after more than 20, what they say "
        "most often). Writes nothing.",
    )
    _project_option(check_cmd)
    _strict_option(check_cmd)
    check_cmd.add_argument(
        "--fix",
        action="store_true",
        help="remove tracking parameters (utm_*, fbclid, gclid, ...) from headline URLs in the "
        "day files, and write a source's or tag's id where its name is written, then check",
    )
    check_cmd.add_argument(
        "--since",
        metavar="GIT_REV",
        help="report only problems in files changed since this git revision (and files git "
        "does not track yet), so old content never blocks today's commit",
    )
    check_cmd.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json: print the problems as one JSON object on standard output, for tools",
    )
    _editor_commands(commands)
    _live_commands(commands)
    return parser


def _live_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    watch_cmd = commands.add_parser(
        "watch",
        help="build, then build again after every change to content/ or templates/",
        description="Build the site into site/ (or --out), its search index included, then "
        "watch content/ and templates/ and build again after every save: the pages first, "
        "with the last "
        "search index, which catches up in a second build once saves stop. A build with "
        "errors prints them and leaves the last good site in place; the watcher keeps "
        "going. At midnight in the site's time zone it builds again: the days dated that "
        "day are published. A second serve or watch into the same folder is refused. "
        "Ctrl-C (or SIGTERM, SIGHUP) stops it cleanly.",
    )
    serve_cmd = commands.add_parser(
        "serve",
        help="preview the site on http://127.0.0.1:8000 with live reload while you edit",
        description="Build a preview of the site (drafts and future days included) into "
        ".digest-cache/serve/ (or --out), serve it, and rebuild after every save: open "
        "pages say when a rebuild takes a while, reload once the whole rebuild is written, "
        "and show the errors in an overlay "
        "when a save does not build (every page does while nothing is built yet), and a "
        "build's warnings in a box a click hides. A "
        "published site/ is never touched; a second serve or watch into the same folder is "
        "refused. Ctrl-C (or SIGTERM, SIGHUP) stops it cleanly.",
    )
    for command in (watch_cmd, serve_cmd):
        _project_option(command)
        command.add_argument(
            "--out", metavar="DIR", type=Path, help="folder to build into (see the description)"
        )
        command.add_argument(
            "--poll",
            action="store_true",
            help="look for changes every half second instead of waiting for the system's "
            "file events (for network drives and containers where events do not arrive)",
        )
    watch_cmd.add_argument("--drafts", action="store_true", help="build drafts and future days too")
    serve_cmd.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on, IPv4 or IPv6 (default: 127.0.0.1; 0.0.0.0: every address, "
        "to open the preview on a phone on the same network)",
    )
    serve_cmd.add_argument(
        "--port", type=_port, default=8000, help="port to listen on (default: 8000; 0: any free)"
    )


def _port(text: str) -> int:
    """A TCP port, 0 to 65535 (0: any free one)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is no port: give a number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is no port: give 0 to 65535 (0: any free)")
    return port


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2024-06-22"
        ) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def _editor_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new_cmd = commands.add_parser(
        "new",
        help="create the day file for a date, as a draft",
        description="Create content/digests/YYYY/YYYY-MM-DD.md for DATE (default: today in "
        "the site's time zone) from a template, marked draft: true. Refuses to overwrite a day "
        "that exists.",
    )
    new_cmd.add_argument("date", nargs="?", type=_date, metavar="DATE", help="YYYY-MM-DD")
    _project_option(new_cmd)

    import_cmd = commands.add_parser(
        "import",
        help="turn a pasted listing of headlines into day files",
        description="Read a listing pasted from an outlet's page, a Telegram channel (or its "
        "HTML or JSON export) or a newsletter (plain text, Markdown or HTML), an outlet's "
        "RSS, Atom or JSON Feed (a file, or fetched by its address), or a document an editor "
        "keeps (Word, LibreOffice, Excel, a PDF, a page saved as one file, notes, bookmarks, "
        "a spreadsheet, a to-do app's CSV, RIS, an outliner's journal, a Trello board, a "
        "chat's export, a site's or a social network's API answer in JSON), and add its "
        "headlines to the day files of the dates it names, creating them or merging into "
        "them (no duplicate links or titles; what is there stays untouched). Headlines "
        'without a link are written with url: "" into a day marked draft: true; a title '
        "not in the site's language with its language: (the page's or feed's, else its "
        "outlet's, where the title is in that language's letters), which pages mark, right "
        "to left where it runs so. Lines that "
        "are not headlines are listed with the reason they were dropped, and what the check "
        "finds in the day files written (a word typed in two alphabets) is said at once. "
        "Dates are read in "
        "46 languages (and Iran's and Afghanistan's Solar Hijri calendar); a time that names no "
        "zone is the page's country's (by its address, its links, else its language if "
        "spoken in one zone: the page's lang, or a copy's letters) and is moved into the "
        "site's time zone. A listing with no headline found ends with exit status 1.",
    )
    import_cmd.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="the listing (default or '-': standard input): text in any encoding (UTF-8, or "
        "one it declares or a note names), .docx, .odt, .xlsx, .ods, .pdf, .mhtml or "
        ".webarchive; or the address (http:// or https://) of an outlet's page or feed to fetch",
    )
    import_cmd.add_argument(
        "--date",
        type=_date,
        metavar="DATE",
        help="the day of headlines before any date line, and the year of date lines without "
        "one; ages such as '3 hrs ago' count back from its end (default: today in the site's "
        "time zone, and ages count back from now)",
    )
    import_cmd.add_argument(
        "--source",
        metavar="ID",
        default="",
        help="the source of headlines whose link is on no source's site, or that have no link "
        "(e.g. espreso for Espreso's own 'Read also' list); its home page completes links "
        "relative to a pasted page",
    )
    import_cmd.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would be written (each headline), write nothing",
    )
    _project_option(import_cmd)

    share_cmd = commands.add_parser(
        "share",
        help="print a day ready to paste into Telegram or a newsletter",
        description="Print the day DATE as messages to paste: telegram (MarkdownV2, as the Bot "
        "API's parse_mode=MarkdownV2 reads it; split into messages of at most 4096 characters, "
        "only between headlines), markdown (one CommonMark block for a newsletter) or text "
        "(plain text, each link on its own line). Messages go to standard output; when there "
        "are several, a line '--- message 2 of 3 ---' goes to standard error before each, or "
        "--split-marker puts a line of your choice between them on standard output.",
    )
    share_cmd.add_argument("date", type=_date, metavar="DATE", help="YYYY-MM-DD")
    share_cmd.add_argument(
        "--format", choices=SHARE_FORMATS, default="telegram", help="default: telegram"
    )
    share_cmd.add_argument(
        "--drafts", action="store_true", help="share the day even if it is a draft"
    )
    share_cmd.add_argument(
        "--split-marker",
        metavar="LINE",
        help="print LINE between messages on standard output (for scripts that post them)",
    )
    share_cmd.add_argument(
        "--max-length",
        type=_positive,
        metavar="N",
        help="split into messages of at most N characters (default: 4096 for telegram, "
        "none for the others); e.g. 1024 for a photo's caption",
    )
    _project_option(share_cmd)

    init_cmd = commands.add_parser(
        "init",
        help="start a new digest in a folder",
        description="Create a new digest in DIR: content/ (site.yaml to fill in, sources.yaml, "
        "tags.yaml, a first day as a draft), templates/ with a README on overriding the theme, "
        "a GitHub Actions workflow that runs digest check --strict and digest build and "
        "publishes site/ to GitHub Pages, and a pre-commit configuration. Overwrites nothing.",
    )
    init_cmd.add_argument("folder", type=Path, metavar="DIR", help="the new digest's folder")


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


def run() -> NoReturn:
    """The `digest` program: `main`, then an immediate exit.

    A build of ten years holds about a gigabyte of small objects, and an interpreter that
    exits normally frees them one by one: seconds for nothing. Everything has been written
    and closed by then (files are written with `with`, caches replaced atomically), so the
    program flushes its output and leaves at once, as mypy does. `main` stays a plain
    function for the tests and for anyone calling digest from Python.
    """
    global _ENDS_AFTER
    _ENDS_AFTER = True
    _stop_as_ctrl_c_does()
    try:
        code = main()
    except SystemExit as exc:  # argparse's --help and usage errors
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, a service manager, `docker stop`) or SIGHUP (the terminal closed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# The signals that asked digest to stop, as their handlers ran. A handler's exception is
# lost when Python runs the handler inside a finalizer (an object's __del__, a weakref
# callback: "Exception ignored in ..." is printed and the code goes on), and `digest
# serve` stopped during its first build then served on; watch and serve look here too.
_STOP_ASKED: list[int] = []


def _stop_as_ctrl_c_does() -> None:
    """Let SIGTERM and SIGHUP stop digest as Ctrl-C does, not outright: a build leaves the
    old site as it was and removes its build folder and search scratch, and serve and watch
    stop their servers and save their caches, instead of leaving all that behind. A second
    such signal ends the process at once; a signal the caller ignores (nohup) stays ignored.
    Ctrl-C raises KeyboardInterrupt as Python's own handler does; each is noted in
    _STOP_ASKED."""

    def stop(signum: int, frame: object) -> None:
        signal.signal(signum, signal.SIG_DFL)
        _STOP_ASKED.append(signum)
        raise Terminated(signum)

    def interrupt(signum: int, frame: object) -> None:
        _STOP_ASKED.append(signum)
        raise KeyboardInterrupt

    _STOP_ASKED.clear()
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, stop)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, interrupt)


def _stop_if_asked() -> None:
    """Raise the interruption a signal asked for, if its handler's exception was lost."""
    if _STOP_ASKED:
        signum = _STOP_ASKED[0]
        raise KeyboardInterrupt if signum == signal.SIGINT else Terminated(signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "init":
            return _init(args.folder)
        project = Project.find(args.project)
        if args.command == "check":
            return _check(project, args)
        if args.command == "new":
            return _new(project, args.date)
        if args.command == "import":
            return _import(project, args)
        if args.command == "share":
            return _share(project, args)
        if args.command in ("watch", "serve"):
            return _live(project, args)
        return _build(project, args)
    except ContentErrors as exc:
        _report(exc.problems)
        print("nothing was written", file=sys.stderr)
        return exc.exit_code
    except DigestError as exc:
        print(f"digest: error: {exc.message}", file=sys.stderr)
        if getattr(args, "format", None) == "json":  # (a tool reads standard output)
            print(json.dumps({"ok": False, "error": exc.message}, ensure_ascii=False, indent=2))
        return exc.exit_code
    except KeyboardInterrupt as exc:
        print("digest: interrupted; the previous site is unchanged", file=sys.stderr)
        return 128 + (exc.signum if isinstance(exc, Terminated) else signal.SIGINT)


# What to do when the preview server cannot take its address.
_LISTEN_FIXES = {
    errno.EADDRINUSE: " (another program, or another digest serve, has it); stop it, or "
    "choose another port: digest serve --port {next}",
    errno.EACCES: "; ports below 1024 need privileges: choose one above, --port 8000",
    errno.EADDRNOTAVAIL: "; this machine has no such address: --host 127.0.0.1 serves this "
    "machine, --host 0.0.0.0 every network it is on",
}


def _report(problems: Sequence[Problem], shown: int | None = SHOWN) -> None:
    """Print problems in file order, the first `shown` of them in full (None: all, as
    `digest check` does), then how many there are."""
    for line in report_lines(problems, shown):
        print(line, file=sys.stderr)


def _check(project: Project, args: argparse.Namespace) -> int:
    from .build import check
    from .linkcheck import apply_fixes, changed_paths, link_problems, only_in

    strict: bool = args.strict
    if args.fix:
        for path, done in apply_fixes(project):
            print(f"fixed {path}: {done}", file=sys.stderr)
    changed = changed_paths(project, args.since) if args.since else None
    result = check(project, fork=True)  # this process runs no threads
    problems = list(result.problems)
    if result.library is not None:  # link hygiene once the content reads cleanly
        problems += link_problems(project, result.day_files, fork=True, only=changed)
    if changed is not None:
        problems = only_in(problems, changed)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    failed = bool(errors or (strict and warnings))
    if args.format == "json":
        print(json.dumps(_json_report(problems, failed), ensure_ascii=False, indent=2))
        return 1 if failed else 0
    _report(problems, None)
    if failed:
        return 1
    days = len(result.library.days) if result.library else 0
    headlines = sum(len(d.headlines) for d in result.library.days) if result.library else 0
    print(f"checked {_count(days, 'day')} and {_count(headlines, 'headline')}: no errors")
    return 0


def _json_report(problems: Sequence[Problem], failed: bool) -> dict[str, object]:
    return {
        "ok": not failed,
        "summary": summarise(problems),
        "problems": [
            {
                "path": p.location.path,
                "line": p.location.line,
                "column": p.location.column,
                "severity": p.severity.value,
                "field": p.field,
                "message": p.message,
            }
            for p in sort_problems(problems)
        ],
    }


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _today(project: Project) -> dt.date:
    return _now(project).date()


def _now(project: Project) -> dt.datetime:
    """The time now in the site's time zone (SOURCE_DATE_EPOCH's, when it is set)."""
    from .newday import read_checked_config

    site = read_checked_config(project).site
    return clock.local_time(clock.current_time(os.environ), site.timezone)


def _init(folder: Path) -> int:
    from .scaffold import create_project

    today = clock.local_date(clock.current_time(os.environ), "Europe/Kyiv")
    created = create_project(folder, today)
    for name in created:
        print(f"created {(folder / name).as_posix()}")
    print(
        f"next: fill in {(folder / 'content/site.yaml').as_posix()}, then run "
        f"digest build --drafts --project {folder.as_posix()}"
    )
    return 0


def _new(project: Project, date: dt.date | None) -> int:
    from .newday import create_day

    path = create_day(project, date or _today(project))
    print(f"created {project.relative(path)}")
    return 0


def _import(project: Project, args: argparse.Namespace) -> int:
    from .documents import read_listing_file
    from .newday import fetch_listing, import_listing

    name = "stdin" if args.file == "-" else args.file
    if args.file.startswith(("http://", "https://")):
        listing, page_url = fetch_listing(args.file)
    else:
        try:
            data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {name}: {exc.strerror}") from None
        listing = read_listing_file(data, name)
        page_url = listing.base
    if listing.note:
        print(f"{name}: note: {listing.note}", file=sys.stderr)
    date = args.date or _today(project)
    now = None if args.date else _now(project)  # "3 hours ago" is of today's listing only
    result = import_listing(
        project, listing.text, date, args.source, not args.dry_run, page_url, now
    )
    _report_import(name, result, args.dry_run)
    if result.problems:  # what the check finds in what was written: at once
        _report(result.problems)
    return 0 if result.days else 1  # (a script learns that nothing was found)


def _report_import(name: str, result: ImportResult, dry_run: bool) -> None:
    from .importdays import site_of

    for dropped in result.listing.dropped:
        print(f"{name}:{dropped.line}: dropped {dropped.text!r}: {dropped.reason}", file=sys.stderr)
    for note in result.listing.notes:
        print(f"{name}:{note.line}: note: {note.text!r}: {note.reason}", file=sys.stderr)
    for day in result.days:
        for skipped in day.skipped:
            print(
                f"{name}:{skipped.line}: skipped {skipped.text!r}: {skipped.reason} ({day.path})",
                file=sys.stderr,
            )
        for entry in day.added:
            if entry.url:  # with no source: counted with the others of its site below
                continue
            missing = "link and no source" if not entry.source else "link"
            print(
                f"{name}:{entry.line}: no {missing} for {entry.title!r}; written into the "
                f"draft {day.path}",
                file=sys.stderr,
            )
    hosts: dict[str, int] = {}
    for day in result.days:
        for entry in day.added:
            if entry.url and not entry.source:
                host = site_of(entry.url)
                hosts[host] = hosts.get(host, 0) + 1
    for host, linking in sorted(hosts.items(), key=lambda item: (-item[1], item[0])):
        then = "import again" if dry_run else "put its id in their `source:`"
        print(
            f"{name}: {_count(linking, 'headline')} link to {host}, the site of no source in "
            f"content/sources.yaml: add the outlet there (an id, with name: and url: "
            f"https://{host}/), then {then}",
            file=sys.stderr,
        )
    for day in result.days:
        count = _count(len(day.added), "headline")
        draft = " (draft: true)" if day.draft else ""
        if not day.added:
            print(f"{day.path}: nothing new")
        elif day.created:
            print(f"{day.path}: {'would create' if dry_run else 'created'} with {count}{draft}")
        else:
            print(f"{day.path}: {'would add' if dry_run else 'added'} {count}")
        if dry_run:  # what would be written, to be checked before it is
            for entry in day.added:
                time = f"{entry.time:%H:%M}" if entry.time else "-----"
                link = entry.url or "(no link)"
                said = [entry.source] if entry.source else []
                said += [entry.language] if entry.language else []  # the title's, not the site's
                source = f" [{', '.join(said)}]" if said else ""
                print(f"  {time}  {entry.title}  {link}{source}")
    if not result.days:
        print(f"{name}: no headlines found; nothing was written", file=sys.stderr)


def _share(project: Project, args: argparse.Namespace) -> int:
    from .newday import read_day
    from .share import share_day

    config, day = read_day(project, args.date, drafts=args.drafts)
    messages = share_day(day, config.site, config.sources, args.format, args.max_length)
    for number, message in enumerate(messages, start=1):
        if number > 1 and args.split_marker is not None:
            print(args.split_marker)
        elif number > 1:
            print()
        if len(messages) > 1 and args.split_marker is None:
            sys.stdout.flush()  # so the marker shows between the messages in a terminal
            print(f"--- message {number} of {len(messages)} ---", file=sys.stderr, flush=True)
        sys.stdout.write(message)
    return 0


# The last build's result, which holds all it made (BuildResult.made).
_BUILT: list[object] = []
# Whether the process ends as soon as the command returns (`run`, not `main` called from
# Python): then nothing the build made is ever freed.
_ENDS_AFTER = False


def _build(project: Project, args: argparse.Namespace) -> int:
    now = clock.current_time(os.environ)
    out = (args.out or project.default_output).absolute()
    start = time.perf_counter()
    inputs = uptodate.stamp(project, out, args.drafts)
    if not args.force:  # before loading the builder: with nothing to do, answer at once
        last = uptodate.current(project, out, inputs, now, args.strict)
        if last is not None:
            remove_dead_builds(out)
            _report(last.warnings)
            if not args.quiet:
                print(
                    f"{out} is up to date: nothing changed since the last build "
                    f"({last.pages} pages, {last.feeds} feeds; checked in "
                    f"{time.perf_counter() - start:.2f} s; --force builds anyway)"
                )
            return 0
    from .build import Timings, build

    if _ENDS_AFTER:
        # Python's cycle collector, switched on again after the build, would scan its
        # millions of objects once more before the process ends (0.1-0.2 s on ten years).
        gc.disable()
    timings = Timings()
    result = build(
        project,
        out,
        strict=args.strict,
        timings=timings,
        now=now,
        drafts=args.drafts,
        force=args.force,
        inputs=inputs,
        checked=True,
        record=not args.no_record,
        placed=SHOWN,
    )
    # Kept until the next build, so `run` exits without freeing the build's objects one
    # by one (0.1 s on ten years, after an edit or a full build).
    _BUILT[:] = [result]
    _report(result.warnings)
    total = time.perf_counter() - start  # from the check for changes to the records saved
    if not args.quiet:
        print(
            f"built {result.pages} pages and {result.feeds} feeds into {result.out_dir} "
            f"({result.files} files, {result.bytes_written / 1e6:.1f} MB written"
            + (f", {result.linked} unchanged files reused" if result.linked else "")
            + f") in {total:.2f} s"
        )
    if args.timings:
        for name, seconds in timings.stages.items():
            print(f"  {name:<14} {seconds * 1000:8.0f} ms")
        # So the lines add up to the total: what ran between the stages (loading modules).
        print(f"  {'between stages':<14} {(total - sum(timings.stages.values())) * 1000:8.0f} ms")
        peaks = peak_memory()
        if peaks is not None:
            print(
                f"  peak memory: {peaks[0]:.0f} MiB in digest, {peaks[1]:.0f} MiB in the "
                "largest process it ran (Pagefind, the second renderer)"
            )
    return 0


def peak_memory() -> tuple[float, float] | None:
    """Return the peak resident memory, in MiB, of this process and of the largest process
    it ran and waited for (the largest of Pagefind and the forked renderer; the workers
    that parse day files are the forkserver's), or None where the system does not say."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 2**20
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit / 2**20
    return own, helpers


def _live(project: Project, args: argparse.Namespace) -> int:
    """Run `watch` or `serve` until Ctrl-C: build, wait for changes, build again."""
    if args.command == "serve":
        out = args.out or project.root / CACHE_FOLDER / "serve"
    else:
        out = args.out or project.default_output
    # An output folder no build may take (one in content/, a folder digest did not make)
    # is refused now, not after every save while the server serves nothing.
    check_output_folder(out, (project.content_dir, project.templates_dir))
    # One serve or watch a folder: a second would write over the first's files and spares.
    with LiveLock(project.root / CACHE_FOLDER, out):
        return _live_in(project, args, out)


def _live_in(project: Project, args: argparse.Namespace, out: Path) -> int:
    """`_live` once the output folder is held."""
    from .build import Builder
    from .cache import save_cache
    from .reader import read_config
    from .serve import PreviewServer
    from .watch import Watcher

    serving = args.command == "serve"
    # The first build forks, as `digest build` does (both cores read and render; digest
    # watch's Pagefind, and a new preview's, indexes beside them): no thread runs until it
    # is done (`_first_build`).
    builder = Builder(
        project,
        out,
        drafts=serving or args.drafts,
        in_place=serving,
        keep_site=not serving,
        parallel=parallel.can_fork(),
    )
    builder.resume()  # what the last build left (`digest build`'s too): cache and records
    # Both rewrite the folder (the preview with drafts and future days, even in a site/ it
    # was told to use): a `digest build` into it after them must build, not find it up to date
    uptodate.forget(project.root, out)
    server = None
    if serving:
        config, _ = read_config(project)
        base_path = config.site.base_path if config else "/"
        try:
            server = PreviewServer(out, args.host, args.port, base_path)
        except OSError as exc:
            hint = _LISTEN_FIXES.get(exc.errno or 0, "").format(next=args.port + 1)
            raise UsageError(
                f"cannot listen on {args.host}:{args.port}: {exc.strerror}{hint}"
            ) from None
    watcher = Watcher(project.root, poll=args.poll)
    # The first build of a long digest takes seconds (ten years from nothing: about 15),
    # and the server answers only after it: say what is going on.
    then = "; serving once it is built" if server is not None else ""
    print(f"building {out}{then}", flush=True)
    try:
        _first_build(builder, server, watcher)
        _stop_if_asked()
        if server is not None:
            server.start()
            print(f"serving {out} at {server.addresses} (Ctrl-C stops)", flush=True)
        else:
            print(f"watching {project.root} (Ctrl-C stops)", flush=True)
        searching = 0.0  # when the search started catching up
        while True:
            running = builder.search_running is not None
            changed = watcher.next_changes(
                quiet=0.1, timeout=0.1 if running else 0.5, meanwhile=builder.precheck
            )
            _stop_if_asked()
            if not changed:
                today = builder.new_day()
                if today is not None:
                    # Days dated today are published now (watch, without --drafts): a site
                    # left watching overnight shows them without a save.
                    print(f"{today} has begun in the site's time zone: rebuilding", flush=True)
                    _live_build(builder, server, "rebuilt", set())
                elif builder.collect_when_idle:
                    builder.collect_when_idle = False
                    gc.collect()  # after a change to the configuration, a template: 0.8 s
                else:
                    builder.prepare()  # what the next save would do first (watch)
                    if running or builder.search_pending is not None:
                        searching = _catch_up_search(builder, searching)
                continue
            names = sorted(project.relative(p) for p in changed)
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            print(f"changed: {shown}", flush=True)
            # The build stops a search catching up (the page first); it starts again when idle.
            _live_build(builder, server, "rebuilt", changed)
    except KeyboardInterrupt:
        stale = server is None and (
            builder.search_pending is not None or builder.search_running is not None
        )
        print("stopped", flush=True)
        if stale:  # saved, then stopped before the search caught up
            print(
                f"the search index in {out} is older than the pages: `digest build` brings it "
                "up to date",
                flush=True,
            )
        return 0
    finally:
        builder.stop_search()
        if watcher.observer.is_alive():
            watcher.stop()
        if server is not None:
            server.stop()
        remove_spares(out)  # the preview's (output.py)
        save_cache(project.root, builder.parse_cache)  # for a quicker next start
        builder.record_files()


def _first_build(builder: Builder, server: PreviewServer | None, watcher: Watcher) -> None:
    """Start watching and build for the first time. A Builder that forks (`parallel`)
    builds before the watcher's threads start (and the server's: the caller starts it
    after), forking being safe only without threads (parallel.py), and is one that never
    forks after; a file saved during that build is found by comparing the watched files
    before it and after the watcher started (by size, time and inode: Watcher.snapshot),
    and built at once. Ten years from nothing were watched after 16.8–20.0 s with the
    search made, against 19.4 s in one process without it (its own build, seconds more,
    still to come)."""
    if not builder.parallel:
        watcher.start()
        _live_build(builder, server, "built")
        return
    before = watcher.snapshot()
    _live_build(builder, server, "built")
    builder.parallel = False
    watcher.start()
    if watcher.snapshot() != before:
        print("changed: files saved during the first build", flush=True)
        _live_build(builder, server, "rebuilt")


def _catch_up_search(builder: Builder, started: float) -> float:
    """Once nothing changes, bring the search index up to date: start Pagefind (in
    processes of its own), and on a later call write what it made (watch: in a new site
    built with it). Return when it started. A save meanwhile stops it (Builder.build
    does), so the page comes first."""
    try:
        if builder.search_running is None:
            builder.start_search()
            return time.perf_counter()
        if not builder.search_running[0].done():
            return started
        builder.finish_search()
    except ContentErrors as exc:  # digest watch's second build: a template broken since
        _report(exc.problems)
        return started
    except DigestError as exc:
        print(f"digest: error: {exc.message}", file=sys.stderr, flush=True)
        return started
    except Exception:  # the watcher keeps going, as after a failed build
        traceback.print_exc()
        return started
    print(f"search index updated in {time.perf_counter() - started:.1f} s", flush=True)
    return started


def _live_build(
    builder: Builder,
    server: PreviewServer | None,
    verb: str,
    changed: set[Path] | None = None,
) -> None:
    """Build once for watch/serve: report, tell the browsers; never let an error escape.
    `changed`: the files the watcher saw change since the last build (None: look at all)."""
    from .build import collection_deferred

    with collection_deferred():  # after the browsers are told, not before
        _build_and_tell(builder, server, verb, changed)


def _build_and_tell(
    builder: Builder, server: PreviewServer | None, verb: str, changed: set[Path] | None
) -> None:
    started = time.perf_counter()
    if server is not None:
        server.state.rebuilding()  # said on the open pages if it takes a while
    try:
        # The search catches up when idle.
        result = builder.build(with_search=False, changed=changed, placed=SHOWN)
    except ContentErrors as exc:
        _report(exc.problems)
        if (builder.out_dir / MARKER).is_file():
            print("the last good site is still in place; fix the file and save again", flush=True)
        else:
            print("nothing is built yet; fix the file and save again", flush=True)
        if server is not None:
            server.state.failed("\n".join(report_lines(exc.problems, SHOWN)))
        return
    except DigestError as exc:
        print(f"digest: error: {exc.message}", file=sys.stderr, flush=True)
        if server is not None:
            server.state.failed(exc.message)
        return
    except Exception as exc:
        traceback.print_exc()
        if server is not None:
            server.state.failed(f"internal error: {exc!r} (please report it)")
        return
    _report(result.warnings)
    library = builder.library
    if server is not None and library is not None and server.move_to(library.site.base_path):
        # base_url's path changed in site.yaml: the pages link there now, and so it is served
        print(f"serving at {server.addresses} (the base path of site.yaml's base_url)", flush=True)
    seconds = time.perf_counter() - started
    print(
        f"{verb} in {seconds * 1000:.0f} ms: {result.rendered} of {result.pages} pages rendered, "
        f"{result.written} files written",
        flush=True,
    )
    if server is not None:  # warnings shown on the page too: the editor is looking there
        warned = "\n".join(report_lines(result.warnings, SHOWN)) if result.warnings else None
        server.state.built(warned)

"""Problems found in content, and the exceptions that carry them to the CLI.

Every problem knows where it is (path relative to the project, line and column counted
from 1 at the top of the file), which field it concerns, and what to do about it. One
formatter turns it into `path:line:col: field: message`, the shape editors' tools jump to.
"""

from __future__ import annotations

import difflib
import errno
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A place in a file: path relative to the project folder, 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # not a problem yet: what a draft still misses


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: where, which field, what and how to fix it."""

    location: Location
    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        # The message breaks ties, so two problems at one place print in a fixed order.
        return (loc.path, loc.line or 0, loc.column or 0, self.field, self.message)

    def format(self) -> str:
        """Render as `path:line:col: field: message`, warnings marked after the location."""
        prefix = f"{self.location}: "
        if not self.is_error:
            prefix += f"{self.severity.value}: "
        if self.field:
            prefix += f"{self.field}: "
        return prefix + self.message


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Return problems in file order, without exact duplicates."""
    return sorted(set(problems), key=Problem.sort_key)


def summarise(problems: Iterable[Problem]) -> str:
    """Say how many errors and warnings there are and in how many files: '3 errors in 2 files'."""
    problems = list(problems)
    parts = []
    for severity, word in (
        (Severity.ERROR, "error"),
        (Severity.WARNING, "warning"),
        (Severity.NOTE, "note"),
    ):
        found = [p for p in problems if p.severity is severity]
        if found:
            files = {p.location.path for p in found}
            parts.append(f"{_plural(len(found), word)} in {_plural(len(files), 'file')}")
    return ", ".join(parts) if parts else "no problems"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def report_lines(problems: Iterable[Problem], shown: int | None = None) -> list[str]:
    """Return the lines that report `problems`: each in file order, then the summary.

    With `shown`, only the first `shown` problems are given in full, then how many more
    there are and what most of them say: a tag renamed in tags.yaml before the days that
    use it made 8,716 errors on ten years, 1.5 MB in an editor's terminal, every one of
    them the same. `digest check` lists every problem, and after more than SHOWN of them
    what they say most often, at the end of the terminal where the editor looks.
    """
    ordered = sort_problems(problems)
    if not ordered:
        return []
    lines = [p.format() for p in ordered[:shown]]
    rest = ordered[shown:] if shown is not None else []
    if rest:
        lines.append(f"... and {len(rest)} more, not shown (`digest check` lists them all)")
        kinds = Counter(_kind(p) for p in rest)
        for kind, count in kinds.most_common(KINDS_SHOWN):
            if count > 1:
                lines.append(f"    {count} more: {kind}")
    elif shown is None and len(ordered) > SHOWN:
        often = [(k, n) for k, n in Counter(map(_kind, ordered)).most_common(KINDS_SHOWN) if n > 1]
        if often:
            lines.append("said most often:")
            lines += [f"    {count} times: {kind}" for kind, count in often]
    lines.append(summarise(ordered))
    return lines


def _kind(problem: Problem) -> str:
    """What a problem says, wherever it is (its message, marked when it is a warning)."""
    if problem.is_error:
        return problem.message
    return f"{problem.severity.value}: {problem.message}"


# How many problems build, serve and watch report in full; the number of messages they
# summarise after those, when many problems say the same.
SHOWN = 20
KINDS_SHOWN = 3


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest choice, or "" when none is close."""
    if isinstance(word, str):
        # Remembered: a tag renamed in tags.yaml before its days are is thousands of
        # references to one unknown name (difflib took 20 s for 17,000 on ten years).
        return _closest(word, tuple(sorted(choices)))
    return _closest.__wrapped__(word, tuple(sorted(choices)))


@functools.lru_cache(maxsize=256)
def _closest(word: str, choices: tuple[str, ...]) -> str:
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not matches and isinstance(word, str):
        lowered = {c.lower(): c for c in choices}
        if word.lower() in lowered:
            matches = [lowered[word.lower()]]
    return f" (did you mean '{matches[0]}'?)" if matches else ""


# The lines git writes around a conflict it leaves for a person to resolve: "<<<<<<< HEAD",
# "||||||| base" (diff3), "=======", ">>>>>>> branch".
_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?$", re.MULTILINE)
_OPENS, _SPLITS, _CLOSES = "<" * 7, "=" * 7, ">" * 7


def merge_conflicts(text: str) -> list[tuple[int, str]]:
    """Return where a text holds a merge conflict git left unresolved, as (line, message):
    its first marker line. A conflict is a line of seven '<' (then a space or nothing),
    and what is left of one once its first line is deleted, a line of seven '=' before a
    line of seven '>'; a line of seven '=' alone is a Markdown heading's underline."""
    if _OPENS not in text and _CLOSES not in text:  # most texts: one search at C speed
        return []
    found: list[tuple[int, str]] = []
    opened: int | None = None  # the line of the conflict's "<<<<<<<"
    split: int | None = None  # the line of a "=======" since the last conflict ended
    for match in _MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        marker = match.group(1)
        if marker == _OPENS and opened is None:
            opened, split = line, None
        elif marker == _SPLITS and opened is None:
            split = line
        elif marker == _CLOSES and (opened is not None or split is not None):
            if opened is not None:
                message = (
                    f"an unresolved merge conflict, from this line to line {line}: keep the "
                    "lines you want, delete the others and git's marker lines ('<<<<<<<', "
                    "'=======', '>>>>>>>'), then save"
                )
                found.append((opened, message))
            else:
                message = (
                    f"what is left of a merge conflict: this line and line {line} "
                    "('=======' and '>>>>>>>') are git's markers; keep the lines you want "
                    "between and around them, delete the others and the markers, then save"
                )
                found.append((split or line, message))
            opened = split = None
    if opened is not None:  # never closed
        message = (
            "an unresolved merge conflict starts here (git's '<<<<<<<' marker): keep the "
            "lines you want, delete the others and git's marker lines, then save"
        )
        found.append((opened, message))
    return found


class DigestError(Exception):
    """Base of the errors the CLI reports; each knows its exit status."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(DigestError):
    """The command was called wrongly (bad folder, bad option value): exit status 2."""

    exit_code = 2


class ContentErrors(DigestError):
    """The content has errors; nothing was written. Carries every problem found."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sort_problems(problems)
        super().__init__(summarise(self.problems))


class OutputError(DigestError):
    """The site could not be written (permissions, disk, a refused output folder)."""

    exit_code = 1


# What to do when the system refuses a write, by its error number; the rest are said as
# the system says them.
_OS_FIXES = {
    errno.ENOSPC: "the disk is full; free some space and run it again",
    errno.EDQUOT: "the disk quota is used up; free some space and run it again",
    errno.EROFS: "the file system is read-only; write to another folder (--out)",
    errno.EACCES: "permission denied{on}; make it writable or write to another folder (--out)",
    errno.EPERM: "not permitted{on}; make it writable or write to another folder (--out)",
    errno.EMFILE: "too many files are open; raise the limit (ulimit -n) and run it again",
}


def os_failure(exc: OSError) -> str:
    """Say why the system refused a file operation, and what to do about it."""
    fix = _OS_FIXES.get(exc.errno or 0)
    if fix is None:
        return str(exc.strerror or exc)
    return fix.format(on=f" on {exc.filename}" if exc.filename else "")

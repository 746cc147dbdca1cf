"""Problems found in content, and the exceptions that carry them to the CLI.

Every problem knows where it is (path relative to the project, line and column counted
from 1 at the top of the file), which field it concerns, and what to do about it. One
formatter turns it into `path:line:col: field: message`, the shape editors' tools jump to.
"""

from __future__ import annotations

import difflib
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


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest choice, or "" when none is close."""
    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    if not matches and isinstance(word, str):
        lowered = {c.lower(): c for c in choices}
        if word.lower() in lowered:
            matches = [lowered[word.lower()]]
    return f" (did you mean '{matches[0]}'?)" if matches else ""


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

"""Where a digest's files are: the project folder, its content/ and its templates/.

Paths shown to editors are relative to the project folder ("content/site.yaml"), so the
messages read the same on every machine and editors' tools can open them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

CONFIG_FILES = ("site.yaml", "sources.yaml", "tags.yaml")


@dataclass(frozen=True)
class Project:
    """A folder that holds a digest: content/ and, optionally, templates/ overrides."""

    root: Path

    @classmethod
    def find(cls, folder: Path) -> Project:
        """Return the project in `folder`, or raise UsageError when it has no content/."""
        root = folder.resolve()
        if not (root / "content").is_dir():
            raise UsageError(
                f"{folder} holds no content/ folder: run digest in the folder of a digest, "
                "or pass --project DIR"
            )
        return cls(root)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def digests_dir(self) -> Path:
        return self.content_dir / "digests"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def default_output(self) -> Path:
        return self.root / "site"

    def relative(self, path: Path) -> str:
        """Return `path` as editors see it: relative to the project, with forward slashes."""
        text, root = str(path), str(self.root)
        if os.sep == "/" and text.startswith(root.rstrip("/") + "/"):
            return text[len(root.rstrip("/")) + 1 :]  # as relative_to, without its parsing
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def theme_dir() -> Path:
    """Return the bundled default theme: builder/theme/ when installed, else ../templates/.

    A wheel carries the repository's templates/ as builder/theme/ (see pyproject.toml); a
    source checkout or an editable install uses templates/ beside the package.
    """
    package = Path(__file__).resolve().parent
    installed = package / "theme"
    return installed if installed.is_dir() else package.parent / "templates"


def template_dirs(project: Project) -> list[Path]:
    """Return where templates are looked up: the project's templates/, then the theme."""
    return [d for d in (project.templates_dir, theme_dir()) if d.is_dir()]

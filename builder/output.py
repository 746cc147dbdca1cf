"""Writing the site: claimed paths, a build folder beside the output, an atomic swap.

The new site is written into a hidden folder next to the output folder (same file system)
and swapped in only when complete: on Linux with one atomic renameat2(RENAME_EXCHANGE), so
at every instant the output folder is either the complete old site or the complete new
one; elsewhere with two renames. A failed or interrupted build leaves the old site as it
was, and the next build removes the leftovers of interrupted ones.

The build folder may be the site before the one it replaces, put aside (parked) by the
last build: then its files that are still right stay as they are, every other file is
removed or made anew (never written into: it may share its bytes with the site in place,
see reuse.py), and its folders are there already. On ten years, making 13,000 folders and
linking 15,000 files into an empty one, and deleting the old site after the swap, took
a build 2-3 s. A large old site that is not parked (the new one was made nearly all anew)
is deleted by a process of its own, which the build does not wait for.

Every output path is claimed once: a second claim (two pages, one file) is an error, and a
path that could leave the build folder (`..`, absolute, backslashes, NUL) is refused.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import hashlib
import itertools
import os
import secrets
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from . import parallel
from .errors import OutputError, os_failure

MARKER = ".digest-site"
MARKER_TEXT = b"This folder is made by `digest build` and replaced whole on every build.\n"
_RENAME_EXCHANGE = 2
_HASH_BITS = (1 << 64) - 1
_AT_FDCWD = -100


class SiteWriter:
    """Collects the files of one build and swaps them into place on `commit`."""

    stage = "building"

    def __init__(
        self,
        out_dir: Path,
        protected: tuple[Path, ...] = (),
        adopt: Path | None = None,
        listing: Listing | None = None,
    ) -> None:
        """`adopt`: a site an earlier build parked (`commit`), to build in (same file
        system); where it cannot be taken, the build starts from an empty folder.
        `listing`: its files, as `list_parked` found them (then, if the folder is still
        the one listed, it is not listed again)."""
        self.out_dir = out_dir.absolute()
        self.claims: dict[str, str] = {}
        self.folders: set[Path] = set()  # made, or found to be folders, in the build folder
        self.bytes_written = 0
        self.files_written = 0
        self.files_linked = 0  # unchanged files taken from the old site (link)
        check_output_folder(self.out_dir, protected)
        self.prefix = f".{self.out_dir.name}.{self.stage}-"
        self.build_dir = self.out_dir.parent / f"{self.prefix}{os.getpid()}-{secrets.token_hex(4)}"
        self.adopt = adopt
        self.listing = listing
        self.listed_ahead = False  # the adopted folder's files are `listing`'s
        self.adopted = False  # the build folder is the parked site
        # The files in the build folder before the build (output paths), when it is an
        # adopted one: each is removed, or claimed and then kept or made anew.
        self.present: set[str] = set()
        self.aside: list[Path] = []  # folders to delete once the build is done (set_aside)
        self.handed_off = False  # the old site is being deleted by a process of its own
        self.made: set[str] = set()  # folders `write` made in a new build folder, as text

    keeps_build_dir = False  # the preview keeps its folder of spares (InPlaceWriter)

    def __enter__(self) -> SiteWriter:
        try:
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            if self._first_of_its_kind():
                remove_leftovers(self.out_dir.parent, self.prefix)
            if self.adopt is not None and self._take(self.adopt):
                return self
            self.build_dir.mkdir(exist_ok=self.keeps_build_dir)
        except OSError as exc:
            raise OutputError(
                f"cannot create the build folder {self.build_dir}: {os_failure(exc)}"
            ) from exc
        return self

    def _take(self, parked: Path) -> bool:
        """Take a parked site as the build folder, and list its files; False (and the
        parked site deleted) if it is gone, or holds anything but folders and files: a
        link there could lead a write out of the site."""
        listed = self.listing
        if listed is not None and listed.identity != _parked_identity(parked):
            listed = None  # moved or changed since: listed again
        try:
            os.rename(parked, self.build_dir)  # atomic: of two builds, one takes it
        except OSError:
            shutil.rmtree(parked, ignore_errors=True)
            return False
        present = set(listed.files) if listed is not None else _plain_files(self.build_dir)
        self.listed_ahead = listed is not None
        if present is None:
            shutil.rmtree(self.build_dir, ignore_errors=True)
            return False
        present.discard(MARKER)
        self.present, self.adopted = present, True
        self.folders = {self.build_dir}
        return True

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self.keeps_build_dir and not self.handed_off and self.build_dir.exists():
            shutil.rmtree(self.build_dir, ignore_errors=True)
        for folder in self.aside:  # after the build: its writing and this do not compete
            if not delete_in_background(folder):
                shutil.rmtree(folder, ignore_errors=True)
        self.aside = []

    def _first_of_its_kind(self) -> bool:
        """Whether what interrupted builds left beside the output is to be removed now."""
        return True

    def claim(self, output_path: str, claimant: str) -> Path:
        """Reserve `output_path` for `claimant` and return the file to write it to."""
        self._claim_checked(output_path, claimant)
        return self.build_dir.joinpath(*output_path.split("/"))

    def _claim_checked(self, output_path: str, claimant: str) -> None:
        """Reserve `output_path` for `claimant`, refusing a second claim or an unsafe path."""
        if output_path in self.claims:
            raise OutputError(
                f"two things would be written to {output_path}: {self.claims[output_path]} "
                f"and {claimant}"
            )
        _check_output_path(output_path)
        self.claims[output_path] = claimant

    def write(self, output_path: str, data: bytes | str, claimant: str) -> None:
        """Write one file of the new site."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if self.adopted:  # files and folders there already: the careful way
            target = self.claim(output_path, claimant)
            try:
                self._make_room(output_path, target)
                target.write_bytes(data)
            except OSError as exc:
                raise OutputError(f"cannot write {output_path}: {os_failure(exc)}") from exc
        else:
            name = self._fresh(output_path, claimant)
            try:
                self._make_folder(name)
                _write_new(name, data)
            except OSError as exc:
                raise OutputError(f"cannot write {output_path}: {os_failure(exc)}") from exc
        self.bytes_written += len(data)
        self.files_written += 1

    def _fresh(self, output_path: str, claimant: str) -> str:
        """`claim` for a new build folder, which holds only what this build made in it:
        return the file to write, as text. A cold build writes 18,000 files, and pathlib
        took 0.3 s of one core more than this."""
        self._claim_checked(output_path, claimant)
        return f"{os.fspath(self.build_dir)}/{output_path}"

    def _make_folder(self, name: str) -> None:
        """Make the folder of a file of a new build folder, once (`made`)."""
        folder = name.rpartition("/")[0]
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)

    def _make_room(self, output_path: str, target: Path) -> None:
        """Make the folder of a file about to be written or linked, and take away the file
        an adopted folder has there (it is never written into)."""
        if self.listed_ahead and target.parent not in self.folders:
            _no_link_above(target.parent, self.build_dir, self.folders)
        if output_path in self.present:
            try:
                target.unlink()
            except IsADirectoryError:
                shutil.rmtree(target)
            except FileNotFoundError:
                pass
        if target.parent in self.folders:  # one mkdir per folder, not per file
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            if not self.adopted:
                raise
            _no_link_above(target.parent, self.build_dir, self.folders)  # a file there
            target.parent.mkdir(parents=True, exist_ok=True)
        self.folders.add(target.parent)

    def copy(self, output_path: str, source: Path, claimant: str) -> None:
        """Copy a static file into the new site."""
        try:
            data = source.read_bytes()
        except OSError as exc:  # removed or made unreadable since the build listed it
            raise OutputError(
                f"cannot copy {source} to {output_path}: {os_failure(exc)}"
                " (was it moved or deleted during the build? build again)"
            ) from exc
        self.write(output_path, data, claimant)

    def link(self, output_path: str, source: Path | str, claimant: str) -> None:
        """Put the old site's file `source` into the new site as a hard link: the two share
        their bytes, and neither is ever written again. Where the file system cannot link,
        the bytes are copied. In an adopted folder, `source` may be the file already there
        (the caller found it unchanged): it stays (its path was checked when it was
        written: a second claim is all there is to refuse)."""
        if output_path in self.present and os.fspath(source) == os.path.join(
            self.build_dir, output_path
        ):
            if output_path in self.claims:
                self.claim(output_path, claimant)  # raises, naming both claimants
            self.claims[output_path] = claimant
            self.files_linked += 1
            return
        target: Path | str
        try:
            if self.adopted:
                target = self.claim(output_path, claimant)
                self._make_room(output_path, target)
            else:
                target = self._fresh(output_path, claimant)
                self._make_folder(target)
            os.link(source, target, follow_symlinks=False)
        except OSError:
            del self.claims[output_path]
            try:
                data = Path(source).read_bytes()
            except OSError as exc:
                raise OutputError(
                    f"cannot reuse {output_path} of the last build: {os_failure(exc)}"
                ) from exc
            self.write(output_path, data, claimant)
            return
        self.files_linked += 1

    def _old_name(self) -> Path:
        """A new name beside the output for a folder being deleted: an interrupted build's
        leftover, which the next build removes (`remove_leftovers`) if this one cannot."""
        return self.out_dir.parent / f"{self.prefix}{os.getpid()}-old-{secrets.token_hex(4)}"

    def set_aside(self, folder: Path) -> None:
        """Delete a folder an earlier build left for this one to build in, which it does
        not take (parked for a build whose record is gone, `--force`, `--no-record`): moved
        at once beside the output under a leftover's name, and deleted once the build is
        done by a process of its own, as an old site is (`commit`): ten years took 1.7 s
        to delete in the build. Where it cannot be moved there (another file system) it
        is deleted here and now."""
        aside = self._old_name()
        try:
            os.rename(folder, aside)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            return
        self.aside.append(aside)

    def keep_adopted(self, kept: dict[str, str]) -> None:
        """`link` each of these files (output path -> claimant), which the adopted folder
        has (`present`), to itself, at once: a build keeps thousands where they are."""
        if not self.claims.keys().isdisjoint(kept):
            for output_path, claimant in kept.items():
                self.link(output_path, self.build_dir / output_path, claimant)  # raises
        self.claims.update(kept)
        self.files_linked += len(kept)

    def commit(self, park: Path | None = None) -> bool:
        """Swap the complete new site into place and remove the old one, or, with `park`,
        move it there (same file system) for a later build to adopt. Return whether the
        old site is parked there."""
        try:
            if self.present:  # what an adopted folder has that no page claims goes
                for gone in self.present.difference(self.claims):
                    target = self.build_dir / gone
                    if self.listed_ahead:
                        _no_link_above(target.parent, self.build_dir, self.folders)
                    try:
                        target.unlink(missing_ok=True)
                    except IsADirectoryError:  # a file where this build made a folder
                        continue
                    _remove_empty_parents(target.parent, self.build_dir)
            marker = self.build_dir / MARKER
            marker.unlink(missing_ok=True)  # a new one: the folder's identity (uptodate.py)
            marker.write_bytes(MARKER_TEXT)
            if not self.out_dir.exists():
                os.rename(self.build_dir, self.out_dir)
                return False
            if not _exchange(self.build_dir, self.out_dir):
                old = self._old_name()
                os.rename(self.out_dir, old)
                os.rename(self.build_dir, self.out_dir)
                self.build_dir = old
        except OSError as exc:
            raise OutputError(
                f"cannot move the new site into {self.out_dir}: {os_failure(exc)}"
            ) from exc
        if park is not None:
            try:
                os.rename(self.build_dir, park)
                return True
            except OSError:
                pass
        if len(self.claims) >= BACKGROUND_DELETION and delete_in_background(self.build_dir):
            self.handed_off = True
        else:
            shutil.rmtree(self.build_dir, ignore_errors=True)
        return False


class InPlaceWriter(SiteWriter):
    """Updates an output folder file by file, for the preview server.

    Each changed file is written into a spare file, in a folder beside the output that the
    preview keeps from build to build; `commit` then exchanges the spare with the file it
    replaces in one atomic step (Linux renameat2; a rename elsewhere), so a reader never
    sees half a file, and the old version becomes the spare that the next change of that
    file is written into. It deletes the files of pages that are gone. A build that fails
    before `commit` leaves the output folder as it was. Files whose bytes did not change are
    not touched; pages the caller `keep`s are not even rendered.

    (Overwriting a spare and exchanging names is five times quicker on ext4 than creating a
    file and renaming it over the old one: a headline added to ten years writes 270 files.)
    """

    stage = "staging"

    def __init__(
        self, out_dir: Path, protected: tuple[Path, ...], manifest: dict[str, str]
    ) -> None:
        super().__init__(out_dir, protected)
        made = (self.out_dir / MARKER).is_file()  # by an earlier build
        self.previous = manifest if made else {}
        self.new_preview = not self.previous
        if self.new_preview and made:
            # A new preview of a folder an earlier one made: what it holds is unknown (a
            # day deleted since has its page there); it is all written again, or deleted.
            self.previous = dict.fromkeys(files_under(self.out_dir), "")
        # output path -> length and hash of its bytes, after commit (in this process only)
        self.manifest: dict[str, str] = {}
        # (spare, the file it goes to), as text: a tag renamed on ten years stages 12,500
        self.staged: list[tuple[str, str]] = []
        self.build_dir = spares_folder(self.out_dir)

    keeps_build_dir = True  # the spares stay for the next build

    def _first_of_its_kind(self) -> bool:
        return self.new_preview  # the spares of killed ones are of no use

    def _spare(self, output_path: str) -> str:
        name = hashlib.blake2b(output_path.encode(), digest_size=12).hexdigest()
        return f"{os.fspath(self.build_dir)}/{name}"

    def write(self, output_path: str, data: bytes | str, claimant: str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        # The manifest lives in memory, in one process: Python's own hash of the bytes (64
        # bits, with their length) tells a changed file four times quicker than blake2b.
        digest = f"{len(data)}-{hash(data) & _HASH_BITS:x}"
        if self.previous.get(output_path) == digest:
            self.keep(output_path, claimant)
            return
        self._claim_checked(output_path, claimant)
        path = self._spare(output_path)
        try:
            spare = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o666)
            if os.fstat(spare).st_nlink > 1:  # the old file is linked elsewhere too (a
                os.close(spare)  # copy made with cp -al or rsync --link-dest): left alone
                os.unlink(path)
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
                spare = os.open(path, flags, 0o666)
            try:  # in place: no new file, no new blocks
                _write_all(spare, data)
                os.ftruncate(spare, len(data))
            finally:
                os.close(spare)
        except OSError as exc:
            raise OutputError(f"cannot write {output_path}: {os_failure(exc)}") from exc
        self.bytes_written += len(data)
        self.files_written += 1
        self.manifest[output_path] = digest
        self.staged.append((path, f"{os.fspath(self.out_dir)}/{output_path}"))

    def keep(self, output_path: str, claimant: str) -> None:
        """Claim a file that stays as it is from the previous build (its path was checked
        when it was written: a second claim is all there is to refuse)."""
        if output_path in self.claims:
            self.claim(output_path, claimant)  # raises, naming both claimants
        self.claims[output_path] = claimant
        self.manifest[output_path] = self.previous.get(output_path, "")

    def take_written(
        self,
        made: list[tuple[str, str, int]],
        digests: list[str],
        staged: list[tuple[str, str]],
    ) -> None:
        """Take what a forked copy of this writer wrote (or kept): each file's path,
        claimant and bytes written (0: kept as it was), the hash of its bytes, and the
        spares it staged, to be put in place by `commit` as this writer's own."""
        for (path, claimant, size), digest in zip(made, digests, strict=True):
            if path in self.claims:
                self.claim(path, claimant)  # raises, naming both claimants
            self.claims[path] = claimant
            self.manifest[path] = digest
            if size:
                self.bytes_written += size
                self.files_written += 1
        self.staged.extend(staged)

    def keep_all(self, kept: dict[str, str]) -> None:
        """`keep` each file (output path -> claimant) at once: a preview keeps thousands."""
        if not self.claims.keys().isdisjoint(kept):
            for output_path, claimant in kept.items():
                self.keep(output_path, claimant)  # raises at the first claimed twice
        self.claims.update(kept)
        previous = self.previous
        self.manifest.update({path: previous.get(path, "") for path in kept})

    def commit(self, park: Path | None = None) -> bool:
        """Move the changed files into place, then delete the files no page claims now
        (nothing is parked: there is no old site)."""
        assert park is None
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            for spare, target in self.staged:
                _put_in_place(spare, target)
            self.staged = []
            for gone in sorted(set(self.previous) - set(self.claims)):
                file = safe_join(self.out_dir, gone)
                file.unlink(missing_ok=True)
                Path(self._spare(gone)).unlink(missing_ok=True)
                _remove_empty_parents(file.parent, self.out_dir)
            (self.out_dir / MARKER).write_bytes(MARKER_TEXT)
        except OSError as exc:
            raise OutputError(f"cannot update {self.out_dir}: {os_failure(exc)}") from exc
        return False


def delete_in_background(folder: Path) -> bool:
    """Start deleting `folder` in a process of its own, which outlives this one; False if
    it cannot be started (then nothing is done).

    A site replaced by one whose files were nearly all made anew (a template edited, a
    new version of digest, `--force`) shares no files with it, and deleting ten years of
    it (585 MB, 31,000 files and folders) took 3.3 s at the end of the build. The folder
    keeps its name, which holds this process's id: if the deleting process dies, the next
    build removes the folder as an interrupted build's leftover.
    """
    if not hasattr(os, "fork"):
        return False
    command = [sys.executable, "-I", "-S", "-c", _DELETE, str(folder)]
    try:
        started = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return started.returncode == 0


# Sites of this many files or more are deleted in the background (delete_in_background):
# deleting a small one costs less than starting a process.
BACKGROUND_DELETION = 1000
# The process started forks the one that deletes, and ends: it is waited for at once, and
# the deleting process is nobody's child (no process is left for this one to reap), in a
# session of its own (a Ctrl-C to the terminal does not stop it), at a low priority.
_DELETE = (
    "import os, shutil, sys\n"
    "if os.fork():\n"
    "    os._exit(0)\n"
    "os.setsid()\n"
    "os.nice(10)\n"
    "shutil.rmtree(sys.argv[1], ignore_errors=True)\n"
)


def files_under(folder: Path) -> list[str]:
    """Return the path (from `folder`) of every file under `folder` but the marker (and
    but names no build could have written, which the folder's cleaning leaves alone)."""
    found: list[str] = []
    for root, _, files in os.walk(folder):
        relative = os.path.relpath(root, folder).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        found.extend(prefix + name for name in files)
    return [path for path in found if path != MARKER and "\\" not in path]


@dataclass(frozen=True)
class Listing:
    """The files of a parked site (output paths), listed ahead of the build that takes it,
    and the folder's identity when they were (`_parked_identity`)."""

    identity: tuple[int, ...]
    files: frozenset[str]


def list_parked(folder: Path) -> Listing | None:
    """List a parked site's files ahead of the build that takes it (SiteWriter's `listing`);
    None if it is not there, or holds anything but folders and files.

    `digest watch` lists when idle: on ten years, listing the 18,000 files took 0.13 s of a
    save. What a parked site holds changes only while it is in place (a file added to site/
    by hand), not in .digest-cache/, which is digest's own; the folder's identity holds its
    times, which a rename changes (a build that takes it and parks it again). Its files'
    bytes may still change (a file shared with the site in place, edited there), and each is
    checked as it is taken, by its size, time and inode (reuse.Previous.unchanged).
    """
    before = _parked_identity(folder)
    if before is None:
        return None
    try:
        files = _plain_files(folder)
    except OSError:
        return None
    if files is None or _parked_identity(folder) != before:
        return None
    return Listing(before, frozenset(files))


def park_a_copy(site: Path, files: Iterable[str], parking: Path) -> Listing | None:
    """Make `parking` a copy of the site in place for the next build to build in: a hard
    link to each of its `files` there is (output paths; the others are left out), and a
    marker of its own. Return its listing; None (and nothing made) if it cannot be made
    (another file system: no hard links).

    `digest watch` makes one when idle if there is no parked site (its first build, or a
    build that made every file anew): else its next save makes a new folder of 18,000
    links, 2-3 s on ten years.
    """
    remove_leftovers(parking.parent, f"{parking.name}.")  # copies a killed watch left
    making = parking.with_name(f"{parking.name}.{os.getpid()}-making")
    folders: set[str] = set()
    linked: list[str] = []
    try:
        shutil.rmtree(parking, ignore_errors=True)
        os.makedirs(making)
        root = os.fspath(site) + "/"
        into = os.fspath(making) + "/"
        for path in files:
            folder = os.path.dirname(path)
            if folder and folder not in folders:
                os.makedirs(into + folder, exist_ok=True)
                folders.add(folder)
            try:
                os.link(root + path, into + path, follow_symlinks=False)
            except FileNotFoundError:
                continue  # gone from the site since: made by the next build
            linked.append(path)
        with open(into + MARKER, "xb") as marker:
            marker.write(MARKER_TEXT)
        os.rename(making, parking)
    except OSError:
        shutil.rmtree(making, ignore_errors=True)
        return None
    identity = _parked_identity(parking)
    return None if identity is None else Listing(identity, frozenset(linked))


def _parked_identity(folder: Path) -> tuple[int, ...] | None:
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)


def _plain_files(folder: Path) -> set[str] | None:
    """Return the path (from `folder`) of every file under `folder`, or None if anything
    under it is neither a folder nor a regular file (a symbolic link, a device...)."""
    found: set[str] = set()
    pending = [("", str(folder))]
    while pending:
        prefix, path = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_symlink():
                    return None
                if entry.is_dir():
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                elif entry.is_file():
                    found.add(prefix + entry.name)
                else:
                    return None
    return found


def _no_link_above(folder: Path, root: Path, known: set[Path]) -> bool:
    """Delete the first symbolic link or file on the way from `root` down to `folder`,
    where a folder goes: looked at, never followed, it cannot lead a write or a deletion
    out of the site. (For an adopted site listed ahead, what may have been made in it
    since the listing, by hand; for any adopted site, a file where a folder is to be.)
    `known` holds the folders found or made in this build, which are not looked at again;
    those looked at are added: a site's 13,000 folders share the few above them. Return
    whether `folder` is a folder (else the caller makes it)."""
    if folder in known or folder == root:
        return True
    parent = folder.parent
    if parent == folder:
        raise ValueError(f"{folder} is not in {root}")
    if not _no_link_above(parent, root, known):
        return False
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        folder.unlink()
        return False
    known.add(folder)
    return True


def spares_folder(out_dir: Path) -> Path:
    """Where this process's preview of `out_dir` keeps its spare files (InPlaceWriter)."""
    out_dir = out_dir.absolute()
    return out_dir.parent / f".{out_dir.name}.{InPlaceWriter.stage}-{os.getpid()}-spares"


class LiveLock:
    """Holds an output folder for one `digest serve` or `digest watch` while it runs: a
    second one building into the same folder is refused, not left to write over the
    first's files and spares. The lock is a file in `lock_dir` (the cache folder, never
    watched), held with flock: the system lets it go when the process ends, however it
    ends. Where there is no flock (Windows), nothing is held."""

    def __init__(self, lock_dir: Path, out_dir: Path) -> None:
        name = hashlib.blake2b(os.fsencode(out_dir.absolute()), digest_size=8).hexdigest()
        self.path = lock_dir / f"live-{name}.lock"
        self.out_dir = out_dir
        self.handle: int | None = None

    def __enter__(self) -> LiveLock:
        try:
            import fcntl
        except ImportError:
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:  # a read-only cache folder: the build will say what is wrong
            return self
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # held: by another process
            holder = os.read(handle, 64).decode("ascii", errors="replace").strip()
            os.close(handle)
            who = f" (process {holder})" if holder.isdigit() else ""
            raise OutputError(
                f"another digest serve or watch{who} is building into {self.out_dir}; stop "
                "it first, or give this one a folder of its own with --out"
            ) from None
        except OSError:  # no locks on this file system (some network drives): none held
            os.close(handle)
            return self
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode())
        self.handle = handle
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            os.close(self.handle)  # and with it the lock
            self.handle = None


def remove_spares(out_dir: Path) -> None:
    """Delete this process's spares of the preview of `out_dir` (the server stops). After
    a tag renamed on ten years there are 13,400 of them, 0.2 s to delete on the slow
    machine while they are in the page cache, 1.3-1.6 s once written out: from
    BACKGROUND_DELETION files, the folder is renamed (no longer this process's: a server
    that stops has none) and deleted by a process of its own, or by the next preview if
    that process dies."""
    folder = spares_folder(out_dir)
    try:
        with os.scandir(folder) as entries:  # one level: spares are named by a hash
            counted = sum(1 for _ in itertools.islice(entries, BACKGROUND_DELETION))
        if counted >= BACKGROUND_DELETION:
            aside = folder.with_name(folder.name.removesuffix("spares") + "stopped")
            os.rename(folder, aside)
            folder = aside
            if delete_in_background(folder):
                return
    except OSError:  # gone, or cannot be renamed: deleted here, whatever is left of it
        pass
    shutil.rmtree(folder, ignore_errors=True)


def _put_in_place(spare: str, target: str) -> None:
    """Exchange a spare with the file it replaces (the spare then holds the old bytes), or
    move it into place where there is none yet, or where the system cannot exchange."""
    try:
        if _exchange(spare, target):
            return
    except FileNotFoundError:  # no file there yet
        pass
    try:
        os.replace(spare, target)
    except FileNotFoundError:  # nor its folder
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(spare, target)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def safe_join(root: Path, output_path: str) -> Path:
    """Return root/output_path, refusing any path that could land outside root."""
    _check_output_path(output_path)
    return root.joinpath(*output_path.split("/"))


def _check_output_path(output_path: str) -> None:
    """Refuse an output path that could land outside the folder it is written in."""
    parts = output_path.split("/")
    if (
        not output_path
        or output_path.startswith("/")
        or "\\" in output_path
        or "\x00" in output_path
        or any(part in ("", ".", "..") for part in parts[:-1])
        or parts[-1] in (".", "..")
    ):
        raise OutputError(f"refusing to write to the unsafe path {output_path!r}")


def _write_new(name: str, data: bytes) -> None:
    """Write a file as Path.write_bytes does (made, or emptied first), with fewer calls."""
    stream = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        _write_all(stream, data)
    finally:
        os.close(stream)


def _write_all(stream: int, data: bytes) -> None:
    """Write all of `data` to an open file (os.write may write part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(stream, view) :]


def check_output_folder(out_dir: Path, protected: tuple[Path, ...]) -> None:
    """Refuse an output folder whose replacement would destroy something not ours."""
    resolved = out_dir.resolve()
    for path in protected:
        path = path.resolve()
        if resolved == path or path.is_relative_to(resolved) or resolved.is_relative_to(path):
            raise OutputError(
                f"refusing to build into {out_dir}: it overlaps {path}, which the build reads"
            )
    if out_dir.exists():
        if not out_dir.is_dir():
            raise OutputError(f"{out_dir} exists and is not a folder; choose another --out")
        if any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
            raise OutputError(
                f"{out_dir} is not empty and was not made by digest (it has no {MARKER} "
                "file); the build replaces its output folder whole, so choose another --out "
                "or delete the folder first"
            )


def folder_identity(out_dir: Path) -> tuple[int, int, int] | None:
    """Return a built folder's device, inode and its marker's inode; None without it."""
    try:
        folder = os.stat(out_dir)
        marker = os.stat(out_dir / MARKER)
    except OSError:
        return None
    return (folder.st_dev, folder.st_ino, marker.st_ino)


def remove_dead_builds(out_dir: Path) -> None:
    """Delete what interrupted builds into `out_dir` left beside it (a build with nothing
    to do still cleans up after the ones that were killed)."""
    out_dir = out_dir.absolute()
    remove_leftovers(out_dir.parent, f".{out_dir.name}.{SiteWriter.stage}-")


def remove_leftovers(parent: Path, prefix: str) -> None:
    """Delete build folders that interrupted builds left behind (their process is gone)."""
    for path in parent.glob(prefix + "*"):
        pid_text = path.name[len(prefix) :].split("-", 1)[0]
        if (
            pid_text.isdigit()
            and parallel.process_alive(int(pid_text))
            and int(pid_text) != os.getpid()
        ):
            continue  # another build is running right now
        shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path | str, b: Path | str) -> bool:
    """Atomically swap two files or folders (Linux renameat2); False where the system
    cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot exchange
        return False
    raise OSError(errno, os.strerror(errno), str(b))


@functools.cache
def _renameat2() -> Any:
    """The C library's renameat2, or None: found once (find_library runs ldconfig)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return None
    return getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)

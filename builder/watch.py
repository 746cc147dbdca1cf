"""Watching a digest's files for editors' saves: the only module that imports watchdog.

Only content/ and templates/ are watched, never the output or the cache (a tool that watches
its own output rebuilds forever). Editors save in many ways: vim writes swap files and a
`4913` probe, emacs makes `.#name` lock files (and, with file-precious-flag, writes a
temporary file), JetBrains and Sublime write a temporary file and rename it onto the real
one, VS Code may do either, and so does `sed -i`. Temporary, swap, lock and backup files
are ignored, by their names and, whatever their names, when they are made and gone again
within a burst of changes (Qt's `name.XXXXXX`, say); a rename onto a file is a change to
that file; new and deleted files are changes. Changes are collected until ~100 ms pass
without one, so a `git checkout` that touches hundreds of files gives one rebuild.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from stat import S_ISDIR

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingEmitter

# Names editors and tools write beside the files they save (never content themselves).
IGNORED_NAME = re.compile(
    r"""^\.            # dot files: .#lock (emacs), .name.swp (vim), .DS_Store, .git
      | ^\#.*\#$       # emacs auto-save #name#
      | ~$             # backups: name~
      | \.sw[a-p]x?$   # vim swap files
      | ^4913$         # vim's probe of whether it may write the folder
      | \.(tmp|temp|bak|orig|part|crswap)$
      | ___jb_(tmp|old|bak)___$   # JetBrains "safe write"
      | \.tmp\d*$ | \.[0-9a-f]{6,}\.tmp$
      | ^sed[A-Za-z0-9]{6}$        # GNU sed -i writes one and renames it onto the file
      | ^tmp[A-Za-z0-9]{6}$        # so does Emacs with file-precious-flag
    """,
    re.VERBOSE,
)
_IRRELEVANT_EVENTS = {"opened", "closed_no_write"}


def is_editor_noise(path: Path) -> bool:
    """Tell whether a file name is an editor's temporary, swap, lock or backup file."""
    return bool(IGNORED_NAME.search(path.name))


class _Collector(FileSystemEventHandler):
    """Gathers relevant changed paths from watchdog's threads."""

    def __init__(self, roots: list[Path]) -> None:
        self.roots = roots
        self.changed: set[Path] = set()
        # Files created since the batch began, of which nothing was seen before: one moved
        # away or deleted again within the batch was an editor's temporary file, whatever
        # its name (Emacs's tmpXXXXXX, Qt's name.XXXXXX, ...), and is no change.
        self.created: set[Path] = set()
        self.condition = threading.Condition()
        self.last_event = 0.0

    def relevant(self, raw: str | bytes) -> Path | None:
        path = Path(raw.decode() if isinstance(raw, bytes) else raw)
        if is_editor_noise(path):
            return None
        if any(path == root or path.is_relative_to(root) for root in self.roots):
            return path
        return None

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IRRELEVANT_EVENTS:
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's time changes with every file in it: the file tells us
        source = self.relevant(event.src_path)
        # A rename onto a file changes it.
        target = self.relevant(event.dest_path) if getattr(event, "dest_path", "") else None
        if source is None and target is None:
            return
        kind = event.event_type
        with self.condition:
            if source is not None:
                if kind == "created" and not event.is_directory and source not in self.changed:
                    self.created.add(source)
                    self.changed.add(source)
                elif kind in ("moved", "deleted") and source in self.created:
                    self.created.discard(source)  # made and gone within the batch
                    self.changed.discard(source)
                else:
                    self.changed.add(source)
            if target is not None:
                self.changed.add(target)
            self.last_event = time.monotonic()
            self.condition.notify_all()

    def take(self) -> set[Path]:
        """Hand out the batch collected, and begin the next (the caller holds `condition`)."""
        changed, self.changed = self.changed, set()
        self.created = set()
        return changed


# A file or folder by its path, inode, device, mode, size, modification and change times.
_Seen = tuple[str, int, int, int, int, int, int]


def _looked_at(top: str, recursive: bool) -> list[_Seen]:
    """Every file and folder under `top` (or in it), by path and the stats a change to it
    changes (its inode, device, mode, size, modification and change times), as
    watchdog's snapshot finds them (by `os.stat`, into folders of any kind), in the order
    the folders list them."""
    found: list[_Seen] = []
    add = found.append
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            if folder is top:
                raise
            continue  # gone since its folder was listed, which tells
        for entry in entries:
            try:
                info = entry.stat()
            except OSError:
                continue
            mode, size, path = info.st_mode, info.st_size, entry.path
            add((path, info.st_ino, info.st_dev, mode, size, info.st_mtime_ns, info.st_ctime_ns))
            if recursive and S_ISDIR(mode):
                folders.append(path)
    return found


class _QuickPollingEmitter(PollingEmitter):
    """watchdog's polling emitter, which takes its snapshot and compares it with the last
    only when a quicker look at the files finds something changed since the last look.

    watchdog's snapshot and comparison are Python for every file: on ten years of days
    (3,650 files) 95 ms every half second, 16-19% of a core while nothing changes; the
    look (a walk of stats into a list) takes 17 ms. The events are still watchdog's own,
    from its snapshots: a look is taken before the snapshot it stands for, so a change
    made after the look is in a later look too, and the change time in it makes any
    change to a file tell (a save, a rename onto it, a change of mode)."""

    def on_thread_start(self) -> None:
        self._looked = self._look()
        super().on_thread_start()

    def _look(self) -> list[_Seen] | None:
        try:
            return _looked_at(self.watch.path, self.watch.is_recursive)
        except OSError:  # the folder watched is gone: watchdog's snapshot says so
            return None

    def queue_events(self, timeout: float) -> None:
        if self.stopped_event.wait(timeout):
            return
        looked = self._look()
        if looked is not None and looked == self._looked:
            return
        self._looked = looked
        super().queue_events(0)  # its snapshot, its comparison, its events


class Watcher:
    """Watches a project's content/ and templates/ and hands out batches of changes."""

    def __init__(self, project_root: Path, poll: bool = False) -> None:
        self.root = project_root.resolve()
        self.content = self.root / "content"
        self.templates = self.root / "templates"
        self.collector = _Collector([self.content, self.templates])
        self.observer = (
            BaseObserver(emitter_class=_QuickPollingEmitter, timeout=0.5) if poll else Observer()
        )
        # Each folder watched, with the watch and the folder's identity (device, inode).
        self.watches: dict[Path, tuple[ObservedWatch, tuple[int, int]]] = {}

    def start(self) -> None:
        """Start watching (in watchdog's threads)."""
        # The project folder itself, not its subfolders: to notice content/ or templates/
        # made, moved or removed.
        self.observer.schedule(self.collector, str(self.root), recursive=False)
        self._watch_folders()
        self.observer.start()

    def snapshot(self) -> frozenset[_Seen]:
        """The watched files as they are now, by the stats `--poll` looks at (editors'
        noise left out): two snapshots differ when a file was saved, added or removed
        between them. `digest watch` builds for the first time before it starts watching."""
        found: set[_Seen] = set()
        for top in (self.content, self.templates):
            try:
                seen = _looked_at(str(top), recursive=True)
            except OSError:  # no templates/
                continue
            found.update(
                file
                for file in seen
                if not S_ISDIR(file[3]) and not IGNORED_NAME.search(os.path.basename(file[0]))
            )
        return frozenset(found)

    def _watch_folders(self) -> None:
        """Watch content/ and templates/ as they are now. A watch stays with the folder it
        was put on (inotify's, by its inode) or ends with it (watchdog's, when it is
        removed): a folder made after the start (templates/), or removed and made again
        (`git checkout` of a branch without it, and back), or swapped for another
        (`mv content content.old`, a copy moved in) is watched anew, and the one moved
        away is no longer watched. The batch that tells of it holds the folder itself,
        so the build it starts looks at every file in it."""
        for folder in (self.content, self.templates):
            try:
                info = os.stat(folder)
            except OSError:
                identity = None
            else:
                identity = (info.st_dev, info.st_ino) if S_ISDIR(info.st_mode) else None
            known = self.watches.get(folder)
            if known is not None and known[1] == identity:
                continue
            if known is not None:
                del self.watches[folder]
                self.observer.unschedule(known[0])
            if identity is None:
                continue
            try:
                watch = self.observer.schedule(self.collector, str(folder), recursive=True)
            except OSError:  # gone again since: its removal is in the next batch
                continue
            self.watches[folder] = (watch, identity)

    def stop(self) -> None:
        """Stop watching and wait for watchdog's threads to end."""
        self.observer.stop()
        with self.collector.condition:
            self.collector.condition.notify_all()
        self.observer.join(timeout=5)

    def next_changes(
        self,
        quiet: float = 0.1,
        timeout: float | None = None,
        longest: float = 2.0,
        meanwhile: Callable[[], object] | None = None,
    ) -> set[Path]:
        """Wait for changes, then until `quiet` seconds pass without one; return them.

        Returns an empty set when `timeout` passes with no change. A burst that never goes
        quiet is cut after `longest` seconds, so a busy disk cannot starve the rebuilds.
        `meanwhile` is called once the first change has come, while the quiet period runs
        (what the rebuild can do ahead that no file's text decides).
        """
        collector = self.collector
        with collector.condition:
            if not collector.changed:
                collector.condition.wait(timeout)
            if not collector.changed:
                return set()
            started = time.monotonic()
        if meanwhile is not None:
            meanwhile()
        with collector.condition:
            while True:
                idle = time.monotonic() - collector.last_event
                if idle >= quiet or time.monotonic() - started >= longest:
                    break
                collector.condition.wait(quiet - idle)
            changed = collector.take()
        if self.content in changed or self.templates in changed:
            self._watch_folders()
        return changed

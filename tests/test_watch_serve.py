"""digest watch / serve: real watchdog events on real files, a real server on loopback."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zoneinfo
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from serving import EPOCH, Running, Served, Watching, ctrl_c_as_in_a_terminal
from watchdog.observers.polling import PollingEmitter
from watchdog.utils.dirsnapshot import DirectorySnapshot

from builder import uptodate
from builder.build import build
from builder.project import Project
from builder.reader import read_config
from builder.serve import PreviewServer, network_address, resolve_request
from builder.watch import Watcher, is_editor_noise

FULL = Path(__file__).parent / "sites" / "full"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FULL / "content", tmp_path / "project" / "content")
    return tmp_path / "project"


@pytest.fixture
def watcher(project: Path) -> Iterator[Watcher]:
    watching = Watcher(project)
    watching.start()
    time.sleep(0.3)  # let the observer settle before the first event
    yield watching
    watching.stop()


def batches(watcher: Watcher, quiet_for: float = 1.0) -> list[set[Path]]:
    """Collect batches until none comes for `quiet_for` seconds."""
    found = []
    while True:
        changed = watcher.next_changes(quiet=0.1, timeout=quiet_for)
        if not changed:
            return found
        found.append(changed)


def day(project: Path) -> Path:
    return project / "content" / "digests" / "2024" / "2024-07-15.md"


@pytest.mark.parametrize(
    "name",
    [".2024-07-15.md.swp", ".#2024-07-15.md", "#2024-07-15.md#", "2024-07-15.md~", "4913",
     "2024-07-15.md.tmp", "2024-07-15.md___jb_tmp___", "2024-07-15.md.crswap", ".DS_Store",
     "sedFkpDVx", "tmp4rj33c"],
)  # fmt: skip
def test_editor_files_are_noise(name: str) -> None:
    assert is_editor_noise(Path(name))


def test_day_files_are_not_noise() -> None:
    assert not is_editor_noise(Path("2024-07-15.md"))
    assert not is_editor_noise(Path("sources.yaml"))


@pytest.fixture
def poller(project: Path) -> Iterator[Watcher]:
    """A watcher that polls (`--poll`: file systems where events do not arrive)."""
    watching = Watcher(project, poll=True)
    watching.start()
    time.sleep(0.8)  # its first look at the files, before anything changes
    yield watching
    watching.stop()


def test_polling_sees_a_safe_write_a_vim_save_and_new_and_deleted_files(
    project: Path, poller: Watcher
) -> None:
    """`--poll` looks at the files every half second instead of waiting for events: an
    editor's save is one change to the day file (its temporary and backup files unseen or
    ignored), and new and deleted files are changes."""
    assert all(isinstance(e, PollingEmitter) for e in poller.observer.emitters)  # no inotify
    target = day(project)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(target.read_text("utf-8") + "\nMore.\n", "utf-8")
    os.replace(temporary, target)
    assert batches(poller) == [{target}]
    vim = ["vim", "-u", "NONE", "-i", "NONE", "-N", "-es", "-c", "set backup backupcopy=no"]
    command = [*vim, "-c", "$put ='Saved from vim.'", "-c", "wq", str(target)]
    subprocess.run(command, check=True, timeout=30, stdin=subprocess.DEVNULL)
    assert batches(poller) == [{target}]
    new = target.with_name("2024-07-20.md")
    new.write_text(target.read_text("utf-8").replace("2024-07-15", "2024-07-20"), "utf-8")
    old = project / "content" / "digests" / "2023" / "2023-12-30.md"
    old.unlink()
    assert set().union(*batches(poller)) == {new, old}


def test_polling_snapshots_only_when_a_look_at_the_files_finds_a_change(
    project: Path, poller: Watcher
) -> None:
    """watchdog's snapshot and comparison of every file cost 16-19% of a core, polled
    every half second on ten years of days: a quicker look comes first, and watchdog looks
    again only when it finds a file saved, added, removed or changed otherwise (its mode)."""
    snapshots: list[str] = []  # the folders watchdog took a snapshot of
    for emitter in poller.observer.emitters:
        assert isinstance(emitter, PollingEmitter)

        def counted(
            take: Callable[[], DirectorySnapshot] = emitter._take_snapshot,
            folder: str = emitter.watch.path,
        ) -> DirectorySnapshot:
            snapshots.append(folder)
            return take()

        emitter._take_snapshot = counted  # type: ignore[method-assign]
    assert batches(poller, quiet_for=2.0) == []  # four looks
    assert snapshots == []
    target = day(project)
    with target.open("a", encoding="utf-8") as file:
        file.write("\nMore.\n")
    assert batches(poller) == [{target}]
    assert snapshots == [str(project / "content")]
    target.chmod(0o600)
    assert batches(poller) == [{target}]  # watchdog's attribute event, as before
    assert snapshots == [str(project / "content")] * 2


def test_a_safe_write_is_one_change_to_the_day_file(project: Path, watcher: Watcher) -> None:
    target = day(project)
    temporary = target.with_name(target.name + ".tmp")  # Sublime, JetBrains, VS Code
    temporary.write_text(target.read_text("utf-8") + "\nMore.\n", "utf-8")
    os.replace(temporary, target)
    assert batches(watcher) == [{target}]


def test_a_sed_in_place_edit_is_one_change_to_the_day_file(project: Path, watcher: Watcher) -> None:
    """GNU sed -i writes a temporary file beside the day file and renames it onto it."""
    target = day(project)
    subprocess.run(["sed", "-i", "s/^date:/date:/", str(target)], check=True)
    assert batches(watcher) == [{target}]


@pytest.mark.parametrize(
    "temporary",
    [
        "2024-07-15.md.Qx81aZ",  # Qt's QSaveFile (Kate, KWrite): the name and six letters
        "2024-07-15.md.partial-8f3k",  # a name no pattern of ours knows
        "tmpa1b2c3d4",
    ],
)
def test_a_temporary_file_of_any_name_renamed_onto_the_day_file_is_one_change(
    project: Path, watcher: Watcher, temporary: str
) -> None:
    """An editor writes a temporary file beside the day file and renames it onto it: the
    temporary file, made and gone within the burst, is no change, whatever its name."""
    target = day(project)
    written = target.with_name(temporary)
    written.write_text(target.read_text("utf-8") + "\nMore.\n", "utf-8")
    os.replace(written, target)
    assert batches(watcher) == [{target}]


def test_a_file_made_and_deleted_within_a_burst_is_no_change_but_a_deleted_day_is(
    project: Path, watcher: Watcher
) -> None:
    """A file that comes and goes within a burst changes nothing (an editor's probe or
    lock of a name we do not know); a day file deleted and written anew within a burst
    is still a change, and so is one deleted."""
    folder = day(project).parent
    probe = folder / "probe-19283"
    probe.write_text("x")
    probe.unlink()
    assert batches(watcher) == []
    target = day(project)
    text = target.read_text("utf-8")
    target.unlink()
    target.write_text(text + "\nAgain.\n", "utf-8")
    os.replace(target, folder / "2024-07-16.md")  # then renamed: both are changes
    assert batches(watcher) == [{target, folder / "2024-07-16.md"}]


def test_a_vim_save_is_one_change(project: Path, watcher: Watcher) -> None:
    target = day(project)
    folder = target.parent
    (folder / "4913").write_text("")
    (folder / "4913").unlink()
    swap = folder / ".2024-07-15.md.swp"
    swap.write_bytes(b"swap")
    text = target.read_text("utf-8")
    target.rename(folder / "2024-07-15.md~")
    target.write_text(text + "\nMore.\n", "utf-8")
    (folder / "2024-07-15.md~").unlink()
    swap.unlink()
    assert batches(watcher) == [{target}]


@pytest.mark.parametrize(
    "how",
    [
        "set backupcopy=yes",  # a backup copied, the file written over in place
        "set backupcopy=no",  # the file renamed to its backup, a new one written
        "set backup backupcopy=no",  # and the backup (2024-07-15.md~) kept
    ],
)
def test_a_real_vim_save_is_one_change(project: Path, watcher: Watcher, how: str) -> None:
    """Vim itself (swap file, the 4913 probe, its backup), as an editor saves from it."""
    target = day(project)
    vim = ["vim", "-u", "NONE", "-i", "NONE", "-N", "-es", "-c", how]
    command = [*vim, "-c", "$put ='Saved from vim.'", "-c", "wq", str(target)]
    subprocess.run(command, check=True, timeout=30, stdin=subprocess.DEVNULL)
    assert batches(watcher) == [{target}]
    assert target.read_text("utf-8").rstrip().endswith("Saved from vim.")


@pytest.mark.parametrize(
    "how",
    [
        "(setq backup-by-copying nil)",  # the file renamed to its backup, a new one written
        "(setq backup-by-copying t)",  # a backup copied, the file written over in place
        "(setq make-backup-files nil)",  # no backup: written over in place
        "(setq file-precious-flag t)",  # written to a temporary file renamed onto it
    ],
)
def test_a_real_emacs_save_is_one_change(project: Path, watcher: Watcher, how: str) -> None:
    """GNU Emacs itself (its .# lock while the buffer is modified, its ~ backup), as an
    editor saves from it."""
    target = day(project)
    # Emacs makes no backup of a file under the temporary folder, where the test runs.
    lisp = (
        f"(progn (setq backup-enable-predicate (lambda (name) t)) {how} "
        f'(find-file "{target}") (goto-char (point-max)) '
        '(insert "Saved from emacs.\\n") (save-buffer))'
    )
    command = ["emacs", "-Q", "--batch", "--eval", lisp]
    subprocess.run(command, check=True, timeout=60, stdin=subprocess.DEVNULL)
    assert batches(watcher) == [{target}]
    assert target.read_text("utf-8").rstrip().endswith("Saved from emacs.")
    assert not (target.parent / ".#2024-07-15.md").exists()  # its lock is gone


def test_a_real_git_checkout_of_300_days_is_one_or_two_rebuilds(project: Path) -> None:
    """git checkout of a branch with 300 more days, and back: each one or two batches."""

    def git(*args: str) -> None:
        identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
        subprocess.run(
            ["git", "-C", str(project), *identity, *args], check=True, capture_output=True
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "the digest")
    git("checkout", "-qb", "more")
    folder = project / "content" / "digests" / "2025"
    folder.mkdir()
    text = day(project).read_text("utf-8")
    added = set()
    for number in range(300):
        date = f"2025-{number // 28 + 1:02d}-{number % 28 + 1:02d}"
        added.add(folder / f"{date}.md")
        (folder / f"{date}.md").write_text(text.replace("2024-07-15", date), "utf-8")
    git("add", "-A")
    git("commit", "-qm", "300 days")
    git("checkout", "-q", "main")
    watching = Watcher(project)
    watching.start()
    time.sleep(0.3)
    try:
        for branch in ("more", "main"):
            git("checkout", "-q", branch)
            found = batches(watching)
            assert 1 <= len(found) <= 2, (branch, [len(batch) for batch in found])
            assert set().union(*found) >= added
    finally:
        watching.stop()


@pytest.mark.parametrize("saved", [True, False])
@pytest.mark.parametrize("command", ["watch", "serve"])
def test_the_first_build_forks_with_no_thread_then_what_was_saved_meanwhile_is_built(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: bool, command: str
) -> None:
    """The first build of digest watch and digest serve may fork (both cores, as `digest
    build`), so the watcher starts after it; a day saved while it ran, after it read the
    files, is built at once, and the Builder never forks again."""
    from builder.build import Builder
    from builder.cli import _first_build

    if command == "watch":
        builder = Builder(Project(project), tmp_path / "site", keep_site=True, parallel=True)
    else:  # the preview writes in place (served by a server started after this)
        builder = Builder(
            Project(project), tmp_path / "site", drafts=True, in_place=True, parallel=True
        )
    watching = Watcher(project)
    target = day(project)
    during: list[tuple[bool, bool]] = []  # (the watcher running, the builder forking)
    first = builder._build

    def build(*args: object, **kwargs: object) -> object:
        during.append((watching.observer.is_alive(), builder.parallel))
        if saved and len(during) == 1:  # the day files are read: a save comes now
            target.write_text(target.read_text("utf-8") + "\nSaved meanwhile.\n", "utf-8")
        return first(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "_build", build)
    try:
        _first_build(builder, None, watching)
        assert watching.observer.is_alive() and not builder.parallel
    finally:
        watching.stop()
    assert during == [(False, True), (True, False)] if saved else [(False, True)]
    page = tmp_path / "site" / "2024" / "07" / "15" / "index.html"
    assert ("Saved meanwhile." in page.read_text("utf-8")) is saved


def test_new_and_deleted_files_are_changes(project: Path, watcher: Watcher) -> None:
    new = day(project).with_name("2024-07-20.md")
    new.write_text(day(project).read_text("utf-8").replace("2024-07-15", "2024-07-20"), "utf-8")
    old = project / "content" / "digests" / "2023" / "2023-12-30.md"
    old.unlink()
    assert batches(watcher) == [{new, old}]


def test_a_burst_of_200_writes_is_one_or_two_rebuilds(project: Path, watcher: Watcher) -> None:
    folder = project / "content" / "digests" / "2025"
    folder.mkdir()
    for number in range(200):
        (folder / f"2025-01-{number % 28 + 1:02d}.md").write_text(f"---\n{number}\n", "utf-8")
    found = batches(watcher)
    assert 1 <= len(found) <= 2
    assert {p.name for batch in found for p in batch} >= {f"2025-01-{n:02d}.md" for n in (1, 28)}


def test_what_the_rebuild_does_ahead_runs_once_a_change_comes_within_its_quiet_period(
    project: Path, watcher: Watcher
) -> None:
    """`meanwhile` (digest watch: Builder.precheck) is called once a change has come,
    once per batch, before the batch is returned; not when none comes. A change made
    while it runs is in the same batch."""
    calls: list[float] = []
    target = day(project)

    def meanwhile() -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            target.with_name("2024-07-16.md").write_text(target.read_text("utf-8"), "utf-8")

    assert watcher.next_changes(quiet=0.1, timeout=0.3, meanwhile=meanwhile) == set()
    assert calls == []
    target.write_text(target.read_text("utf-8") + "\nMore.\n", "utf-8")
    changed = watcher.next_changes(quiet=0.1, timeout=5, meanwhile=meanwhile)
    assert len(calls) == 1
    assert changed == {target, target.with_name("2024-07-16.md")}
    assert time.monotonic() - calls[0] >= 0.1  # the quiet period ran after it was called


def test_output_and_cache_are_never_watched(project: Path, watcher: Watcher) -> None:
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("x")
    (project / ".digest-cache").mkdir()
    (project / ".digest-cache" / "days.pickle").write_bytes(b"x")
    assert batches(watcher, quiet_for=0.5) == []


def test_templates_made_after_the_start_are_watched(project: Path, watcher: Watcher) -> None:
    (project / "templates" / "partials").mkdir(parents=True)
    assert batches(watcher)  # the new folder itself
    override = project / "templates" / "partials" / "headline.html"
    override.write_text("<li>{{ h.title }}</li>\n")
    assert any(override in batch for batch in batches(watcher))


@pytest.mark.parametrize("poll", [False, True], ids=["events", "poll"])
def test_folders_removed_and_made_again_or_swapped_are_watched_anew(
    project: Path, poll: bool
) -> None:
    """A watch stays with the folder it was put on: after `git checkout` of a branch
    without templates/ and back, or content/ swapped for a copy, saves to the folder now
    there are seen, and saves to the one moved away are not."""
    (project / "templates").mkdir()
    override = project / "templates" / "day.html"
    override.write_text("one\n")
    watcher = Watcher(project, poll=poll)
    watcher.start()
    try:
        time.sleep(0.8)
        shutil.rmtree(project / "templates")
        assert project / "templates" in set().union(*batches(watcher))
        (project / "templates").mkdir()
        override.write_text("two\n")
        assert project / "templates" in set().union(*batches(watcher))
        override.write_text("three\n")  # (a poll may see it truncated, then written)
        assert set().union(*batches(watcher)) == {override}
        shutil.copytree(project / "content", project / "content.new")
        (project / "content").rename(project / "content.old")
        (project / "content.new").rename(project / "content")
        assert project / "content" in set().union(*batches(watcher))
        with day(project).open("a", encoding="utf-8") as file:
            file.write("\nMore.\n")
        assert set().union(*batches(watcher)) == {day(project)}
        old = project / "content.old" / day(project).relative_to(project / "content")
        with old.open("a", encoding="utf-8") as file:
            file.write("\nMore.\n")
        assert batches(watcher) == []
    finally:
        watcher.stop()


# The server's path handling -----------------------------------------------------------


@pytest.fixture
def served_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "2024" / "06" / "22").mkdir(parents=True)
    (root / "2024" / "06" / "22" / "index.html").write_text("day")
    (root / "index.html").write_text("home")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link").symlink_to(tmp_path / "secret.txt")
    return root


def _can_listen_on(host: str) -> bool:
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.bind((host, 0))
    except OSError:
        return False
    return True


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_the_server_listens_on_ipv4_and_ipv6_hosts(served_root: Path, host: str) -> None:
    """`--host ::1` (or `::`) serves over IPv6, as `--host 127.0.0.1` over IPv4: the server
    takes the address family of the host it is given (it refused IPv6 addresses)."""
    import http.client

    from builder.serve import PreviewServer

    if not _can_listen_on(host):
        pytest.skip(f"this machine cannot listen on {host}")
    server = PreviewServer(served_root, host, 0)
    server.start()
    try:
        assert server.addresses.startswith(
            "http://[::1]:" if host == "::1" else "http://127.0.0.1:"
        )
        connection = http.client.HTTPConnection(host, server.server_address[1], timeout=10)
        try:
            connection.request("GET", "/2024/06/22/")
            response = connection.getresponse()
            status, body = response.status, response.read()
        finally:
            connection.close()
        assert status == 200 and body.startswith(b"day<script")  # the page, live reload added
    finally:
        server.stop()


@pytest.mark.parametrize(
    "request_path",
    ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
     "/2024/../../secret.txt", "/%5c..%5csecret.txt", "/..\\secret.txt", "//secret.txt/..",
     "/C:/secret.txt", "/index.html%00.txt", "/link", "/missing/", "/2024/06/22/x"],
)  # fmt: skip
def test_requests_outside_the_site_are_refused(served_root: Path, request_path: str) -> None:
    assert resolve_request(served_root, "/", request_path) is None


@pytest.mark.parametrize(
    ("request_path", "file"),
    [("/", "index.html"), ("/2024/06/22/", "2024/06/22/index.html"),
     ("/2024/06/22", "2024/06/22/index.html"), ("/2024/06/22/?x=1#y", "2024/06/22/index.html")],
)  # fmt: skip
def test_requests_inside_the_site_are_served(
    served_root: Path, request_path: str, file: str
) -> None:
    assert resolve_request(served_root, "/", request_path) == (served_root / file).resolve()


def test_the_base_path_is_served_and_nothing_else(served_root: Path) -> None:
    assert resolve_request(served_root, "/digest/", "/digest/") is not None
    assert resolve_request(served_root, "/digest/", "/index.html") is None


# digest serve, end to end ---------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_serve_rebuilds_survives_errors_and_matches_a_fresh_build(
    project: Path, tmp_path: Path
) -> None:
    served = Served(project)
    try:
        status, home = served.page("/")
        assert status == 200 and "/__digest__/live.js" in home
        assert served.page("/../../etc/passwd")[0] == 404
        assert served.page("/%2e%2e/%2e%2e/etc/passwd")[0] == 404

        target = day(project)
        text = target.read_text("utf-8")
        target.write_text(text.replace("---\n", "---\ntitle: A fresh title\n", 1), "utf-8")
        served.wait_for(lambda: "A fresh title" in served.page("/2024/07/15/")[1])
        assert '"errors": null' in served.first_event()

        target.write_text(text.replace("date:", "date: [", 1), "utf-8")  # a half-typed line
        served.wait_for(lambda: "YAML syntax error" in served.first_event())
        status, page = served.page("/2024/07/15/")
        assert status == 200 and "A fresh title" in page  # the last good site is served

        target.write_text(text, "utf-8")  # fixed
        served.wait_for(lambda: '"errors": null' in served.first_event())
        served.wait_for(lambda: "A fresh title" not in served.page("/2024/07/15/")[1])

        # Pages first; then, once nothing changes, the search index catches up.
        def search_caught_up() -> bool:
            output = "".join(served.lines)
            return "search index updated" in output[output.rfind("rebuilt in") :]

        served.wait_for(search_caught_up)
    finally:
        assert served.stop() == 0
    assert "stopped" in "".join(served.lines)

    preview = project / ".digest-cache" / "serve"
    assert [p.name for p in preview.parent.iterdir() if "spares" in p.name] == []  # removed
    fresh = tmp_path / "fresh"
    now = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    build(Project(project), fresh, now=now, drafts=True)
    assert tree(preview) == tree(fresh)
    assert "__digest__" not in "".join(p.read_text("utf-8") for p in preview.rglob("*.html"))


@pytest.mark.parametrize("second", ["serve", "watch"])
def test_a_second_serve_or_watch_into_the_same_folder_is_refused(
    project: Path, second: str
) -> None:
    """Two previews (or watchers) building into one folder would write over each other's
    files and spares: the second is refused, naming the first's process, and one with a
    folder of its own runs beside it."""
    served = Served(project)
    try:
        preview = project / ".digest-cache" / "serve"
        out = ["--out", str(preview)] if second == "watch" else []
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
        command = [sys.executable, "-m", "builder", second, "--project", str(project)]
        refused = subprocess.run(
            [*command, *out, *(["--port", "0"] if second == "serve" else [])],
            capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert refused.returncode == 1, refused.stdout + refused.stderr
        assert (
            f"another digest serve or watch (process {served.process.pid}) is building "
            f"into {preview}" in refused.stderr
        )
        beside = Watching(project)  # site/, a folder of its own
        try:
            beside.wait_for(lambda: "(Ctrl-C stops)" in beside.output, timeout=60)
        finally:
            assert beside.stop() == 0
    finally:
        assert served.stop() == 0


def test_the_folder_lock_holds_refuses_and_gives_way_where_locks_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock of a serve's or watch's folder: held, a second is refused (naming this
    process); let go, it is taken again; on a file system without locks (flock failing
    otherwise than for a holder: some network drives, where --poll is used) serve and
    watch still run, holding nothing."""
    import errno
    import fcntl

    from builder.errors import OutputError
    from builder.output import LiveLock

    out = tmp_path / "site"
    with LiveLock(tmp_path / "cache", out) as held:
        assert held.handle is not None
        with pytest.raises(OutputError, match=f"\\(process {os.getpid()}\\) is building into"):
            LiveLock(tmp_path / "cache", out).__enter__()
        with LiveLock(tmp_path / "cache", tmp_path / "other"):  # another folder: its own
            pass
    with LiveLock(tmp_path / "cache", out):  # let go: taken again
        pass

    def no_locks(handle: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with LiveLock(tmp_path / "cache", out) as unheld:
        assert unheld.handle is None


@pytest.mark.parametrize("command", ["serve", "watch"])
@pytest.mark.parametrize("where", ["content/preview", "templates", "a folder not ours"])
def test_an_output_folder_no_build_may_take_is_refused_before_anything_starts(
    project: Path, tmp_path: Path, command: str, where: str
) -> None:
    """`--out` inside content/ or templates/ (the watcher would see its own output), or a
    folder digest did not make, is refused at once with the build's message: not after
    every save, while the server serves an empty folder and the watcher runs on."""
    if where == "a folder not ours":
        out = tmp_path / "photos"
        out.mkdir()
        (out / "holiday.jpg").write_bytes(b"not a site")
    else:
        out = project / where
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    arguments = ["--project", str(project), "--out", str(out)]
    arguments += ["--port", "0"] if command == "serve" else []
    done = subprocess.run(
        [sys.executable, "-m", "builder", command, *arguments],
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout == ""  # nothing built, served or watched
    expected = "not made by digest" if where == "a folder not ours" else "which the build reads"
    assert expected in done.stderr
    if where == "a folder not ours":
        assert sorted(p.name for p in out.iterdir()) == ["holiday.jpg"]


def test_the_preview_moves_with_the_base_path_of_site_yaml(project: Path) -> None:
    """base_url's path changed in site.yaml while serving: the rebuilt pages link under the
    new path, and the server serves them there (it served the old one, every link a 404,
    until restarted); a page asked for under the old path is sent to the new one (an open
    tab reloaded onto "Page not found")."""
    site_yaml = project / "content" / "site.yaml"
    text = site_yaml.read_text("utf-8")
    served = Served(project)
    try:
        assert served.page("/2024/07/15/")[0] == 200
        moved = re.sub(r"(?m)^base_url: .*$", 'base_url: "https://example.org/digest/"', text)
        assert moved != text
        site_yaml.write_text(moved, "utf-8")
        served.wait_for(lambda: "(the base path of site.yaml's base_url)" in served.output)
        status, page = served.page("/digest/2024/07/15/")
        assert status == 200 and 'href="/digest/' in page
        assert served.get("/")[0] == 302  # to the base path
        # A tab open on the old path reloads onto the page's new address, as does a link
        # kept; a page the new site has not is not found.
        status, headers, _ = served.get("/2024/07/15/?from=tab")
        assert (status, headers["location"]) == (302, "/digest/2024/07/15/?from=tab")
        assert served.page("/2024/07/99/")[0] == 404
        site_yaml.write_text(text, "utf-8")  # and back
        served.wait_for(lambda: served.output.count("(the base path of") == 2)
        status, headers, _ = served.get("/digest/2024/07/15/")
        assert (status, headers["location"]) == (302, "/2024/07/15/")
        assert served.page("/2024/07/15/")[0] == 200
    finally:
        assert served.stop() == 0


def test_a_preview_whose_first_build_fails_shows_the_errors_then_the_site(
    project: Path,
) -> None:
    """A preview started on a digest with an error has no site to serve: every page asked
    for is one that shows the errors in the live-reload overlay (not a bare "not found"),
    and it reloads into the site once a save fixes the file."""
    target = day(project)
    text = target.read_text("utf-8")
    target.write_text(text.replace("date:", "date: [", 1), "utf-8")  # a half-typed line
    served = Served(project)
    try:
        assert "nothing is built yet; fix the file and save again" in served.output
        status, headers, body = served.get("/2024/07/15/")
        assert status == 404 and headers["content-type"] == "text/html; charset=utf-8"
        assert b'<script src="/__digest__/live.js" data-nothing-built data-version="0">' in body
        assert "YAML syntax error" in served.first_event()  # what its overlay shows

        target.write_text(text, "utf-8")  # fixed
        served.wait_for(lambda: '"errors": null' in served.first_event())
        assert '"version": 0' not in served.first_event()  # the page above reloads
        status, page = served.page("/2024/07/15/")
        assert status == 200 and "/__digest__/live.js" in page
    finally:
        assert served.stop() == 0


def test_a_preview_shows_a_builds_warnings_on_its_pages_until_a_save_has_none(
    project: Path,
) -> None:
    """A save that builds with a warning (a tag written as a hashtag, which YAML reads as
    a comment, so the headline loses it) is shown where the editor looks, on the page, as
    errors are, until a save builds without it."""
    target = day(project)
    text = target.read_text("utf-8")
    tagged = re.search(r"^    tags: \[([a-z-]+)[],]", text, re.MULTILINE)
    assert tagged is not None
    served = Served(project)
    try:
        assert '"warnings": null' in served.first_event()
        target.write_text(text.replace(tagged[0], f"    tags: #{tagged[1]}", 1), "utf-8")
        served.wait_for(lambda: '"warnings": "content/digests' in served.first_event())
        event = json.loads(served.first_event().split("data: ", 1)[1])
        assert event["errors"] is None and event["version"] == 2  # built: pages reload
        assert event["warnings"].splitlines() == [
            f"{project_relative(target)}:{text[: text.index(tagged[0])].count(chr(10)) + 1}:5: "
            f"warning: headlines[0].tags: 'tags' is empty: YAML read \"#{tagged[1]}\" after it "
            f"as a comment; write the items without '#', tags: [{tagged[1]}]",
            "1 warning in 1 file",
        ]
        status, page = served.page("/__digest__/live.js")
        assert status == 200 and "status.warnings" in page and "click to hide" in page
        target.write_text(text, "utf-8")
        served.wait_for(lambda: '"warnings": null' in served.first_event())
    finally:
        assert served.stop() == 0


@pytest.mark.parametrize("command", ["serve", "watch"])
def test_sigterm_stops_serve_and_watch_as_ctrl_c_does(project: Path, command: str) -> None:
    """`kill`, a service manager or `docker stop` (SIGTERM) stops the preview cleanly: it
    says so, exits with 0, removes its spares and saves the parse cache for the next start."""
    running = Served(project) if command == "serve" else Watching(project)
    try:
        running.wait_for(lambda: "(Ctrl-C stops)" in running.output, timeout=30)
    finally:
        code = running.stop(signal.SIGTERM)
    assert code == 0 and running.output.endswith("stopped\n"), running.output
    # Before the first build, which takes seconds on a long digest, it says what it does.
    assert running.output.startswith("building "), running.output
    cache = project / ".digest-cache"
    assert [p.name for p in cache.iterdir() if "spares" in p.name] == []
    assert any((cache / "days").iterdir())  # parsed days, saved


def test_serve_stopped_during_its_first_build_stops(tmp_path: Path) -> None:
    """SIGTERM (or Ctrl-C) while the first build of a long digest runs: the server, not
    started yet, is closed and the process ends (it waited for ever for a serving loop
    that never ran, and had to be killed)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.generate import generate

    project = tmp_path / "digest"
    generate(project, days=400, headlines=30, seed=5)
    served = Running("serve", "--project", str(project), "--port", "0")
    served._read_on()
    served.wait_for(lambda: served.output.startswith("building "), timeout=60)
    started = time.monotonic()
    # Within 20 s: a signal whose exception a finalizer swallowed is seen only after the
    # build (cli._stop_if_asked). It hung once in a full run: the signal came while the
    # build forked, inside logging's after-fork callback, which then never released its
    # lock, and stopping the watcher waited on a thread that logs (stop() showed its
    # stacks). Forks now hold the signals (parallel.signals_held; test_parallel).
    code = served.stop(signal.SIGTERM, timeout=20)
    assert code == 0, served.output
    assert "(Ctrl-C stops)" not in served.output  # stopped before the first build ended
    assert served.output.endswith("stopped\n"), served.output
    assert time.monotonic() - started < 20


_LOST_SIGNAL = """
import os, signal, sys
from builder import build, cli

real = build.Builder.build


class Finalized:
    def __del__(self):
        os.kill(os.getpid(), {signum})
        for _ in range(1000):  # Python code: the handler runs here, inside the finalizer
            pass


def first_build(self, *args, **kwargs):
    if not getattr(self, "_lost", False):
        self._lost = True
        Finalized()  # dropped at once: its __del__ runs
    return real(self, *args, **kwargs)


build.Builder.build = first_build
sys.argv = ["digest", *sys.argv[1:]]
cli.run()
"""


@pytest.mark.parametrize("command", ["serve", "watch"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_whose_exception_a_finalizer_swallowed_still_stops_serve_and_watch(
    tmp_path: Path, command: str, signum: int
) -> None:
    """Python runs a signal's handler between any two steps, inside an object's __del__
    or a weakref callback too, and an exception raised there is printed ("Exception
    ignored in") and dropped: `digest serve` sent SIGTERM during its first build served
    on until killed. Each signal is noted as it comes, and the server stops once the
    build is done."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.generate import generate

    project = tmp_path / "digest"
    generate(project, days=5, headlines=5, seed=2)
    script = tmp_path / "lost_signal.py"
    script.write_text(_LOST_SIGNAL.format(signum=int(signum)), "utf-8")
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    args = [sys.executable, str(script), command, "--project", str(project)]
    if command == "serve":
        args += ["--port", "0"]
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        preexec_fn=ctrl_c_as_in_a_terminal,  # a background job's SIGINT is ignored
    )
    assert "Exception ignored in" in done.stderr  # the handler's exception was dropped
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("stopped\n"), done.stdout
    assert "Ctrl-C stops" not in done.stdout  # not served, nor watched, after the build


class _Told:
    """A preview server's state, as _live_build tells it: whether the collector ran then."""

    def __init__(self) -> None:
        self.collector_on: list[bool] = []

    def rebuilding(self) -> None:
        pass

    def built(self, warnings: str | None = None) -> None:
        self.collector_on.append(gc.isenabled())

    def failed(self, errors: str) -> None:
        self.collector_on.append(gc.isenabled())


def test_a_preview_rebuild_runs_the_collector_after_the_browsers_are_told(project: Path) -> None:
    """The cycle collector's pass over a rebuild's new objects costs tens of ms on a large
    digest and frees nothing; it waits until the page is on disk and the browsers know."""
    from builder.build import Builder
    from builder.cli import _live_build

    builder = Builder(Project(project), project / "preview", drafts=True, in_place=True)
    during: list[bool] = []
    build_once = builder.build

    def watched_build(**options: object) -> object:
        during.append(gc.isenabled())
        return build_once(**options)  # type: ignore[arg-type]

    builder.build = watched_build  # type: ignore[method-assign]
    server = type("Server", (), {"state": _Told(), "move_to": lambda self, base: False})()
    assert gc.isenabled()
    _live_build(builder, server, "built")  # type: ignore[arg-type]
    day(project).write_text(day(project).read_text("utf-8") + "\nA sentence.\n", "utf-8")
    _live_build(builder, server, "rebuilt")  # type: ignore[arg-type]
    day(project).write_text("---\ndate: [\n", "utf-8")  # an error: the overlay is told
    _live_build(builder, server, "rebuilt")  # type: ignore[arg-type]
    assert during == [False, False, False]
    assert server.state.collector_on == [False, False, False]
    assert gc.isenabled(), "the collector is on again after a rebuild"
    gc.disable()
    try:  # and off if it was off before
        _live_build(builder, server, "rebuilt")  # type: ignore[arg-type]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_save_while_the_search_catches_up_is_built_at_once(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once nothing changes, the preview's search index catches up: Pagefind indexing the
    archive of ten years takes seconds. A save meanwhile stops it and is built at once;
    the search then catches up again. Here Pagefind waits for as long as a flag file is
    there: held behind it, the second save would never reach the page."""
    import pagefind_bin  # type: ignore[import-untyped]

    real = pagefind_bin.get_executable()
    flag, started = tmp_path / "hold-pagefind", tmp_path / "pagefind-started"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(
        f'#!/bin/sh\nif [ -e "{flag}" ]; then touch "{started}"; fi\n'
        f'while [ -e "{flag}" ]; do sleep 0.1; done\nexec "{real}" "$@"\n',
        "utf-8",
    )
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))
    served = Served(project)
    try:
        target = day(project)
        text = target.read_text("utf-8")
        flag.touch()
        target.write_text(text.replace("---\n", "---\ntitle: A first save\n", 1), "utf-8")
        served.wait_for(lambda: "A first save" in served.page("/2024/07/15/")[1])
        served.wait_for(started.exists)  # the search is catching up, held
        target.write_text(text.replace("---\n", "---\ntitle: A second save\n", 1), "utf-8")
        served.wait_for(lambda: "A second save" in served.page("/2024/07/15/")[1])
        assert "search index updated" not in served.output[served.output.rfind("rebuilt in") :]
        flag.unlink()

        def search_caught_up() -> bool:
            output = served.output
            return "search index updated" in output[output.rfind("rebuilt in") :]

        served.wait_for(search_caught_up, timeout=30)
    finally:
        flag.unlink(missing_ok=True)
        assert served.stop() == 0
    fresh = tmp_path / "fresh"
    now = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    build(Project(project), fresh, now=now, drafts=True)
    assert tree(project / ".digest-cache" / "serve") == tree(fresh)


# digest watch, end to end --------------------------------------------------------------


def test_watch_writes_the_pages_then_the_search_and_matches_a_fresh_build(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`digest watch` rebuilds site/ after a save with the last search index, then, once
    saves stop, builds it again with the new one: the site equals a fresh build. Stopped
    while the search is held back, it says that the index is older than the pages."""
    import pagefind_bin  # type: ignore[import-untyped]

    real = pagefind_bin.get_executable()
    flag = tmp_path / "hold-pagefind"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(
        f'#!/bin/sh\nwhile [ -e "{flag}" ]; do sleep 0.1; done\nexec "{real}" "$@"\n', "utf-8"
    )
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))
    site = project / "site"
    target = day(project)
    text = target.read_text("utf-8")
    build(Project(project), site)  # a `digest build` first: its record says "up to date"
    assert uptodate.load_record(project, site) is not None
    watching = Watching(project)
    try:
        watching.wait_for(lambda: "watching" in watching.output, timeout=30)
        assert uptodate.load_record(project, site) is None  # watch rewrites site/
        target.write_text(text.replace("---\n", "---\ntitle: A fresh title\n", 1), "utf-8")
        watching.wait_for(watching.caught_up, timeout=30)
    finally:
        code = watching.stop()
    assert code == 0 and "older than the pages" not in watching.output, watching.output
    fresh = tmp_path / "fresh"
    now = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    build(Project(project), fresh, now=now)
    assert "A fresh title" in (site / "2024" / "07" / "15" / "index.html").read_text("utf-8")
    assert tree(site) == tree(fresh)

    watching = Watching(project)
    try:
        watching.wait_for(lambda: "watching" in watching.output, timeout=30)
        flag.touch()  # Pagefind waits: the search cannot catch up
        target.write_text(text, "utf-8")
        watching.wait_for(lambda: "rebuilt in" in watching.output, timeout=30)
    finally:
        code = watching.stop()
        flag.unlink(missing_ok=True)
    assert code == 0
    assert "A fresh title" not in (site / "2024" / "07" / "15" / "index.html").read_text("utf-8")
    assert "the search index in" in watching.output and "older than the pages" in watching.output


def test_watch_publishes_the_days_dated_today_once_midnight_passes(
    project: Path, tmp_path: Path
) -> None:
    """A day dated tomorrow is not on the site; `digest watch`, left running, builds it
    again at midnight in the site's time zone, with that day, no file saved. Its clock is
    set seconds before midnight."""
    tomorrow = dt.date(2024, 7, 16)  # the newest day of the `full` site is 2024-07-15
    text = day(project).read_text("utf-8").replace("date: 2024-07-15", f"date: {tomorrow}")
    (day(project).parent / f"{tomorrow}.md").write_text(text, "utf-8")
    config, _ = read_config(Project(project))
    assert config is not None and config.site.timezone == "Europe/Kyiv"
    midnight = dt.datetime(2024, 7, 16, tzinfo=zoneinfo.ZoneInfo(config.site.timezone))
    before, after = midnight - dt.timedelta(seconds=1), midnight + dt.timedelta(seconds=1)
    page = Path("2024", "07", "16", "index.html")
    fresh = {
        when: tree(build(Project(project), tmp_path / str(when.timestamp()), now=when).out_dir)
        for when in (before, after)
    }
    assert page.as_posix() not in fresh[before] and page.as_posix() in fresh[after]

    # Its clock eight seconds before midnight as it starts: time enough for a first build.
    ahead = (midnight - dt.datetime.now(dt.UTC)).total_seconds() - 8
    watching = Watching(project, clock=ahead)
    try:
        watching.wait_for(lambda: "watching" in watching.output, timeout=30)
        watching.wait_for(lambda: "rebuilt in" in watching.output, timeout=30)
        watching.wait_for(watching.caught_up, timeout=30)
    finally:
        code = watching.stop()
    output = watching.output
    assert code == 0, output
    begun = f"{tomorrow} has begun in the site's time zone: rebuilding"
    assert output.index("watching") < output.index(begun) < output.index("rebuilt in"), output
    assert "changed:" not in output
    assert tree(project / "site") == fresh[after]


def test_a_new_day_is_told_only_after_a_good_build_of_published_days(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Builder.new_day`, which the watch loop asks between saves: the date once midnight
    passed since a good build without drafts; never for a preview (it shows future days)
    nor after a failed build (the next save builds anyway)."""
    from builder import clock
    from builder.build import Builder
    from builder.errors import ContentErrors

    late = dt.datetime(2024, 7, 15, 20, 59, 59, tzinfo=dt.UTC)  # 23:59:59 in Kyiv
    monkeypatch.setattr(clock, "current_time", lambda environ: late)
    published = Builder(Project(project), tmp_path / "site")
    preview = Builder(Project(project), tmp_path / "preview", drafts=True, in_place=True)
    for builder in (published, preview):
        builder.build()
        assert builder.new_day() is None
    late += dt.timedelta(seconds=1)
    assert published.new_day() == dt.date(2024, 7, 16) and preview.new_day() is None
    day(project).write_text("---\ndate: [\n", "utf-8")
    with pytest.raises(ContentErrors):
        published.build()
    assert published.new_day() is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_server_on_every_address_names_those_a_browser_opens(tmp_path: Path, host: str) -> None:
    """`--host 0.0.0.0` (or `::`) serves on the machine's network too, so that an editor
    can open the preview on a phone: the address said is the loopback one and the
    machine's own on its network (none without a route), and each serves the site."""
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>t</title><p>A page.</p>\n")
    try:
        server = PreviewServer(tmp_path, host, 0)
    except OSError:  # pragma: no cover - a machine without IPv6
        pytest.skip(f"cannot listen on {host}")
    server.start()
    try:
        port = server.server_address[1]
        said = server.addresses
        urls = re.findall(r"http://[^ ,]+", said)
        loopback = "127.0.0.1" if host == "0.0.0.0" else "[::1]"
        assert urls[0] == f"http://{loopback}:{port}/"
        families = [socket.AF_INET] if host == "0.0.0.0" else [socket.AF_INET6]
        if host == "::" and not server.socket.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY):
            families.append(socket.AF_INET)  # a socket of both families (Linux's default)
        found = [network_address(family) for family in families]
        networks = [f"[{a}]" if ":" in a else a for a in found if a is not None]
        assert urls[1:] == [f"http://{address}:{port}/" for address in networks]
        if networks:
            assert said.startswith(f"{urls[0]}, and on the network at {urls[1]}")
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        for url in urls:
            with direct.open(url, timeout=10) as answer:
                assert b"A page." in answer.read()
    finally:
        server.stop()


def test_a_server_on_one_address_names_that_one(tmp_path: Path) -> None:
    server = PreviewServer(tmp_path, "127.0.0.1", 0)
    try:
        assert server.addresses == f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.stop()


def project_relative(path: Path) -> str:
    return path.as_posix().split("/project/", 1)[1]


@pytest.mark.parametrize("port", ["65536", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(
    port: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--port 65536 ended in Python's OverflowError, --port -1 in a resolver's riddle."""
    from builder import cli

    shutil.copytree(FULL / "content", tmp_path / "content")
    with pytest.raises(SystemExit) as stopped:
        cli.main(["serve", "--port", port, "--project", str(tmp_path)])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    said = err.rsplit("argument --port: ", 1)[-1]
    assert said in (
        f"'{port}' is no port: give a number\n",
        f"{port} is no port: give 0 to 65535 (0: any free)\n",
    )
    assert "Traceback" not in err


def test_a_preview_into_a_built_site_leaves_the_next_build_to_build_it(tmp_path: Path) -> None:
    """`digest serve --out site` puts drafts and future days into site/: the next `digest
    build` builds site/ again, where it found it up to date and left the drafts there."""
    shutil.copytree(FULL / "content", tmp_path / "content")
    project = Project.find(tmp_path)
    out = tmp_path / "site"
    build(project, out)
    assert uptodate.load_record(tmp_path, out) is not None
    served = Running("serve", "--port", "0", "--out", str(out), "--project", str(tmp_path))
    served._read_on()
    served.wait_for(lambda: "serving" in served.output, timeout=60)
    assert served.stop(timeout=30) == 0
    assert uptodate.load_record(tmp_path, out) is None


def test_a_port_in_use_is_refused_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another program (or another `digest serve`) has the port: the server says so and
    which port to try, before it builds anything (exit status 2, a usage error)."""
    from builder import cli

    shutil.copytree(FULL / "content", tmp_path / "content")
    taken = socket.socket()
    try:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = cli.main(["serve", "--port", str(port), "--project", str(tmp_path)])
    finally:
        taken.close()
    err = capsys.readouterr().err
    assert status == 2
    assert err == (
        f"digest: error: cannot listen on 127.0.0.1:{port}: Address already in use (another "
        "program, or another digest serve, has it); stop it, or choose another port: "
        f"digest serve --port {port + 1}\n"
    )
    assert not (tmp_path / ".digest-cache" / "serve").exists()  # nothing was built

"""digest serve under load: 200 loopback clients while day files change, and hostile requests.

A real `python3 -m builder serve` process on a copy of tests/sites/full. Every response a
client gets while rebuilds are committed must be a complete file (the writer moves each file
into place atomically; the server adds the live-reload script once), the server must keep
answering, and requests that try to leave the served folder, or that are far too large, are
refused. All traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from serving import HOST, Served

FULL = Path(__file__).parent / "sites" / "full"
CLIENTS = 200
REQUESTS_EACH = 15
LOAD_CAP = 30.0  # seconds for the whole load, clients and edits together
EDITS = 20
EDIT_GAP = 0.3
SECRET = "digest-load-test-secret-7f3a"  # in a file next to the served folder
LIVE_TAG = re.compile(rb'<script src="/__digest__/live\.js" data-version="\d+"></script>')
EDITED_DAYS = ("2024-07-15", "2024-07-16")


@pytest.fixture(scope="module")
def project() -> Iterator[Path]:
    # Not tmp_path_factory: another pytest run on this machine prunes old basetemp folders,
    # and this project lives for the whole module.
    with tempfile.TemporaryDirectory(prefix="digest-serve-load-") as folder:
        root = Path(folder) / "project"
        make_project(root)
        yield root


def make_project(root: Path) -> None:
    shutil.copytree(FULL / "content", root / "content")
    with (root / "content" / "site.yaml").open("a", encoding="utf-8") as site:
        site.write("days_per_page: 2\n")  # /page/2/ exists however the days change
    (root / "secret.txt").write_text(SECRET + "\n", "utf-8")
    (root / ".digest-cache").mkdir()
    (root / ".digest-cache" / "secret.txt").write_text(SECRET + "\n", "utf-8")


@pytest.fixture(scope="module")
def served(project: Path) -> Iterator[Served]:
    server = Served(project)
    yield server
    if server.process.poll() is None:  # the last test stops it; this is for a failed run
        server.stop()


def status_of(response: bytes) -> int:
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", response)
    assert match, response[:200]
    return int(match[1])


def server_says(output: str) -> str:
    """The server's own lines, without socketserver's reports of clients that hung up."""
    noise = re.compile(
        r"^(-{40}|Traceback |  |Exception occurred during processing|\('127\.0\.0\.1'"
        r"|BrokenPipeError|ConnectionResetError|\s*$)"
    )
    return "\n".join(line for line in output.splitlines() if not noise.match(line))


def unexpected_errors(output: str) -> list[str]:
    """Exceptions in the server's output other than clients that hung up mid-answer.

    socketserver prints a traceback for each BrokenPipeError or ConnectionResetError while
    writing an answer to a client that has gone (here: clients that gave up after 10 s);
    the threads' reports interleave, so this looks at the lines that name an exception.
    """
    named = re.compile(r"^\s*(?:[\w.]+\.)?\w*(?:Error|Exception|Interrupt)\b.*$", re.M)
    return [
        line
        for line in named.findall(output)
        if not line.strip().startswith(("BrokenPipeError", "ConnectionResetError"))
        and "Exception occurred during processing" not in line
    ]


def alive(served: Served) -> None:
    assert served.process.poll() is None, served.output
    status, _, body = served.get("/")
    assert status == 200 and body.endswith(b"</html>\n"), body[-200:]


# 200 clients while day files change ---------------------------------------------------------


def check(path: str, status: int, headers: dict[str, str], body: bytes, css: bytes) -> str | None:
    """What is wrong with one response, or None."""
    if status != 200:
        return f"{path}: status {status}"
    if headers.get("content-length") != str(len(body)):
        return f"{path}: Content-Length {headers.get('content-length')} but {len(body)} bytes"
    if path.endswith(".xml"):
        try:
            ET.fromstring(body)
        except ET.ParseError as exc:
            return f"{path}: XML does not parse ({exc}); ends {body[-80:]!r}"
    elif path.endswith(".json"):
        try:
            json.loads(body)
        except ValueError as exc:
            return f"{path}: JSON does not parse ({exc}); ends {body[-80:]!r}"
    elif path.endswith(".css"):
        if body != css:
            return f"{path}: {len(body)} bytes, not the {len(css)} on disk"
    else:
        if not body.endswith(b"</html>\n"):
            return f"{path}: HTML does not end with </html>: {body[-80:]!r}"
        if body.count(b"<html") != 1:
            return f"{path}: {body.count(b'<html')} <html tags"
        if len(LIVE_TAG.findall(body)) != 1 or body.count(b"/__digest__/live.js") != 1:
            return f"{path}: the live-reload script {len(LIVE_TAG.findall(body))} times"
    return None


def edit(project: Path, number: int) -> str:
    """Save a day with a new title the way editors do: a temporary file renamed onto it."""
    date = EDITED_DAYS[number % len(EDITED_DAYS)]
    target = project / "content" / "digests" / date[:4] / f"{date}.md"
    text = re.sub(r"^title: .*\n", "", target.read_text("utf-8").removeprefix("---\n"), flags=re.M)
    title = f"Load edit number {number}"
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(f"---\ntitle: {title}\n{text}", "utf-8")
    os.replace(temporary, target)
    return title


class Load:
    """What 200 clients saw while a day file was saved again and again."""

    def __init__(self) -> None:
        self.problems: list[str] = []  # responses that are not a complete file
        self.failed: Counter[str] = Counter()  # requests with no answer: the error's type
        self.answered: Counter[str] = Counter()
        self.slow = 0  # answered, but after more than 2 s
        self.titles: list[str] = []
        self.editor_failed: list[BaseException] = []
        self.seconds = 0.0
        self.rebuilds = 0
        self.overflows: int | None = None  # the kernel's ListenOverflows count, if readable

    def __str__(self) -> str:
        return (
            f"{sum(self.answered.values())} answered in {self.seconds:.1f} s ({self.slow} "
            f"after more than 2 s), failed {dict(self.failed)}, {self.rebuilds} rebuilds, "
            f"listen overflows {self.overflows}"
        )


def listen_overflows() -> int | None:
    """Connections the kernel dropped because an accept queue was full (all sockets)."""
    try:
        lines = Path("/proc/net/netstat").read_text().splitlines()
    except OSError:
        return None
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        row = dict(zip(names.split(), values.split(), strict=False))
        if "ListenOverflows" in row:
            return int(row["ListenOverflows"])
    return None


@pytest.fixture(scope="module")
def load(served: Served, project: Path) -> Load:
    """Run the load once; the tests below look at what it found."""
    status, _, home = served.get("/")
    assert status == 200
    css_path = re.search(rb'href="(/static/style\.[0-9a-f]+\.css)"', home)
    assert css_path, home[:2000]
    css = (project / ".digest-cache" / "serve" / css_path[1].decode().lstrip("/")).read_bytes()
    paths = [
        "/", "/2024/07/15/", "/2024/07/16/", "/2024/07/", "/2024/", "/tags/frontline/",
        "/tags/diplomacy/", "/tags/", "/archive/", "/page/2/", "/atom.xml", "/rss.xml",
        "/feed.json", "/tags/frontline/atom.xml", "/tags/diplomacy/rss.xml", "/sitemap.xml",
        css_path[1].decode(),
    ]  # fmt: skip
    built_before = served.output.count("rebuilt in")
    overflows_before = listen_overflows()
    result = Load()
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS + 1)
    deadline = time.monotonic() + LOAD_CAP

    def client(number: int) -> None:
        keep_alive = number % 2 == 1  # half reuse one connection, half open one per request
        connection: http.client.HTTPConnection | None = None
        try:
            start.wait(timeout=30)
        except threading.BrokenBarrierError:
            return
        for request in range(REQUESTS_EACH):
            if time.monotonic() > deadline:
                with lock:
                    result.failed["not sent: time cap"] += REQUESTS_EACH - request
                break
            path = paths[(number * 7 + request) % len(paths)]
            began = time.monotonic()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, served.port, timeout=10)
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                headers = {k.lower(): v for k, v in response.getheaders()}
                problem = check(path, response.status, headers, body, css)
                if not keep_alive or response.will_close:
                    connection.close()
                    connection = None
                with lock:
                    result.answered[path] += 1
                    result.slow += time.monotonic() - began > 2
                    if problem:
                        result.problems.append(problem)
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    result.failed[type(exc).__name__] += 1
                if connection is not None:
                    connection.close()
                    connection = None
        if connection is not None:
            connection.close()

    def editor() -> None:
        try:
            start.wait(timeout=30)
            for number in range(EDITS):
                if time.monotonic() > deadline:
                    break
                result.titles.append(edit(project, number))
                time.sleep(EDIT_GAP)
        except BaseException as exc:  # reported by the tests, not lost in the thread
            result.editor_failed.append(exc)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    threads.append(threading.Thread(target=editor, daemon=True))
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.1, deadline + 20 - time.monotonic()))
    result.seconds = time.monotonic() - began
    assert not any(thread.is_alive() for thread in threads), "clients still running"
    assert not result.editor_failed, result.editor_failed
    assert len(result.titles) == EDITS, result.titles

    # The edits were rebuilt while the clients were reading, and the last one is served.
    last_day = "/" + EDITED_DAYS[(EDITS - 1) % len(EDITED_DAYS)].replace("-", "/") + "/"
    waited = time.monotonic() + 20
    while result.titles[-1].encode() not in served.get(last_day)[2]:
        assert time.monotonic() < waited, server_says(served.output)[-3000:]
        time.sleep(0.2)
    result.rebuilds = served.output.count("rebuilt in") - built_before
    overflows_after = listen_overflows()
    if overflows_before is not None and overflows_after is not None:
        result.overflows = overflows_after - overflows_before
    print(f"\nload: {result}")
    return result


def test_200_clients_get_only_complete_files_while_days_change(served: Served, load: Load) -> None:
    assert not load.problems, f"{len(load.problems)} bad responses ({load}):\n" + "\n".join(
        load.problems[:20]
    )
    # A truncated or reset answer would show here as IncompleteRead, RemoteDisconnected or
    # ConnectionResetError: none is allowed. Requests that got no answer within 10 s are the
    # listen-backlog defect below (measured: 29 to 108 of 3,000 on this loaded 2-core
    # machine); up to a tenth are tolerated here so that this test is about whole files.
    assert set(load.failed) <= {"TimeoutError"}, str(load)
    assert sum(load.answered.values()) >= CLIENTS * REQUESTS_EACH * 9 // 10, str(load)
    assert load.rebuilds >= 1, server_says(served.output)[-3000:]
    assert not unexpected_errors(served.output), unexpected_errors(served.output)
    alive(served)


def listen_backlog(port: int) -> int | None:
    """The listening socket's accept-queue size, as `ss` shows it (None without `ss`)."""
    if shutil.which("ss") is None:
        return None
    shown = subprocess.run(
        ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=False
    ).stdout.split()
    return int(shown[2]) if len(shown) > 2 and shown[2].isdigit() else None


def test_no_request_of_200_clients_goes_unanswered(served: Served, load: Load) -> None:
    backlog = listen_backlog(served.port)
    assert backlog is None or backlog >= 128, f"listen backlog {backlog}; {load}"
    assert not load.failed, str(load)


# Requests that try to leave the folder ---------------------------------------------------


TRAVERSALS = [
    "/../../etc/passwd",
    "/../../../../../../etc/passwd",
    "/../../secret.txt",
    "/../secret.txt",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E/%2E%2E/secret.txt",
    "/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/.%2e/.%2e/secret.txt",
    "/%252e%252e/%252e%252e/secret.txt",
    "/..%5c..%5csecret.txt",
    "/..\\..\\secret.txt",
    "/%5c..%5c..%5csecret.txt",
    "/C:\\Windows\\win.ini",
    "/C:/Windows/win.ini",
    "//etc/passwd",
    "/tags/../../../secret.txt",
    "/../../content/site.yaml",
    "/secret.txt%00.html",
    "/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt",  # overlong UTF-8 dots
    "/..;/..;/secret.txt",
]


@pytest.mark.parametrize("path", TRAVERSALS)
@pytest.mark.parametrize("form", ["origin", "absolute"])
def test_traversal_is_refused(served: Served, path: str, form: str) -> None:
    target = f"http://{HOST}:{served.port}{path}" if form == "absolute" else path
    response = served.raw(
        f"GET {target} HTTP/1.1\r\nHost: {HOST}:{served.port}\r\nConnection: close\r\n\r\n".encode()
    )
    assert status_of(response) in (400, 404), response[:300]
    for leaked in (SECRET.encode(), b"root:x:0:0", b"base_url", b"[fonts]"):
        assert leaked not in response


def test_a_file_inside_the_folder_is_still_served_raw(served: Served) -> None:
    """The same raw requests do reach files that are there: the refusals above are real."""
    for target in ("/", f"http://{HOST}:{served.port}/tags/frontline/"):
        response = served.raw(
            f"GET {target} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode()
        )
        assert status_of(response) == 200 and response.endswith(b"</html>\n"), response[:300]


# Requests far over the limits ------------------------------------------------------------


def test_a_70000_byte_path_is_refused(served: Served) -> None:
    response = served.raw(b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert response == b"" or status_of(response) == 414, response[:300]
    alive(served)


def test_a_70000_byte_header_is_refused(served: Served) -> None:
    response = served.raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 70_000 + b"\r\n\r\n")
    assert response == b"" or status_of(response) in (400, 431), response[:300]
    alive(served)


def test_a_megabyte_in_100_headers_is_refused(served: Served) -> None:
    headers = b"".join(b"X-Filler-%d: %s\r\n" % (n, b"c" * 10_000) for n in range(100))
    response = served.raw(b"GET / HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
    assert response == b"" or status_of(response) in (400, 431), response[:300]
    alive(served)


def test_a_header_section_that_never_ends_is_cut_off(served: Served) -> None:
    headers = b"".join(b"X-Filler-%d: d\r\n" % n for n in range(5_000))
    response = served.raw(b"GET / HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
    assert response == b"" or status_of(response) in (400, 431), response[:300]
    alive(served)


def test_garbage_request_lines_are_refused(served: Served) -> None:
    for request in (b"\x00\x01\x02 garbage\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"):
        response = served.raw(request)
        if response.startswith(b"<!DOCTYPE"):  # refused before the version is known:
            assert re.search(rb"Error code: [45]\d\d", response), response[:300]  # no status line
        else:
            assert response == b"" or 400 <= status_of(response) < 600, response[:300]
    alive(served)


# Ctrl-C -------------------------------------------------------------------------------------


def test_ctrl_c_stops_it_with_status_0(served: Served) -> None:
    """Last in this file: it stops the server the tests above share."""
    alive(served)
    began = time.monotonic()
    assert served.stop() == 0, server_says(served.output)[-3000:]
    assert time.monotonic() - began < 10
    assert "stopped" in served.output
    assert not unexpected_errors(served.output), unexpected_errors(served.output)

"""`digest serve` and `digest watch` processes for tests, their output collected; the
server started on a free loopback port.

Shared by tests/test_watch_serve.py and tests/test_serve_load.py. Traffic goes to
127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

EPOCH = "1893456000"  # 2030-01-01: every sample day is published
HOST = "127.0.0.1"


def ctrl_c_as_in_a_terminal() -> None:
    """Let SIGINT stop the server as Ctrl-C does in a terminal, even when the tests run
    where SIGINT is ignored (a shell's background job): a process that inherits it ignored
    keeps ignoring it, as Python does, and `stop` would wait in vain."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


# `python -m builder`, its clock moved ahead (clock.current_time, which every build asks).
_AHEAD = """
import datetime, sys
from builder import clock, cli
real = clock.current_time
clock.current_time = lambda environ: real(environ) + datetime.timedelta(seconds={seconds})
sys.argv[0] = "digest"
cli.run()
"""


class Running:
    """A digest command in a process of its own, its output collected by a thread."""

    def __init__(self, *arguments: str, clock: float | None = None) -> None:
        """Run `digest ARGUMENTS` at EPOCH; with `clock`, on a clock that many seconds
        ahead of the real one (behind, when negative), for every build it makes."""
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONUNBUFFERED": "1"}
        env["PYTHONFAULTHANDLER"] = "1"  # a stuck process tells where (stop)
        command = [sys.executable, "-m", "builder", *arguments]
        if clock is not None:
            del env["SOURCE_DATE_EPOCH"]
            command = [sys.executable, "-c", _AHEAD.format(seconds=clock), *arguments]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            preexec_fn=ctrl_c_as_in_a_terminal,
        )
        self.lines: list[str] = []

    def _read_on(self) -> None:
        """Collect the rest of the output in a thread."""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.1)
        raise AssertionError("timed out; output:\n" + self.output)

    def stop(self, signum: int = signal.SIGINT, timeout: float = 10.0) -> int:
        """Stop the process with Ctrl-C (SIGINT), or another signal; return its exit status.
        A process still running `timeout` seconds later fails the test with its output and
        the stacks of its threads (faulthandler's, on SIGABRT), to tell what held it."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGABRT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
            self.reader.join(timeout=5)
            raise AssertionError(
                f"still running {timeout} s after signal {signum}; its output, then the "
                f"stacks of its threads:\n{self.output}"
            ) from None
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.reader.join(timeout=5)
            assert self.process.stdout is not None
            self.process.stdout.close()
        return code


class Served(Running):
    """A `digest serve` process on a free loopback port, its output collected."""

    def __init__(self, project: Path) -> None:
        super().__init__("serve", "--project", str(project), "--port", "0")
        self.port = 0
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            match = re.search(r"serving .* at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match[1])
                break
        assert self.port, "".join(self.lines)
        self._read_on()

    def get(self, path: str, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
        """GET a path; return the status, the headers (lower-cased names) and the body."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        finally:
            connection.close()

    def page(self, path: str) -> tuple[int, str]:
        """GET a path; return the status and the body as text."""
        status, _, body = self.get(path)
        return status, body.decode("utf-8", errors="replace")

    def raw(self, request: bytes, timeout: float = 10) -> bytes:
        """Send bytes as they are; return everything until the server closes (b"" if reset)."""
        with socket.create_connection((HOST, self.port), timeout=timeout) as connection:
            # Refused before all of it was read: the answer, if any, is still there.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                connection.sendall(request)
            received = b""
            try:
                while chunk := connection.recv(65536):
                    received += chunk
            except ConnectionResetError:
                pass  # closed with our unread bytes in its buffer
            return received

    def first_event(self) -> str:
        """Return the first message of the live-reload event stream."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=10)
        connection.request("GET", "/__digest__/events")
        response = connection.getresponse()
        text = ""
        while "\n\n" not in text:
            text += response.fp.readline().decode()
        connection.close()
        return text


class Watching(Running):
    """A `digest watch` process building the project's site/, its output collected."""

    def __init__(self, project: Path, clock: float | None = None) -> None:
        super().__init__("watch", "--project", str(project), clock=clock)
        self._read_on()

    def caught_up(self) -> bool:
        """Whether the search caught up after the last rebuild."""
        output = self.output
        last = output.rfind("rebuilt in")
        return last >= 0 and "search index updated" in output[last:]

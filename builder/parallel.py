"""Work in a forked process beside the build: the second core renders pages and feeds too.

`Forked(work)` runs `work()` in a child made by os.fork, which shares everything the build
has made so far (the library, the plan, the rendered headlines) without copying or
pickling it; only the result comes back, pickled through a pipe. An error in the child
comes back as the same kind of error (ContentErrors with its problems, OutputError with
its message); anything else as a RuntimeError carrying the child's traceback. The child
dies with its parent (PR_SET_PDEATHSIG on Linux), so a killed build never leaves a
process writing into a folder the next build cleans up.

Only `digest build` forks (a one-shot process with no threads); the preview server, whose
watcher runs threads, renders in one process.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .errors import ContentErrors, OutputError

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    """Whether a second process can help: fork exists and there is a second core."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Forked(Generic[T]):
    """`work()` running in a forked child; `join()` waits and returns what it returned."""

    def __init__(self, work: Callable[[], T]) -> None:
        parent = os.getpid()
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _run_child(work, write_end, parent)
        os.close(write_end)
        self.pid = pid
        self.read_end = read_end

    def join(self) -> T:
        """Wait for the child; return its result or raise its error."""
        with os.fdopen(self.read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if not data:
            raise RuntimeError(f"the rendering process died ({_describe(status)})")
        kind, value = pickle.loads(data)
        if kind == "ok":
            result: T = value
            return result
        if kind == "content":
            raise ContentErrors(value)
        if kind == "output":
            raise OutputError(value)
        raise RuntimeError(f"the rendering process failed:\n{value}")

    def cancel(self) -> None:
        """Stop the child (the build failed elsewhere) and reap it."""
        if self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            os.close(self.read_end)
            self.pid = 0


class JobQueue:
    """Hands out job numbers 0..count-1, a few at a time, to whichever process asks first,
    so two processes finish together however unequal the jobs (a counter in shared memory,
    made before the fork)."""

    CHUNK = 4

    def __init__(self, count: int) -> None:
        self.count = count
        self.next = multiprocessing.get_context("fork").Value("q", 0)

    def __iter__(self) -> Iterator[int]:
        while True:
            with self.next.get_lock():
                start = self.next.value
                self.next.value = start + self.CHUNK
            if start >= self.count:
                return
            yield from range(start, min(start + self.CHUNK, self.count))


def _run_child(work: Callable[[], object], write_end: int, parent: int) -> None:
    code = 0
    try:
        _die_with_parent(parent)
        payload: tuple[str, object] = ("ok", work())
    except ContentErrors as exc:
        payload = ("content", exc.problems)
    except OutputError as exc:
        payload = ("output", str(exc))
    except BaseException:  # everything goes back to the parent
        payload, code = ("crash", traceback.format_exc()), 1
    try:
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(payload, pipe)
    finally:
        os._exit(code)


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux); check it still lives."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"

"""Work in a forked process beside the build: the second core renders pages and feeds too.

`Forked(work)` runs `work()` in a child made by os.fork, which shares everything the build
has made so far (the library, the plan, the rendered headlines) without copying or
pickling it; only the result comes back, pickled through a pipe. An error in the child
comes back as the same kind of error (ContentErrors with its problems, OutputError with
its message); anything else as a RuntimeError carrying the child's traceback. The child
dies with its parent (PR_SET_PDEATHSIG on Linux), so a killed build never leaves a
process writing into a folder the next build cleans up.

`shared_map(function, items)` maps items in this process and a forked child together,
the child sending its results back as it goes (`digest build` and `digest check` parse day
files so).

Only `digest build`, `digest check` (one-shot processes with no threads) and the first
build of `digest watch` and `digest serve`, before the watcher's and the server's threads
start, fork; once watching, they render in one process and parse in a pool of fresh
workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from .errors import ContentErrors, OutputError

T = TypeVar("T")
A = TypeVar("A")
R = TypeVar("R")
_PR_SET_PDEATHSIG = 1


# The signals that stop digest (cli.py), held while a process is made. After a fork Python
# runs, in the parent, the callbacks registered for one, logging's among them, which
# releases the lock it took before; a signal whose handler raised inside one had its
# exception printed and dropped ("Exception ignored in: <function _releaseLock>"), and left
# logging's lock held for ever: `digest serve`, stopped so during its first build, built
# on, then hung as it stopped its watcher, whose thread logs. Held, the signal is handled
# once the process is made, where its exception goes through.
_STOP_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def signals_held(hold: bool = True) -> Iterator[None]:
    """Hold the signals that stop digest (deliver them after the block; `hold` False: do
    nothing), around making a process: os.fork, or a program started with a preexec_fn."""
    if not hold or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _fork(*pipe: int) -> int:
    """Fork (output flushed first, or the child would print it again), the signals that stop
    digest held meanwhile (`signals_held`); a stop asked for then is raised here in the
    parent, once its child is killed and reaped and the ends of its `pipe` closed."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = 0
    try:
        with signals_held():
            pid = os.fork()
    except BaseException:
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        for end in pipe:
            os.close(end)
        raise
    return pid


def can_fork() -> bool:
    """Whether a second process can help: fork exists and there is a second core."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Forked(Generic[T]):
    """`work()` running in a forked child; `join()` waits and returns what it returned.
    With `yielding`, the child runs at the lowest priority (nice 19): it takes only what
    other processes leave of the cores."""

    def __init__(self, work: Callable[[], T], yielding: bool = False) -> None:
        parent = os.getpid()
        read_end, write_end = os.pipe()
        pid = _fork(read_end, write_end)
        if pid == 0:  # the child: never returns
            os.close(read_end)
            if yielding:
                with contextlib.suppress(OSError):
                    os.nice(19)  # capped at the lowest
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
        for chunk in self.chunks():
            yield from chunk

    def chunks(self) -> Iterator[range]:
        """Hand out the job numbers a few at a time."""
        while True:
            with self.next.get_lock():
                start = self.next.value
                self.next.value = start + self.CHUNK
            if start >= self.count:
                return
            yield range(start, min(start + self.CHUNK, self.count))


_MISSING = object()
_FRAME = 8  # bytes of length before each batch of results in the pipe
_F_SETPIPE_SZ = 1031  # fcntl's, on Linux
_PIPE_SIZE = 1 << 20  # the most an unprivileged process may ask for, by default


def shared_map(function: Callable[[A], R], items: Sequence[A]) -> list[R]:
    """Return `[function(item) for item in items]`, computed by this process and a forked
    child together: each takes the next few items until none is left (JobQueue), and the
    child sends its results back as it goes, which this process unpickles between its own.

    A child that fails or dies leaves its items undone: this process does them, so an error
    is raised here, as the plain loop would raise it. Only for callers with no threads.
    """
    queue = JobQueue(len(items))
    results: list[Any] = [_MISSING] * len(items)
    parent = os.getpid()
    read_end, write_end = os.pipe()
    with contextlib.suppress(OSError, ImportError):  # room for the child to run ahead
        import fcntl  # Linux's: elsewhere the pipe keeps its size

        fcntl.fcntl(write_end, _F_SETPIPE_SZ, _PIPE_SIZE)
    pid = _fork(read_end, write_end)
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _map_in_child(function, items, queue, write_end, parent)
    os.close(write_end)
    received = bytearray()
    try:
        os.set_blocking(read_end, False)
        for chunk in queue.chunks():
            for index in chunk:
                results[index] = function(items[index])
            _receive(read_end, received, results, wait=False)
        os.set_blocking(read_end, True)
        _receive(read_end, received, results, wait=True)
    finally:
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # done by now, unless this process failed
        os.waitpid(pid, 0)
    for index, result in enumerate(results):
        if result is _MISSING:  # the child's, had it not failed
            results[index] = function(items[index])
    return results


def _map_in_child(
    function: Callable[[A], R], items: Sequence[A], queue: JobQueue, write_end: int, parent: int
) -> None:
    try:
        _die_with_parent(parent)
        for chunk in queue.chunks():
            batch = pickle.dumps([(i, function(items[i])) for i in chunk], protocol=5)
            frame = memoryview(len(batch).to_bytes(_FRAME, "little") + batch)
            while frame:
                frame = frame[os.write(write_end, frame) :]
    finally:
        os._exit(0)  # an error: the parent does what is left


def _receive(read_end: int, received: bytearray, results: list[Any], wait: bool) -> None:
    """Read what the child sent (until it ends, with `wait`) and put each whole batch of
    results in its place."""
    while True:
        try:
            data = os.read(read_end, _PIPE_SIZE)
        except BlockingIOError:
            data = None
        if data:
            received += data
        while len(received) >= _FRAME:
            size = int.from_bytes(received[:_FRAME], "little")
            if len(received) < _FRAME + size:
                break
            for index, result in pickle.loads(received[_FRAME : _FRAME + size]):
                results[index] = result
            del received[: _FRAME + size]
        if not data:  # nothing more for now, or (b"") the child has ended
            return


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
        _libc().prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


@functools.cache
def _libc() -> Any:
    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def dies_with_this_process() -> Callable[[], None] | None:
    """Return a `preexec_fn` for a program this process starts (Pagefind) that has the
    kernel kill it when this process dies, as the forked children are: a build killed
    outright (SIGKILL, the out-of-memory killer) would otherwise leave it indexing on for
    seconds, with hundreds of MB, into a folder nobody reads. Linux only, and None beside
    other threads (serve and watch), where code between fork and exec may deadlock: they
    stop their programs themselves."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    _libc()  # loaded before the fork: nothing is looked up between fork and exec
    return functools.partial(_program_child, os.getpid())


def _program_child(parent: int) -> None:
    """Between fork and exec: die with the parent, and take the signals that stop digest
    again (held while the program was started: `signals_held`), as the program would."""
    _die_with_parent(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def process_alive(pid: int) -> bool:
    """Tell whether a process with this id is running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"

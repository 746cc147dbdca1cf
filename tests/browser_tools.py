"""Headless Chromium for tests: the tools, a loopback file server, contexts that reach only it.

Shared by tests/test_browser.py (axe-core, search, screenshots) and tests/test_hostile.py
(hostile content loaded page by page). Debian's Chromium (/usr/bin/chromium, or $CHROMIUM)
is driven by Playwright for Python, never a browser Playwright downloads. Outside CI a
missing tool skips the test; in CI (CI=true) it fails it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = "127.0.0.1"


def missing(what: str) -> None:
    """Skip the test (fail it in CI): a tool the browser tests need is not installed."""
    message = f"{what} is missing: run the tests through scripts/test.sh"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def chromium_path() -> str:
    """Return Debian's Chromium and make sure Playwright for Python is importable."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).is_file():
        missing(f"Chromium ({chromium})")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("Playwright for Python")
    return chromium


def axe_path() -> str:
    """Return axe-core's axe.min.js ($AXE_JS)."""
    axe = os.environ.get("AXE_JS", "")
    if not axe or not Path(axe).is_file():
        missing("axe-core (AXE_JS)")
    return axe


@contextlib.contextmanager
def launched_chromium() -> Iterator[Any]:
    """Yield one headless Chromium (a Playwright Browser)."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def guarded(instance: Any, blocked: list[str], **options: Any) -> Any:
    """Return a new browser context whose requests to any host but 127.0.0.1 fail.

    Every refused request is appended to `blocked`, for the test to assert there was none.
    """
    context = instance.new_context(**options)

    def guard(route: Any) -> None:
        host = urllib.parse.urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == LOOPBACK:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder under a base path (any other path is 404); logs nothing."""

    base_path = "/"

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        decoded = urllib.parse.unquote(path)
        base = urllib.parse.unquote(self.base_path)
        if not decoded.startswith(base):
            return str(Path(self.directory) / ".no-such-file-outside-the-base-path")
        rest = "/" + decoded[len(base) :]
        return super().translate_path(urllib.parse.quote(rest))

    def handle(self) -> None:
        # The browser may give up on a request (a favicon): nothing is left to answer.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, base_path: str = "/") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at `base_path` from a thread; yield the site's address.

    The address is the base path as a browser writes it (percent-encoded where needed).
    """
    handler_class = type("Handler", (_QuietHandler,), {"base_path": base_path})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        quoted = urllib.parse.quote(base_path, safe="/'()*!$&+,;=:@%")
        yield f"http://{LOOPBACK}:{server.server_address[1]}{quoted}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

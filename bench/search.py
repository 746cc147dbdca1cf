"""Measure a reader's first search on a slow connection, on a built site.

Serves SITE (a folder `digest build` wrote, at the root path) on 127.0.0.1 as a poor mobile
connection would (each response 150 ms late, all of them sharing 1.6 Mbit/s: the server
throttles, so the requests of Pagefind's web worker are slowed and counted too), opens its
search page in headless Chromium ($CHROMIUM, else /usr/bin/chromium; no cache, no service
worker), waits until the page has loaded what it loads on arrival, then types a query and
times it until the days found are shown (the first page of them). Prints, for each run,
the seconds from the query to the first day shown and to all, and the requests and bytes
of the page's arrival and of the query; then the medians. The search's bundles are merged
as the page merges them, so this is what the number of bundles costs a reader.

    python3 bench/search.py site --runs 3 --query drone
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser_tools import CHROMIUM_ARGS  # noqa: E402 - the flags the tests run Chromium with

LATENCY_MS = 150
DOWN = 1_600_000 // 8  # bytes a second


class _Link:
    """The connection's downlink, shared by every response, and what went over it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free_at = 0.0
        self.requests = 0
        self.bytes = 0

    def send(self, size: int) -> None:
        """Wait until `size` more bytes have gone over the link after those before them."""
        with self.lock:
            start = max(time.perf_counter(), self.free_at)
            self.free_at = start + size / DOWN
            done = self.free_at
            self.bytes += size
        time.sleep(max(0.0, done - time.perf_counter()))


LINK = _Link()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        with LINK.lock:
            LINK.requests += 1
        time.sleep(LATENCY_MS / 1000)
        super().do_GET()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        while chunk := source.read(16_384):
            LINK.send(len(chunk))
            outputfile.write(chunk)

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _one_search(browser: Any, address: str, query: str) -> dict[str, float]:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    LINK.requests = LINK.bytes = 0
    page.goto(address + "search/")
    page.wait_for_load_state("networkidle")
    arrival = (LINK.requests, LINK.bytes)
    LINK.requests = LINK.bytes = 0
    start = time.perf_counter()
    page.fill("#search-query", query)
    page.wait_for_selector("#search-results > li", timeout=60_000)
    first = time.perf_counter() - start
    page.wait_for_function(
        """() => {
            const count = /\\d+/.exec(document.querySelector("#search-status").textContent);
            return count && document.querySelectorAll("#search-results > li").length
                === Math.min(Number(count[0]), 20);
        }""",
        timeout=60_000,
    )
    shown = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    result = {
        "first day": first,
        "all shown": shown,
        "arrival requests": arrival[0],
        "arrival KB": arrival[1] / 1000,
        "query requests": LINK.requests,
        "query KB": LINK.bytes / 1000,
    }
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="drone")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    bundles = sorted(p.name for p in args.site.iterdir() if p.name.startswith("pagefind"))
    print(f"{args.site}: bundles {', '.join(bundles)}; query {args.query!r}")
    runs = []
    with _served(args.site) as address, sync_playwright() as playwright:
        executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            run = _one_search(browser, address, args.query)
            runs.append(run)
            print("  " + ", ".join(f"{k} {v:.2f}" for k, v in run.items()), flush=True)
        browser.close()
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print("median: " + ", ".join(f"{key} {value:.2f}" for key, value in medians.items()))


if __name__ == "__main__":
    main()

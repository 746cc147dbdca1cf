"""The preview server: serves a built site on localhost, with live reload and an error overlay.

It serves only files inside its folder (no path traversal, encoded or not), under the site's
base path, and adds a small live-reload script to HTML responses on the way out (the files
on disk never contain it). The script listens on an event stream (one that a browser's open
tabs share, held by a shared worker): when a rebuild has been written completely, every
open page reloads; when a rebuild fails, the page stays as it was and shows the errors in
an overlay until a save fixes them. A page asked for under a base path served before is
sent to the one served now. Standard library only.
"""

from __future__ import annotations

import http.server
import json
import mimetypes
import posixpath
import socket
import sys
import threading
import urllib.parse
from pathlib import Path
from typing import Any

LIVE_PREFIX = "/__digest__/"
LIVE_SCRIPT = """\
(function () {
  var me = document.currentScript, seen = me ? me.getAttribute("data-version") : null;
  var none = me ? me.hasAttribute("data-nothing-built") : false;  // no good page to keep
  function overlay(text, warned) {
    var box = document.getElementById("digest-errors");
    if (!text && !warned) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "digest-errors";
      box.lang = "en";  // digest's messages, on a page in any language
      box.dir = "ltr";
      document.body.appendChild(box);
    }
    box.setAttribute("role", text ? "alert" : "status");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;" +
      "overflow:auto;margin:0;padding:1em;z-index:2147483647;font:14px/1.45 " +
      "ui-monospace,monospace;white-space:pre-wrap;" + (text ?
      "background:#2b0b0e;color:#ffe3e3;border-top:4px solid #e5484d" :
      "background:#2b230b;color:#fff4d6;border-top:4px solid #e5a50a");
    box.textContent = text ? (none ?
      "digest: nothing is built yet; this page reloads once a save builds.\\n\\n" :
      "digest: the last save does not build; this is the last good page.\\n\\n") + text :
      "digest: this page is built, with warnings (`--strict` would refuse them; " +
      "click to hide).\\n\\n" + warned;
    box.onclick = text ? null : function () { box.remove(); };
  }
  // A save being built: said in a corner once it takes longer than a glance (a tag renamed
  // on a long digest rebuilds most pages), gone when the page reloads or shows errors.
  var waiting = null;
  function building(on) {
    var badge = document.getElementById("digest-building");
    if (!on) {
      clearTimeout(waiting);
      waiting = null;
      if (badge) badge.remove();
      return;
    }
    if (badge || waiting) return;
    waiting = setTimeout(function () {
      waiting = null;
      badge = document.createElement("div");
      badge.id = "digest-building";
      badge.lang = "en";
      badge.dir = "ltr";
      badge.setAttribute("role", "status");
      badge.style.cssText = "position:fixed;top:.75em;right:.75em;z-index:2147483647;" +
        "padding:.35em .75em;border-radius:4px;font:13px/1.4 ui-monospace,monospace;" +
        "background:#0b1f2b;color:#d6f0ff;border:2px solid #0a84c8";
      badge.textContent = "digest: building the last save\u2026";
      document.body.appendChild(badge);
    }, 400);
  }
  function told(data) {
    var status = JSON.parse(data);
    building(status.building);
    if (!status.errors && seen !== null && String(status.version) !== seen) {
      location.reload();
      return;
    }
    overlay(status.errors, status.warnings);
  }
  // One event stream for every open tab, held by a worker they share: a browser opens six
  // connections to a host, and a stream of each tab's own held them all from the seventh
  // tab on (its page never loaded). Without shared workers (Chrome on Android), a stream.
  if (window.SharedWorker) {
    var port = new SharedWorker("/__digest__/live-worker.js", "digest-live").port;
    port.onmessage = function (message) { told(message.data); };
    addEventListener("pagehide", function () { port.postMessage("gone"); });
    addEventListener("pageshow", function (event) {
      if (event.persisted) port.postMessage("back");  // from the back-forward cache
    });
  } else {
    new EventSource("/__digest__/events").addEventListener("status", function (message) {
      told(message.data);
    });
  }
})();
"""
# The worker the open tabs share (live.js): it holds the one event stream and tells every
# tab each status, the last one as a tab comes. A tab says when it is gone.
LIVE_WORKER = """\
var ports = [], last = null;
function tell(port) { if (last !== null) port.postMessage(last); }
new EventSource("/__digest__/events").addEventListener("status", function (message) {
  last = message.data;
  ports.forEach(tell);
});
onconnect = function (event) {
  var port = event.ports[0];
  ports.push(port);
  port.onmessage = function (message) {
    var at = ports.indexOf(port);
    if (message.data === "gone" && at >= 0) ports.splice(at, 1);
    if (message.data === "back" && at < 0) { ports.push(port); tell(port); }
  };
  tell(port);
};
"""


# The server's own scripts, by path: the page's and the worker its tabs share.
_LIVE_SCRIPTS = {
    LIVE_PREFIX + "live.js": LIVE_SCRIPT.encode(),
    LIVE_PREFIX + "live-worker.js": LIVE_WORKER.encode(),
}


# What a request gets while the folder holds no site (the first build failed): a page with
# the live-reload script, so the errors show in its overlay and a good save reloads it.
NOTHING_BUILT = b"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Not built yet</title></head>
<body>
<p>digest: nothing is built here yet. This page shows the errors to fix, and reloads once
the site builds.</p>
</body>
</html>
"""


class LiveState:
    """What the browsers are told: the number of the last good build, and any errors."""

    def __init__(self) -> None:
        self.version = 0
        self.errors: str | None = None
        self.warnings: str | None = None
        self.building = False
        self.stopping = False
        self.streams = 0  # event streams open (one per browser, with shared workers)
        self.condition = threading.Condition()

    def rebuilding(self) -> None:
        """Say that a save is being built: open pages say so if it takes a while, until
        `built` or `failed`."""
        with self.condition:
            self.building = True
            self.condition.notify_all()

    def built(self, warnings: str | None = None) -> None:
        """Say that a complete new site is on disk: open pages reload, and show the
        build's `warnings` (a tag written as a hashtag, left out) until one has none."""
        with self.condition:
            self.version += 1
            self.errors, self.warnings, self.building = None, warnings, False
            self.condition.notify_all()

    def failed(self, errors: str) -> None:
        """Say that the last rebuild failed: open pages show the errors, and stay."""
        with self.condition:
            self.errors, self.building = errors, False
            self.condition.notify_all()

    def snapshot(self) -> dict[str, Any]:
        with self.condition:
            return self.snapshot_unlocked()

    def wait(self, last: dict[str, Any], timeout: float) -> dict[str, Any]:
        with self.condition:
            self.condition.wait_for(
                lambda: self.stopping or self.snapshot_unlocked() != last, timeout
            )
            return self.snapshot_unlocked()

    def snapshot_unlocked(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "errors": self.errors,
            "warnings": self.warnings,
            "building": self.building,
        }

    def stop(self) -> None:
        with self.condition:
            self.stopping = True
            self.condition.notify_all()


def resolve_request(root: Path, base_path: str, request_path: str) -> Path | None:
    """Map a request path to a file inside `root`, or None (404) for anything else.

    The path is decoded once; a segment that is empty-dot or dot-dot, a backslash, a NUL
    or a drive letter anywhere refuses the request, as does a file outside `root` after
    symlinks are resolved.
    """
    path = urllib.parse.urlsplit(request_path).path
    if not path.startswith(base_path):
        return None
    relative = urllib.parse.unquote(path[len(base_path) :], errors="strict")
    if "\\" in relative or "\x00" in relative or ":" in relative:
        return None
    parts = relative.split("/")
    if any(part in (".", "..") for part in parts) or relative.startswith("/"):
        return None
    target = root.joinpath(*[p for p in parts if p])
    if relative == "" or relative.endswith("/") or target.is_dir():
        target = target / "index.html"
    try:
        resolved = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
        return None
    return resolved


class _Handler(http.server.BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return  # the CLI reports builds; a line per request would drown them

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path == LIVE_PREFIX + "events":
            self._events()
            return
        script = _LIVE_SCRIPTS.get(path)
        if script is not None:
            self._send(200, "text/javascript; charset=utf-8", script, head)
            return
        base = self.server.base_path
        if path in ("", "/") and base != "/":
            self.send_response(302)
            self.send_header("Location", base)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            target = resolve_request(self.server.root, base, self.path)
        except UnicodeDecodeError:
            target = None
        status = 200
        if target is None:
            moved = self._moved(path)
            if moved is not None:  # base_url's path changed while serving: an open tab
                query = urllib.parse.urlsplit(self.path).query
                self.send_response(302)
                self.send_header("Location", moved + ("?" + query if query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = 404
            target = self.server.root / "404.html"
            if not target.is_file():  # nothing built yet (a first build that failed)
                body = self._with_live_reload(NOTHING_BUILT, nothing_built=True)
                self._send(404, "text/html; charset=utf-8", body, head)
                return
        try:
            body = target.read_bytes()
        except OSError:
            self._send(404, "text/plain; charset=utf-8", b"not found\n", head)
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            body = self._with_live_reload(body)
            kind += "; charset=utf-8"
        elif kind.startswith("text/") or kind in ("application/json", "application/xml"):
            kind += "; charset=utf-8"
        self._send(status, kind, body, head)

    def _moved(self, path: str) -> str | None:
        """Where a page asked for under a base path served before now is, if it is: an open
        tab reloads onto it after site.yaml's base_url moved (it had only "Page not
        found"), as does a bookmark."""
        base = self.server.base_path
        for earlier in reversed(self.server.earlier):
            if not path.startswith(earlier):
                continue
            there = base + path[len(earlier) :]
            try:
                if resolve_request(self.server.root, base, there) is not None:
                    return there
            except UnicodeDecodeError:
                return None
        return None

    def _with_live_reload(self, body: bytes, nothing_built: bool = False) -> bytes:
        version = self.server.state.snapshot()["version"]
        marked = " data-nothing-built" if nothing_built else ""
        script = f'<script src="{LIVE_PREFIX}live.js"{marked} data-version="{version}"></script>'
        tag = script.encode()
        index = body.rfind(b"</body>")
        return body[:index] + tag + body[index:] if index >= 0 else body + tag

    def _send(self, status: int, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        state = self.server.state
        last = state.snapshot()
        with state.condition:
            state.streams += 1
        try:
            self._event(last)
            while not state.stopping:
                current = state.wait(last, timeout=15)
                if current == last:
                    self.wfile.write(b": still here\n\n")  # keeps proxies from closing it
                else:
                    self._event(current)
                    last = current
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            with state.condition:
                state.streams -= 1

    def _event(self, status: dict[str, Any]) -> None:
        data = json.dumps(status)
        self.wfile.write(f"event: status\ndata: {data}\n\n".encode())
        self.wfile.flush()


class PreviewServer(http.server.ThreadingHTTPServer):
    """Serves `root` under `base_path` on host:port until `stop`."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default 5 drops connections when many tabs load at once

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a browser gives up mid-answer; report anything else."""
        error = sys.exc_info()[1]
        if isinstance(error, (BrokenPipeError, ConnectionResetError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def __init__(self, root: Path, host: str, port: int, base_path: str = "/") -> None:
        self.root = root
        self.base_path = _normal(base_path)
        self.earlier: list[str] = []  # base paths served before, the last one last
        self.state = LiveState()
        # The family of the address asked for: IPv6 for "::1" or "::", IPv4 otherwise (the
        # server's own is IPv4 only).
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        self.address_family = found[0][0]
        super().__init__((host, port), _Handler)
        self.thread: threading.Thread | None = None

    @property
    def addresses(self) -> str:
        """Where a browser reaches the server, as the preview says it: its address; bound to
        every address of the machine (0.0.0.0, ::), the loopback one and the machine's own
        on its network (a phone on that network opens that one)."""
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else str(host)
        if host not in ("0.0.0.0", "::"):
            return self._url(host, port)
        families = [socket.AF_INET] if host == "0.0.0.0" else [socket.AF_INET6]
        if host == "::" and not self.socket.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY):
            families.append(socket.AF_INET)  # IPv4 too, on a socket of both (Linux's default)
        found = [network_address(family) for family in families]
        networks = [self._url(address, port) for address in found if address is not None]
        said = self._url("127.0.0.1" if host == "0.0.0.0" else "::1", port)
        return said + (f", and on the network at {' and '.join(networks)}" if networks else "")

    def _url(self, host: str, port: int) -> str:
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}{self.base_path}"

    def move_to(self, base_path: str) -> bool:
        """Serve under another base path (site.yaml's base_url changed while serving);
        return whether it is another."""
        normal = _normal(base_path)
        if normal == self.base_path:
            return False
        self.earlier = [path for path in self.earlier if path != normal] + [self.base_path]
        self.base_path = normal  # after `earlier`: a request meanwhile finds one or the other
        return True

    def start(self) -> None:
        """Serve in a background thread."""
        self.thread = threading.Thread(target=self.serve_forever, name="digest-serve", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop serving; end the event streams so no thread is left waiting. A server never
        started (stopped during the first build) is only closed: `shutdown` would wait
        for ever for a serving loop that never ran."""
        self.state.stop()
        if self.thread is not None:
            self.shutdown()
        self.server_close()


def network_address(family: socket.AddressFamily) -> str | None:
    """Return this machine's address on its network in a family, as a UDP socket pointed
    at a public address finds it (no packet is sent); None without such a route."""
    target = ("192.0.2.1", 9) if family == socket.AF_INET else ("2001:db8::1", 9)
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect(target)
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    loopback = address.startswith("127.") or address == "::1"
    return None if loopback or address in ("0.0.0.0", "::") else address


def _normal(base_path: str) -> str:
    """A base path as the server compares request paths with it: "/", or "/a/b/"."""
    return posixpath.join("/", base_path.strip("/"), "").replace("//", "/")

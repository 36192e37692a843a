#!/usr/bin/env python3
"""The end-to-end tests' JSON API with faults: a partner's backend on a second origin.

    python3 api_server.py --base /api/ ROOT [ROOT...]

Serves the files under the ROOTs (the first that has a path wins, never anything outside them)
at BASE on 127.0.0.1, on a free port that it prints first on stdout. Every response, errors
included, carries `Access-Control-Allow-Origin: *` unless a test armed `nocors`.

servers.mjs drives it over stdin, one JSON command a line, {"id": n, "op": ..., ...}; each is
acknowledged on stdout with {"id": n, "result": ...} (or "error"). Commands are read before every
request is handled, so a command written before a request was sent applies to that request.
EOF on stdin (the test process ended, however it ended) stops the server.

Ops (paths relative to BASE, e.g. "/articles.json"; "times": null means every time):
    fail {path, status, times}         answer `status` with a JSON error body
    drop {path, times}                 close the connection without a response
    nocors {path, times}               no Access-Control-Allow-Origin header
    content_type {path, type}          this Content-Type instead of the file's
    respond {path, status, body, type} this body instead of the file
    hold {path} / release {path}       keep requests waiting until released
    truncate {path, bytes, lie, times} only the first `bytes` of the body; with `lie`, the
                                       Content-Length of the whole body, then the connection
                                       closes (cut mid-body), else a short but complete answer
    redirect {path, location, status, times}
                                       a redirect to `location` (a path under BASE, or an
                                       absolute URL); to `path` itself: a redirect loop
    headers {path, headers, expose}    extra response headers on every answer for `path`,
                                       listed in Access-Control-Expose-Headers unless not `expose`
    rst {path, times}                  reset the connection (TCP RST) without a response
    requests                           the paths requested so far (preflights not counted)
    reset                              forget faults and requests, release held requests
"""

import json
import math
import os
import select
import socket
import struct
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json; charset=utf-8",
    ".jsonld": "application/ld+json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}
JSON = "application/json; charset=utf-8"


def content_type(path):
    if path.endswith(".feed.json"):
        return "application/feed+json; charset=utf-8"
    return TYPES.get(os.path.splitext(path)[1], JSON)


class State:
    """Faults and the request log, changed by commands from stdin."""

    def __init__(self):
        self.lock = threading.RLock()
        self.out_lock = threading.Lock()
        self.buffer = b""
        self.closed = False
        self.reset()

    def reset(self):
        held = getattr(self, "held", {})
        self.faults = {}  # path -> {"drop": bool, "status": int, "times": int | math.inf}
        self.nocors = {}  # path -> {"times": int | math.inf}
        self.types = {}  # path -> content type
        self.bodies = {}  # path -> (status, bytes, content type)
        self.held = {}  # path -> threading.Event
        self.truncated = {}  # path -> {"bytes": int, "lie": bool, "times": ...}
        self.redirects = {}  # path -> {"location": str, "status": int, "times": ...}
        self.extra = {}  # path -> ({header: value}, expose)
        self.requests = []
        for gate in held.values():
            gate.set()

    def drain(self):
        """Applies every complete command waiting on stdin; never blocks."""
        with self.lock:
            while not self.closed:
                try:
                    chunk = os.read(0, 65536)
                except BlockingIOError:
                    break
                if not chunk:
                    self.closed = True
                    break
                self.buffer += chunk
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                if line.strip():
                    try:
                        cmd = json.loads(line)
                    except ValueError as err:
                        self.send({"id": None, "error": f"bad command: {err}"})
                        continue
                    self.command(cmd)
            return not self.closed

    def command(self, cmd):
        op, path = cmd.get("op"), cmd.get("path")
        result = None
        try:
            times = math.inf if cmd.get("times") is None else cmd["times"]
            if op == "fail":
                self.faults[path] = {"drop": False, "status": cmd["status"], "times": times}
            elif op == "drop":
                self.faults[path] = {"drop": True, "status": 0, "times": times}
            elif op == "rst":
                self.faults[path] = {"drop": True, "rst": True, "status": 0, "times": times}
            elif op == "truncate":
                self.truncated[path] = {"bytes": int(cmd["bytes"]), "lie": bool(cmd.get("lie")), "times": times}
            elif op == "redirect":
                self.redirects[path] = {"location": cmd["location"], "status": cmd.get("status", 302), "times": times}
            elif op == "headers":
                self.extra[path] = ({str(k): str(v) for k, v in cmd["headers"].items()}, cmd.get("expose", True))
            elif op == "nocors":
                self.nocors[path] = {"times": times}
            elif op == "content_type":
                self.types[path] = cmd["type"]
            elif op == "respond":
                self.bodies[path] = (cmd.get("status", 200), cmd.get("body", "").encode(), cmd.get("type", JSON))
            elif op == "hold":
                self.held.setdefault(path, threading.Event())
            elif op == "release":
                gate = self.held.pop(path, None)
                if gate:
                    gate.set()
            elif op == "requests":
                result = list(self.requests)
            elif op == "reset":
                self.reset()
            else:
                raise ValueError(f"unknown op {op!r}")
            self.send({"id": cmd.get("id"), "result": result})
        except (KeyError, ValueError, TypeError) as err:
            self.send({"id": cmd.get("id"), "error": f"{type(err).__name__}: {err}"})

    def send(self, message):
        with self.out_lock:
            sys.stdout.write(json.dumps(message) + "\n")
            sys.stdout.flush()

    @staticmethod
    def take(table, path):
        """Whether the entry armed for `path` applies to this request; uses up one of its times."""
        entry = table.get(path)
        if entry is None or entry["times"] <= 0:
            return None
        entry["times"] -= 1
        return entry


def resolve_file(roots, path):
    """The file under one of `roots` for a URL path, or None (never outside the roots)."""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    for root in roots:
        candidate = os.path.normpath(os.path.join(root, decoded.lstrip("/")))
        if candidate != root and not candidate.startswith(root.rstrip(os.sep) + os.sep):
            continue
        try:
            if os.path.isfile(candidate):
                return candidate
            index = os.path.join(candidate, "index.html")
            if os.path.isdir(candidate) and os.path.isfile(index):
                return index
        except (ValueError, OSError):
            continue
    return None


def make_handler(state, roots, base):
    class Handler(BaseHTTPRequestHandler):
        server_version = "e2e-api"
        sys_version = ""

        def log_message(self, *args):
            pass

        def reply(self, status, body, ctype, cors=True, extra=None, sent=None):
            """Answers; `sent`: only this many bytes of `body` are written, then the connection
            closes (a response cut off mid-body)."""
            headers, expose = extra or ({}, False)
            self.send_response(status)
            if cors:
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "accept")
                if expose and headers:
                    self.send_header("Access-Control-Expose-Headers", ", ".join(headers))
            self.send_header("Cache-Control", "no-store")
            if ctype:
                self.send_header("Content-Type", ctype)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            if sent is not None:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body if sent is None else body[:sent])
                self.wfile.flush()

        def do_OPTIONS(self):
            state.drain()
            self.reply(204, b"", None)

        def do_GET(self):
            state.drain()
            url_path = urlsplit(self.path).path
            path = url_path[len(base) - 1 :] if url_path.startswith(base) else None
            with state.lock:
                state.requests.append(url_path)
                gate = state.held.get(path) if path else None
            if gate:
                gate.wait()
                state.drain()
            with state.lock:
                fault = state.take(state.faults, path) if path else None
                cors = not (path and state.take(state.nocors, path))
                ctype = state.types.get(path) if path else None
                fixed = state.bodies.get(path) if path else None
                cut = state.take(state.truncated, path) if path else None
                moved = state.take(state.redirects, path) if path else None
                extra = state.extra.get(path) if path else None
            if fault and fault.get("rst"):
                # SO_LINGER with a zero timeout: close() sends a TCP RST, not a FIN.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                return
            if fault and fault["drop"]:
                # No response at all: the client sees the connection close (a network error).
                self.close_connection = True
                return
            if fault:
                error = json.dumps({"error": f"injected {fault['status']}"}).encode()
                self.reply(fault["status"], error, JSON, cors, extra)
                return
            if moved:
                location = moved["location"]
                if "://" not in location:
                    location = base[:-1] + location
                headers, expose = extra or ({}, False)
                self.reply(moved["status"], b"", None, cors, ({"Location": location, **headers}, expose))
                return
            if fixed:
                status, body, fixed_type = fixed
            else:
                file = resolve_file(roots, path) if path else None
                if not file:
                    self.reply(404, b'{"error":"not found"}', JSON, cors, extra)
                    return
                with open(file, "rb") as f:
                    status, body, fixed_type = 200, f.read(), content_type(file)
            if cut and cut["lie"]:
                self.reply(status, body, ctype or fixed_type, cors, extra, sent=cut["bytes"])
            else:
                self.reply(status, body[: cut["bytes"]] if cut else body, ctype or fixed_type, cors, extra)

        do_HEAD = do_GET

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # A browser that closed the page (or cancelled a prefetch) before the answer: normal.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def main():
    args = sys.argv[1:]
    base = "/api/"
    if args[:1] == ["--base"]:
        base, args = args[1], args[2:]
    if not base.startswith("/") or not base.endswith("/"):
        sys.exit("--base must start and end with /")
    roots = [os.path.normpath(os.path.abspath(root)) for root in args]
    state = State()
    os.set_blocking(0, False)
    server = Server(("127.0.0.1", 0), make_handler(state, roots, base))
    state.send(server.server_address[1])

    def watch_stdin():
        while True:
            select.select([0], [], [])
            if not state.drain():
                os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()

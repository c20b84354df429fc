"""The replies recorded from a real Dreamwidth server (tests/data/transcripts and transcripts-http),
indexed by interface and mode, for the fuzzing mode (fuzz.py).

Both file formats (their README.txt, "File layout"): a ``# ...`` header, ``=== REQUEST ===``, the
request head and body, ``=== RESPONSE ===``, an optional interim ``100 Continue``, the response head
and body (Content-Length or chunked), ``=== END ===``. Exchanges without a response and requests that
are not protocol requests (/export_comments, web pages) are left out. The directories are
``$INKWELL_TRANSCRIPTS`` / ``$INKWELL_TRANSCRIPTS_HTTP`` or the copies under tests/data/.
"""

import os
import re
import threading

from .flatcodec import parse_form

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "data"))
_METHOD_RE = re.compile(rb"<methodName>\s*LJ\.XMLRPC\.([A-Za-z_]+)\s*</methodName>")


class Reply:
    __slots__ = ("source", "interface", "mode", "status", "content_type", "body")

    def __init__(self, source, interface, mode, status, content_type, body):
        self.source = source
        self.interface = interface
        self.mode = mode
        self.status = status
        self.content_type = content_type
        self.body = body


def directories():
    return [("transcripts", os.environ.get("INKWELL_TRANSCRIPTS") or os.path.join(DATA, "transcripts")),
            ("transcripts-http", os.environ.get("INKWELL_TRANSCRIPTS_HTTP") or os.path.join(DATA, "transcripts-http"))]


def _head(data, pos):
    end = data.index(b"\n\n", pos)
    lines = data[pos:end].decode("utf-8", "replace").split("\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return lines[0], headers, end + 2


def _dechunk(data, pos):
    """(body, end) of a chunked body starting at ``pos``."""
    out = []
    while True:
        end = data.index(b"\r\n", pos)
        size = int(data[pos:end].split(b";")[0].strip(), 16)
        pos = end + 2
        if size == 0:
            while True:
                end = data.index(b"\r\n", pos)
                line, pos = data[pos:end], end + 2
                if not line:
                    return b"".join(out), pos
        out.append(data[pos:pos + size])
        pos += size + 2


def _body(headers, data, pos):
    if headers.get("transfer-encoding", "").lower() == "chunked":
        return _dechunk(data, pos)
    length = int(headers.get("content-length", "0") or 0)
    return data[pos:pos + length], pos + length


def parse(data, source):
    """The Reply of one transcript file, or None (no response, not a protocol request)."""
    start = data.index(b"=== REQUEST ===\n") + len(b"=== REQUEST ===\n")
    request_line, request_headers, pos = _head(data, start)
    request_body, pos = _body(request_headers, data, pos)
    path = request_line.split(" ")[1].split("?")[0] if " " in request_line else ""
    marker = data.index(b"=== RESPONSE ===\n", pos) + len(b"=== RESPONSE ===\n")
    if data.startswith(b"HTTP/1.1 100 Continue\n\n", marker):
        marker += len(b"HTTP/1.1 100 Continue\n\n")
    if data.startswith(b"(no HTTP response", marker):
        return None
    status_line, headers, pos = _head(data, marker)
    body, _ = _body(headers, data, pos)
    if path == "/interface/flat":
        interface, mode = "flat", parse_form(request_body).get("mode", "")
    elif path == "/interface/xmlrpc":
        match = _METHOD_RE.search(request_body)
        interface, mode = "xmlrpc", match.group(1).decode() if match else ""
    else:
        return None
    return Reply(source, interface, mode, int(status_line.split(" ")[1]),
                 headers.get("content-type", "text/plain"), body)


class Corpus:
    """{(interface, mode): [Reply]} in file-name order; ``by_interface`` for modes without a recording."""

    def __init__(self, replies):
        self.replies = sorted(replies, key=lambda r: r.source)
        self.by_mode = {}
        self.by_interface = {}
        for reply in self.replies:
            self.by_mode.setdefault((reply.interface, reply.mode), []).append(reply)
            self.by_interface.setdefault(reply.interface, []).append(reply)

    def __len__(self):
        return len(self.replies)

    def candidates(self, interface, mode):
        return self.by_mode.get((interface, mode)) or self.by_interface.get(interface, [])


_lock = threading.Lock()
_cache = {}


def load():
    """The corpus of the configured directories (read once per set of directories)."""
    dirs = tuple(directories())
    with _lock:
        if dirs not in _cache:
            replies = []
            for name, folder in dirs:
                if not os.path.isdir(folder):
                    continue
                for root, subdirs, files in os.walk(folder):
                    subdirs.sort()
                    for filename in sorted(files):
                        if not re.match(r"^\d{3}-.*\.txt$", filename):
                            continue
                        path = os.path.join(root, filename)
                        with open(path, "rb") as handle:
                            reply = parse(handle.read(), name + "/" + os.path.relpath(path, folder).replace(os.sep, "/"))
                        if reply is not None:
                            replies.append(reply)
            _cache[dirs] = Corpus(replies)
        return _cache[dirs]

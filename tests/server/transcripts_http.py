"""Reading the header-complete Dreamwidth transcripts (tests/data/transcripts-http, format in its
README.txt, "File layout"): every request and response head in wire order, the TCP connection each
exchange used and the timing facts written in the "# connection:" comment lines."""

import calendar
import os
import re
import time

GROUPS = ("cookies", "connection", "comments", "modes")

_CONNECTION_RE = re.compile(r"^# connection: (\d+), request (\d+) on it \(client ([\d.]+):(\d+)\)$", re.M)
_SENT_RE = re.compile(r"^# sent at: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{3}) UTC$", re.M)


class Headers:
    """Header lines in wire order; lookups are case-insensitive."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def get(self, name, default=None):
        values = self.get_all(name)
        return ", ".join(values) if values else default

    def get_all(self, name):
        lower = name.lower()
        return [v for k, v in self.pairs if k.lower() == lower]

    def names(self):
        return [k for k, _ in self.pairs]

    def __contains__(self, name):
        return bool(self.get_all(name))

    def __iter__(self):
        return iter(self.pairs)

    def __repr__(self):
        return "Headers(%r)" % self.pairs


def _chunked_length(data, pos):
    """Length of the chunked body starting at data[pos] (framing included)."""
    start = pos
    while True:
        end = data.index(b"\r\n", pos)
        size = int(data[pos:end].split(b";")[0].strip(), 16)
        pos = end + 2
        if size == 0:
            while True:                          # trailers, then the empty line
                end = data.index(b"\r\n", pos)
                line = data[pos:end]
                pos = end + 2
                if not line:
                    return pos - start
        pos += size + 2


def _read_head(data, pos):
    end = data.index(b"\n\n", pos)
    lines = data[pos:end].decode("utf-8").split("\n")
    pairs = []
    for line in lines[1:]:
        name, value = line.split(":", 1)
        pairs.append((name, value[1:] if value.startswith(" ") else value))
    return lines[0], Headers(pairs), end + 2


def _body_length(headers, data, pos, method=None, status=None):
    if (headers.get("Transfer-Encoding") or "").lower() == "chunked":
        return _chunked_length(data, pos)
    if headers.get("Content-Length") is not None:
        return int(headers.get("Content-Length"))
    return 0


class Exchange:
    """One recorded exchange. ``response_status`` is None when the server answered nothing."""

    def __init__(self, group, filename, data):
        self.group = group
        self.filename = filename
        self.number = int(filename[:3])
        self.name = filename[4:-4]
        self.key = "%s/%03d" % (group, self.number)
        marker = b"=== REQUEST ===\n"
        start = data.index(marker)
        self.header = data[:start].decode("utf-8")
        self.comments = [line[2:] for line in self.header.splitlines() if line.startswith("# ")]
        m = _CONNECTION_RE.search(self.header)
        self.connection, self.request_index = int(m.group(1)), int(m.group(2))
        self.client_ip = m.group(3)
        m = _SENT_RE.search(self.header)
        self.sent_str = m.group(1)
        self.sent_at = calendar.timegm(time.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")) + int(m.group(2)) / 1000.0

        # request
        self.request_line, self.request_headers, pos = _read_head(data, start + len(marker))
        self.method, self.path, self.version = self.request_line.split(" ")
        length = _body_length(self.request_headers, data, pos)
        self.request_body = data[pos:pos + length]
        pos += length
        marker = b"\n=== RESPONSE ===\n"
        assert data[pos:pos + len(marker)] == marker, (filename, data[pos:pos + 40])
        pos += len(marker)

        # response
        self.interim = data.startswith(b"HTTP/1.1 100 Continue\n\n", pos)
        if self.interim:
            pos += len(b"HTTP/1.1 100 Continue\n\n")
        self.no_response = data.startswith(b"(no HTTP response", pos)
        if self.no_response:
            self.status_line, self.response_headers, self.response_body = None, Headers([]), b""
            self.response_version = self.response_status = self.reason = None
            assert data.endswith(b")\n=== END ===\n"), filename
        else:
            self.status_line, self.response_headers, pos = _read_head(data, pos)
            self.response_version, status, self.reason = self.status_line.split(" ", 2)
            self.response_status = int(status)
            length = _body_length(self.response_headers, data, pos)
            self.response_body = data[pos:pos + length]
            assert data[pos + length:] == b"\n=== END ===\n", filename
        self._timing()

    # what the "# connection:" lines say ------------------------------------------------------------
    def _timing(self):
        text = "\n".join(self.comments)
        self.gap_before = None          # seconds between the previous response on this connection and this request
        m = re.search(r"sent ([\d.]+) s after request \d+'s response", text)
        if m:
            self.gap_before = float(m.group(1))
        m = re.search(r"sent ([\d.]+) ms after (?:the previous response|request \d+'s response)", text)
        if m:
            self.gap_before = float(m.group(1)) / 1000.0
        self.idle_before_first = None   # a fresh connection left idle before its first request
        m = re.search(r"TCP connection opened, then ([\d.]+) s without sending anything", text)
        if m:
            self.idle_before_first = float(m.group(1))
        self.closed_after_accept = None
        m = re.search(r"server closed it \(FIN\) ([\d.]+) s after accept", text)
        if m:
            self.closed_after_accept = float(m.group(1))
        self.fin_after = None           # the server closed the connection this long after this response
        m = re.search(r"server closed the connection(?: \(FIN\))? ([\d.]+) s after this response", text)
        if m:
            self.fin_after = float(m.group(1))
        m = re.search(r"server closed the connection ([\d.]+) s after response \d+ without answering", text)
        if m:
            self.fin_after_unanswered = float(m.group(1))
        else:
            self.fin_after_unanswered = None
        self.pipelined = "written together with request" in text
        self.written_in_parts = "request was written in 2 parts" in text

    @property
    def interface(self):
        path = self.path.split("?")[0]
        if path == "/interface/flat":
            return "flat"
        if path == "/interface/xmlrpc":
            return "xmlrpc"
        return "web"

    @property
    def observed(self):
        return [c for c in self.comments if c.startswith("Observed")]

    def wire_request(self):
        """The request bytes as they were sent (head lines end in CR LF on the wire)."""
        head = "\r\n".join([self.request_line] + ["%s: %s" % kv for kv in self.request_headers]) + "\r\n\r\n"
        return head.encode("utf-8") + self.request_body

    def __repr__(self):
        return "<%s %s>" % (self.key, self.name)


def load(directory, groups=GROUPS):
    """Every exchange of the given groups, in recording order (group order, then number)."""
    exchanges = []
    for group in groups:
        folder = os.path.join(directory, group)
        for filename in sorted(os.listdir(folder)):
            if re.match(r"^\d{3}-.*\.txt$", filename):
                with open(os.path.join(folder, filename), "rb") as handle:
                    exchanges.append(Exchange(group, filename, handle.read()))
    return exchanges


def connections(exchanges):
    """{connection number: [exchanges in request order]}."""
    out = {}
    for ex in exchanges:
        out.setdefault(ex.connection, []).append(ex)
    for conn in out.values():
        conn.sort(key=lambda e: e.request_index)
    return out

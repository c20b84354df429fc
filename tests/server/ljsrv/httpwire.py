"""HTTP/1.x on the wire: request heads and bodies read from a socket, responses written in the real
server's shape (Plack/Starman, tests/data/transcripts-http/README.txt).

Starman facts reproduced here (the connection handling itself is in httpserver.py):
* the status line uses the request's protocol version ("HTTP/1.0 200 OK" to an HTTP/1.0 request);
* the application's headers come first in its own order, then ``Date`` and ``Connection`` (always
  ``keep-alive`` or ``close``); no ``Server`` or ``Keep-Alive`` header;
* header values lose the white space after the colon but keep trailing white space (a trailing space
  inside a Cookie header stays part of the cookie value, cookies/045);
* repeated header lines are joined with ", " (PSGI), so two Cookie lines read as one (cookies/042);
* its own errors (400 Bad Request, 417 Expectation Failed) carry Content-Type, Content-Length, Date and
  Connection only.
"""

import email.utils
import socket
import time
import urllib.parse

REASONS = {
    100: "Continue", 200: "OK", 302: "Found", 303: "See Other", 400: "Bad Request", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 411: "Length Required", 413: "Request Entity Too Large",
    417: "Expectation Failed", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
}

MAX_HEAD = 64 * 1024
MAX_BODY = 64 * 1024 * 1024


class Headers:
    """Request header lines in wire order. ``get`` is case-insensitive and joins repeated lines with
    ", " like PSGI does."""

    __slots__ = ("pairs",)

    def __init__(self, pairs=()):
        self.pairs = list(pairs)

    def get(self, name, default=None):
        lower = name.lower()
        values = [v for k, v in self.pairs if k.lower() == lower]
        if not values:
            return default
        return values[0] if len(values) == 1 else ", ".join(values)

    def get_all(self, name):
        lower = name.lower()
        return [v for k, v in self.pairs if k.lower() == lower]

    def __contains__(self, name):
        lower = name.lower()
        return any(k.lower() == lower for k, _ in self.pairs)

    def items(self):
        return list(self.pairs)


class Request:
    __slots__ = ("method", "target", "path", "query", "version", "headers", "body", "has_body", "keepalive")

    def __init__(self, method, target, version, headers):
        self.method = method
        self.target = target
        parts = urllib.parse.urlsplit(target)
        self.path = parts.path or "/"
        self.query = parts.query
        self.version = version
        self.headers = headers
        self.body = b""
        self.has_body = False
        self.keepalive = False

    @property
    def path_and_query(self):
        return self.path + ("?" + self.query if self.query else "")


class HttpError(Exception):
    """The server's own error answer (Starman's 400 / 417): plain text, no application headers, and the
    connection is closed afterwards."""

    def __init__(self, status, version="HTTP/1.1"):
        super().__init__(status)
        self.status = status
        self.version = version


class ConnectionGone(Exception):
    """The peer closed the connection or stayed silent too long: close without answering."""


def http_date(unix):
    return email.utils.formatdate(unix, usegmt=True)


_DAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAYS_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def cookie_date(unix, long_weekday=False):
    """``Fri, 05-Feb-2027 02:04:40 GMT`` (ljuniq) or ``Friday, 05-Feb-2027 02:04:40 GMT`` (the other
    cookies, cookies/025): the two forms the real server writes."""
    t = time.gmtime(int(unix))
    day = (_DAYS_LONG if long_weekday else _DAYS_SHORT)[t.tm_wday]
    return "%s, %02d-%s-%04d %02d:%02d:%02d GMT" % (day, t.tm_mday, _MONTHS[t.tm_mon - 1], t.tm_year,
                                                    t.tm_hour, t.tm_min, t.tm_sec)


def format_response(version, status, headers, body, keepalive, date, head_only=False, chunked=False):
    """The bytes of a response: status line, ``headers`` (a list of (name, value) in order), Date,
    Connection, blank line, body (framed as one chunk when ``chunked``)."""
    lines = ["%s %d %s" % (version, status, REASONS.get(status, "Unknown"))]
    lines.extend("%s: %s" % kv for kv in headers)
    lines.append("Date: " + http_date(date))
    lines.append("Connection: " + ("keep-alive" if keepalive else "close"))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
    if head_only:
        return head
    if chunked:
        body = (b"%x\r\n" % len(body) + body + b"\r\n" if body else b"") + b"0\r\n\r\n"
    return head + body


def server_error(version, status, date):
    """Starman's own error response (always followed by closing the connection)."""
    message = REASONS[status].encode()
    return format_response(version, status, [("Content-Type", "text/plain"), ("Content-Length", str(len(message)))],
                           message, False, date)


class Reader:
    """Reads requests from one socket. ``buffer`` holds bytes received but not consumed yet."""

    def __init__(self, sock, read_timeout):
        self.sock = sock
        self.read_timeout = read_timeout
        self.buffer = bytearray()

    def _recv(self, timeout):
        """Append what arrives within ``timeout`` seconds; False on silence, ConnectionGone on EOF."""
        try:
            self.sock.settimeout(timeout)
            data = self.sock.recv(262144)
        except socket.timeout:
            return False
        except OSError:
            raise ConnectionGone()
        if not data:
            raise ConnectionGone()
        self.buffer += data
        return True

    def wait(self, timeout):
        """True when request bytes are there within ``timeout`` seconds; ConnectionGone on EOF."""
        return bool(self.buffer) or self._recv(timeout)

    def _fill(self):
        if not self._recv(self.read_timeout):
            raise ConnectionGone()

    def read_head(self):
        """Request line and headers; raises ConnectionGone (EOF, silence) or HttpError (400)."""
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            sep = 4
            lf_end = self.buffer.find(b"\n\n")
            if lf_end != -1 and (end == -1 or lf_end < end):
                end, sep = lf_end, 2
            if end != -1:
                break
            if len(self.buffer) > MAX_HEAD:
                raise HttpError(400)
            self._fill()
        head = bytes(self.buffer[:end])
        del self.buffer[:end + sep]
        lines = head.decode("latin-1").split("\n")
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        while lines and not lines[0]:            # tolerate empty lines before the request line
            lines.pop(0)
        if not lines:
            raise HttpError(400)
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1.") or not parts[0].isalpha():
            raise HttpError(400, "HTTP/1.0")
        method, target, version = parts
        if version not in ("HTTP/1.0", "HTTP/1.1"):
            raise HttpError(400, "HTTP/1.1")
        pairs = []
        for line in lines[1:]:
            if line[:1] in (" ", "\t") and pairs:        # obsolete line folding
                pairs[-1] = (pairs[-1][0], pairs[-1][1] + " " + line.strip())
                continue
            if ":" not in line:
                raise HttpError(400, version)
            name, value = line.split(":", 1)
            if not name or name != name.strip():
                raise HttpError(400, version)
            pairs.append((name, value.lstrip(" \t")))
        # Header values are bytes on the wire; keep them as text the way Perl sees them (UTF-8 bytes
        # as Latin-1 characters would garble cookies, so decode as UTF-8 where possible).
        pairs = [(k, _text(v)) for k, v in pairs]
        return Request(method, target, version, Headers(pairs))

    def read_exact(self, length):
        while len(self.buffer) < length:
            self._fill()
        data = bytes(self.buffer[:length])
        del self.buffer[:length]
        return data

    def read_line(self):
        while True:
            end = self.buffer.find(b"\n")
            if end != -1:
                line = bytes(self.buffer[:end + 1])
                del self.buffer[:end + 1]
                return line
            if len(self.buffer) > MAX_HEAD:
                raise HttpError(400)
            self._fill()

    def read_chunked(self):
        chunks = []
        total = 0
        while True:
            line = self.read_line().strip()
            try:
                size = int(line.split(b";")[0].strip() or b"x", 16)
            except ValueError:
                raise HttpError(400)
            if size == 0:
                while self.read_line().strip():        # trailers up to the empty line
                    pass
                return b"".join(chunks)
            total += size
            if total > MAX_BODY:
                raise HttpError(413)
            chunks.append(self.read_exact(size))
            self.read_line()                           # CRLF after the chunk data

    def read_body(self, request):
        headers = request.headers
        if (headers.get("Transfer-Encoding") or "").strip().lower() == "chunked":
            request.has_body = True
            return self.read_chunked()
        length = headers.get("Content-Length")
        if length is None:
            return b""
        length = length.strip()
        if not length.isdigit():
            raise HttpError(400, request.version)
        length = int(length)
        if length > MAX_BODY:
            raise HttpError(413, request.version)
        request.has_body = length > 0
        return self.read_exact(length) if length else b""


def _text(value):
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def close_quietly(sock):
    """Close with a FIN, not a RST: unread bytes in the receive buffer would make the kernel reset the
    connection, so they are drained (and dropped) first."""
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    try:
        sock.setblocking(False)
        for _ in range(64):
            if not sock.recv(65536):
                break
    except (OSError, BlockingIOError):
        pass
    try:
        sock.close()
    except OSError:
        pass

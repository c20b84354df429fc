"""Reading the recorded Dreamwidth transcripts (tests/data/transcripts, format in its README.txt)
and putting the two interfaces' files into the order they were recorded in."""

import os
import re

from ljsrv.clock import parse_datetime


class Exchange:
    def __init__(self, interface, filename, header, request_line, request_headers, request_body,
                 status, response_headers, response_body):
        self.interface = interface
        self.filename = filename
        self.number = int(filename[:3])
        self.name = filename[4:-4]
        self.key = "%s/%s" % (interface, filename[:3])
        self.header = header
        self.comments = [line[2:] for line in header.splitlines() if line.startswith("# ")]
        m = re.search(r"recorded (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC", header)
        self.recorded = parse_datetime(m.group(1))
        self.recorded_str = m.group(1)
        self.request_line = request_line
        self.method, self.path = request_line.split(" ")[:2]
        self.request_headers = request_headers
        self.request_body = request_body
        self.status = status
        self.response_headers = response_headers
        self.response_body = response_body

    @property
    def observed(self):
        return [c for c in self.comments if "Observed" in c or "BUG" in c or "QUIRK" in c]

    def __repr__(self):
        return "<%s %s>" % (self.key, self.name)


def _read_message(data, pos):
    end = data.index(b"\n\n", pos)
    head = data[pos:end].decode("utf-8")
    lines = head.split("\n")
    headers = {}
    for line in lines[1:]:
        key, value = line.split(": ", 1)
        headers[key] = value
    length = int(headers["Content-Length"])
    body = data[end + 2:end + 2 + length]
    return lines[0], headers, body, end + 2 + length


def parse_file(path, interface):
    with open(path, "rb") as handle:
        data = handle.read()
    marker = b"=== REQUEST ===\n"
    start = data.index(marker)
    header = data[:start].decode("utf-8")
    request_line, request_headers, request_body, pos = _read_message(data, start + len(marker))
    assert data[pos:pos + 1] == b"\n"
    pos += 1
    marker = b"=== RESPONSE ===\n"
    assert data[pos:pos + len(marker)] == marker, path
    status_line, response_headers, response_body, pos = _read_message(data, pos + len(marker))
    assert data[pos:] == b"\n=== END ===\n", path
    status = int(status_line.split(" ")[1])
    return Exchange(interface, os.path.basename(path), header, request_line, request_headers, request_body,
                    status, response_headers, response_body)


def load(directory):
    exchanges = []
    for interface in ("flat", "xmlrpc"):
        folder = os.path.join(directory, interface)
        for filename in sorted(os.listdir(folder)):
            if re.match(r"^\d{3}-.*\.txt$", filename):
                exchanges.append(parse_file(os.path.join(folder, filename), interface))
    return exchanges


def _topic(exchange):
    """A file's test topic: its name without a trailing -<number> (e.g. "login-bad-password")."""
    return re.sub(r"-\d+$", "", exchange.name)


def _same_topic(a, b):
    ta, tb = _topic(a), _topic(b)
    return ta == tb or ta.startswith(tb + "-") or tb.startswith(ta + "-")


def recorded_order(exchanges):
    """The order the requests were sent in.

    Within each interface the numbering is the sending order (README.txt). Across interfaces the
    header timestamps (1 s resolution) order everything except requests recorded in the same second.
    The recorder ran test cases one after another, each first over flat and then over XML-RPC when it
    had both variants, so inside one second the two sequences are merged by topic: when the next flat
    and next XML-RPC file test the same thing (same name, or one name extends the other), the flat one
    goes first, directly followed by the XML-RPC one; when the next flat topic comes
    up later in the XML-RPC sequence of that second, the XML-RPC files before it go first, and the
    other way round; otherwise flat first. This reproduces every order the recorded state proves
    (itemids of posts made in the same second over both interfaces, the numbered failed logins
    flat/018 -> xmlrpc/014 -> flat/019 -> xmlrpc/015, duplicate posts xmlrpc/023-024).
    """
    flat = [e for e in exchanges if e.interface == "flat"]
    xml = [e for e in exchanges if e.interface == "xmlrpc"]
    for seq in (flat, xml):
        seq.sort(key=lambda e: e.number)
        for a, b in zip(seq, seq[1:]):
            assert a.recorded <= b.recorded, "timestamps go backwards: %r %r" % (a, b)
    order = []
    i = j = 0
    while i < len(flat) or j < len(xml):
        if j >= len(xml):
            order.append(flat[i]); i += 1; continue
        if i >= len(flat):
            order.append(xml[j]); j += 1; continue
        f, x = flat[i], xml[j]
        if f.recorded != x.recorded:
            if f.recorded < x.recorded:
                order.append(f); i += 1
            else:
                order.append(x); j += 1
            continue
        second = f.recorded
        later_x = [e for e in xml[j + 1:] if e.recorded == second]
        later_f = [e for e in flat[i + 1:] if e.recorded == second]
        if _same_topic(f, x):
            order.append(f); order.append(x); i += 1; j += 1
        elif any(_same_topic(f, e) for e in later_x) and not any(_same_topic(x, e) for e in later_f):
            order.append(x); j += 1
        else:
            order.append(f); i += 1
    return order

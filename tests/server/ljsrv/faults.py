"""Fault injection for client tests (README "Faults").

A fault is queued with ``POST /__control/faults`` and applies to the next protocol requests that match
its mode and interface: ``skip`` matching requests pass first, then the fault hits ``count`` of them.
A single request can also carry ``X-Inkwell-Fault: <kind>[;ms=N][;code=N][;name=value...]`` (any
field of the JSON spec, e.g. ``huge;mb=1`` or ``bad_time;value=yesterday``). ``connection`` selects
requests by their place on the TCP connection: ``fresh`` (the first request on a new connection),
``reused`` (a later request on a kept-alive connection) or ``*`` (default, either).

Kinds and what the client sees:
  delay              the request is answered normally after ``ms`` milliseconds
  http500            HTTP 500 with an HTML error page; the request is not processed
  drop_before        the connection closes without a response; not processed
  drop_after_commit  processed and committed, then the connection closes without a response
  truncate           processed; the status line, headers and part of the body are sent, then close
  malformed          HTTP 200 with a garbage body; not processed
  damaged            HTTP 200 with a reply that reports success but does not read (a getevents
                     entry without an itemid, or an <int> that is not a number); not processed
  ratelimit          protocol error 405 "Post frequency limit."; not processed
  error              protocol error ``code`` (default 500); not processed
  http502            HTTP 502 with a proxy's "Bad Gateway" HTML page; not processed
  http503            HTTP 503 with an HTML page and ``Retry-After: <seconds>`` (default 120); not processed
  proxy_page         HTTP 200, text/html: a proxy's sign-in/captcha page, not a protocol reply; not processed
  gzip_bomb          HTTP 200, ``Content-Encoding: gzip``: a small body that inflates to ``mb`` MiB of NUL
                     bytes (default 2048); not processed
  stall_headers      processed at once, then nothing is sent for ``ms`` milliseconds, then the answer
  trickle            processed; status line and headers at once, then the body one byte every ``ms``
                     milliseconds (default 1000); with ``forever`` the declared body is 1 GiB longer
                     than the reply, so the bytes never stop
  huge               processed; HTTP 200 whose body is ``mb`` MiB (default 200): the real reply, then
                     LF padding (XML-RPC: white space after the document), streamed
  huge_field         processed; the real reply, well formed, with one field ``mb`` MiB long (default 60):
                     ``field`` (a key or dotted path such as ``events.0.subject``) or the mode's usual
                     one (README "Faults"), streamed
  bad_time           processed; syncitems item times / getevents eventtimes and logtimes are ``value``
                     (default "2026-13-45 99:99:99"), not dates. Only syncitems and getevents requests
  no_itemid          processed; a postevent/editevent success without itemid, anum and url. Only
                     postevent and editevent requests
  bad_challenge      processed; getchallenge answers a bad challenge: ``variant`` garbage (default),
                     empty, missing (no challenge key) or scheme (auth_scheme "c1"). Only getchallenge

The kinds restricted to some modes match only requests of those modes (with ``mode`` ``*`` they wait
for the first such request); naming another mode is refused.
"""

import threading

KINDS = ("delay", "http500", "drop_before", "drop_after_commit", "truncate", "malformed", "damaged",
         "ratelimit", "error", "http502", "http503", "proxy_page", "gzip_bomb", "stall_headers", "trickle",
         "huge", "huge_field", "bad_time", "no_itemid", "bad_challenge")

# Kinds that only make sense for some modes: they match only requests of these modes.
DOMAINS = {
    "bad_time": ("syncitems", "getevents"),
    "no_itemid": ("postevent", "editevent"),
    "bad_challenge": ("getchallenge",),
}

DEFAULT_MB = {"huge": 200.0, "huge_field": 60.0, "gzip_bomb": 2048.0}
MAX_MB = 1024.0 * 1024.0
CHALLENGE_VARIANTS = ("garbage", "empty", "missing", "scheme")
BAD_TIME = "2026-13-45 99:99:99"


class FaultError(ValueError):
    pass


def _number(spec, key, default, kind=int):
    value = spec.get(key, default)
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise FaultError("%s must be a number, not %r" % (key, value))


def _flag(value):
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "no")
    return bool(value)


def normalise(spec):
    """Validate a fault spec (dict from JSON or from the header) and fill defaults."""
    if not isinstance(spec, dict):
        raise FaultError("fault must be a JSON object")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise FaultError("unknown fault kind %r (one of %s)" % (kind, ", ".join(KINDS)))
    fault = {
        "kind": kind,
        "mode": str(spec.get("mode", "*")),
        "interface": str(spec.get("interface", "*")),
        "connection": str(spec.get("connection", "*")),
        "count": _number(spec, "count", 1),
        "skip": _number(spec, "skip", 0),
        "ms": _number(spec, "ms", 1000 if kind in ("delay", "stall_headers", "trickle") else 0),
        "code": _number(spec, "code", 405 if kind == "ratelimit" else 500),
    }
    if "detail" in spec:
        fault["detail"] = str(spec["detail"])
    if fault["interface"] not in ("*", "flat", "xmlrpc", "blogger"):
        raise FaultError("interface must be flat, xmlrpc, blogger or *")
    if fault["connection"] not in ("*", "fresh", "reused"):
        raise FaultError("connection must be fresh, reused or *")
    if fault["count"] < 1 or fault["skip"] < 0 or fault["ms"] < 0:
        raise FaultError("count must be >= 1, skip and ms >= 0")
    if kind in DOMAINS and fault["mode"] not in ("*",) + DOMAINS[kind]:
        raise FaultError("%s applies to %s only, not %r" % (kind, ", ".join(DOMAINS[kind]), fault["mode"]))
    if kind == "http503":
        fault["seconds"] = _number(spec, "seconds", 120)
        if fault["seconds"] < 0:
            raise FaultError("seconds must be >= 0")
    if kind in DEFAULT_MB:
        fault["mb"] = _number(spec, "mb", DEFAULT_MB[kind], float)
        if not 0 < fault["mb"] <= MAX_MB:
            raise FaultError("mb must be > 0 and <= %d" % MAX_MB)
    if kind == "huge_field" and spec.get("field") not in (None, ""):
        fault["field"] = str(spec["field"])
    if kind == "trickle":
        fault["forever"] = _flag(spec.get("forever", False))
    if kind == "bad_time":
        fault["value"] = str(spec.get("value", BAD_TIME))
    if kind == "bad_challenge":
        fault["variant"] = str(spec.get("variant", "garbage"))
        if fault["variant"] not in CHALLENGE_VARIANTS:
            raise FaultError("variant must be one of %s" % ", ".join(CHALLENGE_VARIANTS))
    return fault


def applies(fault, mode, interface, connection):
    """Whether a queued fault selects this request."""
    if fault["mode"] not in ("*", mode) or fault["interface"] not in ("*", interface) \
            or fault["connection"] not in ("*", connection):
        return False
    return fault["kind"] not in DOMAINS or mode in DOMAINS[fault["kind"]]


def parse_header(value):
    """``X-Inkwell-Fault: truncate`` / ``delay;ms=250`` / ``error;code=406``."""
    parts = [p.strip() for p in value.split(";") if p.strip()]
    if not parts:
        raise FaultError("empty X-Inkwell-Fault header")
    spec = {"kind": parts[0]}
    for part in parts[1:]:
        if "=" not in part:
            raise FaultError("bad X-Inkwell-Fault parameter %r" % part)
        key, val = part.split("=", 1)
        spec[key.strip()] = val.strip()
    return normalise(spec)


class FaultQueue:
    def __init__(self):
        self._lock = threading.Lock()
        self._faults = []
        self.fired = 0

    def add(self, spec):
        fault = normalise(spec)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self):
        with self._lock:
            self._faults.clear()

    def list(self):
        with self._lock:
            return [dict(f) for f in self._faults]

    def take(self, mode, interface, connection="fresh"):
        """The fault to apply to this request, if any (consumes skip/count). ``connection``: "fresh" or
        "reused"."""
        with self._lock:
            for fault in self._faults:
                if not applies(fault, mode, interface, connection):
                    continue
                if fault["skip"] > 0:
                    fault["skip"] -= 1
                    return None
                fault["count"] -= 1
                if fault["count"] <= 0:
                    self._faults.remove(fault)
                self.fired += 1
                return dict(fault)
        return None

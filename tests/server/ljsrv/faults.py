"""Fault injection for client tests (README "Faults").

A fault is queued with ``POST /__control/faults`` and applies to the next protocol requests that match
its mode and interface: ``skip`` matching requests pass first, then the fault hits ``count`` of them.
A single request can also carry ``X-Inkwell-Fault: <kind>[;ms=N][;code=N]``. ``connection`` selects
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
"""

import threading

KINDS = ("delay", "http500", "drop_before", "drop_after_commit", "truncate", "malformed", "damaged",
         "ratelimit", "error")


class FaultError(ValueError):
    pass


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
        "count": int(spec.get("count", 1)),
        "skip": int(spec.get("skip", 0)),
        "ms": int(spec.get("ms", 1000 if kind == "delay" else 0)),
        "code": int(spec.get("code", 405 if kind == "ratelimit" else 500)),
    }
    if "detail" in spec:
        fault["detail"] = str(spec["detail"])
    if fault["interface"] not in ("*", "flat", "xmlrpc"):
        raise FaultError("interface must be flat, xmlrpc or *")
    if fault["connection"] not in ("*", "fresh", "reused"):
        raise FaultError("connection must be fresh, reused or *")
    if fault["count"] < 1 or fault["skip"] < 0 or fault["ms"] < 0:
        raise FaultError("count must be >= 1, skip and ms >= 0")
    return fault


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
                if fault["mode"] not in ("*", mode) or fault["interface"] not in ("*", interface) \
                        or fault["connection"] not in ("*", connection):
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

"""The fuzzing mode (README "Fuzzing"): protocol requests answered with mutations of replies recorded
from the real server (recorded.py) for the same interface and mode.

Everything a fuzzed request gets is decided by ``random.Random("<seed>:<n>")``, where n counts the
requests the fuzzer has seen (those matching its modes and interface) since it was switched on: the
same seed and the same sequence of requests give the same replies. Per seen request: whether it is
fuzzed (``rate``), which recorded reply of its interface and mode is used, whether the server
processes the request as well (``process``: the share of fuzzed requests that are processed; the reply
is the mutated recording either way), and 1-3 mutations.
"""

import random
import re
import threading

from . import recorded

FLAT_OPS = ("flip", "truncate", "dup_line", "drop_line", "number", "date", "utf8", "length")
XML_OPS = ("flip", "truncate", "dup_member", "drop_member", "cut_tag", "number", "date", "utf8", "length")
OPS = tuple(dict.fromkeys(FLAT_OPS + XML_OPS))

BAD_NUMBERS = ("99999999999999999999999", "-1", "-2147483649", "4294967296", "NaN", "1e309", "0x1F", "",
               "12abc", " 7", "\u0661\u0662")
BAD_DATES = ("2026-13-45 99:99:99", "yesterday", "0000-00-00 00:00:00", "", "2026-02-30 25:61:61",
             "99999-01-01 00:00:00", "2026-11-23T12:00:00Z", "1969-12-31 23:59:59")
BAD_UTF8 = (b"\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xe2\x82", b"\xfe\xfe")

_NUMBER_RE = re.compile(rb"\d+")
_DATE_RE = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?")
_MEMBER_RE = re.compile(rb"<member>(?:(?!<member>).)*?</member>", re.S)
_NAME_RE = re.compile(rb"<name>(.*?)</name>", re.S)
_TAG_RE = re.compile(rb"<[^<>]+>")


class FuzzError(ValueError):
    pass


def _text(data):
    return data.decode("utf-8", "replace")


# mutations: (rng, body) -> (body, description) or None when they do not apply -------------------------

def _flip(rng, body):
    if not body:
        return None
    data = bytearray(body)
    at = sorted(rng.sample(range(len(data)), min(len(data), rng.randint(1, 4))))
    for pos in at:
        data[pos] ^= 1 << rng.randrange(8)
    return bytes(data), {"op": "flip", "at": at}


def _truncate(rng, body):
    if len(body) < 2:
        return None
    at = rng.randrange(1, len(body))
    return body[:at], {"op": "truncate", "at": at, "of": len(body)}


def _flat_pairs(body):
    lines = body.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def _dup_line(rng, body):
    lines = _flat_pairs(body)
    if len(lines) < 2:
        return None
    n = rng.randrange(len(lines) // 2)
    key = lines[2 * n]
    same = rng.random() < 0.5
    value = lines[2 * n + 1] if same else lines[2 * rng.randrange(len(lines) // 2) + 1]
    at = 2 * rng.randrange(len(lines) // 2 + 1)
    lines[at:at] = [key, value]
    return b"\n".join(lines) + b"\n", {"op": "dup_line", "key": _text(key), "value": "same" if same else "other"}


def _drop_line(rng, body):
    lines = _flat_pairs(body)
    if len(lines) < 2:
        return None
    if rng.random() < 0.7:
        n = rng.randrange(len(lines) // 2)
        key = lines[2 * n]
        del lines[2 * n:2 * n + 2]
        return b"\n".join(lines) + (b"\n" if lines else b""), {"op": "drop_line", "key": _text(key), "lines": 2}
    n = rng.randrange(len(lines))
    line = lines.pop(n)
    return b"\n".join(lines) + b"\n", {"op": "drop_line", "line": n, "text": _text(line[:80]), "lines": 1}


def _members(body):
    return list(_MEMBER_RE.finditer(body))


def _member_name(match):
    name = _NAME_RE.search(match.group(0))
    return _text(name.group(1)) if name else None


def _dup_member(rng, body):
    members = _members(body)
    if not members:
        return None
    m = rng.choice(members)
    return body[:m.end()] + m.group(0) + body[m.end():], {"op": "dup_member", "name": _member_name(m)}


def _drop_member(rng, body):
    members = _members(body)
    if not members:
        return None
    m = rng.choice(members)
    return body[:m.start()] + body[m.end():], {"op": "drop_member", "name": _member_name(m)}


def _cut_tag(rng, body):
    tags = list(_TAG_RE.finditer(body))
    if not tags:
        return None
    m = rng.choice(tags)
    if rng.random() < 0.5:
        return body[:m.start()] + body[m.end():], {"op": "cut_tag", "tag": _text(m.group(0)), "how": "removed",
                                                     "at": m.start()}
    cut = m.start() + max(1, (m.end() - m.start()) // 2)
    return body[:cut] + body[m.end():], {"op": "cut_tag", "tag": _text(m.group(0)), "how": "cut", "at": m.start()}


def _number(rng, body):
    found = list(_NUMBER_RE.finditer(body))
    if not found:
        return None
    m = rng.choice(found)
    now = rng.choice(BAD_NUMBERS)
    return (body[:m.start()] + now.encode("utf-8") + body[m.end():],
            {"op": "number", "at": m.start(), "was": _text(m.group(0)), "now": now})


def _date(rng, body):
    found = list(_DATE_RE.finditer(body))
    if not found:
        return None
    m = rng.choice(found)
    now = rng.choice(BAD_DATES)
    return (body[:m.start()] + now.encode() + body[m.end():],
            {"op": "date", "at": m.start(), "was": _text(m.group(0)), "now": now})


def _utf8(rng, body):
    multibyte = [i for i, b in enumerate(body) if b >= 0xC2 and b <= 0xF4]
    if multibyte and rng.random() < 0.3:
        at = rng.choice(multibyte)                 # keep the lead byte, drop what follows it
        return body[:at + 1] + body[at + 2:], {"op": "utf8", "at": at, "how": "split"}
    at = rng.randrange(len(body) + 1)
    bad = rng.choice(BAD_UTF8)
    return body[:at] + bad + body[at:], {"op": "utf8", "at": at, "how": "inserted", "bytes": bad.hex()}


MUTATIONS = {"flip": _flip, "truncate": _truncate, "dup_line": _dup_line, "drop_line": _drop_line,
             "dup_member": _dup_member, "drop_member": _drop_member, "cut_tag": _cut_tag, "number": _number,
             "date": _date, "utf8": _utf8}


def mutate(rng, body, interface, allowed=None):
    """(body, declared length or None, [descriptions]): 1-3 mutations of ``body``; ``length`` (a wrong
    Content-Length) is applied last and at most once."""
    ops = [op for op in (FLAT_OPS if interface == "flat" else XML_OPS) if allowed is None or op in allowed]
    if not ops:
        ops = ["flip"]
    count = 1 + (rng.random() < 0.35) + (rng.random() < 0.15)
    chosen = [rng.choice(ops) for _ in range(count)]
    done = []
    declared = None
    for op in chosen:
        if op == "length":
            continue
        result = MUTATIONS[op](rng, body)
        if result is None:
            result = _flip(rng, body) or _utf8(rng, body)
            result[1]["instead_of"] = op
        body = result[0]
        done.append(result[1])
    if "length" in chosen:
        actual = len(body)
        if actual and rng.random() < 0.5:
            declared = rng.randrange(actual)
        else:
            declared = actual + rng.randint(1, 4096)
        done.append({"op": "length", "declared": declared, "actual": actual})
    return body, declared, done


class Plan:
    """How one fuzzed request is answered."""

    __slots__ = ("n", "reply", "body", "declared", "mutations", "processed")

    def __init__(self, n, reply, body, declared, mutations, processed):
        self.n = n
        self.reply = reply
        self.body = body
        self.declared = declared
        self.mutations = mutations
        self.processed = processed

    def describe(self):
        return {"n": self.n, "source": self.reply.source, "status": self.reply.status,
                "mutations": self.mutations, "processed": self.processed, "length": len(self.body)}


class Fuzzer:
    def __init__(self):
        self._lock = threading.Lock()
        self.settings = None
        self.seen = 0
        self.fuzzed = 0
        self.corpus = None

    def configure(self, spec):
        """``spec``: None or {"off": true} (off), or {"seed", "rate", "modes", "interface", "process",
        "mutations"}. Returns the state."""
        if spec is None or spec.get("off"):
            with self._lock:
                self.settings = None
            return self.state()
        if "seed" not in spec:
            raise FuzzError("give a seed (or {\"off\": true})")
        try:
            seed = int(spec["seed"])
            rate = float(spec.get("rate", 1.0))
            process = float(spec.get("process", 0.5))
        except (TypeError, ValueError):
            raise FuzzError("seed must be an integer, rate and process numbers")
        if not 0.0 <= rate <= 1.0 or not 0.0 <= process <= 1.0:
            raise FuzzError("rate and process must be between 0 and 1")
        modes = spec.get("modes")
        if modes is not None and (not isinstance(modes, list) or not all(isinstance(m, str) for m in modes)):
            raise FuzzError("modes must be a list of mode names")
        interface = str(spec.get("interface", "*"))
        if interface not in ("*", "flat", "xmlrpc"):
            raise FuzzError("interface must be flat, xmlrpc or *")
        mutations = spec.get("mutations")
        if mutations is not None:
            if not isinstance(mutations, list) or not mutations or any(m not in OPS for m in mutations):
                raise FuzzError("mutations must be a non-empty list of %s" % ", ".join(OPS))
        corpus = recorded.load()
        if not len(corpus):
            raise FuzzError("no recorded replies found under %s" % ", ".join(d for _, d in recorded.directories()))
        with self._lock:
            self.corpus = corpus
            self.settings = {"seed": seed, "rate": rate, "modes": modes, "interface": interface,
                             "process": process, "mutations": mutations}
            self.seen = 0
            self.fuzzed = 0
        return self.state()

    def state(self):
        with self._lock:
            if self.settings is None:
                return {"on": False, "seen": self.seen, "fuzzed": self.fuzzed}
            return dict(self.settings, on=True, seen=self.seen, fuzzed=self.fuzzed,
                        recordings=len(self.corpus))

    def plan(self, mode, interface):
        """The Plan for this request, or None when it is answered normally."""
        with self._lock:
            settings = self.settings
            if settings is None:
                return None
            if settings["modes"] is not None and mode not in settings["modes"]:
                return None
            if settings["interface"] not in ("*", interface):
                return None
            n = self.seen
            self.seen += 1
            rng = random.Random("%d:%d" % (settings["seed"], n))
            if rng.random() >= settings["rate"]:
                return None
            candidates = self.corpus.candidates(interface, mode)
            if not candidates:
                return None
            self.fuzzed += 1
        reply = rng.choice(candidates)
        processed = rng.random() < settings["process"]
        body, declared, mutations = mutate(rng, reply.body, interface, settings["mutations"])
        return Plan(n, reply, body, declared, mutations, processed)

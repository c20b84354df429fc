#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus (corpus/flat, corpus/xmlrpc) from the recorded replies.

Every distinct response body of tests/data/transcripts and tests/data/fixtures up to MAX_BYTES
becomes one seed; flat seeds start with the byte that makes FuzzFlatReply run the shaper of the
recorded mode (FuzzModes.h). Run it again when the recordings change.
"""
import hashlib
import pathlib
import re

MAX_BYTES = 16 * 1024
MODES = ["login", "getevents", "syncitems", "getdaycounts", "getusertags", "consolecommand",
         "getfriends", "friendof", "getfriendgroups", "gettrustgroups", "editfriends", "getreadpage",
         "sessiongenerate", "checkforupdates", "postevent", "unknownmode"]

here = pathlib.Path(__file__).resolve().parent
data = here.parent / "data"


def section(raw, marker, start):
    at = raw.index(marker, start) + len(marker)
    headers_end = raw.index(b"\n\n", at)
    length = int(re.search(rb"Content-Length: (\d+)", raw[at:headers_end]).group(1))
    body_start = headers_end + 2
    return raw[body_start:body_start + length], body_start + length


for interface in ("flat", "xmlrpc"):
    out = here / "corpus" / interface
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    seen = set()
    for path in sorted((data / "transcripts" / interface).glob("*.txt")) + \
            sorted((data / "fixtures" / interface).glob("*.txt")):
        raw = path.read_bytes()
        request, end = section(raw, b"=== REQUEST ===\n", 0)
        body, _ = section(raw, b"=== RESPONSE ===\n", end)
        if len(body) > MAX_BYTES:
            continue
        if interface == "flat":
            mode = re.search(rb"(?:^|&)mode=([^&]*)", request)
            mode = mode.group(1).decode() if mode else ""
            selector = MODES.index(mode) if mode in MODES else MODES.index("unknownmode")
            body = bytes([selector]) + body
        digest = hashlib.sha1(body).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        (out / f"{path.parent.parent.name}-{path.stem}").write_bytes(body)
    print(interface, len(seen), "seeds")

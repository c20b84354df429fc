"""What the hostile fault kinds send (faults.py, README "Faults"): proxy pages, result changes made
before a reply is rendered (bad_time, no_itemid, bad_challenge, huge_field's marker) and streamed
bodies that are never built in memory (huge, huge_field, gzip_bomb).

Streams are iterables of byte chunks of at most CHUNK bytes; the connection thread writes them
outside the application lock.
"""

import struct
import time
import zlib

from .faults import BAD_TIME

CHUNK = 256 * 1024
MIB = 1024 * 1024

# Proxy pages: what a reverse proxy, captive portal or CDN in front of the server answers instead.
BAD_GATEWAY_PAGE = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    b"</body>\r\n</html>\r\n")
UNAVAILABLE_PAGE = (b"<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>\n"
                    b"<body><h1>Service Unavailable</h1>\n<p>The site is down for maintenance. "
                    b"Please try again in a few minutes.</p>\n<hr><address>nginx</address></body></html>\n")
PROXY_PAGE = (b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
              b"<title>Sign in to continue</title></head>\n<body>\n"
              b"<h1>Please sign in to use this network</h1>\n"
              b"<form method=\"post\" action=\"/portal/login\">\n"
              b"<p><label>Room number <input name=\"room\"></label></p>\n"
              b"<p><label>Surname <input name=\"surname\"></label></p>\n"
              b"<p><img src=\"/portal/captcha.png\" alt=\"captcha\"> <input name=\"captcha\"></p>\n"
              b"<p><input type=\"checkbox\" name=\"terms\"> I accept the terms of use</p>\n"
              b"<p><button type=\"submit\">Connect</button></p>\n</form>\n</body></html>\n")
PROXY_HEADERS = [("Server", "nginx")]


# result changes (applied to the mode's result before it is rendered) -------------------------

def bad_time(result, mode, value=BAD_TIME):
    """syncitems item times, getevents eventtimes and logtimes -> ``value``."""
    if mode == "syncitems":
        for item in result.get("syncitems", []):
            item["time"] = value
    elif mode == "getevents":
        for event in result.get("events", []):
            event["eventtime"] = value
            if "logtime" in event:
                event["logtime"] = value
    return result


def no_itemid(result):
    for key in ("itemid", "anum", "url"):
        result.pop(key, None)
    return result


def bad_challenge(result, variant):
    if variant == "garbage":
        result["challenge"] = "zz:?:not a challenge:<%>&;"
    elif variant == "empty":
        result["challenge"] = ""
    elif variant == "missing":
        result.pop("challenge", None)
    elif variant == "scheme":
        result["auth_scheme"] = "c1"
    return result


# huge_field --------------------------------------------------------------------------------------

MARKER = "INKWELLHUGEFIELDMARKER"
FILLER = b"0123456789abcdef"

# The field each mode's reply carries that a client keeps or sends back.
HUGE_FIELDS = {
    "getchallenge": "challenge",
    "login": "fullname",
    "postevent": "url",
    "editevent": "url",
    "getevents": "events.0.subject",
    "syncitems": "syncitems.0.item",
    "sessiongenerate": "ljsession",
    "getfriends": "friends.0.fullname",
    "friendof": "friendofs.0.fullname",
    "getusertags": "tags.0.name",
    "getdaycounts": "daycounts.0.date",
    "getreadpage": "entries.0.subject_raw",
}


def _set_path(result, path):
    """Put MARKER at ``path`` (keys and list indexes joined by dots); True when it could."""
    node = result
    parts = path.split(".")
    for part in parts[:-1]:
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                return False
            node = node[int(part)]
        elif isinstance(node, dict):
            if part not in node:
                return False
            node = node[part]
        else:
            return False
    last = parts[-1]
    if isinstance(node, dict):
        node[last] = MARKER
        return True
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = MARKER
        return True
    return False


def _first_string(node, path=""):
    if isinstance(node, dict):
        for key in sorted(node):
            found = _first_string(node[key], path + "." + key if path else key)
            if found:
                return found
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found = _first_string(value, "%s.%d" % (path, n) if path else str(n))
            if found:
                return found
    elif isinstance(node, str) and path:
        return path
    return None


def place_marker(result, mode, field=None):
    """Put the marker into ``field``, else the mode's usual field, else the first string of the result,
    else a new ``message`` key. Returns the path used."""
    for path in (field, HUGE_FIELDS.get(mode)):
        if path and _set_path(result, path):
            return path
    path = _first_string(result) or "message"
    _set_path(result, path)
    return path


def filler(size):
    """``size`` bytes of hex digits (valid in every field of both wire formats)."""
    block = FILLER * (CHUNK // len(FILLER))
    while size > 0:
        piece = block if size >= len(block) else block[:size]
        size -= len(piece)
        yield piece


def huge_field_stream(body, size):
    """(length, chunks): ``body`` with the marker replaced by ``size`` filler bytes."""
    prefix, _, suffix = body.partition(MARKER.encode())

    def chunks():
        yield prefix
        yield from filler(size)
        yield suffix
    return len(prefix) + size + len(suffix), chunks()


def huge_stream(body, size):
    """(length, chunks): the reply, then LF padding up to ``size`` bytes in all."""
    pad = max(0, size - len(body))

    def chunks():
        yield body
        block = b"\n" * CHUNK
        left = pad
        while left > 0:
            piece = block if left >= CHUNK else block[:left]
            left -= len(piece)
            yield piece
    return len(body) + pad, chunks()


TRICKLE_FOREVER = 1024 * MIB


def trickle(body, pad, pause):
    """The body one byte at a time, ``pause`` seconds before each; then ``pad`` spaces the same way."""
    for n in range(len(body)):
        time.sleep(pause)
        yield body[n:n + 1]
    for _ in range(pad):
        time.sleep(pause)
        yield b" "


def mib(value):
    return int(value * MIB)


# gzip bomb ---------------------------------------------------------------------------------------

def _gf2_times(mat, vec):
    total = 0
    i = 0
    while vec:
        if vec & 1:
            total ^= mat[i]
        vec >>= 1
        i += 1
    return total


def _gf2_square(mat):
    return [_gf2_times(mat, mat[n]) for n in range(32)]


def crc32_combine(crc1, crc2, len2):
    """CRC-32 of A+B from crc(A), crc(B) and len(B) (zlib's crc32_combine)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def zeros_crc32(blocks, block_crc, block_len):
    """CRC-32 of ``blocks`` copies of a block (by doubling; no pass over the data)."""
    crc, length = 0, 0
    power_crc, power_len = block_crc, block_len
    while blocks:
        if blocks & 1:
            crc = crc32_combine(crc, power_crc, power_len)
            length += power_len
        power_crc = crc32_combine(power_crc, power_crc, power_len)
        power_len *= 2
        blocks >>= 1
    return crc


_BOMB_BLOCK = None


def _bomb_block():
    """One MiB of NULs as a raw deflate block that can be repeated (a full flush resets the window)."""
    global _BOMB_BLOCK
    if _BOMB_BLOCK is None:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        zeros = bytes(MIB)
        comp.compress(zeros)
        comp.flush(zlib.Z_FULL_FLUSH)
        block = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
        _BOMB_BLOCK = (block, comp.flush(), zlib.crc32(zeros))
    return _BOMB_BLOCK


def gzip_bomb(mb):
    """(length, chunks): one gzip member that inflates to ``mb`` MiB (whole MiB, at least 1) of NULs,
    about 1 KiB per MiB, with a correct CRC-32 and size trailer."""
    blocks = max(1, int(mb))
    block, final, block_crc = _bomb_block()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", zeros_crc32(blocks, block_crc, MIB), (blocks * MIB) & 0xFFFFFFFF)
    per_chunk = max(1, CHUNK // len(block))

    def chunks():
        yield header
        left = blocks
        while left > 0:
            n = min(left, per_chunk)
            left -= n
            yield block * n
        yield final + trailer
    return len(header) + blocks * len(block) + len(final) + len(trailer), chunks()

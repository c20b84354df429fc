"""The flat interface's wire format (REFERENCE §1.2).

Requests: ``application/x-www-form-urlencoded`` decoded the way LJ::TextUtil::parse_args does it:
pairs split on '&', each pair split on '=' keeping only the first two pieces (a literal '=' in a value
truncates it), then '+' -> space and %HH -> byte. Responses: ``KEY\\nVALUE\\n`` pairs, keys sorted by
byte value, every CR and LF deleted from keys and values; with ``responseenc=urlenc`` a single
eurl-encoded ``k=v&`` string instead.
"""

from .text import eurl, from_bytes, to_bytes


def _unescape(data):
    """'+' -> space, %HH -> byte; a '%' not followed by two hex digits stays as is."""
    data = data.replace(b"+", b" ")
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x25 and _is_hex(data[i + 1:i + 3]):
            out.append(int(data[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(c)
            i += 1
    return bytes(out)


def _is_hex(two):
    return len(two) == 2 and all(ch in b"0123456789abcdefABCDEF" for ch in two)


def parse_form(body, join_duplicates=False):
    """Decode a form body into {key: value} (str, surrogate-escaped). ``join_duplicates``: classic LJ
    joins repeated keys with NUL; Dreamwidth keeps the last value (REFERENCE §1.1, §9.16)."""
    result = {}
    if not body:
        return result
    for pair in body.split(b"&"):
        if not pair:
            continue
        pieces = pair.split(b"=")
        key = from_bytes(_unescape(pieces[0]))
        value = from_bytes(_unescape(pieces[1])) if len(pieces) > 1 else ""
        if join_duplicates and key in result:
            result[key] = result[key] + "\0" + value
        else:
            result[key] = value
    return result


def _clean(value):
    return to_bytes("" if value is None else str(value)).replace(b"\r", b"").replace(b"\n", b"")


def encode_response(pairs):
    """{key: value} -> the flat body: sorted ``key\\nvalue\\n`` lines, CR/LF removed."""
    items = sorted((_clean(k), _clean(v)) for k, v in pairs.items())
    return b"".join(k + b"\n" + v + b"\n" for k, v in items)


def encode_urlenc(pairs):
    """``responseenc=urlenc``: ``k1=v1&k2=v2&...&`` with both sides eurl-encoded."""
    items = sorted((_clean(k), _clean(v)) for k, v in pairs.items())
    return "".join("%s=%s&" % (eurl(k), eurl(v)) for k, v in items).encode("ascii")


def decode_response(body):
    """Parse a flat response body into a list of (key, value) str pairs (used by the tests)."""
    lines = body.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) % 2:
        raise ValueError("odd number of lines in flat response")
    return [(from_bytes(lines[i]), from_bytes(lines[i + 1])) for i in range(0, len(lines), 2)]

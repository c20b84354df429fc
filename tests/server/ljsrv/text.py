"""Text helpers with Perl-server semantics.

The real servers treat request values as raw bytes. Here every text value is a Python ``str``; bytes
that are not valid UTF-8 survive as lone surrogates (the ``surrogateescape`` error handler), so a
value can always be turned back into the exact bytes the client sent (``to_bytes``).
"""

import re
from urllib.parse import quote_from_bytes

PERL_SPACE = " \t\n\r\f\v"   # Perl's \s on byte strings: ASCII whitespace only


def to_bytes(text):
    if isinstance(text, bytes):
        return text
    return str(text).encode("utf-8", "surrogateescape")


def from_bytes(data):
    if isinstance(data, str):
        return data
    return bytes(data).decode("utf-8", "surrogateescape")


def is_ascii(text):
    return all(ord(c) < 128 for c in text)


def is_valid_utf8(text):
    """True unless the value carries bytes that were not valid UTF-8 (escaped surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def byte_length(text):
    return len(to_bytes(text))


def perl_trim(text):
    return text.strip(PERL_SPACE)


def has_non_space(text):
    """Perl's ``/\\S/``."""
    return any(c not in PERL_SPACE for c in text)


def text_trim(text, byte_max=0, char_max=0):
    """LJ::text_trim: strip surrounding whitespace, then cut to at most ``char_max`` characters and
    ``byte_max`` bytes (0 = no limit) without splitting a character (REFERENCE §4.4)."""
    text = perl_trim(text or "")
    if not byte_max and not char_max:
        return text
    char_max = char_max or byte_max
    used_bytes = 0
    for index, char in enumerate(text):
        if index >= char_max:
            return text[:index]
        size = len(char.encode("utf-8", "surrogateescape"))
        if byte_max and used_bytes + size > byte_max:
            return text[:index]
        used_bytes += size
    return text


_USERNAME_RE = re.compile(r"^[a-z0-9_-]{1,25}$")


def canonical_username(name):
    """Lower-case, trimmed, ``[a-z0-9_-]{1,25}`` with ``-`` turned into ``_`` (REFERENCE §1.2.3);
    None if not a valid username."""
    if name is None:
        return None
    name = perl_trim(str(name)).lower()
    if not _USERNAME_RE.match(name):
        return None
    return name.replace("-", "_")


def eurl(value):
    """LJ::eurl: every byte outside ``A-Z a-z 0-9 _ , - . / \\ :`` and space becomes %HH (upper-case
    hex); spaces become '+' (REFERENCE §1.2). (quote_from_bytes always keeps "~", eurl does not.)"""
    return quote_from_bytes(to_bytes(value), safe=",/\\: ").replace(" ", "+").replace("~", "%7E")


def md5_hex(value):
    import hashlib
    return hashlib.md5(to_bytes(value)).hexdigest()

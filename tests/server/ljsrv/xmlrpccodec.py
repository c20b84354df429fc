"""XML-RPC marshalling with the real servers' (Perl XMLRPC::Lite) conventions (REFERENCE §1.3).

Requests: every scalar, whatever its XML-RPC type, becomes a string (``<int>1</int>``,
``<boolean>1</boolean>`` and ``<string>1</string>`` are all "1"); ``<base64>`` is decoded to raw bytes
(kept as a surrogate-escaped str, see text.py); ``<nil/>`` is None; structs and arrays keep their shape.

Responses: the server declares no types, the serializer guesses each scalar's type from its content
(§1.3.1): any byte outside TAB/LF/CR/0x20-0x7F -> ``<base64>``; ``^[+-]?\\d+$`` -> ``<int>`` (no range
check: DW groupmasks above 2^31 come out as ``<int>``); a decimal/float -> ``<double>``;
``^\\d{8}T\\d\\d:\\d\\d:\\d\\d$`` -> ``<dateTime.iso8601>``; anything else ``<string>``; undef (None) ->
an empty ``<value />``. Dreamwidth forces ``<string>`` for the values of a few keys anywhere in the
tree (journalname, fullname, username, poster, postername, name); those bytes are then written as if
they were Latin-1 characters, so non-ASCII text under such a key arrives double-encoded (observed:
trust group "WÃ¶r" in transcripts xmlrpc/067, tag "Ã¼nÃ¯ tag" in xmlrpc/089).
"""

import base64
import re
import xml.etree.ElementTree as ET

from .text import from_bytes, to_bytes

DW_FORCED_STRING_KEYS = frozenset(("journalname", "fullname", "username", "poster", "postername", "name"))

_BASE64_RE = re.compile(rb"[^\x09\x0a\x0d\x20-\x7f]")
_INT_RE = re.compile(rb"^[+-]?\d+$")
_DOUBLE_RE = re.compile(rb"^(?:-?(?:\d+(?:\.\d*)?|\.\d+)|[+-]?(?=\d|\.\d)\d*(?:\.\d*)?(?:[Ee][+-]?\d+)?)$")
_DATETIME_RE = re.compile(rb"^\d{8}T\d\d:\d\d:\d\d$")


class XmlRpcParseError(Exception):
    pass


class Typed:
    """A scalar with an explicit XML-RPC type (e.g. the string faultCode "Server")."""

    __slots__ = ("type", "value")

    def __init__(self, type_, value):
        self.type = type_
        self.value = value


# ---------------------------------------------------------------------------------------------
# requests

def parse_call(body):
    """methodCall bytes -> (method name, [param values])."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise XmlRpcParseError("Application failed during request deserialization: %s" % exc)
    if root.tag != "methodCall":
        raise XmlRpcParseError("Application failed during request deserialization: no methodCall")
    name_el = root.find("methodName")
    if name_el is None or not (name_el.text or "").strip():
        raise XmlRpcParseError("Application failed during request deserialization: no methodName")
    params = []
    params_el = root.find("params")
    if params_el is not None:
        for param in params_el.findall("param"):
            value = param.find("value")
            params.append(_parse_value(value) if value is not None else None)
    return name_el.text.strip(), params


def _parse_value(value_el):
    children = list(value_el)
    if not children:
        return value_el.text or ""          # untyped <value>text</value> is a string
    typed = children[0]
    tag = typed.tag
    text = typed.text or ""
    if tag in ("string",):
        return text
    if tag in ("int", "i4", "i8", "double", "boolean", "dateTime.iso8601"):
        return text.strip()
    if tag == "base64":
        try:
            return from_bytes(base64.b64decode("".join(text.split())))
        except (ValueError, TypeError):
            raise XmlRpcParseError("Application failed during request deserialization: bad base64")
    if tag == "nil":
        return None
    if tag == "struct":
        result = {}
        for member in typed.findall("member"):
            name = member.find("name")
            val = member.find("value")
            if name is None:
                continue
            result[name.text or ""] = _parse_value(val) if val is not None else ""
        return result
    if tag == "array":
        data = typed.find("data")
        if data is None:
            return []
        return [_parse_value(v) for v in data.findall("value")]
    raise XmlRpcParseError("Application failed during request deserialization: unknown type %s" % tag)


# ---------------------------------------------------------------------------------------------
# responses

def _escape(data):
    return (data.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")
            .replace(b"\r", b"&#xd;"))


def _string_element(raw):
    if not raw:
        return b"<string />"
    return b"<string>" + _escape(raw) + b"</string>"


def _scalar(raw):
    """Content-based typing of one scalar given as bytes (§1.3.1)."""
    if _BASE64_RE.search(raw):
        return b"<base64>" + base64.b64encode(raw) + b"</base64>"
    if _INT_RE.match(raw):
        return b"<int>" + raw + b"</int>"
    if raw and _DOUBLE_RE.match(raw):
        return b"<double>" + raw + b"</double>"
    if _DATETIME_RE.match(raw):
        return b"<dateTime.iso8601>" + raw + b"</dateTime.iso8601>"
    return _string_element(raw)


def _value(obj, forced_keys, forced=False):
    if obj is None:
        return b"<value />"
    if isinstance(obj, Typed):
        raw = to_bytes(str(obj.value))
        if obj.type == "string":
            return b"<value>" + _string_element(raw) + b"</value>"
        return b"<value><" + obj.type.encode() + b">" + _escape(raw) + b"</" + obj.type.encode() + b"></value>"
    if isinstance(obj, dict):
        if not obj:
            return b"<value><struct /></value>"
        parts = [b"<value><struct>"]
        for key, val in obj.items():
            parts.append(b"<member><name>" + _escape(to_bytes(key)) + b"</name>")
            parts.append(_value(val, forced_keys, forced=key in forced_keys))
            parts.append(b"</member>")
        parts.append(b"</struct></value>")
        return b"".join(parts)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return b"<value><array><data /></array></value>"
        return (b"<value><array><data>" + b"".join(_value(v, forced_keys) for v in obj)
                + b"</data></array></value>")
    if isinstance(obj, bool):
        obj = int(obj)
    if isinstance(obj, int):
        raw = str(obj).encode()
        if forced:
            return b"<value>" + _string_element(raw) + b"</value>"
        return b"<value><int>" + raw + b"</int></value>"
    if isinstance(obj, float):
        return b"<value><double>" + repr(obj).encode() + b"</double></value>"
    raw = to_bytes(obj)
    if forced:
        # DW's forced <string>: the bytes are serialised as Latin-1 characters (double encoding).
        return b"<value>" + _string_element(raw.decode("latin-1").encode("utf-8")) + b"</value>"
    return b"<value>" + _scalar(raw) + b"</value>"


_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>'


def encode_response(result, forced_keys=frozenset()):
    """A methodResponse carrying one value, in XMLRPC::Lite's compact layout."""
    return (_HEAD + b"<methodResponse><params><param>" + _value(result, forced_keys)
            + b"</param></params></methodResponse>")


def encode_fault(code, text):
    """A fault; ``code`` is an int for protocol errors, or a string such as "Server"."""
    code_value = Typed("int", code) if isinstance(code, int) else Typed("string", code)
    struct = {"faultCode": code_value, "faultString": Typed("string", text)}
    return _HEAD + b"<methodResponse><fault>" + _value(struct, frozenset()) + b"</fault></methodResponse>"


def encode_call(method, params):
    """A methodCall with content-typed values (used by the tests and the seeding tools)."""
    body = b"".join(b"<param>" + _value(p, frozenset()) + b"</param>" for p in params)
    return (b"<?xml version=\"1.0\"?><methodCall><methodName>" + method.encode()
            + b"</methodName><params>" + body + b"</params></methodCall>")


# ---------------------------------------------------------------------------------------------
# typed decoding of responses (for tests: keeps the wire type of every scalar)

def decode_typed(body):
    """methodResponse bytes -> ('params', typed value) or ('fault', typed value), where a typed value
    is ('struct', {k: typed}), ('array', [typed]), ('nil', None) or (type, text/bytes)."""
    root = ET.fromstring(body)
    fault = root.find("fault")
    if fault is not None:
        return "fault", _typed(fault.find("value"))
    value = root.find("params/param/value")
    return "params", _typed(value)


def _typed(value_el):
    children = list(value_el)
    if not children:
        if value_el.text:
            return ("string", value_el.text)
        return ("nil", None)
    el = children[0]
    if el.tag == "struct":
        return ("struct", {m.find("name").text or "": _typed(m.find("value")) for m in el.findall("member")})
    if el.tag == "array":
        data = el.find("data")
        return ("array", [_typed(v) for v in (data.findall("value") if data is not None else [])])
    if el.tag == "base64":
        return ("base64", base64.b64decode(el.text or ""))
    if el.tag == "i4":
        return ("int", el.text or "")
    return (el.tag, el.text or "")

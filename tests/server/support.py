"""Helpers for the server's own tests: start a server (in-process thread or subprocess), talk to it
over raw HTTP (flat), through ``xmlrpc.client`` (an independent XML-RPC implementation) and through
the control API."""

import http.client
import json
import os
import subprocess
import sys
import threading
import urllib.parse
import xmlrpc.client

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from ljsrv import flatcodec, xmlrpccodec  # noqa: E402
from ljsrv.app import App, Config  # noqa: E402
from ljsrv.control import populate  # noqa: E402
from ljsrv.httpserver import Server  # noqa: E402

PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
SERVER_SCRIPT = os.path.join(HERE, "ljserver.py")
TRANSCRIPTS = os.environ.get("INKWELL_TRANSCRIPTS") or os.path.join(HERE, "..", "data", "transcripts")
FIXTURES = os.environ.get("INKWELL_FIXTURES") or os.path.join(HERE, "..", "data", "fixtures")


class Response:
    def __init__(self, status, headers, body, raw_headers=None):
        self.status = status
        self.headers = headers
        self.body = body
        self.raw_headers = raw_headers if raw_headers is not None else list(headers.items())   # in wire order

    @property
    def content_type(self):
        return self.headers.get("Content-Type")

    def flat(self):
        """Parsed flat body as a dict (keys must be unique)."""
        pairs = flatcodec.decode_response(self.body)
        result = dict(pairs)
        assert len(result) == len(pairs), "duplicate keys in flat response"
        return result


class Client:
    """A keep-alive HTTP connection to one server."""

    def __init__(self, base_url):
        self.base_url = base_url
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.conn = None

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=b"", headers=None, retry=True):
        headers = dict(headers or {})
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            resp = self.conn.getresponse()
            data = resp.read()
        except (http.client.HTTPException, ConnectionError, OSError):
            self.close()
            if not retry:
                raise
            return self.request(method, path, body, headers, retry=False)
        if resp.getheader("Connection", "").lower() == "close":
            self.close()
        return Response(resp.status, {k: v for k, v in resp.getheaders()}, data, resp.getheaders())

    # flat ---------------------------------------------------------------------------------------
    def flat_raw(self, body, content_type="application/x-www-form-urlencoded", headers=None):
        hdrs = {"Content-Type": content_type}
        hdrs.update(headers or {})
        return self.request("POST", "/interface/flat", body, hdrs)

    def flat(self, headers=None, **params):
        """POST a flat request built from keyword arguments; returns the parsed dict."""
        body = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None}).encode()
        resp = self.flat_raw(body, headers=headers)
        assert resp.status == 200, (resp.status, resp.body)
        return resp.flat()

    # xmlrpc -------------------------------------------------------------------------------------
    def xmlrpc_raw(self, body, headers=None):
        hdrs = {"Content-Type": "text/xml"}
        hdrs.update(headers or {})
        return self.request("POST", "/interface/xmlrpc", body, hdrs)

    def xmlrpc(self, mode, params=None, headers=None, typed=False):
        """Call LJ.XMLRPC.<mode> with one struct built by xmlrpc.client; returns the result or raises
        xmlrpc.client.Fault. typed=True returns the wire-typed tree (xmlrpccodec.decode_typed)."""
        body = xmlrpc.client.dumps(() if params is None else (params,), "LJ.XMLRPC." + mode,
                                   encoding="utf-8").encode("utf-8")
        resp = self.xmlrpc_raw(body, headers)
        assert resp.status == 200, (resp.status, resp.body)
        if typed:
            return xmlrpccodec.decode_typed(resp.body)
        (result,), _ = xmlrpc.client.loads(resp.body, use_builtin_types=True)
        return result

    # control ------------------------------------------------------------------------------------
    def control(self, method, path, payload=None):
        body = json.dumps(payload).encode() if payload is not None else b""
        resp = self.request(method, "/__control/" + path, body, {"Content-Type": "application/json"})
        return resp.status, json.loads(resp.body.decode("utf-8"))

    def ctl(self, method, path, payload=None):
        status, obj = self.control(method, path, payload)
        assert status == 200, (status, obj)
        return obj


class InProcessServer:
    """A server running in a thread of the test process (fast to start)."""

    def __init__(self, flavor="lj", users=(), communities=(), preset=None, seed=None, clock=None, paid=(),
                 db_path=":memory:", duplicate_check=True, fuzz=None):
        config = Config(flavor=flavor, db_path=db_path, users=[_user(u) for u in users], communities=list(communities),
                        preset=preset, seed=seed, clock=clock, paid=paid, duplicate_check=duplicate_check, fuzz=fuzz)
        self.app = App(config)
        populate(self.app)
        self.server = Server(self.app, 0)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = self.server.base_url
        self.clients = []

    def client(self):
        c = Client(self.url)
        self.clients.append(c)
        return c

    def stop(self):
        for c in self.clients:
            c.close()
        self.server.shutdown()
        self.server.server_close()
        self.app.db.conn.close()


def _user(spec):
    if isinstance(spec, tuple):
        return spec
    parts = spec.split(":")
    return parts[0], parts[1], (parts[2].split(",") if len(parts) > 2 else None)


def start_subprocess(*args, env=None):
    """Start ljserver.py as a subprocess; returns (process, base URL)."""
    proc = subprocess.Popen([PYTHON, "-u", SERVER_SCRIPT] + list(args), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    line = proc.stdout.readline().decode().strip()
    if not line.startswith("listening on "):
        proc.kill()
        raise RuntimeError("server did not start: %r %r" % (line, proc.stderr.read()))
    return proc, line[len("listening on "):]


def stop_subprocess(proc, timeout=10):
    proc.terminate()
    try:
        return proc.wait(timeout)
    finally:
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


def md5_hex(text):
    import hashlib
    return hashlib.md5(text.encode("utf-8")).hexdigest()


class Failure(Exception):
    """A protocol failure as a client sees it: flat errmsg text (code None) or XML-RPC fault."""

    def __init__(self, text, code=None):
        super().__init__(text, code)
        self.text = text
        self.code = code


class Api:
    """Call a mode the same way over either interface. Fields use XML-RPC names (username, props as a
    dict); for flat they are converted (user, prop_<name>). Failures raise Failure."""

    def __init__(self, client, interface):
        self.client = client
        self.interface = interface

    def __call__(self, mode, headers=None, **fields):
        if self.interface == "flat":
            params = {"mode": mode}
            for key, value in fields.items():
                if key == "username":
                    params["user"] = value
                elif key == "props":
                    params.update({"prop_" + name: val for name, val in value.items()})
                else:
                    params[key] = value
            result = self.client.flat(headers=headers, **params)
            if result.get("success") != "OK" or "errmsg" in result:
                raise Failure(result.get("errmsg"))
            return result
        try:
            return self.client.xmlrpc(mode, fields, headers=headers)
        except xmlrpc.client.Fault as fault:
            raise Failure(fault.faultString, fault.faultCode)

    def fails(self, mode, **fields):
        """The Failure a call raises (AssertionError if it succeeds)."""
        try:
            result = self(mode, **fields)
        except Failure as failure:
            return failure
        raise AssertionError("%s succeeded: %r" % (mode, result))


def apis(server):
    """One Api per interface on fresh connections."""
    return [Api(server.client(), "flat"), Api(server.client(), "xmlrpc")]

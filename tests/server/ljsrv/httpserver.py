"""HTTP transport: a threaded HTTP/1.1 server with keep-alive (every response carries
Content-Length, so Qt clients reuse connections), bound to 127.0.0.1.

Routes: ``/interface/flat`` (classic LJ also ``/cgi-bin/log.cgi``), ``/interface/xmlrpc`` and the JSON
control API under ``/__control/`` (control.py). Fault injection (faults.py) is applied here, around
the protocol processing.
"""

import json
import re
import socket
import sys
import time
import traceback
import urllib.parse
import xmlrpc.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import control, flatcodec, protocol, xmlrpccodec
from .errors import error_text
from .faults import FaultError, parse_header

_FORM_TYPES_DW = re.compile(r"^application/x-www-form-urlencoded(\s*;.*)?$", re.I)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, app, port=0):
        self.app = app
        super().__init__(("127.0.0.1", port), Handler)
        app.site_url = app.config.site_url or "http://127.0.0.1:%d" % self.server_address[1]

    @property
    def base_url(self):
        return "http://127.0.0.1:%d" % self.server_address[1]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ljserver"
    sys_version = ""

    def log_message(self, fmt, *args):   # quiet: tests read stdout/stderr
        pass

    # plumbing ----------------------------------------------------------------------------------
    def _read_body(self):
        if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
            chunks = []
            while True:
                size_line = self.rfile.readline()
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def setup(self):
        super().setup()
        try:   # small responses must not wait for the client's delayed ACK (Nagle)
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def version_string(self):
        return "ljserver"

    def _send(self, status, content_type, body, truncate=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        # Headers and body go out in one write.
        self._headers_buffer.append(b"\r\n")
        self._headers_buffer.append(body[:max(1, len(body) // 2)] if truncate else body)
        self.flush_headers()
        if truncate:
            self._drop()

    def _drop(self):
        """Close the connection without (the rest of) a response."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _json(self, status, obj):
        self._send(status, "application/json", json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    # verbs ---------------------------------------------------------------------------------------
    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def do_PUT(self):
        self._dispatch("PUT")

    def _dispatch(self, method):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        body = self._read_body()
        app = self.server.app
        if path.startswith("/__control/") or path == "/__control":
            try:
                payload = json.loads(body.decode("utf-8")) if body.strip() else {}
            except (ValueError, UnicodeDecodeError):
                return self._json(400, {"error": "request body is not JSON"})
            query = dict(urllib.parse.parse_qsl(url.query))
            status, obj = control.handle(self.server, method, path[len("/__control/"):].strip("/"), query, payload)
            return self._json(status, obj)
        if path == "/interface/flat" or (path == "/cgi-bin/log.cgi" and app.flavor == "lj"):
            return self._flat(method, body)
        if path == "/interface/xmlrpc":
            return self._xmlrpc(method, body)
        if path == "/RPC2":
            return self._weblog_ping(method, body)
        return self._send(404, "text/plain", b"Not Found\n")

    # Weblogs.com ping service stand-in (REFERENCE.md 7.3) -------------------------------------------
    def _weblog_ping(self, method, body):
        """weblogUpdates.ping(name, url[, changesurl[, category]]): answers like rpc.weblogs.com and
        records the ping for GET /__control/pings."""
        app = self.server.app
        if method != "POST":
            return self._send(405, "text/plain", b"XML-RPC requests must be POSTed\n")
        try:
            params, name = xmlrpc.client.loads(body)
        except Exception as exc:  # noqa: BLE001 - any parse failure is the client's error
            return self._send(200, "text/xml", xmlrpc.client.dumps(xmlrpc.client.Fault(1, str(exc))).encode("utf-8"))
        if name != "weblogUpdates.ping" or not 2 <= len(params) <= 4 or \
                not all(isinstance(p, str) for p in params):
            result = {"flerror": True, "message": "weblogUpdates.ping takes 2 to 4 strings"}
        else:
            with app.lock:
                app.pings.append({"name": params[0], "url": params[1], "changesurl": params[2] if len(params) > 2 else "",
                                  "category": params[3] if len(params) > 3 else ""})
            result = {"flerror": False, "message": "Thanks for the ping."}
        return self._send(200, "text/xml", xmlrpc.client.dumps((result,), methodresponse=True).encode("utf-8"))

    # protocol ------------------------------------------------------------------------------------
    def _flat(self, method, body):
        app = self.server.app
        ctype = self.headers.get("Content-Type") or ""
        if app.flavor == "dw":
            # DW parses the body only for POST with the urlencoded content type (REFERENCE §1.1).
            parse = method == "POST" and bool(_FORM_TYPES_DW.match(ctype.strip()))
        else:
            # Classic LJ reads the body whatever the content type (e.g. the Perl client's
            # misspelt application/x-www-form-urlescaped).
            parse = method == "POST"
        params = flatcodec.parse_form(body, join_duplicates=app.flavor == "lj") if parse else {}
        mode = protocol.flat_mode_name(params)
        self._protocol("flat", mode, params.get("user"), lambda: protocol.handle_flat(app, params, self.headers, self.client_address[0]),
                       lambda code, detail: self._flat_error(params, code, detail))

    def _flat_error(self, params, code, detail):
        app = self.server.app
        return protocol.Outcome(200, protocol.flat_content_type(app.flavor),
                                protocol._flat_body(params, {"success": "FAIL",
                                                             "errmsg": error_text(code, detail, app.flavor)}))

    def _xmlrpc(self, method, body):
        app = self.server.app
        if method != "POST":
            return self._send(405, "text/plain", b"XML-RPC requests must be POSTed\n")
        try:
            name, params = xmlrpccodec.parse_call(body)
        except xmlrpccodec.XmlRpcParseError as exc:
            app.count_request("xmlrpc", "")
            return self._send(200, "text/xml", xmlrpccodec.encode_fault("Client", str(exc)))
        mode = protocol.xmlrpc_mode_name(name)
        user = params[0].get("username") if params and isinstance(params[0], dict) else None
        self._protocol("xmlrpc", mode, user if isinstance(user, str) else None,
                       lambda: protocol.handle_xmlrpc(app, name, params, self.headers, self.client_address[0]),
                       lambda code, detail: protocol.Outcome(
                           200, "text/xml", xmlrpccodec.encode_fault(code, error_text(code, detail, app.flavor))))

    def _protocol(self, interface, mode, user, process, protocol_error):
        app = self.server.app
        seq = app.count_request(interface, mode)
        fault = None
        header = self.headers.get("X-Inkwell-Fault")
        try:
            if header:
                fault = parse_header(header)
        except FaultError as exc:
            return self._send(400, "text/plain", ("bad X-Inkwell-Fault header: %s\n" % exc).encode())
        if fault is None:
            fault = app.faults.take(mode, interface)
        kind = fault["kind"] if fault else None
        entry = {"seq": seq, "interface": interface, "mode": mode, "fault": kind,
                 "user": user, "time": app.clock.now_str(), "result": None}
        app.request_log.append(entry)
        if kind == "delay":
            time.sleep(fault["ms"] / 1000.0)
        elif kind == "http500":
            entry["result"] = "http500"
            return self._send(500, "text/html", b"<html><head><title>500 Internal Server Error</title></head>"
                                                b"<body><h1>Internal Server Error</h1></body></html>\n")
        elif kind == "drop_before":
            entry["result"] = "dropped"
            return self._drop()
        elif kind == "malformed":
            entry["result"] = "malformed"
            ctype = "text/xml" if interface == "xmlrpc" else protocol.flat_content_type(app.flavor)
            return self._send(200, ctype, b"\x00garbage<<not a protocol response>>\xff\xfe" * 3)
        elif kind == "damaged":
            entry["result"] = "damaged"
            if interface == "xmlrpc":
                return self._send(200, "text/xml",
                                  b"<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>"
                                  b"<member><name>events</name><value><array><data><value><struct><member>"
                                  b"<name>itemid</name><value><int>not a number</int></value></member>"
                                  b"</struct></value></data></array></value></member></struct></value></param>"
                                  b"</params></methodResponse>")
            return self._send(200, protocol.flat_content_type(app.flavor),
                              b"events_count\n1\nevents_1_subject\nno itemid\nsuccess\nOK\n")
        elif kind in ("ratelimit", "error"):
            outcome = protocol_error(fault["code"], fault.get("detail"))
            entry["result"] = fault["code"]
            return self._send(outcome.status, outcome.content_type, outcome.body)
        try:
            outcome = process()
        except Exception:            # a bug in the server: answer like a crashed real server would
            traceback.print_exc(file=sys.stderr)
            entry["result"] = "exception"
            return self._send(500, "text/plain", b"Internal Server Error\n")
        entry["result"] = outcome.result
        if kind == "drop_after_commit":
            return self._drop()
        self._send(outcome.status, outcome.content_type, outcome.body, truncate=(kind == "truncate"))

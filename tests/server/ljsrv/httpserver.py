"""HTTP transport: a threaded HTTP/1.x server bound to 127.0.0.1 that behaves at the HTTP level like the
real servers (dw: Dreamwidth under Plack/Starman, tests/data/transcripts-http/README.txt), with the
routing, the application's headers and cookies, and fault application.

Connections (dw, Starman's defaults):
* a fresh connection on which no request starts within 5 s is closed (FIN, no answer);
* after each response the server waits at most 1 s for the next request, then closes silently (FIN)
  although every HTTP/1.1 response says ``Connection: keep-alive`` (no Keep-Alive header);
* HTTP/1.0 without ``Connection: keep-alive``, and ``Connection: close``, are answered with
  ``Connection: close`` and the connection is closed at once;
* ``Expect: 100-continue`` gets an interim ``HTTP/1.1 100 Continue`` as soon as the head is read; any
  other Expect value gets Starman's 417 and the connection is closed; HTTP/1.1 without Host gets
  Starman's plain 400 and is closed;
* the bytes that arrived together with a request that has a body (pipelined requests after a POST)
  are dropped: the second request is never answered, the connection closes 1 s later;
* chunked request bodies are decoded.
lj flavour (classic LiveJournal ran Apache): keep-alive for 15 s after each response, 60 s for the first
request, pipelined requests are served.

Routes: ``/interface/flat`` (lj also ``/cgi-bin/log.cgi``), ``/interface/xmlrpc``, lj's Blogger API
``/interface/blogger`` (blogger.py), ``/export_comments``
and a few web pages (webpages.py), the JSON control API under ``/__control/`` (control.py) and the
``/RPC2`` weblogs.com ping stand-in; the last two answer with plain headers and no cookies.
"""

import json
import re
import socket
import socketserver
import sys
import time
import traceback
import urllib.parse
import xmlrpc.client

from . import blogger, control, flatcodec, hostile, protocol, webpages, xmlrpccodec
from .cookies import WebRequest
from .errors import error_text
from .faults import DOMAINS, FaultError, parse_header
from .httpwire import ConnectionGone, HttpError, Reader, close_quietly, format_response, server_error

_FORM_TYPES_DW = re.compile(r"^application/x-www-form-urlencoded(\s*;.*)?$", re.I)
# SOAP::Lite's check (XMLRPC::Transport::HTTP): anything else answers a "Client" fault (connection/057).
_XMLRPC_TYPES = re.compile(r"^(?:text/xml|multipart/(?:related|form-data)|application/soap\+xml|application/dime)")
KNOWN_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE")
ALLOW = "DELETE, GET, HEAD, POST, PUT, OPTIONS"
SOAP_SERVER = "SOAP::Lite/Perl/1.27"
_JOURNAL_PATH = re.compile(r"^/(?:~([A-Za-z0-9_-]+)|users/([A-Za-z0-9_-]+))/?$")


class Timing:
    def __init__(self, keepalive, first_request, read, drop_pipelined):
        self.keepalive = keepalive            # idle time allowed after a response
        self.first_request = first_request    # idle time allowed on a fresh connection
        self.read = read                      # silence allowed inside a request
        self.drop_pipelined = drop_pipelined  # drop what arrived after a request with a body


TIMING = {"dw": Timing(1.0, 5.0, 5.0, True), "lj": Timing(15.0, 60.0, 60.0, False)}


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, app, port=0):
        self.app = app
        self.timing = TIMING[app.flavor]
        super().__init__(("127.0.0.1", port), Connection)
        app.site_url = app.config.site_url or "http://127.0.0.1:%d" % self.server_address[1]

    @property
    def base_url(self):
        return "http://127.0.0.1:%d" % self.server_address[1]

    def shutdown_request(self, request):
        pass                                   # Connection.handle closes its socket itself


class Response:
    __slots__ = ("status", "headers", "body", "close", "action", "chunked", "stream", "stall", "close_after")

    def __init__(self, status, headers, body=b"", close=False, action=None, chunked=False):
        self.status = status
        self.headers = headers
        self.body = body
        self.close = close
        self.action = action                   # None, "drop" (close, no answer), "truncate"
        self.chunked = chunked
        self.stream = None                     # iterable of body chunks, sent as they come (no lock held);
        #                                        the headers carry the length
        self.stall = 0.0                       # seconds of silence before anything is sent
        self.close_after = False               # close once sent, whatever the headers said


def _wants_keepalive(request):
    tokens = [t.strip().lower() for t in (request.headers.get("Connection") or "").split(",")]
    if request.version == "HTTP/1.1":
        return "close" not in tokens
    return "keep-alive" in tokens


class Connection(socketserver.BaseRequestHandler):
    """One TCP connection: requests are read and answered one after another."""

    def handle(self):
        sock = self.request
        server = self.server
        app = server.app
        timing = server.timing
        try:   # small responses must not wait for the client's delayed ACK (Nagle)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        self.client_ip = self.client_address[0]
        reader = Reader(sock, timing.read)
        served = 0
        idle = timing.first_request
        try:
            while True:
                if not reader.wait(idle):
                    return                     # silence: close with a FIN, no answer
                try:
                    request = reader.read_head()
                    if request.version == "HTTP/1.1" and "Host" not in request.headers:
                        raise HttpError(400, request.version)
                    expect = request.headers.get("Expect")
                    if expect is not None:
                        if expect != "100-continue":
                            raise HttpError(417, request.version)
                        sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
                    request.body = reader.read_body(request)
                except HttpError as exc:
                    sock.sendall(server_error(exc.version, exc.status, app.clock.now()))
                    return
                if request.has_body and timing.drop_pipelined:
                    reader.buffer.clear()      # Starman: a pipelined request after a POST is lost
                served += 1
                request.keepalive = _wants_keepalive(request)
                response = self.dispatch(request, "fresh" if served == 1 else "reused")
                if response.action == "drop":
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                keepalive = request.keepalive and not response.close and response.action is None
                chunked = response.chunked and request.version == "HTTP/1.1"
                headers = response.headers
                if response.chunked and not chunked:
                    headers = [h for h in headers if h[0] != "Transfer-Encoding"] + \
                              [("Content-Length", str(len(response.body)))]
                head_only = request.method == "HEAD"
                if response.stall:
                    time.sleep(response.stall)
                if response.stream is not None:          # huge, huge_field, gzip_bomb, trickle
                    sock.sendall(format_response(request.version, response.status, headers, b"", keepalive,
                                                 app.clock.now(), head_only=True))
                    if not head_only:
                        for piece in response.stream:
                            sock.sendall(piece)
                    if not keepalive or response.close_after:
                        return
                    idle = timing.keepalive
                    continue
                data = format_response(request.version, response.status, headers, response.body, keepalive,
                                       app.clock.now(), head_only=head_only, chunked=chunked)
                if response.action == "truncate":
                    head_end = data.index(b"\r\n\r\n") + 4
                    sock.sendall(data[:head_end + max(1, (len(data) - head_end) // 2)])
                    return
                sock.sendall(data)
                if not keepalive or response.close_after:
                    return
                idle = timing.keepalive
        except (ConnectionGone, OSError):
            return
        finally:
            close_quietly(sock)

    # routing -----------------------------------------------------------------------------------
    def dispatch(self, request, place):
        app = self.server.app
        path = request.path
        if path == "/__control" or path.startswith("/__control/"):
            return self.control(request)
        if request.method == "OPTIONS":        # Plack's answer: no application headers, no cookie
            return Response(200, [("Allow", ALLOW), ("Content-Length", "0")])
        if request.method not in KNOWN_METHODS:
            return Response(405, [("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")],
                            b"Method Not Allowed", chunked=True)
        if path == "/RPC2":
            return self.weblog_ping(request)
        web = WebRequest(app, request.headers, self.client_ip, app.clock.now())
        method = request.method
        dw = app.flavor == "dw"
        if path == "/interface/flat" or (path == "/cgi-bin/log.cgi" and not dw):
            if dw and method not in ("GET", "POST"):
                return self.app_empty(web, 405)
            return self.flat(request, web, place)
        if path == "/interface/xmlrpc":
            if method != "POST":
                return self.app_empty(web, 405)
            return self.xmlrpc(request, web, place)
        if path == "/interface/blogger" and not dw:          # LJ only; DW answers its 404 page
            return blogger.http_request(self, request, web, place)
        if path in ("/interface/flat/", "/interface/xmlrpc/"):
            return self.app_redirect(web, 303, app.site_url + path.rstrip("/"))
        if path == "/export_comments":
            status, ctype, body, location = webpages.export_comments(app, web, request.query, request.path_and_query)
            if location:
                return self.app_redirect(web, status, location, ctype)
            return self.app_response(web, status, ctype, body)
        if path == "/" and method in ("GET", "HEAD"):
            return self.app_response(web, 200, webpages.HTML_TYPE, webpages.front_page())
        if path == "/login":
            return self.app_response(web, 200, webpages.HTML_TYPE, webpages.login_page())
        m = _JOURNAL_PATH.match(path)
        if m and method in ("GET", "HEAD"):
            page = webpages.journal_page(app, m.group(1) or m.group(2))
            if page is not None:
                return self.app_response(web, 200, webpages.HTML_TYPE, page,
                                         first=[("Cache-Control", "private, proxy-revalidate")])
        return self.app_response(web, 404, webpages.HTML_TYPE, webpages.not_found())

    # application responses: the real server's header order (transcripts-http README) ------------
    def _security_headers(self):
        if self.server.app.flavor != "dw":
            return []
        return [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "strict-origin-when-cross-origin")]

    def app_response(self, web, status, content_type, body, soap=False, first=(), action=None, length=None,
                     extra=()):
        """``length``: the Content-Length to declare (default: the body's); ``extra``: headers after
        Content-Type."""
        headers = list(first) + [("Content-Length", str(len(body) if length is None else length)),
                                 ("Content-Type", content_type)] + list(extra)
        headers += [("Set-Cookie", c) for c in web.set_cookies()]
        if soap:
            headers.append(("SOAPServer", SOAP_SERVER))
        return Response(status, headers + self._security_headers(), body, action=action)

    def app_redirect(self, web, status, location, content_type=webpages.HTML_TYPE):
        if status == 303:
            content_type = "text/plain; charset=utf-8"
        headers = [("Location", location), ("Content-Type", content_type)]
        headers += [("Set-Cookie", c) for c in web.set_cookies()]
        return Response(status, headers + [("Content-Length", "0")] + self._security_headers())

    def app_empty(self, web, status):
        headers = [("Set-Cookie", c) for c in web.set_cookies()]
        return Response(status, headers + [("Content-Length", "0")] + self._security_headers())

    # control API and the ping stand-in: plain headers ------------------------------------------
    def plain(self, status, content_type, body):
        return Response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], body)

    def json(self, status, obj):
        return self.plain(status, "application/json",
                          json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def control(self, request):
        try:
            payload = json.loads(request.body.decode("utf-8")) if request.body.strip() else {}
        except (ValueError, UnicodeDecodeError):
            return self.json(400, {"error": "request body is not JSON"})
        query = dict(urllib.parse.parse_qsl(request.query))
        path = request.path[len("/__control/"):].strip("/") if request.path.startswith("/__control/") else ""
        status, obj = control.handle(self.server, request.method, path, query, payload)
        return self.json(status, obj)

    def weblog_ping(self, request):
        """weblogUpdates.ping(name, url[, changesurl[, category]]) on /RPC2, a stand-in for rpc.weblogs.com
        (REFERENCE §7.3): answers like it and records the ping for GET /__control/pings."""
        app = self.server.app
        if request.method != "POST":
            return self.plain(405, "text/plain", b"XML-RPC requests must be POSTed\n")
        try:
            params, name = xmlrpc.client.loads(request.body)
        except Exception as exc:  # noqa: BLE001 - any parse failure is the client's error
            return self.plain(200, "text/xml", xmlrpc.client.dumps(xmlrpc.client.Fault(1, str(exc))).encode("utf-8"))
        if name != "weblogUpdates.ping" or not 2 <= len(params) <= 4 or \
                not all(isinstance(p, str) for p in params):
            result = {"flerror": True, "message": "weblogUpdates.ping takes 2 to 4 strings"}
        else:
            with app.lock:
                app.pings.append({"name": params[0], "url": params[1], "changesurl": params[2] if len(params) > 2 else "",
                                  "category": params[3] if len(params) > 3 else ""})
            result = {"flerror": False, "message": "Thanks for the ping."}
        return self.plain(200, "text/xml", xmlrpc.client.dumps((result,), methodresponse=True).encode("utf-8"))

    # protocol ------------------------------------------------------------------------------------
    def flat(self, request, web, place):
        app = self.server.app
        post = request.method == "POST"
        if app.flavor == "dw":
            # DW parses the body only for POST with the urlencoded content type (REFERENCE §1.1).
            parse = post and bool(_FORM_TYPES_DW.match((request.headers.get("Content-Type") or "").strip()))
        else:
            # Classic LJ reads the body whatever the content type (e.g. the Perl client's
            # misspelt application/x-www-form-urlescaped).
            parse = post
        params = flatcodec.parse_form(request.body, join_duplicates=app.flavor == "lj") if parse else {}
        mode = protocol.flat_mode_name(params)
        return self.protocol_request(
            request, web, place, "flat", mode, params.get("user"), protocol.request_summary(mode, params),
            lambda transform: protocol.handle_flat(app, params, request.headers, self.client_ip, web, transform),
            lambda code, detail: self.flat_error(params, code, detail))

    def flat_error(self, params, code, detail):
        app = self.server.app
        return protocol.Outcome(200, protocol.flat_content_type(app.flavor),
                                protocol._flat_body(params, {"success": "FAIL",
                                                             "errmsg": error_text(code, detail, app.flavor)}))

    def xmlrpc(self, request, web, place):
        app = self.server.app
        ctype = (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype and not _XMLRPC_TYPES.match(ctype):
            app.count_request("xmlrpc", "")
            text = ("Content-Type must be 'text/xml,' 'multipart/*,' 'application/soap+xml,' 'or "
                    "'application/dime' instead of '%s'" % ctype)
            return self.app_response(web, 200, "text/xml", xmlrpccodec.encode_fault("Client", text), soap=True)
        try:
            name, params = xmlrpccodec.parse_call(request.body)
        except xmlrpccodec.XmlRpcParseError as exc:
            app.count_request("xmlrpc", "")
            return self.app_response(web, 200, "text/xml", xmlrpccodec.encode_fault("Client", str(exc)), soap=True)
        mode = protocol.xmlrpc_mode_name(name)
        struct = params[0] if params and isinstance(params[0], dict) else {}
        user = struct.get("username")
        return self.protocol_request(
            request, web, place, "xmlrpc", mode, user if isinstance(user, str) else None,
            protocol.request_summary(mode, struct),
            lambda transform: protocol.handle_xmlrpc(app, name, params, request.headers, self.client_ip, web,
                                                     transform),
            lambda code, detail: protocol.Outcome(
                200, "text/xml", xmlrpccodec.encode_fault(code, error_text(code, detail, app.flavor))))

    def protocol_request(self, request, web, place, interface, mode, user, summary, process, protocol_error):
        """Log the request, then answer it: through the application (``process(transform)``), a fault
        (queued or X-Inkwell-Fault) or the fuzzer. The log records whether the application processed it."""
        app = self.server.app
        soap = interface != "flat"                 # xmlrpc and blogger
        seq = app.count_request(interface, mode)
        fault = None
        header = request.headers.get("X-Inkwell-Fault")
        try:
            if header:
                fault = parse_header(header)
                if fault["kind"] in DOMAINS and mode not in DOMAINS[fault["kind"]]:
                    raise FaultError("%s applies to %s only" % (fault["kind"], ", ".join(DOMAINS[fault["kind"]])))
        except FaultError as exc:
            return self.app_response(web, 400, "text/plain", ("bad X-Inkwell-Fault header: %s\n" % exc).encode())
        if fault is None:
            fault = app.faults.take(mode, interface, place)
        plan = app.fuzzer.plan(mode, interface) if fault is None else None
        kind = fault["kind"] if fault else None
        entry = {"seq": seq, "interface": interface, "mode": mode, "fault": kind, "connection": place,
                 "user": user, "time": app.clock.now_str(), "result": None, "processed": False,
                 "fuzz": plan.describe() if plan else None}
        entry.update(summary)
        app.request_log.append(entry)
        arrival = None
        if mode in (blogger.POST_METHODS if interface == "blogger" else protocol.POST_MODES):
            arrival = {"seq": seq, "fault": kind, "connection": place, "result": None, "processed": False,
                       "fuzzed": plan is not None}
            app.record_arrival(mode, user, summary, arrival)

        def done(result, response, processed=False):
            entry["result"] = result
            entry["processed"] = processed
            if arrival is not None:
                arrival["result"] = result
                arrival["processed"] = processed
            return response

        if kind is not None and kind not in PROCESSED_KINDS:
            result = fault["code"] if kind in ("ratelimit", "error") else {"drop_before": "dropped"}.get(kind, kind)
            if kind == "error" and str(fault["code"]) == "101" and web is not None and web.session is not None:
                # A real server answers 101 to a request made with a session only when it no longer
                # has that session (expired, or ended elsewhere): the injected 101 takes it too, or
                # the client's new session would leave the old one counted as live.
                with app.lock:
                    app.db.execute("DELETE FROM sessions WHERE userid = ? AND sessid = ?",
                                   (web.session["userid"], web.session["sessid"]))
            return done(result, self.unprocessed_fault(web, fault, interface, protocol_error))
        if plan is not None and not plan.processed:
            return done("fuzzed", self.fuzzed_response(web, plan, soap))
        if kind == "delay":
            time.sleep(fault["ms"] / 1000.0)
        transform, marker = _result_change(fault, mode)
        try:
            outcome = process(transform)
        except Exception:            # a bug in the server: answer like a crashed real server would
            traceback.print_exc(file=sys.stderr)
            return done("exception", self.app_response(web, 500, "text/plain", b"Internal Server Error\n"), True)
        if plan is not None:
            return done(outcome.result, self.fuzzed_response(web, plan, soap), True)
        if kind == "drop_after_commit":
            return done(outcome.result, Response(0, [], action="drop"), True)
        response = self.app_response(web, outcome.status, outcome.content_type, outcome.body, soap=soap,
                                     action="truncate" if kind == "truncate" else None)
        if kind == "stall_headers":
            response.stall = fault["ms"] / 1000.0
        elif kind == "trickle":
            body = outcome.body
            pad = hostile.TRICKLE_FOREVER if fault["forever"] else 0
            response = self.app_response(web, outcome.status, outcome.content_type, body, soap=soap,
                                         length=len(body) + pad)
            response.stream = hostile.trickle(body, pad, fault["ms"] / 1000.0)
        elif kind == "huge":
            length, chunks = hostile.huge_stream(outcome.body, hostile.mib(fault["mb"]))
            response = self.app_response(web, outcome.status, outcome.content_type, b"", soap=soap, length=length)
            response.stream = chunks
        elif kind == "huge_field":
            entry["field"] = marker.get("field")
            if hostile.MARKER.encode() in outcome.body:
                length, chunks = hostile.huge_field_stream(outcome.body, hostile.mib(fault["mb"]))
                response = self.app_response(web, outcome.status, outcome.content_type, b"", soap=soap,
                                             length=length)
                response.stream = chunks
        return done(outcome.result, response, True)

    def unprocessed_fault(self, web, fault, interface, protocol_error):
        """The answer of a fault that keeps the request from the application."""
        app = self.server.app
        kind = fault["kind"]
        soap = interface != "flat"
        ctype = "text/xml" if soap else protocol.flat_content_type(app.flavor)
        if kind == "http500":
            return self.app_response(web, 500, "text/html", b"<html><head><title>500 Internal Server Error</title>"
                                     b"</head><body><h1>Internal Server Error</h1></body></html>\n")
        if kind == "http502":
            return _proxy_response(502, hostile.BAD_GATEWAY_PAGE)
        if kind == "http503":
            return _proxy_response(503, hostile.UNAVAILABLE_PAGE, [("Retry-After", str(fault["seconds"]))])
        if kind == "proxy_page":
            return _proxy_response(200, hostile.PROXY_PAGE)
        if kind == "drop_before":
            return Response(0, [], action="drop")
        if kind == "malformed":
            return self.app_response(web, 200, ctype, b"\x00garbage<<not a protocol response>>\xff\xfe" * 3, soap=soap)
        if kind == "damaged":
            if soap:
                body = (b"<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>"
                        b"<member><name>events</name><value><array><data><value><struct><member>"
                        b"<name>itemid</name><value><int>not a number</int></value></member>"
                        b"</struct></value></data></array></value></member></struct></value></param>"
                        b"</params></methodResponse>")
                return self.app_response(web, 200, "text/xml", body, soap=True)
            return self.app_response(web, 200, ctype, b"events_count\n1\nevents_1_subject\nno itemid\nsuccess\nOK\n")
        if kind == "gzip_bomb":
            length, chunks = hostile.gzip_bomb(fault["mb"])
            response = self.app_response(web, 200, ctype, b"", soap=soap, length=length,
                                         extra=[("Content-Encoding", "gzip")])
            response.stream = chunks
            return response
        outcome = protocol_error(fault["code"], fault.get("detail"))   # ratelimit, error
        return self.app_response(web, outcome.status, outcome.content_type, outcome.body, soap=soap)

    def fuzzed_response(self, web, plan, soap):
        reply = plan.reply
        response = self.app_response(web, reply.status, reply.content_type, plan.body, soap=soap,
                                     length=plan.declared)
        response.close_after = plan.declared is not None
        return response


# Fault kinds that let the application process the request (the others answer instead of it).
PROCESSED_KINDS = ("delay", "drop_after_commit", "truncate", "stall_headers", "trickle", "huge", "huge_field",
                   "bad_time", "no_itemid", "bad_challenge")


def _proxy_response(status, page, extra=()):
    """A page from a proxy in front of the server: its own headers, no application cookies."""
    return Response(status, hostile.PROXY_HEADERS + [("Content-Type", "text/html"),
                                                     ("Content-Length", str(len(page)))] + list(extra), page)


def _result_change(fault, mode):
    """(transform for protocol.handle_*, dict that receives huge_field's field path)."""
    kind = fault["kind"] if fault else None
    marker = {}
    if kind == "bad_time":
        return (lambda result: hostile.bad_time(result, mode, fault["value"])), marker
    if kind == "no_itemid":
        return hostile.no_itemid, marker
    if kind == "bad_challenge":
        return (lambda result: hostile.bad_challenge(result, fault["variant"])), marker
    if kind == "huge_field":
        def place(result):
            marker["field"] = hostile.place_marker(result, mode, fault.get("field"))
            return result
        return place, marker
    return None, marker

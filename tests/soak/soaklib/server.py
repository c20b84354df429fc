"""The local journal server (tests/server/ljserver.py) as a separate process, and its control API.

Nothing is imported from tests/server: the server is started with /usr/bin/python3 and spoken to
over HTTP only (tests/server/README.md, "Control API")."""

import http.client
import json
import os
import signal
import subprocess
import threading
import time
import urllib.parse

USER = "alice"
PASSWORD = "alicepw"  # on dw, without an API key, the password also serves as the API key


class ControlError(RuntimeError):
    pass


class Server:
    """One ljserver.py process of one flavour, kept for many cases and reset between them."""

    def __init__(self, python, script, flavour, seed_entries, workdir):
        self.python = python
        self.script = script
        self.flavour = flavour
        self.seed_entries = seed_entries
        self.workdir = workdir
        self.proc = None
        self.url = None
        self.port = None
        self._log = None
        self._local = threading.local()

    # process ---------------------------------------------------------------------------------------

    def start(self):
        self._log = open(os.path.join(self.workdir, "server-%s.log" % self.flavour), "wb")
        args = [self.python, self.script, "--flavor", self.flavour, "--user", "%s:%s" % (USER, PASSWORD),
                "--no-duplicate-check"]
        if self.seed_entries:
            args += ["--seed", str(self.seed_entries)]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self._log, env=env,
                                     cwd=os.path.dirname(self.script))
        line = self.proc.stdout.readline().decode("utf-8", "replace").strip()
        if not line.startswith("listening on "):
            raise ControlError("the %s server did not start: %r" % (self.flavour, line))
        self.url = line.split()[-1]
        self.port = urllib.parse.urlsplit(self.url).port
        # Drain stdout so the server never blocks on a full pipe.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self._log:
            self._log.close()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    # control API -----------------------------------------------------------------------------------

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self._local.conn = conn
        return conn

    def control(self, method, path, body=None, ok=(200,)):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        headers = {"Content-Type": "application/json", "Connection": "close"}
        last = None
        for _ in range(3):
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                conn.request(method, "/__control/" + path, body=data, headers=headers)
                response = conn.getresponse()
                payload = response.read()
                if response.status not in ok:
                    raise ControlError("%s /__control/%s: %d %s" % (method, path, response.status,
                                                                     payload[:300].decode("utf-8", "replace")))
                return json.loads(payload) if payload else {}
            except (ConnectionError, http.client.HTTPException, OSError) as exc:
                last = exc
                time.sleep(0.1)
            finally:
                conn.close()
        raise ControlError("%s /__control/%s: %s" % (method, path, last))

    def reset(self):
        self.control("POST", "reset", {})
        self.control("DELETE", "arrivals")
        self.control("DELETE", "requests")
        self.control("DELETE", "faults")
        self.control("DELETE", "fuzz")
        settings = self.control("GET", "settings")
        if settings.get("duplicate_check"):
            self.control("POST", "settings", {"duplicate_check": False})

    def entries(self, journal=USER):
        return self.control("GET", "entries?journal=" + urllib.parse.quote(journal))["entries"]

    def arrivals(self, mode):
        return self.control("GET", "arrivals?mode=%s&user=%s" % (mode, USER))["arrivals"]

    def requests(self):
        return self.control("GET", "requests")["requests"]

    def sessions(self):
        return self.control("GET", "sessions?user=" + USER)["sessions"]

    def end_sessions(self):
        self.control("DELETE", "sessions?user=" + USER)

    def fault(self, spec):
        return self.control("POST", "faults", spec)

    def faults(self):
        return self.control("GET", "faults")

    def clear_faults(self):
        self.control("DELETE", "faults")

    def other_post(self, subject, event, **extra):
        body = {"journal": USER, "subject": subject, "event": event}
        body.update(extra)
        return self.control("POST", "entries", body)

    def other_edit(self, itemid, **fields):
        body = {"journal": USER, "itemid": itemid}
        body.update(fields)
        return self.control("POST", "entries/edit", body)

    def other_delete(self, itemid):
        return self.control("POST", "entries/delete", {"journal": USER, "itemid": itemid})

    def fuzz(self, settings):
        return self.control("POST", "fuzz", settings)

    def fuzz_off(self):
        return self.control("DELETE", "fuzz")

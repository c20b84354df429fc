"""A worker runs cases one after the other with its own servers (one per flavour), its own CLI home
and its own profile templates; several workers (--jobs) share nothing."""

import os
import shutil
import time

from .cases import Case, CaseRun
from .cli import Cli
from .server import PASSWORD, USER, Server


class Worker:
    def __init__(self, options, index):
        self.options = options
        self.index = index
        self.dir = os.path.join(options.workdir, "worker-%d" % index)
        os.makedirs(self.dir, exist_ok=True)
        os.chmod(self.dir, 0o755)
        self.cli = Cli(options.cli, os.path.join(self.dir, "home"))
        self.servers = {}
        self.templates = {}
        self.calibrations = {}

    def server(self, flavour):
        server = self.servers.get(flavour)
        if server is None or not server.alive():
            if server is not None:
                server.stop()
            server = Server(self.options.python, self.options.server, flavour, self.options.entries, self.dir)
            server.start()
            self.servers[flavour] = server
            # Templates name the server's URL: a new server means new templates.
            for key in [k for k in self.templates if k[0] == flavour]:
                del self.templates[key]
        return server

    def stop(self):
        for server in self.servers.values():
            server.stop()
        self.servers = {}

    def template(self, flavour, interface, auth, synced):
        """A profile with the account (and, when synced, a mirror of the server's initial journal).
        Built against a freshly reset server, which every case starts from."""
        key = (flavour, interface, auth, synced)
        path = self.templates.get(key)
        if path and os.path.isdir(path):
            return path
        server = self.server(flavour)
        path = os.path.join(self.dir, "templates", "%s-%s-%s-%s" % (flavour, interface, auth, "synced" if synced else "bare"))
        if os.path.exists(path):
            shutil.rmtree(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        r = self.cli.run(path, ["account", "add", USER, "--server", server.url, "--user", USER,
                                "--interface", interface, "--auth", auth])
        if r.returncode != 0:
            raise RuntimeError("account add failed: %s" % r.brief())
        if synced:
            r = self.cli.run(path, ["sync", USER, "--password-stdin"], password=PASSWORD, timeout=300)
            if r.returncode != 0:
                raise RuntimeError("the template's sync failed: %s" % r.brief())
        server.control("DELETE", "requests")
        server.control("DELETE", "arrivals")
        self.templates[key] = path
        return path

    def calibrate(self, flavour, interface, auth, command):
        """The protocol steps a command makes on a healthy server, as [(mode, connection)], and how
        long it runs: what the fault plan walks through and what kill delays are drawn from."""
        key = (flavour, interface, auth, command)
        if key in self.calibrations:
            return self.calibrations[key]
        case = Case("fault", flavour, interface, auth, command, {"content": "plain"}, 0)
        run = CaseRun(self, case)
        run.server.reset()
        args = run.prepare()
        run.server.control("DELETE", "requests")
        started = time.monotonic()
        result = run.run(args)
        seconds = time.monotonic() - started
        if result.returncode != (1 if command == "conflict" else 0):
            raise RuntimeError("calibration of %s failed: %s" % (case.id(), result.brief()))
        steps = [(r["mode"], r["connection"]) for r in run.server.requests()]
        run.server.end_sessions()
        self.calibrations[key] = (steps, seconds)
        return steps, seconds

    def typical_seconds(self, command):
        times = [v[1] for k, v in self.calibrations.items() if k[3] == command]
        return max(times) if times else 0.3

    def run_case(self, case):
        return CaseRun(self, case).execute()

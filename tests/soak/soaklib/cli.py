"""inkwell-cli as a separate process: a clean environment, the password on standard input, an
optional file-size limit (a full disk), another user id (a read-only profile, since root writes
anywhere), SIGKILL after a delay or when a condition holds, and a timeout that counts as a hang."""

import os
import re
import resource
import signal
import subprocess
import tempfile
import time

# README "The headless client": 0 ok, 1 server/protocol/network/keychain/profile error, 2 usage.
DOCUMENTED_EXIT_CODES = (0, 1, 2)
SANITIZER_REPORT = re.compile(r"ERROR: (AddressSanitizer|LeakSanitizer)|runtime error: |"
                              r"SUMMARY: (Address|Undefined|Leak)Sanitizer")
NOBODY = 65534


class Result:
    def __init__(self, args):
        self.args = args
        self.returncode = None
        self.stdout = ""
        self.stderr = ""
        self.killed = False      # by the harness's own SIGKILL
        self.timed_out = False   # still running at the deadline (then killed)
        self.seconds = 0.0

    @property
    def signal(self):
        return -self.returncode if self.returncode is not None and self.returncode < 0 else None

    def crash(self):
        """A one-line reason when the run crashed, else None: a signal not sent by the harness, an exit
        code the README does not document, or a sanitizer report."""
        if self.timed_out:
            return None
        if self.signal is not None and not (self.killed and self.signal == signal.SIGKILL):
            try:
                name = signal.Signals(self.signal).name
            except ValueError:
                name = str(self.signal)
            return "killed by %s" % name
        if self.returncode is not None and self.returncode >= 0 and self.returncode not in DOCUMENTED_EXIT_CODES:
            return "exit code %d (undocumented)" % self.returncode
        match = SANITIZER_REPORT.search(self.stderr)
        if match:
            return "sanitizer: " + self.stderr[match.start():].splitlines()[0][:160]
        return None

    def exited(self):
        """Ended by itself (not killed by the harness, not hung)."""
        return not self.killed and not self.timed_out and self.signal is None

    def brief(self):
        how = ("SIGKILL (harness)" if self.killed else "timeout" if self.timed_out
               else "signal %s" % self.signal if self.signal else "exit %s" % self.returncode)
        out = self.stdout.strip().splitlines()
        err = self.stderr.strip().splitlines()
        said = [line for line in err if line.startswith("inkwell-cli:")]
        err = said or err
        return "%s%s%s" % (how, (" | out: " + out[-1][:160]) if out else "",
                           (" | err: " + err[-1][:200]) if err else "")


class Cli:
    def __init__(self, binary, home):
        self.binary = binary
        self.home = home
        os.makedirs(home, exist_ok=True)
        os.chmod(home, 0o777)
        env = {k: v for k, v in os.environ.items()
               if k in ("PATH", "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "TMPDIR")}
        env.update({
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "XDG_RUNTIME_DIR": os.path.join(home, "runtime"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            # No keychain: a command without --password-stdin finds no password and queues.
            "DBUS_SESSION_BUS_ADDRESS": "disabled:",
            "no_proxy": "*",
            "NO_PROXY": "*",
            "QT_LOGGING_RULES": "*.debug=false",
        })
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            os.makedirs(env[key], exist_ok=True)
            os.chmod(env[key], 0o700 if key == "XDG_RUNTIME_DIR" else 0o777)
        self.env = env

    def run(self, profile, args, password=None, timeout=120.0, fsize=None, as_nobody=False,
            kill_after=None, kill_when=None, poll=0.005, on_start=None):
        """Runs `inkwell-cli --profile PROFILE ARGS`; `password` goes to standard input (with
        --password-stdin added by the caller). kill_after: SIGKILL after that many seconds;
        kill_when: a callable polled while it runs, SIGKILL once it answers true."""
        argv = [self.binary, "--profile", profile] + list(args)
        result = Result(argv)

        def preexec():
            os.setsid()
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk is EFBIG, not a signal
            if fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
            if as_nobody and os.getuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)

        env = dict(self.env)
        if as_nobody and os.getuid() == 0:
            env["XDG_RUNTIME_DIR"] = os.path.join(self.home, "runtime-nobody")
            os.makedirs(env["XDG_RUNTIME_DIR"], exist_ok=True)
            os.chown(env["XDG_RUNTIME_DIR"], NOBODY, NOBODY)
            os.chmod(env["XDG_RUNTIME_DIR"], 0o700)
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.monotonic()
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, stderr=err, env=env,
                                    preexec_fn=preexec, cwd=self.home)
            try:
                proc.stdin.write(((password or "") + "\n").encode("utf-8") if password is not None else b"")
                proc.stdin.close()
            except BrokenPipeError:
                pass
            if on_start:
                on_start()
            while True:
                if proc.poll() is not None:
                    break
                elapsed = time.monotonic() - start
                if (kill_after is not None and elapsed >= kill_after) or (kill_when is not None and kill_when()):
                    if proc.poll() is None:
                        proc.kill()
                        result.killed = True
                    break
                if elapsed > timeout:
                    proc.kill()
                    result.timed_out = True
                    break
                time.sleep(poll if elapsed < 1 else min(0.05, poll * 10))
            proc.wait()
            result.seconds = time.monotonic() - start
            result.returncode = proc.returncode
            if result.killed and proc.returncode is not None and proc.returncode >= 0:
                result.killed = False  # it had finished before the signal landed
            out.seek(0)
            err.seek(0)
            result.stdout = out.read().decode("utf-8", "replace")
            result.stderr = err.read().decode("utf-8", "replace")
        return result

"""End-to-end fixtures: a real `voxwire serve` process on 127.0.0.1.

Run with Debian's interpreter (/usr/bin/python3), which has python3-websockets,
python3-pytest, numpy and pocketsphinx. VOXWIRE_BINARY points at the server
binary (default: build/release/voxwire).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pytest
import websockets

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))

API_KEY = "sk-voxwire-e2e"


def _accept_additional_headers():
    """The vendor client calls websockets.connect(..., additional_headers=...),
    the spelling of websockets >= 14. Debian 12 ships websockets 10.4, whose
    spelling is extra_headers; translate so the vendor code runs unchanged."""
    original = websockets.connect

    def connect(*args, **kwargs):
        if "additional_headers" in kwargs:
            kwargs["extra_headers"] = kwargs.pop("additional_headers")
        return original(*args, **kwargs)

    websockets.connect = connect


_accept_additional_headers()


class ServerProcess:
    def __init__(self, extra_args=(), api_key=API_KEY, data_dir=None):
        binary = os.environ.get("VOXWIRE_BINARY", os.path.join(REPO, "build", "release", "voxwire"))
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="voxwire-e2e-")
        self.log_path = os.path.join(self.data_dir, "server.log")
        self.log = open(self.log_path, "w+")
        self.proc = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", self.data_dir,
             *(["--api-key", api_key] if api_key else []),
             # The suite opens more sessions a minute than the documented
             # 10 RPM of qwen3-tts-flash-realtime; limits are tested in C++.
             "--no-rate-limits", *extra_args],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.port = self._wait_for_port()

    def _wait_for_port(self):
        deadline = time.time() + 20
        while time.time() < deadline:
            self.log.seek(0)
            match = re.search(r"event=listening host=\S+ port=(\d+)", self.log.read())
            if match:
                return int(match.group(1))
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.log.seek(0)
        output = self.log.read()
        self.stop()
        raise RuntimeError("voxwire did not start:\n" + output)

    @property
    def realtime_url(self):
        return f"ws://127.0.0.1:{self.port}/api-ws/v1/realtime"

    def kill9(self):
        """SIGKILL, as a crash: the data directory stays for a restart."""
        self.proc.kill()
        self.proc.wait()
        self.log.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    proc = ServerProcess()
    yield proc
    proc.stop()
    assert proc.proc.returncode == 0, "server did not exit cleanly on SIGTERM"

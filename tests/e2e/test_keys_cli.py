"""`voxwire keys create|list|revoke` against a running server: the secret is
printed once, works at once, and stops working when revoked."""
import os
import re
import subprocess
import tempfile

import requests

from conftest import ServerProcess
from test_usage_cli import binary


def keys(data_dir, *args):
    return subprocess.run([binary(), "keys", "--data-dir", data_dir, *args], check=True, capture_output=True,
                          text=True, timeout=30).stdout


def status_with(server, key):
    response = requests.post(f"http://127.0.0.1:{server.port}/api/v1/services/audio/tts/customization",
                             json={"model": "qwen-voice-design", "input": {"action": "list"}},
                             headers={"Authorization": f"Bearer {key}"}, timeout=30)
    return response.status_code


def test_created_keys_work_until_revoked():
    data_dir = tempfile.mkdtemp(prefix="voxwire-e2e-keys-")
    created = keys(data_dir, "create", "--label", "e2e", "--expires-days", "30")
    key_id = re.search(r"^id:\s+(key_[0-9a-f]{12})$", created, re.M).group(1)
    secret = re.search(r"^secret:\s+(sk-[0-9a-f]{48})$", created, re.M).group(1)
    with open(os.path.join(data_dir, "voxwire.db"), "rb") as db:
        assert secret[3:].encode() not in db.read(), "only a hash is stored"

    server = ServerProcess(api_key=None, data_dir=data_dir)  # no configured key: managed keys only
    try:
        assert status_with(server, secret) == 200
        assert status_with(server, "sk-made-up") == 401, "the server is not open"
        listed = keys(data_dir, "list")
        assert re.search(rf"^{key_id}\s+acct_[0-9a-f]{{16}}\s+\S+\s+\S+\s+active\s+e2e$", listed, re.M), listed
        assert secret not in listed
        assert keys(data_dir, "revoke", key_id).strip() == f"revoked {key_id}"
        assert status_with(server, secret) == 401
        assert re.search(rf"^{key_id}\s.*\srevoked\s+e2e$", keys(data_dir, "list"), re.M)
        with open(server.log_path) as log:
            text = log.read()
        assert "event=listening" in text
        assert secret not in text and secret[3:] not in text and "sk-made-up" not in text, "keys never reach the log"
        missing = subprocess.run([binary(), "keys", "--data-dir", data_dir, "revoke", "key_000000000000"],
                                 capture_output=True, text=True, timeout=30)
        assert missing.returncode == 1 and "no key" in missing.stderr
    finally:
        server.stop()

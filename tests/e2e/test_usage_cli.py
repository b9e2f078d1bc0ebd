"""`voxwire usage` reads the ledger the server keeps: what a key was served,
per day and model, as the responses reported it."""
import os
import subprocess

import requests

from conftest import API_KEY, ServerProcess

TEXT = "今天天气很好，我们去公园散步吧。"


def binary():
    return os.environ.get("VOXWIRE_BINARY", os.path.join(os.path.dirname(__file__), "..", "..", "build", "release",
                                                         "voxwire"))


def usage_rows(data_dir, *extra):
    out = subprocess.run([binary(), "usage", "--data-dir", data_dir, *extra], check=True, capture_output=True,
                         text=True, timeout=30).stdout
    lines = out.splitlines()
    assert lines[0].split() == ["day", "account", "model", "requests", "characters", "tokens_in", "tokens_out",
                                "audio_s", "voices"]
    return [line.split() for line in lines[1:]]


def test_usage_lists_what_each_key_was_served():
    server = ServerProcess()
    try:
        url = f"http://127.0.0.1:{server.port}/api/v1/services/aigc/multimodal-generation/generation"
        body = {"model": "qwen3-tts-flash", "input": {"text": TEXT, "voice": "Cherry"}}
        reported = 0
        for _ in range(2):
            response = requests.post(url, json=body, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=60)
            assert response.status_code == 200, response.text
            reported += response.json()["usage"]["characters"]
        rows = usage_rows(server.data_dir)
        served = [row for row in rows if row[2] == "qwen3-tts-flash"]
        assert len(served) == 1
        day, account, model, requests_, characters = served[0][:5]
        assert account.startswith("acct_")
        assert int(requests_) == 2
        assert int(characters) == reported == 2 * len(TEXT)
        assert float(served[0][7]) > 1.0, "seconds of audio"
        assert rows[-1][:3] == ["total", "2", str(reported)], "total: requests, characters"

        assert [row[2] for row in usage_rows(server.data_dir, "--key", API_KEY)][:1] == ["qwen3-tts-flash"]
        assert len(usage_rows(server.data_dir, "--key", "sk-someone-else")) == 1, "only the total line"
        assert len(usage_rows(server.data_dir, "--since", "2999-01-01")) == 1
    finally:
        server.stop()

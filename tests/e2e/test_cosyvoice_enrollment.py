"""CosyVoice voice enrollment (api-reference-cosyvoice §13) replayed in exactly
the requests the DashScope Python SDK 1.26.2's VoiceEnrollmentService sends
(dashscope/audio/tts_v2/enrollment.py): POST .../services/audio/tts/customization
with model "voice-enrollment", the action's input and "parameters": {}, the
SDK's headers, json.dumps escapes. The recording is served over HTTP from
this process, as a hosted client would give a public URL."""
import http.server
import json
import re
import subprocess
import threading

import pytest
import requests

from conftest import API_KEY, ServerProcess

LIBRIVOX = "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-"


def recording(effects=()):
    """~15 s of one reader as WAV bytes (sox), optionally transformed."""
    parts = [LIBRIVOX + part + ".wav" for part in ("0870", "0920", "0890")]
    done = subprocess.run(["sox", *parts, "-t", "wav", "-", *effects], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


class Files:
    """Serves path -> bytes on 127.0.0.1 until closed."""

    def __init__(self, files):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = files.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "audio/wav")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def enrollment_server():
    proc = ServerProcess(extra_args=["--allow-private-urls"])  # the recordings come from loopback
    files = Files({"/first.wav": recording(), "/second.wav": recording(["pitch", "700"])})
    yield proc, files
    files.close()
    proc.stop()


def call(server, input_params):
    """One VoiceEnrollmentService call as the SDK puts it on the wire."""
    body = json.dumps({"model": "voice-enrollment", "input": input_params, "parameters": {}})
    headers = {
        "Authorization": f"Bearer {API_KEY}",
        "Content-Type": "application/json; charset=utf-8",
        "Accept": "application/json; charset=utf-8",
        "user-agent": "dashscope/1.26.2; python/3.11.2; platform/Linux; processor/x86_64",
    }
    response = requests.post(f"http://127.0.0.1:{server.port}/api/v1/services/audio/tts/customization",
                             data=body.encode(), headers=headers, timeout=60)
    payload = response.json()
    assert re.fullmatch(r"[0-9a-f-]{36}", payload["request_id"])
    return response.status_code, payload


def test_the_sdks_voice_enrollment_calls(enrollment_server):
    server, files = enrollment_server
    # create_voice(target_model, prefix, url) — language_hints and
    # max_prompt_audio_length only when given.
    status, created = call(server, {"action": "create_voice", "target_model": "cosyvoice-v3.5-plus",
                                    "prefix": "myvoice", "url": files.url("/first.wav"),
                                    "language_hints": ["en"], "max_prompt_audio_length": 10.0})
    assert status == 200, created
    voice_id = created["output"]["voice_id"]
    assert re.fullmatch(r"cosyvoice-v3\.5-plus-myvoice-[0-9a-f]{32}", voice_id)
    assert created["usage"] == {"count": 1}

    # list_voices(prefix, page_index, page_size): reads output.voice_list.
    status, listed = call(server, {"action": "list_voice", "prefix": "myvoice", "page_index": 0, "page_size": 10})
    assert status == 200, listed
    assert [v["voice_id"] for v in listed["output"]["voice_list"]] == [voice_id]
    assert listed["output"]["voice_list"][0]["status"] == "OK"
    status, unfiltered = call(server, {"action": "list_voice", "page_index": 0, "page_size": 10})
    assert status == 200 and voice_id in [v["voice_id"] for v in unfiltered["output"]["voice_list"]]

    # query_voice(voice_id): returns the whole output.
    status, queried = call(server, {"action": "query_voice", "voice_id": voice_id})
    assert status == 200, queried
    output = queried["output"]
    assert output["status"] == "OK"
    assert output["target_model"] == "cosyvoice-v3.5-plus"
    assert output["resource_link"] == files.url("/first.wav")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", output["gmt_create"])

    # update_voice(voice_id, url).
    status, updated = call(server, {"action": "update_voice", "voice_id": voice_id, "url": files.url("/second.wav")})
    assert status == 200, updated
    assert updated["output"] == {}
    status, queried = call(server, {"action": "query_voice", "voice_id": voice_id})
    assert queried["output"]["resource_link"] == files.url("/second.wav")

    # delete_voice(voice_id); then the SDK would raise VoiceEnrollmentException.
    status, deleted = call(server, {"action": "delete_voice", "voice_id": voice_id})
    assert status == 200 and deleted["output"] == {}
    status, error = call(server, {"action": "query_voice", "voice_id": voice_id})
    assert status == 400
    assert error["code"] == "InvalidParameter" and voice_id in error["message"]


def test_a_design_through_the_sdks_create_voice_carries_url_null(enrollment_server):
    server, _ = enrollment_server
    status, created = call(server, {"action": "create_voice", "target_model": "cosyvoice-v3-flash", "prefix": "host",
                                    "url": None, "voice_prompt": "沉稳的中年男性播音员，音色低沉浑厚",
                                    "preview_text": "各位听众朋友，大家好", "language_hints": ["zh"]})
    assert status == 200, created
    assert re.fullmatch(r"cosyvoice-v3-flash-vd-host-[0-9a-f]{32}", created["output"]["voice_id"])
    preview = created["output"]["preview_audio"]
    assert preview["response_format"] == "wav" and preview["sample_rate"] == 24000

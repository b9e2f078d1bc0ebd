"""The vendor's non-realtime example (../shared/seeds/002_*.txt:
MultiModalConversation.call(model="qwen3-tts-flash", ...)) as the DashScope SDK
sends it on the wire, with Debian's python3-requests: only the base URL and
the API key differ from the hosted service."""
import base64
import io
import json
import time
import wave

import requests

from conftest import API_KEY

TEXT = ("那我来给大家推荐一款T恤，这款呢真的是超级好看，这个颜色呢很显气质，而且呢也是搭配的绝佳单品，"
        "大家可以闭眼入，真的是非常好看，对身材的包容性也很好，不管啥身材的宝宝呢，穿上去都是很好看的。推荐宝宝们下单哦。")


def base_url(server):
    return f"http://127.0.0.1:{server.port}/api/v1"


def sdk_headers(stream):
    headers = {
        "Authorization": f"Bearer {API_KEY}",
        "Content-Type": "application/json; charset=utf-8",
        "user-agent": "dashscope/1.24.6; python/3.11.2; platform/Linux; processor/x86_64; incremental_to_full/0",
        "Accept": "text/event-stream" if stream else "application/json; charset=utf-8",
    }
    if stream:
        headers["X-Accel-Buffering"] = "no"
        headers["X-DashScope-SSE"] = "enable"
    return headers


def sdk_body(stream):
    return {"model": "qwen3-tts-flash", "parameters": {"stream": stream} if stream else {},
            "input": {"text": TEXT, "voice": "Cherry", "language_type": "Chinese"}}


def sse_events(response):
    """The SDK's SSE reader: one event per blank-line-separated block, keeping
    the last data: line; event:error marks a failure."""
    event = {}
    for raw in response.iter_lines():
        line = raw.decode("utf-8")
        if not line:
            if event:
                yield event
            event = {}
        elif line.startswith("data:"):
            event["data"] = line[len("data:"):].strip()
        elif line.startswith("event:"):
            event["event"] = line[len("event:"):]
        elif line.startswith("id:"):
            event["id"] = line[len("id:"):]


def test_non_stream_call_returns_a_url_to_a_wav(server, tmp_path):
    response = requests.post(base_url(server) + "/services/aigc/multimodal-generation/generation",
                             headers=sdk_headers(False), data=json.dumps(sdk_body(False)), timeout=60)
    assert response.status_code == 200, response.text
    output = response.json()["output"]
    assert output["finish_reason"] == "stop"
    # As the seed does: download response.output.audio.url with plain requests.get.
    audio = requests.get(output["audio"]["url"], timeout=30)
    audio.raise_for_status()
    path = tmp_path / "downloaded_audio.wav"
    path.write_bytes(audio.content)
    with wave.open(str(path)) as w:
        assert w.getframerate() == 24000 and w.getnchannels() == 1 and w.getsampwidth() == 2
        seconds = w.getnframes() / 24000
    assert 2.0 <= len(TEXT) / seconds <= 8.0


def test_stream_call_delivers_pcm_before_the_end(server):
    started = time.monotonic()
    response = requests.post(base_url(server) + "/services/aigc/multimodal-generation/generation",
                             headers=sdk_headers(True), data=json.dumps(sdk_body(True)), stream=True, timeout=60)
    assert response.status_code == 200
    assert "text/event-stream" in response.headers["Content-Type"]
    pcm = b""
    arrivals = []
    final = None
    for event in sse_events(response):
        assert event.get("event") == "result", event
        payload = json.loads(event["data"])
        arrivals.append(time.monotonic() - started)
        audio = payload["output"]["audio"]
        if payload["output"]["finish_reason"] == "stop":
            final = payload
        else:
            pcm += base64.b64decode(audio["data"])
    assert final is not None and final["output"]["audio"]["url"].startswith("http://127.0.0.1:")
    assert len(arrivals) > 3
    # The first chunk leaves while later sentences are still being synthesized.
    assert arrivals[0] < arrivals[-1]
    seconds = len(pcm) / 2 / 24000
    assert 2.0 <= len(TEXT) / seconds <= 8.0
    whole = requests.get(final["output"]["audio"]["url"], timeout=30).content
    assert whole[44:] == pcm


def test_errors_are_json_with_the_documented_codes(server):
    body = sdk_body(False)
    body["input"]["text"] = "字" * 601
    response = requests.post(base_url(server) + "/services/aigc/multimodal-generation/generation",
                             headers=sdk_headers(True), data=json.dumps(body), timeout=30)
    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameter"
    assert response.json()["message"] == "Range of input length should be [1, 600]"

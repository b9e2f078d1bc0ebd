"""Issue #6, point 6: SIGTERM lets the responses in flight finish (for a
bounded time) and exits cleanly; after kill -9 during voice creation or
synthesis, a restart finds every acknowledged voice intact, no half-written
record and no half-written audio file."""
import asyncio
import base64
import json
import os
import signal
import socket
import sqlite3
import threading
import time
import uuid

import requests
import websockets

from conftest import API_KEY, ServerProcess

LONG_TEXT = "今天天气很好，我们一起去公园散步，然后去图书馆看书。" * 12  # ~300 characters


def wait_exit(server, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline and server.proc.poll() is None:
        time.sleep(0.05)
    return server.proc.poll()


async def open_session(server, text=LONG_TEXT):
    # A small receive buffer, so that what the kernel absorbs does not hide
    # a client that stops reading.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", server.port))
    ws = await websockets.connect(server.realtime_url + "?model=qwen3-tts-flash-realtime", sock=sock,
                                  extra_headers={"Authorization": f"Bearer {API_KEY}"}, max_size=None)
    assert json.loads(await ws.recv())["type"] == "session.created"

    async def send(event):
        event["event_id"] = "event_" + uuid.uuid4().hex
        await ws.send(json.dumps(event))

    await send({"type": "session.update", "session": {"mode": "commit", "voice": "Cherry"}})
    await send({"type": "input_text_buffer.append", "text": text})
    await send({"type": "input_text_buffer.commit"})
    while json.loads(await ws.recv())["type"] != "response.audio.delta":
        pass
    return ws


def test_sigterm_lets_the_response_in_flight_finish_then_exits_cleanly():
    server = ServerProcess()

    async def scenario():
        ws = await open_session(server)  # the response has started streaming
        server.proc.send_signal(signal.SIGTERM)
        audio = 0
        while True:
            event = json.loads(await asyncio.wait_for(ws.recv(), 20))
            if event["type"] == "response.audio.delta":
                audio += len(base64.b64decode(event["delta"]))
            if event["type"] in ("response.done", "error"):
                return event, audio

    try:
        done, audio = asyncio.run(scenario())
        assert done["type"] == "response.done"
        assert done["response"]["status"] == "completed"
        assert audio / 2 / 24000 > 30, "the whole text was spoken"
        assert wait_exit(server, 15) == 0
        with open(server.log_path) as log:
            assert "event=shutting_down" in log.read()
    finally:
        server.stop()


def test_sigterm_gives_up_on_a_client_that_stops_reading_after_the_drain_timeout():
    server = ServerProcess(extra_args=["--drain-timeout-ms", "1000"])

    async def scenario():
        ws = await open_session(server, LONG_TEXT * 6)  # minutes of audio, and never reads again
        started = time.time()
        server.proc.send_signal(signal.SIGTERM)
        code = await asyncio.get_running_loop().run_in_executor(None, wait_exit, server, 10)
        seconds = time.time() - started
        ws.transport.abort()  # the server is gone: no closing handshake to wait for
        return code, seconds

    try:
        code, seconds = asyncio.run(scenario())
        assert code == 0
        assert seconds < 5, f"exited after {seconds:.1f} s"
        with open(server.log_path) as log:
            assert "event=drain_timed_out" in log.read()
    finally:
        server.stop()


def customization(port, body, timeout=30):
    return requests.post(f"http://127.0.0.1:{port}/api/v1/services/audio/tts/customization", json=body,
                         headers={"Authorization": f"Bearer {API_KEY}"}, timeout=timeout)


def design(port, name):
    return customization(port, {
        "model": "qwen-voice-design",
        "input": {"action": "create", "target_model": "qwen3-tts-vd-realtime-2025-12-16",
                  "voice_prompt": "沉稳的中年男性播音员，音色低沉浑厚", "preview_text": "各位听众朋友，大家好。",
                  "preferred_name": name},
        "parameters": {"sample_rate": 24000, "response_format": "wav"}})


def test_kill9_during_voice_creation_loses_no_acknowledged_voice():
    server = ServerProcess()
    acknowledged, lock, stop = [], threading.Lock(), threading.Event()

    def create_voices(worker):
        for i in range(1000):
            if stop.is_set():
                return
            try:
                response = design(server.port, f"w{worker}n{i}")
            except requests.RequestException:
                return  # the server is gone
            if response.status_code == 200:
                with lock:
                    acknowledged.append(response.json()["output"]["voice"])

    threads = [threading.Thread(target=create_voices, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    time.sleep(2.0)
    server.kill9()  # mid-flight: some creates are being written
    stop.set()
    for t in threads:
        t.join(30)
    assert len(acknowledged) >= 4, "voices were created before the kill"

    restarted = ServerProcess(data_dir=server.data_dir)
    try:
        listed = customization(restarted.port, {"model": "qwen-voice-design",
                                                "input": {"action": "list", "page_size": 1000}}).json()
        names = {v["voice"] for v in listed["output"]["voice_list"]}
        assert set(acknowledged) <= names, "every acknowledged voice survived"
        assert len(names) <= len(acknowledged) + 4, "at most the creates in flight were stored unacknowledged"
        for name in acknowledged[:3]:
            queried = customization(restarted.port, {"model": "qwen-voice-design",
                                                     "input": {"action": "query", "voice": name}})
            assert queried.status_code == 200, queried.text
        with sqlite3.connect(os.path.join(server.data_dir, "voxwire.db")) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        restarted.stop()


def test_kill9_during_synthesis_leaves_no_partial_file_and_keeps_finished_ones():
    server = ServerProcess()
    url = f"http://127.0.0.1:{server.port}/api/v1/services/aigc/multimodal-generation/generation"
    headers = {"Authorization": f"Bearer {API_KEY}"}
    finished = requests.post(url, json={"model": "qwen3-tts-flash", "input": {"text": "你好。", "voice": "Cherry"}},
                             headers=headers, timeout=30).json()["output"]["audio"]["url"]
    audio_dir = os.path.join(server.data_dir, "audio")

    def long_request():
        try:
            requests.post(url, json={"model": "qwen3-tts-flash", "input": {"text": LONG_TEXT * 2, "voice": "Cherry"}},
                          headers=headers, timeout=30)
        except requests.RequestException:
            pass  # killed

    thread = threading.Thread(target=long_request)
    thread.start()
    deadline = time.time() + 10
    while time.time() < deadline and not any(n.endswith(".part") for n in os.listdir(audio_dir)):
        time.sleep(0.002)
    server.kill9()
    thread.join(30)

    restarted = ServerProcess(data_dir=server.data_dir)
    try:
        assert not [n for n in os.listdir(audio_dir) if n.endswith(".part")], "partial files are cleaned up"
        path = finished.split(f":{server.port}", 1)[1]
        again = requests.get(f"http://127.0.0.1:{restarted.port}{path}", timeout=30)
        assert again.status_code == 200 and again.content[:4] == b"RIFF", "a finished file outlives the crash"
    finally:
        restarted.stop()

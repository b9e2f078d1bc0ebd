"""The CosyVoice and Sambert task protocol (/api-ws/v1/inference) replayed with
raw websockets in exactly the request shapes the DashScope Python SDK 1.26.2
sends (api-reference-cosyvoice §4.1, §4.2, §4.3, §12.1, §16): json.dumps
escapes for the CosyVoice SDK, raw UTF-8 and a lowercase `bearer` for the
Sambert path. The audio is decoded by ffmpeg.
"""
import asyncio
import json
import subprocess
import tempfile
import uuid

import websockets

from conftest import API_KEY


def inference_url(server):
    return f"ws://127.0.0.1:{server.port}/api-ws/v1/inference"


def decode(audio, suffix):
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(audio)
        f.flush()
        probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_name,sample_rate",
                                "-of", "default=nw=1", f.name], capture_output=True, text=True, timeout=30)
        pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", f.name, "-f", "s16le", "-"],
                             capture_output=True, timeout=30)
    assert pcm.returncode == 0, pcm.stderr
    fields = dict(line.split("=", 1) for line in probe.stdout.split())
    return fields, pcm.stdout


async def receive_task(ws, timeout=60):
    """Events (parsed) and audio until task-finished / task-failed; checks the frame order."""
    events, audio = [], bytearray()

    async def collect():
        previous = None
        while True:
            message = await ws.recv()
            if isinstance(message, bytes):
                assert previous is not None, "audio before task-started"
                audio.extend(message)
                previous = "binary"
                continue
            event = json.loads(message)
            assert set(event) == {"header", "payload"}
            assert event["header"]["event"] in ("task-started", "result-generated", "task-finished", "task-failed")
            assert "attributes" in event["header"]
            events.append(event)
            previous = event["header"]["event"]
            if previous in ("task-finished", "task-failed"):
                return

    await asyncio.wait_for(collect(), timeout)
    return events, bytes(audio)


async def cosyvoice_streaming_call(url):
    """SpeechSynthesizer(model="cosyvoice-v3-flash", voice="longanyang", format=OGG_OPUS_24KHZ_MONO_32KBPS,
    additional_params={"word_timestamp_enabled": True}).streaming_call(...) twice, streaming_flush(),
    streaming_complete() — the SDK's frames."""
    task_id = uuid.uuid4().hex
    headers = {"Authorization": f"Bearer {API_KEY}",
               "user-agent": "dashscope/1.26.2; python/3.11.2; platform/Linux; processor/x86_64"}
    async with websockets.connect(url, extra_headers=headers, max_size=None) as ws:
        await ws.send(json.dumps({
            "header": {"action": "run-task", "task_id": task_id, "streaming": "duplex"},
            "payload": {"model": "cosyvoice-v3-flash", "task_group": "audio", "task": "tts",
                        "function": "SpeechSynthesizer", "input": {},
                        "parameters": {"voice": "longanyang", "volume": 50, "text_type": "PlainText",
                                       "sample_rate": 24000, "rate": 1.0, "format": "opus", "pitch": 1.0,
                                       "seed": 0, "type": 0, "bit_rate": 32, "language_hints": ["zh"],
                                       "word_timestamp_enabled": True}}}))
        started = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert started["header"]["event"] == "task-started"
        assert started["header"]["task_id"] == task_id

        def continue_task(payload_input):
            return json.dumps({
                "header": {"action": "continue-task", "task_id": task_id, "streaming": "duplex"},
                "payload": {"model": "cosyvoice-v3-flash", "task_group": "audio", "task": "tts",
                            "function": "SpeechSynthesizer", "input": payload_input}})

        await ws.send(continue_task({"text": "床前明月光，疑是"}))
        await ws.send(continue_task({"text": "地上霜。举头望明月，低头思故乡"}))
        await ws.send(continue_task({"flush": True}))
        await ws.send(json.dumps({
            "header": {"action": "finish-task", "task_id": task_id, "streaming": "duplex"},
            "payload": {"model": "cosyvoice-v3-flash", "task_group": "audio", "task": "tts",
                        "function": "SpeechSynthesizer", "input": {}}}))
        events, audio = await receive_task(ws)
    return task_id, events, audio


def test_cosyvoice_sdk_streaming_call(server):
    task_id, events, audio = asyncio.run(cosyvoice_streaming_call(inference_url(server)))
    final = events[-1]
    assert final["header"]["event"] == "task-finished", final
    assert final["header"]["task_id"] == task_id
    assert final["header"]["attributes"]["request_uuid"]
    # 20 Han characters (2 each) and 3 punctuation marks (1 each)... counted as §8.1 says.
    text = "床前明月光，疑是地上霜。举头望明月，低头思故乡"
    expected = sum(2 if "\u4e00" <= ch <= "\u9fff" else 1 for ch in text)
    assert final["payload"]["usage"]["characters"] == expected
    types = [e["payload"]["output"].get("type") for e in events if e["header"]["event"] == "result-generated"]
    assert types[0] == "sentence-begin" and types[-1] == "sentence-end"
    assert types.count("sentence-begin") == types.count("sentence-end") == 2
    originals = [e["payload"]["output"]["original_text"] for e in events
                 if e["payload"].get("output") and e["payload"]["output"].get("type") == "sentence-begin"]
    assert originals == ["床前明月光，疑是地上霜。", "举头望明月，低头思故乡"]
    # Word timestamps (§9.1): one unit per character in each sentence-end, times
    # increasing across the task, and the last sentence's again in task-finished.
    ends = [e["payload"]["output"] for e in events
            if e["payload"].get("output") and e["payload"]["output"].get("type") == "sentence-end"]
    last_begin = 0
    for end in ends:
        words = end["sentence"]["words"]
        assert "".join(w["text"] for w in words) == end["original_text"]
        for w in words:
            assert end["original_text"][w["begin_index"]:w["end_index"]] == w["text"]
            assert last_begin <= w["begin_time"] <= w["end_time"]
            last_begin = w["begin_time"]
    assert final["payload"]["output"]["sentence"] == ends[-1]["sentence"]
    fields, pcm = decode(audio, ".ogg")
    assert fields["codec_name"] == "opus"
    assert len(pcm) / 2 / 48000 > 2.0


async def cosyvoice_call_default_format(url):
    """SpeechSynthesizer(model="cosyvoice-v2", voice="longxiaochun_v2").call(text): format "Default",
    sample_rate 0, enable_ssml true, old-style `bearer`, the text in one continue-task."""
    task_id = uuid.uuid4().hex
    async with websockets.connect(url, extra_headers={"Authorization": f"bearer {API_KEY}"}, max_size=None) as ws:
        for _ in range(2):  # the same connection twice, as the SDK's pool reuses it
            task_id = uuid.uuid4().hex
            await ws.send(json.dumps({
                "header": {"action": "run-task", "task_id": task_id, "streaming": "duplex"},
                "payload": {"model": "cosyvoice-v2", "task_group": "audio", "task": "tts",
                            "function": "SpeechSynthesizer", "input": {},
                            "parameters": {"voice": "longxiaochun_v2", "volume": 50, "text_type": "PlainText",
                                           "sample_rate": 0, "rate": 1.0, "format": "Default", "pitch": 1.0,
                                           "seed": 0, "type": 0, "enable_ssml": True}}}))
            await ws.send(json.dumps({
                "header": {"action": "continue-task", "task_id": task_id, "streaming": "duplex"},
                "payload": {"model": "cosyvoice-v2", "task_group": "audio", "task": "tts",
                            "function": "SpeechSynthesizer", "input": {"text": "Good morning! How are you today?"}}}))
            await ws.send(json.dumps({
                "header": {"action": "finish-task", "task_id": task_id, "streaming": "duplex"},
                "payload": {"model": "cosyvoice-v2", "task_group": "audio", "task": "tts",
                            "function": "SpeechSynthesizer", "input": {}}}))
            events, audio = await receive_task(ws)
            assert events[0]["header"]["event"] == "task-started"
            assert events[-1]["header"]["event"] == "task-finished", events[-1]
    return audio


def test_cosyvoice_sdk_call_defaults_to_mp3_22050(server):
    audio = asyncio.run(cosyvoice_call_default_format(inference_url(server)))
    fields, pcm = decode(audio, ".mp3")
    assert fields["codec_name"] == "mp3"
    assert fields["sample_rate"] == "22050"
    assert len(pcm) / 2 / 22050 > 1.0


async def sambert_call(url):
    """dashscope.audio.tts.SpeechSynthesizer.call(model="sambert-zhichu-v1", text=..., sample_rate=48000,
    format="wav"): lowercase bearer, raw UTF-8, `stream: true`, no text_type, no finish-task."""
    task_id = uuid.uuid4().hex
    async with websockets.connect(url, extra_headers={"Authorization": f"bearer {API_KEY}"}, max_size=None) as ws:
        await ws.send(json.dumps({
            "header": {"streaming": "out", "task_id": task_id, "action": "run-task"},
            "payload": {"model": "sambert-zhichu-v1", "task": "tts", "task_group": "audio",
                        "function": "SpeechSynthesizer",
                        "parameters": {"stream": True, "sample_rate": 48000, "format": "wav"},
                        "input": {"text": "今天天气怎么样"}}}, ensure_ascii=False))
        return await receive_task(ws)


def test_sambert_sdk_call(server):
    events, audio = asyncio.run(sambert_call(inference_url(server)))
    assert events[0]["header"]["event"] == "task-started"
    final = events[-1]
    assert final["header"]["event"] == "task-finished", final
    assert final["payload"]["output"] is None
    assert final["payload"]["usage"]["characters"] == 7
    results = [e for e in events if e["header"]["event"] == "result-generated"]
    assert results and all(isinstance(e["payload"]["output"]["sentence"]["begin_time"], int) and
                           isinstance(e["payload"]["output"]["sentence"]["end_time"], int) for e in results)
    fields, pcm = decode(audio, ".wav")
    assert fields["codec_name"] == "pcm_s16le"
    assert fields["sample_rate"] == "48000"
    assert len(pcm) / 2 / 48000 > 0.8


async def unknown_voice(url):
    async with websockets.connect(url, extra_headers={"Authorization": f"Bearer {API_KEY}"}) as ws:
        await ws.send(json.dumps({
            "header": {"action": "run-task", "task_id": uuid.uuid4().hex, "streaming": "duplex"},
            "payload": {"model": "cosyvoice-v3-flash", "task_group": "audio", "task": "tts",
                        "function": "SpeechSynthesizer", "input": {},
                        "parameters": {"voice": "longxiaochun", "text_type": "PlainText", "format": "mp3"}}}))
        event = json.loads(await asyncio.wait_for(ws.recv(), 10))
        try:
            await asyncio.wait_for(ws.recv(), 10)
        except websockets.exceptions.ConnectionClosed as closed:
            return event, closed.code
        return event, None


def test_unknown_voice_fails_the_task(server):
    event, close_code = asyncio.run(unknown_voice(inference_url(server)))
    assert event["header"]["event"] == "task-failed"
    assert event["header"]["error_code"] == "InvalidParameter"
    assert event["header"]["error_message"] == "[tts:]Engine return error code: 418"
    assert event["payload"] == {}
    assert close_code == 1000

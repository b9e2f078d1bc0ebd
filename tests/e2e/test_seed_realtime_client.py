"""The vendor's raw WebSocket example (../shared/seeds/000_*.txt, "使用WebSocket
API": tts_realtime_client.py with server_commit.py and commit.py), run against
voxwire with only the URL and API key changed and the pyaudio playback left out.
"""
import asyncio
import io
import os
import wave

from tts_realtime_client import SessionMode, TTSRealtimeClient

from conftest import API_KEY

SAMPLE_RATE = 24000


def seconds_of(chunks):
    return sum(len(c) for c in chunks) / 2 / SAMPLE_RATE


def voiced_seconds(chunks):
    import numpy as np
    pcm = np.frombuffer(b"".join(chunks), dtype=np.int16).astype(np.float64)
    frame = SAMPLE_RATE // 50
    frames = pcm[: len(pcm) // frame * frame].reshape(-1, frame)
    return float((np.sqrt((frames ** 2).mean(axis=1)) > 300).sum()) * frame / SAMPLE_RATE


def save_wav(chunks, path):
    # As the vendor demo's _save_audio_to_file does.
    with wave.open(path, "wb") as wav_file:
        wav_file.setnchannels(1)
        wav_file.setsampwidth(2)
        wav_file.setframerate(SAMPLE_RATE)
        wav_file.writeframes(b"".join(chunks))


async def run_server_commit_demo(url):
    """server_commit.py's _run_demo, minus pyaudio."""
    chunks = []
    client = TTSRealtimeClient(base_url=url, api_key=API_KEY, voice="Cherry", mode=SessionMode.SERVER_COMMIT,
                               audio_callback=chunks.append)
    await client.connect()

    async def produce_text():
        text_fragments = [
            "阿里雲的大模型服務平台百鍊是一站式的大模型開發及應用構建平台。",
            "不論是開發人員還是業務人員,都能深入參與大模型應用的設計和構建。",
            "您可以通過簡單的介面操作,在5分鐘內開發出一款大模型應用,",
            "或在幾小時內訓練出一個專屬模型,從而將更多精力專註於應用創新。",
        ]
        for text in text_fragments:
            await client.append_text(text)
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)
        await client.finish_session()

    consumer_task = asyncio.create_task(client.handle_messages())
    producer_task = asyncio.create_task(produce_text())
    await producer_task
    await client.wait_for_response_done()
    await asyncio.sleep(0.2)  # let session.finished reach the printing consumer
    await client.close()
    consumer_task.cancel()
    return chunks, "".join(t for t in [])


async def run_commit_demo(url, lines):
    """commit.py's _run_demo with the typed lines scripted, minus pyaudio."""
    chunks = []
    client = TTSRealtimeClient(base_url=url, api_key=API_KEY, voice="Cherry", mode=SessionMode.COMMIT,
                               audio_callback=chunks.append)
    await client.connect()

    async def user_input_loop():
        for user_text in lines:
            if not user_text:
                await client.commit_text_buffer()
                await asyncio.sleep(0.3)
                await client.finish_session()
                break
            await client.append_text(user_text)

    consumer_task = asyncio.create_task(client.handle_messages())
    producer_task = asyncio.create_task(user_input_loop())
    await producer_task
    await client.wait_for_response_done()
    await asyncio.sleep(0.2)
    await client.close()
    consumer_task.cancel()
    return chunks


def test_server_commit_demo_speaks_every_sentence(server, capsys, tmp_path):
    url = server.realtime_url + "?model=qwen3-tts-flash-realtime"
    chunks, _ = asyncio.run(run_server_commit_demo(url))
    out = capsys.readouterr().out
    # The demo prints every event it receives; the protocol flow is all there.
    assert "收到事件: session.created" in out
    assert "收到事件: session.updated" in out
    assert out.count("收到事件: response.done") == 3, out
    assert "收到事件: session.finished" in out
    assert "錯誤" not in out, out
    total = seconds_of(chunks)
    chars = 30 + 31 + 29 + 29
    assert 2.0 <= chars / total <= 6.0, f"{chars} characters in {total:.2f} s"
    assert voiced_seconds(chunks) > 0.5 * total
    path = os.path.join(tmp_path, "qwen_tts_output.wav")
    save_wav(chunks, path)
    with wave.open(path) as w:
        assert w.getframerate() == SAMPLE_RATE and w.getnframes() == total * SAMPLE_RATE


def test_commit_demo_speaks_the_typed_lines(server, capsys):
    url = server.realtime_url + "?model=qwen3-tts-flash-realtime"
    chunks = asyncio.run(run_commit_demo(url, ["Hello, this is voxwire.", "It speaks what you type.", ""]))
    out = capsys.readouterr().out
    assert "收到事件: input_text_buffer.committed" in out
    assert out.count("收到事件: response.done") == 1, out
    assert "錯誤" not in out, out
    total = seconds_of(chunks)
    assert 1.5 <= 9 / total <= 5.0, f"9 words in {total:.2f} s"
    assert voiced_seconds(chunks) > 0.4 * total


def test_wrong_key_is_refused(server):
    import websockets

    async def attempt():
        client = TTSRealtimeClient(base_url=server.realtime_url + "?model=qwen3-tts-flash-realtime",
                                   api_key="sk-not-a-key")
        await client.connect()

    try:
        asyncio.run(attempt())
    except websockets.exceptions.InvalidStatusCode as e:
        assert e.status_code == 401
    else:
        raise AssertionError("a wrong API key was accepted")

"""Minimal raw realtime client for end-to-end tests (websockets 10.4 API)."""
import asyncio
import base64
import json
import uuid

import websockets

from conftest import API_KEY


async def synthesize(url, text, session, timeout=60):
    """Connects, applies `session`, commits `text` and returns (events, audio bytes)."""
    async with websockets.connect(url, extra_headers={"Authorization": f"Bearer {API_KEY}"},
                                  max_size=None) as ws:
        events = [json.loads(await ws.recv())]

        async def send(event):
            event["event_id"] = "event_" + uuid.uuid4().hex
            await ws.send(json.dumps(event))

        await send({"type": "session.update", "session": {"mode": "commit", **session}})
        await send({"type": "input_text_buffer.append", "text": text})
        await send({"type": "input_text_buffer.commit"})
        audio = bytearray()

        async def collect():
            while True:
                event = json.loads(await ws.recv())
                events.append(event)
                if event["type"] == "response.audio.delta":
                    audio.extend(base64.b64decode(event["delta"]))
                if event["type"] in ("response.done", "error"):
                    return

        await asyncio.wait_for(collect(), timeout)
        return events, bytes(audio)

# Copied from the vendor document ../shared/seeds/000_*.txt ("使用WebSocket API",
# tts_realtime_client.py), unchanged apart from this header, so the end-to-end
# tests exercise the exact client flow the documentation gives to users.
# -- coding: utf-8 --

import asyncio
import websockets
import json
import base64
import time
from typing import Optional, Callable, Dict, Any
from enum import Enum


class SessionMode(Enum):
    SERVER_COMMIT = "server_commit"
    COMMIT = "commit"


class TTSRealtimeClient:
    """
    與 TTS Realtime API 互動的用戶端。

    該類提供了串連 TTS Realtime API、發送文本資料、擷取音訊輸出以及管理 WebSocket 串連的相關方法。

    屬性說明:
        base_url (str):
            Realtime API 的基礎地址。
        api_key (str):
            用於身分識別驗證的 API Key。
        voice (str):
            伺服器合成語音所使用的聲音。
        mode (SessionMode):
            會話模式,可選 server_commit 或 commit。
        audio_callback (Callable[[bytes], None]):
            接收音頻資料的回呼函數。
        language_type(str)
            合成的語音的語種,可選值Chinese、English、German、Italian、Portuguese、Spanish、Japanese、Korean、French、Russian、Auto
    """

    def __init__(
            self,
            base_url: str,
            api_key: str,
            voice: str = "Cherry",
            mode: SessionMode = SessionMode.SERVER_COMMIT,
            audio_callback: Optional[Callable[[bytes], None]] = None,
        language_type: str = "Auto"):
        self.base_url = base_url
        self.api_key = api_key
        self.voice = voice
        self.mode = mode
        self.ws = None
        self.audio_callback = audio_callback
        self.language_type = language_type

        # 當前回複狀態
        self._current_response_id = None
        self._current_item_id = None
        self._is_responding = False
        self._response_done_future = None


    async def connect(self) -> None:
        """與 TTS Realtime API 建立 WebSocket 串連。"""
        headers = {
            "Authorization": f"Bearer {self.api_key}"
        }

        self.ws = await websockets.connect(self.base_url, additional_headers=headers)

        # 設定預設會話配置
        await self.update_session({
            "mode": self.mode.value,
            "voice": self.voice,
            "language_type": self.language_type,
            "response_format": "pcm",
            "sample_rate": 24000
        })


    async def send_event(self, event) -> None:
        """發送事件到伺服器。"""
        event['event_id'] = "event_" + str(int(time.time() * 1000))
        print(f"發送事件: type={event['type']}, event_id={event['event_id']}")
        await self.ws.send(json.dumps(event))


    async def update_session(self, config: Dict[str, Any]) -> None:
        """更新會話配置。"""
        event = {
            "type": "session.update",
            "session": config
        }
        print("更新會話配置: ", event)
        await self.send_event(event)


    async def append_text(self, text: str) -> None:
        """向 API 發送文本資料。"""
        event = {
            "type": "input_text_buffer.append",
            "text": text
        }
        await self.send_event(event)


    async def commit_text_buffer(self) -> None:
        """提交文本緩衝區以觸發處理。"""
        event = {
            "type": "input_text_buffer.commit"
        }
        await self.send_event(event)


    async def clear_text_buffer(self) -> None:
        """清除文本緩衝區。"""
        event = {
            "type": "input_text_buffer.clear"
        }
        await self.send_event(event)


    async def finish_session(self) -> None:
        """結束會話。"""
        event = {
            "type": "session.finish"
        }
        await self.send_event(event)


    async def wait_for_response_done(self):
        """等待 response.done 事件"""
        if self._response_done_future:
            await self._response_done_future


    async def handle_messages(self) -> None:
        """處理來自伺服器的訊息。"""
        try:
            async for message in self.ws:
                event = json.loads(message)
                event_type = event.get("type")

                if event_type != "response.audio.delta":
                    print(f"收到事件: {event_type}")

                if event_type == "error":
                    print("錯誤: ", event.get('error', {}))
                    continue
                elif event_type == "session.created":
                    print("會話建立,ID: ", event.get('session', {}).get('id'))
                elif event_type == "session.updated":
                    print("會話更新,ID: ", event.get('session', {}).get('id'))
                elif event_type == "input_text_buffer.committed":
                    print("文本緩衝區已提交,專案ID: ", event.get('item_id'))
                elif event_type == "input_text_buffer.cleared":
                    print("文本緩衝區已清除")
                elif event_type == "response.created":
                    self._current_response_id = event.get("response", {}).get("id")
                    self._is_responding = True
                    # 建立新的 future 來等待 response.done
                    self._response_done_future = asyncio.Future()
                    print("響應已建立,ID: ", self._current_response_id)
                elif event_type == "response.output_item.added":
                    self._current_item_id = event.get("item", {}).get("id")
                    print("輸出項已添加,ID: ", self._current_item_id)
                # 處理音頻增量
                elif event_type == "response.audio.delta" and self.audio_callback:
                    audio_bytes = base64.b64decode(event.get("delta", ""))
                    self.audio_callback(audio_bytes)
                elif event_type == "response.audio.done":
                    print("音頻產生完成")
                elif event_type == "response.done":
                    self._is_responding = False
                    self._current_response_id = None
                    self._current_item_id = None
                    # 標記 future 完成
                    if self._response_done_future and not self._response_done_future.done():
                        self._response_done_future.set_result(True)
                    print("響應完成")
                elif event_type == "session.finished":
                    print("會話已結束")

        except websockets.exceptions.ConnectionClosed:
            print("串連已關閉")
        except Exception as e:
            print("訊息處理出錯: ", str(e))


    async def close(self) -> None:
        """關閉 WebSocket 串連。"""
        if self.ws:
            await self.ws.close()

"""The command-line client against a real server: `voxwire say` writes audio
ffmpeg decodes at the asked rate, from an argument or stdin, to a file or
stdout, and reports server errors in words; `voxwire voices` designs, clones,
lists and deletes voices through the customization API."""
import glob
import os
import re
import subprocess
import tempfile

import pytest

from conftest import API_KEY
from test_usage_cli import binary

TEXT = "The quick brown fox jumps over the lazy dog. It was a bright and sunny day."
RECORDINGS = sorted(glob.glob("/usr/share/pocketsphinx/test/data/librivox/*.wav"))


def client(server, *args, stdin=None, api_key=API_KEY):
    """Runs the binary with the server in VOXWIRE_URL and the key in
    DASHSCOPE_API_KEY (as the official SDK reads it); bytes out."""
    env = {k: v for k, v in os.environ.items() if k not in ("DASHSCOPE_API_KEY", "VOXWIRE_URL")}
    env["VOXWIRE_URL"] = f"http://127.0.0.1:{server.port}"
    if api_key:
        env["DASHSCOPE_API_KEY"] = api_key
    return subprocess.run([binary(), *args], input=stdin, capture_output=True, env=env, timeout=60)


def decoded_seconds(path, sample_rate, input_format=()):
    """Decodes with ffmpeg at the file's own rate; seconds of audio."""
    pcm = subprocess.run(["ffmpeg", "-v", "error", *input_format, "-i", path, "-f", "s16le", "-ac", "1",
                          "-ar", str(sample_rate), "-"], check=True, capture_output=True, timeout=60).stdout
    return len(pcm) / 2 / sample_rate


def stream_rate(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=sample_rate",
                          "-of", "csv=p=0", path], check=True, capture_output=True, text=True, timeout=30).stdout
    return int(out.strip())


@pytest.mark.parametrize("extension,rate", [("mp3", 48000), ("wav", 16000), ("opus", 48000), ("pcm", 22050)])
def test_say_writes_decodable_audio_at_the_asked_rate(server, extension, rate):
    path = os.path.join(tempfile.mkdtemp(prefix="voxwire-say-"), f"out.{extension}")
    result = client(server, "say", TEXT, "--voice", "Ethan", "--sample-rate", str(rate), "-o", path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b"", "quiet when stderr is not a terminal"
    if extension == "pcm":
        seconds = os.path.getsize(path) / 2 / rate
    else:
        assert stream_rate(path) == rate
        seconds = decoded_seconds(path, rate)
    assert 2.5 < seconds < 12, seconds  # two sentences, 15 words
    if extension == "wav":
        with open(path, "rb") as f:
            assert f.read().count(b"RIFF") == 1, "one header for the whole session (two responses)"


def test_say_reads_stdin_and_writes_stdout(server):
    result = client(server, "say", "--format", "pcm", "--sample-rate", "16000", "-o", "-",
                    stdin=b"Reading this sentence from standard input.")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) % 2 == 0 and 1.0 < len(result.stdout) / 2 / 16000 < 8


def test_say_options_reach_the_session(server):
    slow, fast = (client(server, "say", TEXT, "--format", "pcm", "--speech-rate", rate, "-o", "-")
                  for rate in ("0.7", "1.5"))
    assert slow.returncode == 0 and fast.returncode == 0, slow.stderr + fast.stderr
    assert len(slow.stdout) > 1.5 * len(fast.stdout)


def test_unknown_voice_is_reported_in_words(server):
    path = os.path.join(tempfile.mkdtemp(prefix="voxwire-say-"), "never.mp3")
    result = client(server, "say", "Hello.", "--voice", "Nobody", "-o", path)
    assert result.returncode == 1
    assert re.search(rb"'Nobody'.*not supported.*session\.voice", result.stderr), result.stderr
    assert not os.path.exists(path), "no partial file is left behind"


def test_bad_input_and_refusals_give_clear_messages(server):
    cases = [
        (client(server, "say", "Hello.", "-o", "-", api_key=None), 2, rb"no API key"),
        (client(server, "say", "-o", "-", stdin=b"  \n"), 2, rb"no text to speak"),
        (client(server, "say", "Hello.", "-o", "-", api_key="sk-wrong"), 1, rb"InvalidApiKey, HTTP 401"),
        (client(server, "say", "Hello.", "--model", "no-such-model", "-o", "-"), 1, rb"ModelNotFound, HTTP 404"),
        (client(server, "say", "Hello.", "--url", "http://127.0.0.1:1", "-o", "-"), 1, rb"cannot connect"),
        (client(server, "voices", "delete", "qwen-tts-vd-gone-voice-20250101000000-abcd"), 1, rb"VoiceNotFound"),
        (client(server, "voices", "delete", "Cherry"), 2, rb"not a designed"),
    ]
    for result, code, message in cases:
        assert result.returncode == code and re.search(message, result.stderr), (result.returncode, result.stderr)


def listed_voices(server):
    result = client(server, "voices", "list")
    assert result.returncode == 0, result.stderr
    return result.stdout.decode()


def created_voice(result):
    assert result.returncode == 0, result.stderr
    voice = re.search(r"^voice:\s+(\S+)$", result.stdout.decode(), re.M).group(1)
    model = re.search(r"^target model:\s+(\S+)$", result.stdout.decode(), re.M).group(1)
    return voice, model


def test_design_list_speak_delete(server):
    preview = os.path.join(tempfile.mkdtemp(prefix="voxwire-voices-"), "preview.mp3")
    voice, model = created_voice(client(
        server, "voices", "design", "--description",
        "A composed middle-aged male announcer with a deep, rich and magnetic voice, suitable for news.",
        "--preview-text", "Good evening, and welcome to the news.", "--name", "anchor", "--language", "en",
        "--sample-rate", "16000", "-o", preview))
    assert voice.startswith("qwen-tts-vd-anchor-voice-")
    assert stream_rate(preview) == 16000 and 1.0 < decoded_seconds(preview, 16000) < 8
    assert re.search(rf"^{voice}\s+designed\s+{model}\s", listed_voices(server), re.M)

    spoken = client(server, "say", "This is my designed voice.", "--model", model, "--voice", voice,
                    "--format", "pcm", "-o", "-")
    assert spoken.returncode == 0 and len(spoken.stdout) > 24000, spoken.stderr

    deleted = client(server, "voices", "delete", voice)
    assert deleted.returncode == 0 and f"deleted {voice}" in deleted.stdout.decode()
    assert voice not in listed_voices(server)


@pytest.mark.skipif(not RECORDINGS, reason="pocketsphinx-testdata is not installed")
def test_clone_from_a_recording(server):
    result = client(server, "voices", "--json", "clone", "--audio", RECORDINGS[0], "--name", "reader",
                    "--language", "en")
    assert result.returncode == 0, result.stderr
    voice = re.search(rb'"voice":"(qwen-tts-vc-reader-voice-[^"]+)"', result.stdout).group(1).decode()
    assert re.search(rf"^{voice}\s+cloned\s+qwen3-tts-vc-realtime-2026-01-15\s", listed_voices(server), re.M)
    assert client(server, "voices", "delete", voice).returncode == 0
    assert voice not in listed_voices(server)

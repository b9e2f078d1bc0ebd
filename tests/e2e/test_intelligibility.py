"""English speech from the server is intelligible: an ASR round trip through
pocketsphinx (Debian's python3-pocketsphinx + pocketsphinx-en-us) keeps the
word error rate below a measured, pinned bound."""
import asyncio
import os

import pytest

from realtime_helpers import synthesize

pocketsphinx = pytest.importorskip("pocketsphinx")

SENTENCES = [
    "Please call me back when you get home tonight.",
    "The weather is nice today.",
    "I would like a cup of coffee.",
    "Where is the nearest train station?",
    "Thank you very much for your help.",
    "We will meet at the office tomorrow morning.",
    "Turn left at the next traffic light.",
    "My phone battery is almost empty.",
    "Can you send me the report by Friday?",
    "Open the window please.",
    "She is reading a book in the garden.",
    "The children are playing outside.",
]

# Measured on flite through the server (see README, "Intelligibility"); the
# bound leaves room for run-to-run variation but fails if speech degrades.
MAX_WORD_ERROR_RATE = {"Cherry": 0.20, "Ethan": 0.15}  # measured 8.8% and 2.5%


def words(text):
    return [w.strip(".,?!").lower() for w in text.split() if w.strip(".,?!")]


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[len(b)]


def recognizer():
    model = pocketsphinx.get_model_path()
    config = pocketsphinx.Decoder.default_config()
    config.set_string("-hmm", os.path.join(model, "en-us"))
    config.set_string("-lm", os.path.join(model, "en-us.lm.bin"))
    config.set_string("-dict", os.path.join(model, "cmudict-en-us.dict"))
    config.set_string("-logfn", os.devnull)
    return pocketsphinx.Decoder(config)


def recognize(decoder, pcm16k):
    decoder.start_utt()
    decoder.process_raw(pcm16k, False, True)
    decoder.end_utt()
    hyp = decoder.hyp()
    return hyp.hypstr if hyp else ""


@pytest.mark.parametrize("voice", sorted(MAX_WORD_ERROR_RATE))
def test_english_word_error_rate(server, voice):
    url = server.realtime_url + "?model=qwen3-tts-flash-realtime"
    decoder = recognizer()
    errors = total = 0
    report = []
    for sentence in SENTENCES:
        _, audio = asyncio.run(synthesize(url, sentence, {"voice": voice, "language_type": "English",
                                                          "sample_rate": 16000}))
        heard = recognize(decoder, audio)
        ref = words(sentence)
        errors += edit_distance(ref, words(heard))
        total += len(ref)
        report.append(f"  {sentence!r} -> {heard!r}")
    wer = errors / total
    print(f"\n{voice}: WER {wer:.1%} over {total} words\n" + "\n".join(report))
    assert wer <= MAX_WORD_ERROR_RATE[voice], f"{voice}: WER {wer:.1%}\n" + "\n".join(report)

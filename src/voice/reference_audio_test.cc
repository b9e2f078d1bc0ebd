#include "voice/reference_audio.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "audio/audio_test_util.h"
#include "audio/wav_header.h"

// libsndfile 1.2.0 leaks libvorbis's vorbis_info (5.8 KB) whenever it fails
// to open a malformed Ogg Vorbis stream (its open path never clears it), and
// SurvivesTruncatedAndCorruptedFiles does that on purpose. Only that
// third-party allocation is exempt from LeakSanitizer.
extern "C" const char* __lsan_default_suppressions() { return "leak:vorbis_info_init\n"; }

namespace voxwire {
namespace {

using audio::test_util::run;

// One man reading "And mister John Dashwood had then leisure to consider..."
// for 7.1 s, 16 kHz 16-bit mono.
const std::string kReading =
    "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav";
// The same reader for 2.99 s: "He was not an ill disposed young man."
const std::string kShortReading =
    "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `command`, which writes a file to the path it is given as {out}, and
// returns that file's bytes.
std::string make(const std::string& command, const std::string& suffix) {
  audio::test_util::TempFile out("", suffix);
  std::string expanded = command;
  expanded.replace(expanded.find("{out}"), 5, "'" + out.path() + "'");
  int status = 0;
  run(expanded + " 2>&1", &status);
  EXPECT_EQ(status, 0) << expanded;
  return read_file(out.path());
}

std::string sox(const std::string& inputs, const std::string& output_options, const std::string& suffix,
                const std::string& effects = "") {
  return make("sox " + inputs + " " + output_options + " {out} " + effects, suffix);
}

std::string ffmpeg(const std::string& input, const std::string& codec, const std::string& suffix) {
  return make("ffmpeg -v error -y -i " + input + " " + codec + " {out}", suffix);
}

void expect_error(const Result<DecodedAudio>& r, StatusCode code, const std::string& words) {
  ASSERT_FALSE(r.ok()) << "expected an error containing '" << words << "'";
  EXPECT_EQ(r.status().code(), code) << r.status().to_string();
  EXPECT_NE(r.status().message().find(words), std::string::npos) << r.status().to_string();
  EXPECT_EQ(r.status().field(), "input.audio.data");
}

TEST(ReferenceAudio, SniffsContainersFromTheirFirstBytes) {
  EXPECT_EQ(sniff_container(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)), AudioContainer::kWav);
  EXPECT_EQ(sniff_container(std::string("RF64\xff\xff\xff\xffWAVEds64", 16)), AudioContainer::kWav);
  EXPECT_EQ(sniff_container("fLaC\0\0\0\x22"), AudioContainer::kFlac);
  EXPECT_EQ(sniff_container("OggS\0\x02"), AudioContainer::kOgg);
  EXPECT_EQ(sniff_container(std::string("ID3\x04\0\0\0\0\0\x23", 10)), AudioContainer::kMp3);
  EXPECT_EQ(sniff_container("\xff\xfb\x90\x64"), AudioContainer::kMp3);          // MPEG-1 layer III, 128 kbps
  EXPECT_EQ(sniff_container("\xff\xf1\x50\x80"), AudioContainer::kUnknown);      // ADTS AAC (layer 0)
  EXPECT_EQ(sniff_container("\xff\xfb\xf0\x64"), AudioContainer::kUnknown);      // bad bitrate index
  EXPECT_EQ(sniff_container(std::string("\0\0\0\x20" "ftypM4A ", 12)), AudioContainer::kMp4);
  EXPECT_EQ(sniff_container("RIFF"), AudioContainer::kUnknown);
  EXPECT_EQ(sniff_container(""), AudioContainer::kUnknown);
  EXPECT_EQ(sniff_container("hello world"), AudioContainer::kUnknown);
}

TEST(ReferenceAudio, MapsDataUrlMediaTypes) {
  for (const char* type : {"audio/wav", "audio/x-wav", "audio/wave", "AUDIO/WAV", "audio/wav; codecs=1"}) {
    EXPECT_EQ(container_for_media_type(type), AudioContainer::kWav) << type;
  }
  for (const char* type : {"audio/mpeg", "audio/mp3", "Audio/MPEG"}) {
    EXPECT_EQ(container_for_media_type(type), AudioContainer::kMp3) << type;
  }
  EXPECT_EQ(container_for_media_type("audio/flac"), AudioContainer::kFlac);
  EXPECT_EQ(container_for_media_type("audio/ogg;codecs=opus"), AudioContainer::kOgg);
  for (const char* type : {"audio/mp4", "audio/x-m4a", "audio/m4a"}) {
    EXPECT_EQ(container_for_media_type(type), AudioContainer::kMp4) << type;
  }
  for (const char* type : {"", "audio", "video/mp4", "text/plain", "audio/wavx"}) {
    EXPECT_EQ(container_for_media_type(type), AudioContainer::kUnknown) << type;
  }
  EXPECT_EQ(container_name(AudioContainer::kMp3), "mp3");
}

TEST(ReferenceAudio, DecodesEveryFormatOfARealRecording) {
  Result<DecodedAudio> wav = decode_reference_audio(read_file(kReading));
  ASSERT_TRUE(wav.ok()) << wav.status().to_string();
  EXPECT_EQ(wav->sample_rate_hz, 16000);
  EXPECT_EQ(wav->source_channels, 1);
  EXPECT_EQ(wav->container, AudioContainer::kWav);
  EXPECT_NEAR(wav->duration_s(), 7.1, 0.01);

  struct Case {
    const char* name;
    std::string bytes;
    AudioContainer container;
    int rate_hz;
    bool lossless;
  };
  const Case cases[] = {
      {"wav 24-bit", sox(kReading, "-b 24", ".wav"), AudioContainer::kWav, 16000, true},
      {"wav float", sox(kReading, "-e floating-point -b 32", ".wav"), AudioContainer::kWav, 16000, true},
      {"wav 8-bit u-law 24 kHz", sox(kReading, "-e u-law -r 24000", ".wav"), AudioContainer::kWav, 24000, false},
      {"flac", sox(kReading, "", ".flac"), AudioContainer::kFlac, 16000, true},
      {"mp3", ffmpeg(kReading, "-c:a libmp3lame -b:a 64k", ".mp3"), AudioContainer::kMp3, 16000, false},
      {"ogg vorbis", ffmpeg(kReading, "-c:a libvorbis", ".ogg"), AudioContainer::kOgg, 16000, false},
      // libsndfile decodes Opus at the rate its header says the input had.
      {"ogg opus", ffmpeg(kReading, "-c:a libopus", ".opus"), AudioContainer::kOgg, 16000, false},
  };
  for (const Case& c : cases) {
    Result<DecodedAudio> d = decode_reference_audio(c.bytes);
    ASSERT_TRUE(d.ok()) << c.name << ": " << d.status().to_string();
    EXPECT_EQ(d->container, c.container) << c.name;
    EXPECT_EQ(d->sample_rate_hz, c.rate_hz) << c.name;
    EXPECT_NEAR(d->duration_s(), 7.1, 0.06) << c.name;  // MP3 and Opus pad a little
    if (c.lossless) {
      EXPECT_EQ(d->samples, wav->samples) << c.name;
    }
    const auto energy = audio::test_util::rms(std::span<const int16_t>(d->samples));
    EXPECT_NEAR(energy / audio::test_util::rms(std::span<const int16_t>(wav->samples)), 1.0, 0.1) << c.name;
  }
}

TEST(ReferenceAudio, RefusesM4aAsUnsupported) {
  expect_error(decode_reference_audio(ffmpeg(kReading, "-c:a aac", ".m4a")), StatusCode::kNotSupported, "M4A");
}

TEST(ReferenceAudio, MixesStereoDownToMono) {
  // Left: the reading; right: the reading inverted, then silence.
  const std::string inverted = sox(kReading, "", ".wav", "vol -1");
  audio::test_util::TempFile right(inverted, ".wav");
  Result<DecodedAudio> cancelling = decode_reference_audio(sox("-M " + kReading + " " + right.path(), "", ".wav"));
  ASSERT_TRUE(cancelling.ok()) << cancelling.status().to_string();
  EXPECT_EQ(cancelling->source_channels, 2);
  for (int16_t s : cancelling->samples) ASSERT_LE(std::abs(s), 1);

  Result<DecodedAudio> mono = decode_reference_audio(read_file(kReading));
  Result<DecodedAudio> half = decode_reference_audio(sox(kReading, "-c 2", ".wav", "remix 1 0"));
  ASSERT_TRUE(half.ok()) << half.status().to_string();
  ASSERT_EQ(half->samples.size(), mono->samples.size());
  for (std::size_t i = 0; i < mono->samples.size(); ++i) ASSERT_LE(std::abs(half->samples[i] - mono->samples[i] / 2.0), 1.0) << i;
}

TEST(ReferenceAudio, RefusesEmptyOversizedAndUnknownInput) {
  expect_error(decode_reference_audio(""), StatusCode::kInvalidArgument, "empty");
  expect_error(decode_reference_audio(std::string(kMaxReferenceBytes + 1, '\0')), StatusCode::kInvalidArgument,
               "at most");
  std::mt19937 random(7);
  std::string garbage(100000, '\0');
  for (char& c : garbage) c = static_cast<char>(random());
  expect_error(decode_reference_audio(garbage), StatusCode::kInvalidArgument, "unsupported");
  expect_error(decode_reference_audio("Hello, this is not audio."), StatusCode::kInvalidArgument, "unsupported");
}

TEST(ReferenceAudio, SurvivesTruncatedAndCorruptedFiles) {
  const std::string files[] = {read_file(kReading), sox(kReading, "", ".flac"),
                               ffmpeg(kReading, "-c:a libmp3lame", ".mp3"), ffmpeg(kReading, "-c:a libvorbis", ".ogg"),
                               ffmpeg(kReading, "-c:a libopus", ".opus")};
  std::mt19937 random(11);
  for (const std::string& file : files) {
    // Every cut either decodes a prefix or fails cleanly (ASan watches).
    for (std::size_t cut : {std::size_t{4}, std::size_t{12}, std::size_t{40}, std::size_t{100}, file.size() / 3,
                            file.size() - 1}) {
      Result<DecodedAudio> d = decode_reference_audio(std::string_view(file).substr(0, cut));
      if (d.ok()) {
        EXPECT_LE(d->duration_s(), 7.2);
      }
    }
    for (int trial = 0; trial < 20; ++trial) {  // bytes flipped after the signature
      std::string corrupt = file;
      for (int k = 0; k < 50; ++k) corrupt[4 + random() % (corrupt.size() - 4)] = static_cast<char>(random());
      Result<DecodedAudio> d = decode_reference_audio(corrupt);
      if (d.ok()) {
        EXPECT_LE(d->duration_s(), kMaxReferenceSeconds);
      }
    }
  }
  // A whole header but half the samples: the samples that are there.
  const std::string wav = read_file(kReading);
  Result<DecodedAudio> half = decode_reference_audio(std::string_view(wav).substr(0, wav.size() / 2));
  ASSERT_TRUE(half.ok()) << half.status().to_string();
  EXPECT_NEAR(half->duration_s(), 3.55, 0.01);
}

TEST(ReferenceAudio, HeadersThatLieDoNotDriveAllocation) {
  // Claims ~1 GiB of samples, holds one second.
  const std::string samples(32000, '\x10');
  Result<DecodedAudio> streaming = decode_reference_audio(audio::wav_header(16000) + samples);
  ASSERT_TRUE(streaming.ok()) << streaming.status().to_string();
  EXPECT_NEAR(streaming->duration_s(), 1.0, 0.001);

  std::string header = audio::wav_header(16000, static_cast<uint32_t>(samples.size()));
  auto patch16 = [](std::string h, std::size_t at, uint16_t v) {
    h[at] = static_cast<char>(v & 0xFF), h[at + 1] = static_cast<char>(v >> 8);
    return h;
  };
  auto patch32 = [&](std::string h, std::size_t at, uint32_t v) {
    return patch16(patch16(std::move(h), at, static_cast<uint16_t>(v & 0xFFFF)), at + 2, static_cast<uint16_t>(v >> 16));
  };
  expect_error(decode_reference_audio(patch16(header, 22, 1000) + samples), StatusCode::kInvalidArgument, "channels");
  expect_error(decode_reference_audio(patch32(header, 24, 8000) + samples), StatusCode::kInvalidArgument,
               "sample rate is 8000 Hz");
  expect_error(decode_reference_audio(patch32(header, 24, 1000000) + samples), StatusCode::kInvalidArgument,
               "sample rate");
}

TEST(ReferenceAudio, NonFiniteFloatSamplesBecomeSilence) {
  std::string wav = sox(kReading, "-e floating-point -b 32", ".wav");
  const std::size_t data = wav.find("data");
  ASSERT_NE(data, std::string::npos);
  const std::string nan("\x00\x00\xc0\x7f", 4), infinity("\x00\x00\x80\x7f", 4);
  wav.replace(data + 8, 4, nan);
  wav.replace(data + 12, 4, infinity);
  Result<DecodedAudio> d = decode_reference_audio(wav);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_EQ(d->samples[0], 0);                                 // NaN
  EXPECT_TRUE(d->samples[1] == 0 || d->samples[1] == 32767);  // infinity: silence or full scale
}

TEST(ReferenceAudio, RefusesMoreThanSixtySeconds) {
  const std::string noise = "-n -r 16000 -b 16 -c 1";
  Result<DecodedAudio> ok = decode_reference_audio(sox(noise, "-t wav", ".wav", "synth 59.9 pinknoise vol 0.1"));
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  expect_error(decode_reference_audio(sox(noise, "-t wav", ".wav", "synth 61 pinknoise vol 0.1")),
               StatusCode::kInvalidArgument, "longer than 60 s");
  expect_error(decode_reference_audio(make("ffmpeg -v error -y -f lavfi -i anoisesrc=d=90:c=pink:r=16000:a=0.1 "
                                           "-c:a libmp3lame {out}",
                                           ".mp3")),
               StatusCode::kInvalidArgument, "longer than 60 s");
}

TEST(SpeechActivity, FindsTheRunsAndPausesOfAReading) {
  Result<DecodedAudio> audio = decode_reference_audio(
      sox(kReading + " " + kShortReading + " " + kReading, "-t wav", ".wav"));  // 17.2 s, two joins
  ASSERT_TRUE(audio.ok());
  const SpeechActivity a = find_speech(*audio);
  EXPECT_GE(a.runs.size(), 3u);
  EXPECT_GT(a.speech_s, 14.5);
  EXPECT_LT(a.speech_s, 17.0);
  EXPECT_GT(a.longest_run_s, 6.0);
  EXPECT_GT(a.longest_pause_s, 0.3);  // where the files join
  EXPECT_LT(a.longest_pause_s, 1.5);
  EXPECT_GT(a.speech_level_dbfs - a.noise_floor_dbfs, 25.0);
  EXPECT_EQ(a.clipped_fraction, 0.0);
  for (std::size_t i = 1; i < a.runs.size(); ++i) {
    EXPECT_GE(a.runs[i].start_s - a.runs[i - 1].end_s, SpeechActivity::kMinPauseS - 0.011);
  }
  EXPECT_TRUE(check_reference_speech(a).ok()) << check_reference_speech(a).to_string();
}

void expect_refused(const std::string& bytes, const std::string& words) {
  Result<DecodedAudio> audio = decode_reference_audio(bytes);
  ASSERT_TRUE(audio.ok()) << audio.status().to_string();
  const Status s = check_reference_speech(find_speech(*audio));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << words;
  EXPECT_NE(s.message().find(words), std::string::npos) << s.to_string();
}

TEST(SpeechActivity, RefusesRecordingsWithoutEnoughClearSpeech) {
  expect_refused(sox("-n -r 16000 -b 16 -c 1", "-t wav", ".wav", "trim 0 10"), "silent");
  expect_refused(sox(kReading, "", ".wav", "gain -35"), "too quiet");
  expect_refused(sox(kReading, "", ".wav", "gain 30"), "clipped");
  expect_refused(read_file(kShortReading), "at least 3 s of continuous speech");
  const std::string noise = sox("-n -r 16000 -b 16 -c 1", "-t wav", ".wav", "synth 7.1 whitenoise vol 0.3");
  audio::test_util::TempFile noise_file(noise, ".wav");
  expect_refused(sox("-m " + kReading + " " + noise_file.path(), "", ".wav"), "stands out from the background");
  expect_refused(noise, "stands out from the background");
}

}  // namespace
}  // namespace voxwire

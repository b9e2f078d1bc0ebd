// Container- and codec-level checks of the encoders: WAV header bytes, the
// MP3 bit rate map, Ogg Opus structure as opusinfo and opusdec see it, and
// AAC (ADTS) and FLAC streams as ffmpeg decodes them.
#include "audio/encoder.h"

#include <gtest/gtest.h>


#include "audio/audio_test_util.h"
#include "audio/wav_header.h"

namespace voxwire::audio {
namespace {

using test_util::ffmpeg_decode;
using test_util::run;
using test_util::speech_like;
using test_util::TempFile;

std::string encode_all(const EncoderConfig& config, std::span<const int16_t> pcm) {
  auto encoder = make_encoder(config);
  EXPECT_TRUE(encoder.ok()) << encoder.status().to_string();
  if (!encoder.ok()) return {};
  std::string out;
  for (size_t i = 0; i < pcm.size(); i += 700) {
    EXPECT_TRUE((*encoder)->encode(pcm.subspan(i, std::min<size_t>(700, pcm.size() - i)), &out).ok());
  }
  EXPECT_TRUE((*encoder)->finish(&out).ok());
  return out;
}

uint32_t le32(const std::string& bytes, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<size_t>(i)]);
  return v;
}

TEST(WavHeader, CanonicalFieldsAndStreamingPlaceholder) {
  const std::string h = wav_header(22050);
  ASSERT_EQ(h.size(), 44u);
  EXPECT_EQ(h.substr(0, 4), "RIFF");
  EXPECT_EQ(le32(h, 4), kWavUnknownDataBytes + 36);
  EXPECT_EQ(h.substr(8, 8), "WAVEfmt ");
  EXPECT_EQ(le32(h, 24), 22050u);      // sample rate
  EXPECT_EQ(le32(h, 28), 44100u);      // byte rate
  EXPECT_EQ(h.substr(36, 4), "data");
  EXPECT_EQ(le32(h, 40), kWavUnknownDataBytes);
  EXPECT_EQ(le32(wav_header(8000, 1000), 40), 1000u);
}

TEST(WavEncoder, HeaderFirstThenSamplesAndSoxReadsTheStream) {
  const auto pcm = speech_like(16000, 1.0);
  const std::string bytes = encode_all({AudioFormat::kWav, 16000, 128}, pcm);
  ASSERT_EQ(bytes.size(), 44 + 2 * pcm.size());
  EXPECT_EQ(bytes.substr(0, 44), wav_header(16000));
  TempFile file(bytes, ".wav");
  int status = 0;
  EXPECT_EQ(run("soxi -r '" + file.path() + "'", &status), "16000\n");
  const std::string raw = run("sox -V1 '" + file.path() + "' -t raw - 2>&1", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(raw.size(), 2 * pcm.size());  // and no warning text mixed in
}

TEST(EncoderConfig, ValidationNamesTheWireField) {
  EXPECT_TRUE(validate_encoder_config({AudioFormat::kOpus, 48000, 6}).ok());
  EXPECT_TRUE(validate_encoder_config({AudioFormat::kMp3, 8000, 510}).ok());
  EXPECT_EQ(validate_encoder_config({AudioFormat::kPcm, 11025, 128}).field(), "sample_rate");
  EXPECT_EQ(validate_encoder_config({AudioFormat::kOpus, 24000, 5}).field(), "bit_rate");
  EXPECT_EQ(validate_encoder_config({AudioFormat::kMp3, 24000, 511}).field(), "bit_rate");
  EXPECT_EQ(validate_encoder_config({static_cast<AudioFormat>(9), 24000, 128}).field(), "response_format");
  auto bad = make_encoder({AudioFormat::kWav, 0, 128});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST(Mp3Encoder, BitRateMapsToWhatTheMpegVersionAllows) {
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kMp3, 8000, 128}), 64);    // MPEG-2.5 ceiling
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kMp3, 8000, 6}), 8);
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kMp3, 24000, 510}), 160);  // MPEG-2 ceiling
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kMp3, 22050, 140}), 144);
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kMp3, 44100, 6}), 32);     // MPEG-1 floor
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kMp3, 48000, 176}), 160);  // tie goes lower
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kMp3, 48000, 510}), 320);
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kOpus, 48000, 510}), 510);
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kPcm, 48000, 128}), 0);
}

TEST(Mp3Encoder, EmitsOnlyMpegFramesAndTheDeclaredBitRate) {
  const auto pcm = speech_like(8000, 2.0);
  const std::string bytes = encode_all({AudioFormat::kMp3, 8000, 128}, pcm);
  ASSERT_GT(bytes.size(), 4u);
  // Frame sync first (no ID3v2, no Xing placeholder), no ID3v1 trailer.
  EXPECT_EQ(static_cast<unsigned char>(bytes[0]), 0xFF);
  EXPECT_EQ(static_cast<unsigned char>(bytes[1]) & 0xE0, 0xE0);
  EXPECT_NE(bytes.substr(bytes.size() - 128, 3), "TAG");
  TempFile file(bytes, ".mp3");
  int status = 0;
  const std::string probe = run("ffprobe -v error -show_entries stream=bit_rate -of csv=p=0 '" + file.path() + "'",
                                &status);
  EXPECT_EQ(probe, "64000\n");
}

struct OggCheck {
  std::string opusinfo;  // opusinfo's report
  int opusinfo_status = 0;
  size_t opusdec_samples = 0;  // decoded at 48 kHz, pre-skip and end trim applied
};

OggCheck check_ogg_opus(const std::string& bytes) {
  TempFile file(bytes, ".opus");
  OggCheck c;
  c.opusinfo = run("opusinfo '" + file.path() + "' 2>&1", &c.opusinfo_status);
  int status = 0;
  const std::string raw = run("opusdec --quiet --rate 48000 '" + file.path() + "' - 2>/dev/null", &status);
  EXPECT_EQ(status, 0);
  c.opusdec_samples = raw.size() / 2;
  return c;
}

class OggOpusRate : public ::testing::TestWithParam<int> {};

TEST_P(OggOpusRate, HeadersGranulesAndEndTrimAreExact) {
  const int rate = GetParam();
  auto encoder = make_encoder({AudioFormat::kOpus, rate, 64});
  ASSERT_TRUE(encoder.ok());
  const int codec_rate = (*encoder)->input_sample_rate_hz();
  EXPECT_EQ(codec_rate, (rate == 22050 || rate == 44100) ? 48000 : rate);
  // An odd length, so the last packet needs end trimming.
  const auto pcm = speech_like(codec_rate, 1.2345);
  const OggCheck c = check_ogg_opus(encode_all({AudioFormat::kOpus, rate, 64}, pcm));
  EXPECT_EQ(c.opusinfo_status, 0) << c.opusinfo;
  EXPECT_EQ(c.opusinfo.find("WARNING"), std::string::npos) << c.opusinfo;
  EXPECT_EQ(c.opusinfo.find("ERROR"), std::string::npos) << c.opusinfo;
  EXPECT_NE(c.opusinfo.find("Original sample rate: " + std::to_string(rate) + " Hz"), std::string::npos)
      << c.opusinfo;
  EXPECT_NE(c.opusinfo.find("Channels: 1"), std::string::npos) << c.opusinfo;
  // opusdec trusts pre-skip and the final granule: exactly the input comes back.
  EXPECT_EQ(c.opusdec_samples, pcm.size() * static_cast<size_t>(48000 / codec_rate));
}

INSTANTIATE_TEST_SUITE_P(AllRates, OggOpusRate, ::testing::ValuesIn(kSampleRates));

TEST(OggOpus, EmptyStreamIsStillValid) {
  const OggCheck c = check_ogg_opus(encode_all({AudioFormat::kOpus, 24000, 32}, {}));
  EXPECT_EQ(c.opusinfo_status, 0) << c.opusinfo;
  EXPECT_EQ(c.opusinfo.find("ERROR"), std::string::npos) << c.opusinfo;
  EXPECT_EQ(c.opusdec_samples, 0u);
}

TEST(OggOpus, FirstBytesAreTheHeadersEvenBeforeAFullFrame) {
  auto encoder = make_encoder({AudioFormat::kOpus, 16000, 32});
  ASSERT_TRUE(encoder.ok());
  std::string out;
  const int16_t few[10] = {};
  ASSERT_TRUE((*encoder)->encode(few, &out).ok());
  EXPECT_EQ(out.substr(0, 4), "OggS");
  EXPECT_NE(out.find("OpusHead"), std::string::npos);
  EXPECT_NE(out.find("OpusTags"), std::string::npos);
  const size_t header_bytes = out.size();
  ASSERT_TRUE((*encoder)->encode(few, &out).ok());
  EXPECT_EQ(out.size(), header_bytes);  // still less than a 20 ms frame
  ASSERT_TRUE((*encoder)->finish(&out).ok());
  EXPECT_GT(out.size(), header_bytes);
}

// The lengths of the ADTS frames that exactly tile `bytes`; empty if they do
// not (a missing sync word, or a frame running past the end).
std::vector<size_t> adts_frames(std::string_view bytes) {
  std::vector<size_t> frames;
  size_t at = 0;
  while (at < bytes.size()) {
    if (bytes.size() - at < 7) return {};
    const auto b = [&](size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
    if (b(0) != 0xFF || (b(1) & 0xF6) != 0xF0) return {};  // sync word, layer 0
    const size_t length = ((b(3) & 3u) << 11) | (b(4) << 3) | (b(5) >> 5);
    if (length < 7 || at + length > bytes.size()) return {};
    frames.push_back(length);
    at += length;
  }
  return frames;
}

class AacRate : public ::testing::TestWithParam<int> {};

TEST_P(AacRate, AdtsStreamDecodesToTheInputLengthPlusPrimingAndPadding) {
  const int rate = GetParam();
  const auto pcm = speech_like(rate, 1.5);
  const std::string bytes = encode_all({AudioFormat::kAac, rate, 64}, pcm);
  EXPECT_FALSE(adts_frames(bytes).empty()) << "not a sequence of whole ADTS frames";
  TempFile file(bytes, ".aac");
  const auto decoded = ffmpeg_decode(file.path());
  EXPECT_EQ(decoded.errors, "");
  EXPECT_EQ(decoded.codec, "aac");
  EXPECT_EQ(decoded.sample_rate_hz, rate);
  EXPECT_EQ(decoded.channels, 1);
  // 1024 samples of encoder priming and at most a frame of padding besides the
  // last one's: ADTS cannot say to trim them.
  EXPECT_GE(decoded.samples.size(), pcm.size());
  EXPECT_LE(decoded.samples.size(), pcm.size() + 3 * 1024);
  const double in_rms = test_util::rms<int16_t>(pcm);
  const double out_rms = test_util::rms<int16_t>(decoded.samples);
  EXPECT_NEAR(out_rms / in_rms, 1.0, 0.25) << "the audio, not silence or noise, came through";
}

INSTANTIATE_TEST_SUITE_P(AllRates, AacRate, ::testing::ValuesIn(kSampleRates));

TEST(AacEncoder, EveryEncodeCallEmitsWholeAdtsFramesSoTheStreamPlaysAsItArrives) {
  auto encoder = make_encoder({AudioFormat::kAac, 24000, 64});
  ASSERT_TRUE(encoder.ok()) << encoder.status().to_string();
  const auto pcm = speech_like(24000, 2.0);
  std::string whole;
  int calls_with_audio = 0;
  for (size_t i = 0; i < pcm.size(); i += 2400) {  // 100 ms pushes, as the pipeline sends them
    std::string piece;
    ASSERT_TRUE((*encoder)->encode(std::span(pcm).subspan(i, std::min<size_t>(2400, pcm.size() - i)), &piece).ok());
    if (!piece.empty()) {
      ++calls_with_audio;
      EXPECT_FALSE(adts_frames(piece).empty()) << "piece " << i / 2400 << " is not whole ADTS frames";
    }
    whole += piece;
  }
  EXPECT_GE(calls_with_audio, 15) << "frames leave as they are encoded, not all at the end";
  std::string tail;
  ASSERT_TRUE((*encoder)->finish(&tail).ok());
  EXPECT_FALSE(adts_frames(tail).empty());
  whole += tail;
  TempFile file(whole, ".aac");
  EXPECT_EQ(ffmpeg_decode(file.path()).errors, "");
}

TEST(AacEncoder, BitRateIsCappedAtWhatAFrameCanCarry) {
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kAac, 24000, 64}), 64);
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kAac, 24000, 510}), 144);
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kAac, 8000, 128}), 48);
  EXPECT_EQ(effective_bit_rate_kbps({AudioFormat::kFlac, 24000, 128}), 0);
}

class FlacRate : public ::testing::TestWithParam<int> {};

TEST_P(FlacRate, DecodesToExactlyTheInput) {
  const int rate = GetParam();
  const auto pcm = speech_like(rate, 1.2345);  // not a whole number of blocks
  const std::string bytes = encode_all({AudioFormat::kFlac, rate, 128}, pcm);
  EXPECT_EQ(bytes.substr(0, 4), "fLaC");
  TempFile file(bytes, ".flac");
  const auto decoded = ffmpeg_decode(file.path());
  EXPECT_EQ(decoded.errors, "");
  EXPECT_EQ(decoded.codec, "flac");
  EXPECT_EQ(decoded.sample_rate_hz, rate);
  EXPECT_EQ(decoded.channels, 1);
  EXPECT_EQ(decoded.samples, pcm) << "lossless";
}

INSTANTIATE_TEST_SUITE_P(AllRates, FlacRate, ::testing::ValuesIn(kSampleRates));

TEST(FlacEncoder, HeaderComesWithTheFirstCallAndBlocksLeaveAsTheyFill) {
  auto encoder = make_encoder({AudioFormat::kFlac, 24000, 128});
  ASSERT_TRUE(encoder.ok()) << encoder.status().to_string();
  std::string out;
  const int16_t few[10] = {};
  ASSERT_TRUE((*encoder)->encode(few, &out).ok());
  EXPECT_EQ(out.substr(0, 4), "fLaC");
  const size_t header_bytes = out.size();
  EXPECT_GE(header_bytes, 4u + 38u);  // marker + STREAMINFO block
  const auto pcm = speech_like(24000, 1.0);
  ASSERT_TRUE((*encoder)->encode(pcm, &out).ok());
  EXPECT_GT(out.size(), header_bytes) << "full 4096-sample blocks are written before finish()";
  ASSERT_TRUE((*encoder)->finish(&out).ok());
  TempFile file(out, ".flac");
  const auto decoded = ffmpeg_decode(file.path());
  EXPECT_EQ(decoded.errors, "");
  EXPECT_EQ(decoded.samples.size(), pcm.size() + 10);
}

TEST(EncoderConfig, EveryFormatHasAWireNameAndOnlyTheVendorsAreDashScopeFormats) {
  for (AudioFormat f : kAllFormats) EXPECT_EQ(parse_format(format_name(f)), f);
  EXPECT_EQ(parse_format("FLAC"), AudioFormat::kFlac);
  EXPECT_EQ(content_type(AudioFormat::kAac), "audio/aac");
  EXPECT_EQ(content_type(AudioFormat::kFlac), "audio/flac");
  EXPECT_FALSE(is_dashscope_format(AudioFormat::kAac));
  EXPECT_FALSE(is_dashscope_format(AudioFormat::kFlac));
  EXPECT_TRUE(is_dashscope_format(AudioFormat::kOpus));
}

}  // namespace
}  // namespace voxwire::audio

// Helpers that look at the audio a realtime response delivered.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <boost/json.hpp>

namespace voxwire::testing {

// The bytes of every response.audio.delta in events, in order.
std::string audio_bytes(const std::vector<boost::json::object>& events);
// Decodes s16le mono PCM.
std::vector<int16_t> pcm_samples(const std::string& bytes);
double rms(const std::vector<int16_t>& pcm);
// Seconds of audio whose short-term (20 ms) RMS is above a speech threshold.
double voiced_seconds(const std::vector<int16_t>& pcm, int sample_rate_hz);
// The `type` of each event, in order.
std::vector<std::string> types_of(const std::vector<boost::json::object>& events);
int count_type(const std::vector<boost::json::object>& events, std::string_view type);

}  // namespace voxwire::testing

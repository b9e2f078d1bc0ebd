// customization/voice_names.h: the shapes of custom voice names and times on
// the wire (api-reference §5.1, §6.2, §4; api-reference-cosyvoice §13.3):
// qwen-tts-vd-<name>-voice-<yyyyMMddHHmmss>-<4 hex>, qwen-tts-vc-<name>-voice-
// <yyyyMMddHHmmssSSS>-<4 hex>, <target_model>[-vd]-<prefix>-<32 hex>,
// "YYYY-MM-DD HH:MM:SS" in server local time. Thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "store/voice_store.h"

namespace voxwire::customization {

// Digits, ASCII letters and underscore, 1 to 16 of them.
bool valid_preferred_name(std::string_view name);
// A new voice name for `kind` created at now_ms. REQUIRES: valid_preferred_name.
std::string make_voice_name(store::CustomVoiceKind kind, std::string_view preferred_name, int64_t now_ms);

// CosyVoice's prefix: digits, ASCII letters and underscore, 1 to 10 of them.
bool valid_cosyvoice_prefix(std::string_view prefix);
// A new CosyVoice voice_id: <target_model>-<prefix>-<32 hex> for a clone,
// <target_model>-vd-<prefix>-<32 hex> for a design. REQUIRES: valid_cosyvoice_prefix.
std::string make_cosyvoice_voice_id(store::CustomVoiceKind kind, std::string_view target_model,
                                    std::string_view prefix);
// "2025-12-10 17:04:54" in the server's local time.
std::string format_gmt(int64_t unix_ms);

}  // namespace voxwire::customization

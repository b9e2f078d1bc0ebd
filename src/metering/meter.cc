#include "metering/meter.h"

#include <cmath>

#include "base/log.h"

namespace voxwire::metering {

void Meter::served(std::string_view account, std::string_view model, audio::AudioFormat format,
                   const catalog::ServedUsage& usage, double audio_seconds) {
  metrics_.served(model, audio::format_name(format), audio_seconds, usage.characters);
  record(account, model,
         {.characters = usage.characters,
          .input_tokens = usage.input_tokens,
          .output_tokens = usage.output_tokens,
          .audio_ms = std::llround(audio_seconds * 1000.0)});
}

void Meter::voice_created(std::string_view account, std::string_view customization_model) {
  record(account, customization_model, {.voices_created = 1});
}

void Meter::record(std::string_view account, std::string_view model, const store::Usage& usage) {
  if (Status s = ledger_.record(account, model, clock_.now_ms(), usage); !s.ok()) {
    log::error("usage_not_recorded", {{"account", account}, {"model", model}, {"error", s.to_string()}});
  }
}

}  // namespace voxwire::metering

// server/server_context.h: what every connection needs from the server:
// configuration, API keys, catalogues, stores, services, metrics and
// readiness. Owned by Server; outlives every connection. Its members are
// thread-safe.
#pragma once
#include "auth/api_keys.h"
#include "base/clock.h"
#include "catalog/model_catalog.h"
#include "customization/customization_service.h"
#include "customization/voice_directory.h"
#include "generation/audio_files.h"
#include "generation/generation_service.h"
#include "limits/rate_limiter.h"
#include "limits/session_limiter.h"
#include "metering/meter.h"
#include "metrics/metrics.h"
#include "openai/speech_service.h"
#include "server/readiness.h"
#include "server/server_config.h"
#include "synthesis/synthesis_service.h"

namespace voxwire::server {

struct ServerContext {
  ServerConfig config;
  auth::ApiKeys keys;
  const Clock& clock;
  const catalog::ModelCatalog& models;
  synthesis::SynthesisService& synthesis;
  customization::VoiceDirectory& voices;
  customization::CustomizationService& customization;
  generation::AudioFiles& audio_files;
  generation::GenerationService& generation;
  openai::SpeechService& openai_speech;
  limits::RateLimiter& rate_limiter;
  limits::SessionLimiter& session_limiter;
  metering::Meter& meter;
  metrics::Metrics& metrics;
  const Readiness& readiness;

  // Requests per minute allowed per key for `model` (a realtime, HTTP,
  // CosyVoice/Sambert or customization model name); 0 = unlimited (limits off, or no such model).
  int rpm_limit(std::string_view model) const;
};

}  // namespace voxwire::server

// server/server_context.h: what every connection needs from the server:
// configuration, API keys, model catalogue and the synthesis service.
// Owned by Server; outlives every connection. Its members are thread-safe.
#pragma once
#include "auth/api_keys.h"
#include "catalog/model_catalog.h"
#include "server/server_config.h"
#include "synthesis/synthesis_service.h"

namespace voxwire::server {

struct ServerContext {
  ServerConfig config;
  auth::ApiKeys keys;
  const catalog::ModelCatalog& models;
  synthesis::SynthesisService& synthesis;
};

}  // namespace voxwire::server

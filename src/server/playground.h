// server/playground.h: the playground, a web page for trying voices (GET /):
// its files (web/, compiled in) and the catalogue its menus are built from
// (GET /playground/catalog.json: the realtime models with their voices,
// formats, sample rates, languages and controls; the system voices with their
// descriptions; the models designed and cloned voices can be made for). No
// API key is needed for these; the page asks for one and sends it with each
// API call. Pure, thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "catalog/model_catalog.h"

namespace voxwire::server {

struct PlaygroundFile {
  std::string_view content_type;
  std::string body;
};

// The file served at `path`, or nullopt if the playground has none there.
std::optional<PlaygroundFile> playground_file(std::string_view path, const catalog::ModelCatalog& models);

}  // namespace voxwire::server

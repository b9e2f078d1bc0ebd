#include "server/server_context.h"

#include "customization/cosyvoice_enrollment.h"
#include "inference/inference_catalog.h"

namespace voxwire::server {

int ServerContext::rpm_limit(std::string_view model) const {
  if (!config.rate_limits || model.empty()) return 0;
  const catalog::ModelInfo* info = models.find_model(model, catalog::Surface::kRealtime);
  if (info == nullptr) info = models.find_model(model, catalog::Surface::kHttp);
  if (info == nullptr && catalog::find_customization_model(model) == nullptr &&
      model != customization::kCosyVoiceEnrollment && inference::find_inference_model(model) == nullptr) {
    return 0;
  }
  if (config.rpm > 0) return config.rpm;
  return info != nullptr && info->rpm_limit > 0 ? info->rpm_limit : config.default_rpm;
}

}  // namespace voxwire::server

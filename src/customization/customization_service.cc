#include "customization/customization_service.h"

#include "customization/request_fields.h"

namespace voxwire::customization {

namespace json = boost::json;

CustomizationService::CustomizationService(store::VoiceStore& store, const catalog::ModelCatalog& models,
                                           synthesis::SynthesisService& synthesis, metering::Meter& meter,
                                           const Clock& clock, CustomizationConfig config)
    : creation_(store, synthesis, meter, clock, config), qwen_(creation_, models), cosyvoice_(creation_) {}

void CustomizationService::handle(const auth::Caller& caller, const json::object& body,
                                  std::function<void(ApiReply)> done) {
  const json::value* model_value = body.if_contains("model");
  if (!model_value || model_value->is_null()) return done(ApiReply::error(ApiError::missing_model()));
  if (!model_value->is_string()) return done(ApiReply::error(ApiError::invalid_parameter("'model' must be a string.")));
  const std::string_view model = model_value->as_string();
  const catalog::CustomizationModel* qwen_product = catalog::find_customization_model(model);
  if (!qwen_product && model != kCosyVoiceEnrollment) return done(ApiReply::error(ApiError::model_not_found(model)));
  const json::value* input = body.if_contains("input");
  if (!input || input->is_null()) return done(ApiReply::error(ApiError::missing_input()));
  if (!input->is_object()) return done(ApiReply::error(ApiError::invalid_parameter("'input' must be an object.")));
  const json::object& parameters = object_or_empty(body, "parameters");
  if (qwen_product) return qwen_.handle(caller, *qwen_product, input->as_object(), parameters, std::move(done));
  cosyvoice_.handle(caller, input->as_object(), parameters, std::move(done));
}

}  // namespace voxwire::customization

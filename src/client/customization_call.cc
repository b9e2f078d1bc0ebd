#include "client/customization_call.h"

#include <boost/json.hpp>

#include "client/api_error_text.h"
#include "client/http_post.h"

namespace voxwire::client {

// Creating a voice analyses a recording or synthesizes a preview; allow for a busy server.
constexpr std::chrono::seconds kCustomizationTimeout{120};

Result<boost::json::object> call_customization(const ServerUrl& server, const std::string& api_key,
                                               std::string_view product, boost::json::object input,
                                               boost::json::object parameters) {
  boost::json::object body{{"model", product}, {"input", std::move(input)}, {"parameters", std::move(parameters)}};
  auto reply = post_json(server, "/api/v1/services/audio/tts/customization", api_key,
                         boost::json::serialize(body), kCustomizationTimeout);
  if (!reply.ok()) return reply.status();
  if (reply->status != 200) return Status(status_code_for_http(reply->status), describe_http_error(reply->status, reply->body));
  boost::system::error_code error;
  boost::json::value answer = boost::json::parse(reply->body, error);
  if (error || !answer.is_object()) return Status::internal("the server's answer is not a JSON object");
  return std::move(answer.as_object());
}

}  // namespace voxwire::client

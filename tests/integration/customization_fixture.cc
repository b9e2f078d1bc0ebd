#include "integration/customization_fixture.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/base64.h"
#include "support/http_client.h"

namespace voxwire::testing {

namespace json = boost::json;

JsonReply post_customization(const TestServer& server, const json::object& body, const std::string& key,
                             const std::string& workspace) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"}};
  if (!key.empty()) headers.emplace_back("Authorization", "Bearer " + key);
  if (!workspace.empty()) headers.emplace_back("X-DashScope-WorkSpace", workspace);
  return post_customization_text(server, json::serialize(body), headers);
}

JsonReply post_customization_text(const TestServer& server, const std::string& body,
                                  const std::vector<std::pair<std::string, std::string>>& headers) {
  HttpResult r = http_request(server.port(), "POST", kCustomizationPath, headers, body);
  JsonReply reply;
  reply.status = r.status;
  boost::system::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (!ec && v.is_object()) reply.body = v.as_object();
  return reply;
}

json::object design_request(json::object input_overrides, json::object parameters) {
  json::object input{{"action", "create"},
                     {"target_model", kDesignModel},
                     {"voice_prompt", "沉稳的中年男性播音员，音色低沉浑厚，富有磁性，语速平稳。"},
                     {"preview_text", "各位听众朋友们，大家好，欢迎收听今天的节目。"},
                     {"preferred_name", "announcer"},
                     {"language", "zh"}};
  for (auto& [k, v] : input_overrides) input[k] = v;
  json::object body{{"model", "qwen-voice-design"}, {"input", input}};
  if (!parameters.empty()) body["parameters"] = parameters;
  return body;
}

json::object clone_request(const std::string& audio_data, json::object input_overrides) {
  json::object input{{"action", "create"},
                     {"target_model", kCloneModel},
                     {"preferred_name", "reader"},
                     {"audio", json::object{{"data", audio_data}}},
                     {"language", "en"}};
  for (auto& [k, v] : input_overrides) input[k] = v;
  return json::object{{"model", "qwen-voice-enrollment"}, {"input", input}};
}

std::string reference_recording_wav(const std::string& sox_effects) {
  const std::string dir = "/usr/share/pocketsphinx/test/data/librivox/";
  const std::string out =
      (std::filesystem::temp_directory_path() / ("voxwire-ref-" + std::to_string(::getpid()) + ".wav")).string();
  std::string command = "sox " + dir + "sense_and_sensibility_01_austen_64kb-0870.wav " + dir +
                        "sense_and_sensibility_01_austen_64kb-0920.wav " + dir +
                        "sense_and_sensibility_01_austen_64kb-0890.wav " + out + " " + sox_effects + " 2>/dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream in(out, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(out);
  return bytes;
}

std::string data_uri(const std::string& media_type, const std::string& bytes) {
  return "data:" + media_type + ";base64," + base64::encode(bytes);
}

}  // namespace voxwire::testing

// libFuzzer target: the realtime protocol's client events. The input is split
// at newlines into text frames fed to one Session (the state machine and
// session.update validation behind it); synthesis requests are recorded, not
// run. Nothing may crash, and every reply must be a JSON event with a type.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalog/model_catalog.h"
#include "realtime/session.h"

namespace {

using namespace voxwire;

class RecordingHost final : public realtime::SessionHost {
 public:
  void send(boost::json::object event, uint64_t, std::size_t) override {
    if (!event.contains("type") || !event.at("type").is_string()) std::abort();
  }
  void start_job(uint64_t job_id, synthesis::SynthesisSpec) override { last_job = job_id; }
  void cancel_job(uint64_t) override {}
  void close(uint16_t, std::string) override { closed = true; }
  void served(const catalog::ServedUsage&, double, audio::AudioFormat) override {}
  void first_audio(std::chrono::steady_clock::duration) override {}
  void error_sent(std::string_view) override {}
  uint64_t last_job = 0;
  bool closed = false;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const catalog::ModelInfo* model =
      catalog::ModelCatalog::defaults().find_model("qwen3-tts-flash-realtime", catalog::Surface::kRealtime);
  RecordingHost host;
  realtime::Session session(host, *model, [](std::string_view voice) -> Result<VoiceProfile> {
    const SystemVoice* found = catalog::accepted_system_voice(*model, voice);
    if (found == nullptr) return Status::invalid_argument("unknown voice", "session.voice");
    return found->profile;
  });
  session.start();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty() && !host.closed) {
    const std::size_t end = input.find('\n');
    session.on_text_frame(input.substr(0, end));
    if (host.last_job != 0) {  // the job "finishes" at once, with no audio
      session.on_job_done(host.last_job, Status(), {});
      host.last_job = 0;
    }
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + 1);
  }
  return 0;
}

// client/client_commands.h: the command-line client's subcommands (`say`,
// `voices`) on the voxwire CLI::App, and running the one that was parsed.
// Used by main.cc only; not thread-safe.
#pragma once
#include <memory>
#include <optional>

namespace CLI {
class App;
}

namespace voxwire::client {

class ClientCommands {
 public:
  // Adds `say` and `voices …` to `app`; the options land in this object,
  // which must outlive parsing.
  explicit ClientCommands(CLI::App& app);
  ~ClientCommands();

  // After parsing: the exit code of the client command that was chosen, or
  // nullopt when another subcommand (serve, keys, …) was.
  std::optional<int> run_parsed();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace voxwire::client

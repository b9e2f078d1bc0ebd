// auth/api_keys.h: checks the `Authorization: Bearer <key>` header against the
// API keys: those configured (flag, environment, file), whose account derives
// from the key, and those managed with `voxwire keys` (looked up on every
// request, so creation and revocation take effect at once). A server with no
// key of either kind at start-up is "open": any non-empty key is accepted
// (it then listens on loopback only). Safe for concurrent use.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace voxwire::auth {

// Who a request is from: the account owning its key, and the workspace
// (X-DashScope-WorkSpace) within it. Custom voices and quotas are scoped by it.
struct Caller {
  std::string account;    // "acct_" + 16 hex digits of SHA-256(key): stable, never the key itself
  std::string workspace;  // may be empty
};

// The account a key belongs to: "acct_" + 16 hex digits of its SHA-256.
std::string account_of(std::string_view key);

// The account of a managed key that is valid now, nullopt for any other
// secret. Must be thread-safe.
using StoredKeyLookup = std::function<std::optional<std::string>(std::string_view secret)>;

class ApiKeys {
 public:
  // Configured keys only; open when there are none.
  explicit ApiKeys(std::vector<std::string> keys);
  // Configured keys, managed keys, and whether to accept any key.
  ApiKeys(std::vector<std::string> keys, StoredKeyLookup stored, bool open);

  bool open() const { return open_; }

  // The key carried by an Authorization header value ("Bearer <key>", scheme
  // case-insensitive), or empty if the header is missing or malformed.
  static std::string_view bearer_token(std::string_view authorization);

  // Ok if the header carries an accepted key; Unauthenticated otherwise.
  Status check(std::string_view authorization) const;

  // The caller of a request with these Authorization and
  // X-DashScope-WorkSpace header values. Unauthenticated as check();
  // InvalidArgument for a workspace longer than 64 characters or outside
  // [A-Za-z0-9_-].
  Result<Caller> authenticate(std::string_view authorization, std::string_view workspace) const;

 private:
  // The account of an accepted key, nullopt if it is refused.
  std::optional<std::string> account_for(std::string_view token) const;

  std::vector<std::string> keys_;
  StoredKeyLookup stored_;
  bool open_;
};

}  // namespace voxwire::auth

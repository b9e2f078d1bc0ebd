// auth/api_keys.h: checks the `Authorization: Bearer <key>` header against the
// configured API keys. With no keys configured the server is "open": any
// non-empty key is accepted (the server then listens on loopback only).
// Immutable after construction: safe for concurrent use.
#pragma once
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

class ApiKeys {
 public:
  explicit ApiKeys(std::vector<std::string> keys);

  bool open() const { return keys_.empty(); }
  std::size_t size() const { return keys_.size(); }

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
  std::vector<std::string> keys_;
};

}  // namespace voxwire::auth

#include "auth/api_keys.h"

#include <cctype>

#include "auth/crypto.h"

namespace voxwire::auth {
namespace {

// Compares without an early exit, so timing does not reveal how much matched.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return diff == 0 && !b.empty();
}

bool valid_workspace(std::string_view w) {
  if (w.size() > 64) return false;
  for (char c : w) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace

std::string account_of(std::string_view key) { return "acct_" + sha256_hex(key).substr(0, 16); }

ApiKeys::ApiKeys(std::vector<std::string> keys) : keys_(std::move(keys)), open_(keys_.empty()) {}

ApiKeys::ApiKeys(std::vector<std::string> keys, StoredKeyLookup stored, bool open)
    : keys_(std::move(keys)), stored_(std::move(stored)), open_(open) {}

std::optional<std::string> ApiKeys::account_for(std::string_view token) const {
  if (token.empty()) return std::nullopt;
  bool configured = false;
  for (const std::string& key : keys_) configured |= same_secret(token, key);
  if (configured) return account_of(token);
  if (stored_) {
    if (std::optional<std::string> account = stored_(token)) return account;
  }
  if (open_) return account_of(token);
  return std::nullopt;
}

std::string_view ApiKeys::bearer_token(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size()) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return {};
  }
  std::string_view rest = authorization.substr(kScheme.size());
  if (rest.front() != ' ') return {};
  std::size_t begin = rest.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  std::size_t end = rest.find_last_not_of(" \t");
  return rest.substr(begin, end - begin + 1);
}

Status ApiKeys::check(std::string_view authorization) const {
  if (!account_for(bearer_token(authorization))) return Status(StatusCode::kUnauthenticated, "Invalid API-key provided.");
  return Status();
}

Result<Caller> ApiKeys::authenticate(std::string_view authorization, std::string_view workspace) const {
  std::optional<std::string> account = account_for(bearer_token(authorization));
  if (!account) return Status(StatusCode::kUnauthenticated, "Invalid API-key provided.");
  if (!valid_workspace(workspace)) {
    return Status::invalid_argument("X-DashScope-WorkSpace must be at most 64 letters, digits, '_' or '-'.",
                                    "X-DashScope-WorkSpace");
  }
  return Caller{std::move(*account), std::string(workspace)};
}

}  // namespace voxwire::auth

#include "limits/session_limiter.h"

namespace voxwire::limits {

std::optional<SessionLimiter::Ticket> SessionLimiter::acquire(std::string_view account) {
  std::lock_guard<std::mutex> lock(mutex_);
  int& active = active_[std::string(account)];
  if (max_per_account_ > 0 && active >= max_per_account_) {
    if (active == 0) active_.erase(std::string(account));
    return std::nullopt;
  }
  ++active;
  return Ticket(this, std::string(account));
}

int SessionLimiter::active(std::string_view account) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = active_.find(std::string(account));
  return it == active_.end() ? 0 : it->second;
}

void SessionLimiter::release(const std::string& account) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = active_.find(account);
  if (it != active_.end() && --it->second == 0) active_.erase(it);
}

}  // namespace voxwire::limits

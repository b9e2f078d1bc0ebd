// limits/session_limiter.h: a cap on the concurrent realtime sessions of one
// account, so a single key cannot occupy every synthesis worker. A Ticket
// holds one place until it is destroyed. Thread-safe.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace voxwire::limits {

class SessionLimiter {
 public:
  // max_per_account <= 0 means unlimited.
  explicit SessionLimiter(int max_per_account) : max_per_account_(max_per_account) {}

  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept
        : owner_(std::exchange(other.owner_, nullptr)), account_(std::move(other.account_)) {}
    Ticket& operator=(Ticket&&) = delete;
    Ticket(const Ticket&) = delete;
    ~Ticket() {
      if (owner_ != nullptr) owner_->release(account_);
    }

   private:
    friend class SessionLimiter;
    Ticket(SessionLimiter* owner, std::string account) : owner_(owner), account_(std::move(account)) {}
    SessionLimiter* owner_;
    std::string account_;
  };

  // A place for one more session of `account`, or nullopt at the cap.
  // REQUIRES: the limiter outlives the ticket.
  std::optional<Ticket> acquire(std::string_view account);
  int active(std::string_view account) const;
  int max_per_account() const { return max_per_account_; }

 private:
  void release(const std::string& account);

  const int max_per_account_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, int> active_;  // GUARDED_BY(mutex_); accounts with >= 1 session
};

}  // namespace voxwire::limits

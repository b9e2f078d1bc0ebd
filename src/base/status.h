// base/status.h: an error as a value (code, message, and the offending field).
// Status is cheap to copy when ok(); callers write `if (!s.ok()) return s;`.
// Thread-compatible: distinct objects may be used from distinct threads.
#pragma once
#include <string>
#include <string_view>

namespace voxwire {

enum class StatusCode {
  kOk,
  kInvalidArgument,    // a client-supplied value is wrong (field() names it)
  kNotFound,           // a named thing (voice, model, file) does not exist
  kAlreadyExists,      // a thing of that name exists
  kNotSupported,       // valid request the chosen model/format cannot serve
  kUnauthenticated,    // missing or unknown API key
  kPermissionDenied,   // key not allowed to do this
  kResourceExhausted,  // rate limit, quota, buffer cap
  kCancelled,          // stopped on request (cancel, disconnect)
  kUnavailable,        // overloaded or shutting down
  kDeadlineExceeded,   // timed out
  kInternal,           // a bug or a library failure
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status ok_status() { return Status(); }
  static Status invalid_argument(std::string message, std::string field = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
  }
  static Status not_found(std::string message, std::string field = {}) {
    return Status(StatusCode::kNotFound, std::move(message), std::move(field));
  }
  static Status not_supported(std::string message, std::string field = {}) {
    return Status(StatusCode::kNotSupported, std::move(message), std::move(field));
  }
  static Status cancelled(std::string message = "cancelled") {
    return Status(StatusCode::kCancelled, std::move(message));
  }
  static Status resource_exhausted(std::string message, std::string field = {}) {
    return Status(StatusCode::kResourceExhausted, std::move(message), std::move(field));
  }
  static Status internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The request field at fault, in the wire protocol's spelling (e.g.
  // "session.voice"); empty when no single field is to blame.
  const std::string& field() const { return field_; }
  // "InvalidArgument: <message> [field]" for logs.
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

std::string_view status_code_name(StatusCode code);

}  // namespace voxwire

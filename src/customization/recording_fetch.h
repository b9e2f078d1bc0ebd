// customization/recording_fetch.h: downloads a cloning recording from an
// http(s) URL (api-reference §6.2 `input.audio.data` as a URL) with a time
// limit, a size cap, at most 3 redirects, and — unless allowed — no requests
// to loopback, private, link-local or otherwise non-public addresses (the
// address checked is the one connected to). Blocking; call it off the
// network threads. Thread-safe.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace voxwire::customization {

struct FetchLimits {
  std::size_t max_bytes = 10u << 20;
  int timeout_ms = 10000;        // for the whole download, redirects included
  bool allow_private = false;    // permit loopback/private/link-local hosts
};

// The body of a 200 response. InvalidArgument (field "input.audio.data") for
// a malformed or non-http(s) URL, a forbidden address, a non-200 status or a
// body over the cap; DeadlineExceeded on timeout; Unavailable if the host
// cannot be resolved or reached.
Result<std::string> fetch_recording(std::string_view url, const FetchLimits& limits);

// True for addresses a public URL must not reach: loopback, unspecified,
// private (10/8, 172.16/12, 192.168/16, fc00::/7), CGNAT 100.64/10,
// link-local (169.254/16, fe80::/10), multicast and broadcast.
bool is_non_public_address(std::string_view ip);

}  // namespace voxwire::customization

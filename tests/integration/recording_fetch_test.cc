#include <gtest/gtest.h>

#include "customization/recording_fetch.h"

#include "support/canned_http_server.h"

namespace voxwire::customization {
namespace {

using testing::CannedHttpServer;
using testing::ok_response;

FetchLimits loopback_allowed() {
  FetchLimits limits;
  limits.allow_private = true;
  limits.timeout_ms = 1000;
  return limits;
}

TEST(RecordingFetch, DownloadsAndFollowsRedirects) {
  CannedHttpServer target({ok_response("RIFFdata")});
  CannedHttpServer redirecting({"HTTP/1.1 302 Found\r\nLocation: " + target.url() +
                            "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"});
  auto body = fetch_recording(redirecting.url(), loopback_allowed());
  ASSERT_TRUE(body.ok()) << body.status().to_string();
  EXPECT_EQ(*body, "RIFFdata");
}

TEST(RecordingFetch, RefusesPrivateAddressesUnlessAllowed) {
  CannedHttpServer server({ok_response("x")});
  auto refused = fetch_recording(server.url(), FetchLimits{});
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "input.audio.data");
  EXPECT_TRUE(is_non_public_address("127.0.0.1"));
  EXPECT_TRUE(is_non_public_address("10.1.2.3"));
  EXPECT_TRUE(is_non_public_address("172.20.0.1"));
  EXPECT_TRUE(is_non_public_address("192.168.1.1"));
  EXPECT_TRUE(is_non_public_address("169.254.169.254"));
  EXPECT_TRUE(is_non_public_address("100.64.0.1"));
  EXPECT_TRUE(is_non_public_address("::1"));
  EXPECT_TRUE(is_non_public_address("fe80::1"));
  EXPECT_TRUE(is_non_public_address("fd00::1"));
  EXPECT_TRUE(is_non_public_address("::ffff:127.0.0.1"));
  EXPECT_FALSE(is_non_public_address("93.184.216.34"));
  EXPECT_FALSE(is_non_public_address("2606:2800:220:1::1"));
}

TEST(RecordingFetch, EnforcesSizeTimeAndStatus) {
  FetchLimits small = loopback_allowed();
  small.max_bytes = 4;
  CannedHttpServer big({ok_response("0123456789")});
  EXPECT_EQ(fetch_recording(big.url(), small).status().code(), StatusCode::kInvalidArgument);
  CannedHttpServer silent({""});
  EXPECT_EQ(fetch_recording(silent.url(), loopback_allowed()).status().code(), StatusCode::kDeadlineExceeded);
  CannedHttpServer missing({"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"});
  EXPECT_EQ(fetch_recording(missing.url(), loopback_allowed()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(fetch_recording("ftp://example.com/a.wav", loopback_allowed()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(fetch_recording("http://user@host/a", loopback_allowed()).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace voxwire::customization

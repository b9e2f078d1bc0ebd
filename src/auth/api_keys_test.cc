#include "auth/api_keys.h"

#include <gtest/gtest.h>

namespace voxwire::auth {
namespace {

TEST(ApiKeys, ParsesBearerHeaders) {
  EXPECT_EQ(ApiKeys::bearer_token("Bearer sk-123"), "sk-123");
  EXPECT_EQ(ApiKeys::bearer_token("bearer  sk-123 "), "sk-123");
  EXPECT_EQ(ApiKeys::bearer_token("Basic abc"), "");
  EXPECT_EQ(ApiKeys::bearer_token("Bearer"), "");
  EXPECT_EQ(ApiKeys::bearer_token("Bearer "), "");
  EXPECT_EQ(ApiKeys::bearer_token(""), "");
}

TEST(ApiKeys, ConfiguredKeysAreTheOnlyOnesAccepted) {
  ApiKeys keys({"sk-alpha", "sk-beta"});
  EXPECT_TRUE(keys.check("Bearer sk-alpha").ok());
  EXPECT_TRUE(keys.check("Bearer sk-beta").ok());
  EXPECT_EQ(keys.check("Bearer sk-alph").code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(keys.check("Bearer sk-alphaa").code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(keys.check("").code(), StatusCode::kUnauthenticated);
}

TEST(ApiKeys, OpenServerAcceptsAnyKeyButNotNone) {
  ApiKeys keys({});
  EXPECT_TRUE(keys.open());
  EXPECT_TRUE(keys.check("Bearer anything").ok());
  EXPECT_EQ(keys.check("").code(), StatusCode::kUnauthenticated);
}

TEST(ApiKeys, CallersAreStableOpaqueAccountsWithAWorkspace) {
  ApiKeys keys({"sk-alpha", "sk-beta"});
  auto a = keys.authenticate("Bearer sk-alpha", "");
  auto a2 = keys.authenticate("Bearer sk-alpha", "ws_1");
  auto b = keys.authenticate("Bearer sk-beta", "");
  ASSERT_TRUE(a.ok() && a2.ok() && b.ok());
  EXPECT_EQ(a->account, a2->account);
  EXPECT_NE(a->account, b->account);
  EXPECT_EQ(a->account.size(), 21u);
  EXPECT_EQ(a->account.find("alpha"), std::string::npos);
  EXPECT_EQ(a2->workspace, "ws_1");
  EXPECT_EQ(keys.authenticate("Bearer sk-gamma", "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(keys.authenticate("Bearer sk-alpha", "bad workspace!").status().code(), StatusCode::kInvalidArgument);
}

TEST(ApiKeys, ManagedKeysResolveToTheirStoredAccount) {
  const ApiKeys keys({"sk-configured"},
                     [](std::string_view secret) -> std::optional<std::string> {
                       if (secret == "sk-managed") return std::string("acct_shared000000000");
                       return std::nullopt;
                     },
                     /*open=*/false);
  auto managed = keys.authenticate("Bearer sk-managed", "ws1");
  ASSERT_TRUE(managed.ok());
  EXPECT_EQ(managed->account, "acct_shared000000000");
  EXPECT_EQ(managed->workspace, "ws1");
  EXPECT_EQ(keys.authenticate("Bearer sk-configured", "")->account, account_of("sk-configured"));
  EXPECT_EQ(keys.authenticate("Bearer sk-unknown", "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(keys.authenticate("", "").status().code(), StatusCode::kUnauthenticated);
}

TEST(ApiKeys, AnOpenServerStillGivesManagedKeysTheirAccount) {
  const ApiKeys keys({}, [](std::string_view secret) -> std::optional<std::string> {
    if (secret == "sk-managed") return std::string("acct_shared000000000");
    return std::nullopt;
  }, /*open=*/true);
  EXPECT_EQ(keys.authenticate("Bearer sk-managed", "")->account, "acct_shared000000000");
  EXPECT_EQ(keys.authenticate("Bearer sk-anything", "")->account, account_of("sk-anything"));
}

}  // namespace
}  // namespace voxwire::auth

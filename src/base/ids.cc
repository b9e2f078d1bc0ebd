#include "base/ids.h"

#include <random>

namespace voxwire::ids {
namespace {

std::mt19937_64& generator() {
  thread_local std::mt19937_64 gen = [] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }();
  return gen;
}

std::string random_chars(std::string_view alphabet, int n) {
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string s;
  s.reserve(n);
  for (int i = 0; i < n; ++i) s += alphabet[pick(generator())];
  return s;
}

constexpr std::string_view kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kHex = "0123456789abcdef";

}  // namespace

std::string prefixed(std::string_view prefix) {
  std::string s(prefix);
  s += '_';
  s += random_chars(kAlnum, 21);
  return s;
}

std::string hex(int n) { return random_chars(kHex, n); }

std::string uuid() {
  std::string h = hex(32);
  h[12] = '4';
  h[16] = kHex[8 + (h[16] % 4)];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

}  // namespace voxwire::ids

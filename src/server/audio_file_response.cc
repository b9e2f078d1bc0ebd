#include "server/audio_file_response.h"

#include <filesystem>
#include <fstream>

#include "server/request_target.h"

namespace voxwire::server {

namespace http = boost::beast::http;

namespace {

// "bytes=a-b", "bytes=a-", "bytes=-n" against `size`: [first, last] or false.
bool parse_range(std::string_view header, uint64_t size, uint64_t* first, uint64_t* last) {
  if (!header.starts_with("bytes=") || size == 0) return false;
  header.remove_prefix(6);
  if (header.find(',') != std::string_view::npos) return false;  // one range only
  std::size_t dash = header.find('-');
  if (dash == std::string_view::npos) return false;
  auto number = [](std::string_view s, uint64_t* out) {
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
    *out = std::stoull(std::string(s));
    return true;
  };
  std::string_view a = header.substr(0, dash), b = header.substr(dash + 1);
  if (a.empty()) {  // suffix: the last n bytes
    uint64_t n = 0;
    if (!number(b, &n) || n == 0) return false;
    *first = n >= size ? 0 : size - n;
    *last = size - 1;
    return true;
  }
  if (!number(a, first) || *first >= size) return false;
  if (b.empty()) {
    *last = size - 1;
  } else if (!number(b, last) || *last < *first) {
    return false;
  }
  *last = std::min(*last, size - 1);
  return true;
}

}  // namespace

AudioFileAnswer audio_file_response(const http::request<http::string_body>& request,
                                    const generation::AudioFiles& files) {
  const bool keep_alive = request.keep_alive();
  RequestTarget target = split_target(request.target());
  std::string_view name = target.path.substr(std::string_view("/files/").size());
  auto expires = query_param(target.query, "Expires");
  auto signature = query_param(target.query, "Signature");
  auto file = files.resolve(name, expires.value_or(""), signature.value_or(""));
  if (!file.ok()) {
    if (file.status().code() == StatusCode::kDeadlineExceeded) {
      return ApiError{403, "AccessDenied", "The audio URL has expired."};
    }
    return ApiError{404, "NotFound", "No such audio file."};
  }
  std::error_code ec;
  uint64_t size = std::filesystem::file_size(file->path, ec);
  if (ec) return ApiError{404, "NotFound", "No such audio file."};

  http::response<http::string_body> res{http::status::ok, request.version()};
  res.set(http::field::server, "voxwire");
  res.set(http::field::content_type, "audio/wav");
  res.set(http::field::accept_ranges, "bytes");
  res.keep_alive(keep_alive);
  uint64_t first = 0, last = size == 0 ? 0 : size - 1;
  std::string_view range = request[http::field::range];
  if (!range.empty()) {
    if (!parse_range(range, size, &first, &last)) {
      res.result(http::status::range_not_satisfiable);
      res.set(http::field::content_range, "bytes */" + std::to_string(size));
      res.prepare_payload();
      return res;
    }
    res.result(http::status::partial_content);
    res.set(http::field::content_range,
            "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size));
  }
  const uint64_t length = size == 0 ? 0 : last - first + 1;
  if (request.method() == http::verb::head) {
    res.content_length(length);
    return res;
  }
  std::string body(length, '\0');
  std::ifstream in(file->path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(first));
  in.read(body.data(), static_cast<std::streamsize>(length));
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

}  // namespace voxwire::server

// server/audio_file_response.h: GET/HEAD of a generated audio file URL
// (/files/<name>?Expires=..&Signature=..): the WAV with Content-Type and
// Content-Length, single byte ranges (206, or 416 when unsatisfiable), or the
// error to answer: 404 NotFound for unknown or badly signed names, 403
// AccessDenied once expired. Thread-safe (reads the file system).
#pragma once
#include <variant>

#include <boost/beast/http.hpp>

#include "api/api_error.h"
#include "generation/audio_files.h"

namespace voxwire::server {

using AudioFileAnswer = std::variant<boost::beast::http::response<boost::beast::http::string_body>, ApiError>;

AudioFileAnswer audio_file_response(const boost::beast::http::request<boost::beast::http::string_body>& request,
                                    const generation::AudioFiles& files);

}  // namespace voxwire::server

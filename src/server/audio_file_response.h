// server/audio_file_response.h: GET/HEAD of a generated audio file URL
// (/files/<name>?Expires=..&Signature=..): the WAV with Content-Type and
// Content-Length, single byte ranges (206, or 416 when unsatisfiable), 404
// for unknown or badly signed names, 403 AccessDenied once expired.
// Thread-safe (reads the file system).
#pragma once
#include <boost/beast/http.hpp>

#include "generation/audio_files.h"

namespace voxwire::server {

boost::beast::http::response<boost::beast::http::string_body> audio_file_response(
    const boost::beast::http::request<boost::beast::http::string_body>& request, const generation::AudioFiles& files);

}  // namespace voxwire::server

// ogi/parse.hpp — turning text into a Report.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "ogi/report.hpp"

namespace ogi {

/// Options of parse(). Every field has a default that suits batch use.
///
/// | option          | default   | meaning                                                          |
/// |-----------------|-----------|------------------------------------------------------------------|
/// | encoding        | ""        | "" = detect (valid UTF-8 is taken as is); else an ICU name such as "GB18030" |
/// | strict          | false     | refuse input with invalid byte sequences instead of substituting U+FFFD     |
/// | max_input_bytes | 256 MiB   | larger input is refused with ErrorCode::too_large                |
struct ParseOptions {
  std::string encoding;
  bool strict = false;
  std::size_t max_input_bytes = std::size_t{256} << 20;
};

/// Why an input could not be parsed at all. Findings *about* a readable document are not
/// errors: they are Diagnostics in the Report.
enum class ErrorCode : int {
  ok = 0,
  io = 1,            ///< the file could not be read
  not_text = 2,      ///< binary input (PDF, Office/zip, image, NUL bytes, …)
  bad_encoding = 3,  ///< undecodable in the chosen encoding, or invalid bytes under `strict`
  too_large = 4,     ///< over ParseOptions::max_input_bytes
  bad_option = 5,    ///< an unknown encoding name
};
std::string_view to_string(ErrorCode c);

struct Error {
  ErrorCode code = ErrorCode::ok;
  std::string message;           ///< one line, says what to do where it can
  std::uint64_t byte_offset = 0; ///< where in the input, when it applies
};

/// A Report or an Error. parse() never throws except std::bad_alloc.
class ParseResult {
 public:
  ParseResult(Report r) : v_(std::move(r)) {}
  ParseResult(Error e) : v_(std::move(e)) {}
  bool ok() const { return std::holds_alternative<Report>(v_); }
  explicit operator bool() const { return ok(); }
  /// Precondition: ok().
  const Report& report() const& { return std::get<Report>(v_); }
  Report&& report() && { return std::get<Report>(std::move(v_)); }
  /// Precondition: !ok().
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<Report, Error> v_;
};

/// Parses a report from its bytes (copied into the Report).
ParseResult parse(std::string_view bytes, const ParseOptions& options = {});
/// Reads a file ("-" = standard input) and parses it.
ParseResult parse_file(const std::string& path, const ParseOptions& options = {});

}  // namespace ogi

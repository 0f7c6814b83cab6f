// SPDX-License-Identifier: Apache-2.0
// ogi/parse.hpp — turning text into a Report.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "ogi/error.hpp"
#include "ogi/options.hpp"
#include "ogi/report.hpp"

namespace ogi {

/// A Report or an Error. parse() never throws: running out of memory is ErrorCode::out_of_memory.
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

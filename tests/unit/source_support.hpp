// SPDX-License-Identifier: Apache-2.0
// Helpers for the tests of the published-file readers: read bytes into a sources::Document and
// look at its lines and grids.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sources/sources.hpp"

namespace ogi_test {

struct Read {
  ogi::sources::Document doc;
  std::vector<ogi::Diagnostic> diags;
  std::string_view text() const { return doc.decoded.view; }
  /// The text's lines (without the final empty one).
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    std::string_view t = text();
    std::size_t start = 0;
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i] == '\n') {
        out.emplace_back(t.substr(start, i - start));
        start = i + 1;
      }
    if (start < t.size()) out.emplace_back(t.substr(start));
    return out;
  }
  std::string cell_text(const ogi::sources::GridCell& c) const { return std::string(text().substr(c.begin, c.end - c.begin)); }
  /// The cell at top-left position (row, col) of grid g, or nullptr.
  const ogi::sources::GridCell* cell(std::size_t g, int row, int col) const {
    for (const auto& c : doc.grids.at(g).cells)
      if (c.row == row && c.col == col) return &c;
    return nullptr;
  }
  /// The input bytes that decoded bytes [b, e) map to.
  std::string source_of(std::size_t b, std::size_t e) const {
    std::uint32_t from = doc.decoded.input_offset(b), to = doc.decoded.input_offset(e);
    return doc.input.substr(from, to - from);
  }
};

/// Reads bytes with the sources stage; REQUIREs success.
inline Read read_source(const std::string& bytes, ogi::ParseOptions options = {}) {
  Read r;
  auto v = ogi::sources::read(bytes, options, r.diags);
  if (auto* e = std::get_if<ogi::Error>(&v)) FAIL("refused: " << e->message);
  r.doc = std::move(std::get<ogi::sources::Document>(v));
  r.doc.decoded.attach(r.doc.input);
  return r;
}

/// The error reading bytes gives; FAILs if it reads.
inline ogi::Error read_error(const std::string& bytes, ogi::ParseOptions options = {}) {
  std::vector<ogi::Diagnostic> diags;
  auto v = ogi::sources::read(bytes, options, diags);
  if (!std::holds_alternative<ogi::Error>(v)) FAIL("read, but should have been refused");
  return std::get<ogi::Error>(v);
}

}  // namespace ogi_test

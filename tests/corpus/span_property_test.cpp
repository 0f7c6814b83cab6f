// SPDX-License-Identifier: Apache-2.0
// Property over every corpus document (the project's and ../shared's when present): each line of
// the normalized view maps back to original bytes that normalize to the same text, and every
// table cell's span holds its raw text.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "ogi/ogi.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;


namespace {


std::string normalize_bytes(std::string_view bytes, const std::string& encoding = {}) {
  std::vector<ogi::Diagnostic> diags;
  ogi::ParseOptions o;
  o.encoding = encoding;
  auto d = ogi::text::decode(bytes, o, diags);
  if (!std::holds_alternative<ogi::text::Decoded>(d)) return "<undecodable>";
  auto& dec = std::get<ogi::text::Decoded>(d);
  dec.attach(bytes);
  return ogi::text::normalize(dec).text;
}

}  // namespace

TEST_CASE("every normalized line maps back to bytes that normalize to it") {
  for (const auto& f : ogi_test::all_documents()) {
    INFO(f.string());
    std::string in = ogi_test::read_file(f);
    std::vector<ogi::Diagnostic> diags;
    auto d = ogi::text::decode(in, {}, diags);
    if (!std::holds_alternative<ogi::text::Decoded>(d)) continue;  // refused inputs (corpus/007)
    auto& dec = std::get<ogi::text::Decoded>(d);
    dec.attach(in);
    if (!dec.to_input.empty()) continue;  // substituted bytes (U+FFFD) do not round-trip by design
    auto nt = ogi::text::normalize(dec);
    for (std::size_t i = 0; i < nt.lines.size(); ++i) {
      auto sp = nt.line_span(i);
      std::string back = normalize_bytes(std::string_view(in).substr(sp.begin, sp.end - sp.begin));
      if (back != nt.line_text(i)) {
        INFO("line " << i + 1);
        CHECK(back == nt.line_text(i));
        break;
      }
    }
  }
}

TEST_CASE("every table cell's span holds text that normalizes to its raw text") {
  for (const auto& f : ogi_test::all_documents()) {
    INFO(f.string());
    std::string in = ogi_test::read_file(f);
    auto r = ogi::parse(in);
    if (!r) continue;  // refused inputs (corpus/007)
    const auto& rep = r.report();
    auto each = [&](const auto& table) {
      if (!table) return;
      using T = std::decay_t<decltype(table->cells)>;
      for (std::size_t ri = 0; ri < T::rows; ++ri)
        for (std::size_t ci = 0; ci < T::cols; ++ci) {
          const ogi::Cell* c = table->cells.cell(static_cast<typename T::RowKey>(ri), static_cast<typename T::ColumnKey>(ci));
          if (!c || c->span.empty()) continue;
          CHECK(normalize_bytes(rep.bytes(c->span), rep.encoding) == c->raw);
        }
    };
    each(rep.active_disclosure);
    each(rep.applications);
    each(rep.review_litigation);
  }
}

namespace {

/// A published file's bytes as text: markup out, the common references decoded.
std::string markup_out(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      std::size_t e = s.find('>', i);
      if (e == std::string_view::npos) break;
      i = e;
      continue;
    }
    if (s[i] == '&') {
      std::size_t e = s.find(';', i);
      if (e != std::string_view::npos && e - i <= 8) {
        std::string_view name = s.substr(i + 1, e - i - 1);
        const char* with = name == "nbsp" ? " " : name == "amp" ? "&" : name == "lt" ? "<" : name == "gt" ? ">" : nullptr;
        if (with) {
          out += with;
          i = e;
          continue;
        }
      }
    }
    out += s[i];
  }
  return out;
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

}  // namespace

TEST_CASE("every table cell of a published file spans bytes that hold its raw text") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(ogi_test::corpus_dir()))
    for (const char* name : {"input.html", "input.docx"})
      if (fs::exists(e.path() / name)) files.push_back(e.path() / name);
  if (auto shared = ogi_test::shared_dir(); !shared.empty())
    for (const auto& e : fs::recursive_directory_iterator(shared))
      if (e.path().filename() == "source.html" || e.path().filename() == "source.docx") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 7);
  for (const auto& f : files) {
    INFO(f.string());
    auto r = ogi::parse(ogi_test::read_file(f));
    REQUIRE(r);
    const auto& rep = r.report();
    auto each = [&](const auto& table) {
      if (!table) return;
      using T = std::decay_t<decltype(table->cells)>;
      for (std::size_t ri = 0; ri < T::rows; ++ri)
        for (std::size_t ci = 0; ci < T::cols; ++ci) {
          const ogi::Cell* c = table->cells.cell(static_cast<typename T::RowKey>(ri), static_cast<typename T::ColumnKey>(ci));
          if (!c || c->span.empty()) continue;
          std::string text = normalize_bytes(markup_out(rep.bytes(c->span)), rep.format == ogi::InputFormat::docx ? "" : rep.encoding);
          CHECK(without_spaces(text) == without_spaces(c->raw));
        }
    };
    each(rep.active_disclosure);
    each(rep.applications);
    each(rep.review_litigation);
  }
}

TEST_CASE("the agency's span holds text that normalizes to its name") {
  for (const auto& f : ogi_test::all_documents()) {
    INFO(f.string());
    std::string in = ogi_test::read_file(f);
    auto r = ogi::parse(in);
    if (!r || !r.report().metadata.agency) continue;
    const auto& rep = r.report();
    // the name is written without spaces or line breaks, its brackets full width
    std::string back;
    for (char c : normalize_bytes(rep.bytes(rep.metadata.agency.span), rep.encoding)) {
      if (c == '(') back += "（";
      else if (c == ')') back += "）";
      else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') back.push_back(c);
    }
    CHECK(back == *rep.metadata.agency.value);
  }
}

// SPDX-License-Identifier: Apache-2.0
// What must hold for any input (fuzz targets and the hostile-input tests): no crash, spans inside
// the input and ordered, the same bytes out on a second run, JSON that parses, and every table
// left uncertain named by a diagnostic. A failed invariant aborts (the fuzzer reports it).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ogi/ogi.hpp"

namespace ogi_fuzz {

[[noreturn]] inline void broken(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}
#define OGI_INVARIANT(cond) \
  do {                      \
    if (!(cond)) ::ogi_fuzz::broken(#cond); \
  } while (0)

/// A small JSON syntax check (RFC 8259 grammar; no semantic checks).
class JsonSyntax {
 public:
  explicit JsonSyntax(std::string_view s) : s_(s) {}
  bool ok() {
    ws();
    if (!value(0)) return false;
    ws();
    return i_ == s_.size();
  }

 private:
  bool value(int depth) {
    if (depth > 200 || i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (std::string_view lit : {"true", "false", "null"})
      if (s_.substr(i_, lit.size()) == lit) { i_ += lit.size(); return true; }
    return false;
  }
  bool object(int depth) {
    ++i_;
    ws();
    if (peek('}')) { ++i_; return true; }
    while (true) {
      ws();
      if (!string()) return false;
      ws();
      if (!peek(':')) return false;
      ++i_;
      ws();
      if (!value(depth + 1)) return false;
      ws();
      if (peek('}')) { ++i_; return true; }
      if (!peek(',')) return false;
      ++i_;
    }
  }
  bool array(int depth) {
    ++i_;
    ws();
    if (peek(']')) { ++i_; return true; }
    while (true) {
      ws();
      if (!value(depth + 1)) return false;
      ws();
      if (peek(']')) { ++i_; return true; }
      if (!peek(',')) return false;
      ++i_;
    }
  }
  bool string() {
    if (!peek('"')) return false;
    for (++i_; i_ < s_.size(); ++i_) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') { ++i_; return true; }
      if (c < 0x20) return false;
      if (c == '\\') ++i_;
    }
    return false;
  }
  bool number() {
    std::size_t start = i_;
    if (peek('-')) ++i_;
    while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.')) ++i_;
    return i_ > start;
  }
  bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

inline void check_span(const ogi::Report& r, const ogi::Span& s) {
  OGI_INVARIANT(s.begin <= s.end);
  OGI_INVARIANT(s.end <= r.input.size());
}

template <class T>
void check_table(const ogi::Report& r, const std::optional<T>& t, ogi::TableKey key) {
  if (!t) return;
  using G = std::decay_t<decltype(t->cells)>;
  for (std::size_t ri = 0; ri < G::rows; ++ri)
    for (std::size_t ci = 0; ci < G::cols; ++ci)
      if (const ogi::Cell* c = t->cells.cell(static_cast<typename G::RowKey>(ri), static_cast<typename G::ColumnKey>(ci)))
        check_span(r, c->span);
  if (t->status == ogi::TableStatus::uncertain || t->status == ogi::TableStatus::missing) {
    bool named = false;
    for (const auto& d : r.diagnostics) named |= d.table == ogi::to_string(key) && d.severity != ogi::Severity::info;
    OGI_INVARIANT(named);
  }
}

/// Parses `data` twice and checks every invariant.
inline void check_parse(std::string_view data, const ogi::ParseOptions& options = {}) {
  auto a = ogi::parse(data, options);
  auto b = ogi::parse(data, options);
  OGI_INVARIANT(a.ok() == b.ok());
  if (!a) {
    OGI_INVARIANT(!a.error().message.empty());
    return;
  }
  const ogi::Report& r = a.report();
  // spans index the input, or for a DOCX the part it names
  OGI_INVARIANT(r.input_part.empty() ? r.input == data : r.format == ogi::InputFormat::docx);
  std::uint32_t prev_end = 0;
  for (const auto& s : r.sections) {
    check_span(r, s.span);
    OGI_INVARIANT(s.line >= 1 && s.line <= s.end_line);
    if (s.parent < 0) {
      if (prev_end) OGI_INVARIANT(s.span.begin == prev_end);
      prev_end = s.span.end;
    }
  }
  for (const auto& d : r.diagnostics) check_span(r, d.span);
  check_table(r, r.active_disclosure, ogi::TableKey::active_disclosure);
  check_table(r, r.applications, ogi::TableKey::applications);
  check_table(r, r.review_litigation, ogi::TableKey::review_litigation);
  std::string json = ogi::to_json(r);
  OGI_INVARIANT(json == ogi::to_json(b.report()));
  OGI_INVARIANT(JsonSyntax(json).ok());
  std::string line = ogi::to_json(r, ogi::JsonOptions{false, "x"});
  OGI_INVARIANT(JsonSyntax(line).ok());
}

}  // namespace ogi_fuzz

// SPDX-License-Identifier: Apache-2.0
// The report as JSON (schema "ogi.report/1", docs/data-model.md). A small writer of our own:
// key order fixed by the model, numbers printed from exact decimals, so output is byte-stable.
#include "ogi/json.hpp"
#include "ogi/ogi.hpp"
#include "ogi/printable.hpp"
#include "model/utf8.hpp"

#include <charconv>
#include <cstdio>
#include <string>

namespace ogi {
namespace {

class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}
  std::string out;

  void open(char c) {
    item();
    out.push_back(c);
    ++depth_;
    first_ = true;
  }
  void close(char c) {
    --depth_;
    if (!first_) newline();
    out.push_back(c);
    first_ = false;
  }
  /// `k` is one of the model's keys: ASCII identifiers that need no escaping.
  void key(std::string_view k) {
    item();
    out.push_back('"');
    out.append(k);
    out.push_back('"');
    out += pretty_ ? ": " : ":";
    after_key_ = true;
  }
  void value_string(std::string_view s) { item(); string(s); }
  void value_raw(std::string_view s) { item(); out += s; }
  void value_uint(std::uint64_t v) {
    item();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }

 private:
  void item() {
    if (after_key_) { after_key_ = false; return; }
    if (!first_) out.push_back(',');
    first_ = false;
    newline();
  }
  void newline() {
    if (!pretty_) return;
    out.push_back('\n');
    out.append(static_cast<std::size_t>(depth_) * 2, ' ');
  }
  void string(std::string_view s) {
    out.push_back('"');
    // runs that need no escaping are appended whole
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s.substr(run, i - run));
      run = i + 1;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        }
      }
    }
    out.append(s.substr(run));
    out.push_back('"');
  }
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

/// A file name as JSON text: "path" always valid UTF-8 (U+FFFD for bytes that are not), and
/// "path_bytes" with those bytes percent-escaped when there were any (docs/cli.md, "File names").
void path_fields(Writer& w, std::string_view path) {
  if (is_valid_utf8(path)) {
    w.key("path"); w.value_string(path);
    return;
  }
  w.key("path"); w.value_string(model::lossy_utf8(path));
  w.key("path_bytes"); w.value_string(model::percent_bytes(path));
}

void span_fields(Writer& w, const Span& s) {
  w.key("line"); w.value_uint(s.line);
  w.key("begin"); w.value_uint(s.begin);
  w.key("end"); w.value_uint(s.end);
}

void string_field(Writer& w, std::string_view key, const Field<std::string>& f) {
  w.key(key);
  if (f) w.value_string(*f.value);
  else w.value_raw("null");
}

void span_object(Writer& w, const Span& s) {
  w.open('{');
  span_fields(w, s);
  w.close('}');
}

void count_field(Writer& w, std::string_view key, const Field<int>& f) {
  w.key(key);
  if (f) w.value_uint(static_cast<std::uint64_t>(*f.value));
  else w.value_raw("null");
}

void string_list(Writer& w, std::string_view key, const std::vector<Field<std::string>>& v) {
  w.key(key);
  w.open('[');
  for (const auto& f : v) w.value_string(*f.value);
  w.close(']');
}

/// The span of a field that has a value, under its key.
void span_of(Writer& w, std::string_view key, const auto& f) {
  if (!f) return;
  w.key(key);
  span_object(w, f.span);
}

/// The metadata: values first (the contract's agency and year lead), then where each was found.
void write_metadata(Writer& w, const Metadata& m) {
  w.open('{');
  string_field(w, "agency", m.agency);
  count_field(w, "year", m.year);
  string_field(w, "published", m.published);
  string_field(w, "period_start", m.period_start);
  string_field(w, "period_end", m.period_end);
  string_field(w, "website", m.website);
  string_field(w, "address", m.address);
  string_field(w, "postcode", m.postcode);
  string_list(w, "telephones", m.telephones);
  string_field(w, "fax", m.fax);
  string_field(w, "email", m.email);
  string_list(w, "cited_documents", m.cited_documents);
  string_list(w, "document_numbers", m.document_numbers);
  w.key("fee_charged");
  if (m.fee_charged) w.value_raw(*m.fee_charged.value ? "true" : "false");
  else w.value_raw("null");
  w.key("fee_amount");
  if (m.fee_amount) w.value_raw(m.fee_amount.value->to_string());
  else w.value_raw("null");
  count_field(w, "npc_suggestions", m.npc_suggestions);
  count_field(w, "cppcc_proposals", m.cppcc_proposals);
  w.key("proposals_by_level");
  w.open('[');
  for (const ProposalCounts& p : m.proposals_by_level) {
    w.open('{');
    w.key("level");
    w.value_string(p.level);
    count_field(w, "npc_suggestions", p.npc_suggestions);
    count_field(w, "cppcc_proposals", p.cppcc_proposals);
    w.key("spans");
    w.open('{');
    span_of(w, "npc_suggestions", p.npc_suggestions);
    span_of(w, "cppcc_proposals", p.cppcc_proposals);
    w.close('}');
    w.close('}');
  }
  w.close(']');
  w.key("spans");
  w.open('{');
  auto one = [&](std::string_view key, const auto& f) { span_of(w, key, f); };
  auto many = [&](std::string_view key, const std::vector<Field<std::string>>& v) {
    if (v.empty()) return;
    w.key(key);
    w.open('[');
    for (const auto& f : v) span_object(w, f.span);
    w.close(']');
  };
  one("agency", m.agency);
  one("year", m.year);
  one("published", m.published);
  one("period_start", m.period_start);
  one("period_end", m.period_end);
  one("website", m.website);
  one("address", m.address);
  one("postcode", m.postcode);
  many("telephones", m.telephones);
  one("fax", m.fax);
  one("email", m.email);
  many("cited_documents", m.cited_documents);
  many("document_numbers", m.document_numbers);
  one("fee_charged", m.fee_charged);
  one("fee_amount", m.fee_amount);
  one("npc_suggestions", m.npc_suggestions);
  one("cppcc_proposals", m.cppcc_proposals);
  w.close('}');
  // Which part of the document each value came from (title, byline, body, signature, period).
  w.key("sources");
  w.open('{');
  auto source = [&](std::string_view key, const auto& f) {
    if (!f) return;
    w.key(key);
    w.value_string(to_string(f.source));
  };
  source("agency", m.agency);
  source("year", m.year);
  source("published", m.published);
  source("period_start", m.period_start);
  source("period_end", m.period_end);
  source("website", m.website);
  source("address", m.address);
  source("postcode", m.postcode);
  source("fax", m.fax);
  source("email", m.email);
  source("fee_charged", m.fee_charged);
  source("fee_amount", m.fee_amount);
  source("npc_suggestions", m.npc_suggestions);
  source("cppcc_proposals", m.cppcc_proposals);
  w.close('}');
  w.close('}');
}

void write_section(Writer& w, const Report& r, const Section& s) {
  w.open('{');
  w.key("key");
  if (s.key == SectionKey::none) w.value_raw("null");
  else w.value_string(to_string(s.key));
  w.key("heading"); w.value_string(s.heading);
  w.key("line"); w.value_uint(s.line);
  w.key("end_line"); w.value_uint(s.end_line);
  w.key("begin"); w.value_uint(s.span.begin);
  w.key("end"); w.value_uint(s.span.end);
  w.key("children");
  w.open('[');
  for (int c : s.children) write_section(w, r, r.sections[static_cast<std::size_t>(c)]);
  w.close(']');
  w.close('}');
}

template <class Row, class Col>
void write_table(Writer& w, const Table<Row, Col>& t) {
  w.open('{');
  w.key("status"); w.value_string(to_string(t.status));
  w.key("line"); w.value_uint(t.span.line);
  w.key("rows");
  w.open('{');
  for (std::size_t ri = 0; ri < key_count<Row>(); ++ri) {
    auto row = static_cast<Row>(ri);
    if (!t.cells.has_row(row)) continue;
    w.key(to_string(row));
    w.open('{');
    for (std::size_t ci = 0; ci < key_count<Col>(); ++ci) {
      auto col = static_cast<Col>(ci);
      const Cell* c = t.cells.cell(row, col);
      if (!c) continue;
      w.key(to_string(col));
      if (c->value) w.value_raw(c->value->to_string());
      else w.value_raw("null");
    }
    w.close('}');
  }
  w.close('}');
  // Where each cell stands in the input, and what it said.
  w.key("cells");
  w.open('{');
  for (std::size_t ri = 0; ri < key_count<Row>(); ++ri) {
    auto row = static_cast<Row>(ri);
    for (std::size_t ci = 0; ci < key_count<Col>(); ++ci) {
      auto col = static_cast<Col>(ci);
      const Cell* c = t.cells.cell(row, col);
      if (!c) continue;
      w.key(std::string(to_string(row)) + "." + std::string(to_string(col)));
      w.open('{');
      w.key("raw"); w.value_string(c->raw);
      if (!c->unit.empty()) { w.key("unit"); w.value_string(c->unit); }
      span_fields(w, c->span);
      w.close('}');
    }
  }
  w.close('}');
  w.close('}');
}

template <class T>
void write_optional_table(Writer& w, std::string_view key, const std::optional<T>& t) {
  w.key(key);
  if (t) write_table(w, *t);
  else w.value_raw("null");
}

}  // namespace

std::string error_json(std::string_view path, const Error& e) {
  Writer w(false);
  w.open('{');
  w.key("schema"); w.value_string("ogi.report/1");
  path_fields(w, path);
  w.key("ogi_version"); w.value_string(version());
  w.key("error");
  w.open('{');
  w.key("code"); w.value_string(to_string(e.code));
  w.key("message"); w.value_string(model::lossy_utf8(e.message));  // it may quote the file name
  w.key("offset"); w.value_uint(e.byte_offset);
  w.close('}');
  w.close('}');
  w.out.push_back('\n');
  return std::move(w.out);
}

std::string to_json(const Report& r, const JsonOptions& options) {
  Writer w(options.pretty);
  w.out.reserve(4096 + r.input.size() * (options.pretty ? 2 : 1));  // about what a report gives
  w.open('{');
  w.key("schema"); w.value_string("ogi.report/1");
  if (!options.path.empty()) path_fields(w, options.path);
  w.key("ogi_version"); w.value_string(version());
  w.key("encoding"); w.value_string(r.encoding);
  if (r.format != InputFormat::text) {  // a published file: how it was read, and what spans index
    w.key("format"); w.value_string(to_string(r.format));
    if (!r.input_part.empty()) { w.key("input_part"); w.value_string(r.input_part); }
  }
  w.key("template"); w.value_string(to_string(r.template_version));
  w.key("metadata");
  write_metadata(w, r.metadata);
  w.key("preamble_end_line"); w.value_uint(r.preamble_end_line);
  w.key("sections");
  w.open('[');
  for (const Section& s : r.sections)
    if (s.parent < 0) write_section(w, r, s);
  w.close(']');
  w.key("tables");
  w.open('{');
  write_optional_table(w, "active_disclosure", r.active_disclosure);
  write_optional_table(w, "applications", r.applications);
  write_optional_table(w, "review_litigation", r.review_litigation);
  w.close('}');
  w.key("diagnostics");
  w.open('[');
  for (const Diagnostic& d : r.diagnostics) {
    w.open('{');
    w.key("code"); w.value_string(d.code);
    w.key("severity"); w.value_string(to_string(d.severity));
    if (!d.table.empty()) { w.key("table"); w.value_string(d.table); }
    if (!d.row.empty()) { w.key("row"); w.value_string(d.row); }
    if (!d.column.empty()) { w.key("column"); w.value_string(d.column); }
    w.key("message"); w.value_string(d.message);
    span_fields(w, d.span);
    w.close('}');
  }
  w.close(']');
  w.close('}');
  w.out.push_back('\n');
  return std::move(w.out);
}

}  // namespace ogi

// SPDX-License-Identifier: Apache-2.0
// The report as JSON (schema "ogi.report/1", docs/data-model.md). A small writer of our own:
// key order fixed by the model, numbers printed from exact decimals, so output is byte-stable.
#include "ogi/json.hpp"
#include "ogi/ogi.hpp"
#include "ogi/printable.hpp"
#include "model/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "write/text_out.hpp"

namespace ogi {
namespace {

/// Bytes a JSON string cannot hold as they are: controls, the quote, the backslash.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

/// Writes the JSON text of a report into one buffer. Pretty output puts every item on a line of
/// its own, indented two spaces a level (and starts with a new line, as it always has).
class Writer {
 public:
  Writer(bool pretty, std::size_t expected) : out(expected), pretty_(pretty) {}
  write::TextOut out;

  [[gnu::always_inline]] void open(char c) {
    char* p = item(1);
    *p++ = c;
    out.done(p);
    ++depth_;
    first_ = true;
  }
  [[gnu::always_inline]] void close(char c) {
    --depth_;
    char* p = out.room(1 + indent_room());
    if (!first_) p = newline(p);
    *p++ = c;
    out.done(p);
    first_ = false;
  }
  /// `k` is one of the model's keys: ASCII identifiers that need no escaping.
  [[gnu::always_inline]] void key(std::string_view k) {
    char* p = item(k.size() + 4);
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());
    p += k.size();
    p = key_end(p);
    out.done(p);
  }
  /// The key "a.b" (a cell's row and column).
  void key(std::string_view a, std::string_view b) {
    char* p = item(a.size() + b.size() + 5);
    *p++ = '"';
    std::memcpy(p, a.data(), a.size());
    p += a.size();
    *p++ = '.';
    std::memcpy(p, b.data(), b.size());
    p += b.size();
    p = key_end(p);
    out.done(p);
  }
  /// "line", "begin" and "end" of `s`, the object's next three items, written with one room.
  void span_fields(const Span& s) {
    char* p = out.room(3 * (1 + indent_room() + 9 + write::kUintRoom));
    p = span_field(p, "\"line\":", s.line);
    p = span_field(p, "\"begin\":", s.begin);
    p = span_field(p, "\"end\":", s.end);
    out.done(p);
  }
  void value_string(std::string_view s) { out.done(string(item(s.size() + 2), s)); }
  void value_raw(std::string_view s) {
    char* p = item(s.size());
    std::memcpy(p, s.data(), s.size());
    out.done(p + s.size());
  }
  [[gnu::always_inline]] void value_uint(std::uint64_t v) { out.done(write::put_uint(item(write::kUintRoom), v)); }
  void value_decimal(const Decimal& d) { out.done(write::put_decimal(item(write::decimal_room(d)), d)); }

 private:
  static constexpr std::size_t kSpaces = 32;  // indentation copied in one piece up to this depth

  std::size_t indent_room() const { return pretty_ ? 1 + std::max<std::size_t>(kSpaces, 2 * static_cast<std::size_t>(depth_)) : 0; }

  /// What comes before an item (a comma, a new line and its indentation); returns where the item
  /// goes, with room for `n` bytes.
  [[gnu::always_inline]] char* item(std::size_t n) {
    if (after_key_) {
      after_key_ = false;
      return out.room(n);
    }
    char* p = out.room(n + 1 + indent_room());
    if (!first_) *p++ = ',';
    first_ = false;
    return newline(p);
  }
  /// Needs indent_room().
  [[gnu::always_inline]] char* newline(char* p) const {
    if (!pretty_) return p;
    *p++ = '\n';
    const auto n = 2 * static_cast<std::size_t>(depth_);
    if (n <= kSpaces) std::memset(p, ' ', kSpaces);  // a constant size, no call: what is past n is overwritten
    else std::memset(p, ' ', n);
    return p + n;
  }
  /// One item of span_fields(): `quoted_key` is the key in quotes and its colon.
  template <std::size_t N>
  [[gnu::always_inline]] char* span_field(char* p, const char (&quoted_key)[N], std::uint32_t v) {
    if (after_key_) after_key_ = false;  // never: a span's fields follow other items
    else {
      if (!first_) *p++ = ',';
      first_ = false;
      p = newline(p);
    }
    std::memcpy(p, quoted_key, N - 1);
    p += N - 1;
    if (pretty_) *p++ = ' ';
    return write::put_uint(p, v);
  }
  /// The closing quote and the colon of a key (room: 3 bytes).
  [[gnu::always_inline]] char* key_end(char* p) {
    *p++ = '"';
    *p++ = ':';
    if (pretty_) *p++ = ' ';
    after_key_ = true;
    return p;
  }
  /// `s` as a JSON string at `p`, which has room for s.size() + 2 bytes. Plain runs are copied
  /// sixteen bytes at a time; each escape asks for its own room.
  char* string(char* p, std::string_view s) {
    *p++ = '"';
    const char* in = s.data();
    const char* const end = in + s.size();
    while (true) {
#ifdef __SSE2__
      const __m128i below_space = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
      while (end - in >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
        const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, below_space), below_space),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v);  // room holds what is left of s
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask == 0) {
          in += 16;
          p += 16;
          continue;
        }
        const auto k = static_cast<unsigned>(__builtin_ctz(mask));
        in += k;
        p += k;
        break;
      }
#endif
      while (in < end && !kEscaped[static_cast<unsigned char>(*in)]) *p++ = *in++;
      if (in == end) break;
      out.done(p);
      p = out.room(static_cast<std::size_t>(end - in) + 6 + 1);
      const auto c = static_cast<unsigned char>(*in++);
      *p++ = '\\';
      switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default:
          std::memcpy(p, "u00", 3);
          p[3] = "0123456789abcdef"[c >> 4];
          p[4] = "0123456789abcdef"[c & 15];
          p += 5;
      }
    }
    *p++ = '"';
    return p;
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

void span_fields(Writer& w, const Span& s) { w.span_fields(s); }

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
  if (m.fee_amount) w.value_decimal(*m.fee_amount.value);
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
      if (c->value) w.value_decimal(*c->value);
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
      w.key(to_string(row), to_string(col));
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
  Writer w(false, 256 + path.size() + e.message.size());
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
  w.out.put('\n');
  return w.out.take();
}

std::string to_json(const Report& r, const JsonOptions& options) {
  // about what a report gives; past 1 MB the buffer grows as needed rather than be set aside
  Writer w(options.pretty, std::min<std::size_t>(4096 + r.input.size() * (options.pretty ? 2 : 1), std::size_t{1} << 20));
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
  w.out.put('\n');
  return w.out.take();
}

}  // namespace ogi

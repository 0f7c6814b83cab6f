// SPDX-License-Identifier: Apache-2.0
// The C API over the C++ library (bindings/c/include/ogi.h). A thin layer: every entry point
// catches everything, so no exception crosses into C.
#include "ogi.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "ogi/ogi.hpp"

struct ogi_document {
  ogi::Report report;
  std::string template_name;
};

namespace {

char* dup(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p) std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

ogi_span span_of(const ogi::Span& s) { return ogi_span{s.begin, s.end, s.line}; }

const char* or_null(std::string_view s) { return s.empty() ? nullptr : s.data(); }

template <class Fn>
ogi_status guarded(Fn&& fn) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return OGI_ERROR_OUT_OF_MEMORY;
  } catch (...) {
    return OGI_ERROR_INTERNAL;
  }
}

template <class Row>
bool key_of(const char* name, Row& out) {
  for (std::size_t i = 0; i < ogi::key_count<Row>(); ++i)
    if (ogi::to_string(static_cast<Row>(i)) == name) {
      out = static_cast<Row>(i);
      return true;
    }
  return false;
}

template <class Row, class Col>
ogi_status cell_of(const std::optional<ogi::Table<Row, Col>>& table, const char* row, const char* col, ogi_cell* out) {
  Row r;
  Col c;
  if (!key_of(row, r) || !key_of(col, c)) return OGI_ERROR_INVALID_ARGUMENT;
  std::memset(out, 0, sizeof *out);
  out->raw = "";
  out->unit = "";
  if (!table) return OGI_OK;
  const ogi::Cell* cell = table->cells.cell(r, c);
  if (!cell) return OGI_OK;
  out->present = 1;
  out->blank = cell->value ? 0 : 1;
  if (cell->value) {
    out->units = cell->value->units;
    out->scale = cell->value->scale;
    std::string text = cell->value->to_string();
    std::strncpy(out->value_text, text.c_str(), sizeof out->value_text - 1);
  }
  out->raw = cell->raw.c_str();
  out->unit = cell->unit.c_str();
  out->span = span_of(cell->span);
  return OGI_OK;
}

ogi_status finish(ogi::ParseResult r, ogi_document** out, char** error_message) {
  if (!r) {
    if (error_message) *error_message = dup(r.error().message);
    if (r.error().code == ogi::ErrorCode::out_of_memory) return OGI_ERROR_OUT_OF_MEMORY;
    return static_cast<ogi_status>(static_cast<int>(r.error().code));
  }
  auto* doc = new ogi_document{std::move(r).report(), {}};
  doc->template_name = std::string(ogi::to_string(doc->report.template_version));
  *out = doc;
  return OGI_OK;
}

ogi::ParseOptions options_of(const ogi_options* o) {
  ogi::ParseOptions opt;
  if (!o) return opt;
  if (o->encoding) opt.encoding = o->encoding;
  opt.strict = o->strict != 0;
  if (o->max_input_bytes) opt.max_input_bytes = o->max_input_bytes;
  if (o->format > 0 && o->format <= static_cast<int>(ogi::InputFormat::xhtml)) opt.format = static_cast<ogi::InputFormat>(o->format);
  return opt;
}

}  // namespace

extern "C" {

const char* ogi_version(void) { return ogi::version(); }

const char* ogi_status_message(ogi_status s) {
  switch (s) {
    case OGI_OK: return "ok";
    case OGI_ERROR_IO: return "the file could not be read";
    case OGI_ERROR_NOT_TEXT: return "the input is not text";
    case OGI_ERROR_BAD_ENCODING: return "the input cannot be decoded";
    case OGI_ERROR_TOO_LARGE: return "the input is too large";
    case OGI_ERROR_BAD_OPTION: return "an option is not valid";
    case OGI_ERROR_BAD_DOCUMENT: return "the document cannot be read";
    case OGI_ERROR_UNSUPPORTED: return "this build of ogi does not read that format";
    case OGI_ERROR_INVALID_ARGUMENT: return "invalid argument";
    case OGI_ERROR_OUT_OF_MEMORY: return "out of memory";
    case OGI_ERROR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

ogi_options ogi_default_options(void) {
  ogi_options o;
  o.encoding = nullptr;
  o.strict = 0;
  o.max_input_bytes = ogi::ParseOptions{}.max_input_bytes;
  o.format = OGI_FORMAT_AUTO;
  return o;
}

ogi_status ogi_parse(const char* data, size_t size, const ogi_options* options, ogi_document** out,
                     char** error_message) {
  if (error_message) *error_message = nullptr;
  if (!out || (!data && size)) return OGI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    return finish(ogi::parse(std::string_view(data ? data : "", size), options_of(options)), out, error_message);
  });
}

ogi_status ogi_parse_file(const char* path, const ogi_options* options, ogi_document** out, char** error_message) {
  if (error_message) *error_message = nullptr;
  if (!out || !path) return OGI_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] { return finish(ogi::parse_file(path, options_of(options)), out, error_message); });
}

void ogi_document_free(ogi_document* doc) { delete doc; }
void ogi_free(void* p) { std::free(p); }

char* ogi_document_json(const ogi_document* doc, int pretty) {
  if (!doc) return nullptr;
  try {
    return dup(ogi::to_json(doc->report, ogi::JsonOptions{pretty != 0}));
  } catch (...) {
    return nullptr;
  }
}

int ogi_document_format(const ogi_document* doc) { return doc ? static_cast<int>(doc->report.format) : 0; }

const char* ogi_document_input(const ogi_document* doc, size_t* size) {
  if (size) *size = doc ? doc->report.input.size() : 0;
  return doc ? doc->report.input.data() : nullptr;
}

const char* ogi_document_input_part(const ogi_document* doc) { return doc ? doc->report.input_part.c_str() : ""; }

const char* ogi_document_template(const ogi_document* doc) { return doc ? doc->template_name.c_str() : "unknown"; }

const char* ogi_document_agency(const ogi_document* doc) {
  return doc && doc->report.metadata.agency ? doc->report.metadata.agency.value->c_str() : nullptr;
}

int ogi_document_year(const ogi_document* doc) {
  return doc && doc->report.metadata.year ? *doc->report.metadata.year.value : 0;
}

const char* ogi_document_agency_source(const ogi_document* doc) {
  // to_string gives views of static strings, NUL-terminated
  return doc && doc->report.metadata.agency ? ogi::to_string(doc->report.metadata.agency.source).data() : nullptr;
}

const char* ogi_document_year_source(const ogi_document* doc) {
  return doc && doc->report.metadata.year ? ogi::to_string(doc->report.metadata.year.source).data() : nullptr;
}

size_t ogi_document_section_count(const ogi_document* doc) { return doc ? doc->report.sections.size() : 0; }

ogi_status ogi_document_section(const ogi_document* doc, size_t index, ogi_section* out) {
  if (!doc || !out || index >= doc->report.sections.size()) return OGI_ERROR_INVALID_ARGUMENT;
  const ogi::Section& s = doc->report.sections[index];
  out->key = s.key == ogi::SectionKey::none ? nullptr : ogi::to_string(s.key).data();
  out->heading = s.heading.c_str();
  out->line = s.line;
  out->end_line = s.end_line;
  out->parent = s.parent;
  out->span = span_of(s.span);
  return OGI_OK;
}

const char* ogi_document_table_status(const ogi_document* doc, ogi_table table) {
  if (!doc) return nullptr;
  const ogi::Report& r = doc->report;
  switch (table) {
    case OGI_TABLE_ACTIVE_DISCLOSURE: return r.active_disclosure ? ogi::to_string(r.active_disclosure->status).data() : nullptr;
    case OGI_TABLE_APPLICATIONS: return r.applications ? ogi::to_string(r.applications->status).data() : nullptr;
    case OGI_TABLE_REVIEW_LITIGATION: return r.review_litigation ? ogi::to_string(r.review_litigation->status).data() : nullptr;
  }
  return nullptr;
}

ogi_status ogi_document_cell(const ogi_document* doc, ogi_table table, const char* row, const char* column,
                             ogi_cell* out) {
  if (!doc || !row || !column || !out) return OGI_ERROR_INVALID_ARGUMENT;
  return guarded([&] {
    switch (table) {
      case OGI_TABLE_ACTIVE_DISCLOSURE: return cell_of(doc->report.active_disclosure, row, column, out);
      case OGI_TABLE_APPLICATIONS: return cell_of(doc->report.applications, row, column, out);
      case OGI_TABLE_REVIEW_LITIGATION: return cell_of(doc->report.review_litigation, row, column, out);
    }
    return OGI_ERROR_INVALID_ARGUMENT;
  });
}

size_t ogi_document_diagnostic_count(const ogi_document* doc) { return doc ? doc->report.diagnostics.size() : 0; }

ogi_status ogi_document_diagnostic(const ogi_document* doc, size_t index, ogi_diagnostic* out) {
  if (!doc || !out || index >= doc->report.diagnostics.size()) return OGI_ERROR_INVALID_ARGUMENT;
  const ogi::Diagnostic& d = doc->report.diagnostics[index];
  out->code = d.code.c_str();
  out->severity = ogi::to_string(d.severity).data();
  out->table = or_null(d.table);
  out->row = or_null(d.row);
  out->column = or_null(d.column);
  out->message = d.message.c_str();
  out->span = span_of(d.span);
  return OGI_OK;
}

}  // extern "C"

// SPDX-License-Identifier: Apache-2.0
// The Python extension: a thin layer over the C++ API. The Pythonic surface is ogi/__init__.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <new>
#include <string_view>
#include <vector>

#include "ogi/ogi.hpp"
#ifdef OGI_WITH_PDF
#include "ogi/pdf.hpp"
#endif

namespace py = pybind11;

namespace {

struct ParseError {
  int code;
  std::string message;
  std::uint64_t offset;
};

/// A parsed report held by Python.
class PyReport {
 public:
  explicit PyReport(ogi::Report r) : report_(std::move(r)) {}
  std::string json(bool pretty) const { return ogi::to_json(report_, ogi::JsonOptions{pretty}); }
  const ogi::Report& report() const { return report_; }
  ogi::Report& report() { return report_; }

 private:
  ogi::Report report_;
};

ogi::InputFormat format_named(const std::string& name) {
  if (name.empty()) return ogi::InputFormat::automatic;
  for (int f = 0; f <= static_cast<int>(ogi::InputFormat::xhtml); ++f)
    if (ogi::to_string(static_cast<ogi::InputFormat>(f)) == name) return static_cast<ogi::InputFormat>(f);
  throw py::value_error("unknown format '" + name + "' (auto, text, html, docx, pdf, xhtml)");
}

PyReport parse_bytes(const std::string& data, const std::string& encoding, bool strict, const std::string& format) {
  ogi::ParseOptions opt;
  opt.encoding = encoding;
  opt.strict = strict;
  opt.format = format_named(format);
  ogi::ParseResult r = [&] {
    py::gil_scoped_release release;  // parsing touches no Python object
    return ogi::parse(data, opt);
  }();
  // out of memory is Python's MemoryError (pybind11 translates std::bad_alloc), not a ParseError
  if (!r && r.error().code == ogi::ErrorCode::out_of_memory) throw std::bad_alloc();
  if (!r) throw ParseError{static_cast<int>(r.error().code), r.error().message, r.error().byte_offset};
  return PyReport(std::move(r).report());
}

template <class Row, class Col>
void add_template_cells(const ogi::Report& r, py::list& out) {
  for (std::size_t i = 0; i < ogi::key_count<Row>(); ++i)
    for (std::size_t j = 0; j < ogi::key_count<Col>(); ++j) {
      const auto row = static_cast<Row>(i);
      const auto column = static_cast<Col>(j);
      if (ogi::template_has_cell(r, row, column))
        out.append(py::make_tuple(ogi::to_string(ogi::table_of<Row>()), ogi::to_string(row), ogi::to_string(column)));
    }
}

/// The cells a report's template has, so that a cell absent from a table can be told apart from
/// one the template never had (to_frame's `missing`).
py::list template_cells(const PyReport& pr) {
  py::list out;
  add_template_cells<ogi::ActiveRow, ogi::ActiveColumn>(pr.report(), out);
  add_template_cells<ogi::ApplicationRow, ogi::ApplicantColumn>(pr.report(), out);
  add_template_cells<ogi::ReviewGroup, ogi::ReviewColumn>(pr.report(), out);
  return out;
}

/// The static spelling of a canonical key (a Diagnostic's table, row and column are views of
/// static storage): the table keys, then every row and column key; empty for an unknown name.
template <class... Keys>
std::string_view static_key_among(std::string_view name) {
  std::string_view found;
  auto take = [&](auto key) {
    if (key && found.empty()) found = ogi::to_string(*key);
  };
  (take(ogi::key_from_string<Keys>(name)), ...);
  return found;
}

std::string_view static_key(std::string_view name) {
  return static_key_among<ogi::TableKey, ogi::ActiveRow, ogi::ActiveColumn, ogi::ApplicationRow, ogi::ApplicantColumn,
                          ogi::ReviewGroup, ogi::ReviewColumn>(name);
}

bool is_across(const ogi::Diagnostic& d) { return d.code.starts_with("year."); }

/// ogi::check_across_reports over reports given together. The year.* findings of an earlier call
/// are dropped first, so that a second call states the same findings once.
void check_across(const std::vector<PyReport*>& reports) {
  std::vector<ogi::Report*> all;
  for (PyReport* r : reports) {
    if (!r) continue;
    std::erase_if(r->report().diagnostics, is_across);
    all.push_back(&r->report());
  }
  ogi::check_across_reports(all);
}

/// Puts back a year.* finding (a report parsed again after unpickling, whose findings across
/// reports cannot be found again without the others).
void add_across_finding(PyReport& r, const std::string& code, const std::string& severity, const std::string& table,
                        const std::string& row, const std::string& column, const std::string& message,
                        std::uint32_t begin, std::uint32_t end, std::uint32_t line) {
  ogi::Diagnostic d;
  if (!code.starts_with("year.")) throw py::value_error("only year.* findings are put back");
  d.code = code;
  d.severity = severity == "info" ? ogi::Severity::info : severity == "error" ? ogi::Severity::error : ogi::Severity::warning;
  d.table = static_key(table);
  d.row = static_key(row);
  d.column = static_key(column);
  d.message = message;
  d.span = ogi::Span{begin, end, line};
  r.report().diagnostics.push_back(std::move(d));
}

py::list error_codes() {
  py::list out;
  for (int c = 0; c <= static_cast<int>(ogi::ErrorCode::out_of_memory); ++c)
    out.append(py::make_tuple(c, std::string(ogi::to_string(static_cast<ogi::ErrorCode>(c)))));
  return out;
}

}  // namespace

PYBIND11_MODULE(_ogi, m) {
  m.doc() = "ogi: 政府信息公开工作年度报告 text into checked data (extension module; use the ogi package)";
  m.attr("__version__") = ogi::version();
#ifdef OGI_WITH_PDF
  ogi::pdf::enable();  // PDF files through poppler: a module built with it is GPL-3.0
  m.attr("pdf") = true;
#else
  m.attr("pdf") = false;
#endif

  static py::exception<ParseError> parse_error(m, "_ParseError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ParseError& e) {
      py::tuple args = py::make_tuple(e.code, e.message, e.offset);
      PyErr_SetObject(parse_error.ptr(), args.ptr());
    }
  });

  py::class_<PyReport>(m, "Report")
      .def("json", &PyReport::json, py::arg("pretty") = false, "The report as ogi.report/1 JSON text.")
      .def_property_readonly("input_size", [](const PyReport& r) { return r.report().input.size(); },
                             "The size in bytes of the input every span indexes.")
      .def("text", [](const PyReport& r, std::uint32_t begin, std::uint32_t end) {
        const std::string& in = r.report().input;
        if (begin > end || end > in.size()) throw py::index_error("span outside the input");
        return py::bytes(in.data() + begin, end - begin);
      }, "The original bytes of a span.")
      .def("text_utf8", [](const PyReport& r, std::uint32_t begin, std::uint32_t end) {
        if (begin > end || end > r.report().input.size()) throw py::index_error("span outside the input");
        return r.report().text(ogi::Span{begin, end, 0});
      }, "What a span says, as str whatever the input's encoding (undecodable bytes become U+FFFD).")
      .def("input", [](const PyReport& r) { return py::bytes(r.report().input); },
           "The bytes every span indexes (Report::input).")
      .def("template_cells", &template_cells,
           "(table, row, column) of every cell the report's template has, in template order.");

  m.def("parse_bytes", &parse_bytes, py::arg("data"), py::arg("encoding") = "", py::arg("strict") = false,
        py::arg("format") = "",
        "Parses report bytes; raises ValueError subclass _ParseError(code, message, offset).");
  m.def("check_across", &check_across, py::arg("reports"),
        "ogi::check_across_reports: adds the year.* findings of reports given together (earlier ones dropped).");
  m.def("add_across_finding", &add_across_finding, py::arg("report"), py::arg("code"), py::arg("severity"),
        py::arg("table"), py::arg("row"), py::arg("column"), py::arg("message"), py::arg("begin"), py::arg("end"),
        py::arg("line"), "Puts a year.* finding back into a report parsed again after unpickling.");
  m.def("error_codes", &error_codes, "(number, name) of every ogi::ErrorCode, in order.");
}

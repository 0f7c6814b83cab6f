// SPDX-License-Identifier: Apache-2.0
// Telling the format from the bytes, and handing the input to its reader.
#include "sources/sources.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>

#include "model/say.hpp"
#include "sources/positioned.hpp"
#include "sources/readers.hpp"

namespace ogi::sources {
namespace {

using model::say;

/// The first bytes of the input, lower-cased, after a BOM and white space: enough to see markup.
std::string head_lowered(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t i = 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::string head(bytes.substr(i, 1024));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return head;
}

std::atomic<PdfReader> the_pdf_reader{nullptr};

/// A bbox XHTML file: the words laid out, spans pointing at each word's text in the file.
std::variant<Document, Error> read_xhtml(std::string_view bytes, Language language,
                                         std::vector<Diagnostic>& diagnostics) {
  auto words = read_bbox_xhtml(bytes, language, diagnostics);
  if (auto* err = std::get_if<Error>(&words)) return *err;
  LaidOut laid = lay_out(std::get<PositionedText>(words), diagnostics, language);
  Document doc;
  doc.format = InputFormat::xhtml;
  doc.input.assign(bytes.data(), bytes.size());
  doc.decoded.encoding = "UTF-8";
  doc.decoded.utf8 = std::move(laid.text);
  doc.decoded.to_input = std::move(laid.to_input);
  doc.decoded.to_input.push_back(static_cast<std::uint32_t>(bytes.size()));
  doc.decoded.ordered = std::is_sorted(doc.decoded.to_input.begin(), doc.decoded.to_input.end());
  doc.grids = std::move(laid.grids);
  return doc;
}

/// A PDF through the reader the ogi::pdf component set: spans index the text layer ogi extracted.
std::variant<Document, Error> read_pdf(std::string_view bytes, const ParseOptions& options,
                                       std::vector<Diagnostic>& diagnostics) {
  PdfReader reader = the_pdf_reader.load();
  if (!reader)
    return Error{ErrorCode::unsupported,
                 say(options.language,
                     "输入是 PDF：请用带 PDF 组件（poppler）的 ogi 读取，或先提取文字"
                     "（pdftotext -layout FILE.pdf；要保留词的位置则用 pdftotext -bbox-layout FILE.pdf）",
                     "the input is a PDF: build ogi with its PDF component (poppler), or extract the text first "
                     "(pdftotext -layout FILE.pdf, or pdftotext -bbox-layout FILE.pdf for the words' positions)"),
                 0};
  auto words = reader(bytes, options, diagnostics);
  if (auto* err = std::get_if<Error>(&words)) return *err;
  LaidOut laid = lay_out(std::get<PositionedText>(words), diagnostics, options.language);
  Document doc;
  doc.format = InputFormat::pdf;
  doc.input = std::move(laid.text);
  doc.part = "text layer";
  doc.decoded.encoding = "UTF-8";
  doc.grids = std::move(laid.grids);
  return doc;
}

/// A page without <!DOCTYPE> or <html> first (a comment, a fragment saved as .html): it opens
/// with a tag and names an HTML element soon.
bool looks_like_markup(const std::string& head) {
  if (head.empty() || head[0] != '<') return false;
  for (const char* tag : {"<html", "<head", "<body", "<meta", "<title", "<table", "<p>", "<p ", "<div"})
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

}  // namespace

void set_pdf_reader(PdfReader reader) { the_pdf_reader.store(reader); }
PdfReader pdf_reader() { return the_pdf_reader.load(); }

InputFormat sniff(std::string_view bytes) {
  if (bytes.starts_with("%PDF")) return InputFormat::pdf;
  if (bytes.starts_with("PK\x03\x04")) return InputFormat::docx;
  std::string head = head_lowered(bytes);
  if (head.find("<doc>") != std::string::npos && head.find("<page") != std::string::npos) return InputFormat::xhtml;
  if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
      (head.starts_with("<?xml") && head.find("<html") != std::string::npos) || looks_like_markup(head)) {
    // pdftotext -bbox-layout writes an XHTML page whose body is <doc><page …>
    return head.find("<doc") != std::string::npos ? InputFormat::xhtml : InputFormat::html;
  }
  return InputFormat::text;
}

std::variant<Document, Error> read(std::string_view bytes, const ParseOptions& options,
                                   std::vector<Diagnostic>& diagnostics) {
  InputFormat format = options.format == InputFormat::automatic ? sniff(bytes) : options.format;
  if (format == InputFormat::pdf || format == InputFormat::xhtml)
    if (auto refused = text::over_size_limit(bytes.size(), options)) return *refused;
  if (auto refused = refuse_ole2(bytes, options.language)) return *refused;
  switch (format) {
    case InputFormat::automatic:
    case InputFormat::text: {
      auto decoded = text::decode(bytes, options, diagnostics);
      if (auto* err = std::get_if<Error>(&decoded)) return *err;
      Document doc;
      doc.format = InputFormat::text;
      doc.input.assign(bytes.data(), bytes.size());
      doc.decoded = std::move(std::get<text::Decoded>(decoded));
      return doc;
    }
    case InputFormat::html:
      return read_html(bytes, options, diagnostics);
    case InputFormat::docx:
      return read_docx(bytes, options, diagnostics);
    case InputFormat::xhtml:
      return read_xhtml(bytes, options.language, diagnostics);
    case InputFormat::pdf:
      return read_pdf(bytes, options, diagnostics);
  }
  return Error{ErrorCode::bad_option, say(options.language, "未知的输入格式", "unknown input format"), 0};
}

}  // namespace ogi::sources

// SPDX-License-Identifier: Apache-2.0
// The ogi::pdf component: PDF files read through poppler-cpp into positioned words (pages; each
// word with its box, rotation and font size), which the core lays out like the bbox XHTML of
// pdftotext (docs/formats.md "PDF"). This file is Apache-2.0 like the rest of ogi; a binary that
// links it links poppler (GPL-2.0 or GPL-3.0) and so is distributed under the GPL-3.0.
#include <chrono>
#include <climits>
#include <memory>
#include <mutex>
#include <string>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-version.h>

#include "model/say.hpp"
#include "ogi/pdf.hpp"
#include "sources/positioned.hpp"

namespace ogi::pdf {
namespace {

using model::say;

// Bounds for hostile PDFs (docs/limits.md). A report has a few dozen pages and a few hundred
// words on each; poppler is not interrupted inside a page, so time is checked between pages.
constexpr int kMaxPages = 1000;
constexpr std::size_t kMaxWords = 1'000'000;
constexpr double kMaxSeconds = 60;

Diagnostic finding(const char* code, std::string message) {
  Diagnostic d;
  d.code = code;
  d.severity = Severity::warning;
  d.message = std::move(message);
  return d;
}

void quiet(const std::string&, void*) {}  // poppler's complaints about a damaged file are not ours to print

std::variant<sources::PositionedText, Error> read(std::string_view bytes, const ParseOptions& options,
                                                  std::vector<Diagnostic>& diagnostics) {
  const Language lang = options.language;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return Error{ErrorCode::too_large,
                 say(lang, "PDF 超过 poppler 能读取的大小（2 GiB）", "the PDF is larger than poppler reads (2 GiB)"), 0};
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    return Error{ErrorCode::bad_document,
                 say(lang, "无法打开 PDF：文件已损坏或不是 PDF", "the PDF cannot be opened: it is damaged or not a PDF"), 0};
  if (doc->is_locked())
    return Error{ErrorCode::bad_document,
                 say(lang, "PDF 有密码加密：请用密码打开，另存一份不加密的副本",
                     "the PDF is encrypted with a password: open it with the password and save an unencrypted copy"),
                 0};
  int pages = doc->pages();
  if (pages > kMaxPages) {
    const std::string n = std::to_string(pages), max = std::to_string(kMaxPages);
    diagnostics.push_back(finding("pdf.pages_truncated",
                                  say(lang, "PDF 共 " + n + " 页，超过上限 " + max + " 页；只读取前 " + max + " 页",
                                      "the PDF has " + n + " pages, over the limit of " + max +
                                          ": only the first " + max + " are read")));
    pages = kMaxPages;
  }
  auto start = std::chrono::steady_clock::now();
  sources::PositionedText out;
  for (int i = 0; i < pages; ++i) {
    double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (spent > kMaxSeconds) {
      const std::string s = std::to_string(static_cast<int>(kMaxSeconds)), from = std::to_string(i + 1);
      diagnostics.push_back(finding("pdf.time_limit",
                                    say(lang, "读取 PDF 超过 " + s + " 秒，从第 " + from + " 页起未读取",
                                        "reading the PDF took over " + s + " seconds: page " + from +
                                            " and those after it were not read")));
      break;
    }
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    sources::PositionedPage pg{612, 792};
    auto pno = static_cast<std::uint32_t>(out.pages.size());
    if (page) {
      poppler::rectf r = page->page_rect();
      if (r.width() > 0 && r.height() > 0) pg = {static_cast<float>(r.width()), static_cast<float>(r.height())};
      // the words' boxes stand in the page as displayed: a turned page is as wide as it is high
      auto o = page->orientation();
      if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(pg.width, pg.height);
    }
    out.pages.push_back(pg);
    if (!page) continue;
    for (auto& box : page->text_list(poppler::page::text_list_include_font)) {
      if (out.words.size() >= kMaxWords) break;
      poppler::byte_array utf8 = box.text().to_utf8();
      if (utf8.empty()) continue;
      poppler::rectf b = box.bbox();
      sources::PositionedWord w;
      w.page = pno;
      w.x0 = static_cast<float>(b.left());
      w.y0 = static_cast<float>(b.top());
      w.x1 = static_cast<float>(b.right());
      w.y1 = static_cast<float>(b.bottom());
      w.font_size = static_cast<float>(box.get_font_size());
      w.rotation = static_cast<std::uint8_t>(box.rotation() & 3);
      w.begin = static_cast<std::uint32_t>(out.text.size());
      for (char c : utf8) out.text.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);  // a word never breaks a line
      w.end = static_cast<std::uint32_t>(out.text.size());
      out.words.push_back(w);
    }
    if (out.words.size() >= kMaxWords) {
      const std::string max = std::to_string(kMaxWords), from = std::to_string(i + 1);
      diagnostics.push_back(finding("pdf.words_truncated",
                                    say(lang, "PDF 的文字超过 " + max + " 个词，从第 " + from + " 页起未读完",
                                        "the PDF has over " + max + " words: from page " + from +
                                            " on it was not read to the end")));
      break;
    }
  }
  if (out.words.empty())
    return Error{ErrorCode::bad_document,
                 say(lang, "PDF 没有文字层（扫描件？）：ogi 读取文字，不读取图片；请先做 OCR 文字识别",
                     "the PDF has no text layer (a scanned document?): ogi reads text, not images; run OCR first"),
                 0};
  return out;
}

}  // namespace

void enable() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });
  sources::set_pdf_reader(&read);
}

std::string_view poppler_version() {
  static const std::string v = poppler::version_string();
  return v;
}

}  // namespace ogi::pdf

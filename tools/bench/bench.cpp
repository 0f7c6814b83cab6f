// SPDX-License-Identifier: Apache-2.0
// ogi-bench: throughput of each stage over a set of reports, single thread, in MB/s and
// reports/s. Not a test: run it by hand (docs/performance.md).
//
//   build/tools/ogi-bench [--seconds S] [--stage NAME] FILE...   (default: corpus/*/input.txt)
//   build/tools/ogi-bench --each [--seconds S] FILE...           (the parse of each file alone)
//
// `--each` times the whole parse of each file on its own, slowest first: what the target "no
// real dump slower than 2 ms" (issue 20) is read from, the whole-table searches being the cost
// of a few dumps and not of the others.
//
// A published file (an HTML page, a DOCX) is measured like a text dump, in MB/s of the file's
// bytes; `read` is its reader alone (for a text dump, decoding). bbox XHTML and PDF files among
// the FILEs are measured apart: the XHTML reader (MB/s), the layout, and PDF pages per second
// through poppler (with the PDF component).
//
// `ICU NFKC` is the yardstick of issue 20: one ICU NFKC pass over the same bytes (UTF-8 to
// UTF-16, normalized, back to UTF-8). The parse's time over it is printed as a ratio measured in
// one run, so that it holds on a noisy machine (the target: within 6.5x).
//
// `JSON writer alone`, `JSON compact alone` and `CSV writer alone` write reports parsed once;
// `batch -j1` reads each file, parses it and writes its compact JSON through ogi::parse_files, as
// `ogi parse -j 1` does for every file (all but writing the output).
//
// For a profile with stable counts, run one stage under callgrind:
//   valgrind --tool=callgrind build/tools/ogi-bench --iterations 100 --stage parse FILE
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "ogi/ogi.hpp"
#include "sources/positioned.hpp"
#include "sources/sources.hpp"
#include "text/text.hpp"
#ifdef OGI_WITH_PDF
#include "ogi/pdf.hpp"
#endif

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `body` over all inputs repeatedly for about `seconds`; prints MB/s and reports/s.
std::string only;      // --stage: run just the stage whose name starts with this
long iterations = 0;   // --iterations: exactly this many passes (for callgrind), instead of --seconds

/// Returns seconds per report (0 when the stage was not run).
double measure(const char* name, const std::vector<std::string>& inputs, double seconds,
               const std::function<std::size_t(const std::string&)>& body) {
  if (!only.empty() && std::string(name).rfind(only, 0) != 0) return 0;
  using clock = std::chrono::steady_clock;
  std::size_t bytes = 0, reports = 0, sink = 0;
  auto start = clock::now();
  double elapsed = 0;
  for (long pass = 0; iterations ? pass < iterations : elapsed < seconds; ++pass) {
    for (const std::string& in : inputs) {
      sink += body(in);
      bytes += in.size();
      ++reports;
    }
    elapsed = std::chrono::duration<double>(clock::now() - start).count();
  }
  std::printf("%-22s %9.1f MB/s %10.0f reports/s %9.1f us/report  (%zu)\n", name, bytes / elapsed / 1e6,
              reports / elapsed, elapsed / reports * 1e6, sink % 10);
  return elapsed / static_cast<double>(reports);
}

/// Like measure(), for PDF files: pages per second (each input's page count from one reading).
void measure_pages(const char* name, const std::vector<std::string>& inputs, const std::vector<std::size_t>& pages,
                   double seconds, const std::function<std::size_t(const std::string&)>& body) {
  if (!only.empty() && std::string(name).rfind(only, 0) != 0) return;
  using clock = std::chrono::steady_clock;
  std::size_t n = 0, sink = 0, reports = 0;
  auto start = clock::now();
  double elapsed = 0;
  for (long pass = 0; iterations ? pass < iterations : elapsed < seconds; ++pass) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      sink += body(inputs[i]);
      n += pages[i];
      ++reports;
    }
    elapsed = std::chrono::duration<double>(clock::now() - start).count();
  }
  std::printf("%-22s %9.1f pages/s %8.1f reports/s %9.1f ms/report  (%zu)\n", name, n / elapsed, reports / elapsed,
              elapsed / reports * 1e3, sink % 10);
}

/// The positioned-words inputs: the bbox XHTML reader, the layout, the whole parse; PDF pages.
void positioned(const std::vector<std::string>& xhtml, const std::vector<std::string>& pdf, double seconds) {
  std::size_t kb = 0;
  for (auto& x : xhtml) kb += x.size();
  std::printf("%zu bbox XHTML files, %.1f KB; %zu PDF files\n", xhtml.size(), kb / 1e3, pdf.size());
  if (!xhtml.empty()) {
    measure("xhtml: words", xhtml, seconds, [](const std::string& in) {
      std::vector<ogi::Diagnostic> diags;
      return ogi::sources::read_bbox_xhtml(in, ogi::Language::zh, diags).index();
    });
    measure("xhtml: words + layout", xhtml, seconds, [](const std::string& in) {
      std::vector<ogi::Diagnostic> diags;
      auto w = ogi::sources::read_bbox_xhtml(in, ogi::Language::zh, diags);
      return ogi::sources::lay_out(std::get<ogi::sources::PositionedText>(w), diags).text.size();
    });
    measure("xhtml: parse", xhtml, seconds, [](const std::string& in) {
      auto r = ogi::parse(in);
      return r.ok() ? r.report().diagnostics.size() : 0;
    });
  }
  auto reader = ogi::sources::pdf_reader();
  if (pdf.empty() || !reader) return;
  std::vector<std::size_t> pages;
  for (auto& p : pdf) {
    std::vector<ogi::Diagnostic> diags;
    auto w = reader(p, {}, diags);
    pages.push_back(std::holds_alternative<ogi::sources::PositionedText>(w)
                        ? std::get<ogi::sources::PositionedText>(w).pages.size() : 0);
  }
  measure_pages("pdf: words (poppler)", pdf, pages, seconds, [&](const std::string& in) {
    std::vector<ogi::Diagnostic> diags;
    return reader(in, {}, diags).index();
  });
  measure_pages("pdf: parse", pdf, pages, seconds, [](const std::string& in) {
    auto r = ogi::parse(in);
    return r.ok() ? r.report().diagnostics.size() : 0;
  });
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 1.0;
  bool each = false;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) seconds = std::stod(argv[++i]);
    else if (a == "--stage" && i + 1 < argc) only = argv[++i];
    else if (a == "--iterations" && i + 1 < argc) iterations = std::stol(argv[++i]);
    else if (a == "--each") each = true;
    else files.emplace_back(a);
  }
  if (files.empty())
    for (const auto& e : std::filesystem::directory_iterator(OGI_SOURCE_DIR "/corpus"))
      if (std::filesystem::exists(e.path() / "input.txt")) files.push_back(e.path() / "input.txt");
#ifdef OGI_WITH_PDF
  ogi::pdf::enable();
#endif
  std::vector<std::string> inputs, xhtml, pdf, paths;  // paths: the file of each of the inputs
  std::size_t total = 0;
  for (const auto& f : files) {
    std::string in = read(f);
    auto format = ogi::sources::sniff(in);
    if (format == ogi::InputFormat::xhtml || format == ogi::InputFormat::pdf) {
      if (ogi::parse(in)) (format == ogi::InputFormat::xhtml ? xhtml : pdf).push_back(std::move(in));
      continue;
    }
    if (!ogi::parse(in)) continue;  // refused inputs (corpus/007) measure nothing
    total += in.size();
    inputs.push_back(std::move(in));
    paths.push_back(f.string());
  }
  if (each) {  // each file's parse alone, slowest first
    std::vector<std::pair<double, std::string>> times;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const std::vector<std::string> one{inputs[i]};
      std::printf("%s\n", paths[i].c_str());
      times.emplace_back(measure("parse (all stages)", one, seconds, [](const std::string& in) {
        auto r = ogi::parse(in);
        return r.ok() ? r.report().diagnostics.size() : 0;
      }), paths[i]);
    }
    std::sort(times.begin(), times.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::printf("\nslowest first, us a parse:\n");
    for (const auto& [t, path] : times) std::printf("%10.1f  %s\n", t * 1e6, path.c_str());
    return 0;
  }
  std::printf("%zu reports, %.1f KB, %.1f s per stage\n", inputs.size(), total / 1e3, seconds);
  if (!xhtml.empty() || !pdf.empty()) positioned(xhtml, pdf, seconds);
  if (inputs.empty()) return 0;

  for (const std::string& in : inputs) {
    auto r = ogi::parse(in);
    if (r && r.report().format != ogi::InputFormat::text)
      std::printf("  a %s: %.1f KB read into %.1f KB that spans index%s%s\n", std::string(ogi::to_string(r.report().format)).c_str(),
                  in.size() / 1e3, r.report().input.size() / 1e3, r.report().input_part.empty() ? "" : ", ",
                  r.report().input_part.c_str());
  }

  measure("read (sources stage)", inputs, seconds, [](const std::string& in) {
    std::vector<ogi::Diagnostic> diags;
    auto d = ogi::sources::read(in, {}, diags);
    return d.index();
  });

  measure("decode", inputs, seconds, [](const std::string& in) {
    std::vector<ogi::Diagnostic> diags;
    auto d = ogi::text::decode(in, {}, diags);
    return d.index();
  });
  measure("decode+normalize", inputs, seconds, [](const std::string& in) {
    std::vector<ogi::Diagnostic> diags;
    auto d = ogi::text::decode(in, {}, diags);
    if (!std::holds_alternative<ogi::text::Decoded>(d)) return std::size_t{0};  // a zip (DOCX) is no text
    auto& dec = std::get<ogi::text::Decoded>(d);
    dec.attach(in);
    return ogi::text::normalize(dec).text.size();
  });
  double parse = measure("parse (all stages)", inputs, seconds, [](const std::string& in) {
    auto r = ogi::parse(in);
    return r.ok() ? r.report().diagnostics.size() : 0;
  });
  // the yardstick: text inputs only (a DOCX is no text to normalize)
  std::vector<std::string> texts;
  for (const std::string& in : inputs)
    if (ogi::sources::sniff(in) == ogi::InputFormat::text) texts.push_back(in);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  double icu_nfkc = 0;
  if (U_SUCCESS(status) && texts.size() == inputs.size())
    icu_nfkc = measure("ICU NFKC", texts, seconds, [nfkc](const std::string& in) {
      UErrorCode err = U_ZERO_ERROR;
      icu::UnicodeString n = nfkc->normalize(icu::UnicodeString::fromUTF8(in), err);
      std::string out;
      n.toUTF8String(out);
      return out.size();
    });
  if (parse > 0 && icu_nfkc > 0) std::printf("%-22s %9.2fx\n", "parse / ICU NFKC", parse / icu_nfkc);
  measure("parse + JSON", inputs, seconds, [](const std::string& in) {
    auto r = ogi::parse(in);
    return r.ok() ? ogi::to_json(r.report()).size() : 0;
  });
  measure("parse + CSV", inputs, seconds, [](const std::string& in) {
    auto r = ogi::parse(in);
    return r.ok() ? ogi::csv_row("input.txt", r.report()).size() : 0;
  });
  // the writers alone, over reports parsed once (MB/s of the input they describe)
  std::vector<ogi::Report> reports;
  for (const std::string& in : inputs) reports.push_back(ogi::parse(in).report());
  auto report_of = [&](const std::string& in) -> const ogi::Report& { return reports[static_cast<std::size_t>(&in - inputs.data())]; };
  measure("JSON writer alone", inputs, seconds, [&](const std::string& in) { return ogi::to_json(report_of(in)).size(); });
  measure("JSON compact alone", inputs, seconds, [&](const std::string& in) {
    return ogi::to_json(report_of(in), ogi::JsonOptions{false, "input.txt"}).size();
  });
  measure("CSV writer alone", inputs, seconds, [&](const std::string& in) { return ogi::csv_row("input.txt", report_of(in)).size(); });
  // what `ogi parse -j 1` does for each file, short of writing: read it, parse it, compact JSON;
  // with the memory policy ogi sets for a batch (tools/ogi/run.cpp), the last stage run
#ifdef __GLIBC__
  if (only.empty() || std::string("batch -j1 (file, JSON)").rfind(only, 0) == 0) {
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
  }
#endif
  double batch = measure("batch -j1 (file, JSON)", inputs, seconds, [&](const std::string& in) {
    std::size_t n = 0;
    ogi::BatchOptions o;
    o.jobs = 1;
    o.render = [](std::size_t, const ogi::ParseResult& r) {
      return r ? ogi::to_json(r.report(), ogi::JsonOptions{false, "input.txt"}) : std::string();
    };
    ogi::parse_files({paths[static_cast<std::size_t>(&in - inputs.data())]}, o, [&](ogi::BatchItem& item) {
      n += item.text.size();
      return true;
    });
    return n;
  });
  if (batch > 0 && icu_nfkc > 0) std::printf("%-22s %9.2fx\n", "batch / ICU NFKC", batch / icu_nfkc);
  return 0;
}

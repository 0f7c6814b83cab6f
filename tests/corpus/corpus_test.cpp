// SPDX-License-Identifier: Apache-2.0
// Golden corpus: every corpus/<case>/input.txt (or a published file: input.html, input.docx,
// input.xhtml, input.pdf) parses to exactly corpus/<case>/expected.json. PDF cases are skipped in
// a build without the ogi::pdf component.
// Re-bless after an intended change with:  OGI_BLESS=1 ctest --test-dir build -R corpus
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "../support.hpp"
#include "ogi/ogi.hpp"
#ifdef OGI_WITH_PDF
#include "ogi/pdf.hpp"
#include "sources/positioned.hpp"
#endif

namespace fs = std::filesystem;

namespace {
/// A case's input: the text dump, or the published file it stands for.
fs::path case_input(const fs::path& dir) {
  for (const char* name : {"input.txt", "input.html", "input.docx", "input.xhtml", "input.pdf"})
    if (fs::exists(dir / name)) return dir / name;
  return {};
}

/// PDF reading on for a PDF case only: a text case that holds a PDF's bytes (007) shows how a
/// program without the component refuses it.
bool readable(const fs::path& input) {
  bool pdf = input.extension() == ".pdf";
#ifdef OGI_WITH_PDF
  if (pdf) ogi::pdf::enable();
  else ogi::sources::set_pdf_reader(nullptr);
  return true;
#else
  return !pdf;
#endif
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

/// A short unified-style diff: the first differing region with three lines of context.
std::string first_difference(const std::string& want, const std::string& got) {
  auto a = lines_of(want), b = lines_of(got);
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::size_t ea = a.size(), eb = b.size();
  while (ea > i && eb > i && a[ea - 1] == b[eb - 1]) { --ea; --eb; }
  std::ostringstream d;
  d << "@@ line " << i + 1 << " @@\n";
  for (std::size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) d << "  " << a[k] << "\n";
  for (std::size_t k = i; k < ea && k < i + 20; ++k) d << "- " << a[k] << "\n";
  for (std::size_t k = i; k < eb && k < i + 20; ++k) d << "+ " << b[k] << "\n";
  return d.str();
}
}  // namespace

TEST_CASE("corpus cases match their expected JSON") {
  bool bless = std::getenv("OGI_BLESS") != nullptr;
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(ogi_test::corpus_dir()))
    if (!case_input(e.path()).empty()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const auto& dir : cases) {
    SECTION(dir.filename().string()) {
      if (!readable(case_input(dir))) {
        WARN("skipped: " << dir.filename().string() << " needs the PDF component");
        continue;
      }
      auto r = ogi::parse(ogi_test::read_file(case_input(dir)));
      std::string got = r ? ogi::to_json(r.report()) : "error: " + r.error().message + "\n";
      fs::path expected = dir / "expected.json";
      if (bless) {
        std::ofstream(expected, std::ios::binary) << got;
        continue;
      }
      REQUIRE(fs::exists(expected));
      std::string want = ogi_test::read_file(expected);
      INFO("case " << dir.filename().string() << " differs (re-bless: OGI_BLESS=1 ctest -R corpus)\n"
                   << first_difference(want, got));
      CHECK(want == got);
    }
  }
}

TEST_CASE("parsing is deterministic") {
  for (const auto& e : fs::directory_iterator(ogi_test::corpus_dir())) {
    fs::path input = case_input(e.path());
    if (input.empty() || !readable(input)) continue;
    std::string in = ogi_test::read_file(input);
    auto a = ogi::parse(in), b = ogi::parse(in);
    REQUIRE(a.ok() == b.ok());
    if (a) CHECK(ogi::to_json(a.report()) == ogi::to_json(b.report()));
  }
}

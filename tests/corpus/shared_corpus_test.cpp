// SPDX-License-Identifier: Apache-2.0
// Properties over every real dump in ../shared/corpus (skipped when this clone has none):
// no failure, spans inside the input and ordered, sections tiling from the first heading.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "ogi/ogi.hpp"

namespace fs = std::filesystem;

namespace {

void check_span(const ogi::Report& r, const ogi::Span& s) {
  CHECK(s.begin <= s.end);
  CHECK(s.end <= r.input.size());
}
}  // namespace

TEST_CASE("every real dump parses with spans inside the input") {
  auto files = ogi_test::shared_variants();
  if (files.empty()) {
    WARN("../shared/corpus not present: skipped");
    return;
  }
  for (const auto& f : files) {
    INFO(f.string());
    auto r = ogi::parse(ogi_test::read_file(f));
    REQUIRE(r);
    const auto& rep = r.report();
    for (const auto& s : rep.sections) check_span(rep, s.span);
    for (const auto& d : rep.diagnostics) check_span(rep, d.span);
    std::uint32_t prev_end = 0;
    for (const auto& s : rep.sections)
      if (s.parent < 0) {
        if (prev_end) CHECK(s.span.begin == prev_end);  // top-level sections tile
        prev_end = s.span.end;
      }
    if (prev_end) CHECK(prev_end == rep.input.size());
  }
}

TEST_CASE("real reports whose numbers are consistent get no identity or narrative finding") {
  fs::path shared = ogi_test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/corpus not present: skipped");
    return;
  }
  for (const auto& dir : fs::directory_iterator(shared / "corpus" / "real")) {
    std::string meta = ogi_test::read_file(dir.path() / "meta.json");
    // the truth lists the identities the document itself breaks; an empty list means none
    if (meta.find("\"identity_breaks_in_document\": []") == std::string::npos) continue;
    for (const auto& v : fs::directory_iterator(dir.path() / "variants")) {
      INFO(v.path().string());
      auto r = ogi::parse(ogi_test::read_file(v.path()));
      REQUIRE(r);
      for (const auto& d : r.report().diagnostics) {
        bool finding = d.code.rfind("identity.", 0) == 0 || d.code.rfind("narrative.", 0) == 0;
        INFO(d.code << " " << d.message);
        CHECK_FALSE(finding);
      }
    }
  }
}

TEST_CASE("every real dump of a 2019 or later report has the six sections in order, sub-sections inside them") {
  auto files = ogi_test::shared_variants();
  if (files.empty()) {
    WARN("../shared/corpus not present: skipped");
    return;
  }
  using ogi::SectionKey;
  const std::vector<SectionKey> six{SectionKey::overview,          SectionKey::active_disclosure,
                                    SectionKey::applications,      SectionKey::review_litigation,
                                    SectionKey::problems,          SectionKey::other_matters};
  for (const auto& f : files) {
    INFO(f.string());
    auto r = ogi::parse(ogi_test::read_file(f));
    REQUIRE(r);
    const auto& rep = r.report();
    std::vector<SectionKey> keys;
    for (const auto& s : rep.sections)
      if (s.parent < 0 && s.key != SectionKey::other) keys.push_back(s.key);
    if (rep.template_version != ogi::TemplateVersion::legacy) CHECK(keys == six);
    for (const auto& s : rep.sections) {
      if (s.parent < 0) continue;
      const auto& p = rep.sections[static_cast<std::size_t>(s.parent)];
      CHECK(s.span.begin >= p.span.begin);
      CHECK(s.span.end <= p.span.end);
      CHECK(s.line >= p.line);
    }
  }
}

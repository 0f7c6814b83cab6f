// SPDX-License-Identifier: Apache-2.0
// The figures the prose states (sections.hpp): the patterns of template/statements.hpp over the
// paragraphs of sections 1, 3 and 4.
#include <algorithm>
#include <string>

#include "sections/sections.hpp"
#include "text/patterns.hpp"

namespace ogi::sections {
namespace {

const text::Patterns& patterns() {
  static const text::Patterns set = [] {
    std::vector<text::PatternSpec> specs;
    for (const templates::StatedFigureDef& d : templates::stated_figures()) specs.push_back({d.regex, d.needs});
    return text::Patterns(specs, /*ucp=*/false);
  }();
  return set;
}

/// The unit every stated figure ends with (template/statements.cpp: `(\\d+)件`).
const text::CharSet::Probe& counted_in_pieces() {
  static const text::CharSet::Probe probe("件");
  return probe;
}

/// Does the paragraph speak of a wider scope than the report's own body (全市 …)?
bool wider(const text::Paragraph& p) {
  static const std::vector<text::CharSet::Probe> chars = [] {
    std::vector<text::CharSet::Probe> v;
    for (std::string_view scope : templates::wider_scopes()) v.emplace_back(scope);
    return v;
  }();
  const auto& scopes = templates::wider_scopes();
  for (std::size_t i = 0; i < scopes.size(); ++i)
    if ((!p.chars() || p.chars()->may_contain(chars[i])) && p.text.find(scopes[i]) != std::string::npos) return true;
  return false;
}

}  // namespace

std::vector<templates::StatedFigure> read_stated_figures(const std::vector<text::Paragraph>& prose, const Report& report) {
  std::vector<templates::StatedFigure> out;
  text::Matcher m;
  const text::Patterns& set = patterns();
  for (const Section& sec : report.sections) {
    if (sec.parent >= 0 || (sec.key != SectionKey::overview && sec.key != SectionKey::applications &&
                            sec.key != SectionKey::review_litigation))
      continue;
    for (const text::Paragraph& p : prose) {
      if (p.first_line + 1 < sec.line || p.first_line >= sec.end_line) continue;
      // every figure is counted in 件: a paragraph without one states none (most do not)
      if (p.chars() && !p.chars()->may_contain(counted_in_pieces())) continue;
      // the figures first, the scope only of a paragraph that states one (most state none)
      const std::size_t before = out.size();
      for (std::size_t k = 0; k < set.size(); ++k)
        m.each(set, k, p.text, p.chars(), [&](PCRE2_SIZE* ov, int rc) {
          templates::StatedFigure f;
          f.def = static_cast<int>(k);
          f.count = std::stoll(p.text.substr(ov[2], std::min<PCRE2_SIZE>(ov[3] - ov[2], 15)));
          if (rc > 2 && ov[4] != PCRE2_UNSET) f.share = p.text.substr(ov[4], ov[5] - ov[4]);
          f.phrase = p.text.substr(ov[0], ov[1] - ov[0]);
          f.begin = p.at(ov[0]);
          f.end = p.at(ov[1] - 1) + 1;
          out.push_back(std::move(f));
        });
      if (out.size() > before && wider(p)) out.erase(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
    }
  }
  return out;
}

}  // namespace ogi::sections

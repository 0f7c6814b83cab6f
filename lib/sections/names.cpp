// SPDX-License-Identifier: Apache-2.0
// The body's name where the report states it besides the title: the signature (落款, the name
// above the closing date), a byline of the page (来源: …, 发布机构: …, 主办单位: …) and the prose
// (现将<name>2021年政府信息公开工作年度报告…, 本报告由<name>…编制, 请与<name>联系).
#include <algorithm>

#include "sections/names.hpp"
#include "text/numbering.hpp"
#include "text/patterns.hpp"

namespace ogi::sections {
namespace {

constexpr std::size_t kTailLines = 12;      // the signature and the page's footer are among these
constexpr std::size_t kTailParagraphs = 4;  // a closing 请与…联系 among these

bool digit(char c) { return c >= '0' && c <= '9'; }

/// "2024年2月2日" alone (brackets allowed): a signature's date.
bool is_date_line(std::string_view s) {
  if (s.starts_with("(") && s.ends_with(")")) s = s.substr(1, s.size() - 2);
  std::size_t i = 0;
  auto number = [&](std::size_t min, std::size_t max) {
    std::size_t b = i;
    while (i < s.size() && digit(s[i])) ++i;
    return i - b >= min && i - b <= max;
  };
  auto word = [&](std::string_view w) {
    if (!s.substr(i).starts_with(w)) return false;
    i += w.size();
    return true;
  };
  return number(4, 4) && word("年") && number(1, 2) && word("月") && number(1, 2) && word("日") && i == s.size();
}

struct Byline {
  std::string_view label;
  int rank;
  FieldSource source;
};
constexpr Byline kBylines[] = {
    {"来源:", kRankByline, FieldSource::byline},     {"发布机构:", kRankByline, FieldSource::byline},
    {"发文机关:", kRankByline, FieldSource::byline}, {"发布单位:", kRankByline, FieldSource::byline},
    {"主办单位:", kRankSiteOwner, FieldSource::byline},
};

void read_bylines(const text::NormalizedText& nt, std::size_t li, std::vector<Name>& out) {
  std::string_view raw = nt.line_text(li);
  if (raw.size() > 600 || raw.find(':') == std::string_view::npos) return;
  if (std::none_of(std::begin(kBylines), std::end(kBylines), [&](const Byline& b) { return raw.find(b.label) != std::string_view::npos; }))
    return;
  Piece p(nt, nt.lines[li].begin, nt.lines[li].end, true);
  for (const Byline& b : kBylines) {
    std::size_t k = p.text.find(b.label);
    if (k == std::string::npos) continue;
    std::size_t v = k + b.label.size();
    if (v < p.text.size() && p.text[v] == ' ') ++v;
    std::size_t e = p.text.find(' ', v);
    if (e == std::string::npos) e = p.text.size();
    if (e > v && plausible_name(std::string_view(p.text).substr(v, e - v), true))
      out.push_back({p.sub(v, e), b.source, b.rank});
  }
}

enum Re { kOwner, kCompiler, kContact };

const text::Patterns& patterns() {
  static const text::Patterns set(
      {
          // (1) the name (2) the year: 现将沅源市桐原区人民政府2021年政府信息公开工作年度报告向社会公布
          {"现将([\\p{Han}()]{2,40}?)(?:((?:19|20)[0-9]{2})年度?)?(?:政府)?信息公开(?:工作)?年度报告", {"现将"}},
          {"本(?:年度)?报告(?:是)?由([\\p{Han}()]{2,40}?)(?:根据|依据|按照|依照|编制|负责|组织|汇总)", {"报告由", "报告是由"}},
          {"请与([\\p{Han}()]{2,40}?)(?:联系|联络)", {"请与"}},
      },
      /*ucp=*/true);
  return set;
}

}  // namespace

void read_signature_and_bylines(const text::NormalizedText& nt, std::size_t head, std::vector<Name>& out) {
  std::vector<std::size_t> tail;  // the last content lines, last first
  for (std::size_t li = nt.lines.size(); li-- > 0 && tail.size() < kTailLines;)
    if (!nt.lines[li].dropped && !text::trim(nt.line_text(li)).empty()) tail.push_back(li);
  for (std::size_t i = 0; i + 1 < tail.size(); ++i) {
    // a date line and a name are short, whatever the spaces before them
    if (text::trim(nt.line_text(tail[i])).size() > 40 || text::trim(nt.line_text(tail[i + 1])).size() > 200) continue;
    Piece date(nt, nt.lines[tail[i]].begin, nt.lines[tail[i]].end, false);
    if (!is_date_line(date.text)) continue;
    Piece name(nt, nt.lines[tail[i + 1]].begin, nt.lines[tail[i + 1]].end, false);
    if (plausible_name(name.text, true)) out.push_back({std::move(name), FieldSource::signature, kRankSignature});
    break;
  }
  head = std::min(head, nt.lines.size());
  for (std::size_t li = 0; li < head; ++li)
    if (!nt.lines[li].dropped) read_bylines(nt, li, out);
  for (std::size_t li : tail)
    if (li >= head) read_bylines(nt, li, out);
}

void read_prose_names(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose,
                      std::size_t preamble_end, std::vector<Name>& out, int& year, Span& year_span) {
  text::Matcher m;
  // The report names itself in its preamble (现将…, 本报告由…, 请与…联系) or in its last lines.
  std::size_t tail_from = prose.size() > kTailParagraphs ? prose.size() - kTailParagraphs : 0;
  for (std::size_t i = 0; i < prose.size(); ++i) {
    const text::Paragraph& p = prose[i];
    if (p.first_line >= preamble_end && i < tail_from) continue;
    auto take = [&](PCRE2_SIZE b, PCRE2_SIZE e, int rank) {
      std::string_view v = std::string_view(p.text).substr(b, e - b);
      // 现将某县人民政府信息公开…: the name and the title share 政府
      if (v.ends_with("人民") && std::string_view(p.text).substr(e).starts_with("政府")) e += 6;
      v = std::string_view(p.text).substr(b, e - b);
      if (!plausible_name(v, true)) return;
      Name n;
      n.piece.text = std::string(v);
      for (PCRE2_SIZE k = b; k < e; ++k) n.piece.at.push_back(p.at(k));
      n.source = FieldSource::body;
      n.rank = rank;
      out.push_back(std::move(n));
    };
    m.each(patterns(), kOwner, p.text, p.chars(), [&](PCRE2_SIZE* ov, int rc) {
      take(ov[2], ov[3], kRankOwner);
      if (!year && rc > 2 && ov[4] != PCRE2_UNSET) {
        year = std::stoi(p.text.substr(ov[4], 4));
        year_span = nt.span(p.at(ov[4]), p.at(ov[5] - 1) + 1);
      }
    });
    m.each(patterns(), kCompiler, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) { take(ov[2], ov[3], kRankCompiler); });
    m.each(patterns(), kContact, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) { take(ov[2], ov[3], kRankContact); });
  }
}

}  // namespace ogi::sections

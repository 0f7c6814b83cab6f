// SPDX-License-Identifier: Apache-2.0
// Metadata from the prose (docs/sections.md): contact details, cited documents and 文号, the information-processing fee and the counts of 人大代表建议 / 政协提案 of
// section 6. Patterns are compiled once (PCRE2) and run on paragraphs of the normalized text, so
// a value wrapped over two lines is still found; every value keeps its span. Digits are [0-9]:
// under Unicode properties \d would also take other scripts' digits, which are no number here.
#include <algorithm>
#include <memory>
#include <string>

#include "sections/sections.hpp"
#include "text/paragraphs.hpp"
#include "text/patterns.hpp"

namespace ogi::sections {
namespace {

enum Re { kWebsite, kPostcode, kPhone, kFax, kEmail, kAddress, kDocNumber, kCited, kFeeNone, kFeeAmount,
          kProposal, kProposalCountFirst, kPublished, kDateLine, kCount };

/// Each pattern with the literals it cannot match without: a paragraph lacking all of them is
/// not searched (\p{Han}{1,12}〔 alone would try twelve characters at every ideograph).
const text::Patterns& patterns() {
  static const text::Patterns set({
      {"(?:https?://)?(?:www\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:gov\\.cn|com\\.cn|org\\.cn|cn|com|org|net)(?:/[A-Za-z0-9_./?=&%-]*)?", {".cn", ".com", ".org", ".net"}},
      {"(?:邮编|邮政编码)[:：]?([0-9]{6})(?![0-9])", {"邮"}},
      {"(?:联系电话|咨询电话|电话)[:：]?((?:\\(?0[0-9]{2,3}\\)?-?)?[0-9]{7,8}(?:(?:、|,|/)(?:\\(?0[0-9]{2,3}\\)?-?)?[0-9]{7,8})*)", {"电话"}},
      {"传真[:：]?((?:\\(?0[0-9]{2,3}\\)?-?)?[0-9]{7,8})", {"传真"}},
      {"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+", {"@"}},
      {"地址[:：]([^;；,，。)]{4,60})", {"地址"}},
      // the issuer before 〔 is taken by walking back (a leading \\p{Han}{1,12} would be tried at every ideograph)
      {"〔(?:19|20)[0-9]{2}〕[0-9]{1,4}号", {"〔"}},
      {"《([^《》]{2,80})》", {"《"}},
      {"(?:未|没有|不|无)收取(?:任何)?(?:信息处理费|费用)|信息处理费[为:：]?(?:0|零|无)", {"收取", "信息处理费"}},
      {"收取(?:政府信息公开)?(?:信息处理费)?(?:共计|共)?([0-9]+(?:\\.[0-9]+)?)元", {"收取"}},
      // 人大代表建议80件: (1) noun (2) count — the level is read before it; both start with a literal,
      // not with an optional level, which would be tried at every position
      {"(人大代表建议|政协(?:委员)?提案)(?:共计|共)?([0-9]+)件", {"人大代表建议", "提案"}},
      // 2件市人大代表建议: (1) count (2) level (3) noun
      {"([0-9]+)件(市|省|区|县|全国)?(人大代表建议|政协(?:委员)?提案)", {"人大代表建议", "提案"}},
      {"(?:发布日期|发布时间|成文日期|印发日期)[:：]?([0-9]{4})(?:年|-|/|\\.)([0-9]{1,2})(?:月|-|/|\\.)([0-9]{1,2})", {"日期", "时间"}},
      {"^\\(?([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日\\)?$", {"年"}},
  }, /*ucp=*/true);
  return set;
}

std::string iso(const std::string& y, const std::string& m, const std::string& d) {
  auto two = [](const std::string& v) { return v.size() == 1 ? "0" + v : v; };
  return y + "-" + two(m) + "-" + two(d);
}

/// The level a count belongs to: the last level word before `at` in the paragraph (本级/市级/…),
/// else the body's own level.
std::string level_before(const std::string& s, std::size_t at) {
  // within the 300 bytes before: a level word further back belongs to another part of the text.
  // The last one wholly before `at`, by one walk back (the words are all two ideographs).
  static constexpr std::string_view kLevels[] = {"本级", "市级", "省级", "区级", "县级", "全国"};
  std::string_view before = std::string_view(s).substr(0, at);
  std::size_t from = at > 300 ? at - 300 : 0;
  for (std::size_t k = before.size() >= 6 ? before.size() - 6 + 1 : 0; k-- > from;) {
    const auto last = static_cast<unsigned char>(before[k + 5]);  // 级 and 国 end in A7 and BD
    if (last != 0xA7 && last != 0xBD) continue;
    for (std::string_view w : kLevels)
      if (before.compare(k, w.size(), w) == 0) return std::string(w);
  }
  return "本级";
}

/// A date written in the title block or under the closing signature: "2023年1月18日" alone on a
/// line, or in brackets.
void read_published(const text::NormalizedText& nt, const Report& report, text::Matcher& m, Metadata& md) {
  std::vector<std::size_t> candidates;
  for (std::size_t li = 0; li < std::min<std::size_t>(report.preamble_end_line, 12); ++li) candidates.push_back(li);
  for (std::size_t li = nt.lines.size(), content = 0; li-- > 0 && content < 4;) {
    if (nt.line_text(li).find_first_not_of(" \t") == std::string_view::npos) continue;
    ++content;
    candidates.push_back(li);
  }
  for (std::size_t li : candidates) {
    std::string_view line = nt.line_text(li);
    if (line.size() > 60) continue;
    auto one = text::paragraphs(nt, li, li + 1);
    if (one.empty()) continue;
    const text::Paragraph& p = one.front();
    m.each(patterns(), kDateLine, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      if (md.published) return;
      md.published.value = iso(p.text.substr(ov[2], ov[3] - ov[2]), p.text.substr(ov[4], ov[5] - ov[4]),
                               p.text.substr(ov[6], ov[7] - ov[6]));
      PCRE2_SIZE end = p.text[ov[1] - 1] == ')' ? ov[1] - 1 : ov[1];  // the date without its brackets
      md.published.span = nt.span(p.at(ov[2]), p.at(end - 1) + 1);
      md.published.source = li < report.preamble_end_line ? FieldSource::title : FieldSource::signature;
    });
    if (md.published) return;
  }
}

}  // namespace

void read_contacts(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose, Report& report) {
  Metadata& md = report.metadata;
  text::Matcher m;
  // (a telephone, a title or a 文号 already listed is not listed again: the lists are short)
  auto listed = [](const std::vector<Field<std::string>>& list, std::string_view v) {
    return std::any_of(list.begin(), list.end(), [&](const Field<std::string>& f) { return *f.value == v; });
  };
  std::size_t six_first = nt.lines.size();
  for (const Section& s : report.sections)
    if (s.parent < 0 && s.key == SectionKey::other_matters) six_first = s.line - 1;

  for (const text::Paragraph& p : prose) {
    bool in_six = p.first_line >= six_first;
    auto span = [&](PCRE2_SIZE b, PCRE2_SIZE e) { return nt.span(p.at(b), p.at(e - 1) + 1); };
    auto group_view = [&](PCRE2_SIZE* ov, int g) { return std::string_view(p.text).substr(ov[2 * g], ov[2 * g + 1] - ov[2 * g]); };
    auto group = [&](PCRE2_SIZE* ov, int g) { return std::string(group_view(ov, g)); };
    auto set_once = [&](Field<std::string>& f, PCRE2_SIZE* ov, int g) {
      if (f || ov[2 * g] == PCRE2_UNSET) return;
      f.value = group(ov, g);
      f.span = span(ov[2 * g], ov[2 * g + 1]);
      f.source = FieldSource::body;
    };
    m.each(patterns(), kWebsite, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      // an e-mail's domain is not the website
      if (ov[0] > 0 && p.text[ov[0] - 1] == '@') return;
      set_once(md.website, ov, 0);
    });
    m.each(patterns(), kPostcode, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) { set_once(md.postcode, ov, 1); });
    m.each(patterns(), kPhone, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      if (listed(md.telephones, group_view(ov, 1))) return;
      Field<std::string> f;
      f.value = group(ov, 1);
      f.span = span(ov[2], ov[3]);
      f.source = FieldSource::body;
      md.telephones.push_back(std::move(f));
    });
    m.each(patterns(), kFax, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) { set_once(md.fax, ov, 1); });
    m.each(patterns(), kEmail, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) { set_once(md.email, ov, 0); });
    m.each(patterns(), kAddress, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) { set_once(md.address, ov, 1); });
    m.each(patterns(), kDocNumber, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      // a 文号 follows its issuing organ's abbreviation: up to six ideographs before 〔
      std::size_t keep = ov[0];
      for (int chars = 0; keep > 0 && chars < 6; ++chars) {
        std::size_t b = keep - 1;
        while (b > 0 && (static_cast<unsigned char>(p.text[b]) & 0xC0) == 0x80) --b;
        std::size_t i = b;
        if (!text::is_han(text::next_code_point(p.text, i))) break;
        keep = b;
      }
      if (keep == ov[0]) return;  // no issuer: not a 文号
      const std::string_view number = std::string_view(p.text).substr(keep, ov[1] - keep);
      if (listed(md.document_numbers, number)) return;
      Field<std::string> f;
      f.value = std::string(number);
      f.span = span(keep, ov[1]);
      f.source = FieldSource::body;
      md.document_numbers.push_back(std::move(f));
    });
    m.each(patterns(), kPublished, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      if (md.published) return;
      md.published.value = iso(group(ov, 1), group(ov, 2), group(ov, 3));
      md.published.span = span(ov[0], ov[1]);
      md.published.source = FieldSource::byline;  // 发布日期: a label of the page
    });
    m.each(patterns(), kCited, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      if (listed(md.cited_documents, group_view(ov, 1))) return;
      Field<std::string> f;
      f.value = group(ov, 1);
      f.span = span(ov[2], ov[3]);
      f.source = FieldSource::body;
      md.cited_documents.push_back(std::move(f));
    });
    if (!in_six) continue;
    m.each(patterns(), kFeeNone, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      if (md.fee_charged) return;
      md.fee_charged.value = false;
      md.fee_charged.span = span(ov[0], ov[1]);
      md.fee_charged.source = FieldSource::body;
    });
    m.each(patterns(), kFeeAmount, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      if (md.fee_amount) return;
      md.fee_amount.value = Decimal::parse(group(ov, 1));
      md.fee_amount.span = span(ov[2], ov[3]);
      md.fee_amount.source = FieldSource::body;
      if (md.fee_amount && !md.fee_charged) {
        md.fee_charged.value = md.fee_amount.value->units != 0;
        md.fee_charged.span = md.fee_amount.span;
        md.fee_charged.source = FieldSource::body;
      }
    });
    auto count_proposals = [&](std::string level, std::string_view noun, PCRE2_SIZE* ov, int count) {
      ProposalCounts* at = nullptr;
      for (auto& pc : md.proposals_by_level)
        if (pc.level == level) at = &pc;
      if (!at) {
        md.proposals_by_level.push_back({level, {}, {}});
        at = &md.proposals_by_level.back();
      }
      Field<int>& f = noun.starts_with("人大") ? at->npc_suggestions : at->cppcc_proposals;
      if (f) return;
      f.value = std::stoi(group(ov, count).substr(0, 9));
      f.span = span(ov[2 * count], ov[2 * count + 1]);
      f.source = FieldSource::body;
    };
    m.each(patterns(), kProposal, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      // 市人大代表建议: the level written right before the noun
      std::string level;
      for (std::string_view w : {"全国", "市", "省", "区", "县"})
        if (ov[0] >= w.size() && std::string_view(p.text).substr(ov[0] - w.size(), w.size()) == w) {
          level = std::string(w) + (w == "全国" ? "" : "级");
          break;
        }
      if (level.empty()) level = level_before(p.text, ov[0]);
      count_proposals(level, group(ov, 1), ov, 2);
    });
    m.each(patterns(), kProposalCountFirst, p.text, p.chars(), [&](PCRE2_SIZE* ov, int) {
      std::string level = ov[4] != PCRE2_UNSET && ov[4] < ov[5] ? group(ov, 2) : level_before(p.text, ov[0]);
      if (level != "全国" && level.size() == 3) level += "级";
      count_proposals(level, group(ov, 3), ov, 1);
    });
  }
  if (!md.published) read_published(nt, report, m, md);
  // The headline counts are the body's own level's, else the first level stated.
  for (const ProposalCounts& pc : md.proposals_by_level)
    if (pc.level == "本级" || &pc == &md.proposals_by_level.back()) {
      const ProposalCounts& own = pc.level == "本级" ? pc : md.proposals_by_level.front();
      md.npc_suggestions = own.npc_suggestions;
      md.cppcc_proposals = own.cppcc_proposals;
      break;
    }
}

}  // namespace ogi::sections

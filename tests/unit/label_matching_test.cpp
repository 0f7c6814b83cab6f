// SPDX-License-Identifier: Apache-2.0
// Label matching through the template's one matcher (issue 20): the table's words found in one
// pass give the same strengths, row by row, as matching each row's words one by one.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tables/labels.hpp"
#include "template/phrases.hpp"
#include "template/template.hpp"

using namespace ogi;

namespace {

/// Every occurrence of every phrase, found one phrase at a time.
std::vector<std::pair<std::size_t, std::size_t>> naive(const templates::PhraseMatcher& m, std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t p = 0; p < m.phrases().size(); ++p)
    for (std::size_t at = text.find(m.phrases()[p].text); at != std::string_view::npos; at = text.find(m.phrases()[p].text, at + 1))
      out.emplace_back(at, p);
  std::sort(out.begin(), out.end());
  return out;
}

/// The first n characters of s (UTF-8).
std::string first(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (; i < s.size() && n > 0; --n)
    for (++i; i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;) ++i;
  return s.substr(0, i);
}

/// Texts a table's cells hold: labels whole, numbered, cut short, damaged, run together with
/// headers, prose that mentions a row, header words, group labels.
std::vector<std::string> samples(const templates::TableDef& def) {
  std::vector<std::string> out{"", "1.", "(三)", "七)总计", "其他", "3.其他", "(七)总计", "总计", "行政\uFFFD", "行政___",
                               "本年新收申请16件，上年结转0件。", "信息内容本年制发件数本年废止件数现行有效件数规章",
                               "三、本年度办理结果(一)予以公开", "(三)不予公开1.属于国家秘密", "(五)不3.要求提供公开出", "5、属于三类内\uFFFD\uFFFD信\uFFFD", "自然人", "法人或其他组织",
                               "第二十条第(五)项", "行政诉讼", "结果维持", "218.其他", "、属于", "全年公开行政许可决定33件、行政处罚决定"};
  for (const templates::RowDef& r : def.rows) {
    std::string label(r.label);
    out.push_back(label);
    out.push_back(std::string(r.numbering) + label);
    out.push_back(first(label, 2));
    out.push_back(std::string(r.numbering) + first(label, 2));
    out.push_back(first(label, 3) + "\uFFFD");
    out.push_back(first(label, 5));
    for (std::string_view k : r.keywords) out.push_back("关于" + std::string(k) + "的");
    for (std::string_view v : r.variants) out.push_back(std::string(v));
  }
  for (const templates::ColumnDef& c : def.columns) out.push_back(std::string(c.label) + "规章");
  for (std::string_view g : def.groups) out.push_back(std::string(g) + "1.其他");
  return out;
}

}  // namespace

TEST_CASE("the template's matcher finds every occurrence that one find per phrase finds") {
  for (TableKey k : {TableKey::active_disclosure, TableKey::applications, TableKey::review_litigation}) {
    const templates::TableDef& def = templates::table(k);
    const templates::PhraseMatcher& m = templates::phrases(def);
    for (const std::string& s : samples(def)) {
      std::vector<std::pair<std::size_t, std::size_t>> found;
      m.each(s, [&](std::size_t p, std::size_t at) { found.emplace_back(at, p); });
      std::sort(found.begin(), found.end());
      CHECK(found == naive(m, s));
    }
  }
}

TEST_CASE("a table's labels match every row as strongly as matching the row alone does") {
  text::NormalizedText nt;
  std::vector<tables::Token> none;
  for (TableKey k : {TableKey::active_disclosure, TableKey::applications, TableKey::review_litigation}) {
    const templates::TableDef& def = templates::table(k);
    tables::LabelMatches matches(nt, none, def);
    for (const std::string& s : samples(def)) {
      const std::vector<std::int8_t>& all = matches.window_strengths(s);
      tables::LabelStore store;
      const tables::LabelText t = tables::prepare_label(s, &def, store);
      for (std::size_t r = 0; r < def.rows.size(); ++r) {
        INFO(s << " / row " << r);
        CHECK(all[r] == tables::match_strength(t, def.rows[r]));
      }
    }
  }
}

namespace {
/// Does the text name row `only` of table 3 by its words (strength 3 or more), and no other row?
void names_only(const char* text, ApplicationRow only) {
  const templates::TableDef& def = templates::table(TableKey::applications);
  tables::LabelStore store;
  const tables::LabelText t = tables::prepare_label(text, &def, store);
  for (std::size_t r = 0; r < def.rows.size(); ++r) {
    INFO(text << " / row " << r);
    CHECK((tables::match_strength(t, def.rows[r]) >= 3) == (def.rows[r].key == static_cast<int>(only)));
  }
}
}  // namespace

TEST_CASE("a group label cut short with its row's numbered label run on after it names the row") {
  // html2text of an office page: (五)不予处理 cut to (五)不 in its narrow cell
  names_only("(五)不3.要求提供公开出", ApplicationRow::ignored_publication);
}

TEST_CASE("a label html2text cut inside is matched by its words before the cut") {
  names_only("5、属于三类内\uFFFD\uFFFD信\uFFFD", ApplicationRow::denied_internal_affairs);
}

TEST_CASE("table 2's whole column names name the template; another table's label holding a version word does not") {
  CHECK(templates::version_by_column_names("本年制发件数本年废止件数现行有效件数") == TemplateVersion::v2021);
  CHECK(templates::version_by_column_names("信息内容本年新制作数量本年新公开数量") == TemplateVersion::v2019);
  CHECK(templates::version_by_column_names("2.没有现成信息需要另行制作") == TemplateVersion::unknown);  // 制作 outside a column name
  CHECK(templates::version_by_column_names("本年制发件数本年新公开数量") == TemplateVersion::unknown);   // both: neither
}

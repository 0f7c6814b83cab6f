// SPDX-License-Identifier: Apache-2.0
// The template's data: 国办公开办函〔2019〕60号 and 〔2021〕30号 (report-format.md). Labels are
// written as the normalized, squeezed text the engine matches them on: ASCII punctuation where
// the template prints full-width forms, no spaces.
#include "template/template.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace ogi::templates {
namespace {

using AR = ActiveRow;
using AC = ActiveColumn;
using R = ApplicationRow;
using C = ApplicantColumn;
using G = ReviewGroup;
using RC = ReviewColumn;

template <class E>
constexpr int k(E e) { return static_cast<int>(e); }

TableDef make_active_disclosure() {
  TableDef t{TableKey::active_disclosure, "表二", {}, {}, {}, {}};
  const std::vector<int> docs2019{k(AC::made), k(AC::published), k(AC::total_published)};
  const std::vector<int> docs2021{k(AC::made), k(AC::repealed), k(AC::in_force)};
  const std::vector<int> items2019{k(AC::previous_count), k(AC::change), k(AC::decisions)};
  const std::vector<int> decisions{k(AC::decisions)};
  t.rows = {
      {k(AR::rules), "规章", {}, {"规章"}, {}, -1, both, false, docs2019, docs2021, "(一)"},
      {k(AR::normative_documents), "规范性文件", {}, {"规范性文件"}, {"行政规范性文件"}, -1, both, false, docs2019, docs2021, "(一)"},
      {k(AR::licensing), "行政许可", {}, {"行政许可"}, {}, -1, both, false, items2019, decisions, "(五)"},
      {k(AR::other_services), "其他对外管理服务事项", {}, {"对外管理服务"}, {}, -1, v2019, false, items2019, {}, "(五)"},
      {k(AR::penalty), "行政处罚", {}, {"行政处罚"}, {}, -1, both, false, items2019, decisions, "(六)"},
      {k(AR::coercion), "行政强制", {}, {"行政强制"}, {}, -1, both, false, items2019, decisions, "(六)"},
      {k(AR::fees), "行政事业性收费", {}, {"事业性收费"}, {}, -1, both, false,
       {k(AC::previous_count), k(AC::change)}, {k(AC::amount)}, "(八)"},
      {k(AR::procurement), "政府集中采购", {}, {"集中采购"}, {}, -1, v2019, false,
       {k(AC::projects), k(AC::amount)}, {}, "(九)"},
  };
  t.columns = {
      {k(AC::made), "本年制发件数", {"本年新制作数量", "新制作数量"}, both, {"制发", "印发", "出台"}},
      {k(AC::repealed), "本年废止件数", {}, v2021, {"废止"}},
      {k(AC::in_force), "现行有效件数", {}, v2021, {"现行有效"}},
      {k(AC::published), "本年新公开数量", {}, v2019},
      {k(AC::total_published), "对外公开总数量", {}, v2019},
      {k(AC::previous_count), "上一年项目数量", {}, v2019},
      {k(AC::change), "本年增/减", {"本年增减"}, v2019, {}, /*holds_change=*/true},
      {k(AC::decisions), "本年处理决定数量", {"处理决定数量"}},
      {k(AC::amount), "本年收费金额(单位:万元)", {"采购总金额", "本年收费金额"}},
      {k(AC::projects), "采购项目数量", {}, v2019},
  };
  t.groups = {"第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项", "第二十条第(九)项"};
  t.headers = {"信息内容"};
  t.version_words = {{"制发", v2021}, {"废止", v2021}, {"现行有效", v2021},
                     {"制作", v2019}, {"新公开", v2019}, {"对外公开", v2019}, {"上一年", v2019}, {"采购", v2019}};
  return t;
}

TableDef make_applications() {
  TableDef t{TableKey::applications, "表三", {}, {}, {}, {}};
  // groups: 0 三、本年度办理结果, 1 (三)不予公开, 2 (四)无法提供, 3 (五)不予处理, 4 (六)其他处理
  t.rows = {
      {k(R::new_received), "本年新收政府信息公开申请数量", "一、", {"本年新收", "新收政府信息"}, {}, -1},
      {k(R::carried_over), "上年结转政府信息公开申请数量", "二、", {"上年结转"}, {}, -1},
      {k(R::granted), "予以公开", "(一)", {"予以公开"}, {}, 0},
      {k(R::partly_granted), "部分公开(区分处理的,只计这一情形,不计其他情形)", "(二)", {"部分公开"}, {}, 0},
      {k(R::denied_state_secret), "属于国家秘密", "1.", {"国家秘密"}, {}, 1},
      {k(R::denied_law_prohibits), "其他法律行政法规禁止公开", "2.", {"法律行政法规", "其他法律", "禁止公开"}, {}, 1},
      {k(R::denied_security_stability), "危及\"三安全一稳定\"", "3.", {"三安全一稳定", "危及"}, {}, 1},
      {k(R::denied_third_party), "保护第三方合法权益", "4.", {"第三方"}, {}, 1},
      {k(R::denied_internal_affairs), "属于三类内部事务信息", "5.", {"内部事务"}, {}, 1},
      {k(R::denied_process_info), "属于四类过程性信息", "6.", {"过程性"}, {}, 1},
      {k(R::denied_enforcement_file), "属于行政执法案卷", "7.", {"执法案卷"}, {}, 1},
      {k(R::denied_admin_query), "属于行政查询事项", "8.", {"行政查询"}, {}, 1},
      {k(R::unable_not_held), "本机关不掌握相关政府信息", "1.", {"不掌握"}, {}, 2},
      {k(R::unable_needs_creation), "没有现成信息需要另行制作", "2.", {"另行制作", "没有现成"}, {}, 2},
      {k(R::unable_unclear), "补正后申请内容仍不明确", "3.", {"仍不明确", "补正后申请"}, {}, 2},
      {k(R::ignored_complaint), "信访举报投诉类申请", "1.", {"信访", "举报投诉"}, {}, 3},
      {k(R::ignored_repeated), "重复申请", "2.", {"重复申请"}, {}, 3},
      {k(R::ignored_publication), "要求提供公开出版物", "3.", {"出版物"}, {}, 3},
      {k(R::ignored_excessive), "无正当理由大量反复申请", "4.", {"大量反复"}, {}, 3},
      {k(R::ignored_confirmation), "要求行政机关确认或重新出具已获取信息", "5.",
       {"确认或重新出具", "重新出具", "要求行政机关确认", "已获取信息"}, {}, 3},
      {k(R::other), "其他处理", "(六)", {"其他处理"}, {}, 0},
      {k(R::other_no_correction), "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1.",
       {"逾期不补正", "无正当理由逾期"}, {}, 4, v2021},
      {k(R::other_unpaid_fee), "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2.",
       {"收费通知", "缴纳费用"}, {}, 4, v2021},
      {k(R::other_other), "其他", "3.", {}, {}, 4, v2021, true},
      {k(R::total), "总计", "(七)", {}, {}, 0, both, true, {}, {}, {}, "办理总计"},
      {k(R::carried_forward), "结转下年度继续办理", "四、", {"结转下年度", "下年度继续", "结转下一年度"}, {}, -1,
       both, false, {}, {}, {}, "结转下年度"},
  };
  t.rows[k(R::new_received)].short_label = "新收";
  t.rows[k(R::carried_over)].short_label = "上年结转";
  t.columns = {
      {k(C::natural_person), "自然人", {}},
      {k(C::commercial), "商业企业", {}},
      {k(C::research), "科研机构", {}},
      {k(C::social), "社会公益组织", {"社会组织", "公益组织"}},
      {k(C::legal_service), "法律服务机构", {}},
      {k(C::other_org), "其他", {}},
      {k(C::total), "总计", {"合计"}},
  };
  constexpr std::string_view applicants = "申请人情况", organisations = "法人或其他组织";
  t.column_groups = {{applicants, k(C::natural_person), k(C::total)}, {organisations, k(C::commercial), k(C::other_org)}};
  t.groups = {"三、本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理", "(六)其他处理",
              applicants, organisations, "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"};
  return t;
}

TableDef make_review_litigation() {
  TableDef t{TableKey::review_litigation, "表四", {}, {}, {}, {}};
  t.rows = {
      {k(G::review), "行政复议", {}, {"行政复议"}, {}, -1},
      {k(G::litigation_direct), "未经复议直接起诉", {}, {"直接起诉"}, {}, 0},
      {k(G::litigation_after_review), "复议后起诉", {}, {"复议后起诉"}, {}, 0},
  };
  t.columns = {
      {k(RC::upheld), "结果维持", {}},
      {k(RC::corrected), "结果纠正", {}},
      {k(RC::other), "其他结果", {}},
      {k(RC::pending), "尚未审结", {}},
      {k(RC::total), "总计", {"合计"}},
  };
  t.groups = {"行政诉讼"};
  // The header prints the five columns once per row (group of the one printed row): row g's
  // span is g * 5 …; outer first — the rows under no group, each group over its rows, its rows.
  const int width = static_cast<int>(t.columns.size());
  auto span_of = [&](const RowDef& r) { return ColumnGroup{r.label, r.key * width, r.key * width + width - 1}; };
  for (const RowDef& r : t.rows)
    if (r.group < 0) t.column_groups.push_back(span_of(r));
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    ColumnGroup over{t.groups[g], INT32_MAX, -1};
    for (const RowDef& r : t.rows)
      if (r.group == static_cast<int>(g)) over.first = std::min(over.first, span_of(r).first), over.last = std::max(over.last, span_of(r).last);
    t.column_groups.push_back(over);
  }
  for (const RowDef& r : t.rows)
    if (r.group >= 0) t.column_groups.push_back(span_of(r));
  return t;
}

}  // namespace

const std::vector<SectionDef>& sections() {
  static const std::vector<SectionDef> s = {
      {SectionKey::overview, {"总体情况"}, {"总体情况", "概述", "基本情况", "工作概况"}},
      {SectionKey::active_disclosure, {"主动公开政府信息情况"}, {"主动公开政府信息", "主动公开情况"}},
      {SectionKey::applications, {"收到和处理政府信息公开申请情况"},
       {"收到和处理政府信息公开申请", "依申请公开政府信息", "依申请公开情况", "收到和处理"}, {"依申请公开"}},
      {SectionKey::review_litigation, {"政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"},
       {"行政复议", "行政诉讼"}},
      {SectionKey::problems, {"政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进情况"},
       {"存在的主要问题", "问题及改进", "主要问题和改进"}},
      {SectionKey::other_matters, {"其他需要报告的事项"}, {"其他需要报告", "其他事项"}},
  };
  return s;
}

unsigned versions_of(TemplateVersion v) {
  return v == TemplateVersion::v2019 ? v2019 : v == TemplateVersion::v2021 ? v2021 : both;
}

const TableDef& active_disclosure() {
  static const TableDef t = make_active_disclosure();
  return t;
}
const TableDef& applications() {
  static const TableDef t = make_applications();
  return t;
}
const TableDef& review_litigation() {
  static const TableDef t = make_review_litigation();
  return t;
}
bool spans_columns(const TableDef& t, std::string_view label) {
  if (std::find(t.groups.begin(), t.groups.end(), label) != t.groups.end()) return true;
  return std::any_of(t.rows.begin(), t.rows.end(), [&](const RowDef& r) {
    return r.label == label || std::find(r.variants.begin(), r.variants.end(), label) != r.variants.end();
  });
}

bool names_column_group(std::string_view text) {
  for (TableKey k : {TableKey::active_disclosure, TableKey::applications, TableKey::review_litigation})
    for (const ColumnGroup& g : table(k).column_groups)
      if (g.label == text) return true;
  return false;
}

TemplateVersion version_by_column_names(std::string_view text) {
  const TableDef& t = active_disclosure();
  unsigned seen = 0;
  auto look = [&](std::string_view name) {
    for (const auto& [word, version] : t.version_words)
      if (name.find(word) != std::string_view::npos) {
        if (text.find(name) != std::string_view::npos) seen |= version;
        return;
      }
  };
  for (const ColumnDef& c : t.columns) {
    look(c.label);
    for (std::string_view v : c.variants) look(v);
  }
  return seen == v2019 ? TemplateVersion::v2019 : seen == v2021 ? TemplateVersion::v2021 : TemplateVersion::unknown;
}

const TableDef& table(TableKey key) {
  switch (key) {
    case TableKey::active_disclosure: return active_disclosure();
    case TableKey::applications: return applications();
    case TableKey::review_litigation: break;
  }
  return review_litigation();
}

const RowDef* row(const TableDef& t, int key) {
  for (const RowDef& r : t.rows)
    if (r.key == key) return &r;
  return nullptr;
}
const ColumnDef* column(const TableDef& t, int key) {
  for (const ColumnDef& c : t.columns)
    if (c.key == key) return &c;
  return nullptr;
}

std::vector<int> applications_rows(OtherRows other) {
  std::vector<int> out;
  for (const RowDef& r : applications().rows) {
    bool single = r.key == k(R::other);
    bool three = r.group == 4;
    if ((single && other == OtherRows::three) || (three && other == OtherRows::single)) continue;
    out.push_back(r.key);
  }
  return out;
}

std::vector<std::pair<int, std::vector<int>>> active_rows(TemplateVersion version) {
  std::vector<std::pair<int, std::vector<int>>> out;
  for (const RowDef& r : active_disclosure().rows) {
    const auto& cols = version == TemplateVersion::v2019 ? r.columns2019 : r.columns2021;
    if (!cols.empty()) out.emplace_back(r.key, cols);
  }
  return out;
}

std::vector<Identity> identities(TableKey key, OtherRows other) {
  std::vector<Identity> out;
  if (key == TableKey::applications) {
    std::vector<int> rows = applications_rows(other);
    // R1 and R2 per column.
    for (const ColumnDef& c : applications().columns) {
      out.push_back({"identity.column_balance",
                     {{k(R::new_received), c.key}, {k(R::carried_over), c.key}},
                     {{k(R::total), c.key}, {k(R::carried_forward), c.key}},
                     -1, c.key});
      Identity r2{"identity.column_total", {}, {{k(R::total), c.key}}, -1, c.key};
      for (int r : rows)
        if (r >= k(R::granted) && r < k(R::total)) r2.plus.push_back({r, c.key});
      out.push_back(std::move(r2));
    }
    // R3 per row.
    for (int r : rows) {
      Identity r3{"identity.row_total", {}, {{r, k(C::total)}}, r, -1};
      for (int c = 0; c < k(C::total); ++c) r3.plus.push_back({r, c});
      out.push_back(std::move(r3));
    }
  } else if (key == TableKey::review_litigation) {
    for (const RowDef& g : review_litigation().rows) {
      Identity r4{"identity.review_total", {}, {{g.key, k(RC::total)}}, g.key, -1};
      for (int c = 0; c < k(RC::total); ++c) r4.plus.push_back({g.key, c});
      out.push_back(std::move(r4));
    }
  }
  return out;
}

std::string_view row_label(TableKey table, int key) {
  switch (table) {
    case TableKey::active_disclosure:
      return key >= 0 && key < static_cast<int>(key_count<ActiveRow>()) ? label(static_cast<ActiveRow>(key)) : "";
    case TableKey::applications:
      return key >= 0 && key < static_cast<int>(key_count<ApplicationRow>()) ? label(static_cast<ApplicationRow>(key)) : "";
    case TableKey::review_litigation:
      return key >= 0 && key < static_cast<int>(key_count<ReviewGroup>()) ? label(static_cast<ReviewGroup>(key)) : "";
  }
  return "";
}
std::string_view column_label(TableKey table, int key) {
  switch (table) {
    case TableKey::active_disclosure:
      return key >= 0 && key < static_cast<int>(key_count<ActiveColumn>()) ? neutral_label(ActiveRow::rules, static_cast<ActiveColumn>(key)) : "";
    case TableKey::applications:
      return key >= 0 && key < static_cast<int>(key_count<ApplicantColumn>()) ? label(static_cast<ApplicantColumn>(key)) : "";
    case TableKey::review_litigation:
      return key >= 0 && key < static_cast<int>(key_count<ReviewColumn>()) ? label(static_cast<ReviewColumn>(key)) : "";
  }
  return "";
}
std::string_view short_row_label(TableKey t, int key) {
  const RowDef* r = row(table(t), key);
  if (r && !r->short_label.empty()) return r->short_label;
  return row_label(t, key);
}

}  // namespace ogi::templates

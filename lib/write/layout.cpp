// SPDX-License-Identifier: Apache-2.0
// The template's drawing of the three tables (lib/write/layout.hpp).
#include "write/layout.hpp"

#include <algorithm>
#include <optional>

#include "template/template.hpp"

namespace ogi::write {
namespace {

using AR = ActiveRow;
using AC = ActiveColumn;
using R = ApplicationRow;

bool is_other_single(TemplateVersion t, const ApplicationsTable* table) {
  if (table && table->cells.has_row(R::other)) return true;
  if (table && (table->cells.has_row(R::other_no_correction) || table->cells.has_row(R::other_unpaid_fee) ||
                table->cells.has_row(R::other_other)))
    return false;
  return t == TemplateVersion::v2019;
}

bool in_blocks(const std::vector<ActiveBlock>& blocks, AR row, AC c) {
  for (const ActiveBlock& b : blocks)
    if (std::find(b.rows.begin(), b.rows.end(), row) != b.rows.end() &&
        std::find(b.columns.begin(), b.columns.end(), c) != b.columns.end())
      return true;
  return false;
}

}  // namespace

std::vector<ActiveBlock> active_layout(TemplateVersion t) {
  if (t == TemplateVersion::v2019)
    return {{"第二十条第（一）项", {AR::rules, AR::normative_documents}, {AC::made, AC::published, AC::total_published}},
            {"第二十条第（五）项", {AR::licensing, AR::other_services}, {AC::previous_count, AC::change, AC::decisions}},
            {"第二十条第（六）项", {AR::penalty, AR::coercion}, {AC::previous_count, AC::change, AC::decisions}},
            {"第二十条第（八）项", {AR::fees}, {AC::previous_count, AC::change}},
            {"第二十条第（九）项", {AR::procurement}, {AC::projects, AC::amount}}};
  return {{"第二十条第（一）项", {AR::rules, AR::normative_documents}, {AC::made, AC::repealed, AC::in_force}},
          {"第二十条第（五）项", {AR::licensing}, {AC::decisions}},
          {"第二十条第（六）项", {AR::penalty, AR::coercion}, {AC::decisions}},
          {"第二十条第（八）项", {AR::fees}, {AC::amount}}};
}

std::vector<ApplicationLine> applications_layout(TemplateVersion t, const ApplicationsTable* table) {
  constexpr std::string_view results = "三、本年度办理结果";
  std::vector<ApplicationLine> out{
      {R::new_received, {"一、本年新收政府信息公开申请数量", "", ""}},
      {R::carried_over, {"二、上年结转政府信息公开申请数量", "", ""}},
      {R::granted, {results, "（一）予以公开", ""}},
      {R::partly_granted, {results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""}},
      {R::denied_state_secret, {results, "（三）不予公开", "1.属于国家秘密"}},
      {R::denied_law_prohibits, {results, "（三）不予公开", "2.其他法律行政法规禁止公开"}},
      {R::denied_security_stability, {results, "（三）不予公开", "3.危及“三安全一稳定”"}},
      {R::denied_third_party, {results, "（三）不予公开", "4.保护第三方合法权益"}},
      {R::denied_internal_affairs, {results, "（三）不予公开", "5.属于三类内部事务信息"}},
      {R::denied_process_info, {results, "（三）不予公开", "6.属于四类过程性信息"}},
      {R::denied_enforcement_file, {results, "（三）不予公开", "7.属于行政执法案卷"}},
      {R::denied_admin_query, {results, "（三）不予公开", "8.属于行政查询事项"}},
      {R::unable_not_held, {results, "（四）无法提供", "1.本机关不掌握相关政府信息"}},
      {R::unable_needs_creation, {results, "（四）无法提供", "2.没有现成信息需要另行制作"}},
      {R::unable_unclear, {results, "（四）无法提供", "3.补正后申请内容仍不明确"}},
      {R::ignored_complaint, {results, "（五）不予处理", "1.信访举报投诉类申请"}},
      {R::ignored_repeated, {results, "（五）不予处理", "2.重复申请"}},
      {R::ignored_publication, {results, "（五）不予处理", "3.要求提供公开出版物"}},
      {R::ignored_excessive, {results, "（五）不予处理", "4.无正当理由大量反复申请"}},
      {R::ignored_confirmation, {results, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"}},
  };
  if (is_other_single(t, table)) {
    out.push_back({R::other, {results, "（六）其他处理", ""}});
  } else {
    out.push_back({R::other_no_correction,
                   {results, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}});
    out.push_back({R::other_unpaid_fee,
                   {results, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}});
    out.push_back({R::other_other, {results, "（六）其他处理", "3.其他"}});
  }
  out.push_back({R::total, {results, "（七）总计", ""}});
  out.push_back({R::carried_forward, {"四、结转下年度继续办理", "", ""}});
  return out;
}

bool has_cell(const Report& r, ActiveRow row, ActiveColumn c) {
  switch (r.template_version) {
    case TemplateVersion::v2019: return in_blocks(active_layout(TemplateVersion::v2019), row, c);
    case TemplateVersion::v2021: return in_blocks(active_layout(TemplateVersion::v2021), row, c);
    case TemplateVersion::unknown:
      return in_blocks(active_layout(TemplateVersion::v2019), row, c) &&
             in_blocks(active_layout(TemplateVersion::v2021), row, c);
    case TemplateVersion::legacy: return false;
  }
  return false;
}

bool has_cell(const Report& r, ApplicationRow row, ApplicantColumn) {
  if (r.template_version == TemplateVersion::legacy) return false;
  const ApplicationsTable* t = r.applications ? &*r.applications : nullptr;
  const bool other = row == R::other || row == R::other_no_correction || row == R::other_unpaid_fee || row == R::other_other;
  if (!other) return true;
  // which form of （六） an unknown template has is known only from the rows read
  if (r.template_version == TemplateVersion::unknown) return t && t->cells.has_row(row);
  for (const ApplicationLine& l : applications_layout(r.template_version, t))
    if (l.row == row) return true;
  return false;
}

bool has_cell(const Report& r, ReviewGroup, ReviewColumn) { return r.template_version != TemplateVersion::legacy; }

std::string qualified_label(ApplicationRow r) {
  std::string_view group;
  switch (r) {
    case R::denied_state_secret: case R::denied_law_prohibits: case R::denied_security_stability:
    case R::denied_third_party: case R::denied_internal_affairs: case R::denied_process_info:
    case R::denied_enforcement_file: case R::denied_admin_query: group = "不予公开"; break;
    case R::unable_not_held: case R::unable_needs_creation: case R::unable_unclear: group = "无法提供"; break;
    case R::ignored_complaint: case R::ignored_repeated: case R::ignored_publication: case R::ignored_excessive:
    case R::ignored_confirmation: group = "不予处理"; break;
    case R::other_no_correction: case R::other_unpaid_fee: case R::other_other: group = "其他处理"; break;
    default: break;
  }
  std::string out(group);
  if (!out.empty()) out += "·";
  out += templates::label(r);
  return out;
}

namespace {

template <class E>
std::optional<E> key_of(std::string_view name) {
  for (std::size_t i = 0; i < key_count<E>(); ++i)
    if (to_string(static_cast<E>(i)) == name) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string table_words(std::string_view table) {
  for (TableKey k : {TableKey::active_disclosure, TableKey::applications, TableKey::review_litigation})
    if (to_string(k) == table) return std::string(templates::label(k));
  return std::string(table);
}

std::string row_words(std::string_view table, std::string_view row, TemplateVersion t) {
  if (table == "active_disclosure")
    if (auto r = key_of<ActiveRow>(row)) return std::string(templates::label(*r, t));
  if (table == "applications")
    if (auto r = key_of<ApplicationRow>(row)) return qualified_label(*r);
  if (table == "review_litigation")
    if (auto r = key_of<ReviewGroup>(row)) return std::string(templates::label(*r));
  return std::string(row);
}

std::string column_words(std::string_view table, std::string_view row, std::string_view column, TemplateVersion t) {
  if (table == "active_disclosure")
    if (auto c = key_of<ActiveColumn>(column))
      return std::string(templates::label(key_of<ActiveRow>(row).value_or(ActiveRow::fees), *c, t));
  if (table == "applications")
    if (auto c = key_of<ApplicantColumn>(column)) return std::string(templates::label(*c));
  if (table == "review_litigation")
    if (auto c = key_of<ReviewColumn>(column)) return std::string(templates::label(*c));
  return std::string(column);
}

std::string_view status_words(TableStatus s, Language lang) {
  const bool en = lang == Language::en;
  switch (s) {
    case TableStatus::ok: return en ? "ok" : "无问题";
    case TableStatus::inconsistent: return en ? "inconsistent (an identity breaks)" : "勾稽关系不成立";
    case TableStatus::uncertain: return en ? "uncertain (cells not read)" : "部分单元格未读出";
    case TableStatus::missing: return en ? "missing (no table read)" : "未读到表格";
  }
  return "";
}

std::string_view template_words(TemplateVersion t, Language lang) {
  const bool en = lang == Language::en;
  switch (t) {
    case TemplateVersion::v2019: return "2019";
    case TemplateVersion::v2021: return "2021";
    case TemplateVersion::legacy: return en ? "legacy (before 2019)" : "旧版（2019 年前）";
    case TemplateVersion::unknown: return en ? "unknown" : "未识别";
  }
  return "";
}

}  // namespace ogi::write

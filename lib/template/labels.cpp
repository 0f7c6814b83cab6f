// SPDX-License-Identifier: Apache-2.0
// Chinese labels of the canonical keys as the template prints them (report-format.md): for the
// messages an auditor reads, the CSV's Chinese headers, the HTML report.
#include "template/template.hpp"

#include <array>

namespace ogi::templates {

std::string_view label(TableKey t) {
  static constexpr std::array<std::string_view, 3> n{"表二", "表三", "表四"};
  return n[static_cast<std::size_t>(t)];
}

std::string_view label(ActiveRow r, TemplateVersion t) {
  if (r == ActiveRow::normative_documents) return t == TemplateVersion::v2019 ? "规范性文件" : "行政规范性文件";
  static constexpr std::array<std::string_view, 8> n{"规章", "行政规范性文件", "行政许可", "其他对外管理服务事项",
                                                     "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"};
  return n[static_cast<std::size_t>(r)];
}

std::string_view label(ActiveRow row, ActiveColumn c, TemplateVersion t) {
  const bool v2019 = t == TemplateVersion::v2019;
  switch (c) {
    case ActiveColumn::made: return v2019 ? "本年新制作数量" : "本年制发件数";
    case ActiveColumn::repealed: return "本年废止件数";
    case ActiveColumn::in_force: return "现行有效件数";
    case ActiveColumn::published: return "本年新公开数量";
    case ActiveColumn::total_published: return "对外公开总数量";
    case ActiveColumn::previous_count: return "上一年项目数量";
    case ActiveColumn::change: return "本年增/减";
    case ActiveColumn::decisions: return v2019 ? "处理决定数量" : "本年处理决定数量";
    case ActiveColumn::amount: return row == ActiveRow::procurement ? "采购总金额" : "本年收费金额（单位：万元）";
    case ActiveColumn::projects: return "采购项目数量";
  }
  return "";
}

std::string_view neutral_label(ActiveRow row, ActiveColumn c) {
  if (c == ActiveColumn::made) return "本年制发件数/新制作数量";
  if (c == ActiveColumn::decisions) return "处理决定数量";
  if (c == ActiveColumn::amount) return row == ActiveRow::procurement ? "采购总金额" : "收费金额";
  return label(row, c, TemplateVersion::v2021);
}

std::string_view label(ApplicationRow r) {
  static constexpr std::array<std::string_view, 26> n{
      "本年新收", "上年结转", "予以公开", "部分公开", "属于国家秘密", "其他法律行政法规禁止公开",
      "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息", "属于四类过程性信息",
      "属于行政执法案卷", "属于行政查询事项", "本机关不掌握相关政府信息", "没有现成信息需要另行制作",
      "补正后申请内容仍不明确", "信访举报投诉类申请", "重复申请", "要求提供公开出版物",
      "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息", "其他处理",
      "申请人无正当理由逾期不补正", "申请人逾期未按收费通知要求缴纳费用", "其他", "总计",
      "结转下年度继续办理"};
  return n[static_cast<std::size_t>(r)];
}
std::string_view label(ApplicantColumn c) {
  static constexpr std::array<std::string_view, 7> n{"自然人", "商业企业", "科研机构", "社会公益组织",
                                                     "法律服务机构", "其他", "总计"};
  return n[static_cast<std::size_t>(c)];
}
std::string_view label(ReviewGroup g) {
  static constexpr std::array<std::string_view, 3> n{"行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"};
  return n[static_cast<std::size_t>(g)];
}
std::string_view label(ReviewColumn c) {
  static constexpr std::array<std::string_view, 5> n{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  return n[static_cast<std::size_t>(c)];
}

}  // namespace ogi::templates

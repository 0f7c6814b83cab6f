// SPDX-License-Identifier: Apache-2.0
// Chinese labels of the canonical keys (report-format.md).
#include "model/labels.hpp"

#include <array>

namespace ogi::model {

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

}  // namespace ogi::model

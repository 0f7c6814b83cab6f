// SPDX-License-Identifier: Apache-2.0
// The stated figures (statements.hpp): each pattern reads "<what> N 件" with nothing between
// that could change the meaning.
#include "template/statements.hpp"

namespace ogi::templates {
namespace {

using A = ActiveRow;
using AC = ActiveColumn;
using R = ApplicationRow;
using C = ApplicantColumn;
using G = ReviewGroup;
using RC = ReviewColumn;

template <class E>
constexpr int k(E e) { return static_cast<int>(e); }

CellRef at(R row, C col) { return {k(row), k(col)}; }
CellRef at(A row, AC col) { return {k(row), k(col)}; }

/// The 总计 cells of table-3 rows [first, last].
std::vector<CellRef> totals(R first, R last) {
  std::vector<CellRef> v;
  for (int r = k(first); r <= k(last); ++r) v.push_back({r, k(C::total)});
  return v;
}

std::vector<StatedFigureDef> make() {
  const TableKey t2 = TableKey::active_disclosure, t3 = TableKey::applications, t4 = TableKey::review_litigation;
  // "本年度制发行政规范性文件13件，废止0件，现行有效163件": the clauses after the first count the
  // same documents (\K: a clause's phrase and span are its own words)
  return {
      {"(?:制发|新制作|新制发)(?:行政)?规范性文件(?:共)?(\\d+)件", {"规范性文件"}, t2, {at(A::normative_documents, AC::made)}},
      {"(?:制发|新制作|新制发)(?:行政)?规范性文件(?:共)?\\d+件,\\K废止(\\d+)件", {"规范性文件"}, t2, {at(A::normative_documents, AC::repealed)}},
      {"(?:制发|新制作|新制发)(?:行政)?规范性文件(?:共)?\\d+件,废止\\d+件,\\K现行有效(\\d+)件", {"规范性文件"}, t2, {at(A::normative_documents, AC::in_force)}},
      {"对外公开(?:行政)?规范性文件总数(\\d+)件", {"规范性文件总数"}, t2, {at(A::normative_documents, AC::total_published)}},
      {"行政许可决定(\\d+)件", {"行政许可决定"}, t2, {at(A::licensing, AC::decisions)}},
      {"行政处罚决定(\\d+)件", {"行政处罚决定"}, t2, {at(A::penalty, AC::decisions)}},
      {"(?:新收|收到)(?:政府信息公开|信息公开)?申请(?:共)?(\\d+)件", {"新收", "收到"}, t3, {at(R::new_received, C::total)}},
      {"上年度?结转(?:政府信息公开申请|申请)?(\\d+)件", {"上年结转", "上年度结转"}, t3, {at(R::carried_over, C::total)}},
      {"结转(?:至)?下年度?(?:继续办理)?(\\d+)件", {"结转"}, t3, {at(R::carried_forward, C::total)}},
      {"(?:办结|答复)(?:政府信息公开申请|申请)?(?:共)?(\\d+)件", {"办结", "答复"}, t3, {at(R::total, C::total)}},
      {"予以公开(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"予以公开"}, t3, {at(R::granted, C::total)}},
      {"(?<![及和与、])部分公开(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"部分公开"}, t3, {at(R::partly_granted, C::total)}},
      {"不予公开(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"不予公开"}, t3, totals(R::denied_state_secret, R::denied_admin_query)},
      {"无法提供(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"无法提供"}, t3, totals(R::unable_not_held, R::unable_unclear)},
      {"不予处理(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"不予处理"}, t3, totals(R::ignored_complaint, R::ignored_confirmation)},
      // （六）其他处理: one row in 2019's template, three in 2021's (the other's cells are absent)
      {"其他处理(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"其他处理"}, t3, totals(R::other, R::other)},
      {"其他处理(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"其他处理"}, t3, totals(R::other_no_correction, R::other_other)},
      {"其中自然人(?:申请|提出)?(\\d+)件", {"自然人"}, t3, {at(R::new_received, C::natural_person)}},
      {"商业企业(?:申请|提出)?(\\d+)件", {"商业企业"}, t3, {at(R::new_received, C::commercial)}},
      {"科研机构(?:申请|提出)?(\\d+)件", {"科研机构"}, t3, {at(R::new_received, C::research)}},
      {"社会公益组织(?:申请|提出)?(\\d+)件", {"社会公益组织"}, t3, {at(R::new_received, C::social)}},
      {"法律服务机构(?:申请|提出)?(\\d+)件", {"法律服务机构"}, t3, {at(R::new_received, C::legal_service)}},
      // "其中自然人申请51件，法人或其他组织申请0件": the five applicant columns after 自然人
      {"自然人(?:申请|提出)?\\d+件,法人或其他组织(?:申请|提出)?(\\d+)件", {"法人或其他组织"}, t3,
       {at(R::new_received, C::commercial), at(R::new_received, C::research), at(R::new_received, C::social),
        at(R::new_received, C::legal_service), at(R::new_received, C::other_org)}},
      {"(?:被申请)?行政复议(?:案件)?(\\d+)件", {"行政复议"}, t4, {{k(G::review), k(RC::total)}}},
      {"(?:被提起)?行政诉讼(?:案件)?(\\d+)件", {"行政诉讼"}, t4,
       {{k(G::litigation_direct), k(RC::total)}, {k(G::litigation_after_review), k(RC::total)}}},
  };
}

}  // namespace

const std::vector<StatedFigureDef>& stated_figures() {
  static const std::vector<StatedFigureDef> defs = make();
  return defs;
}

const std::vector<std::string_view>& wider_scopes() {
  static const std::vector<std::string_view> v{"全市", "全区", "全县", "全省", "全州", "全旗", "全镇", "各级", "全国"};
  return v;
}

}  // namespace ogi::templates

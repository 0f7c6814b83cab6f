// SPDX-License-Identifier: Apache-2.0
// The reference report (corpus/000-zhangdian-2021): every section, every cell, its real quirks.
#include <catch2/catch.hpp>

#include <array>

#include "../support.hpp"
#include "ogi/ogi.hpp"

using namespace ogi;

namespace {
const Report& reference() {
  static const Report rep = [] {
    auto r = parse(ogi_test::read_file(ogi_test::corpus_dir() / "000-zhangdian-2021" / "input.txt"));
    REQUIRE(r);
    return std::move(r).report();
  }();
  return rep;
}

std::string value_of(const Cell* c) {
  if (!c) return "absent";
  return c->value ? c->value->to_string() : "blank";
}

bool has_diag(const Report& r, std::string_view code, std::string_view column = {}) {
  for (const auto& d : r.diagnostics)
    if (d.code == code && (column.empty() || d.column == column)) return true;
  return false;
}
}  // namespace

TEST_CASE("reference report has agency year and template") {
  const Report& r = reference();
  CHECK(*r.metadata.agency.value == "张店区人民政府办公室");
  CHECK(r.metadata.agency.span.line == 3);
  CHECK(*r.metadata.year.value == 2021);
  CHECK(r.template_version == TemplateVersion::v2021);
  CHECK(r.text(r.metadata.agency.span) == "张店区人民政府办公室");
}

TEST_CASE("reference report has its six sections at their lines") {
  const Report& r = reference();
  struct Want { SectionKey key; std::uint32_t line, end_line; };
  const std::array<Want, 6> want{{{SectionKey::overview, 9, 77},
                                  {SectionKey::active_disclosure, 78, 94},
                                  {SectionKey::applications, 95, 125},
                                  {SectionKey::review_litigation, 126, 132},
                                  {SectionKey::problems, 133, 142},
                                  {SectionKey::other_matters, 143, 153}}};
  std::vector<const Section*> tops;
  for (const auto& s : r.sections)
    if (s.parent < 0) tops.push_back(&s);
  REQUIRE(tops.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(tops[i]->key == want[i].key);
    CHECK(tops[i]->line == want[i].line);
    CHECK(tops[i]->end_line == want[i].end_line);
  }
  CHECK(tops[0]->children.size() == 5);
}

TEST_CASE("reference report section 2 table cell by cell") {
  const auto& t = *reference().active_disclosure;
  CHECK(t.status == TableStatus::ok);
  using R = ActiveRow;
  using C = ActiveColumn;
  CHECK(value_of(t.cells.cell(R::rules, C::made)) == "0");
  CHECK(value_of(t.cells.cell(R::rules, C::repealed)) == "0");
  CHECK(value_of(t.cells.cell(R::rules, C::in_force)) == "0");
  CHECK(value_of(t.cells.cell(R::normative_documents, C::made)) == "4");
  CHECK(value_of(t.cells.cell(R::normative_documents, C::repealed)) == "0");
  CHECK(value_of(t.cells.cell(R::normative_documents, C::in_force)) == "19");
  CHECK(value_of(t.cells.cell(R::licensing, C::decisions)) == "0");
  CHECK(value_of(t.cells.cell(R::penalty, C::decisions)) == "0");
  CHECK(value_of(t.cells.cell(R::coercion, C::decisions)) == "0");
  CHECK(value_of(t.cells.cell(R::fees, C::amount)) == "0");
  CHECK(t.cells.cell(R::other_services, C::decisions) == nullptr);
}

TEST_CASE("reference report section 3 table cell by cell") {
  const auto& t = *reference().applications;
  using R = ApplicationRow;
  // Rows in template order with the seven applicant columns; the 2021 layout has no single `other` row.
  const std::vector<std::pair<R, std::array<int, 7>>> want{
      {R::new_received, {12, 2, 2, 0, 0, 0, 16}},   {R::carried_over, {0, 0, 0, 0, 0, 0, 0}},
      {R::granted, {8, 0, 0, 0, 0, 0, 8}},          {R::partly_granted, {0, 0, 0, 0, 0, 0, 0}},
      {R::denied_state_secret, {0, 0, 0, 0, 0, 0, 0}}, {R::denied_law_prohibits, {0, 0, 0, 0, 0, 0, 0}},
      {R::denied_security_stability, {0, 0, 0, 0, 0, 0, 0}}, {R::denied_third_party, {0, 0, 0, 0, 0, 0, 0}},
      {R::denied_internal_affairs, {2, 0, 0, 0, 0, 0, 2}}, {R::denied_process_info, {0, 0, 0, 0, 0, 0, 0}},
      {R::denied_enforcement_file, {0, 0, 0, 0, 0, 0, 0}}, {R::denied_admin_query, {0, 0, 0, 0, 0, 0, 0}},
      {R::unable_not_held, {6, 0, 0, 0, 0, 0, 6}},   {R::unable_needs_creation, {0, 0, 0, 0, 0, 0, 0}},
      {R::unable_unclear, {0, 0, 0, 0, 0, 0, 0}},    {R::ignored_complaint, {0, 0, 0, 0, 0, 0, 0}},
      {R::ignored_repeated, {0, 0, 0, 0, 0, 0, 0}},  {R::ignored_publication, {0, 0, 0, 0, 0, 0, 0}},
      {R::ignored_excessive, {0, 0, 0, 0, 0, 0, 0}}, {R::ignored_confirmation, {0, 0, 0, 0, 0, 0, 0}},
      {R::other_no_correction, {0, 0, 0, 0, 0, 0, 0}}, {R::other_unpaid_fee, {0, 0, 0, 0, 0, 0, 0}},
      {R::other_other, {0, 0, 0, 0, 0, 0, 0}},       {R::total, {16, 0, 0, 0, 0, 0, 16}},
      {R::carried_forward, {0, 0, 0, 0, 0, 0, 0}},
  };
  for (const auto& [row, values] : want)
    for (std::size_t c = 0; c < 7; ++c) {
      INFO(to_string(row) << "." << to_string(static_cast<ApplicantColumn>(c)));
      CHECK(value_of(t.cells.cell(row, static_cast<ApplicantColumn>(c))) == std::to_string(values[c]));
    }
  CHECK_FALSE(t.cells.has_row(R::other));
}

TEST_CASE("reference report section 4 table reads 15 values and warns of the 16th") {
  const Report& r = reference();
  const auto& t = *r.review_litigation;
  for (int g = 0; g < 3; ++g)
    for (int c = 0; c < 5; ++c)
      CHECK(value_of(t.cells.cell(static_cast<ReviewGroup>(g), static_cast<ReviewColumn>(c))) == "0");
  CHECK(has_diag(r, "table.extra_values"));
  CHECK(t.status == TableStatus::ok);
}

TEST_CASE("reference report breaks R1 in exactly three columns") {
  const Report& r = reference();
  CHECK(r.applications->status == TableStatus::inconsistent);
  CHECK(has_diag(r, "identity.column_balance", "natural_person"));
  CHECK(has_diag(r, "identity.column_balance", "commercial"));
  CHECK(has_diag(r, "identity.column_balance", "research"));
  int identity = 0;
  for (const auto& d : r.diagnostics) identity += d.code.rfind("identity.", 0) == 0;
  CHECK(identity == 3);
}

TEST_CASE("reference report cells point at their text") {
  const Report& r = reference();
  const Cell* c = r.applications->cells.cell(ApplicationRow::new_received, ApplicantColumn::total);
  REQUIRE(c);
  CHECK(r.text(c->span) == "16");
  CHECK(c->span.line == 100);
}

TEST_CASE("reference report metadata field by field") {
  const Metadata& m = reference().metadata;
  CHECK(*m.period_start.value == "2021-01-01");
  CHECK(*m.period_end.value == "2021-12-31");
  CHECK(*m.website.value == "www.zhangdian.gov.cn");
  CHECK(*m.address.value == "淄博市张店区新村西路226号区政务中心");
  CHECK(*m.postcode.value == "255020");
  REQUIRE(m.telephones.size() == 1);
  CHECK(*m.telephones[0].value == "0533-2869836");
  CHECK(reference().text(m.telephones[0].span) == "0533-2869836");
  CHECK_FALSE(m.fax);
  CHECK(*m.fee_charged.value == false);
  CHECK(*m.npc_suggestions.value == 80);
  CHECK(*m.cppcc_proposals.value == 172);
  // per level: 本级 80 / 172, 市级 2 / 8 ("共收到 2 件市人大代表建议、8 件市政协委员提案")
  REQUIRE(m.proposals_by_level.size() == 2);
  CHECK(m.proposals_by_level[0].level == "本级");
  CHECK(m.proposals_by_level[1].level == "市级");
  CHECK(*m.proposals_by_level[1].npc_suggestions.value == 2);
  CHECK(*m.proposals_by_level[1].cppcc_proposals.value == 8);
  CHECK(reference().text(m.proposals_by_level[1].cppcc_proposals.span) == "8");
  CHECK_FALSE(m.published);  // the reference report states no publication date
  // 文号 in the 〔〕 form, whatever brackets the document used (【2015】 here)
  REQUIRE(m.document_numbers.size() >= 2);
  CHECK(*m.document_numbers[0].value == "张政办字〔2015〕57号");
  CHECK(reference().text(m.document_numbers[0].span) == "张政办字【2015】57号");
  CHECK(*m.cited_documents[0].value == "中华人民共和国政府信息公开条例");
}

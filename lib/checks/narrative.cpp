// SPDX-License-Identifier: Apache-2.0
// Narrative against tables (report-format.md, identity 6): the figures sections 1 and 3 state in
// words — 新收/收到 N 件, 其中自然人 N 件, 予以公开 N 件，占 P%, 行政复议 N 件 … — compared with the
// tables. Conservative by design: a clause is read only when it matches one of the patterns
// below exactly; "办理", "受理" and the like, whose meaning varies between reports, are not read.

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "checks/checks.hpp"
#include "template/template.hpp"
#include "text/paragraphs.hpp"
#include "text/patterns.hpp"

namespace ogi::checks {
namespace {

using AR = ApplicationRow;
using AC = ApplicantColumn;

/// What a stated figure is compared with: the sum of some table-3 or table-4 cells.
enum class Target { new_received, carried_over, carried_forward, processed, granted, partly_granted, denied, unable,
                    ignored, natural_person, commercial, research, social, legal_service, review, litigation };

constexpr Target kTargets[] = {Target::new_received, Target::carried_over, Target::carried_forward, Target::processed, Target::granted, Target::partly_granted, Target::denied, Target::unable, Target::ignored, Target::natural_person, Target::commercial, Target::research, Target::social, Target::legal_service, Target::review, Target::litigation};

// Each pattern reads "<what> N 件" with nothing between that could change the meaning; group 1 is
// the count, group 2 (optional) a percentage. Listed in the order of Target.
const text::Patterns& patterns() {
  static const text::Patterns set({
      {"(?:新收|收到)(?:政府信息公开|信息公开)?申请(?:共)?(\\d+)件", {"新收", "收到"}},
      {"上年结转(?:政府信息公开申请|申请)?(\\d+)件", {"上年结转"}},
      {"结转(?:至)?下年度?(?:继续办理)?(\\d+)件", {"结转"}},
      {"(?:办结|答复)(?:政府信息公开申请|申请)?(?:共)?(\\d+)件", {"办结", "答复"}},
      {"予以公开(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"予以公开"}},
      {"(?<![及和与、])部分公开(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"部分公开"}},
      {"不予公开(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"不予公开"}},
      {"无法提供(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"无法提供"}},
      {"不予处理(\\d+)件(?:,占(?:比)?(\\d+(?:\\.\\d+)?)%)?", {"不予处理"}},
      {"其中自然人(?:申请|提出)?(\\d+)件", {"自然人"}},
      {"商业企业(?:申请|提出)?(\\d+)件", {"商业企业"}},
      {"科研机构(?:申请|提出)?(\\d+)件", {"科研机构"}},
      {"社会公益组织(?:申请|提出)?(\\d+)件", {"社会公益组织"}},
      {"法律服务机构(?:申请|提出)?(\\d+)件", {"法律服务机构"}},
      {"(?:被申请)?行政复议(?:案件)?(\\d+)件", {"行政复议"}},
      {"(?:被提起)?行政诉讼(?:案件)?(\\d+)件", {"行政诉讼"}},
  }, /*ucp=*/false);
  return set;
}

/// The table's value for a target, or nullopt when a cell it needs is absent.
std::optional<std::int64_t> table_value(const Report& r, Target t) {
  auto cell = [&](AR row, AC col) -> std::optional<std::int64_t> {
    if (!r.applications) return std::nullopt;
    const Cell* c = r.applications->cells.cell(row, col);
    if (!c) return std::nullopt;
    if (!c->value && col == AC::total) {
      // a blank 总计 (some reports leave the column empty): the row's own cells say what it is
      std::int64_t sum = 0;
      for (int k = 0; k < 6; ++k) {
        auto v = r.applications->cells.counted(row, static_cast<AC>(k));
        if (!v || !v->as_integer()) return std::nullopt;
        sum += *v->as_integer();
      }
      return sum;
    }
    return c->value ? c->value->as_integer() : std::optional<std::int64_t>(0);
  };
  auto rows_total = [&](AR from, AR to) -> std::optional<std::int64_t> {
    std::int64_t sum = 0;
    for (int i = static_cast<int>(from); i <= static_cast<int>(to); ++i) {
      auto v = cell(static_cast<AR>(i), AC::total);
      if (!v) return std::nullopt;
      sum += *v;
    }
    return sum;
  };
  auto review = [&](ReviewGroup g) -> std::optional<std::int64_t> {
    if (!r.review_litigation) return std::nullopt;
    auto v = r.review_litigation->cells.counted(g, ReviewColumn::total);
    if (!v) return std::nullopt;
    return v->as_integer();
  };
  switch (t) {
    case Target::new_received: return cell(AR::new_received, AC::total);
    case Target::carried_over: return cell(AR::carried_over, AC::total);
    case Target::carried_forward: return cell(AR::carried_forward, AC::total);
    case Target::processed: return cell(AR::total, AC::total);
    case Target::granted: return cell(AR::granted, AC::total);
    case Target::partly_granted: return cell(AR::partly_granted, AC::total);
    case Target::denied: return rows_total(AR::denied_state_secret, AR::denied_admin_query);
    case Target::unable: return rows_total(AR::unable_not_held, AR::unable_unclear);
    case Target::ignored: return rows_total(AR::ignored_complaint, AR::ignored_confirmation);
    case Target::natural_person: return cell(AR::new_received, AC::natural_person);
    case Target::commercial: return cell(AR::new_received, AC::commercial);
    case Target::research: return cell(AR::new_received, AC::research);
    case Target::social: return cell(AR::new_received, AC::social);
    case Target::legal_service: return cell(AR::new_received, AC::legal_service);
    case Target::review: return review(ReviewGroup::review);
    case Target::litigation: {
      auto a = review(ReviewGroup::litigation_direct), b = review(ReviewGroup::litigation_after_review);
      if (!a || !b) return std::nullopt;
      return *a + *b;
    }
  }
  return std::nullopt;
}

/// Where the table value lives, for the diagnostic (table, row, column).
void locate(Target t, Diagnostic& d) {
  d.table = to_string(TableKey::applications);
  switch (t) {
    case Target::new_received: d.row = to_string(AR::new_received); d.column = to_string(AC::total); break;
    case Target::carried_over: d.row = to_string(AR::carried_over); d.column = to_string(AC::total); break;
    case Target::carried_forward: d.row = to_string(AR::carried_forward); d.column = to_string(AC::total); break;
    case Target::processed: d.row = to_string(AR::total); d.column = to_string(AC::total); break;
    case Target::granted: d.row = to_string(AR::granted); d.column = to_string(AC::total); break;
    case Target::partly_granted: d.row = to_string(AR::partly_granted); d.column = to_string(AC::total); break;
    case Target::denied: case Target::unable: case Target::ignored: d.column = to_string(AC::total); break;
    case Target::natural_person: d.row = to_string(AR::new_received); d.column = to_string(AC::natural_person); break;
    case Target::commercial: d.row = to_string(AR::new_received); d.column = to_string(AC::commercial); break;
    case Target::research: d.row = to_string(AR::new_received); d.column = to_string(AC::research); break;
    case Target::social: d.row = to_string(AR::new_received); d.column = to_string(AC::social); break;
    case Target::legal_service: d.row = to_string(AR::new_received); d.column = to_string(AC::legal_service); break;
    case Target::review: d.table = to_string(TableKey::review_litigation); d.row = to_string(ReviewGroup::review); d.column = to_string(ReviewColumn::total); break;
    case Target::litigation: d.table = to_string(TableKey::review_litigation); d.column = to_string(ReviewColumn::total); break;
  }
}

/// Does a stated percentage agree with count / base at the document's own precision?
bool percent_agrees(std::string_view stated, std::int64_t count, std::int64_t base) {
  if (base <= 0) return true;  // nothing to compare with
  auto dot = stated.find('.');
  int places = dot == std::string_view::npos ? 0 : static_cast<int>(stated.size() - dot - 1);
  double p = std::stod(std::string(stated));
  double exact = 100.0 * static_cast<double>(count) / static_cast<double>(base);
  return std::fabs(p - exact) <= std::pow(10.0, -places) + 1e-9;  // rounding either way, one unit
}

}  // namespace

void check_narrative(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose, Report& report) {
  text::Matcher m;
  for (const Section& sec : report.sections) {
    if (sec.parent >= 0 || (sec.key != SectionKey::overview && sec.key != SectionKey::applications)) continue;
    for (const text::Paragraph& sq : prose) {
      if (sq.first_line + 1 < sec.line || sq.first_line >= sec.end_line) continue;
      // A paragraph about a wider scope (全市, 全区 …: every body of the city, as 007's does) is
      // not about this report's own tables.
      bool wider = false;  // the paragraph speaks of a wider scope: none of its figures is read
      static const std::vector<std::pair<std::string_view, text::CharSet>> scopes = [] {
        std::vector<std::pair<std::string_view, text::CharSet>> v;
        for (std::string_view scope : {"全市", "全区", "全县", "全省", "全州", "全旗", "全镇", "各级", "全国"}) {
          v.emplace_back(scope, text::CharSet{});
          v.back().second.add(scope);
        }
        return v;
      }();
      for (const auto& [scope, chars] : scopes)
        wider |= (!sq.chars() || sq.chars()->may_contain(chars)) && sq.text.find(scope) != std::string::npos;
      if (wider) continue;
      for (std::size_t k = 0; k < patterns().size(); ++k) {
        m.each(patterns(), k, sq.text, sq.chars(), [&](PCRE2_SIZE* ov, int rc) {
          Target target = kTargets[k];
          auto stated = std::stoll(sq.text.substr(ov[2], std::min<PCRE2_SIZE>(ov[3] - ov[2], 15)));
          auto table = table_value(report, target);
          if (!table) return;
          Span where = nt.span(sq.at(ov[0]), sq.at(ov[1] - 1) + 1);
          std::string phrase = sq.text.substr(ov[0], ov[1] - ov[0]);
          if (stated != *table) {
            Diagnostic d;
            d.code = "narrative.count_mismatch";
            d.severity = Severity::warning;
            locate(target, d);
            d.message = "正文「" + phrase + "」与表格不符：表格为 " + std::to_string(*table);
            d.span = where;
            report.diagnostics.push_back(std::move(d));
            return;
          }
          if (rc > 2 && ov[4] != PCRE2_UNSET) {  // a stated share: of the applications handled, or received
            std::string pct = sq.text.substr(ov[4], ov[5] - ov[4]);
            auto handled = table_value(report, Target::processed), received = table_value(report, Target::new_received);
            bool ok = (handled && percent_agrees(pct, stated, *handled)) || (received && percent_agrees(pct, stated, *received));
            if (!ok && (handled || received)) {
              Diagnostic d;
              d.code = "narrative.percentage_mismatch";
              d.severity = Severity::warning;
              locate(target, d);
              d.message = "正文「" + phrase + "」的比例与数量不符：" + std::to_string(stated) + " / " +
                          std::to_string(handled ? *handled : *received) + " ≠ " + pct + "%";
              d.span = where;
              report.diagnostics.push_back(std::move(d));
            }
          }
        });
      }
    }
  }
}

}  // namespace ogi::checks

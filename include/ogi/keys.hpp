// SPDX-License-Identifier: Apache-2.0
// ogi/keys.hpp — the canonical keys of the report template (docs/data-model.md).
// Enumerators are named exactly like the JSON keys; to_string gives the JSON key.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace ogi {

enum class TemplateVersion : int { unknown = 0, legacy = 1, v2019 = 2019, v2021 = 2021 };
std::string_view to_string(TemplateVersion t);  ///< "unknown", "legacy", "2019", "2021"

enum class SectionKey : int {
  none = 0,            ///< a sub-section (JSON null)
  overview,            ///< 一、总体情况
  active_disclosure,   ///< 二、主动公开政府信息情况
  applications,        ///< 三、收到和处理政府信息公开申请情况
  review_litigation,   ///< 四、政府信息公开行政复议、行政诉讼情况
  problems,            ///< 五、存在的主要问题及改进情况
  other_matters,       ///< 六、其他需要报告的事项
  other,               ///< an extra top-level section or appendix
};
std::string_view to_string(SectionKey k);

enum class TableKey : int { active_disclosure = 0, applications = 1, review_litigation = 2 };
std::string_view to_string(TableKey k);

/// Rows of the section-2 table (both templates; each template uses a subset).
enum class ActiveRow : int {
  rules, normative_documents, licensing, other_services, penalty, coercion, fees, procurement,
};
/// Columns of the section-2 table (both templates).
enum class ActiveColumn : int {
  made, repealed, in_force,                 // 2021 第二十条第（一）项
  published, total_published,               // 2019 第二十条第（一）项 (with made)
  previous_count, change,                   // 2019 第（五）（六）（八）项
  decisions,                                // 处理决定数量
  amount,                                   // 收费金额 / 采购总金额
  projects,                                 // 2019 采购项目数量
};

/// Rows of the section-3 table, in template order.
enum class ApplicationRow : int {
  new_received, carried_over, granted, partly_granted,
  denied_state_secret, denied_law_prohibits, denied_security_stability, denied_third_party,
  denied_internal_affairs, denied_process_info, denied_enforcement_file, denied_admin_query,
  unable_not_held, unable_needs_creation, unable_unclear,
  ignored_complaint, ignored_repeated, ignored_publication, ignored_excessive, ignored_confirmation,
  other,                                                // 2019 and hybrids: one （六）其他处理 row
  other_no_correction, other_unpaid_fee, other_other,   // 2021
  total, carried_forward,
};
/// Columns of the section-3 table (applicant types), in template order.
enum class ApplicantColumn : int {
  natural_person, commercial, research, social, legal_service, other_org, total,
};

/// Groups (rows) of the section-4 table.
enum class ReviewGroup : int { review, litigation_direct, litigation_after_review };
/// Columns of each section-4 group.
enum class ReviewColumn : int { upheld, corrected, other, pending, total };

std::string_view to_string(ActiveRow k);
std::string_view to_string(ActiveColumn k);
std::string_view to_string(ApplicationRow k);
std::string_view to_string(ApplicantColumn k);
std::string_view to_string(ReviewGroup k);
std::string_view to_string(ReviewColumn k);

/// Number of enumerators of each key enum (for iteration: static_cast<E>(0..count-1)).
template <class E> constexpr std::size_t key_count();
template <> constexpr std::size_t key_count<TableKey>() { return 3; }
template <> constexpr std::size_t key_count<ActiveRow>() { return 8; }
template <> constexpr std::size_t key_count<ActiveColumn>() { return 10; }
template <> constexpr std::size_t key_count<ApplicationRow>() { return 26; }
template <> constexpr std::size_t key_count<ApplicantColumn>() { return 7; }
template <> constexpr std::size_t key_count<ReviewGroup>() { return 3; }
template <> constexpr std::size_t key_count<ReviewColumn>() { return 5; }

/// The key a JSON spelling names: key_from_string<ApplicationRow>("granted"); nullopt for a name
/// that is not one of E's (E: TableKey or a row or column key enum).
template <class E>
std::optional<E> key_from_string(std::string_view name) {
  for (std::size_t i = 0; i < key_count<E>(); ++i)
    if (to_string(static_cast<E>(i)) == name) return static_cast<E>(i);
  return std::nullopt;
}

/// The table whose rows a row key enum names: table_of<ApplicationRow>() == TableKey::applications.
template <class Row> constexpr TableKey table_of();
template <> constexpr TableKey table_of<ActiveRow>() { return TableKey::active_disclosure; }
template <> constexpr TableKey table_of<ApplicationRow>() { return TableKey::applications; }
template <> constexpr TableKey table_of<ReviewGroup>() { return TableKey::review_litigation; }

}  // namespace ogi

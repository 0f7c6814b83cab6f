// SPDX-License-Identifier: Apache-2.0
// Canonical key names: the JSON spelling of every enum in ogi/keys.hpp.
#include "ogi/keys.hpp"
#include "ogi/diagnostic.hpp"
#include "ogi/error.hpp"
#include "ogi/options.hpp"
#include "ogi/report.hpp"
#include "ogi/version.hpp"

#include <array>

namespace ogi {
namespace {
template <class E, std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& names, E e) {
  auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : std::string_view("?");
}
}  // namespace

std::string_view to_string(TemplateVersion t) {
  switch (t) {
    case TemplateVersion::legacy: return "legacy";
    case TemplateVersion::v2019: return "2019";
    case TemplateVersion::v2021: return "2021";
    default: return "unknown";
  }
}

std::string_view to_string(SectionKey k) {
  static constexpr std::array<std::string_view, 8> n{
      "", "overview", "active_disclosure", "applications", "review_litigation",
      "problems", "other_matters", "other"};
  return pick(n, k);
}

std::string_view to_string(TableKey k) {
  static constexpr std::array<std::string_view, 3> n{"active_disclosure", "applications",
                                                     "review_litigation"};
  return pick(n, k);
}

std::string_view to_string(ActiveRow k) {
  static constexpr std::array<std::string_view, 8> n{
      "rules", "normative_documents", "licensing", "other_services",
      "penalty", "coercion", "fees", "procurement"};
  return pick(n, k);
}

std::string_view to_string(ActiveColumn k) {
  static constexpr std::array<std::string_view, 10> n{
      "made", "repealed", "in_force", "published", "total_published",
      "previous_count", "change", "decisions", "amount", "projects"};
  return pick(n, k);
}

std::string_view to_string(ApplicationRow k) {
  static constexpr std::array<std::string_view, 26> n{
      "new_received", "carried_over", "granted", "partly_granted",
      "denied_state_secret", "denied_law_prohibits", "denied_security_stability",
      "denied_third_party", "denied_internal_affairs", "denied_process_info",
      "denied_enforcement_file", "denied_admin_query",
      "unable_not_held", "unable_needs_creation", "unable_unclear",
      "ignored_complaint", "ignored_repeated", "ignored_publication", "ignored_excessive",
      "ignored_confirmation", "other", "other_no_correction", "other_unpaid_fee", "other_other",
      "total", "carried_forward"};
  return pick(n, k);
}

std::string_view to_string(ApplicantColumn k) {
  static constexpr std::array<std::string_view, 7> n{
      "natural_person", "commercial", "research", "social", "legal_service", "other_org", "total"};
  return pick(n, k);
}

std::string_view to_string(ReviewGroup k) {
  static constexpr std::array<std::string_view, 3> n{"review", "litigation_direct",
                                                     "litigation_after_review"};
  return pick(n, k);
}

std::string_view to_string(ReviewColumn k) {
  static constexpr std::array<std::string_view, 5> n{"upheld", "corrected", "other", "pending",
                                                     "total"};
  return pick(n, k);
}

std::string_view to_string(TableStatus s) {
  static constexpr std::array<std::string_view, 4> n{"ok", "inconsistent", "uncertain", "missing"};
  return pick(n, s);
}

std::string_view to_string(FieldSource s) {
  static constexpr std::array<std::string_view, 6> n{"none", "title", "byline", "body", "signature", "period"};
  return pick(n, s);
}

std::string_view to_string(Severity s) {
  static constexpr std::array<std::string_view, 3> n{"info", "warning", "error"};
  return pick(n, s);
}

std::string_view to_string(ErrorCode c) {
  static constexpr std::array<std::string_view, 9> n{"ok",         "io",           "not_text",
                                                     "bad_encoding", "too_large", "bad_option",
                                                     "bad_document", "unsupported", "out_of_memory"};
  return pick(n, c);
}

std::string_view to_string(InputFormat f) {
  static constexpr std::array<std::string_view, 6> n{"auto", "text", "html", "docx", "pdf", "xhtml"};
  return pick(n, f);
}

const char* version() { return OGI_VERSION_STRING; }

}  // namespace ogi

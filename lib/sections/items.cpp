// SPDX-License-Identifier: Apache-2.0
// Sub-sections: the enumerated items below a top-level heading — (一) 一是 1. (1) — as a tree.
// Reports nest these styles in their own order, so depth is not fixed by style: an item of a
// style already open continues that list (its number must be the next one), a new style opens a
// list one level deeper (its number must be 1). Numbering inside a paragraph is not at a line
// start and opens nothing; in the table sections an item must read as prose, so that table row
// labels (1.本机关不掌握相关政府信息 / (一)予以公开) open nothing either.
#include <algorithm>
#include <string>

#include "text/numbering.hpp"
#include "sections/sections.hpp"

namespace ogi::sections {
namespace {

using text::char_count;
using text::first_chars;
using text::item_numbering;
using text::ItemStyle;
using text::top_numbering;
using text::trim;
using text::numeral_text;

constexpr std::size_t kItemHeadingChars = 40;

/// Sentences end with 。 or ；— table labels never do, even where they hold a comma.
bool is_prose(std::string_view s) {
  return s.find("。") != std::string_view::npos || s.find(";") != std::string_view::npos;
}

/// The item's heading: the whole line when it is short, else up to the first sentence break.
std::string item_heading(std::string_view t, ItemStyle style, std::size_t text_at) {
  std::string_view head = first_chars(t, kItemHeadingChars);
  std::size_t cut = std::string_view::npos;
  std::initializer_list<std::string_view> shi_stops = {"。", ":", ";", ","}, stops = {"。", ":", ";"};
  for (std::string_view stop : style == ItemStyle::shi ? shi_stops : stops) {
    auto k = head.find(stop, text_at);
    if (k != std::string_view::npos) cut = std::min(cut, k);
  }
  if (cut != std::string_view::npos) head = head.substr(0, cut);
  return std::string(trim(head));
}

/// Whether the line goes on to the next of its 一是 … items ("一是…；二是…。"), without building
/// the words to look for (a numeral is three bytes, 是 three more).
bool enumerates(std::string_view t, int n) {
  const std::string_view next = numeral_text(n + 1);
  for (std::size_t at = t.find(next); at != std::string_view::npos; at = t.find(next, at + 1))
    if (text::starts_with(t.substr(at + next.size()), "是")) return true;
  return false;
}

bool blank(const text::NormalizedText& nt, std::size_t li) {
  return nt.lines[li].dropped || trim(nt.line_text(li)).empty();
}

struct OpenItem {
  ItemStyle style;
  int number;
  std::size_t index;  // into Report::sections
};

}  // namespace

void build_items(const text::NormalizedText& nt, Report& report, std::size_t top, std::size_t first,
                 std::size_t last) {
  SectionKey key = report.sections[top].key;
  bool tabular = key == SectionKey::active_disclosure || key == SectionKey::applications ||
                 key == SectionKey::review_litigation;
  std::vector<OpenItem> open;
  // An item ends at the last line with content before the next item of its level or higher.
  auto close_to = [&](std::size_t depth, std::size_t end) {
    for (; open.size() > depth; open.pop_back()) {
      Section& s = report.sections[open.back().index];
      std::size_t e = end;
      while (e > s.line && blank(nt, e - 1)) --e;
      s.end_line = static_cast<std::uint32_t>(e);
      s.span = nt.span(nt.lines[s.line - 1].begin, nt.lines[e - 1].end);
      s.span.line = s.line;
    }
  };
  for (std::size_t li = first + 1; li < last; ++li) {
    if (nt.lines[li].dropped) continue;
    std::string_view t = text::strip_heading_marks(nt.line_text(li));  // ### （一）… in Markdown
    ItemStyle style;
    std::size_t text_at = 0;
    int n = item_numbering(t, style, text_at);
    if (n == 0 || t.find('\t') != std::string_view::npos) continue;
    // "一是…；二是…。" on one line is a paragraph that enumerates, not a heading.
    if (style == ItemStyle::shi && n < 10 && enumerates(t, n)) continue;
    // In the table sections a table's row (label and values) is no item.
    if (tabular && !is_prose(t)) {
      if (t.find_first_of("0123456789", text_at) != std::string_view::npos) continue;
      std::size_t next = li + 1;
      while (next < last && blank(nt, next)) ++next;
      if (next == last || !is_prose(nt.line_text(next))) continue;
    }
    auto same = std::find_if(open.begin(), open.end(), [&](const OpenItem& o) { return o.style == style; });
    std::size_t depth = open.size();
    if (same != open.end()) {
      if (n != same->number + 1) continue;  // not the next of its list: text, not an item
      depth = static_cast<std::size_t>(same - open.begin());
    } else if (n != 1) {
      continue;  // a list starts at 1
    }
    close_to(depth, li);
    std::size_t parent = open.empty() ? top : open.back().index;
    Section item;
    item.heading = item_heading(t, style, text_at);
    item.line = static_cast<std::uint32_t>(li + 1);
    item.parent = static_cast<int>(parent);
    std::size_t index = report.sections.size();
    report.sections[parent].children.push_back(static_cast<int>(index));
    report.sections.push_back(std::move(item));
    open.push_back({style, n, index});
  }
  close_to(0, last);
}

}  // namespace ogi::sections

// SPDX-License-Identifier: Apache-2.0
// The title: "<name><year>年(度)政府信息公开工作年度报告" as the tools leave it — the year first or
// last or moved to a line of its own, the name on the line above, the title wrapped (…年度报 / 告)
// or cut by html2text (…工作年�), behind a breadcrumb (首页 > 政务公开 > …), a crawler's label
// (标题: …) or Markdown (# …). Its name and year are the first the metadata tries.
#include <array>
#include <string>

#include "sections/names.hpp"
#include "text/numbering.hpp"

namespace ogi::sections {
namespace {

constexpr std::string_view kAnchor = "信息公开";
constexpr std::string_view kSuffix = "工作年度报告";
using text::kCut;  // U+FFFD: bytes html2text cut apart
constexpr std::string_view kGov = "政府";
constexpr std::size_t kTitleBytes = 600;  // a title's name and year stand within these (200 characters)

enum class Strength { none, weak, strong };

bool digit(char c) { return c >= '0' && c <= '9'; }

/// A year 2000..2099 written as four digits at s[i..i+4), not inside a longer number.
int year_at(std::string_view s, std::size_t i) {
  if (i + 4 > s.size() || (i > 0 && digit(s[i - 1])) || (i + 4 < s.size() && digit(s[i + 4]))) return 0;
  int y = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    if (!digit(s[k])) return 0;
    y = y * 10 + (s[k] - '0');
  }
  return y >= 2000 && y <= 2099 ? y : 0;
}

/// Bytes of `s` that start `word` (whole characters; both are UTF-8).
std::size_t common_prefix(std::string_view s, std::string_view word) {
  std::size_t n = 0;
  while (n < s.size() && n < word.size() && s[n] == word[n]) ++n;
  while (n > 0 && n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) --n;
  return n;
}

/// Where the title's 信息公开 stands in `s`, or npos. Strong when (工作)年度报告, 年度工作报告 or
/// 工作报告 follows, or the
/// start of it and then the line's end with the rest on `next` (wrapped) or a cut character
/// (html2text); weak when 年报 follows (a breadcrumb's 政府信息公开年报 is weak).
std::size_t find_anchor(std::string_view s, std::string_view next, Strength& strength) {
  strength = Strength::none;
  std::size_t weak = std::string_view::npos;
  std::size_t prose = s.find("。");
  for (std::size_t k = s.find(kAnchor); k != std::string_view::npos && k < prose; k = s.find(kAnchor, k + 1)) {
    std::string_view r = s.substr(k + kAnchor.size());
    if (r.starts_with("工作年度报告") || r.starts_with("年度报告") || r.starts_with("年度工作报告") ||
        r.starts_with("工作报告")) {
      strength = Strength::strong;
      return k;
    }
    std::string_view after_work = r.starts_with("工作") ? r.substr(6) : r;
    if (after_work.starts_with("年报")) {
      if (weak == std::string_view::npos) weak = k;
      continue;
    }
    std::size_t n = common_prefix(r, kSuffix);
    std::string_view rest = r.substr(n), missing = kSuffix.substr(n);
    bool cut = rest.starts_with(kCut);
    bool wrapped = rest.empty() && !next.empty() &&
                   (next.starts_with(missing) || (n == 0 && next.starts_with("年度报告")));
    if (cut || wrapped) {
      strength = Strength::strong;
      return k;
    }
  }
  if (weak != std::string_view::npos) strength = Strength::weak;
  return weak;
}

/// Decorations a tool puts before or after a title: Markdown (# **), lynx's link numbers [1],
/// list marks, a crawler's label (标题:), brackets.
void strip_decorations(std::string_view s, std::size_t& b, std::size_t& e) {
  for (bool more = true; more && b < e;) {
    more = false;
    char c = s[b];
    if (c == '#' || c == '*' || c == '-' || c == '=' || c == '_' || c == '>' || c == '|' || c == '"') {
      ++b;
      more = true;
    } else if (c == '[') {
      std::size_t k = b + 1;
      while (k < e && digit(s[k])) ++k;
      if (k < e && s[k] == ']') {
        b = k + 1;
        more = true;
      }
    } else if (s.substr(b).starts_with("【") || s.substr(b).starts_with("《")) {
      b += 3;
      more = true;
    } else {
      // a label: up to six characters and a colon (标题: 文章标题:)
      std::size_t colon = s.find(':', b);
      if (colon != std::string_view::npos && colon < e && colon > b && text::char_count(s.substr(b, colon - b)) <= 6 &&
          s.substr(b, colon - b).find_first_of("0123456789") == std::string_view::npos) {
        b = colon + 1;
        more = true;
      }
    }
  }
  for (bool more = true; more && e > b;) {
    more = false;
    char c = s[e - 1];
    if (c == '#' || c == '*' || c == ':' || c == '=' || c == '_' || c == '|' || c == '"') {
      --e;
      more = true;
    } else if (s.substr(b, e - b).ends_with("】") || s.substr(b, e - b).ends_with("》")) {
      e -= 3;
      more = true;
    }
  }
}

/// Takes a year off either end of [b, e): "2024年度", "2024年", "(2024年度)", "2024"; or the 年度 /
/// 年 a PDF tool left behind when it moved the digits to a line of their own. Returns the year
/// (0 if only its tail was there) and sets `at` to its offset.
int strip_year(std::string_view s, std::size_t& b, std::size_t& e, std::size_t& at, bool& tail_only) {
  auto eat_nian = [&](std::size_t& i) {
    std::string_view v = s.substr(i, e - i);
    i += v.starts_with("年度") ? 6 : v.starts_with("年") ? 3 : 0;
  };
  {  // leading
    std::size_t i = b;
    bool paren = i < e && s[i] == '(';
    if (paren) ++i;
    if (int y = i + 4 <= e ? year_at(s, i) : 0) {
      std::size_t j = i + 4;
      eat_nian(j);
      if (!paren || (j < e && s[j] == ')')) {
        at = i;
        b = j + (paren ? 1 : 0);
        return y;
      }
    }
    if (s.substr(b, e - b).starts_with("年")) {  // 年度 alone: the digits went elsewhere
      eat_nian(b);
      tail_only = true;
      return 0;
    }
  }
  {  // trailing
    std::size_t k = e;
    bool paren = k > b && s[k - 1] == ')';
    if (paren) --k;
    std::string_view v = s.substr(b, k - b);
    std::size_t y_end = k - (v.ends_with("年度") ? 6 : v.ends_with("年") ? 3 : 0);
    if (y_end - b >= 4 && year_at(s, y_end - 4)) {
      std::size_t i = y_end - 4;
      if (!paren || (i > b && s[i - 1] == '(')) {
        at = i;
        e = paren ? i - 1 : i;
        return year_at(s, i);
      }
    }
    if (y_end < k && !paren && (y_end == b || !digit(s[y_end - 1]))) {
      e = y_end;
      tail_only = true;
    }
  }
  return 0;
}

struct HeadName {
  std::size_t b = 0, e = 0;  ///< the name in the piece's text, empty if none
  int year = 0;
  std::size_t year_at = 0;
  bool year_tail = false;  ///< 年度 without its digits
};

/// Whether a breadcrumb's mark (> › ») ends right before s[b].
bool crumb_before(std::string_view s, std::size_t b) {
  std::string_view head = s.substr(0, b);
  return head.ends_with(">") || head.ends_with("›") || head.ends_with("»");
}

/// The name in s[0, end): the last token (tokens are parted by spaces and breadcrumb marks) that
/// holds more than decorations and a year. Tokens are not taken across a breadcrumb mark.
HeadName name_in(std::string_view s, std::size_t end) {
  HeadName h;
  std::size_t e = end;
  while (e > 0) {
    while (e > 0 && s[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && s[b - 1] != ' ' && !crumb_before(s, b)) --b;
    std::size_t tb = b, te = e;
    strip_decorations(s, tb, te);
    // A breadcrumb's last step glued to the name (…政府信息公开年报江川省民政厅: the view drops
    // the one space between them).
    for (std::string_view crumb : {"年报", "年度报告", "专栏"}) {
      std::size_t k = s.substr(tb, te - tb).rfind(crumb);
      if (k != std::string_view::npos && tb + k + crumb.size() < te) tb += k + crumb.size();
    }
    if (tb < te) {
      std::size_t at = 0;
      bool tail = false;
      if (int y = strip_year(s, tb, te, at, tail); y && !h.year) {
        h.year = y;
        h.year_at = at;
      }
      h.year_tail |= tail;
      strip_decorations(s, tb, te);
      std::string_view v = s.substr(tb, te - tb);
      if (v.ends_with("关于")) te -= 6;
      if (tb < te) {
        h.b = tb;
        h.e = te;
        return h;
      }
    }
    if (b == 0 || crumb_before(s, b)) break;
    e = b;
  }
  return h;
}

/// The text before 信息公开 without the title's own 政府: "…人民政府政府信息公开" and "…局政府信息
/// 公开" drop it, "…人民政府信息公开" shares it with the name.
std::size_t head_end(std::string_view s, std::size_t anchor) {
  std::string_view head = s.substr(0, anchor);
  if (!head.ends_with(kGov)) return anchor;
  std::string_view before = head.substr(0, head.size() - kGov.size());
  if (before.ends_with("人民") && !before.ends_with("人民政府人民")) return anchor;
  return anchor - kGov.size();
}

/// A year alone on a line near the title (chromium's pdftotext moves "2025" off the title line):
/// "2025", "(2025年度)".
int lone_year(std::string_view s, std::size_t& at) {
  std::size_t b = 0, e = s.size();
  bool tail = false;
  if (b < e && s[b] == '(' && s[e - 1] == ')') ++b, --e;
  int y = strip_year(s, b, e, at, tail);
  return y && b >= e ? y : 0;
}

std::size_t content_line(const text::NormalizedText& nt, std::size_t from, int step, std::size_t limit) {
  for (std::size_t k = from, seen = 0; seen < 3; ++seen) {
    if (step < 0 && k == 0) break;
    k = step < 0 ? k - 1 : k + 1;
    if (k >= limit) break;
    if (!nt.lines[k].dropped && !text::trim(nt.line_text(k)).empty()) return k;
  }
  return static_cast<std::size_t>(-1);
}

Piece line_piece(const text::NormalizedText& nt, std::size_t li) {
  return Piece(nt, nt.lines[li].begin, nt.lines[li].end, true);
}

}  // namespace

Piece::Piece(const text::NormalizedText& nt, std::uint32_t begin, std::uint32_t end, bool spaced) {
  text.reserve(end - begin);
  at.reserve(end - begin);
  for (std::uint32_t i = begin; i < end; ++i) {
    char c = nt.text[i];
    if (c == ' ' || c == '\t') {
      if (spaced && !text.empty() && text.back() != ' ') {
        text.push_back(' ');
        at.push_back(i);
      }
      continue;
    }
    text.push_back(c);
    at.push_back(i);
  }
  if (!text.empty() && text.back() == ' ') {
    text.pop_back();
    at.pop_back();
  }
}

Piece Piece::sub(std::size_t b, std::size_t e) const {
  Piece p;
  p.text = text.substr(b, e - b);
  p.at.assign(at.begin() + static_cast<std::ptrdiff_t>(b), at.begin() + static_cast<std::ptrdiff_t>(e));
  return p;
}

TitleReading read_title(const text::NormalizedText& nt, std::size_t limit) {
  TitleReading t;
  limit = std::min(limit, nt.lines.size());
  std::size_t weak_line = static_cast<std::size_t>(-1), weak_at = 0;
  std::size_t title_line = static_cast<std::size_t>(-1), anchor = 0;
  Piece title;
  for (std::size_t li = 0; li < limit && title_line == static_cast<std::size_t>(-1); ++li) {
    if (nt.lines[li].dropped) continue;
    // A title states its name and year within its first characters; a crawler's one-line page
    // goes on after it, and is not copied whole.
    std::string_view raw = text::first_chars(nt.line_text(li), kTitleBytes / 3);
    if (raw.find(kAnchor) == std::string_view::npos) continue;
    Piece p(nt, nt.lines[li].begin, nt.lines[li].begin + static_cast<std::uint32_t>(raw.size()), true);
    std::size_t next = content_line(nt, li, 1, nt.lines.size());
    std::string next_text;
    if (next < nt.lines.size())
      next_text = text::squeeze(nt.line_text(next).substr(0, 3 * 8));  // the rest of 工作年度报告 at most
    Strength st;
    std::size_t k = find_anchor(p.text, next_text, st);
    if (st == Strength::strong) {
      title_line = li;
      anchor = k;
      title = std::move(p);
    } else if (st == Strength::weak && weak_line == static_cast<std::size_t>(-1)) {
      weak_line = li;
      weak_at = k;
    }
  }
  if (title_line == static_cast<std::size_t>(-1)) {
    if (weak_line == static_cast<std::size_t>(-1)) return t;
    title_line = weak_line;
    anchor = weak_at;
    std::string_view raw = text::first_chars(nt.line_text(weak_line), kTitleBytes / 3);
    title = Piece(nt, nt.lines[weak_line].begin, nt.lines[weak_line].begin + static_cast<std::uint32_t>(raw.size()), true);
  }
  t.found = true;
  t.line = title_line;

  HeadName h = name_in(title.text, head_end(title.text, anchor));
  if (h.year) {
    t.year = h.year;
    t.year_span = title.span(nt, h.year_at, h.year_at + 4);
  }
  auto take = [&](const Piece& p, std::size_t b, std::size_t e, bool strict) {
    Piece name = p.sub(b, e);
    if (!plausible_name(name.text, strict)) return false;
    t.names.push_back({std::move(name), FieldSource::title, kRankTitle});
    return true;
  };
  if (h.e > h.b) {
    if (take(title, h.b, h.e, false) && title_line > 0 && !nt.lines[title_line - 1].dropped) {
      // A PDF tool may wrap the name itself (某省某市 / 某区人民政府2021年…): the line right above,
      // ideographs only, joined to it — taken only where the document writes the joined name.
      Piece up(nt, nt.lines[title_line - 1].begin, nt.lines[title_line - 1].end, false);
      if (!up.text.empty() && text::char_count(up.text) <= 30 && plausible_name(up.text, false)) {
        Piece joined = up;
        joined.text += t.names.front().piece.text;
        joined.at.insert(joined.at.end(), t.names.front().piece.at.begin(), t.names.front().piece.at.end());
        t.wrapped = Name{std::move(joined), FieldSource::title, kRankTitle};
      }
    }
  } else if (std::size_t up = content_line(nt, title_line, -1, limit); up < nt.lines.size()) {
    // The name alone on the line above: "淮安市人民政府" / "2024 年政府信息公开工作年度报告".
    Piece p = nt.line_text(up).size() <= 400 ? line_piece(nt, up) : Piece();
    if (!p.text.empty() && p.text.find("。") == std::string::npos && text::char_count(p.text) <= 60) {
      HeadName hu = name_in(p.text, p.text.size());
      if (hu.e > hu.b && take(p, hu.b, hu.e, true) && !t.year && hu.year) {
        t.year = hu.year;
        t.year_span = p.span(nt, hu.year_at, hu.year_at + 4);
      }
    }
  }
  if (!t.year) {
    // After the title: "…年度报告(2021年度)"; or a line of its own next to it.
    std::size_t after = anchor + kAnchor.size();
    std::string_view rest = std::string_view(title.text).substr(after);
    std::size_t open = rest.find("(");
    if (open != std::string_view::npos && open <= 3 * 8) {
      std::size_t at = 0;
      std::size_t close = rest.find(')', open);
      if (close != std::string_view::npos && lone_year(rest.substr(open, close - open + 1), at)) {
        t.year = year_at(rest, open + at);
        t.year_span = title.span(nt, after + open + at, after + open + at + 4);
      }
    }
  }
  for (int step : {1, -1}) {
    for (std::size_t k = title_line, n = 0; !t.year && n < 2; ++n) {
      k = content_line(nt, k, step, std::min(nt.lines.size(), limit + 2));
      if (k >= nt.lines.size()) break;
      if (text::trim(nt.line_text(k)).size() > 40) continue;  // a year alone is short
      Piece p = Piece(nt, nt.lines[k].begin, nt.lines[k].end, false);
      std::size_t at = 0;
      if (int y = lone_year(p.text, at)) {
        t.year = y;
        t.year_span = p.span(nt, at, at + 4);
      }
    }
  }
  return t;
}

bool plausible_name(std::string_view s, bool strict) {
  std::size_t chars = text::char_count(s);
  if (chars < (strict ? 3u : 2u) || chars > 40) return false;
  int han = 0;
  char32_t first = 0, last = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = text::next_code_point(s, i);
    if (!first) first = c;
    last = c;
    if (text::is_han(c)) ++han;
    else if (c != '(' && c != ')' && c != U'·') return false;
  }
  if (han < 2) return false;
  for (std::string_view junk : {"首页", "报告", "年报", "网站", "门户", "栏目", "正文", "标题", "发布"})
    if (s.find(junk) != std::string_view::npos) return false;
  if (!strict) return true;
  if (std::u32string_view(U"我本该各其贵此").find(first) != std::u32string_view::npos) return false;
  return std::u32string_view(U"府室厅局会委办院处所站心区县市镇乡道馆署部队司组社团盟旗州省行台校").find(last) !=
         std::u32string_view::npos;
}

}  // namespace ogi::sections

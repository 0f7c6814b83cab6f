// SPDX-License-Identifier: Apache-2.0
// Row labels by meaning, aligned with the template's order (labels.hpp).
#include "tables/labels.hpp"

#include <algorithm>
#include <span>
#include <bit>
#include <array>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "template/phrases.hpp"
#include "text/numbering.hpp"

namespace ogi::tables {
namespace {

using text::starts_with;
bool contains(std::string_view s, std::string_view p) { return !p.empty() && s.find(p) != std::string_view::npos; }

using text::kCut;

/// A numbering's value and kind: ("(三)" → 3, paren), ("三、" → 3, han), ("3." → 3, arabic).
struct Numbering {
  int value = 0;
  int kind = 0;  // 1 han, 2 paren (han or arabic), 3 arabic, 4 circled
};

int han_numeral(std::string_view s, std::size_t& len) {
  // 一 … 十 are three bytes each: the first three bytes as one number, not ten compares
  if (s.size() < 3) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  int v = 0;
  switch (static_cast<std::uint32_t>(p[0]) << 16 | static_cast<std::uint32_t>(p[1]) << 8 | p[2]) {
    case 0xE4B880: v = 1; break;   // 一
    case 0xE4BA8C: v = 2; break;   // 二
    case 0xE4B889: v = 3; break;   // 三
    case 0xE59B9B: v = 4; break;   // 四
    case 0xE4BA94: v = 5; break;   // 五
    case 0xE585AD: v = 6; break;   // 六
    case 0xE4B883: v = 7; break;   // 七
    case 0xE585AB: v = 8; break;   // 八
    case 0xE4B99D: v = 9; break;   // 九
    case 0xE58D81: v = 10; break;  // 十
    default: return 0;
  }
  len = 3;
  return v;
}

/// One numbering at the start of squeezed text and its length in bytes.
Numbering read_one_numbering(std::string_view s, std::size_t& len) {
  len = 0;
  if (starts_with(s, "(")) {
    auto close = s.find(')');
    if (close != std::string_view::npos && close >= 2 && close <= 7) {
      std::string_view in = s.substr(1, close - 1);
      std::size_t l = 0;
      int v = han_numeral(in, l);
      if (v && l == in.size()) { len = close + 1; return {v, 2}; }
      if (in.size() <= 2 && std::all_of(in.begin(), in.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        len = close + 1;
        return {std::stoi(std::string(in)), 2};
      }
    }
    return {};
  }
  std::size_t l = 0;
  if (int v = han_numeral(s, l)) {
    std::string_view rest = s.substr(l);
    for (std::string_view p : {"、", ".", ","})
      if (starts_with(rest, p)) { len = l + p.size(); return {v, 1}; }
    // "七)总计": the opening bracket printed a line away (pdftotext -layout sets a cell's "(" on
    // the line of its vertical centre)
    if (starts_with(rest, ")")) { len = l + 1; return {v, 2}; }
    return {};
  }
  std::size_t d = 0;
  while (d < s.size() && d < 3 && s[d] >= '0' && s[d] <= '9') ++d;
  if (d > 0 && d <= 2) {
    std::string_view rest = s.substr(d);
    for (std::string_view p : {".", "、"})
      if (starts_with(rest, p) && !(rest.size() > p.size() && rest[p.size()] >= '0' && rest[p.size()] <= '9')) {
        len = d + p.size();
        return {std::stoi(std::string(s.substr(0, d))), 3};
      }
  }
  // ① .. ⑳ (U+2460..2473: E2 91 A0..B3)
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 && static_cast<unsigned char>(s[1]) == 0x91) {
    auto c = static_cast<unsigned char>(s[2]);
    if (c >= 0xA0 && c <= 0xB3) { len = 3; return {c - 0xA0 + 1, 4}; }
  }
  return {};
}

/// The numbering at the start of squeezed text: of several in a row ("(三)1." — a group's and its
/// row's), the last; `len` covers them all.
Numbering read_numbering(std::string_view s, std::size_t& len) {
  len = 0;
  Numbering last;
  for (;;) {
    std::size_t l = 0;
    Numbering n = read_one_numbering(s.substr(len), l);
    if (!n.value) return last;
    last = n;
    len += l;
  }
}

bool same_numbering(Numbering x, Numbering y) {
  if (!x.value || !y.value || x.value != y.value) return false;
  // 1. 1、 ① are one kind of item numbering; 一、 一. another; (一) (1) another
  auto family = [](int k) { return k == 4 ? 3 : k; };
  return family(x.kind) == family(y.kind);
}
bool same_numbering(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  std::size_t la = 0, lb = 0;
  return same_numbering(read_numbering(a, la), read_numbering(b, lb));
}
Numbering numbering_of(const LabelText& t) { return {t.numbering_value, t.numbering_kind}; }

/// Characters in s (UTF-8).
std::size_t chars(std::string_view s) { return text::char_count(s); }

/// `cut` with the damage a tool left at its end removed (html2text's U+FFFD, box underscores).
std::string_view without_damage(std::string_view cut) {
  for (;;) {
    while (!cut.empty() && (cut.back() == '_' || cut.back() == ' ')) cut.remove_suffix(1);
    if (cut.size() >= 3 && cut.substr(cut.size() - 3) == kCut) { cut.remove_suffix(3); continue; }
    return cut;
  }
}

/// What of a label's words may start a row's label: the text before its trailing damage — or,
/// where html2text cut it inside and laid the rest over in pieces (`属于三类内��信�`), the text
/// before the first cut, where three characters or more stand there.
std::string_view matchable_start(std::string_view bare) {
  const std::string_view cut = without_damage(bare);
  if (const std::size_t at = cut.find(kCut); at != std::string_view::npos) {
    const std::string_view head = without_damage(cut.substr(0, at));
    if (text::more_chars_than(head, 2)) return head;
  }
  return cut;
}

bool prefix_of_any(std::string_view p, const templates::RowDef& def) {
  if (p.empty()) return false;
  if (starts_with(def.label, p)) return true;
  return std::any_of(def.variants.begin(), def.variants.end(), [&](std::string_view v) { return starts_with(v, p); });
}
bool inside_any(std::string_view p, const templates::RowDef& def) {
  if (p.empty()) return false;
  if (contains(def.label, p)) return true;
  return std::any_of(def.variants.begin(), def.variants.end(), [&](std::string_view v) { return contains(v, p); });
}

/// Does a label html2text cut to pieces ("行政�20.46��收费", "行� ��制": the characters between
/// its cut characters, values taken out) fit `label`: its first piece where the label starts,
/// the others after it in order? `known` counts the pieces' characters.
bool pieces_fit(std::string_view cut, std::string_view label, std::size_t& known) {
  known = 0;
  std::size_t at = 0;
  bool first = true;
  // the label's numbering ("7.") and spaces before its first piece
  while (!cut.empty() && static_cast<unsigned char>(cut.front()) < 0x80) cut.remove_prefix(1);
  while (!cut.empty()) {
    // a piece: the characters up to the next cut character, value or space
    std::size_t end = 0;
    while (end < cut.size() && static_cast<unsigned char>(cut[end]) >= 0x80 && cut.substr(end, kCut.size()) != kCut) ++end;
    std::string_view piece = cut.substr(0, end);
    std::size_t skip = end;
    while (skip < cut.size() && (static_cast<unsigned char>(cut[skip]) < 0x80 || cut.substr(skip, kCut.size()) == kCut))
      skip += static_cast<unsigned char>(cut[skip]) < 0x80 ? 1 : kCut.size();
    cut.remove_prefix(skip);
    if (piece.empty()) {
      if (first) return false;  // the label's first character must be kept
      continue;
    }
    std::size_t found = label.find(piece, at);
    if (found == std::string_view::npos || (first && found != 0)) return false;
    first = false;
    at = found + piece.size();
    known += text::char_count(piece);
  }
  return known > 0;
}

/// Is the text (a fragment of) a group label or a column header of the table?
bool names_group(const LabelText& t, const templates::TableDef& def) {
  std::string_view b = t.bare().empty() ? std::string_view(t.squeezed) : t.bare();
  b = without_damage(b);
  while (!b.empty() && (b.front() == '(' || b.front() == ')')) b.remove_prefix(1);
  while (!b.empty() && (b.back() == '(' || b.back() == ')')) b.remove_suffix(1);
  if (b.empty()) return !t.squeezed.empty();
  const bool found = t.words_of == &def;  // the group labels it holds are known
  if (found && t.holds_group) return true;
  for (std::string_view g : def.groups)
    if (contains(g, b) || (!found && contains(t.squeezed, g))) return true;
  return false;
}
/// Is the text a piece of the row's group label run into a piece of the row's own (pdftotext -layout
/// sets a wrapped group label and the row's wrapped label side by side, and normalization joins
/// ideographs one space apart: `法提供行制作`, of （四）无法提供 and 没有现成信息需要另行制作)? Each
/// piece two characters or more.
bool group_piece_then_label(std::string_view b, const templates::RowDef& row, const templates::TableDef& def) {
  constexpr std::size_t kLeast = 6;  // two ideographs
  if (row.group < 0 || b.size() < 2 * kLeast) return false;
  const std::string_view group = def.groups[static_cast<std::size_t>(row.group)];
  for (std::size_t k = kLeast; k + kLeast <= b.size(); ++k) {
    if ((static_cast<unsigned char>(b[k]) & 0xC0) == 0x80) continue;  // inside a character
    if (contains(group, b.substr(0, k)) && inside_any(b.substr(k), row)) return true;
  }
  return false;
}

/// Is the text a group label whole, its numbering aside (`无法提供` of （四）无法提供: lynx sets it on
/// a line of its own after the last row of the group before, an empty row)?
bool whole_group(const LabelText& t, const templates::TableDef& def) {
  std::string_view b = t.bare().empty() ? std::string_view(t.squeezed) : t.bare();
  if (b.size() < 6) return false;  // two ideographs at least: a fragment is no group
  for (std::string_view g : def.groups) {
    if (!g.ends_with(b)) continue;
    std::string_view numbering = g.substr(0, g.size() - b.size());
    if (numbering.empty() || (numbering.front() == '(' && numbering.back() == ')') || numbering.ends_with("、")) return true;
  }
  return false;
}
bool names_header(const LabelText& t, const templates::TableDef& def) {
  std::string_view b = without_damage(t.squeezed);
  if (b.empty()) return false;
  // (the table's words hold no "_", space or cut character: one in the text is one in b)
  const bool found = t.words_of == &def;
  if (found && t.holds_header) return true;
  for (const templates::ColumnDef& c : def.columns) {
    if (contains(c.label, b) || (!found && contains(b, c.label))) return true;
    for (std::string_view v : c.variants)
      if (contains(v, b) || (!found && contains(b, v))) return true;
  }
  for (std::string_view h : def.headers)
    if (contains(h, b) || (!found && contains(b, h))) return true;
  return false;
}

/// What label matching takes from a table's template, once per process: the matcher of its
/// words (phrases.hpp), which of them end an item of a run of text, its rows' labels sorted for
/// prefix and whole-label look-ups, each row's numbering and length.
struct TableIndex {
  const templates::PhraseMatcher* phrases = nullptr;
  /// Per phrase: a header word or group label that ends an item of a run of text — all but those
  /// that are also part of a row's label ("其他", "总计").
  std::vector<bool> ending;
  /// Every row's label and variants, and every start of one (in bytes), each with the rows
  /// whose label or a variant is it or starts so: one lookup a label, not a search of the sorted
  /// labels with a compare a step.
  std::unordered_map<std::string_view, std::uint64_t> whole_rows, starting_rows;
  std::vector<Numbering> numbering;                      ///< per row
  std::vector<std::uint32_t> label_chars;                ///< per row
  /// Its header words: the columns' names and the names they go by, and its other headers.
  std::vector<std::string_view> header_words;
  std::vector<char32_t> header_chars;  ///< the header words' characters, sorted
  std::span<const std::string_view> groups;  ///< its group labels ("(五)不予处理"): the template's
};

TableIndex make_index(const templates::TableDef& d) {
  TableIndex ix;
  if (d.rows.size() > 64) throw std::logic_error("label matching: more than 64 rows in a table");  // keyword_rows
  ix.phrases = &templates::phrases(d);
  auto in_a_label = [&](std::string_view v) {
    for (const templates::RowDef& r : d.rows) {
      if (contains(r.label, v)) return true;
      for (std::string_view x : r.variants)
        if (contains(x, v)) return true;
    }
    return false;
  };
  for (const templates::Phrase& p : ix.phrases->phrases()) {
    // names_header and names_whole_header_or_group look for the words in the text with its
    // damage (trailing "_", spaces, cut characters) on: no word may hold any of them
    if (p.text.find_first_of("_ ") != std::string_view::npos || contains(p.text, kCut))
      throw std::logic_error("label matching: a template word holds a character damage is made of");
    bool ends = p.kind == templates::PhraseKind::column || p.kind == templates::PhraseKind::header ||
                p.kind == templates::PhraseKind::group;
    ix.ending.push_back(ends && !in_a_label(p.text));
  }
  for (std::size_t r = 0; r < d.rows.size(); ++r) {
    const std::uint64_t bit = std::uint64_t{1} << r;
    auto add = [&](std::string_view l) {
      ix.whole_rows[l] |= bit;
      for (std::size_t n = 1; n <= l.size(); ++n) ix.starting_rows[l.substr(0, n)] |= bit;
    };
    add(d.rows[r].label);
    for (std::string_view v : d.rows[r].variants) add(v);
    std::size_t len = 0;
    ix.numbering.push_back(read_numbering(d.rows[r].numbering, len));
    ix.label_chars.push_back(static_cast<std::uint32_t>(chars(d.rows[r].label)));
  }
  for (const templates::ColumnDef& c : d.columns) {
    ix.header_words.push_back(c.label);
    ix.header_words.insert(ix.header_words.end(), c.variants.begin(), c.variants.end());
  }
  ix.header_words.insert(ix.header_words.end(), d.headers.begin(), d.headers.end());
  ix.groups = d.groups;
  for (std::string_view w : ix.header_words)
    for (std::size_t k = 0; k < w.size();) ix.header_chars.push_back(text::next_code_point(w, k));
  std::sort(ix.header_chars.begin(), ix.header_chars.end());
  ix.header_chars.erase(std::unique(ix.header_chars.begin(), ix.header_chars.end()), ix.header_chars.end());
  return ix;
}

const TableIndex& index_of(const templates::TableDef& def) {
  static const std::array<TableIndex, 3> all{make_index(templates::active_disclosure()), make_index(templates::applications()),
                                             make_index(templates::review_litigation())};
  const auto k = static_cast<std::size_t>(def.key);
  if (k >= all.size() || &def != &templates::table(def.key)) throw std::out_of_range("label matching: not a template table");
  return all[k];
}

/// Is the text pieces of the table's column names and header words run together, each piece
/// part of one (`维持纠正结果审结`: the second lines of four wrapped column names, printed as one
/// line)? Read greedily, the longest piece first; a header's pieces are a few (24 characters at
/// most).
bool header_pieces(const LabelText& t, const templates::TableDef& def) {
  std::string_view b = without_damage(t.squeezed);
  if (b.empty() || text::more_chars_than(b, 24)) return false;  // (a run of prose is none)
  const TableIndex& ix = index_of(def);
  for (std::size_t k = 0; k < b.size();)  // (most text fails here, cheaply)
    if (!std::binary_search(ix.header_chars.begin(), ix.header_chars.end(), text::next_code_point(b, k))) return false;
  auto part_of_one = [&](std::string_view piece) {
    return std::any_of(ix.header_words.begin(), ix.header_words.end(), [&](std::string_view w) { return contains(w, piece); });
  };
  std::size_t i = 0;
  while (i < b.size()) {
    std::size_t longest = 0;
    for (std::size_t j = i; j < b.size();) {
      text::next_code_point(b, j);
      if (!part_of_one(b.substr(i, j - i))) break;
      longest = j;
    }
    if (longest == 0) return false;
    i = longest;
  }
  return true;
}

/// Can a numbering other than arabic start here: "(", 一 … 十, ① … ⑳ (read_one_numbering)?
bool opens_numbering(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] == '(') return true;
  if (s.size() < 3) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::uint32_t c = static_cast<std::uint32_t>(p[0]) << 16 | static_cast<std::uint32_t>(p[1]) << 8 | p[2];
  switch (c) {
    case 0xE4B880: case 0xE4BA8C: case 0xE4B889: case 0xE59B9B: case 0xE4BA94:  // 一 二 三 四 五
    case 0xE585AD: case 0xE4B883: case 0xE585AB: case 0xE4B99D: case 0xE58D81:  // 六 七 八 九 十
      return true;
    default:
      return c >= 0xE291A0 && c <= 0xE291B3;  // ① … ⑳
  }
}

/// An occurrence of one of the table's phrases in a text.
struct Occurrence {
  std::uint32_t phrase, at;
};

/// Where the last item of a run of text begins: after the last whole header word or group label
/// that does not end it, or at the last numbering (一、 (一)) after its start. `found`: the
/// table's phrases in `s`.
std::size_t last_segment(std::string_view s, const TableIndex& ix, const std::vector<Occurrence>& found) {
  std::size_t at = 0;
  // what ends the text: junk a tool left after the last word (html2text's "_") does not count
  std::size_t end = s.size();
  while (end > 0 && (s[end - 1] == '_' || s[end - 1] == ' ' || s[end - 1] == '|')) --end;
  auto covers = [&](std::size_t p) {  // inside an occurrence of the table's words
    return std::any_of(found.begin(), found.end(), [&](const Occurrence& o) {
      return ix.ending[o.phrase] && p > o.at && p < o.at + ix.phrases->phrases()[o.phrase].text.size();
    });
  };
  for (const Occurrence& o : found) {
    std::size_t e = o.at + ix.phrases->phrases()[o.phrase].text.size();
    if (ix.ending[o.phrase] && e < end) at = std::max(at, e);
  }
  for (std::size_t p = 1; p < s.size(); ++p) {
    // a numbering other than arabic opens with "(", a Chinese numeral or a circled one (① … ⑳):
    // its first byte is one of four (most bytes are told by that alone)
    const auto first = static_cast<unsigned char>(s[p]);
    if ((first != '(' && first != 0xE4 && first != 0xE5 && first != 0xE2) || !opens_numbering(s.substr(p))) continue;
    std::size_t len = 0;
    Numbering n = read_one_numbering(s.substr(p), len);
    if (n.value && n.kind != 3 && !covers(p)) at = std::max(at, p);  // 一、 (一): an arabic "1." may be a count's tail
  }
  // A group label cut short in its narrow cell, its row's label after it (html2text:
  // `(五)不3.要求提供公开出`): the label starts at the arabic numbering right after the cut.
  for (std::string_view g : ix.groups) {
    if (g[0] != s[0]) continue;  // (most texts: one compare a group)
    std::size_t p = 0;
    while (p < g.size() && p < s.size() && s[p] == g[p]) ++p;
    if (p == 0 || p >= g.size() || p >= s.size() || s[p] < '0' || s[p] > '9') continue;
    std::size_t numbering_len = 0, len = 0;
    read_one_numbering(g, numbering_len);
    if (p <= numbering_len) continue;
    if (const Numbering n = read_one_numbering(s.substr(p), len); n.value && n.kind == 3) at = std::max(at, p);
  }
  return at;
}

/// The bytes a label is squeezed at: spaces, tabs, and the underscores and pipes html2text
/// draws cells' edges with (one look-up a byte, not four compares).
constexpr std::array<bool, 256> kSqueezedOut = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '_', '|'}) t[c] = true;
  return t;
}();

/// What opens a block's heading, squeezed: 第二十条第(五)项 (table 2's blocks, each with rows of its own).
constexpr std::string_view kBlockHeadingWords = "第二十条第(";

/// Is the text a whole column header, header word or group label of the table (not a fragment)?
bool names_whole_header_or_group(const LabelText& t, const templates::TableDef& def) {
  std::string_view b = without_damage(t.squeezed);
  if (b.empty()) return false;
  if (t.words_of == &def) return t.holds_header || t.holds_group;
  auto is = [&](std::string_view x) { return !x.empty() && (b == x || contains(b, x)); };
  for (const templates::ColumnDef& c : def.columns) {
    if (is(c.label)) return true;
    for (std::string_view v : c.variants)
      if (is(v)) return true;
  }
  for (std::string_view h : def.headers)
    if (is(h)) return true;
  for (std::string_view g : def.groups)
    if (is(g)) return true;
  return false;
}

}  // namespace

namespace {
// A label is short: of a long run of text only its end can name a row (the rest is prose or
// headers run together), and reading all of it would make long lines cost their square.
constexpr std::size_t kLongestLabel = 512;
}  // namespace

char* LabelStore::room(std::size_t n) {
  if (blocks_.empty() || used_ + n > size_) {
    size_ = std::max(n, next_size_);
    next_size_ = std::max<std::size_t>(size_, 1024);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size_));
    used_ = 0;
  }
  return blocks_.back().get() + used_;
}

LabelText prepare_label(std::string_view text, const templates::TableDef* table, LabelStore& store) {
  LabelText t;
  if (text.size() > kLongestLabel) {
    std::size_t from = text.size() - kLongestLabel;
    while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    text.remove_prefix(from);
  }
  // squeezed, and without the underscores and pipes html2text draws cells' edges with (never part
  // of a label): copied in runs between them
  char* const squeezed = store.room(text.size());
  std::size_t len = 0;
  for (std::size_t k = 0; k < text.size();) {
    std::size_t e = k;
    while (e < text.size() && !kSqueezedOut[static_cast<unsigned char>(text[e])]) ++e;
    std::copy(text.data() + k, text.data() + e, squeezed + len);
    len += e - k;
    k = e + 1;
  }
  store.keep(len);
  t.squeezed = std::string_view(squeezed, len);
  // A sentence is prose that mentions a row ("…本年新收申请16件，上年结转0件。"), not its label:
  // only what follows the last full stop can be one (a page saved as one line runs on into it).
  if (auto stop = t.squeezed.rfind("。"); stop != std::string::npos) t.squeezed.remove_prefix(stop + 3);
  // A long run of headings, headers and a label with no space between them (a page saved as one
  // line: "…信息内容本年制发件数本年废止件数现行有效件数规章"): the label is what follows the last
  // header word or group label, or starts at the last numbering.
  if (table) {
    // The table's words in the text, found once: for the cut below and for what the matchers ask
    // (a row's keyword, a group label, a column header).
    const TableIndex& ix = index_of(*table);
    thread_local std::vector<Occurrence> found;
    found.clear();
    ix.phrases->each(t.squeezed, [&](std::size_t p, std::size_t at) {
      found.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(at)});
    });
    std::size_t from = text::more_chars_than(t.squeezed, 8) ? last_segment(t.squeezed, ix, found) : 0;
    t.squeezed.remove_prefix(from);
    t.words_of = table;
    for (const Occurrence& o : found) {
      if (o.at < from) continue;
      const templates::Phrase& p = ix.phrases->phrases()[o.phrase];
      switch (p.kind) {
        case templates::PhraseKind::row_keyword: t.keyword_rows |= std::uint64_t{1} << p.index; break;
        case templates::PhraseKind::column:
        case templates::PhraseKind::header: t.holds_header = true; break;
        case templates::PhraseKind::group: t.holds_group = true; break;
        default: break;
      }
    }
  }
  len = 0;
  Numbering n = read_numbering(t.squeezed, len);
  t.numbering_len = t.bare_from = static_cast<std::uint32_t>(len);
  t.numbering_value = static_cast<std::int8_t>(std::clamp(n.value, 0, 127));
  t.numbering_kind = static_cast<std::int8_t>(n.kind);
  // numbering punctuation left behind when its digits were glued to the cells before (…218.其他)
  if (len == 0 && (starts_with(t.bare(), ".") || starts_with(t.bare(), "、")))
    t.bare_from = starts_with(t.bare(), ".") ? 1 : 3;
  t.bare_chars = static_cast<std::uint32_t>(chars(t.bare()));
  return t;
}

namespace {
/// match_strength with the row's numbering and its label's characters counted beforehand.
int strength_of(const LabelText& t, const templates::RowDef& def, Numbering def_numbering, std::size_t label_chars) {
  const bool numbered = same_numbering(numbering_of(t), def_numbering);
  if (t.bare().empty()) return numbered ? 1 : 0;
  // A label is about as long as the template's (a group label or a cut neighbour may be fused
  // with it); text far longer is prose that mentions the row ("全年公开行政许可决定33件、…").
  if (t.bare_chars > 2 * label_chars + 12) return 0;
  if (!def.needs_numbering) {
    for (std::string_view kw : def.keywords)
      if (contains(t.squeezed, kw)) return kStrongest;
  }
  bool whole = t.bare() == def.label ||
               std::any_of(def.variants.begin(), def.variants.end(), [&](std::string_view v) { return t.bare() == v; });
  if (whole) return def.needs_numbering ? (numbered ? 4 : 1) : kStrongest;
  if (def.needs_numbering) return 0;
  std::string_view cut = matchable_start(t.bare());
  if (!prefix_of_any(cut, def)) return 0;
  std::size_t n = chars(cut);
  if (n >= 3) return 3;
  if (n >= 2 && numbered) return 2;
  // cut to two characters by a tool (html2text's "行政�"): the row only where the order expects it
  if (n >= 2 && cut.size() < t.bare().size()) return 1;
  return numbered ? 1 : 0;
}

Numbering numbering_of(const templates::RowDef& def) {
  std::size_t len = 0;
  return read_numbering(def.numbering, len);
}

/// Does a value (number or blank cell) stand before token i on its line?
bool value_before_on_line(const std::vector<Token>& tokens, std::size_t i) {
  for (std::size_t k = i; k-- > 0 && tokens[k].line == tokens[i].line;)
    if (tokens[k].is_value()) return true;
  return false;
}
}  // namespace

int match_strength(const LabelText& t, const templates::RowDef& def) {
  return strength_of(t, def, numbering_of(def), chars(def.label));
}

LabelMatches::LabelMatches(const text::NormalizedText& nt, const std::vector<Token>& tokens, const templates::TableDef& def)
    : nt_(&nt), tokens_(&tokens), def_(&def), rows_(def.rows.size()) {
  row_numbering_.reserve(2 * rows_);
  label_chars_.reserve(rows_);
  for (const templates::RowDef& r : def.rows) {
    Numbering n = numbering_of(r);
    row_numbering_.push_back(static_cast<std::int8_t>(n.value));
    row_numbering_.push_back(static_cast<std::int8_t>(n.kind));
    label_chars_.push_back(static_cast<std::uint32_t>(chars(r.label)));
  }
  // every label's squeezed text in one block: at most its token's text (kLongestLabel bytes of it)
  std::size_t bytes = 0;
  for (const Token& t : tokens)
    if (t.kind == TokenKind::text) bytes += std::min<std::size_t>(t.end - t.begin, kLongestLabel);
  store_ = LabelStore(bytes);
  labels_.resize(tokens.size());
  token_strengths_.assign(tokens.size() * rows_, 0);
  blocks_.resize(tokens.size());
  opens_block_.assign(tokens.size(), false);
  names_any_.assign(tokens.size(), false);
  std::string current_block;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::text) continue;
    std::string_view raw = token_text(nt, tokens[i]);
    labels_[i] = prepare_label(raw, &def, store_);
    match(labels_[i], &token_strengths_[i * rows_]);
    // A bare numbering after a value on its line names no row: a wrapped label's `、` laid over
    // a cell by html2text (`|2、|` for the cell 2, after the row's first cells). Nor does one cut
    // out of a run of cut characters: a cell's digits run onto the label's `、` (`缴纳 ��3、�51`,
    // the 3 社会公益组织's).
    if (labels_[i].numbering_only() && (value_before_on_line(tokens, i) || tokens[i].damaged))
      std::fill(&token_strengths_[i * rows_], &token_strengths_[(i + 1) * rows_], std::int8_t{0});
    names_any_[i] = std::any_of(&token_strengths_[i * rows_], &token_strengths_[(i + 1) * rows_], [](std::int8_t x) { return x > 0; });
    // a block heading (第二十条第(五)项) and its item, "(五)", in the squeezed text
    if (raw.find("条") != std::string_view::npos) {
      // (html2text pads a box cell with underscores, between the heading's words too:
      // `第二十条_第（一）项`)
      std::string sq = text::squeeze(raw);
      std::erase(sq, '_');
      if (auto at = sq.find(kBlockHeadingWords); at != std::string::npos) {
        opens_block_[i] = true;
        at += kBlockHeadingWords.size() - 1;  // at its "("
        if (auto close = sq.find(')', at); close != std::string::npos) current_block = sq.substr(at, close + 1 - at);
      }
    }
    blocks_[i] = current_block;
  }
}

/// strength_of for every row of the table at once: the keywords it holds are known (found in one
/// pass when it was prepared), the rows whose label it is or starts are looked up in the sorted
/// labels, its cut text is counted once.
void LabelMatches::match(const LabelText& t, std::int8_t* out) const {
  if (t.words_of != def_) {
    for (std::size_t r = 0; r < rows_; ++r)
      out[r] = static_cast<std::int8_t>(
          strength_of(t, def_->rows[r], {row_numbering_[2 * r], row_numbering_[2 * r + 1]}, label_chars_[r]));
    return;
  }
  const TableIndex& ix = index_of(*def_);
  const Numbering own = numbering_of(t);
  auto numbered = [&](std::size_t r) { return same_numbering(own, ix.numbering[r]); };
  const std::string_view bare = t.bare();
  if (bare.empty()) {
    for (std::size_t r = 0; r < rows_; ++r) out[r] = numbered(r) ? 1 : 0;
    return;
  }
  auto rows_of = [](const std::unordered_map<std::string_view, std::uint64_t>& m, std::string_view k) {
    auto it = m.find(k);
    return it == m.end() ? std::uint64_t{0} : it->second;
  };
  const std::uint64_t whole = rows_of(ix.whole_rows, bare);  // rows whose label or a variant is bare
  const std::string_view cut = matchable_start(bare);
  const std::uint64_t prefix = cut.empty() ? 0 : rows_of(ix.starting_rows, cut);  // ... starts with cut
  const std::size_t n = prefix ? chars(cut) : 0;
  // Only a row the label names by a keyword, whole or by its start can be matched: the others
  // are 0 without asking (a table has some thirty rows, a label names one or two).
  std::fill(out, out + rows_, std::int8_t{0});
  for (std::uint64_t named = t.keyword_rows | whole | prefix; named != 0; named &= named - 1) {
    const auto r = static_cast<std::size_t>(std::countr_zero(named));
    if (r >= rows_) break;
    const templates::RowDef& def = def_->rows[r];
    const std::uint64_t bit = std::uint64_t{1} << r;
    int s = 0;
    if (t.bare_chars > 2 * ix.label_chars[r] + 12) s = 0;
    else if (!def.needs_numbering && (t.keyword_rows & bit)) s = kStrongest;
    else if (whole & bit) s = def.needs_numbering ? (numbered(r) ? 4 : 1) : kStrongest;
    else if (def.needs_numbering || !(prefix & bit)) s = 0;
    // (a start several rows share, "7.属于行政", is the row its numbering names)
    else if (n >= 3) s = std::popcount(prefix) > 1 && !t.numbering().empty() && !numbered(r) ? 2 : 3;
    else if (n >= 2 && numbered(r)) s = 2;
    else if (n >= 2 && cut.size() < bare.size()) s = 1;
    else s = numbered(r) ? 1 : 0;
    out[r] = static_cast<std::int8_t>(s);
  }
}

const std::vector<std::int8_t>& LabelMatches::window_strengths(const std::string& joined) {
  auto [it, added] = windows_.try_emplace(joined);
  if (added) {
    it->second.resize(rows_);
    match(prepare_label(joined, def_, store_), it->second.data());
  }
  return it->second;
}

int LabelMatches::row_index(int key) const {
  for (std::size_t r = 0; r < rows_; ++r)
    if (def_->rows[r].key == key) return static_cast<int>(r);
  return -1;
}

LabelAlignment align_labels(LabelMatches& matches, const Layout& layout) {
  const text::NormalizedText& nt = matches.text();
  const std::vector<Token>& tokens = matches.tokens();
  LabelAlignment out;
  out.marks.assign(tokens.size(), Mark{});
  out.label_token.assign(layout.rows.size(), -1);
  out.out_of_block.assign(layout.rows.size(), false);
  const std::size_t R = layout.rows.size();
  if (layout.single_row || R == 0) {
    // Table 4 has no row labels: its group names are headers.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::text) continue;
      const LabelText& t = matches.label(i);
      bool header = names_header(t, *layout.def) || names_group(t, *layout.def);
      const std::int8_t* st = matches.strengths(i);
      for (std::size_t g = 0; g < layout.def->rows.size(); ++g) header |= st[g] > 0 || inside_any(t.bare(), layout.def->rows[g]);
      header = header || header_pieces(t, *layout.def);
      out.marks[i].role = header ? TextRole::header : TextRole::foreign;
    }
    return out;
  }
  // Each printed row's template row (its index in TableDef::rows, for the matches' strengths).
  std::vector<int> def_row(R);
  for (std::size_t r = 0; r < R; ++r) def_row[r] = matches.row_index(layout.rows[r].key);
  auto row_def = [&](std::size_t r) -> const templates::RowDef* {
    return def_row[r] < 0 ? nullptr : &layout.def->rows[static_cast<std::size_t>(def_row[r])];
  };

  // Matches of every text token: of its own text and of the text it starts when joined with the
  // text tokens after it, up to the next value (a label wrapped over lines, down to a character
  // per line in a narrow column: "1." / "本" / "机" / …).
  struct Hit { std::uint32_t token; int row; int strength; };
  std::vector<Hit> hits;
  std::vector<std::uint32_t> texts;
  std::vector<std::uint32_t> run;  // per text token: its run of text tokens with no value between
  std::uint32_t run_id = 0;
  texts.reserve(tokens.size());
  run.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::text) {
      ++run_id;
      continue;
    }
    texts.push_back(static_cast<std::uint32_t>(i));
    run.push_back(run_id);
  }
  auto prepared = [&](std::size_t ti) -> const LabelText& { return matches.label(texts[ti]); };
  auto own_strength = [&](std::size_t ti, std::size_t r) -> int {
    return def_row[r] < 0 ? 0 : matches.strengths(texts[ti])[def_row[r]];
  };
  // A window may reach past values (a tall label whose values stand beside its middle: "2." /
  // values / "其他法律…") only for a row its text before them already points at (by numbering or
  // as the label's start).
  // The 第二十条 block each text token stands in (table 2's rows belong to blocks), and cut text.
  auto block_of = [&](std::size_t ti) { return matches.block(texts[ti]); };
  auto in_block = [&](std::size_t ti, std::size_t r) {
    const templates::RowDef* def = row_def(r);
    return !def || def->block.empty() || block_of(ti).empty() || def->block == block_of(ti);
  };
  auto damaged = [&](std::size_t ti) {
    return tokens[texts[ti]].damaged || prepared(ti).squeezed.find(kCut) != std::string::npos;
  };
  // A cut label that names no row by its words: the pieces of its line from it on (cut
  // characters and values between them) may fit exactly one row — of its block where a 第二十条
  // heading names one, else of the table, with more of the label kept.
  auto line_rest = [&](std::size_t ti) {
    const Token& t = tokens[texts[ti]];
    return std::string_view(nt.text).substr(t.begin, nt.lines[t.line].end - t.begin);
  };
  // whether a line holds a cut character, looked for once per line (tokens come in line order)
  std::uint32_t cut_line_seen = UINT32_MAX;
  bool cut_on_seen_line = false;
  auto cut_on_line = [&](std::size_t ti) {
    const std::uint32_t line = tokens[texts[ti]].line;
    if (line != cut_line_seen) {
      cut_line_seen = line;
      cut_on_seen_line = nt.line_text(line).find(kCut) != std::string_view::npos;
    }
    return cut_on_seen_line;
  };
  // (true where they fit several rows of its block, each named weakly)
  auto name_by_pieces = [&](std::size_t ti, std::vector<int>& strength) -> bool {
    std::string_view rest = line_rest(ti);
    bool blocked = !block_of(ti).empty();
    int fits = -1, fitting = 0;
    std::uint64_t fit_rows = 0;  // (a block holds a few rows; R is at most 64: LabelText::keyword_rows)
    for (std::size_t r = 0; r < R; ++r) {
      const templates::RowDef* def = row_def(r);
      if (!def || (blocked && def->block != block_of(ti))) continue;
      std::size_t known = 0;
      bool fit = pieces_fit(rest, def->label, known);
      for (std::size_t v = 0; v < def->variants.size() && !fit; ++v) fit = pieces_fit(rest, def->variants[v], known);
      if (!fit || known < (blocked ? 2u : 4u)) continue;
      fits = static_cast<int>(r);
      ++fitting;
      if (r < 64) fit_rows |= std::uint64_t{1} << r;
    }
    if (fitting == 0 || (fitting > 1 && !blocked)) return false;  // fits two rows outside a block: names neither
    // the row its pieces name, and no other by the few characters they share; pieces that fit
    // several rows of their block name each weakly, for the block rules below to settle (block
    // (六)'s 行政处罚 and 行政强制 both cut to `行政�`)
    std::fill(strength.begin(), strength.end(), 0);
    if (fitting == 1) {
      strength[static_cast<std::size_t>(fits)] = 2;
      return false;
    }
    for (std::size_t r = 0; r < R && r < 64; ++r)
      if (fit_rows >> r & 1) strength[r] = 1;
    return true;
  };
  // Only fragments join: text that is whole by itself — a numbering, a whole header or group
  // label, a row's label — neither grows nor is taken into another's window.
  constexpr std::size_t kWindowTokens = 16, kWindowChars = 40;
  std::vector<bool> whole(texts.size());
  for (std::size_t ti = 0; ti < texts.size(); ++ti) {
    const LabelText& t = prepared(ti);
    bool w = !t.numbering().empty() || names_whole_header_or_group(t, *layout.def);
    for (std::size_t r = 0; r < R && !w && matches.names_any_row(texts[ti]); ++r) w = own_strength(ti, r) >= 3;
    whole[ti] = w;
  }
  std::vector<int> strength(R), before_values(R);
  std::vector<std::uint32_t> ties;  // cut labels each fitting several rows of their block (below)
  std::string joined;
  hits.reserve(2 * texts.size());
  for (std::size_t ti = 0; ti < texts.size(); ++ti) {
    // a bare numbering cut out of a run of cut characters opens no label (LabelMatches: a cell's
    // digits run onto a label's 、)
    if (prepared(ti).numbering_only() && tokens[texts[ti]].damaged) continue;
    std::fill(strength.begin(), strength.end(), 0);
    // some row's strength above 0: most text names no row, and its rows need no second walk
    bool named = false, several_in_block = false;
    joined.clear();
    bool crossed = false;
    for (std::size_t tj = ti; tj < texts.size() && tj < ti + kWindowTokens; ++tj) {
      // (past values, a numbered start takes the rest of its label even where that rest names
      // the row by itself: "7.属于行政" / 2 2 / "执法案卷")
      // (only for a start that is no whole label itself; the rest ends the window)
      auto past_values = [&] {
        if (run[tj] == run[tj - 1] || crossed || prepared(ti).numbering().empty()) return false;
        for (std::size_t r = 0; r < R; ++r)
          if (own_strength(ti, r) > 3) return false;
        return true;
      };
      bool rest_of_start = false;
      if (tj > ti && whole[tj]) {
        if (!past_values()) break;
        rest_of_start = true;
      }
      if (tj > ti && whole[ti] && prepared(ti).numbering().empty()) break;
      if (tj > ti && run[tj] != run[tj - 1]) {
        if (crossed) break;  // past one group of values at most
        crossed = true;
        // what the whole text before the values says of each row
        const std::vector<std::int8_t>& so_far = matches.window_strengths(joined);
        for (std::size_t r = 0; r < R; ++r) before_values[r] = def_row[r] < 0 ? 0 : so_far[static_cast<std::size_t>(def_row[r])];
      }
      if (tj > ti && joined.size() + prepared(tj).squeezed.size() > 4 * kWindowChars) break;
      joined += prepared(tj).squeezed;
      if (tj > ti && chars(joined) > kWindowChars) break;
      if (tj == ti && !matches.names_any_row(texts[ti])) continue;  // its own text names no row
      const std::int8_t* w = tj == ti ? matches.strengths(texts[ti]) : matches.window_strengths(joined).data();
      for (std::size_t r = 0; r < R; ++r) {
        if (def_row[r] < 0 || (crossed && before_values[r] == 0)) continue;
        if (const int x = w[def_row[r]]; x > strength[r]) strength[r] = x, named = true;
      }
      if (rest_of_start) break;
    }
    if ((!named || std::none_of(strength.begin(), strength.end(), [](int x) { return x >= 2; })) && cut_on_line(ti)) {
      several_in_block = name_by_pieces(ti, strength);
      named = true;
    }
    if (!named) continue;
    // A label cut short that fits more than one row of its block is a tie, settled below; one
    // outside a block names none of them. Inside a block its header names, a cut label that
    // fits exactly one of the block's rows names that row wherever it stands.
    bool tied = false;
    if (damaged(ti) || several_in_block) {
      int weak = 0;
      for (std::size_t r = 0; r < R; ++r) weak += strength[r] == 1 && in_block(ti, r);
      const bool blocked = !block_of(ti).empty();
      tied = weak > 1 && blocked;
      for (std::size_t r = 0; r < R; ++r) {
        if (strength[r] != 1) continue;
        if (!in_block(ti, r) || (weak > 1 && !blocked)) strength[r] = 0;
        else if (weak == 1) strength[r] = blocked ? 2 : 1;
      }
    }
    if (tied) ties.push_back(static_cast<std::uint32_t>(ti));
    for (std::size_t r = 0; r < R; ++r)
      if (strength[r] > 0) hits.push_back({static_cast<std::uint32_t>(ti), static_cast<int>(r), strength[r]});

  }
  // Cut labels that each fit several rows of their block (block (六)'s 行政处罚 and 行政强制 both
  // cut to `行政�`): where they are as many as the block's rows no other label named, they are
  // those rows in order — weak matches, each only for the row right after the one chosen before
  // it (`行政�/罚` named 行政处罚 by its pieces: the `行政�` before or after it is 行政强制; two
  // `行政�` alone: 行政处罚, then 行政强制); else they name none.
  if (!ties.empty()) {
    std::vector<bool> tie(texts.size(), false), drop(texts.size(), false);
    for (std::uint32_t ti : ties) tie[ti] = true;
    std::vector<bool> named(R, false);  // rows a label other than a tie named
    for (const Hit& x : hits)
      if (!tie[x.token] && x.strength >= 2) named[static_cast<std::size_t>(x.row)] = true;
    for (std::uint32_t ti : ties) {
      std::size_t in_block_ties = 0, open_rows = 0;
      for (std::uint32_t tj : ties) in_block_ties += block_of(tj) == block_of(ti);
      for (std::size_t r = 0; r < R; ++r) open_rows += row_def(r) && row_def(r)->block == block_of(ti) && !named[r];
      drop[ti] = in_block_ties != open_rows;
    }
    std::erase_if(hits, [&](const Hit& x) { return tie[x.token] && (drop[x.token] || named[static_cast<std::size_t>(x.row)]); });
  }

  // The best assignment of text tokens to rows in strictly increasing row order; a weak match
  // (strength 1) only for the row right after the last one chosen. best[j]: the best score with
  // row j chosen last (j = R: none yet); one column per text token for the way back.
  const int kNone = static_cast<int>(R);
  std::vector<int> best(R + 1, -1);
  best[static_cast<std::size_t>(kNone)] = 0;
  struct Step { int prev; int row; };
  // per text token: rows chosen at it, with the row before (token ti's: [choice_from[ti], choice_from[ti + 1]))
  std::vector<Step> choice;
  choice.reserve(hits.size());
  std::vector<std::uint32_t> choice_from(texts.size() + 1, 0);
  std::size_t h = 0;
  std::vector<int> prefix(R + 1);  // prefix[j]: the best over "none" and rows < j
  std::vector<int> prefix_at(R + 1);
  std::vector<std::pair<int, Step>> updates;
  for (std::size_t ti = 0; ti < texts.size(); ++ti) {
    choice_from[ti] = static_cast<std::uint32_t>(choice.size());
    if (h >= hits.size() || hits[h].token != ti) continue;  // nothing chosen here
    // prefix maxima of the state before this token
    int top = best[static_cast<std::size_t>(kNone)], top_at = kNone;
    for (std::size_t j = 0; j <= R; ++j) {
      prefix[j] = top;
      prefix_at[j] = top_at;
      if (j < R && best[j] > top) { top = best[j]; top_at = static_cast<int>(j); }
    }
    updates.clear();
    for (; h < hits.size() && hits[h].token == ti; ++h) {
      const Hit& x = hits[h];
      auto j = static_cast<std::size_t>(x.row);
      int from_score = -1, from = -1;
      if (x.strength >= 2) {
        from_score = prefix[j];
        from = prefix_at[j];
      } else {
        // weak: only right after the previous row (or as the very first row)
        if (j == 0) { from_score = best[static_cast<std::size_t>(kNone)]; from = kNone; }
        else if (best[j - 1] >= 0) { from_score = best[j - 1]; from = static_cast<int>(j) - 1; }
      }
      if (from_score < 0) continue;
      int score = from_score + x.strength;
      if (score > best[j]) updates.push_back({score, Step{from, x.row}});
    }
    for (auto& [score, step] : updates) {
      auto j = static_cast<std::size_t>(step.row);
      if (score > best[j]) {
        best[j] = score;
        choice.push_back(step);
      }
    }
  }
  choice_from[texts.size()] = static_cast<std::uint32_t>(choice.size());
  // The best end state, then back through the choices.
  int end = kNone;
  for (std::size_t j = 0; j < R; ++j)
    if (best[j] > best[static_cast<std::size_t>(end)]) end = static_cast<int>(j);
  out.score = best[static_cast<std::size_t>(end)];
  std::vector<int> chosen_text(R, -1);  // per row: the text index chosen
  {
    int want = end;
    for (std::size_t ti = texts.size(); ti-- > 0 && want != kNone;) {
      // the last choice of `want` made at this token is the one its best score came from
      for (std::uint32_t k = choice_from[ti + 1]; k-- > choice_from[ti];)
        if (choice[k].row == want) {
          chosen_text[static_cast<std::size_t>(want)] = static_cast<int>(ti);
          want = choice[k].prev;
          break;
        }
    }
  }
  // A row opens at its label's first fragment: an earlier token since the previous label that
  // names the same row (by a match of two or more, or by its numbering) and no other row as well
  // ("3.补正" before "后申请内容仍不明确" on a later line; "5." / "属" / "于" before the values).
  std::vector<std::size_t> hit_begin(texts.size() + 1, hits.size());  // hits are in token order
  for (std::size_t k = hits.size(); k-- > 0;) hit_begin[hits[k].token] = k;
  for (std::size_t ti = texts.size(); ti-- > 0;) hit_begin[ti] = std::min(hit_begin[ti], hit_begin[ti + 1]);
  auto hits_at = [&](std::size_t ti) {
    std::size_t b = hit_begin[ti], e = b;
    while (e < hits.size() && hits[e].token == ti) ++e;
    return std::pair{b, e};
  };
  auto strength_at = [&](std::size_t ti, int row) {
    auto [b, e] = hits_at(ti);
    for (std::size_t k = b; k < e; ++k)
      if (hits[k].row == row) return hits[k].strength;
    return 0;
  };
  int prev_text = -1;
  for (std::size_t r = 0; r < R; ++r) {
    if (chosen_text[r] < 0) continue;
    const templates::RowDef* def = row_def(r);
    for (int ti = prev_text + 1; ti < chosen_text[r]; ++ti) {
      const LabelText& t = prepared(static_cast<std::size_t>(ti));
      int own = strength_at(static_cast<std::size_t>(ti), static_cast<int>(r));
      if (own < 2 && !(own == 1 && same_numbering(t.numbering(), def->numbering))) continue;
      auto [b, e] = hits_at(static_cast<std::size_t>(ti));
      bool other = std::any_of(hits.begin() + static_cast<long>(b), hits.begin() + static_cast<long>(e),
                               [&](const Hit& x) { return x.row != static_cast<int>(r) && x.strength >= 2; });
      if (!other) { chosen_text[r] = ti; break; }
    }
    prev_text = chosen_text[r];
  }
  // Marks: labels, the rest of a label's run of text (its wrapped lines), then the rest by what
  // they name.
  int current = -1;
  std::uint32_t label_run = UINT32_MAX;
  std::vector<int> row_at_text(texts.size(), -1);
  for (std::size_t r = 0; r < R; ++r)
    if (chosen_text[r] >= 0) row_at_text[static_cast<std::size_t>(chosen_text[r])] = static_cast<int>(r);
  for (std::size_t ti = 0; ti < texts.size(); ++ti) {
    Mark& m = out.marks[texts[ti]];
    if (row_at_text[ti] >= 0) {
      current = row_at_text[ti];
      label_run = run[ti];
      m = Mark{TextRole::row_label, current};
      out.label_token[static_cast<std::size_t>(current)] = static_cast<int>(texts[ti]);
      out.out_of_block[static_cast<std::size_t>(current)] = !in_block(ti, static_cast<std::size_t>(current));
      ++out.rows_found;
      continue;
    }
    const LabelText& t = prepared(ti);
    const templates::RowDef* cur = current >= 0 ? row_def(static_cast<std::size_t>(current)) : nullptr;
    if (cur && run[ti] == label_run && !whole[ti] && !whole_group(t, *layout.def))
      m = Mark{TextRole::continuation, current};
    else if (cur && (inside_any(without_damage(t.bare()), *cur) || inside_any(without_damage(t.squeezed), *cur) ||
                own_strength(ti, static_cast<std::size_t>(current)) > 0 || group_piece_then_label(t.bare(), *cur, *layout.def)))
      m = Mark{TextRole::continuation, current};
    else if (names_group(t, *layout.def))
      m = Mark{TextRole::group, matches.opens_block(texts[ti]) ? kBlockHeading : -1};
    else if (names_header(t, *layout.def))
      m.role = TextRole::header;
    else if (unit_only(token_text(nt, tokens[texts[ti]])))
      m.role = TextRole::continuation, m.row = current;  // a unit printed apart from its amount (251000 / 元)
    else if (small_item_number(token_text(nt, tokens[texts[ti]])) > 0)
      // an item number the cutter set apart among its label's words (a text token of digits
      // alone is never anything else: cut.cpp numbering_digits_apart)
      m.role = TextRole::continuation, m.row = current;
    // cut text (html2text): nothing to say — unless it opens with another item's numbering and
    // words: the label of a row cut beyond matching (`5、属于三类内� � 信 �` after 4、保护第三方…),
    // whose values are not the row before's (a numbering alone there may be a cell's digits run
    // onto a label's 、: corpus 123)
    else if (tokens[texts[ti]].damaged || t.squeezed.find(kCut) != std::string::npos)
      m = cur && !t.numbering().empty() && !t.numbering_only() && !same_numbering(t.numbering(), cur->numbering)
              ? Mark{TextRole::foreign, kNamesOtherRow}
              : Mark{TextRole::continuation, current};
    else
      m = Mark{TextRole::foreign, whole[ti] && t.numbering().empty() ? kNamesOtherRow : -1};
  }
  return out;
}

bool continues_label(const Candidate& cand, const LabelAlignment& align, std::uint32_t line, int row) {
  const Candidate::Line& l = cand.lines[line];
  for (std::uint32_t k = l.first; k < l.last; ++k)
    if (cand.tokens[k].kind == TokenKind::text && align.marks[k].role == TextRole::continuation && align.marks[k].row == row)
      return true;
  return false;
}

int row_labelled_before(const Candidate& cand, const LabelAlignment& align, std::uint32_t v) {
  for (std::uint32_t t = v; t-- > 0 && cand.line_of[t] == cand.line_of[v];) {
    if (cand.tokens[t].kind != TokenKind::text) continue;
    const Mark m = t < align.marks.size() ? align.marks[t] : Mark{};
    return m.role == TextRole::row_label || m.role == TextRole::continuation ? m.row : -1;
  }
  return -1;
}

std::string_view lost_numeral(const text::NormalizedText& nt, const Candidate& cand, const Layout& layout, std::size_t row,
                              std::uint32_t label) {
  const std::string_view text = text::trim(token_text(nt, cand.tokens[label]));
  if (!text.starts_with("、") && !text.starts_with("．") && !text.starts_with(".")) return {};
  for (const templates::RowDef& def : layout.def->rows)
    if (def.key == layout.rows[row].key) return def.numbering.substr(0, def.numbering.find_first_not_of("0123456789"));
  return {};
}

}  // namespace ogi::tables

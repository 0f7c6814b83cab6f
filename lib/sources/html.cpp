// SPDX-License-Identifier: Apache-2.0
// The HTML reader (docs/formats.md): the page is decoded to UTF-8 with the text layer (BOM, else
// the bytes when they are UTF-8, else <meta charset>), parsed by an HTML5 parser behind the DOM
// adapter, and walked into a flow: block elements and <br> end lines, scripts, styles and hidden
// elements are dropped, tables become cells placed by their rowspan/colspan. Every character
// keeps the input bytes it came from, character references included.
#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include "model/say.hpp"
#include "sources/dom.hpp"
#include "sources/flow.hpp"
#include "sources/readers.hpp"

namespace ogi::sources {
namespace {

// elements open at once (docs/limits.md): the walk recurses per element, and 2,000 levels
// overflowed the stack under ASan; pages nest tens of levels, not hundreds
constexpr std::size_t kMaxNesting = 512;
constexpr int kMaxColSpan = 1000, kMaxRowSpan = 65534;  // the HTML standard's limits

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// ---- the encoding --------------------------------------------------------------------------

/// The charset a <meta> in the page's first 4 KB names (charset=… or http-equiv content), lower case.
std::string meta_charset(std::string_view bytes) {
  std::string head = lowered(bytes.substr(0, 4096));
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    std::size_t end = head.find('>', at);
    std::string_view tag = std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    c += 7;
    while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=' || tag[c] == '"' || tag[c] == '\'')) ++c;
    std::size_t e = c;
    while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || std::strchr("-_.:", tag[e]))) ++e;
    if (e > c) return std::string(tag.substr(c, e - c));
  }
  return {};
}

/// The ICU name to decode a labelled page with. The GB2312 and GBK labels are read as GB18030,
/// their superset, as browsers do; UTF-16 labels on a page without a BOM mean UTF-8.
std::string charset_to_icu(const std::string& label) {
  static const std::array<std::string_view, 12> gb = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "ms936",
                                                      "windows-936", "euc-cn", "csgb2312", "iso-ir-58", "chinese",
                                                      "gb18030"};
  if (std::find(gb.begin(), gb.end(), label) != gb.end()) return "GB18030";
  if (label == "utf8" || label.starts_with("utf-16") || label == "unicode") return "UTF-8";
  return label;
}

bool has_bom(std::string_view b) {
  return b.starts_with("\xEF\xBB\xBF") || b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF");
}

/// Decodes the page: an explicit option, a BOM, UTF-8 bytes, the page's own label, detection.
std::variant<text::Decoded, Error> decode_page(std::string_view bytes, const ParseOptions& options,
                                               std::vector<Diagnostic>& diags) {
  ParseOptions o = options;
  std::string label;
  if (o.encoding.empty() && !has_bom(bytes)) {
    label = meta_charset(bytes);
    std::string named = label.empty() ? "" : charset_to_icu(label);
    text::Utf8Fit fit = text::utf8_fit(bytes);
    if (fit == text::Utf8Fit::no) {
      o.encoding = named;
    } else if (!named.empty() && named != "UTF-8" && named != "utf-8" &&
               std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      // (ASCII is every label's: only a page with other bytes can be told to be UTF-8)
      Diagnostic d;
      d.code = "html.charset_mismatch";
      d.severity = Severity::info;
      d.message = model::say(options.language, "网页声明 charset=" + label + "，但其字节是 UTF-8：已按 UTF-8 读取",
                             "the page says charset=" + label + ", but its bytes are UTF-8: read as UTF-8");
      diags.push_back(std::move(d));
    }
  }
  auto dec = text::decode(bytes, o, diags);
  if (auto* err = std::get_if<Error>(&dec); err && err->code == ErrorCode::bad_option && options.encoding.empty()) {
    o.encoding.clear();  // a label ICU does not know: detect instead
    dec = text::decode(bytes, o, diags);
  }
  return dec;
}

// ---- nesting, checked before the parser sees the page ---------------------------------------

std::uint64_t name_key(std::string_view n) {
  std::uint64_t k = 1469598103934665603ull;
  for (char c : n) k = (k ^ static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ull;
  return k;
}

bool is_void_or_self_closing(std::string_view n) {
  static const std::array<std::string_view, 33> names = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "basefont", "bgsound", "frame", "keygen",
      // closed by the next of their kind: they do not nest by repetition
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot"};
  std::string l = lowered(n);
  return std::find(names.begin(), names.end(), l) != names.end();
}

bool is_raw_text(std::string_view n) {
  std::string l = lowered(n);
  return l == "script" || l == "style" || l == "textarea" || l == "title" || l == "xmp" || l == "iframe" ||
         l == "noembed" || l == "noframes" || l == "plaintext";
}

/// How deep the page nests its elements, by a quick look at its tags (an over-estimate of what
/// the parser builds): HTML5 parsers slow down quadratically with depth, and their trees are
/// freed recursively. Stops counting past `limit`.
std::size_t nesting(std::string_view s, std::size_t limit) {
  std::vector<std::uint64_t> open;
  std::unordered_map<std::uint64_t, int> count;
  std::size_t i = 0, deepest = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.substr(i).starts_with("<!--")) {
      std::size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    bool end_tag = i + 1 < s.size() && s[i + 1] == '/';
    std::size_t n = i + (end_tag ? 2 : 1), e = n;
    while (e < s.size() && std::isalnum(static_cast<unsigned char>(s[e]))) ++e;
    if (e == n) { ++i; continue; }
    std::string_view name = s.substr(n, e - n);
    std::size_t close = s.find('>', e);
    if (close == std::string_view::npos) break;
    i = close + 1;
    std::uint64_t key = name_key(name);
    if (end_tag) {
      auto it = count.find(key);
      if (it == count.end() || it->second == 0) continue;  // a stray end tag: parsers ignore it
      while (!open.empty()) {
        std::uint64_t top = open.back();
        open.pop_back();
        --count[top];
        if (top == key) break;
      }
      continue;
    }
    if (is_raw_text(name)) {  // its content is text up to its end tag
      std::string end = "</" + lowered(name);
      std::size_t at = i;
      while (at < s.size()) {
        at = s.find("</", at);
        if (at == std::string_view::npos || lowered(s.substr(at, end.size())) == end) break;
        at += 2;
      }
      i = at == std::string_view::npos ? s.size() : at;
      continue;
    }
    if (is_void_or_self_closing(name)) continue;
    open.push_back(key);
    ++count[key];
    deepest = std::max(deepest, open.size());
    if (deepest > limit) break;
  }
  return deepest;
}

// ---- the walk --------------------------------------------------------------------------------

bool in_list(std::string_view tag, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), tag) != list.end();
}

bool is_dropped(std::string_view tag) {
  return in_list(tag, {"head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
                       "select", "textarea", "button", "input", "canvas", "audio", "video", "title", "frameset"});
}

bool is_block(std::string_view tag) {
  return in_list(tag, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                       "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "address",
                       "figure", "figcaption", "form", "fieldset", "legend", "hr", "center", "main", "caption",
                       "details", "summary", "dialog", "menu", "dir", "hgroup", "body", "html", "tr", "td", "th",
                       "tbody", "thead", "tfoot", "option", "listing", "xmp", "plaintext"});
}

/// display:none or the hidden attribute: what a browser does not show.
bool is_hidden(const dom::Node& n) {
  if (n.attribute("hidden")) return true;
  auto style = n.attribute("style");
  if (!style) return false;
  bool none = false;  // most styles say nothing of it: look for "none" before folding the style
  for (std::size_t i = 0; !none && i + 4 <= style->size(); ++i)
    none = (((*style)[i] | 0x20) == 'n') && (((*style)[i + 1] | 0x20) == 'o') && (((*style)[i + 2] | 0x20) == 'n') &&
           (((*style)[i + 3] | 0x20) == 'e');
  if (!none) return false;
  std::string s;
  for (char c : *style)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return s.find("display:none") != std::string::npos;
}

int int_attribute(const dom::Node& n, std::string_view name, int fallback, int lo, int hi) {
  auto v = n.attribute(name);
  if (!v) return fallback;
  std::size_t i = 0;
  while (i < v->size() && ((*v)[i] == ' ' || (*v)[i] == '\t' || (*v)[i] == '\n')) ++i;
  long x = 0;
  bool any = false;
  for (; i < v->size() && (*v)[i] >= '0' && (*v)[i] <= '9'; ++i) {
    x = std::min<long>(x * 10 + ((*v)[i] - '0'), 1000000);
    any = true;
  }
  if (!any) return fallback;
  return static_cast<int>(std::clamp<long>(x, lo, hi));
}

std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/// The end of the character reference starting at o[j] == '&' (its longest possible form).
std::size_t reference_end(std::string_view o, std::size_t j) {
  std::size_t k = j + 1;
  if (k < o.size() && o[k] == '#') {
    ++k;
    bool hex = k < o.size() && (o[k] == 'x' || o[k] == 'X');
    if (hex) ++k;
    while (k < o.size() && (hex ? std::isxdigit(static_cast<unsigned char>(o[k])) : std::isdigit(static_cast<unsigned char>(o[k])))) ++k;
  } else {
    while (k < o.size() && std::isalnum(static_cast<unsigned char>(o[k]))) ++k;
  }
  if (k < o.size() && o[k] == ';') ++k;
  return k;
}

/// Whether the decoded text from t[i] goes on as the source does from o[j], as far as can be
/// told before the next reference or line end in the source (a few bytes suffice).
bool continues(std::string_view t, std::size_t i, std::string_view o, std::size_t j) {
  for (int n = 0; n < 8; ++n, ++i, ++j) {
    if (j >= o.size()) return i >= t.size();
    if (o[j] == '&' || o[j] == '\r' || o[j] == '\0') return true;
    if (i >= t.size() || t[i] != o[j]) return false;
  }
  return true;
}

class Walker {
 public:
  Walker(flow::Builder& b, const text::Decoded& src, std::string_view page, std::size_t base,
         std::size_t max_positions, Language lang)
      : b_(b), src_(src), page_(page), base_(base), max_positions_(max_positions), lang_(lang) {}

  bool walk(const dom::Node& n, std::size_t depth) {
    if (depth > kMaxNesting)
      return fail(model::say(lang_, "网页的元素嵌套超过 " + std::to_string(kMaxNesting) + " 层",
                             "the page nests its elements more than " + std::to_string(kMaxNesting) + " deep"));
    switch (n.kind()) {
      case dom::Kind::text:
      case dom::Kind::whitespace: text(n); return true;
      case dom::Kind::other: return true;
      case dom::Kind::element: break;
    }
    std::string_view tag = n.tag();
    if (is_dropped(tag) || is_hidden(n)) return true;
    if (tag == "br") { b_.line_break(); return true; }
    if (tag == "table") return table(n, depth);
    bool block = is_block(tag), pre = tag == "pre" || tag == "listing" || tag == "textarea";
    if (block) b_.line_break();
    pre_ += pre;
    for (std::size_t i = 0; i < n.child_count(); ++i)
      if (!walk(n.child(i), depth + 1)) return false;
    pre_ -= pre;
    if (block) b_.line_break();
    return true;
  }
  std::string error;

 private:
  bool fail(std::string why) {
    error = std::move(why);
    return false;
  }
  std::uint32_t in(std::size_t buffer_offset) const {
    return src_.input_offset(base_ + buffer_offset);
  }

  /// One character of decoded text, from source bytes [j, je) of the buffer.
  void character(std::string_view ch, std::size_t j, std::size_t je) {
    unsigned char c = static_cast<unsigned char>(ch[0]);
    if (ch.size() == 1 && (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r')) {
      if (pre_ > 0 && c == '\n') b_.line_break();
      else if (pre_ > 0) b_.put(" ", in(j), in(je));
      else b_.space(in(j));
      return;
    }
    b_.put(ch, in(j), in(je));
  }

  /// A text node: its decoded characters walked beside its source bytes, so that each maps to the
  /// bytes it came from (a reference such as &nbsp; maps to all of its bytes).
  void text(const dom::Node& n) {
    std::string_view t = n.text(), o = n.original();
    std::size_t at = n.offset();
    if (o.data() >= page_.data() && o.data() + o.size() <= page_.data() + page_.size()) {
      at = static_cast<std::size_t>(o.data() - page_.data());
    } else {  // no source bytes to walk beside: the text stands where the node starts
      o = {};
      at = std::min(at, page_.size());
    }
    std::size_t i = 0, j = 0;
    auto cp = [&](std::size_t k) { return std::min(utf8_length(static_cast<unsigned char>(t[k])), t.size() - k); };
    while (i < t.size()) {
      if (j >= o.size()) {  // the parser made more text than the source shows: it stands at the end
        std::size_t l = cp(i);
        character(t.substr(i, l), at + o.size(), at + o.size());
        i += l;
        continue;
      }
      if (o[j] == '&' && !(t[i] == '&' && continues(t, i + 1, o, j + 1))) {
        if (reference(t, i, o, j, at)) continue;
      }
      if (o[j] == '\r' && t[i] == '\n') {
        std::size_t je = j + (j + 1 < o.size() && o[j + 1] == '\n' ? 2 : 1);
        character("\n", at + j, at + je);
        ++i;
        j = je;
        continue;
      }
      std::size_t l = cp(i);
      std::size_t lo = std::min(utf8_length(static_cast<unsigned char>(o[j])), o.size() - j);
      character(t.substr(i, l), at + j, at + j + lo);
      i += l;
      j += lo;
    }
  }

  /// A character reference at o[j]: finds how many decoded characters it made (one or two), and
  /// where it ends (the longest form first, then shorter legacy names such as "&copy" in
  /// "&copy2021"). Maps them to its bytes; false if no reading fits.
  bool reference(std::string_view t, std::size_t& i, std::string_view o, std::size_t& j, std::size_t at) {
    std::size_t longest = reference_end(o, j);
    auto next = [&](std::size_t k) { return k + std::min(utf8_length(static_cast<unsigned char>(t[k])), t.size() - k); };
    auto take = [&](std::size_t i2, std::size_t end) {
      for (std::size_t k = i; k < i2; k = next(k)) character(t.substr(k, next(k) - k), at + j, at + end);
      i = i2;
      j = end;
      return true;
    };
    std::size_t one = next(i);
    for (std::size_t end = longest; end >= j + 2; --end) {  // one character, the longest name first
      if (continues(t, one, o, end)) return take(one, end);
      if (o[j + 1] == '#') break;  // numeric references have no shorter forms
    }
    if (one < t.size() && continues(t, next(one), o, longest)) return take(next(one), longest);  // a few names make two
    return false;
  }

  /// A table: cells placed by the HTML table model (a cell takes the first free column; rowspan
  /// and colspan occupy positions; spans end with their row group).
  bool table(const dom::Node& t, std::size_t depth) {
    for (std::size_t i = 0; i < t.child_count(); ++i)  // the caption reads before the table
      if (t.child(i).tag() == "caption" && !walk(t.child(i), depth + 1)) return false;
    b_.open_table(in(t.offset()));
    State st;
    for (std::size_t i = 0; i < t.child_count(); ++i) {
      dom::Node g = t.child(i);
      std::string_view tag = g.tag();
      if (tag == "tr") {
        if (!row(g, st, depth + 1)) return false;
        continue;
      }
      if (tag != "thead" && tag != "tbody" && tag != "tfoot") continue;
      int group_start = st.row;
      for (std::size_t k = 0; k < g.child_count(); ++k)
        if (g.child(k).tag() == "tr" && !row(g.child(k), st, depth + 2)) return false;
      end_group(group_start, st);
    }
    end_group(0, st);
    b_.close_table(st.row, st.width);
    return true;
  }

  struct State {
    int row = 0, width = 0;
    std::vector<int> busy;  ///< per column: the first row not taken by a rowspan from above
  };

  bool row(const dom::Node& tr, State& st, std::size_t depth) {
    b_.open_row(in(tr.offset()));
    int col = 0;
    for (std::size_t i = 0; i < tr.child_count(); ++i) {
      dom::Node c = tr.child(i);
      std::string_view tag = c.tag();
      if (tag != "td" && tag != "th") continue;
      while (col < static_cast<int>(st.busy.size()) && st.busy[static_cast<std::size_t>(col)] > st.row) ++col;
      int cs = int_attribute(c, "colspan", 1, 1, kMaxColSpan);
      int rs = int_attribute(c, "rowspan", 1, 0, kMaxRowSpan);
      if (rs == 0) rs = kMaxRowSpan;  // to the end of the row group
      if (static_cast<std::size_t>(col + cs) * static_cast<std::size_t>(st.row + 1) > max_positions_)
        return fail(model::say(lang_, "表格超过 " + std::to_string(max_positions_) + " 个单元格位置",
                               "a table of over " + std::to_string(max_positions_) + " cell positions"));
      if (static_cast<int>(st.busy.size()) < col + cs) st.busy.resize(static_cast<std::size_t>(col + cs), 0);
      for (int k = col; k < col + cs; ++k)
        st.busy[static_cast<std::size_t>(k)] = std::max(st.busy[static_cast<std::size_t>(k)], st.row + rs);
      if (!is_hidden(c)) {
        b_.open_cell(st.row, col, rs, cs, in(c.offset()));
        for (std::size_t k = 0; k < c.child_count(); ++k)
          if (!walk(c.child(k), depth + 1)) return false;
        b_.close_cell();
      }
      col += cs;
      st.width = std::max(st.width, col);
    }
    ++st.row;
    return true;
  }

  /// Rowspans end with their row group (thead, tbody, tfoot).
  void end_group(int group_start, State& st) {
    flow::Table* t = b_.table();
    for (auto it = t->cells.rbegin(); it != t->cells.rend() && it->row >= group_start; ++it)
      it->row_span = std::min(it->row_span, st.row - it->row);
    for (int& b : st.busy) b = std::min(b, st.row);
  }

  flow::Builder& b_;
  const text::Decoded& src_;
  std::string_view page_;  ///< the parsed buffer
  std::size_t base_;  ///< where the parsed buffer starts in the decoded page (after a BOM)
  std::size_t max_positions_;
  Language lang_;
  int pre_ = 0;
};

}  // namespace

std::variant<Document, Error> read_html(std::string_view bytes, const ParseOptions& options,
                                        std::vector<Diagnostic>& diagnostics) {
  const Language lang = options.language;
  auto decoded = decode_page(bytes, options, diagnostics);
  if (auto* err = std::get_if<Error>(&decoded)) return *err;
  text::Decoded& src = std::get<text::Decoded>(decoded);
  src.attach(bytes);
  std::string_view page = src.view;
  std::size_t base = page.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  page.remove_prefix(base);

  if (nesting(page, kMaxNesting) > kMaxNesting)
    return Error{ErrorCode::bad_document,
                 model::say(lang, "网页的元素嵌套超过 " + std::to_string(kMaxNesting) + " 层：网页是恶意构造的或已损坏",
                            "the page nests its elements more than " + std::to_string(kMaxNesting) +
                                " deep: a hostile or broken page"),
                 0};
  const std::size_t max_positions = 16 * bytes.size() + 65536;
  flow::Flow f;
  f.text.reserve(page.size() / 2);
  f.runs.reserve(page.size() / 64);
  {
    dom::Tree tree(page);
    flow::Builder builder(f, true);
    Walker w(builder, src, page, base, max_positions, lang);
    if (!w.walk(tree.root(), 0))
      return Error{ErrorCode::bad_document,
                   model::say(lang, w.error + "：网页是恶意构造的或已损坏", w.error + ": a hostile or broken page"), 0};
    builder.line_break();
  }
  auto rendered = flow::render(f, InputFormat::html, flow::Limits{max_positions}, lang);
  if (auto* err = std::get_if<Error>(&rendered)) return *err;
  Document& doc = std::get<Document>(rendered);
  doc.decoded.encoding = src.encoding;
  doc.decoded.input_line_starts = text::line_starts(src.view, src.to_input);
  doc.input.assign(bytes.data(), bytes.size());
  return std::move(doc);
}

}  // namespace ogi::sources

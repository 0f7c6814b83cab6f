// SPDX-License-Identifier: Apache-2.0
// The DOCX reader (docs/formats.md): the main document part (word/document.xml, as the package's
// relationships name it) is inflated from the zip with a bound on its size, read into a tree of
// its elements (docx_xml.hpp: a scanner of plain XML, else pugixml), and walked into a flow: paragraphs are lines; tables become cells placed by w:gridBefore,
// w:gridSpan, w:vMerge and the legacy w:hMerge; w:sdt and similar wrappers are read through;
// tracked insertions are kept and deletions dropped. Every character keeps the bytes of the part
// it came from, which is what spans index.
#include <minizip/unzip.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <pugixml.hpp>

#include "model/say.hpp"
#include "sources/crc32.hpp"
#include "sources/docx_xml.hpp"
#include "sources/flow.hpp"
#include "sources/readers.hpp"

namespace ogi::sources {
namespace {

using model::say;

// XML elements open at once (docs/limits.md): the walk recurses per element, and 2,000 levels
// overflowed the stack under ASan; Word nests tables in tables a few levels, not hundreds
constexpr std::size_t kMaxNesting = 512;
constexpr std::size_t kInflateFloor = 16u << 20;    // a part may always inflate to 16 MiB …
constexpr std::size_t kInflateRatio = 1000;         // … and beyond that to 1000 × the file's size
constexpr int kMaxGridSpan = 1000;
const std::string kConvert = "soffice --headless --convert-to docx FILE";

// ---- the zip, read from memory ----------------------------------------------------------------

struct Memory {
  std::string_view data;
  ZPOS64_T pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) {
  static_cast<Memory*>(opaque)->pos = 0;
  return opaque;
}
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<Memory*>(stream);
  uLong n = static_cast<uLong>(std::min<ZPOS64_T>(size, m->data.size() - m->pos));
  std::memcpy(buf, m->data.data() + m->pos, n);
  m->pos += n;
  return n;
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<Memory*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<Memory*>(stream);
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : m->data.size();
  if (offset > m->data.size() - std::min<ZPOS64_T>(base, m->data.size())) return -1;
  m->pos = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

class Zip {
 public:
  Zip(std::string_view bytes, Language lang) : mem_{bytes, 0}, lang_(lang) {
    zlib_filefunc64_def def{mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &mem_};
    z_ = unzOpen2_64("", &def);
  }
  ~Zip() {
    if (z_) unzClose(z_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  bool ok() const { return z_ != nullptr; }
  bool has(const std::string& name) { return unzLocateFile(z_, name.c_str(), 1) == UNZ_OK; }

  /// Inflates an entry, refusing to go past `cap` bytes whatever its header claims.
  ///
  /// minizip finds the entry and checks its local header; its bytes are then inflated by zlib
  /// straight from the input into a string sized by the header, in one call (no copy through
  /// minizip's buffer, no sliding window). What minizip would give is given: never more than the
  /// header's size (a longer stream is cut there, and its checksum then fails), the CRC checked
  /// when that size is reached, an entry that ends short of it kept as it is.
  /// `missing`, when given, says whether the error is that the zip has no such entry.
  std::variant<std::string, Error> read(const std::string& name, std::size_t cap, bool* missing = nullptr) {
    const bool found = unzLocateFile(z_, name.c_str(), 1) == UNZ_OK;
    if (missing) *missing = !found;
    if (!found)
      return damaged(say(lang_, "zip 压缩包中没有 " + name, "no " + name + " in the zip"));
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(z_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
      return damaged(say(lang_, "zip 压缩包中的 " + name + " 已损坏", "the zip entry " + name + " is damaged"));
    if (info.flag & 1u)
      return damaged(say(lang_, "文档已加密（" + name + "）：请去掉密码后重新保存",
                         "the document is encrypted (" + name + "): save it again without a password"));
    if (info.uncompressed_size > cap)
      return damaged(say(lang_, name + " 解压后超过 " + std::to_string(cap) + " 字节，超出文件大小应有的范围（zip 炸弹？）",
                         name + " inflates to over " + std::to_string(cap) +
                             " bytes, more than the file's size warrants (a zip bomb?)"));
    const std::string cannot = say(lang_, "无法解压 " + name, "cannot inflate " + name);
    int method = 0;
    if (unzOpenCurrentFile2(z_, &method, nullptr, 1) != UNZ_OK) return damaged(cannot);
    const ZPOS64_T at = unzGetCurrentFileZStreamPos64(z_);
    unzCloseCurrentFile(z_);
    if ((method != 0 && method != Z_DEFLATED) || at > mem_.data.size()) return damaged(cannot);
    // the entry's bytes, as far as the file has them (minizip fails only when it gets there)
    const std::string_view packed = mem_.data.substr(static_cast<std::size_t>(at),
                                                     static_cast<std::size_t>(std::min<ZPOS64_T>(info.compressed_size, mem_.data.size() - at)));
    const auto size = static_cast<std::size_t>(info.uncompressed_size);
    std::string out(size, '\0');
    std::size_t made = 0;
    if (method == 0) {
      if (packed.size() < std::min<ZPOS64_T>(info.compressed_size, size)) return damaged(broken(name));
      made = std::min(packed.size(), size);
      std::memcpy(out.data(), packed.data(), made);
    } else if (size > 0) {
      z_stream zs{};
      if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) return damaged(cannot);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      int rc = Z_OK;
      // zlib counts in unsigned ints: a part over 4 GiB (allowed by a raised max_input_bytes) goes in pieces
      std::size_t in_left = packed.size(), out_left = size;
      while (rc == Z_OK) {
        const auto in_now = static_cast<uInt>(std::min<std::size_t>(in_left, 1u << 30));
        const auto out_now = static_cast<uInt>(std::min<std::size_t>(out_left, 1u << 30));
        zs.avail_in = in_now;
        zs.avail_out = out_now;
        const bool last = in_now == in_left && out_now == out_left;
        rc = inflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
        in_left -= in_now - zs.avail_in;
        out_left -= out_now - zs.avail_out;
        // zlib returns when the stream ends, on an error, or when it has used up its input or
        // its room: the header's size reached is the end (cut there); input used up is damage
        if (rc == Z_OK || rc == Z_BUF_ERROR) rc = out_left == 0 ? Z_STREAM_END : in_left == 0 ? Z_BUF_ERROR : Z_OK;
      }
      inflateEnd(&zs);
      if (rc != Z_STREAM_END) return damaged(broken(name));
      made = size - out_left;
    }
    if (made == size && crc32_of(out) != info.crc)
      return damaged(say(lang_, name + " 校验失败：zip 压缩包已损坏", name + " fails its checksum: the zip is damaged"));
    out.resize(made);
    return out;
  }

 private:
  static Error damaged(std::string message) { return Error{ErrorCode::bad_document, std::move(message), 0}; }
  std::string broken(const std::string& name) const {
    return say(lang_, "无法解压 " + name + "：zip 压缩包已损坏", "cannot inflate " + name + ": the zip is damaged");
  }

  Memory mem_;
  Language lang_;
  unzFile z_ = nullptr;
};

/// The main document part, as the package's relationships name it (word/document.xml mostly).
std::string main_part(Zip& zip) {
  auto rels = zip.read("_rels/.rels", 1u << 20);
  if (auto* xml = std::get_if<std::string>(&rels)) {
    pugi::xml_document d;
    if (d.load_buffer(xml->data(), xml->size(), pugi::parse_minimal)) {
      for (pugi::xml_node r : d.document_element().children()) {
        std::string_view type = r.attribute("Type").value();
        if (type.size() >= 15 && type.substr(type.size() - 15) == "/officeDocument") {
          std::string target = r.attribute("Target").value();
          while (!target.empty() && target.front() == '/') target.erase(0, 1);
          if (!target.empty()) return target;
        }
      }
    }
  }
  return "word/document.xml";
}

/// A zip that is not a Word document: what it is, and what to do.
Error not_word(Zip& zip, Language lang) {
  std::string what = say(lang, "不是 Word 文档的 zip 压缩包", "a zip archive that is not a Word document");
  if (zip.has("xl/workbook.xml"))
    what = say(lang, "Excel 工作簿（.xlsx），不是 Word 文档", "an Excel workbook (.xlsx), not a Word document");
  else if (zip.has("ppt/presentation.xml"))
    what = say(lang, "PowerPoint 文件（.pptx），不是 Word 文档", "a PowerPoint file (.pptx), not a Word document");
  else if (zip.has("content.xml") && zip.has("mimetype"))
    what = say(lang, "OpenDocument 文件（.odt？），不是 Word 文档", "an OpenDocument file (.odt?), not a Word document");
  return Error{ErrorCode::unsupported,
               say(lang, "输入是" + what + "：请先转换为 DOCX（" + kConvert + "）",
                   "the input is " + what + ": convert it to DOCX first (" + kConvert + ")"),
               0};
}

// ---- the walk ----------------------------------------------------------------------------------

using docx::Tag;

/// Walks either tree (docx_xml.hpp) into a flow; both give the same elements, so the same flow.
template <class Tree>
class Walker {
 public:
  using Node = typename Tree::Node;
  Walker(const Tree& tree, flow::Builder& b, const text::Decoded& src, std::string_view xml, std::size_t max_positions,
         Language lang)
      : tree_(tree), b_(b), src_(src), xml_(xml), max_positions_(max_positions), lang_(lang),
        verbatim_(src.to_input.empty() && xml.size() < UINT32_MAX) {}

  bool content(const Node& n, std::size_t depth) {
    // a text child too deep fails as an element would (pugixml's tree has text nodes)
    if (depth + 1 > kMaxNesting && tree_.has_text(n)) return too_deep();
    for (Node c = tree_.first_child(n); c; c = tree_.next(c))
      if (!element(c, depth + 1)) return false;
    return true;
  }
  /// The first child element with the tag, or none.
  Node child(const Node& n, Tag tag) const {
    if (!n) return Node{};
    for (Node c = tree_.first_child(n); c; c = tree_.next(c))
      if (tree_.is_element(c) && tree_.tag(c) == tag) return c;
    return Node{};
  }
  std::string error;

 private:
  bool fail(std::string why) {
    error = std::move(why);
    return false;
  }
  bool too_deep() {
    return fail(say(lang_, "文档的元素嵌套超过 " + std::to_string(kMaxNesting) + " 层",
                    "the document nests its elements more than " + std::to_string(kMaxNesting) + " deep"));
  }
  std::uint32_t in(std::size_t xml_offset) const { return src_.input_offset(std::min(xml_offset, xml_.size())); }

  int int_val(const Node& n, int fallback, int lo, int hi) const {
    std::string_view v = n ? tree_.val(n) : std::string_view{};
    if (v.empty()) return fallback;
    long x = 0;
    for (char c : v) {
      if (c < '0' || c > '9') return fallback;
      x = std::min<long>(x * 10 + (c - '0'), 1000000);
    }
    return static_cast<int>(std::clamp<long>(x, lo, hi));
  }

  /// An on/off property (w:vanish): on unless its value says off.
  bool on(const Node& n) const {
    if (!n) return false;
    std::string_view v = tree_.val(n);
    return v != "0" && v != "false" && v != "off";
  }

  std::size_t offset_or(const Node& n, std::size_t fallback) const {
    std::ptrdiff_t at = tree_.offset(n);
    return at < 0 ? fallback : static_cast<std::size_t>(at);
  }

  bool element(const Node& n, std::size_t depth) {
    if (depth > kMaxNesting) return too_deep();
    if (!tree_.is_element(n)) return true;
    switch (tree_.tag(n)) {
      case Tag::r:  // the commonest first
        if (on(child(child(n, Tag::rPr), Tag::vanish))) return true;  // hidden text
        return content(n, depth);
      case Tag::t:
        text(n);
        return true;
      case Tag::skipped:
      case Tag::rPr:
      case Tag::trPr:
      case Tag::tcPr:
        return true;
      case Tag::p:
        b_.line_break();
        if (!content(n, depth)) return false;
        b_.line_break();
        return true;
      case Tag::tbl:
        return table(n, depth);
      case Tag::tab:
        put_here(n, "\t");
        return true;
      case Tag::br:
        b_.line_break();
        return true;
      case Tag::no_break_hyphen:
        put_here(n, "-");
        return true;
      default:
        return content(n, depth);  // w:sdt, w:sdtContent, w:ins, w:hyperlink, w:smartTag, text boxes, …
    }
  }

  void put_here(const Node& n, std::string_view ch) {
    std::size_t at = offset_or(n, 0);
    b_.put(ch, in(at), in(at + 1));
  }

  /// A w:t element's text, read from the part's bytes so that each character maps to its own
  /// (a reference such as &amp; to all of its bytes).
  void text(const Node& n) {
    std::ptrdiff_t off = tree_.offset(n);
    if (off < 0) return;
    std::size_t i = xml_.find('>', static_cast<std::size_t>(off));
    if (i == std::string_view::npos || xml_[i - 1] == '/') return;  // <w:t/>
    ++i;
    std::size_t end = xml_.find('<', i);
    if (end == std::string_view::npos) end = xml_.size();
    while (i < end) {
      if (xml_[i] == '&') {
        std::size_t semi = xml_.find(';', i);
        if (semi != std::string_view::npos && semi < end && semi - i <= 10) {
          if (std::string ch = reference(xml_.substr(i + 1, semi - i - 1)); !ch.empty()) {
            b_.put(ch, in(i), in(semi + 1));
            i = semi + 1;
            continue;
          }
        }
      }
      if (verbatim_) {  // a run of plain characters at once: they are the input's own bytes
        const std::size_t j = plain_end(i, end);
        if (j > i) {
          b_.put_verbatim(xml_.substr(i, j - i), static_cast<std::uint32_t>(i));
          i = j;
          continue;
        }
      }
      auto lead = static_cast<unsigned char>(xml_[i]);
      std::size_t l = std::min<std::size_t>(lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, end - i);
      if (lead == '\r' || lead == '\n') b_.put(" ", in(i), in(i + 1));  // XML white space in text is a space
      else b_.put(xml_.substr(i, l), in(i), in(i + l));
      i += l;
    }
  }

  /// The end of the plain characters from i (before `end`): the first '&', CR or LF.
  std::size_t plain_end(std::size_t i, std::size_t end) const {
    const char* s = xml_.data();
#if defined(__SSE2__)
    const __m128i amp = _mm_set1_epi8('&'), cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
    for (; i + 16 <= end; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
      if (const int m = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(m)));
    }
#endif
    while (i < end && s[i] != '&' && s[i] != '\r' && s[i] != '\n') ++i;
    return i;
  }

  /// The UTF-8 of an XML character reference's name ("amp", "#20013", "#x4E2D"), or "".
  static std::string reference(std::string_view name) {
    if (name == "amp") return "&";
    if (name == "lt") return "<";
    if (name == "gt") return ">";
    if (name == "quot") return "\"";
    if (name == "apos") return "'";
    if (name.size() < 2 || name[0] != '#') return {};
    unsigned long c = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    for (std::size_t k = hex ? 2 : 1; k < name.size(); ++k) {
      char d = name[k];
      int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10 : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
      if (v < 0 || c > 0x10FFFF) return {};
      c = c * (hex ? 16 : 10) + static_cast<unsigned long>(v);
    }
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return "\xEF\xBF\xBD";
    std::string s;
    if (c < 0x80) s += static_cast<char>(c);
    else if (c < 0x800) { s += static_cast<char>(0xC0 | (c >> 6)); s += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (c >> 18));
      s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
  }

  /// Rows and cells may stand inside wrappers (w:sdt, w:customXml, tracked changes): collects the
  /// elements named `name` under n, looking through them.
  void collect(const Node& n, Tag tag, std::vector<Node>& out, int depth = 0) const {
    for (Node c = tree_.first_child(n); c; c = tree_.next(c)) {
      if (!tree_.is_element(c)) continue;
      Tag l = tree_.tag(c);
      if (l == tag) out.push_back(c);
      else if (depth < 8 && !docx::is_skipped(l) && l != Tag::tbl && l != Tag::p && l != Tag::tr && l != Tag::tc)
        collect(c, tag, out, depth + 1);
    }
  }

  /// A table: each row's cells from its w:gridBefore column on, each w:gridSpan wide; a
  /// w:vMerge continuation lengthens the cell above it, a w:hMerge continuation the cell before.
  bool table(const Node& tbl, std::size_t depth) {
    std::size_t at = offset_or(tbl, 0);
    b_.open_table(in(at));
    std::vector<Node> rows;
    collect(tbl, Tag::tr, rows);
    std::vector<int> above;  // per grid column: the cell a vertical merge there continues, or -1
    int row = 0, width = 0;
    std::vector<Node> cells;  // each row's, in one buffer
    for (const Node& tr : rows) {
      std::size_t tr_at = offset_or(tr, at);
      b_.open_row(in(tr_at));
      Node trPr = child(tr, Tag::trPr);
      int col = int_val(child(trPr, Tag::gridBefore), 0, 0, kMaxGridSpan);
      int last = -1;  // this row's last cell, for w:hMerge
      cells.clear();
      collect(tr, Tag::tc, cells);
      for (const Node& tc : cells) {
        Node tcPr = child(tc, Tag::tcPr);
        int span = int_val(child(tcPr, Tag::gridSpan), 1, 1, kMaxGridSpan);
        Node vm = child(tcPr, Tag::vMerge), hm = child(tcPr, Tag::hMerge);
        bool v_continue = vm && tree_.val(vm) != "restart";
        bool h_continue = hm && tree_.val(hm) != "restart";
        if (static_cast<std::size_t>(col + span) * static_cast<std::size_t>(row + 1) > max_positions_)
          return fail(say(lang_, "表格超过 " + std::to_string(max_positions_) + " 个单元格位置",
                          "a table of over " + std::to_string(max_positions_) + " cell positions"));
        flow::Table* t = b_.table();
        if (static_cast<int>(above.size()) < col + span) above.resize(static_cast<std::size_t>(col + span), -1);
        if (h_continue && last >= 0) {
          flow::Cell& prev = t->cells[static_cast<std::size_t>(last)];
          prev.col_span = col + span - prev.col;
          for (int k = col; k < col + span; ++k) above[static_cast<std::size_t>(k)] = last;
          col += span;
          continue;
        }
        int up = above[static_cast<std::size_t>(col)];
        if (v_continue && up >= 0 && t->cells[static_cast<std::size_t>(up)].col == col) {
          flow::Cell& top = t->cells[static_cast<std::size_t>(up)];
          top.row_span = row - top.row + 1;
          last = up;
          col += span;
          continue;
        }
        std::size_t tc_at = offset_or(tc, tr_at);
        b_.open_cell(row, col, 1, span, in(tc_at));
        last = static_cast<int>(t->cells.size()) - 1;
        if (!content(tc, depth + 1)) return false;
        b_.close_cell();
        for (int k = col; k < col + span; ++k) above[static_cast<std::size_t>(k)] = last;
        col += span;
      }
      col += int_val(child(trPr, Tag::gridAfter), 0, 0, kMaxGridSpan);
      // a column this row does not reach can no longer continue a vertical merge
      for (int k = col; k < static_cast<int>(above.size()); ++k) above[static_cast<std::size_t>(k)] = -1;
      width = std::max(width, col);
      ++row;
    }
    b_.close_table(row, width);
    return true;
  }

  const Tree& tree_;
  flow::Builder& b_;
  const text::Decoded& src_;
  std::string_view xml_;
  std::size_t max_positions_;
  Language lang_;
  bool verbatim_;  ///< the part is the input's bytes as they are (UTF-8): offsets map one to one
};

}  // namespace

std::optional<Error> refuse_ole2(std::string_view bytes, Language lang) {
  if (bytes.substr(0, 8) != std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return std::nullopt;
  auto has = [&](std::string_view ascii) {  // a stream name in the compound file's directory (UTF-16LE)
    std::string u16;
    for (char c : ascii) { u16 += c; u16 += '\0'; }
    return bytes.find(u16) != std::string_view::npos;
  };
  if (has("EncryptedPackage"))
    return Error{ErrorCode::bad_document,
                 say(lang, "输入是有密码保护的 Office 文档：请去掉密码后重新保存",
                     "the input is a password-protected Office document: save it again without a password"),
                 0};
  std::string what =
      has("WordDocument")               ? say(lang, "旧版二进制 Word 或 WPS 文档（.doc/.wps，OLE2）",
                                              "an old binary Word or WPS document (.doc/.wps, OLE2)")
      : has("Workbook") || has("Book") ? say(lang, "旧版二进制 Excel 工作簿（.xls，OLE2），不是报告",
                                              "an old binary Excel workbook (.xls, OLE2), not a report")
                                        : say(lang, "旧版二进制 Office 文档（OLE2：.doc、.wps、.xls 等）",
                                              "an old binary Office document (OLE2: .doc, .wps, .xls, …)");
  return Error{ErrorCode::unsupported,
               say(lang, "输入是" + what + "，ogi 不读取这种格式：请先转换为 DOCX（" + kConvert + "）",
                   "the input is " + what + ", which ogi does not read: convert it to DOCX first (" + kConvert + ")"),
               0};
}

std::variant<Document, Error> read_docx(std::string_view bytes, const ParseOptions& options,
                                        std::vector<Diagnostic>& diagnostics) {
  const Language lang = options.language;
  if (auto refused = text::over_size_limit(bytes.size(), options)) return *refused;
  if (auto refused = refuse_ole2(bytes, lang)) return *refused;
  Zip zip(bytes, lang);
  if (!zip.ok())
    return Error{ErrorCode::bad_document,
                 say(lang, "输入不是可读的 zip 压缩包（.docx 已损坏？）",
                     "the input is not a readable zip archive (a damaged .docx?)"),
                 0};
  std::string part = main_part(zip);
  std::size_t cap = std::min(options.max_input_bytes,
                             std::max(kInflateFloor, kInflateRatio * std::max<std::size_t>(bytes.size(), 1)));
  bool missing = false;
  auto inflated = zip.read(part, cap, &missing);
  if (missing) return not_word(zip, lang);
  if (auto* err = std::get_if<Error>(&inflated)) return *err;

  Document doc;
  doc.input = std::move(std::get<std::string>(inflated));
  doc.part = part;
  // The part is UTF-8 (or UTF-16 with a BOM, which the text layer converts, mapping back).
  ParseOptions plain;
  plain.max_input_bytes = options.max_input_bytes;
  plain.language = lang;
  auto decoded = text::decode(doc.input, plain, diagnostics);
  if (auto* err = std::get_if<Error>(&decoded))
    return Error{ErrorCode::bad_document, say(lang, part + " 无法读取：", part + " cannot be read: ") + err->message, 0};
  text::Decoded& src = std::get<text::Decoded>(decoded);
  src.attach(doc.input);

  // The part is walked from the compact tree of its elements when it is plain XML (what Word
  // and LibreOffice write), else from pugixml's tree, which also names what is wrong with it.
  const std::size_t max_positions = 16 * doc.input.size() + 65536;
  flow::Flow f;
  f.text.reserve(src.view.size() / 6);  // a part's text is some 5-15 % of its XML; pages never written cost nothing
  f.runs.reserve(src.view.size() / 256);  // a run per w:t element, mostly
  flow::Builder builder(f, false);
  bool has_body = false;
  std::string walk_error;
  auto walk = [&](const auto& tree, auto root) {
    Walker w(tree, builder, src, src.view, max_positions, lang);
    auto body = w.child(root, Tag::body);
    if (!body) return;
    has_body = true;
    if (!w.content(body, 0)) walk_error = std::move(w.error);
  };
  docx::PlainTree plain_tree;
  pugi::xml_document xml;
  const std::string& xml_text = src.utf8.empty() && src.to_input.empty() ? doc.input : src.utf8;  // = src.view
  if (plain_tree.read(xml_text)) {
    walk(plain_tree, plain_tree.root());
  } else {
    pugi::xml_parse_result ok = xml.load_buffer(src.view.data(), src.view.size(), pugi::parse_minimal, pugi::encoding_utf8);
    if (!ok) {
      // (pugixml may name the offset one past the buffer's end: an element left open at the end)
      const std::size_t error_at = std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(ok.offset, 0)), src.view.size());
      const std::uint32_t at = src.input_offset(error_at);
      return Error{ErrorCode::bad_document,
                   say(lang, part + " 不是格式正确的 XML（第 " + std::to_string(at) + " 字节处：" + ok.description() + "）",
                       part + " is not well-formed XML (" + ok.description() + " at byte " + std::to_string(at) + ")"),
                   at};
    }
    walk(docx::PugiTree{}, xml.document_element());
  }
  if (!has_body) return not_word(zip, lang);
  if (!walk_error.empty())
    return Error{ErrorCode::bad_document,
                 say(lang, walk_error + "：文档是恶意构造的或已损坏", walk_error + ": a hostile or broken document"), 0};
  builder.line_break();
  auto rendered = flow::render(f, InputFormat::docx, flow::Limits{max_positions}, lang);
  if (auto* err = std::get_if<Error>(&rendered)) return *err;
  Document& out = std::get<Document>(rendered);
  out.input = std::move(doc.input);
  out.part = std::move(doc.part);
  out.decoded.encoding = src.encoding;
  return std::move(out);
}

}  // namespace ogi::sources

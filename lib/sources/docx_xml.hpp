// SPDX-License-Identifier: Apache-2.0
// The main document part's elements as the DOCX reader walks them (docx.cpp): the names it acts
// on (Tag), and two trees behind one interface. PlainTree is a compact tree of the elements the
// walk can reach (every child of an element it goes through; under rPr, trPr and tcPr only the
// property values it reads; nothing else under an element it skips), read by a scanner that
// accepts only plain XML — elements, attributes in quotes, text, an XML
// declaration first — which is what Word and LibreOffice write; PugiTree is pugixml's tree, for
// every part the scanner gives up on (comments, CDATA, a DOCTYPE, a BOM, NUL bytes, names outside
// ASCII, any error), so that such a part is read, or refused with pugixml's message, as before.
// Whatever PlainTree accepts, pugixml (parse_minimal) reads to the same elements in the same
// order, with the same names, offsets and attribute values (tests/unit/docx_xml_test.cpp).
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::sources::docx {

/// The element names the walk acts on, by local name (w:tbl and tbl alike); `skipped` is every
/// element whose content is not the document's visible text, other than the properties the walk
/// reads (rPr, trPr, tcPr, which are skipped too: see is_skipped).
enum class Tag : std::uint8_t {
  other, skipped, r, t, p, tbl, tr, tc, tab, br, no_break_hyphen, body,
  rPr, trPr, tcPr, vanish, gridBefore, gridAfter, gridSpan, vMerge, hMerge,
};

Tag tag_of(std::string_view local_name);
inline bool is_skipped(Tag t) { return t == Tag::skipped || t == Tag::rPr || t == Tag::trPr || t == Tag::tcPr; }
/// "w:tbl" → "tbl".
std::string_view local_name(std::string_view qualified);
/// Whether an attribute holds an element's value: w:val, val, or any prefix's val.
bool is_val(std::string_view attribute_name);

class PlainTree {
 public:
  using Node = std::uint32_t;  ///< 0: no element

  /// Reads `xml` (which must outlive the tree); false when it is not plain XML.
  bool read(const std::string& xml);

  Node root() const { return nodes_.size() > 1 ? nodes_[1].first_child : 0; }
  Node first_child(Node n) const { return nodes_[n].first_child; }
  Node next(Node n) const { return nodes_[n].next_sibling; }
  static bool is_element(Node) { return true; }
  Tag tag(Node n) const { return static_cast<Tag>(nodes_[n].tag); }
  /// Where the element's name starts in the part (pugixml's offset_debug).
  std::ptrdiff_t offset(Node n) const { return nodes_[n].name; }
  /// Text that is not all white space stands among the element's children (pugixml makes it a
  /// child node of its own; this tree keeps elements only).
  bool has_text(Node n) const { return nodes_[n].text; }
  /// The value of its first w:val attribute (as written: references not decoded), or "".
  std::string_view val(Node n) const;

 private:
  struct Element {
    std::uint32_t name = 0, first_child = 0, next_sibling = 0;
    std::uint32_t name_length : 23 = 0, tag : 8 = 0, text : 1 = 0;
  };
  std::string_view xml_;
  std::vector<Element> nodes_;  ///< [0] stands for no element, [1] for the document
};

/// pugixml's tree (parse_minimal) behind the same interface.
struct PugiTree {
  using Node = pugi::xml_node;
  static Node first_child(Node n) { return n.first_child(); }
  static Node next(Node n) { return n.next_sibling(); }
  static bool is_element(Node n) { return n.type() == pugi::node_element; }
  static Tag tag(Node n) { return tag_of(local_name(n.name())); }
  static std::ptrdiff_t offset(Node n) { return n.offset_debug(); }
  static bool has_text(Node) { return false; }  // text nodes are children: the walk meets them
  static std::string_view val(Node n);
};

}  // namespace ogi::sources::docx

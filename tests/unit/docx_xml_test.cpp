// SPDX-License-Identifier: Apache-2.0
// The DOCX reader's compact element tree (lib/sources/docx_xml.hpp): whatever it accepts,
// pugixml reads to the same elements the walk can reach — names, offsets, values, text — and it
// gives up on what it does not know, leaving that to pugixml.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "sources/docx_xml.hpp"

namespace {

using ogi::sources::docx::PlainTree;
using ogi::sources::docx::PugiTree;

const std::string kWordLike =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:vanish w:val='0' /></w:rPr>"
    "<w:t xml:space=\"preserve\">一、总体情况 &amp; a&gt;b</w:t></w:r><w:r><w:tab/><w:t>x</w:t></w:r></w:p>\n"
    "  <w:tbl><w:tblPr/><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:tcPr><w:gridSpan "
    "w:val = \"2\" /><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
    "</w:tbl>\r\n<w:sdt><w:sdtContent><w:p><w:ins><w:r><w:t>kept</w:t></w:r></w:ins></w:p></w:sdtContent></w:sdt>"
    "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val=\"24\"><w:vanish/></w:sz><w:vanish "
    "w:val=\"false\"><w:b/></w:vanish></w:rPr><w:vanish><w:t>v</w:t></w:vanish></w:r></w:p>"
    "<w:sectPr a=\"x>y\" b='\"'/></w:body >\n</w:document>\n";

/// One element as both trees see it, in document order.
struct Seen {
  std::ptrdiff_t offset;
  ogi::sources::docx::Tag tag;
  std::string val;
  bool text;
  int depth;
  bool operator==(const Seen&) const = default;
};

void visit(const PlainTree& t, PlainTree::Node n, int depth, std::vector<Seen>& out) {
  for (PlainTree::Node c = t.first_child(n); c; c = t.next(c)) {
    out.push_back({t.offset(c), t.tag(c), std::string(t.val(c)), t.has_text(c), depth});
    visit(t, c, depth + 1, out);
  }
}

/// The elements the walk can reach, as the plain tree keeps them: every child of an element the
/// walk goes through; under rPr, trPr and tcPr only the property values it reads (vanish,
/// gridBefore, gridAfter, gridSpan, vMerge, hMerge); nothing under other skipped elements.
enum class Reach { all, property_values, none };

void visit(pugi::xml_node n, Reach reach, int depth, std::vector<Seen>& out) {
  using ogi::sources::docx::Tag;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || reach == Reach::none) continue;
    const Tag tag = PugiTree::tag(c);
    const bool value = tag == Tag::vanish || tag == Tag::gridBefore || tag == Tag::gridAfter || tag == Tag::gridSpan ||
                       tag == Tag::vMerge || tag == Tag::hMerge;
    if (reach == Reach::property_values && !value) continue;
    bool text = false;
    for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling()) text |= g.type() == pugi::node_pcdata;
    out.push_back({PugiTree::offset(c), tag, std::string(PugiTree::val(c)), text, depth});
    Reach inner = reach != Reach::all                                       ? Reach::none
                  : tag == Tag::rPr || tag == Tag::trPr || tag == Tag::tcPr ? Reach::property_values
                  : ogi::sources::docx::is_skipped(tag)                     ? Reach::none
                                                                            : Reach::all;
    visit(c, inner, depth + 1, out);
  }
}

/// Whether the plain tree took `xml`; when it did, pugixml must read the very same elements.
bool same_as_pugixml(const std::string& xml) {
  PlainTree plain;
  if (!plain.read(xml)) return false;
  pugi::xml_document doc;
  auto ok = doc.load_buffer(xml.data(), xml.size(), pugi::parse_minimal, pugi::encoding_utf8);
  INFO(xml);
  REQUIRE(ok);
  std::vector<Seen> a, b;
  a.push_back({plain.offset(plain.root()), plain.tag(plain.root()), "", plain.has_text(plain.root()), 0});
  visit(plain, plain.root(), 1, a);
  pugi::xml_node root = doc.document_element();
  bool root_text = false;
  for (pugi::xml_node g = root.first_child(); g; g = g.next_sibling()) root_text |= g.type() == pugi::node_pcdata;
  b.push_back({PugiTree::offset(root), PugiTree::tag(root), "", root_text, 0});
  visit(root, Reach::all, 1, b);
  CHECK(a == b);
  return true;
}

}  // namespace

TEST_CASE("docx xml: a part as Word and LibreOffice write it is read to pugixml's elements") {
  CHECK(same_as_pugixml(kWordLike));
  CHECK(same_as_pugixml("<a/>"));
  CHECK(same_as_pugixml("\n <a>text<b\t/> </a> \n"));
}

TEST_CASE("docx xml: what the plain tree does not know is left to pugixml") {
  for (const char* xml : {"", "  ", "<a>", "</a>", "<a></b>", "<a></a >x", "text<a/>", "<a/><b/>", "<a><!-- c --></a>",
                          "<a><![CDATA[x]]></a>", "<!DOCTYPE a><a/>", "\xEF\xBB\xBF<a/>", "<a><?pi x?></a>",
                          "<a b=\"1\"c=\"2\"/>", "<a b/>", "<a b=1/>", "<a b=\"1/>", "<a/ >", "<\xE4\xB8\xAD/>",
                          "<1a/>", "<a></aa>", "<aa></a>", "<?xml version='1.0'", " <?xml version='1.0'?><a/>"})
    CHECK_FALSE(same_as_pugixml(xml));
  std::string nul = "<a>x</a>";
  nul[2] = '\0';
  CHECK_FALSE(same_as_pugixml(nul));
}

TEST_CASE("docx xml: any damage to a part leaves the plain tree and pugixml agreeing") {
  const std::string alphabet("<>/=\"' \n:a&;?!-\0", 16);
  std::mt19937 rng(18);
  int taken = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string xml = kWordLike;
    for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
      std::size_t at = rng() % xml.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: xml.erase(at, 1); break;
        case 1: xml.insert(at, 1, c); break;
        default: xml[at] = c;
      }
    }
    taken += same_as_pugixml(xml);
  }
  CHECK(taken > 1000);  // the damage often leaves plain XML
}

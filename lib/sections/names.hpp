// SPDX-License-Identifier: Apache-2.0
// Where a report names its body and its year: the title, the signature, the byline and the
// prose. Each reader returns what it found with its span and source; metadata.cpp chooses
// (docs/sections.md, "Agency and year").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogi/report.hpp"
#include "text/paragraphs.hpp"
#include "text/text.hpp"

namespace ogi::sections {

/// A stretch of the normalized view as compact text: runs of spaces and tabs become one space
/// (`spaced`) or none, and each byte keeps the normalized offset it came from.
struct Piece {
  std::string text;
  std::vector<std::uint32_t> at;  ///< normalized offset of each byte of text

  Piece() = default;
  Piece(const text::NormalizedText& nt, std::uint32_t begin, std::uint32_t end, bool spaced);
  /// The input span of text bytes [b, e).
  Span span(const text::NormalizedText& nt, std::size_t b, std::size_t e) const {
    return nt.span(at[b], at[e - 1] + 1);
  }
  Piece sub(std::size_t b, std::size_t e) const;
};

/// A body named somewhere in the document; lower `rank` is tried first.
struct Name {
  Piece piece;  ///< the name as written (no spaces)
  FieldSource source = FieldSource::none;
  int rank = 0;
};

/// Ranks, in the order the sources are tried (docs/sections.md).
enum NameRank : int {
  kRankTitle = 0,      ///< the title, or the line above it
  kRankSignature = 1,  ///< the name above the closing date
  kRankOwner = 2,      ///< 现将<name>…年度报告 (the report's owner)
  kRankByline = 3,     ///< 来源: / 发布机构: / 发文机关:
  kRankCompiler = 4,   ///< 本报告由<name>…编制 (often the body's office)
  kRankContact = 5,    ///< 请与<name>联系
  kRankSiteOwner = 6,  ///< 主办单位: (the website's owner)
};

struct TitleReading {
  bool found = false;
  std::size_t line = 0;          ///< 0-based line of the title
  std::vector<Name> names;       ///< the title's name (or the line above's), at most one
  std::optional<Name> wrapped;   ///< the line above joined to the title's name, if it may be its start
  int year = 0;                  ///< 0 when the title states none
  Span year_span;
};

/// The title among lines [0, limit): "<name><year>年(度)政府信息公开工作年度报告", the year first,
/// the name on the line above, wrapped, cut by html2text, behind a breadcrumb or a label.
TitleReading read_title(const text::NormalizedText& nt, std::size_t limit);

/// The name above the closing date, and labelled bylines (来源: …) in the title block [0, head)
/// and among the last lines.
void read_signature_and_bylines(const text::NormalizedText& nt, std::size_t head, std::vector<Name>& out);

/// 现将<name>…报告, 本报告由<name>…编制, 请与<name>联系 in the prose of the preamble (lines before
/// `preamble_end`) and the last paragraphs; the year 现将… states, if `year` is still 0.
void read_prose_names(const text::NormalizedText& nt, const std::vector<text::Paragraph>& prose,
                      std::size_t preamble_end, std::vector<Name>& out, int& year, Span& year_span);

/// A string that can be a body's name: ideographs (and brackets), 2 to 40 characters, no cut
/// character, none of the words of a page's furniture (首页, 报告, 年报…). `strict` also wants
/// the ending of an organisation (政府, 局, 办公室, 委员会, 区…) and no pronoun at the start.
bool plausible_name(std::string_view s, bool strict);

}  // namespace ogi::sections

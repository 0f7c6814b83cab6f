// SPDX-License-Identifier: Apache-2.0
// Stage 3, tables — which text of a table names which row. Each text token is matched against
// the template's rows by meaning (keywords, whole labels and variants, a label cut short, a
// numbering where the order expects the row), and the matches are aligned with the template's
// row order: labels stand in template order, once each, so the best monotone assignment decides
// between a label and the same words elsewhere (a column header 总计, a neighbour's 无正当理由).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tables/candidate.hpp"
#include "tables/layout.hpp"

namespace ogi::tables {

/// What a text token is in a table.
enum class TextRole : std::uint8_t {
  foreign,       ///< names nothing of the table: a note, prose, a running head
  row_label,     ///< opens a row (Mark::row)
  continuation,  ///< the rest of the current row's label (a wrapped label)
  group,         ///< a group label (三、本年度办理结果, (三)不予公开, 第二十条第(五)项) or a fragment of one
  header,        ///< a column header or a fragment of one
};

struct Mark {
  TextRole role = TextRole::foreign;
  int row = -1;  ///< printed row (Layout::rows index) for row_label and continuation; kBlockHeading for a whole group label
};
/// Mark::row of a group label that heads a block of rows (table 2's 第二十条第(五)项).
inline constexpr int kBlockHeading = -2;
/// Mark::row of foreign text that is a whole label of a row read elsewhere (a label printed twice:
/// a reading-order dump): what follows it is not the current row's.
inline constexpr int kNamesOtherRow = -3;

/// Where prepared labels keep their squeezed text: blocks that never move (a full one is
/// followed by another), so a LabelText's view stays valid as long as its store lives. A table's
/// labels share one block, sized for all of them: one allocation, not one a label.
class LabelStore {
 public:
  explicit LabelStore(std::size_t bytes = 0) : next_size_(bytes) {}
  /// Room for n bytes, to write one label into; `keep` then says how many it used.
  char* room(std::size_t n);
  void keep(std::size_t used) { used_ += used; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0, size_ = 0;  // of the last block
  std::size_t next_size_;
};

/// A text token, prepared for matching.
struct LabelText {
  std::string_view squeezed;  ///< normalized, spaces removed, prose before a full stop dropped (in a LabelStore)
  std::uint32_t numbering_len = 0, bare_from = 0;
  std::uint32_t bare_chars = 0;  ///< characters in bare(), counted once (every row's match asks)
  std::int8_t numbering_value = 0, numbering_kind = 0;  ///< numbering() read once (every row's match asks)
  /// What of its table's words it holds, found in one pass when prepared with a table (`words_of`):
  /// the rows (TableDef::rows indices) one of whose keywords it holds, a group label, a column
  /// header or header word.
  const templates::TableDef* words_of = nullptr;
  std::uint64_t keyword_rows = 0;
  bool holds_group = false, holds_header = false;
  /// The numbering it starts with ("(三)", "1.", "一、"), if any.
  std::string_view numbering() const { return std::string_view(squeezed).substr(0, numbering_len); }
  /// `squeezed` without its numbering.
  std::string_view bare() const { return std::string_view(squeezed).substr(bare_from); }
  /// A numbering and nothing else ("5.", "(四)").
  bool numbering_only() const { return bare().empty() && numbering_len > 0; }
};
/// `table` (when given) lets a long run of headers and a label be cut to its last item. The
/// squeezed text is kept in `store`.
LabelText prepare_label(std::string_view text, const templates::TableDef* table, LabelStore& store);

/// How strongly `t` names row `def` (0 = not at all). 5: a keyword or the whole label; 4: a
/// common label with its numbering; 3: a label cut short (≥ 3 characters); 2: cut short to two
/// characters with the row's numbering; 1: only its numbering, or a common label without it
/// (taken only where the row order expects this row next).
int match_strength(const LabelText& t, const templates::RowDef& def);
/// The strongest match there is (a keyword or the whole label).
inline constexpr int kStrongest = 5;

/// The alignment of a region's text tokens with a layout's rows.
struct LabelAlignment {
  std::vector<Mark> marks;         ///< one per token of the region (values get foreign)
  std::vector<int> label_token;    ///< per printed row: the token that opens it, or -1
  /// Per printed row: its label stands under another block's heading (table 2's 第二十条 blocks
  /// out of order: a reading-order dump).
  std::vector<bool> out_of_block;
  int score = 0;                   ///< the sum of the chosen matches' strengths
  int rows_found = 0;
};

/// A table's text matched against its template's rows once, whatever layouts are then tried:
/// each text token prepared, and the strength with which it — or a window of it joined with the
/// fragments after it — names each template row (memoized: every layout asks the same windows).
class LabelMatches {
 public:
  LabelMatches(const text::NormalizedText& nt, const std::vector<Token>& tokens, const templates::TableDef& def);

  const text::NormalizedText& text() const { return *nt_; }
  const std::vector<Token>& tokens() const { return *tokens_; }
  const templates::TableDef& def() const { return *def_; }
  /// The prepared label of a text token (empty for values).
  const LabelText& label(std::size_t token) const { return labels_[token]; }
  /// How strongly a text token's own text names each template row (TableDef::rows order).
  const std::int8_t* strengths(std::size_t token) const { return &token_strengths_[token * rows_]; }
  /// Does a text token's own text name any row at all (some strength above 0)?
  bool names_any_row(std::size_t token) const { return names_any_[token]; }
  /// The same for `joined`: text tokens joined, squeezed (prepared again, as one label).
  const std::vector<std::int8_t>& window_strengths(const std::string& joined);
  /// The 第二十条 block a text token stands in ("(五)": table 2's rows belong to blocks), or empty.
  std::string_view block(std::size_t token) const { return blocks_[token]; }
  /// Does a text token hold a block's heading (第二十条第(五)项)?
  bool opens_block(std::size_t token) const { return opens_block_[token]; }
  /// The index in TableDef::rows of a row key, or -1.
  int row_index(int key) const;

 private:
  void match(const LabelText& t, std::int8_t* out) const;

  const text::NormalizedText* nt_;
  const std::vector<Token>* tokens_;
  const templates::TableDef* def_;
  std::size_t rows_;
  LabelStore store_;  // the labels' squeezed text (labels_ and windows' labels view it)
  std::vector<LabelText> labels_;
  std::vector<std::int8_t> token_strengths_;  // tokens × rows
  std::vector<std::int8_t> row_numbering_;    // per template row: value, kind
  std::vector<std::uint32_t> label_chars_;    // per template row: characters of its label
  std::vector<std::string> blocks_;           // per token
  std::vector<bool> opens_block_;             // per token
  std::vector<bool> names_any_;               // per token
  std::unordered_map<std::string, std::vector<std::int8_t>> windows_;
};

/// Aligns the matched tokens (a region's tokens in reading order; only text tokens are read)
/// with `layout`, whose template is the matches' (Layout::def).
LabelAlignment align_labels(LabelMatches& matches, const Layout& layout);

/// The row a piece of whose label (its opening or a continuation) is the last text before token
/// `v` on its line, or -1: a value after a piece of a row's label on its line is that row's,
/// wherever a reading-order dump set the rest.
int row_labelled_before(const Candidate& cand, const LabelAlignment& align, std::uint32_t v);

/// The numeral printed row `row`'s label lost, where its text (opened by token `label`) starts
/// with the mark after it (`、属于行政执法案卷`, the template's `7、`): "7"; else empty. The dump
/// printed the numeral apart, alone on a line (a number token) or run into other text.
std::string_view lost_numeral(const text::NormalizedText& nt, const Candidate& cand, const Layout& layout, std::size_t row,
                              std::uint32_t label);

/// Does candidate line `line` hold a piece of printed row `row`'s label past its first (the rest
/// of a wrapped label)?
bool continues_label(const Candidate& cand, const LabelAlignment& align, std::uint32_t line, int row);

}  // namespace ogi::tables

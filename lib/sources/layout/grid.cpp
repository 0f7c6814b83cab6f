// SPDX-License-Identifier: Apache-2.0
// A table's grid from its header and body lines (docs/formats.md "PDF", the geometry rules):
//   - the label zone (left of the first column) is cut into label cells; a label with another
//     label to its right at the same height is a parent (三、本年度办理结果, （三）不予公开) and
//     spans the rows of the labels it stands beside: its level's rows between two labels that
//     reach into its column, split among its siblings where their items restart at 1. or, failing
//     that, where each parent stands in the middle of its rows;
//   - each remaining (leaf) label is a row; a value belongs to the row whose band holds its centre
//     and to the column whose span holds it — a blank cell is simply a cell with no word;
//   - where two separate values land in one column and the row has exactly one per column,
//     they go by order (a header cell narrower than the value cells below it).
#include <algorithm>
#include <cmath>
#include <utility>
#include <map>

#include "sources/layout/layout.hpp"
#include "template/template.hpp"
#include "text/text.hpp"

namespace ogi::sources::layout {
namespace {

constexpr std::size_t kMaxBlocks = 3000;   // label blocks per table: beyond, no parents are sought
constexpr std::size_t kMaxSplit = 200;     // fragments of one block split by value rows
constexpr std::size_t kMaxRun = 400;       // leaves among which parents are placed by centre
constexpr std::size_t kMaxWrapGroups = 64;  // a row's cells sought for wrapped digits (a row has 15 at most)

bool overlaps(float a0, float a1, float b0, float b1) { return std::min(a1, b1) - std::max(a0, b0) > 0; }

/// The key without punctuation and enumerator, for comparing with known labels.
std::string bare(std::string_view k) {
  std::string out;
  for (std::size_t i = 0; i < k.size();) {
    unsigned char c = static_cast<unsigned char>(k[i]);
    if (c < 0x80) {
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) out += k[i];
      ++i;
      continue;
    }
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string_view ch = k.substr(i, n);
    if (ch != "、" && ch != "。" && ch != "“" && ch != "”") out += ch;
    i += n;
  }
  return out;
}

std::string_view strip_enumerator(std::string_view k) {
  for (std::size_t n = std::min<std::size_t>(k.size(), 12); n > 0; --n)
    if (is_enumerator(k.substr(0, n))) return k.substr(n);
  return k;
}

/// Row labels that stack like one cell's lines when no border separates them (规章 over
/// 行政规范性文件, 予以公开 over 部分公开, both blank): a block reading as one of them and then
/// the start of another is two cells. The template's rows of tables 2 and 3 (labels and
/// variants) and its label groups (不予公开, …), keyed as the blocks are.
const std::vector<std::string>& known_labels() {
  static const std::vector<std::string> l = [] {
    std::vector<std::string> out;
    auto add = [&](std::string_view label) {
      std::string k = text::fold_key(label);
      std::string b = bare(strip_enumerator(k));
      if (!b.empty() && std::find(out.begin(), out.end(), b) == out.end()) out.push_back(std::move(b));
    };
    for (const auto* t : {&templates::active_disclosure(), &templates::applications()}) {
      for (const auto& r : t->rows) {
        add(r.label);
        for (auto v : r.variants) add(v);
      }
      for (auto g : t->groups) add(g);
    }
    return out;
  }();
  return l;
}

bool known_label(const std::string& bare_key) {
  return std::find(known_labels().begin(), known_labels().end(), bare_key) != known_labels().end();
}

std::vector<Block> split_known_labels(Block b) {
  std::vector<Block> out;
  for (;;) {
    std::size_t cut = 0;
    for (std::size_t k = 1; k < b.frags.size() && !cut; ++k) {
      std::string head, rest;
      for (std::size_t i = 0; i < k; ++i) head += b.frags[i].key;
      for (std::size_t i = k; i < b.frags.size(); ++i) rest += b.frags[i].key;
      std::string h = bare(strip_enumerator(head)), r = bare(strip_enumerator(rest));
      if (r.size() < 6) continue;
      if (!known_label(h)) continue;
      for (auto& l : known_labels())
        if (l.substr(0, 6) == r.substr(0, 6) && (l.substr(0, r.size()) == r || r.substr(0, l.size()) == l)) cut = k;
    }
    if (!cut) break;
    Block a(b.frags[0]);
    for (std::size_t i = 1; i < cut; ++i) a.add(b.frags[i]);
    Block c(b.frags[cut]);
    for (std::size_t i = cut + 1; i < b.frags.size(); ++i) c.add(b.frags[i]);
    out.push_back(std::move(a));
    b = std::move(c);
  }
  out.push_back(std::move(b));
  return out;
}

struct ValueRow {
  std::uint32_t page;
  float y;
};

std::vector<ValueRow> value_rows(const Doc& d, std::vector<std::uint32_t> values) {
  std::sort(values.begin(), values.end(), [&](auto a, auto b) {
    return d.words[a].page != d.words[b].page ? d.words[a].page < d.words[b].page : d.words[a].cy < d.words[b].cy;
  });
  std::vector<ValueRow> rows;
  for (auto v : values) {
    const Word& w = d.words[v];
    if (!rows.empty() && rows.back().page == w.page && std::fabs(rows.back().y - w.cy) < 0.4f * w.em) continue;
    rows.push_back({w.page, w.cy});
  }
  return rows;
}

/// Splits `n` ordered items into `m` consecutive non-empty groups minimizing the sum of
/// cost(group index, begin, end); returns the m + 1 cut points.
template <class Cost>
std::vector<std::size_t> best_cuts(std::size_t n, std::size_t m, Cost cost) {
  const double inf = 1e300;
  std::vector<std::vector<double>> best(m + 1, std::vector<double>(n + 1, inf));
  std::vector<std::vector<std::size_t>> back(m + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = 0;
  for (std::size_t i = 1; i <= m; ++i)
    for (std::size_t j = i; j + (m - i) <= n; ++j)
      for (std::size_t a = i - 1; a < j; ++a) {
        if (best[i - 1][a] >= inf) continue;
        double c = best[i - 1][a] + cost(i - 1, a, j);
        if (c < best[i][j]) { best[i][j] = c; back[i][j] = a; }
      }
  std::vector<std::size_t> cuts{n};
  std::size_t j = n;
  for (std::size_t i = m; i > 0; --i) cuts.push_back(j = back[i][j]);
  std::reverse(cuts.begin(), cuts.end());
  return cuts;
}

/// Cuts that make one known row label two cells, the later pieces neither numbered nor labels of
/// their own (`1.信访举报投诉类` / `申请`): the values under the label's lines are its own values
/// wrapped in narrow cells (`13` over `22`), not a second row's.
bool one_label_cut(const Block& b, const std::vector<std::size_t>& cuts) {
  std::string whole;
  for (auto& f : b.frags) whole += f.key;
  if (!known_label(bare(strip_enumerator(whole)))) return false;
  for (std::size_t i = 1; i + 1 < cuts.size(); ++i) {
    std::string piece;
    for (std::size_t k = cuts[i]; k < cuts[i + 1]; ++k) piece += b.frags[k].key;
    if (starts_enumerator(piece) || known_label(bare(piece))) return false;
  }
  return true;
}

/// A block holding the centres of two or more rows of values is that many cells (rows whose
/// border adds nothing to the line pitch): split where each part's middle meets its row — unless
/// the cuts would make one known label two (one_label_cut).
std::vector<Block> split_by_values(std::vector<Block> blocks, const std::vector<ValueRow>& vr) {
  std::vector<Block> out;
  for (Block& b : blocks) {
    std::vector<float> inside;
    for (auto& r : vr)
      if (r.page == b.page && r.y >= b.top && r.y <= b.bottom) inside.push_back(r.y);
    std::size_t m = inside.size(), n = b.frags.size();
    if (m < 2 || n < m || n > kMaxSplit) { out.push_back(std::move(b)); continue; }
    auto cuts = best_cuts(n, m, [&](std::size_t i, std::size_t a, std::size_t c) {
      return std::fabs((b.frags[a].cy + b.frags[c - 1].cy) / 2 - inside[i]);
    });
    if (one_label_cut(b, cuts)) { out.push_back(std::move(b)); continue; }
    for (std::size_t i = 0; i < m; ++i) {
      Block nb(b.frags[cuts[i]]);
      for (std::size_t k = cuts[i] + 1; k < cuts[i + 1]; ++k) nb.add(b.frags[k]);
      out.push_back(std::move(nb));
    }
  }
  return out;
}

bool digits_only(const Word& w) { return !w.key.empty() && w.key.find_first_not_of("0123456789") == std::string::npos; }

/// Two runs of digits, the second under the first: one line down at up to a double-spaced
/// cell's pitch (3.5 em: a digit's em is read from its width), and overlapping across.
bool stacked(const Word& a, const Word& b) {
  float em = std::max(a.em, b.em), step = b.cy - a.cy;
  return step >= 0.6f * em && step <= 3.5f * em && std::min(a.x1, b.x1) > std::max(a.x0, b.x0);
}

/// A row's groups of words (one a cell) where a run of digits stands under another: one
/// number wrapped in its cell (`70` over `6`), one group — not two values to place by order.
void merge_wrapped(const Doc& d, std::vector<std::vector<std::uint32_t>>& grp) {
  if (grp.size() > kMaxWrapGroups) return;
  auto digits = [&](const std::vector<std::uint32_t>& g) {
    return std::all_of(g.begin(), g.end(), [&](auto w) { return digits_only(d.words[w]); });
  };
  for (std::size_t i = 0; i < grp.size(); ++i) {
    if (!digits(grp[i])) continue;
    // the piece under this group's last line joins it; a number wrapped over three lines chains
    for (std::size_t j = 0; j < grp.size(); ++j) {
      if (j == i || grp[j].size() != 1 || !digits(grp[j]) || !stacked(d.words[grp[i].back()], d.words[grp[j].front()])) continue;
      grp[i].push_back(grp[j].front());
      grp.erase(grp.begin() + static_cast<long>(j));
      if (j < i) --i;
      j = static_cast<std::size_t>(-1);  // look again from the first: the chain's new last line
    }
  }
}

/// A value cell whose words are runs of digits one under the other, one a line: one number
/// wrapped in a narrow cell (`15` over `22` is 1522; a cell holds one value). Puts them in
/// reading order.
bool wrapped_digits(const Doc& d, std::vector<std::uint32_t>& words) {
  if (words.size() < 2) return false;
  for (auto w : words)
    if (!digits_only(d.words[w])) return false;
  std::sort(words.begin(), words.end(), [&](auto a, auto b) { return d.words[a].cy < d.words[b].cy; });
  for (std::size_t i = 1; i < words.size(); ++i)
    if (!stacked(d.words[words[i - 1]], d.words[words[i]])) return false;
  return true;
}

bool restarts_numbering(std::string_view key) {
  return key.substr(0, 2) == "1." || key.substr(0, 4) == "1、" || key.substr(0, 3) == "(1)" || key.substr(0, 3) == "①";
}

struct Band {
  std::uint32_t page;
  float top, bottom;
};

bool before(std::uint32_t pa, float ya, std::uint32_t pb, float yb) { return pa != pb ? pa < pb : ya < yb; }

}  // namespace

TGrid build_grid(const Doc& d, const Header& h, std::uint32_t hdr_lo, std::uint32_t hdr_hi,
                 const std::vector<std::uint32_t>& body, const Pitches& pitches, std::vector<Diagnostic>& diagnostics,
                 bool blank_row) {
  (void)diagnostics;
  const std::size_t ncol = h.cols.size();
  // ---- the body: label words and values
  std::vector<std::uint32_t> values;
  std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> label_lines;
  for (auto li : body) {
    std::vector<std::uint32_t> lab;
    for (auto w : d.lines[li].words) {
      const Word& x = d.words[w];
      if (x.furniture) continue;
      (x.cx() < h.label_right ? lab : values).push_back(w);
    }
    if (!lab.empty()) label_lines.emplace_back(li, std::move(lab));
  }
  std::vector<std::vector<std::uint32_t>> just_words;
  for (auto& [li, ws] : label_lines) just_words.push_back(ws);
  auto starts = column_starts(d, just_words);
  std::vector<Block> blocks;
  {
    std::vector<std::vector<Fragment>> page_lines;
    std::uint32_t page = UINT32_MAX;
    auto flush = [&] {
      auto b = build_blocks(page_lines, pitches);
      blocks.insert(blocks.end(), std::make_move_iterator(b.begin()), std::make_move_iterator(b.end()));
      page_lines.clear();
    };
    const std::vector<Fragment> none;  // above a page's first label line
    for (auto& [li, ws] : label_lines) {
      if (d.lines[li].page != page && !page_lines.empty()) flush();
      page = d.lines[li].page;
      page_lines.push_back(label_fragments(d, li, ws, starts, page_lines.empty() ? none : page_lines.back()));
    }
    if (!page_lines.empty()) flush();
  }
  auto vrows = value_rows(d, values);
  std::stable_sort(blocks.begin(), blocks.end(), [](auto& a, auto& b) { return before(a.page, a.top, b.page, b.top); });
  // a label carried over to the next page: the new page's first label, with no enumerator and no
  // value beside it, continues the last overlapping label of the page before — unless its line
  // opens a numbered label (三、 beside 予以公开: a new row, blank in every column)
  {
    std::vector<std::uint32_t> item_lines;  // lines where a numbered label opens
    for (auto& b : blocks)
      if (starts_enumerator(b.key())) item_lines.push_back(b.frags.front().line);
    auto line_opens_item = [&](const Block& b) {
      return std::find(item_lines.begin(), item_lines.end(), b.frags.front().line) != item_lines.end();
    };
    std::vector<Block> merged;
    for (auto& b : blocks) {
      bool first_on_page = merged.empty() || merged.back().page != b.page;
      if (first_on_page && !merged.empty() && merged.back().page + 1 == b.page && !starts_enumerator(b.key()) &&
          !line_opens_item(b)) {
        Block* target = nullptr;
        for (auto& c : merged)
          if (c.page == merged.back().page && overlaps(c.x0, c.x1, b.x0, b.x1) && (!target || c.bottom > target->bottom))
            target = &c;
        auto values_beside = [&](const Block& x) {
          return std::any_of(vrows.begin(), vrows.end(), [&](auto& r) { return r.page == x.page && r.y >= x.top && r.y <= x.bottom; });
        };
        const bool has_values = values_beside(b);
        // (a row broken by the page inside its label, as Word and LibreOffice break rows: values
        // beside the carried part, none beside the part above, and only the two together a
        // known label — 1.本机关不掌握相关 / 政府信息 3 … 3 — is one row too
        // — its row where its values are: the part above's text, the carried part's place)
        if (target && has_values && !values_beside(*target) &&
            known_label(bare(strip_enumerator(target->key() + b.key()))) && !known_label(bare(b.key()))) {
          b.frags.insert(b.frags.begin(), target->frags.begin(), target->frags.end());
          merged.erase(merged.begin() + (target - merged.data()));
          merged.push_back(std::move(b));
          continue;
        }
        if (target && !has_values) {
          for (auto& f : b.frags) target->add(f);
          continue;
        }
      }
      merged.push_back(std::move(b));
    }
    blocks = std::move(merged);
  }
  // ---- parents and leaves
  std::vector<bool> parent(blocks.size(), false);
  if (blocks.size() <= kMaxBlocks)
    for (std::size_t i = 0; i < blocks.size(); ++i)
      for (std::size_t j = 0; j < blocks.size() && !parent[i]; ++j) {
        const Block &b = blocks[i], &c = blocks[j];
        if (i == j || c.page != b.page || c.x0 < b.x1 - 0.3f * b.em) continue;
        if (std::min(b.bottom, c.bottom) - std::max(b.top, c.top) > 0.2f * b.em) parent[i] = true;
      }
  // a leaf holding two rows of values, or reading as two known labels, is two cells; a parent
  // spans rows by nature
  std::vector<Block> leaf_blocks, parent_blocks;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (parent[i]) { parent_blocks.push_back(std::move(blocks[i])); continue; }
    for (auto& b : split_by_values({std::move(blocks[i])}, vrows))
      for (auto& nb : split_known_labels(std::move(b))) leaf_blocks.push_back(std::move(nb));
  }
  std::stable_sort(leaf_blocks.begin(), leaf_blocks.end(), [](auto& a, auto& b) { return before(a.page, a.top, b.page, b.top); });
  std::vector<const Block*> leaves, parents;
  for (auto& b : leaf_blocks) leaves.push_back(&b);
  for (auto& b : parent_blocks) parents.push_back(&b);
  // parents in levels: overlapping x ranges, left to right
  struct Level {
    float x0, x1;
    std::vector<const Block*> blocks;
  };
  std::vector<Level> levels;
  {
    auto ps = parents;
    std::stable_sort(ps.begin(), ps.end(), [](auto* a, auto* b) { return a->x0 < b->x0; });
    for (auto* p : ps) {
      Level* hit = nullptr;
      for (auto& lv : levels)
        if (overlaps(lv.x0, lv.x1, p->x0, p->x1)) { hit = &lv; break; }
      if (!hit) { levels.push_back({p->x0, p->x1, {}}); hit = &levels.back(); }
      hit->x0 = std::min(hit->x0, p->x0);
      hit->x1 = std::max(hit->x1, p->x1);
      hit->blocks.push_back(p);
    }
    std::stable_sort(levels.begin(), levels.end(), [](auto& a, auto& b) { return a.x0 < b.x0; });
  }
  // ---- rows: one per leaf, or per row of values where there are no labels
  std::vector<Band> rows;
  for (auto* lf : leaves) rows.push_back({lf->page, lf->top, lf->bottom});
  {
    std::vector<std::uint32_t> pages_with_rows;
    for (auto& r : rows) pages_with_rows.push_back(r.page);
    // values on a page without labels stand in rows of their own — table 4's in its one row, a
    // band over its page's lines of values (a number wrapped in its cell prints over and under
    // the row's one-line values: `16` / `1 68 68 15 17 32` / `30`)
    const bool one_row = h.kind == Kind::review_litigation;
    for (auto& vr : vrows)
      if (std::find(pages_with_rows.begin(), pages_with_rows.end(), vr.page) == pages_with_rows.end()) {
        if (one_row && !rows.empty() && rows.back().page == vr.page) {
          rows.back().bottom = vr.y + 0.5f;
          continue;
        }
        rows.push_back({vr.page, vr.y - 0.5f, vr.y + 0.5f});
      }
  }
  if (rows.empty() && blank_row) {  // a one-row table with nothing printed under its header
    const Line& last = d.lines[hdr_hi];
    rows.push_back({last.page, last.cy + last.em, last.cy + 2 * last.em});
  }
  std::size_t labelled = leaves.size();
  int L = static_cast<int>(levels.size()) + (leaves.empty() ? 0 : 1);

  TGrid g;
  g.table = h.kind;
  std::vector<TCell> label_cells;
  std::vector<int> nested(leaves.size(), 0);
  for (std::size_t li = 0; li < levels.size(); ++li) {
    const Level& lv = levels[li];
    // the level's rank: what its parents are numbered with (三、 → 1, （三） → 2)
    int rank = 0;
    for (auto* p : lv.blocks)
      if (int r = enumerator_rank(p->key())) rank = rank ? std::min(rank, r) : r;
    std::vector<std::vector<std::size_t>> runs;
    std::vector<std::size_t> cur;
    for (std::size_t k = 0; k < leaves.size(); ++k) {
      // beside the level's column, and not numbered as its peer (四、 after 三、本年度办理结果)
      int r = enumerator_rank(leaves[k]->key());
      bool inside = leaves[k]->x0 >= lv.x1 - 0.3f * leaves[k]->em && !(rank && r && r <= rank);
      if (inside) { ++nested[k]; cur.push_back(k); }
      else if (!cur.empty()) runs.push_back(std::exchange(cur, {}));
    }
    if (!cur.empty()) runs.push_back(cur);
    if (runs.empty()) continue;
    // each parent to the run it stands in (or the nearest)
    std::vector<std::vector<const Block*>> assign(runs.size());
    auto ps = lv.blocks;
    std::stable_sort(ps.begin(), ps.end(), [](auto* a, auto* b) { return before(a->page, a->cy(), b->page, b->cy()); });
    for (auto* p : ps) {
      std::size_t best = 0;
      double best_d = 1e300;
      for (std::size_t ri = 0; ri < runs.size(); ++ri) {
        const Block* a = leaves[runs[ri].front()];
        const Block* b = leaves[runs[ri].back()];
        double dist = 0;
        if (before(p->page, p->cy(), a->page, a->top)) dist = (a->page - p->page) * 1e5 + (a->top - p->cy());
        else if (before(b->page, b->bottom, p->page, p->cy())) dist = (p->page - b->page) * 1e5 + (p->cy() - b->bottom);
        if (dist < best_d) { best_d = dist; best = ri; }
      }
      assign[best].push_back(p);
    }
    for (std::size_t ri = 0; ri < runs.size(); ++ri) {
      const auto& run = runs[ri];
      const auto& pr = assign[ri];
      std::size_t m = pr.size(), n = run.size();
      if (m == 0 || m > n) continue;
      std::vector<std::size_t> cuts;
      if (m == 1) {
        cuts = {0, n};
      } else {
        std::vector<std::size_t> restarts;
        for (std::size_t k = 1; k < n; ++k)
          if (restarts_numbering(leaves[run[k]]->key())) restarts.push_back(k);
        if (restarts.size() == m - 1) {
          cuts.push_back(0);
          cuts.insert(cuts.end(), restarts.begin(), restarts.end());
          cuts.push_back(n);
        } else if (n <= kMaxRun) {
          cuts = best_cuts(n, m, [&](std::size_t i, std::size_t a, std::size_t c) {
            float top = 1e30f, bottom = -1e30f;
            for (std::size_t k = a; k < c; ++k) {
              const Block* lf = leaves[run[k]];
              if (lf->page != pr[i]->page) continue;
              top = std::min(top, lf->top);
              bottom = std::max(bottom, lf->bottom);
            }
            return top > bottom ? 1e6 : std::fabs((top + bottom) / 2 - pr[i]->cy());
          });
        } else {
          continue;
        }
      }
      for (std::size_t i = 0; i < m; ++i) {
        TCell c;
        c.row = static_cast<int>(run[cuts[i]]);
        c.col = static_cast<int>(li);
        c.rows = static_cast<int>(cuts[i + 1] - cuts[i]);
        c.words = pr[i]->words();
        label_cells.push_back(std::move(c));
      }
    }
  }
  for (std::size_t k = 0; k < leaves.size(); ++k) {
    TCell c;
    c.row = static_cast<int>(k);
    c.col = nested[k];
    c.cols = L - nested[k];
    c.words = leaves[k]->words();
    label_cells.push_back(std::move(c));
  }

  // ---- the header: column headers, the group headers above them, the label zone's header
  std::vector<std::vector<Fragment>> hdr_frags;
  for (auto li = hdr_lo; li <= hdr_hi && li < d.lines.size(); ++li) {
    auto f = gap_fragments(d, li);
    if (!f.empty()) hdr_frags.push_back(std::move(f));
  }
  auto hdr_blocks = build_blocks(hdr_frags, pitches);
  std::vector<bool> known(d.words.size(), false);
  for (auto& c : h.cols)
    for (auto w : c.words) known[w] = true;
  for (auto w : h.label_words) known[w] = true;
  struct Group {
    const Block* b;
    int s0, s1;
  };
  std::vector<Group> groups;
  std::vector<const Block*> label_hdr;
  for (auto& b : hdr_blocks) {
    auto ws = b.words();
    if (std::any_of(ws.begin(), ws.end(), [&](auto w) { return known[w]; })) continue;
    if ((b.x0 + b.x1) / 2 < h.label_right) { label_hdr.push_back(&b); continue; }
    std::string k = bare(b.key());
    int s0 = -1, s1 = -1;
    auto span_keys = [&](int k0, int k1) {
      for (std::size_t i = 0; i < ncol; ++i)
        if (h.cols[i].key >= k0 && h.cols[i].key <= k1) {
          if (s0 < 0) s0 = static_cast<int>(i);
          s1 = static_cast<int>(i);
        }
    };
    for (const templates::ColumnGroup& over : templates::table(h.kind).column_groups)
      if (k == over.label) span_keys(over.first, over.last);
    if (s0 < 0)
      for (std::size_t i = 0; i < ncol; ++i)
        if (overlaps(h.cols[i].left, h.cols[i].right, b.x0, b.x1)) {
          if (s0 < 0) s0 = static_cast<int>(i);
          s1 = static_cast<int>(i);
        }
    if (s0 >= 0) groups.push_back({&b, s0, s1});
  }
  // a header cut by a page break has its lower rows on the next page: above is (page, top)
  auto level = [&](int s0, int s1, std::uint32_t page, float top) {
    int n = 0;
    for (auto& gr : groups)
      if (gr.s0 <= s0 && s1 <= gr.s1 && !(gr.s0 == s0 && gr.s1 == s1) && before(gr.b->page, gr.b->top, page, top)) ++n;
    return n;
  };
  int H = 1;
  std::vector<int> col_level(ncol), group_level(groups.size());
  for (std::size_t i = 0; i < ncol; ++i)
    H = std::max(H, 1 + (col_level[i] = level(int(i), int(i), h.cols[i].page, h.cols[i].top)));
  for (std::size_t i = 0; i < groups.size(); ++i)
    H = std::max(H, 1 + (group_level[i] = level(groups[i].s0, groups[i].s1, groups[i].b->page, groups[i].b->top)));
  if (L == 0 && (!label_hdr.empty() || !h.label_words.empty())) L = 1;
  g.label_cols = L;
  g.cols = L + static_cast<int>(ncol);
  g.edges.push_back(h.label_right);
  for (auto& c : h.cols) g.edges.push_back(c.right);
  if (std::any_of(h.cols.begin(), h.cols.end(), [](const Column& c) { return c.off_page; })) {
    g.off_page.assign(static_cast<std::size_t>(g.cols), false);
    for (std::size_t i = 0; i < ncol; ++i) g.off_page[static_cast<std::size_t>(L) + i] = h.cols[i].off_page;
  }

  // header rows stand where the header starts
  std::uint32_t hdr_page = d.lines[hdr_lo].page;
  for (int r = 0; r < H; ++r) g.rows.push_back({hdr_page, d.lines[hdr_lo].cy + 0.001f * static_cast<float>(r)});
  for (std::size_t i = 0; i < groups.size(); ++i) {
    TCell c;
    c.row = group_level[i];
    c.col = L + groups[i].s0;
    c.cols = groups[i].s1 - groups[i].s0 + 1;
    c.words = groups[i].b->words();
    g.cells.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < ncol; ++i) {
    TCell c;
    c.row = col_level[i];
    c.col = L + static_cast<int>(i);
    c.rows = H - col_level[i];
    c.words = h.cols[i].words;
    g.cells.push_back(std::move(c));
  }
  if (L > 0 && (!label_hdr.empty() || !h.label_words.empty())) {
    TCell c;
    c.rows = H;
    c.cols = L;
    c.words = h.label_words;
    std::vector<const Block*> lh = label_hdr;
    std::stable_sort(lh.begin(), lh.end(), [](auto* a, auto* b) { return a->top < b->top; });
    for (auto* b : lh) {
      auto ws = b->words();
      c.words.insert(c.words.end(), ws.begin(), ws.end());
    }
    g.cells.push_back(std::move(c));
  }

  // ---- body rows and their cells
  for (auto& r : rows) g.rows.push_back({r.page, r.top});
  for (auto& c : label_cells) {
    c.row += H;
    g.cells.push_back(std::move(c));
  }
  // a value's row: the band between its neighbours' middles, on its page
  std::map<std::uint32_t, std::vector<std::size_t>> by_page;
  for (std::size_t i = 0; i < rows.size(); ++i) by_page[rows[i].page].push_back(i);
  for (auto& [p, idx] : by_page)
    std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) { return rows[a].top < rows[b].top; });
  auto row_of = [&](const Word& w) -> long {
    auto it = by_page.find(w.page);
    if (it == by_page.end()) return -1;
    const auto& idx = it->second;
    for (std::size_t k = 0; k < idx.size(); ++k) {
      float lo = k == 0 ? -1e30f : (rows[idx[k - 1]].bottom + rows[idx[k]].top) / 2;
      float hi = k + 1 == idx.size() ? 1e30f : (rows[idx[k]].bottom + rows[idx[k + 1]].top) / 2;
      if (w.cy >= lo && w.cy < hi) return static_cast<long>(idx[k]);
    }
    return -1;
  };
  auto col_of = [&](float x0, float x1, float em) -> long {
    float cx = (x0 + x1) / 2;
    for (std::size_t i = 0; i < ncol; ++i)
      if (cx >= h.cols[i].left && cx < h.cols[i].right) return static_cast<long>(i);
    if (cx >= h.cols.back().right && cx < h.cols.back().right + 2 * em) return static_cast<long>(ncol - 1);
    return -1;
  };
  std::map<long, std::vector<std::uint32_t>> by_row;
  for (auto v : values)
    if (long r = row_of(d.words[v]); r >= 0) by_row[r].push_back(v);
  std::map<std::pair<long, long>, std::vector<std::uint32_t>> cellw;
  for (auto& [r, ws] : by_row) {
    // a cell's words stand close together on one line ("590000元", "－5"); two numbers never do
    std::sort(ws.begin(), ws.end(), [&](auto a, auto b) { return d.words[a].x0 < d.words[b].x0; });
    std::vector<std::vector<std::uint32_t>> grp;
    for (auto v : ws) {
      const Word& w = d.words[v];
      if (!grp.empty()) {
        const Word& p = d.words[grp.back().back()];
        if (w.x0 - p.x1 < 0.25f * std::max(w.em, p.em) && std::fabs(w.cy - p.cy) < 0.6f * w.em &&
            !(is_number(w.key) && is_number(p.key))) {
          grp.back().push_back(v);
          continue;
        }
      }
      grp.push_back({v});
    }
    merge_wrapped(d, grp);
    std::vector<long> col(grp.size());
    std::vector<long> seen;
    for (std::size_t i = 0; i < grp.size(); ++i) {
      col[i] = col_of(d.words[grp[i].front()].x0, d.words[grp[i].back()].x1, d.words[grp[i].front()].em);
      if (col[i] >= 0 && std::find(seen.begin(), seen.end(), col[i]) == seen.end()) seen.push_back(col[i]);
    }
    if (seen.size() < grp.size() && grp.size() == ncol)
      for (std::size_t i = 0; i < grp.size(); ++i) col[i] = static_cast<long>(i);
    for (std::size_t i = 0; i < grp.size(); ++i)
      if (col[i] >= 0) {
        auto& cw = cellw[{r, col[i]}];
        cw.insert(cw.end(), grp[i].begin(), grp[i].end());
      }
  }
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < ncol; ++c) {
      TCell cell;
      cell.row = H + static_cast<int>(r);
      cell.col = L + static_cast<int>(c);
      cell.value = true;
      if (auto it = cellw.find({static_cast<long>(r), static_cast<long>(c)}); it != cellw.end()) cell.words = it->second;
      cell.wrapped = wrapped_digits(d, cell.words);
      cell.box = Box{static_cast<int>(rows[r].page), h.cols[c].left, rows[r].top, h.cols[c].right, rows[r].bottom};
      g.cells.push_back(std::move(cell));
    }
  (void)labelled;
  // reading order inside every cell, and boxes of the cells with words
  for (auto& c : g.cells) {
    std::stable_sort(c.words.begin(), c.words.end(), [&](auto a, auto b) {
      return d.words[a].line != d.words[b].line ? d.words[a].line < d.words[b].line : d.words[a].x0 < d.words[b].x0;
    });
    if (c.words.empty()) continue;
    const Word& f = d.words[c.words.front()];
    Box b{static_cast<int>(f.page), 1e30f, 1e30f, -1e30f, -1e30f};
    for (auto w : c.words) {
      const Word& x = d.words[w];
      if (x.page != f.page) continue;
      b.x0 = std::min(b.x0, x.x0);
      b.y0 = std::min(b.y0, x.top);
      b.x1 = std::max(b.x1, x.x1);
      b.y1 = std::max(b.y1, x.bottom);
    }
    if (!c.value) c.box = b;
    else if (c.box.page < 0) c.box = b;
  }
  return g;
}

TGrid merge_blocks(const Doc& d, const std::vector<TGrid>& blocks, const std::vector<std::vector<std::uint32_t>>& titles) {
  // the columns of all blocks: every edge, near ones taken as one
  std::vector<float> edges;
  int L = 0;
  for (auto& b : blocks) {
    edges.insert(edges.end(), b.edges.begin(), b.edges.end());
    L = std::max(L, b.label_cols);
  }
  std::sort(edges.begin(), edges.end());
  std::vector<float> merged;
  for (float e : edges)
    if (merged.empty() || e - merged.back() > 1.5f) merged.push_back(e);
  auto index = [&](float e) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < merged.size(); ++i)
      if (std::fabs(merged[i] - e) < std::fabs(merged[best] - e)) best = i;
    return static_cast<int>(best);
  };
  TGrid g;
  g.table = Kind::active_disclosure;
  g.label_cols = L;
  g.cols = L + std::max(0, static_cast<int>(merged.size()) - 1);
  g.edges = merged;
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const TGrid& b = blocks[bi];
    for (auto li : titles[bi]) {  // a title row: one cell across the table
      TCell c;
      c.row = static_cast<int>(g.rows.size());
      c.cols = g.cols;
      for (auto w : d.lines[li].words)
        if (!d.words[w].furniture) c.words.push_back(w);
      g.rows.push_back({d.lines[li].page, d.lines[li].cy});
      g.cells.push_back(std::move(c));
    }
    int base = static_cast<int>(g.rows.size());
    // block column c starts at global column map_col[c]; map_col[b.cols] is its right end
    std::vector<int> map_col(static_cast<std::size_t>(b.cols) + 1);
    for (int c = 0; c < b.label_cols; ++c) map_col[static_cast<std::size_t>(c)] = c;
    for (int c = 0; c <= b.cols - b.label_cols; ++c)
      map_col[static_cast<std::size_t>(b.label_cols + c)] = L + index(b.edges[static_cast<std::size_t>(c)]);
    for (const TCell& c : b.cells) {
      TCell n = c;
      n.row += base;
      int from = map_col[static_cast<std::size_t>(c.col)];
      int to = map_col[static_cast<std::size_t>(std::min(c.col + c.cols, b.cols))];
      n.col = from;
      n.cols = std::max(1, to - from);
      g.cells.push_back(std::move(n));
    }
    g.rows.insert(g.rows.end(), b.rows.begin(), b.rows.end());
  }
  return g;
}

}  // namespace ogi::sources::layout

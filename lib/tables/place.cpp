// SPDX-License-Identifier: Apache-2.0
// The placement step (place.hpp): a search over the rows' placement options with the identities
// as constraints, memoized on what the identities still need, then cell-by-cell agreement.
#include "tables/place.hpp"

#include <algorithm>
#include <span>

#include "tables/exact.hpp"
#include "tables/kept.hpp"
#include "tables/sums.hpp"

namespace ogi::tables {
namespace {


// Past either budget nothing is decided by the search: states visited, and the work of the
// readings of a row tried from them — each costs as much as the identities it updates (a row
// with many classes makes each state cost as much as its classes, a table with many open
// identities each reading). The real and practice reports need at most 15,000 readings over
// some 15 identities.
constexpr long kBudget = 100000;
constexpr long kTransitionBudget = 5000000;  // readings tried × identities searched

/// The states seen at one position of the search and whether a reading passed from each: the
/// keys (a state and its broken count, `width` words each) in one array, found by open
/// addressing — a node and a vector per state cost more than the search's own steps. Cleared
/// in O(1) (a slot counts only with the current generation) and kept from search to search on
/// a thread (kept.hpp).
class StateMemo {
 public:
  void reset(std::size_t width) {
    width_ = width;
    keys_.clear();
    hashes_.clear();
    answers_.clear();
    if (++generation_ == 0) {  // (wrapped: slots of generation 0 would count)
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }
  /// The answer kept for `key` (width words), or -1.
  int find(const Wide* key, std::size_t hash) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].generation == generation_; i = (i + 1) & mask) {
      const std::size_t e = slots_[i].entry;
      if (hashes_[e] == hash && std::equal(key, key + width_, keys_.begin() + static_cast<std::ptrdiff_t>(e * width_)))
        return answers_[e];
    }
    return -1;
  }
  /// Keeps `answer` for `key`, which find() did not know.
  void add(const Wide* key, std::size_t hash, bool answer) {
    if (2 * (hashes_.size() + 1) > slots_.size()) grow();
    keys_.insert(keys_.end(), key, key + width_);
    hashes_.push_back(hash);
    answers_.push_back(answer);
    place(hashes_.size() - 1);
  }
  static std::size_t hash(const Wide* key, std::size_t width) {
    std::size_t h = 1469598103934665603ull;
    for (std::size_t k = 0; k < width; ++k) {
      __extension__ typedef unsigned __int128 UWide;
      auto u = static_cast<UWide>(key[k]);
      h = (h ^ static_cast<std::size_t>(u)) * 1099511628211ull;
      h = (h ^ static_cast<std::size_t>(u >> 64)) * 1099511628211ull;
    }
    return h ^ (h >> 29);
  }
  std::size_t bytes() const {
    return keys_.capacity() * sizeof(Wide) + hashes_.capacity() * sizeof(std::size_t) + answers_.capacity() +
           slots_.capacity() * sizeof(Slot);
  }

 private:
  struct Slot {
    std::uint32_t generation = 0, entry = 0;
  };
  void place(std::size_t e) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hashes_[e] & mask;
    while (slots_[i].generation == generation_) i = (i + 1) & mask;
    slots_[i] = {generation_, static_cast<std::uint32_t>(e)};
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(64, 2 * slots_.size()), Slot{});
    generation_ = 1;
    for (std::size_t e = 0; e < hashes_.size(); ++e) place(e);
  }
  std::size_t width_ = 0;
  std::vector<Wide> keys_;           // width_ words an entry
  std::vector<std::size_t> hashes_;  // per entry
  std::vector<char> answers_;        // per entry
  std::vector<Slot> slots_;          // a power of two, at most half full of the current generation
  std::uint32_t generation_ = 1;
};

class Search {
 public:
  Search(const Candidate& cand, const Layout& layout, const std::vector<RowOptions>& options,
         const std::vector<bool>& total_may_be_unprinted)
      : cand_(cand), layout_(layout), options_(options), exact_(cand, /*tabled=*/true), total_may_be_unprinted_(total_may_be_unprinted),
        memo_(KeptOnThread<std::vector<StateMemo>>::take()) {}
  ~Search() {
    std::size_t bytes = 0;
    for (const StateMemo& m : memo_) bytes += m.bytes();
    KeptOnThread<std::vector<StateMemo>>::give(std::move(memo_), bytes);
  }
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;

  Placement_result run() {
    const std::size_t R = layout_.rows.size();
    Placement_result out;
    out.cells = PerCell<PlacedCell>(layout_, PlacedCell{});
    out.ambiguous = PerCell<bool>(layout_, false);
    out.by_identities.assign(R, false);
    totals_unmet_.assign(R, false);
    // A row with no value after its label is blank only where the identities confirm it: every
    // identity it is in must be fully read (else it is left out, and so on until nothing changes)
    // and hold (checked after the search).
    out.unconfirmed.assign(R, false);
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t r = 0; r < R; ++r) {
        if (options_[r].evidence != Evidence::all_blank || out.unconfirmed[r]) continue;
        bool in_any = false, open = false;
        for (const LinearIdentity& id : layout_.identities) {
          bool mine = std::any_of(id.terms.begin(), id.terms.end(), [&](const Term& t) { return static_cast<std::size_t>(t.row) == r; });
          if (!mine) continue;
          in_any = true;
          for (const Term& t : id.terms) {
            auto q = static_cast<std::size_t>(t.row);
            open |= options_[q].placements.empty() || out.unconfirmed[q];
          }
        }
        if (!in_any || open) {
          out.unconfirmed[r] = true;
          changed = true;
        }
      }
    }
    unconfirmed_ = &out.unconfirmed;
    // Identities the search can use: every term in a row that has options.
    // (A cell of unknown value — a number too long to read — makes its identities unusable.)
    // A row with more values than cells is read by agreement over every way to leave the extra
    // values out, never by the identities: choosing the one that makes them hold would repair
    // the document's numbers.
    // (Whether a row's terms can be used is asked once a row, not once a term: only its total
    // cell, where the document leaves it blank, differs from its other cells.)
    std::vector<char> row_usable(R);
    for (std::size_t r = 0; r < R; ++r)
      row_usable[r] = !options_[r].placements.empty() && options_[r].evidence != Evidence::extra && !out.unconfirmed[r];
    find_unprinted_totals();
    out.total_unprinted = total_unprinted_;
    // (such a number is rare: the rows' placements are walked for one only where there is one;
    // so is a total left blank)
    const bool any_unreadable = std::any_of(cand_.tokens.begin(), cand_.tokens.end(), [](const Token& t) { return t.unreadable; });
    const bool any_unprinted = std::find(total_unprinted_.begin(), total_unprinted_.end(), true) != total_unprinted_.end();
    auto unknown = [&](const Term& t) {
      if (any_unprinted && unprinted(t)) return true;
      if (!any_unreadable) return false;
      for (const Placement& p : options_[static_cast<std::size_t>(t.row)].placements) {
        std::int32_t k = p[static_cast<std::size_t>(t.cell)];
        if (k >= 0 && cand_.tokens[static_cast<std::size_t>(k)].unreadable) return true;
      }
      return false;
    };
    std::vector<const LinearIdentity*> usable;
    for (const LinearIdentity& id : layout_.identities)
      if (std::all_of(id.terms.begin(), id.terms.end(), [&](const Term& t) {
            return row_usable[static_cast<std::size_t>(t.row)] && !unknown(t);
          }))
        usable.push_back(&id);
    // Classes of each row's options: same contributions to every usable identity.
    classes_.assign(R, {});
    const TermsByRow by_row = terms_by_row(usable);
    {  // build_classes' buffers, for every row at once
      std::size_t placements = 0, most = 0;
      for (const RowOptions& o : options_) placements += o.placements.size(), most = std::max(most, o.placements.size());
      class_options_.reserve(placements);
      keyed_.reserve(most);
      class_of_.reserve(most);
      class_first_and_count_.reserve(most);
      class_keys_.reserve(most * (usable.size() + 1));
    }
    for (std::size_t r = 0; r < R; ++r) build_classes(r, by_row);
    out.totals_unmet = totals_unmet_;
    // Variable rows: more than one class. Identities touching none of them are constants (the
    // document's own; the checks stage reports them).
    for (std::size_t r = 0; r < R; ++r)
      if (classes_[r].size() > 1 && options_[r].evidence != Evidence::extra) variable_.push_back(r);
    // Search the rows that share the most identities with the others first (table 3's 总计 row,
    // then 新收, 上年结转, 结转下年度): the identities across the table close early and the
    // states left open are few.
    {
      auto touches = [&](std::size_t r) {
        int n = 0;
        for (const LinearIdentity* id : usable)
          if (!id->one_row && std::any_of(id->terms.begin(), id->terms.end(), [&](const Term& t) { return static_cast<std::size_t>(t.row) == r; }))
            ++n;
        return n;
      };
      std::stable_sort(variable_.begin(), variable_.end(), [&](std::size_t a, std::size_t b) { return touches(a) > touches(b); });
    }
    std::vector<int> dim_of(usable.size(), -1);
    std::vector<std::size_t> last_row(usable.size(), 0);
    for (std::size_t i = 0; i < usable.size(); ++i) {
      bool touches = false;
      for (const Term& t : usable[i]->terms)
        for (std::size_t v = 0; v < variable_.size(); ++v)
          if (variable_[v] == static_cast<std::size_t>(t.row)) {
            touches = true;
            last_row[i] = std::max(last_row[i], v);
          }
      if (touches) {
        dim_of[i] = static_cast<int>(dims_.size());
        dims_.push_back(usable[i]);
        dim_last_.push_back(last_row[i]);
      }
    }
    // Per search position, the dimensions its row is a term of: the only ones a step there
    // changes (a row is in a few of the table's identities: its own total, its cells' columns).
    std::vector<std::vector<std::size_t>> touched(variable_.size());
    touched_mask_.assign(variable_.size() * dims_.size(), 0);
    std::vector<std::size_t> first_touch(dims_.size(), variable_.size());
    for (std::size_t d = 0; d < dims_.size(); ++d)
      for (std::size_t v = 0; v < variable_.size(); ++v)
        if (std::any_of(dims_[d]->terms.begin(), dims_[d]->terms.end(), [&](const Term& t) { return static_cast<std::size_t>(t.row) == variable_[v]; })) {
          touched[v].push_back(d);
          touched_mask_[v * dims_.size() + d] = 1;
          first_touch[d] = std::min(first_touch[d], v);
        }
    closing_.assign(variable_.size(), {});
    staying_.assign(variable_.size(), {});
    for (std::size_t v = 0; v < variable_.size(); ++v)
      for (std::size_t d : touched[v]) (dim_last_[d] == v ? closing_ : staying_)[v].push_back(d);
    // Per search position, the dimensions a state there may differ in: touched by a row before
    // it and not yet complete. The others are the start's (no row has touched them) or 0
    // (complete), alike in every state there: the memo's key leaves them out.
    open_at_.assign(variable_.size() + 1, {});
    for (std::size_t i = 0; i <= variable_.size(); ++i)
      for (std::size_t d = 0; d < dims_.size(); ++d)
        if (first_touch[d] < i && dim_last_[d] >= i) open_at_[i].push_back(d);
    // Each class's contribution per dimension, all in one array.
    {
      std::size_t n = 0;
      for (const auto& cs : classes_) n += cs.size();
      contributions_.assign(n * dims_.size(), 0);
    }
    Wide* next_contribution = contributions_.data();
    for (std::size_t r = 0; r < R; ++r)
      for (Class& c : classes_[r]) {
        Wide* mine = next_contribution;
        next_contribution += dims_.size();
        const Placement& p = options_[r].placements[class_options_[c.options_from]];
        for (std::size_t d = 0; d < dims_.size(); ++d)
          for (const Term& t : dims_[d]->terms)
            if (static_cast<std::size_t>(t.row) == r) mine[d] += t.sign * exact_(p[static_cast<std::size_t>(t.cell)]);
        c.contribution = mine;
      }
    bound_rest();
    // The fixed rows' contributions start the state.
    std::vector<Wide> start(dims_.size(), 0);
    for (std::size_t r = 0; r < R; ++r)
      if (classes_[r].size() == 1)
        for (std::size_t d = 0; d < dims_.size(); ++d) start[d] += classes_[r][0].contribution[d];

    bool found = false;
    if (!variable_.empty()) {
      // The fewest identities any reading breaks: one, or — where every row keeps its own total,
      // so that no value went missing — two (a document that breaks one column's balance breaks
      // the total column's with it).
      bool rows_keep_totals = true;
      for (const auto& cs : classes_)
        for (const Class& c : cs) rows_keep_totals &= c.local_broken == 0;
      const int most = rows_keep_totals ? kMostSetAside : 1;
      for (int allowed = 0; allowed <= most && !found && !exhausted_; ++allowed) {
        allowed_ = allowed;
        reset_memo();
        scratch_.assign(variable_.size() + 1, std::vector<Wide>(dims_.size()));
        keys_.assign(variable_.size() + 1, {});
        for (auto& cs : classes_)
          for (Class& c : cs) c.feasible = false;
        found = feasible(0, 0, start);
        if (allowed == 0 && exhausted_) found = search_narrowed(start);
        out.identities_set_aside = found ? allowed : 0;
      }
    }
    out.budget_exhausted = exhausted_;
    out.past_budget_narrowed = past_budget_;
    out.readings = steps_;
    searched_clean_ = found && !exhausted_ && out.identities_set_aside == 0;
    usable_ = std::move(usable);
    // Agreement, row by row.
    std::vector<std::size_t> kept;  // a row's placements the search kept (one buffer for every row)
    for (std::size_t r = 0; r < R; ++r) {
      const RowOptions& o = options_[r];
      if (o.placements.empty() || out.unconfirmed[r]) continue;
      if (totals_unmet_[r]) continue;
      bool variable = classes_[r].size() > 1 && o.evidence != Evidence::extra;
      if (variable && (!found || exhausted_)) continue;
      kept.clear();
      for (const Class& c : classes_[r])
        if (!variable || c.feasible)
          kept.insert(kept.end(), class_options_.begin() + c.options_from, class_options_.begin() + c.options_to);
      if (kept.empty()) continue;
      out.by_identities[r] = variable || o.placements.size() > 1;
      agree(r, kept, out);
    }
    confirm_blank_rows(out);
    return out;
  }

 private:
  struct Class {
    // per search dimension, in contributions_ (a class is copied whole at every step of the
    // row-by-row walk: a pointer, not a vector of its own)
    const Wide* contribution = nullptr;
    std::uint32_t options_from = 0, options_to = 0;  // the row's placements in this class: class_options_[from, to)
    int local_broken = 0;
    bool feasible = false;
  };

  const Candidate& cand_;
  const Layout& layout_;
  const std::vector<RowOptions>& options_;
  ExactValues exact_;  // a cell's value as the identities count it (blank = 0)
  const std::vector<bool>& total_may_be_unprinted_;  // per printed row (place.hpp), or empty
  std::vector<std::vector<Class>> classes_;
  std::vector<std::size_t> class_options_;  // every class's placements (Class::options_from, never changed)
  // build_classes' scratch, kept from row to row
  std::vector<Wide> class_keys_;
  std::vector<std::uint32_t> keyed_, class_of_, class_slots_, keyed_fill_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> class_first_and_count_;
  std::vector<std::size_t> variable_;
  std::vector<const LinearIdentity*> dims_;
  std::vector<std::size_t> dim_last_;
  std::vector<char> touched_mask_;  // per search position × dimension: its row is a term of it
  // per search position, the dimensions its row is a term of: complete there, or open after it
  std::vector<std::vector<std::size_t>> closing_, staying_;
  std::vector<std::vector<Wide>> rest_min_, rest_max_;  // per search position: what the rows after can add
  std::vector<StateMemo> memo_;  // per search position
  std::vector<std::vector<std::size_t>> open_at_;  // per search position: the dimensions its memo keys hold
  void reset_memo() {
    if (memo_.size() < open_at_.size()) memo_.resize(open_at_.size());
    for (std::size_t i = 0; i < open_at_.size(); ++i) memo_[i].reset(open_at_[i].size() + 1);
  }
  std::vector<std::vector<Wide>> scratch_;  // per search position: the state after a row's reading
  std::vector<std::vector<Wide>> keys_;     // per search position: the memo key looked up there
  std::vector<Wide> contributions_;         // every class's contributions, dims_.size() a class
  int allowed_ = 0;
  const std::vector<bool>* unconfirmed_ = nullptr;
  std::vector<bool> totals_unmet_;  // per row: read several ways, none keeping its own total
  std::vector<bool> total_unprinted_;  // per row: its total cell left blank by the document (find_unprinted_totals)
  std::vector<const LinearIdentity*> usable_;  // the identities the search held every reading to
  bool searched_clean_ = false;                // readings passed with every usable identity holding
  long steps_ = 0, transitions_ = 0;
  bool exhausted_ = false;
  bool first_only_ = false;  // feasible() stops at the first reading that passes
  bool past_budget_ = false; // the readings were bounded by each identity alone (search_narrowed)
  std::vector<SumSet> fwd_, need_;  // narrow_by_each_identity's sums, kept for their storage
  static constexpr long kNarrowWork = 100'000'000;
  long narrow_cap_ = kNarrowWork;   // narrowing stops past this much work (enumerate_by_narrowing raises it)
  std::vector<char> on_reading_;    // per class (by options_from): on a reading enumerate_by_narrowing found
  long nodes_ = 0;
  long narrow_work_ = 0;            // words of those sums written, about: what narrowing and probing may spend
  std::vector<std::vector<std::size_t>> varies_;  // per variable row: the dimensions its classes differ in

  bool holds_number(std::int32_t t) const {
    return t >= 0 && cand_.tokens[static_cast<std::size_t>(t)].kind == TokenKind::number;
  }
  bool unprinted(const Term& t) const {
    const auto r = static_cast<std::size_t>(t.row);
    return total_unprinted_[r] && t.cell == layout_.total_cell[r];
  }

  /// Does row r's total cell `tc` stand, in every identity across rows it is in, among parts
  /// summed into one other cell (the outcome rows' totals into 总计's), that cell printed and its
  /// row able to keep its own total? A row whose total balances others (新收 + 结转 = …) is the
  /// table's frame, not an outcome row: its total is never taken as unprinted.
  bool summed_into_printed_total(std::size_t r, int tc) const {
    bool any = false;
    for (const LinearIdentity& id : layout_.identities) {
      if (id.one_row) continue;
      int sign = 0;
      for (const Term& t : id.terms)
        if (static_cast<std::size_t>(t.row) == r && t.cell == tc) sign = t.sign;
      if (sign == 0) continue;
      std::size_t mine = 0;
      const Term* sum = nullptr;
      for (const Term& t : id.terms) {
        if (t.sign == sign) ++mine;
        else if (sum) return false;  // more than one cell on the other side
        else sum = &t;
      }
      if (!sum || mine < 2) return false;
      const auto q = static_cast<std::size_t>(sum->row);
      const bool printed = std::any_of(options_[q].placements.begin(), options_[q].placements.end(), [&](const Placement& p) {
        return holds_number(p[static_cast<std::size_t>(sum->cell)]) && own_identities_hold(layout_, q, p, exact_).value_or(false);
      });
      if (!printed) return false;
      any = true;
    }
    return any;
  }

  /// Rows whose total the document leaves blank: no reading keeps the row's total, and one
  /// leaves the total cell without a number (a report that prints table 3's outcome rows
  /// without totals: `（一）予以公开 258 12 1 1`). Trusted as the document's way only where
  /// kLeastUnprintedRows rows show it; those rows are read with their total cell blank, and the
  /// identities over it are the document's findings, not the search's constraints.
  void find_unprinted_totals() {
    constexpr int kLeastUnprintedRows = 3;
    const std::size_t R = layout_.rows.size();
    total_unprinted_.assign(R, false);
    if (layout_.single_row || total_may_be_unprinted_.size() != R) return;
    int rows = 0;
    for (std::size_t r = 0; r < R; ++r) {
      const RowOptions& o = options_[r];
      const int tc = layout_.total_cell[r];
      if (tc < 0 || o.placements.empty() || o.evidence == Evidence::extra || !total_may_be_unprinted_[r]) continue;
      const auto total = static_cast<std::size_t>(tc);
      if (std::all_of(o.placements.begin(), o.placements.end(), [&](const Placement& p) { return holds_number(p[total]); })) continue;
      const bool keeps = std::any_of(o.placements.begin(), o.placements.end(), [&](const Placement& p) {
        return own_identities_hold(layout_, r, p, exact_).value_or(false);
      });
      if (!keeps && summed_into_printed_total(r, tc)) {
        total_unprinted_[r] = true;
        ++rows;
      }
    }
    if (rows < kLeastUnprintedRows) total_unprinted_.assign(R, false);
    // The document's way, not values out of place: beside a row read without its total, no row
    // whose total is summed with its (the other outcome rows) can keep a printed total.
    for (const LinearIdentity& id : layout_.identities) {
      if (id.one_row) continue;
      int sign = 0;
      for (const Term& t : id.terms)
        if (unprinted(t)) sign = t.sign;
      if (sign == 0) continue;
      for (const Term& t : id.terms) {
        const auto r = static_cast<std::size_t>(t.row);
        if (t.sign != sign || total_unprinted_[r] || t.cell != layout_.total_cell[r]) continue;
        for (const Placement& p : options_[r].placements)
          if (holds_number(p[static_cast<std::size_t>(t.cell)]) && own_identities_hold(layout_, r, p, exact_).value_or(false)) {
            total_unprinted_.assign(R, false);
            return;
          }
      }
    }
  }

  /// A row read as blank because nothing followed its label stays only where every identity it
  /// is in holds: read in full, or — where readings differ on some of its cells — in every
  /// reading the search kept.
  /// Until nothing changes: a row left out makes the identities it is in open for the rows
  /// confirmed before it.
  void confirm_blank_rows(Placement_result& out) {
    while (confirm_pass(out)) {
    }
  }

  /// One pass of confirm_blank_rows; whether it left a row out.
  bool confirm_pass(Placement_result& out) {
    bool changed = false;
    for (std::size_t r = 0; r < layout_.rows.size(); ++r) {
      if (options_[r].evidence != Evidence::all_blank || out.unconfirmed[r]) continue;
      bool ok = true;
      for (const LinearIdentity& id : layout_.identities) {
        if (std::none_of(id.terms.begin(), id.terms.end(), [&](const Term& t) { return static_cast<std::size_t>(t.row) == r; }))
          continue;
        if (std::any_of(id.terms.begin(), id.terms.end(), [&](const Term& t) { return unprinted(t); })) continue;
        const bool searched = searched_clean_ && std::find(usable_.begin(), usable_.end(), &id) != usable_.end();
        Wide sum = 0;
        bool whole = true;
        for (const Term& t : id.terms) {
          const PlacedCell& c = out.cells[static_cast<std::size_t>(t.row)][static_cast<std::size_t>(t.cell)];
          if (c.kind == PlacedCell::absent) {
            whole = false;
            if (!searched) ok = false;
            break;
          }
          if (c.kind == PlacedCell::printed) sum += t.sign * exact_(c.token);
        }
        if (!ok || (whole && sum != 0)) { ok = false; break; }
      }
      if (!ok) {
        out.unconfirmed[r] = true;
        for (PlacedCell& c : out.cells[r]) c = PlacedCell{};
        changed = true;
      }
    }
    return changed;
  }

  /// Per row, the terms it has in each usable identity (in the identities' order), one group an
  /// identity: what a placement of the row contributes, found without walking every identity.
  /// Rows' groups and terms each in one array (row r's groups [group_at[r], group_at[r + 1])).
  struct TermsByRow {
    struct Group { std::uint32_t begin, end; bool one_row; };  // terms [begin, end)
    std::vector<Term> terms;
    std::vector<Group> groups;
    std::vector<std::uint32_t> group_at;
  };
  TermsByRow terms_by_row(const std::vector<const LinearIdentity*>& usable) const {
    const std::size_t R = layout_.rows.size();
    TermsByRow out;
    // counted first, then placed: four allocations, not a vector per row
    std::vector<std::uint32_t> term_at(R + 1, 0), group_at(R + 1, 0);
    std::vector<std::size_t> last(R, SIZE_MAX);
    for (std::size_t k = 0; k < usable.size(); ++k)
      for (const Term& t : usable[k]->terms) {
        const auto r = static_cast<std::size_t>(t.row);
        ++term_at[r + 1];
        if (last[r] != k) ++group_at[r + 1], last[r] = k;
      }
    for (std::size_t r = 0; r < R; ++r) term_at[r + 1] += term_at[r], group_at[r + 1] += group_at[r];
    out.terms.resize(term_at[R]);
    out.groups.resize(group_at[R]);
    out.group_at = group_at;
    last.assign(R, SIZE_MAX);
    for (std::size_t k = 0; k < usable.size(); ++k)
      for (const Term& t : usable[k]->terms) {
        const auto r = static_cast<std::size_t>(t.row);
        if (last[r] != k) {
          out.groups[group_at[r]++] = {term_at[r], term_at[r], usable[k]->one_row};
          last[r] = k;
        }
        out.terms[term_at[r]++] = t;
        out.groups[group_at[r] - 1].end = term_at[r];
      }
    return out;
  }

  /// Row r's classes from its keyed placements (`keyed`, their keys `width` words each in
  /// `keys`): each placement's class looked up in a table open-addressed by its key's hash, the
  /// classes numbered in the order of their first placements, each keeping its placements in
  /// order (table 4's row has 6,435: sorting them by key cost more than the rest).
  void group_by_key(std::size_t r, const std::vector<std::uint32_t>& keyed, const std::vector<Wide>& keys, std::size_t width) {
    auto key = [&](std::uint32_t i) { return std::span<const Wide>(keys).subspan(i * width, width); };
    std::vector<std::uint32_t>& class_of = class_of_;  // per keyed placement
    class_of.resize(keyed.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>>& first_and_count = class_first_and_count_;  // per class
    first_and_count.clear();
    std::size_t slots = 4;
    while (slots < 2 * keyed.size()) slots *= 2;
    class_slots_.assign(slots, 0);  // class + 1, 0 for none
    for (std::uint32_t i = 0; i < keyed.size(); ++i) {
      const std::span<const Wide> k = key(i);
      std::size_t at = StateMemo::hash(k.data(), width) & (slots - 1);
      while (class_slots_[at] != 0 && !std::ranges::equal(key(first_and_count[class_slots_[at] - 1].first), k))
        at = (at + 1) & (slots - 1);
      if (class_slots_[at] == 0) {
        first_and_count.emplace_back(i, 0);
        class_slots_[at] = static_cast<std::uint32_t>(first_and_count.size());
      }
      class_of[i] = class_slots_[at] - 1;
      ++first_and_count[class_of[i]].second;
    }
    std::uint32_t from = static_cast<std::uint32_t>(class_options_.size());
    class_options_.resize(from + keyed.size());
    for (const auto& [first, count] : first_and_count) {
      Class c;
      c.local_broken = static_cast<int>(key(first).back());
      c.options_from = from;
      c.options_to = from += count;
      classes_[r].push_back(std::move(c));
    }
    std::vector<std::uint32_t>& filled = keyed_fill_;  // per class: its placements put so far
    filled.assign(first_and_count.size(), 0);
    for (std::uint32_t i = 0; i < keyed.size(); ++i)
      class_options_[classes_[r][class_of[i]].options_from + filled[class_of[i]]++] = keyed[i];
  }

  void build_classes(std::size_t r, const TermsByRow& by_row) {
    const RowOptions& o = options_[r];
    // Each placement's key: its contributions to every usable identity, then how many of its
    // row-local ones it breaks. The placements of one key are one class, the classes in the
    // order of their first placements. (Keys in one buffer, grouped by group_by_key: no
    // allocation per class.)
    std::size_t width = 1;
    for (std::uint32_t gi = by_row.group_at[r]; gi < by_row.group_at[r + 1]; ++gi) width += !by_row.groups[gi].one_row;
    std::vector<Wide>& keys = class_keys_;
    std::vector<std::uint32_t>& keyed = keyed_;  // the placements keyed, in order
    keys.clear();
    keyed.clear();
    for (std::size_t k = 0; k < o.placements.size(); ++k) {
      const Placement& p = o.placements[k];
      if (total_unprinted_[r] && holds_number(p[static_cast<std::size_t>(layout_.total_cell[r])])) continue;
      int local_broken = 0;
      for (std::uint32_t gi = by_row.group_at[r]; gi < by_row.group_at[r + 1]; ++gi) {
        const TermsByRow::Group& g = by_row.groups[gi];
        Wide sum = 0;
        for (std::uint32_t i = g.begin; i < g.end; ++i) sum += by_row.terms[i].sign * exact_(p[static_cast<std::size_t>(by_row.terms[i].cell)]);
        if (g.one_row) local_broken += sum != 0;
        else keys.push_back(sum);
      }
      keys.push_back(local_broken);
      keyed.push_back(static_cast<std::uint32_t>(k));
    }
    if (keyed.size() == 1) {  // (most rows: one placement, one class)
      Class c;
      c.local_broken = static_cast<int>(keys.back());
      c.options_from = static_cast<std::uint32_t>(class_options_.size());
      class_options_.push_back(keyed[0]);
      c.options_to = c.options_from + 1;
      classes_[r].push_back(std::move(c));
    } else if (keyed.size() > 1) {
      group_by_key(r, keyed, keys, width);
    }
    // A row that can keep its own total keeps only the classes that do: a row total the
    // document breaks is a finding about a row read with certainty, not a search constraint.
    // A row read several ways of which none keeps its own total rests on nothing: its values
    // are not the row's as printed (another table's, or some lost), and it is left out.
    // So is table 4's one row short of values with a single placement its gaps allowed: its
    // group totals are all that placed it (pdftotext's reading order gave 8 of its values,
    // 675 and 7515 table 3's, set out over the cells by the empty lines between them).
    const bool searched_one = o.evidence == Evidence::open && layout_.single_row;
    if (classes_[r].size() > 1 || (searched_one && !classes_[r].empty())) {
      int least = classes_[r][0].local_broken;
      for (const Class& c : classes_[r]) least = std::min(least, c.local_broken);
      std::erase_if(classes_[r], [&](const Class& c) { return c.local_broken > least; });
      totals_unmet_[r] = least > 0;
    }
    // Likewise a row with more values than cells (out of the search: its classes know no
    // identity): every way of leaving values out breaking its own total says they are not the
    // row's — a reading order ran other rows' values into it (`3、补正后 / 申请内容仍 / 4 / 4 / 1 /
    // 6 / 626 / 626 / 2 / 5`: its 4 and 4, then two other rows').
    if (o.evidence == Evidence::extra && layout_.has_row_identity(r) && !total_unprinted_[r])
      totals_unmet_[r] = std::none_of(o.placements.begin(), o.placements.end(), [&](const Placement& p) {
        return own_identities(layout_, r, p, exact_).broken == 0;
      });
  }

  /// What the rows still to come can add to each dimension, at least and at most: a state
  /// whose open dimension cannot come back to 0 is a dead end.
  void bound_rest() {
    // (class by class, each class's contributions in order; the arrays kept from call to call:
    // the row-by-row walk asks this at every step)
    const std::size_t V = variable_.size(), D = dims_.size();
    if (rest_min_.size() != V + 1 || rest_min_[V].size() != D) {
      rest_min_.assign(V + 1, std::vector<Wide>(D, 0));
      rest_max_.assign(V + 1, std::vector<Wide>(D, 0));
    }
    for (std::size_t v = V; v-- > 0;) {
      std::vector<Wide>& lo = rest_min_[v];
      std::vector<Wide>& hi = rest_max_[v];
      const std::vector<Class>& cs = classes_[variable_[v]];
      if (cs.empty()) {
        lo = rest_min_[v + 1];
        hi = rest_max_[v + 1];
        continue;
      }
      std::copy(cs[0].contribution, cs[0].contribution + D, lo.begin());
      std::copy(cs[0].contribution, cs[0].contribution + D, hi.begin());
      for (std::size_t k = 1; k < cs.size(); ++k)
        for (std::size_t d = 0; d < D; ++d) {
          lo[d] = std::min(lo[d], cs[k].contribution[d]);
          hi[d] = std::max(hi[d], cs[k].contribution[d]);
        }
      for (std::size_t d = 0; d < D; ++d) {
        lo[d] += rest_min_[v + 1][d];
        hi[d] += rest_max_[v + 1][d];
      }
    }
  }

  /// Is there a reading of variable rows [i, …) from `state` with at most allowed_ identities
  /// broken (`broken` so far)? Marks every class on a passing reading.
  bool feasible(std::size_t i, int broken, const std::vector<Wide>& state) {
    if (exhausted_) return false;
    if (i == variable_.size()) return true;  // dimensions were checked as they completed
    std::vector<Wide>& key = keys_[i];  // (copied only when kept)
    key.clear();
    for (std::size_t d : open_at_[i]) key.push_back(state[d]);
    key.push_back(broken);
    StateMemo& memo = memo_[i];
    const std::size_t hash = StateMemo::hash(key.data(), key.size());
    if (int known = memo.find(key.data(), hash); known >= 0) return known != 0;
    if (++steps_ > kBudget) {
      exhausted_ = true;
      return false;
    }
    bool any = false;
    std::size_t r = variable_[i];
    transitions_ += static_cast<long>(classes_[r].size() * std::max<std::size_t>(dims_.size(), 1));
    if (transitions_ > kTransitionBudget) {
      exhausted_ = true;
      return false;
    }
    // A step changes only the dimensions its row is a term of; the others stay as `state` has
    // them, and whether the rest can still bring those back to 0 is the same for every class.
    const std::vector<Wide>& lo = rest_min_[i + 1];
    const std::vector<Wide>& hi = rest_max_[i + 1];
    auto will_break = [&](std::size_t d, Wide x) { return dim_last_[d] > i && (x + lo[d] > 0 || x + hi[d] < 0); };
    const char* mine = touched_mask_.data() + i * dims_.size();
    int doomed = 0;  // open dimensions this row leaves alone that will break
    for (std::size_t d = 0; d < dims_.size(); ++d) doomed += !mine[d] && will_break(d, state[d]);
    std::vector<Wide>& next = scratch_[i];  // one buffer per depth: no allocation per reading tried
    next = state;
    for (std::size_t d : closing_[i]) next[d] = 0;  // complete here: held or broken, then 0
    for (Class& c : classes_[r]) {
      int b = broken;
      for (std::size_t d : closing_[i]) b += state[d] + c.contribution[d] != 0;
      if (b > allowed_) continue;
      // dimensions still open that the rest cannot bring back to 0 will break
      int bound = b + doomed;
      for (std::size_t d : staying_[i]) {
        const Wide x = state[d] + c.contribution[d];
        next[d] = x;
        bound += x + lo[d] > 0 || x + hi[d] < 0;
        if (bound > allowed_) break;
      }
      if (bound > allowed_) continue;
      if (feasible(i + 1, b, next)) {
        c.feasible = true;
        any = true;
        if (first_only_) break;
      }
      if (exhausted_) return false;
    }
    memo.add(key.data(), hash, any);
    return any;
  }

  /// Where the search of readings holding every identity ran out of its budget (columns the
  /// identities treat alike make the states many): the classes narrowed by each identity alone
  /// and by probing each class (probe_each_class), then the search again with a budget of its
  /// own, then the readings walked a row at a time with narrowing after each step
  /// (enumerate_by_narrowing). A class stays where the other rows can still bring each identity
  /// it is in to 0 with it; one that cannot is on no reading holding every identity, so the
  /// narrowed search finds exactly the readings the whole one would have. Where none is found
  /// the classes are restored for the readings that set identities aside.
  bool search_narrowed(const std::vector<Wide>& start) {
    std::vector<std::vector<Class>> whole = classes_;
    bool removed = narrow_by_each_identity(start);
    if (!any_row_empty()) removed |= probe_each_class(start);
    bool found = false;
    if (removed) {  // else the same search would run out again
      exhausted_ = false;
      steps_ = transitions_ = 0;
      reset_memo();
      for (auto& cs : classes_)
        for (Class& c : cs) c.feasible = false;
      found = feasible(0, 0, start);
    }
    if (exhausted_) {
      exhausted_ = false;
      if (!enumerate_by_narrowing(start, found)) exhausted_ = true;
      if (exhausted_ && !removed) return false;
    }
    if (exhausted_) {
      // Still too many states: one reading holding every identity shows the identities hold;
      // then the readings are among the classes left, and a cell all of them agree on is settled.
      exhausted_ = false;
      steps_ = transitions_ = 0;
      reset_memo();
      first_only_ = true;
      found = feasible(0, 0, start);
      first_only_ = false;
      if (found && !exhausted_) {
        for (auto& cs : classes_)
          for (Class& c : cs) c.feasible = true;
        past_budget_ = true;
        return true;
      }
      found = false;
      exhausted_ = true;
    }
    if (!found) {
      const bool ran_out = exhausted_;
      classes_ = std::move(whole);
      bound_rest();
      exhausted_ = ran_out;
    }
    return found;
  }

  /// Where the memoized search ran out even narrowed: the readings walked by fixing one row's
  /// class at a time (the row with the fewest left) and narrowing by each identity after each.
  /// Each identity's sums are exact, so a few rows fixed leave the others one class; a branch
  /// all of whose classes are on readings already found is not walked (it can teach nothing).
  /// Marks every class on a reading holding every identity; `found` whether there is one.
  /// Whether the walk finished within kMostNodes branches and kEnumerateWork words of sums.
  bool enumerate_by_narrowing(const std::vector<Wide>& start, bool& found) {
    constexpr long kMostNodes = 8000;
    constexpr long kEnumerateWork = 150'000'000;
    on_reading_.assign(class_options_.size() + 1, 0);
    nodes_ = 0;
    narrow_cap_ = narrow_work_ + kEnumerateWork;
    found = false;
    const bool done = walk(start, found, kMostNodes);
    narrow_cap_ = kNarrowWork;
    if (!done) return false;
    for (std::size_t r : variable_)
      for (Class& c : classes_[r]) c.feasible = on_reading_[c.options_from] != 0;
    return true;
  }

  bool walk(const std::vector<Wide>& start, bool& found, long most_nodes) {
    if (++nodes_ > most_nodes || narrow_work_ >= narrow_cap_) return false;
    if (any_row_empty()) return true;
    bool news = false;
    std::size_t pick = SIZE_MAX;
    for (std::size_t i = 0; i < variable_.size(); ++i) {
      const auto& cs = classes_[variable_[i]];
      for (const Class& c : cs) news = news || !on_reading_[c.options_from];
      if (cs.size() > 1 && (pick == SIZE_MAX || cs.size() < classes_[variable_[pick]].size())) pick = i;
    }
    if (!news) return true;
    if (pick == SIZE_MAX) {  // one class a row: a reading, where every identity holds
      for (std::size_t d = 0; d < dims_.size(); ++d) {
        Wide sum = start[d];
        for (std::size_t r : variable_) sum += classes_[r][0].contribution[d];
        if (sum != 0) return true;
      }
      for (std::size_t r : variable_) on_reading_[classes_[r][0].options_from] = 1;
      found = true;
      return true;
    }
    const std::size_t r = variable_[pick];
    std::vector<std::vector<Class>> saved = classes_;
    for (std::size_t k = 0; k < saved[r].size(); ++k) {
      if (k > 0) classes_ = saved;
      fix_class(start, saved[r], r, k);
      if (!walk(start, found, most_nodes)) {
        classes_ = std::move(saved);
        bound_rest();
        return false;
      }
    }
    classes_ = std::move(saved);
    bound_rest();
    return true;
  }

  /// Row r read only as class k of `was` (its classes before), the other rows narrowed by each
  /// identity that choice can change.
  void fix_class(const std::vector<Wide>& start, const std::vector<Class>& was, std::size_t r, std::size_t k) {
    classes_[r] = {was[k]};
    bound_rest();
    std::vector<bool> pending(dims_.size(), false);
    for (std::size_t d = 0; d < dims_.size(); ++d)
      for (const Class& c : was) pending[d] = pending[d] || c.contribution[d] != was[k].contribution[d];
    narrow_by_each_identity(start, std::move(pending));
  }

  bool any_row_empty() const {
    return std::any_of(variable_.begin(), variable_.end(), [&](std::size_t r) { return classes_[r].empty(); });
  }

  /// Each class of a row read several ways, taken as the row's only reading: where the other
  /// rows' classes narrowed by each identity alone then leave some row no reading, the class is
  /// on no reading holding every identity and goes. Until nothing changes, or kProbeWork words
  /// of sums have been written (some 20 ms). Whether it removed any.
  bool probe_each_class(const std::vector<Wide>& start) {
    constexpr long kProbeWork = 20'000'000;
    const long spent_before = narrow_work_;
    auto within = [&] { return narrow_work_ - spent_before < kProbeWork; };
    bool removed = false;
    for (bool changed = true; changed && within();) {
      changed = false;
      for (std::size_t i = 0; i < variable_.size() && within(); ++i) {
        const std::size_t r = variable_[i];
        for (std::size_t k = 0; k < classes_[r].size() && classes_[r].size() > 1 && within();) {
          std::vector<std::vector<Class>> saved = classes_;
          fix_class(start, saved[r], r, k);
          const bool dead = any_row_empty();
          classes_ = std::move(saved);
          if (dead) {
            classes_[r].erase(classes_[r].begin() + static_cast<std::ptrdiff_t>(k));
            changed = removed = true;
          } else {
            ++k;
          }
        }
      }
      bound_rest();
    }
    return removed;
  }

  /// Removes, until nothing changes, every class of a variable row that some identity alone
  /// rules out: no sum the rows before it reach, plus its own contribution, plus a sum the rows
  /// after it reach, is 0. Starts from the identities `pending` marks (all where empty); an
  /// identity is looked at again when a row it varies in loses a class. Whether it removed any.
  bool narrow_by_each_identity(const std::vector<Wide>& start, std::vector<bool> pending = {}) {
    if (pending.empty()) pending.assign(dims_.size(), true);
    if (varies_.empty()) {  // the identities each row's classes differ in (before any narrowing)
      varies_.resize(variable_.size());
      for (std::size_t i = 0; i < variable_.size(); ++i)
        for (std::size_t d = 0; d < dims_.size(); ++d)
          for (const Class& c : classes_[variable_[i]])
            if (c.contribution[d] != classes_[variable_[i]].front().contribution[d]) {
              varies_[i].push_back(d);
              break;
            }
    }
    // (Each pass removes a class, so the passes are bounded; kNarrowWork bounds their sums' work
    // too, some 100 ms at worst: stopping early removes fewer classes, never a right one.)
    bool removed = false;
    for (std::size_t d = 0; d < dims_.size() && narrow_work_ < narrow_cap_;) {
      if (!pending[d]) {
        ++d;
        continue;
      }
      pending[d] = false;
      const std::vector<std::size_t> narrowed = narrow_by_identity(start, d);
      if (any_row_empty()) return true;  // no reading holds every identity
      if (narrowed.empty()) continue;
      removed = true;
      bound_rest();
      for (std::size_t i : narrowed)
        for (std::size_t e : varies_[i]) pending[e] = true;
      d = 0;
    }
    return removed;
  }

  /// narrow_by_each_identity for identity `d`; the variable rows (positions) it narrowed. The
  /// sums are kept as bitsets over the window the rows' bounds allow (sums.hpp); an identity
  /// whose window is wider than kWidestWindow rules nothing out (sound, not complete).
  std::vector<std::size_t> narrow_by_identity(const std::vector<Wide>& start, std::size_t d) {
    constexpr Wide kWidestWindow = Wide{1} << 18;
    const std::size_t n = variable_.size();
    std::vector<std::size_t> narrowed;
    // Before variable row i the sum so far must lie in [-rest_max_[i], -rest_min_[i]].
    Wide base = -rest_max_[0][d], top = -rest_min_[0][d];
    for (std::size_t i = 1; i <= n; ++i) {
      base = std::min(base, -rest_max_[i][d]);
      top = std::max(top, -rest_min_[i][d]);
    }
    if (top - base + 1 > kWidestWindow) return narrowed;
    const auto width = static_cast<std::size_t>(top - base + 1);
    narrow_work_ += static_cast<long>((n + 1) * ((width + 63) / 64) * 4);
    // fwd[i]: sums reached before row i; need[i]: the negated sums rows i… can add.
    fwd_.resize(n + 1, SumSet(0, 0));
    need_.resize(n + 1, SumSet(0, 0));
    for (std::size_t i = 0; i <= n; ++i) fwd_[i].reset(base, width), need_[i].reset(base, width);
    fwd_[0].insert(start[d]);
    need_[n].insert(0);
    std::vector<std::vector<Wide>> adds(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (const Class& c : classes_[variable_[i]]) adds[i].push_back(c.contribution[d]);
      std::sort(adds[i].begin(), adds[i].end());
      adds[i].erase(std::unique(adds[i].begin(), adds[i].end()), adds[i].end());
    }
    for (std::size_t i = 0; i < n; ++i) {
      for (Wide a : adds[i]) fwd_[i + 1].insert_shifted(fwd_[i], a);
      fwd_[i + 1].keep_between(-rest_max_[i + 1][d], -rest_min_[i + 1][d]);
    }
    for (std::size_t i = n; i-- > 0;) {
      for (Wide a : adds[i]) need_[i].insert_shifted(need_[i + 1], -a);
      need_[i].keep_between(-rest_max_[i][d], -rest_min_[i][d]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      // which of the row's contributions some reading before and after it completes
      std::erase_if(adds[i], [&](Wide a) { return !fwd_[i].meets_shifted(need_[i + 1], a); });
      auto& cs = classes_[variable_[i]];
      const std::size_t before = cs.size();
      std::erase_if(cs, [&](const Class& c) { return !std::binary_search(adds[i].begin(), adds[i].end(), c.contribution[d]); });
      if (cs.size() != before) narrowed.push_back(i);
    }
    return narrowed;
  }

  void agree(std::size_t r, const std::vector<std::size_t>& kept, Placement_result& out) {
    const auto& ps = options_[r].placements;
    for (std::size_t c = 0; c < layout_.rows[r].cells.size(); ++c) {
      const std::int32_t first0 = ps[kept.front()][c];
      std::int32_t first = first0;  // the token to show: a printed blank rather than a vanished one
      bool same_token = true, same_value = true, all_numbers = true, any_number = false, any_printed_blank = false;
      Wide v0 = exact_(first);
      for (std::size_t k : kept) {
        std::int32_t t = ps[k][c];
        same_token &= t == first0;
        same_value &= exact_(t) == v0;
        bool number = t >= 0 && cand_.tokens[static_cast<std::size_t>(t)].kind == TokenKind::number;
        all_numbers &= number;
        any_number |= number;
        if (t >= 0 && !number && first < 0) first = t;
        any_printed_blank |= t >= 0 && !number;
      }
      PlacedCell& cell = out.cells[r][c];
      if (same_token || (same_value && all_numbers)) {
        // one token, or the same number printed more than once in the row
        cell.kind = first < 0 ? PlacedCell::vanished_blank : PlacedCell::printed;
        cell.token = first;
      } else if (same_value && v0 == 0 && !any_number) {
        // blank in every reading, printed or not
        cell.kind = any_printed_blank ? PlacedCell::printed : PlacedCell::vanished_blank;
        cell.token = first;
      } else if (same_value && v0 == 0) {
        cell.kind = PlacedCell::zero_or_blank;  // 0 in some readings, blank in others: the count is 0 either way
      } else {
        out.ambiguous[r][c] = true;
      }
    }
  }
};

}  // namespace

Placement_result place(const Candidate& cand, const Layout& layout, const std::vector<RowOptions>& options,
                       const std::vector<bool>& total_may_be_unprinted) {
  return Search(cand, layout, options, total_may_be_unprinted).run();
}

}  // namespace ogi::tables

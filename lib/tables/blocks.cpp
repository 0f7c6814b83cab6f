// Deciding the order of a block of values (see blocks.hpp).
#include "tables/blocks.hpp"

namespace ogi::tables {
namespace {

__extension__ typedef __int128 wide;

wide scaled(const Piece& p) {  // value × 10^6 (blank = 0), exact for the scales tables use
  if (!p.value) return 0;
  wide v = p.value->units;
  for (int i = p.value->scale; i < 6; ++i) v *= 10;
  return v;
}

bool rows_balance(const std::vector<Piece>& values, std::size_t rows, std::size_t cols, BlockOrder o) {
  for (std::size_t r = 0; r < rows; ++r) {
    wide sum = 0;
    for (std::size_t c = 0; c + 1 < cols; ++c) sum += scaled(block_value(values, rows, cols, o, r, c));
    if (sum != scaled(block_value(values, rows, cols, o, r, cols - 1))) return false;
  }
  return true;
}

}  // namespace

std::optional<BlockOrder> decide_block_order(const std::vector<Piece>& values, std::size_t rows, std::size_t cols) {
  if (rows == 0 || cols < 2 || values.size() != rows * cols) return std::nullopt;
  bool by_row = rows_balance(values, rows, cols, BlockOrder::row_major);
  bool by_col = rows_balance(values, rows, cols, BlockOrder::column_major);
  if (by_row && !by_col) return BlockOrder::row_major;
  if (by_col && !by_row) return BlockOrder::column_major;
  if (by_row && by_col) {
    // Both balance: acceptable only when they read the same numbers everywhere.
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t c = 0; c < cols; ++c)
        if (scaled(block_value(values, rows, cols, BlockOrder::row_major, r, c)) !=
            scaled(block_value(values, rows, cols, BlockOrder::column_major, r, c)))
          return std::nullopt;
    return BlockOrder::row_major;
  }
  return std::nullopt;
}

}  // namespace ogi::tables

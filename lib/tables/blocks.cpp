// SPDX-License-Identifier: Apache-2.0
// Deciding the order of a block of values (see blocks.hpp).
#include "tables/blocks.hpp"

namespace ogi::tables {
namespace {

bool rows_balance(const std::vector<Piece>& values, std::size_t rows, std::size_t cols, BlockOrder o) {
  std::vector<const Piece*> row(cols);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) row[c] = &block_value(values, rows, cols, o, r, c);
    if (!row_total_holds(row)) return false;
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
        if (block_value(values, rows, cols, BlockOrder::row_major, r, c).value !=
            block_value(values, rows, cols, BlockOrder::column_major, r, c).value)
          return std::nullopt;
    return BlockOrder::row_major;
  }
  return std::nullopt;
}

}  // namespace ogi::tables

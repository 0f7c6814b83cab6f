// SPDX-License-Identifier: Apache-2.0
// Block order (pdftotext's default mode, pdfminer): a run of row labels, then a run of values
// for all of them, row by row or column by column. A run is read only where the count fits
// exactly and the row identity (each row's 总计 = the sum of its other cells) picks one order.
#pragma once
#include <optional>
#include <vector>

#include "tables/cells.hpp"

namespace ogi::tables {

enum class BlockOrder { row_major, column_major };

/// For `rows` rows of `cols` values whose last column is the row total: the order in which
/// `values` (rows × cols of them) satisfy every row total, or nullopt when neither order does or
/// both do with different results (then the block cannot be placed with certainty).
std::optional<BlockOrder> decide_block_order(const std::vector<Piece>& values, std::size_t rows, std::size_t cols);

/// The value of row r, column c under `order`.
inline const Piece& block_value(const std::vector<Piece>& values, std::size_t rows, std::size_t cols, BlockOrder order,
                                std::size_t r, std::size_t c) {
  return order == BlockOrder::row_major ? values[r * cols + c] : values[c * rows + r];
}

}  // namespace ogi::tables

// Table 4 (行政复议、行政诉讼) as flattenings leave it.
#include <catch2/catch.hpp>

#include "ogi/ogi.hpp"

using namespace ogi;

TEST_CASE("table 4 one cell per line keeps its blank cells as lines of no-break spaces") {
  std::string in = "某某局\n2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n"
                   "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n";
  for (const char* v : {"5", "\u00a0", "\u00a0", "2", "7", "8", "\u00a0", "\u00a0", "1", "9", "\u00a0", "\u00a0", "\u00a0",
                        "\u00a0", "\u00a0"})
    in += std::string(v) + "\n";
  in += "五、存在的主要问题及改进情况\n无。\n";
  auto r = parse(in);
  REQUIRE(r);
  const auto& t = r.report().review_litigation;
  REQUIRE(t);
  CHECK(t->status == TableStatus::ok);
  const Cell* pending = t->cells.cell(ReviewGroup::review, ReviewColumn::pending);
  REQUIRE(pending);
  CHECK(pending->value->to_string() == "2");
  const Cell* corrected = t->cells.cell(ReviewGroup::review, ReviewColumn::corrected);
  REQUIRE(corrected);
  CHECK_FALSE(corrected->value);
  const Cell* after = t->cells.cell(ReviewGroup::litigation_after_review, ReviewColumn::total);
  REQUIRE(after);
  CHECK_FALSE(after->value);
}

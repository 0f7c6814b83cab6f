// SPDX-License-Identifier: Apache-2.0
// The JSON writer's own rules, held to plain byte-by-byte versions of them: strings escaped
// exactly as before (sixteen bytes at a time must not change a byte), numbers as written,
// indentation at any depth, and texts far larger than the buffer it starts with.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "ogi/ogi.hpp"
#include "write/text_out.hpp"

namespace {

/// The JSON string of `s`, one byte at a time.
std::string escaped(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else out += ch;
  }
  return out + "\"";
}

std::string agency_json(const std::string& agency) {
  ogi::Report r;
  r.metadata.agency.value = agency;
  std::string json = ogi::to_json(r, ogi::JsonOptions{false, {}});
  const std::string key = "\"agency\":";
  const auto at = json.find(key);
  REQUIRE(at != std::string::npos);
  const auto end = json.find(",\"year\":", at);
  REQUIRE(end != std::string::npos);
  return json.substr(at + key.size(), end - at - key.size());
}

/// Pretty JSON without the white space outside strings.
std::string squeezed(const std::string& pretty) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < pretty.size(); ++i) {
    char c = pretty[i];
    if (in_string) {
      out += c;
      if (c == '\\') out += pretty[++i];
      else if (c == '"') in_string = false;
    } else if (c != ' ' && c != '\n') {
      out += c;
      in_string = c == '"';
    }
  }
  return out;
}

}  // namespace

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep every other byte") {
  std::string all;
  for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
  CHECK(agency_json(all) == escaped(all));
  // a special byte at every place of a sixteen-byte block, in runs longer and shorter than one
  for (std::size_t len : {1u, 15u, 16u, 17u, 31u, 32u, 33u, 100u}) {
    for (std::size_t at = 0; at < len; ++at) {
      for (char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
        std::string s(len, 'a');
        for (std::size_t k = 0; k < len; ++k) s[k] = static_cast<char>("信息公开x"[k % 13]);
        s[at] = special;
        INFO("length " << len << ", special byte at " << at);
        CHECK(agency_json(s) == escaped(s));
      }
    }
  }
  CHECK(agency_json(std::string(" \x7f\x80\xff ")) == "\" \x7f\x80\xff \"");
}

TEST_CASE("JSON strings far longer than the writer's first buffer are written whole") {
  for (const std::string& s : {std::string(300000, 'x'), std::string(300000, '"'), std::string(300000, '\x02')}) {
    CHECK(agency_json(s) == escaped(s));
  }
}

TEST_CASE("decimals are written exactly as Decimal::to_string gives them") {
  const std::int64_t units[] = {0, 1, -1, 7, 10, 99, 100, 101, 773028, -773028, 1234567890123456789,
                                INT64_MAX, INT64_MIN, -5, 50};
  for (std::int64_t u : units) {
    for (int scale : {0, 1, 2, 3, 5, 18, 19, 25, 255}) {
      ogi::Decimal d{u, static_cast<std::uint8_t>(scale)};
      char buf[300];
      char* end = ogi::write::put_decimal(buf, d);
      INFO(u << " scale " << scale);
      CHECK(std::string(buf, end) == d.to_string());
    }
  }
  for (std::uint64_t v : {std::uint64_t{0}, std::uint64_t{9}, std::uint64_t{10}, std::uint64_t{99999},
                          std::uint64_t{100000}, UINT64_MAX}) {
    char buf[ogi::write::kUintRoom];
    CHECK(std::string(buf, ogi::write::put_uint(buf, v)) == std::to_string(v));
  }
}

TEST_CASE("pretty JSON indents two spaces a level at any depth and says what the compact form says") {
  ogi::Report r;
  const int depth = 60;  // sections 120 levels of JSON deep: past the indentation copied in one piece
  for (int i = 0; i < depth; ++i) {
    ogi::Section s;
    s.heading = "第" + std::to_string(i) + "级";
    s.parent = i - 1;
    if (i + 1 < depth) s.children.push_back(i + 1);
    r.sections.push_back(s);
  }
  const std::string pretty = ogi::to_json(r, ogi::JsonOptions{true, {}});
  const std::string compact = ogi::to_json(r, ogi::JsonOptions{false, {}});
  CHECK(squeezed(pretty) == squeezed(compact));
  CHECK(compact.find('\n') == compact.size() - 1);
  // the deepest heading: the top object, "sections" and each level's object and "children" array
  const std::string deepest = "\"heading\": \"第" + std::to_string(depth - 1) + "级\"";
  const auto at = pretty.find(deepest);
  REQUIRE(at != std::string::npos);
  const auto line_start = pretty.rfind('\n', at) + 1;
  CHECK(at - line_start == 2 * static_cast<std::size_t>(2 + 2 * (depth - 1) + 1));
  CHECK(pretty.rfind("\n{\n  \"schema\": \"ogi.report/1\",\n", 0) == 0);
}

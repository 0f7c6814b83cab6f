// SPDX-License-Identifier: Apache-2.0
#include <ogi/ogi.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  ogi::ParseResult r = ogi::parse_file(argv[1]);
  if (!r) {
    std::cerr << r.error().message << "\n";
    return 2;
  }
  const ogi::Cell* c = r.report().applications->cells.cell(ogi::ApplicationRow::new_received,
                                                           ogi::ApplicantColumn::total);
  std::cout << ogi::version() << " " << *r.report().metadata.agency.value << " " << c->value->to_string() << "\n";
  return c->value->to_string() == "16" ? 0 : 1;
}

// SPDX-License-Identifier: Apache-2.0
// Messages in the reader's language (ParseOptions::language): each site writes both.
#pragma once
#include <string>

#include "ogi/options.hpp"

namespace ogi::model {

inline std::string say(Language language, std::string zh, std::string en) {
  return language == Language::en ? std::move(en) : std::move(zh);
}

}  // namespace ogi::model

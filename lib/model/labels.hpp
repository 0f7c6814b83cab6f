// SPDX-License-Identifier: Apache-2.0
// The template's Chinese labels of the canonical keys, for messages an auditor reads.
#pragma once
#include <string_view>

#include "ogi/keys.hpp"

namespace ogi::model {

std::string_view label(ApplicationRow r);
std::string_view label(ApplicantColumn c);
std::string_view label(ReviewGroup g);
std::string_view label(ReviewColumn c);

}  // namespace ogi::model

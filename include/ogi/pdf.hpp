// SPDX-License-Identifier: Apache-2.0
// ogi/pdf.hpp — reading PDF files: the ogi::pdf component (CMake option OGI_PDF, built when
// poppler-cpp is found). The core library ogi::ogi reads text, HTML, DOCX and the bbox XHTML of
// `pdftotext -bbox-layout` and stays Apache-2.0; this component reads PDF files directly through
// poppler, which is GPL: a program that links ogi::pdf is distributed under the GPL-3.0.
#pragma once
#include <string_view>

namespace ogi::pdf {

/// Lets parse() and parse_file() read PDF files everywhere in this program: call it once at
/// start-up (calling it again does nothing; it is thread-safe). Without it a PDF input is
/// ErrorCode::unsupported. A PDF without a text layer (a scanned one) or one that needs a
/// password is ErrorCode::bad_document; pages, words and time are bounded (docs/limits.md).
void enable();

/// The poppler version the component was built with ("22.12.0").
std::string_view poppler_version();

}  // namespace ogi::pdf

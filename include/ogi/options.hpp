// SPDX-License-Identifier: Apache-2.0
// ogi/options.hpp — how to read an input (ParseOptions), apart from parse() so that every
// stage of the library may see the options without seeing the pipeline.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ogi {

/// The kind of document an input is. `automatic` tells it from the bytes (docs/formats.md).
enum class InputFormat : int {
  automatic = 0,
  text = 1,   ///< a plain-text dump (any encoding ogi detects)
  html = 2,   ///< a web page
  docx = 3,   ///< a Word (OOXML) document
  pdf = 4,    ///< a PDF (read only where the ogi::pdf component is built in)
  xhtml = 5,  ///< the XHTML that `pdftotext -bbox-layout` writes: words with their boxes
};
std::string_view to_string(InputFormat f);  ///< "auto", "text", "html", "docx", "pdf", "xhtml"

/// The language of the messages a person reads: Error messages (the readers' of published files
/// too) and the input diagnostics (text.*, document.*, html.*, xhtml.*, pdf.*). The other
/// diagnostics speak the template's Chinese in either.
enum class Language : int { zh = 0, en = 1 };

/// Options of parse(). Every field has a default that suits batch use.
///
/// | option          | default   | meaning                                                          |
/// |-----------------|-----------|------------------------------------------------------------------|
/// | encoding        | ""        | "" = detect (valid UTF-8 is taken as is); else an ICU name such as "GB18030" |
/// | strict          | false     | refuse input with invalid byte sequences instead of substituting U+FFFD     |
/// | max_input_bytes | 256 MiB   | larger input is refused with ErrorCode::too_large                |
/// | format          | automatic | force how the input is read (text, html, docx, pdf, xhtml)        |
/// | language        | zh        | language of Error messages and of the input diagnostics (above)  |
struct ParseOptions {
  std::string encoding;
  bool strict = false;
  std::size_t max_input_bytes = std::size_t{256} << 20;
  InputFormat format = InputFormat::automatic;
  Language language = Language::zh;
};

}  // namespace ogi

// SPDX-License-Identifier: Apache-2.0
// The readers of published files, each in a file of its own (docs/formats.md).
#pragma once
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "sources/sources.hpp"

namespace ogi::sources {

/// An HTML page (html.cpp): spans index the page's bytes; lines are the page's lines.
std::variant<Document, Error> read_html(std::string_view bytes, const ParseOptions& options,
                                        std::vector<Diagnostic>& diagnostics);

/// A Word document (docx.cpp): spans index the inflated word/document.xml (Document::part);
/// lines are the lines of the document's text, one per paragraph and table row.
std::variant<Document, Error> read_docx(std::string_view bytes, const ParseOptions& options,
                                        std::vector<Diagnostic>& diagnostics);

/// Not a format ogi reads, but one it can name with advice: an old binary Office file (OLE2).
/// The message is in `language`.
std::optional<Error> refuse_ole2(std::string_view bytes, Language language);

}  // namespace ogi::sources

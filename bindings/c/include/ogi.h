// SPDX-License-Identifier: Apache-2.0
/* ogi.h — the C API of ogi: parse a 政府信息公开工作年度报告 text into a document, read its
 * template, metadata, sections, table cells and diagnostics, or take it all as JSON.
 *
 *   ogi_document* doc = NULL;
 *   char* err = NULL;
 *   ogi_options opt = ogi_default_options();
 *   if (ogi_parse(text, size, &opt, &doc, &err) != OGI_OK) { fprintf(stderr, "%s\n", err); ogi_free(err); return 2; }
 *   ogi_cell cell;
 *   if (ogi_document_cell(doc, OGI_TABLE_APPLICATIONS, "granted", "total", &cell) == OGI_OK && cell.present)
 *     printf("%s\n", cell.blank ? "blank" : cell.value_text);
 *   ogi_document_free(doc);
 *
 * Rules: no function throws or aborts; each returns an ogi_status (0 = OGI_OK) or a documented
 * sentinel. Strings the library returns inside structs stay valid while their document lives;
 * strings returned by value (ogi_document_json, error messages) are the caller's: ogi_free them.
 * Enum values are fixed and never reused. The header compiles as C and as C++.
 */
#ifndef OGI_H
#define OGI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status of a call. Values 1–5 are input errors (the file cannot be read as a report). */
typedef enum ogi_status {
  OGI_OK = 0,
  OGI_ERROR_IO = 1,              /**< a file could not be read */
  OGI_ERROR_NOT_TEXT = 2,        /**< binary input: PDF, Office/zip, image, NUL bytes */
  OGI_ERROR_BAD_ENCODING = 3,    /**< undecodable, or invalid bytes under `strict` */
  OGI_ERROR_TOO_LARGE = 4,       /**< over `max_input_bytes` */
  OGI_ERROR_BAD_OPTION = 5,      /**< an unknown encoding name */
  OGI_ERROR_BAD_DOCUMENT = 6,    /**< an HTML, DOCX or PDF file that cannot be read (broken, encrypted, scanned) */
  OGI_ERROR_UNSUPPORTED = 7,     /**< a format this build does not read (PDF without ogi::pdf, .doc/.wps) */
  OGI_ERROR_INVALID_ARGUMENT = 100, /**< a NULL pointer, an index out of range, an unknown key */
  OGI_ERROR_OUT_OF_MEMORY = 101, /**< also when the input needed more memory than there was (ogi::ErrorCode::out_of_memory) */
  OGI_ERROR_INTERNAL = 102       /**< a bug in ogi: please report it with the input */
} ogi_status;

/** The three standard tables. */
typedef enum ogi_table {
  OGI_TABLE_ACTIVE_DISCLOSURE = 0,
  OGI_TABLE_APPLICATIONS = 1,
  OGI_TABLE_REVIEW_LITIGATION = 2
} ogi_table;

/** How an input is read (docs/formats.md). */
typedef enum ogi_format {
  OGI_FORMAT_AUTO = 0,   /**< told from the bytes */
  OGI_FORMAT_TEXT = 1,   /**< a plain-text dump */
  OGI_FORMAT_HTML = 2,   /**< a web page */
  OGI_FORMAT_DOCX = 3,   /**< a Word document */
  OGI_FORMAT_PDF = 4,
  OGI_FORMAT_XHTML = 5   /**< pdftotext -bbox-layout output */
} ogi_format;

/** Options of ogi_parse; start from ogi_default_options(). */
typedef struct ogi_options {
  const char* encoding;   /**< NULL or "" = detect (valid UTF-8 is taken as is); else e.g. "GB18030" */
  int strict;             /**< nonzero: refuse invalid byte sequences instead of substituting U+FFFD */
  size_t max_input_bytes; /**< larger input is refused (default 256 MiB) */
  int format;             /**< an ogi_format; OGI_FORMAT_AUTO (default) tells it from the bytes */
} ogi_options;

/** Bytes [begin, end) of the original input (of ogi_document_input()) and the 1-based line where they
 *  start (0 = none). */
typedef struct ogi_span {
  uint32_t begin, end, line;
} ogi_span;

typedef struct ogi_cell {
  int present;            /**< 0: the document does not have this cell, or it could not be placed */
  int blank;              /**< 1: present but blank ("", "-", "—", "/", "无") */
  int64_t units;          /**< value = units / 10^scale, exactly */
  uint8_t scale;
  char value_text[32];    /**< the value as written ("12", "7730.28"); "" when blank or absent */
  const char* raw;        /**< the cell's normalized text */
  const char* unit;       /**< "元", "万元", "件" … or "" */
  ogi_span span;
} ogi_cell;

typedef struct ogi_section {
  const char* key;        /**< canonical key ("overview" …, "other"), or NULL for a sub-section */
  const char* heading;
  uint32_t line, end_line; /**< 1-based, inclusive */
  int parent;             /**< index of the parent section, -1 for top level */
  ogi_span span;
} ogi_section;

typedef struct ogi_diagnostic {
  const char* code;       /**< stable dotted code, e.g. "identity.column_balance" */
  const char* severity;   /**< "info", "warning", "error" */
  const char* table;      /**< canonical keys, or NULL when the finding is not about one */
  const char* row;
  const char* column;
  const char* message;
  ogi_span span;
} ogi_diagnostic;

typedef struct ogi_document ogi_document;

/** The library version, e.g. "0.2.0". */
const char* ogi_version(void);
/** The message of a status. Static storage. */
const char* ogi_status_message(ogi_status status);
/** Options with every default set. */
ogi_options ogi_default_options(void);

/** Parses `size` bytes (copied). On success *out is a new document (free it with
 * ogi_document_free). On failure *out is NULL and, if error_message is not NULL, it receives a
 * one-line message to ogi_free. `options` may be NULL for the defaults. */
ogi_status ogi_parse(const char* data, size_t size, const ogi_options* options, ogi_document** out,
                     char** error_message);
/** Reads a file and parses it; as ogi_parse. */
ogi_status ogi_parse_file(const char* path, const ogi_options* options, ogi_document** out, char** error_message);
void ogi_document_free(ogi_document* doc);
/** Frees what the library returned by value. NULL is fine. */
void ogi_free(void* p);

/** The document as JSON ("ogi.report/1"); pretty != 0 for indentation. NULL only when out of memory. */
char* ogi_document_json(const ogi_document* doc, int pretty);

/** How the input was read: an ogi_format other than OGI_FORMAT_AUTO. */
int ogi_document_format(const ogi_document* doc);
/** The bytes every span indexes, `*size` of them: the input itself, or for a DOCX the inflated part
 *  named by ogi_document_input_part() (docs/formats.md). Owned by the document. */
const char* ogi_document_input(const ogi_document* doc, size_t* size);
/** "" when spans index the input itself; else the part they index ("word/document.xml"). */
const char* ogi_document_input_part(const ogi_document* doc);

/** "2019", "2021", "legacy" or "unknown". */
const char* ogi_document_template(const ogi_document* doc);
/** The reporting body, or NULL when not found. */
const char* ogi_document_agency(const ogi_document* doc);
/** The report year, or 0 when not found. */
int ogi_document_year(const ogi_document* doc);
/** Which part of the document the agency / the year was read from: "title", "byline", "body",
 * "signature" or "period" (docs/sections.md); NULL when not found. */
const char* ogi_document_agency_source(const ogi_document* doc);
const char* ogi_document_year_source(const ogi_document* doc);

size_t ogi_document_section_count(const ogi_document* doc);
ogi_status ogi_document_section(const ogi_document* doc, size_t index, ogi_section* out);

/** "ok", "inconsistent", "uncertain", "missing", or NULL when the document has no such table. */
const char* ogi_document_table_status(const ogi_document* doc, ogi_table table);
/** The cell at canonical row and column keys ("granted", "total"). OGI_ERROR_INVALID_ARGUMENT for
 * keys the table does not have; OGI_OK with out->present == 0 for a cell the document lacks. */
ogi_status ogi_document_cell(const ogi_document* doc, ogi_table table, const char* row, const char* column,
                             ogi_cell* out);

size_t ogi_document_diagnostic_count(const ogi_document* doc);
ogi_status ogi_document_diagnostic(const ogi_document* doc, size_t index, ogi_diagnostic* out);

#ifdef __cplusplus
}
#endif

#endif /* OGI_H */

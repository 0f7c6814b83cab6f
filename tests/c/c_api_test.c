// SPDX-License-Identifier: Apache-2.0
/* The C API from C, under AddressSanitizer (leaks included): the reference report, an error, misuse. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"

static int failures = 0;
#define EXPECT(cond)                                                   \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                      \
    }                                                                  \
  } while (0)

static void reference_report(const char* path) {
  ogi_document* doc = NULL;
  char* err = NULL;
  ogi_options opt = ogi_default_options();
  EXPECT(ogi_parse_file(path, &opt, &doc, &err) == OGI_OK);
  EXPECT(err == NULL);
  if (!doc) return;
  EXPECT(strcmp(ogi_document_template(doc), "2021") == 0);
  EXPECT(strcmp(ogi_document_agency(doc), "张店区人民政府办公室") == 0);
  EXPECT(ogi_document_year(doc) == 2021);
  EXPECT(strcmp(ogi_document_agency_source(doc), "title") == 0 && strcmp(ogi_document_year_source(doc), "title") == 0);
  EXPECT(strcmp(ogi_document_table_status(doc, OGI_TABLE_APPLICATIONS), "inconsistent") == 0);

  ogi_cell cell;
  EXPECT(ogi_document_cell(doc, OGI_TABLE_APPLICATIONS, "new_received", "total", &cell) == OGI_OK);
  EXPECT(cell.present && !cell.blank && cell.units == 16 && cell.scale == 0);
  EXPECT(strcmp(cell.value_text, "16") == 0);
  EXPECT(cell.span.line == 100);
  EXPECT(ogi_document_cell(doc, OGI_TABLE_ACTIVE_DISCLOSURE, "normative_documents", "in_force", &cell) == OGI_OK);
  EXPECT(cell.present && cell.units == 19);
  EXPECT(ogi_document_cell(doc, OGI_TABLE_ACTIVE_DISCLOSURE, "procurement", "amount", &cell) == OGI_OK);
  EXPECT(!cell.present);
  EXPECT(ogi_document_cell(doc, OGI_TABLE_APPLICATIONS, "no_such_row", "total", &cell) == OGI_ERROR_INVALID_ARGUMENT);

  EXPECT(ogi_document_section_count(doc) == 29);
  ogi_section sec;
  EXPECT(ogi_document_section(doc, 0, &sec) == OGI_OK);
  EXPECT(strcmp(sec.key, "overview") == 0 && sec.line == 9 && sec.parent == -1);
  EXPECT(ogi_document_section(doc, 1, &sec) == OGI_OK);
  EXPECT(sec.key == NULL && sec.parent == 0);
  EXPECT(ogi_document_section(doc, 99, &sec) == OGI_ERROR_INVALID_ARGUMENT);

  size_t n = ogi_document_diagnostic_count(doc), identity = 0;
  for (size_t i = 0; i < n; ++i) {
    ogi_diagnostic d;
    EXPECT(ogi_document_diagnostic(doc, i, &d) == OGI_OK);
    if (strcmp(d.code, "identity.column_balance") == 0) {
      ++identity;
      EXPECT(strcmp(d.table, "applications") == 0 && d.row == NULL && d.column != NULL);
    }
  }
  EXPECT(identity == 3);

  char* json = ogi_document_json(doc, 1);
  EXPECT(json && strstr(json, "\"schema\": \"ogi.report/1\"") != NULL);
  ogi_free(json);
  ogi_document_free(doc);
}

static void refused_input(void) {
  ogi_document* doc = (ogi_document*)1;
  char* err = NULL;
  EXPECT(ogi_parse("%PDF-1.7", 8, NULL, &doc, &err) == OGI_ERROR_UNSUPPORTED);
  EXPECT(doc == NULL);
  EXPECT(err && strstr(err, "pdftotext") != NULL);
  ogi_free(err);
  EXPECT(ogi_parse(NULL, 5, NULL, &doc, NULL) == OGI_ERROR_INVALID_ARGUMENT);
  EXPECT(ogi_parse_file("/nonexistent/report.txt", NULL, &doc, &err) == OGI_ERROR_IO);
  ogi_free(err);
  ogi_options strict = ogi_default_options();
  strict.strict = 1;
  EXPECT(ogi_parse("\xe6\x80\xbb\xff", 4, &strict, &doc, &err) == OGI_ERROR_BAD_ENCODING);
  ogi_free(err);
  EXPECT(strcmp(ogi_status_message(OGI_ERROR_NOT_TEXT), "the input is not text") == 0);
}

static void empty_input(void) {
  ogi_document* doc = NULL;
  EXPECT(ogi_parse("", 0, NULL, &doc, NULL) == OGI_OK);
  EXPECT(doc != NULL);
  EXPECT(ogi_document_agency(doc) == NULL && ogi_document_year(doc) == 0);
  EXPECT(ogi_document_agency_source(doc) == NULL && ogi_document_year_source(doc) == NULL);
  EXPECT(ogi_document_table_status(doc, OGI_TABLE_APPLICATIONS) == NULL);
  ogi_document_free(doc);
  ogi_document_free(NULL);
  ogi_free(NULL);
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  EXPECT(strlen(ogi_version()) > 0);
  reference_report(argv[1]);
  refused_input();
  empty_input();
  if (failures) fprintf(stderr, "%d failed\n", failures);
  printf("%d passed, %d failed\n", failures ? 0 : 1, failures);
  return failures ? 1 : 0;
}

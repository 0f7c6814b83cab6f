/* SPDX-License-Identifier: Apache-2.0 */
/* A C consumer of the installed C API: gcc main.c $(pkg-config --cflags --libs ogi-c) */
#include <ogi.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  ogi_document* doc = NULL;
  char* error = NULL;
  ogi_cell cell;
  int ok;
  if (argc < 2) return 2;
  if (ogi_parse_file(argv[1], NULL, &doc, &error) != OGI_OK) {
    fprintf(stderr, "%s\n", error ? error : "parse failed");
    ogi_free(error);
    return 2;
  }
  ok = ogi_document_cell(doc, OGI_TABLE_APPLICATIONS, "new_received", "total", &cell) == OGI_OK && cell.present &&
       strcmp(cell.value_text, "16") == 0;
  printf("%s %s %s\n", ogi_version(), ogi_document_agency(doc), cell.value_text);
  ogi_document_free(doc);
  return ok ? 0 : 1;
}

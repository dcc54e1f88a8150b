/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-csv.h"

G_BEGIN_DECLS

/* Which field of a record each column of a file fills: guessed from the
 * headers, changed by the user in the import preview, checked before an
 * import. A #GListModel of one #LinliCsvColumn per column of the file, for
 * the preview to show (header, a few sample cells, the field chosen). */

/* A field a file may hold. */
typedef struct
{
  const char *header;    /* what the export writes: the office's word, in every locale */
  const char *label;     /* what the preview calls it: an NC_("csv field", …) msgid */
  const char *aliases;   /* other headers of office sheets, '|' between them */
  gboolean    required;
} LinliCsvField;

#define LINLI_CSV_FIELD_NONE (-1)   /* the column is not imported */

#define LINLI_CSV_MAPPING_ERROR (linli_csv_mapping_error_quark ())

typedef enum {
  LINLI_CSV_MAPPING_ERROR_MISSING,   /* a required field has no column */
  LINLI_CSV_MAPPING_ERROR_TWICE,     /* two columns fill one field */
} LinliCsvMappingError;

#define LINLI_TYPE_CSV_COLUMN (linli_csv_column_get_type ())
G_DECLARE_FINAL_TYPE (LinliCsvColumn, linli_csv_column, LINLI, CSV_COLUMN, GObject)

#define LINLI_TYPE_CSV_MAPPING (linli_csv_mapping_get_type ())
G_DECLARE_FINAL_TYPE (LinliCsvMapping, linli_csv_mapping, LINLI, CSV_MAPPING, GObject)

GQuark           linli_csv_mapping_error_quark   (void);

guint            linli_csv_column_get_index      (LinliCsvColumn  *self);
const char      *linli_csv_column_get_header     (LinliCsvColumn  *self);
const char      *linli_csv_column_get_samples    (LinliCsvColumn  *self);
int              linli_csv_column_get_field      (LinliCsvColumn  *self);
void             linli_csv_column_set_field      (LinliCsvColumn  *self,
                                                  int              field);

LinliCsvMapping *linli_csv_mapping_new           (LinliCsvTable       *table,
                                                  const LinliCsvField *fields,
                                                  guint                n_fields);
LinliCsvTable   *linli_csv_mapping_get_table     (LinliCsvMapping *self);
guint            linli_csv_mapping_get_n_fields  (LinliCsvMapping *self);
const char      *linli_csv_mapping_get_field_label (LinliCsvMapping *self,
                                                  int              field);
gboolean         linli_csv_mapping_field_is_required (LinliCsvMapping *self,
                                                  int              field);
int              linli_csv_mapping_get_field     (LinliCsvMapping *self,
                                                  guint            column);
void             linli_csv_mapping_set_field     (LinliCsvMapping *self,
                                                  guint            column,
                                                  int              field);
int              linli_csv_mapping_find_column   (LinliCsvMapping *self,
                                                  int              field);
gboolean         linli_csv_mapping_check         (LinliCsvMapping *self,
                                                  GError         **error);
char            *linli_csv_mapping_dup_cell      (LinliCsvMapping *self,
                                                  guint            row,
                                                  int              field);

char            *linli_csv_mapping_dup_cell_in   (LinliCsvMapping *self,
                                                  LinliCsvTable   *table,
                                                  guint            row,
                                                  int              field);

G_END_DECLS

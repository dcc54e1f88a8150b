/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-csv.h"
#include "linli-csv-mapping.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* The staff register (人员) from a CSV file the office kept in Excel or WPS:
 * one person a row, all rows or none, every wrong row named by its line. */

typedef enum {
  LINLI_STAFF_FIELD_NAME,
  LINLI_STAFF_FIELD_ROLE,
  LINLI_STAFF_FIELD_PHONE,
  LINLI_STAFF_FIELD_GRIDS,
  LINLI_STAFF_FIELD_NOTES,
  LINLI_N_STAFF_FIELDS
} LinliStaffField;

LinliCsvMapping *linli_staff_csv_mapping_new (LinliCsvTable    *table);
gboolean         linli_staff_csv_parse_role  (const char       *text,
                                              LinliWorkerRole  *role);
gboolean         linli_staff_csv_run         (LinliStore       *store,
                                              LinliCsvMapping  *mapping,
                                              gboolean          write,
                                              GPtrArray       **row_errors,
                                              guint            *n_imported,
                                              GError          **error);
/* linli_staff_csv_run() with progress and Cancel, for a job's thread. */
gboolean         linli_staff_csv_run_full    (LinliStore       *store,
                                              LinliCsvMapping  *mapping,
                                              gboolean          write,
                                              LinliCountFunc    count,
                                              gpointer          count_data,
                                              GCancellable     *cancellable,
                                              GPtrArray       **row_errors,
                                              guint            *n_imported,
                                              GError          **error);

G_END_DECLS

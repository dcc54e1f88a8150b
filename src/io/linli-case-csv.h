/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-csv.h"
#include "linli-safe-file.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_CASE_CSV_ERROR (linli_case_csv_error_quark ())

typedef enum {
  LINLI_CASE_CSV_ERROR_MAPPING,   /* a required field has no column, or two columns one field */
  LINLI_CASE_CSV_ERROR_ROWS,      /* some rows are wrong: see the row errors */
} LinliCaseCsvError;

/* What a column of a file holds: one field of a case each, in the order the
 * export writes them. */
typedef enum {
  LINLI_CASE_FIELD_NUMBER,
  LINLI_CASE_FIELD_TITLE,
  LINLI_CASE_FIELD_DESCRIPTION,
  LINLI_CASE_FIELD_CATEGORY,
  LINLI_CASE_FIELD_SUBCATEGORY,
  LINLI_CASE_FIELD_SOURCE,
  LINLI_CASE_FIELD_REPORTER,
  LINLI_CASE_FIELD_PHONE,
  LINLI_CASE_FIELD_BUILDING,
  LINLI_CASE_FIELD_ADDRESS,
  LINLI_CASE_FIELD_GRID,
  LINLI_CASE_FIELD_URGENCY,
  LINLI_CASE_FIELD_WORKER,
  LINLI_CASE_FIELD_UNIT,
  LINLI_CASE_FIELD_REPORTED_AT,
  LINLI_CASE_FIELD_DUE_AT,
  LINLI_CASE_FIELD_STATUS,
  LINLI_CASE_FIELD_RESOLUTION_LEVEL,
  LINLI_CASE_FIELD_RESOLUTION,
  LINLI_CASE_FIELD_RESOLVED_AT,
  LINLI_CASE_FIELD_SATISFACTION,
  LINLI_CASE_FIELD_REVISITED_AT,
  LINLI_CASE_FIELD_REVISIT_NOTES,
  LINLI_CASE_FIELD_DUPLICATE_OF,
  LINLI_CASE_FIELD_IGNORE,        /* the column is not imported */
} LinliCaseField;

#define LINLI_N_CASE_FIELDS LINLI_CASE_FIELD_IGNORE

GQuark          linli_case_csv_error_quark    (void);

const char     *linli_case_field_label        (LinliCaseField        field);
const char     *linli_case_field_header       (LinliCaseField        field);

gboolean        linli_case_csv_export         (LinliStore           *store,
                                               GListModel           *cases,
                                               gboolean              mask_personal,
                                               GOutputStream        *out,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* Called on the thread that does a long job with how much of it is done. */
typedef void (*LinliCountFunc) (guint    n_done,
                                guint    n_total,
                                gpointer user_data);

GArray         *linli_case_csv_dup_ids        (GListModel           *cases);
gboolean        linli_case_csv_export_ids     (LinliStore           *store,
                                               GArray               *ids,
                                               gboolean              mask_personal,
                                               LinliCsvWriter       *writer,
                                               LinliCountFunc        count,
                                               gpointer              count_data,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* Called on the thread that started a long job with the fraction of it done. */
typedef void (*LinliProgressFunc) (GObject *target,
                                   double   fraction);

void            linli_case_csv_export_file_async  (LinliStore          *store,
                                                   GListModel          *cases,
                                                   gboolean             mask_personal,
                                                   GFile               *file,
                                                   LinliSafeFileFlags   flags,
                                                   GObject             *progress_target,
                                                   LinliProgressFunc    progress,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        linli_case_csv_export_file_finish (LinliStore          *store,
                                                   GAsyncResult        *result,
                                                   GError             **error);

LinliCaseField *linli_case_csv_guess_mapping  (LinliCsvTable        *table);
gboolean        linli_case_csv_check          (LinliStore           *store,
                                               LinliCsvTable        *table,
                                               const LinliCaseField *mapping,
                                               GPtrArray           **row_errors,
                                               GError              **error);
gboolean        linli_case_csv_import         (LinliStore           *store,
                                               LinliCsvTable        *table,
                                               const LinliCaseField *mapping,
                                               GPtrArray           **row_errors,
                                               guint                *n_imported,
                                               GError              **error);
gboolean        linli_case_csv_import_full    (LinliStore           *store,
                                               LinliCsvTable        *table,
                                               const LinliCaseField *mapping,
                                               LinliCountFunc        count,
                                               gpointer              count_data,
                                               GCancellable         *cancellable,
                                               GPtrArray           **row_errors,
                                               guint                *n_imported,
                                               GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* Many cases read as plain values in one statement, for exports of the
 * whole list: no record objects, and the reporter and the case a duplicate
 * repeats joined in. */

typedef enum
{
  LINLI_CASE_ROW_NUMBER,
  LINLI_CASE_ROW_TITLE,
  LINLI_CASE_ROW_DESCRIPTION,
  LINLI_CASE_ROW_CATEGORY,
  LINLI_CASE_ROW_SUBCATEGORY,
  LINLI_CASE_ROW_SOURCE,
  LINLI_CASE_ROW_REPORTER_NAME,
  LINLI_CASE_ROW_REPORTER_PHONE,
  LINLI_CASE_ROW_BUILDING_ID,
  LINLI_CASE_ROW_ADDRESS,
  LINLI_CASE_ROW_GRID_ID,
  LINLI_CASE_ROW_URGENCY,          /* nicks, as stored */
  LINLI_CASE_ROW_WORKER_ID,
  LINLI_CASE_ROW_RESPONSIBLE_UNIT,
  LINLI_CASE_ROW_REPORTED_AT,      /* times as stored: ISO 8601 */
  LINLI_CASE_ROW_DUE_AT,
  LINLI_CASE_ROW_STATUS,
  LINLI_CASE_ROW_RESOLUTION_LEVEL,
  LINLI_CASE_ROW_RESOLUTION,
  LINLI_CASE_ROW_RESOLVED_AT,
  LINLI_CASE_ROW_SATISFACTION,
  LINLI_CASE_ROW_REVISITED_AT,
  LINLI_CASE_ROW_REVISIT_NOTES,
  LINLI_CASE_ROW_ORIGINAL_NUMBER,  /* of the case a duplicate repeats */
  LINLI_N_CASE_ROW_COLUMNS
} LinliCaseRowColumn;

typedef struct _LinliCaseRows LinliCaseRows;

LinliCaseRows *linli_case_rows_new      (LinliStore          *store,
                                         const gint64        *ids,
                                         guint                n_ids,
                                         GError             **error);
gboolean       linli_case_rows_next     (LinliCaseRows       *self,
                                         GError             **error);
const char    *linli_case_rows_get_text (LinliCaseRows       *self,
                                         LinliCaseRowColumn   column);
gint64         linli_case_rows_get_int  (LinliCaseRows       *self,
                                         LinliCaseRowColumn   column);
void           linli_case_rows_free     (LinliCaseRows       *self);

gboolean       linli_parse_stored_time  (const char          *text,
                                         gint64              *unix_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliCaseRows, linli_case_rows_free)

G_END_DECLS

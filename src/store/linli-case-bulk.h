/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* New cases written from plain values, for imports of many: what
 * linli_store_insert() writes for a LinliCase with these values, without
 * a record object or a GDateTime per case. The counterpart of
 * linli-case-rows.h, which reads many. */

#define LINLI_CASE_NO_TIME G_MININT64   /* a time the case does not have */

typedef struct
{
  const char           *number;
  const char           *title;
  const char           *description;       /* the text fields: %NULL for none */
  const char           *category;
  const char           *subcategory;
  const char           *source;
  gint64                reporter_id;       /* the references: 0 for none */
  gint64                building_id;
  const char           *address;
  double                lat;               /* NAN for none */
  double                lon;
  gint64                grid_id;
  gboolean              grid_overridden;
  LinliUrgency          urgency;
  gint64                worker_id;
  const char           *responsible_unit;
  gint64                reported_at;       /* Unix times, or LINLI_CASE_NO_TIME */
  gint64                due_at;
  LinliCaseStatus       status;
  LinliResolutionLevel  resolution_level;
  const char           *resolution;
  gint64                resolved_at;
  LinliSatisfaction     satisfaction;
  gint64                revisited_at;
  const char           *revisit_notes;
  gint64                duplicate_of;
} LinliCaseValues;

typedef struct _LinliCaseBulk LinliCaseBulk;

void           linli_case_values_init (LinliCaseValues        *values);
LinliCaseBulk *linli_case_bulk_begin  (LinliStore             *store,
                                       guint                   n_cases,
                                       GCancellable           *cancellable,
                                       GError                **error);
gboolean       linli_case_bulk_insert (LinliCaseBulk          *bulk,
                                       const LinliCaseValues  *values,
                                       gint64                 *id,
                                       GError                **error);
gboolean       linli_case_bulk_end    (LinliCaseBulk          *bulk,
                                       GError                **error);
void           linli_case_bulk_free   (LinliCaseBulk          *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliCaseBulk, linli_case_bulk_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-search.h"
#include "linli-record-list.h"

G_BEGIN_DECLS

/* Which cases the Cases page shows and in what order: the search text, the
 * filters and the sort column. Pure logic over the store's list model. */

typedef enum {
  LINLI_CASE_SORT_REPORTED,
  LINLI_CASE_SORT_NUMBER,
  LINLI_CASE_SORT_TITLE,
  LINLI_CASE_SORT_GRID,
  LINLI_CASE_SORT_CATEGORY,
  LINLI_CASE_SORT_STATUS,
  LINLI_CASE_SORT_URGENCY,
  LINLI_CASE_SORT_WORKER,
  LINLI_CASE_SORT_DUE,
} LinliCaseSort;

typedef struct
{
  guint          statuses;      /* a bit per LinliCaseStatus; 0 for any */
  gint64         grid_id;       /* 0 for any */
  char          *category;      /* NULL for any */
  gint64         worker_id;     /* 0 for any */
  gboolean       overdue_only;
  GDateTime     *from;          /* reported at or after; NULL for no limit */
  GDateTime     *until;         /* reported before; NULL for no limit */
  LinliCaseSort  sort;
  gboolean       descending;
} LinliCaseQuery;

typedef enum {
  LINLI_DEADLINE_NONE,    /* no due time, or the case is closed */
  LINLI_DEADLINE_GREEN,   /* under 80% of the time allowed has passed */
  LINLI_DEADLINE_AMBER,   /* 80% or more, not yet due */
  LINLI_DEADLINE_RED,     /* past due and still open */
} LinliDeadline;

#define LINLI_CASE_STATUS_BIT(status) (1u << (status))

void           linli_case_query_init    (LinliCaseQuery       *self);
void           linli_case_query_clear   (LinliCaseQuery       *self);
void           linli_case_query_apply   (const LinliCaseQuery *self,
                                         LinliRecordList      *list,
                                         GDateTime            *now);
gboolean       linli_case_is_overdue    (LinliRecord          *record,
                                         GDateTime            *now);
LinliDeadline  linli_case_deadline      (LinliRecord          *record,
                                         GDateTime            *now);

G_END_DECLS

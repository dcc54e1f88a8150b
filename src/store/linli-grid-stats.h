/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* What the map's grid panel says about one grid. A management grid's cases
 * are those filed under it; a public sentiment grid, which no case is filed
 * under, counts the cases whose place lies inside its outline. Void and
 * duplicate cases count nowhere. */

typedef struct
{
  GStrv  workers;           /* names, sorted */
  guint  n_cases;
  guint  open;              /* linli_case_status_is_open() */
  guint  overdue;           /* running past the due time */
  guint  this_month;        /* reported since the start of @now's month */
  guint  resolved;          /* resolved or revisited */
  guint  resolved_in_grid;  /* of those, with resolution level "grid" */
} LinliGridStats;

gboolean linli_grid_stats_load  (LinliStore     *store,
                                 LinliGrid      *grid,
                                 GDateTime      *now,
                                 LinliGridStats *stats,
                                 GError        **error);
void     linli_grid_stats_clear (LinliGridStats *stats);

/* resolved_in_grid / resolved, or NAN with nothing resolved. */
double   linli_grid_stats_resolved_in_grid_share (const LinliGridStats *stats);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinliGridStats, linli_grid_stats_clear)

G_END_DECLS

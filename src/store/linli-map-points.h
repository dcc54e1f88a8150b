/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* Everything the map draws as a point, read in one query: the cases, the
 * buildings, the volunteer activities and the outreach events that have a
 * place. A case with no point of its own sits at its building. */

typedef enum {
  LINLI_MAP_POINT_CASE,
  LINLI_MAP_POINT_BUILDING,
  LINLI_MAP_POINT_ACTIVITY,
  LINLI_MAP_POINT_OUTREACH,
} LinliMapPointKind;

#define LINLI_MAP_POINT_N_KINDS 4

typedef struct
{
  gint64             id;
  LinliMapPointKind  kind;
  double             lat;
  double             lon;
  int                status;   /* LinliCaseStatus, LinliActivityStatus; 0 otherwise */
  gboolean           overdue;  /* a running case past its due time */
  char              *title;    /* a building's name */
  char              *at;       /* reported or starting time as stored; NULL for a building */
} LinliMapPoint;

GArray     *linli_map_points_load      (LinliStore     *store,
                                        GDateTime      *now,
                                        GError        **error);
gboolean    linli_map_points_is_source (GType           type);

G_END_DECLS

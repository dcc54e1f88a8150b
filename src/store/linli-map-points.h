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

/* Which cases the map draws. The other kinds are always all drawn. */
typedef enum {
  LINLI_MAP_CASES_OPEN,      /* linli_case_status_is_open(): the default */
  LINLI_MAP_CASES_OVERDUE,   /* running past their due time */
  LINLI_MAP_CASES_ALL,       /* every case but void and duplicate ones */
} LinliMapCases;

#define LINLI_MAP_CASES_N 3

/* Reported when: counted in the local time of @now. */
typedef enum {
  LINLI_MAP_PERIOD_ANY,
  LINLI_MAP_PERIOD_THIS_MONTH,
  LINLI_MAP_PERIOD_THIS_QUARTER,
  LINLI_MAP_PERIOD_THIS_YEAR,
} LinliMapPeriod;

#define LINLI_MAP_PERIOD_N 4

GArray     *linli_map_points_load      (LinliStore     *store,
                                        GDateTime      *now,
                                        GError        **error);
GArray     *linli_map_points_load_cases (LinliStore    *store,
                                         GDateTime     *now,
                                         LinliMapCases  cases,
                                         LinliMapPeriod period,
                                         GError       **error);
void        linli_map_points_load_cases_async  (LinliStore          *store,
                                                GDateTime           *now,
                                                LinliMapCases        cases,
                                                LinliMapPeriod       period,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GArray     *linli_map_points_load_cases_finish (LinliStore          *store,
                                                GAsyncResult        *result,
                                                GError             **error);
gboolean    linli_map_points_case_shown (LinliMapCases  cases,
                                         LinliMapPeriod period,
                                         GDateTime     *now,
                                         int            status,
                                         gboolean       overdue,
                                         GDateTime     *reported_at);

/* The names the choices are remembered by, and back; -1 for none. */
const char *linli_map_cases_to_nick    (LinliMapCases   cases);
int         linli_map_cases_from_nick  (const char     *nick);
const char *linli_map_period_to_nick   (LinliMapPeriod  period);
int         linli_map_period_from_nick (const char     *nick);

/* How urgently a case asks for attention, 0 the most: overdue, then
 * escalated, registered (nobody on it yet), assigned, in progress,
 * suspended, resolved, revisited, and void or duplicate last. A disc of
 * several cases is coloured as its most urgent one. */
guint       linli_map_case_rank        (int             status,
                                        gboolean        overdue);
#define LINLI_MAP_CASE_RANK_OVERDUE 0
gboolean    linli_map_points_is_source (GType           type);

G_END_DECLS

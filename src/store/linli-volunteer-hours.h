/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-list.h"

G_BEGIN_DECLS

/* Hours of service per volunteer, for a period or for all time. What counts
 * is each participation in an activity that was not cancelled, in the
 * period by the activity's start: the hours its organiser recorded. */

typedef struct
{
  guint  n_activities;
  double hours;
} LinliServiceTotal;

/* One activity a volunteer served in. */
typedef struct
{
  LinliRecord *activity;
  char        *role;
  double       hours;
} LinliService;

typedef enum {
  LINLI_VOLUNTEER_SORT_NAME,
  LINLI_VOLUNTEER_SORT_NUMBER,
  LINLI_VOLUNTEER_SORT_HOURS,
  LINLI_VOLUNTEER_SORT_ACTIVITIES,
} LinliVolunteerSort;

GHashTable *linli_volunteer_hours_by_volunteer (LinliStore        *store,
                                                GDateTime         *from,
                                                GDateTime         *until,
                                                GError           **error);
gboolean    linli_volunteer_hours_total        (LinliStore        *store,
                                                gint64             volunteer_id,
                                                GDateTime         *from,
                                                GDateTime         *until,
                                                LinliServiceTotal *total,
                                                GError           **error);
GPtrArray  *linli_volunteer_list_service       (LinliStore        *store,
                                                gint64             volunteer_id,
                                                GDateTime         *from,
                                                GDateTime         *until,
                                                GError           **error);
void        linli_service_free                 (LinliService      *service);

void        linli_volunteer_query_apply        (LinliRecordList   *list,
                                                GDateTime         *from,
                                                GDateTime         *until,
                                                gboolean           served_only,
                                                LinliVolunteerSort sort,
                                                gboolean           descending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliService, linli_service_free)

char       *linli_format_hours                 (double             hours);

G_END_DECLS

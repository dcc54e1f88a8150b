/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-event-search.h"
#include "linli-record-list.h"

G_BEGIN_DECLS

/* Which activities or outreach events the pages show and in what order, and
 * the totals of what they show. Pure logic over the store's list model:
 *
 *   search = linli_event_search_new (store, LINLI_TYPE_ACTIVITY);  (first)
 *   list = linli_record_list_new (store, LINLI_TYPE_ACTIVITY, NULL, NULL, 0);
 *   linli_record_list_set_filter (list, linli_event_search_filter, search, NULL);
 *   linli_event_query_apply (&query, LINLI_TYPE_ACTIVITY, list);
 *   linli_event_totals_compute (&totals, store, LINLI_TYPE_ACTIVITY, list);
 */

typedef enum {
  LINLI_EVENT_SORT_START,
  LINLI_EVENT_SORT_TITLE,
  LINLI_EVENT_SORT_TYPE,        /* activity type; outreach format */
  LINLI_EVENT_SORT_STATUS,      /* activities only */
  LINLI_EVENT_SORT_VENUE,
  LINLI_EVENT_SORT_GRID,
  LINLI_EVENT_SORT_VOLUNTEERS,  /* activities: who served */
  LINLI_EVENT_SORT_HOURS,       /* activities: hours served in all */
  LINLI_EVENT_SORT_ATTENDEES,   /* outreach */
  LINLI_EVENT_SORT_LEAFLETS,    /* outreach */
  LINLI_EVENT_SORT_INSTALLS,    /* outreach */
} LinliEventSort;

typedef struct
{
  char           *activity_type;  /* activities: NULL for any */
  guint           statuses;       /* activities: a bit per LinliActivityStatus; 0 for any */
  guint           formats;        /* outreach: a bit per LinliOutreachFormat; 0 for any */
  char           *target_group;   /* outreach: NULL for any */
  char           *topic;          /* outreach: NULL for any */
  gint64          organisation_id;/* a partner or organiser; 0 for any */
  gint64          grid_id;        /* 0 for any */
  GDateTime      *from;           /* starting at or after; NULL for no limit */
  GDateTime      *until;          /* starting before; NULL for no limit */
  LinliEventSort  sort;
  gboolean        descending;
} LinliEventQuery;

#define LINLI_EVENT_BIT(value) (1u << (value))

/* What is shown, added up. */
typedef struct
{
  guint  n_events;
  /* activities */
  guint  n_volunteers;     /* distinct volunteers who served in them */
  guint  n_participations;
  double hours;
  gint64 beneficiaries;
  /* outreach */
  gint64 attendees;
  gint64 leaflets;
  gint64 app_installs;
  gint64 consultations;
} LinliEventTotals;

void     linli_event_query_init       (LinliEventQuery       *self);
void     linli_event_query_clear      (LinliEventQuery       *self);
void     linli_event_query_apply      (const LinliEventQuery *self,
                                       GType                  type,
                                       LinliRecordList       *list);

void     linli_event_totals_compute   (LinliEventTotals      *totals,
                                       LinliStore            *store,
                                       GType                  type,
                                       LinliRecordList       *list);
gboolean linli_activity_count_service (LinliStore            *store,
                                       gint64                 activity_id,
                                       guint                 *n_volunteers,
                                       double                *hours);
GStrv    linli_store_dup_activity_types (LinliStore          *store);
GStrv    linli_store_dup_outreach_names (LinliStore          *store,
                                         const char          *list_table);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinliEventQuery, linli_event_query_clear)

G_END_DECLS

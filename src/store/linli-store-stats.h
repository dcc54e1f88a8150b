/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* The numbers and lists the printed reports are made of, each from a few
 * GROUP BY queries over the store: nothing here runs one query per row.
 *
 * A scope is a stretch of time [from, until) and the whole community or
 * one grid. A case belongs to a grid by its grid_id; an activity or an
 * outreach event by its own grid_id. */

typedef struct
{
  GDateTime *from;      /* inclusive */
  GDateTime *until;     /* exclusive */
  gint64     grid_id;   /* 0: the whole community */
} LinliStatsScope;

/* Counts of cases. "Resolved" means resolved or revisited with its
 * resolved_at inside the period. "Open at the end" is every case reported
 * before the end that is neither void nor a duplicate and was not resolved
 * by then. "Overdue" counts those open cases whose due time had passed by
 * the end of the period (or by now, for a period that has not ended), the
 * suspended ones left out: they wait on someone else. */
typedef struct
{
  guint  received;            /* reported in the period, every status */
  guint  resolved;
  guint  open_at_end;
  guint  overdue;
  guint  resolved_by_level[4];  /* of resolved, by LinliResolutionLevel (NONE: not recorded) */
  guint  resolved_with_due;     /* of resolved: those with a due time */
  guint  resolved_on_time;      /* of those: resolved_at ≤ due_at */
  double days_to_resolve;       /* of resolved: days from reported to resolved, summed */
  guint  satisfaction[4];       /* of resolved, by LinliSatisfaction (NONE: not asked) */
} LinliCaseCounts;

typedef struct
{
  gint64          grid_id;  /* 0: cases in no grid */
  char           *code;     /* NULL for no grid */
  char           *name;
  LinliCaseCounts counts;
} LinliGridCaseCounts;

typedef struct
{
  char  *key;
  guint  count;
} LinliStatCount;

typedef struct
{
  LinliCaseCounts  total;
  /* LinliGridCaseCounts: every management grid, then any other grid with
   * cases, in the grids' order, then the cases in no grid if any; only the
   * scope's grid when there is one. */
  GPtrArray       *by_grid;
  /* LinliStatCount of the cases received, most first: */
  GPtrArray       *by_category;
  GPtrArray       *by_source;
  GPtrArray       *by_status;   /* key: the status nick; the cases' status now */
  GArray          *overdue_ids; /* gint64: the overdue cases, the longest overdue first */
} LinliCaseStats;

/* The rates of LinliCaseCounts, as fractions from 0 to 1, NAN when there is
 * nothing to divide by. Within the grid: resolved at grid level (小事不出网格).
 * Within the community: resolved at grid or community level, that is without
 * going up to the subdistrict (大事不出社区). Satisfaction: satisfied or
 * basically satisfied, of the cases where it was asked. */
double linli_case_counts_grid_share        (const LinliCaseCounts *counts);
double linli_case_counts_community_share   (const LinliCaseCounts *counts);
double linli_case_counts_on_time_rate      (const LinliCaseCounts *counts);
double linli_case_counts_average_days      (const LinliCaseCounts *counts);
double linli_case_counts_satisfaction_rate (const LinliCaseCounts *counts);

/* A case as a row of a printed table: its own columns and the names of
 * what it points at. */
typedef struct
{
  gint64                id;
  char                 *number;
  char                 *title;
  char                 *category;
  char                 *subcategory;   /* nullable */
  char                 *source;
  char                 *address;       /* nullable */
  gint64                grid_id;       /* 0: none */
  char                 *grid_code;     /* nullable */
  char                 *grid_name;     /* nullable */
  char                 *worker_name;   /* nullable */
  char                 *responsible_unit; /* nullable */
  LinliCaseStatus       status;
  LinliUrgency          urgency;
  LinliResolutionLevel  resolution_level;
  LinliSatisfaction     satisfaction;
  GDateTime            *reported_at;
  GDateTime            *due_at;        /* nullable */
  GDateTime            *resolved_at;   /* nullable */
} LinliCaseRow;

typedef struct
{
  char            *name;
  LinliWorkerRole  role;
  char            *phone;   /* nullable; a worker's office phone, not masked */
} LinliLedgerWorker;

/* One grid's page of the ledger (网格工作台账). */
typedef struct
{
  gint64         grid_id;
  char          *code;
  char          *name;
  LinliGridKind  kind;
  gint64         households;   /* as the grid records them */
  gint64         population;
  gint64         building_households;  /* the sum over its buildings */
  GPtrArray     *workers;      /* LinliLedgerWorker, by role and name */
  GPtrArray     *buildings;    /* char *: the buildings' names, in their order */
  GPtrArray     *cases;        /* LinliCaseRow: reported in the period, oldest first */
} LinliGridLedger;

typedef struct
{
  gint64               id;
  GDateTime           *start_at;
  char                *title;
  char                *type;
  char                *venue;        /* nullable */
  char                *grid_name;    /* nullable */
  LinliActivityStatus  status;
  guint                beneficiaries;
  guint                volunteers;   /* participations */
  double               hours;        /* their hours, summed */
} LinliActivityRow;

typedef struct
{
  gint64     activity_id;
  GDateTime *start_at;
  char      *title;
  char      *role;    /* nullable */
  double     hours;
} LinliVolunteerActivity;

typedef struct
{
  gint64     volunteer_id;
  char      *name;
  char      *number;        /* nullable: the registered volunteer number */
  guint      n_activities;
  double     hours;
  GPtrArray *activities;    /* LinliVolunteerActivity, oldest first; NULL in a top list */
} LinliVolunteerHours;

/* The volunteer activities that started in the period, cancelled ones left
 * out. */
typedef struct
{
  GPtrArray *activities;      /* LinliActivityRow, oldest first */
  guint      participations;  /* volunteer turns (人次) */
  guint      volunteers;      /* different volunteers */
  double     hours;
  guint      beneficiaries;
  GPtrArray *top_volunteers;  /* LinliVolunteerHours without activities, most hours first */
} LinliActivityStats;

typedef struct
{
  gint64               id;
  GDateTime           *start_at;
  char                *title;
  char                *venue;         /* nullable */
  LinliOutreachFormat  format;
  guint                attendees;
  guint                leaflets;
  guint                app_installs;
  guint                consultations;
  GStrv                target_groups; /* never NULL */
} LinliOutreachRow;

/* An event with several target groups counts in each of them. */
typedef struct
{
  char  *name;
  guint  events;
  guint  attendees;
  guint  leaflets;
  guint  app_installs;
} LinliOutreachGroup;

typedef struct
{
  GPtrArray *events;          /* LinliOutreachRow, oldest first */
  guint      attendees;
  guint      leaflets;
  guint      app_installs;
  guint      consultations;
  GPtrArray *by_target_group; /* LinliOutreachGroup, most attendees first */
} LinliOutreachStats;

LinliCaseStats     *linli_store_case_stats       (LinliStore            *self,
                                                  const LinliStatsScope *scope,
                                                  GError               **error);
/* LinliCaseRow: the cases overdue as LinliCaseCounts counts them, the
 * longest overdue first; the first @limit of them, or all for 0. */
GPtrArray          *linli_store_overdue_cases    (LinliStore            *self,
                                                  const LinliStatsScope *scope,
                                                  guint                  limit,
                                                  GError               **error);
/* LinliCaseRow: the cases of @ids in that order; ids of deleted cases are
 * skipped. */
GPtrArray          *linli_store_case_rows        (LinliStore            *self,
                                                  const gint64          *ids,
                                                  guint                  n_ids,
                                                  GError               **error);
/* LinliGridLedger: every grid in the grids' order, or the scope's grid. */
GPtrArray          *linli_store_grid_ledgers     (LinliStore            *self,
                                                  const LinliStatsScope *scope,
                                                  GError               **error);
LinliActivityStats *linli_store_activity_stats   (LinliStore            *self,
                                                  const LinliStatsScope *scope,
                                                  guint                  n_top,
                                                  GError               **error);
/* LinliVolunteerHours with their activities: every volunteer who took part
 * in an activity of the period, most hours first. */
GPtrArray          *linli_store_volunteer_hours  (LinliStore            *self,
                                                  const LinliStatsScope *scope,
                                                  GError               **error);
LinliOutreachStats *linli_store_outreach_stats   (LinliStore            *self,
                                                  const LinliStatsScope *scope,
                                                  GError               **error);

void linli_case_stats_free     (LinliCaseStats     *stats);
void linli_activity_stats_free (LinliActivityStats *stats);
void linli_outreach_stats_free (LinliOutreachStats *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliCaseStats, linli_case_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliActivityStats, linli_activity_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliOutreachStats, linli_outreach_stats_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "linli-report-private.h"

/* The work summary the office hands upward every month and quarter. */

#define N_TOP_VOLUNTEERS 10
/* A summary lists the cases longest overdue, not a year's backlog: the
 * case list prints them all. */
#define N_OVERDUE_LISTED 50

static char *
grid_row_label (const LinliGridCaseCounts *row)
{
  return row->code ? g_strdup (row->name) : g_strdup (_("No grid"));
}

static void
add_case_overview (LinliReportDoc        *doc,
                   const LinliCaseCounts *t)
{
  g_autofree char *first = NULL, *second = NULL;
  g_autofree char *grid_share = linli_report_format_percent (linli_case_counts_grid_share (t));
  g_autofree char *community_share = linli_report_format_percent (linli_case_counts_community_share (t));
  g_autofree char *on_time = linli_report_format_percent (linli_case_counts_on_time_rate (t));
  g_autofree char *days = linli_report_format_decimal (linli_case_counts_average_days (t));
  g_autofree char *satisfaction = linli_report_format_percent (linli_case_counts_satisfaction_rate (t));
  guint within_grid = t->resolved_by_level[LINLI_RESOLUTION_LEVEL_GRID];
  guint within_community = within_grid + t->resolved_by_level[LINLI_RESOLUTION_LEVEL_COMMUNITY];
  LinliReportFigures *figures;

  first = g_strdup_printf (_("Cases received: %1$u; resolved: %2$u; open at the end of the period: "
                             "%3$u, of which overdue: %4$u."),
                           t->received, t->resolved, t->open_at_end, t->overdue);
  second = g_strdup_printf (_("Resolved within the grid: %1$u, %2$s of those resolved; within the "
                              "community: %3$u, %4$s. Resolved on time: %5$s; average time to "
                              "resolve: %6$s days; residents satisfied: %7$s."),
                            within_grid, grid_share, within_community, community_share,
                            on_time, days, satisfaction);
  linli_report_doc_add_paragraph (doc, first);
  linli_report_doc_add_paragraph (doc, second);

  figures = linli_report_doc_add_figures (doc);
#define FIGURE(label, text) \
  G_STMT_START { g_autofree char *value_ = (text); linli_report_figures_add (figures, label, value_); } G_STMT_END
  FIGURE (_("Received"), linli_report_format_count (t->received));
  FIGURE (_("Resolved"), linli_report_format_count (t->resolved));
  FIGURE (_("Open at the end"), linli_report_format_count (t->open_at_end));
  FIGURE (_("Overdue"), linli_report_format_count (t->overdue));
  FIGURE (_("Resolved within the grid"), g_strdup (grid_share));
  FIGURE (_("Resolved within the community"), g_strdup (community_share));
  FIGURE (_("Resolved on time"), g_strdup (on_time));
  FIGURE (_("Average days to resolve"), g_strdup (days));
  FIGURE (_("Satisfaction"), g_strdup (satisfaction));
#undef FIGURE
}

static void
add_by_grid (LinliReportDoc       *doc,
             const LinliCaseStats *stats)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "Grid"), 2.2, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Received"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Resolved"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Open"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Overdue"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Within grid"), 1.3, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Within community"), 1.3, LINLI_REPORT_ALIGN_END },
  };
  LinliReportTable *table;
  LinliReportChart *chart;
  const LinliCaseCounts *t = &stats->total;

  linli_report_doc_add_heading (doc, 2, _("(1) By grid"));
  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < stats->by_grid->len; i++)
    {
      const LinliGridCaseCounts *row = g_ptr_array_index (stats->by_grid, i);
      const LinliCaseCounts *c = &row->counts;

      linli_report_add_row (table, FALSE,
                            grid_row_label (row),
                            linli_report_format_count (c->received),
                            linli_report_format_count (c->resolved),
                            linli_report_format_count (c->open_at_end),
                            linli_report_format_count (c->overdue),
                            linli_report_format_percent (linli_case_counts_grid_share (c)),
                            linli_report_format_percent (linli_case_counts_community_share (c)));
    }
  linli_report_add_row (table, TRUE,
                        g_strdup (C_("report row", "Total")),
                        linli_report_format_count (t->received),
                        linli_report_format_count (t->resolved),
                        linli_report_format_count (t->open_at_end),
                        linli_report_format_count (t->overdue),
                        linli_report_format_percent (linli_case_counts_grid_share (t)),
                        linli_report_format_percent (linli_case_counts_community_share (t)));
  linli_report_table_set_caption (table, _("Cases by grid"));

  chart = linli_report_doc_add_bar_chart (doc, C_("unit", "cases"));
  linli_report_chart_set_title (chart, _("Cases received by grid"));
  for (guint i = 0; i < stats->by_grid->len; i++)
    {
      const LinliGridCaseCounts *row = g_ptr_array_index (stats->by_grid, i);
      g_autofree char *label = grid_row_label (row);

      linli_report_chart_add_bar (chart, label, row->counts.received);
    }
}

/* A table of counts with their share of @whole and a total row. */
static void
add_counts (LinliReportDoc *doc,
            const char     *heading,
            const char     *key_title,
            GPtrArray      *counts,
            guint           whole,
            gboolean        keys_are_statuses)
{
  const LinliReportColumn columns[] = {
    { key_title, 3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Cases"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Share"), 1, LINLI_REPORT_ALIGN_END },
  };
  g_autoptr(GEnumClass) statuses = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  LinliReportTable *table;

  linli_report_doc_add_heading (doc, 2, heading);
  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < counts->len; i++)
    {
      const LinliStatCount *count = g_ptr_array_index (counts, i);
      const char *key = count->key;

      if (keys_are_statuses)
        {
          GEnumValue *value = g_enum_get_value_by_nick (statuses, key);
          if (value != NULL)
            key = linli_case_status_label (value->value);
        }
      linli_report_add_row (table, FALSE,
                            linli_report_cell (key),
                            linli_report_format_count (count->count),
                            linli_report_format_share (count->count, whole));
    }
  linli_report_add_row (table, TRUE,
                        g_strdup (C_("report row", "Total")),
                        linli_report_format_count (whole),
                        linli_report_format_share (whole, whole));
}

static void
add_outcome (LinliReportDoc        *doc,
             const LinliCaseCounts *t)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "Item"), 3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Cases"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Share"), 1, LINLI_REPORT_ALIGN_END },
  };
  static const LinliResolutionLevel levels[] = {
    LINLI_RESOLUTION_LEVEL_GRID, LINLI_RESOLUTION_LEVEL_COMMUNITY,
    LINLI_RESOLUTION_LEVEL_SUBDISTRICT, LINLI_RESOLUTION_LEVEL_NONE,
  };
  static const LinliSatisfaction satisfactions[] = {
    LINLI_SATISFACTION_SATISFIED, LINLI_SATISFACTION_BASICALLY_SATISFIED,
    LINLI_SATISFACTION_DISSATISFIED, LINLI_SATISFACTION_NONE,
  };
  LinliReportTable *table;

  linli_report_doc_add_heading (doc, 2, _("(5) Resolution level and satisfaction"));
  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      const char *label = levels[i] == LINLI_RESOLUTION_LEVEL_NONE
                          ? _("Level not recorded")
                          : linli_resolution_level_label (levels[i]);

      linli_report_add_row (table, FALSE, g_strdup (label),
                            linli_report_format_count (t->resolved_by_level[levels[i]]),
                            linli_report_format_share (t->resolved_by_level[levels[i]], t->resolved));
    }
  for (guint i = 0; i < G_N_ELEMENTS (satisfactions); i++)
    linli_report_add_row (table, FALSE, g_strdup (linli_satisfaction_label (satisfactions[i])),
                          linli_report_format_count (t->satisfaction[satisfactions[i]]),
                          linli_report_format_share (t->satisfaction[satisfactions[i]], t->resolved));
  linli_report_add_row (table, TRUE, g_strdup (_("Resolved in the period")),
                        linli_report_format_count (t->resolved),
                        linli_report_format_share (t->resolved, t->resolved));
  linli_report_table_set_caption (table, _("Shares are of the cases resolved in the period."));
}

static void
add_overdue (LinliReportDoc *doc,
             GPtrArray      *overdue,
             guint           n_overdue,
             GDateTime      *as_of)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "Number"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Case"), 3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Grid"), 1.4, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Worker"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Due"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Days over"), 1, LINLI_REPORT_ALIGN_END },
  };
  LinliReportTable *table;

  linli_report_doc_add_heading (doc, 2, _("(6) Overdue cases"));
  if (overdue->len == 0)
    {
      linli_report_doc_add_paragraph (doc, _("No case was overdue."));
      return;
    }
  if (n_overdue > overdue->len)
    {
      g_autofree char *text = g_strdup_printf (_("Listed: the %1$u cases longest overdue, of %2$u."),
                                               overdue->len, n_overdue);
      linli_report_doc_add_paragraph (doc, text);
    }
  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < overdue->len; i++)
    {
      const LinliCaseRow *row = g_ptr_array_index (overdue, i);
      double days = g_date_time_difference (as_of, row->due_at) / (double) G_TIME_SPAN_DAY;

      linli_report_add_row (table, FALSE,
                            linli_report_cell (row->number),
                            linli_report_cell (row->title),
                            linli_report_cell (row->grid_name),
                            linli_report_cell (row->worker_name),
                            linli_report_format_date (row->due_at),
                            linli_report_format_count ((guint64) MAX (1, ceil (days))));
    }
}

static void
add_volunteers (LinliReportDoc           *doc,
                const LinliActivityStats *stats)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "Date"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Activity"), 3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Type"), 1.2, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Volunteers"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Hours"), 1, LINLI_REPORT_ALIGN_END },
  };
  const LinliReportColumn top_columns[] = {
    { C_("report column", "Rank"), 0.7, LINLI_REPORT_ALIGN_CENTER },
    { C_("report column", "Name"), 1.5, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Volunteer number"), 1.5, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Activities"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Hours"), 1, LINLI_REPORT_ALIGN_END },
  };
  g_autofree char *hours = linli_report_format_decimal (stats->hours);
  g_autofree char *text = NULL;
  LinliReportTable *table;

  linli_report_doc_add_heading (doc, 1, _("2. Volunteer Service"));
  text = g_strdup_printf (_("Volunteer activities held: %1$u, with %2$u volunteer turns by %3$u "
                            "volunteers, %4$s hours of service, serving %5$u people."),
                          stats->activities->len, stats->participations, stats->volunteers,
                          hours, stats->beneficiaries);
  linli_report_doc_add_paragraph (doc, text);
  if (stats->activities->len == 0)
    return;

  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < stats->activities->len; i++)
    {
      const LinliActivityRow *row = g_ptr_array_index (stats->activities, i);

      linli_report_add_row (table, FALSE,
                            linli_report_format_date (row->start_at),
                            linli_report_cell (row->title),
                            linli_report_cell (row->type),
                            linli_report_format_count (row->volunteers),
                            linli_report_format_decimal (row->hours));
    }
  linli_report_add_row (table, TRUE,
                        g_strdup (C_("report row", "Total")), NULL, NULL,
                        linli_report_format_count (stats->participations),
                        g_strdup (hours));

  linli_report_doc_add_heading (doc, 2, _("(1) Volunteers with the most hours"));
  table = linli_report_doc_add_table (doc, top_columns, G_N_ELEMENTS (top_columns));
  for (guint i = 0; i < stats->top_volunteers->len; i++)
    {
      const LinliVolunteerHours *v = g_ptr_array_index (stats->top_volunteers, i);

      linli_report_add_row (table, FALSE,
                            linli_report_format_count (i + 1),
                            linli_report_cell (v->name),
                            linli_report_cell (v->number),
                            linli_report_format_count (v->n_activities),
                            linli_report_format_decimal (v->hours));
    }
}

static void
add_outreach (LinliReportDoc           *doc,
              const LinliOutreachStats *stats)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "Date"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Event"), 2.4, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Venue"), 1.6, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Format"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Attendees"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Leaflets"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "App installs"), 1, LINLI_REPORT_ALIGN_END },
  };
  const LinliReportColumn group_columns[] = {
    { C_("report column", "Target group"), 2, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Events"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Attendees"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Leaflets"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "App installs"), 1, LINLI_REPORT_ALIGN_END },
  };
  g_autofree char *text = NULL;
  LinliReportTable *table;

  linli_report_doc_add_heading (doc, 1, _("3. Anti-Fraud Outreach"));
  text = g_strdup_printf (_("Anti-fraud outreach events: %1$u, reaching %2$u people; leaflets handed "
                            "out: %3$u; anti-fraud app installs: %4$u; consultations: %5$u."),
                          stats->events->len, stats->attendees, stats->leaflets,
                          stats->app_installs, stats->consultations);
  linli_report_doc_add_paragraph (doc, text);
  if (stats->events->len == 0)
    return;

  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < stats->events->len; i++)
    {
      const LinliOutreachRow *row = g_ptr_array_index (stats->events, i);

      linli_report_add_row (table, FALSE,
                            linli_report_format_date (row->start_at),
                            linli_report_cell (row->title),
                            linli_report_cell (row->venue),
                            g_strdup (linli_outreach_format_label (row->format)),
                            linli_report_format_count (row->attendees),
                            linli_report_format_count (row->leaflets),
                            linli_report_format_count (row->app_installs));
    }
  linli_report_add_row (table, TRUE,
                        g_strdup (C_("report row", "Total")), NULL, NULL, NULL,
                        linli_report_format_count (stats->attendees),
                        linli_report_format_count (stats->leaflets),
                        linli_report_format_count (stats->app_installs));

  if (stats->by_target_group->len == 0)
    return;
  linli_report_doc_add_heading (doc, 2, _("(1) By target group"));
  table = linli_report_doc_add_table (doc, group_columns, G_N_ELEMENTS (group_columns));
  for (guint i = 0; i < stats->by_target_group->len; i++)
    {
      const LinliOutreachGroup *group = g_ptr_array_index (stats->by_target_group, i);

      linli_report_add_row (table, FALSE,
                            linli_report_cell (group->name),
                            linli_report_format_count (group->events),
                            linli_report_format_count (group->attendees),
                            linli_report_format_count (group->leaflets),
                            linli_report_format_count (group->app_installs));
    }
  linli_report_table_set_caption (table, _("An event for several target groups counts in each of them."));
}

LinliReportDoc *
linli_report_build_summary (LinliStore              *store,
                            const LinliReportPeriod *period,
                            gint64                   grid_id,
                            GError                 **error)
{
  g_auto(LinliReportContext) context = { { NULL, }, };
  g_autoptr(LinliCaseStats) cases = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(LinliActivityStats) activities = NULL;
  g_autoptr(LinliOutreachStats) outreach = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;
  GDateTime *as_of;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!linli_report_context_init (&context, store, period, grid_id, error) ||
      !(cases = linli_store_case_stats (store, &context.scope, error)) ||
      !(overdue = linli_store_case_rows (store, (const gint64 *) (gpointer) cases->overdue_ids->data,
                                         MIN (cases->overdue_ids->len, N_OVERDUE_LISTED), error)) ||
      !(activities = linli_store_activity_stats (store, &context.scope, N_TOP_VOLUNTEERS, error)) ||
      !(outreach = linli_store_outreach_stats (store, &context.scope, error)))
    return NULL;

  /* TRANSLATORS: a report's title: the community, the period */
  title = g_strdup_printf (_("%1$s: Work Summary, %2$s"), context.community, context.period_label);
  doc = linli_report_doc_new (title);
  subtitle = linli_report_context_subtitle (&context);
  linli_report_doc_set_subtitle (doc, subtitle);
  linli_report_context_set_metadata (&context, doc);

  linli_report_doc_add_heading (doc, 1, _("1. Residents' Cases"));
  add_case_overview (doc, &cases->total);
  add_by_grid (doc, cases);
  add_counts (doc, _("(2) By category"), C_("report column", "Category"),
              cases->by_category, cases->total.received, FALSE);
  add_counts (doc, _("(3) By source"), C_("report column", "Source"),
              cases->by_source, cases->total.received, FALSE);
  add_counts (doc, _("(4) By status now"), C_("report column", "Status"),
              cases->by_status, cases->total.received, TRUE);
  add_outcome (doc, &cases->total);
  now = linli_store_now (store);
  as_of = g_date_time_compare (now, context.scope.until) < 0 ? now : context.scope.until;
  add_overdue (doc, overdue, cases->total.overdue, as_of);

  add_volunteers (doc, activities);
  add_outreach (doc, outreach);

  linli_report_add_signatures (doc);
  return g_steal_pointer (&doc);
}

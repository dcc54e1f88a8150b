/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-volunteer-hours"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-report-private.h"

/* Volunteer hours (志愿服务时长): what each volunteer gave in the period,
 * the table volunteers' hours are certified from. */

LinliReportDoc *
linli_report_build_volunteer_hours (LinliStore              *store,
                                    const LinliReportPeriod *period,
                                    gint64                   grid_id,
                                    GError                 **error)
{
  const LinliReportColumn summary_columns[] = {
    { C_("report column", "Rank"), 0.7, LINLI_REPORT_ALIGN_CENTER },
    { C_("report column", "Name"), 1.5, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Volunteer number"), 1.5, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Activities"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Hours"), 1, LINLI_REPORT_ALIGN_END },
  };
  const LinliReportColumn detail_columns[] = {
    { C_("report column", "Name"), 1.2, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Date"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Activity"), 3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Role"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Hours"), 0.9, LINLI_REPORT_ALIGN_END },
  };
  g_auto(LinliReportContext) context = { { NULL, }, };
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *title = NULL, *subtitle = NULL, *text = NULL, *total_text = NULL;
  LinliReportTable *table;
  double total = 0;
  guint turns = 0;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!linli_report_context_init (&context, store, period, grid_id, error) ||
      !(volunteers = linli_store_volunteer_hours (store, &context.scope, error)))
    return NULL;

  /* TRANSLATORS: a report's title: the community, the period */
  title = g_strdup_printf (_("%1$s: Volunteer Service Hours, %2$s"), context.community, context.period_label);
  doc = linli_report_doc_new (title);
  subtitle = linli_report_context_subtitle (&context);
  linli_report_doc_set_subtitle (doc, subtitle);
  linli_report_context_set_metadata (&context, doc);

  for (guint i = 0; i < volunteers->len; i++)
    {
      const LinliVolunteerHours *v = g_ptr_array_index (volunteers, i);
      total += v->hours;
      turns += v->n_activities;
    }
  total_text = linli_report_format_decimal (total);
  text = g_strdup_printf (_("Volunteers who served: %1$u, in %2$u turns, %3$s hours of service in all."),
                          volunteers->len, turns, total_text);
  linli_report_doc_add_paragraph (doc, text);
  if (volunteers->len == 0)
    {
      linli_report_add_signatures (doc);
      return g_steal_pointer (&doc);
    }

  linli_report_doc_add_heading (doc, 1, _("1. Hours by volunteer"));
  table = linli_report_doc_add_table (doc, summary_columns, G_N_ELEMENTS (summary_columns));
  for (guint i = 0; i < volunteers->len; i++)
    {
      const LinliVolunteerHours *v = g_ptr_array_index (volunteers, i);

      linli_report_add_row (table, FALSE,
                            linli_report_format_count (i + 1),
                            linli_report_cell (v->name),
                            linli_report_cell (v->number),
                            linli_report_format_count (v->n_activities),
                            linli_report_format_decimal (v->hours));
    }
  linli_report_add_row (table, TRUE, g_strdup (C_("report row", "Total")), NULL, NULL,
                        linli_report_format_count (turns), g_strdup (total_text));

  linli_report_doc_add_heading (doc, 1, _("2. Activities of each volunteer"));
  table = linli_report_doc_add_table (doc, detail_columns, G_N_ELEMENTS (detail_columns));
  for (guint i = 0; i < volunteers->len; i++)
    {
      const LinliVolunteerHours *v = g_ptr_array_index (volunteers, i);

      for (guint j = 0; j < v->activities->len; j++)
        {
          const LinliVolunteerActivity *a = g_ptr_array_index (v->activities, j);

          linli_report_add_row (table, FALSE,
                                linli_report_cell (j == 0 ? v->name : NULL),
                                linli_report_format_date (a->start_at),
                                linli_report_cell (a->title),
                                linli_report_cell (a->role),
                                linli_report_format_decimal (a->hours));
        }
      linli_report_add_row (table, TRUE,
                            /* TRANSLATORS: the total row of one volunteer's activities */
                            g_strdup_printf (_("%s, total"), v->name), NULL, NULL, NULL,
                            linli_report_format_decimal (v->hours));
    }

  linli_report_add_signatures (doc);
  return g_steal_pointer (&doc);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-common"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "linli-report-private.h"

char *
linli_report_community_name (LinliStore *store)
{
  g_autoptr(LinliCommunity) community = linli_store_dup_community (store);
  const char *name = community ? linli_record_get_text (LINLI_RECORD (community), "name") : NULL;

  return g_strdup (name ? name : _("Community"));
}

char *
linli_report_grid_label (const char *name,
                         const char *code)
{
  if (code == NULL)
    return g_strdup (name ? name : _("No grid"));
  /* TRANSLATORS: a grid in a report: its name, then its code */
  return g_strdup_printf (_("%1$s (%2$s)"), name, code);
}

/**
 * linli_report_context_init:
 *
 * Returns: %FALSE with @error set when @grid_id names no grid or the
 *   database fails
 */
gboolean
linli_report_context_init (LinliReportContext      *context,
                           LinliStore              *store,
                           const LinliReportPeriod *period,
                           gint64                   grid_id,
                           GError                 **error)
{
  memset (context, 0, sizeof *context);
  context->community = linli_report_community_name (store);
  context->scope.grid_id = grid_id;

  if (grid_id != 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(LinliRecord) grid = linli_store_get (store, LINLI_TYPE_GRID, grid_id, &local_error);

      if (grid == NULL)
        {
          if (g_error_matches (local_error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND))
            g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND,
                         _("The grid of the report no longer exists."));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      context->scope_label = linli_report_grid_label (linli_record_get_text (grid, "name"),
                                                      linli_record_get_text (grid, "code"));
    }
  else
    context->scope_label = g_strdup (context->community);

  if (period != NULL)
    {
      context->scope.from = linli_report_period_dup_from (period);
      context->scope.until = linli_report_period_dup_until (period);
      context->period_label = linli_report_period_get_label (period);
    }
  return TRUE;
}

void
linli_report_context_clear (LinliReportContext *context)
{
  g_clear_pointer (&context->scope.from, g_date_time_unref);
  g_clear_pointer (&context->scope.until, g_date_time_unref);
  g_clear_pointer (&context->community, g_free);
  g_clear_pointer (&context->scope_label, g_free);
  g_clear_pointer (&context->period_label, g_free);
}

char *
linli_report_context_subtitle (LinliReportContext *context)
{
  if (context->period_label == NULL)
    /* TRANSLATORS: under a report's title */
    return g_strdup_printf (_("Scope: %s"), context->scope_label);
  /* TRANSLATORS: under a report's title: the community or grid, the period */
  return g_strdup_printf (_("Scope: %1$s    Period: %2$s"), context->scope_label, context->period_label);
}

/* The PDF's Author and Subject: the community, and the period (or, for a
 * report of no period, the community or grid it covers). */
void
linli_report_context_set_metadata (LinliReportContext *context,
                                   LinliReportDoc     *doc)
{
  linli_report_doc_set_author (doc, context->community);
  linli_report_doc_set_subject (doc, context->period_label ? context->period_label : context->scope_label);
}

char *
linli_report_format_percent (double fraction)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (fraction))
    return g_strdup ("—");
  /* The C decimal point whatever the locale: 66.7%, as Chinese writes it. */
  g_ascii_formatd (number, sizeof number, "%.1f", fraction * 100);
  return g_strconcat (number, "%", NULL);
}

char *
linli_report_format_share (double part,
                           double whole)
{
  return linli_report_format_percent (whole > 0 ? part / whole : NAN);
}

char *
linli_report_format_decimal (double value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("—");
  return g_strdup (g_ascii_formatd (number, sizeof number, "%.1f", value));
}

char *
linli_report_format_count (guint64 count)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
}

char *
linli_report_format_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local));
}

char *
linli_report_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

char *
linli_report_cell (const char *text)
{
  return g_strdup (text ? text : "");
}

void
linli_report_add_row (LinliReportTable *table,
                      gboolean          total,
                      ...)
{
  guint n = linli_report_table_get_n_columns (table);
  char **cells = g_new0 (char *, n);
  va_list args;

  va_start (args, total);
  for (guint i = 0; i < n; i++)
    {
      char *cell = va_arg (args, char *);
      cells[i] = cell ? cell : g_strdup ("");
    }
  va_end (args);

  if (total)
    {
      /* A total row is added by copy: the document has no taking variant. */
      linli_report_table_add_total_row (table, (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_free (cells[i]);
      g_free (cells);
    }
  else
    linli_report_table_take_row (table, cells);
}

void
linli_report_add_signatures (LinliReportDoc *doc)
{
  const char *labels[] = {
    C_("signature", "Prepared by"),
    C_("signature", "Reviewed by"),
    C_("signature", "Date"),
    NULL
  };

  linli_report_doc_add_signatures (doc, labels);
}

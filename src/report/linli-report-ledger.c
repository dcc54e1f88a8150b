/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-report-private.h"

/* The grid ledger (网格工作台账): a section per grid, each on its own
 * pages, with who works it, what it holds and what happened in it. */

static void
add_ledger (LinliReportDoc        *doc,
            const LinliGridLedger *ledger)
{
  const LinliReportColumn worker_columns[] = {
    { C_("report column", "Name"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Role"), 1.5, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Phone"), 1.5, LINLI_REPORT_ALIGN_START },
  };
  const LinliReportColumn case_columns[] = {
    { C_("report column", "Number"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Reported"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Case"), 3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Category"), 1.2, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Worker"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Status"), 1, LINLI_REPORT_ALIGN_START },
  };
  g_autofree char *heading = linli_report_grid_label (ledger->name, ledger->code);
  LinliReportFigures *figures;
  LinliReportTable *table;

  linli_report_doc_add_heading (doc, 1, heading);
  figures = linli_report_doc_add_figures (doc);
  {
    g_autofree char *households = linli_report_format_count (ledger->households);
    g_autofree char *population = linli_report_format_count (ledger->population);
    g_autofree char *buildings = linli_report_format_count (ledger->buildings->len);
    g_autofree char *cases = linli_report_format_count (ledger->cases->len);

    linli_report_figures_add (figures, _("Kind"), linli_grid_kind_label (ledger->kind));
    linli_report_figures_add (figures, _("Households"), households);
    linli_report_figures_add (figures, _("Population"), population);
    linli_report_figures_add (figures, _("Buildings"), buildings);
    linli_report_figures_add (figures, _("Cases in the period"), cases);
  }

  linli_report_doc_add_heading (doc, 2, _("Grid workers"));
  if (ledger->workers->len == 0)
    linli_report_doc_add_paragraph (doc, _("No worker is assigned to this grid."));
  else
    {
      table = linli_report_doc_add_table (doc, worker_columns, G_N_ELEMENTS (worker_columns));
      for (guint i = 0; i < ledger->workers->len; i++)
        {
          const LinliLedgerWorker *worker = g_ptr_array_index (ledger->workers, i);

          linli_report_add_row (table, FALSE,
                                linli_report_cell (worker->name),
                                g_strdup (linli_worker_role_label (worker->role)),
                                linli_report_cell (worker->phone));
        }
    }

  linli_report_doc_add_heading (doc, 2, _("Buildings"));
  if (ledger->buildings->len == 0)
    linli_report_doc_add_paragraph (doc, _("No building is recorded in this grid."));
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *households = linli_report_format_count (ledger->building_households);
      g_autofree char *text = NULL;

      for (guint i = 0; i < ledger->buildings->len; i++)
        {
          if (i > 0)
            /* TRANSLATORS: between the items of a list in a sentence */
            g_string_append (names, C_("list separator", ", "));
          g_string_append (names, g_ptr_array_index (ledger->buildings, i));
        }
      /* TRANSLATORS: %1$s lists the buildings, %2$s is their households summed */
      text = g_strdup_printf (_("%1$s; households in these buildings: %2$s."), names->str, households);
      linli_report_doc_add_paragraph (doc, text);
    }

  linli_report_doc_add_heading (doc, 2, _("Cases in the period"));
  if (ledger->cases->len == 0)
    {
      linli_report_doc_add_paragraph (doc, _("No case was reported in this grid in the period."));
      return;
    }
  table = linli_report_doc_add_table (doc, case_columns, G_N_ELEMENTS (case_columns));
  for (guint i = 0; i < ledger->cases->len; i++)
    {
      const LinliCaseRow *row = g_ptr_array_index (ledger->cases, i);

      linli_report_add_row (table, FALSE,
                            linli_report_cell (row->number),
                            linli_report_format_date (row->reported_at),
                            linli_report_cell (row->title),
                            linli_report_cell (row->category),
                            linli_report_cell (row->worker_name),
                            g_strdup (linli_case_status_label (row->status)));
    }
}

LinliReportDoc *
linli_report_build_ledger (LinliStore              *store,
                           const LinliReportPeriod *period,
                           gint64                   grid_id,
                           GError                 **error)
{
  g_auto(LinliReportContext) context = { { NULL, }, };
  g_autoptr(GPtrArray) ledgers = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!linli_report_context_init (&context, store, period, grid_id, error) ||
      !(ledgers = linli_store_grid_ledgers (store, &context.scope, error)))
    return NULL;

  /* TRANSLATORS: a report's title: the community, the period */
  title = g_strdup_printf (_("%1$s: Grid Ledger, %2$s"), context.community, context.period_label);
  doc = linli_report_doc_new (title);
  subtitle = linli_report_context_subtitle (&context);
  linli_report_doc_set_subtitle (doc, subtitle);
  linli_report_context_set_metadata (&context, doc);

  if (ledgers->len == 0)
    linli_report_doc_add_paragraph (doc, _("The community has no grids yet."));
  for (guint i = 0; i < ledgers->len; i++)
    {
      if (i > 0)
        linli_report_doc_add_page_break (doc);
      add_ledger (doc, g_ptr_array_index (ledgers, i));
    }

  linli_report_add_signatures (doc);
  return g_steal_pointer (&doc);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-case-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-report-private.h"

/* The Cases page's list on paper: one row per case, in the page's order.
 * Read with one query however many cases there are. */

LinliReportDoc *
linli_report_build_case_list (LinliStore    *store,
                              const gint64  *ids,
                              guint          n_ids,
                              const char    *description,
                              GError       **error)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "No."), 0.8, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Number"), 1.4, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Reported"), 1.4, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Case"), 3.2, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Grid"), 1.4, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Category"), 1.3, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Worker"), 1.1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Status"), 1.1, LINLI_REPORT_ALIGN_START },
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *community = NULL, *title = NULL, *count = NULL;
  LinliReportTable *table;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (!(rows = linli_store_case_rows (store, ids, n_ids, error)))
    return NULL;

  community = linli_report_community_name (store);
  /* TRANSLATORS: a report's title: the community */
  title = g_strdup_printf (_("%s: List of Cases"), community);
  doc = linli_report_doc_new (title);
  count = g_strdup_printf (_("Cases listed: %u"), rows->len);
  if (description != NULL && *description != '\0')
    {
      /* TRANSLATORS: under the case list's title: which cases, how many */
      g_autofree char *subtitle = g_strdup_printf (_("%1$s    %2$s"), description, count);
      linli_report_doc_set_subtitle (doc, subtitle);
    }
  else
    linli_report_doc_set_subtitle (doc, count);
  linli_report_doc_set_author (doc, community);
  /* The period's label when the list is a period's ("2026年3月"). */
  linli_report_doc_set_subject (doc, description != NULL && *description != '\0' ? description : count);

  if (rows->len == 0)
    {
      linli_report_doc_add_paragraph (doc, _("No case is listed."));
      return g_steal_pointer (&doc);
    }

  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < rows->len; i++)
    {
      const LinliCaseRow *row = g_ptr_array_index (rows, i);

      linli_report_add_row (table, FALSE,
                            linli_report_format_count (i + 1),
                            linli_report_cell (row->number),
                            linli_report_format_date (row->reported_at),
                            linli_report_cell (row->title),
                            linli_report_cell (row->grid_name),
                            linli_report_cell (row->category),
                            linli_report_cell (row->worker_name),
                            g_strdup (linli_case_status_label (row->status)));
    }
  return g_steal_pointer (&doc);
}

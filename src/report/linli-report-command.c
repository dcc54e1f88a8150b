/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "linli-report-command.h"
#include "linli-report-kind.h"
#include "linli-report-pdf.h"

const GOptionEntry *
linli_report_command_get_options (void)
{
  static const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write a report to PDF and quit: summary, ledger, case-sheet, case-list, grid-map or volunteer-hours"),
      N_("KIND") },
    { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The report’s period: 2026-03, 2026-Q1, 2026 or 2026-01-01..2026-03-31"), N_("PERIOD") },
    { "grid", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Narrow the report to the grid with this code"), N_("CODE") },
    { "case", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The case of a case sheet, by its number"), N_("NUMBER") },
    { "show-personal", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print residents’ names and phone numbers in a case sheet unmasked"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The PDF file to write the report to"), N_("FILE") },
    { NULL }
  };

  return entries;
}

gboolean
linli_report_command_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "report");
}

static gboolean
run (GVariantDict  *options,
     GError       **error)
{
  g_autofree char *kind_name = NULL, *period_text = NULL, *grid = NULL, *number = NULL;
  g_autofree char *database = NULL, *output = NULL;
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(GFile) file = NULL;
  LinliReportRequest request = { 0 };

  g_variant_dict_lookup (options, "report", "s", &kind_name);
  g_variant_dict_lookup (options, "period", "s", &period_text);
  g_variant_dict_lookup (options, "grid", "s", &grid);
  g_variant_dict_lookup (options, "case", "s", &number);
  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  request.show_personal = g_variant_dict_contains (options, "show-personal");

  if (!linli_report_kind_from_name (kind_name, &request.kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown report “%s”: use summary, ledger, case-sheet, case-list, grid-map or volunteer-hours"),
                   kind_name);
      return FALSE;
    }
  if (database == NULL || *database == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("A report needs the database to read: --database=FILE"));
      return FALSE;
    }
  if (output == NULL || *output == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("A report needs the PDF file to write: --output=FILE"));
      return FALSE;
    }

  if (request.kind == LINLI_REPORT_KIND_CASE_SHEET)
    {
      if (number == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("A case sheet needs the case’s number: --case=NUMBER"));
          return FALSE;
        }
    }
  else if (period_text == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("A report needs its period: --period=2026-03, 2026-Q1, 2026 or 2026-01-01..2026-03-31"));
      return FALSE;
    }
  if (period_text != NULL && !linli_report_period_parse (&request.period, period_text, error))
    {
      g_prefix_error (error, _("Bad period: "));
      return FALSE;
    }

  /* Read-only, whoever else has the file open: a missing or empty file is
   * refused rather than made a database, nothing is written to it, and a
   * window writing it meanwhile loses nothing. The whole file is checked
   * first, so a damaged one prints nothing; and everything is read from one
   * moment of it. */
  if (!(store = linli_store_open_full (database, LINLI_STORE_OPEN_READ_ONLY, error)) ||
      !linli_store_begin_read (store, error))
    return FALSE;

  if (grid != NULL && !(request.grid_id = linli_report_find_grid (store, grid, error)))
    return FALSE;
  if (number != NULL && !(request.case_id = linli_report_find_case (store, number, error)))
    return FALSE;

  if (!(doc = linli_report_build (store, &request, error)) ||
      !linli_store_commit (store, error))
    return FALSE;

  file = g_file_new_for_commandline_arg (output);
  return linli_report_pdf_write (doc, file, error);
}

int
linli_report_command_run (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!run (options, &error))
    {
      g_printerr ("linli: %s\n", error->message);
      return 1;
    }
  return 0;
}

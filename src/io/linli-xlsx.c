/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "linli-case-csv-private.h"
#include "linli-event-csv-private.h"
#include "linli-xlsx.h"

/* The rows come from the CSV exports, kept instead of written
 * (linli_csv_writer_new_for_rows()): what the app added as a number, date
 * or time is typed by its form, everything else is text. So a workbook
 * has exactly the CSV's columns, names and masking. */

#define MAX_CELL_BYTES 32767   /* Excel's limit for the text of a cell */
#define MAX_ROWS       1048576
#define MAX_WIDTH      50      /* characters; longer text wraps in Excel's eye */

typedef struct
{
  lxw_format *header;
  lxw_format *text;
  lxw_format *date;
  lxw_format *datetime;
} Formats;

/* "2026-01-05 09:30" or "2026-01-05", as the CSV exports write times. */
static gboolean
parse_time (const char   *text,
            lxw_datetime *datetime,
            gboolean     *has_time)
{
  int year, month, day, hour = 0, minute = 0, n = 0;

  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &n) != 3 || n != 10)
    return FALSE;
  *has_time = text[10] != '\0';
  if (*has_time)
    {
      int m = 0;
      if (sscanf (text + 10, " %2d:%2d%n", &hour, &minute, &m) != 2 || text[10 + m] != '\0')
        return FALSE;
    }
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year) || hour > 23 || minute > 59)
    return FALSE;
  *datetime = (lxw_datetime) { year, month, day, hour, minute, 0 };
  return TRUE;
}

/* How wide a cell is in Excel's units, characters of the default font:
 * a Chinese character is two. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        break;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static lxw_error
write_cell (lxw_worksheet      *sheet,
            const Formats      *formats,
            lxw_row_t           row,
            lxw_col_t           col,
            const LinliCsvCell *cell,
            guint              *width)
{
  lxw_datetime datetime;
  gboolean has_time;
  char *end;
  double number;

  if (cell->text == NULL || cell->text[0] == '\0')
    return LXW_NO_ERROR;

  if (cell->is_number && parse_time (cell->text, &datetime, &has_time))
    {
      *width = MAX (*width, has_time ? 16 : 10);
      return worksheet_write_datetime (sheet, row, col, &datetime,
                                       has_time ? formats->datetime : formats->date);
    }
  if (cell->is_number)
    {
      number = g_ascii_strtod (cell->text, &end);
      if (end != cell->text && *end == '\0' && isfinite (number))
        {
          *width = MAX (*width, strlen (cell->text));
          return worksheet_write_number (sheet, row, col, number, NULL);
        }
    }

  *width = MAX (*width, text_width (cell->text));
  if (strlen (cell->text) > MAX_CELL_BYTES)
    {
      const char *last = g_utf8_find_prev_char (cell->text, cell->text + MAX_CELL_BYTES + 1);
      g_autofree char *cut = g_strndup (cell->text, last - cell->text);

      return worksheet_write_string (sheet, row, col, cut, formats->text);
    }
  /* A string, never a formula: "=1+1" typed in a form stays that text. */
  return worksheet_write_string (sheet, row, col, cell->text, formats->text);
}

static gboolean
lxw_failed (lxw_error   status,
            GError    **error)
{
  if (status == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the workbook: %s"), lxw_strerror (status));
  return TRUE;
}

static gboolean
write_workbook (const char  *path,
                const char  *sheet_name,
                GPtrArray   *rows,
                GError     **error)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet;
  Formats formats;
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  lxw_error status = LXW_NO_ERROR;
  guint n_columns = 0;

  if (workbook == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not start the workbook."));
      return FALSE;
    }
  if (rows->len > MAX_ROWS)
    {
      workbook_close (workbook);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The list has %u rows, more than a workbook can hold."), rows->len);
      return FALSE;
    }

  sheet = workbook_add_worksheet (workbook, sheet_name);
  formats.header = workbook_add_format (workbook);
  format_set_bold (formats.header);
  format_set_bottom (formats.header, LXW_BORDER_THIN);
  format_set_num_format (formats.header, "@");
  formats.text = workbook_add_format (workbook);
  /* "@": text, so that a number typed over a phone stays text too. */
  format_set_num_format (formats.text, "@");
  formats.date = workbook_add_format (workbook);
  format_set_num_format (formats.date, "yyyy-mm-dd");
  formats.datetime = workbook_add_format (workbook);
  format_set_num_format (formats.datetime, "yyyy-mm-dd hh:mm");

  for (guint r = 0; r < rows->len && status == LXW_NO_ERROR; r++)
    {
      GArray *row = g_ptr_array_index (rows, r);

      if (row->len > widths->len)
        g_array_set_size (widths, row->len);
      n_columns = MAX (n_columns, row->len);
      for (guint c = 0; c < row->len && status == LXW_NO_ERROR; c++)
        {
          LinliCsvCell *cell = &g_array_index (row, LinliCsvCell, c);

          if (r == 0)
            {
              g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c),
                                                      cell->text ? text_width (cell->text) + 2 : 0);
              if (cell->text != NULL)
                status = worksheet_write_string (sheet, 0, c, cell->text, formats.header);
            }
          else
            status = write_cell (sheet, &formats, r, c, cell, &g_array_index (widths, guint, c));
        }
    }

  for (guint c = 0; c < n_columns && status == LXW_NO_ERROR; c++)
    status = worksheet_set_column (sheet, c, c, CLAMP (g_array_index (widths, guint, c), 6, MAX_WIDTH) + 1, NULL);
  if (status == LXW_NO_ERROR)
    {
      worksheet_freeze_panes (sheet, 1, 0);
      if (n_columns > 0)
        status = worksheet_autofilter (sheet, 0, 0, MAX (rows->len, 1) - 1, n_columns - 1);
    }

  if (status != LXW_NO_ERROR)
    {
      workbook_close (workbook);
      return !lxw_failed (status, error);
    }
  return !lxw_failed (workbook_close (workbook), error);
}

/* libxlsxwriter writes to a file by name: a private temporary, copied to
 * @out and removed. */
static gboolean
finish (LinliCsvWriter  *writer,
        const char      *sheet_name,
        GOutputStream   *out,
        GCancellable    *cancellable,
        GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean ok;
  int fd;

  fd = g_file_open_tmp ("linli-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  ok = write_workbook (path, sheet_name, linli_csv_writer_get_rows (writer), error) &&
       g_file_get_contents (path, &contents, &length, error) &&
       g_output_stream_write_all (out, contents, length, NULL, cancellable, error) &&
       g_output_stream_flush (out, cancellable, error);
  g_unlink (path);
  return ok;
}

gboolean
linli_xlsx_export_cases (LinliStore     *store,
                         GListModel     *cases,
                         gboolean        mask_personal,
                         GOutputStream  *out,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new_for_rows ();

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* TRANSLATORS: the name of a worksheet; at most 31 characters */
  return linli_case_csv_export_to_writer (store, cases, mask_personal, writer, cancellable, error) &&
         finish (writer, C_("worksheet", "Cases"), out, cancellable, error);
}

/**
 * linli_xlsx_export_case_ids:
 * @ids: (element-type gint64): as linli_case_csv_export_ids() has them
 *
 * The cases of @ids as a workbook, from a thread of its own as
 * linli_case_csv_export_ids() writes them.
 */
gboolean
linli_xlsx_export_case_ids (LinliStore      *store,
                            GArray          *ids,
                            gboolean         mask_personal,
                            GOutputStream   *out,
                            LinliCountFunc   count,
                            gpointer         count_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new_for_rows ();

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return linli_case_csv_export_ids (store, ids, mask_personal, writer, count, count_data, cancellable, error) &&
         finish (writer, C_("worksheet", "Cases"), out, cancellable, error);
}

gboolean
linli_xlsx_export_activities (LinliStore     *store,
                              GListModel     *activities,
                              GOutputStream  *out,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new_for_rows ();

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* TRANSLATORS: the name of a worksheet; at most 31 characters */
  return linli_event_csv_export_activities_to_writer (store, activities, writer, cancellable, error) &&
         finish (writer, C_("worksheet", "Activities"), out, cancellable, error);
}

gboolean
linli_xlsx_export_outreach (LinliStore     *store,
                            GListModel     *outreach,
                            GOutputStream  *out,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new_for_rows ();

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* TRANSLATORS: the name of a worksheet; at most 31 characters */
  return linli_event_csv_export_outreach_to_writer (store, outreach, writer, cancellable, error) &&
         finish (writer, C_("worksheet", "Outreach"), out, cancellable, error);
}

gboolean
linli_xlsx_export_volunteers (LinliStore     *store,
                              GListModel     *volunteers,
                              GDateTime      *from,
                              GDateTime      *until,
                              gboolean        mask_phone,
                              GOutputStream  *out,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new_for_rows ();

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* TRANSLATORS: the name of a worksheet; at most 31 characters */
  return linli_event_csv_export_volunteers_to_writer (store, volunteers, from, until, mask_phone,
                                                      writer, cancellable, error) &&
         finish (writer, C_("worksheet", "Volunteers"), out, cancellable, error);
}

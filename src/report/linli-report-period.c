/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-period"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "linli-report-period.h"

G_DEFINE_QUARK (linli-report-period-error-quark, linli_report_period_error)
G_DEFINE_BOXED_TYPE (LinliReportPeriod, linli_report_period,
                     linli_report_period_copy, linli_report_period_free)

LinliReportPeriod *
linli_report_period_copy (const LinliReportPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
linli_report_period_free (LinliReportPeriod *self)
{
  g_free (self);
}

/* Reads exactly @n digits; the rest of the text is the caller's. */
static gboolean
read_digits (const char *text,
             guint       n,
             int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

static void
set_not_a_period (GError    **error,
                  const char *text)
{
  g_set_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID,
               _("“%s” is not a period: write a month (2026-03), a quarter (2026-Q1), "
                 "a year (2026) or a range of days (2026-01-01..2026-03-31)."),
               text);
}

/* "2026-03-31": a day that exists. */
static gboolean
parse_day (const char  *text,
           const char  *whole,
           GDate       *out,
           GError     **error)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !read_digits (text, 4, &year) || !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day))
    {
      set_not_a_period (error, whole);
      return FALSE;
    }
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID,
                   _("“%s” is not a day of the calendar."), text);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * linli_report_period_parse:
 * @text: "2026-03", "2026-Q1", "2026" or "2026-01-01..2026-03-31"
 *
 * Sets @self to the period @text names. Spaces around it do not matter;
 * the quarter's Q may be small.
 *
 * Returns: %FALSE with @error set, and @self untouched, when @text names no
 *   period
 */
gboolean
linli_report_period_parse (LinliReportPeriod  *self,
                           const char         *text,
                           GError            **error)
{
  g_autofree char *copy = NULL;
  const char *range;
  int year, number;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strstrip (g_strdup (text));

  if ((range = strstr (copy, "..")) != NULL)
    {
      g_autofree char *first_text = g_strndup (copy, range - copy);
      GDate first, last;

      if (!parse_day (g_strstrip (first_text), copy, &first, error) ||
          !parse_day (g_strstrip ((char *) range + 2), copy, &last, error))
        return FALSE;
      if (g_date_compare (&first, &last) > 0)
        {
          g_set_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID,
                       _("The period “%s” ends before it starts."), copy);
          return FALSE;
        }
      return linli_report_period_init_range (self, &first, &last, error);
    }

  if (strlen (copy) < 4 || !read_digits (copy, 4, &year) ||
      (copy[4] != '\0' && copy[4] != '-'))
    {
      set_not_a_period (error, copy);
      return FALSE;
    }
  if (year < 1)
    {
      g_set_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID,
                   _("“%s” is not a year of the calendar."), copy);
      return FALSE;
    }

  if (copy[4] == '\0')
    {
      linli_report_period_init_year (self, year);
      return TRUE;
    }

  if (copy[5] == 'Q' || copy[5] == 'q')
    {
      if (strlen (copy) != 7 || !read_digits (copy + 6, 1, &number))
        {
          set_not_a_period (error, copy);
          return FALSE;
        }
      if (number < 1 || number > 4)
        {
          g_set_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID,
                       _("“%s” is not a quarter: a year has the quarters Q1 to Q4."), copy);
          return FALSE;
        }
      linli_report_period_init_quarter (self, year, number);
      return TRUE;
    }

  if (strlen (copy + 5) > 2 || !all_digits (copy + 5))
    {
      set_not_a_period (error, copy);
      return FALSE;
    }
  number = atoi (copy + 5);
  if (number < 1 || number > 12)
    {
      g_set_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID,
                   _("“%s” is not a month: a year has the months 01 to 12."), copy);
      return FALSE;
    }
  linli_report_period_init_month (self, year, number);
  return TRUE;
}

static void
set_days (LinliReportPeriod     *self,
          LinliReportPeriodKind  kind,
          int                    year,
          int                    first_month,
          int                    last_month)
{
  self->kind = kind;
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
  g_date_set_dmy (&self->start, 1, first_month, year);
  g_date_set_dmy (&self->end, g_date_get_days_in_month (last_month, year), last_month, year);
}

void
linli_report_period_init_month (LinliReportPeriod *self,
                                int                year,
                                int                month)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_year (year));
  g_return_if_fail (month >= 1 && month <= 12);

  set_days (self, LINLI_REPORT_PERIOD_MONTH, year, month, month);
}

void
linli_report_period_init_quarter (LinliReportPeriod *self,
                                  int                year,
                                  int                quarter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_year (year));
  g_return_if_fail (quarter >= 1 && quarter <= 4);

  set_days (self, LINLI_REPORT_PERIOD_QUARTER, year, quarter * 3 - 2, quarter * 3);
}

void
linli_report_period_init_year (LinliReportPeriod *self,
                               int                year)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_year (year));

  set_days (self, LINLI_REPORT_PERIOD_YEAR, year, 1, 12);
}

/**
 * linli_report_period_init_range:
 * @first: the first day
 * @last: the last day, on or after @first
 *
 * Returns: %FALSE with @error set, and @self untouched, when @last comes
 *   before @first
 */
gboolean
linli_report_period_init_range (LinliReportPeriod  *self,
                                const GDate        *first,
                                const GDate        *last,
                                GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);

  if (g_date_compare (first, last) > 0)
    {
      char a[16], b[16];

      g_date_strftime (a, sizeof a, "%Y-%m-%d", first);
      g_date_strftime (b, sizeof b, "%Y-%m-%d", last);
      g_set_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID,
                   _("The period “%s..%s” ends before it starts."), a, b);
      return FALSE;
    }
  self->kind = LINLI_REPORT_PERIOD_RANGE;
  self->start = *first;
  self->end = *last;
  return TRUE;
}

/**
 * linli_report_period_to_string:
 *
 * Returns: (transfer full): the period as linli_report_period_parse() reads
 *   it, "2026-03"
 */
char *
linli_report_period_to_string (const LinliReportPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case LINLI_REPORT_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", g_date_get_year (&self->start), g_date_get_month (&self->start));
    case LINLI_REPORT_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", g_date_get_year (&self->start),
                              (g_date_get_month (&self->start) + 2) / 3);
    case LINLI_REPORT_PERIOD_YEAR:
      return g_strdup_printf ("%04d", g_date_get_year (&self->start));
    case LINLI_REPORT_PERIOD_RANGE:
    default:
      return g_strdup_printf ("%04d-%02d-%02d..%04d-%02d-%02d",
                              g_date_get_year (&self->start), g_date_get_month (&self->start),
                              g_date_get_day (&self->start),
                              g_date_get_year (&self->end), g_date_get_month (&self->end),
                              g_date_get_day (&self->end));
    }
}

/**
 * linli_report_period_get_label:
 *
 * Returns: (transfer full): the period as a report's title names it:
 *   "2026年3月", "2026年第一季度", "2026年", "2026年1月1日至2026年3月31日"
 */
char *
linli_report_period_get_label (const LinliReportPeriod *self)
{
  int year;

  g_return_val_if_fail (self != NULL, NULL);

  year = g_date_get_year (&self->start);
  switch (self->kind)
    {
    case LINLI_REPORT_PERIOD_MONTH:
      /* TRANSLATORS: a report's month: %1$d is the year, %2$02d the month */
      return g_strdup_printf (C_("report period", "%1$d-%2$02d"), year, g_date_get_month (&self->start));
    case LINLI_REPORT_PERIOD_QUARTER:
      switch ((g_date_get_month (&self->start) + 2) / 3)
        {
        case 1:  return g_strdup_printf (C_("report period", "Q1 %d"), year);
        case 2:  return g_strdup_printf (C_("report period", "Q2 %d"), year);
        case 3:  return g_strdup_printf (C_("report period", "Q3 %d"), year);
        default: return g_strdup_printf (C_("report period", "Q4 %d"), year);
        }
    case LINLI_REPORT_PERIOD_YEAR:
      return g_strdup_printf (C_("report period", "Year %d"), year);
    case LINLI_REPORT_PERIOD_RANGE:
    default:
      /* TRANSLATORS: a report's range of days: year, month and day of the first, then of the last */
      return g_strdup_printf (C_("report period", "%1$d-%2$02d-%3$02d to %4$d-%5$02d-%6$02d"),
                              year, g_date_get_month (&self->start), g_date_get_day (&self->start),
                              g_date_get_year (&self->end), g_date_get_month (&self->end),
                              g_date_get_day (&self->end));
    }
}

guint
linli_report_period_get_n_days (const LinliReportPeriod *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_date_days_between (&self->start, &self->end) + 1;
}

static GDateTime *
local_midnight (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 0, 0, 0);
}

GDateTime *
linli_report_period_dup_from (const LinliReportPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return local_midnight (&self->start);
}

GDateTime *
linli_report_period_dup_until (const LinliReportPeriod *self)
{
  GDate next;

  g_return_val_if_fail (self != NULL, NULL);

  next = self->end;
  g_date_add_days (&next, 1);
  return local_midnight (&next);
}

char *
linli_report_period_sql_from (const LinliReportPeriod *self)
{
  g_autoptr(GDateTime) from = linli_report_period_dup_from (self);

  g_return_val_if_fail (from != NULL, NULL);
  return g_date_time_format (from, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
linli_report_period_sql_until (const LinliReportPeriod *self)
{
  g_autoptr(GDateTime) until = linli_report_period_dup_until (self);

  g_return_val_if_fail (until != NULL, NULL);
  return g_date_time_format (until, "%Y-%m-%dT%H:%M:%S%:z");
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The stretch of days a report covers: a month ("2026-03"), a quarter
 * ("2026-Q1"), a year ("2026") or any range of days
 * ("2026-01-01..2026-03-31"). Both ends are whole days in the local time
 * zone, the zone the store writes its times in. */

#define LINLI_REPORT_PERIOD_ERROR (linli_report_period_error_quark ())

typedef enum {
  LINLI_REPORT_PERIOD_ERROR_INVALID,
} LinliReportPeriodError;

typedef enum {
  LINLI_REPORT_PERIOD_MONTH,
  LINLI_REPORT_PERIOD_QUARTER,
  LINLI_REPORT_PERIOD_YEAR,
  LINLI_REPORT_PERIOD_RANGE,
} LinliReportPeriodKind;

typedef struct
{
  LinliReportPeriodKind kind;
  GDate                 start;   /* the first day, inclusive */
  GDate                 end;     /* the last day, inclusive */
} LinliReportPeriod;

#define LINLI_TYPE_REPORT_PERIOD (linli_report_period_get_type ())

GType              linli_report_period_get_type      (void) G_GNUC_CONST;
GQuark             linli_report_period_error_quark   (void);

LinliReportPeriod *linli_report_period_copy          (const LinliReportPeriod *self);
void               linli_report_period_free          (LinliReportPeriod       *self);

gboolean           linli_report_period_parse         (LinliReportPeriod       *self,
                                                      const char              *text,
                                                      GError                 **error);
void               linli_report_period_init_month    (LinliReportPeriod       *self,
                                                      int                      year,
                                                      int                      month);
void               linli_report_period_init_quarter  (LinliReportPeriod       *self,
                                                      int                      year,
                                                      int                      quarter);
void               linli_report_period_init_year     (LinliReportPeriod       *self,
                                                      int                      year);
gboolean           linli_report_period_init_range    (LinliReportPeriod       *self,
                                                      const GDate             *first,
                                                      const GDate             *last,
                                                      GError                 **error);

char              *linli_report_period_to_string     (const LinliReportPeriod *self);
char              *linli_report_period_get_label     (const LinliReportPeriod *self);
guint              linli_report_period_get_n_days    (const LinliReportPeriod *self);

/* Local midnight at the start of the first day, and at the end of the last
 * day (the start of the day after it): the period is [from, until). */
GDateTime         *linli_report_period_dup_from      (const LinliReportPeriod *self);
GDateTime         *linli_report_period_dup_until     (const LinliReportPeriod *self);
/* The same as the store writes times, "2026-03-01T00:00:00+08:00", to
 * compare with stored times as text: `at >= from AND at < until`. */
char              *linli_report_period_sql_from      (const LinliReportPeriod *self);
char              *linli_report_period_sql_until     (const LinliReportPeriod *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliReportPeriod, linli_report_period_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-timeline"

#include "config.h"

#include "linli-case-timeline.h"
#include "linli-record-sql.h"
#include "linli-store-private.h"

/* The 民情日记 writes itself: a new case gets its first entry, and every
 * change of status or of the worker assigned adds one, stamped by the
 * store's clock, in the same transaction as the change. */

static const char *
status_nick (int status)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  return g_enum_get_value (enum_class, status)->value_nick;
}

/**
 * linli_case_timeline_record_new:
 * @reported_at: the case's reported time as the store writes it
 *
 * Adds the first entry of a new case: its status, at the time it was
 * reported, by nobody in particular.
 */
gboolean
linli_case_timeline_record_new (LinliStore       *self,
                                gint64            id,
                                const char       *reported_at,
                                LinliCaseStatus   status,
                                GError          **error)
{
  return linli_store_add_diary_entry_at (self, id, LINLI_DIARY_ENTRY_KIND_STATUS, reported_at, 0,
                                        NULL, status_nick (status), error);
}

/**
 * linli_case_timeline_record:
 * @before: (nullable): the case as stored before, %NULL for a new case
 * @after: the case as it is written
 *
 * Adds the timeline entries for what changed between @before and @after.
 */
gboolean
linli_case_timeline_record (LinliStore   *self,
                            LinliRecord  *before,
                            LinliRecord  *after,
                            GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 id = linli_record_get_id (after);
  int status = linli_record_get_enum (after, "status");
  gint64 worker = linli_record_get_int (after, "worker_id");

  if (before == NULL)
    {
      g_autofree char *reported_at = linli_record_sql_format_time (linli_record_get_datetime (after, "reported_at"));
      return linli_case_timeline_record_new (self, id, reported_at, status, error);
    }

  now = linli_store_now (self);
  if (linli_record_get_enum (before, "status") != status &&
      !linli_store_add_diary_entry (self, id, LINLI_DIARY_ENTRY_KIND_STATUS, now, worker,
                                   status_nick (linli_record_get_enum (before, "status")),
                                   status_nick (status), error))
    return FALSE;

  if (linli_record_get_int (before, "worker_id") != worker)
    {
      gint64 previous = linli_record_get_int (before, "worker_id");
      /* NULL, not "0", for nobody. */
      g_autofree char *from = previous ? g_strdup_printf ("%" G_GINT64_FORMAT, previous) : NULL;
      g_autofree char *to = worker ? g_strdup_printf ("%" G_GINT64_FORMAT, worker) : NULL;
      if (!linli_store_add_diary_entry (self, id, LINLI_DIARY_ENTRY_KIND_ASSIGNMENT, now, worker, from, to, error))
        return FALSE;
    }

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-query"

#include "config.h"

#include <string.h>

#include "linli-case-query.h"

/* Open and running: the statuses whose due time still counts. A suspended
 * case waits on something outside the office and is not overdue. */
#define RUNNING_STATUSES "'registered', 'assigned', 'in-progress', 'escalated'"

void
linli_case_query_init (LinliCaseQuery *self)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->sort = LINLI_CASE_SORT_REPORTED;
  self->descending = TRUE;
}

void
linli_case_query_clear (LinliCaseQuery *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
}

static const char *
sort_key (LinliCaseSort sort)
{
  switch (sort)
    {
    case LINLI_CASE_SORT_REPORTED: return "t.reported_at";
    case LINLI_CASE_SORT_NUMBER:   return "t.number";
    case LINLI_CASE_SORT_TITLE:    return "t.title";
    case LINLI_CASE_SORT_GRID:     return "(SELECT code FROM grid WHERE id = t.grid_id)";
    case LINLI_CASE_SORT_CATEGORY: return "t.category || '/' || coalesce (t.subcategory, '')";
    case LINLI_CASE_SORT_STATUS:
      return "CASE t.status WHEN 'registered' THEN 0 WHEN 'assigned' THEN 1"
             " WHEN 'in-progress' THEN 2 WHEN 'escalated' THEN 3 WHEN 'suspended' THEN 4"
             " WHEN 'resolved' THEN 5 WHEN 'revisited' THEN 6 WHEN 'duplicate' THEN 7 ELSE 8 END";
    case LINLI_CASE_SORT_URGENCY:
      return "CASE t.urgency WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END";
    case LINLI_CASE_SORT_WORKER:   return "(SELECT name FROM worker WHERE id = t.worker_id)";
    case LINLI_CASE_SORT_DUE:      return "t.due_at";
    default: g_return_val_if_reached ("t.reported_at");
    }
}

/**
 * linli_case_query_apply:
 * @now: the time "overdue" is measured against
 *
 * Makes @list show the cases the query asks for, in its order. The search
 * text is not part of it: set it on the #LinliCaseSearch that filters the
 * list.
 */
void
linli_case_query_apply (const LinliCaseQuery *self,
                        LinliRecordList      *list,
                        GDateTime            *now)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autofree char *order = NULL;
  const char *direction = self->descending ? "DESC" : "ASC";

  g_return_if_fail (self != NULL);
  g_return_if_fail (LINLI_IS_RECORD_LIST (list));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

#define AND() (where->len > 0 ? g_string_append (where, " AND ") : where)

  if (self->statuses != 0)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
      gboolean first = TRUE;

      AND ();
      g_string_append (where, "t.status IN (");
      for (guint i = 0; i < enum_class->n_values; i++)
        if (self->statuses & LINLI_CASE_STATUS_BIT (enum_class->values[i].value))
          {
            linli_query_values_add (values, G_TYPE_STRING, 0, enum_class->values[i].value_nick);
            g_string_append_printf (where, "%s?%u", first ? "" : ", ", values->len);
            first = FALSE;
          }
      g_string_append (where, ")");
    }
  if (self->grid_id != 0)
    {
      linli_query_values_add (values, G_TYPE_INT64, self->grid_id, NULL);
      g_string_append_printf (AND (), "t.grid_id = ?%u", values->len);
    }
  if (self->category != NULL)
    {
      linli_query_values_add (values, G_TYPE_STRING, 0, self->category);
      g_string_append_printf (AND (), "t.category = ?%u", values->len);
    }
  if (self->worker_id != 0)
    {
      linli_query_values_add (values, G_TYPE_INT64, self->worker_id, NULL);
      g_string_append_printf (AND (), "t.worker_id = ?%u", values->len);
    }
  if (self->overdue_only)
    {
      linli_query_values_add_time (values, now);
      g_string_append_printf (AND (), "t.status IN (" RUNNING_STATUSES ")"
                              " AND julianday (t.due_at) < julianday (?%u)", values->len);
    }
  if (self->from != NULL)
    {
      linli_query_values_add_time (values, self->from);
      g_string_append_printf (AND (), "t.reported_at >= ?%u", values->len);
    }
  if (self->until != NULL)
    {
      linli_query_values_add_time (values, self->until);
      g_string_append_printf (AND (), "t.reported_at < ?%u", values->len);
    }

#undef AND

  /* Cases without a value sort last either way; the id keeps ties stable. */
  order = g_strdup_printf ("%s IS NULL, %s %s, t.id %s",
                           sort_key (self->sort), sort_key (self->sort), direction, direction);
  linli_record_list_set_query_values (list, where->len > 0 ? where->str : NULL, order,
                                      (const GValue *) (gpointer) values->data, values->len);
}

static gboolean
is_running (LinliRecord *record)
{
  switch (linli_record_get_enum (record, "status"))
    {
    case LINLI_CASE_STATUS_REGISTERED:
    case LINLI_CASE_STATUS_ASSIGNED:
    case LINLI_CASE_STATUS_IN_PROGRESS:
    case LINLI_CASE_STATUS_ESCALATED:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
linli_case_is_overdue (LinliRecord *record,
                       GDateTime   *now)
{
  return linli_case_deadline (record, now) == LINLI_DEADLINE_RED;
}

/**
 * linli_case_deadline:
 *
 * Returns: the traffic light of the case's deadline at @now
 */
LinliDeadline
linli_case_deadline (LinliRecord *record,
                     GDateTime   *now)
{
  GDateTime *reported, *due;
  GTimeSpan allowed, used;

  g_return_val_if_fail (LINLI_IS_CASE (record), LINLI_DEADLINE_NONE);
  g_return_val_if_fail (now != NULL, LINLI_DEADLINE_NONE);

  reported = linli_record_get_datetime (record, "reported_at");
  due = linli_record_get_datetime (record, "due_at");
  if (due == NULL || reported == NULL || !is_running (record))
    return LINLI_DEADLINE_NONE;

  if (g_date_time_compare (now, due) > 0)
    return LINLI_DEADLINE_RED;
  allowed = g_date_time_difference (due, reported);
  used = g_date_time_difference (now, reported);
  /* used < 0.8 × allowed, in whole numbers */
  return used * 5 < allowed * 4 ? LINLI_DEADLINE_GREEN : LINLI_DEADLINE_AMBER;
}

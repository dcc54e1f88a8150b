/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "linli-event-csv-private.h"
#include "linli-event-store.h"
#include "linli-mask.h"
#include "linli-record-keys.h"
#include "linli-volunteer-hours.h"

/* The exports: one row per record (per participation for activities) with
 * the office's headers, names instead of ids and labels instead of nicks,
 * so that the file reads as a ledger in Excel and WPS. */

static void
add_name (LinliCsvWriter *writer,
          GHashTable     *names,
          gint64          id)
{
  linli_csv_writer_add (writer, id != 0 ? g_hash_table_lookup (names, &id) : NULL);
}

static void
add_names (LinliCsvWriter *writer,
           GHashTable     *names,
           GArray         *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *name = g_hash_table_lookup (names, &g_array_index (ids, gint64, i));
      if (name == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, LINLI_EVENT_CSV_LIST_SEPARATOR);
      g_string_append (text, name);
    }
  linli_csv_writer_add (writer, text->str);
}

static void
add_strv (LinliCsvWriter     *writer,
          const char * const *items)
{
  g_autofree char *text = items != NULL ? g_strjoinv (LINLI_EVENT_CSV_LIST_SEPARATOR, (char **) items) : NULL;

  linli_csv_writer_add (writer, text);
}

static void
add_time (LinliCsvWriter *writer,
          GDateTime      *time)
{
  g_autofree char *text = linli_event_csv_format_time (time);

  linli_csv_writer_add_number (writer, text);
}

static void
add_int (LinliCsvWriter *writer,
         gint64          value)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  linli_csv_writer_add_number (writer, text);
}

static void
add_hours (LinliCsvWriter *writer,
           double          hours)
{
  g_autofree char *text = isnan (hours) ? NULL : linli_event_csv_format_hours (hours);

  linli_csv_writer_add_number (writer, text);
}

static gboolean
write_headers (LinliCsvWriter     *writer,
               const char * const *headers,
               guint               n,
               GCancellable       *cancellable,
               GError            **error)
{
  for (guint i = 0; i < n; i++)
    linli_csv_writer_add (writer, headers[i]);
  return linli_csv_writer_end_row (writer, cancellable, error);
}

/* ------------------------------------------------------------------------ */

static void
add_activity (LinliCsvWriter *writer,
              LinliRecord    *activity,
              GHashTable     *grids,
              GHashTable     *organisations)
{
  LinliActivityStatus status = linli_record_get_enum (activity, "status");

  linli_csv_writer_add (writer, linli_record_get_text (activity, "title"));
  linli_csv_writer_add (writer, linli_record_get_text (activity, "type"));
  add_time (writer, linli_record_get_datetime (activity, "start_at"));
  add_time (writer, linli_record_get_datetime (activity, "end_at"));
  linli_csv_writer_add (writer, linli_record_get_text (activity, "venue"));
  add_name (writer, grids, linli_record_get_int (activity, "grid_id"));
  linli_csv_writer_add (writer, linli_record_get_text (activity, "organiser"));
  add_names (writer, organisations, linli_record_get_refs (activity, "partners"));
  add_int (writer, linli_record_get_int (activity, "beneficiaries"));
  linli_csv_writer_add (writer, linli_activity_status_label (status));
  linli_csv_writer_add (writer, linli_record_get_text (activity, "description"));
}

/**
 * linli_event_csv_export_activities:
 * @activities: (element-type LinliActivity): the activities to write, in
 *   their order
 *
 * Writes one row per participation, the columns of the activity repeated
 * on each; an activity nobody served in has one row of its own. This is
 * the layout linli_event_csv_import() reads back. Volunteers are named,
 * with their number; their phones are not written.
 */
gboolean
linli_event_csv_export_activities (LinliStore     *store,
                                   GListModel     *activities,
                                   GOutputStream  *out,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = linli_csv_writer_new (out);
  return linli_event_csv_export_activities_to_writer (store, activities, writer, cancellable, error);
}

gboolean
linli_event_csv_export_activities_to_writer (LinliStore     *store,
                                             GListModel     *activities,
                                             LinliCsvWriter *writer,
                                             GCancellable   *cancellable,
                                             GError        **error)
{
  g_autoptr(GHashTable) grids = NULL;
  g_autoptr(GHashTable) organisations = NULL;
  g_autoptr(GHashTable) volunteers = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  const char *headers[LINLI_N_ACTIVITY_FIELDS];
  guint n;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (activities), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);

  grids = linli_store_keys_by_id (store, LINLI_RECORD_KEY_GRID_LABEL);
  organisations = linli_store_keys_by_id (store, LINLI_RECORD_KEY_ORGANISATION_NAME);
  volunteers = linli_store_keys_by_id (store, LINLI_RECORD_KEY_VOLUNTEER_NAME);
  numbers = linli_store_keys_by_id (store, LINLI_RECORD_KEY_VOLUNTEER_NUMBER);

  for (guint i = 0; i < LINLI_N_ACTIVITY_FIELDS; i++)
    headers[i] = linli_activity_csv_fields[i].header;
  if (!write_headers (writer, headers, LINLI_N_ACTIVITY_FIELDS, cancellable, error))
    return FALSE;

  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) activity = g_list_model_get_item (activities, i);
      g_autoptr(GPtrArray) participations = linli_store_load_participations (store, linli_record_get_id (activity), error);

      if (participations == NULL)
        return FALSE;
      for (guint p = 0; p < MAX (participations->len, 1); p++)
        {
          LinliRecord *participation = p < participations->len ? participations->pdata[p] : NULL;

          add_activity (writer, activity, grids, organisations);
          if (participation != NULL)
            {
              gint64 volunteer = linli_record_get_int (participation, "volunteer_id");
              add_name (writer, volunteers, volunteer);
              add_name (writer, numbers, volunteer);
              linli_csv_writer_add (writer, linli_record_get_text (participation, "role"));
              add_hours (writer, linli_record_get_double (participation, "hours"));
            }
          else
            for (guint c = LINLI_ACTIVITY_FIELD_VOLUNTEER; c < LINLI_N_ACTIVITY_FIELDS; c++)
              linli_csv_writer_add (writer, NULL);
          if (!linli_csv_writer_end_row (writer, cancellable, error))
            return FALSE;
        }
    }
  return linli_csv_writer_finish (writer, cancellable, error);
}

/**
 * linli_event_csv_export_outreach:
 * @outreach: (element-type LinliOutreach): the events to write
 */
gboolean
linli_event_csv_export_outreach (LinliStore     *store,
                                 GListModel     *outreach,
                                 GOutputStream  *out,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = linli_csv_writer_new (out);
  return linli_event_csv_export_outreach_to_writer (store, outreach, writer, cancellable, error);
}

gboolean
linli_event_csv_export_outreach_to_writer (LinliStore     *store,
                                           GListModel     *outreach,
                                           LinliCsvWriter *writer,
                                           GCancellable   *cancellable,
                                           GError        **error)
{
  g_autoptr(GHashTable) grids = NULL;
  g_autoptr(GHashTable) organisations = NULL;
  guint n;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (outreach), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);

  grids = linli_store_keys_by_id (store, LINLI_RECORD_KEY_GRID_LABEL);
  organisations = linli_store_keys_by_id (store, LINLI_RECORD_KEY_ORGANISATION_NAME);
  if (!write_headers (writer, linli_outreach_csv_headers, LINLI_N_OUTREACH_COLUMNS, cancellable, error))
    return FALSE;

  n = g_list_model_get_n_items (outreach);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) event = g_list_model_get_item (outreach, i);

      linli_csv_writer_add (writer, linli_record_get_text (event, "title"));
      add_time (writer, linli_record_get_datetime (event, "start_at"));
      add_time (writer, linli_record_get_datetime (event, "end_at"));
      linli_csv_writer_add (writer, linli_record_get_text (event, "venue"));
      add_name (writer, grids, linli_record_get_int (event, "grid_id"));
      add_names (writer, organisations, linli_record_get_refs (event, "organisers"));
      linli_csv_writer_add (writer, linli_record_get_text (event, "speaker"));
      linli_csv_writer_add (writer, linli_outreach_format_label (linli_record_get_enum (event, "format")));
      add_strv (writer, linli_record_get_strv (event, "target_groups"));
      add_strv (writer, linli_record_get_strv (event, "topics"));
      add_int (writer, linli_record_get_int (event, "attendees"));
      add_int (writer, linli_record_get_int (event, "leaflets"));
      add_int (writer, linli_record_get_int (event, "app_installs"));
      /* TRANSLATORS: in a column "includes installs made off-site" of an export */
      linli_csv_writer_add (writer, linli_record_get_bool (event, "installs_off_site") ? C_("csv", "Yes") : NULL);
      add_int (writer, linli_record_get_int (event, "consultations"));
      linli_csv_writer_add (writer, linli_record_get_text (event, "notes"));
      if (!linli_csv_writer_end_row (writer, cancellable, error))
        return FALSE;
    }
  return linli_csv_writer_finish (writer, cancellable, error);
}

/**
 * linli_event_csv_export_volunteers:
 * @volunteers: (element-type LinliVolunteer): the volunteers to write
 * @from: (nullable): the start of the period their hours are counted in
 * @until: (nullable): the moment after it
 * @mask_phone: write 138****1234 instead of the number
 *
 * Writes the volunteers as the import reads them, and after those columns
 * the activities and hours of each in the period.
 */
gboolean
linli_event_csv_export_volunteers (LinliStore     *store,
                                   GListModel     *volunteers,
                                   GDateTime      *from,
                                   GDateTime      *until,
                                   gboolean        mask_phone,
                                   GOutputStream  *out,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = linli_csv_writer_new (out);
  return linli_event_csv_export_volunteers_to_writer (store, volunteers, from, until, mask_phone, writer, cancellable, error);
}

gboolean
linli_event_csv_export_volunteers_to_writer (LinliStore     *store,
                                             GListModel     *volunteers,
                                             GDateTime      *from,
                                             GDateTime      *until,
                                             gboolean        mask_phone,
                                             LinliCsvWriter *writer,
                                             GCancellable   *cancellable,
                                             GError        **error)
{
  g_autoptr(GHashTable) hours = NULL;
  const char *headers[LINLI_N_VOLUNTEER_FIELDS + 2];
  guint n;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (volunteers), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);

  hours = linli_volunteer_hours_by_volunteer (store, from, until, error);
  if (hours == NULL)
    return FALSE;

  for (guint i = 0; i < LINLI_N_VOLUNTEER_FIELDS; i++)
    headers[i] = linli_volunteer_csv_fields[i].header;
  headers[LINLI_N_VOLUNTEER_FIELDS] = "参加活动（次）";
  headers[LINLI_N_VOLUNTEER_FIELDS + 1] = "服务时长（小时）";
  if (!write_headers (writer, headers, G_N_ELEMENTS (headers), cancellable, error))
    return FALSE;

  n = g_list_model_get_n_items (volunteers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) volunteer = g_list_model_get_item (volunteers, i);
      gint64 id = linli_record_get_id (volunteer);
      LinliServiceTotal *total = g_hash_table_lookup (hours, &id);
      const char *phone = linli_record_get_text (volunteer, "phone");
      g_autofree char *masked = mask_phone ? linli_mask_phone (phone) : NULL;

      linli_csv_writer_add (writer, linli_record_get_text (volunteer, "name"));
      linli_csv_writer_add (writer, mask_phone ? masked : phone);
      linli_csv_writer_add (writer, linli_record_get_text (volunteer, "skills"));
      linli_csv_writer_add (writer, linli_record_get_text (volunteer, "number"));
      linli_csv_writer_add (writer, linli_record_get_text (volunteer, "notes"));
      add_int (writer, total != NULL ? total->n_activities : 0);
      add_hours (writer, total != NULL ? total->hours : 0);
      if (!linli_csv_writer_end_row (writer, cancellable, error))
        return FALSE;
    }
  return linli_csv_writer_finish (writer, cancellable, error);
}

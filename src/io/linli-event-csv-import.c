/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "linli-case-rules.h"
#include "linli-event-csv-private.h"
#include "linli-event-rules.h"
#include "linli-event-store.h"
#include "linli-record-keys.h"
#include "linli-staff-csv.h"

/* Importing volunteers, and activities with who served in them. Every row
 * is checked first, with the rules the editors use, and every wrong row is
 * named by its line; only when none is wrong is anything written, all of it
 * in one transaction. The file is read a batch of rows at a time
 * (linli_csv_table_foreach()): what is kept of it is the records to
 * write. */

typedef struct
{
  LinliStore      *store;
  LinliCsvMapping *mapping;
  LinliCsvTable   *batch;      /* the rows being read */
  GPtrArray       *errors;     /* LinliCsvRowError */
  LinliCountFunc   count;      /* told of the records written, nullable */
  gpointer         count_data;
  GCancellable    *cancellable;
} Import;

/* Between two records written: tells of the progress now and then, and
 * stops, with the batch rolled back, once cancelled. */
static gboolean
written (Import     *im,
         guint       n_done,
         guint       n_total,
         GError    **error)
{
  if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
    {
      linli_store_rollback (im->store);
      return FALSE;
    }
  if (im->count != NULL && (n_done % 64 == 0 || n_done == n_total))
    im->count (n_done, n_total, im->count_data);
  return TRUE;
}

static void add_error (Import     *im,
                       guint       line,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_error (Import     *im,
           guint       line,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (im->errors, linli_csv_row_error_new (line, g_strdup_vprintf (format, args)));
  va_end (args);
}

static int
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const LinliCsvRowError *x = *(LinliCsvRowError **) a;
  const LinliCsvRowError *y = *(LinliCsvRowError **) b;

  return x->line < y->line ? -1 : x->line > y->line;
}

static char *
cell (Import *im,
      guint   row,
      int     field)
{
  return linli_csv_mapping_dup_cell_in (im->mapping, im->batch, row, field);
}

static guint
line_of (Import *im,
         guint   row)
{
  return linli_csv_table_get_line (im->batch, row);
}

/* A phone as typed, normalised; %FALSE with a message when it is none. */
static gboolean
check_phone (Import      *im,
             guint        line,
             const char  *phone,
             char       **normal)
{
  *normal = NULL;
  if (phone == NULL)
    return TRUE;
  if (strchr (phone, '*') != NULL)
    {
      add_error (im, line, _("Line %u: the phone number “%s” is masked. Import a file exported without masking."),
                 line, phone);
      return FALSE;
    }
  *normal = linli_phone_normalize (phone);
  if (*normal == NULL)
    {
      add_error (im, line, _("Line %u: “%s” is neither an 11-digit mobile number nor a landline number with its area code, like 0537-1234567."),
                 line, phone);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Volunteers */

typedef struct
{
  Import     *im;
  GPtrArray  *records;
  GHashTable *stored;
  GHashTable *in_file;
  gpointer    indexes;
} Reading;

static gboolean
check_volunteers_cb (LinliCsvTable  *batch,
                     guint           first_row,
                     gpointer        user_data,
                     GError        **error)
{
  Reading *reading = user_data;
  Import *im = reading->im;
  GPtrArray *volunteers = reading->records;
  GHashTable *stored = reading->stored;
  GHashTable *in_file = reading->in_file;

  if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
    return FALSE;
  im->batch = batch;
  for (guint row = 0; row < linli_csv_table_get_n_rows (batch); row++)
    {
      guint line = line_of (im, row);
      g_autofree char *name = cell (im, row, LINLI_VOLUNTEER_FIELD_NAME);
      g_autofree char *phone = cell (im, row, LINLI_VOLUNTEER_FIELD_PHONE);
      g_autofree char *number = cell (im, row, LINLI_VOLUNTEER_FIELD_NUMBER);
      g_autofree char *skills = cell (im, row, LINLI_VOLUNTEER_FIELD_SKILLS);
      g_autofree char *notes = cell (im, row, LINLI_VOLUNTEER_FIELD_NOTES);
      g_autofree char *normal_phone = NULL;
      g_autoptr(LinliRecord) volunteer = NULL;
      gboolean ok = TRUE;

      if (name == NULL)
        {
          add_error (im, line, _("Line %u: the name is empty."), line);
          ok = FALSE;
        }
      else if (strchr (name, '*') != NULL)
        {
          add_error (im, line, _("Line %u: the name “%s” is masked. Import a file exported without masking."),
                     line, name);
          ok = FALSE;
        }
      ok = check_phone (im, line, phone, &normal_phone) && ok;
      if (number != NULL && g_hash_table_contains (stored, number))
        {
          add_error (im, line, _("Line %u: a volunteer with the number “%s” is stored already."), line, number);
          ok = FALSE;
        }
      else if (number != NULL && g_hash_table_contains (in_file, number))
        {
          add_error (im, line, _("Line %u: the volunteer number “%s” is the number of line %u too."),
                     line, number, GPOINTER_TO_UINT (g_hash_table_lookup (in_file, number)));
          ok = FALSE;
        }
      else if (number != NULL)
        g_hash_table_insert (in_file, g_strdup (number), GUINT_TO_POINTER (line));

      if (!ok)
        continue;
      volunteer = linli_record_new (LINLI_TYPE_VOLUNTEER);
      linli_record_set_text (volunteer, "name", name);
      linli_record_set_text (volunteer, "phone", normal_phone);
      linli_record_set_text (volunteer, "skills", skills);
      linli_record_set_text (volunteer, "number", number);
      linli_record_set_text (volunteer, "notes", notes);
      g_ptr_array_add (volunteers, g_steal_pointer (&volunteer));
    }
  return TRUE;
}

static gboolean
check_volunteers (Import     *im,
                  GPtrArray  *volunteers,
                  GError    **error)
{
  g_autoptr(GHashTable) stored = linli_store_ids_by_key (im->store, LINLI_RECORD_KEY_VOLUNTEER_NUMBER);
  g_autoptr(GHashTable) in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reading reading = { im, volunteers, stored, in_file, NULL };

  return linli_csv_table_foreach (linli_csv_mapping_get_table (im->mapping), TRUE,
                                  check_volunteers_cb, &reading, im->cancellable, error);
}

static gboolean
write_volunteers (Import     *im,
                  GPtrArray  *volunteers,
                  GError    **error)
{
  if (!linli_store_begin_batch (im->store, error))
    return FALSE;
  for (guint i = 0; i < volunteers->len; i++)
    {
      if (!written (im, i, volunteers->len, error))
        return FALSE;
      if (!linli_store_insert (im->store, volunteers->pdata[i], error))
        {
          linli_store_rollback (im->store);
          return FALSE;
        }
    }
  if (!written (im, volunteers->len, volunteers->len, error))
    return FALSE;
  return linli_store_commit (im->store, error);
}

/* ------------------------------------------------------------------------ */
/* Activities */

/* One activity of the file: its rows, and who served in it. */
typedef struct
{
  guint        first_line;
  char        *signature;       /* the activity's cells of its first row */
  LinliRecord *activity;
  GStrv        partners;        /* names */
  GPtrArray   *participations;  /* LinliParticipation */
  GArray      *lines;           /* guint, the line of each participation */
  gboolean     wrong_participant; /* a row named someone who could not be taken */
} Group;

static void
group_free (Group *group)
{
  g_free (group->signature);
  g_clear_object (&group->activity);
  g_strfreev (group->partners);
  g_ptr_array_unref (group->participations);
  g_array_unref (group->lines);
  g_free (group);
}

typedef struct
{
  GHashTable *grids_by_name;     /* name → GArray of ids */
  GHashTable *grids_by_code;
  GHashTable *organisations;     /* name → GArray of ids */
  GHashTable *volunteers_by_number;
  GHashTable *volunteers_by_name;
  GHashTable *stored_activities; /* "title\x1fstart" → GArray of ids */
  GHashTable *new_volunteers;    /* "#number" or "=name" → LinliVolunteer to add */
  GHashTable *number_names;      /* volunteer number → name, of the stored ones */
} Indexes;

static void
indexes_init (Indexes    *ix,
              LinliStore *store)
{
  ix->grids_by_name = linli_store_ids_by_key (store, LINLI_RECORD_KEY_GRID_NAME);
  ix->grids_by_code = linli_store_ids_by_key (store, LINLI_RECORD_KEY_GRID_CODE);
  ix->organisations = linli_store_ids_by_key (store, LINLI_RECORD_KEY_ORGANISATION_NAME);
  ix->volunteers_by_number = linli_store_ids_by_key (store, LINLI_RECORD_KEY_VOLUNTEER_NUMBER);
  ix->volunteers_by_name = linli_store_ids_by_key (store, LINLI_RECORD_KEY_VOLUNTEER_NAME);
  ix->stored_activities = linli_store_ids_by_key (store, LINLI_RECORD_KEY_ACTIVITY_TITLE_START);
  ix->new_volunteers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ix->number_names = linli_store_volunteer_names_by_number (store);
}

static void
indexes_clear (Indexes *ix)
{
  g_clear_pointer (&ix->grids_by_name, g_hash_table_unref);
  g_clear_pointer (&ix->grids_by_code, g_hash_table_unref);
  g_clear_pointer (&ix->organisations, g_hash_table_unref);
  g_clear_pointer (&ix->volunteers_by_number, g_hash_table_unref);
  g_clear_pointer (&ix->volunteers_by_name, g_hash_table_unref);
  g_clear_pointer (&ix->stored_activities, g_hash_table_unref);
  g_clear_pointer (&ix->new_volunteers, g_hash_table_unref);
  g_clear_pointer (&ix->number_names, g_hash_table_unref);
}

static gint64
only_id (GHashTable *ids,
         const char *key,
         guint      *n)
{
  GArray *list = key != NULL ? g_hash_table_lookup (ids, key) : NULL;

  *n = list != NULL ? list->len : 0;
  return *n == 1 ? g_array_index (list, gint64, 0) : 0;
}

static GDateTime *
read_time (Import     *im,
           guint       line,
           const char *text,
           const char *what)
{
  GDateTime *time;

  if (text == NULL)
    return NULL;
  time = linli_parse_local_time (text);
  if (time == NULL)
    /* TRANSLATORS: the second %s is what the time is, such as “Start” */
    add_error (im, line, _("Line %u: %s: “%s” is not a date and time; write it as 2026-01-05 09:30."),
               line, what, text);
  return time;
}

/* Reads the activity of a row into a new record; the partner names into
 * @partners. */
static LinliRecord *
read_activity (Import   *im,
               Indexes  *ix,
               guint     row,
               GStrv    *partners)
{
  guint line = line_of (im, row), n;
  g_autofree char *title = cell (im, row, LINLI_ACTIVITY_FIELD_TITLE);
  g_autofree char *type = cell (im, row, LINLI_ACTIVITY_FIELD_TYPE);
  g_autofree char *start_text = cell (im, row, LINLI_ACTIVITY_FIELD_START);
  g_autofree char *end_text = cell (im, row, LINLI_ACTIVITY_FIELD_END);
  g_autofree char *grid = cell (im, row, LINLI_ACTIVITY_FIELD_GRID);
  g_autofree char *beneficiaries = cell (im, row, LINLI_ACTIVITY_FIELD_BENEFICIARIES);
  g_autofree char *status = cell (im, row, LINLI_ACTIVITY_FIELD_STATUS);
  g_autofree char *partner_text = cell (im, row, LINLI_ACTIVITY_FIELD_PARTNERS);
  g_autofree char *venue = cell (im, row, LINLI_ACTIVITY_FIELD_VENUE);
  g_autofree char *organiser = cell (im, row, LINLI_ACTIVITY_FIELD_ORGANISER);
  g_autofree char *description = cell (im, row, LINLI_ACTIVITY_FIELD_DESCRIPTION);
  g_autoptr(GDateTime) start = read_time (im, line, start_text, C_("csv field", "Start"));
  g_autoptr(GDateTime) end = read_time (im, line, end_text, C_("csv field", "End"));
  LinliRecord *activity = linli_record_new (LINLI_TYPE_ACTIVITY);
  int status_value = LINLI_ACTIVITY_STATUS_DONE;
  gint64 count = 0;

  if (start_text == NULL)
    add_error (im, line, _("Line %u: the start time is empty."), line);
  if (status != NULL && !linli_event_enum_parse (&linli_activity_status_spec, status, &status_value))
    {
      g_autofree char *choices = linli_event_enum_choices (&linli_activity_status_spec);
      add_error (im, line, _("Line %u: %s: “%s” is not one of %s."), line,
                 C_("csv field", "Status"), status, choices);
    }
  if (beneficiaries != NULL && !linli_event_parse_count (beneficiaries, &count, NULL))
    add_error (im, line, _("Line %u: the beneficiaries “%s” are not a whole number of 0 or more."),
               line, beneficiaries);
  if (grid != NULL)
    {
      gint64 id = only_id (ix->grids_by_code, grid, &n);
      if (n == 0)
        id = only_id (ix->grids_by_name, grid, &n);
      if (n > 1)
        add_error (im, line, _("Line %u: there are several grids called “%s”; give its code instead."), line, grid);
      else if (n == 0)
        add_error (im, line, _("Line %u: there is no grid “%s”."), line, grid);
      linli_record_set_int (activity, "grid_id", id);
    }
  if (partner_text != NULL)
    {
      *partners = linli_event_csv_split_list (partner_text);
      for (guint i = 0; (*partners)[i] != NULL; i++)
        if (only_id (ix->organisations, (*partners)[i], &n) == 0 && n > 1)
          add_error (im, line, _("Line %u: there are several organisations called “%s”."), line, (*partners)[i]);
    }

  linli_record_set_text (activity, "title", title);
  linli_record_set_text (activity, "type", type);
  linli_record_set_datetime (activity, "start_at", start);
  linli_record_set_datetime (activity, "end_at", end);
  linli_record_set_text (activity, "venue", venue);
  linli_record_set_text (activity, "organiser", organiser);
  linli_record_set_int (activity, "beneficiaries", count);
  linli_record_set_enum (activity, "status", status_value);
  linli_record_set_text (activity, "description", description);
  return activity;
}

/* The cells of the activity's own columns, to tell that the rows of one
 * activity agree. */
static char *
activity_signature (Import *im,
                    guint   row)
{
  GString *signature = g_string_new (NULL);

  for (int f = 0; f < LINLI_ACTIVITY_FIELD_VOLUNTEER; f++)
    {
      g_autofree char *text = cell (im, row, f);
      g_string_append (signature, text != NULL ? text : "");
      g_string_append_c (signature, '\x1f');
    }
  return g_string_free (signature, FALSE);
}

/* Who served, as a row names them: a stored volunteer, or a new one shared
 * by every row that names them the same way. */
static LinliRecord *
read_participation (Import   *im,
                    Indexes  *ix,
                    guint     row)
{
  guint line = line_of (im, row), n;
  g_autofree char *name = cell (im, row, LINLI_ACTIVITY_FIELD_VOLUNTEER);
  g_autofree char *number = cell (im, row, LINLI_ACTIVITY_FIELD_VOLUNTEER_NUMBER);
  g_autofree char *role = cell (im, row, LINLI_ACTIVITY_FIELD_ROLE);
  g_autofree char *hours_text = cell (im, row, LINLI_ACTIVITY_FIELD_HOURS);
  g_autoptr(LinliRecord) participation = NULL;
  g_autofree char *key = NULL;
  g_autofree char *message = NULL;
  double hours = 0;
  gint64 id = 0;

  if (name == NULL && number == NULL)
    {
      if (role != NULL || hours_text != NULL)
        add_error (im, line, _("Line %u: there are hours or a role but no volunteer."), line);
      return NULL;
    }

  participation = linli_record_new (LINLI_TYPE_PARTICIPATION);
  if (hours_text != NULL && !linli_event_parse_hours (hours_text, &hours, &message))
    add_error (im, line, _("Line %u: hours “%s”: %s."), line, hours_text, message);
  linli_record_set_double (participation, "hours", hours);
  linli_record_set_text (participation, "role", role);

  if (number != NULL)
    {
      const char *stored_name = g_hash_table_lookup (ix->number_names, number);

      id = only_id (ix->volunteers_by_number, number, &n);
      if (id != 0 && name != NULL && g_strcmp0 (stored_name, name) != 0)
        {
          add_error (im, line, _("Line %u: the volunteer number “%s” is that of %s, not of %s."),
                     line, number, stored_name, name);
          return NULL;
        }
      key = g_strconcat ("#", number, NULL);
    }
  else
    {
      id = only_id (ix->volunteers_by_name, name, &n);
      if (n > 1)
        {
          add_error (im, line, _("Line %u: there are several volunteers called “%s”; give the volunteer number too."),
                     line, name);
          return NULL;
        }
      key = g_strconcat ("=", name, NULL);
    }

  if (id != 0)
    linli_record_set_int (participation, "volunteer_id", id);
  else if (name == NULL)
    {
      add_error (im, line, _("Line %u: there is no volunteer with the number “%s”; give the name of the new volunteer."),
                 line, number);
      return NULL;
    }
  else
    {
      LinliRecord *fresh = g_hash_table_lookup (ix->new_volunteers, key);

      if (fresh == NULL)
        {
          fresh = linli_record_new (LINLI_TYPE_VOLUNTEER);
          linli_record_set_text (fresh, "name", name);
          linli_record_set_text (fresh, "number", number);
          g_hash_table_insert (ix->new_volunteers, g_strdup (key), fresh);
        }
      else if (g_strcmp0 (linli_record_get_text (fresh, "name"), name) != 0)
        {
          add_error (im, line, _("Line %u: the volunteer number “%s” is given to %s and to %s."),
                     line, number, linli_record_get_text (fresh, "name"), name);
          return NULL;
        }
      linli_participation_set_new_volunteer (participation, fresh);
    }
  return g_steal_pointer (&participation);
}

/* The rules of the editor, each message on the line it is about. */
static void
validate_group (Import *im,
                Group  *group)
{
  g_auto(LinliActivityErrors) errors = { 0, };
  const char *fields[] = { NULL, NULL, NULL, NULL, NULL, NULL };

  if (linli_activity_validate (group->activity, group->participations, &errors))
    return;
  fields[0] = errors.title;
  fields[1] = errors.type;
  fields[2] = errors.start_at;
  fields[3] = errors.end_at;
  fields[4] = errors.beneficiaries;
  /* Whom a wrong row named is said there, not again as "nobody". */
  fields[5] = group->wrong_participant ? NULL : errors.participants;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && !(i == 2 && linli_record_get_datetime (group->activity, "start_at") == NULL))
      /* TRANSLATORS: %s is a rule, such as “Enter a title” */
      add_error (im, group->first_line, _("Line %u: %s."), group->first_line, fields[i]);
  for (guint i = 0; i < errors.n_participants; i++)
    {
      guint line = g_array_index (group->lines, guint, i);

      if (errors.participant[i].volunteer != NULL)
        add_error (im, line, _("Line %u: %s."), line, errors.participant[i].volunteer);
      if (errors.participant[i].hours != NULL)
        add_error (im, line, _("Line %u: %s."), line, errors.participant[i].hours);
    }
}

static gboolean
check_activities_cb (LinliCsvTable  *batch,
                     guint           first_row,
                     gpointer        user_data,
                     GError        **error)
{
  Reading *reading = user_data;
  Import *im = reading->im;
  Indexes *ix = reading->indexes;
  GPtrArray *groups = reading->records;
  GHashTable *group_of = reading->in_file;

  if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
    return FALSE;
  im->batch = batch;
  for (guint row = 0; row < linli_csv_table_get_n_rows (batch); row++)
    {
      guint line = line_of (im, row);
      g_autofree char *title = cell (im, row, LINLI_ACTIVITY_FIELD_TITLE);
      g_autofree char *start = cell (im, row, LINLI_ACTIVITY_FIELD_START);
      g_autofree char *signature = activity_signature (im, row);
      g_autofree char *key = g_strconcat (title ? title : "", "\x1f", start ? start : "", NULL);
      Group *group = g_hash_table_lookup (group_of, key);
      LinliRecord *participation;
      guint n_errors;

      if (group == NULL)
        {
          GDateTime *start_at;
          g_autofree char *stored_key = NULL;

          group = g_new0 (Group, 1);
          group->first_line = line;
          group->signature = g_steal_pointer (&signature);
          group->activity = read_activity (im, ix, row, &group->partners);
          group->participations = g_ptr_array_new_with_free_func (g_object_unref);
          group->lines = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (groups, group);
          g_hash_table_insert (group_of, g_strdup (key), group);

          start_at = linli_record_get_datetime (group->activity, "start_at");
          if (title != NULL && start_at != NULL)
            {
              g_autofree char *when = linli_event_csv_format_time (start_at);
              guint n;
              stored_key = g_strconcat (title, "\x1f", when, NULL);
              only_id (ix->stored_activities, stored_key, &n);
              if (n > 0)
                add_error (im, line, _("Line %u: the activity “%s” of %s is stored already."), line, title, when);
            }
        }
      else if (!g_str_equal (signature, group->signature))
        add_error (im, line, _("Line %u: the activity “%s” is on line %u too, with other details. The rows of one activity must agree."),
                   line, title ? title : "", group->first_line);

      n_errors = im->errors->len;
      participation = read_participation (im, ix, row);
      if (im->errors->len > n_errors)
        group->wrong_participant = TRUE;
      if (participation != NULL)
        {
          g_ptr_array_add (group->participations, participation);
          g_array_append_val (group->lines, line);
        }
    }
  return TRUE;
}

static gboolean
check_activities (Import     *im,
                  Indexes    *ix,
                  GPtrArray  *groups,
                  GError    **error)
{
  g_autoptr(GHashTable) group_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reading reading = { im, groups, NULL, group_of, ix };

  if (!linli_csv_table_foreach (linli_csv_mapping_get_table (im->mapping), TRUE,
                                check_activities_cb, &reading, im->cancellable, error))
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    validate_group (im, groups->pdata[i]);
  return TRUE;
}

static gboolean
write_activities (Import     *im,
                  Indexes    *ix,
                  GPtrArray  *groups,
                  GError    **error)
{
  if (!linli_store_begin_batch (im->store, error))
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = groups->pdata[i];
      g_autoptr(GArray) partners = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!written (im, i, groups->len, error))
        return FALSE;
      /* Partner organisations the office has not recorded yet are added. */
      for (guint p = 0; group->partners != NULL && group->partners[p] != NULL; p++)
        {
          guint n;
          gint64 id = only_id (ix->organisations, group->partners[p], &n);

          if (n == 0)
            {
              g_autoptr(LinliRecord) organisation = linli_record_new (LINLI_TYPE_ORGANISATION);
              GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

              linli_record_set_text (organisation, "name", group->partners[p]);
              if (!linli_store_insert (im->store, organisation, error))
                {
                  g_array_unref (ids);
                  linli_store_rollback (im->store);
                  return FALSE;
                }
              id = linli_record_get_id (organisation);
              g_array_append_val (ids, id);
              g_hash_table_insert (ix->organisations, g_strdup (group->partners[p]), ids);
            }
          g_array_append_val (partners, id);
        }
      linli_record_set_refs (group->activity, "partners", (const gint64 *) (gpointer) partners->data, partners->len);
      if (!linli_store_save_activity (im->store, NULL, group->activity, NULL, group->participations, error))
        {
          linli_store_rollback (im->store);
          return FALSE;
        }
    }
  if (!written (im, groups->len, groups->len, error))
    return FALSE;
  return linli_store_commit (im->store, error);
}

/* ------------------------------------------------------------------------ */

static gboolean
run (LinliStore         *store,
     LinliEventCsvKind   kind,
     LinliCsvMapping    *mapping,
     gboolean            write,
     LinliCountFunc      count,
     gpointer            count_data,
     GCancellable       *cancellable,
     GPtrArray         **row_errors,
     guint              *n_imported,
     GError            **error)
{
  Import im = { store, mapping, NULL, NULL, count, count_data, cancellable };
  g_autoptr(GPtrArray) records = NULL;
  gboolean ok, read;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (mapping), FALSE);

  /* The staff register is read whole (linli_csv_read_file()), not
   * previewed. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (kind == LINLI_EVENT_CSV_STAFF)
    return linli_staff_csv_run_full (store, mapping, write, count, count_data, cancellable,
                                     row_errors, n_imported, error);
  if (row_errors != NULL)
    *row_errors = NULL;
  if (n_imported != NULL)
    *n_imported = 0;
  if (!linli_csv_mapping_check (mapping, error))
    return FALSE;

  im.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_csv_row_error_free);
  if (kind == LINLI_EVENT_CSV_VOLUNTEERS)
    {
      records = g_ptr_array_new_with_free_func (g_object_unref);
      ok = read = check_volunteers (&im, records, error);
      ok = ok && im.errors->len == 0 && (!write || write_volunteers (&im, records, error));
    }
  else
    {
      Indexes ix;

      indexes_init (&ix, store);
      records = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
      ok = read = check_activities (&im, &ix, records, error);
      ok = ok && im.errors->len == 0 && (!write || write_activities (&im, &ix, records, error));
      indexes_clear (&ix);
    }

  if (read && im.errors->len > 0)
    {
      g_ptr_array_sort (im.errors, compare_errors);
      g_set_error (error, LINLI_EVENT_CSV_ERROR, LINLI_EVENT_CSV_ERROR_ROWS,
                   g_dngettext (GETTEXT_PACKAGE, "%u row is wrong: nothing was imported.",
                                "%u rows are wrong: nothing was imported.", im.errors->len),
                   im.errors->len);
      if (row_errors != NULL)
        *row_errors = g_steal_pointer (&im.errors);
      g_clear_pointer (&im.errors, g_ptr_array_unref);
      return FALSE;
    }
  g_ptr_array_unref (im.errors);
  if (ok && n_imported != NULL)
    *n_imported = records->len;
  return ok;
}

/**
 * linli_event_csv_mapping_new:
 *
 * Returns: (transfer full): the columns of @table, each with the field of
 *   a volunteer or of an activity it is guessed to hold
 */
LinliCsvMapping *
linli_event_csv_mapping_new (LinliEventCsvKind  kind,
                             LinliCsvTable     *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (kind == LINLI_EVENT_CSV_VOLUNTEERS)
    return linli_csv_mapping_new (table, linli_volunteer_csv_fields, LINLI_N_VOLUNTEER_FIELDS);
  if (kind == LINLI_EVENT_CSV_STAFF)
    return linli_staff_csv_mapping_new (table);
  return linli_csv_mapping_new (table, linli_activity_csv_fields, LINLI_N_ACTIVITY_FIELDS);
}

/**
 * linli_event_csv_check:
 * @row_errors: (out) (optional) (transfer container) (element-type LinliCsvRowError):
 *   every problem, by line; %NULL when there is none
 *
 * Checks every row as the import would, and writes nothing.
 *
 * Returns: %TRUE when the file can be imported as it is mapped
 */
gboolean
linli_event_csv_check (LinliStore         *store,
                       LinliEventCsvKind   kind,
                       LinliCsvMapping    *mapping,
                       GPtrArray         **row_errors,
                       GError            **error)
{
  return run (store, kind, mapping, FALSE, NULL, NULL, NULL, row_errors, NULL, error);
}

/**
 * linli_event_csv_import:
 * @row_errors: (out) (optional) (transfer container) (element-type LinliCsvRowError):
 *   every problem, by line; %NULL when there is none
 * @n_imported: (out) (optional): the volunteers, or the activities, written
 *
 * Imports every row, or none: with a wrong row, a wrong mapping
 * (#LinliCsvMappingError) or a failed write, nothing is written. Volunteers
 * an activities file names that are not stored are added, and so are its
 * partner organisations.
 */
gboolean
linli_event_csv_import (LinliStore         *store,
                        LinliEventCsvKind   kind,
                        LinliCsvMapping    *mapping,
                        GPtrArray         **row_errors,
                        guint              *n_imported,
                        GError            **error)
{
  return run (store, kind, mapping, TRUE, NULL, NULL, NULL, row_errors, n_imported, error);
}

/**
 * linli_event_csv_import_full:
 * @store: the store, or a writer of it (linli_store_open_writer()), in a
 *   thread of its own
 * @count: (nullable) (scope call): told of the records written, now and then
 * @cancellable: (nullable): stops the import, which then writes nothing
 *
 * linli_event_csv_import(), with its progress told and Cancel.
 */
gboolean
linli_event_csv_import_full (LinliStore         *store,
                             LinliEventCsvKind   kind,
                             LinliCsvMapping    *mapping,
                             LinliCountFunc      count,
                             gpointer            count_data,
                             GCancellable       *cancellable,
                             GPtrArray         **row_errors,
                             guint              *n_imported,
                             GError            **error)
{
  return run (store, kind, mapping, TRUE, count, count_data, cancellable, row_errors, n_imported, error);
}

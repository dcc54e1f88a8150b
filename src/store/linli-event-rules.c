/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "linli-event-rules.h"
#include "linli-form-errors.h"

/* Whoever organises an activity records it, and certifies the hours of
 * those who served in it (谁组织谁记录，谁记录谁证明): the hours are checked
 * against the activity itself. */

#define NEW_VOLUNTEER_KEY "linli-new-volunteer"

/* A little room for hours typed in decimals against times in microseconds. */
#define HOURS_EPSILON 1e-6

void
linli_participation_set_new_volunteer (LinliRecord *participation,
                                       LinliRecord *volunteer_or_null)
{
  g_return_if_fail (LINLI_IS_PARTICIPATION (participation));
  g_return_if_fail (volunteer_or_null == NULL || LINLI_IS_VOLUNTEER (volunteer_or_null));

  g_object_set_data_full (G_OBJECT (participation), NEW_VOLUNTEER_KEY,
                          volunteer_or_null ? g_object_ref (volunteer_or_null) : NULL,
                          g_object_unref);
}

/**
 * linli_participation_get_new_volunteer:
 *
 * Returns: (transfer none) (nullable): the volunteer to be stored with the
 *   activity, %NULL when the participation names a stored one
 */
LinliRecord *
linli_participation_get_new_volunteer (LinliRecord *participation)
{
  g_return_val_if_fail (LINLI_IS_PARTICIPATION (participation), NULL);

  return g_object_get_data (G_OBJECT (participation), NEW_VOLUNTEER_KEY);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * linli_activity_length_hours:
 *
 * Returns: the hours from the start of @activity to its end; 24 (the most
 *   a day of service can hold) when either is not known, or the end is not
 *   after the start
 */
double
linli_activity_length_hours (LinliRecord *activity)
{
  GDateTime *start, *end;
  GTimeSpan span;

  g_return_val_if_fail (LINLI_IS_ACTIVITY (activity), 0);

  start = linli_record_get_datetime (activity, "start_at");
  end = linli_record_get_datetime (activity, "end_at");
  if (start == NULL || end == NULL)
    return LINLI_PARTICIPATION_HOURS_MAX;
  span = g_date_time_difference (end, start);
  if (span <= 0)
    return LINLI_PARTICIPATION_HOURS_MAX;
  return (double) span / G_TIME_SPAN_HOUR;
}

/* The hours as the office writes them: 2, 1.5, 0.5. */
static char *
format_hours (double hours)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", hours));
}

static char *
volunteer_key (LinliRecord *participation)
{
  LinliRecord *fresh = linli_participation_get_new_volunteer (participation);
  gint64 id = linli_record_get_int (participation, "volunteer_id");

  if (id != 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (fresh != NULL)
    return g_strdup_printf ("new:%p", (gpointer) fresh);
  return NULL;
}

static void
validate_participant (LinliRecord            *participation,
                      double                  max_hours,
                      gboolean                end_known,
                      GHashTable             *seen,
                      LinliParticipantErrors *errors)
{
  LinliRecord *fresh = linli_participation_get_new_volunteer (participation);
  g_autofree char *key = volunteer_key (participation);
  double hours = linli_record_get_double (participation, "hours");

  if (key == NULL)
    errors->volunteer = g_strdup (_("Choose a volunteer"));
  else if (fresh != NULL && linli_record_get_int (participation, "volunteer_id") == 0 &&
           is_blank (linli_record_get_text (fresh, "name")))
    errors->volunteer = g_strdup (_("Enter the new volunteer’s name"));
  else if (g_hash_table_contains (seen, key))
    errors->volunteer = g_strdup (_("This volunteer is already listed for the activity"));
  else
    g_hash_table_add (seen, g_steal_pointer (&key));

  if (isnan (hours) || hours < 0)
    errors->hours = g_strdup (_("Hours cannot be negative"));
  else if (hours > LINLI_PARTICIPATION_HOURS_MAX + HOURS_EPSILON)
    errors->hours = g_strdup (_("At most 24 hours can be recorded for one activity"));
  else if (end_known && hours > max_hours + HOURS_EPSILON)
    {
      g_autofree char *length = format_hours (max_hours);
      /* TRANSLATORS: %s is the length of the activity in hours, such as 2.5 */
      errors->hours = g_strdup_printf (_("At most the activity’s length, %s hours"), length);
    }
}

/**
 * linli_activity_validate:
 * @activity: the activity as edited
 * @participations: (element-type LinliParticipation) (nullable): who
 *   served in it, as edited
 * @errors: (out caller-allocates): the messages, one per field, and one
 *   pair per participation in the order given
 *
 * Checks every rule an activity and its participants must meet to be
 * saved: a title and a type, an end after the start, each volunteer listed
 * once with hours from 0 to the length of the activity (and never more
 * than 24), and at least one participant once the activity is done.
 *
 * Returns: %TRUE when there is no error
 */
gboolean
linli_activity_validate (LinliRecord         *activity,
                         GPtrArray           *participations,
                         LinliActivityErrors *errors)
{
  g_autoptr(GHashTable) seen = NULL;
  GDateTime *start, *end;
  guint n;

  g_return_val_if_fail (LINLI_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  memset (errors, 0, sizeof *errors);
  n = participations != NULL ? participations->len : 0;

  if (is_blank (linli_record_get_text (activity, "title")))
    errors->title = g_strdup (_("Enter a title"));
  if (is_blank (linli_record_get_text (activity, "type")))
    errors->type = g_strdup (_("Choose the type of activity"));

  start = linli_record_get_datetime (activity, "start_at");
  end = linli_record_get_datetime (activity, "end_at");
  if (start == NULL)
    errors->start_at = g_strdup (_("Enter the time the activity starts"));
  if (start != NULL && end != NULL && g_date_time_compare (end, start) <= 0)
    errors->end_at = g_strdup (_("The end must be after the start"));

  if (linli_record_get_int (activity, "beneficiaries") < 0)
    errors->beneficiaries = g_strdup (_("Enter a whole number of 0 or more"));

  if (linli_record_get_enum (activity, "status") == LINLI_ACTIVITY_STATUS_DONE && n == 0)
    errors->participants = g_strdup (_("A done activity needs at least one participant"));

  errors->n_participants = n;
  errors->participant = g_new0 (LinliParticipantErrors, MAX (n, 1));
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      LinliRecord *participation = g_ptr_array_index (participations, i);

      g_return_val_if_fail (LINLI_IS_PARTICIPATION (participation), FALSE);
      validate_participant (participation, linli_activity_length_hours (activity),
                            errors->end_at == NULL && start != NULL && end != NULL,
                            seen, &errors->participant[i]);
    }

  return linli_activity_errors_is_empty (errors);
}

gboolean
linli_activity_errors_is_empty (const LinliActivityErrors *errors)
{
  g_autofree char *first = NULL;

  g_return_val_if_fail (errors != NULL, FALSE);

  first = linli_activity_errors_first (errors);
  return first == NULL;
}

void
linli_activity_errors_clear (LinliActivityErrors *errors)
{
  g_return_if_fail (errors != NULL);

  g_clear_pointer (&errors->title, g_free);
  g_clear_pointer (&errors->type, g_free);
  g_clear_pointer (&errors->start_at, g_free);
  g_clear_pointer (&errors->end_at, g_free);
  g_clear_pointer (&errors->beneficiaries, g_free);
  g_clear_pointer (&errors->participants, g_free);
  for (guint i = 0; errors->participant != NULL && i < errors->n_participants; i++)
    {
      g_clear_pointer (&errors->participant[i].volunteer, g_free);
      g_clear_pointer (&errors->participant[i].hours, g_free);
    }
  g_clear_pointer (&errors->participant, g_free);
  errors->n_participants = 0;
}

/**
 * linli_activity_errors_first:
 *
 * Returns: (transfer full) (nullable): the first message in the order of
 *   the form, %NULL when there is none
 */
char *
linli_activity_errors_first (const LinliActivityErrors *errors)
{
  const char *fields[] = {
    errors->title, errors->type, errors->start_at, errors->end_at,
    errors->beneficiaries, errors->participants,
  };

  g_return_val_if_fail (errors != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      return g_strdup (fields[i]);
  for (guint i = 0; errors->participant != NULL && i < errors->n_participants; i++)
    {
      const LinliParticipantErrors *p = &errors->participant[i];
      const char *message = p->volunteer != NULL ? p->volunteer : p->hours;

      /* TRANSLATORS: %u is the row of the participant, %s what is wrong with it */
      if (message != NULL)
        return g_strdup_printf (_("Participant %u: %s"), i + 1, message);
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */

static void
check_count (LinliRecord  *outreach,
             const char   *column,
             char        **message)
{
  if (linli_record_get_int (outreach, column) < 0)
    *message = g_strdup (_("Enter a whole number of 0 or more"));
}

/**
 * linli_outreach_validate:
 * @outreach: the event as edited
 * @errors: (out caller-allocates): the messages, one per field
 *
 * Checks every rule an outreach event must meet to be saved: a title, a
 * start, an end after it, counts of 0 or more, and no more app installs
 * than attendees unless installs_off_site says some were made elsewhere.
 *
 * Returns: %TRUE when there is no error
 */
gboolean
linli_outreach_validate (LinliRecord         *outreach,
                         LinliOutreachErrors *errors)
{
  GDateTime *start, *end;

  g_return_val_if_fail (LINLI_IS_OUTREACH (outreach), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  memset (errors, 0, sizeof *errors);

  if (is_blank (linli_record_get_text (outreach, "title")))
    errors->title = g_strdup (_("Enter a title"));

  start = linli_record_get_datetime (outreach, "start_at");
  end = linli_record_get_datetime (outreach, "end_at");
  if (start == NULL)
    errors->start_at = g_strdup (_("Enter the time the event starts"));
  if (start != NULL && end != NULL && g_date_time_compare (end, start) <= 0)
    errors->end_at = g_strdup (_("The end must be after the start"));

  check_count (outreach, "attendees", &errors->attendees);
  check_count (outreach, "leaflets", &errors->leaflets);
  check_count (outreach, "app_installs", &errors->app_installs);
  check_count (outreach, "consultations", &errors->consultations);

  if (errors->app_installs == NULL && errors->attendees == NULL &&
      linli_record_get_int (outreach, "app_installs") > linli_record_get_int (outreach, "attendees") &&
      !linli_record_get_bool (outreach, "installs_off_site"))
    errors->app_installs = g_strdup (_("More installs than attendees: confirm that some were installed off-site"));

  return linli_outreach_errors_is_empty (errors);
}

LINLI_FORM_ERRORS_DEFINE (LinliOutreachErrors, linli_outreach_errors)

/* ------------------------------------------------------------------------ */

/* @text in NFKC, so that the full-width digits of an input method count,
 * without the white space around it. */
static char *
normal_text (const char *text)
{
  char *normal;

  if (text == NULL)
    return g_strdup ("");
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return normal != NULL ? g_strstrip (normal) : g_strdup ("");
}

/**
 * linli_event_parse_count:
 * @count: (out): the number read
 * @message: (out) (optional) (transfer full): what is wrong with @text
 *
 * Reads a count as typed: a whole number of 0 or more; nothing is 0.
 *
 * Returns: %TRUE when @text is one
 */
gboolean
linli_event_parse_count (const char  *text,
                         gint64      *count,
                         char       **message)
{
  g_autofree char *normal = normal_text (text);
  guint64 value = 0;

  g_return_val_if_fail (count != NULL, FALSE);

  *count = 0;
  if (*normal == '\0')
    return TRUE;
  for (const char *p = normal; *p; p++)
    if (!g_ascii_isdigit (*p))
      {
        if (message != NULL)
          *message = g_strdup (_("Enter a whole number of 0 or more"));
        return FALSE;
      }
  if (!g_ascii_string_to_unsigned (normal, 10, 0, G_MAXINT32, &value, NULL))
    {
      if (message != NULL)
        *message = g_strdup (_("The number is too large"));
      return FALSE;
    }
  *count = (gint64) value;
  return TRUE;
}

/**
 * linli_event_parse_hours:
 * @hours: (out): the hours read
 * @message: (out) (optional) (transfer full): what is wrong with @text
 *
 * Reads hours of service as typed: 2, 1.5, 0.5; nothing is 0. Whether
 * they fit the activity is linli_activity_validate()'s to say.
 *
 * Returns: %TRUE when @text is a number of 0 or more
 */
gboolean
linli_event_parse_hours (const char  *text,
                         double      *hours,
                         char       **message)
{
  g_autofree char *normal = normal_text (text);
  gboolean point = FALSE, digit = FALSE;
  double value;

  g_return_val_if_fail (hours != NULL, FALSE);

  *hours = 0;
  if (*normal == '\0')
    return TRUE;
  for (const char *p = normal; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == '.' && !point)
        point = TRUE;
      else
        {
          if (message != NULL)
            *message = g_strdup (_("Enter the hours as a number, such as 2 or 1.5"));
          return FALSE;
        }
    }
  value = g_ascii_strtod (normal, NULL);
  if (!digit || value > LINLI_PARTICIPATION_HOURS_MAX)
    {
      if (message != NULL)
        *message = g_strdup (digit ? _("At most 24 hours can be recorded for one activity")
                                   : _("Enter the hours as a number, such as 2 or 1.5"));
      return FALSE;
    }
  *hours = value;
  return TRUE;
}

/* Proposals for the editors, kept in Chinese as the office writes them; a
 * stored record may hold others. */
const char * const *
linli_activity_types (void)
{
  static const char * const types[] = {
    "学雷锋", "环境整治", "助老", "关爱青少年", "党建", "文体活动", "传统文化",
    "文明宣传", "其他", NULL,
  };
  return types;
}

const char * const *
linli_outreach_target_groups (void)
{
  static const char * const groups[] = {
    "老年人", "学生", "新市民", "商户", "居民", "租户", "家长", "教师", "返乡人员", NULL,
  };
  return groups;
}

const char * const *
linli_outreach_topics (void)
{
  static const char * const topics[] = {
    "刷单返利", "冒充公检法", "养老诈骗", "网络贷款", "冒充客服退款", "虚假投资理财",
    "冒充亲友", "虚假招聘", "游戏账号交易", "保健品诈骗", NULL,
  };
  return topics;
}

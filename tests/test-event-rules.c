/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-event-rules.h"
#include "linli-store.h"
#include "test-util.h"

/* The rules of an activity with its participants and of an outreach event,
 * without a display: every check the editors show, and the counts and
 * hours as typed. */

static GDateTime *
at (int day,
    int hour,
    int minute)
{
  return g_date_time_new_local (2026, 3, day, hour, minute, 0);
}

/* A done activity of 2½ hours that meets every rule, without participants. */
static LinliRecord *
valid_activity (void)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_ACTIVITY);
  g_autoptr(GDateTime) start = at (5, 9, 0);
  g_autoptr(GDateTime) end = at (5, 11, 30);

  linli_record_set_text (record, "title", "学雷锋志愿服务");
  linli_record_set_text (record, "type", "学雷锋");
  linli_record_set_datetime (record, "start_at", start);
  linli_record_set_datetime (record, "end_at", end);
  linli_record_set_enum (record, "status", LINLI_ACTIVITY_STATUS_DONE);
  return record;
}

static LinliRecord *
participation (gint64 volunteer_id,
               double hours)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_PARTICIPATION);

  linli_record_set_int (record, "volunteer_id", volunteer_id);
  linli_record_set_double (record, "hours", hours);
  return record;
}

static GPtrArray *
participants (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (list, participation (1, 2));
  g_ptr_array_add (list, participation (2, 2.5));
  return list;
}

static void
test_activity_valid (void)
{
  g_autoptr(LinliRecord) activity = valid_activity ();
  g_autoptr(GPtrArray) list = participants ();
  g_auto(LinliActivityErrors) errors = { 0, };
  g_autofree char *first = NULL;

  g_assert_true (linli_activity_validate (activity, list, &errors));
  g_assert_true (linli_activity_errors_is_empty (&errors));
  g_assert_cmpuint (errors.n_participants, ==, 2);
  first = linli_activity_errors_first (&errors);
  g_assert_null (first);
  g_assert_cmpfloat_with_epsilon (linli_activity_length_hours (activity), 2.5, 1e-9);
}

static void
test_activity_title_and_type (void)
{
  g_autoptr(LinliRecord) activity = valid_activity ();
  g_autoptr(GPtrArray) list = participants ();
  g_auto(LinliActivityErrors) errors = { 0, };
  g_autofree char *first = NULL;

  linli_record_set_text (activity, "title", " \u3000 ");
  linli_record_set_text (activity, "type", NULL);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_nonnull (errors.title);
  g_assert_nonnull (errors.type);
  g_assert_null (errors.start_at);
  g_assert_null (errors.end_at);
  g_assert_null (errors.participants);
  /* The first message is that of the first field of the form. */
  first = linli_activity_errors_first (&errors);
  g_assert_cmpstr (first, ==, errors.title);
}

static void
test_activity_times (void)
{
  g_autoptr(LinliRecord) activity = valid_activity ();
  g_autoptr(GDateTime) same = at (5, 9, 0);
  g_autoptr(GDateTime) before = at (5, 8, 0);
  g_auto(LinliActivityErrors) errors = { 0, };

  linli_record_set_enum (activity, "status", LINLI_ACTIVITY_STATUS_PLANNED);

  /* The end equal to the start is not after it. */
  linli_record_set_datetime (activity, "end_at", same);
  g_assert_false (linli_activity_validate (activity, NULL, &errors));
  g_assert_nonnull (errors.end_at);
  linli_activity_errors_clear (&errors);

  linli_record_set_datetime (activity, "end_at", before);
  g_assert_false (linli_activity_validate (activity, NULL, &errors));
  g_assert_nonnull (errors.end_at);
  linli_activity_errors_clear (&errors);

  /* No end is allowed: an activity still being planned. */
  linli_record_set_datetime (activity, "end_at", NULL);
  g_assert_true (linli_activity_validate (activity, NULL, &errors));
  linli_activity_errors_clear (&errors);

  linli_record_set_datetime (activity, "start_at", NULL);
  g_assert_false (linli_activity_validate (activity, NULL, &errors));
  g_assert_nonnull (errors.start_at);
  g_assert_null (errors.end_at);
}

static void
test_activity_hours (void)
{
  g_autoptr(LinliRecord) activity = valid_activity ();
  g_autoptr(GPtrArray) list = participants ();
  LinliRecord *second = g_ptr_array_index (list, 1);
  g_auto(LinliActivityErrors) errors = { 0, };
  g_autofree char *first = NULL;

  /* Up to the length of the activity, 2.5 hours, and no further. */
  linli_record_set_double (second, "hours", 2.5);
  g_assert_true (linli_activity_validate (activity, list, &errors));
  linli_activity_errors_clear (&errors);

  linli_record_set_double (second, "hours", 2.75);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_null (errors.participant[0].hours);
  g_assert_nonnull (errors.participant[1].hours);
  g_assert_nonnull (strstr (errors.participant[1].hours, "2.5"));
  g_assert_null (errors.participant[1].volunteer);
  /* Named by its row when the form shows one message. */
  first = linli_activity_errors_first (&errors);
  g_assert_true (g_str_has_prefix (first, "Participant 2"));
  linli_activity_errors_clear (&errors);

  linli_record_set_double (second, "hours", -0.5);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_nonnull (errors.participant[1].hours);
  linli_activity_errors_clear (&errors);

  linli_record_set_double (second, "hours", NAN);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_nonnull (errors.participant[1].hours);
  linli_activity_errors_clear (&errors);

  /* 0 hours is allowed: someone who came and was not needed. */
  linli_record_set_double (second, "hours", 0);
  g_assert_true (linli_activity_validate (activity, list, &errors));
  linli_activity_errors_clear (&errors);

  /* Without an end, the schema's 24 hours is the limit. */
  linli_record_set_datetime (activity, "end_at", NULL);
  linli_record_set_double (second, "hours", 24);
  g_assert_true (linli_activity_validate (activity, list, &errors));
  linli_activity_errors_clear (&errors);
  linli_record_set_double (second, "hours", 24.5);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_nonnull (errors.participant[1].hours);
  linli_activity_errors_clear (&errors);

  /* A two-day activity still allows no more than 24 for one person. */
  {
    g_autoptr(GDateTime) later = at (7, 9, 0);
    linli_record_set_datetime (activity, "end_at", later);
    g_assert_cmpfloat_with_epsilon (linli_activity_length_hours (activity), 48, 1e-9);
    g_assert_false (linli_activity_validate (activity, list, &errors));
    g_assert_nonnull (errors.participant[1].hours);
  }
}

static void
test_activity_volunteer_once (void)
{
  g_autoptr(LinliRecord) activity = valid_activity ();
  g_autoptr(GPtrArray) list = participants ();
  g_autoptr(LinliRecord) fresh = linli_record_new (LINLI_TYPE_VOLUNTEER);
  g_autoptr(LinliRecord) other = linli_record_new (LINLI_TYPE_VOLUNTEER);
  g_auto(LinliActivityErrors) errors = { 0, };

  g_ptr_array_add (list, participation (1, 1));
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_null (errors.participant[0].volunteer);
  g_assert_null (errors.participant[1].volunteer);
  g_assert_nonnull (errors.participant[2].volunteer);
  linli_activity_errors_clear (&errors);

  /* No volunteer chosen. */
  linli_record_set_int (g_ptr_array_index (list, 2), "volunteer_id", 0);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_nonnull (errors.participant[2].volunteer);
  linli_activity_errors_clear (&errors);

  /* A new volunteer, added on the spot, needs a name ... */
  linli_participation_set_new_volunteer (g_ptr_array_index (list, 2), fresh);
  g_assert_true (linli_participation_get_new_volunteer (g_ptr_array_index (list, 2)) == fresh);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_nonnull (errors.participant[2].volunteer);
  linli_activity_errors_clear (&errors);
  linli_record_set_text (fresh, "name", "王新来");
  g_assert_true (linli_activity_validate (activity, list, &errors));
  linli_activity_errors_clear (&errors);

  /* ... and is listed once; two new people of the same name are two. */
  g_ptr_array_add (list, participation (0, 1));
  linli_participation_set_new_volunteer (g_ptr_array_index (list, 3), fresh);
  g_assert_false (linli_activity_validate (activity, list, &errors));
  g_assert_nonnull (errors.participant[3].volunteer);
  linli_activity_errors_clear (&errors);
  linli_record_set_text (other, "name", "王新来");
  linli_participation_set_new_volunteer (g_ptr_array_index (list, 3), other);
  g_assert_true (linli_activity_validate (activity, list, &errors));
}

static void
test_activity_done_needs_participant (void)
{
  g_autoptr(LinliRecord) activity = valid_activity ();
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(LinliActivityErrors) errors = { 0, };

  g_assert_false (linli_activity_validate (activity, empty, &errors));
  g_assert_nonnull (errors.participants);
  linli_activity_errors_clear (&errors);
  g_assert_false (linli_activity_validate (activity, NULL, &errors));
  g_assert_nonnull (errors.participants);
  linli_activity_errors_clear (&errors);

  /* Planned and cancelled activities may have nobody yet. */
  linli_record_set_enum (activity, "status", LINLI_ACTIVITY_STATUS_PLANNED);
  g_assert_true (linli_activity_validate (activity, empty, &errors));
  linli_activity_errors_clear (&errors);
  linli_record_set_enum (activity, "status", LINLI_ACTIVITY_STATUS_CANCELLED);
  g_assert_true (linli_activity_validate (activity, empty, &errors));
  linli_activity_errors_clear (&errors);

  linli_record_set_int (activity, "beneficiaries", -1);
  g_assert_false (linli_activity_validate (activity, empty, &errors));
  g_assert_nonnull (errors.beneficiaries);
}

/* ------------------------------------------------------------------------ */

static LinliRecord *
valid_outreach (void)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(GDateTime) start = at (15, 15, 0);
  g_autoptr(GDateTime) end = at (15, 17, 0);

  linli_record_set_text (record, "title", "反诈宣传进校园");
  linli_record_set_datetime (record, "start_at", start);
  linli_record_set_datetime (record, "end_at", end);
  linli_record_set_enum (record, "format", LINLI_OUTREACH_FORMAT_PERFORMANCE);
  linli_record_set_int (record, "attendees", 120);
  linli_record_set_int (record, "leaflets", 300);
  linli_record_set_int (record, "app_installs", 120);
  linli_record_set_int (record, "consultations", 8);
  return record;
}

static void
test_outreach_valid (void)
{
  g_autoptr(LinliRecord) outreach = valid_outreach ();
  g_auto(LinliOutreachErrors) errors = { 0, };

  g_assert_true (linli_outreach_validate (outreach, &errors));
  g_assert_true (linli_outreach_errors_is_empty (&errors));
}

static void
test_outreach_title_and_times (void)
{
  g_autoptr(LinliRecord) outreach = valid_outreach ();
  g_autoptr(GDateTime) before = at (15, 14, 0);
  g_auto(LinliOutreachErrors) errors = { 0, };
  g_autofree char *first = NULL;

  linli_record_set_text (outreach, "title", "");
  linli_record_set_datetime (outreach, "end_at", before);
  g_assert_false (linli_outreach_validate (outreach, &errors));
  g_assert_nonnull (errors.title);
  g_assert_nonnull (errors.end_at);
  g_assert_null (errors.start_at);
  first = linli_outreach_errors_first (&errors);
  g_assert_cmpstr (first, ==, errors.title);
  linli_outreach_errors_clear (&errors);

  linli_record_set_text (outreach, "title", "反诈");
  linli_record_set_datetime (outreach, "start_at", NULL);
  g_assert_false (linli_outreach_validate (outreach, &errors));
  g_assert_nonnull (errors.start_at);
  g_assert_null (errors.end_at);
}

static void
test_outreach_counts (void)
{
  const char *columns[] = { "attendees", "leaflets", "app_installs", "consultations" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(LinliRecord) outreach = valid_outreach ();
      g_auto(LinliOutreachErrors) errors = { 0, };
      char **fields[] = { &errors.attendees, &errors.leaflets, &errors.app_installs, &errors.consultations };

      linli_record_set_int (outreach, columns[i], -1);
      g_assert_false (linli_outreach_validate (outreach, &errors));
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        if (j == i)
          g_assert_nonnull (*fields[j]);
        else
          g_assert_null (*fields[j]);
    }
}

static void
test_outreach_installs (void)
{
  g_autoptr(LinliRecord) outreach = valid_outreach ();
  g_auto(LinliOutreachErrors) errors = { 0, };

  /* As many installs as attendees is fine; one more is not ... */
  linli_record_set_int (outreach, "app_installs", 121);
  g_assert_false (linli_outreach_validate (outreach, &errors));
  g_assert_nonnull (errors.app_installs);
  g_assert_null (errors.attendees);
  linli_outreach_errors_clear (&errors);

  /* ... unless the user confirms some were installed off-site. */
  linli_record_set_bool (outreach, "installs_off_site", TRUE);
  g_assert_true (linli_outreach_validate (outreach, &errors));
}

/* The schema keeps the rule too: no way around it without the flag. */
static void
test_outreach_installs_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) outreach = valid_outreach ();
  TestDatabase db;

  test_database_open (&db, "linli-event-rules");
  linli_record_set_int (outreach, "app_installs", 500);
  g_assert_false (linli_store_insert (db.store, outreach, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  linli_record_set_bool (outreach, "installs_off_site", TRUE);
  g_assert_true (linli_store_insert (db.store, outreach, &error));
  g_assert_no_error (error);
  test_database_close (&db);
}

static void
test_parse_count (void)
{
  gint64 count = -1;
  char *message = NULL;

  g_assert_true (linli_event_parse_count ("120", &count, &message));
  g_assert_cmpint (count, ==, 120);
  g_assert_true (linli_event_parse_count (" １２０ ", &count, &message));
  g_assert_cmpint (count, ==, 120);
  g_assert_true (linli_event_parse_count ("", &count, &message));
  g_assert_cmpint (count, ==, 0);
  g_assert_null (message);

  const char *bad[] = { "-3", "1.5", "十", "12a", "99999999999" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (linli_event_parse_count (bad[i], &count, &message));
      g_assert_nonnull (message);
      g_clear_pointer (&message, g_free);
    }
}

static void
test_parse_hours (void)
{
  double hours = -1;
  char *message = NULL;

  g_assert_true (linli_event_parse_hours ("1.5", &hours, &message));
  g_assert_cmpfloat (hours, ==, 1.5);
  g_assert_true (linli_event_parse_hours ("２", &hours, &message));
  g_assert_cmpfloat (hours, ==, 2);
  g_assert_true (linli_event_parse_hours ("", &hours, &message));
  g_assert_cmpfloat (hours, ==, 0);
  g_assert_null (message);

  const char *bad[] = { "-1", "1.5.5", ".", "两小时", "25" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (linli_event_parse_hours (bad[i], &hours, &message));
      g_assert_nonnull (message);
      g_clear_pointer (&message, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-rules/activity/valid", test_activity_valid);
  g_test_add_func ("/event-rules/activity/title-and-type", test_activity_title_and_type);
  g_test_add_func ("/event-rules/activity/times", test_activity_times);
  g_test_add_func ("/event-rules/activity/hours", test_activity_hours);
  g_test_add_func ("/event-rules/activity/volunteer-once", test_activity_volunteer_once);
  g_test_add_func ("/event-rules/activity/done-needs-participant", test_activity_done_needs_participant);
  g_test_add_func ("/event-rules/outreach/valid", test_outreach_valid);
  g_test_add_func ("/event-rules/outreach/title-and-times", test_outreach_title_and_times);
  g_test_add_func ("/event-rules/outreach/counts", test_outreach_counts);
  g_test_add_func ("/event-rules/outreach/installs", test_outreach_installs);
  g_test_add_func ("/event-rules/outreach/installs-schema", test_outreach_installs_schema);
  g_test_add_func ("/event-rules/parse/count", test_parse_count);
  g_test_add_func ("/event-rules/parse/hours", test_parse_hours);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "linli-case-rules.h"
#include "linli-demo.h"
#include "linli-store.h"

/* The rules of a case without a display: the workflow, every check of the
 * editor, the phone and time formats, and the demo community against them. */

#define R LINLI_CASE_STATUS_REGISTERED
#define A LINLI_CASE_STATUS_ASSIGNED
#define P LINLI_CASE_STATUS_IN_PROGRESS
#define S LINLI_CASE_STATUS_RESOLVED
#define V LINLI_CASE_STATUS_REVISITED
#define E LINLI_CASE_STATUS_ESCALATED
#define H LINLI_CASE_STATUS_SUSPENDED
#define X LINLI_CASE_STATUS_VOID
#define D LINLI_CASE_STATUS_DUPLICATE
#define N_STATUSES 9

static GDateTime *
at (int day,
    int hour,
    int minute)
{
  return g_date_time_new_local (2026, 3, day, hour, minute, 0);
}

/* 2026-03-20 10:00, the "now" of these tests. */
static GDateTime *
test_now (void)
{
  return at (20, 10, 0);
}

/* A registered case that meets every rule. */
static LinliRecord *
valid_case (void)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(GDateTime) reported = at (3, 9, 10);

  linli_record_set_text (record, "number", "2026-0001");
  linli_record_set_text (record, "title", "3号楼1单元三楼西户水管漏水");
  linli_record_set_text (record, "category", "水电维修");
  linli_record_set_text (record, "subcategory", "漏水");
  linli_record_set_text (record, "source", "网格巡查");
  linli_record_set_datetime (record, "reported_at", reported);
  linli_record_set_enum (record, "status", LINLI_CASE_STATUS_REGISTERED);
  return record;
}

/* A stored case at @status, meeting the rules of that status. */
static LinliRecord *
stored_case (LinliCaseStatus status)
{
  LinliRecord *record = valid_case ();
  g_autoptr(GDateTime) resolved = at (3, 11, 20);
  g_autoptr(GDateTime) revisited = at (5, 15, 0);

  linli_record_set_id (record, 7);
  linli_record_set_int (record, "worker_id", 3);
  linli_record_set_enum (record, "status", status);
  if (status == S || status == V)
    {
      linli_record_set_text (record, "resolution", "更换了PPR水管");
      linli_record_set_enum (record, "resolution_level", LINLI_RESOLUTION_LEVEL_GRID);
      linli_record_set_datetime (record, "resolved_at", resolved);
    }
  if (status == V)
    linli_record_set_datetime (record, "revisited_at", revisited);
  if (status == D)
    linli_record_set_int (record, "duplicate_of", 3);
  return record;
}

static gboolean
validate (LinliRecord     *record,
          LinliRecord     *original,
          LinliCaseErrors *errors)
{
  g_autoptr(GDateTime) now = test_now ();
  return linli_case_validate (record, original, NULL, NULL, now, errors);
}

/* ------------------------------------------------------------------------ */
/* The workflow */

static void
test_transitions (void)
{
  /* Row: from; column: to, in the order of the enum. */
  static const gboolean allowed[N_STATUSES][N_STATUSES] = {
    /*         R  A  P  S  V  E  H  X  D */
    /* R */  { 1, 1, 0, 0, 0, 1, 1, 1, 1 },
    /* A */  { 0, 1, 1, 0, 0, 1, 1, 1, 1 },
    /* P */  { 0, 0, 1, 1, 0, 1, 1, 0, 0 },
    /* S */  { 0, 0, 1, 1, 1, 0, 0, 0, 0 },
    /* V */  { 0, 0, 0, 0, 1, 0, 0, 0, 0 },
    /* E */  { 0, 0, 1, 1, 0, 1, 1, 0, 0 },
    /* H */  { 0, 1, 1, 0, 0, 0, 1, 1, 0 },
    /* X */  { 0, 0, 0, 0, 0, 0, 0, 1, 0 },
    /* D */  { 0, 0, 0, 0, 0, 0, 0, 0, 1 },
  };

  for (int from = 0; from < N_STATUSES; from++)
    {
      guint n_next;
      const LinliCaseStatus *next = linli_case_status_next (from, &n_next);
      guint n_allowed = 0;

      for (int to = 0; to < N_STATUSES; to++)
        {
          if (linli_case_status_can_change (from, to) != allowed[from][to])
            g_error ("%s → %s: expected %s", linli_case_status_label (from),
                     linli_case_status_label (to), allowed[from][to] ? "allowed" : "refused");
          n_allowed += allowed[from][to] && from != to;
        }

      /* The list of next statuses is the allowed changes, without staying put. */
      g_assert_cmpuint (n_next, ==, n_allowed);
      for (guint i = 0; i < n_next; i++)
        {
          g_assert_cmpint (next[i], !=, from);
          g_assert_true (allowed[from][next[i]]);
        }
    }
}

static void
test_status_change_validated (void)
{
  for (int from = 0; from < N_STATUSES; from++)
    for (int to = 0; to < N_STATUSES; to++)
      {
        g_autoptr(LinliRecord) original = stored_case (from);
        g_autoptr(LinliRecord) edited = stored_case (to);
        g_auto(LinliCaseErrors) errors = { 0 };

        validate (edited, original, &errors);
        if (linli_case_status_can_change (from, to))
          g_assert_null (errors.status);
        else
          g_assert_nonnull (errors.status);
      }
}

static void
test_status_messages (void)
{
  g_autoptr(LinliRecord) original = stored_case (P);
  g_autoptr(LinliRecord) edited = stored_case (V);
  g_autoptr(LinliRecord) registered = stored_case (R);
  g_autoptr(LinliRecord) resolved = stored_case (S);
  g_autoptr(LinliRecord) voided = stored_case (X);
  g_auto(LinliCaseErrors) errors = { 0 };

  /* Revisited before it is resolved. */
  g_assert_false (validate (edited, original, &errors));
  g_assert_cmpstr (errors.status, ==, "A case can have its follow-up visit only after it is resolved");
  linli_case_errors_clear (&errors);

  g_assert_false (validate (resolved, registered, &errors));
  g_assert_cmpstr (errors.status, ==, "A case is resolved only while it is in progress or escalated");
  linli_case_errors_clear (&errors);

  g_assert_false (validate (registered, voided, &errors));
  g_assert_cmpstr (errors.status, ==, "A case cannot go from “Void” to “Registered”");
}

/* A new case starts registered: it may be saved as registered or as what
 * follows registered, nothing else. */
static void
test_new_case_status (void)
{
  for (int to = 0; to < N_STATUSES; to++)
    {
      g_autoptr(LinliRecord) record = stored_case (to);
      g_auto(LinliCaseErrors) errors = { 0 };

      linli_record_set_id (record, 0);
      validate (record, NULL, &errors);
      g_assert_true ((errors.status == NULL) == linli_case_status_can_change (R, to));
    }
}

static void
test_resolution_level_raise (void)
{
  g_assert_cmpint (linli_resolution_level_raise (LINLI_RESOLUTION_LEVEL_NONE), ==, LINLI_RESOLUTION_LEVEL_COMMUNITY);
  g_assert_cmpint (linli_resolution_level_raise (LINLI_RESOLUTION_LEVEL_GRID), ==, LINLI_RESOLUTION_LEVEL_COMMUNITY);
  g_assert_cmpint (linli_resolution_level_raise (LINLI_RESOLUTION_LEVEL_COMMUNITY), ==, LINLI_RESOLUTION_LEVEL_SUBDISTRICT);
  g_assert_cmpint (linli_resolution_level_raise (LINLI_RESOLUTION_LEVEL_SUBDISTRICT), ==, LINLI_RESOLUTION_LEVEL_SUBDISTRICT);
}

static void
test_follow_status (void)
{
  g_autoptr(LinliRecord) original = stored_case (P);
  g_autoptr(LinliRecord) copy = linli_record_copy (original);
  g_autoptr(GDateTime) now = test_now ();

  linli_record_set_enum (original, "resolution_level", LINLI_RESOLUTION_LEVEL_COMMUNITY);
  linli_record_set_enum (copy, "resolution_level", LINLI_RESOLUTION_LEVEL_COMMUNITY);

  /* Escalating raises the level one step; going back undoes it. */
  linli_record_set_enum (copy, "status", E);
  linli_case_follow_status (copy, original, P, now);
  g_assert_cmpint (linli_record_get_enum (copy, "resolution_level"), ==, LINLI_RESOLUTION_LEVEL_SUBDISTRICT);
  linli_record_set_enum (copy, "status", H);
  linli_case_follow_status (copy, original, E, now);
  g_assert_cmpint (linli_record_get_enum (copy, "resolution_level"), ==, LINLI_RESOLUTION_LEVEL_COMMUNITY);
  /* Escalating twice in one edit is still one step. */
  linli_record_set_enum (copy, "status", E);
  linli_case_follow_status (copy, original, H, now);
  linli_record_set_enum (copy, "status", P);
  linli_case_follow_status (copy, original, E, now);
  linli_record_set_enum (copy, "status", E);
  linli_case_follow_status (copy, original, P, now);
  g_assert_cmpint (linli_record_get_enum (copy, "resolution_level"), ==, LINLI_RESOLUTION_LEVEL_SUBDISTRICT);

  /* Resolving proposes now as the time, and keeps a time already given. */
  linli_record_set_enum (copy, "status", S);
  linli_case_follow_status (copy, original, P, now);
  g_assert_true (g_date_time_equal (linli_record_get_datetime (copy, "resolved_at"), now));
  {
    g_autoptr(GDateTime) earlier = at (19, 8, 0);
    g_autoptr(GDateTime) visit = at (19, 9, 0);
    linli_record_set_datetime (copy, "resolved_at", earlier);
    linli_record_set_datetime (copy, "revisited_at", visit);
    linli_record_set_enum (copy, "status", V);
    linli_case_follow_status (copy, original, S, now);
    g_assert_true (g_date_time_equal (linli_record_get_datetime (copy, "resolved_at"), earlier));
    g_assert_true (g_date_time_equal (linli_record_get_datetime (copy, "revisited_at"), visit));
  }

  /* No change of status, nothing follows. */
  linli_record_set_datetime (copy, "revisited_at", NULL);
  linli_case_follow_status (copy, original, V, now);
  g_assert_null (linli_record_get_datetime (copy, "revisited_at"));
}

static void
test_follow_worker (void)
{
  g_autoptr(LinliRecord) copy = valid_case ();
  g_autoptr(LinliRecord) in_progress = stored_case (P);
  g_autoptr(LinliRecord) copy2 = linli_record_copy (in_progress);

  linli_record_set_int (copy, "worker_id", 4);
  linli_case_follow_worker (copy, NULL);
  g_assert_cmpint (linli_record_get_enum (copy, "status"), ==, A);
  linli_record_set_int (copy, "worker_id", 0);
  linli_case_follow_worker (copy, NULL);
  g_assert_cmpint (linli_record_get_enum (copy, "status"), ==, R);

  /* A case beyond registered keeps its status when reassigned. */
  linli_record_set_int (copy2, "worker_id", 0);
  linli_case_follow_worker (copy2, in_progress);
  g_assert_cmpint (linli_record_get_enum (copy2, "status"), ==, P);
}

/* ------------------------------------------------------------------------ */
/* The checks of each field */

static void
test_valid_case (void)
{
  g_autoptr(LinliRecord) record = valid_case ();
  g_autoptr(GDateTime) now = test_now ();
  g_auto(LinliCaseErrors) errors = { 0 };

  g_assert_true (linli_case_validate (record, NULL, "王大爷", "13800029001", now, &errors));
  g_assert_true (linli_case_errors_is_empty (&errors));
  g_assert_null (linli_case_errors_first (&errors));

  /* Every status with what it needs is valid from itself. */
  for (int s = 0; s < N_STATUSES; s++)
    {
      g_autoptr(LinliRecord) stored = stored_case (s);
      g_auto(LinliCaseErrors) status_errors = { 0 };
      if (!validate (stored, stored, &status_errors))
        g_error ("%s: %s", linli_case_status_label (s), linli_case_errors_first (&status_errors));
    }
}

static void
test_title (void)
{
  g_autoptr(LinliRecord) record = valid_case ();
  g_auto(LinliCaseErrors) errors = { 0 };
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *first = NULL;

  linli_record_set_text (record, "title", NULL);
  g_assert_false (validate (record, NULL, &errors));
  g_assert_cmpstr (errors.title, ==, "Enter a title");
  linli_case_errors_clear (&errors);

  linli_record_set_text (record, "title", " \t\u3000 ");
  g_assert_false (validate (record, NULL, &errors));
  g_assert_cmpstr (errors.title, ==, "Enter a title");
  linli_case_errors_clear (&errors);

  /* 100 characters of three bytes each are fine, with spaces around. */
  for (int i = 0; i < 100; i++)
    g_string_append (title, "漏");
  g_string_prepend (title, "  ");
  g_string_append (title, "  ");
  linli_record_set_text (record, "title", title->str);
  g_assert_true (validate (record, NULL, &errors));

  g_string_insert (title, 2, "水");
  linli_record_set_text (record, "title", title->str);
  g_assert_false (validate (record, NULL, &errors));
  g_assert_cmpstr (errors.title, ==, "The title can be at most 100 characters (now 101)");
  /* Only the title is wrong. */
  first = linli_case_errors_first (&errors);
  g_assert_cmpstr (first, ==, errors.title);
}

static void
test_category_and_source (void)
{
  g_autoptr(LinliRecord) record = valid_case ();
  g_auto(LinliCaseErrors) errors = { 0 };

  linli_record_set_text (record, "category", "");
  linli_record_set_text (record, "source", NULL);
  g_assert_false (validate (record, NULL, &errors));
  g_assert_cmpstr (errors.category, ==, "Choose a category");
  g_assert_cmpstr (errors.source, ==, "Choose how the case came in");
}

static void
test_reported_time (void)
{
  g_autoptr(LinliRecord) record = valid_case ();
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 1);
  g_auto(LinliCaseErrors) errors = { 0 };

  linli_record_set_datetime (record, "reported_at", later);
  g_assert_false (validate (record, NULL, &errors));
  g_assert_cmpstr (errors.reported_at, ==, "The reported time cannot be in the future");
  linli_case_errors_clear (&errors);

  /* Now itself is not the future. */
  linli_record_set_datetime (record, "reported_at", now);
  g_assert_true (validate (record, NULL, &errors));

  linli_record_set_datetime (record, "reported_at", NULL);
  g_assert_false (validate (record, NULL, &errors));
  g_assert_cmpstr (errors.reported_at, ==, "Enter the time the case was reported");
}

static void
test_due_time (void)
{
  g_autoptr(LinliRecord) record = valid_case ();
  GDateTime *reported = linli_record_get_datetime (record, "reported_at");
  g_autoptr(GDateTime) before = g_date_time_add_minutes (reported, -1);
  g_autoptr(GDateTime) after = g_date_time_add_minutes (reported, 1);
  g_auto(LinliCaseErrors) errors = { 0 };

  linli_record_set_datetime (record, "due_at", before);
  g_assert_false (validate (record, NULL, &errors));
  g_assert_cmpstr (errors.due_at, ==, "The due time must be after the reported time");
  linli_case_errors_clear (&errors);

  linli_record_set_datetime (record, "due_at", reported);
  g_assert_false (validate (record, NULL, &errors));
  g_assert_nonnull (errors.due_at);
  linli_case_errors_clear (&errors);

  /* Due in the future is what due times are. */
  linli_record_set_datetime (record, "due_at", after);
  g_assert_true (validate (record, NULL, &errors));
  linli_record_set_datetime (record, "due_at", NULL);
  g_assert_true (validate (record, NULL, &errors));
}

static void
test_reporter (void)
{
  g_autoptr(LinliRecord) record = valid_case ();
  g_autoptr(GDateTime) now = test_now ();
  g_auto(LinliCaseErrors) errors = { 0 };

  g_assert_false (linli_case_validate (record, NULL, "  ", NULL, now, &errors));
  g_assert_cmpstr (errors.reporter_name, ==, "Enter the reporter’s name, or choose Anonymous");
  g_assert_null (errors.phone);
  linli_case_errors_clear (&errors);

  g_assert_false (linli_case_validate (record, NULL, "王大爷", "1380002900", now, &errors));
  g_assert_null (errors.reporter_name);
  g_assert_cmpstr (errors.phone, ==, "Enter a mobile number of 11 digits or a landline with its area code, such as 0537-1234567");
  linli_case_errors_clear (&errors);

  /* A phone is optional. */
  g_assert_true (linli_case_validate (record, NULL, "王大爷", "", now, &errors));
  g_assert_true (linli_case_validate (record, NULL, "王大爷", NULL, now, &errors));
  /* Anonymous: no name, and whatever is left in the phone does not count. */
  g_assert_true (linli_case_validate (record, NULL, NULL, "12", now, &errors));
}

static void
test_phone_numbers (void)
{
  static const struct { const char *text; const char *normal; } good[] = {
    { "13800029001", "13800029001" },
    { " 19912345678 ", "19912345678" },
    { "138 0002 9001", "13800029001" },
    { "138-0002-9001", "13800029001" },
    { "１３８０００２９００１", "13800029001" },  /* full-width, from an input method */
    { "0537-1234567", "0537-1234567" },
    { "0537 1234567", "0537-1234567" },
    { "05371234567", "0537-1234567" },
    { "(0537)1234567", "0537-1234567" },
    { "（0537）1234567", "0537-1234567" },
    { "0537-12345678", "0537-12345678" },
    { "010-12345678", "010-12345678" },
    { "02112345678", "021-12345678" },
  };
  static const char * const bad[] = {
    "", "1380002900", "138000290012", "12800029001", "23800029001", "1380002900a",
    "+86 13800029001", "0537-1234567-123", "0537-123456", "0537-123456789",
    "537-1234567", "(0537-1234567", "0537)1234567", "0537-0234567", "0011-1234567",
    "1234567", "电话13800029001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *normal = linli_phone_normalize (good[i].text);
      if (!linli_phone_is_valid (good[i].text))
        g_error ("“%s” should be a phone number", good[i].text);
      g_assert_cmpstr (normal, ==, good[i].normal);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (linli_phone_is_valid (bad[i]))
        g_error ("“%s” should not be a phone number", bad[i]);
      g_assert_null (linli_phone_normalize (bad[i]));
    }
  g_assert_false (linli_phone_is_valid (NULL));
}

static void
test_worker_for_assigned (void)
{
  g_autoptr(LinliRecord) original = stored_case (R);
  g_autoptr(LinliRecord) record = stored_case (A);
  g_auto(LinliCaseErrors) errors = { 0 };

  linli_record_set_int (record, "worker_id", 0);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.worker, ==, "Choose the worker the case is assigned to");
}

static void
test_duplicate (void)
{
  g_autoptr(LinliRecord) original = stored_case (R);
  g_autoptr(LinliRecord) record = stored_case (D);
  g_auto(LinliCaseErrors) errors = { 0 };

  g_assert_true (validate (record, original, &errors));

  linli_record_set_int (record, "duplicate_of", 0);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.duplicate_of, ==, "Enter the number of the case this one repeats");
  linli_case_errors_clear (&errors);

  linli_record_set_int (record, "duplicate_of", linli_record_get_id (record));
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.duplicate_of, ==, "A case cannot repeat itself");
  linli_case_errors_clear (&errors);

  /* Only a duplicate needs one. */
  linli_record_set_enum (record, "status", A);
  g_assert_true (validate (record, original, &errors));
}

static void
test_resolution (void)
{
  g_autoptr(LinliRecord) original = stored_case (P);
  g_autoptr(LinliRecord) record = stored_case (S);
  g_autoptr(GDateTime) before_report = at (3, 9, 0);
  g_autoptr(GDateTime) future = at (21, 9, 0);
  g_auto(LinliCaseErrors) errors = { 0 };

  linli_record_set_text (record, "resolution", "   ");
  linli_record_set_enum (record, "resolution_level", LINLI_RESOLUTION_LEVEL_NONE);
  linli_record_set_datetime (record, "resolved_at", NULL);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.resolution, ==, "Describe how the case was resolved");
  g_assert_cmpstr (errors.resolution_level, ==, "Choose where the case was resolved");
  g_assert_cmpstr (errors.resolved_at, ==, "Enter the time the case was resolved");
  g_assert_null (errors.status);
  linli_case_errors_clear (&errors);

  linli_record_set_text (record, "resolution", "更换了PPR水管");
  linli_record_set_enum (record, "resolution_level", LINLI_RESOLUTION_LEVEL_GRID);
  linli_record_set_datetime (record, "resolved_at", before_report);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.resolved_at, ==, "The resolved time cannot be before the reported time");
  linli_case_errors_clear (&errors);

  linli_record_set_datetime (record, "resolved_at", future);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.resolved_at, ==, "The resolved time cannot be in the future");
  linli_case_errors_clear (&errors);

  /* An open case need not say how it ends. */
  linli_record_set_datetime (record, "resolved_at", NULL);
  linli_record_set_text (record, "resolution", NULL);
  linli_record_set_enum (record, "status", P);
  g_assert_true (validate (record, original, &errors));
}

static void
test_revisit (void)
{
  g_autoptr(LinliRecord) original = stored_case (S);
  g_autoptr(LinliRecord) record = stored_case (V);
  g_autoptr(GDateTime) before_resolved = at (3, 11, 0);
  g_autoptr(GDateTime) before_report = at (3, 9, 0);
  g_autoptr(GDateTime) future = at (20, 10, 1);
  g_auto(LinliCaseErrors) errors = { 0 };

  g_assert_true (validate (record, original, &errors));

  linli_record_set_datetime (record, "revisited_at", NULL);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.revisited_at, ==, "Enter the time of the follow-up visit");
  linli_case_errors_clear (&errors);

  linli_record_set_datetime (record, "revisited_at", before_resolved);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.revisited_at, ==, "The follow-up visit cannot be before the case was resolved");
  linli_case_errors_clear (&errors);

  linli_record_set_datetime (record, "revisited_at", future);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.revisited_at, ==, "The follow-up visit cannot be in the future");
  linli_case_errors_clear (&errors);

  /* A revisited case keeps needing its resolution. */
  linli_record_set_datetime (record, "revisited_at", NULL);
  linli_record_set_text (record, "resolution", NULL);
  linli_record_set_datetime (record, "resolved_at", NULL);
  g_assert_false (validate (record, original, &errors));
  g_assert_nonnull (errors.resolution);
  g_assert_nonnull (errors.resolved_at);
  g_assert_nonnull (errors.revisited_at);
  linli_case_errors_clear (&errors);

  /* Without a resolved time, the visit still cannot come before the report. */
  linli_record_set_enum (record, "status", S);
  linli_record_set_text (record, "resolution", "更换了PPR水管");
  linli_record_set_datetime (record, "resolved_at", NULL);
  linli_record_set_datetime (record, "revisited_at", before_report);
  g_assert_false (validate (record, original, &errors));
  g_assert_cmpstr (errors.revisited_at, ==, "The follow-up visit cannot be before the reported time");
}

static void
test_errors_first_and_clear (void)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  g_auto(LinliCaseErrors) errors = { 0 };
  g_autofree char *first = NULL;

  g_assert_false (validate (record, NULL, &errors));
  first = linli_case_errors_first (&errors);
  g_assert_cmpstr (first, ==, "Enter a title");
  linli_case_errors_clear (&errors);
  g_assert_true (linli_case_errors_is_empty (&errors));
}

/* ------------------------------------------------------------------------ */
/* Times */

static void
test_parse_local_time (void)
{
  static const struct { const char *text; int y, mo, d, h, mi; } good[] = {
    { "2026-03-03 09:30", 2026, 3, 3, 9, 30 },
    { "2026-3-3 9:30", 2026, 3, 3, 9, 30 },
    { "2026/03/03 09:30", 2026, 3, 3, 9, 30 },
    { "2026.03.03 09:30", 2026, 3, 3, 9, 30 },
    { "2026-03-03", 2026, 3, 3, 0, 0 },
    { "  2026-12-31   23:59 ", 2026, 12, 31, 23, 59 },
    { "2026年3月3日 9:30", 2026, 3, 3, 9, 30 },
    { "2026年3月3日", 2026, 3, 3, 0, 0 },
    { "２０２６－０３－０３　０９：３０", 2026, 3, 3, 9, 30 },
    { "2026-03-03T09:30", 2026, 3, 3, 9, 30 },
    { "2028-02-29 12:00", 2028, 2, 29, 12, 0 },
  };
  static const char * const bad[] = {
    "", "   ", "2026", "2026-03", "26-03-03", "2026-13-01", "2026-02-29", "2026-03-32",
    "2026-03-03 24:00", "2026-03-03 09:60", "2026-03-03 9", "2026-03-03 09:3",
    "2026-03-03 09:30 am", "2026-03-0309:30", "03/03/2026", "2026-03-03 09:30:5",
    "tomorrow", "20260-03-03",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) time = linli_parse_local_time (good[i].text);
      if (time == NULL)
        g_error ("“%s” should be a time", good[i].text);
      g_assert_cmpint (g_date_time_get_year (time), ==, good[i].y);
      g_assert_cmpint (g_date_time_get_month (time), ==, good[i].mo);
      g_assert_cmpint (g_date_time_get_day_of_month (time), ==, good[i].d);
      g_assert_cmpint (g_date_time_get_hour (time), ==, good[i].h);
      g_assert_cmpint (g_date_time_get_minute (time), ==, good[i].mi);
      /* In the local time zone (Asia/Shanghai in the tests). */
      g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 8 * G_TIME_SPAN_HOUR);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) time = linli_parse_local_time (bad[i]);
      if (time != NULL)
        g_error ("“%s” should not be a time", bad[i]);
    }
  g_assert_null (linli_parse_local_time (NULL));
}

static void
test_format_local_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (utc, 2026, 3, 3, 1, 30, 15);
  g_autofree char *text = linli_format_local_time (time);
  g_autoptr(GDateTime) back = NULL;

  /* Shown in local time, to the minute, in the form the parser reads. */
  g_assert_cmpstr (text, ==, "2026-03-03 09:30");
  back = linli_parse_local_time (text);
  g_assert_cmpint (g_date_time_difference (time, back), ==, 15 * G_TIME_SPAN_SECOND);
  g_assert_null (linli_format_local_time (NULL));
}

/* ------------------------------------------------------------------------ */
/* The demo community meets the rules */

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static gboolean
in_list (const char * const *list,
         const char         *value)
{
  return value != NULL && g_strv_contains (list, value);
}

static int
status_of_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  g_assert_nonnull (value);
  return value->value;
}

static void
test_demo_follows_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("linli-rules-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GDateTime) today = test_now ();
  g_autoptr(GListModel) cases = NULL;
  guint n_changes = 0;

  g_assert_no_error (error);
  store = linli_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (linli_demo_populate (store, today, &error));
  g_assert_no_error (error);

  cases = linli_store_list (store, LINLI_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (cases), >, 100);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      g_autoptr(GListModel) events = linli_store_list_diary_entries (store, linli_record_get_id (record));
      g_auto(LinliCaseErrors) errors = { 0 };

      /* Every stored case can be saved again as it is ... */
      if (!linli_case_validate (record, record, NULL, NULL, today, &errors))
        g_error ("%s: %s", linli_record_get_text (record, "number"), linli_case_errors_first (&errors));
      /* ... its category and source are offered by the editor ... */
      g_assert_true (in_list (linli_case_categories (), linli_record_get_text (record, "category")));
      g_assert_true (in_list (linli_case_sources (), linli_record_get_text (record, "source")));

      /* ... and every change of status it went through is allowed. */
      for (guint j = 0; j < g_list_model_get_n_items (events); j++)
        {
          g_autoptr(LinliRecord) event = g_list_model_get_item (events, j);
          const char *from = linli_record_get_text (event, "from_value");

          if (linli_record_get_enum (event, "kind") != LINLI_DIARY_ENTRY_KIND_STATUS || from == NULL)
            continue;
          if (!linli_case_status_can_change (status_of_nick (from), status_of_nick (linli_record_get_text (event, "to_value"))))
            g_error ("%s: %s → %s", linli_record_get_text (record, "number"), from,
                     linli_record_get_text (event, "to_value"));
          n_changes++;
        }
    }
  g_assert_cmpuint (n_changes, >, 100);

  g_clear_object (&cases);
  g_clear_object (&store);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-rules/workflow/transitions", test_transitions);
  g_test_add_func ("/case-rules/workflow/validated", test_status_change_validated);
  g_test_add_func ("/case-rules/workflow/messages", test_status_messages);
  g_test_add_func ("/case-rules/workflow/new-case", test_new_case_status);
  g_test_add_func ("/case-rules/workflow/raise-level", test_resolution_level_raise);
  g_test_add_func ("/case-rules/workflow/follow-status", test_follow_status);
  g_test_add_func ("/case-rules/workflow/follow-worker", test_follow_worker);
  g_test_add_func ("/case-rules/validate/valid", test_valid_case);
  g_test_add_func ("/case-rules/validate/title", test_title);
  g_test_add_func ("/case-rules/validate/category-source", test_category_and_source);
  g_test_add_func ("/case-rules/validate/reported", test_reported_time);
  g_test_add_func ("/case-rules/validate/due", test_due_time);
  g_test_add_func ("/case-rules/validate/reporter", test_reporter);
  g_test_add_func ("/case-rules/validate/worker", test_worker_for_assigned);
  g_test_add_func ("/case-rules/validate/duplicate", test_duplicate);
  g_test_add_func ("/case-rules/validate/resolution", test_resolution);
  g_test_add_func ("/case-rules/validate/revisit", test_revisit);
  g_test_add_func ("/case-rules/validate/errors", test_errors_first_and_clear);
  g_test_add_func ("/case-rules/phone/numbers", test_phone_numbers);
  g_test_add_func ("/case-rules/time/parse", test_parse_local_time);
  g_test_add_func ("/case-rules/time/format", test_format_local_time);
  g_test_add_func ("/case-rules/demo", test_demo_follows_rules);

  return g_test_run ();
}

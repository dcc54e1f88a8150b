/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "linli-case-query.h"
#include "linli-demo.h"
#include "linli-geometry.h"
#include "linli-store-private.h"

/* The day the demo is made on in most tests, and another to see it move. */
#define TODAY       "2026-03-20T10:00:00+08:00"
#define OTHER_TODAY "2025-11-15T16:30:00+08:00"

typedef struct
{
  char       *dir;
  LinliStore *store;
  GDateTime  *today;
  GTimeZone  *beijing;
} Fixture;

static LinliStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  LinliStore *store = linli_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static LinliStore *
populated_store (const char *dir,
                 const char *name,
                 GDateTime  *today)
{
  g_autoptr(GError) error = NULL;
  LinliStore *store = open_store (dir, name);

  g_assert_true (linli_demo_populate (store, today, &error));
  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("linli-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->today = g_date_time_new_from_iso8601 (TODAY, NULL);
  f->beijing = g_time_zone_new_identifier ("Asia/Shanghai");
  if (f->beijing == NULL)
    f->beijing = g_time_zone_new_offset (8 * 3600);
  f->store = populated_store (f->dir, "demo.db", f->today);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->today, g_date_time_unref);
  g_clear_pointer (&f->beijing, g_time_zone_unref);
  remove_dir (f->dir);
  g_free (f->dir);
}

/* One integer from a counting query. */
static gint64
query_int (LinliStore *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  return value;
}

/* The first column of every row, as text. */
static GPtrArray *
query_strings (LinliStore *store,
               const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  return rows;
}

static GDateTime *
parse_time (const char *text)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (dt);
  return dt;
}

/* ------------------------------------------------------------------------ */

static void
test_community (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LinliCommunity) community = linli_store_dup_community (f->store);
  LinliRecord *record = LINLI_RECORD (community);

  g_assert_nonnull (community);
  g_assert_cmpstr (linli_record_get_text (record, "name"), ==, "东方御园社区");
  g_assert_cmpstr (linli_record_get_text (record, "subdistrict"), ==, "许庄街道");
  g_assert_cmpstr (linli_record_get_text (record, "city"), ==, "济宁市");
  g_assert_true (linli_record_get_bool (record, "is_demo"));
  g_assert_cmpfloat_with_epsilon (linli_record_get_double (record, "center_lat"), 35.4575, 0.01);
  g_assert_cmpfloat_with_epsilon (linli_record_get_double (record, "center_lon"), 116.6035, 0.01);

  /* None of the real people of the article, by name. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM worker WHERE name IN ('何磊', '王海龙', '徐倩')"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM community WHERE secretary IN ('何磊', '王海龙', '徐倩')"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM case_record WHERE description LIKE '%徐倩%' OR description LIKE '%小徐%'"), ==, 0);

  g_assert_cmpint (linli_store_count (f->store, LINLI_TYPE_BUILDING), >=, 35);
  g_assert_cmpint (linli_store_count (f->store, LINLI_TYPE_RESIDENT), >=, 50);
  g_assert_cmpint (linli_store_count (f->store, LINLI_TYPE_VOLUNTEER), >=, 20);
  g_assert_cmpint (linli_store_count (f->store, LINLI_TYPE_ORGANISATION), >=, 11);
  /* Every management grid has a grid worker, and every sentiment grid a 民情书记. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM grid g WHERE NOT EXISTS (SELECT 1 FROM grid_worker gw"
                              " JOIN worker w ON w.id = gw.worker_id WHERE gw.grid_id = g.id AND"
                              " w.role = CASE g.kind WHEN 'management' THEN 'grid-worker' ELSE 'sentiment-secretary' END)"),
                   ==, 0);
}

static void
test_grids (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) grids = linli_store_list (f->store, LINLI_TYPE_GRID);
  g_autoptr(GListModel) buildings = linli_store_list (f->store, LINLI_TYPE_BUILDING);
  g_autoptr(GHashTable) shapes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) linli_geometry_free);
  g_autoptr(GPtrArray) management = g_ptr_array_new ();
  guint n_sentiment = 0;
  gboolean found_3 = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_autoptr(GError) error = NULL;
      LinliGeometry *shape = linli_geometry_parse (linli_record_get_text (grid, "boundary"), &error);

      g_assert_no_error (error);
      g_assert_nonnull (shape);
      g_assert_cmpfloat (linli_geometry_area_m2 (shape), >, 10000);
      g_assert_nonnull (strstr (linli_record_get_text (grid, "notes"), "示意边界"));
      g_hash_table_insert (shapes, GSIZE_TO_POINTER ((gsize) linli_record_get_id (grid)), shape);
      if (linli_record_get_enum (grid, "kind") == LINLI_GRID_KIND_MANAGEMENT)
        g_ptr_array_add (management, shape);
      else
        n_sentiment++;
    }
  g_assert_cmpuint (management->len, ==, 7);
  g_assert_cmpuint (n_sentiment, ==, 3);
  g_assert_cmpint (query_int (f->store, "SELECT count(DISTINCT color) FROM grid WHERE kind = 'management'"), ==, 7);

  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, i);
      double lat = linli_record_get_double (building, "lat");
      double lon = linli_record_get_double (building, "lon");
      LinliGeometry *own = g_hash_table_lookup (shapes, GSIZE_TO_POINTER ((gsize) linli_record_get_int (building, "grid_id")));
      guint n_inside = 0;

      g_assert_nonnull (own);
      g_assert_true (linli_geometry_contains (own, lon, lat));
      /* The management grids do not overlap: each building is in exactly one. */
      for (guint j = 0; j < management->len; j++)
        n_inside += linli_geometry_contains (g_ptr_array_index (management, j), lon, lat);
      g_assert_cmpuint (n_inside, ==, 1);

      if (g_str_equal (linli_record_get_text (building, "name"), "3号楼"))
        {
          found_3 = TRUE;
          g_assert_cmpint (linli_record_get_int (building, "units"), >=, 1);
          g_assert_cmpint (linli_record_get_int (building, "floors"), >=, 3);
        }
    }
  g_assert_true (found_3);
}

static void
test_cases (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) cases = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GDateTime) year_ago = g_date_time_add_months (f->today, -12);
  guint n_cases = g_list_model_get_n_items (cases);
  guint n_overdue = 0, n_open = 0, n_grid = 0, n_community = 0, n_subdistrict = 0, n_duplicate = 0;

  g_assert_cmpuint (n_cases, >=, 190);
  g_assert_cmpuint (n_cases, <=, 230);
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      GDateTime *reported = linli_record_get_datetime (record, "reported_at");
      GDateTime *due = linli_record_get_datetime (record, "due_at");
      LinliCaseStatus status = linli_record_get_enum (record, "status");

      g_assert_cmpint (g_date_time_compare (reported, year_ago), >=, 0);
      g_assert_cmpint (g_date_time_compare (reported, f->today), <=, 0);
      /* Reported in office hours, Beijing time. */
      {
        g_autoptr(GDateTime) beijing = g_date_time_to_timezone (reported, f->beijing);
        int minutes = g_date_time_get_hour (beijing) * 60 + g_date_time_get_minute (beijing);
        g_assert_cmpint (minutes, >=, 8 * 60 + 30);
        g_assert_cmpint (minutes, <=, 17 * 60 + 30);
      }
      if (status == LINLI_CASE_STATUS_RESOLVED || status == LINLI_CASE_STATUS_REVISITED)
        {
          g_assert_nonnull (linli_record_get_text (record, "resolution"));
          g_assert_cmpint (linli_record_get_enum (record, "resolution_level"), !=, LINLI_RESOLUTION_LEVEL_NONE);
          switch (linli_record_get_enum (record, "resolution_level"))
            {
            case LINLI_RESOLUTION_LEVEL_GRID: n_grid++; break;
            case LINLI_RESOLUTION_LEVEL_COMMUNITY: n_community++; break;
            case LINLI_RESOLUTION_LEVEL_SUBDISTRICT: n_subdistrict++; break;
            default: g_assert_not_reached ();
            }
        }
      if (status == LINLI_CASE_STATUS_REVISITED)
        g_assert_cmpint (linli_record_get_enum (record, "satisfaction"), !=, LINLI_SATISFACTION_NONE);
      if (status == LINLI_CASE_STATUS_DUPLICATE)
        {
          g_assert_cmpint (linli_record_get_int (record, "duplicate_of"), >, 0);
          g_assert_cmpint (linli_record_get_int (record, "duplicate_of"), <, linli_record_get_id (record));
          n_duplicate++;
        }
      if (linli_case_status_is_open (status))
        {
          n_open++;
          if (due != NULL && g_date_time_compare (due, f->today) < 0)
            n_overdue++;
        }
    }
  /* 小事不出网格，大事不出社区. */
  g_assert_cmpuint (n_grid, >, 2 * (n_community + n_subdistrict));
  g_assert_cmpuint (n_community, >, n_subdistrict);
  g_assert_cmpuint (n_subdistrict, >, 0);
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_duplicate, >, 0);

  /* Every case has its timeline, and nothing in it happens after today. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM case_record c"
                              " WHERE NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id)"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM case_event WHERE julianday(at) > julianday('" TODAY "')"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM case_event e JOIN case_record c ON c.id = e.case_id"
                              " WHERE julianday(e.at) < julianday(c.reported_at)"), ==, 0);
  /* Hand-written diary entries beside the automatic ones. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM case_event WHERE kind IN ('visit', 'note', 'feedback')"), >, 50);
  /* Assignments were written by the store when each case was given to its worker. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM case_event WHERE kind = 'assignment'"), >, 150);
  /* Each generated case lies at its building, in its building's grid. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM case_record c JOIN building b ON b.id = c.building_id"
                              " WHERE c.grid_id IS NOT b.grid_id OR abs(c.lat - b.lat) > 0.0001"
                              " OR abs(c.lon - b.lon) > 0.0001"), ==, 0);
  /* The numbers run in the order the cases came in. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM case_record a JOIN case_record b ON b.id = a.id + 1"
                              " WHERE julianday(b.reported_at) < julianday(a.reported_at)"
                              " OR (substr(a.number, 1, 4) = substr(b.number, 1, 4) AND b.number <= a.number)"), ==, 0);
}

static void
test_article (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GListModel) cases = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GListModel) outreach = linli_store_list (f->store, LINLI_TYPE_OUTREACH);
  g_autoptr(GListModel) activities = linli_store_list (f->store, LINLI_TYPE_ACTIVITY);
  gboolean found_pipe = FALSE, found_talk = FALSE, found_lei_feng = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      const char *address = linli_record_get_text (record, "address");

      if (address == NULL || !g_str_has_prefix (address, "3号楼1单元三楼西户") ||
          g_strcmp0 (linli_record_get_text (record, "source"), "网格巡查") != 0 ||
          strstr (linli_record_get_text (record, "title"), "水管") == NULL)
        continue;
      if (linli_record_get_enum (record, "status") == LINLI_CASE_STATUS_REVISITED &&
          strstr (linli_record_get_text (record, "resolution"), "PPR") != NULL)
        {
          g_autoptr(GListModel) events = linli_store_list_diary_entries (f->store, linli_record_get_id (record));
          GDateTime *reported = linli_record_get_datetime (record, "reported_at");

          found_pipe = TRUE;
          /* Fixed the same day, within the grid, on the third of March. */
          g_assert_cmpint (linli_record_get_enum (record, "resolution_level"), ==, LINLI_RESOLUTION_LEVEL_GRID);
          g_assert_cmpint (linli_record_get_enum (record, "satisfaction"), ==, LINLI_SATISFACTION_SATISFIED);
          g_assert_cmpint (g_date_time_get_day_of_year (linli_record_get_datetime (record, "resolved_at")), ==,
                           g_date_time_get_day_of_year (reported));
          g_assert_cmpint (g_date_time_get_month (reported), ==, 3);
          g_assert_cmpint (g_date_time_get_day_of_month (reported), ==, 3);
          g_assert_cmpuint (g_list_model_get_n_items (events), >=, 7);
        }
    }
  g_assert_true (found_pipe);

  for (guint i = 0; i < g_list_model_get_n_items (outreach); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (outreach, i);

      if (g_strcmp0 (linli_record_get_text (record, "venue"), "济宁医学院") == 0 &&
          linli_record_get_int (record, "attendees") == 600 &&
          linli_record_get_int (record, "leaflets") == 1000)
        {
          GArray *organisers = linli_record_get_refs (record, "organisers");
          found_talk = TRUE;
          g_assert_cmpuint (organisers->len, ==, 2);
          g_assert_true (g_strv_contains (linli_record_get_strv (record, "target_groups"), "学生"));
          g_assert_cmpint (linli_record_get_enum (record, "format"), ==, LINLI_OUTREACH_FORMAT_LECTURE);
        }
    }
  g_assert_true (found_talk);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (activities, i);
      GArray *partners = linli_record_get_refs (record, "partners");

      if (strstr (linli_record_get_text (record, "title"), "雷锋纪念馆") != NULL &&
          partners != NULL && partners->len >= 5)
        {
          found_lei_feng = TRUE;
          g_assert_cmpstr (linli_record_get_text (record, "type"), ==, "学雷锋");
          g_assert_cmpint (linli_record_get_enum (record, "status"), ==, LINLI_ACTIVITY_STATUS_DONE);
        }
    }
  g_assert_true (found_lei_feng);
}

static void
test_activities (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (linli_store_count (f->store, LINLI_TYPE_ACTIVITY), >=, 15);
  g_assert_cmpint (linli_store_count (f->store, LINLI_TYPE_OUTREACH), >=, 8);
  g_assert_cmpint (linli_store_count (f->store, LINLI_TYPE_PARTICIPATION), >=, 100);

  /* Only planned activities lie ahead, and nobody has served in them yet. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM activity WHERE status = 'planned'"), >, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM activity WHERE status <> 'planned'"
                              " AND julianday(coalesce(end_at, start_at)) > julianday('" TODAY "')"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM activity WHERE status = 'planned'"
                              " AND julianday(start_at) <= julianday('" TODAY "')"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM participation p JOIN activity a ON a.id = p.activity_id"
                              " WHERE a.status = 'planned' AND p.hours <> 0"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM participation p JOIN activity a ON a.id = p.activity_id"
                              " WHERE a.status = 'done' AND (p.hours < 1 OR p.hours > 4)"), ==, 0);
  g_assert_cmpint (query_int (f->store,
                              "SELECT count(*) FROM outreach WHERE julianday(start_at) > julianday('" TODAY "')"), ==, 0);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LinliStore) again = populated_store (f->dir, "again.db", f->today);
  g_autoptr(GPtrArray) first = query_strings (f->store, "SELECT number || ' ' || title || ' ' || status FROM case_record ORDER BY id");
  g_autoptr(GPtrArray) second = query_strings (again, "SELECT number || ' ' || title || ' ' || status FROM case_record ORDER BY id");

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (g_ptr_array_index (first, i), ==, g_ptr_array_index (second, i));
}

static void
test_other_today (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) today = parse_time (OTHER_TODAY);
  g_autoptr(LinliStore) store = populated_store (f->dir, "other.db", today);
  g_autoptr(GPtrArray) newest = query_strings (store, "SELECT max(reported_at) FROM case_record");
  g_autoptr(GPtrArray) oldest = query_strings (store, "SELECT min(reported_at) FROM case_record");
  g_autoptr(GDateTime) newest_at = parse_time (g_ptr_array_index (newest, 0));
  g_autoptr(GDateTime) oldest_at = parse_time (g_ptr_array_index (oldest, 0));
  g_autoptr(GDateTime) year_ago = g_date_time_add_months (today, -12);

  g_assert_cmpint (g_date_time_compare (newest_at, today), <=, 0);
  g_assert_cmpint (g_date_time_difference (today, newest_at), <, 30 * G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_compare (oldest_at, year_ago), >=, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM case_event WHERE julianday(at) > julianday('" OTHER_TODAY "')"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM case_record WHERE address LIKE '3号楼1单元三楼西户%'"
                              " AND status = 'revisited' AND resolution LIKE '%PPR%'"
                              " AND strftime('%m-%d', reported_at) = '03-03'"), ==, 1);
}

static void
test_not_empty (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_cases = linli_store_count (f->store, LINLI_TYPE_CASE);

  g_assert_false (linli_demo_populate (f->store, f->today, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, n_cases);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_COMMUNITY), ==, 1);
}

/* The demo is dated up to whatever day it is made on, so it must read right
 * on the awkward ones too: the first morning of a year, its last night, a
 * leap day and years ahead. Nothing lies after "today", the last weeks have
 * cases, and the overdue lights and "this month" count as a person would. */
static void
test_awkward_days (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const days[] = {
    "2027-01-01T08:00:00+08:00",
    "2026-12-31T23:30:00+08:00",
    "2028-02-29T10:00:00+08:00",
    "2031-12-05T10:00:00+08:00",
  };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(GDateTime) today = parse_time (days[d]);
      g_autofree char *name = g_strdup_printf ("day-%u.db", d);
      g_autoptr(LinliStore) store = populated_store (f->dir, name, today);
      g_autoptr(GListModel) cases = linli_store_list (store, LINLI_TYPE_CASE);
      g_autoptr(GDateTime) month_start = g_date_time_new (g_date_time_get_timezone (today),
                                                          g_date_time_get_year (today),
                                                          g_date_time_get_month (today), 1, 0, 0, 0);
      g_autoptr(GDateTime) four_weeks_ago = g_date_time_add_days (today, -28);
      guint overdue = 0, on_time = 0, this_month = 0, recent = 0;

      g_test_message ("the demo made on %s", days[d]);
      for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
        {
          g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
          GDateTime *reported = linli_record_get_datetime (record, "reported_at");
          LinliDeadline deadline = linli_case_deadline (record, today);

          g_assert_cmpint (g_date_time_compare (reported, today), <=, 0);
          overdue += deadline == LINLI_DEADLINE_RED;
          on_time += deadline == LINLI_DEADLINE_GREEN || deadline == LINLI_DEADLINE_AMBER;
          this_month += g_date_time_compare (reported, month_start) >= 0;
          recent += g_date_time_compare (reported, four_weeks_ago) >= 0;
        }
      g_assert_cmpuint (overdue, >, 0);
      g_assert_cmpuint (on_time, >, 0);
      g_assert_cmpuint (recent, >, 0);
      /* Within the month by its own calendar: none on the morning of the
       * 1st, some late in a month. */
      if (g_date_time_get_day_of_month (today) == 1)
        g_assert_cmpuint (this_month, <=, 2);
      else if (g_date_time_get_day_of_month (today) >= 28)
        g_assert_cmpuint (this_month, >, 0);
    }
}

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

/* The store's clock is its own again afterwards: the local time where none
 * was set, and a clock set before the demo is kept. */
static void
test_clock_restored (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) fixed = g_date_time_new_local (2028, 2, 29, 9, 0, 0);
  g_autoptr(LinliStore) clocked = open_store (f->dir, "clocked.db");
  g_autoptr(GDateTime) clocked_after = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) own_after = NULL;
  g_autoptr(GError) error = NULL;

  linli_store_set_clock (clocked, fixed_clock, fixed);
  g_assert_true (linli_demo_populate (clocked, f->today, &error));
  g_assert_no_error (error);
  clocked_after = linli_store_now (clocked);
  g_assert_true (g_date_time_equal (clocked_after, fixed));

  now = g_date_time_new_now_local ();
  own_after = linli_store_now (f->store);
  g_assert_cmpint (g_date_time_difference (own_after, now), <, G_TIME_SPAN_MINUTE);
  g_assert_cmpint (g_date_time_difference (now, own_after), <, G_TIME_SPAN_MINUTE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demo/community", test_community);
  ADD ("/demo/grids", test_grids);
  ADD ("/demo/cases", test_cases);
  ADD ("/demo/article", test_article);
  ADD ("/demo/activities", test_activities);
  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/other-today", test_other_today);
  ADD ("/demo/awkward-days", test_awkward_days);
  ADD ("/demo/not-empty", test_not_empty);
  ADD ("/demo/clock-restored", test_clock_restored);
#undef ADD

  return g_test_run ();
}

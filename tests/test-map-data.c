/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-case-query.h"
#include "linli-demo.h"
#include "linli-geometry.h"
#include "linli-grid-stats.h"
#include "linli-map-points.h"
#include "test-util.h"

/* What the map reads from the store: its points in one query, and the
 * counts of a grid's panel, each checked against the records themselves. */

typedef struct
{
  TestDatabase  db;
  GDateTime    *now;
} Fixture;

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->now = g_date_time_new_local (2026, 11, 27, 10, 0, 0);
  test_database_open (&fixture->db, "linli-map-data");
  linli_store_set_clock (fixture->db.store, fixed_clock, fixture->now);
  linli_demo_populate (fixture->db.store, fixture->now, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (&fixture->db);
  g_date_time_unref (fixture->now);
}

/* A case's place: its own point, or else its building's. */
static gboolean
case_place (LinliStore  *store,
            LinliRecord *record,
            double      *lat,
            double      *lon)
{
  *lat = linli_record_get_double (record, "lat");
  *lon = linli_record_get_double (record, "lon");
  if (isnan (*lat) && linli_record_get_int (record, "building_id") != 0)
    {
      g_autoptr(LinliRecord) building = linli_store_get (store, LINLI_TYPE_BUILDING,
                                                          linli_record_get_int (record, "building_id"), NULL);
      *lat = linli_record_get_double (building, "lat");
      *lon = linli_record_get_double (building, "lon");
    }
  return !isnan (*lat) && !isnan (*lon);
}

static const LinliMapPoint *
find_point (GArray            *points,
            LinliMapPointKind  kind,
            gint64             id)
{
  for (guint i = 0; i < points->len; i++)
    {
      const LinliMapPoint *p = &g_array_index (points, LinliMapPoint, i);
      if (p->kind == kind && p->id == id)
        return p;
    }
  return NULL;
}

static void
test_points (Fixture       *fixture,
             gconstpointer  data)
{
  LinliStore *store = fixture->db.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = linli_map_points_load (store, fixture->now, &error);
  g_autoptr(GListModel) cases = linli_store_list (store, LINLI_TYPE_CASE);
  g_autoptr(GListModel) buildings = linli_store_list (store, LINLI_TYPE_BUILDING);
  g_autoptr(GListModel) activities = linli_store_list (store, LINLI_TYPE_ACTIVITY);
  guint n_expected = 0, n_overdue = 0;

  g_assert_no_error (error);
  g_assert_nonnull (points);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      const LinliMapPoint *point = find_point (points, LINLI_MAP_POINT_CASE, linli_record_get_id (record));
      double lat, lon;

      if (!case_place (store, record, &lat, &lon))
        {
          g_assert_null (point);
          continue;
        }
      n_expected++;
      g_assert_nonnull (point);
      g_assert_cmpfloat (point->lat, ==, lat);
      g_assert_cmpfloat (point->lon, ==, lon);
      g_assert_cmpint (point->status, ==, linli_record_get_enum (record, "status"));
      g_assert_cmpstr (point->title, ==, linli_record_get_text (record, "title"));
      g_assert_nonnull (point->at);
      g_assert_cmpint (point->overdue, ==, linli_case_is_overdue (record, fixture->now));
      n_overdue += point->overdue;
    }
  /* The demo has cases on the map and some of them overdue. */
  g_assert_cmpuint (n_expected, >, 100);
  g_assert_cmpuint (n_overdue, >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (buildings, i);
      const LinliMapPoint *point = find_point (points, LINLI_MAP_POINT_BUILDING, linli_record_get_id (record));

      if (isnan (linli_record_get_double (record, "lat")))
        continue;
      n_expected++;
      g_assert_nonnull (point);
      g_assert_cmpstr (point->title, ==, linli_record_get_text (record, "name"));
      g_assert_null (point->at);
    }

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (activities, i);
      const LinliMapPoint *point = find_point (points, LINLI_MAP_POINT_ACTIVITY, linli_record_get_id (record));

      if (isnan (linli_record_get_double (record, "lat")))
        continue;
      n_expected++;
      g_assert_nonnull (point);
      g_assert_cmpint (point->status, ==, linli_record_get_enum (record, "status"));
    }

  /* Cases, buildings and activities are all there; outreach the rest. */
  g_assert_cmpuint (points->len, >=, n_expected);
  for (guint i = 0; i < points->len; i++)
    if (g_array_index (points, LinliMapPoint, i).kind == LINLI_MAP_POINT_OUTREACH)
      n_expected++;
  g_assert_cmpuint (points->len, ==, n_expected);

  g_assert_true (linli_map_points_is_source (LINLI_TYPE_CASE));
  g_assert_true (linli_map_points_is_source (LINLI_TYPE_OUTREACH));
  g_assert_false (linli_map_points_is_source (LINLI_TYPE_DIARY_ENTRY));
}

typedef struct
{
  guint open, overdue, this_month, resolved, resolved_in_grid, n_cases;
} Counts;

/* The counts of a grid worked out from the case records. */
static Counts
count_cases (Fixture       *fixture,
             LinliRecord   *grid,
             LinliGeometry *outline)
{
  g_autoptr(GListModel) cases = linli_store_list (fixture->db.store, LINLI_TYPE_CASE);
  Counts counts = { 0, };

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      LinliCaseStatus status = linli_record_get_enum (record, "status");
      GDateTime *reported = linli_record_get_datetime (record, "reported_at");
      g_autoptr(GDateTime) local = g_date_time_to_local (reported);
      double lat, lon;

      if (status == LINLI_CASE_STATUS_VOID || status == LINLI_CASE_STATUS_DUPLICATE)
        continue;
      if (outline != NULL)
        {
          if (!case_place (fixture->db.store, record, &lat, &lon) || !linli_geometry_contains (outline, lon, lat))
            continue;
        }
      else if (linli_record_get_int (record, "grid_id") != linli_record_get_id (grid))
        continue;

      counts.n_cases++;
      counts.open += linli_case_status_is_open (status);
      counts.overdue += linli_case_is_overdue (record, fixture->now);
      counts.this_month += g_date_time_get_year (local) == 2026 && g_date_time_get_month (local) == 11;
      if (status == LINLI_CASE_STATUS_RESOLVED || status == LINLI_CASE_STATUS_REVISITED)
        {
          counts.resolved++;
          counts.resolved_in_grid += linli_record_get_enum (record, "resolution_level") == LINLI_RESOLUTION_LEVEL_GRID;
        }
    }
  return counts;
}

static void
test_grid_stats (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) grids = linli_store_list (fixture->db.store, LINLI_TYPE_GRID);
  guint n_with_cases = 0, n_sentiment = 0;

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_auto(LinliGridStats) stats = { 0, };
      g_autoptr(GError) error = NULL;
      g_autoptr(LinliGeometry) outline = NULL;
      Counts expected;
      GArray *workers = linli_record_get_refs (grid, "workers");

      if (linli_record_get_enum (grid, "kind") == LINLI_GRID_KIND_SENTIMENT)
        {
          outline = linli_geometry_parse (linli_record_get_text (grid, "boundary"), NULL);
          g_assert_nonnull (outline);
          n_sentiment++;
        }
      expected = count_cases (fixture, grid, outline);

      g_assert_true (linli_grid_stats_load (fixture->db.store, LINLI_GRID (grid), fixture->now, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.n_cases, ==, expected.n_cases);
      g_assert_cmpuint (stats.open, ==, expected.open);
      g_assert_cmpuint (stats.overdue, ==, expected.overdue);
      g_assert_cmpuint (stats.this_month, ==, expected.this_month);
      g_assert_cmpuint (stats.resolved, ==, expected.resolved);
      g_assert_cmpuint (stats.resolved_in_grid, ==, expected.resolved_in_grid);
      g_assert_cmpuint (g_strv_length (stats.workers), ==, workers ? workers->len : 0);
      if (expected.resolved > 0)
        g_assert_cmpfloat_with_epsilon (linli_grid_stats_resolved_in_grid_share (&stats),
                                        (double) expected.resolved_in_grid / expected.resolved, 1e-12);
      else
        g_assert_true (isnan (linli_grid_stats_resolved_in_grid_share (&stats)));
      n_with_cases += expected.n_cases > 0 && expected.resolved > 0 && expected.open > 0;
    }
  /* Not a vacuous pass: the demo's grids have open and resolved cases, and
   * its public sentiment grids are counted by their outlines. */
  g_assert_cmpuint (n_with_cases, >=, 7);
  g_assert_cmpuint (n_sentiment, ==, 3);
}

/* Each choice of cases reads exactly the cases its rule shows, in SQL as
 * in linli_map_points_case_shown(), and every other point whatever it is. */
static void
test_case_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  LinliStore *store = fixture->db.store;
  g_autoptr(GArray) all = linli_map_points_load (store, fixture->now, NULL);
  guint n_others = 0;

  for (guint i = 0; i < all->len; i++)
    n_others += g_array_index (all, LinliMapPoint, i).kind != LINLI_MAP_POINT_CASE;

  for (guint cases = 0; cases < LINLI_MAP_CASES_N; cases++)
    for (guint period = 0; period < LINLI_MAP_PERIOD_N; period++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) chosen = linli_map_points_load_cases (store, fixture->now, cases, period, &error);
        guint n_cases = 0, n_shown = 0, n_others_chosen = 0;

        g_assert_no_error (error);
        for (guint i = 0; i < all->len; i++)
          {
            const LinliMapPoint *p = &g_array_index (all, LinliMapPoint, i);
            g_autoptr(GDateTime) at = NULL;
            gboolean shown;

            if (p->kind != LINLI_MAP_POINT_CASE)
              continue;
            at = g_date_time_new_from_iso8601 (p->at, NULL);
            shown = linli_map_points_case_shown (cases, period, fixture->now, p->status, p->overdue, at);
            n_shown += shown;
            g_assert_true ((find_point (chosen, LINLI_MAP_POINT_CASE, p->id) != NULL) == shown);
          }
        for (guint i = 0; i < chosen->len; i++)
          {
            n_cases += g_array_index (chosen, LinliMapPoint, i).kind == LINLI_MAP_POINT_CASE;
            n_others_chosen += g_array_index (chosen, LinliMapPoint, i).kind != LINLI_MAP_POINT_CASE;
          }
        g_assert_cmpuint (n_cases, ==, n_shown);
        g_assert_cmpuint (n_others_chosen, ==, n_others);
        /* The demo has open cases, overdue ones, and cases this year. */
        if (period == LINLI_MAP_PERIOD_ANY || period == LINLI_MAP_PERIOD_THIS_YEAR)
          g_assert_cmpuint (n_cases, >, 0);
      }

  /* The names the choices are remembered by. */
  for (guint cases = 0; cases < LINLI_MAP_CASES_N; cases++)
    g_assert_cmpint (linli_map_cases_from_nick (linli_map_cases_to_nick (cases)), ==, cases);
  for (guint period = 0; period < LINLI_MAP_PERIOD_N; period++)
    g_assert_cmpint (linli_map_period_from_nick (linli_map_period_to_nick (period)), ==, period);
  g_assert_cmpint (linli_map_cases_from_nick ("closed"), ==, -1);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GArray *
load_in_thread (Fixture        *fixture,
                LinliMapCases   cases,
                LinliMapPeriod  period,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  linli_map_points_load_cases_async (fixture->db.store, fixture->now, cases, period, cancellable,
                                     load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return linli_map_points_load_cases_finish (fixture->db.store, result, error);
}

/* Read in a thread on a connection of its own, the points are those read
 * at once, in the same order; a cancelled read gives none. */
static void
test_load_in_thread (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  for (guint cases = 0; cases < LINLI_MAP_CASES_N; cases++)
    {
      g_autoptr(GArray) here = linli_map_points_load_cases (fixture->db.store, fixture->now, cases,
                                                            LINLI_MAP_PERIOD_THIS_YEAR, &error);
      g_autoptr(GArray) there = NULL;

      g_assert_no_error (error);
      there = load_in_thread (fixture, cases, LINLI_MAP_PERIOD_THIS_YEAR, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (there->len, >, 0);
      g_assert_cmpuint (there->len, ==, here->len);
      for (guint i = 0; i < here->len; i++)
        {
          const LinliMapPoint *a = &g_array_index (here, LinliMapPoint, i);
          const LinliMapPoint *b = &g_array_index (there, LinliMapPoint, i);

          g_assert_cmpint (a->id, ==, b->id);
          g_assert_cmpint (a->kind, ==, b->kind);
          g_assert_cmpfloat (a->lat, ==, b->lat);
          g_assert_cmpfloat (a->lon, ==, b->lon);
          g_assert_cmpint (a->status, ==, b->status);
          g_assert_cmpint (a->overdue, ==, b->overdue);
          g_assert_cmpstr (a->title, ==, b->title);
          g_assert_cmpstr (a->at, ==, b->at);
        }
    }

  g_cancellable_cancel (cancellable);
  cancelled = load_in_thread (fixture, LINLI_MAP_CASES_ALL, LINLI_MAP_PERIOD_ANY, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/map-data/points", Fixture, NULL, fixture_set_up, test_points, fixture_tear_down);
  g_test_add ("/map-data/grid-stats", Fixture, NULL, fixture_set_up, test_grid_stats, fixture_tear_down);
  g_test_add ("/map-data/case-filters", Fixture, NULL, fixture_set_up, test_case_filters, fixture_tear_down);
  g_test_add ("/map-data/load-in-thread", Fixture, NULL, fixture_set_up, test_load_in_thread, fixture_tear_down);

  return g_test_run ();
}

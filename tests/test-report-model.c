/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-case-store.h"
#include "linli-report.h"
#include "linli-store-private.h"
#include "linli-store-stats.h"
#include "linli-store.h"
#include "test-util.h"

/* The report model against numbers worked out by hand on a small community
 * of two management grids and one public sentiment grid, eleven cases,
 * four volunteer activities and three outreach events. The numbers of March
 * 2026 are derived in the comment above fixture_set_up(). */

typedef struct
{
  TestDatabase db;
  GDateTime   *now;
  gint64       grid_a, grid_b, grid_s;
  gint64       cases[32];   /* by their number in the comment, from 1 */
  gint64       volunteers[4];
} Fixture;

static GDateTime *
at (int month,
    int day,
    int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  return g_date_time_new (zone, 2026, month, day, hour, 0, 0);
}

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

static gint64
insert (LinliStore  *store,
        LinliRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (linli_store_insert (store, record, &error));
  g_assert_no_error (error);
  return linli_record_get_id (record);
}

static void
set_time (LinliRecord *record,
          const char  *column,
          int          month,
          int          day,
          int          hour)
{
  g_autoptr(GDateTime) time = at (month, day, hour);
  linli_record_set_datetime (record, column, time);
}

static gint64
add_grid (Fixture       *f,
          const char    *code,
          const char    *name,
          LinliGridKind  kind,
          gint64         households,
          const char    *boundary)
{
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  linli_record_set_enum (grid, "kind", kind);
  linli_record_set_int (grid, "households", households);
  linli_record_set_int (grid, "population", households * 3);
  linli_record_set_text (grid, "boundary", boundary);
  return insert (f->db.store, grid);
}

static gint64
add_worker (Fixture         *f,
            const char      *name,
            LinliWorkerRole  role,
            const char      *phone)
{
  g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);

  linli_record_set_text (worker, "name", name);
  linli_record_set_enum (worker, "role", role);
  linli_record_set_text (worker, "phone", phone);
  return insert (f->db.store, worker);
}

static void
add_building (Fixture    *f,
              const char *name,
              gint64      grid,
              gint64      households)
{
  g_autoptr(LinliRecord) building = linli_record_new (LINLI_TYPE_BUILDING);

  linli_record_set_text (building, "name", name);
  linli_record_set_int (building, "grid_id", grid);
  linli_record_set_int (building, "households", households);
  insert (f->db.store, building);
}

typedef struct
{
  int                   n;
  gint64               *grid;
  const char           *category;
  const char           *source;
  int                   reported[3];   /* month, day, hour */
  int                   due[3];        /* month 0: none */
  LinliCaseStatus       status;
  int                   resolved[3];   /* month 0: none */
  LinliResolutionLevel  level;
  LinliSatisfaction     satisfaction;
} CaseSpec;

static void
add_case (Fixture        *f,
          const CaseSpec *spec,
          gint64          worker,
          gint64          reporter)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  g_autofree char *number = g_strdup_printf ("2026-%04d", spec->n);
  g_autofree char *title = g_strdup_printf ("第%d件事", spec->n);

  linli_record_set_text (record, "number", number);
  linli_record_set_text (record, "title", title);
  linli_record_set_text (record, "description", "居民反映的问题，网格员已登记。");
  linli_record_set_text (record, "address", "3号楼1单元三楼西户");
  linli_record_set_text (record, "category", spec->category);
  linli_record_set_text (record, "source", spec->source);
  linli_record_set_int (record, "grid_id", spec->grid ? *spec->grid : 0);
  linli_record_set_int (record, "worker_id", worker);
  linli_record_set_int (record, "reporter_id", reporter);
  set_time (record, "reported_at", spec->reported[0], spec->reported[1], spec->reported[2]);
  if (spec->due[0] != 0)
    set_time (record, "due_at", spec->due[0], spec->due[1], spec->due[2]);
  linli_record_set_enum (record, "status", spec->status);
  if (spec->resolved[0] != 0)
    {
      set_time (record, "resolved_at", spec->resolved[0], spec->resolved[1], spec->resolved[2]);
      linli_record_set_text (record, "resolution", "已处理完毕");
    }
  if (spec->status == LINLI_CASE_STATUS_REVISITED)
    set_time (record, "revisited_at", spec->resolved[0], spec->resolved[1] + 1, spec->resolved[2]);
  linli_record_set_enum (record, "resolution_level", spec->level);
  linli_record_set_enum (record, "satisfaction", spec->satisfaction);
  f->cases[spec->n] = insert (f->db.store, record);
}

static gint64
add_volunteer (Fixture    *f,
               const char *name,
               const char *number)
{
  g_autoptr(LinliRecord) volunteer = linli_record_new (LINLI_TYPE_VOLUNTEER);

  linli_record_set_text (volunteer, "name", name);
  linli_record_set_text (volunteer, "number", number);
  linli_record_set_text (volunteer, "phone", "13712345678");
  return insert (f->db.store, volunteer);
}

static void
add_activity (Fixture             *f,
              const char          *title,
              const char          *type,
              int                  month,
              int                  day,
              gint64               grid,
              LinliActivityStatus  status,
              gint64               beneficiaries,
              const gint64        *volunteers,
              const double        *hours,
              guint                n)
{
  g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
  gint64 id;

  linli_record_set_text (activity, "title", title);
  linli_record_set_text (activity, "type", type);
  set_time (activity, "start_at", month, day, 9);
  linli_record_set_text (activity, "venue", "社区广场");
  linli_record_set_int (activity, "grid_id", grid);
  linli_record_set_enum (activity, "status", status);
  linli_record_set_int (activity, "beneficiaries", beneficiaries);
  id = insert (f->db.store, activity);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) participation = linli_record_new (LINLI_TYPE_PARTICIPATION);

      linli_record_set_int (participation, "activity_id", id);
      linli_record_set_int (participation, "volunteer_id", volunteers[i]);
      linli_record_set_text (participation, "role", i == 0 ? "组织者" : "志愿者");
      linli_record_set_double (participation, "hours", hours[i]);
      insert (f->db.store, participation);
    }
}

static void
add_outreach (Fixture             *f,
              const char          *title,
              int                  month,
              int                  day,
              const char          *venue,
              LinliOutreachFormat  format,
              gint64               grid,
              gint64               attendees,
              gint64               leaflets,
              gint64               installs,
              gint64               consultations,
              const char * const  *groups)
{
  g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);

  linli_record_set_text (outreach, "title", title);
  set_time (outreach, "start_at", month, day, 14);
  linli_record_set_text (outreach, "venue", venue);
  linli_record_set_enum (outreach, "format", format);
  linli_record_set_int (outreach, "grid_id", grid);
  linli_record_set_int (outreach, "attendees", attendees);
  linli_record_set_int (outreach, "leaflets", leaflets);
  linli_record_set_int (outreach, "app_installs", installs);
  linli_record_set_int (outreach, "consultations", consultations);
  linli_record_set_strv (outreach, "target_groups", groups);
  insert (f->db.store, outreach);
}

#define BOX(x0, y0, x1, y1) \
  "{\"type\":\"Polygon\",\"coordinates\":[[[" #x0 "," #y0 "],[" #x1 "," #y0 "],[" #x1 "," #y1 "],[" #x0 "," #y1 "],[" #x0 "," #y0 "]]]}"

/* Cases, March 2026 the period (R: resolved in it, O: open at its end,
 * D: overdue at its end):
 *
 *  n  grid cat  source  reported due    status       resolved level  satisfaction
 *  1  A    水电 巡查    03-03 09 03-05  resolved     03-04 17 grid   satisfied      recv R (1⅓ d, on time)
 *  2  A    水电 来电    03-10 09 03-12  revisited    03-14 09 comm.  basically      recv R (4 d, late)
 *  3  B    环境 巡查    03-20 09 03-25  in-progress  —        —      —              recv O D
 *  4  B    物业 来访    03-28 09 04-10  assigned     —        —      —              recv O
 *  5  A    环境 巡查    02-20 09 02-25  resolved     03-02 09 subd.  dissatisfied   R (10 d, late)
 *  6  —    治安 来电    02-10 09 02-15  suspended    —        —      —              O (suspended: not D)
 *  7  A    水电 巡查    03-15 09 —      void         —        —      —              recv
 *  8  B    环境 12345   03-18 09 —      resolved     03-19 09 grid   —              recv R (1 d, no due)
 *  9  A    物业 巡查    04-02 09 —      registered   —        —      —              (after)
 * 10  B    环境 巡查    02-01 09 02-05  resolved     04-03 09 grid   —              O D (resolved after)
 * 11  A    环境 巡查    01-05 09 —      resolved     01-06 09 grid   —              (before)
 *
 * received 6, resolved 4, open 4, overdue 2; levels grid 2, community 1,
 * subdistrict 1: within the grid 50.0%, within the community 75.0%; on
 * time 1 of 3: 33.3%; 16⅓ days over 4: 4.1 days on average; satisfied or
 * basically 2 of 3 asked: 66.7%. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LinliRecord) community = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
  gint64 liu, zhang, reporter;
  const gint64 *a = &f->grid_a, *b = &f->grid_b;

  test_database_open (&f->db, "linli-report-model");
  f->now = at (4, 15, 12);
  linli_store_set_clock (f->db.store, fixed_clock, f->now);

  linli_record_set_text (community, "name", "东方御园社区");
  linli_record_set_text (community, "subdistrict", "许庄街道");
  linli_record_set_double (community, "center_lat", 35.40);
  linli_record_set_double (community, "center_lon", 116.58);
  set_time (community, "created_at", 1, 1, 8);
  insert (f->db.store, community);

  f->grid_a = add_grid (f, "DF-01", "第一网格", LINLI_GRID_KIND_MANAGEMENT, 300,
                        BOX (116.580, 35.400, 116.582, 35.402));
  f->grid_b = add_grid (f, "DF-02", "第二网格", LINLI_GRID_KIND_MANAGEMENT, 200,
                        BOX (116.582, 35.400, 116.584, 35.402));
  f->grid_s = add_grid (f, "MQ-01", "民情网格一", LINLI_GRID_KIND_SENTIMENT, 0,
                        BOX (116.581, 35.401, 116.583, 35.403));

  liu = add_worker (f, "刘晓雯", LINLI_WORKER_ROLE_GRID_WORKER, "13900001111");
  zhang = add_worker (f, "张伟", LINLI_WORKER_ROLE_COMMITTEE_MEMBER, "13900002222");
  {
    g_autoptr(LinliRecord) grid = linli_store_get (f->db.store, LINLI_TYPE_GRID, f->grid_a, NULL);
    g_autoptr(GError) error = NULL;
    gint64 both[] = { liu, zhang };

    linli_record_set_refs (grid, "workers", both, 2);
    g_assert_true (linli_store_update (f->db.store, grid, &error));
    g_assert_no_error (error);
    g_clear_object (&grid);
    grid = linli_store_get (f->db.store, LINLI_TYPE_GRID, f->grid_b, NULL);
    linli_record_set_refs (grid, "workers", &zhang, 1);
    g_assert_true (linli_store_update (f->db.store, grid, &error));
    g_assert_no_error (error);
  }

  add_building (f, "5号楼", f->grid_a, 36);
  add_building (f, "3号楼", f->grid_a, 48);
  add_building (f, "13号楼", f->grid_b, 60);

  linli_record_set_text (resident, "name", "王大爷");
  linli_record_set_text (resident, "phone", "13800001234");
  reporter = insert (f->db.store, resident);

  {
    const CaseSpec specs[] = {
      { 1, (gint64 *) a, "水电维修", "网格巡查", { 3, 3, 9 }, { 3, 5, 18 }, LINLI_CASE_STATUS_RESOLVED, { 3, 4, 17 },
        LINLI_RESOLUTION_LEVEL_GRID, LINLI_SATISFACTION_SATISFIED },
      { 2, (gint64 *) a, "水电维修", "居民来电", { 3, 10, 9 }, { 3, 12, 18 }, LINLI_CASE_STATUS_REVISITED, { 3, 14, 9 },
        LINLI_RESOLUTION_LEVEL_COMMUNITY, LINLI_SATISFACTION_BASICALLY_SATISFIED },
      { 3, (gint64 *) b, "环境卫生", "网格巡查", { 3, 20, 9 }, { 3, 25, 18 }, LINLI_CASE_STATUS_IN_PROGRESS, { 0 },
        LINLI_RESOLUTION_LEVEL_NONE, LINLI_SATISFACTION_NONE },
      { 4, (gint64 *) b, "物业管理", "来访", { 3, 28, 9 }, { 4, 10, 18 }, LINLI_CASE_STATUS_ASSIGNED, { 0 },
        LINLI_RESOLUTION_LEVEL_NONE, LINLI_SATISFACTION_NONE },
      { 5, (gint64 *) a, "环境卫生", "网格巡查", { 2, 20, 9 }, { 2, 25, 18 }, LINLI_CASE_STATUS_RESOLVED, { 3, 2, 9 },
        LINLI_RESOLUTION_LEVEL_SUBDISTRICT, LINLI_SATISFACTION_DISSATISFIED },
      { 6, NULL, "社会治安", "居民来电", { 2, 10, 9 }, { 2, 15, 18 }, LINLI_CASE_STATUS_SUSPENDED, { 0 },
        LINLI_RESOLUTION_LEVEL_NONE, LINLI_SATISFACTION_NONE },
      { 7, (gint64 *) a, "水电维修", "网格巡查", { 3, 15, 9 }, { 0 }, LINLI_CASE_STATUS_VOID, { 0 },
        LINLI_RESOLUTION_LEVEL_NONE, LINLI_SATISFACTION_NONE },
      { 8, (gint64 *) b, "环境卫生", "12345转办", { 3, 18, 9 }, { 0 }, LINLI_CASE_STATUS_RESOLVED, { 3, 19, 9 },
        LINLI_RESOLUTION_LEVEL_GRID, LINLI_SATISFACTION_NONE },
      { 9, (gint64 *) a, "物业管理", "网格巡查", { 4, 2, 9 }, { 0 }, LINLI_CASE_STATUS_REGISTERED, { 0 },
        LINLI_RESOLUTION_LEVEL_NONE, LINLI_SATISFACTION_NONE },
      { 10, (gint64 *) b, "环境卫生", "网格巡查", { 2, 1, 9 }, { 2, 5, 18 }, LINLI_CASE_STATUS_RESOLVED, { 4, 3, 9 },
        LINLI_RESOLUTION_LEVEL_GRID, LINLI_SATISFACTION_NONE },
      { 11, (gint64 *) a, "环境卫生", "网格巡查", { 1, 5, 9 }, { 0 }, LINLI_CASE_STATUS_RESOLVED, { 1, 6, 9 },
        LINLI_RESOLUTION_LEVEL_GRID, LINLI_SATISFACTION_NONE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
      add_case (f, &specs[i], specs[i].n == 3 ? liu : zhang, specs[i].n == 1 ? reporter : 0);
  }

  /* Volunteers: 王芳 3 + 2 = 5 h, 赵敏 4 h, 李强 2.5 h in March; the
   * cancelled activity and the February one do not count. */
  f->volunteers[1] = add_volunteer (f, "王芳", "V001");
  f->volunteers[2] = add_volunteer (f, "李强", "V002");
  f->volunteers[3] = add_volunteer (f, "赵敏", "V003");
  {
    const gint64 v12[] = { f->volunteers[1], f->volunteers[2] };
    const gint64 v13[] = { f->volunteers[1], f->volunteers[3] };
    const double h12[] = { 3, 2.5 }, h13[] = { 2, 4 }, h5[] = { 5 }, h6[] = { 6 };

    add_activity (f, "学雷锋志愿服务", "学雷锋", 3, 5, f->grid_a, LINLI_ACTIVITY_STATUS_DONE, 50, v12, h12, 2);
    add_activity (f, "清理楼道杂物", "环境整治", 3, 12, f->grid_b, LINLI_ACTIVITY_STATUS_DONE, 20, v13, h13, 2);
    add_activity (f, "义诊", "助老", 3, 20, f->grid_a, LINLI_ACTIVITY_STATUS_CANCELLED, 0, &f->volunteers[2], h5, 1);
    add_activity (f, "春节慰问", "助老", 2, 10, f->grid_a, LINLI_ACTIVITY_STATUS_DONE, 10, &f->volunteers[3], h6, 1);
  }

  {
    const char *students[] = { "学生", NULL };
    const char *residents[] = { "老年人", "新市民", NULL };
    const char *april[] = { "老年人", NULL };

    add_outreach (f, "反诈宣传进校园", 3, 8, "医学院报告厅", LINLI_OUTREACH_FORMAT_LECTURE, 0,
                  600, 1000, 200, 30, students);
    add_outreach (f, "反诈宣传进社区", 3, 22, "社区广场", LINLI_OUTREACH_FORMAT_STALL, f->grid_a,
                  120, 300, 45, 12, residents);
    add_outreach (f, "四月反诈讲座", 4, 5, "社区会议室", LINLI_OUTREACH_FORMAT_LECTURE, f->grid_b,
                  80, 100, 20, 5, april);
  }

  if (data != NULL)
    {
      /* A case resolved long ago, numbered as if the file held a million:
       * the summaries read a few cases through the indexes then. It counts
       * in none of the periods measured. */
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = linli_store_prepare (f->db.store,
        "INSERT INTO case_record (id, number, title, category, source, grid_id, reported_at,"
        " status, resolution, resolution_level, resolved_at)"
        " VALUES (1000000, '2019-0001', '旧案', '水电维修', '来访', NULL,"
        " '2019-05-01T09:00:00+08:00', 'resolved', '已修复', 'grid', '2019-05-02T09:00:00+08:00')",
        &error);

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_database_close (&f->db);
  g_clear_pointer (&f->now, g_date_time_unref);
}

/* A scope of the period @text and @grid. */
typedef struct
{
  LinliReportPeriod period;
  LinliStatsScope   scope;
} Scope;

static void
scope_init (Scope      *s,
            const char *text,
            gint64      grid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (linli_report_period_parse (&s->period, text, &error));
  g_assert_no_error (error);
  s->scope.from = linli_report_period_dup_from (&s->period);
  s->scope.until = linli_report_period_dup_until (&s->period);
  s->scope.grid_id = grid;
}

static void
scope_clear (Scope *s)
{
  g_clear_pointer (&s->scope.from, g_date_time_unref);
  g_clear_pointer (&s->scope.until, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scope, scope_clear)

/* ------------------------------------------------------------------------ */
/* Periods                                                                   */

static void
assert_period (const char            *text,
               LinliReportPeriodKind  kind,
               const char            *first,
               const char            *last,
               const char            *canonical)
{
  g_autoptr(GError) error = NULL;
  LinliReportPeriod period;
  char a[16], b[16];
  g_autofree char *string = NULL;

  g_assert_true (linli_report_period_parse (&period, text, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.kind, ==, kind);
  g_date_strftime (a, sizeof a, "%Y-%m-%d", &period.start);
  g_date_strftime (b, sizeof b, "%Y-%m-%d", &period.end);
  g_assert_cmpstr (a, ==, first);
  g_assert_cmpstr (b, ==, last);
  string = linli_report_period_to_string (&period);
  g_assert_cmpstr (string, ==, canonical);
}

static void
test_period_parse (void)
{
  assert_period ("2026-03", LINLI_REPORT_PERIOD_MONTH, "2026-03-01", "2026-03-31", "2026-03");
  assert_period (" 2026-2 ", LINLI_REPORT_PERIOD_MONTH, "2026-02-01", "2026-02-28", "2026-02");
  assert_period ("2024-02", LINLI_REPORT_PERIOD_MONTH, "2024-02-01", "2024-02-29", "2024-02");
  assert_period ("2026-Q1", LINLI_REPORT_PERIOD_QUARTER, "2026-01-01", "2026-03-31", "2026-Q1");
  assert_period ("2026-q4", LINLI_REPORT_PERIOD_QUARTER, "2026-10-01", "2026-12-31", "2026-Q4");
  assert_period ("2026", LINLI_REPORT_PERIOD_YEAR, "2026-01-01", "2026-12-31", "2026");
  assert_period ("2026-01-01..2026-03-31", LINLI_REPORT_PERIOD_RANGE, "2026-01-01", "2026-03-31",
                 "2026-01-01..2026-03-31");
  assert_period ("2026-03-05 .. 2026-03-05", LINLI_REPORT_PERIOD_RANGE, "2026-03-05", "2026-03-05",
                 "2026-03-05..2026-03-05");
}

static void
assert_bad_period (const char *text,
                   const char *expected_part)
{
  g_autoptr(GError) error = NULL;
  LinliReportPeriod period;

  g_assert_false (linli_report_period_parse (&period, text, &error));
  g_assert_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID);
  if (strstr (error->message, expected_part) == NULL)
    g_error ("“%s”: the message “%s” does not say “%s”", text, error->message, expected_part);
}

static void
test_period_invalid (void)
{
  assert_bad_period ("2026-13", "not a month");
  assert_bad_period ("2026-00", "not a month");
  assert_bad_period ("2026-Q5", "not a quarter");
  assert_bad_period ("2026-Q0", "not a quarter");
  assert_bad_period ("2026-03-31..2026-01-01", "ends before it starts");
  assert_bad_period ("2026-02-30..2026-03-31", "“2026-02-30” is not a day");
  assert_bad_period ("garbage", "“garbage” is not a period");
  assert_bad_period ("", "is not a period");
  assert_bad_period ("2026-", "is not a period");
  assert_bad_period ("2026-03x", "is not a period");
  assert_bad_period ("26-03", "is not a period");
  assert_bad_period ("2026-Q", "is not a period");
  assert_bad_period ("2026-01-01..", "is not a period");
  assert_bad_period ("0000", "not a year");
}

static void
test_period_bounds (void)
{
  LinliReportPeriod period;
  g_autofree char *from = NULL, *until = NULL;
  g_autoptr(GDateTime) last = NULL;
  GDate first, end;

  linli_report_period_init_quarter (&period, 2026, 1);
  from = linli_report_period_sql_from (&period);
  until = linli_report_period_sql_until (&period);
  /* The tests run in Asia/Shanghai: the store writes +08:00. */
  g_assert_cmpstr (from, ==, "2026-01-01T00:00:00+08:00");
  g_assert_cmpstr (until, ==, "2026-04-01T00:00:00+08:00");
  g_assert_cmpuint (linli_report_period_get_n_days (&period), ==, 90);

  linli_report_period_init_year (&period, 2026);
  last = linli_report_period_dup_until (&period);
  g_assert_cmpint (g_date_time_get_year (last), ==, 2027);
  g_assert_cmpint (g_date_time_get_day_of_year (last), ==, 1);

  g_date_clear (&first, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&first, 2, 3, 2026);
  g_date_set_dmy (&end, 1, 3, 2026);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (linli_report_period_init_range (&period, &first, &end, &error));
    g_assert_error (error, LINLI_REPORT_PERIOD_ERROR, LINLI_REPORT_PERIOD_ERROR_INVALID);
  }
}

static void
test_period_label (void)
{
  LinliReportPeriod period;
  g_autofree char *month = NULL, *quarter = NULL, *year = NULL, *range = NULL;

  /* The C locale: the msgids themselves; the Chinese is in the catalogue. */
  linli_report_period_init_month (&period, 2026, 3);
  month = linli_report_period_get_label (&period);
  g_assert_cmpstr (month, ==, "2026-03");
  linli_report_period_init_quarter (&period, 2026, 1);
  quarter = linli_report_period_get_label (&period);
  g_assert_cmpstr (quarter, ==, "Q1 2026");
  linli_report_period_init_year (&period, 2026);
  year = linli_report_period_get_label (&period);
  g_assert_cmpstr (year, ==, "Year 2026");
  g_assert_true (linli_report_period_parse (&period, "2026-01-01..2026-03-31", NULL));
  range = linli_report_period_get_label (&period);
  g_assert_cmpstr (range, ==, "2026-01-01 to 2026-03-31");
}

/* ------------------------------------------------------------------------ */
/* Case numbers                                                              */

static const LinliGridCaseCounts *
grid_row (LinliCaseStats *stats,
          gint64          grid)
{
  for (guint i = 0; i < stats->by_grid->len; i++)
    {
      const LinliGridCaseCounts *row = g_ptr_array_index (stats->by_grid, i);
      if (row->grid_id == grid)
        return row;
    }
  return NULL;
}

static void
assert_count (GPtrArray  *counts,
              guint       index,
              const char *key,
              guint       count)
{
  const LinliStatCount *c;

  g_assert_cmpuint (index, <, counts->len);
  c = g_ptr_array_index (counts, index);
  g_assert_cmpstr (c->key, ==, key);
  g_assert_cmpuint (c->count, ==, count);
}

static void
test_case_stats (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCaseStats) stats = NULL;
  const LinliCaseCounts *t;
  const LinliGridCaseCounts *row;

  scope_init (&s, "2026-03", 0);
  stats = linli_store_case_stats (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  t = &stats->total;

  g_assert_cmpuint (t->received, ==, 6);
  g_assert_cmpuint (t->resolved, ==, 4);
  g_assert_cmpuint (t->open_at_end, ==, 4);
  g_assert_cmpuint (t->overdue, ==, 2);
  g_assert_cmpuint (t->resolved_by_level[LINLI_RESOLUTION_LEVEL_NONE], ==, 0);
  g_assert_cmpuint (t->resolved_by_level[LINLI_RESOLUTION_LEVEL_GRID], ==, 2);
  g_assert_cmpuint (t->resolved_by_level[LINLI_RESOLUTION_LEVEL_COMMUNITY], ==, 1);
  g_assert_cmpuint (t->resolved_by_level[LINLI_RESOLUTION_LEVEL_SUBDISTRICT], ==, 1);
  g_assert_cmpfloat_with_epsilon (linli_case_counts_grid_share (t), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (linli_case_counts_community_share (t), 0.75, 1e-9);
  g_assert_cmpuint (t->resolved_with_due, ==, 3);
  g_assert_cmpuint (t->resolved_on_time, ==, 1);
  g_assert_cmpfloat_with_epsilon (linli_case_counts_on_time_rate (t), 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (t->days_to_resolve, 4.0 / 3 + 4 + 10 + 1, 1e-6);
  g_assert_cmpfloat_with_epsilon (linli_case_counts_average_days (t), (4.0 / 3 + 15) / 4, 1e-6);
  g_assert_cmpuint (t->satisfaction[LINLI_SATISFACTION_NONE], ==, 1);
  g_assert_cmpuint (t->satisfaction[LINLI_SATISFACTION_SATISFIED], ==, 1);
  g_assert_cmpuint (t->satisfaction[LINLI_SATISFACTION_BASICALLY_SATISFIED], ==, 1);
  g_assert_cmpuint (t->satisfaction[LINLI_SATISFACTION_DISSATISFIED], ==, 1);
  g_assert_cmpfloat_with_epsilon (linli_case_counts_satisfaction_rate (t), 2.0 / 3, 1e-9);

  /* The two management grids, the cases in no grid; the sentiment grid
   * has none and is left out. */
  g_assert_cmpuint (stats->by_grid->len, ==, 3);
  row = g_ptr_array_index (stats->by_grid, 0);
  g_assert_cmpint (row->grid_id, ==, f->grid_a);
  g_assert_cmpstr (row->code, ==, "DF-01");
  g_assert_cmpstr (row->name, ==, "第一网格");
  g_assert_cmpuint (row->counts.received, ==, 3);
  g_assert_cmpuint (row->counts.resolved, ==, 3);
  g_assert_cmpuint (row->counts.open_at_end, ==, 0);
  g_assert_cmpuint (row->counts.overdue, ==, 0);
  g_assert_cmpfloat_with_epsilon (linli_case_counts_grid_share (&row->counts), 1.0 / 3, 1e-9);
  row = grid_row (stats, f->grid_b);
  g_assert_nonnull (row);
  g_assert_cmpuint (row->counts.received, ==, 3);
  g_assert_cmpuint (row->counts.resolved, ==, 1);
  g_assert_cmpuint (row->counts.open_at_end, ==, 3);
  g_assert_cmpuint (row->counts.overdue, ==, 2);
  g_assert_null (grid_row (stats, f->grid_s));
  row = g_ptr_array_index (stats->by_grid, 2);
  g_assert_cmpint (row->grid_id, ==, 0);
  g_assert_null (row->code);
  g_assert_cmpuint (row->counts.received, ==, 0);
  g_assert_cmpuint (row->counts.open_at_end, ==, 1);
  g_assert_cmpuint (row->counts.overdue, ==, 0);

  g_assert_cmpuint (stats->by_category->len, ==, 3);
  assert_count (stats->by_category, 0, "水电维修", 3);
  assert_count (stats->by_category, 1, "环境卫生", 2);
  assert_count (stats->by_category, 2, "物业管理", 1);
  g_assert_cmpuint (stats->by_source->len, ==, 4);
  assert_count (stats->by_source, 0, "网格巡查", 3);
  assert_count (stats->by_source, 1, "12345转办", 1);
  assert_count (stats->by_source, 2, "居民来电", 1);
  assert_count (stats->by_source, 3, "来访", 1);
  g_assert_cmpuint (stats->by_status->len, ==, 5);
  assert_count (stats->by_status, 0, "resolved", 2);
  assert_count (stats->by_status, 1, "assigned", 1);
  assert_count (stats->by_status, 2, "in-progress", 1);
  assert_count (stats->by_status, 3, "revisited", 1);
  assert_count (stats->by_status, 4, "void", 1);

  /* The longest overdue first: case 10 was due in February. */
  g_assert_cmpuint (stats->overdue_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (stats->overdue_ids, gint64, 0), ==, f->cases[10]);
  g_assert_cmpint (g_array_index (stats->overdue_ids, gint64, 1), ==, f->cases[3]);
}

static void
test_case_stats_grid (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCaseStats) stats = NULL;
  g_autoptr(LinliCaseStats) sentiment = NULL;
  const LinliGridCaseCounts *row;

  scope_init (&s, "2026-03", f->grid_b);
  stats = linli_store_case_stats (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->total.received, ==, 3);
  g_assert_cmpuint (stats->total.resolved, ==, 1);
  g_assert_cmpuint (stats->total.open_at_end, ==, 3);
  g_assert_cmpuint (stats->total.overdue, ==, 2);
  g_assert_cmpuint (stats->total.resolved_with_due, ==, 0);
  g_assert_true (isnan (linli_case_counts_on_time_rate (&stats->total)));
  g_assert_true (isnan (linli_case_counts_satisfaction_rate (&stats->total)));
  g_assert_cmpfloat_with_epsilon (linli_case_counts_grid_share (&stats->total), 1.0, 1e-9);
  g_assert_cmpuint (stats->by_grid->len, ==, 1);
  row = g_ptr_array_index (stats->by_grid, 0);
  g_assert_cmpint (row->grid_id, ==, f->grid_b);
  g_assert_cmpuint (stats->by_category->len, ==, 2);
  assert_count (stats->by_category, 0, "环境卫生", 2);

  /* A grid without cases: its one row, all zero, and no rate. */
  scope_clear (&s);
  scope_init (&s, "2026-03", f->grid_s);
  sentiment = linli_store_case_stats (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sentiment->by_grid->len, ==, 1);
  g_assert_cmpuint (sentiment->total.received, ==, 0);
  g_assert_true (isnan (linli_case_counts_average_days (&sentiment->total)));
}

static void
test_case_stats_year (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCaseStats) stats = NULL;

  /* The year so far: "now" is 15 April, so overdue is measured then. Case
   * 10 was resolved on 3 April; case 4 is due on 10 April and still open. */
  scope_init (&s, "2026", 0);
  stats = linli_store_case_stats (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->total.received, ==, 11);
  g_assert_cmpuint (stats->total.resolved, ==, 6);
  g_assert_cmpuint (stats->total.open_at_end, ==, 4);
  g_assert_cmpuint (stats->total.overdue, ==, 2);
}

/* Cases still open from before March, beside the fixture's: one overdue
 * since February, one suspended past its due time, one due after the
 * periods measured, one without a due time, one overdue since 2 March. */
static void
add_earlier_open_cases (Fixture *f)
{
  gint64 *a = &f->grid_a, *b = &f->grid_b;
  const CaseSpec specs[] = {
    { 20, b, "水电维修", "来访", { 2, 2, 9 }, { 2, 20, 9 }, LINLI_CASE_STATUS_IN_PROGRESS, { 0 } },
    { 21, a, "物业管理", "来访", { 2, 3, 9 }, { 2, 10, 9 }, LINLI_CASE_STATUS_SUSPENDED, { 0 } },
    { 22, NULL, "环境卫生", "来访", { 2, 5, 9 }, { 5, 1, 9 }, LINLI_CASE_STATUS_ASSIGNED, { 0 } },
    { 23, a, "环境卫生", "网格巡查", { 1, 10, 9 }, { 0 }, LINLI_CASE_STATUS_ESCALATED, { 0 } },
    { 24, a, "水电维修", "网格巡查", { 2, 25, 9 }, { 3, 2, 9 }, LINLI_CASE_STATUS_REGISTERED, { 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    add_case (f, &specs[i], 0, 0);
}

static void
assert_same_counts (const LinliCaseCounts *x,
                    const LinliCaseCounts *y)
{
  g_assert_cmpuint (x->received, ==, y->received);
  g_assert_cmpuint (x->resolved, ==, y->resolved);
  g_assert_cmpuint (x->open_at_end, ==, y->open_at_end);
  g_assert_cmpuint (x->overdue, ==, y->overdue);
  for (guint i = 0; i < G_N_ELEMENTS (x->resolved_by_level); i++)
    g_assert_cmpuint (x->resolved_by_level[i], ==, y->resolved_by_level[i]);
  g_assert_cmpuint (x->resolved_with_due, ==, y->resolved_with_due);
  g_assert_cmpuint (x->resolved_on_time, ==, y->resolved_on_time);
  g_assert_cmpfloat_with_epsilon (x->days_to_resolve, y->days_to_resolve, 1e-6);
  for (guint i = 0; i < G_N_ELEMENTS (x->satisfaction); i++)
    g_assert_cmpuint (x->satisfaction[i], ==, y->satisfaction[i]);
}

/* The overdue cases by number: the two fixtures give them other ids. */
static char *
overdue_numbers (Fixture              *f,
                 const LinliCaseStats *stats)
{
  GString *numbers = g_string_new (NULL);

  for (guint i = 0; i < stats->overdue_ids->len; i++)
    for (guint n = 1; n < G_N_ELEMENTS (f->cases); n++)
      if (f->cases[n] != 0 && f->cases[n] == g_array_index (stats->overdue_ids, gint64, i))
        g_string_append_printf (numbers, "%s%u", numbers->len > 0 ? " " : "", n);
  return g_string_free (numbers, FALSE);
}

/* The cases of a period read through the indexes (a file of a million
 * cases) count as the same cases read in one scan (a small file), the
 * earlier ones still open among them. */
static void
test_case_stats_by_index_same (void)
{
  Fixture scan = { 0 }, by_index = { 0 };
  const char *periods[] = { "2026-02", "2026-03", "2026-04", "2026" };

  fixture_set_up (&scan, NULL);
  fixture_set_up (&by_index, "many");
  add_earlier_open_cases (&scan);
  add_earlier_open_cases (&by_index);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_auto(Scope) s = { 0, };
      g_autoptr(GError) error = NULL;
      g_autoptr(LinliCaseStats) x = NULL;
      g_autoptr(LinliCaseStats) y = NULL;
      g_autofree char *x_overdue = NULL;
      g_autofree char *y_overdue = NULL;

      scope_init (&s, periods[p], 0);
      x = linli_store_case_stats (scan.db.store, &s.scope, &error);
      g_assert_no_error (error);
      y = linli_store_case_stats (by_index.db.store, &s.scope, &error);
      g_assert_no_error (error);

      assert_same_counts (&x->total, &y->total);
      g_assert_cmpuint (x->by_grid->len, ==, y->by_grid->len);
      for (guint i = 0; i < x->by_grid->len; i++)
        {
          const LinliGridCaseCounts *a = g_ptr_array_index (x->by_grid, i);
          const LinliGridCaseCounts *b = g_ptr_array_index (y->by_grid, i);

          g_assert_cmpstr (a->code, ==, b->code);
          assert_same_counts (&a->counts, &b->counts);
        }
      x_overdue = overdue_numbers (&scan, x);
      y_overdue = overdue_numbers (&by_index, y);
      g_assert_cmpstr (x_overdue, ==, y_overdue);

      /* March: the fixture's four open at the end and two overdue, and
       * the five earlier ones, two of them overdue (20 due 20 February,
       * 24 due 2 March, after 10 and before 3). */
      if (g_str_equal (periods[p], "2026-03"))
        {
          g_assert_cmpuint (y->total.open_at_end, ==, 4 + 5);
          g_assert_cmpuint (y->total.overdue, ==, 2 + 2);
          g_assert_cmpuint (y->total.received, ==, 6);
          g_assert_cmpstr (y_overdue, ==, "10 20 24 3");
        }
    }

  fixture_tear_down (&scan, NULL);
  fixture_tear_down (&by_index, "many");
}

static void
test_overdue_cases (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const LinliCaseRow *row;

  scope_init (&s, "2026-03", 0);
  rows = linli_store_overdue_cases (f->db.store, &s.scope, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->number, ==, "2026-0010");
  g_assert_cmpstr (row->grid_name, ==, "第二网格");
  g_assert_cmpint (row->status, ==, LINLI_CASE_STATUS_RESOLVED);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->number, ==, "2026-0003");
  g_assert_cmpstr (row->worker_name, ==, "刘晓雯");
  g_assert_cmpint (row->status, ==, LINLI_CASE_STATUS_IN_PROGRESS);
  g_assert_cmpint (g_date_time_get_day_of_month (row->due_at), ==, 25);
  g_assert_null (row->resolved_at);

  /* The longest overdue first, as many as asked for. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = linli_store_overdue_cases (f->db.store, &s.scope, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((LinliCaseRow *) g_ptr_array_index (rows, 0))->number, ==, "2026-0010");
}

static void
test_case_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 ids[] = { f->cases[8], f->cases[1], 999999, f->cases[6] };
  const LinliCaseRow *row;

  rows = linli_store_case_rows (f->db.store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->number, ==, "2026-0008");
  g_assert_cmpstr (row->source, ==, "12345转办");
  g_assert_cmpint (row->resolution_level, ==, LINLI_RESOLUTION_LEVEL_GRID);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->number, ==, "2026-0001");
  g_assert_cmpint (row->satisfaction, ==, LINLI_SATISFACTION_SATISFIED);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->number, ==, "2026-0006");
  g_assert_cmpint (row->grid_id, ==, 0);
  g_assert_null (row->grid_name);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = linli_store_case_rows (f->db.store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_ledgers (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ledgers = NULL;
  const LinliGridLedger *a, *b, *sentiment;
  const LinliLedgerWorker *worker;

  scope_init (&s, "2026-03", 0);
  ledgers = linli_store_grid_ledgers (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledgers->len, ==, 3);
  a = g_ptr_array_index (ledgers, 0);
  b = g_ptr_array_index (ledgers, 1);
  sentiment = g_ptr_array_index (ledgers, 2);

  g_assert_cmpstr (a->code, ==, "DF-01");
  g_assert_cmpint (a->households, ==, 300);
  g_assert_cmpint (a->population, ==, 900);
  g_assert_cmpint (a->building_households, ==, 84);
  g_assert_cmpuint (a->workers->len, ==, 2);
  worker = g_ptr_array_index (a->workers, 0);
  g_assert_cmpstr (worker->name, ==, "张伟");
  g_assert_cmpint (worker->role, ==, LINLI_WORKER_ROLE_COMMITTEE_MEMBER);
  worker = g_ptr_array_index (a->workers, 1);
  g_assert_cmpstr (worker->name, ==, "刘晓雯");
  g_assert_cmpstr (worker->phone, ==, "13900001111");
  g_assert_cmpuint (a->buildings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (a->buildings, 0), ==, "3号楼");
  g_assert_cmpstr (g_ptr_array_index (a->buildings, 1), ==, "5号楼");
  g_assert_cmpuint (a->cases->len, ==, 3);
  g_assert_cmpstr (((LinliCaseRow *) g_ptr_array_index (a->cases, 0))->number, ==, "2026-0001");
  g_assert_cmpstr (((LinliCaseRow *) g_ptr_array_index (a->cases, 1))->number, ==, "2026-0002");
  g_assert_cmpstr (((LinliCaseRow *) g_ptr_array_index (a->cases, 2))->number, ==, "2026-0007");
  g_assert_cmpint (((LinliCaseRow *) g_ptr_array_index (a->cases, 2))->status, ==, LINLI_CASE_STATUS_VOID);

  g_assert_cmpstr (b->code, ==, "DF-02");
  g_assert_cmpuint (b->workers->len, ==, 1);
  g_assert_cmpuint (b->buildings->len, ==, 1);
  g_assert_cmpint (b->building_households, ==, 60);
  g_assert_cmpuint (b->cases->len, ==, 3);
  g_assert_cmpstr (((LinliCaseRow *) g_ptr_array_index (b->cases, 0))->number, ==, "2026-0008");
  g_assert_cmpstr (((LinliCaseRow *) g_ptr_array_index (b->cases, 1))->number, ==, "2026-0003");
  g_assert_cmpstr (((LinliCaseRow *) g_ptr_array_index (b->cases, 2))->number, ==, "2026-0004");

  g_assert_cmpint (sentiment->kind, ==, LINLI_GRID_KIND_SENTIMENT);
  g_assert_cmpuint (sentiment->workers->len, ==, 0);
  g_assert_cmpuint (sentiment->cases->len, ==, 0);

  /* One grid. */
  g_clear_pointer (&ledgers, g_ptr_array_unref);
  s.scope.grid_id = f->grid_b;
  ledgers = linli_store_grid_ledgers (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledgers->len, ==, 1);
  g_assert_cmpstr (((LinliGridLedger *) g_ptr_array_index (ledgers, 0))->code, ==, "DF-02");
}

static void
test_activity_stats (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliActivityStats) stats = NULL;
  g_autoptr(LinliActivityStats) grid_b = NULL;
  const LinliActivityRow *row;
  const LinliVolunteerHours *top;

  scope_init (&s, "2026-03", 0);
  stats = linli_store_activity_stats (f->db.store, &s.scope, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->activities->len, ==, 2);
  row = g_ptr_array_index (stats->activities, 0);
  g_assert_cmpstr (row->title, ==, "学雷锋志愿服务");
  g_assert_cmpstr (row->grid_name, ==, "第一网格");
  g_assert_cmpuint (row->volunteers, ==, 2);
  g_assert_cmpfloat_with_epsilon (row->hours, 5.5, 1e-9);
  g_assert_cmpuint (stats->participations, ==, 4);
  g_assert_cmpuint (stats->volunteers, ==, 3);
  g_assert_cmpfloat_with_epsilon (stats->hours, 11.5, 1e-9);
  g_assert_cmpuint (stats->beneficiaries, ==, 70);
  g_assert_cmpuint (stats->top_volunteers->len, ==, 2);
  top = g_ptr_array_index (stats->top_volunteers, 0);
  g_assert_cmpstr (top->name, ==, "王芳");
  g_assert_cmpstr (top->number, ==, "V001");
  g_assert_cmpuint (top->n_activities, ==, 2);
  g_assert_cmpfloat_with_epsilon (top->hours, 5, 1e-9);
  g_assert_null (top->activities);
  top = g_ptr_array_index (stats->top_volunteers, 1);
  g_assert_cmpstr (top->name, ==, "赵敏");

  s.scope.grid_id = f->grid_b;
  grid_b = linli_store_activity_stats (f->db.store, &s.scope, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid_b->activities->len, ==, 1);
  g_assert_cmpuint (grid_b->volunteers, ==, 2);
  g_assert_cmpfloat_with_epsilon (grid_b->hours, 6, 1e-9);
}

static void
test_volunteer_hours (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) volunteers = NULL;
  const LinliVolunteerHours *v;
  const LinliVolunteerActivity *activity;
  double total = 0;

  scope_init (&s, "2026-03", 0);
  volunteers = linli_store_volunteer_hours (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (volunteers->len, ==, 3);
  v = g_ptr_array_index (volunteers, 0);
  g_assert_cmpstr (v->name, ==, "王芳");
  g_assert_cmpfloat_with_epsilon (v->hours, 5, 1e-9);
  g_assert_cmpuint (v->n_activities, ==, 2);
  g_assert_cmpuint (v->activities->len, ==, 2);
  activity = g_ptr_array_index (v->activities, 0);
  g_assert_cmpstr (activity->title, ==, "学雷锋志愿服务");
  g_assert_cmpstr (activity->role, ==, "组织者");
  g_assert_cmpfloat_with_epsilon (activity->hours, 3, 1e-9);
  activity = g_ptr_array_index (v->activities, 1);
  g_assert_cmpstr (activity->title, ==, "清理楼道杂物");
  g_assert_cmpfloat_with_epsilon (activity->hours, 2, 1e-9);
  v = g_ptr_array_index (volunteers, 1);
  g_assert_cmpstr (v->name, ==, "赵敏");
  g_assert_cmpfloat_with_epsilon (v->hours, 4, 1e-9);
  v = g_ptr_array_index (volunteers, 2);
  g_assert_cmpstr (v->name, ==, "李强");
  g_assert_cmpfloat_with_epsilon (v->hours, 2.5, 1e-9);
  for (guint i = 0; i < volunteers->len; i++)
    total += ((LinliVolunteerHours *) g_ptr_array_index (volunteers, i))->hours;
  g_assert_cmpfloat_with_epsilon (total, 11.5, 1e-9);
}

static void
test_outreach_stats (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Scope) s = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliOutreachStats) stats = NULL;
  g_autoptr(LinliOutreachStats) grid_a = NULL;
  const LinliOutreachRow *row;
  const LinliOutreachGroup *group;

  scope_init (&s, "2026-03", 0);
  stats = linli_store_outreach_stats (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->events->len, ==, 2);
  row = g_ptr_array_index (stats->events, 0);
  g_assert_cmpstr (row->title, ==, "反诈宣传进校园");
  g_assert_cmpstr (row->venue, ==, "医学院报告厅");
  g_assert_cmpint (row->format, ==, LINLI_OUTREACH_FORMAT_LECTURE);
  g_assert_cmpuint (row->attendees, ==, 600);
  g_assert_cmpuint (row->leaflets, ==, 1000);
  g_assert_cmpuint (g_strv_length (row->target_groups), ==, 1);
  row = g_ptr_array_index (stats->events, 1);
  g_assert_cmpuint (g_strv_length (row->target_groups), ==, 2);
  g_assert_cmpuint (stats->attendees, ==, 720);
  g_assert_cmpuint (stats->leaflets, ==, 1300);
  g_assert_cmpuint (stats->app_installs, ==, 245);
  g_assert_cmpuint (stats->consultations, ==, 42);

  g_assert_cmpuint (stats->by_target_group->len, ==, 3);
  group = g_ptr_array_index (stats->by_target_group, 0);
  g_assert_cmpstr (group->name, ==, "学生");
  g_assert_cmpuint (group->events, ==, 1);
  g_assert_cmpuint (group->attendees, ==, 600);
  g_assert_cmpuint (group->leaflets, ==, 1000);
  g_assert_cmpuint (group->app_installs, ==, 200);
  group = g_ptr_array_index (stats->by_target_group, 1);
  g_assert_cmpstr (group->name, ==, "新市民");
  g_assert_cmpuint (group->attendees, ==, 120);
  group = g_ptr_array_index (stats->by_target_group, 2);
  g_assert_cmpstr (group->name, ==, "老年人");
  g_assert_cmpuint (group->app_installs, ==, 45);

  s.scope.grid_id = f->grid_a;
  grid_a = linli_store_outreach_stats (f->db.store, &s.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid_a->events->len, ==, 1);
  g_assert_cmpuint (grid_a->attendees, ==, 120);
}

/* ------------------------------------------------------------------------ */
/* The built documents                                                       */

static void
assert_text_has (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("The report does not say “%s”:\n%s", part, text);
}

static void
assert_text_lacks (const char *text,
                   const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("The report says “%s”:\n%s", part, text);
}

static void
assert_row (LinliReportTable   *table,
            guint               row,
            const char * const *cells)
{
  g_assert_cmpuint (row, <, linli_report_table_get_n_rows (table));
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, linli_report_table_get_n_columns (table));
      g_assert_cmpstr (linli_report_table_get_cell (table, row, i), ==, cells[i]);
    }
}

static LinliReportDoc *
build_summary (Fixture    *f,
               const char *period_text,
               gint64      grid)
{
  g_autoptr(GError) error = NULL;
  LinliReportPeriod period;
  LinliReportDoc *doc;

  g_assert_true (linli_report_period_parse (&period, period_text, NULL));
  doc = linli_report_build_summary (f->db.store, &period, grid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_summary_doc (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LinliReportDoc) doc = build_summary (f, "2026-03", 0);
  g_autofree char *text = linli_report_doc_to_text (doc);
  LinliReportTable *table;

  g_assert_cmpstr (linli_report_doc_get_title (doc), ==, "东方御园社区: Work Summary, 2026-03");
  g_assert_cmpstr (linli_report_doc_get_subtitle (doc), ==,
                   "Scope: 东方御园社区    Period: 2026-03");
  assert_text_has (text, "1. Residents' Cases\n");
  assert_text_has (text, "Cases received: 6; resolved: 4; open at the end of the period: 4, of which overdue: 2.\n");
  assert_text_has (text, "Resolved within the grid: 2, 50.0% of those resolved; within the community: 3, 75.0%. "
                         "Resolved on time: 33.3%; average time to resolve: 4.1 days; residents satisfied: 66.7%.\n");
  assert_text_has (text, "Received\t6\n");
  assert_text_has (text, "Average days to resolve\t4.1\n");
  assert_text_has (text, "(1) By grid\n");
  assert_text_has (text, "(6) Overdue cases\n");
  assert_text_has (text, "2. Volunteer Service\n");
  assert_text_has (text, "Volunteer activities held: 2, with 4 volunteer turns by 3 volunteers, "
                         "11.5 hours of service, serving 70 people.\n");
  assert_text_has (text, "3. Anti-Fraud Outreach\n");
  assert_text_has (text, "Anti-fraud outreach events: 2, reaching 720 people; leaflets handed out: 1300; "
                         "anti-fraud app installs: 245; consultations: 42.\n");
  assert_text_has (text, "第二网格\t3cases\n");
  g_assert_cmpint (linli_report_doc_get_block_kind (doc, linli_report_doc_get_n_blocks (doc) - 1), ==,
                   LINLI_REPORT_BLOCK_SIGNATURES);

  /* By grid: both management grids, the cases in no grid, the total. */
  table = linli_report_doc_get_table (doc, 0);
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 4);
  assert_row (table, 0, (const char *[]) { "第一网格", "3", "3", "0", "0", "33.3%", "66.7%", NULL });
  assert_row (table, 1, (const char *[]) { "第二网格", "3", "1", "3", "2", "100.0%", "100.0%", NULL });
  assert_row (table, 2, (const char *[]) { "No grid", "0", "0", "1", "0", "—", "—", NULL });
  assert_row (table, 3, (const char *[]) { "Total", "6", "4", "4", "2", "50.0%", "75.0%", NULL });
  g_assert_true (linli_report_table_row_is_total (table, 3));

  table = linli_report_doc_get_table (doc, 1);  /* by category */
  assert_row (table, 0, (const char *[]) { "水电维修", "3", "50.0%", NULL });
  assert_row (table, 3, (const char *[]) { "Total", "6", "100.0%", NULL });
  table = linli_report_doc_get_table (doc, 2);  /* by source */
  assert_row (table, 0, (const char *[]) { "网格巡查", "3", "50.0%", NULL });
  table = linli_report_doc_get_table (doc, 3);  /* by status */
  assert_row (table, 0, (const char *[]) { "Resolved", "2", "33.3%", NULL });
  table = linli_report_doc_get_table (doc, 4);  /* levels and satisfaction */
  assert_row (table, 0, (const char *[]) { "Within the grid", "2", "50.0%", NULL });
  assert_row (table, 1, (const char *[]) { "Within the community", "1", "25.0%", NULL });
  assert_row (table, 2, (const char *[]) { "By the subdistrict", "1", "25.0%", NULL });
  assert_row (table, 4, (const char *[]) { "Satisfied", "1", "25.0%", NULL });
  assert_row (table, 7, (const char *[]) { "Not asked", "1", "25.0%", NULL });
  table = linli_report_doc_get_table (doc, 5);  /* overdue: days to 1 April */
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, (const char *[]) { "2026-0010", "第10件事", "第二网格", "张伟", "2026-02-05", "55", NULL });
  assert_row (table, 1, (const char *[]) { "2026-0003", "第3件事", "第二网格", "刘晓雯", "2026-03-25", "7", NULL });
  table = linli_report_doc_get_table (doc, 6);  /* activities */
  assert_row (table, 0, (const char *[]) { "2026-03-05", "学雷锋志愿服务", "学雷锋", "2", "5.5", NULL });
  assert_row (table, 2, (const char *[]) { "Total", "", "", "4", "11.5", NULL });
  table = linli_report_doc_get_table (doc, 7);  /* top volunteers */
  assert_row (table, 0, (const char *[]) { "1", "王芳", "V001", "2", "5.0", NULL });
  table = linli_report_doc_get_table (doc, 8);  /* outreach */
  assert_row (table, 0, (const char *[]) { "2026-03-08", "反诈宣传进校园", "医学院报告厅", "Lecture", "600", "1000", "200", NULL });
  assert_row (table, 2, (const char *[]) { "Total", "", "", "", "720", "1300", "245", NULL });
  table = linli_report_doc_get_table (doc, 9);  /* by target group */
  assert_row (table, 0, (const char *[]) { "学生", "1", "600", "1000", "200", NULL });
  assert_row (table, 2, (const char *[]) { "老年人", "1", "120", "300", "45", NULL });
  g_assert_null (linli_report_doc_get_table (doc, 10));
}

static void
test_summary_doc_grid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LinliReportDoc) doc = build_summary (f, "2026-03", f->grid_b);
  g_autoptr(LinliReportDoc) empty = NULL;
  g_autofree char *text = linli_report_doc_to_text (doc);
  g_autofree char *empty_text = NULL;
  g_autoptr(GError) error = NULL;
  LinliReportPeriod period;
  LinliReportTable *table;

  assert_text_has (linli_report_doc_get_subtitle (doc), "Scope: 第二网格 (DF-02)");
  assert_text_has (text, "Cases received: 3; resolved: 1; open at the end of the period: 3, of which overdue: 2.\n");
  /* Only 清理楼道杂物 was in the second grid; no outreach was. */
  assert_text_has (text, "Volunteer activities held: 1, with 2 volunteer turns by 2 volunteers, 6.0 hours");
  assert_text_has (text, "Anti-fraud outreach events: 0, reaching 0 people");
  assert_text_lacks (text, "学雷锋志愿服务");
  table = linli_report_doc_get_table (doc, 0);
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, (const char *[]) { "第二网格", "3", "1", "3", "2", NULL });

  /* A month before any case: no cases, no denominators. */
  empty = build_summary (f, "2025-06", 0);
  empty_text = linli_report_doc_to_text (empty);
  assert_text_has (empty_text, "Resolved on time: —; average time to resolve: — days; residents satisfied: —.");
  assert_text_has (empty_text, "No case was overdue.\n");

  /* A grid that is not there. */
  g_assert_true (linli_report_period_parse (&period, "2026-03", NULL));
  g_assert_null (linli_report_build_summary (f->db.store, &period, 4242, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND);
}

/* A correction in the diary: the sheet prints it with the time of the
 * entry it puts right; the store takes no correction of another case's
 * entry. */
static void
test_case_sheet_correction (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) note = linli_record_new (LINLI_TYPE_DIARY_ENTRY);
  g_autoptr(LinliRecord) stored = linli_store_get (f->db.store, LINLI_TYPE_CASE, f->cases[1], NULL);
  g_autoptr(LinliRecord) other = linli_store_get (f->db.store, LINLI_TYPE_CASE, f->cases[3], NULL);
  g_autoptr(LinliRecord) copy = linli_record_copy (stored);
  g_autoptr(LinliRecord) other_copy = linli_record_copy (other);
  g_autoptr(GListStore) entries = g_list_store_new (LINLI_TYPE_DIARY_ENTRY);
  g_autoptr(LinliRecord) correction = linli_record_new (LINLI_TYPE_DIARY_ENTRY);
  g_autoptr(GDateTime) noted = g_date_time_new_local (2026, 3, 4, 10, 0, 0);
  g_autoptr(GDateTime) corrected = g_date_time_new_local (2026, 3, 5, 8, 30, 0);
  g_autoptr(LinliReportDoc) doc = NULL;
  LinliReportTable *timeline;

  linli_record_set_int (note, "case_id", f->cases[1]);
  linli_record_set_datetime (note, "at", noted);
  linli_record_set_enum (note, "kind", LINLI_DIARY_ENTRY_KIND_NOTE);
  linli_record_set_text (note, "text", "三楼东户漏水");
  g_assert_true (linli_store_insert (f->db.store, note, &error));
  g_assert_no_error (error);

  linli_record_set_datetime (correction, "at", corrected);
  linli_record_set_enum (correction, "kind", LINLI_DIARY_ENTRY_KIND_CORRECTION);
  linli_record_set_int (correction, "corrects_id", linli_record_get_id (note));
  linli_record_set_text (correction, "text", "三楼西户漏水");
  g_list_store_append (entries, correction);

  /* Not as a correction of another case. */
  g_assert_false (linli_store_save_case (f->db.store, other, other_copy, NULL, G_LIST_MODEL (entries), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (linli_record_get_id (correction), ==, 0);

  g_assert_true (linli_store_save_case (f->db.store, stored, copy, NULL, G_LIST_MODEL (entries), &error));
  g_assert_no_error (error);

  doc = linli_report_build_case_sheet (f->db.store, f->cases[1], FALSE, &error);
  g_assert_no_error (error);
  timeline = linli_report_doc_get_table (doc, 1);
  g_assert_cmpuint (linli_report_table_get_n_rows (timeline), ==, 3);
  assert_row (timeline, 1, (const char *[]) { "2026-03-04 10:00", "Note", "", "三楼东户漏水", NULL });
  assert_row (timeline, 2, (const char *[]) { "2026-03-05 08:30", "Correction", "",
                                              "Corrects the entry of 2026-03-04 10:00: 三楼西户漏水", NULL });
}

static void
test_ledger_doc (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *text = NULL;
  LinliReportPeriod period;
  LinliReportTable *table;

  g_assert_true (linli_report_period_parse (&period, "2026-03", NULL));
  doc = linli_report_build_ledger (f->db.store, &period, 0, &error);
  g_assert_no_error (error);
  text = linli_report_doc_to_text (doc);
  assert_text_has (text, "第一网格 (DF-01)\n");
  assert_text_has (text, "Households\t300\n");
  assert_text_has (text, "3号楼, 5号楼; households in these buildings: 84.\n");
  assert_text_has (text, "民情网格一 (MQ-01)\n");
  assert_text_has (text, "No worker is assigned to this grid.\n");
  assert_text_has (text, "No case was reported in this grid in the period.\n");

  table = linli_report_doc_get_table (doc, 0);   /* the first grid's workers */
  assert_row (table, 0, (const char *[]) { "张伟", "Committee member", "13900002222", NULL });
  table = linli_report_doc_get_table (doc, 1);   /* its cases */
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, (const char *[]) { "2026-0001", "2026-03-03", "第1件事", "水电维修", "张伟", "Resolved", NULL });
  assert_row (table, 2, (const char *[]) { "2026-0007", "2026-03-15", "第7件事", "水电维修", "张伟", "Void", NULL });
}

static void
test_case_sheet_doc (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliReportDoc) masked = NULL;
  g_autoptr(LinliReportDoc) open = NULL;
  g_autoptr(LinliReportDoc) anonymous = NULL;
  g_autofree char *masked_text = NULL, *open_text = NULL, *anonymous_text = NULL;
  LinliReportTable *timeline;

  masked = linli_report_build_case_sheet (f->db.store, f->cases[1], FALSE, &error);
  g_assert_no_error (error);
  masked_text = linli_report_doc_to_text (masked);
  g_assert_cmpstr (linli_report_doc_get_title (masked), ==, "Residents' Case Sheet");
  assert_text_has (linli_report_doc_get_subtitle (masked), "No. 2026-0001");
  assert_text_has (masked_text, "Item\tDetails\nNumber\t2026-0001\n");
  assert_text_has (masked_text, "Reported by\t王**\n");
  assert_text_has (masked_text, "Phone\t138****1234\n");
  assert_text_lacks (masked_text, "王大爷");
  assert_text_lacks (masked_text, "13800001234");
  assert_text_has (masked_text, "Grid\t第一网格 (DF-01)\n");
  assert_text_has (masked_text, "Resolution level\tWithin the grid\n");
  assert_text_has (masked_text, "Resolution\n已处理完毕\n");
  assert_text_has (masked_text, "Handling record\n");
  timeline = linli_report_doc_get_table (masked, 1);
  g_assert_cmpuint (linli_report_table_get_n_rows (timeline), ==, 1);
  assert_row (timeline, 0, (const char *[]) { "2026-03-03 09:00", "Status change", "", "Resolved", NULL });
  g_assert_cmpint (linli_report_doc_get_block_kind (masked, linli_report_doc_get_n_blocks (masked) - 1), ==,
                   LINLI_REPORT_BLOCK_SIGNATURES);

  open = linli_report_build_case_sheet (f->db.store, f->cases[1], TRUE, &error);
  g_assert_no_error (error);
  open_text = linli_report_doc_to_text (open);
  assert_text_has (open_text, "Reported by\t王大爷\n");
  assert_text_has (open_text, "Phone\t13800001234\n");

  anonymous = linli_report_build_case_sheet (f->db.store, f->cases[3], FALSE, &error);
  g_assert_no_error (error);
  anonymous_text = linli_report_doc_to_text (anonymous);
  assert_text_has (anonymous_text, "Reported by\tAnonymous\n");

  g_assert_null (linli_report_build_case_sheet (f->db.store, 999999, FALSE, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND);
}

static void
test_case_list_doc (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  gint64 ids[] = { f->cases[8], f->cases[1], f->cases[6] };
  LinliReportTable *table;

  doc = linli_report_build_case_list (f->db.store, ids, G_N_ELEMENTS (ids), "环境卫生", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_report_doc_get_subtitle (doc), ==, "环境卫生    Cases listed: 3");
  table = linli_report_doc_get_table (doc, 0);
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, (const char *[]) { "1", "2026-0008", "2026-03-18", "第8件事", "第二网格", "环境卫生", "张伟", "Resolved", NULL });
  assert_row (table, 2, (const char *[]) { "3", "2026-0006", "2026-02-10", "第6件事", "", "社会治安", "张伟", "Suspended", NULL });
}

static void
test_grid_map_doc (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(LinliReportDoc) plain = NULL;
  g_autofree char *text = NULL, *plain_text = NULL;
  LinliReportPeriod period;
  LinliReportTable *table;
  gboolean has_map = FALSE;

  g_assert_true (linli_report_period_parse (&period, "2026-03", NULL));
  doc = linli_report_build_grid_map (f->db.store, &period, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < linli_report_doc_get_n_blocks (doc); i++)
    has_map = has_map || linli_report_doc_get_block_kind (doc, i) == LINLI_REPORT_BLOCK_MAP;
  g_assert_true (has_map);
  text = linli_report_doc_to_text (doc);
  assert_text_has (text, "第一网格 · 3 cases\n");
  /* No case is filed under a sentiment grid: no count that always reads 0. */
  assert_text_has (text, "民情网格一\n");
  assert_text_lacks (text, "民情网格一 ·");
  assert_text_has (text, "Management grid\n");
  assert_text_has (text, "Public sentiment grid\n");
  table = linli_report_doc_get_table (doc, 0);
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, (const char *[]) { "DF-01", "第一网格", "Management grid", "300", "900", NULL });
  /* 0.002° × 0.002° at 35.4° N: about 222 m × 181 m, 4.0 ha. */
  g_assert_cmpstr (linli_report_table_get_cell (table, 0, 5), ==, "4.0");
  g_assert_cmpstr (linli_report_table_get_cell (table, 0, 6), ==, "2");

  plain = linli_report_build_grid_map (f->db.store, NULL, f->grid_a, &error);
  g_assert_no_error (error);
  plain_text = linli_report_doc_to_text (plain);
  assert_text_has (plain_text, "第一网格\n");
  assert_text_lacks (plain_text, "第二网格");
  g_assert_cmpuint (linli_report_table_get_n_rows (linli_report_doc_get_table (plain, 0)), ==, 1);
}

static void
test_volunteer_hours_doc (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *text = NULL;
  LinliReportPeriod period;
  LinliReportTable *table;

  g_assert_true (linli_report_period_parse (&period, "2026-03", NULL));
  doc = linli_report_build_volunteer_hours (f->db.store, &period, 0, &error);
  g_assert_no_error (error);
  text = linli_report_doc_to_text (doc);
  assert_text_has (text, "Volunteers who served: 3, in 4 turns, 11.5 hours of service in all.\n");
  table = linli_report_doc_get_table (doc, 0);
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 4);
  assert_row (table, 0, (const char *[]) { "1", "王芳", "V001", "2", "5.0", NULL });
  assert_row (table, 2, (const char *[]) { "3", "李强", "V002", "1", "2.5", NULL });
  assert_row (table, 3, (const char *[]) { "Total", "", "", "4", "11.5", NULL });
  table = linli_report_doc_get_table (doc, 1);
  /* 王芳's two activities and her total, 赵敏's one and total, 李强's. */
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 7);
  assert_row (table, 0, (const char *[]) { "王芳", "2026-03-05", "学雷锋志愿服务", "组织者", "3.0", NULL });
  assert_row (table, 1, (const char *[]) { "", "2026-03-12", "清理楼道杂物", "组织者", "2.0", NULL });
  assert_row (table, 2, (const char *[]) { "王芳, total", "", "", "", "5.0", NULL });
  g_assert_true (linli_report_table_row_is_total (table, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-model/period/parse", test_period_parse);
  g_test_add_func ("/report-model/period/invalid", test_period_invalid);
  g_test_add_func ("/report-model/period/bounds", test_period_bounds);
  g_test_add_func ("/report-model/period/label", test_period_label);
#define ADD(path, func) \
  g_test_add ("/report-model/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("stats/cases", test_case_stats);
  ADD ("stats/cases-one-grid", test_case_stats_grid);
  ADD ("stats/cases-year", test_case_stats_year);
  /* The same figures when the cases of the period are few beside the
   * whole file and are read through the indexes. */
#define ADD_MANY(path, func) \
  g_test_add ("/report-model/" path, Fixture, "many", fixture_set_up, func, fixture_tear_down)
  ADD_MANY ("stats/cases-by-index", test_case_stats);
  ADD_MANY ("stats/cases-one-grid-by-index", test_case_stats_grid);
  ADD_MANY ("stats/cases-year-by-index", test_case_stats_year);
#undef ADD_MANY
  g_test_add_func ("/report-model/stats/cases-by-index-same-as-scan", test_case_stats_by_index_same);
  ADD ("stats/overdue", test_overdue_cases);
  ADD ("stats/case-rows", test_case_rows);
  ADD ("stats/ledgers", test_ledgers);
  ADD ("stats/activities", test_activity_stats);
  ADD ("stats/volunteer-hours", test_volunteer_hours);
  ADD ("stats/outreach", test_outreach_stats);
  ADD ("doc/summary", test_summary_doc);
  ADD ("doc/summary-one-grid", test_summary_doc_grid);
  ADD ("doc/ledger", test_ledger_doc);
  ADD ("doc/case-sheet", test_case_sheet_doc);
  ADD ("doc/case-sheet-correction", test_case_sheet_correction);
  ADD ("doc/case-list", test_case_list_doc);
  ADD ("doc/grid-map", test_grid_map_doc);
  ADD ("doc/volunteer-hours", test_volunteer_hours_doc);
#undef ADD

  return g_test_run ();
}

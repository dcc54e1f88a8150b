/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "linli-event-query.h"
#include "linli-event-rules.h"
#include "linli-event-search.h"
#include "linli-event-store.h"
#include "linli-store-private.h"
#include "linli-volunteer-hours.h"
#include "test-util.h"

/* The Activities, Outreach and Volunteers pages' logic without the pages:
 * search with Chinese substrings, each filter, the totals of what is shown,
 * hours per volunteer and period; an activity saved with its participants,
 * the lists of a record read back, and migration 3 on an older file. */

typedef struct
{
  TestDatabase db;
  gint64 grid_a, grid_b, police, school;
  gint64 kong, wang, li;               /* volunteers */
  gint64 memorial, cleanup, elderly, cancelled;  /* activities */
  gint64 campus, door, show;           /* outreach */
} Fixture;

static GDateTime *
at (int month,
    int day,
    int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  return g_date_time_new (zone, 2026, month, day, hour, 0, 0);
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

static gint64
add_named (Fixture    *f,
           GType       type,
           const char *name)
{
  g_autoptr(LinliRecord) record = linli_record_new (type);

  linli_record_set_text (record, "name", name);
  if (type == LINLI_TYPE_GRID)
    linli_record_set_text (record, "code", name);
  return insert (f->db.store, record);
}

static LinliRecord *
participation (gint64 volunteer,
               double hours)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_PARTICIPATION);

  linli_record_set_int (record, "volunteer_id", volunteer);
  linli_record_set_double (record, "hours", hours);
  linli_record_set_text (record, "role", "志愿者");
  return record;
}

/* An activity of @month/@day from 9:00 for @length hours; the
 * participants as volunteer id and hours pairs, ended by 0. */
static gint64
add_activity (Fixture             *f,
              const char          *title,
              const char          *type,
              LinliActivityStatus  status,
              gint64               grid,
              int                  month,
              int                  day,
              int                  length,
              const char          *organiser,
              gint64               partner,
              ...)
{
  g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = at (month, day, 9);
  g_autoptr(GDateTime) end = at (month, day, 9 + length);
  g_autoptr(GError) error = NULL;
  gint64 volunteer;
  va_list args;

  linli_record_set_text (activity, "title", title);
  linli_record_set_text (activity, "type", type);
  linli_record_set_enum (activity, "status", status);
  linli_record_set_int (activity, "grid_id", grid);
  linli_record_set_datetime (activity, "start_at", start);
  linli_record_set_datetime (activity, "end_at", end);
  linli_record_set_text (activity, "venue", "社区党群服务中心");
  linli_record_set_text (activity, "organiser", organiser);
  linli_record_set_int (activity, "beneficiaries", 10);
  if (partner != 0)
    linli_record_set_refs (activity, "partners", &partner, 1);

  va_start (args, partner);
  while ((volunteer = va_arg (args, gint64)) != 0)
    g_ptr_array_add (list, participation (volunteer, va_arg (args, double)));
  va_end (args);

  g_assert_true (linli_store_save_activity (f->db.store, NULL, activity, NULL, list, &error));
  g_assert_no_error (error);
  return linli_record_get_id (activity);
}

static gint64
add_outreach (Fixture             *f,
              const char          *title,
              LinliOutreachFormat  format,
              gint64               grid,
              int                  month,
              const char          *groups,
              const char          *topics,
              gint64               attendees,
              gint64               leaflets,
              gint64               installs,
              const char          *notes)
{
  g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(GDateTime) start = at (month, 15, 15);
  g_auto(GStrv) group_list = g_strsplit (groups, ",", -1);
  g_auto(GStrv) topic_list = g_strsplit (topics, ",", -1);
  const gint64 organisers[] = { f->police, f->school };

  linli_record_set_text (outreach, "title", title);
  linli_record_set_enum (outreach, "format", format);
  linli_record_set_int (outreach, "grid_id", grid);
  linli_record_set_datetime (outreach, "start_at", start);
  linli_record_set_text (outreach, "speaker", "刘警官");
  linli_record_set_text (outreach, "notes", notes);
  linli_record_set_int (outreach, "attendees", attendees);
  linli_record_set_int (outreach, "leaflets", leaflets);
  linli_record_set_int (outreach, "app_installs", installs);
  linli_record_set_bool (outreach, "installs_off_site", installs > attendees);
  linli_record_set_strv (outreach, "target_groups", (const char * const *) group_list);
  linli_record_set_strv (outreach, "topics", (const char * const *) topic_list);
  linli_record_set_refs (outreach, "organisers", organisers, format == LINLI_OUTREACH_FORMAT_LECTURE ? 2 : 1);
  return insert (f->db.store, outreach);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_database_open (&f->db, "linli-event-query");
  f->grid_a = add_named (f, LINLI_TYPE_GRID, "A01");
  f->grid_b = add_named (f, LINLI_TYPE_GRID, "B02");
  f->police = add_named (f, LINLI_TYPE_ORGANISATION, "许庄派出所");
  f->school = add_named (f, LINLI_TYPE_ORGANISATION, "济宁医学院");
  f->kong = add_named (f, LINLI_TYPE_VOLUNTEER, "孔祥林");
  f->wang = add_named (f, LINLI_TYPE_VOLUNTEER, "王秀英");
  f->li = add_named (f, LINLI_TYPE_VOLUNTEER, "李建国");

  f->memorial = add_activity (f, "雷锋纪念馆开馆讲解", "学雷锋", LINLI_ACTIVITY_STATUS_DONE, f->grid_a,
                              3, 5, 3, "社区党支部", f->school,
                              f->kong, 2.0, f->wang, 1.5, (gint64) 0);
  f->cleanup = add_activity (f, "清理楼道杂物", "环境整治", LINLI_ACTIVITY_STATUS_DONE, f->grid_b,
                             4, 10, 4, "社区居委会", (gint64) 0,
                             f->kong, 3.0, f->li, 1.0, (gint64) 0);
  f->elderly = add_activity (f, "重阳节敬老", "助老", LINLI_ACTIVITY_STATUS_PLANNED, f->grid_a,
                             10, 29, 2, "社区居委会", (gint64) 0,
                             f->wang, 0.0, (gint64) 0);
  f->cancelled = add_activity (f, "雨天取消的义诊", "助老", LINLI_ACTIVITY_STATUS_CANCELLED, f->grid_b,
                               4, 20, 2, "社区居委会", (gint64) 0,
                               f->li, 2.0, (gint64) 0);

  f->campus = add_outreach (f, "反诈宣传进校园", LINLI_OUTREACH_FORMAT_LECTURE, f->grid_a, 3,
                            "学生,教师", "刷单返利,游戏账号交易", 600, 1000, 300, "国家反诈中心APP现场安装");
  f->door = add_outreach (f, "防范养老诈骗入户宣传", LINLI_OUTREACH_FORMAT_DOOR_TO_DOOR, f->grid_b, 4,
                          "老年人", "养老诈骗,冒充公检法", 40, 80, 50, "子女代为安装");
  f->show = add_outreach (f, "文艺汇演进社区", LINLI_OUTREACH_FORMAT_PERFORMANCE, f->grid_a, 5,
                          "居民,老年人", "冒充客服退款", 300, 200, 100, "快板《反诈》");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_database_close (&f->db);
}

/* The ids @list shows, in order, as "id id id". */
static char *
shown (LinliRecordList *list)
{
  GArray *ids = linli_record_list_get_ids (list);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static char *
ids_text (gint64 first,
          ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len ? " " : "", id);
  va_end (args);
  return g_string_free (text, FALSE);
}

#define assert_shown(list, ...) G_STMT_START {                 \
    g_autofree char *_got = shown (list);                      \
    g_autofree char *_want = ids_text (__VA_ARGS__, (gint64) 0); \
    g_assert_cmpstr (_got, ==, _want);                         \
  } G_STMT_END

typedef struct
{
  LinliEventSearch *search;
  LinliRecordList  *list;
  LinliEventQuery   query;
} Page;

static void
page_init (Page    *page,
           Fixture *f,
           GType    type)
{
  /* The search first, so that it hears of a change before the list. */
  page->search = linli_event_search_new (f->db.store, type);
  page->list = linli_record_list_new (f->db.store, type, NULL, NULL, 0);
  linli_record_list_set_filter (page->list, linli_event_search_filter, page->search, NULL);
  linli_event_query_init (&page->query);
}

static void
page_clear (Page *page)
{
  g_clear_object (&page->list);
  g_clear_object (&page->search);
  linli_event_query_clear (&page->query);
}

static void
page_search (Page       *page,
             const char *text)
{
  linli_event_search_set_text (page->search, text);
  linli_record_list_refilter (page->list);
}

static void
test_search_activities (Fixture       *f,
                        gconstpointer  data)
{
  Page page;

  page_init (&page, f, LINLI_TYPE_ACTIVITY);
  /* Newest first. */
  assert_shown (page.list, f->elderly, f->cancelled, f->cleanup, f->memorial);

  page_search (&page, "纪念");     /* two characters of the title */
  assert_shown (page.list, f->memorial);
  page_search (&page, "党支部");   /* the organiser */
  assert_shown (page.list, f->memorial);
  page_search (&page, "医学院");   /* a partner */
  assert_shown (page.list, f->memorial);
  page_search (&page, "孔祥林");   /* who served */
  assert_shown (page.list, f->cleanup, f->memorial);
  page_search (&page, "助老");     /* the type */
  assert_shown (page.list, f->elderly, f->cancelled);
  page_search (&page, "楼道 杂物");  /* every word */
  assert_shown (page.list, f->cleanup);
  page_search (&page, "楼道\u3000纪念");
  assert_shown (page.list, (gint64) 0);
  page_search (&page, "  ");
  g_assert_true (linli_event_search_is_empty (page.search));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page.list)), ==, 4);

  /* The search follows the store: a new participant is found at once. */
  page_search (&page, "李建国");
  assert_shown (page.list, f->cancelled, f->cleanup);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LinliRecord) activity = linli_store_get (f->db.store, LINLI_TYPE_ACTIVITY, f->elderly, &error);
    g_autoptr(GPtrArray) list = linli_store_load_participations (f->db.store, f->elderly, &error);

    g_ptr_array_add (list, participation (f->li, 0));
    g_assert_true (linli_store_save_activity (f->db.store, NULL, activity, NULL, list, &error));
    g_assert_no_error (error);
    linli_record_list_refilter (page.list);
    assert_shown (page.list, f->elderly, f->cancelled, f->cleanup);
  }
  page_clear (&page);
}

static void
test_search_outreach (Fixture       *f,
                      gconstpointer  data)
{
  Page page;

  page_init (&page, f, LINLI_TYPE_OUTREACH);
  assert_shown (page.list, f->show, f->door, f->campus);

  page_search (&page, "反诈");      /* title of one, notes of another */
  assert_shown (page.list, f->show, f->campus);
  page_search (&page, "养老诈骗");  /* title and topic */
  assert_shown (page.list, f->door);
  page_search (&page, "冒充");      /* topics */
  assert_shown (page.list, f->show, f->door);
  page_search (&page, "老年人");    /* target groups */
  assert_shown (page.list, f->show, f->door);
  page_search (&page, "派出所");    /* organisers */
  assert_shown (page.list, f->show, f->door, f->campus);
  page_search (&page, "医学院");
  assert_shown (page.list, f->campus);
  page_search (&page, "刘警官");    /* the speaker */
  assert_shown (page.list, f->show, f->door, f->campus);
  page_search (&page, "ａｐｐ");    /* full-width, any case */
  assert_shown (page.list, f->campus);
  page_search (&page, "诈骗 校园");
  assert_shown (page.list, (gint64) 0);

  /* A renamed organisation is found by its new name. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LinliRecord) school = linli_store_get (f->db.store, LINLI_TYPE_ORGANISATION, f->school, &error);

    linli_record_set_text (school, "name", "济宁医科大学");
    g_assert_true (linli_store_update (f->db.store, school, &error));
    page_search (&page, "医科");
    assert_shown (page.list, f->campus);
  }
  page_clear (&page);
}

static void
test_filters_activities (Fixture       *f,
                         gconstpointer  data)
{
  Page page;

  page_init (&page, f, LINLI_TYPE_ACTIVITY);

  page.query.activity_type = g_strdup ("助老");
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->elderly, f->cancelled);
  g_clear_pointer (&page.query.activity_type, g_free);

  page.query.statuses = LINLI_EVENT_BIT (LINLI_ACTIVITY_STATUS_DONE) | LINLI_EVENT_BIT (LINLI_ACTIVITY_STATUS_PLANNED);
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->elderly, f->cleanup, f->memorial);
  page.query.statuses = 0;

  page.query.grid_id = f->grid_b;
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->cancelled, f->cleanup);
  page.query.grid_id = 0;

  page.query.organisation_id = f->school;
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->memorial);
  page.query.organisation_id = 0;

  /* The second quarter: April to June. */
  page.query.from = at (4, 1, 0);
  page.query.until = at (7, 1, 0);
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->cancelled, f->cleanup);

  /* Filters and the search together. */
  page_search (&page, "楼道");
  assert_shown (page.list, f->cleanup);
  page_search (&page, NULL);
  linli_event_query_clear (&page.query);
  linli_event_query_init (&page.query);

  /* Sorts: by hours served, most first; by title; by volunteers. */
  page.query.sort = LINLI_EVENT_SORT_HOURS;
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->cleanup, f->memorial, f->cancelled, f->elderly);
  page.query.descending = FALSE;
  page.query.sort = LINLI_EVENT_SORT_GRID;
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->memorial, f->elderly, f->cleanup, f->cancelled);
  page.query.sort = LINLI_EVENT_SORT_VOLUNTEERS;
  linli_event_query_apply (&page.query, LINLI_TYPE_ACTIVITY, page.list);
  assert_shown (page.list, f->cancelled, f->elderly, f->memorial, f->cleanup);

  page_clear (&page);
}

static void
test_filters_outreach (Fixture       *f,
                       gconstpointer  data)
{
  Page page;

  page_init (&page, f, LINLI_TYPE_OUTREACH);

  page.query.target_group = g_strdup ("老年人");
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->show, f->door);
  g_clear_pointer (&page.query.target_group, g_free);

  page.query.topic = g_strdup ("刷单返利");
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->campus);
  g_clear_pointer (&page.query.topic, g_free);

  page.query.formats = LINLI_EVENT_BIT (LINLI_OUTREACH_FORMAT_PERFORMANCE) | LINLI_EVENT_BIT (LINLI_OUTREACH_FORMAT_LECTURE);
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->show, f->campus);
  page.query.formats = 0;

  page.query.grid_id = f->grid_a;
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->show, f->campus);
  page.query.grid_id = 0;

  page.query.organisation_id = f->school;
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->campus);
  page.query.organisation_id = 0;

  page.query.from = at (4, 1, 0);
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->show, f->door);
  g_clear_pointer (&page.query.from, g_date_time_unref);

  /* Filters of the other kind are left out. */
  page.query.statuses = LINLI_EVENT_BIT (LINLI_ACTIVITY_STATUS_CANCELLED);
  page.query.activity_type = g_strdup ("助老");
  page.query.sort = LINLI_EVENT_SORT_ATTENDEES;
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->campus, f->show, f->door);
  page.query.sort = LINLI_EVENT_SORT_INSTALLS;
  page.query.descending = FALSE;
  linli_event_query_apply (&page.query, LINLI_TYPE_OUTREACH, page.list);
  assert_shown (page.list, f->door, f->show, f->campus);

  page_clear (&page);
}

static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  Page activities, outreach;
  LinliEventTotals totals;

  page_init (&activities, f, LINLI_TYPE_ACTIVITY);
  linli_event_totals_compute (&totals, f->db.store, LINLI_TYPE_ACTIVITY, activities.list);
  g_assert_cmpuint (totals.n_events, ==, 4);
  g_assert_cmpuint (totals.n_volunteers, ==, 3);
  g_assert_cmpuint (totals.n_participations, ==, 6);
  g_assert_cmpfloat_with_epsilon (totals.hours, 9.5, 1e-9);
  g_assert_cmpint (totals.beneficiaries, ==, 40);

  /* What the search shows: Kong twice, Wang once. */
  page_search (&activities, "孔祥林");
  linli_event_totals_compute (&totals, f->db.store, LINLI_TYPE_ACTIVITY, activities.list);
  g_assert_cmpuint (totals.n_events, ==, 2);
  g_assert_cmpuint (totals.n_volunteers, ==, 3);
  g_assert_cmpuint (totals.n_participations, ==, 4);
  g_assert_cmpfloat_with_epsilon (totals.hours, 7.5, 1e-9);

  activities.query.grid_id = f->grid_a;
  linli_event_query_apply (&activities.query, LINLI_TYPE_ACTIVITY, activities.list);
  linli_event_totals_compute (&totals, f->db.store, LINLI_TYPE_ACTIVITY, activities.list);
  g_assert_cmpuint (totals.n_events, ==, 1);
  g_assert_cmpuint (totals.n_volunteers, ==, 2);
  g_assert_cmpfloat_with_epsilon (totals.hours, 3.5, 1e-9);

  page_search (&activities, "没有这个活动");
  linli_event_totals_compute (&totals, f->db.store, LINLI_TYPE_ACTIVITY, activities.list);
  g_assert_cmpuint (totals.n_events, ==, 0);
  g_assert_cmpuint (totals.n_volunteers, ==, 0);
  g_assert_cmpfloat (totals.hours, ==, 0);

  {
    guint n = 0;
    double hours = 0;
    g_assert_true (linli_activity_count_service (f->db.store, f->cleanup, &n, &hours));
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpfloat_with_epsilon (hours, 4, 1e-9);
  }

  page_init (&outreach, f, LINLI_TYPE_OUTREACH);
  linli_event_totals_compute (&totals, f->db.store, LINLI_TYPE_OUTREACH, outreach.list);
  g_assert_cmpuint (totals.n_events, ==, 3);
  g_assert_cmpint (totals.attendees, ==, 940);
  g_assert_cmpint (totals.leaflets, ==, 1280);
  g_assert_cmpint (totals.app_installs, ==, 450);
  page_search (&outreach, "老年人");
  linli_event_totals_compute (&totals, f->db.store, LINLI_TYPE_OUTREACH, outreach.list);
  g_assert_cmpuint (totals.n_events, ==, 2);
  g_assert_cmpint (totals.attendees, ==, 340);
  g_assert_cmpint (totals.leaflets, ==, 280);
  g_assert_cmpint (totals.app_installs, ==, 150);

  page_clear (&activities);
  page_clear (&outreach);
}

static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  g_auto(GStrv) types = linli_store_dup_activity_types (f->db.store);
  g_auto(GStrv) groups = linli_store_dup_outreach_names (f->db.store, "outreach_target_group");
  g_auto(GStrv) topics = linli_store_dup_outreach_names (f->db.store, "outreach_topic");

  g_assert_cmpstr (types[0], ==, "助老");   /* the most used first */
  g_assert_cmpuint (g_strv_length (types), ==, 3);
  g_assert_cmpstr (groups[0], ==, "老年人");
  g_assert_cmpuint (g_strv_length (groups), ==, 4);
  g_assert_cmpuint (g_strv_length (topics), ==, 5);
}

/* ------------------------------------------------------------------------ */

static void
test_hours (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = linli_volunteer_hours_by_volunteer (f->db.store, NULL, NULL, &error);
  g_autoptr(GDateTime) april = at (4, 1, 0);
  g_autoptr(GDateTime) may = at (5, 1, 0);
  g_autoptr(GHashTable) in_april = linli_volunteer_hours_by_volunteer (f->db.store, april, may, &error);
  g_autoptr(GPtrArray) service = NULL;
  LinliServiceTotal *total, one;

  g_assert_no_error (error);
  /* Kong: 2 + 3 hours in two activities. */
  total = g_hash_table_lookup (all, &f->kong);
  g_assert_nonnull (total);
  g_assert_cmpuint (total->n_activities, ==, 2);
  g_assert_cmpfloat_with_epsilon (total->hours, 5, 1e-9);
  /* Wang: 1.5 done, 0 planned. */
  total = g_hash_table_lookup (all, &f->wang);
  g_assert_cmpuint (total->n_activities, ==, 2);
  g_assert_cmpfloat_with_epsilon (total->hours, 1.5, 1e-9);
  /* Li: 1 hour; the cancelled activity does not count. */
  total = g_hash_table_lookup (all, &f->li);
  g_assert_cmpuint (total->n_activities, ==, 1);
  g_assert_cmpfloat_with_epsilon (total->hours, 1, 1e-9);

  /* April alone: the clean-up. */
  g_assert_cmpuint (g_hash_table_size (in_april), ==, 2);
  total = g_hash_table_lookup (in_april, &f->kong);
  g_assert_cmpfloat_with_epsilon (total->hours, 3, 1e-9);
  g_assert_null (g_hash_table_lookup (in_april, &f->wang));

  g_assert_true (linli_volunteer_hours_total (f->db.store, f->kong, april, NULL, &one, &error));
  g_assert_cmpuint (one.n_activities, ==, 1);
  g_assert_cmpfloat_with_epsilon (one.hours, 3, 1e-9);
  g_assert_true (linli_volunteer_hours_total (f->db.store, f->kong, NULL, april, &one, &error));
  g_assert_cmpfloat_with_epsilon (one.hours, 2, 1e-9);

  service = linli_volunteer_list_service (f->db.store, f->kong, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (service->len, ==, 2);
  g_assert_cmpint (linli_record_get_id (((LinliService *) service->pdata[0])->activity), ==, f->cleanup);
  g_assert_cmpfloat (((LinliService *) service->pdata[0])->hours, ==, 3);
  g_assert_cmpstr (((LinliService *) service->pdata[0])->role, ==, "志愿者");
  g_assert_cmpint (linli_record_get_id (((LinliService *) service->pdata[1])->activity), ==, f->memorial);

  /* The volunteers list by hours, with or without those who did not serve. */
  {
    g_autoptr(LinliRecordList) list = linli_record_list_new (f->db.store, LINLI_TYPE_VOLUNTEER, NULL, NULL, 0);

    linli_volunteer_query_apply (list, NULL, NULL, FALSE, LINLI_VOLUNTEER_SORT_HOURS, TRUE);
    assert_shown (list, f->kong, f->wang, f->li);
    linli_volunteer_query_apply (list, april, may, TRUE, LINLI_VOLUNTEER_SORT_HOURS, TRUE);
    assert_shown (list, f->kong, f->li);
    linli_volunteer_query_apply (list, NULL, NULL, FALSE, LINLI_VOLUNTEER_SORT_NAME, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  }
}

/* ------------------------------------------------------------------------ */

static void
test_save_activity (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) activity = linli_store_get (f->db.store, LINLI_TYPE_ACTIVITY, f->memorial, &error);
  g_autoptr(GPtrArray) list = linli_store_load_participations (f->db.store, f->memorial, &error);
  g_autoptr(LinliRecord) fresh = linli_record_new (LINLI_TYPE_VOLUNTEER);
  g_autoptr(GPtrArray) again = NULL;
  gint64 kept_id;
  const gint64 partners[] = { f->police, f->school };

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (linli_record_get_int (list->pdata[0], "volunteer_id"), ==, f->kong);
  g_assert_cmpint (linli_record_get_int (list->pdata[0], "activity_id"), ==, f->memorial);

  /* Wang leaves, Kong stays with other hours, a new volunteer joins. */
  kept_id = linli_record_get_id (list->pdata[0]);
  g_ptr_array_remove_index (list, 1);
  linli_record_set_double (list->pdata[0], "hours", 2.5);
  g_ptr_array_add (list, participation (0, 1));
  linli_record_set_text (fresh, "name", "赵新");
  linli_participation_set_new_volunteer (list->pdata[1], fresh);
  linli_record_set_refs (activity, "partners", partners, 2);
  linli_record_set_text (activity, "title", "雷锋纪念馆讲解");

  g_assert_true (linli_store_save_activity (f->db.store, NULL, activity, NULL, list, &error));
  g_assert_no_error (error);
  g_assert_cmpint (linli_record_get_id (fresh), >, 0);
  g_assert_cmpint (linli_record_get_int (list->pdata[1], "volunteer_id"), ==, linli_record_get_id (fresh));

  again = linli_store_load_participations (f->db.store, f->memorial, &error);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpint (linli_record_get_id (again->pdata[0]), ==, kept_id);
  g_assert_cmpfloat (linli_record_get_double (again->pdata[0], "hours"), ==, 2.5);
  g_assert_true (linli_record_equal (again->pdata[1], list->pdata[1]));
  {
    g_autoptr(LinliRecord) read = linli_store_get (f->db.store, LINLI_TYPE_ACTIVITY, f->memorial, &error);
    GArray *refs = linli_record_get_refs (read, "partners");

    g_assert_true (linli_record_equal (read, activity));
    g_assert_cmpuint (refs->len, ==, 2);
  }
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, 4);
}

static void
test_save_activity_fails_whole (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
  g_autoptr(LinliRecord) fresh = linli_record_new (LINLI_TYPE_VOLUNTEER);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = at (6, 1, 9);
  guint n_activities = linli_store_count (f->db.store, LINLI_TYPE_ACTIVITY);
  guint n_participations = linli_store_count (f->db.store, LINLI_TYPE_PARTICIPATION);
  guint n_volunteers = linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER);

  linli_record_set_text (activity, "title", "义务理发");
  linli_record_set_text (activity, "type", "助老");
  linli_record_set_datetime (activity, "start_at", start);
  linli_record_set_text (fresh, "name", "钱理发");
  g_ptr_array_add (list, participation (0, 2));
  linli_participation_set_new_volunteer (list->pdata[0], fresh);
  /* The schema allows no more than 24 hours. */
  g_ptr_array_add (list, participation (f->kong, 30));

  g_assert_false (linli_store_save_activity (f->db.store, NULL, activity, NULL, list, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_ACTIVITY), ==, n_activities);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_PARTICIPATION), ==, n_participations);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, n_volunteers);
  /* Everything as it was, to be saved again once corrected. */
  g_assert_cmpint (linli_record_get_id (activity), ==, 0);
  g_assert_cmpint (linli_record_get_id (fresh), ==, 0);
  g_assert_cmpint (linli_record_get_id (list->pdata[0]), ==, 0);
  g_assert_cmpint (linli_record_get_int (list->pdata[0], "volunteer_id"), ==, 0);

  g_clear_error (&error);
  linli_record_set_double (list->pdata[1], "hours", 3);
  g_assert_true (linli_store_save_activity (f->db.store, NULL, activity, NULL, list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_PARTICIPATION), ==, n_participations + 2);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, n_volunteers + 1);
}

/* An outreach event and the organisers new with it are saved whole or not
 * at all; a failed save leaves them as they were. */
static void
test_save_outreach (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(LinliRecord) fresh = linli_record_new (LINLI_TYPE_ORGANISATION);
  g_autoptr(LinliRecord) unused = linli_record_new (LINLI_TYPE_ORGANISATION);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GDateTime) start = at (6, 2, 15);
  gint64 keys[] = { f->police, -2 };
  guint n_outreach = linli_store_count (f->db.store, LINLI_TYPE_OUTREACH);
  guint n_organisations = linli_store_count (f->db.store, LINLI_TYPE_ORGANISATION);
  GArray *refs;

  linli_record_set_text (unused, "name", "不再选的单位");
  linli_record_set_text (fresh, "name", "反诈中心");
  g_ptr_array_add (added, unused);
  g_ptr_array_add (added, fresh);
  linli_record_set_datetime (outreach, "start_at", start);
  linli_record_set_refs (outreach, "organisers", keys, G_N_ELEMENTS (keys));
  /* No title: the schema refuses the event, and the new organiser too. */
  g_assert_false (linli_store_save_outreach (f->db.store, NULL, outreach, added, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_OUTREACH), ==, n_outreach);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_ORGANISATION), ==, n_organisations);
  g_assert_cmpint (linli_record_get_id (outreach), ==, 0);
  g_assert_cmpint (linli_record_get_id (fresh), ==, 0);
  refs = linli_record_get_refs (outreach, "organisers");
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_cmpint (g_array_index (refs, gint64, 1), ==, -2);

  linli_record_set_text (outreach, "title", "反诈宣传进菜场");
  g_assert_true (linli_store_save_outreach (f->db.store, NULL, outreach, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (linli_record_get_id (outreach), >, 0);
  g_assert_cmpint (linli_record_get_id (fresh), >, 0);
  /* Only the new organisation still chosen is stored. */
  g_assert_cmpint (linli_record_get_id (unused), ==, 0);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_ORGANISATION), ==, n_organisations + 1);
  refs = linli_record_get_refs (outreach, "organisers");
  g_assert_cmpint (g_array_index (refs, gint64, 0), ==, f->police);
  g_assert_cmpint (g_array_index (refs, gint64, 1), ==, linli_record_get_id (fresh));
}

/* An edit of a stored event writes what it changed: what was changed
 * elsewhere meanwhile is kept. */
static void
test_save_keeps_other_changes (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) activity = linli_store_get (f->db.store, LINLI_TYPE_ACTIVITY, f->cleanup, &error);
  g_autoptr(LinliRecord) outreach = linli_store_get (f->db.store, LINLI_TYPE_OUTREACH, f->door, &error);
  g_autoptr(LinliRecord) edited = NULL;
  g_autoptr(LinliRecord) elsewhere = NULL;
  g_autoptr(LinliRecord) stored = NULL;
  g_autoptr(GPtrArray) participations = linli_store_load_participations (f->db.store, f->cleanup, &error);

  edited = linli_record_copy (activity);
  elsewhere = linli_record_copy (activity);
  linli_record_set_text (elsewhere, "venue", "小区广场");
  g_assert_true (linli_store_update (f->db.store, elsewhere, &error));
  linli_record_set_text (edited, "description", "清理楼道杂物");
  g_assert_true (linli_store_save_activity (f->db.store, activity, edited, NULL, participations, &error));
  g_assert_no_error (error);
  stored = linli_store_get (f->db.store, LINLI_TYPE_ACTIVITY, f->cleanup, &error);
  g_assert_cmpstr (linli_record_get_text (stored, "venue"), ==, "小区广场");
  g_assert_cmpstr (linli_record_get_text (stored, "description"), ==, "清理楼道杂物");
  g_clear_object (&stored);
  g_clear_object (&edited);
  g_clear_object (&elsewhere);

  edited = linli_record_copy (outreach);
  elsewhere = linli_record_copy (outreach);
  linli_record_set_int (elsewhere, "leaflets", 321);
  g_assert_true (linli_store_update (f->db.store, elsewhere, &error));
  linli_record_set_text (edited, "notes", "下雨改期");
  g_assert_true (linli_store_save_outreach (f->db.store, outreach, edited, NULL, &error));
  g_assert_no_error (error);
  stored = linli_store_get (f->db.store, LINLI_TYPE_OUTREACH, f->door, &error);
  g_assert_cmpint (linli_record_get_int (stored, "leaflets"), ==, 321);
  g_assert_cmpstr (linli_record_get_text (stored, "notes"), ==, "下雨改期");
}

static void
test_delete_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) activity = linli_store_get (f->db.store, LINLI_TYPE_ACTIVITY, f->cleanup, &error);
  g_autoptr(GPtrArray) participations = NULL;
  g_autoptr(GPtrArray) back = NULL;
  guint n = linli_store_count (f->db.store, LINLI_TYPE_PARTICIPATION);

  g_assert_true (linli_store_delete_activity (f->db.store, activity, &participations, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (participations->len, ==, 2);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_PARTICIPATION), ==, n - 2);
  /* The volunteers stay. */
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, 3);

  g_assert_true (linli_store_restore_activity (f->db.store, activity, participations, &error));
  g_assert_no_error (error);
  back = linli_store_load_participations (f->db.store, f->cleanup, &error);
  g_assert_cmpuint (back->len, ==, 2);
  for (guint i = 0; i < back->len; i++)
    g_assert_true (linli_record_equal (back->pdata[i], participations->pdata[i]));
}

/* The register of partner organisations, written in one call: what was
 * removed, what is new, what changed; or, when one fails, nothing. */
static void
test_save_organisations (Fixture       *f,
                         gconstpointer  data)
{
  LinliStore *store = f->db.store;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinliRecord) police = linli_store_get (store, LINLI_TYPE_ORGANISATION, f->police, NULL);
  g_autoptr(LinliRecord) school = linli_store_get (store, LINLI_TYPE_ORGANISATION, f->school, NULL);
  g_autoptr(LinliRecord) renamed = linli_record_copy (police);
  g_autoptr(LinliRecord) added = linli_record_new (LINLI_TYPE_ORGANISATION);
  g_autoptr(LinliRecord) nameless = linli_record_new (LINLI_TYPE_ORGANISATION);
  g_autoptr(LinliRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint n = linli_store_count (store, LINLI_TYPE_ORGANISATION);

  linli_record_set_text (renamed, "name", "城东派出所");
  linli_record_set_text (added, "name", "社区卫生服务站");
  linli_record_set_enum (added, "kind", LINLI_ORGANISATION_KIND_OTHER);
  g_ptr_array_add (records, g_object_ref (renamed));
  g_ptr_array_add (records, g_object_ref (added));
  g_ptr_array_add (removed, g_object_ref (school));

  /* A nameless one fails the whole register: nothing is written, and the
   * new one is new again. */
  linli_record_set_enum (nameless, "kind", LINLI_ORGANISATION_KIND_OTHER);
  g_ptr_array_add (records, g_object_ref (nameless));
  g_assert_false (linli_store_save_organisations (store, records, removed, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (linli_record_get_id (added), ==, 0);
  g_assert_cmpuint (linli_store_count (store, LINLI_TYPE_ORGANISATION), ==, n);
  stored = linli_store_get (store, LINLI_TYPE_ORGANISATION, f->police, NULL);
  g_assert_true (linli_record_equal (stored, police));
  g_clear_object (&stored);

  g_ptr_array_remove_index (records, records->len - 1);
  g_assert_true (linli_store_save_organisations (store, records, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (linli_record_get_id (added), >, 0);
  g_assert_cmpuint (linli_store_count (store, LINLI_TYPE_ORGANISATION), ==, n);
  stored = linli_store_get (store, LINLI_TYPE_ORGANISATION, f->police, NULL);
  g_assert_cmpstr (linli_record_get_text (stored, "name"), ==, "城东派出所");
  g_clear_object (&stored);
  /* The school's row is gone; its id may be the new one's. */
  stored = linli_store_get (store, LINLI_TYPE_ORGANISATION, f->school, NULL);
  g_assert_true (stored == NULL || linli_record_get_id (added) == f->school);
  if (stored != NULL)
    g_assert_cmpstr (linli_record_get_text (stored, "name"), ==, "社区卫生服务站");
}

/* Every list column of the events, written and read back in full. */
static void
test_lists_read_back (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) outreach = linli_store_get (f->db.store, LINLI_TYPE_OUTREACH, f->campus, &error);
  g_autoptr(LinliRecord) activity = linli_store_get (f->db.store, LINLI_TYPE_ACTIVITY, f->memorial, &error);
  const char * const *groups, * const *topics;
  GArray *organisers, *partners;

  g_assert_no_error (error);
  groups = linli_record_get_strv (outreach, "target_groups");
  topics = linli_record_get_strv (outreach, "topics");
  organisers = linli_record_get_refs (outreach, "organisers");
  partners = linli_record_get_refs (activity, "partners");
  g_assert_cmpuint (g_strv_length ((char **) groups), ==, 2);
  g_assert_true (g_strv_contains (groups, "学生") && g_strv_contains (groups, "教师"));
  g_assert_cmpuint (g_strv_length ((char **) topics), ==, 2);
  g_assert_true (g_strv_contains (topics, "刷单返利") && g_strv_contains (topics, "游戏账号交易"));
  g_assert_cmpuint (organisers->len, ==, 2);
  g_assert_cmpuint (partners->len, ==, 1);
  g_assert_cmpint (g_array_index (partners, gint64, 0), ==, f->school);

  /* Emptied and changed. */
  {
    const char *one[] = { "养老诈骗", NULL };
    g_autoptr(LinliRecord) read = NULL;

    linli_record_set_strv (outreach, "target_groups", NULL);
    linli_record_set_strv (outreach, "topics", one);
    linli_record_set_refs (outreach, "organisers", &f->police, 1);
    linli_record_set_enum (outreach, "format", LINLI_OUTREACH_FORMAT_PERFORMANCE);
    g_assert_true (linli_store_update (f->db.store, outreach, &error));
    read = linli_store_get (f->db.store, LINLI_TYPE_OUTREACH, f->campus, &error);
    g_assert_true (read != NULL && linli_record_equal (read, outreach));
  }
}

/* ------------------------------------------------------------------------ */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A file as Linli wrote it before migration 3, with events in it: at
 * version 1, or at 2 with the base map's columns (which a later migration
 * copies when it makes the community table anew). */
static void
test_migration (gconstpointer data)
{
  guint from_version = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("linli-migration-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GBytes) initial = g_resources_lookup_data (RESOURCE_BASE "/sql/001-initial.sql", 0, &error);
  g_autofree char *sql = g_strndup (g_bytes_get_data (initial, NULL), g_bytes_get_size (initial));
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliRecord) organisation = NULL;
  g_autoptr(LinliRecord) outreach = NULL;
  g_autoptr(LinliRecord) over = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA foreign_keys = ON");
  exec_sql (db, sql);
  if (from_version >= 2)
    {
      g_autoptr(GBytes) base_map = g_resources_lookup_data (RESOURCE_BASE "/sql/002-base-map.sql", 0, &error);
      g_autofree char *base_map_sql = g_strndup (g_bytes_get_data (base_map, NULL), g_bytes_get_size (base_map));

      exec_sql (db, base_map_sql);
    }
  {
    g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %u", from_version);
    exec_sql (db, version);
  }
  exec_sql (db, "INSERT INTO organisation (id, name) VALUES (1, '许庄派出所');"
                "INSERT INTO outreach (id, title, start_at, format, attendees, app_installs)"
                " VALUES (1, '反诈宣传', '2026-03-03T14:30:00+08:00', 'stall', 80, 20);"
                "INSERT INTO outreach (id, title, start_at, format, attendees, app_installs)"
                " VALUES (2, '线上直播', '2026-03-04T20:00:00+08:00', 'online', 10, 90);"
                "INSERT INTO outreach_organiser VALUES (1, 1), (2, 1);"
                "INSERT INTO outreach_target_group VALUES (1, '老年人'), (1, '学生');"
                "INSERT INTO outreach_topic VALUES (1, '刷单返利');");
  sqlite3_close (db);

  store = linli_store_open (path, &error);
  g_assert_no_error (error);

  organisation = linli_store_get (store, LINLI_TYPE_ORGANISATION, 1, &error);
  g_assert_cmpstr (linli_record_get_text (organisation, "name"), ==, "许庄派出所");
  g_assert_cmpint (linli_record_get_enum (organisation, "kind"), ==, LINLI_ORGANISATION_KIND_OTHER);

  /* The rows of the rebuilt table, and those that point at them, kept. */
  outreach = linli_store_get (store, LINLI_TYPE_OUTREACH, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_record_get_text (outreach, "title"), ==, "反诈宣传");
  g_assert_cmpint (linli_record_get_enum (outreach, "format"), ==, LINLI_OUTREACH_FORMAT_STALL);
  g_assert_cmpint (linli_record_get_int (outreach, "app_installs"), ==, 20);
  g_assert_false (linli_record_get_bool (outreach, "installs_off_site"));
  g_assert_cmpuint (g_strv_length ((char **) linli_record_get_strv (outreach, "target_groups")), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) linli_record_get_strv (outreach, "topics")), ==, 1);
  g_assert_cmpuint (linli_record_get_refs (outreach, "organisers")->len, ==, 1);
  /* More installs than attendees: made off-site, as it can only have been. */
  over = linli_store_get (store, LINLI_TYPE_OUTREACH, 2, &error);
  g_assert_true (linli_record_get_bool (over, "installs_off_site"));

  /* The new format is allowed, a deleted event still takes its lists along. */
  linli_record_set_enum (outreach, "format", LINLI_OUTREACH_FORMAT_PERFORMANCE);
  g_assert_true (linli_store_update (store, outreach, &error));
  g_assert_no_error (error);
  g_assert_true (linli_store_delete (store, over, &error));
  g_assert_true (linli_store_delete (store, outreach, &error));
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = linli_store_prepare (store, "SELECT (SELECT count (*) FROM outreach_organiser)"
                                                     " + (SELECT count (*) FROM outreach_target_group)", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
    stmt = linli_store_prepare (store, "PRAGMA user_version", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, linli_store_schema_version ());
    sqlite3_reset (stmt);
  }

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffix[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/event-query/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("search/activities", test_search_activities);
  ADD ("search/outreach", test_search_outreach);
  ADD ("filters/activities", test_filters_activities);
  ADD ("filters/outreach", test_filters_outreach);
  ADD ("totals", test_totals);
  ADD ("choices", test_choices);
  ADD ("hours", test_hours);
  ADD ("save/activity", test_save_activity);
  ADD ("save/fails-whole", test_save_activity_fails_whole);
  ADD ("save/outreach", test_save_outreach);
  ADD ("save/keeps-other-changes", test_save_keeps_other_changes);
  ADD ("save/delete-and-restore", test_delete_and_restore);
  ADD ("save/lists", test_lists_read_back);
  ADD ("save/organisations", test_save_organisations);
#undef ADD
  g_test_add_data_func ("/event-query/migration/from-1", GUINT_TO_POINTER (1), test_migration);
  g_test_add_data_func ("/event-query/migration/from-2", GUINT_TO_POINTER (2), test_migration);

  return g_test_run ();
}
